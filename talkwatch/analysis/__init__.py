"""Clusters of the same event and per-dyad status, recomputed for the dyads that changed."""
from __future__ import annotations

import json
import os
from collections import deque
import sqlite3
import time


def refresh(conn: sqlite3.Connection, dyads: list[str] | None = None, workers: int | None = None) -> int:
    """Recompute clusters and summaries of the dirty dyads (or the ones given). Returns how many.

    Many dyads (after a large index run): the computing is shared among worker processes,
    each reading the committed events through its own connection; this connection writes.
    """
    if dyads is None:
        dyads = [r[0] for r in conn.execute("SELECT dyad FROM dirty_dyads ORDER BY dyad")]
    now = time.strftime("%Y-%m-%dT%H:%M:%S")
    n_workers = workers or os.cpu_count() or 1
    path = _db_file(conn)
    if len(dyads) >= PARALLEL_FROM and n_workers > 1 and path:
        import multiprocessing

        # the busiest dyads first, so no worker is left with a big one at the end
        sizes = dict(conn.execute("SELECT dyad, count(*) FROM events WHERE dyad IS NOT NULL GROUP BY dyad"))
        order = sorted(dyads, key=lambda d: -sizes.get(d, 0))
        conn.commit()
        conn.execute("PRAGMA shrink_memory")     # the workers are forked from this process
        with multiprocessing.get_context("fork").Pool(processes=n_workers, initializer=_worker_open,
                                                      initargs=(path,)) as pool:
            # in order (cluster ids repeat run to run), a few dyads in flight: results of
            # busy dyads are large and must not pile up while this process writes
            pending: deque = deque()
            todo = iter(order)
            for dyad in todo:
                pending.append(pool.apply_async(_worker_compute, (dyad,)))
                if len(pending) >= 2 * n_workers:
                    break
            last = time.monotonic()
            try:
                while pending:
                    dyad, summary, rows = pending.popleft().get()
                    nxt = next(todo, None)
                    if nxt is not None:
                        pending.append(pool.apply_async(_worker_compute, (nxt,)))
                    _store(conn, dyad, summary, rows, now)
                    del rows
                    # few commits: each writes every event page it touched, and a busy dyad's
                    # events are spread over the whole table (one transaction: 20 s at
                    # 100,000 articles; one per 2 s: 27 s)
                    if time.monotonic() - last >= REFRESH_COMMIT_SECONDS:
                        conn.commit()
                        last = time.monotonic()
                conn.commit()
            except BaseException:
                conn.rollback()
                raise
        return len(dyads)
    for i in range(0, len(dyads), CHUNK):
        with conn:  # one transaction per chunk of dyads: a commit per dyad cost more than the work
            for dyad in dyads[i:i + CHUNK]:
                _refresh_one(conn, dyad, now)
    return len(dyads)


CHUNK = 100
PARALLEL_FROM = 200    # dyads to refresh before worker processes pay for themselves
REFRESH_COMMIT_SECONDS = 60.0
_worker_conn: sqlite3.Connection | None = None


def _db_file(conn: sqlite3.Connection) -> str | None:
    try:
        for _seq, name, file in conn.execute("PRAGMA database_list"):
            if name == "main":
                return file or None
    except sqlite3.Error:
        return None
    return None


def _worker_open(path: str) -> None:
    global _worker_conn
    from talkwatch.store.db import open_db

    _worker_conn = open_db(path)
    # read through the page cache, not mmap: mapped pages of the bodies would count in this
    # process's memory on top of the mentions of a busy dyad
    _worker_conn.execute("PRAGMA mmap_size = 0")


def _worker_compute(dyad: str):
    from talkwatch.analysis.dyads import compute

    summary, rows = compute(_worker_conn, dyad)
    for r in rows:
        r.pop("event_ids", None)     # _store needs the rowids only
    return dyad, summary, rows


def _refresh_one(conn: sqlite3.Connection, dyad: str, now: str) -> None:
    from talkwatch.analysis.dyads import compute

    summary, rows = compute(conn, dyad)
    _store(conn, dyad, summary, rows, now)


def _store(conn: sqlite3.Connection, dyad: str, summary: dict, rows: list[dict], now: str) -> None:
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
