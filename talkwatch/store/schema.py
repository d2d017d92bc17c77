"""The event record as stored and as shown: one schema, derived from the Event dataclass.

The events table holds a few columns of the store's own (``STORAGE_COLUMNS``: which article,
the order in it, the fingerprint, the date it sorts by, the cluster) and one column per field
of ``talkwatch.extract.model.Event``, except the fields the store keeps elsewhere
(``NOT_STORED``: the sentence is read back from the article body by its offsets). Every
reader and writer, and the tests' seeders, build their SQL from the lists here.

A field added to Event is picked up everywhere without further code:

- its column is added to existing databases when they are opened (``missing_columns``,
  ``add_missing_columns``; adding a column to an SQLite table is instant), and filled as the
  files are extracted again (the extraction code changed, so every file is);
- it is written by the indexer and read back by every query; lists and dicts are stored as
  JSON text;
- it joins the JSON and CSV output of ``talkwatch events`` after the fields listed in
  ``OUTPUT_FIELDS`` (the public contract, in its order), unless it is named in
  ``EXPLAIN_FIELDS`` (shown with ``--explain`` only) or in ``NOT_SHOWN``.

So a new Event field needs at most one line here, and only to hide it.
"""
from __future__ import annotations

import dataclasses
import json
import operator
import re
import sqlite3
from typing import Any, Mapping, NamedTuple

from talkwatch.extract.model import Event


class Column(NamedTuple):
    name: str
    sql: str              # the declared type (and constraints) in CREATE / ALTER TABLE
    json: bool = False    # stored as JSON text (lists and dicts)
    codes: bool = False   # a list of party codes (a few distinct values: parsed once, cached)
    listed: bool = False  # a list: shown as [] when the column is NULL

    @property
    def quoted(self) -> str:
        return f'"{self.name}"'


# the store's own columns, in no Event: where the event is, and what the store derives
STORAGE_COLUMNS: tuple[Column, ...] = (
    Column("rowid", "INTEGER PRIMARY KEY"),
    Column("article_id", "INTEGER NOT NULL"),
    Column("seq", "INTEGER"),                # the event's place among its article's events
    Column("fingerprint", "TEXT NOT NULL"),  # article uid + sentence + rule + occurrence; id = its first 12
    Column("sort_date", "TEXT"),             # the event's date, else the article's (see sort_date())
    Column("cluster", "INTEGER"),            # the cluster of the same event (written by the dyad refresh)
)
# Event fields that are not columns: the sentence is read from the body by its offsets
NOT_STORED = frozenset({"sentence"})

# Shown, in this order, by `events --json/--jsonl/--csv`: a public interface (see DESIGN).
# id, uid and the sentence are computed; `cluster` is a storage column.
OUTPUT_FIELDS: tuple[str, ...] = (
    "id", "uid", "sentence", "start", "end", "type", "status", "plover", "plover_mode", "cameo",
    "goldstein", "actors", "recipients", "dyad", "mediators", "location", "date", "date_precision",
    "date_source", "date_text", "attribution", "cluster",
)
# shown with --explain only, after the others (`corrected` is computed)
EXPLAIN_FIELDS: tuple[str, ...] = ("rule", "trigger", "trigger_start", "trigger_end", "date_how", "fingerprint",
                                   "corrected")
# Event fields stored but never shown (none yet)
NOT_SHOWN: frozenset[str] = frozenset()
# computed on the way out, not columns
COMPUTED = frozenset({"id", "uid", "sentence", "corrected"})


_NONE = re.compile(r"\s*\|\s*None\b|\bNone\s*\|\s*|^Optional\[(.*)\]$")


def _column_for(name: str, annotation: Any) -> Column:
    """The column an Event field is stored in, from its annotation: lists and dicts as JSON text."""
    text = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", None) or str(annotation)
    text = _NONE.sub(lambda m: m.group(1) or "", text.replace("typing.", "")).strip()
    base = text.split("[", 1)[0].strip().lower()
    if base in ("list", "tuple", "set", "dict", "sequence", "mapping"):
        codes = base == "list" and text.replace(" ", "") in ("list[str]", "List[str]")
        return Column(name, "TEXT", json=True, codes=codes, listed=base not in ("dict", "mapping"))
    if base == "float":
        return Column(name, "REAL")
    if base in ("int", "bool"):
        return Column(name, "INTEGER")
    return Column(name, "TEXT")


def event_columns(event_cls: type = Event) -> tuple[Column, ...]:
    """The columns of the Event fields that are stored, in the dataclass's order. Read from the
    annotations as written (``list[str]``, ``str | None``...): no evaluation at import."""
    return tuple(_column_for(f.name, f.type) for f in dataclasses.fields(event_cls) if f.name not in NOT_STORED)


EVENT_COLUMNS: tuple[Column, ...] = event_columns()
STORED_FIELDS: tuple[str, ...] = tuple(c.name for c in EVENT_COLUMNS)      # Event fields with a column
COLUMNS: tuple[Column, ...] = STORAGE_COLUMNS + EVENT_COLUMNS              # the whole events table
BY_NAME: dict[str, Column] = {c.name: c for c in COLUMNS}
JSON_FIELDS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.json)
CODE_FIELDS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.codes)


def _shown_fields() -> tuple[list[str], list[str]]:
    event_names = [f.name for f in dataclasses.fields(Event)]
    extra = [n for n in event_names
             if n not in OUTPUT_FIELDS and n not in EXPLAIN_FIELDS and n not in NOT_SHOWN]
    return list(OUTPUT_FIELDS) + extra, list(EXPLAIN_FIELDS)


# an event as `talkwatch events --json` shows it, and what --explain adds
EVENT_FIELDS, EXPLAIN_ONLY = _shown_fields()

# ------------------------------------------------------------------ writing

# every column but the rowid and the cluster (the dyad refresh sets it)
INSERT_COLUMNS: tuple[str, ...] = ("article_id", "seq", "fingerprint", "sort_date") + STORED_FIELDS
INSERT_EVENT_SQL = (
    "INSERT INTO events(" + ", ".join(f'"{c}"' for c in INSERT_COLUMNS) + ")"
    " VALUES (" + ",".join("?" * len(INSERT_COLUMNS)) + ")"
)


def _codes_text(codes) -> str:
    """A list of party codes as stored: JSON text ("[]" when empty)."""
    if not codes:
        return "[]"
    return '["' + '", "'.join(codes) + '"]' if all(c.isalnum() for c in codes) else json.dumps(codes)


def _encode(column: Column, value: Any) -> Any:
    if not column.json:
        return value
    if column.codes:
        return _codes_text(value)
    if value is None:
        return "[]" if column.listed else None
    if dataclasses.is_dataclass(value):
        value = dataclasses.asdict(value)
    elif isinstance(value, (list, tuple)) and value and dataclasses.is_dataclass(value[0]):
        value = [dataclasses.asdict(v) for v in value]
    elif isinstance(value, set):
        value = sorted(value)
    return json.dumps(value, ensure_ascii=False)


_GET_STORED = operator.attrgetter(*STORED_FIELDS)              # one C call for every field
_JSON_AT = tuple((i, c) for i, c in enumerate(EVENT_COLUMNS) if c.json)


def event_values(event: Event | Mapping[str, Any]) -> tuple:
    """The stored Event fields of one event, encoded for their columns, in STORED_FIELDS order."""
    if isinstance(event, Mapping):
        get = event.get
        return tuple(_encode(c, get(c.name)) for c in EVENT_COLUMNS)
    try:
        values = list(_GET_STORED(event))
    except AttributeError:          # an Event of another shape (an older pickle): field by field
        return tuple(_encode(c, getattr(event, c.name, None)) for c in EVENT_COLUMNS)
    for i, c in _JSON_AT:           # only the JSON columns need encoding (a few per event)
        values[i] = _encode(c, values[i])
    return tuple(values)


def event_row(values: tuple, *, article_id: int, seq: int, fingerprint: str, sort_date: str) -> tuple:
    """One row for INSERT_EVENT_SQL."""
    return (article_id, seq, fingerprint, sort_date) + tuple(values)


def insert_event(conn: sqlite3.Connection, event: Event | Mapping[str, Any], *, article_id: int, seq: int,
                 fingerprint: str, published: str | None) -> None:
    """Write one event of an article already stored (the indexer writes many at once)."""
    date = event.get("date") if isinstance(event, Mapping) else event.date
    conn.execute(INSERT_EVENT_SQL, event_row(event_values(event), article_id=article_id, seq=seq,
                                             fingerprint=fingerprint, sort_date=sort_date(date, published)))


def event_fingerprint(uid: str, sentence: str, rule: str, occurrence: int) -> str:
    """What a correction is keyed by: the article, the sentence, the rule, and which of the
    rule's events on that sentence it is; stable through re-indexing and migrations."""
    import hashlib      # here: readers never need it (and it loads OpenSSL)

    h = hashlib.sha1()
    for part in (uid, sentence, rule, str(occurrence)):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def sort_date(date: str | None, published: str | None) -> str:
    """The date an event sorts by: its own when the year is known, else its article's."""
    for value in (date, published):
        if value and not value.startswith("--"):
            return value
    return ""


def date_precision(value: str | None) -> str | None:
    """The precision an ISO 8601 date (reduced forms and timestamps included) claims."""
    if not value:
        return None
    if value.startswith("--"):
        return "day" if len(value) >= 7 else "month"
    n = len(value)
    return "day" if n >= 10 else {7: "month", 4: "year"}.get(n)


# ------------------------------------------------------------------ reading

_LIST_CACHE: dict[str, list] = {}


def decode_codes(value: str | None) -> list:
    """A stored JSON list of party codes; the few distinct values are parsed once."""
    if not value or value == "[]":
        return []
    got = _LIST_CACHE.get(value)
    if got is None:
        try:
            got = json.loads(value)
        except (TypeError, ValueError):
            got = []
        if len(_LIST_CACHE) < 50000:
            _LIST_CACHE[value] = got
    return list(got)


def decode(name: str, value: Any) -> Any:
    """A stored value as the event's field: JSON columns parsed, the rest as they are."""
    column = BY_NAME.get(name)
    if column is None or not column.json:
        return value
    if column.codes:
        return decode_codes(value)
    if value is None:
        return [] if column.listed else None
    try:
        return json.loads(value)
    except (TypeError, ValueError):
        return [] if column.listed else None


def json_sql(name: str, table: str = "e") -> str:
    """The SQL expression json_object() takes for a stored field (JSON columns as JSON)."""
    column = BY_NAME[name]
    ref = f"{table}.{column.quoted}"
    if column.json:
        return f"json(coalesce({ref}, '[]'))" if column.listed else f"json({ref})"
    return ref


# ------------------------------------------------------------------ the table in a database

def missing_columns(conn: sqlite3.Connection) -> list[Column]:
    """Columns of this schema the database's events table lacks (fields added to Event since
    it was written)."""
    have = {r[1] for r in conn.execute("PRAGMA table_info(events)")}
    if not have:
        return []
    return [c for c in COLUMNS if c.name not in have]


def add_missing_columns(conn: sqlite3.Connection) -> list[str]:
    """Add the missing columns (NULL until the events are written again); returns their names."""
    added = []
    for c in missing_columns(conn):
        conn.execute(f"ALTER TABLE events ADD COLUMN {c.quoted} {c.sql}")
        added.append(c.name)
    return added
