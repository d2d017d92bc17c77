"""The events pane: the open article's events, or the chosen dyad's timeline (one row a cluster)."""
from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from talkwatch.library import shown_date
from talkwatch.tui import messages
from talkwatch.tui.safe import clean, component_style, short
from talkwatch.tui.widgets.badges import status_class


class EventList(OptionList):
    """Events of one article (mode ``article``) or clusters of one dyad (mode ``timeline``)."""

    BINDINGS = [
        Binding("enter", "select", "Open", id="events.select"),
        Binding("c", "correct", "Correct", id="events.correct"),
        Binding("x", "explain", "Explain", id="events.explain"),
        Binding("t", "toggle_mode", "Timeline", id="events.toggle-mode"),
        Binding("k", "cursor_up", "Up", show=False, id="events.cursor-up"),
        Binding("j", "cursor_down", "Down", show=False, id="events.cursor-down"),
        Binding("g", "first", "First", show=False, id="events.first"),
        Binding("G", "last", "Last", show=False, id="events.last"),
    ]

    COMPONENT_CLASSES = OptionList.COMPONENT_CLASSES | {
        "events--good", "events--bad", "events--future", "events--muted", "events--type", "events--sentence",
    }

    DEFAULT_CSS = """
    EventList {
        & > .events--good { color: $text-success; }
        & > .events--bad { color: $text-error; }
        & > .events--future { color: $text-primary; }
        & > .events--muted { color: $text-muted; }
        & > .events--type { text-style: bold; }
        & > .events--sentence { color: $text-muted; text-style: italic; }
    }
    """

    # the messages it posts (talkwatch/tui/messages.py)
    EventChosen = messages.EventChosen
    ClusterChosen = messages.ClusterChosen
    CorrectRequested = messages.CorrectRequested
    ExplainRequested = messages.ExplainRequested
    ModeChanged = messages.ModeChanged

    def __init__(self, **kw) -> None:
        super().__init__(**kw)
        self.mode = "article"
        self.article_uid: str | None = None
        self.article_events: list[dict] = []
        self.dyad: str | None = None
        self.summary: dict | None = None
        self.rows: list[dict] = []
        self._style_key = None

    # ------------------------------------------------------------------ content

    @property
    def title(self) -> Text:
        if self.mode == "timeline" and self.dyad:
            n = len(self.rows)
            return Text(f"Timeline {clean(self.dyad)} · {n} cluster{'s' if n != 1 else ''}")
        n = len(self.article_events)
        return Text(f"Events · {n}" if self.article_uid else "Events")

    def show_article(self, uid: str | None, events: list[dict], *, switch: bool = True, focus_id: str | None = None) -> None:
        # the same article again (after a correction, new data): the cursor stays where it was
        keep = self.highlighted if (uid == self.article_uid and self.mode == "article" and not focus_id) else None
        self.article_uid = uid
        self.article_events = list(events)
        if switch or self.mode == "article" or not self.dyad:
            self.mode = "article"
            self._fill(focus_id=focus_id, keep=keep)

    def show_timeline(self, dyad: str, summary: dict | None, rows: list[dict]) -> None:
        # the same dyad again (after a correction, new data): the cursor stays on its cluster
        keep = None
        if dyad == self.dyad and self.mode == "timeline" and self.current_row is not None:
            old = self.current_row
            keep = next((i for i, r in enumerate(rows) if r.get("event_id") == old.get("event_id")),
                        min(self.highlighted or 0, max(0, len(rows) - 1)))
        self.dyad = dyad
        self.summary = summary
        self.rows = list(rows)
        self.mode = "timeline"
        self._fill(keep=keep)

    def select_event(self, event_id: str | None) -> None:
        """Move the highlight to an event (in article mode) without announcing a choice."""
        if self.mode != "article" or not event_id:
            return
        for i, ev in enumerate(self.article_events):
            if ev.get("id") == event_id:
                with self.prevent(OptionList.OptionHighlighted):
                    self.highlighted = i
                return

    def _s(self, name: str):
        return component_style(self, name)

    def _fill(self, focus_id: str | None = None, keep: int | None = None) -> None:
        with self.prevent(OptionList.OptionHighlighted):
            if self.mode == "timeline":
                self.set_options([Option(self._cluster_prompt(r), id=f"c{i}") for i, r in enumerate(self.rows)])
                if not self.rows:
                    self.set_options([Option(Text("no events for this dyad", style="italic"), disabled=True)])
                else:
                    self.highlighted = keep if keep is not None else len(self.rows) - 1   # the latest at hand
            else:
                self.set_options([Option(self._event_prompt(e), id=f"e{i}") for i, e in enumerate(self.article_events)])
                if not self.article_events:
                    msg = "no events found in this article" if self.article_uid else "open an article to see its events"
                    self.set_options([Option(Text(msg, style="italic"), disabled=True)])
                else:
                    ids = [e.get("id") for e in self.article_events]
                    if focus_id in ids:
                        self.highlighted = ids.index(focus_id)
                    else:
                        self.highlighted = min(keep or 0, len(ids) - 1)
        self.post_message(self.ModeChanged(self.mode))

    def _event_prompt(self, e: dict) -> Text:
        t = Text(no_wrap=True, overflow="ellipsis", end="")
        if e.get("corrected"):
            t.append("✎ ", style=self._s("events--future"))
        t.append(clean(e.get("type") or "?"), style=self._s("events--type"))
        t.append(" ")
        t.append(clean(e.get("status") or "?"), style=self._s(f"events--{status_class(e.get('status'))}"))
        t.append("  " + clean(shown_date(e, "no date")), style=self._s("events--muted"))
        if e.get("dyad"):
            t.append("  " + clean(e["dyad"]))
        where = []
        if e.get("location"):
            where.append(clean(e["location"]))
        if e.get("mediators"):
            where.append("mediators " + ", ".join(clean(m) for m in e["mediators"]))
        if where:
            t.append("\n  " + " · ".join(where), style=self._s("events--muted"))
        t.append("\n  " + short(e.get("sentence"), 400), style=self._s("events--sentence"))
        return t

    def _cluster_prompt(self, r: dict) -> Text:
        t = Text(no_wrap=True, overflow="ellipsis", end="")
        t.append(clean(shown_date(r) or r.get("first_seen") or "no date"), style=self._s("events--muted"))
        t.append(" ")
        t.append(clean(r.get("type") or "?"), style=self._s("events--type"))
        t.append(" ")
        t.append(clean(r.get("status") or "?"), style=self._s(f"events--{status_class(r.get('status'))}"))
        if r.get("location"):
            t.append(" " + clean(r["location"]))
        n_art, n_src = r.get("articles", 0), r.get("sources", 0)
        meta = f"{n_art} article{'s' if n_art != 1 else ''}, {n_src} source{'s' if n_src != 1 else ''}"
        if r.get("mediators"):
            meta += " · mediators " + ", ".join(clean(m) for m in r["mediators"])
        t.append("\n  " + meta, style=self._s("events--muted"))
        t.append("\n  " + short(r.get("sentence"), 400), style=self._s("events--sentence"))
        return t

    # ------------------------------------------------------------------ what is under the cursor

    @property
    def current_event(self) -> dict | None:
        if self.mode != "article" or self.highlighted is None:
            return None
        return self.article_events[self.highlighted] if self.highlighted < len(self.article_events) else None

    @property
    def current_row(self) -> dict | None:
        if self.mode != "timeline" or self.highlighted is None:
            return None
        return self.rows[self.highlighted] if self.highlighted < len(self.rows) else None

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list is not self:
            return
        event.stop()
        if self.mode == "article" and self.current_event:
            self.post_message(self.EventChosen(self.current_event, True))
        elif self.mode == "timeline" and self.current_row:
            self.post_message(self.ClusterChosen(self.current_row))

    def _on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list is not self:
            return
        event.stop()
        if self.mode == "article" and self.current_event:
            self.post_message(self.EventChosen(self.current_event, False))

    def action_correct(self) -> None:
        if self.current_event:
            self.post_message(self.CorrectRequested(self.current_event["id"], self.current_event))
        elif self.current_row:
            self.post_message(self.CorrectRequested(self.current_row["event_id"], None))
        else:
            self.app.bell()

    def action_explain(self) -> None:
        if self.current_event or self.current_row:
            self.post_message(self.ExplainRequested(self.current_event, self.current_row))
        else:
            self.app.bell()

    def action_toggle_mode(self) -> None:
        if self.mode == "article" and self.dyad:
            self.mode = "timeline"
        elif self.mode == "timeline":
            self.mode = "article"
        else:
            self.app.notify("choose a dyad (d) to see its timeline", timeout=3)
            return
        self._fill()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if not self.is_mounted:
            return
        key = tuple(str(self._s(f"events--{n}")) for n in ("good", "bad", "future", "muted", "type", "sentence"))
        if key != self._style_key:
            first = self._style_key is None
            self._style_key = key
            if not first and (self.article_events or self.rows):
                keep = self.highlighted
                self._fill()
                if keep is not None and keep < self.option_count:
                    with self.prevent(OptionList.OptionHighlighted):
                        self.highlighted = keep
