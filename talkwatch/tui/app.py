"""The talkwatch terminal interface.

Four panes over one database: the dyads (where each country pair stands), the article list
(newest first, or a search), the reader (one article, the event sentences and the query's
words marked) and the events pane (the article's events, or a dyad's timeline). Every
database call runs in a worker thread that posts a message back; the UI never waits on
SQLite. Article text reaches widgets only as ``rich.text.Text`` (see ``safe.py``).
"""
from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Callable, Iterable, TypeVar

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Container, Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, Static
from textual.worker import get_current_worker

from talkwatch.errors import Interrupted, InvalidInput, TalkwatchError
from talkwatch.library import PAGE, Library, Listing
from talkwatch.tui.messages import (
    ArticleReady, DyadsReady, Failed, ListingReady, PageReady, TimelineReady,
)
from talkwatch.tui.analyst import AnalystFeatures
from talkwatch.tui.findbar import FindBar
from talkwatch.tui.safe import clean
from talkwatch.tui.widgets.articles import ArticleList
from talkwatch.tui.widgets.dyads import DyadList
from talkwatch.tui.widgets.events import EventList
from talkwatch.tui.widgets.reader import Reader

DYADS_IN_PANE = 150

PANES = ("articles", "reader", "events", "dyads")
PANE_TITLES = {"articles": "Articles", "reader": "Reader", "events": "Events", "dyads": "Dyads"}
_DYAD_FILTER = re.compile(r"(?i)(?:^|\s)dyad:\S+")


T = TypeVar("T")


# ---------------------------------------------------------------------- the main screen

class MainScreen(FindBar, Screen):
    """All panes; the layout follows the terminal's width (see app.tcss)."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-medium"), (150, "-wide")]

    BINDINGS = [
        Binding("slash", "search", "Search", id="main.search"),
        # the footer fits 80 columns: pane keys are in the pane bar (small terminal), every key in help
        Binding("escape", "back", "Back", show=False, id="main.back"),
        Binding("tab", "next_pane", "Pane", show=False, id="main.next-pane"),
        Binding("shift+tab", "previous_pane", "Previous pane", show=False, id="main.previous-pane"),
        Binding("d", "pane('dyads')", "Dyads", show=False, id="main.pane-dyads"),
        Binding("e", "pane('events')", "Events", show=False, id="main.pane-events"),
        Binding("w", "app.changes", "Changes", id="main.changes"),
        Binding("a", "pane('articles')", "Articles", show=False, id="main.pane-articles"),
        Binding("r", "pane('reader')", "Reader", show=False, id="main.pane-reader"),
        Binding("m", "maximize_pane", "Maximise pane", show=False, id="main.maximize-pane"),
        Binding("o", "app.copy_link", "Copy link", show=False, id="main.copy-link"),
        Binding("down", "leave_search", "To the list", show=False, id="main.leave-search"),
    ]

    def __init__(self) -> None:
        super().__init__(id="main-screen")
        self.pane = "articles"          # the pane shown on a narrow terminal, focused on a wide one
        self.history: list[str] = []

    def compose(self) -> ComposeResult:
        with Horizontal(id="top"):
            yield Input(placeholder="/ search: words, \"a phrase\", -word, dyad:AFG-PAK, since:2025-10 (f1: help)",
                        id="search", compact=True, select_on_focus=False)
            yield Static(Text(" find: ", style="bold"), id="find-label")
            yield Input(placeholder="in the article (enter: keep the matches, then n/N; esc: clear)",
                        id="find", compact=True)
        yield Static(Text("loading…"), id="status")
        yield Static(id="panebar")
        with Horizontal(id="main"):
            with Vertical(id="left"):
                yield DyadList(id="dyads", classes="pane")
                yield ArticleList(id="articles", classes="pane")
            with Container(id="right"):
                yield Reader(id="reader", classes="pane")
                yield EventList(id="events", classes="pane")
        yield Footer(compact=True, show_command_palette=False)

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
        bar.append("   tab next · d e a r · esc back", style="dim")
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
        if self.focused is self.query_one("#find", Input):
            self.close_find(keep=False)
            return
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

class TalkwatchApp(AnalystFeatures, App):
    """talkwatch's terminal interface over one database."""

    TITLE = "talkwatch"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True, id="app.quit"),
        Binding("f1", "help", "Help", id="app.help"),
        Binding("question_mark", "help", "Help", show=False, id="app.help-alt"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, id="app.command-palette"),
    ]

    def __init__(self, db_path: str | Path, *, debounce: float = 0.15, cursor_blink: bool = True,
                 poll: float = 0.0, settings: str | Path | None = None) -> None:
        super().__init__()
        self.poll = poll                      # seconds between looks for a finished index run (0: never)
        self.settings_path = Path(settings) if settings else None   # theme etc. (None: nothing remembered)
        self._stamp: tuple | None = None
        self._counts = None
        self._keep_uid: str | None = None
        self.db_path = Path(db_path)
        self.library = Library(self.db_path)
        self.debounce = debounce
        self.cursor_blink = cursor_blink
        self.generation = 0
        self.query_text = ""
        self.listing: Listing | None = None
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
        if self.poll > 0:
            self.set_interval(self.poll, self.check_for_changes)
            self.check_for_changes()

    def on_mount(self) -> None:
        self._restore_theme()

    def on_unmount(self) -> None:
        self.library.close()

    def ask(self, what: str, call: Callable[[], T]) -> T | None:
        """Run one library call in a worker thread: its answer, or None when it failed (a
        ``Failed`` message says what could not be loaded) or was superseded (nothing said)."""
        worker = get_current_worker()
        try:
            return call()
        except Interrupted:
            return None
        except TalkwatchError as exc:
            error = str(exc)
        except Exception as exc:   # noqa: BLE001 - one line on the screen, never a crash
            error = f"{type(exc).__name__}: {exc}"
        if not worker.is_cancelled:
            self.post_message(Failed(what, error))
        return None

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
            self.library.interrupt(self._search_owner)   # the old query stops now, not when it is done
        self._search_owner = owner = object()
        self._status(Text("searching…" if text else "loading…", style="dim"))
        self.run_search(text, self.generation, owner)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_search(self, text: str, generation: int, owner: object) -> None:
        def first_page() -> Listing:
            try:
                return self.library.listing(text, owner=owner)
            except InvalidInput as exc:      # a query it cannot read: say why, list nothing
                return Listing(text, 0, [], error=str(exc))

        listing = self.ask("search", first_page)
        if listing is not None and not get_current_worker().is_cancelled:
            self.post_message(ListingReady(generation, listing))

    @on(ListingReady)
    def _listing_ready(self, message: ListingReady) -> None:
        if message.generation != self.generation:
            return
        listing = message.listing
        self.listing = listing
        articles = self.q("#articles", ArticleList)
        articles.show(listing, message.generation)
        keep, self._keep_uid = self._keep_uid, None
        if keep:
            at = next((i for i, r in enumerate(listing.rows) if r.uid == keep), None)
            if at:
                articles.cursor = at
        self._describe(listing)
        self.q("#reader", Reader).set_words(listing.highlight)
        if self.first_data_at is None:
            self.call_after_refresh(self._painted)
        if not listing.total and not self.main.narrow:   # small terminal: the article read stays
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

    def _describe(self, listing: Listing) -> None:
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
        if listing.ignored:
            t.append(" · ignored ", style="dim")
            t.append(", ".join(clean(w) for w in listing.ignored), style="strike")
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
        rows = None
        if generation == self.generation:
            rows = self.ask("a page of the list", lambda: self.library.page(query, page * PAGE))
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
        # on a small terminal the reader is out of sight: the article being read stays in it
        # until another is opened (enter), instead of following the list's cursor
        if self.main.narrow and self.current_uid is not None:
            return
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
        view = self.ask("the article", lambda: self.library.article_view(uid, focus_event))
        if view is not None and not get_current_worker().is_cancelled:
            self.post_message(ArticleReady(view, switch))

    @on(ArticleReady)
    def _article_ready(self, message: ArticleReady) -> None:
        view = message.view
        self.current_uid = view.article.uid
        reader = self.q("#reader", Reader)
        reader.show(view, self.listing.highlight if self.listing else [])
        title = Text("Reader · ", end="")
        title.append(clean(view.article.uid))
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
        self.show_sources(message.row)

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

        mentions = self.ask("the cluster", lambda: self.library.cluster_mentions(
            row.get("event_ids") or [row.get("event_id")], row.get("cluster")))
        if mentions is not None:
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
        ev = self.ask("the event", lambda: self.library.event(event_id))
        if ev is not None:
            self.call_from_thread(self._open_correction, ev)

    def _open_correction(self, ev: dict) -> None:
        from talkwatch.tui.screens.correct import CorrectScreen

        if self._types is None:
            from talkwatch.library import event_types, statuses

            self._types = [t.name for t in event_types()]
            self._statuses = [s.name for s in statuses()]
        self.push_screen(CorrectScreen(ev, self._types, self._statuses or []), self._correction_done)

    def _correction_done(self, correction) -> None:
        if correction is not None:
            self.save_correction(correction)

    @work(thread=True, exclusive=True, group="save", exit_on_error=False)
    def save_correction(self, correction) -> None:
        msg = self.ask("the correction", lambda: self.library.correct(
            correction.event_id, correction.fields, reject=correction.reject, note=correction.note))
        if msg is not None:
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
        summaries = self.ask("the dyads", self.library.dyads)
        if summaries is not None:
            self.post_message(DyadsReady(summaries))

    @on(DyadsReady)
    def _dyads_ready(self, message: DyadsReady) -> None:
        # the followed pairs first, then the most active; the pane lists the top ones, the palette (ctrl+p) all
        self.dyad_summaries = sorted(message.summaries, key=lambda s: (not s.get("followed"), -(s.get("clusters") or 0),
                                                                      s.get("dyad") or ""))
        dyads = self.q("#dyads", DyadList)
        n_followed = sum(1 for s in self.dyad_summaries if s.get("followed"))
        shown = self.dyad_summaries[:max(DYADS_IN_PANE, n_followed)]
        dyads.show(shown)          # the cursor stays on the dyad it was on
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
        got = self.ask("the timeline", lambda: self.library.dyad(dyad))
        if got is not None:
            # the pane lists undated clusters first, then by date
            rows = sorted(got.rows, key=lambda r: (r.get("sort_date") or "", r.get("last_seen") or ""))
            self.post_message(TimelineReady(dyad, got.summary, rows))

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
            ("What changed (w)", [Binding("enter", "open", "Open the cluster's reports", id="changes.open"),
                                  Binding("f", "toggle_followed", "Only the dyads you follow", id="changes.f"),
                                  Binding("escape", "close", "Close", id="changes.esc")]),
            ("Correction form", [Binding("ctrl+s", "save", "Save", id="correct.save"),
                                 Binding("escape", "cancel", "Cancel", id="correct.cancel"),
                                 Binding("tab", "next", "Next field", id="correct.next-field")]),
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


def run(db_path: Path, settings: Path | None = None) -> None:
    """Open the interface on ``db_path`` (the CLI checks that it is a talkwatch database);
    ``settings``: the file that remembers the theme."""
    TalkwatchApp(db_path, poll=2.0, settings=settings).run()


__all__ = ["TalkwatchApp", "run"]
