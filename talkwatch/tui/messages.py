"""Every message of the TUI, in one place: small dataclasses (as toolong's messages.py).

Workers post the ``...Ready`` ones and ``Failed`` back to the app; widgets post the others,
which bubble up to the app's ``@on`` handlers. Nothing here holds a widget.
"""
from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from talkwatch.library import ArticleView, Listing, Row


# ---------------------------------------------------------------------- from workers

@dataclass
class ListingReady(Message):
    """The first page of a query (generation: which query it answers)."""

    generation: int
    listing: Listing


@dataclass
class PageReady(Message):
    """A further page of the article list; rows is None when it could not be read."""

    generation: int
    page: int
    rows: list[Row] | None


@dataclass
class ArticleReady(Message):
    view: ArticleView
    switch: bool                 # show the article's events in the events pane


@dataclass
class DyadsReady(Message):
    summaries: list[dict]


@dataclass
class TimelineReady(Message):
    dyad: str
    summary: dict | None
    rows: list[dict]


@dataclass
class Failed(Message):
    """A worker failed: say so in one line, keep going."""

    what: str
    error: str


# ---------------------------------------------------------------------- from the article list

@dataclass
class ArticleHighlighted(Message):
    """The cursor is on an article."""

    uid: str


@dataclass
class ArticleOpened(Message):
    """Enter on an article."""

    uid: str


@dataclass
class NeedPage(Message):
    """A row on screen is not loaded: fetch page ``page`` of query generation ``generation``."""

    generation: int
    query: str
    page: int


# ---------------------------------------------------------------------- from the events pane

@dataclass
class EventChosen(Message):
    """An event of the open article was chosen (or highlighted): show its sentence."""

    event: dict
    chosen: bool                 # enter (True) or only highlighted (False)


@dataclass
class ClusterChosen(Message):
    """A timeline row was chosen: open its article at its sentence."""

    row: dict


@dataclass
class CorrectRequested(Message):
    event_id: str
    event: dict | None           # the event when the pane has it, else the app fetches it


@dataclass
class ExplainRequested(Message):
    event: dict | None
    row: dict | None


@dataclass
class ModeChanged(Message):
    mode: str                    # "article" or "timeline"


# ---------------------------------------------------------------------- from the reader and the dyads

@dataclass
class EventFocused(Message):
    """The reader moved to an event's sentence (n / N)."""

    event_id: str


@dataclass
class DyadChosen(Message):
    dyad: str


@dataclass
class FollowToggled(Message):
    """f in the dyads pane: follow the dyad (or stop)."""

    dyad: str
    follow: bool


@dataclass
class DyadExplainRequested(Message):
    """x in the dyads pane: why the dyad's summary says what it says."""

    dyad: str


@dataclass
class DataChanged(Message):
    """An index run finished while the TUI was open: what came in (see App.check_for_changes)."""

    before: object
    after: object


@dataclass
class FindRequested(Message):
    """/ in the reader: open the find bar (with the text of the last find)."""

    text: str
