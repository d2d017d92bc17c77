"""Analyst corrections: stored apart from extracted data, keyed by event fingerprint.

The fingerprint hashes the article uid, the sentence and the rule that fired, so the same
event found again after a re-index, a --rebuild or a migration gets the same correction.
A correction marks the dyads it touches for a refresh; the caller runs it (indexer.refresh).
"""
from __future__ import annotations

import json
import sqlite3
import time

from talkwatch.errors import InvalidInput, NotFound, UnknownValue
from talkwatch.store.dyads import mark_dirty
from talkwatch.store.queries import event_by_id



def validate(fields: dict) -> None:
    """Refuse a correction that names an unknown status or type, or a date not in ISO form."""
    from talkwatch import ontology

    if "status" in fields:
        statuses = set(ontology.status_names())
        if fields["status"] not in statuses:
            raise UnknownValue(unknown_choice("status", fields["status"], ontology.status_names()))
    if "type" in fields:
        types = ontology.type_names()
        if types and fields["type"] not in types:
            raise UnknownValue(unknown_choice("event type", fields["type"], types))
    if "date" in fields:
        problem = ontology.date_problem(fields["date"])
        if problem:
            raise UnknownValue(problem)      # not a day on the calendar: a usage error


def unknown_choice(what: str, value: str, choices) -> str:
    """'unknown status sideways; one of: proposed, ...' with the nearest choice first when one is near."""
    import difflib

    choices = list(choices)
    near = difflib.get_close_matches(value.lower(), [c.lower() for c in choices], n=1, cutoff=0.6)
    hint = ""
    if near:
        hint = f"; did you mean {choices[[c.lower() for c in choices].index(near[0])]}?"
    return f"unknown {what} '{value}'{hint} (one of: {', '.join(choices)}; see `talkwatch types`)"


def describe(fields: dict) -> str:
    """A correction's fields for people: 'status deferred; mediators QAT, TUR; location none'."""
    parts = []
    for k, v in fields.items():
        if isinstance(v, (list, tuple)):
            v = ", ".join(str(x) for x in v) or "none"
        parts.append(f"{k} {v if v not in (None, '') else 'none'}")
    return "; ".join(parts)


def record(conn: sqlite3.Connection, event_id: str, fields: dict, *, reject=False, undo=False, note=None) -> str:
    """Store (or with ``undo`` remove) the correction of one event, in one transaction, and
    mark the dyads it touches for a refresh. Returns what was done, in one line."""
    validate(fields)
    ev = event_by_id(conn, event_id)
    fp = ev["fingerprint"]
    old = conn.execute("SELECT fields, reject FROM corrections WHERE fingerprint = ?", (fp,)).fetchone()
    with conn:
        dirty = {d for d in (ev.get("dyad"),) if d}
        raw = conn.execute("SELECT dyad FROM events WHERE fingerprint = ?", (fp,)).fetchone()
        if raw and raw[0]:
            dirty.add(raw[0])
        if undo:
            if not old:
                raise NotFound(f"event {event_id} has no correction to undo")
            conn.execute("DELETE FROM corrections WHERE fingerprint = ?", (fp,))
            msg = f"removed the correction of event {ev['id']}"
        else:
            merged = dict(json.loads(old[0]) if old and old[0] else {})
            merged.update(fields)
            if "dyad" in merged:
                dirty.add(merged["dyad"])
            conn.execute(
                "INSERT INTO corrections(fingerprint, event_id, uid, sentence, rule, fields, reject, note, created_at)"
                " VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(fingerprint) DO UPDATE SET fields = excluded.fields,"
                " reject = excluded.reject, note = COALESCE(excluded.note, corrections.note),"
                " created_at = excluded.created_at",
                (fp, ev["id"], ev["uid"], ev["sentence"], ev.get("rule"), json.dumps(merged),
                 1 if reject else 0, note, time.strftime("%Y-%m-%dT%H:%M:%S")),
            )
            what = "rejected" if reject else describe(merged)
            msg = f"corrected event {ev['id']}: {what}"
        mark_dirty(conn, sorted(dirty))
    return msg


def listing(conn: sqlite3.Connection) -> list[dict]:
    rows = conn.execute(
        "SELECT c.event_id, c.uid, c.fields, c.reject, c.note, c.created_at, c.sentence,"
        " (SELECT count(*) FROM events e WHERE e.fingerprint = c.fingerprint) AS live,"
        " (SELECT count(*) FROM articles a WHERE a.uid = c.uid) AS has_article"
        " FROM corrections c ORDER BY c.created_at, c.event_id"
    ).fetchall()
    out = []
    for r in rows:
        state = "applied" if r[7] else ("article gone" if not r[8] else "event no longer extracted")
        out.append({
            "event_id": r[0], "uid": r[1], "fields": json.loads(r[2]) if r[2] else {}, "reject": bool(r[3]),
            "note": r[4], "created_at": r[5], "sentence": r[6], "state": state,
        })
    return out
