"""Pilot tests of the TUI: each flow a user has, run headless with App.run_test.

No sleeps: every test waits for the workers and the message queue (``settle``).
"""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("textual")

from tui_support import HOSTILE_TITLE, UIDS, build_db, index, make_app, settle, sync, write_corpus  # noqa: E402

from talkwatch.tui.app import MainScreen, TalkwatchApp  # noqa: E402
from talkwatch.tui.widgets.articles import ArticleList  # noqa: E402
from talkwatch.tui.widgets.dyads import DyadList  # noqa: E402
from talkwatch.tui.widgets.events import EventList  # noqa: E402
from talkwatch.tui.widgets.reader import Reader  # noqa: E402

WIDE = (160, 45)
SMALL = (80, 24)


async def type_query(pilot, text: str) -> None:
    await pilot.press("slash")
    app = pilot.app
    search = app.q("#search")
    search.value = ""
    await pilot.press(*list(text) if text else [])
    await settle(pilot)


def widgets(app):
    return (app.q("#articles", ArticleList), app.q("#reader", Reader), app.q("#events", EventList),
            app.q("#dyads", DyadList))


def status_text(app) -> str:
    return str(app.q("#status").render())


# ---------------------------------------------------------------------- first screen

@sync
async def test_first_screen_lists_newest_articles_and_dyads(tui_db):
    app = make_app(tui_db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        articles, reader, events, dyads = widgets(app)
        assert articles.total == len(UIDS)
        assert [articles.row(i).uid for i in range(3)] == [UIDS["round3"], UIDS["round2"], UIDS["long"]]
        assert "6 articles, newest first" in status_text(app)
        # the first article is previewed in the reader, its events in the events pane
        assert reader.uid == UIDS["round3"]
        assert len(events.article_events) == 1
        assert [s["dyad"] for s in dyads.summaries] == ["AFG-PAK", "IND-PAK"]
        assert app.focused is articles


@sync
async def test_all_panes_side_by_side_when_wide(tui_db):
    app = make_app(tui_db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        articles, reader, events, dyads = widgets(app)
        assert app.screen.has_class("-wide")
        for w in (articles, reader, events, dyads):
            assert w.region.width > 20 and w.region.height > 5, w
        assert articles.region.x < reader.region.x < events.region.x
        assert dyads.region.x == articles.region.x and dyads.region.y < articles.region.y
        assert not app.q("#panebar").display


@sync
async def test_one_pane_at_a_time_when_small(tui_db):
    app = make_app(tui_db)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        articles, reader, events, dyads = widgets(app)
        screen = app.screen
        assert screen.has_class("-narrow")
        assert app.q("#panebar").display
        visible = [w.id for w in (articles, reader, events, dyads) if w.region.width > 0]
        assert visible == ["articles"]
        assert articles.region.width >= 76 and articles.region.height >= 17
        await pilot.press("enter")
        await settle(pilot)
        visible = [w.id for w in (articles, reader, events, dyads) if w.region.width > 0]
        assert visible == ["reader"]
        assert app.focused is reader


# ---------------------------------------------------------------------- search

@sync
async def test_search_corrects_a_typo_and_says_so(tui_db):
    app = make_app(tui_db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await type_query(pilot, "istambul")
        articles = app.q("#articles", ArticleList)
        assert app.listing.corrected == {"istambul": "istanbul"}
        uids = {articles.row(i).uid for i in range(articles.total)}
        assert uids == {UIDS["round2"], UIDS["round3"]}
        assert "showing istanbul for istambul" in status_text(app)
        # the corrected word is what the reader marks
        reader = app.q("#reader", Reader)
        body = reader.view.article.body
        assert "match" in reader.marks_at(body.index("Istanbul"))


@sync
async def test_search_filters_dyad_and_since(tui_db):
    app = make_app(tui_db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await type_query(pilot, "dyad:IND-PAK")
        articles = app.q("#articles", ArticleList)
        assert articles.total == 1 and articles.row(0).uid == UIDS["india"]
        await type_query(pilot, "since:2025-10-26")
        assert {articles.row(i).uid for i in range(articles.total)} == {UIDS["round2"], UIDS["round3"]}
        await type_query(pilot, "since:nonsense-date-xyz")
        assert "cannot read the date" in status_text(app)
        assert articles.total == 0


@sync
async def test_search_waits_for_a_pause_in_typing(tui_db):
    """Typing does not query on every key: only after the debounce (here: never) or on enter."""
    app = make_app(tui_db, debounce=60)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        before = app.generation
        await pilot.press("slash", *"wickets")
        await pilot.pause()
        assert app.generation == before            # the timer has not fired
        assert not any(w.group == "search" and w.is_running for w in app.workers)
        await pilot.press("enter")
        await settle(pilot)
        assert app.generation == before + 1
        articles = app.q("#articles", ArticleList)
        assert articles.total == 1 and articles.row(0).uid == UIDS["cricket"]
        assert app.focused is articles


@sync
async def test_a_newer_query_supersedes_the_previous_one(tui_db):
    app = make_app(tui_db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        app.start_search("cricket")
        app.start_search("istanbul")
        await settle(pilot)
        articles = app.q("#articles", ArticleList)
        assert articles.search_text == "istanbul"
        assert {articles.row(i).uid for i in range(articles.total)} == {UIDS["round2"], UIDS["round3"]}


@sync
async def test_typing_never_waits_on_the_database(tui_db, monkeypatch):
    """A slow search runs in a worker: keys keep flowing while it runs."""
    import threading

    from talkwatch.library import Library

    gate = threading.Event()
    real = Library.listing

    def slow_listing(self, text, **kw):
        if text == "slow":
            gate.wait(10)
        return real(self, text, **kw)

    monkeypatch.setattr(Library, "listing", slow_listing)
    app = make_app(tui_db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        app.start_search("slow")
        await pilot.pause()
        # the search is stuck in its worker; the UI still answers keys
        await pilot.press("slash", "x")
        await pilot.pause()
        assert app.q("#search").value.endswith("x")
        gate.set()
        await settle(pilot)
        assert app.q("#articles", ArticleList).search_text == "x"   # the newest query won


# ---------------------------------------------------------------------- the list

@sync
async def test_list_keys_move_the_cursor(tui_db):
    app = make_app(tui_db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        articles = app.q("#articles", ArticleList)
        await pilot.press("j", "j")
        assert articles.cursor == 2
        await pilot.press("k")
        assert articles.cursor == 1
        await pilot.press("G")
        assert articles.cursor == articles.total - 1
        await pilot.press("g")
        assert articles.cursor == 0
        await pilot.press("down", "down", "up")
        assert articles.cursor == 1
        await settle(pilot)
        assert app.q("#reader", Reader).uid == articles.row(1).uid


@sync
async def test_a_large_list_is_loaded_a_page_at_a_time(tui_db):
    conn = sqlite3.connect(str(tui_db))
    with conn:
        conn.executemany(
            "INSERT INTO articles(uid, file, title, body, published, source) VALUES (?,?,?,?,?,?)",
            [(f"bulk/{i:05d}", "bulk.jsonl", f"Bulk item {i:05d}", f"filler body {i}", f"2020-01-{1 + i % 28:02d}",
              "Bulk") for i in range(1500)],
        )
    conn.close()
    app = make_app(tui_db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        articles = app.q("#articles", ArticleList)
        assert articles.total == 1500 + len(UIDS)
        assert set(articles._pages) == {0}                  # only the first page was read
        await pilot.press("G")
        await settle(pilot)
        last = articles.row(articles.total - 1)
        assert last is not None and last.uid == UIDS["india"]   # the oldest (2016) comes last
        assert set(articles._pages) == {0, 14, 15}           # and the pages on screen, no others
        strip = articles.render_line(articles.size.height - 1)
        assert "Foreign secretary talks" in "".join(seg.text for seg in strip)


# ---------------------------------------------------------------------- reader and events

@sync
async def test_open_article_shows_metadata_events_and_parties(tui_db_ids):
    db, ids = tui_db_ids
    app = make_app(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")
        await settle(pilot)
        reader = app.q("#reader", Reader)
        assert reader.uid == UIDS["round2"] and app.focused is reader
        doc = reader._doc.plain
        assert "Kabul and Islamabad envoys meet again in Istanbul" in doc
        assert "Frontier Ledger" in doc and "2025-10-29" in doc
        body = reader.view.article.body
        held = body.index("Negotiators")
        assert "event" in reader.marks_at(held)
        assert "trigger" in reader.marks_at(body.index(" met ") + 1)
        assert "event" not in reader.marks_at(body.index("Border trade"))
        events = app.q("#events", EventList)
        assert [e["id"] for e in events.article_events] == [ids["held"], ids["scheduled"]]
        try:
            import talkwatch.extract.parties  # noqa: F401
        except ImportError:
            pass
        else:
            assert "party" in reader.marks_at(body.index("Pakistan"))


@sync
async def test_the_reader_marks_every_sentence_that_tells_an_event(tmp_path):
    # one meeting told twice in an article: one event, both sentences marked
    body = ("Envoys of Armenia and Azerbaijan met in Geneva on Tuesday to discuss the border.\n\n"
            "Officials said the border commission would publish maps next year.\n\n"
            "The meeting in Geneva lasted six hours, a diplomat said.\n")
    folder = write_corpus(tmp_path / "news", {"caucasus/geneva.txt": (
        "Title: Envoys meet in Geneva\nPublished: 2025-03-06\nSource: Ledger\n\n" + body)})
    db = tmp_path / "t.db"
    index(db, folder)
    app = make_app(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.q("#reader", Reader)
        talks = [e for e in reader.view.events if e["type"] == "TALKS"]
        assert len(talks) == 1 and len(talks[0]["mentions"]) == 1
        text = reader.view.article.body
        assert "event" in reader.marks_at(text.index("Envoys of"))
        assert "event" in reader.marks_at(text.index("lasted six hours"))
        assert "event" not in reader.marks_at(text.index("publish maps"))


@sync
async def test_choosing_an_event_scrolls_the_reader_to_its_sentence(tui_db_ids):
    db, ids = tui_db_ids
    app = make_app(db)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        app.set_query("doha")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.q("#reader", Reader)
        assert reader.uid == UIDS["long"]
        body = reader.view.article.body
        target = reader.line_of(body.index("Near the end"))
        top, bottom = reader.visible_lines()
        assert not top <= target < bottom                 # the sentence is far below
        await pilot.press("e")
        await settle(pilot)
        assert app.focused is app.q("#events", EventList)
        await pilot.press("enter")
        await settle(pilot)
        assert app.focused is reader
        top, bottom = reader.visible_lines()
        assert top <= target < bottom
        assert reader.focus_id == ids["late"]
        assert "event-focus" in reader.marks_at(body.index("Near the end"))
        # ] in the reader walks the events too (n / N move between matches)
        await pilot.press("g", "right_square_bracket")
        top, bottom = reader.visible_lines()
        assert top <= target < bottom


@sync
async def test_explain_shows_the_rule_and_the_date_resolution(tui_db_ids):
    db, ids = tui_db_ids
    app = make_app(db)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")     # small terminal: the article is read once opened
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        from talkwatch.tui.screens.explain import ExplainScreen

        assert isinstance(app.screen, ExplainScreen)
        text = str(app.screen.query_one("#explain-body").render())
        assert "tui_seed" in text
        assert "year from the publication date" in text
        assert ids["held"] in text
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


# ---------------------------------------------------------------------- dyads and timeline

@sync
async def test_choosing_a_dyad_filters_articles_and_shows_its_timeline(tui_db_ids):
    db, ids = tui_db_ids
    app = make_app(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("d")
        dyads = app.q("#dyads", DyadList)
        assert app.focused is dyads
        await pilot.press("enter")                      # AFG-PAK, the first
        await settle(pilot)
        assert app.q("#search").value == "dyad:AFG-PAK"
        articles = app.q("#articles", ArticleList)
        assert {articles.row(i).uid for i in range(articles.total)} == {UIDS["round2"], UIDS["round3"], UIDS["long"]}
        events = app.q("#events", EventList)
        assert events.mode == "timeline" and app.focused is events
        assert [r["status"] for r in events.rows] == ["held", "scheduled", "scheduled"]
        assert "Timeline AFG-PAK" in str(events.border_title)
        # the scheduled round was reported by two articles: one cluster
        scheduled = [r for r in events.rows if r["date"] == "2025-11-06"]
        assert len(scheduled) == 1 and scheduled[0]["articles"] == 2
        # enter on a timeline row lists its reports (date, source, title, sentence); enter opens one
        events.highlighted = events.rows.index(scheduled[0])
        await pilot.press("enter")
        await settle(pilot)
        from talkwatch.tui.screens.sources import SourcesScreen

        assert isinstance(app.screen, SourcesScreen)
        assert [r["uid"] for r in app.screen.reports] == [UIDS["round2"], UIDS["round3"]]
        listed = str(app.screen.query_one("#sources-list").get_option_at_index(1).prompt)
        assert "Caravan Times" in listed and "next session with Pakistan" in listed
        await pilot.press("j", "enter")
        await settle(pilot)
        reader = app.q("#reader", Reader)
        assert reader.uid == UIDS["round3"] and reader.focus_id == ids["scheduled2"]
        assert events.mode == "timeline"
        # x on a cluster lists who reported it
        await pilot.press("e", "x")
        await settle(pilot)
        text = str(app.screen.query_one("#explain-body").render())
        assert "Frontier Ledger" in text and "Caravan Times" in text
        await pilot.press("escape", "t")
        assert events.mode == "article"


@sync
async def test_dyad_badges_show_status_next_event_and_sparkline(tui_db):
    app = make_app(tui_db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        dyads = app.q("#dyads", DyadList)
        first = str(dyads.get_option_at_index(0).prompt)
        assert first.startswith("AFG-PAK")
        assert "talks scheduled" in first
        assert "next: TALKS scheduled 2025-11-06 Istanbul" in first
        assert any(ch in first for ch in "▁▂▃▄▅▆▇█")
        second = str(dyads.get_option_at_index(1).prompt)
        assert "IND-PAK" in second and "talks deferred" in second


# ---------------------------------------------------------------------- corrections

@sync
async def test_correcting_an_event_records_it_and_refreshes(tui_db_ids):
    db, ids = tui_db_ids
    app = make_app(db)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")                   # round2: held, scheduled (opened)
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        from textual.widgets import Select

        from talkwatch.tui.screens.correct import CorrectScreen

        form = app.screen
        assert isinstance(form, CorrectScreen)
        assert form.event["id"] == ids["held"]
        form.query_one("#correct-status", Select).value = "failed"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        conn = sqlite3.connect(str(db))
        rows = conn.execute("SELECT event_id, fields, reject FROM corrections").fetchall()
        conn.close()
        assert rows == [(ids["held"], json.dumps({"status": "failed"}), 0)]
        events = app.q("#events", EventList)
        held = [e for e in events.article_events if e["id"] == ids["held"]][0]
        assert held["status"] == "failed" and held["corrected"]
        assert "✎" in str(events.get_option_at_index(0).prompt)


@sync
async def test_rejecting_an_event_removes_it(tui_db_ids):
    db, ids = tui_db_ids
    app = make_app(db)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")
        await settle(pilot)
        await pilot.press("e", "j")                       # the scheduled event of round2
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        from textual.widgets import Checkbox

        form = app.screen
        assert form.event["id"] == ids["scheduled"]
        form.query_one("#correct-reject", Checkbox).value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        events = app.q("#events", EventList)
        assert [e["id"] for e in events.article_events] == [ids["held"]]


@sync
async def test_a_bad_date_in_the_form_is_refused_in_place(tui_db_ids):
    db, ids = tui_db_ids
    app = make_app(db)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("j", "e", "c")
        await settle(pilot)
        form = app.screen
        date = form.query_one("#correct-date")
        date.value = "next tuesday"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert "cannot read the date" in str(form.query_one("#correct-error").render())
        date.value = "2025-02-30"                      # the right shape, not a day
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert "does not exist" in str(form.query_one("#correct-error").render())
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        conn = sqlite3.connect(str(db))
        assert conn.execute("SELECT count(*) FROM corrections").fetchone()[0] == 0
        conn.close()


# ---------------------------------------------------------------------- safety

@sync
async def test_hostile_title_is_shown_literally_and_is_inert(tui_db):
    app = make_app(tui_db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        app.set_query("diplomats quietly")
        await settle(pilot)
        articles = app.q("#articles", ArticleList)
        assert articles.total == 1 and articles.row(0).uid == UIDS["hostile"]
        line = articles.render_line(0)
        drawn = "".join(seg.text for seg in line)
        assert "Envoys [bold]met[/] [@click=app.quit]x[/]" in drawn or drawn.rstrip().endswith("…")
        assert all(not (seg.style and seg.style.meta and "@click" in seg.style.meta) for seg in line)
        # click the title: nothing happens, the app keeps running
        await pilot.click(ArticleList, offset=(40, 0))
        await pilot.click(ArticleList, offset=(40, 0), times=2)
        await settle(pilot)
        assert app.is_running and app.return_code is None
        reader = app.q("#reader", Reader)
        assert reader.uid == UIDS["hostile"]
        doc = reader._doc.plain
        assert HOSTILE_TITLE in doc
        assert "[red]Odd[/] Wire" in doc
        assert "[link=http://x]markup[/link]" in doc
        assert "\x1b" not in doc and "\x07" not in doc
        assert "␛[31mred␛[0m" in doc
        for y in range(reader.size.height):
            for seg in reader.render_line(y):
                assert "\x1b" not in seg.text and "\x07" not in seg.text
        await pilot.click(Reader, offset=(5, 0))
        await settle(pilot)
        assert app.is_running


# ---------------------------------------------------------------------- keys, help, palette

@sync
async def test_tab_escape_and_pane_keys(tui_db):
    app = make_app(tui_db)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        order = []
        for _ in range(4):
            order.append(app.focused.id)
            await pilot.press("tab")
        assert order == ["articles", "reader", "events", "dyads"]
        assert app.focused.id == "articles"
        await pilot.press("shift+tab")
        assert app.focused.id == "dyads"
        await pilot.press("escape")
        assert app.focused.id == "articles"
        await pilot.press("e")
        assert app.focused.id == "events"
        await pilot.press("d")
        assert app.focused.id == "dyads"
        await pilot.press("escape", "escape")
        assert app.focused.id == "articles"
        await pilot.press("slash")
        assert app.focused.id == "search"
        await pilot.press("d", "e")                        # typed, not pane keys
        assert app.q("#search").value == "de"
        await pilot.press("escape")
        assert app.focused.id == "articles"
        await settle(pilot)
        await pilot.press("escape")                        # clears the query
        await settle(pilot)
        assert app.q("#search").value == "" and app.q("#articles", ArticleList).total == len(UIDS)


@sync
async def test_help_lists_every_binding(tui_db):
    from talkwatch.tui.screens.help import HelpScreen

    app = make_app(tui_db)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-body").render())
        for cls in (MainScreen, TalkwatchApp, ArticleList, Reader, EventList, DyadList):
            for b in cls.BINDINGS:
                assert b.description in text, (cls.__name__, b.description)
        assert "dyad:AFG-PAK" in text and "since:" in text
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")
        assert isinstance(app.screen, MainScreen)


@sync
async def test_footer_shows_bindings(tui_db):
    from textual.widgets import Footer

    app = make_app(tui_db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(Footer)
        keys = {getattr(k, "key", None) for k in footer.query("FooterKey")}
        # the footer fits 80 columns: the pane keys (tab, d, e, esc) are in the pane bar of a
        # small terminal and in help, not in the footer
        assert {"slash", "w", "ctrl+q", "f1", "enter"} <= keys


@sync
async def test_command_palette_goes_to_a_dyad_and_toggles_panes(tui_db):
    app = make_app(tui_db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for wanted in ("Go to dyad AFG-PAK", "Go to dyad IND-PAK", "Toggle the dyads pane", "Toggle the events pane",
                       "Maximise the focused pane", "Theme"):
            assert wanted in titles
        await pilot.press("ctrl+p")
        await pilot.press(*"go to dyad ind")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.dyad == "IND-PAK"
        assert app.q("#search").value == "dyad:IND-PAK"
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        commands["Toggle the events pane"].callback()
        await settle(pilot)
        assert app.q("#events").region.width == 0
        commands["Toggle the events pane"].callback()
        await settle(pilot)
        assert app.q("#events").region.width > 0
        app.screen.query_one("#articles").focus()
        commands["Maximise the focused pane"].callback()
        await settle(pilot)
        assert app.screen.maximized is app.q("#articles")
        await pilot.press("escape")
        assert app.screen.maximized is None


@sync
async def test_ctrl_q_quits(tui_db):
    app = make_app(tui_db)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


@sync
async def test_no_color_is_honoured(tui_db, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(tui_db)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert app.no_color


# ---------------------------------------------------------------------- imports and measuring

def test_the_cli_does_not_import_textual():
    code = "import sys, talkwatch.cli; sys.exit(1 if 'textual' in sys.modules else 0)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr


def test_measure_reports_first_paint_and_rss(tui_db):
    proc = subprocess.run([sys.executable, "-m", "talkwatch.tui.measure", str(tui_db), "--json"],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert 0 < out["first_paint_s"] < 10
    assert 10 < out["rss_mb"] < 1000
    assert out["articles"] == len(UIDS)


def test_every_binding_has_an_id_of_its_own():
    """Ids let a user keymap (App.set_keymap) rebind a key: each binding has one, none shared."""
    from textual.binding import Binding

    from talkwatch.tui.screens.correct import CorrectScreen
    from talkwatch.tui.screens.explain import ExplainScreen
    from talkwatch.tui.screens.help import HelpScreen

    owners = (TalkwatchApp, MainScreen, ArticleList, Reader, EventList, DyadList, CorrectScreen, ExplainScreen,
              HelpScreen)
    ids = []
    for owner in owners:
        for b in owner.BINDINGS:
            assert isinstance(b, Binding) and b.id, (owner.__name__, b)
            ids.append(b.id)
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


def test_support_corpus_builds(tmp_path):
    """The fixture database has the articles, the seeded events and both dyads."""
    db, ids = build_db(tmp_path)
    conn = sqlite3.connect(str(db))
    try:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == len(UIDS)
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 5
        assert {r[0] for r in conn.execute("SELECT dyad FROM dyads")} == {"AFG-PAK", "IND-PAK"}
        title = conn.execute("SELECT title FROM articles WHERE uid = ?", (UIDS["hostile"],)).fetchone()[0]
        assert title == HOSTILE_TITLE
    finally:
        conn.close()
