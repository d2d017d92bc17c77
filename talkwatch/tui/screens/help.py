"""Help: every key binding, read from the widgets themselves, and the query language."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

QUERY_HELP = [
    ("istanbul talks", "every word must match (typos are corrected: istambul)"),
    ('"foreign secretary"', "a phrase"),
    ("talk*", "a prefix"),
    ("kabul OR islamabad", "either word"),
    ("-cricket", "without a word (also NOT cricket)"),
    ("title:ceasefire", "a word in the title"),
    ("source:dawn", "articles from a source"),
    ("since:2025-10  until:2025-11-06", "published from / up to a date"),
    ("dyad:AFG-PAK  dyad:india-pakistan", "articles with events of a dyad"),
    ("type:TALKS", "articles with events of a type"),
]


def _keys(binding: Binding) -> str:
    names = {"question_mark": "?", "slash": "/", "escape": "esc", "shift+tab": "shift+tab", "pagedown": "pgdn",
             "pageup": "pgup"}
    return ", ".join(names.get(k.strip(), k.strip()) for k in binding.key.split(","))


def binding_table(sections: list[tuple[str, list]]) -> Text:
    """Sections of (title, BINDINGS): one line per action, its keys merged."""
    out = Text(end="")
    for title, bindings in sections:
        merged: dict[str, tuple[list[str], str]] = {}
        for b in bindings:
            if not isinstance(b, Binding):
                b = Binding(*b)
            keys, desc = merged.get(b.action, ([], b.description or b.action))
            keys.append(_keys(b))
            merged[b.action] = (keys, desc)
        out.append(f"{title}\n", style="bold underline")
        for keys, desc in merged.values():
            out.append(f"  {', '.join(keys):<22}", style="bold")
            out.append(f"{desc}\n")
        out.append("\n")
    return out


def query_table() -> Text:
    out = Text("Search syntax\n", style="bold underline", end="")
    for example, desc in QUERY_HELP:
        out.append(f"  {example:<34}", style="bold")
        out.append(f"{desc}\n")
    return out


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "close", "Close", id="help.close"),
        Binding("f1", "close", "Close", show=False, id="help.close-f1"),
        Binding("question_mark", "close", "Close", show=False, id="help.close-question-mark"),
        Binding("q", "close", "Close", show=False, id="help.close-q"),
    ]

    def __init__(self, sections: list[tuple[str, list]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box") as box:
            box.border_title = "talkwatch: keys"
            box.border_subtitle = "esc close"
            with VerticalScroll(id="help-scroll"):
                yield Static(binding_table(self.sections) + query_table(), id="help-body")

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()

    def action_close(self) -> None:
        self.dismiss(None)
