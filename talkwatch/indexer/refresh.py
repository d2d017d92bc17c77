"""Derived data: the clusters and summaries of the dyads whose events changed.

After an index run (or a correction) the dirty dyads are computed again: clusters of the
same event, and where the pair stands. Many dyads (after a large run): the computing is
shared among worker processes, each reading the committed events through its own
connection; the caller's connection writes, in order, so cluster ids repeat run to run.
"""
from __future__ import annotations

import os
import sqlite3
import time
from collections import deque

from talkwatch.store import dyads as stored_dyads

CHUNK = 100                    # dyads per transaction when refreshing in this process
PARALLEL_FROM = 200            # dyads to refresh before worker processes pay for themselves
REFRESH_COMMIT_SECONDS = 60.0
_worker_conn: sqlite3.Connection | None = None


def refresh(conn: sqlite3.Connection, dyads: list[str] | None = None, workers: int | None = None) -> int:
    """Recompute clusters and summaries of the dirty dyads (or the ones given). Returns how many."""
    if dyads is None:
        dyads = stored_dyads.dirty(conn)
    now = time.strftime("%Y-%m-%dT%H:%M:%S")
    n_workers = workers or os.cpu_count() or 1
    path = _db_file(conn)
    if len(dyads) >= PARALLEL_FROM and n_workers > 1 and path:
        _refresh_in_workers(conn, dyads, n_workers, path, now)
        return len(dyads)
    for i in range(0, len(dyads), CHUNK):
        with conn:  # one transaction per chunk of dyads: a commit per dyad cost more than the work
            for dyad in dyads[i:i + CHUNK]:
                summary, rows = stored_dyads.compute(conn, dyad)
                stored_dyads.store(conn, dyad, summary, rows, now)
    return len(dyads)


def _refresh_in_workers(conn: sqlite3.Connection, dyads: list[str], n_workers: int, path: str, now: str) -> None:
    import multiprocessing

    # the busiest dyads first, so no worker is left with a big one at the end
    sizes = stored_dyads.sizes(conn)
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
                stored_dyads.store(conn, dyad, summary, rows, now)
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
    summary, rows = stored_dyads.compute(_worker_conn, dyad)
    for r in rows:
        r.pop("event_ids", None)     # store() needs the rowids only
    return dyad, summary, rows
