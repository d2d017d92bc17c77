"""The vocabulary users choose from: event types with their codes, and statuses.

Types come from talkwatch/data/ontology.tsv (read here, never copied), statuses from
talkwatch/extract/status.py. `talkwatch types`, the correction form and the checks on
`correct --type/--status` all take their choices from here; docs/ONTOLOGY.md explains them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as _date
from functools import lru_cache

# the order statuses are shown in when extract.status does not give one (older rules)
_STATUS_ORDER = ("proposed", "expected", "scheduled", "ongoing", "held", "resumed", "deferred", "cancelled",
                 "failed", "denied")


@dataclass(frozen=True)
class EventType:
    name: str                  # TALKS, VISIT, ... ATTACK
    plover: str                # PLOVER event type
    plover_mode: str | None    # PLOVER mode, when the type has one
    cameo: str                 # CAMEO code
    goldstein: float           # Goldstein score (-10 conflict .. +10 cooperation)
    kind: str                  # how modality changes it: meeting, intent, coop, hostile, speech
    meaning: str


@dataclass(frozen=True)
class Status:
    name: str                  # proposed, expected, scheduled, ... denied
    meaning: str               # examples of the wording that gives it ("" when not described)


@lru_cache(maxsize=1)
def event_types() -> tuple[EventType, ...]:
    """Every event type, in the order of the ontology file."""
    from importlib import resources

    try:
        text = resources.files("talkwatch").joinpath("data/ontology.tsv").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return ()
    out: list[EventType] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("\t")]
        name = parts[0]
        if not name or not name.isupper() or any(t.name == name for t in out):
            continue
        parts += [""] * (7 - len(parts))
        try:
            goldstein = float(parts[4])
        except ValueError:
            goldstein = 0.0
        out.append(EventType(name, parts[1], parts[2] or None, parts[3], goldstein, parts[5], parts[6]))
    return tuple(out)


def type_names() -> list[str]:
    return [t.name for t in event_types()]


@lru_cache(maxsize=1)
def statuses() -> tuple[Status, ...]:
    """Every status, in the order users see them (talkwatch/extract/status.py)."""
    from talkwatch.extract import status as module

    names = getattr(module, "STATUSES", None) or _STATUS_ORDER
    info = getattr(module, "INFO", None) or {}
    return tuple(Status(n, getattr(info.get(n), "wording", "") or "") for n in names)


def status_names() -> list[str]:
    return [s.name for s in statuses()]


# ---- dates an analyst types -----------------------------------------------------------

_DATE_FORM = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?|--(\d{2})(?:-(\d{2}))?")


def date_problem(value: str, *, reduced: bool = True) -> str | None:
    """Why ``value`` is not a date talkwatch can store, or None when it is one: YYYY,
    YYYY-MM, YYYY-MM-DD (and, with ``reduced``, the yearless --MM and --MM-DD) that exist
    on the calendar ("2025-02-30", "2025-13" and "2025-99" do not)."""
    m = _DATE_FORM.fullmatch((value or "").strip())
    forms = "YYYY-MM-DD, YYYY-MM, YYYY" + (" or --MM-DD" if reduced else "")
    if not m or (m.group(4) and not reduced):
        return f"cannot read the date {value!r}: use {forms}"
    year, month, day = m.group(1), m.group(2) or m.group(4), m.group(3) or m.group(5)
    if month is not None and not 1 <= int(month) <= 12:
        return f"{value!r} is not a date: there is no month {month}"
    if day is not None:
        try:
            _date(int(year) if year else 2000, int(month), int(day))   # 2000: a leap year admits --02-29
        except ValueError:
            return f"{value!r} is not a date: {month}/{day} does not exist" + (f" in {year}" if year else "")
    if year is not None and not 1000 <= int(year) <= 9998:    # room for date arithmetic
        return f"{value!r} is out of range: years run from 1000 to 9998"
    return None
