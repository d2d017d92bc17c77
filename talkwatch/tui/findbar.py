"""Find in the article: / in the reader opens a find bar in place of the search bar; the
reader marks every match as you type; enter keeps them (n / N move between them), escape clears.

A part of the main screen (MainScreen inherits it); its handlers are named on_<message>.
"""
from __future__ import annotations

from textual.widgets import Input

from talkwatch.tui.messages import FindRequested
from talkwatch.tui.widgets.reader import Reader


class FindBar:
    """Mixed into MainScreen (which has the #find input and the #reader)."""

    def on_find_requested(self, message: FindRequested) -> None:
        find = self.query_one("#find", Input)
        self.add_class("-finding")
        with find.prevent(Input.Changed):
            find.value = message.text
        find.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "find":
            event.stop()
            self.query_one("#reader", Reader).find(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "find":
            event.stop()
            self.close_find(keep=True)

    def close_find(self, keep: bool) -> None:
        """Back to the reader; ``keep`` the matches, or clear them."""
        reader = self.query_one("#reader", Reader)
        if not keep:
            reader.find("")
        self.remove_class("-finding")
        self.show_pane("reader", record=False)
