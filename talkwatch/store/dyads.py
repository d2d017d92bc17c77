"""The stored side of dyads: their mentions read out, their clusters and summaries written back.

The computing itself is pure (analysis.dyads, analysis.clusters): mentions in, clusters and a
summary out. This module reads the mentions of a dyad as the analyst sees them (corrections
applied, rejections left out), stores what the analysis computed, and reads it back for
`dyad A B` and the TUI's timeline.
"""
from __future__ import annotations

import json
import sqlite3

from talkwatch.analysis.clusters import Mention
from talkwatch.store.queries import ID_SQL, SENTENCE_SQL, apply_correction

# the columns a mention is read from, by name (the SELECT below is built from this list)
_MENTION_SQL = (
    ("id", ID_SQL), ("type", "e.type"), ("status", "e.status"), ("dyad", "e.dyad"), ("date", "e.date"),
    ("date_precision", "e.date_precision"), ("location", "e.location"), ("mediators", "e.mediators"),
    ("uid", "a.uid"), ("article_id", "e.article_id"), ("published", "a.published"), ("source", "a.source"),
    ("dup_of", "a.dup_of"), ("goldstein", "e.goldstein"), ("sentence", SENTENCE_SQL),
    ("cfields", "c.fields"), ("creject", "c.reject"), ("rowid", "e.rowid"), ("date_source", "e.date_source"),
    ("mode", "e.plover_mode"),
)
_M = {name: i for i, (name, _) in enumerate(_MENTION_SQL)}


def load_mentions(conn: sqlite3.Connection, dyad: str, as_of: str | None = None) -> list[Mention]:
    """The dyad's events as the analyst sees them (corrections applied, rejections out);
    with ``as_of``, only those whose evidence was published by then."""
    rows = conn.execute(
        "SELECT " + ", ".join(expr for _, expr in _MENTION_SQL) +
        " FROM events e JOIN articles a ON a.id = e.article_id"
        " LEFT JOIN corrections c ON c.fingerprint = e.fingerprint"
        " WHERE e.dyad = ? OR e.fingerprint IN"
        " (SELECT fingerprint FROM corrections WHERE json_extract(fields, '$.dyad') = ?)",
        (dyad, dyad),
    )
    ID, TYPE, STATUS, DYAD, DATE, PREC = _M["id"], _M["type"], _M["status"], _M["dyad"], _M["date"], \
        _M["date_precision"]
    LOC, MED, UID, ART, PUB, SRC, DUP = _M["location"], _M["mediators"], _M["uid"], _M["article_id"], \
        _M["published"], _M["source"], _M["dup_of"]
    GOLD, SENT, CFIELDS, CREJECT, ROWID = _M["goldstein"], _M["sentence"], _M["cfields"], _M["creject"], _M["rowid"]
    DSRC, MODE = _M["date_source"], _M["mode"]
    out = []
    for r in rows:                     # streamed: a busy dyad has tens of thousands of rows
        ev = {
            "id": r[ID], "type": r[TYPE], "status": r[STATUS], "dyad": r[DYAD], "date": r[DATE],
            "date_precision": r[PREC], "location": r[LOC], "mediators": json.loads(r[MED] or "[]"),
            "date_source": r[DSRC],
        }
        ev = apply_correction(ev, json.loads(r[CFIELDS]) if r[CFIELDS] else None, r[CREJECT])
        if ev.get("rejected") or ev.get("dyad") != dyad:
            continue
        published = r[PUB] if r[PUB] and not r[PUB].startswith("--") else None
        if as_of:
            evidence = published or (ev["date"] if ev.get("date") and not ev["date"].startswith("--") else None)
            if not evidence or evidence[:len(as_of)] > as_of:
                continue
        out.append(Mention(
            id=ev["id"], type=ev["type"], status=ev["status"], dyad=dyad, date=ev.get("date"),
            precision=ev.get("date_precision"), location=ev.get("location"), mediators=ev.get("mediators") or [],
            uid=r[UID], article_id=r[ART], published=published, source=r[SRC], dup_of=r[DUP],
            goldstein=float(r[GOLD] or 0.0), sentence=r[SENT] or "", rowid=r[ROWID],
            date_source=ev.get("date_source"), mode=r[MODE],
        ))
    return out


def compute(conn: sqlite3.Connection, dyad: str, as_of: str | None = None,
            why: dict | None = None) -> tuple[dict, list[dict]]:
    """The dyad's summary and timeline computed now from its events; ``why`` (a dict) is
    filled with the clusters that decided each part of the summary."""
    from talkwatch.analysis.dyads import compute as from_mentions

    return from_mentions(dyad, load_mentions(conn, dyad, as_of), as_of, why)


def dirty(conn: sqlite3.Connection) -> list[str]:
    """Dyads whose events changed since their summary was computed."""
    return [r[0] for r in conn.execute("SELECT dyad FROM dirty_dyads ORDER BY dyad")]


def mark_dirty(conn: sqlite3.Connection, dyads) -> None:
    conn.executemany("INSERT OR IGNORE INTO dirty_dyads(dyad) VALUES (?)", [(d,) for d in dyads if d])


def sizes(conn: sqlite3.Connection) -> dict[str, int]:
    """Events per dyad (the busiest are refreshed first)."""
    return dict(conn.execute("SELECT dyad, count(*) FROM events WHERE dyad IS NOT NULL GROUP BY dyad"))


def store(conn: sqlite3.Connection, dyad: str, summary: dict, rows: list[dict], now: str) -> None:
    """Replace the dyad's clusters and summary with those computed (inside the caller's transaction)."""
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


def stored(conn: sqlite3.Connection, dyad: str) -> tuple[dict, list[dict]] | None:
    """The summary and timeline the last refresh stored (what compute() would give now),
    read instead of recomputed: a busy dyad has tens of thousands of events at scale.
    None when the dyad awaits a refresh or has no summary."""
    from talkwatch.analysis.dyads import timeline_key

    if conn.execute("SELECT 1 FROM dirty_dyads WHERE dyad = ?", (dyad,)).fetchone():
        return None
    got = conn.execute("SELECT summary FROM dyads WHERE dyad = ?", (dyad,)).fetchone()
    if got is None:
        return None
    try:
        summary = json.loads(got[0])
    except (TypeError, ValueError):
        return None
    names = ("cluster", "dyad", "type", "status", "date", "date_precision", "sort_date", "location", "mediators",
             "mentions", "articles", "sources", "first_seen", "last_seen", "goldstein", "uid", "event_id")
    rows = []
    for r in conn.execute(
        "SELECT " + ", ".join("c.id" if n == "cluster" else f"c.{n}" for n in names) + ","
        f" (SELECT {SENTENCE_SQL} FROM events e JOIN articles a ON a.id = e.article_id"
        "  WHERE e.cluster = c.id AND e.fingerprint >= c.event_id AND e.fingerprint < c.event_id || 'g' LIMIT 1),"
        # where the cluster's date comes from: the firmest of its events that give that date
        " (SELECT e.date_source FROM events e WHERE e.cluster = c.id AND e.date = c.date"
        "  ORDER BY CASE e.date_source WHEN 'analyst' THEN 0 WHEN 'text' THEN 1 WHEN 'relative' THEN 2"
        "  WHEN 'narrative' THEN 3 WHEN 'published' THEN 4 ELSE 5 END LIMIT 1)"
        " FROM clusters c WHERE c.dyad = ? ORDER BY c.id",
        (dyad,),
    ):
        row = dict(zip(names, r))
        row["sort_date"] = row["sort_date"] or ""
        row["mediators"] = json.loads(row["mediators"] or "[]")
        row["sentence"] = r[len(names)] or ""
        row["date_source"] = r[len(names) + 1]
        rows.append(row)
    rows.sort(key=timeline_key)
    return summary, rows


def timeline(conn: sqlite3.Connection, dyad: str, as_of: str | None = None) -> tuple[dict, list[dict]]:
    """The dyad's summary and timeline: stored when current, else computed (always for as_of)."""
    if not as_of:
        got = stored(conn, dyad)
        if got is not None:
            return got
    return compute(conn, dyad, as_of)
