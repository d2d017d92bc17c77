"""A cluster's sources: every report of one event (date, source, title, the sentence); enter
opens one in the reader. A near-duplicate is shown as "also carried by" its outlet."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from talkwatch.tui.safe import clean, short


def report_prompt(m: dict, originals: set[str]) -> Text:
    t = Text(no_wrap=True, overflow="ellipsis", end="")
    t.append(f"{clean(m.get('published') or '?')[:10]:<11}", style="dim")
    dup = m.get("duplicate_of")
    if dup and dup in originals:
        t.append("also carried by ", style="italic")
    t.append(clean(m.get("source") or "unknown source"), style="bold")
    t.append("  " + clean(m.get("title") or m.get("uid")))
    t.append("\n" + " " * 11 + short(m.get("sentence"), 300), style="italic dim")
    if dup:
        t.append("\n" + " " * 11 + "near-duplicate of " + clean(dup), style="dim")
    return t


class SourcesScreen(ModalScreen[dict | None]):
    """The reports of one cluster; enter opens the one under the cursor."""

    BINDINGS = [
        Binding("escape", "close", "Close", id="sources.close"),
        Binding("q", "close", "Close", show=False, id="sources.close-q"),
        Binding("j", "cursor_down", "Down", show=False, id="sources.cursor-down"),
        Binding("k", "cursor_up", "Up", show=False, id="sources.cursor-up"),
    ]

    def __init__(self, title: str, reports: list[dict]) -> None:
        super().__init__()
        self._title = title
        self.reports = list(reports)

    def compose(self) -> ComposeResult:
        uids = {m.get("uid") for m in self.reports}
        with Vertical(id="sources-box") as box:
            box.border_title = Text(clean(self._title))
            box.border_subtitle = Text("enter open · esc close")
            yield OptionList(*[Option(report_prompt(m, uids), id=f"r{i}") for i, m in enumerate(self.reports)],
                             id="sources-list")

    def on_mount(self) -> None:
        lst = self.query_one("#sources-list", OptionList)
        lst.focus()
        if self.reports:
            lst.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.reports[event.option_index])

    def action_cursor_down(self) -> None:
        self.query_one("#sources-list", OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one("#sources-list", OptionList).action_cursor_up()

    def action_close(self) -> None:
        self.dismiss(None)
