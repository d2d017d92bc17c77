"""The dyads an analyst follows: kept beside the corrections (a --rebuild leaves them)."""
from __future__ import annotations

import sqlite3
import time


def followed(conn: sqlite3.Connection) -> list[str]:
    """The followed dyads, in code order (none in a database older than schema 3)."""
    try:
        return [r[0] for r in conn.execute("SELECT dyad FROM followed ORDER BY dyad")]
    except sqlite3.OperationalError:       # a read-only database of schema 2: no table yet
        return []


def set_followed(conn: sqlite3.Connection, dyad: str, follow: bool) -> bool:
    """Follow (or stop following) a dyad, in one transaction; True when something changed."""
    with conn:
        if follow:
            cur = conn.execute("INSERT OR IGNORE INTO followed(dyad, since) VALUES (?, ?)",
                               (dyad, time.strftime("%Y-%m-%dT%H:%M:%S")))
        else:
            cur = conn.execute("DELETE FROM followed WHERE dyad = ?", (dyad,))
    return cur.rowcount > 0
