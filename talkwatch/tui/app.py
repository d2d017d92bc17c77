"""The talkwatch terminal interface.

Four panes over one database: the dyads (where each country pair stands), the article list
(newest first, or a search), the reader (one article, the event sentences and the query's
words marked) and the events pane (the article's events, or a dyad's timeline). Every
database call runs in a worker thread that posts a message back; the UI never waits on
SQLite. Article text reaches widgets only as ``rich.text.Text`` (see ``safe.py``).
"""
from __future__ import annotations

import re
import sqlite3
import time
from pathlib import Path
from typing import Iterable

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Container, Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, Static
from textual.worker import get_current_worker

from talkwatch.tui import data
from talkwatch.tui.safe import clean
from talkwatch.tui.widgets.articles import ArticleList
from talkwatch.tui.widgets.dyads import DyadList
from talkwatch.tui.widgets.events import EventList
from talkwatch.tui.widgets.reader import Reader

DYADS_IN_PANE = 150

PANES = ("articles", "reader", "events", "dyads")
PANE_TITLES = {"articles": "Articles", "reader": "Reader", "events": "Events", "dyads": "Dyads"}
_DYAD_FILTER = re.compile(r"(?i)(?:^|\s)dyad:\S+")


# ---------------------------------------------------------------------- messages from workers

class ListingReady(Message):
    def __init__(self, generation: int, listing: data.Listing) -> None:
        super().__init__()
        self.generation = generation
        self.listing = listing


class PageReady(Message):
    def __init__(self, generation: int, page: int, rows: list | None) -> None:
        super().__init__()
        self.generation = generation
        self.page = page
        self.rows = rows


class ArticleReady(Message):
    def __init__(self, view: data.ArticleView, switch: bool) -> None:
        super().__init__()
        self.view = view
        self.switch = switch


class DyadsReady(Message):
    def __init__(self, summaries: list[dict]) -> None:
        super().__init__()
        self.summaries = summaries


class TimelineReady(Message):
    def __init__(self, dyad: str, summary: dict | None, rows: list[dict]) -> None:
        super().__init__()
        self.dyad = dyad
        self.summary = summary
        self.rows = rows


class Failed(Message):
    """A worker failed: say so in one line, keep going."""

    def __init__(self, what: str, error: str) -> None:
        super().__init__()
        self.what = what
        self.error = error


# ---------------------------------------------------------------------- the main screen

class MainScreen(Screen):
    """All panes; the layout follows the terminal's width (see app.tcss)."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-medium"), (150, "-wide")]

    BINDINGS = [
        Binding("slash", "search", "Search"),
        Binding("escape", "back", "Back"),
        Binding("tab", "next_pane", "Pane"),
        Binding("shift+tab", "previous_pane", "Previous pane", show=False),
        Binding("d", "pane('dyads')", "Dyads"),
        Binding("e", "pane('events')", "Events"),
        Binding("a", "pane('articles')", "Articles", show=False),
        Binding("r", "pane('reader')", "Reader", show=False),
        Binding("m", "maximize_pane", "Maximise pane", show=False),
        Binding("down", "leave_search", "To the list", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(id="main-screen")
        self.pane = "articles"          # the pane shown on a narrow terminal, focused on a wide one
        self.history: list[str] = []

    def compose(self) -> ComposeResult:
        with Horizontal(id="top"):
            yield Input(placeholder="/ search: words, \"a phrase\", -word, dyad:AFG-PAK, since:2025-10 (f1: help)",
                        id="search", compact=True, select_on_focus=False)
        yield Static(Text("loading…"), id="status")
        yield Static(id="panebar")
        with Horizontal(id="main"):
            with Vertical(id="left"):
                yield DyadList(id="dyads", classes="pane")
                yield ArticleList(id="articles", classes="pane")
            with Container(id="right"):
                yield Reader(id="reader", classes="pane")
                yield EventList(id="events", classes="pane")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#dyads").border_title = "Dyads"
        self.query_one("#articles").border_title = "Articles"
        self.query_one("#reader").border_title = "Reader"
        self.query_one("#events").border_title = "Events"
        self.show_pane("articles")
        self.app.start_loading()  # type: ignore[attr-defined]

    # ------------------------------------------------------------------ panes

    @property
    def narrow(self) -> bool:
        return self.has_class("-narrow")

    def visible_panes(self) -> list[str]:
        out = []
        for name in PANES:
            if name == "dyads" and self.has_class("-hide-dyads") and not self.narrow:
                continue
            if name == "events" and self.has_class("-hide-events") and not self.narrow:
                continue
            out.append(name)
        return out

    def show_pane(self, name: str, focus: bool = True, record: bool = True) -> None:
        """Bring a pane forward: on a narrow terminal the only one shown; else the focused one."""
        if name not in PANES:
            return
        if name != self.pane and record:
            self.history = (self.history + [self.pane])[-16:]
        self.pane = name
        for p in PANES:
            self.set_class(p == name, f"-show-{p}")
        if name == "dyads":
            self.remove_class("-hide-dyads")
        if name == "events":
            self.remove_class("-hide-events")
        self._draw_panebar()
        if focus:
            self.query_one(f"#{name}").focus()

    def _draw_panebar(self) -> None:
        bar = Text(end="", no_wrap=True, overflow="ellipsis")
        for i, p in enumerate(PANES):
            if i:
                bar.append(" │ ", style="dim")
            label = PANE_TITLES[p]
            if p == self.pane:
                bar.append(f" {label} ", style="reverse bold")
            else:
                bar.append(f" {label} ")
        bar.append("   tab: next · esc: back", style="dim")
        self.query_one("#panebar", Static).update(bar)

    def on_descendant_focus(self, event) -> None:
        widget = event.widget
        for p in PANES:
            if widget.id == p:
                if self.pane != p:
                    self.history = (self.history + [self.pane])[-16:]
                self.pane = p
                for q in PANES:
                    self.set_class(q == p, f"-show-{q}")
                self._draw_panebar()

    def action_pane(self, name: str) -> None:
        self.show_pane(name)

    def action_next_pane(self) -> None:
        self._cycle(1)

    def action_previous_pane(self) -> None:
        self._cycle(-1)

    def _cycle(self, step: int) -> None:
        panes = self.visible_panes()
        current = self.pane if self.pane in panes else panes[0]
        if self.focused is self.query_one("#search"):
            self.show_pane(current)
            return
        self.show_pane(panes[(panes.index(current) + step) % len(panes)])

    def action_leave_search(self) -> None:
        if self.focused is self.query_one("#search"):
            self.show_pane(self.pane, record=False)

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_maximize_pane(self) -> None:
        if self.maximized is not None:
            self.minimize()
            return
        widget = self.query_one(f"#{self.pane}")
        self.maximize(widget, container=False)

    def action_back(self) -> None:
        app: TalkwatchApp = self.app  # type: ignore[assignment]
        if self.maximized is not None:
            self.minimize()
            return
        search = self.query_one("#search", Input)
        if self.focused is search:
            self.show_pane(self.pane, record=False)
            return
        if self.pane != "articles":
            back = "articles"
            while self.history:
                candidate = self.history.pop()
                if candidate != self.pane and candidate in self.visible_panes():
                    back = candidate
                    break
            if back == "reader" and app.current_uid is None:
                back = "articles"
            self.show_pane(back, record=False)
            return
        if search.value.strip():
            app.set_query("")
            return
        self.app.bell()


# ---------------------------------------------------------------------- the app

class TalkwatchApp(App):
    """talkwatch's terminal interface over one database."""

    TITLE = "talkwatch"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("f1", "help", "Help"),
        Binding("question_mark", "help", "Help", show=False),
        Binding("ctrl+p", "command_palette", "Commands", show=False),
    ]

    def __init__(self, db_path: str | Path, *, debounce: float = 0.15, cursor_blink: bool = True) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.store = data.Store(self.db_path)
        self.debounce = debounce
        self.cursor_blink = cursor_blink
        self.generation = 0
        self.query_text = ""
        self.listing: data.Listing | None = None
        self.current_uid: str | None = None
        self.dyad: str | None = None
        self.dyad_summaries: list[dict] = []
        self.started = time.perf_counter()
        self.first_data_at: float | None = None   # when the first listing was drawn (for measure.py)
        self._dyads_requested = False
        self._debounce_timer: Timer | None = None
        self._search_owner: object | None = None
        self._types: list[str] | None = None
        self._statuses: list[str] | None = None

    def get_default_screen(self) -> Screen:
        return MainScreen()

    @property
    def main(self) -> MainScreen:
        return self.screen_stack[0]  # type: ignore[return-value]

    def q(self, selector: str, kind=None):
        return self.screen_stack[0].query_one(selector, kind) if kind else self.screen_stack[0].query_one(selector)

    def start_loading(self) -> None:
        """The main screen is up: fetch the first page (the dyads once it is drawn)."""
        search = self.q("#search", Input)
        search.cursor_blink = self.cursor_blink
        self.start_search("")
        self.set_timer(1.0, self._first_dyads)    # in case the first page never comes

    def on_unmount(self) -> None:
        self.store.close()

    # ------------------------------------------------------------------ search

    @on(Input.Changed, "#search")
    def _query_changed(self, event: Input.Changed) -> None:
        if self._debounce_timer is not None:
            self._debounce_timer.stop()
            self._debounce_timer = None
        text = event.value
        if self.debounce <= 0:
            self.start_search(text)
        else:
            self._debounce_timer = self.set_timer(self.debounce, lambda: self.start_search(text))

    @on(Input.Submitted, "#search")
    def _query_submitted(self, event: Input.Submitted) -> None:
        if self._debounce_timer is not None:
            self._debounce_timer.stop()
            self._debounce_timer = None
        if event.value.strip() != self.query_text or self.listing is None:
            self.start_search(event.value)
        self.main.show_pane("articles")

    def set_query(self, text: str) -> None:
        """Put ``text`` in the search bar and run it now."""
        search = self.q("#search", Input)
        with search.prevent(Input.Changed):
            search.value = text
            search.cursor_position = len(text)
        self.start_search(text)

    def start_search(self, text: str) -> None:
        text = (text or "").strip()
        self.query_text = text
        self.generation += 1
        if self._search_owner is not None:
            self.store.interrupt(self._search_owner)   # the old query stops now, not when it is done
        self._search_owner = owner = object()
        self._status(Text("searching…" if text else "loading…", style="dim"))
        self.run_search(text, self.generation, owner)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_search(self, text: str, generation: int, owner: object) -> None:
        worker = get_current_worker()
        try:
            with self.store.connect(owner) as conn:
                listing = data.listing(conn, text)
        except sqlite3.OperationalError as exc:
            if worker.is_cancelled or "interrupt" in str(exc):
                return
            self.post_message(Failed("search", str(exc)))
            return
        except Exception as exc:   # noqa: BLE001 - one line in the status bar, never a crash
            if not worker.is_cancelled:
                self.post_message(Failed("search", f"{type(exc).__name__}: {exc}"))
            return
        if not worker.is_cancelled:
            self.post_message(ListingReady(generation, listing))

    @on(ListingReady)
    def _listing_ready(self, message: ListingReady) -> None:
        if message.generation != self.generation:
            return
        listing = message.listing
        self.listing = listing
        articles = self.q("#articles", ArticleList)
        articles.show(listing, message.generation)
        self._describe(listing)
        self.q("#reader", Reader).set_words(listing.highlight)
        if self.first_data_at is None:
            self.call_after_refresh(self._painted)
        if not listing.total:
            self.current_uid = None
            self.q("#reader", Reader).clear("No article to show.")
            self.q("#events", EventList).show_article(None, [], switch=False)

    def _painted(self) -> None:
        if self.first_data_at is None:
            self.first_data_at = time.perf_counter()
            # the dyad summaries (thousands on a large corpus) come second: the articles a
            # person looks at first are not held up by them
            self._first_dyads()

    def _first_dyads(self) -> None:
        if not self._dyads_requested:
            self._dyads_requested = True
            self.load_dyads()

    def _status(self, text: Text) -> None:
        self.q("#status", Static).update(text)

    def _describe(self, listing: data.Listing) -> None:
        t = Text(end="", no_wrap=True, overflow="ellipsis")
        if listing.error:
            t.append(clean(listing.error), style="bold red")
            self._status(t)
            return
        n = f"{listing.total:,}" + ("+" if listing.more else "")
        noun = "article" if listing.total == 1 and not listing.more else "articles"
        if not listing.query:
            t.append(f"{n} {noun}, newest first")
        else:
            t.append(f"{n} {noun}")
            if listing.plan.startswith("bm25 over"):
                t.append(" (ranked among the newest)", style="dim")
        if listing.corrected:
            t.append(" · showing ")
            t.append(", ".join(clean(v) for v in listing.corrected.values()), style="bold")
            t.append(" for ", style="dim")
            t.append(", ".join(clean(k) for k in listing.corrected), style="strike dim")
        m = _DYAD_FILTER.search(listing.query or "")
        if m:
            t.append(" · " + clean(m.group(0).strip()), style="bold")
        self._status(t)

    # ------------------------------------------------------------------ pages of the list

    @on(ArticleList.NeedPage)
    def _need_page(self, message: ArticleList.NeedPage) -> None:
        self.load_page(message.generation, message.query, message.page)

    @work(thread=True, group="pages", exit_on_error=False)
    def load_page(self, generation: int, query: str, page: int) -> None:
        if generation != self.generation:
            self.post_message(PageReady(generation, page, None))
            return
        try:
            with self.store.connect() as conn:
                rows = data.page(conn, query, page * data.PAGE)
        except Exception as exc:  # noqa: BLE001
            self.post_message(PageReady(generation, page, None))
            self.post_message(Failed("a page of the list", str(exc)))
            return
        self.post_message(PageReady(generation, page, rows))

    @on(PageReady)
    def _page_ready(self, message: PageReady) -> None:
        articles = self.q("#articles", ArticleList)
        if message.rows is None:
            articles.page_failed(message.generation, message.page)
        else:
            articles.add_page(message.generation, message.page, message.rows)

    # ------------------------------------------------------------------ one article

    @on(ArticleList.Highlighted)
    def _article_highlighted(self, message: ArticleList.Highlighted) -> None:
        self.load_article(message.uid, None, False)

    @on(ArticleList.Opened)
    def _article_opened(self, message: ArticleList.Opened) -> None:
        if message.uid != self.current_uid:
            self.load_article(message.uid, None, True)
        else:
            self.q("#events", EventList).show_article(self.current_uid, self.q("#reader", Reader).view.events
                                                      if self.q("#reader", Reader).view else [], switch=True)
        self.main.show_pane("reader")

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def load_article(self, uid: str, focus_event: str | None, switch: bool) -> None:
        worker = get_current_worker()
        try:
            with self.store.connect() as conn:
                view = data.load_article(conn, uid, focus_event)
        except Exception as exc:  # noqa: BLE001
            if not worker.is_cancelled:
                self.post_message(Failed("the article", str(exc)))
            return
        if not worker.is_cancelled:
            self.post_message(ArticleReady(view, switch))

    @on(ArticleReady)
    def _article_ready(self, message: ArticleReady) -> None:
        view = message.view
        self.current_uid = view.article.get("uid")
        reader = self.q("#reader", Reader)
        reader.show(view, self.listing.highlight if self.listing else [])
        title = Text("Reader · ", end="")
        title.append(clean(view.article.get("uid")))
        reader.border_title = title
        events = self.q("#events", EventList)
        events.show_article(self.current_uid, view.events, switch=message.switch, focus_id=view.focus_event)
        events.border_title = events.title

    # ------------------------------------------------------------------ events pane

    @on(EventList.EventChosen)
    def _event_chosen(self, message: EventList.EventChosen) -> None:
        reader = self.q("#reader", Reader)
        if reader.uid != message.event.get("uid"):
            self.load_article(message.event["uid"], message.event["id"], False)
        else:
            reader.scroll_to_event(message.event.get("id"))
        if message.chosen:
            if self.main.narrow:
                self.main.show_pane("reader")

    @on(EventList.ClusterChosen)
    def _cluster_chosen(self, message: EventList.ClusterChosen) -> None:
        row = message.row
        if row.get("uid"):
            self.load_article(row["uid"], row.get("event_id"), False)
            self.main.show_pane("reader")

    @on(EventList.ModeChanged)
    def _mode_changed(self, message: EventList.ModeChanged) -> None:
        events = self.q("#events", EventList)
        events.border_title = events.title

    @on(Reader.EventFocused)
    def _reader_event(self, message: Reader.EventFocused) -> None:
        self.q("#events", EventList).select_event(message.event_id)

    @on(EventList.ExplainRequested)
    def _explain(self, message: EventList.ExplainRequested) -> None:
        from talkwatch.tui.screens.explain import ExplainScreen, explain_event

        if message.event is not None:
            self.push_screen(ExplainScreen(f"Why event {message.event.get('id')}", explain_event(message.event)))
        elif message.row is not None:
            self.explain_cluster(message.row)

    @work(thread=True, exclusive=True, group="explain", exit_on_error=False)
    def explain_cluster(self, row: dict) -> None:
        from talkwatch.tui.screens.explain import ExplainScreen, explain_cluster

        try:
            with self.store.connect() as conn:
                mentions = data.cluster_mentions(conn, row.get("event_ids") or [row.get("event_id")],
                                                 row.get("cluster"))
        except Exception as exc:  # noqa: BLE001
            self.post_message(Failed("the cluster", str(exc)))
            return
        title = f"{row.get('dyad')} {row.get('type')} {row.get('status')}"
        self.call_from_thread(self.push_screen, ExplainScreen(title, explain_cluster(row, mentions)))

    # ------------------------------------------------------------------ corrections

    @on(EventList.CorrectRequested)
    def _correct(self, message: EventList.CorrectRequested) -> None:
        if message.event is not None:
            self._open_correction(message.event)
        else:
            self.fetch_event_for_correction(message.event_id)

    @work(thread=True, exclusive=True, group="correct", exit_on_error=False)
    def fetch_event_for_correction(self, event_id: str) -> None:
        from talkwatch.store import queries

        try:
            with self.store.connect() as conn:
                ev = queries.event_by_id(conn, event_id)
        except Exception as exc:  # noqa: BLE001
            self.post_message(Failed("the event", str(exc)))
            return
        self.call_from_thread(self._open_correction, ev)

    def _open_correction(self, ev: dict) -> None:
        from talkwatch.tui.screens.correct import CorrectScreen

        if self._types is None:
            self._types = data.event_types()
            self._statuses = data.statuses()
        self.push_screen(CorrectScreen(ev, self._types, self._statuses or []), self._correction_done)

    def _correction_done(self, correction) -> None:
        if correction is not None:
            self.save_correction(correction)

    @work(thread=True, exclusive=True, group="save", exit_on_error=False)
    def save_correction(self, correction) -> None:
        from talkwatch.errors import TalkwatchError
        from talkwatch.store import corrections

        try:
            from talkwatch.indexer.refresh import refresh
            from talkwatch.store.db import open_db

            corrections.validate(correction.fields)
            open_db(self.db_path).close()
            conn = open_db(self.db_path, write=True)
            try:
                msg = corrections.record(conn, correction.event_id, correction.fields,
                                         reject=correction.reject, note=correction.note)
                refresh(conn)
            finally:
                conn.close()
        except TalkwatchError as exc:
            self.post_message(Failed("the correction", str(exc)))
            return
        except Exception as exc:  # noqa: BLE001
            self.post_message(Failed("the correction", f"{type(exc).__name__}: {exc}"))
            return
        self.call_from_thread(self._saved, msg, correction)

    def _saved(self, msg: str, correction) -> None:
        self.notify(msg, title="Saved", markup=False, timeout=4)
        if self.current_uid:
            self.load_article(self.current_uid, None if correction.reject else correction.event_id, False)
        self.load_dyads()
        if self.dyad:
            self.load_timeline(self.dyad)

    # ------------------------------------------------------------------ dyads

    @work(thread=True, exclusive=True, group="dyads", exit_on_error=False)
    def load_dyads(self) -> None:
        try:
            with self.store.connect() as conn:
                summaries = data.dyads(conn)
        except Exception as exc:  # noqa: BLE001
            self.post_message(Failed("the dyads", str(exc)))
            return
        self.post_message(DyadsReady(summaries))

    @on(DyadsReady)
    def _dyads_ready(self, message: DyadsReady) -> None:
        # the most active pairs first; the pane lists the top ones, the palette (ctrl+p) all
        self.dyad_summaries = sorted(message.summaries, key=lambda s: (-(s.get("clusters") or 0), s.get("dyad") or ""))
        dyads = self.q("#dyads", DyadList)
        shown = self.dyad_summaries[:DYADS_IN_PANE]
        dyads.show(shown, keep=self.dyad)
        more = len(self.dyad_summaries) - len(shown)
        dyads.border_title = Text(f"Dyads · {len(self.dyad_summaries)}" + (f" (top {len(shown)}; ctrl+p for all)" if more else ""))

    @on(DyadList.Chosen)
    def _dyad_chosen(self, message: DyadList.Chosen) -> None:
        self.choose_dyad(message.dyad)

    def choose_dyad(self, dyad: str) -> None:
        """Filter the articles to the dyad and show its timeline."""
        self.dyad = dyad
        rest = _DYAD_FILTER.sub(" ", self.q("#search", Input).value).strip()
        self.set_query((rest + " " if rest else "") + f"dyad:{dyad}")
        self.load_timeline(dyad)
        self.main.show_pane("events")

    @work(thread=True, exclusive=True, group="timeline", exit_on_error=False)
    def load_timeline(self, dyad: str) -> None:
        try:
            with self.store.connect() as conn:
                summary, rows = data.timeline(conn, dyad)
        except Exception as exc:  # noqa: BLE001
            self.post_message(Failed("the timeline", str(exc)))
            return
        self.post_message(TimelineReady(dyad, summary, rows))

    @on(TimelineReady)
    def _timeline_ready(self, message: TimelineReady) -> None:
        if message.dyad != self.dyad:
            return
        events = self.q("#events", EventList)
        events.show_timeline(message.dyad, message.summary, message.rows)
        events.border_title = events.title

    # ------------------------------------------------------------------ failures, help, commands

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        line = f"could not load {message.what}: {message.error}"
        if message.what == "search":
            self._status(Text(clean(line), style="bold red"))
        else:
            self.notify(clean(line), severity="error", markup=False, timeout=6)

    def action_help(self) -> None:
        from talkwatch.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
            return
        self.push_screen(HelpScreen(self.help_sections()))

    def help_sections(self) -> list[tuple[str, list]]:
        return [
            ("Everywhere", list(MainScreen.BINDINGS) + list(TalkwatchApp.BINDINGS)),
            ("Article list", list(ArticleList.BINDINGS)),
            ("Reader", list(Reader.BINDINGS)),
            ("Events and timeline", list(EventList.BINDINGS)),
            ("Dyads", list(DyadList.BINDINGS)),
            ("Correction form", [Binding("ctrl+s", "save", "Save"), Binding("escape", "cancel", "Cancel"),
                                 Binding("tab", "next", "Next field")]),
        ]

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        main = self.main
        for s in self.dyad_summaries:
            dyad = s.get("dyad")
            if dyad:
                yield SystemCommand(f"Go to dyad {dyad}", clean(s.get("status") or "its timeline and articles"),
                                    lambda d=dyad: self.choose_dyad(d))
        yield SystemCommand("Toggle the dyads pane", "Show or hide the dyads pane", lambda: self._toggle("dyads"))
        yield SystemCommand("Toggle the events pane", "Show or hide the events pane", lambda: self._toggle("events"))
        yield SystemCommand("Maximise the focused pane", "Give the pane the whole screen (m, esc to restore)",
                            main.action_maximize_pane)
        yield SystemCommand("Clear the search", "Back to the newest articles", lambda: self.set_query(""))

    def _toggle(self, pane: str) -> None:
        main = self.main
        main.toggle_class(f"-hide-{pane}")
        if main.has_class(f"-hide-{pane}") and main.pane == pane:
            main.show_pane("articles")


def run(db_path: Path) -> None:
    """Open the interface on ``db_path`` (the CLI checks that it is a talkwatch database)."""
    TalkwatchApp(db_path).run()


__all__ = ["TalkwatchApp", "run"]
