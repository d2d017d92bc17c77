"""Load the event rules from the data files (once, cached): the type table, the triggers
and the cue words. Data, not code: talkwatch/data/ontology.tsv, triggers.tsv,
triggers.cues.tsv.

Phrases are written in a small syntax (see triggers.tsv): | separates phrases, spaces
separate words, / separates alternatives of one word, a trailing ~ inflects a verb.
Each phrase becomes a tuple of lower-case tokens, indexed by its first token so the engine
looks up candidates with one dict access per token of text.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"

# Tokens: words (with inner apostrophes: "didn't", "pakistan's"), numbers, or one
# punctuation character. Hyphens are tokens of their own.
TOKEN_RE = re.compile(r"(?:[^\W\d_]\.){2,}(?![^\W\d_])|[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,:]\d+)*|[^\w\s]")
TOKEN_SPLIT_RE = re.compile(f"({TOKEN_RE.pattern})")   # split() keeps the tokens, between the gaps

VOWELS = set("aeiou")
# the type of trigger lines whose phrases name no event ("call the shots", "a bomb shelter"):
# they are matched like the others, longest first, and swallow the words they cover
NOT_AN_EVENT = "NONE"


def inflect(lemma: str, double: bool = False) -> list[str]:
    """lemma, 3rd person, past and -ing forms of a regular English verb."""
    forms = [lemma]
    if lemma.endswith(("s", "x", "z", "ch", "sh")):
        forms.append(lemma + "es")
    elif lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in VOWELS:
        forms.append(lemma[:-1] + "ies")
    else:
        forms.append(lemma + "s")
    if double:
        forms += [lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"]
    elif lemma.endswith("ee"):
        forms += [lemma + "d", lemma + "ing"]
    elif lemma.endswith("e"):
        forms += [lemma + "d", lemma[:-1] + "ing"]
    elif lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in VOWELS:
        forms += [lemma[:-1] + "ied", lemma + "ing"]
    else:
        forms += [lemma + "ed", lemma + "ing"]
    # British and American spelling of the past: cancelled / canceled
    if lemma.endswith("l") and not double and len(lemma) > 3 and lemma[-2] in VOWELS and lemma[-3] not in VOWELS:
        forms += [lemma + "led", lemma + "ling"]
    return forms


def word_forms(word: str) -> list[str]:
    out: list[str] = []
    for alt in word.split("/"):
        if alt.endswith("~~"):
            out += inflect(alt[:-2], double=True)
        elif alt.endswith("~"):
            out += inflect(alt[:-1])
        else:
            out.append(alt)
    return out


def tokenize_phrase(text: str) -> tuple[str, ...]:
    return tuple(m.group().lower().replace("’", "'") for m in TOKEN_RE.finditer(text))


def expand(phrases: str) -> list[tuple[str, ...]]:
    """'agree~ to|sign~' -> [('agree','to'), ('agrees','to'), ... ('sign',), ...]"""
    out: list[tuple[str, ...]] = []
    seen = set()
    for phrase in phrases.split("|"):
        phrase = phrase.strip()
        if not phrase:
            continue
        words = phrase.split()
        for combo in itertools.product(*(word_forms(w) for w in words)):
            toks = tokenize_phrase(" ".join(combo))
            if toks and toks not in seen:
                seen.add(toks)
                out.append(toks)
    return out


# cue kinds whose one-word cues the engine reads from Rules.words (frequent words: "of",
# "in", "was"); their phrases of several words are still indexed.
WORD_KINDS = {"background", "relative", "location", "after", "future", "hypo"}


@dataclass(frozen=True)
class TypeInfo:
    type: str
    plover: str
    plover_mode: str | None
    cameo: str
    goldstein: float
    cls: str
    label: str

    def as_dict(self) -> dict:
        return {
            "type": self.type,
            "plover": self.plover,
            "plover_mode": self.plover_mode,
            "cameo": self.cameo,
            "goldstein": self.goldstein,
            "class": self.cls,
            "label": self.label,
        }


@dataclass(frozen=True)
class Trigger:
    type: str
    rule: str
    pos: str            # "v" or "n"
    opts: tuple         # ((key, value), ...)

    def opt(self, key: str, default=None):
        for k, v in self.opts:
            if k == key:
                return v
        return default


@dataclass(frozen=True)
class Cue:
    kind: str
    value: str


@dataclass
class Rules:
    types: dict[str, TypeInfo]
    # first token -> [(phrase tokens, Trigger)], longest phrase first
    triggers: dict[str, list[tuple[tuple[str, ...], Trigger]]]
    # first token -> [(phrase tokens, Cue)], longest first
    cues: dict[str, list[tuple[tuple[str, ...], Cue]]]
    words: dict[str, frozenset] = field(default_factory=dict)  # single-word cue sets per kind
    # faster indexes: (first, second token) -> longer phrases; first token -> one-word entry
    triggers2: dict = field(default_factory=dict)
    triggers1: dict = field(default_factory=dict)
    cues2: dict = field(default_factory=dict)
    cues1: dict = field(default_factory=dict)
    singles: frozenset = frozenset()    # tokens that are an entry on their own
    pairs: frozenset = frozenset()      # first two tokens of every longer entry


def _rows(name: str):
    with open(DATA / name, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            yield line.split("\t")


def _parse_opts(text: str) -> tuple:
    opts = []
    for item in text.split():
        if "=" in item:
            k, v = item.split("=", 1)
            opts.append((k, v))
        else:
            opts.append((item, True))
    return tuple(opts)


@lru_cache(maxsize=1)
def load() -> Rules:
    types: dict[str, TypeInfo] = {}
    for row in _rows("ontology.tsv"):
        row += [""] * (7 - len(row))
        t, plover, mode, cameo, gs, cls, label = row[:7]
        types[t] = TypeInfo(t, plover, mode or None, cameo, float(gs), cls, label)

    triggers: dict[str, list] = {}
    for row in _rows("triggers.tsv"):
        row += [""] * (5 - len(row))
        t, rule, pos, phrases, opts = row[:5]
        if t not in types and t != NOT_AN_EVENT:
            raise ValueError(f"triggers.tsv: unknown type {t}")
        trig = Trigger(t, rule, pos, _parse_opts(opts))
        for toks in expand(phrases):
            triggers.setdefault(toks[0], []).append((toks, trig))
    for lst in triggers.values():
        # longest first; among equal lengths, the line order of the file wins
        lst.sort(key=lambda x: -len(x[0]))

    cues: dict[str, list] = {}
    words: dict[str, set] = {}
    for row in _rows("triggers.cues.tsv"):
        row += [""] * (3 - len(row))
        kind, value, phrases = row[:3]
        cue = Cue(kind, value)
        for toks in expand(phrases):
            cues.setdefault(toks[0], []).append((toks, cue))
            if len(toks) == 1:
                words.setdefault(kind, set()).add(toks[0])
    for lst in cues.values():
        lst.sort(key=lambda x: -len(x[0]))
    t2: dict = {}
    t1: dict = {}
    for first, lst in triggers.items():
        for toks, trig in lst:
            if len(toks) == 1:
                t1.setdefault(first, trig)
            else:
                t2.setdefault(toks[:2], []).append((toks, trig))
    c2: dict = {}
    c1: dict = {}
    for first, lst in cues.items():
        for toks, cue in lst:
            if len(toks) == 1:
                if cue.kind in WORD_KINDS:
                    continue        # read from Rules.words, not indexed per token
                c1.setdefault(first, []).append(cue)
            else:
                c2.setdefault(toks[:2], []).append((toks, cue))
    return Rules(types, triggers, cues, {k: frozenset(v) for k, v in words.items()}, t2, t1, c2, c1,
                 frozenset(t1) | frozenset(c1), frozenset(t2) | frozenset(c2))
