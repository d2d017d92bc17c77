"""Clusters of the same event and per-dyad status, recomputed for the dyads that changed."""
from __future__ import annotations

import json
import sqlite3
import time


def refresh(conn: sqlite3.Connection, dyads: list[str] | None = None) -> int:
    """Recompute clusters and summaries of the dirty dyads (or the ones given). Returns how many."""
    if dyads is None:
        dyads = [r[0] for r in conn.execute("SELECT dyad FROM dirty_dyads ORDER BY dyad")]
    now = time.strftime("%Y-%m-%dT%H:%M:%S")
    for i in range(0, len(dyads), CHUNK):
        with conn:  # one transaction per chunk of dyads: a commit per dyad cost more than the work
            for dyad in dyads[i:i + CHUNK]:
                _refresh_one(conn, dyad, now)
    return len(dyads)


CHUNK = 100


def _refresh_one(conn: sqlite3.Connection, dyad: str, now: str) -> None:
    from talkwatch.analysis.dyads import compute

    summary, rows = compute(conn, dyad)
    old = [r[0] for r in conn.execute("SELECT id FROM clusters WHERE dyad = ?", (dyad,))]
    if old:
        conn.executemany("UPDATE events SET cluster = NULL WHERE cluster = ?", [(i,) for i in old])
        conn.execute("DELETE FROM clusters WHERE dyad = ?", (dyad,))
    for row in rows:
        cur = conn.execute(
            "INSERT INTO clusters(dyad, type, status, date, date_precision, sort_date, location, mediators,"
            " mentions, articles, sources, first_seen, last_seen, goldstein, sentence, uid, event_id)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (row["dyad"], row["type"], row["status"], row["date"], row["date_precision"], row["sort_date"],
             row["location"], json.dumps(row["mediators"]), row["mentions"], row["articles"], row["sources"],
             row["first_seen"], row["last_seen"], row["goldstein"], None, row["uid"],  # sentence: the event's
             row["event_id"]),
        )
        conn.executemany("UPDATE events SET cluster = ? WHERE rowid = ?",
                         [(cur.lastrowid, rid) for rid in row["event_rowids"]])
    if rows:
        conn.execute(
            "INSERT INTO dyads(dyad, summary, updated_at) VALUES (?,?,?) ON CONFLICT(dyad) DO UPDATE"
            " SET summary = excluded.summary, updated_at = excluded.updated_at",
            (dyad, json.dumps(summary), now),
        )
    else:
        conn.execute("DELETE FROM dyads WHERE dyad = ?", (dyad,))
    conn.execute("DELETE FROM dirty_dyads WHERE dyad = ?", (dyad,))
