"""What moved per dyad since a moment: the evidence indexed since then, compared with before.

"Before" is the dyad as its other evidence shows it: the same events less those of the
articles indexed at or after the cutoff (an article re-indexed because its file changed counts
as new). For each dyad with new evidence: its new clusters, and how its talks status, its
ceasefire and its next event changed.
"""
from __future__ import annotations

import sqlite3

from talkwatch.store.dyads import load_mentions

LINES_OF_NEW = 6      # new clusters listed per dyad in `lines` (the newest); new_clusters has them all
CLUSTER_FIELDS = ("cluster", "type", "status", "date", "date_precision", "location", "mediators", "mentions",
                  "articles", "sources", "first_seen", "last_seen", "uid", "event_id", "sentence")


def previous_run(conn: sqlite3.Connection) -> str | None:
    """When the newest articles were indexed: the start of the last index run that brought any."""
    row = conn.execute("SELECT max(indexed_at) FROM articles").fetchone()
    return row[0] if row else None


def _ceasefire(v) -> str:
    return "holds" if v is True else "broken" if v is False else "none"


def _next(n: dict | None) -> str:
    if not n:
        return "none"
    bits = [n.get("type") or "?", n.get("date") or "date unknown"]
    if n.get("location"):
        bits.append(n["location"])
    if n.get("mediators"):
        bits.append("via " + ", ".join(n["mediators"]))
    return " ".join(bits)


def _same_next(a: dict | None, b: dict | None) -> bool:
    key = lambda n: (n.get("type"), n.get("date"), n.get("location")) if n else None  # noqa: E731
    return key(a) == key(b)


def cluster_label(r: dict) -> str:
    n_art, n_src = r.get("articles") or 0, r.get("sources") or 0
    where = f" {r['location']}" if r.get("location") else ""
    return (f"{r.get('date') or r.get('first_seen') or 'undated'} {r['type']} {r['status']}{where}"
            f" ({n_art} article{'s' if n_art != 1 else ''}, {n_src} source{'s' if n_src != 1 else ''})")


def changes(conn: sqlite3.Connection, cutoff: str, dyads: list[str] | None = None,
            followed: set[str] | frozenset[str] = frozenset()) -> list[dict]:
    """One item per dyad with evidence indexed at or after ``cutoff`` (only ``dyads`` when given)."""
    from talkwatch.analysis.dyads import compute

    new_ids = {r[0] for r in conn.execute("SELECT id FROM articles WHERE indexed_at >= ?", (cutoff,))}
    if not new_ids:
        return []
    touched = sorted({r[0] for r in conn.execute(
        "SELECT DISTINCT e.dyad FROM articles a JOIN events e ON e.article_id = a.id"
        " WHERE a.indexed_at >= ? AND e.dyad IS NOT NULL", (cutoff,))})
    if dyads is not None:
        touched = [d for d in touched if d in set(dyads)]
    out = []
    for dyad in touched:
        mentions = load_mentions(conn, dyad)
        if not mentions:
            continue
        fresh = {m.rowid for m in mentions if m.article_id in new_ids}
        if not fresh:
            continue
        now, rows = compute(dyad, mentions)
        old = [m for m in mentions if m.article_id not in new_ids]
        before = compute(dyad, old)[0] if old else None
        lines: list[dict] = []
        new_rows = [r for r in rows if set(r["event_rowids"]) <= fresh]
        ids = _stored_ids(conn, dyad, [r["event_id"] for r in new_rows + rows])

        def ref(r: dict | None) -> dict:
            return {"cluster": ids.get(r["event_id"]), "event_id": r["event_id"], "uid": r["uid"]} if r else {}

        def latest(types: set[str]) -> dict | None:
            pool = [r for r in new_rows if r["type"] in types] or [r for r in rows if r["type"] in types]
            return pool[-1] if pool else None

        if before is None:
            lines.append({"kind": "new dyad", "text": f"new dyad: {now.get('status') or 'no status yet'}",
                          **ref(new_rows[-1] if new_rows else None)})
        else:
            if before.get("talks_status") != now.get("talks_status"):
                lines.append({"kind": "talks", "text": f"talks: {before.get('talks_status') or 'none'} -> "
                                                       f"{now.get('talks_status') or 'none'}",
                              **ref(latest({"TALKS", "AGREEMENT"}))})
            if before.get("ceasefire") != now.get("ceasefire"):
                lines.append({"kind": "ceasefire", "text": f"ceasefire: {_ceasefire(before.get('ceasefire'))} -> "
                                                           f"{_ceasefire(now.get('ceasefire'))}",
                              **ref(latest({"CEASEFIRE"}))})
            if not _same_next(before.get("next"), now.get("next")):
                nxt = now.get("next")
                match = None
                if nxt:
                    match = next((r for r in rows if r["type"] == nxt.get("type") and r["date"] == nxt.get("date")
                                  and r["location"] == nxt.get("location")), None)
                lines.append({"kind": "next", "text": f"next: {_next(before.get('next'))} -> {_next(nxt)}",
                              **ref(match)})
        shown = new_rows[-LINES_OF_NEW:]
        if len(new_rows) > len(shown):
            n = len(new_rows) - len(shown)
            lines.append({"kind": "more", "text": f"{n} earlier new cluster{'s' if n != 1 else ''}"
                                                  f" (talkwatch dyad {dyad})", "cluster": None,
                          "event_id": None, "uid": None})
        for r in shown:
            lines.append({"kind": "new cluster", "text": "new: " + cluster_label(r), **ref(r)})
        out.append({
            "dyad": dyad,
            "followed": dyad in followed,
            "since": cutoff,
            "status_before": before.get("status") if before else None,
            "status": now.get("status"),
            "talks_status": _pair(before, now, "talks_status"),
            "ceasefire": _pair(before, now, "ceasefire"),
            "next": _next_pair(before, now),
            "new_clusters": [dict({k: r.get(k) for k in CLUSTER_FIELDS}, cluster=ids.get(r["event_id"]))
                             for r in new_rows],
            "new_reports": len(fresh),
            "lines": lines,
        })
    out.sort(key=lambda c: (not c["followed"], -len(c["lines"]), c["dyad"]))
    return out


def _next_pair(before: dict | None, now: dict) -> dict | None:
    b = before.get("next") if before else None
    return None if _same_next(b, now.get("next")) else {"before": b, "after": now.get("next")}


def _pair(before: dict | None, now: dict, key: str) -> dict | None:
    b = before.get(key) if before else None
    return {"before": b, "after": now.get(key)} if b != now.get(key) else None


def _stored_ids(conn: sqlite3.Connection, dyad: str, event_ids: list[str]) -> dict[str, int]:
    """The stored cluster id of each computed cluster, by its first event's id."""
    rows = conn.execute("SELECT event_id, id FROM clusters WHERE dyad = ?", (dyad,)).fetchall()
    return {e: i for e, i in rows if e in set(event_ids)}
