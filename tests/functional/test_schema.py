"""One event schema: the stored columns come from the Event dataclass plus the store's own,
and a field added to Event is stored, read back and shown without further code."""
from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
import subprocess
import sys

from talkwatch.extract.model import Event
from talkwatch.store import schema
from talkwatch.store.db import open_db
from tw_support import ROOT


def test_the_table_has_exactly_the_derived_columns(tw_shared_db):
    conn = sqlite3.connect(str(tw_shared_db))
    try:
        have = [r[1] for r in conn.execute("PRAGMA table_info(events)")]
    finally:
        conn.close()
    assert sorted(have) == sorted(c.name for c in schema.COLUMNS)
    event_fields = {f.name for f in dataclasses.fields(Event)}
    assert set(schema.STORED_FIELDS) == event_fields - schema.NOT_STORED
    assert not {c.name for c in schema.STORAGE_COLUMNS} & event_fields


def test_columns_follow_the_field_types():
    @dataclasses.dataclass
    class Wider(Event):
        mentions: list[dict] = dataclasses.field(default_factory=list)
        score: float | None = None
        count: int = 0
        note: str | None = None

    cols = {c.name: c for c in schema.event_columns(Wider)}
    assert cols["actors"].json and cols["actors"].codes and cols["actors"].sql == "TEXT"
    assert cols["mentions"].json and cols["mentions"].listed and not cols["mentions"].codes
    assert cols["score"].sql == "REAL" and cols["count"].sql == "INTEGER" and cols["note"].sql == "TEXT"
    assert cols["goldstein"].sql == "REAL" and cols["start"].sql == "INTEGER"
    assert "sentence" not in cols


def test_the_public_fields_keep_their_order():
    """The fields of the CLI contract first, in their order; Event fields added since follow."""
    n = len(schema.OUTPUT_FIELDS)
    assert schema.EVENT_FIELDS[:n] == list(schema.OUTPUT_FIELDS)
    assert schema.EVENT_FIELDS[:5] == ["id", "uid", "sentence", "start", "end"]
    assert schema.OUTPUT_FIELDS[-1] == "cluster"
    extra = schema.EVENT_FIELDS[n:]
    assert all(f in {x.name for x in dataclasses.fields(Event)} for f in extra)
    assert schema.EXPLAIN_ONLY[-1] == "corrected"


NEW_FIELD = r'''
import dataclasses, json, sys
import talkwatch.extract.model as model

@dataclasses.dataclass
class Event(model.Event):
    mentions: list[dict] = dataclasses.field(default_factory=list)
    date_end: str | None = None

model.Event = Event            # as if the field had been written into model.py
from talkwatch.store import queries, schema
from talkwatch.store.db import open_db

db = sys.argv[1]
conn = open_db(db, write=True)          # an existing database gains the columns
cols = [r[1] for r in conn.execute("PRAGMA table_info(events)")]
art_id, uid, body, published = conn.execute("SELECT id, uid, body, published FROM articles LIMIT 1").fetchone()
sentence = body.split("\n")[0]
ev = Event(type="TALKS", status="held", sentence=sentence, start=0, end=len(sentence), actors=["AFG"],
           recipients=["PAK"], dyad="AFG-PAK", rule="new_field", date_end="2025-11-07",
           mentions=[{"sentence": "again", "start": 3, "end": 8}])
fp = schema.event_fingerprint(uid, sentence, "new_field", 0)
with conn:
    schema.insert_event(conn, ev, article_id=art_id, seq=999, fingerprint=fp, published=published)
slow = [e for e in queries.events(conn, uid=uid) if e["id"] == fp[:12]]
fast = [json.loads(t) for t in queries.events_json(conn, uid=uid)]
fast = [e for e in fast if e["id"] == fp[:12]]
print(json.dumps({"cols": cols, "slow": slow, "fast": fast, "fields": schema.EVENT_FIELDS}))
'''


def test_a_field_added_to_event_is_stored_read_and_shown(tw_db):
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    res = subprocess.run([sys.executable, "-c", NEW_FIELD, str(tw_db)], capture_output=True, text=True,
                         env=env, timeout=60)
    assert res.returncode == 0, res.stderr
    got = json.loads(res.stdout)
    assert {"mentions", "date_end"} <= set(got["cols"])
    assert got["fields"][-2:] == ["mentions", "date_end"]          # after the public fields, in order
    assert got["slow"] == got["fast"] and len(got["slow"]) == 1
    ev = got["slow"][0]
    assert ev["mentions"] == [{"sentence": "again", "start": 3, "end": 8}] and ev["date_end"] == "2025-11-07"
    # the database still opens for this talkwatch (the extra columns are ignored)
    conn = open_db(tw_db)
    try:
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] > 0
    finally:
        conn.close()


def test_a_reader_upgrades_a_database_missing_a_column(tw_db):
    """A database from before a field was added: the first reader adds the column."""
    conn = sqlite3.connect(str(tw_db))
    with conn:
        conn.execute("ALTER TABLE events DROP COLUMN attribution")
    conn.close()
    conn = open_db(tw_db)
    try:
        assert "attribution" in {r[1] for r in conn.execute("PRAGMA table_info(events)")}
    finally:
        conn.close()
