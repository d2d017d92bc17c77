"""Pure text -> events: sentences, parties (gazetteer), dates, events, status.

    extract(body, published=None, title=None) -> Extraction

Text and metadata in, events out: no I/O besides the data files, read once and cached.
Never raises: a failure in one part leaves the rest of the article's events in place.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from talkwatch.extract.model import Event

__all__ = ["Event", "Extraction", "extract"]

# Events are read from the first MAX_CHARS characters of a body (about 50,000 words, far
# beyond any news article): a runaway document costs bounded time, not minutes.
MAX_CHARS = 300_000


@dataclass
class Extraction:
    events: list[Event] = field(default_factory=list)
    published: str | None = None         # the reference date as ISO (maybe reduced)
    published_source: str | None = None  # "metadata" | "inferred" | None
    published_how: str | None = None


def _reference(body: str, published, title: str | None, not_after=None):
    """The article's reference date: the metadata's, else one inferred from the text."""
    from talkwatch.extract import dates

    ref = None
    if published not in (None, ""):
        try:
            ref = dates.parse_published(published)
        except Exception:
            ref = None
        if ref is not None and not ref.known:
            how = ref.how
            ref = None
            inferred = _infer(body, title, not_after)
            if inferred is not None:
                return inferred
            return _Unknown(how)
    if ref is None:
        ref = _infer(body, title, not_after)
    return ref


class _Unknown:
    """No usable reference date, with the reason."""

    def __init__(self, how: str):
        self.how = how


def _infer(body: str, title: str | None, not_after=None):
    from talkwatch.extract import dates

    try:
        ref = dates.infer_published(body, not_after)
        if ref is None and title:
            ref = dates.infer_published(title, not_after)
        return ref
    except Exception:
        return None


def extract(body: str, published: str | None = None, title: str | None = None, not_after=None) -> Extraction:
    """Events of one article. `published` is the metadata date (any common form).

    `not_after` (a datetime.date, optional) is the latest day the article can speak from
    (the day it is indexed); it only bounds the year of a date inferred from a weekday.
    """
    out = Extraction()
    if not isinstance(body, str):
        try:
            body = "" if body is None else str(body)
        except Exception:
            return out
    try:
        ref = _reference(body[:MAX_CHARS], published, title, not_after)
    except Exception:
        ref = None
    if isinstance(ref, _Unknown):
        out.published_how = ref.how
        ref = None
    elif ref is not None:
        try:
            out.published = ref.iso()
            out.published_source = ref.source if ref.source in ("metadata", "inferred") else None
            out.published_how = ref.how or None
            if out.published is None:
                ref = None
        except Exception:
            ref = None
    if not body.strip():
        return out
    try:
        out.events = _events(body, ref, title)
    except Exception:
        out.events = []
    return out


_VENUE_NOUNS = ("talks", "summit", "meeting", "round", "process", "accord", "accords", "agreement", "deal",
                "declaration", "conference", "negotiations", "format", "peace")


def _title_venue(title: str, m) -> bool:
    """A place in a title that says where, not who: "strikes in Libya", "Muscat talks"."""
    if title[:m.start].rstrip().lower().endswith((" in", " at")):
        return True
    if m.kind in ("capital", "city", "place"):
        after = title[m.end:m.end + 20].lower().replace("'s", " ").replace("’s", " ").split()
        return bool(after) and after[0] in _VENUE_NOUNS
    return False


def _events(body: str, ref, title: str | None = None) -> list[Event]:
    from talkwatch.extract import dates, events, parties, sentences

    if len(body) > MAX_CHARS:
        cut = body.rfind(" ", MAX_CHARS - 2000, MAX_CHARS)
        body = body[: cut if cut > 0 else MAX_CHARS]

    try:
        sents = sentences.split_sentences(body)
    except Exception:
        sents = [(0, len(body))]
    year = getattr(ref, "year", None) if ref is not None else None
    try:
        mentions, names = parties.find_parties_and_names(body, year=year)
    except Exception:
        mentions, names = [], {}
    title_codes: tuple[str, ...] = ()
    if title:
        try:
            title_codes = tuple(dict.fromkeys(
                m.code for m in parties.find_parties(title[:500], year=year, known=names)
                if not _title_venue(title, m)))
        except Exception:
            title_codes = ()
    return events.extract_events(body, sents, mentions, parties.find_places, dates.find_dates, ref, dates.resolve,
                                 title_codes)
