"""Where each country pair stands: talks status, ceasefire, next event, score and trend.

Pure: mentions in (store.dyads reads them), a summary and a timeline out.
"""
from __future__ import annotations

from datetime import date as Date, timedelta

from talkwatch.analysis.clusters import Cluster, Mention, cluster

FUTURE = {"proposed", "expected", "scheduled"}
CEASEFIRE_OFF = {"failed", "cancelled", "denied"}
PERIOD_DAYS = 90
UNDATED_LAG = 3
SPARK = "▁▂▃▄▅▆▇█"


def _d(s: str | None) -> Date | None:
    if not s or s.startswith("--"):
        return None
    try:
        if len(s) >= 10:
            return Date.fromisoformat(s[:10])
        if len(s) == 7:
            return Date.fromisoformat(s + "-01")
        if len(s) == 4:
            return Date(int(s), 1, 1)
    except ValueError:
        return None
    return None


def cluster_row(c: Cluster) -> dict:
    date, precision = c.best_date()
    first, last = c.seen()
    return {
        "dyad": c.dyad, "type": c.type, "status": c.status(), "date": date, "date_precision": precision,
        "location": c.location(), "mediators": c.mediators(), "mentions": len(c.mentions),
        "articles": len(c.articles()), "sources": len(c.sources()), "first_seen": first, "last_seen": last,
        "goldstein": c.goldstein(), "sentence": c.mentions[0].sentence, "uid": c.mentions[0].uid,
        "event_id": c.mentions[0].id, "event_ids": [m.id for m in c.mentions],
        "event_rowids": [m.rowid for m in c.mentions],
        "sort_date": date if date and not date.startswith("--") else (first or ""),
    }


def summarise(dyad: str, rows: list[dict], mentions: list[Mention], as_of: str | None = None) -> dict:
    """The dyad's state from its clusters (rows as cluster_row gives them, any order)."""
    rows = sorted(rows, key=timeline_key)
    evidence_dates = [m.published for m in mentions if m.published]
    evidence_dates += [r["sort_date"] for r in rows if r["sort_date"] and (not as_of or r["sort_date"] <= as_of)]
    ref = as_of or (max(m.published for m in mentions if m.published) if any(m.published for m in mentions)
                    else (max(evidence_dates) if evidence_dates else None))

    def known(r: dict) -> str:
        """When this development was the latest news: a past event when it happened (or when
        its deferral was reported), an announced one when it was last reported."""
        if r["status"] in FUTURE:
            # an announced round stays news while it is reported again
            return r["last_seen"] or r["sort_date"] or r["date"] or ""
        if not r["date"] and r["first_seen"]:
            # an undated report of a past event tells of the days before it, not of its own day
            d = _d(r["first_seen"])
            return (d - timedelta(days=UNDATED_LAG)).isoformat() if d else r["first_seen"]
        if r["sort_date"] and r["last_seen"]:
            # a deferral or cancellation of a planned date is news on the day it is reported
            return min(r["sort_date"], r["last_seen"])
        return r["sort_date"] or r["last_seen"] or r["date"] or ""

    def latest(types: set[str], upto: str | None, extra=None):
        best, best_key = None, None
        for r in rows:
            if r["type"] not in types and not (extra and extra(r)):
                continue
            k = known(r)
            if upto and (not k or k.startswith("--") or k[:len(upto)] > upto):
                continue
            key = (k[:10], r["status"] not in FUTURE, r["mentions"])
            if best is None or key >= best_key:
                best, best_key = r, key
        return best

    # an agreement signed or reached means the parties met: it counts as talks held
    talks = latest({"TALKS"}, ref, extra=lambda r: r["type"] == "AGREEMENT" and r["status"] == "held")
    talks_status = None
    if talks:
        talks_status = "held" if talks["type"] == "AGREEMENT" else talks["status"]
    cf = latest({"CEASEFIRE"}, ref)
    ceasefire = None
    if cf:
        in_force = latest({"CEASEFIRE"}, ref, extra=None) if cf["status"] not in FUTURE else None
        if cf["status"] in FUTURE:
            pending = cf["date"] and not cf["date"].startswith("--") and (not ref or cf["date"] > ref[:len(cf["date"])])
            past = [r for r in rows if r["type"] == "CEASEFIRE" and r["status"] not in FUTURE
                    and known(r) and (not ref or known(r)[:10] <= ref)]
            if pending or not past:
                ceasefire = False          # agreed, not yet in force
            else:
                in_force = max(past, key=lambda r: known(r))
        if in_force is not None:
            ceasefire = in_force["status"] not in CEASEFIRE_OFF
    # next: the earliest announced event dated on or after the reference date
    nxt = None
    upcoming = [r for r in rows if r["status"] in {"scheduled", "expected"} and r["type"] in
                {"TALKS", "VISIT", "MEDIATION", "AGREEMENT", "CEASEFIRE"}]
    dated = [r for r in upcoming if r["date"] and not r["date"].startswith("--")
             and (not ref or r["date"] >= ref[:len(r["date"])]) and (not ref or known(r)[:10] <= ref)]
    if dated:
        nxt = min(dated, key=lambda r: r["date"])
    else:
        # a meeting announced in the newest reports whose date is partly known or unknown
        undated = [r for r in upcoming if r["type"] in {"TALKS", "VISIT"} and (not r["date"] or r["date"].startswith("--"))
                   and (not ref or ref.startswith("--") or (r["first_seen"] and r["first_seen"] >= ref[:10]))]
        if undated:
            nxt = max(undated, key=lambda r: (known(r), r["date"] or ""))
    next_obj = None
    if nxt:
        next_obj = {"type": nxt["type"], "status": nxt["status"], "date": nxt["date"], "location": nxt["location"],
                    "mediators": nxt["mediators"]}
    past = [r for r in rows if not (r["status"] in FUTURE and (not ref or (r["sort_date"] or "") >= ref[:10]))]
    last = past[-1] if past else (rows[-1] if rows else None)
    # score: mean Goldstein of clusters in the last period, trend against the one before
    ref_d = _d(ref)
    score = trend = None
    if ref_d:
        start = ref_d - timedelta(days=PERIOD_DAYS)
        prev_start = start - timedelta(days=PERIOD_DAYS)
        cur = [r["goldstein"] for r in rows if _d(r["sort_date"]) and start < _d(r["sort_date"]) <= ref_d]
        prev = [r["goldstein"] for r in rows if _d(r["sort_date"]) and prev_start < _d(r["sort_date"]) <= start]
        if not cur:
            cur = [r["goldstein"] for r in rows[-5:]]
        score = round(sum(cur) / len(cur), 2) if cur else None
        if prev and score is not None:
            trend = round(score - sum(prev) / len(prev), 2)
    elif rows:
        score = round(sum(r["goldstein"] for r in rows) / len(rows), 2)
    mediators: dict[str, int] = {}
    for r in rows:
        for m in r["mediators"]:
            mediators[m] = mediators.get(m, 0) + r["mentions"]
    parts = []
    if talks_status:
        part = f"talks {talks_status}"
        if talks_status in FUTURE:
            setback = [r for r in rows if r["type"] == "TALKS" and r["status"] in {"deferred", "cancelled", "failed"}
                       and known(r) and known(r) <= known(talks)]
            if setback:
                s_ = max(setback, key=known)
                part = f"talks {s_['status']}" + (f" ({s_['date']})" if s_["date"] else "") + f", now {talks_status}"
        parts.append(part)
    if ceasefire is True:
        parts.append("ceasefire")
    elif ceasefire is False:
        parts.append("ceasefire broken")
    if last and last["type"] == "ATTACK" and (not cf or last["sort_date"] >= (cf["sort_date"] or "")):
        parts.append("clashes")
    if not parts and last:
        parts.append(f"{last['type'].lower()} {last['status']}")
    return {
        "dyad": dyad,
        "status": "; ".join(parts) or None,
        "talks_status": talks_status,
        "ceasefire": ceasefire,
        "next": next_obj,
        "last_event": ({"type": last["type"], "status": last["status"], "date": last["date"],
                        "location": last["location"]} if last else None),
        "last_event_date": (last["date"] or last["last_seen"]) if last else None,
        "score": score,
        "trend": trend,
        "spark": sparkline(rows),
        "clusters": len(rows),
        "events": len(mentions),
        "articles": len({m.dup_of or m.uid for m in mentions}),
        "mediators": sorted(mediators, key=lambda k: (-mediators[k], k)),
        "as_of": ref[:10] if ref else None,
    }


def timeline_key(r: dict) -> tuple:
    """Oldest first; clusters that cannot be placed in time go last."""
    return (not r["sort_date"], r["sort_date"] or "", r["last_seen"] or "")


def monthly_scores(rows: list[dict], months: int = 12) -> list[tuple[str, float | None]]:
    by_month: dict[str, list[float]] = {}
    for r in rows:
        d = r["sort_date"]
        if d and not d.startswith("--") and len(d) >= 7:
            by_month.setdefault(d[:7], []).append(r["goldstein"])
    if not by_month:
        return []
    last = max(by_month)
    y, m = int(last[:4]), int(last[5:7])
    out = []
    for _ in range(months):
        key = f"{y:04d}-{m:02d}"
        vals = by_month.get(key)
        out.append((key, sum(vals) / len(vals) if vals else None))
        m -= 1
        if m == 0:
            y, m = y - 1, 12
    return list(reversed(out))


def sparkline(rows: list[dict], months: int = 12) -> str:
    """One character per month, low = conflict, high = cooperation; blank for no events."""
    out = []
    for _, v in monthly_scores(rows, months):
        if v is None:
            out.append(" ")
        else:
            idx = int((v + 10) / 20 * (len(SPARK) - 1) + 0.5)
            out.append(SPARK[max(0, min(len(SPARK) - 1, idx))])
    return "".join(out)


def compute(dyad: str, mentions: list[Mention], as_of: str | None = None) -> tuple[dict, list[dict]]:
    """The dyad's summary and its timeline (one row per cluster, oldest first) from its mentions."""
    clusters = cluster(mentions)
    rows = sorted((cluster_row(c) for c in clusters), key=timeline_key)
    return summarise(dyad, rows, mentions, as_of), rows
