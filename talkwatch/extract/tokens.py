"""Tokens of an article body with their offsets, and the triggers and cue words found in
them (one dict lookup per token; see talkwatch/data/triggers.tsv and triggers.cues.tsv).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from itertools import accumulate, chain, compress, islice
from operator import or_

from talkwatch.extract.rules import TOKEN_RE, TOKEN_SPLIT_RE, Cue, Rules


@dataclass
class Doc:
    body: str
    starts: list[int]
    ends: list[int]
    keys: list[str]
    trig: list            # per token: (end_index, phrase, Trigger) of a trigger starting here, or None
    cues: dict            # token index -> [(end_index, Cue)] of cues starting there
    cue_at: dict          # kind -> {start index: end index}
    cue_end: dict         # kind -> {end index: [(start index, value)]}
    _sorted: dict = field(default_factory=dict)
    trig_pos: list = field(default_factory=list)   # indices of tokens where a trigger starts

    def text(self, i: int, j: int) -> str:
        if i >= j:
            return ""
        return self.body[self.starts[i]:self.ends[j - 1]]

    def cue_in(self, kind: str, lo: int, hi: int) -> int | None:
        """Start index of the first cue of `kind` starting in [lo, hi), or None."""
        srt = self._sorted.get(kind)
        if srt is None:
            srt = self._sorted[kind] = sorted(self.cue_at.get(kind, ()))
        x = bisect.bisect_left(srt, lo)
        if x < len(srt) and srt[x] < hi:
            return srt[x]
        return None


PAIR_NOUNS = frozenset({"countries", "nations", "states", "neighbours", "neighbors", "sides", "governments",
                        "leaders", "rivals", "allies", "powers", "capitals", "militaries", "armies",
                        "delegations", "ministers", "presidents", "foes", "adversaries", "partners"})


def _pair_phrases(keys: list[str], cues: dict, cue_at: dict, cue_end: dict) -> None:
    """"the two Islamic countries", "both nuclear-armed neighbours": the article's pair, however
    many adjectives stand between (the fixed phrases are in triggers.cues.tsv)."""
    anaphora = Cue("anaphora", "-")
    n = len(keys)
    for i in range(n - 2):
        if keys[i] not in ("the", "both") or keys[i + 1] not in ("two", "both") and keys[i] != "both":
            continue
        first = i + 2 if keys[i + 1] in ("two", "both") else i + 1
        for e in range(first, min(n, first + 4)):
            if keys[e] in PAIR_NOUNS:
                if e > first or keys[i] == "both":
                    cues.setdefault(i, []).append((e + 1, anaphora))
                    cue_at.setdefault("anaphora", {}).setdefault(i, e + 1)
                    cue_end.setdefault("anaphora", {}).setdefault(e + 1, []).append((i, "-"))
                break
            if not keys[e].replace("-", "").isalpha() or keys[e] in ("and", "of", "the", "who", "which"):
                break


def tokenize(body: str, rules: Rules) -> Doc:
    """Tokens of the body with their offsets, and every trigger and cue found in them."""
    low = body.lower()
    if body.isascii() or len(low) == len(body):
        # lower() kept every character's length (almost all text): offsets hold. One
        # split in C gives tokens and gaps; offsets are the running sum of their lengths
        if not body.isascii():
            low = low.replace("’", "'")
        parts = TOKEN_SPLIT_RE.split(low)
        keys = parts[1::2]
        offsets = list(accumulate(map(len, parts), initial=0))
        starts = offsets[1::2]
        ends = offsets[2::2]
        del starts[len(keys):]
    else:                           # lower() may change the length of a token: keep its span
        ms = list(TOKEN_RE.finditer(body))
        keys = [m.group().lower().replace("’", "'") for m in ms]
        starts = [m.start() for m in ms]
        ends = [m.end() for m in ms]
    n = len(keys)
    trig: list = [None] * n
    cues: dict = {}
    cue_at: dict = {}
    cue_end: dict = {}
    t1 = rules.triggers1
    t2 = rules.triggers2
    c1 = rules.cues1
    c2 = rules.cues2
    last = n - 1

    def add_cue(i: int, e: int, c: Cue, found: list, seen: set) -> None:
        kv = (c.kind, c.value)
        if kv in seen:
            return
        seen.add(kv)
        found.append((e, c))
        ca = cue_at.setdefault(c.kind, {})
        if i not in ca:
            ca[i] = e
        cue_end.setdefault(c.kind, {}).setdefault(e, []).append((i, c.value))

    # the tokens that can start an entry: a one-token entry, or the first two tokens of a
    # longer one (tested in C over all pairs; "the" alone starts nothing)
    starts_here = map(or_, map(rules.singles.__contains__, keys),
                      chain(map(rules.pairs.__contains__, zip(keys, islice(keys, 1, None))), (False,)))
    for i in compress(range(n), starts_here):
        k = keys[i]
        pair = (k, keys[i + 1]) if i < last else None
        long_t = t2.get(pair) if pair else None
        if long_t:
            for phrase, t in long_t:
                L = len(phrase)
                if L == 2 or tuple(keys[i:i + L]) == phrase:
                    trig[i] = (i + L, phrase, t)
                    break
        if trig[i] is None:
            t = t1.get(k)
            if t is not None:
                trig[i] = (i + 1, (k,), t)
        long_c = c2.get(pair) if pair else None
        one_c = c1.get(k)
        if long_c or one_c:
            found: list = []
            seen: set = set()
            if long_c:
                for phrase, c in long_c:
                    L = len(phrase)
                    if L == 2 or tuple(keys[i:i + L]) == phrase:
                        add_cue(i, i + L, c, found, seen)
            if one_c:
                for c in one_c:
                    add_cue(i, i + 1, c, found, seen)
            if found:
                cues[i] = found
    _pair_phrases(keys, cues, cue_at, cue_end)
    doc = Doc(body, starts, ends, keys, trig, cues, cue_at, cue_end)
    doc.trig_pos = [i for i in range(n) if trig[i] is not None]
    return doc


@dataclass
class PartyRef:
    i: int          # token range
    j: int
    code: str
    kind: str
    text: str
    start: int      # char offsets
    end: int
    possessive: bool = False



def has_cue(doc: Doc, i: int, kind: str) -> int | None:
    """End index of a cue of `kind` starting at token i, or None."""
    d = doc.cue_at.get(kind)
    return d.get(i) if d else None


def cue_ending_at(doc: Doc, j: int, kind: str) -> int | None:
    """Start index of a cue of `kind` that ends right before token j, or None."""
    d = doc.cue_end.get(kind)
    if not d:
        return None
    lst = d.get(j)
    if not lst:
        return None
    return min(s for s, _ in lst)


