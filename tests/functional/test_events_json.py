"""`events --json` is written by SQLite (json_object) for speed; it must say exactly what the
Python path (queries.events) says, corrections and filters included."""
from __future__ import annotations

import json

import pytest

from talkwatch.store import queries
from talkwatch.store.db import open_db

from tw_support import TW_UIDS, tw_correct, tw_seed_event


def _both(db, **kw):
    conn = open_db(db)
    try:
        slow = queries.events(conn, **kw)
        fast = [json.loads(t) for t in queries.events_json(conn, **kw)]
    finally:
        conn.close()
    return slow, fast


@pytest.fixture
def corrected_db(tw_db):
    """The test corpus with three corrections: a rejection, a retyping and a dyad moved."""
    conn = open_db(tw_db)
    try:
        evs = queries.events(conn)
    finally:
        conn.close()
    with_dyad = [e for e in evs if e["dyad"]]
    if len(with_dyad) < 3:             # the corpus tells few distinct events: seed one more
        tw_seed_event(tw_db, TW_UIDS["truce"], dyad="IND-PAK", type="CEASEFIRE", refresh=True)
        conn = open_db(tw_db)
        try:
            with_dyad = [e for e in queries.events(conn) if e["dyad"]]
        finally:
            conn.close()
    assert len(with_dyad) >= 3
    tw_correct(tw_db, with_dyad[0]["id"], {}, reject=True)
    tw_correct(tw_db, with_dyad[1]["id"], {"type": "THREAT", "status": "denied"})
    tw_correct(tw_db, with_dyad[2]["id"], {"dyad": "FRA-GBR", "date": "2024-02-03"})
    return tw_db, with_dyad


@pytest.mark.parametrize("kw", [
    {}, {"explain": True}, {"include_rejected": True}, {"type": "threat"}, {"status": "denied"},
    {"dyad": "FRA-GBR"}, {"since": "2024", "until": "2025-06"}, {"limit": 3},
])
def test_json_events_are_the_python_events(corrected_db, kw):
    db, with_dyad = corrected_db
    slow, fast = _both(db, **kw)
    assert fast == slow
    if not kw:
        ids = [e["id"] for e in fast]
        assert with_dyad[0]["id"] not in ids                     # rejected: gone
        moved = next(e for e in fast if e["id"] == with_dyad[2]["id"])
        assert moved["dyad"] == "FRA-GBR" and moved["date_source"] == "analyst"
        retyped = next(e for e in fast if e["id"] == with_dyad[1]["id"])
        assert retyped["type"] == "THREAT" and retyped["status"] == "denied"
        assert retyped["plover"] == queries.apply_correction({"type": "THREAT"}, {"type": "THREAT"}, None)["plover"]
    if kw.get("dyad") == "FRA-GBR":
        assert [e["id"] for e in fast] == [with_dyad[2]["id"]]


def test_cli_json_and_jsonl_parse_and_agree(corrected_db, tw_run):
    db, _ = corrected_db
    arr = tw_run("--db", db, "events", "--json")
    assert arr.exit_code == 0, arr.output
    lines = tw_run("--db", db, "events", "--jsonl")
    as_array = json.loads(arr.stdout)
    as_lines = [json.loads(x) for x in lines.stdout.splitlines()]
    assert as_array == as_lines and len(as_array) >= 2
    empty = tw_run("--db", db, "events", "--dyad", "NOR-BRA", "--since", "2099", "--json")
    assert json.loads(empty.stdout) == []


def test_control_characters_in_stored_text_are_escaped(tw_db, tw_run):
    """A C1 control character or a bidi override in an article stays inert in JSON output."""
    import sqlite3

    conn = sqlite3.connect(str(tw_db))
    with conn:
        conn.execute("UPDATE events SET location = 'Doha\u009b31m\u202e' WHERE rowid = (SELECT min(rowid) FROM events)")
    conn.close()
    out = tw_run("--db", tw_db, "events", "--json").stdout
    assert "\u009b" not in out and "\u202e" not in out
    assert any(e["location"] == "Doha\u009b31m\u202e" for e in json.loads(out))
