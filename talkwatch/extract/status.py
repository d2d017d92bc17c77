"""The status of an event (ONTOLOGY.md): where it stands on the day the article speaks from,
read from the cue words near its trigger and the tense of its clause.

Cue words live in talkwatch/data/triggers.cues.tsv (kind "status"); this module only
decides between them.
"""
from __future__ import annotations

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
    """The tense a relative date ("on Wednesday") should be read in for this status."""
    if status in ("scheduled", "expected", "proposed"):
        return "future"
    if status in ("held", "resumed", "denied"):
        return "past"
    # "talks set for Friday were called off": the date named is often the one that was
    # planned, before or after the report; let the date say which
    return None
