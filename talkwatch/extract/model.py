"""The Event record extraction produces (pure data, no I/O)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Event:
    type: str                      # ONTOLOGY type: TALKS, VISIT, ... ATTACK
    status: str                    # proposed, expected, scheduled, ongoing, held, ...
    sentence: str                  # the sentence the event came from
    start: int                     # character offsets of the sentence in the article body
    end: int
    actors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    mediators: list[str] = field(default_factory=list)
    dyad: str | None = None        # "AFG-PAK" (codes sorted), None when fewer than two parties
    plover: str = ""
    plover_mode: str | None = None
    cameo: str = ""
    goldstein: float = 0.0
    location: str | None = None
    date: str | None = None        # ISO 8601, reduced forms allowed: 2025-11-06, 2025-11, --11-06
    date_precision: str | None = None   # day, month, year
    date_source: str | None = None      # text, published, inferred
    date_text: str | None = None        # the words the date came from
    date_how: str | None = None         # one line: how the date was resolved
    attribution: str | None = None
    rule: str = ""                 # the name of the rule that fired
    trigger: str = ""              # the trigger words as found
    trigger_start: int | None = None    # offsets of the trigger in the body
    trigger_end: int | None = None
    # the other sentences of the same event in the article: [{"sentence", "start", "end"}]
    mentions: list = field(default_factory=list)

    def to_dict(self) -> dict:
        # by hand: dataclasses.asdict deep-copies every field (a quarter of extraction time)
        d = dict(self.__dict__)
        for k in ("actors", "recipients", "mediators"):
            d[k] = list(d[k])
        d["mentions"] = [dict(m) for m in d["mentions"]]
        return d
