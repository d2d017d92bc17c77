"""What changed: per dyad, what the evidence indexed since the last run (or since a date)
moved: new clusters, talks status, ceasefire, next event. Enter on a line opens its cluster."""
from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from talkwatch.library import Changes
from talkwatch.tui.safe import clean


def line_prompt(line: dict) -> Text:
    t = Text(no_wrap=True, overflow="ellipsis", end="")
    kind = line.get("kind") or ""
    style = {"talks": "bold", "ceasefire": "bold", "next": "bold", "new dyad": "bold"}.get(kind, "")
    t.append("  " + clean(line.get("text")), style=style)
    return t


class ChangesScreen(ModalScreen[dict | None]):
    """The changes since the last index run; f limits them to the dyads you follow."""

    BINDINGS = [
        Binding("escape", "close", "Close", id="changes.close"),
        Binding("w", "close", "Close", show=False, id="changes.close-w"),
        Binding("f", "toggle_followed", "Followed only", id="changes.toggle-followed"),
        Binding("j", "cursor_down", "Down", show=False, id="changes.cursor-down"),
        Binding("k", "cursor_up", "Up", show=False, id="changes.cursor-up"),
    ]

    def __init__(self, followed_only: bool = False) -> None:
        super().__init__()
        self.followed_only = followed_only
        self.report: Changes | None = None
        self.lines: list[dict | None] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="changes-box") as box:
            box.border_title = "What changed"
            box.border_subtitle = Text("enter open · f followed only · esc close")
            yield Static(Text("loading…", style="dim"), id="changes-head")
            yield OptionList(id="changes-list")

    def on_mount(self) -> None:
        self.query_one("#changes-list").focus()
        self.load()

    @work(thread=True, exclusive=True, group="changes", exit_on_error=False)
    def load(self) -> None:
        followed = self.followed_only
        report = self.app.ask("the changes", lambda: self.app.library.changes(followed=followed))  # type: ignore[attr-defined]
        if report is not None:
            self.app.call_from_thread(self.show, report)

    def show(self, report: Changes) -> None:
        self.report = report
        options, self.lines = [], []
        for item in report.items:
            head = Text(no_wrap=True, overflow="ellipsis", end="")
            head.append(("★ " if item.get("followed") else "") + clean(item["dyad"]), style="bold")
            head.append("  " + clean(item.get("status") or "no status"), style="dim")
            options.append(Option(head, disabled=True))
            self.lines.append(None)
            for line in item["lines"]:
                options.append(Option(line_prompt(line)))
                self.lines.append(dict(line, dyad=item["dyad"]))
        lst = self.query_one("#changes-list", OptionList)
        lst.set_options(options)
        scope = "in the dyads you follow " if report.followed_only else ""
        if report.since is None:
            head = "nothing indexed yet"
        elif not report.items:
            head = f"no changes {scope}since {report.since}"
        else:
            n = len(report.items)
            head = f"{n} dyad{'s' if n != 1 else ''} changed {scope}since {report.since}"
        self.query_one("#changes-head", Static).update(Text(clean(head), style="dim"))
        first = next((i for i, line in enumerate(self.lines) if line), None)
        if first is not None:
            lst.highlighted = first

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        line = self.lines[event.option_index] if event.option_index < len(self.lines) else None
        if line and (line.get("cluster") is not None or line.get("event_id")):
            self.dismiss(line)
        else:
            self.app.bell()

    def action_toggle_followed(self) -> None:
        self.followed_only = not self.followed_only
        self.load()

    def action_cursor_down(self) -> None:
        self.query_one("#changes-list", OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one("#changes-list", OptionList).action_cursor_up()

    def action_close(self) -> None:
        self.dismiss(None)
