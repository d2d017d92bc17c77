"""Why a dyad's summary says what it says, in lines a person reads: which cluster decided
each part (talks, ceasefire, what broke it, next, last event), how its date was found, and
the reports that tell it. Shared by `talkwatch dyad A B --explain` and `x` in the TUI."""
from __future__ import annotations


def next_label(n: dict | None) -> str:
    if not n:
        return ""
    bits = [n.get("date") or "date unknown", n["type"].lower()]
    if n.get("location"):
        bits.append(n["location"])
    if n.get("mediators"):
        bits.append("via " + ",".join(n["mediators"]))
    return " ".join(bits)


WHY_PARTS = (("talks", "talks"), ("ceasefire", "ceasefire"), ("broken_by", "broken by"), ("next", "next"),
             ("last_event", "last event"))


def explain_lines(summary: dict, why: dict) -> list[str]:
    """Which cluster decided each part of a dyad's summary, and the reports that tell it."""
    out = []
    value = {
        "talks": summary.get("talks_status") or "unknown",
        "ceasefire": {True: "holds", False: "broken" if why.get("broken_by") else "not in force", None: "unknown"}[
            summary.get("ceasefire")],
        "broken_by": "", "next": next_label(summary.get("next")) if summary.get("next") else "none",
        "last_event": summary.get("last_event_date") or "none",
    }
    for part, label in WHY_PARTS:
        r = why.get(part)
        if r is None and part == "broken_by":
            continue
        head = f"{label}: {value[part]}".rstrip(": ")
        if r is None:
            out.append(f"{head}  (no event decides it)")
            continue
        when = (("~" if r.get("date_source") == "published" else "") + r["date"]) if r.get("date") else "undated"
        how = {"published": "the report's day", "narrative": "the scene's day", "analyst": "corrected"}.get(
            r.get("date_source") or "", "")
        out.append(f"{head}  <- {r['type']} {r['status']} {when}" + (f" ({how})" if how else ""))
        out.append(f"    \"{_clip(r.get('sentence') or '', 110)}\"")
        for m in (r.get("reports") or [])[:5]:
            out.append(f"    {m.get('published') or '?':10}  {m.get('source') or '-':18}  {m.get('uid')}")
        if len(r.get("reports") or []) > 5:
            out.append(f"    ... and {len(r['reports']) - 5} more reports")
    return out


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1] + "…"
