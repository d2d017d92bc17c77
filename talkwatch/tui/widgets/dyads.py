"""The dyads pane: each country pair's status badge, next event and score sparkline."""
from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from talkwatch.tui import messages
from talkwatch.tui.safe import clean, component_style
from talkwatch.tui.widgets.badges import describe_next, dyad_class, trend_arrow


class DyadList(OptionList):
    """One entry per dyad; enter chooses it (filters the articles, shows its timeline)."""

    BINDINGS = [
        Binding("enter", "select", "Choose", id="dyads.select"),
        Binding("f", "follow", "Follow", id="dyads.follow"),
        Binding("x", "explain", "Why this summary", id="dyads.explain"),
        Binding("k", "cursor_up", "Up", show=False, id="dyads.cursor-up"),
        Binding("j", "cursor_down", "Down", show=False, id="dyads.cursor-down"),
        Binding("g", "first", "First", show=False, id="dyads.first"),
        Binding("G", "last", "Last", show=False, id="dyads.last"),
    ]

    COMPONENT_CLASSES = OptionList.COMPONENT_CLASSES | {
        "dyads--good", "dyads--bad", "dyads--future", "dyads--muted", "dyads--name", "dyads--spark",
    }

    DEFAULT_CSS = """
    DyadList {
        & > .dyads--good { color: $text-success; text-style: bold; }
        & > .dyads--bad { color: $text-error; text-style: bold; }
        & > .dyads--future { color: $text-primary; text-style: bold; }
        & > .dyads--muted { color: $text-muted; }
        & > .dyads--name { text-style: bold; }
        & > .dyads--spark { color: $text-accent; }
    }
    """

    # the messages it posts (talkwatch/tui/messages.py)
    Chosen = messages.DyadChosen
    FollowToggled = messages.FollowToggled
    ExplainRequested = messages.DyadExplainRequested

    def __init__(self, **kw) -> None:
        super().__init__(**kw)
        self.summaries: list[dict] = []

    def _s(self, name: str):
        return component_style(self, name)

    def show(self, summaries: list[dict], keep: str | None = None) -> None:
        self.summaries = list(summaries)
        current = keep or (self.highlighted_option.id if self.highlighted_option else None)
        self.set_options([Option(self._prompt(s), id=s.get("dyad")) for s in self.summaries if s.get("dyad")])
        if not self.summaries:
            self.set_options([Option(Text("no dyads yet: events name two countries", style="italic"),
                                     disabled=True)])
            return
        ids = [s.get("dyad") for s in self.summaries]
        self.highlighted = ids.index(current) if current in ids else 0

    def _prompt(self, s: dict) -> Text:
        line = Text(no_wrap=True, overflow="ellipsis", end="")
        if s.get("followed"):
            line.append("★ ", style=self._s("dyads--future"))
        line.append(clean(s.get("dyad")), style=self._s("dyads--name"))
        spark = clean(s.get("spark") or "")
        if spark.strip():
            line.append(" ")
            line.append(spark, style=self._s("dyads--spark"))
        score = s.get("score")
        if score is not None:
            line.append(f" {score:+.1f}{trend_arrow(s.get('trend'))}", style=self._s("dyads--muted"))
        line.append("\n")
        status = clean(s.get("status") or "no status")
        line.append(" " + status, style=self._s(f"dyads--{dyad_class(s)}"))
        nxt = describe_next(s.get("next"))
        if nxt:
            line.append("\n")
            line.append(" next: " + clean(nxt), style=self._s("dyads--muted"))
        ne, na = s.get("events", 0) or 0, s.get("articles", 0) or 0
        counts = f"{ne} event{'s' if ne != 1 else ''}, {na} article{'s' if na != 1 else ''}"
        if s.get("last_event_date"):
            counts += f", last {clean(s['last_event_date'])}"
        line.append("\n")
        line.append(" " + counts, style=self._s("dyads--muted"))
        return line

    def action_follow(self) -> None:
        """Follow the dyad under the cursor, or stop following it."""
        option = self.highlighted_option
        if option is None or not option.id:
            self.app.bell()
            return
        summary = next((s for s in self.summaries if s.get("dyad") == option.id), {})
        self.post_message(self.FollowToggled(option.id, not summary.get("followed")))

    def action_explain(self) -> None:
        """Which clusters and reports decided the summary of the dyad under the cursor."""
        option = self.highlighted_option
        if option is None or not option.id:
            self.app.bell()
            return
        self.post_message(self.ExplainRequested(option.id))

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list is self and event.option.id:
            event.stop()
            self.post_message(self.Chosen(event.option.id))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if not self.is_mounted or not self.summaries:
            return
        key = tuple(str(self._s(f"dyads--{n}")) for n in ("good", "bad", "future", "muted", "name", "spark"))
        if key != getattr(self, "_style_key", None):
            self._style_key = key
            self.show(self.summaries)
