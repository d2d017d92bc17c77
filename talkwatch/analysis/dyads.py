"""Where each country pair stands: talks status, ceasefire, next event, score and trend.

Pure: mentions in (store.dyads reads them), a summary and a timeline out.
"""
from __future__ import annotations

from datetime import date as Date, timedelta

from talkwatch.analysis.clusters import Cluster, Mention, cluster

FUTURE = {"proposed", "expected", "scheduled"}
CEASEFIRE_OFF = {"failed", "cancelled", "denied"}
PERIOD_DAYS = 90
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
        "date_source": c.date_source(), "mode": c.mode(),
        "location": c.location(), "mediators": c.mediators(), "mentions": len(c.mentions),
        "articles": len(c.articles()), "sources": len(c.sources()), "first_seen": first, "last_seen": last,
        "status_seen": c.status_seen(), "goldstein": c.goldstein(), "sentence": c.mentions[0].sentence, "uid": c.mentions[0].uid,
        "event_id": c.mentions[0].id, "event_ids": [m.id for m in c.mentions],
        "event_rowids": [m.rowid for m in c.mentions],
        "sort_date": date if date and not date.startswith("--") else (first or ""),
    }


# a development dated by its own words (or an analyst) can overturn a collapse or break a truce;
# one dated only by the day of its report cannot (it may be background told again)
FIRM = {"text", "relative", "narrative", "analyst"}
OWN_DATE = {"text", "relative", "analyst"}
# the order of developments told on one day: the next round announced, the round held (the
# talks were held; `next` tells of the round to come), then a collapse
TALK_STAGE = {"proposed": 0, "expected": 0, "scheduled": 0, "deferred": 1, "ongoing": 2, "resumed": 2,
              "held": 2, "cancelled": 3, "failed": 3, "denied": 3}
MEETINGS = {"TALKS", "VISIT", "MEDIATION", "AGREEMENT", "CEASEFIRE"}
ROUNDS = {"TALKS", "VISIT", "MEDIATION"}


def _full(d: str | None) -> str | None:
    """A date with its year (2025, 2025-11, 2025-11-06); None for reduced forms or none."""
    return d if d and not d.startswith("--") else None


def _on_or_before(d: str, ref: str | None) -> bool:
    return not ref or d[:len(ref)] <= ref[:len(d)]


def _when(r: dict) -> str:
    """When a development happened: an announcement when it was (last) reported; a deed on
    the day the text gives it (a round told again weeks later is still of its day); a deed
    dated only by its report, when its present status was first reported."""
    if r["status"] in FUTURE:
        return r["last_seen"] or r["first_seen"] or _full(r["date"]) or ""
    if r.get("date_source") in FIRM and _full(r["date"]):
        return _full(r["date"])
    return r.get("status_seen") or r["first_seen"] or _full(r["date"]) or r["last_seen"] or ""


def _visible(r: dict, ref: str | None) -> bool:
    """Known by the reference day: reported by then (or, with no report date, dated by then)."""
    if not ref:
        return True
    seen = r["first_seen"] or _full(r["date"])
    return bool(seen) and seen[:10] <= ref[:10]


def _talks(rows: list[dict], ref: str | None) -> tuple[str | None, dict | None]:
    """The talks' status: the latest development, but after a collapse (failed, cancelled)
    talks stay so until a later round is announced, or held on a day the text gives."""
    # a deal the two signed or reached means they met; a pledge of one side does not
    dev = [r for r in rows if _visible(r, ref) and (r["type"] == "TALKS" or r["type"] == "AGREEMENT" and r["status"] == "held"
                                                    and r.get("mode") != "intent" and r["date_source"] in OWN_DATE)]
    def stage(r: dict) -> int:
        # a round "held" only by its report's day (perhaps background told again) is older
        # news than a round announced that day
        st = TALK_STAGE.get(r["status"], 2)
        return -1 if st == 2 and r["date_source"] not in FIRM else st

    dev.sort(key=lambda r: (_when(r)[:10], stage(r), r["mentions"]))
    state, decider, broke = None, None, ""
    for r in dev:
        st = "held" if r["type"] == "AGREEMENT" else r["status"]
        if state in ("failed", "cancelled"):
            # a round announced later, or one set for a day after the collapse; an offer to
            # help or an undated wish is no new round
            day = _full(r["date"]) or ""
            announced_after = (st in ("scheduled", "expected") or st == "proposed" and r["date_source"] in OWN_DATE) and (
                _when(r)[:10] > broke or day[:10] > broke)
            held_after = st in ("held", "resumed", "ongoing") and r["date_source"] in OWN_DATE and day[:10] > broke
            if not (announced_after or held_after):
                continue
        state, decider = st, r
        if st in ("failed", "cancelled"):
            broke = _when(r)[:10]
    if state in ("failed", "cancelled"):
        # a round for a later day, announced with the collapse ("no deal; they meet again on May 2")
        later = [r for r in dev if r["status"] in ("scheduled", "expected") and _when(r)[:10] >= broke
                 and (_full(r["date"]) or "")[:10] > broke]
        if later:
            decider = max(later, key=lambda r: _when(r))
            state = decider["status"]
    return state, decider


def _ceasefire(rows: list[dict], ref: str | None) -> tuple[bool | None, dict | None, dict | None]:
    """(holds, the truce that decides, the clash that broke it): a truce in force from its day
    until it fails or renewed clashes, dated by their own words, come after it."""
    truces = [r for r in rows if r["type"] == "CEASEFIRE" and _visible(r, ref)]
    truces.sort(key=lambda r: (_when(r)[:10], r["status"] in CEASEFIRE_OFF))
    state, decider, since = None, None, ""
    for r in truces:
        if r["status"] in FUTURE:
            day = _full(r["date"])
            if day and _on_or_before(day, ref):
                state, decider, since = True, r, day[:10]     # agreed to take effect by now
            elif state is None:
                state, decider = False, r                     # agreed, not yet in force
            continue
        if r["status"] in CEASEFIRE_OFF:
            state, decider = False, r
        else:
            state, decider, since = True, r, _when(r)[:10]
    broken_by = None
    if state:
        clashes = [r for r in rows if r["type"] == "ATTACK" and _visible(r, ref) and r["date_source"] in FIRM
                   and _full(r["date"]) and _full(r["date"])[:10] > since and _on_or_before(_full(r["date"]), ref)]
        if clashes:
            broken_by = max(clashes, key=lambda r: _full(r["date"]))
            state = False
    return state, decider, broken_by


def _next(rows: list[dict], ref: str | None) -> dict | None:
    """The earliest announced meeting, truce or visit dated after the reference day."""
    day = (ref or "")[:10]
    upcoming = [r for r in rows if r["status"] in FUTURE and r["type"] in MEETINGS and _visible(r, ref)
                and _full(r["date"]) and (not day or _full(r["date"])[:len(day)] > day[:len(_full(r["date"]))])]
    # a round, a visit or a mediated meeting before a call, a signing or a truce to come
    return min(upcoming, key=lambda r: (r["type"] not in ROUNDS or r.get("mode") == "phone", r["date"])) if upcoming else None


APPROX_DAYS = 3     # a report's own day stands for news of the days just before it


def _last(rows: list[dict], ref: str | None) -> dict | None:
    """The latest event dated on or before the reference day: by its own words, unless an
    event dated only by its report's day is later by more than a few days."""
    dated = [r for r in rows if _visible(r, ref) and _full(r["date"]) and _on_or_before(_full(r["date"]), ref)]
    if not dated:
        return None
    key = lambda r: (_full(r["date"]), r["mentions"])  # noqa: E731
    firm = [r for r in dated if r["date_source"] in FIRM]
    approx = [r for r in dated if r["date_source"] not in FIRM]
    if not firm:
        return max(approx, key=key)
    lf = max(firm, key=key)
    if approx:
        la = max(approx, key=key)
        df, da = _d(_full(lf["date"])), _d(_full(la["date"]))
        if df and da and (da - df).days > APPROX_DAYS:
            return la
    return lf


def summarise(dyad: str, rows: list[dict], mentions: list[Mention], as_of: str | None = None,
              why: dict | None = None) -> dict:
    """The dyad's state from its clusters (rows as cluster_row gives them, any order).

    ``why``, when a dict, receives the clusters that decided each part: talks, ceasefire,
    broken_by, next, last_event (`dyad A B --explain`)."""
    rows = sorted(rows, key=timeline_key)
    evidence_dates = [m.published for m in mentions if m.published]
    evidence_dates += [r["sort_date"] for r in rows if r["sort_date"] and (not as_of or r["sort_date"] <= as_of)]
    ref = as_of or (max(m.published for m in mentions if m.published) if any(m.published for m in mentions)
                    else (max(evidence_dates) if evidence_dates else None))
    talks_status, talks = _talks(rows, ref)
    ceasefire, cf, broken_by = _ceasefire(rows, ref)
    nxt = _next(rows, ref)
    last = _last(rows, ref)
    next_obj = None
    if nxt:
        next_obj = {"type": nxt["type"], "status": nxt["status"], "date": nxt["date"], "location": nxt["location"],
                    "mediators": nxt["mediators"]}
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
                       and _visible(r, ref) and _when(r)[:10] <= _when(talks)[:10]]
            if setback:
                s_ = max(setback, key=lambda r: _when(r))
                part = f"talks {s_['status']}" + (f" ({s_['date']})" if s_["date"] else "") + f", now {talks_status}"
        parts.append(part)
    if ceasefire is True:
        parts.append("ceasefire")
    elif ceasefire is False:
        parts.append("ceasefire broken" if broken_by or (cf and cf["status"] in CEASEFIRE_OFF) else "ceasefire pending")
    if last and last["type"] == "ATTACK" and not broken_by and (not cf or (_full(last["date"]) or "") >= _when(cf)[:10]):
        parts.append("clashes")
    if not parts and last:
        parts.append(f"{last['type'].lower()} {last['status']}")
    if why is not None:
        why.update({"talks": talks, "ceasefire": cf, "broken_by": broken_by, "next": nxt, "last_event": last})
    return {
        "dyad": dyad,
        "status": "; ".join(parts) or None,
        "talks_status": talks_status,
        "ceasefire": ceasefire,
        "next": next_obj,
        "last_event": ({"type": last["type"], "status": last["status"], "date": last["date"],
                        "location": last["location"]} if last else None),
        "last_event_date": _full(last["date"]) if last else None,
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


def compute(dyad: str, mentions: list[Mention], as_of: str | None = None,
            why: dict | None = None) -> tuple[dict, list[dict]]:
    """The dyad's summary and its timeline (one row per cluster, oldest first) from its mentions."""
    clusters = cluster(mentions)
    rows = sorted((cluster_row(c) for c in clusters), key=timeline_key)
    return summarise(dyad, rows, mentions, as_of, why), rows
