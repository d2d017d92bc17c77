"""`talkwatch eval GOLD`: how the extracted events compare with a hand-written gold file.

Pure: the gold events and the extracted events of their articles in, a report out.
"""
from __future__ import annotations

import json

from talkwatch.errors import InvalidInput


def load_gold(path: str) -> list[dict]:
    gold = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            try:
                g = json.loads(line)
            except ValueError:
                raise InvalidInput(f"{path}, line {n}: not JSON") from None
            if not all(k in g for k in ("uid", "type", "dyad")):
                raise InvalidInput(f"{path}, line {n}: needs uid, type and dyad")
            gold.append(g)
    return gold


def gold_articles(gold: list[dict]) -> list[str]:
    """The articles a gold file speaks of (their extracted events are what is compared)."""
    return sorted({g["uid"] for g in gold})


def evaluate(gold: list[dict], extracted: dict[str, list[dict]]) -> dict:
    """The report: ``extracted`` maps each of gold_articles(gold) to its events (as
    `talkwatch events` gives them, corrections applied)."""
    uids = gold_articles(gold)
    extracted = {uid: extracted.get(uid, []) for uid in uids}
    used: set[str] = set()
    matched = status_ok = date_n = date_ok = 0
    per_type: dict[str, dict] = {}
    misses, wrong = [], []
    for g in gold:
        c = per_type.setdefault(g["type"], {"gold": 0, "found": 0})
        c["gold"] += 1
        cands = [e for e in extracted.get(g["uid"], []) if e["type"] == g["type"] and e["dyad"] == g["dyad"]]
        if not cands:
            misses.append(g)
            continue
        # prefer a candidate with the right status and date, not yet used
        def score(e):
            return (e["id"] not in used, e["status"] == g.get("status"), e["date"] == g.get("date"))

        best = max(cands, key=score)
        used.add(best["id"])
        matched += 1
        c["found"] += 1
        if g.get("status"):
            if best["status"] == g["status"]:
                status_ok += 1
            else:
                wrong.append({**g, "what": f"status {best['status']} (gold {g['status']})"})
        if g.get("date"):
            date_n += 1
            if best["date"] == g["date"]:
                date_ok += 1
            else:
                wrong.append({**g, "what": f"date {best['date']} (gold {g['date']})"})
    all_extracted = [e for uid in uids for e in extracted[uid]]
    gold_keys = {(g["uid"], g["type"], g["dyad"]) for g in gold}
    extras = [e for e in all_extracted if (e["uid"], e["type"], e["dyad"]) not in gold_keys]
    n_status = sum(1 for g in gold if g.get("status"))
    return {
        "gold": len(gold),
        "extracted": len(all_extracted),
        "matched": matched,
        "recall": matched / len(gold) if gold else 0.0,
        "precision": (len(all_extracted) - len(extras)) / len(all_extracted) if all_extracted else 0.0,
        "status_accuracy": status_ok / max(1, min(matched, n_status)),
        "date_accuracy": date_ok / date_n if date_n else 0.0,
        # of every event extracted in those articles: how many carry no date, how many no pair
        "undated": sum(1 for e in all_extracted if not e.get("date")),
        "undated_share": (sum(1 for e in all_extracted if not e.get("date")) / len(all_extracted)
                          if all_extracted else 0.0),
        "no_dyad": sum(1 for e in all_extracted if not e.get("dyad")),
        "per_type": per_type,
        "misses": misses,
        "extras": extras,
        "wrong": wrong,
    }
