"""Pilot tests of the analyst's day (issue 14): what changed, followed dyads, live data, the
article read on a small terminal, corrections that keep the cursor, the theme remembered,
find in the article, copying a link, a footer that fits 80 columns."""
from __future__ import annotations

import json
import sqlite3

import pytest

pytest.importorskip("textual")

from tui_support import UIDS, index, make_app, settle, sync, write_corpus  # noqa: E402

from talkwatch.tui.app import MainScreen  # noqa: E402
from talkwatch.tui.widgets.articles import ArticleList  # noqa: E402
from talkwatch.tui.widgets.dyads import DyadList  # noqa: E402
from talkwatch.tui.widgets.events import EventList  # noqa: E402
from talkwatch.tui.widgets.reader import Reader  # noqa: E402

WIDE = (160, 45)
SMALL = (80, 24)


def backdate(db, uids, when="2025-01-01T00:00:00"):
    conn = sqlite3.connect(str(db))
    with conn:
        conn.executemany("UPDATE articles SET indexed_at = ? WHERE uid = ?", [(when, u) for u in uids])
    conn.close()


# ---------------------------------------------------------------------- what changed

@sync
async def test_changes_view_lists_what_moved_and_opens_a_cluster(tui_db_ids):
    db, ids = tui_db_ids
    # yesterday's run brought round 2 and the India story; the last run round 3 and the long read
    backdate(db, [UIDS["round2"], UIDS["india"], UIDS["cricket"], UIDS["hostile"]])
    app = make_app(db)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        from talkwatch.tui.screens.changes import ChangesScreen
        from talkwatch.tui.screens.sources import SourcesScreen

        screen = app.screen
        assert isinstance(screen, ChangesScreen)
        lines = [line for line in screen.lines if line]
        assert {line["dyad"] for line in lines} == {"AFG-PAK"}
        texts = [line["text"] for line in lines]
        assert any(t.startswith("new: 2025-12 TALKS scheduled Doha") for t in texts), texts
        assert "1 dyad changed since" in str(screen.query_one("#changes-head").render())
        # enter on the new cluster: its reports, then the article at its sentence
        lst = screen.query_one("#changes-list")
        lst.highlighted = screen.lines.index(next(line for line in screen.lines
                                                  if line and line["text"].startswith("new: 2025-12")))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SourcesScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        reader = app.q("#reader", Reader)
        assert reader.uid == UIDS["long"] and reader.focus_id == ids["late"]
        # f in the view limits it to the followed dyads (none yet)
        await pilot.press("w")
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert app.screen.report.followed_only and app.screen.report.items == []
        assert "no changes in the dyads you follow" in str(app.screen.query_one("#changes-head").render())
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


@sync
async def test_the_changes_key_is_in_the_footer_and_the_footer_fits_80_columns(tui_db):
    app = make_app(tui_db)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        for pane in ("articles", "dyads", "events", "reader"):
            app.main.show_pane(pane)
            await settle(pilot)
            footer = app.screen.query_one("Footer")
            keys = [b.key for _, b, enabled, _ in app.screen.active_bindings.values() if b.show]
            assert "w" in keys
            # every shown binding is drawn in full: the footer's items fit in 80 columns
            width = sum(len(app.get_key_display(b)) + len(b.description) + 2
                        for _, b, _, _ in app.screen.active_bindings.values() if b.show)
            assert width <= 80, (pane, width, keys)
            assert footer.region.width == 80


# ---------------------------------------------------------------------- followed dyads

@sync
async def test_f_follows_a_dyad_which_comes_first(tui_db):
    app = make_app(tui_db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("d", "j")                  # IND-PAK, the second
        dyads = app.q("#dyads", DyadList)
        assert dyads.highlighted_option.id == "IND-PAK"
        await pilot.press("f")
        await settle(pilot)
        assert app.library.followed() == ["IND-PAK"]
        assert [s["dyad"] for s in dyads.summaries] == ["IND-PAK", "AFG-PAK"]
        assert "★ IND-PAK" in str(dyads.get_option_at_index(0).prompt)
        assert dyads.highlighted_option.id == "IND-PAK"          # the cursor stayed on it
        await pilot.press("f")
        await settle(pilot)
        assert app.library.followed() == []
        assert dyads.highlighted_option.id == "IND-PAK"


@sync
async def test_x_in_the_dyads_pane_says_why_the_summary_reads_as_it_does(tui_db):
    from talkwatch.tui.screens.explain import ExplainScreen

    app = make_app(tui_db)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("d")
        dyads = app.q("#dyads", DyadList)
        assert dyads.highlighted_option.id == "AFG-PAK"
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, ExplainScreen)
        text = str(app.screen.query_one("#explain-body").render())
        summary = app.library.dyad("AFG-PAK").summary
        assert f"talks: {summary['talks_status']}" in text          # the part and its value
        assert "<- TALKS" in text                                   # the cluster that decided it
        assert "round" in text.lower() and ".txt" in text           # its sentence and a report's uid
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


# ---------------------------------------------------------------------- live data

@sync
async def test_a_finished_index_run_is_noticed_and_the_selection_kept(tui_db, tmp_path):
    app = make_app(tui_db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("j", "j")                  # the third article, open in the reader
        await settle(pilot)
        articles = app.q("#articles", ArticleList)
        chosen = articles.current.uid
        app.check_for_changes()                      # the first look: remembers the state
        await settle(pilot)
        total = articles.total
        # an index run adds an article while the TUI is open
        corpus = tmp_path / "corpus"
        write_corpus(corpus, {"afpak/new.txt": (
            "Title: Envoys of India and China to meet in Beijing\nPublished: 2025-11-02\nSource: Desk\n\n"
            "India and China will hold talks in Beijing on November 20, officials said.\n")})
        index(tui_db, corpus)
        app.check_for_changes()
        await settle(pilot)
        assert articles.total == total + 1
        assert articles.current.uid == chosen and app.q("#reader", Reader).uid == chosen
        notes = [n.message for n in app._notifications]
        assert any(m.startswith("new data: +1 article") for m in notes), notes
        # nothing new: no second notice
        app.check_for_changes()
        await settle(pilot)
        assert len([n for n in app._notifications if n.message.startswith("new data")]) == 1


# ---------------------------------------------------------------------- small terminal, corrections

@sync
async def test_small_terminal_keeps_the_article_read_until_one_is_opened(tui_db):
    app = make_app(tui_db)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.q("#reader", Reader)
        assert reader.uid == UIDS["round3"]
        await pilot.press("escape", "slash", *"quetta")      # (/ in the reader finds in the article)
        await settle(pilot)
        assert app.listing.total == 1 and reader.uid == UIDS["round3"]      # typing did not replace it
        await pilot.press("enter")                   # to the list
        await settle(pilot)
        assert reader.uid == UIDS["round3"]
        await pilot.press("enter")                   # open the result
        await settle(pilot)
        assert reader.uid == UIDS["cricket"] and app.focused is reader


@sync
async def test_a_correction_keeps_the_cursor_on_its_cluster(tui_db_ids):
    db, ids = tui_db_ids
    app = make_app(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        app.choose_dyad("AFG-PAK")
        await settle(pilot)
        events = app.q("#events", EventList)
        events.focus()
        await pilot.press("g")                       # the first cluster, not the latest
        assert events.highlighted == 0
        await pilot.press("c")
        await settle(pilot)
        from textual.widgets import Select

        app.screen.query_one("#correct-status", Select).value = "failed"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert events.mode == "timeline" and events.highlighted == 0
        assert events.rows[0]["status"] == "failed"


# ---------------------------------------------------------------------- theme, find, copy

@sync
async def test_the_theme_is_remembered(tui_db, tmp_path):
    settings = tmp_path / "config" / "tui.json"
    app = make_app(tui_db, settings=settings)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        app.theme = "textual-light"
        await settle(pilot)
    assert json.loads(settings.read_text())["theme"] == "textual-light"
    app = make_app(tui_db, settings=settings)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert app.theme == "textual-light"
    # without a settings file (tests, and anyone who passes none) nothing is read or written
    app = make_app(tui_db)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert app.theme != "textual-light"


@sync
async def test_find_in_the_article_and_move_between_matches(tui_db_ids):
    db, ids = tui_db_ids
    app = make_app(db)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        app.set_query("frontier economy")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.q("#reader", Reader)
        assert reader.uid == UIDS["long"] and app.focused is reader
        await pilot.press("slash")
        find = app.screen.query_one("#find")
        assert app.focused is find and find.display and not app.screen.query_one("#search").display
        await pilot.press(*"TRUCKS")
        await settle(pilot)
        assert len(reader.found) == 40 and reader.found_at == 0       # any case
        body = reader.view.article.body
        assert "find-focus" in reader.marks_at(body.lower().index("trucks"))
        await pilot.press("enter")                   # keep the matches, back to the reader
        assert app.focused is reader and not find.display
        await pilot.press("n", "n")
        assert reader.found_at == 2
        top, bottom = reader.visible_lines()
        assert top <= reader.line_of(reader.found[2][0]) < bottom
        await pilot.press("N")
        assert reader.found_at == 1
        assert "2/40" in str(reader.border_subtitle)
        # event sentences keep their own keys
        await pilot.press("right_square_bracket")
        assert reader.focus_id == ids["late"]
        # esc in the find bar clears the find
        await pilot.press("slash", "escape")
        assert reader.found == [] and app.focused is reader


@sync
async def test_o_copies_the_articles_link_through_the_terminal(tui_db):
    app = make_app(tui_db)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.q("#reader", Reader)
        await pilot.press("o")
        art = reader.view.article
        assert app.clipboard == (art.url or art.file) and app.clipboard
        notes = [n.message for n in app._notifications]
        assert any(m.startswith("copied the article's path to the clipboard") for m in notes), notes
