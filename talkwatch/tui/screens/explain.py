"""Why is this event here? The rule that fired, the trigger words, how the date was resolved;
for a timeline row, the articles and sources that reported the same event."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from talkwatch.tui.safe import clean

EVENT_ROWS = [
    ("id", "Event"), ("type", "Type"), ("status", "Status"), ("dyad", "Dyad"), ("actors", "Actors"),
    ("recipients", "Recipients"), ("mediators", "Mediators"), ("location", "Location"),
    ("plover", "PLOVER"), ("cameo", "CAMEO"), ("goldstein", "Goldstein"),
    ("rule", "Rule"), ("trigger", "Trigger words"),
    ("date", "Date"), ("date_precision", "Precision"), ("date_source", "Date from"), ("date_text", "Date words"),
    ("date_how", "Date resolution"), ("attribution", "Attributed to"), ("uid", "Article"),
    ("start", "Offsets"), ("cluster", "Cluster"), ("fingerprint", "Fingerprint"),
]


def explain_event(ev: dict) -> Text:
    out = Text(end="")
    for key, label in EVENT_ROWS:
        value = ev.get(key)
        if key == "start" and value is not None:
            value = f"{ev.get('start')}..{ev.get('end')}"
        if value in (None, "", []):
            continue
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        out.append(f"{label:<16}", style="bold")
        out.append(clean(value) + "\n")
    if ev.get("corrected"):
        out.append(f"{'Corrected':<16}", style="bold")
        out.append("yes: an analyst's correction is applied (talkwatch corrections)\n")
    if ev.get("sentence"):
        out.append("\nSentence\n", style="bold")
        out.append(clean(ev["sentence"]) + "\n", style="italic")
    return out


def explain_cluster(row: dict, mentions: list[dict]) -> Text:
    out = Text(end="")
    rows = [("dyad", "Dyad"), ("type", "Type"), ("status", "Status"), ("date", "Date"),
            ("date_precision", "Precision"), ("location", "Location"), ("mediators", "Mediators"),
            ("mentions", "Mentions"), ("articles", "Articles"), ("sources", "Sources"),
            ("first_seen", "First seen"), ("last_seen", "Last seen"), ("goldstein", "Goldstein")]
    for key, label in rows:
        value = row.get(key)
        if value in (None, "", []):
            continue
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        out.append(f"{label:<12}", style="bold")
        out.append(clean(value) + "\n")
    if mentions:
        out.append("\nReported by\n", style="bold")
        for m in mentions:
            out.append(f"{clean(m.get('published') or '?')[:10]:<11}", style="dim")
            out.append(f"{clean(m.get('source') or '?')}: ")
            out.append(clean(m.get("title") or m.get("uid")) + "\n")
            out.append(f"{'':<11}{clean(m.get('uid'))} (event {clean(m.get('id'))})\n", style="dim")
    if row.get("sentence"):
        out.append("\nSentence\n", style="bold")
        out.append(clean(row["sentence"]) + "\n", style="italic")
    return out


class ExplainScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "close", "Close", id="explain.close"),
        Binding("x", "close", "Close", show=False, id="explain.close-x"),
        Binding("q", "close", "Close", show=False, id="explain.close-q"),
    ]

    def __init__(self, title: str, body: Text) -> None:
        super().__init__()
        self._title = title
        self._body = body

    def compose(self) -> ComposeResult:
        with Vertical(id="explain-box") as box:
            box.border_title = Text(clean(self._title))
            box.border_subtitle = Text("esc close")
            with VerticalScroll(id="explain-scroll"):
                yield Static(self._body, id="explain-body")

    def on_mount(self) -> None:
        self.query_one("#explain-scroll").focus()

    def action_close(self) -> None:
        self.dismiss(None)
