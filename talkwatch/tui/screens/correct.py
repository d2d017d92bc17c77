"""The correction form: set an event's type, status, date or dyad, or reject it (Sana's journey)."""
from __future__ import annotations

from dataclasses import dataclass, field

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from talkwatch.library import date_problem
from talkwatch.tui.safe import clean, short



@dataclass
class Correction:
    event_id: str
    fields: dict = field(default_factory=dict)
    reject: bool = False
    note: str | None = None


class CorrectScreen(ModalScreen[Correction | None]):
    """A small form over the main screen; ctrl+s saves, escape cancels."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="correct.cancel"),
        Binding("ctrl+s", "save", "Save", id="correct.save"),
    ]

    def __init__(self, event: dict, types: list[str], statuses: list[str]) -> None:
        super().__init__()
        self.event = event
        self.types = types or []
        self.statuses = statuses or []

    def compose(self) -> ComposeResult:
        ev = self.event
        with Vertical(id="correct-box") as box:
            box.border_title = Text(f"Correct event {clean(ev.get('id'))}")
            box.border_subtitle = Text("ctrl+s save · esc cancel")
            yield Static(Text(short(ev.get("sentence"), 300), style="italic"), id="correct-sentence")
            with Grid(id="correct-grid"):
                yield Label("Type")
                types = list(self.types)
                if ev.get("type") and ev["type"] not in types:
                    types.insert(0, ev["type"])
                yield Select([(t, t) for t in types], value=ev.get("type") if ev.get("type") in types else Select.NULL,
                             allow_blank=True, compact=True, id="correct-type", prompt="type")
                yield Label("Status")
                sts = list(self.statuses)
                if ev.get("status") and ev["status"] not in sts:
                    sts.insert(0, ev["status"])
                yield Select([(s, s) for s in sts], value=ev.get("status") if ev.get("status") in sts else Select.NULL,
                             allow_blank=True, compact=True, id="correct-status", prompt="status")
                yield Label("Date")
                yield Input(clean(ev.get("date") or ""), placeholder="YYYY-MM-DD, YYYY-MM or --MM-DD",
                            compact=True, id="correct-date")
                yield Label("Dyad")
                yield Input(clean(ev.get("dyad") or ""), placeholder="AFG-PAK or india-pakistan", compact=True,
                            id="correct-dyad")
                yield Label("Note")
                yield Input("", placeholder="why (optional)", compact=True, id="correct-note")
            yield Checkbox("Reject: this is not an event", id="correct-reject", compact=True)
            yield Static("", id="correct-error")
            with Horizontal(id="correct-buttons"):
                yield Button("Save", variant="primary", id="correct-save", compact=True)
                yield Button("Cancel", id="correct-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#correct-type", Select).focus()

    def _error(self, message: str) -> None:
        self.query_one("#correct-error", Static).update(Text(clean(message)))

    def build(self) -> Correction | None:
        """The correction the form describes, or None (with a message) when it is not valid."""
        ev = self.event
        fields: dict = {}
        t = self.query_one("#correct-type", Select).value
        if t is not Select.NULL and t and t != ev.get("type"):
            fields["type"] = t
        s = self.query_one("#correct-status", Select).value
        if s is not Select.NULL and s and s != ev.get("status"):
            fields["status"] = s
        date = self.query_one("#correct-date", Input).value.strip()
        if date and date != (ev.get("date") or ""):
            problem = date_problem(date)
            if problem:
                self._error(problem)
                return None
            fields["date"] = date
        dyad = self.query_one("#correct-dyad", Input).value.strip()
        if dyad and dyad != (ev.get("dyad") or ""):
            from talkwatch.errors import TalkwatchError
            from talkwatch.library import normalise_dyad

            try:
                dyad = normalise_dyad(dyad)
            except TalkwatchError as exc:
                self._error(str(exc))
                return None
            if dyad != ev.get("dyad"):
                fields["dyad"] = dyad
        reject = self.query_one("#correct-reject", Checkbox).value
        note = self.query_one("#correct-note", Input).value.strip() or None
        if not fields and not reject:
            self._error("nothing changed: edit a field or tick Reject (esc to cancel)")
            return None
        return Correction(str(ev.get("id")), fields, reject, note)

    def action_save(self) -> None:
        c = self.build()
        if c is not None:
            self.dismiss(c)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#correct-save")
    def _save(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#correct-cancel")
    def _cancel(self) -> None:
        self.action_cancel()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()
