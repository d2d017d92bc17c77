"""Small shared pieces: status colours and one-line descriptions of events and dyads."""
from __future__ import annotations

GOOD = {"held", "resumed", "ongoing"}
FUTURE = {"proposed", "expected", "scheduled"}
BAD = {"deferred", "cancelled", "failed", "denied"}


def status_class(status: str | None) -> str:
    """Which component class colours a status: good, future, bad or muted."""
    s = (status or "").lower()
    if s in GOOD:
        return "good"
    if s in FUTURE:
        return "future"
    if s in BAD:
        return "bad"
    return "muted"


def dyad_class(summary: dict) -> str:
    status = (summary.get("status") or "").lower()
    if "clashes" in status or "broken" in status:
        return "bad"
    talks = summary.get("talks_status")
    if talks:
        return status_class(talks)
    if summary.get("ceasefire") is True:
        return "good"
    return "muted"


def describe_next(nxt: dict | None) -> str:
    if not nxt:
        return ""
    parts = [str(nxt.get("type") or "").upper() or "event"]
    if nxt.get("status"):
        parts.append(str(nxt["status"]))
    parts.append(str(nxt.get("date") or "date unknown"))
    if nxt.get("location"):
        parts.append(str(nxt["location"]))
    text = " ".join(parts)
    meds = nxt.get("mediators") or []
    if meds:
        names = [str(m) for m in meds]
        text += ", mediated by " + (" and ".join(names) if len(names) <= 2 else ", ".join(names))
    return text


def trend_arrow(trend: float | None) -> str:
    if trend is None:
        return ""
    if trend > 0.25:
        return "↑"
    if trend < -0.25:
        return "↓"
    return "→"
