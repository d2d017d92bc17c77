"""The Article record every reader produces."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Article:
    """One document of a corpus.

    uid: path relative to the indexed root (POSIX separators), plus ``#ID`` for a
    record inside a multi-record file (the record's ``id`` field, else its 1-based
    position). ``published`` is an ISO 8601 string as found in the metadata
    (``2025-11-05``, ``2025-11``, ``2025-11-05T10:00:00``) or None when unknown.
    """

    uid: str
    title: str
    body: str
    published: str | None = None
    source: str | None = None
    url: str | None = None
    path: str = ""
    meta: dict = field(default_factory=dict)


class SkipFile(Exception):
    """A file (or the whole of it) cannot be read as articles; the message says why."""


@dataclass
class ReadResult:
    """What reading one file gave: its articles and the problems met on the way.

    ``warnings`` are per-record problems that did not stop the file (a broken JSONL
    line, say); ``skipped`` is set when the file as a whole was not indexed.
    """

    path: str
    articles: list[Article] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped: str | None = None
