"""The TUI's access to the store: a small connection pool and the few queries it needs.

Everything here runs in worker threads, never on the UI thread. Each worker borrows its own
connection (``queries`` toggles ``row_factory`` on the connection it is given, so two
threads must never share one); a search worker's connection can be interrupted when a newer
query supersedes it.
"""
from __future__ import annotations

import re
import sqlite3
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

PAGE = 100   # rows fetched at a time for the article list


class Store:
    """Borrow-and-return reader connections to one talkwatch database."""

    def __init__(self, path: str | Path, keep: int = 4):
        self.path = Path(path)
        self._keep = keep
        self._idle: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._busy: dict[object, sqlite3.Connection] = {}

    @contextmanager
    def connect(self, owner: object | None = None) -> Iterator[sqlite3.Connection]:
        """A reader connection for this thread; ``owner`` lets ``interrupt(owner)`` stop its query."""
        from talkwatch.store.db import open_db

        with self._lock:
            conn = self._idle.pop() if self._idle else None
        if conn is None:
            conn = open_db(self.path)
        if owner is not None:
            with self._lock:
                self._busy[owner] = conn
        try:
            yield conn
        finally:
            with self._lock:
                if owner is not None and self._busy.get(owner) is conn:
                    del self._busy[owner]
                conn.row_factory = None
                if len(self._idle) < self._keep:
                    self._idle.append(conn)
                    conn = None
            if conn is not None:
                conn.close()

    def interrupt(self, owner: object) -> None:
        """Stop the statement running on the connection ``owner`` holds (if it still holds one)."""
        with self._lock:
            conn = self._busy.get(owner)
            if conn is not None:
                conn.interrupt()

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for conn in idle:
            try:
                conn.close()
            except sqlite3.Error:
                pass


# ------------------------------------------------------------------ the article list

@dataclass
class Row:
    """One line of the article list."""

    uid: str
    title: str
    published: str | None
    source: str | None


@dataclass
class Listing:
    """What the article list shows: its first page, its length, and how to fetch more."""

    query: str                    # the search text ("" for the newest articles)
    total: int
    rows: list[Row]
    more: bool = False            # total is a lower bound
    corrected: dict[str, str] = field(default_factory=dict)
    highlight: list[str] = field(default_factory=list)   # folded words to mark in the reader
    plan: str = ""
    error: str | None = None
    elapsed_ms: float = 0.0


def count_articles(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


def recent_page(conn: sqlite3.Connection, offset: int, limit: int = PAGE) -> list[Row]:
    """Newest first (undated last), through the index on ``published``."""
    from talkwatch.store.queries import recent_articles

    return [Row(r["uid"], r["title"], r["published"], r["source"])
            for r in recent_articles(conn, limit=limit, offset=offset)]


def listing(conn: sqlite3.Connection, text: str, limit: int = PAGE) -> Listing:
    """The first page for a query (or the newest articles for an empty one)."""
    from talkwatch.errors import TalkwatchError
    from talkwatch.store import search as S

    text = (text or "").strip()
    if not text:
        return Listing("", count_articles(conn), recent_page(conn, 0, limit), plan="recent")
    try:
        res = S.search(conn, text, limit=limit, offset=0)
    except TalkwatchError as exc:
        return Listing(text, 0, [], error=str(exc))
    if res.plan.startswith("error:"):
        raise sqlite3.OperationalError(res.plan[7:])
    words = S.highlight_terms(S.parse(text), res.corrected)
    return Listing(
        text, res.total, [Row(h.uid, h.title, h.published, h.source) for h in res.hits], more=res.more,
        corrected=dict(res.corrected), highlight=words, plan=res.plan, elapsed_ms=res.elapsed_ms,
    )


def page(conn: sqlite3.Connection, text: str, offset: int, limit: int = PAGE) -> list[Row]:
    """Rows ``offset`` .. ``offset + limit`` of the listing for ``text``."""
    from talkwatch.store import search as S

    text = (text or "").strip()
    if not text:
        return recent_page(conn, offset, limit)
    res = S.search(conn, text, limit=limit, offset=offset)
    if res.plan.startswith("error:"):
        raise sqlite3.OperationalError(res.plan[7:])
    return [Row(h.uid, h.title, h.published, h.source) for h in res.hits]


# ------------------------------------------------------------------ one article

@dataclass
class ArticleView:
    """Everything the reader and the events pane show for one article."""

    article: dict
    events: list[dict]
    parties: list[tuple[int, int, str]]     # (start, end, code) in the body
    focus_event: str | None = None


def load_article(conn: sqlite3.Connection, uid: str, focus_event: str | None = None) -> ArticleView:
    from talkwatch.store import queries

    art = queries.article(conn, uid)
    evs = queries.events(conn, uid=art["uid"], explain=True)
    return ArticleView(art, evs, find_parties(art.get("body") or ""), focus_event)


def find_parties(text: str) -> list[tuple[int, int, str]]:
    """Country mentions in ``text`` if the parties module is there; else none."""
    try:
        from talkwatch.extract.parties import find_parties as fp
    except ImportError:
        return []
    out = []
    try:
        for m in fp(text):
            start = getattr(m, "start", None)
            end = getattr(m, "end", None)
            code = getattr(m, "code", None)
            if isinstance(m, dict):
                start, end, code = m.get("start"), m.get("end"), m.get("code")
            if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
                out.append((start, end, str(code or "")))
    except Exception:   # a bug in extraction must not take the reader down
        return []
    return out


# ------------------------------------------------------------------ dyads

def dyads(conn: sqlite3.Connection) -> list[dict]:
    from talkwatch.store import queries

    return queries.dyad_summaries(conn)


def timeline(conn: sqlite3.Connection, dyad: str) -> tuple[dict, list[dict]]:
    from talkwatch.store.dyads import timeline as dyad_timeline

    summary, rows = dyad_timeline(conn, dyad)
    rows.sort(key=lambda r: (r.get("sort_date") or "", r.get("last_seen") or ""))
    return summary, rows


def cluster_mentions(conn: sqlite3.Connection, event_ids: list[str], cluster: int | None = None) -> list[dict]:
    """The articles behind a cluster: one line per mention (uid, title, source, published)."""
    from talkwatch.store.queries import ID_SQL

    if cluster is not None:
        rows = conn.execute(
            f"SELECT {ID_SQL}, a.uid, a.title, a.source, a.published FROM events e JOIN articles a ON a.id = e.article_id"
            " WHERE e.cluster = ? ORDER BY a.published, a.uid", (cluster,)).fetchall()
        return [{"id": r[0], "uid": r[1], "title": r[2], "source": r[3], "published": r[4]} for r in rows]
    if not event_ids:
        return []
    from talkwatch.store.queries import ID_SQL, id_range

    ranges = [r for r in map(id_range, event_ids) if r]
    if not ranges:
        return []
    where = " OR ".join(["(e.fingerprint >= ? AND e.fingerprint < ?)"] * len(ranges))
    rows = conn.execute(
        f"SELECT {ID_SQL}, a.uid, a.title, a.source, a.published FROM events e JOIN articles a ON a.id = e.article_id"
        f" WHERE {where} ORDER BY a.published, a.uid",
        [x for r in ranges for x in r],
    ).fetchall()
    return [{"id": r[0], "uid": r[1], "title": r[2], "source": r[3], "published": r[4]} for r in rows]


# ------------------------------------------------------------------ vocabulary for the correction form

def event_types() -> list[str]:
    """Event types from the ontology data file, in its order."""
    from talkwatch.ontology import type_names

    return type_names()


def statuses() -> list[str]:
    from talkwatch.ontology import status_names

    return status_names()


# ------------------------------------------------------------------ matching query words in a body

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ers", "er", "es", "ed", "s")


def _stem(word: str) -> str:
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            return word[: -len(suf)]
    return word


def word_spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Where the query's (folded) words occur in ``text``, allowing the endings FTS stems away."""
    from talkwatch.store.textfold import fold

    if not words or not text:
        return []
    wanted = {w for w in words if w}
    stems = {_stem(w) for w in wanted}
    out = []
    for m in _WORD.finditer(text):
        w = fold(m.group(0))
        if w in wanted or _stem(w) in stems:
            out.append((m.start(), m.end()))
    return out
