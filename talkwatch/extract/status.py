"""The status of an event (docs/ONTOLOGY.md): where it stands on the day the article speaks
from, read from the cue words near its trigger and the tense of its clause.

The statuses, their order, tense and kind live in talkwatch/data/statuses.tsv; cue words in
talkwatch/data/triggers.cues.tsv (kind "status"). This module only decides between them.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

_FILE = Path(__file__).resolve().parent.parent / "data" / "statuses.tsv"


@dataclass(frozen=True)
class StatusInfo:
    name: str
    tense: str | None      # "future", "past" or None (let the date decide)
    kind: str              # "upcoming", "happened", "setback"
    rank: int              # stage of a story: the later stage wins when reports disagree
    wording: str


def _load(path: Path = _FILE) -> tuple[StatusInfo, ...]:
    out = []
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        parts = raw.split("\t")
        if len(parts) != 5:
            raise ValueError(f"{path.name}:{lineno}: expected 5 TAB-separated fields, found {len(parts)}")
        name, tense, kind, rank, wording = (p.strip() for p in parts)
        if tense not in ("future", "past", "-") or kind not in ("upcoming", "happened", "setback"):
            raise ValueError(f"{path.name}:{lineno}: bad tense {tense!r} or kind {kind!r}")
        try:
            r = int(rank)
        except ValueError:
            raise ValueError(f"{path.name}:{lineno}: rank {rank!r} is not a number") from None
        out.append(StatusInfo(name, None if tense == "-" else tense, kind, r, wording))
    return tuple(out)


INFO: dict[str, StatusInfo] = {s.name: s for s in _load()}
STATUSES: tuple[str, ...] = tuple(INFO)                     # in the order users see them
BY_RANK: tuple[str, ...] = tuple(sorted(INFO, key=lambda s: INFO[s].rank))
UPCOMING = frozenset(s for s, i in INFO.items() if i.kind == "upcoming")
SETBACKS = frozenset(s for s, i in INFO.items() if i.kind == "setback")

# Outcomes that override everything else: the event was stopped, moved or denied.
STRONG = ("cancelled", "deferred", "failed", "denied")

# Statements (demands, accusations, rejections, threats) are deeds of speech: they happened
# when they were said, whatever tense the demanded thing is in.
SPEECH_CLASSES = {"speech"}


def decide(
    cls: str,
    cues: set[str],
    *,
    future: bool = False,
    hypothetical: bool = False,
    has_date: bool = False,
    intent: str | None = None,
) -> tuple[str, str]:
    """(status, reason) for an event of type class `cls`.

    cues: status values whose cue words occur near the trigger (cancelled, deferred, ...).
    future: a "will"/"would"/"to be held" marker governs the trigger.
    hypothetical: "could"/"may"/"might" governs the trigger.
    has_date: the event has a date of its own in the text (makes "will" a schedule).
    intent: "offered"/"agreed" when an intent verb carried the event ("agreed to meet").
    """
    if cls in SPEECH_CLASSES:
        return "held", "statement"
    for s in STRONG:
        if s in cues:
            return s, f"cue={s}"
    if intent == "proposed":
        return "proposed", "intent=offer"
    if "ongoing" in cues and (future or hypothetical) and not has_date and not intent:
        return "ongoing", "cue=ongoing"   # "the ceasefire will remain in place": it holds now
    if "expected" in cues or hypothetical:
        return "expected", "cue=expected" if "expected" in cues else "modal=hypothetical"
    if "scheduled" in cues:
        return "scheduled", "cue=scheduled"
    if future or intent == "agreed-future":
        if has_date:
            return "scheduled", "future+date"
        return "expected", "future"
    if "proposed" in cues:
        return "proposed", "cue=proposed"
    if "resumed" in cues:
        return "resumed", "cue=resumed"
    if "ongoing" in cues:
        return "ongoing", "cue=ongoing"
    return "held", "cue=held" if "held" in cues else "default=past"


def tense_of(status: str) -> str | None:
    """The tense a relative date ("on Wednesday") should be read in for this status.

    "talks set for Friday were called off": the date named is often the one that was planned,
    before or after the report; such statuses have no tense and the date says which."""
    info = INFO.get(status)
    return info.tense if info else None
