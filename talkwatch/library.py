"""The library: talkwatch's headless core, the one way the CLI and the TUI reach the data.

    lib = Library(path)             # nothing is opened yet: a one-liner stays fast
    lib.search("istambul talks")    -> SearchResult
    lib.events(dyad="AFG-PAK")      -> [event, ...]
    lib.dyad("AFG-PAK")             -> DyadTimeline
    lib.correct(event_id, {...})    -> "corrected event ..."
    lib.index([folder], reporter=)  -> Summary

It owns the database connections: readers are borrowed from a small pool (a worker thread
borrows its own; a search can be interrupted when a newer one supersedes it) and every write
goes through one writer path, one at a time. It returns dataclasses (an event, a dyad summary
and a timeline row stay dicts: they are the JSON items of the CLI contract, see DESIGN) and
raises the typed errors of talkwatch.errors, never a string to match.

Imports stay light here: the store, the indexer and the extraction load when first used.
"""
from __future__ import annotations

import re
import sqlite3
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from talkwatch.errors import Interrupted, SearchFailed

if TYPE_CHECKING:
    from talkwatch.indexer.run import Reporter, Summary
    from talkwatch.ontology import EventType, Status
    from talkwatch.store.search import Hit

PAGE = 100                       # rows fetched at a time for a list that pages

# loaded when first asked for (a one-liner imports only what its command uses):
#   EVENT_FIELDS, EXPLAIN_FIELDS   an event's fields as shown, and what --explain adds
#   MARK_START, MARK_END           the marks around matched words in a search snippet
_LAZY = {"EVENT_FIELDS": ("talkwatch.store.schema", "EVENT_FIELDS"),
         "EXPLAIN_FIELDS": ("talkwatch.store.schema", "EXPLAIN_ONLY"),
         "MARK_START": ("talkwatch.store.search", "MARK_START"),
         "MARK_END": ("talkwatch.store.search", "MARK_END")}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# ------------------------------------------------------------------ what the library returns

@dataclass
class SearchResult:
    query: str
    hits: list["Hit"]                 # uid, title, published, source, score, snippet (marked)
    corrected: dict[str, str]         # typo -> the corpus word searched instead
    total: int                        # matches counted (a lower bound when ``more``)
    more: bool
    plan: str                         # how it was answered: "bm25", "recent", ...
    elapsed_ms: float = 0.0
    highlight: list[str] = field(default_factory=list)   # folded words a view should mark
    ignored: list[str] = field(default_factory=list)     # words found in no article, left out


@dataclass
class Row:
    """One line of a list of articles."""

    uid: str
    title: str
    published: str | None
    source: str | None


@dataclass
class Listing:
    """The first page of a list of articles: a search's, or the newest (an empty query)."""

    query: str
    total: int
    rows: list[Row]
    more: bool = False                # total is a lower bound
    corrected: dict[str, str] = field(default_factory=dict)
    highlight: list[str] = field(default_factory=list)
    plan: str = ""
    error: str | None = None          # set by a view that could not run the query (bad input)
    elapsed_ms: float = 0.0
    ignored: list[str] = field(default_factory=list)


@dataclass
class StoredArticle:
    id: int
    uid: str
    file: str
    title: str
    body: str
    published: str | None
    published_precision: str | None
    published_source: str | None      # "metadata", "inferred" or None
    published_how: str | None
    source: str | None
    url: str | None
    dup_of: str | None                # the uid of the article this one nearly duplicates


@dataclass
class ArticleView:
    """Everything a reader shows for one article."""

    article: StoredArticle
    events: list[dict]                          # with the --explain fields
    parties: list[tuple[int, int, str]]         # (start, end, code) of country mentions in the body
    focus_event: str | None = None


@dataclass
class DyadTimeline:
    dyad: str
    summary: dict                     # as a `dyads --json` item
    rows: list[dict]                  # one per cluster, oldest first (undated last)
    why: dict | None = None           # with explain: the cluster that decided each part


@dataclass
class Changes:
    """What moved per dyad since ``since`` (see store.changes): one dict per dyad, with
    ``lines`` ({kind, text, cluster, event_id, uid}) a view can show and open."""

    since: str | None
    items: list[dict]
    followed_only: bool = False


@dataclass
class Counts:
    articles: int
    events: int
    dyads: int
    files: int


# ------------------------------------------------------------------ the library

class Library:
    """One talkwatch database, for reading and writing."""

    def __init__(self, path: str | Path, *, keep: int = 4):
        self.path = Path(path)
        self._keep = keep
        self._idle: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._busy: dict[object, sqlite3.Connection] = {}
        self._stopped: set[int] = set()
        self._write_lock = threading.Lock()

    # ------------------------------------------------------------------ connections

    def check(self) -> None:
        """Raise Unavailable unless the database can be read (upgrading it if it is old)."""
        with self._reader():
            pass

    @contextmanager
    def _reader(self, owner: object | None = None) -> Iterator[sqlite3.Connection]:
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
        except sqlite3.OperationalError:
            if owner is not None and id(owner) in self._stopped:
                raise Interrupted("superseded") from None
            raise
        finally:
            with self._lock:
                if owner is not None and self._busy.get(owner) is conn:
                    del self._busy[owner]
                if owner is not None:
                    self._stopped.discard(id(owner))
                conn.row_factory = None
                if len(self._idle) < self._keep:
                    self._idle.append(conn)
                    conn = None
            if conn is not None:
                conn.close()

    def interrupt(self, owner: object) -> None:
        """Stop the query running for ``owner`` (it raises Interrupted); nothing if none runs."""
        with self._lock:
            conn = self._busy.get(owner)
            if conn is not None:
                self._stopped.add(id(owner))
                conn.interrupt()

    @contextmanager
    def _writer(self, *, create: bool = False) -> Iterator[sqlite3.Connection]:
        """The one write connection, one writer at a time (a database must exist unless ``create``)."""
        from talkwatch.store.db import open_db

        with self._write_lock:
            if not create:
                open_db(self.path).close()   # an existing talkwatch database, or a clear error
            conn = open_db(self.path, write=True)
            try:
                yield conn
            finally:
                conn.close()

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for conn in idle:
            try:
                conn.close()
            except sqlite3.Error:
                pass

    def __enter__(self) -> "Library":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ search and lists of articles

    def search(self, text: str, *, limit: int = 20, offset: int = 0, correct: bool = True,
               owner: object | None = None) -> SearchResult:
        """Ranked, typo-corrected matches (see store.search for the query language)."""
        from talkwatch.store import search as S

        text = (text or "").strip()
        with self._reader(owner) as conn:
            try:
                res = S.search(conn, text, limit=limit, offset=offset, correct=correct)
            except sqlite3.OperationalError as exc:
                if owner is not None and id(owner) in self._stopped:
                    raise
                raise SearchFailed(f"the search failed: {exc}") from None
        words = S.highlight_terms(S.parse(text), res.corrected, res.ignored)
        return SearchResult(text, res.hits, dict(res.corrected), res.total, res.more, res.plan, res.elapsed_ms,
                            words, list(res.ignored))

    def listing(self, text: str, *, limit: int = PAGE, owner: object | None = None) -> Listing:
        """The first page of the articles a query finds (the newest articles for no query)."""
        from talkwatch.store import queries

        text = (text or "").strip()
        if not text:
            with self._reader(owner) as conn:
                total = queries.count_articles(conn)
                rows = _rows(queries.recent_articles(conn, limit=limit, offset=0))
            return Listing("", total, rows, plan="recent")
        res = self.search(text, limit=limit, owner=owner)
        return Listing(text, res.total, [Row(h.uid, h.title, h.published, h.source) for h in res.hits],
                       more=res.more, corrected=res.corrected, highlight=res.highlight, plan=res.plan,
                       elapsed_ms=res.elapsed_ms, ignored=res.ignored)

    def page(self, text: str, offset: int, *, limit: int = PAGE) -> list[Row]:
        """Rows ``offset`` .. ``offset + limit`` of the listing for ``text``."""
        from talkwatch.store import queries

        text = (text or "").strip()
        if not text:
            with self._reader() as conn:
                return _rows(queries.recent_articles(conn, limit=limit, offset=offset))
        res = self.search(text, limit=limit, offset=offset)
        return [Row(h.uid, h.title, h.published, h.source) for h in res.hits]

    # ------------------------------------------------------------------ articles and events

    def article(self, uid: str) -> StoredArticle:
        """One article by uid (or by a part of one that names a single article)."""
        from talkwatch.store import queries

        with self._reader() as conn:
            return StoredArticle(**queries.article(conn, uid))

    def article_view(self, uid: str, focus_event: str | None = None) -> ArticleView:
        """An article, its events (explained) and the country mentions in its body."""
        from talkwatch.store import queries

        with self._reader() as conn:
            art = StoredArticle(**queries.article(conn, uid))
            evs = queries.events(conn, uid=art.uid, explain=True)
        return ArticleView(art, evs, find_parties(art.body or ""), focus_event)

    def events(self, *, dyad: str | None = None, type: str | None = None, status: str | None = None,
               since: str | None = None, until: str | None = None, uid: str | None = None,
               limit: int | None = None, include_rejected: bool = False, explain: bool = False,
               cluster: int | None = None) -> list[dict]:
        """Events oldest first, as `talkwatch events` shows them (corrections applied)."""
        from talkwatch.store import queries

        with self._reader() as conn:
            return queries.events(conn, dyad=dyad, type=type, status=status, since=since, until=until, uid=uid,
                                  limit=limit, include_rejected=include_rejected, explain=explain, cluster=cluster)

    def events_json(self, **filters: Any) -> Iterator[str]:
        """The same events as events(), each already one JSON object (SQLite writes them: fast)."""
        from talkwatch.store import queries

        if filters.get("dyad"):
            queries.normalise_dyad(filters["dyad"])     # a bad dyad fails now, before any output

        def stream() -> Iterator[str]:
            with self._reader() as conn:
                yield from queries.events_json(conn, **filters)

        return stream()

    def event(self, event_id: str) -> dict:
        """One event by id (or a prefix of one), with every stored field; NotFound, Ambiguous."""
        from talkwatch.store import queries

        with self._reader() as conn:
            return queries.event_by_id(conn, event_id)

    def check_filters(self, *, type: str | None = None, status: str | None = None, dyad: str | None = None,
                      uid: str | None = None, cluster: int | None = None) -> dict:
        """The filters of an events query, checked and in canonical form (type TALKS, status held,
        dyad AFG-PAK, the article's full uid); UnknownValue (a usage error) for a value that names
        nothing known, with the choices or the nearest one."""
        from talkwatch.errors import NotFound, UnknownValue
        from talkwatch.store import queries
        from talkwatch.store.corrections import unknown_choice

        out: dict = {}
        if type:
            names = [t.name for t in event_types()]
            if type.upper() not in names:
                raise UnknownValue(unknown_choice("event type", type, names))
            out["type"] = type.upper()
        if status:
            names = [s.name for s in statuses()]
            if status.lower() not in names:
                raise UnknownValue(unknown_choice("status", status, names))
            out["status"] = status.lower()
        if dyad:
            out["dyad"] = self.check_dyad(dyad)
        with self._reader() as conn:
            if uid:
                try:
                    out["uid"] = queries.article(conn, uid)["uid"]
                except NotFound as exc:
                    raise UnknownValue(str(exc)) from None
            if cluster is not None:
                if not queries.cluster_exists(conn, cluster):
                    raise UnknownValue(f"no cluster {cluster} (clusters are numbered in `talkwatch dyad A B --json`)")
                out["cluster"] = cluster
        return out

    def check_dyad(self, name: str) -> str:
        """A dyad in canonical form; UnknownValue when it names parties talkwatch does not know
        (with the nearest dyads of the database). A pair of known countries with no events is fine."""
        import difflib

        from talkwatch.errors import UnknownValue
        from talkwatch.store import queries

        dyad = normalise_dyad(name)
        with self._reader() as conn:
            known = queries.known_dyads(conn)
        if dyad in known:
            return dyad
        codes = party_codes()
        unknown = [c for c in dyad.split("-") if c not in codes]
        if not unknown:
            return dyad
        near = difflib.get_close_matches(dyad, known, n=3, cutoff=0.5)
        hint = f"; did you mean {' or '.join(near)}?" if near else ""
        what = " and ".join(unknown)
        raise UnknownValue(f"unknown dyad '{name}': talkwatch knows no party {what}{hint}"
                           " (`talkwatch dyads` lists the pairs with events)")

    def data_stamp(self) -> tuple | None:
        """What changes when an index run (or a correction) has finished: compare two stamps to
        know that the data moved. None while a run is still writing (dyads await their refresh)."""
        from talkwatch.store import queries

        with self._reader() as conn:
            return queries.data_stamp(conn)

    def counts(self) -> Counts:
        from talkwatch.store import queries

        with self._reader() as conn:
            return Counts(**queries.counts(conn))

    # ------------------------------------------------------------------ dyads

    def dyads(self, *, as_of: str | None = None, followed: bool = False) -> list[dict]:
        """One summary per dyad: the followed ones first, then the most active; ``as_of``: as
        things stood then; ``followed``: only the followed ones. Each has ``followed`` (bool)."""
        from talkwatch.store import dyads as D, follow, queries

        with self._reader() as conn:
            mine = set(follow.followed(conn))
            rows = queries.dyad_summaries(conn)
            if followed:
                rows = [r for r in rows if r["dyad"] in mine]
            if as_of:
                rows = [D.compute(conn, r["dyad"], as_of)[0] for r in rows]
                rows = [r for r in rows if r["events"]]
        for r in rows:
            r["followed"] = r["dyad"] in mine
        rows.sort(key=lambda r: (not r["followed"], -(r.get("clusters") or 0), r["dyad"]))
        return rows

    def followed(self) -> list[str]:
        """The dyads followed (`f` in the TUI's dyads pane, `talkwatch follow`)."""
        from talkwatch.store import follow

        with self._reader() as conn:
            return follow.followed(conn)

    def follow(self, dyad: str, on: bool = True) -> bool:
        """Follow (or stop following) a dyad; True when that changed something."""
        from talkwatch.store import follow

        name = self.check_dyad(dyad)
        with self._writer() as conn:
            return follow.set_followed(conn, name, on)

    def changes(self, *, since: str | None = None, followed: bool = False) -> "Changes":
        """What moved per dyad since ``since`` (a date or a time: evidence indexed then or later),
        by default since the last index run that brought articles."""
        from talkwatch.store import changes as C, follow

        with self._reader() as conn:
            mine = set(follow.followed(conn))
            cutoff = since or C.previous_run(conn)
            if not cutoff:
                return Changes(None, [], followed)
            items = C.changes(conn, cutoff, sorted(mine) if followed else None, mine)
        return Changes(cutoff, items, followed)

    def dyad(self, name: str, *, as_of: str | None = None, explain: bool = False,
             reports: bool = False) -> DyadTimeline:
        """One dyad's summary and timeline (``name`` in either order, codes or country names);
        with ``reports``, each timeline row lists its reports; with ``explain``, also which
        cluster (and its reports) decided each part of the summary."""
        from talkwatch.store import dyads as D
        from talkwatch.store import queries

        dyad = normalise_dyad(name)
        with self._reader() as conn:
            why: dict | None = {} if explain else None
            if explain:
                summary, rows = D.compute(conn, dyad, as_of, why)
                for part, row in list(why.items()):
                    if row is not None:
                        why[part] = dict(row, reports=self._reports(conn, row))
            else:
                summary, rows = D.timeline(conn, dyad, as_of)
            if reports:
                stored = queries.dyad_reports(conn, dyad) if rows and rows[0].get("cluster") else {}
                for r in rows:
                    if r.get("cluster") in stored:
                        r["reports"] = stored[r["cluster"]]
                    else:
                        r["reports"] = [{"uid": m["uid"], "source": m["source"], "published": m["published"],
                                         "title": m["title"], "sentence": m["sentence"], "event_id": m["id"],
                                         "duplicate_of": m["duplicate_of"]}
                                        for m in queries.cluster_mentions(conn, r.get("event_ids") or [])]
        return DyadTimeline(dyad, summary, rows, why)

    @staticmethod
    def _reports(conn, row: dict) -> list[dict]:
        from talkwatch.store import queries

        try:
            found = queries.cluster_mentions(conn, row.get("event_ids") or [row["event_id"]], None)
        except Exception:      # the explanation is a courtesy: never fail the command for it
            return []
        seen, out = set(), []
        for m in found:        # one line per article
            if m.get("uid") not in seen:
                seen.add(m.get("uid"))
                out.append(m)
        return out

    def cluster_mentions(self, event_ids: list[str], cluster: int | None = None) -> list[dict]:
        """The articles that report one cluster (id, uid, title, source, published)."""
        from talkwatch.store import queries

        with self._reader() as conn:
            return queries.cluster_mentions(conn, event_ids, cluster)

    # ------------------------------------------------------------------ corrections and evaluation

    def corrections(self) -> list[dict]:
        """The corrections on record, with their state (applied, article gone, ...)."""
        from talkwatch.store import corrections

        with self._reader() as conn:
            return corrections.listing(conn)

    def correct(self, event_id: str, fields: dict, *, reject: bool = False, undo: bool = False,
                note: str | None = None) -> str:
        """Record an analyst's correction (or remove it) and refresh the dyads it touches."""
        from talkwatch.indexer.refresh import refresh
        from talkwatch.store import corrections

        corrections.validate(fields)
        with self._writer() as conn:
            msg = corrections.record(conn, event_id, fields, reject=reject, undo=undo, note=note)
            refresh(conn)
        return msg

    def evaluate(self, gold_path: str) -> dict:
        """Recall, precision, status and date accuracy against a gold file (JSON lines)."""
        from talkwatch.analysis.evaluate import evaluate, gold_articles, load_gold
        from talkwatch.store import queries

        with self._reader() as conn:
            gold = load_gold(gold_path)
            extracted = {uid: queries.events(conn, uid=uid) for uid in gold_articles(gold)}
        return evaluate(gold, extracted)

    # ------------------------------------------------------------------ indexing

    def index(self, paths: list[str], *, rebuild: bool = False, workers: int | None = None,
              reporter: "Reporter | None" = None, wait: bool = True) -> "Summary":
        """Add or update files and folders (the folders indexed before when none are given)."""
        from talkwatch.indexer.run import index_paths

        with self._write_lock:
            return index_paths(self.path, paths, rebuild=rebuild, workers=workers, reporter=reporter, wait=wait)


# ------------------------------------------------------------------ without a database

def normalise_dyad(text: str) -> str:
    """'pakistan-afghanistan', 'PAK-AFG', 'india pakistan' -> 'AFG-PAK'; InvalidInput otherwise."""
    from talkwatch.store.queries import normalise_dyad as normalise

    return normalise(text)


def date_problem(value: str, *, reduced: bool = True) -> str | None:
    """Why an analyst's date cannot be used ("2025-02-30" does not exist), or None."""
    from talkwatch.ontology import date_problem as problem

    return problem(value, reduced=reduced)


def explain_lines(summary: dict, why: dict) -> list[str]:
    """Which cluster decided each part of a dyad's summary (``dyad(..., explain=True)``), as lines."""
    from talkwatch.analysis.why import explain_lines as lines

    return lines(summary, why)


def next_label(n: dict | None) -> str:
    """A dyad's next event in a few words: "2025-11-06 talks Istanbul via QAT,TUR"."""
    from talkwatch.analysis.why import next_label as label

    return label(n)


def shown_date(item: dict, missing: str = "") -> str:
    """An event's or a timeline row's date as people read it: "~2025-11-05" when it is only
    the day of the report that tells a deed (date_source "published"), ``missing`` when undated."""
    date = item.get("date")
    if not date:
        return missing
    return f"~{date}" if item.get("date_source") == "published" else str(date)


def party_codes() -> frozenset[str]:
    """Every party code talkwatch knows (countries, organisations, armed groups)."""
    try:
        from talkwatch.extract.parties import party_codes as codes
    except ImportError:
        return frozenset()
    return codes()


def event_types() -> "tuple[EventType, ...]":
    """The event types, with their PLOVER, CAMEO and Goldstein codes."""
    from talkwatch.ontology import event_types as types

    return types()


def statuses() -> "tuple[Status, ...]":
    """The statuses an event can have, in the order users see them."""
    from talkwatch.ontology import statuses as known

    return known()


def plain(snippet: str) -> str:
    """A search snippet without its marks."""
    from talkwatch.store.search import strip_marks

    return strip_marks(snippet)


def find_parties(text: str) -> list[tuple[int, int, str]]:
    """Country mentions in ``text`` as (start, end, code); none if extraction fails."""
    try:
        from talkwatch.extract.parties import find_parties as fp
    except ImportError:
        return []
    out = []
    try:
        for m in fp(text):
            start, end, code = getattr(m, "start", None), getattr(m, "end", None), getattr(m, "code", None)
            if isinstance(m, dict):
                start, end, code = m.get("start"), m.get("end"), m.get("code")
            if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
                out.append((start, end, str(code or "")))
    except Exception:   # a bug in extraction must not take the reader down
        return []
    return out


_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ers", "er", "es", "ed", "s")


def _stem(word: str) -> str:
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            return word[: -len(suf)]
    return word


def word_spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Where a query's (folded) words occur in ``text``, allowing the endings FTS stems away."""
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


def _rows(records: list[dict]) -> list[Row]:
    return [Row(r["uid"], r["title"], r["published"], r["source"]) for r in records]
