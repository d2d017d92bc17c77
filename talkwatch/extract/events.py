"""The event engine: sentences, parties and dates in, Events out.

One pass over the lower-cased tokens of the body finds triggers (talkwatch/data/triggers.tsv)
and cue words (triggers.cues.tsv) with one dict lookup per token. Each sentence then turns
its triggers into at most a few events: the main deed first, with

- negation and modality ("will not accept" -> REJECTION, "will provide aid" -> an intent to
  cooperate, "threatened to" / "will ... unless" -> THREAT, "if ..." -> no event),
- verbs that take over the event they govern ("refused to meet" is one REJECTION,
  "urged both to resume talks" is MEDIATION),
- actors before the trigger and recipients after it (swapped in the passive, "X said Y
  must" makes X the actor and Y the recipient), mediators ("mediated by", "X and Y are
  mediating"), location ("in Istanbul"), attribution ("the Foreign Office said"),
- the status (status.py) and the date (the nearest date mention, resolved by dates.py).

Every event names the rule that fired, so "why is this here?" has an answer.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from itertools import accumulate, chain, compress, islice
from operator import or_
from dataclasses import dataclass, field

from talkwatch.extract import status as status_mod
from talkwatch.extract.model import Event
from talkwatch.extract.rules import TOKEN_RE, TOKEN_SPLIT_RE, Cue, Rules, Trigger, load

MAX_SENTENCE_TOKENS = 200      # a "sentence" longer than this is cut into windows
MAX_EVENTS_PER_SENTENCE = 3
MAX_TRIGGERS_PER_SENTENCE = 24

PUNCT_HARD = {";", ":", "(", ")", "[", "]", "—", "–", "?", "!", "•", "|"}
DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "this", "these", "those", "our", "that"}
PRONOUNS = {"it", "they", "he", "she", "we", "i"}
AUX = {
    "be", "been", "being", "is", "are", "was", "were", "am", "have", "has", "had", "will",
    "would", "shall", "should", "can", "could", "may", "might", "must", "do", "does", "did",
    "to", "yet", "ever", "also", "even", "officially", "formally", "once", "again", "any",
    "longer", "more", "still", "now", "just", "then", "reportedly", "already", "so", "far",
    "finally", "really", "either", "publicly",
}
BE = {"is", "are", "was", "were", "be", "been", "being", "get", "got", "gets"}
DATE_WORDS = {
    "on", "today", "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "last", "this", "week", "night", "late", "early",
    "here", "in", "a", "statement", "morning", "evening", "afternoon",
}
NOUN_PRE = {"any", "all", "some", "no", "such", "'", "new", "fresh", "further", "key", "main", "latest", "recent", "renewed", "of", "similar", "major", "repeated", "more", "several", "two", "three", "many", "every", "each", "first", "second", "last", "previous", "possible", "alleged", "deadly", "suicide"}
MEETING_LIKE = {"TALKS", "VISIT", "MEDIATION", "AGREEMENT", "CEASEFIRE"}
COOP_DEEDS = {"AID", "RETREAT", "CONCESSION", "COOPERATION", "SUPPORT"}
HOSTILE_DEEDS = {"PROTEST", "MOBILIZATION", "SANCTION", "COERCION", "ATTACK"}
MEDIATING_WORDS = {"mediating", "mediators", "mediator", "facilitating", "facilitators", "brokering"}
MEDIATING_LINKS = {"are", "is", "were", "was", "been", "have", "has", "be", "will", "acting", "act", "as", "the",
                   "serving", "who", "also", "jointly"}
MEDIATOR_NOUNS = {"request", "mediation", "invitation", "initiative", "auspices", "facilitation", "offices", "efforts"}
SYMMETRIC = {"TALKS", "AGREEMENT", "CEASEFIRE", "COOPERATION"}


def type_info(type_: str) -> dict | None:
    """The type table's row for an event type: plover, plover_mode, cameo, goldstein."""
    info = load().types.get(type_)
    return info.as_dict() if info else None


def type_table() -> list[dict]:
    return [t.as_dict() for t in load().types.values()]


# ----------------------------------------------------------------------------- tokens


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
    doc = Doc(body, starts, ends, keys, trig, cues, cue_at, cue_end)
    doc.trig_pos = [i for i in range(n) if trig[i] is not None]
    return doc


# ----------------------------------------------------------------------------- helpers


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


@dataclass
class Cand:
    i: int
    j: int
    trig: Trigger
    type: str
    strength: int
    rule: str
    pos: str = "v"
    notes: list = field(default_factory=list)
    passive: bool = False
    absorbed: bool = False
    intent: str | None = None
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    cond_after: bool = False
    third: bool = False            # the subject is a third party (mediator)
    demand_mediation: bool = False
    denied: bool = False
    span_end: int = 0              # end of the complement this event took over
    light_at: int | None = None    # the light verb carrying a noun trigger ("held talks")
    subordinate: bool = False
    # filled later
    actors: list = field(default_factory=list)
    recipients: list = field(default_factory=list)
    mediators: list = field(default_factory=list)
    own_parties: bool = False
    location: str | None = None


def _has_cue(doc: Doc, i: int, kind: str) -> int | None:
    """End index of a cue of `kind` starting at token i, or None."""
    d = doc.cue_at.get(kind)
    return d.get(i) if d else None


def _cue_ending_at(doc: Doc, j: int, kind: str) -> int | None:
    """Start index of a cue of `kind` that ends right before token j, or None."""
    d = doc.cue_end.get(kind)
    if not d:
        return None
    lst = d.get(j)
    if not lst:
        return None
    return min(s for s, _ in lst)


_DATELINE = re.compile(r"^\s{0,5}[A-Z][A-Z .'-]{2,40}(?:\s{0,3}\([^)]{0,40}\))?\s{0,3}[:\-–—,]\s*")
_TAIL_WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
_TAIL_WORDS = {"today", "yesterday", "tonight", "here", "has", "have", "had", "was", "were", "is", "are",
               "also", "once", "again", "further", "earlier", "later", "already", "too", "on", "On",
               "last", "Last", "this", "This", "late", "early"}


def clean_attribution(text: str | None) -> str | None:
    """'ISLAMABAD: The Foreign Office on Wednesday' -> 'The Foreign Office'."""
    if not text or len(text) > 300:
        return None
    t = _DATELINE.sub("", text, count=1)
    words = t.split()
    while words and (words[-1] in _TAIL_WEEKDAYS or words[-1] in _TAIL_WORDS):
        words.pop()
    t = " ".join(words).strip(" ,;:\"“”'‘’-")
    if not t or len(t) > 120:
        return None
    return t


def _dateline(body: str, start: int, end: int) -> bool:
    """A place written in capitals at the start of a line and followed by ':' / '-' / '('
    ("ISLAMABAD: ...", "DOHA (Reuters) -") is a dateline, not a party."""
    word = body[start:end]
    if not word.isupper() or len(word) < 3:
        return False
    line_start = body.rfind("\n", 0, start) + 1
    if body[line_start:start].strip():
        return False
    rest = body[end:end + 40].lstrip()
    return rest[:1] in (":", "-", "(", "–", "—", ",")


OFFICE_WORDS = {"ministry", "minister", "ministers", "department", "office", "committee", "secretary",
                "official", "officials", "chief", "agency", "council", "commission", "spokesman",
                "spokeswoman", "spokesperson", "division", "wing", "team", "forces", "force"}


def _names_an_office(doc: Doc, i: int, j: int) -> bool:
    """"the finance ministry", "the defence secretary": a trigger word naming an office."""
    return j < len(doc.keys) and doc.keys[j] in OFFICE_WORDS


def _is_break(k: str) -> bool:
    return k in PUNCT_HARD


# ----------------------------------------------------------------------------- sentence


class SentenceWork:
    """Everything one sentence needs, in token indices."""

    def __init__(self, doc: Doc, a: int, b: int, parties: list[PartyRef], places, rules: Rules):
        self.doc = doc
        self.a = a
        self.b = b
        self.rules = rules
        self.keys = doc.keys
        self.parties = parties
        self.places = places
        self.attr_spans: list[tuple[int, int]] = []
        self.attribution: str | None = None
        self.speaker: list[PartyRef] = []
        self.addressee: list[PartyRef] = []
        self.speech_end: int | None = None   # index after the leading "X said (that)"
        self.lead_start = a                  # after a leading background phrase
        self.appositives: list[tuple[int, int]] = []
        self._party_at: dict[int, PartyRef] = {}
        for p in parties:
            for k in range(p.i, p.j):
                self._party_at[k] = p
        self._mediators: list[PartyRef] | None = None
        self._bounds: list[int] | None = None
        self._verb_at: dict | None = None
        self._attribution()
        self._appositives()
        self._leading()

    # --- structure

    def in_attr(self, i: int) -> bool:
        if not self.attr_spans:
            return False
        for s, e in self.attr_spans:
            if s <= i < e:
                return True
        return False

    def _attribution(self):
        doc, keys, a, b = self.doc, self.keys, self.a, self.b
        if doc.cue_in("speech", a, b) is None:
            return
        # "according to X" up to the next comma or the end
        for i in range(a, b):
            if keys[i] != "according":
                continue
            e = _has_cue(doc, i, "speech")
            if e:
                j = e
                while j < b and keys[j] not in (",", ";", ".") and not (keys[j] in PUNCT_HARD):
                    j += 1
                self.attr_spans.append((i, j))
                self.attribution = self.attribution or doc.text(e, j).strip()
        # trailing ", the Foreign Office said." / ", said a spokesman"
        end = b
        while end > a and keys[end - 1] in (".", "\"", "”", "'", "’", "!", "?"):
            end -= 1
        lo = max(a, end - 18)
        for c in range(end - 1, lo - 1, -1):
            if keys[c] in (",", "”", "\"") and c > a + 2:
                tail = range(c + 1, end)
                sp = None
                for t in tail:
                    if _has_cue(doc, t, "speech") and keys[t] != "according" and not doc.body[doc.starts[t]].isupper() and not self.party_at(t):
                        sp = t
                        break
                if sp is None:
                    continue
                after_sp = [t for t in range(sp + 1, end) if keys[t] not in DATE_WORDS]
                if "that" in (keys[t] for t in after_sp) or len(after_sp) > (12 if sp == c + 1 else 5):
                    continue
                if sp == c + 1 and any(doc.trig[t] or keys[t] in ("will", "would", "had", "has", "have") for t in after_sp):
                    continue           # ", said both sides would meet": reported speech, not a source
                # a trigger verb in the tail makes it a clause of its own, not an attribution
                if any(doc.trig[t] and doc.trig[t][2].pos == "v" and not _has_cue(doc, t, "speech") and not _names_an_office(doc, t, doc.trig[t][0]) for t in range(c + 1, sp)):
                    continue
                self.attr_spans.append((c, end))
                if sp == c + 1:        # ", said a spokesman for X"
                    src = doc.text(sp + 1, end)
                else:
                    k = sp
                    while k > c + 1 and keys[k - 1] in ("has", "have", "had", "was", "were", "is", "are", "also"):
                        k -= 1
                    src = doc.text(c + 1, k)
                src = src.strip(" ,\"“”'")
                if src:
                    self.attribution = src
                break

    def _leading(self):
        doc, keys, a, b = self.doc, self.keys, self.a, self.b
        has_speech = doc.cue_in("speech", a, b) is not None or doc.cue_in("say", a, b) is not None
        # a leading background phrase: "After ..., the talks ..." / "In an interview, X said"
        if keys[a:a + 1] and (keys[a] in self.rules.words.get("background", ()) or keys[a] in ("in", "with", "under", "on", "meanwhile", "however", "earlier", "later")):
            for i in range(a + 1, min(b, a + 25)):
                if keys[i] == ",":
                    self.lead_start = i + 1
                    break
                if (keys[i] in PUNCT_HARD):
                    break
        # "X said (on Tuesday) (that) ..." near the start
        if not has_speech:
            return
        lo = self.lead_start
        for i in range(lo, min(b - 3, lo + 16)):
            e = _has_cue(doc, i, "speech") or _has_cue(doc, i, "say")
            if not e:
                if doc.trig[i] and doc.trig[i][2].pos == "v":
                    return
                continue
            if keys[i] == "according":
                return
            j = e
            addressee_from = j
            # skip date words and an addressee: "told US that", "said on Tuesday that"
            tells = keys[i] in ("told", "tells", "tell", "informed", "informs", "assured", "assures", "warned", "warns", "reminded", "briefed")
            while j < b and j < e + 8 and keys[j] != "that" and (
                keys[j] in DATE_WORDS or keys[j] in ("here", "once", "again", "also")
                or tells and (self.party_at(j) or keys[j] in ("the", "reporters", "journalists", "parliament", "and"))
            ):
                j += 1
            self.addressee = [p for p in self.parties if addressee_from <= p.i < j]
            if j < b and keys[j] == "that":
                j += 1
            elif j < b and keys[i] not in PLAIN_SPEECH and not (keys[j] in PRONOUNS or self.party_at(j) or keys[j] in ("the", "its", "their")):
                return                 # "announced a suspension": a light verb, not speech
            self.speaker = [p for p in self.parties if lo <= p.i < i and not self.in_appositive(p.i)]
            self.speech_end = j
            src_from = lo
            for k in range(i - 1, lo - 1, -1):
                if keys[k] == ",":
                    src_from = k + 1   # "Talking to reporters, Asif said": the speaker is Asif
                    break
            src = doc.text(src_from, i).strip(" ,")
            if src and not self.attribution:
                self.attribution = src
            return

    def _appositives(self):
        keys, a, b = self.keys, self.a, self.b
        starts = [p.j for p in self.parties]
        # ", who chairs ASEAN this year," after any name
        starts += [k for k in range(a + 1, b - 1) if keys[k] == "," and keys[k + 1] in ("who", "whose", "which")]
        for c in sorted(set(starts)):
            if c < b and keys[c] == "," and c + 1 < b and keys[c + 1] in ("a", "an", "the", "which", "who", "whose", "one", "itself", "home"):
                for e in range(c + 2, min(b, c + 20)):
                    if keys[e] == ",":
                        self.appositives.append((c, e))
                        break
                    if (keys[e] in PUNCT_HARD):
                        break

    def in_appositive(self, i: int) -> bool:
        for s, e in self.appositives:
            if s < i < e:
                return True
        return False

    def party_at(self, i: int) -> PartyRef | None:
        return self._party_at.get(i)

    def verb_at(self, cands) -> dict:
        if self._verb_at is None:
            self._verb_at = {o.i: o for o in cands if o.pos == "v" and not o.absorbed and o.strength >= 5}
        return self._verb_at

    def mediator_parties(self) -> list[PartyRef]:
        """Parties named as mediators anywhere in the sentence: "mediated by X", "X's
        request", "at the invitation of X"."""
        if self._mediators is None:
            out: list[PartyRef] = []
            d = self.doc.cue_at.get("mediator", {})
            for k, e in d.items():
                if self.a <= k < self.b:
                    out += _group_after(self, e, limit=4)
            keys = self.keys
            # "with Qatar and Turkey mediating", "Qatar and Türkiye are mediating", "... as mediators"
            for k in range(self.a, self.b):
                if keys[k] in MEDIATING_WORDS:
                    out += _group_before(self, k)
            for p in self.parties:
                if p.possessive and p.j < self.b and keys[p.j] in MEDIATOR_NOUNS:
                    out += [q for q in self.parties if q.i >= p.i - 6 and q.j <= p.j]
            self._mediators = out
        return self._mediators

    def segment_start(self, i: int) -> int:
        """Start of the clause segment holding token i (after a hard break or a comma)."""
        bounds = self._bounds
        if bounds is None:
            keys = self.keys
            bounds = self._bounds = [k for k in range(self.a, self.b) if keys[k] == "," or keys[k] in PUNCT_HARD]
        x = bisect.bisect_left(bounds, i) - 1
        lo = max(self.a, i - 30)
        if x >= 0 and bounds[x] + 1 > lo:
            return bounds[x] + 1
        return lo

    def segment_lead(self, i: int) -> str:
        s = self.segment_start(i)
        return self.keys[s] if s < self.b else ""


# ----------------------------------------------------------------------------- engine


PRESENCE = {"is", "are", "was", "were", "be", "been", "arrived", "arrives", "arrive", "arriving", "landed", "lands", "stayed", "stays", "remain", "remains", "remained", "reached", "trip", "visit", "visits", "tour", "travelled", "traveled", "travels", "headed", "left", "leaves", "depart", "departed", "departs"}
PLAIN_SPEECH = {"said", "says", "say", "told", "tells", "added", "adds", "stated", "insisted", "insists", "argued", "stressed", "maintained", "explained", "wrote", "writes", "noted"}
STOP_WORDS = {"stop", "stops", "stopped", "stopping", "halt", "halted", "halting", "cease", "ceased",
              "end", "ended", "ending", "suspend", "suspended", "neither", "not", "no", "never",
              "refrain", "avoid", "renounce", "abandon", "reduce", "pull", "withdraw"}
LIGHT_GAP_STOP = {",", ".", "towards", "toward", "to", "of", "for", "on", "in", "at", "with", "about",
                  "over", "no", "not", "without", "and", "or", "but", "that", "which", "by", "from"}
GERUND_PREPS = {"on", "of", "for", "about", "towards", "toward", "over", "in", "without", "against", "by", "from", "to", "at", "into"}
OBJECT_STOP = {",", ".", "and", "but", "while", "which", "who", "after", "following", "amid", "despite",
               "to", "in", "for", "at", "with", "into", "from", "during", "towards", "toward", "since"}
NEG_WORDS = {"not", "never", "no", "cannot", "nor", "neither", "without"}
NEG_ENDS = {"longer", "of", "from", "than"}
ROUND_WORDS = {"round", "rounds", "series", "resumption", "start", "end", "collapse", "failure", "postponement", "cancellation", "outcome", "venue", "date", "dates", "session", "sessions"}
TO_FUTURE = {"going", "set", "due", "is", "are", "was", "were", "plans", "plan", "planned", "has", "have", "had", "need", "needs", "likely", "expected", "poised", "about", "ready", "willing", "prepared", "scheduled", "slated", "planning", "preparing", "hoping", "unlikely"}
SUBORDINATORS = {"who", "which", "where", "whom", "whose", "when", "while", "as", "after", "before", "since", "because", "until", "although", "though", "if", "unless", "whereas", "once", "following", "amid", "despite", "than"}


def _subordinate(sw: SentenceWork, i: int) -> bool:
    """True when token i sits in a subordinate clause: a relative or adverbial clause
    opens between the clause start and i ("..., where 28 people were killed")."""
    keys = sw.keys
    for k in range(i - 1, max(sw.a, i - 15) - 1, -1):
        w = keys[k]
        if (w in PUNCT_HARD):
            return False
        if w in SUBORDINATORS:
            return True
        if w == "that" and k > sw.a and keys[k - 1] not in sw.rules.words.get("speech", ()) and keys[k - 1] not in sw.rules.words.get("say", ()) and keys[k - 1] not in ("adding", "agreed", "hinted", "indicated", "indicating", "noting", "stressing", "confirming"):
            if sw.doc.trig[k - 1] is None and k - 1 >= sw.a and keys[k - 1] not in ("so",):
                return True
    return False


def _find_candidates(sw: SentenceWork) -> list[Cand]:
    doc, keys, a, b = sw.doc, sw.keys, sw.a, sw.b
    words = sw.rules.words
    bg_words = words.get("background", frozenset())
    rel_words = words.get("relative", frozenset())
    cands: list[Cand] = []
    tp = doc.trig_pos
    x = bisect.bisect_left(tp, a)
    i = a
    while x < len(tp) and tp[x] < b and len(cands) < MAX_TRIGGERS_PER_SENTENCE:
        start = tp[x]
        x += 1
        if start < i:
            continue                   # inside a longer trigger just read
        j, phrase, trig = doc.trig[start]
        j = min(j, b)
        i = j
        if sw.in_attr(start):
            continue
        prev = keys[start - 1] if start > a else ""
        prev2 = keys[start - 2] if start - 1 > a else ""
        first = keys[start]
        if _names_an_office(doc, start, j):
            continue                   # "the finance ministry"
        pa = doc.cue_at.get("purpose")
        if pa and any(x < start < e for x, e in pa.items() if start - 3 <= x < start):
            continue                   # "in order to": part of a phrase of purpose
        if trig.pos == "v":
            if prev == "-":            # "US-brokered", "Syrian-backed"
                continue
            if prev in DETERMINERS and len(phrase) == 1 and first.endswith("ed"):
                continue               # "the banned outfit"
            if prev in ("when", "if") and first.endswith("ed"):
                continue               # "when asked"
            if first.endswith("ing") and prev in DETERMINERS:
                continue               # "the ruling party", "the ongoing talks"
            if first == "met" and (prev in BE or prev in ("been", "being")):
                continue               # "would be met with a response"
            if first.endswith("ed") and j < b and keys[j] == "by" and prev not in BE and prev not in AUX and prev not in PRONOUNS and prev not in (",", "and") and start > a:
                continue               # "a deal brokered by Qatar": says who, not a new deed
        if trig.pos == "n" and "without" in keys[max(a, start - 3):start] and doc.cue_in("status", max(a, start - 3), start) is not None and any(
            e > start for x, e in doc.cue_at["status"].items() if start - 3 <= x < start
        ):
            continue                   # "ended without agreement": a status, not an event
        if trig.pos == "n" and start > a and doc.body[doc.starts[start]].isupper() and prev not in (".", "\"", "“", ":"):
            continue                   # "Emergency Relief Coordinator", "Free Trade Agreement"
        pos = trig.pos
        if pos == "v" and j - start == 1 and first.endswith("ing") and (prev.endswith("'s") or prev == "s" or sw.party_at(start - 1)):
            pos = "n"                  # "Jordan's visiting king"
        if pos == "v" and j - start == 1 and (prev in NOUN_PRE or prev in DETERMINERS and not first.endswith("ed")):
            pos = "n"                  # "the demands", "any attack", "a new deal"
        c = Cand(start, j, trig, trig.type, 0, trig.rule, pos=pos)
        seg = sw.segment_start(start)
        lead = keys[seg] if seg < b else ""
        # clause kind of the segment
        in_if = doc.cue_in("cond", seg, start) is not None
        in_relative = lead in rel_words and seg > a
        purpose = False
        k = doc.cue_in("purpose", max(a, start - 12), start)
        if k is not None:
            pa = doc.cue_at["purpose"]
            purpose = any(pa[x] <= start for x in range(k, start) if x in pa)
        c.subordinate = _subordinate(sw, start)
        if first.endswith("ing") and prev == ",":
            c.subordinate = True       # ", calling for ...": a participle tells how, not a new deed
            c.notes.append("participle")
        if pos == "v":
            c.strength = 5
            if in_relative or purpose:
                c.strength = 3
            if prev == "to" and prev2 not in TO_FUTURE:
                c.strength = 3         # "to finance": the aim of another deed
                c.subordinate = True
            if "participle" in c.notes:
                c.strength = 3
            if first.endswith("ing") and prev in GERUND_PREPS:
                c.strength = 2         # "far apart on ending the war": a topic, not a deed
                c.subordinate = True
            # passive: "was attacked by", "have been killed"
            if prev in BE or (prev in ("been", "being") or prev2 in BE and prev in ("also", "reportedly", "allegedly", "then", "not")):
                if first.endswith(("ed", "en")) or first in ("shot", "struck", "held", "hit", "beaten", "seized", "sought", "met"):
                    c.passive = True
        else:
            light = False
            lights = doc.cue_at.get("light", {})
            for k in range(max(a, start - 5), start):
                e = lights.get(k)
                if e and e <= start and not any(keys[x] in LIGHT_GAP_STOP or (keys[x] in PUNCT_HARD) for x in range(e, start)):
                    light = True       # "held talks", "signed a deal" (not "made no progress towards a deal")
                    c.light_at = k
            after = False
            after_words = words.get("after", frozenset())
            after_at = doc.cue_at.get("after", {})
            status_at = doc.cue_at.get("status", {})
            for k in range(j, min(b, j + 8)):
                if k > j and doc.trig[k] and doc.trig[k][2].pos == "v":
                    break
                if keys[k] in (".",) or (keys[k] in PUNCT_HARD):
                    break
                if keys[k] in after_words or k in after_at or k in status_at:
                    after = True
                    break
            deed_after = j < b and keys[j] in ("reached", "agreed", "signed", "brokered", "announced", "held", "struck", "sealed", "declared", "mediated", "hosted", "concluded", "imposed", "carried", "launched")
            background = False
            for k in range(max(a, start - 4), start):
                if keys[k] in bg_words:
                    background = True
                if keys[k] in (",",) or (keys[k] in PUNCT_HARD):
                    background = False
            for k in range(max(a + 1, start - 4), start):
                if keys[k] == "of" and keys[k - 1] in ROUND_WORDS:
                    background = False
            if deed_after:
                c.subordinate = False  # "following a truce reached on October 30": reported
                c.notes.append("deed-after")
            if light or deed_after:
                c.strength = 4
            elif after and not background:
                c.strength = 4
            elif after:
                c.strength = 3
            elif not background:
                c.strength = 2
            else:
                c.strength = 1
            if purpose or in_relative:
                c.strength = min(c.strength, 2)
        if in_if:
            c.notes.append("if-clause")
            c.strength = 0
        cands.append(c)
    return cands


def _neg_before(sw: SentenceWork, i: int, span: int = 5) -> str | None:
    """'direct' when a negation governs token i through auxiliaries only, 'indirect' when a
    negation sits a few content words before it in the same clause, else None."""
    keys, doc = sw.keys, sw.doc
    content = 0
    for k in range(i - 1, max(sw.a, i - span) - 1, -1):
        w = keys[k]
        if w in (",", ".") or (w in PUNCT_HARD):
            return None
        if w in NEG_WORDS or w.endswith("n't"):
            return "direct" if content == 0 else "indirect"
        if w in NEG_ENDS and _cue_ending_at(doc, k + 1, "neg") is not None:
            return "direct" if content == 0 else "indirect"   # "no longer", "refrain from"
        if w not in AUX and w not in DETERMINERS:
            content += 1
    return None


def _modal_before(sw: SentenceWork, i: int) -> tuple[bool, bool]:
    """(future, hypothetical) markers governing token i through auxiliaries only."""
    keys = sw.keys
    future = hypo = False
    for k in range(i - 1, max(sw.a, i - 5) - 1, -1):
        w = keys[k]
        if w in ("will", "would", "shall") or w.endswith("'ll"):
            future = True
            break
        if w in ("could", "may", "might", "can"):
            hypo = True
            break
        if w in ("to",) and k - 1 >= sw.a and keys[k - 1] in ("going", "plans", "plan", "planned", "set", "due", "is", "are", "intends", "intend", "decided", "poised", "likely", "expected"):
            if keys[k - 1] in ("likely", "expected", "poised"):
                hypo = False
            future = True
            break
        if w not in AUX and w not in ("not", "never", "soon", "also", "again", "then", "first", "jointly", "immediately"):
            break
    return future, hypo


def _modal_after(sw: SentenceWork, j: int) -> tuple[bool, bool]:
    """(future, hypothetical) in the verb group after a noun: "talks will resume"."""
    keys = sw.keys
    for k in range(j, min(sw.b, j + 10)):
        w = keys[k]
        if (w in PUNCT_HARD) or w == ".":
            break
        if w in ("will", "would", "shall") or w.endswith("'ll"):
            return True, False
        if w in ("could", "may", "might"):
            return False, True
        if w == "to" and k > j and keys[k - 1] in ("set", "due", "poised", "going", "likely", "expected", "scheduled", "slated"):
            return keys[k - 1] not in ("likely", "expected", "poised"), keys[k - 1] in ("likely", "expected", "poised")
        if w in ("was", "were", "had", "has", "have", "is", "are"):
            break
    return False, False


def _apply_absorption(sw: SentenceWork, cands: list[Cand]):
    keys = sw.keys
    for n, c in enumerate(cands):
        if c.absorbed or not c.trig.opt("absorb"):
            continue
        # the complement: up to a hard break or a comma, at most 12 tokens
        end = min(sw.b, c.j + 12)
        for k in range(c.j, end):
            if (keys[k] in PUNCT_HARD) or keys[k] in (".",) or (keys[k] == "," and k > c.j + 1):
                end = k
                break
        for d in cands[n + 1:]:
            if d.i >= end:
                break
            if d.absorbed or d.i < c.j:
                continue
            if d.pos == "n" and any(keys[k] in ("at", "in", "during", "after", "before", "since", "following") for k in range(c.j, d.i)):
                continue               # "agreed at the Doha talks to ...": where, not what
            d.absorbed = True
            c.span_end = max(c.span_end, d.j)
            first = keys[c.i]
            if c.type == "REJECTION":
                if first.startswith("den") and d.type in MEETING_LIKE:
                    c.type, c.denied = d.type, True
                    c.rule = f"{d.rule}<denied:{c.trig.rule}"
                else:
                    c.rule = f"{c.trig.rule}>{d.rule}"
            elif c.type == "THREAT":
                c.rule = f"{c.trig.rule}>{d.rule}"
            elif c.type == "DEMAND":
                if d.type in ("TALKS", "VISIT", "MEDIATION") and any(c.j <= p.i < d.i for p in sw.parties) or d.type in ("TALKS", "VISIT") and sw.doc.cue_in("anaphora", c.j, d.i) is not None:
                    c.type = "MEDIATION"
                    c.demand_mediation = True
                    c.rule = f"urge-talks:{c.trig.rule}>{d.rule}"
                else:
                    c.rule = f"{c.trig.rule}>{d.rule}"
            elif c.type == "ACCUSATION":
                c.rule = f"{c.trig.rule}>{d.rule}"
            elif c.type == "AGREEMENT":
                if d.type in ("CEASEFIRE", "TALKS", "VISIT", "MEDIATION"):
                    offered = first.startswith(("offer", "propos", "willing", "ready", "prepared", "promis", "pledg"))
                    c.type = d.type
                    c.intent = "proposed" if offered else ("agreed-future" if d.type in ("TALKS", "VISIT") else None)
                    c.rule = f"{d.rule}<{c.trig.rule}"
                    if d.trig.opt("mode"):
                        c.notes.append("mode=" + d.trig.opt("mode"))
                elif d.type in HOSTILE_DEEDS and any(keys[k] in STOP_WORDS for k in range(c.j, d.i)):
                    # "agreed to stop all firing", "agreed that neither side would fire"
                    if d.type in ("ATTACK", "MOBILIZATION"):
                        c.type = "CEASEFIRE"
                        c.rule = f"stop:{c.trig.rule}>{d.rule}"
                    else:
                        c.rule = f"intent:{c.trig.rule}>stop-{d.rule}"
                elif d.type in HOSTILE_DEEDS:
                    c.type = "THREAT"
                    c.rule = f"intent:{c.trig.rule}>{d.rule}"
                else:
                    c.rule = f"intent:{c.trig.rule}>{d.rule}"
            # a second complement: "agreed to keep the truce and to meet again on Thursday"
            for e3 in cands[cands.index(d) + 1:]:
                if e3.i > c.j + 20 or e3.absorbed:
                    break
                if e3.i >= 2 and keys[e3.i - 1] == "to" and keys[e3.i - 2] == "and" and e3.pos == "v":
                    e3.subordinate = False
                    e3.strength = 5
                    if c.type in ("AGREEMENT", "CEASEFIRE", "TALKS") and e3.type in ("TALKS", "VISIT"):
                        e3.intent = c.intent or "agreed-future"
                    e3.notes.append("coordinated-complement")
                    break
            # nouns joined to the one taken over ("a ceasefire and the release of hostages")
            last = d.j
            for e2 in cands[cands.index(d) + 1:]:
                if e2.absorbed or e2.pos != "n" or e2.i > last + 5:
                    break
                gap = keys[last:e2.i]
                if not gap or gap[0] not in ("and", ",") or any(w in PUNCT_HARD or w == "." for w in gap):
                    break
                e2.absorbed = True
                last = e2.j
                c.span_end = max(c.span_end, e2.j)
            break


def _absorb_objects(sw: SentenceWork, cands: list[Cand]):
    """A noun trigger in the object of a verb trigger is part of that verb's event:
    "rejected the demands", "welcomed the agreement", "accused X of attacks"."""
    keys = sw.keys
    for n, c in enumerate(cands):
        if c.absorbed or c.pos != "v":
            continue
        end = min(sw.b, max(c.j, c.span_end) + 7)
        for d in cands[n + 1:]:
            if d.i >= end:
                break
            if d.absorbed:
                continue
            if d.pos != "n":
                pk = keys[d.i - 1]
                if pk in AUX or pk in PRONOUNS or pk in ("and", "or", "to", ",") or sw.party_at(d.i - 1) or d.j - d.i > 1:
                    continue
            same_deal = d.type == "AGREEMENT" and c.type in ("AGREEMENT", "CEASEFIRE")   # "a truce in a deal"
            stops = OBJECT_STOP - {"in", "under", "as"} if same_deal else OBJECT_STOP
            if any((keys[k] in PUNCT_HARD) or keys[k] in stops for k in range(max(c.j, c.span_end), d.i)):
                break
            d.absorbed = True
            c.span_end = max(c.span_end, d.j)
            if c.type == "AGREEMENT" and d.type == "CEASEFIRE":
                c.type = "CEASEFIRE"
                c.rule = f"{d.rule}<{c.rule}"


def _modality(sw: SentenceWork, c: Cand) -> bool:
    """Apply negation and modality; False drops the candidate."""
    keys = sw.keys
    info = sw.rules.types[c.type]
    neg = _neg_before(sw, c.i if c.light_at is None else c.light_at)
    if c.pos == "n" and neg is None and c.light_at is None:
        neg = _neg_before(sw, c.i, span=6)
        if neg == "direct":
            neg = "indirect"
    if neg == "indirect":
        c.notes.append("negated-governor")
        return False
    if neg == "direct":
        if c.pos == "n" and c.light_at is None:
            return False
        if c.type in COOP_DEEDS or c.type in MEETING_LIKE:
            c.notes.append(f"negated:{keys[c.i]}")
            c.rule = f"negated:{c.rule}"
            c.type = "REJECTION"
            c.negated = True
            return True
        return False
    future, hypo = _modal_before(sw, c.i if c.light_at is None else c.light_at)
    if c.pos == "n" and not (future or hypo) and c.light_at is None:
        future, hypo = _modal_after(sw, c.j)
    if sw.speech_end is not None and not future and c.i >= sw.speech_end:
        # "Turkey said it would allow ..." is caught above; "X says it is willing" by the trigger
        pass
    c.future, c.hypothetical = future, hypo
    # "X will withdraw ... unless Y ..." / "if Y ...": a conditional threat
    cond_after = False
    k = sw.doc.cue_in("cond", c.j + 1, min(sw.b, c.j + 25))
    if k is not None and keys[k] in ("unless", "if"):
        cond_after = True
    c.cond_after = cond_after
    verbal = c.pos == "v" or c.light_at is not None
    if verbal and c.type in HOSTILE_DEEDS and (future or cond_after and not c.passive):
        if future:
            c.rule = f"intent:will>{c.rule}"
            c.type = "THREAT"
            return True
    if verbal and c.type in COOP_DEEDS and future:
        if cond_after and c.type in ("RETREAT", "AID"):
            c.rule = f"conditional:will>{c.rule}"
            c.type = "THREAT"
        else:
            c.rule = f"intent:will>{c.rule}"
            c.type = "AGREEMENT"
            c.intent = "pledged"
        return True
    if hypo and c.type in (COOP_DEEDS | HOSTILE_DEEDS) and c.pos == "v":
        c.notes.append("hypothetical")
        return False
    return info is not None


def _group_before(sw: SentenceWork, k: int) -> list[PartyRef]:
    """Parties listed right before token k, over a few linking words: 'X and Y (are) mediating'."""
    keys = sw.keys

    def covering(i: int) -> PartyRef | None:
        for p in sw.parties:
            if p.i <= i < p.j:
                return p
        return None

    out: list[PartyRef] = []
    i = k - 1
    skipped = 0
    while i >= sw.a and covering(i) is None:
        if keys[i] not in MEDIATING_LINKS or skipped >= 4:
            return []
        skipped += 1
        i -= 1
    while i >= sw.a:
        p = covering(i)
        if p is not None:
            if p not in out:
                out.append(p)
            i = p.i - 1
            continue
        if keys[i] in ("and", ",", "&", "the") and out:
            i -= 1
            continue
        break
    return list(reversed(out))


def _group_after(sw: SentenceWork, i: int, limit: int = 8) -> list[PartyRef]:
    """Parties listed right after token i: 'X', 'X and Y', 'X, Y and Z'."""
    out: list[PartyRef] = []
    keys = sw.keys
    k = i
    gap = 0
    end = min(sw.b, i + limit + 10)
    while k < end:
        p = sw.party_at(k)
        if p:
            out.append(p)
            k = p.j
            gap = 0
            continue
        w = keys[k]
        if out and w not in ("and", ",", "&", "or", "the", "its", "their", "of"):
            break
        if (w in PUNCT_HARD) or w == ".":
            break
        gap += 1
        if gap > limit:
            break
        k += 1
    return out


JOINERS = {"and", ",", "&", "-", "of", "the", "'s", "s", "'", "or", "both", "its", "their", "well", "as", "along", "with"}


def _first_group(sw: SentenceWork, ps: list[PartyRef], skip_orgs: bool = False) -> list[PartyRef]:
    """The first run of parties joined by "and", commas or possessives ("Hungarian and
    Romanian officials", "Iran, Libya and Sudan"); with skip_orgs, an organisation-only
    first run ("to the United Nations over Israeli raids") lets the next run in too."""
    if not ps:
        return ps
    keys = sw.keys
    groups: list[list[PartyRef]] = [[ps[0]]]
    for p in ps[1:]:
        prev = groups[-1][-1]
        gap = [keys[k] for k in range(prev.j, p.i)]
        if len(gap) <= 1 or all(w in JOINERS for w in gap) and len(gap) <= 4:
            groups[-1].append(p)
        else:
            groups.append([p])
    out = groups[0]
    if skip_orgs and len(groups) > 1 and all(p.kind == "org" for p in out):
        out = out + groups[1]
    return out


def _assign_parties(sw: SentenceWork, c: Cand, others: list[Cand]):
    keys = sw.keys
    doc = sw.doc
    a, b = sw.a, sw.b
    # actor window: from the clause start to the trigger
    lo = sw.lead_start
    if sw.speech_end is not None and c.i >= sw.speech_end:
        lo = sw.speech_end
    actor_lo = lo
    # recipient window: after the trigger (or the complement it took over) to the clause end
    r_from = max(c.j, c.span_end)
    r_to = min(b, r_from + 18)
    rel_words = sw.rules.words.get("relative", frozenset())
    verb_at = sw.verb_at(others)
    purpose_at = doc.cue_at.get("purpose", {})
    for k in range(r_from, r_to):
        w = keys[k]
        if (w in PUNCT_HARD) or w == ".":
            r_to = k
            break
        if sw.in_attr(k):
            r_to = k
            break
        if w == "," and not (sw.party_at(k - 1) and (sw.party_at(k + 1) or k + 1 < b and keys[k + 1] in ("and",))):
            r_to = k                   # a comma ends the object unless it lists parties
            break
        if w in rel_words and k > r_from and w not in ("that", "as"):
            r_to = k
            break
        if w in ("after", "because", "despite", "amid", "following", "since", "saying", "adding", "while", "unless", "if", "before", "when"):
            r_to = k
            break
        if k in purpose_at and c.pos == "v" and k > r_from + 1:
            r_to = k
            break
        # the next verb event starts its own clause
        o = verb_at.get(k)
        if o is not None and o is not c:
            r_to = k
            break
    a_end = c.i if c.light_at is None else c.light_at
    for k in range(a_end - 1, actor_lo - 1, -1):
        if keys[k] in PUNCT_HARD:
            actor_lo = k + 1           # "... had not changed: Kabul must act"
            break
    actors = [p for p in sw.parties if actor_lo <= p.i < a_end and not sw.in_attr(p.i) and not sw.in_appositive(p.i)]
    # drop actor-side parties that belong to an earlier event's object in a coordinated clause
    for o in others:
        if o is c or o.absorbed or o.i >= c.i or o.pos != "v" or o.strength < 5:
            continue
        actors = [p for p in actors if p.i < o.i]
    actors = _first_group(sw, actors)
    r_start = c.j if c.light_at is None else c.light_at + 1
    recips = [p for p in sw.parties if r_start <= p.i < r_to and not sw.in_attr(p.i)]
    recips = _first_group(sw, recips, skip_orgs=True)
    mediators: list[PartyRef] = list(sw.mediator_parties())
    # the subject urges others to talk, or mediates: it is the mediator
    if c.demand_mediation or c.trig.opt("frame") == "third":
        subj = actors or (sw.speaker if sw.speech_end is not None else [])
        mediators += subj
        actors = recips
        recips = []
    # "X said Y must ..."
    if c.trig.opt("frame") == "must":
        if sw.speaker:
            recips = actors
            actors = list(sw.speaker)
        else:
            # "Chirac issued a reminder to Iraq that it must ...": the first party acts, the
            # one nearest before "must" receives
            before = [p for p in sw.parties if actor_lo <= p.i < c.i and not sw.in_attr(p.i)]
            first = _first_group(sw, before)
            rest = [p for p in before if p not in first]
            if rest:
                actors, recips = first, [rest[-1]]
            else:
                recips, actors = first, []
    # passive: the subject receives, the "by" phrase acts
    if c.passive:
        actors, recips = recips, actors
    # "threatened to strike unless Israel ...": the condition names the target
    if c.type == "THREAT" and not recips:
        for k in range(r_to, min(b, r_to + 6)):
            if keys[k] in ("unless", "if"):
                grp = _group_after(sw, k + 1, limit=4)
                recips = [p for p in grp if p not in actors]
                break
    # "a delegation led by X": X acts
    for k in range(r_from, min(b, r_from + 6)):
        if keys[k] in ("led", "headed", "comprising", "including") and k + 1 < b and keys[k + 1] in ("by",):
            grp = _group_after(sw, k + 2, limit=5)
            actors = actors + [p for p in grp if p not in actors]
            recips = [p for p in recips if p not in grp]
    # a visit's destination: "arrived in Kabul", "is in Kabul", "to Delhi"
    if c.type == "VISIT":
        dest = [p for p in sw.parties if r_from <= p.i < min(b, r_from + 20) and p.i > a + 1 and keys[p.i - 1] in ("in", "to", "for", "at") and (p.i - r_from <= 3 or keys[p.i - 2] in PRESENCE) and not sw.in_attr(p.i) and p not in actors]
        if dest:
            recips = _first_group(sw, dest)
        elif not (c.pos == "v" and recips and recips[0].i <= r_from + 2):
            recips = []
    # an anaphor in the subject ("both countries had agreed") names the article's pair,
    # not the speaker
    anaphor_subject = doc.cue_in("anaphora", lo, c.i) is not None
    # pronoun or missing subject after "X said": the speaker acts
    if not actors and sw.speaker and c.i >= (sw.speech_end or b) and not anaphor_subject:
        actors = list(sw.speaker)
    if not recips and sw.addressee and c.i >= (sw.speech_end or b):
        recips = list(sw.addressee)
    if not actors and not recips and not mediators and not anaphor_subject and c.strength >= 3:
        # nothing in reach: the parties the sentence names for it ("After contacts between
        # X and Y, the talks are likely ...")
        rest = [p for p in sw.parties if not sw.in_attr(p.i) and not sw.in_appositive(p.i)]
        actors = _first_group(sw, rest)
        if actors:
            c.notes.append("sentence-parties")
    if not actors and recips and (c.trig.opt("sym") or c.type in SYMMETRIC) and not c.passive:
        actors, recips = recips, []
    c.own_parties = bool(actors or recips) or (anaphor_subject and c.strength >= 3)
    med_codes = {m.code for m in mediators}
    actors = [p for p in actors if p.code not in med_codes]
    recips = [p for p in recips if p.code not in med_codes]
    # places that are venues, not parties, of meetings: "talks in Doha"
    if c.type in MEETING_LIKE and c.type != "VISIT":
        def venue(p: PartyRef) -> bool:
            if p.kind not in ("capital", "territory", "city", "place"):
                return False
            if p.i > a and keys[p.i - 1] in ("in", "at"):
                return True            # "talks in Doha", "a ceasefire in Gaza"
            return bool(doc.trig[p.j]) if p.j < b else False   # "the Doha talks"
        actors = [p for p in actors if not venue(p)]
        recips = [p for p in recips if not venue(p)]
        # a country after "in"/"at" hosting two others is the venue: "talks in Oman"
        def hosts(p: PartyRef) -> bool:
            return p.kind == "country" and p.i > a and keys[p.i - 1] in ("in", "at") and len({q.code for q in actors + recips} - {p.code}) >= 2
        if any(hosts(p) for p in actors + recips):
            actors = [p for p in actors if not hosts(p)]
            recips = [p for p in recips if not hosts(p)]
    c.actors, c.recipients, c.mediators = actors, recips, mediators


def _codes(ps: list[PartyRef]) -> list[str]:
    out: list[str] = []
    for p in ps:
        if p.code and p.code not in out:
            out.append(p.code)
    return out


def _dyad(actors: list[str], recipients: list[str]) -> str | None:
    first = actors[0] if actors else None
    other = None
    for r in recipients:
        if r != first:
            other = r
            break
    if first and other:
        return "-".join(sorted((first, other)))
    pool = []
    for x in actors + recipients:
        if x not in pool:
            pool.append(x)
    if len(pool) >= 2:
        return "-".join(sorted(pool[:2]))
    return None


def _location(sw: SentenceWork, c: Cand) -> str | None:
    keys = sw.keys
    body, starts = sw.doc.body, sw.doc.starts
    preps = ("in", "at", "to", "for") if c.type == "VISIT" else ("in", "at")
    lo, hi = max(sw.a, c.i - 25), min(sw.b - 1, c.j + 25)
    # a place follows "in"/"at" as a capitalised word: look for one before asking the gazetteer
    if not any(keys[k] in preps and body[starts[k + 1]].isupper() for k in range(lo, hi)):
        return None
    best = None
    best_d = 10 ** 9
    for pl in sw.places.places():
        pi, name, is_country = pl
        if pi <= sw.a or keys[pi - 1] not in ("in", "at", "to", "for") or sw.in_attr(pi):
            continue
        if keys[pi - 1] in ("to", "for") and c.type != "VISIT":
            continue
        d = abs(pi - c.i) + (8 if is_country else 0)   # "in Tianjin" says more than "in China"
        if d < best_d and d <= 25:
            best, best_d = name, d
    return best


def _anaphora(sw: SentenceWork) -> bool:
    return sw.doc.cue_in("anaphora", sw.a, sw.b) is not None


# ----------------------------------------------------------------------------- article


@dataclass
class ArticleContext:
    main_pair: tuple[str, str] | None
    last_pair: tuple[str, str] | None = None
    last_date: str | None = None      # the last date resolved in the article ("the next day")


def _main_pair(parties: list[PartyRef], bounds: list[int] | None = None) -> tuple[str, str] | None:
    """The article's two main parties: the pair named together in the most sentences
    (bounds: token index where each sentence starts), else the two most named."""
    cnt = Counter()
    first: dict[str, int] = {}
    for n, p in enumerate(parties):
        if p.kind in ("org",) and p.code in ("UNO",):
            continue
        cnt[p.code] += 1
        first.setdefault(p.code, n)
    if len(cnt) < 2:
        return None
    if bounds:
        pairs = Counter()
        by_sent: dict[int, set] = {}
        for p in parties:
            if p.code in cnt:
                by_sent.setdefault(bisect.bisect_right(bounds, p.i), set()).add(p.code)
        for codes in by_sent.values():
            cs = sorted(codes)
            if len(cs) > 6:
                continue
            for x in range(len(cs)):
                for y in range(x + 1, len(cs)):
                    pairs[(cs[x], cs[y])] += 1
        if pairs:
            best = max(pairs, key=lambda pr: (pairs[pr], cnt[pr[0]] + cnt[pr[1]], -min(first[pr[0]], first[pr[1]])))
            if pairs[best] >= 2 or len(pairs) == 1:
                return best
    top = sorted(cnt, key=lambda c: (-cnt[c], first[c]))[:2]
    return (top[0], top[1])


def extract_events(body: str, sentences, mentions, places_fn, dates_fn, ref, resolve_fn) -> list[Event]:
    """Events of one body.

    sentences: [(start, end)]; mentions: parties found in the body (offsets into it);
    places_fn(text) -> [Place] and dates_fn(text, base) -> [DateMention] are called only
    for the sentences that hold an event; resolve_fn(mention, ref, tense[, anchor]).
    """
    rules = load()
    doc = tokenize(body, rules)
    starts = doc.starts
    n = len(starts)
    # parties as token ranges
    prefs: list[PartyRef] = []
    for m in mentions:
        i = bisect.bisect_left(starts, m.start)
        j = bisect.bisect_left(starts, m.end)
        if i >= n or j <= i:
            continue
        if i > 1 and doc.keys[i - 1] == "-" and doc.keys[i - 2] in ("pro", "anti", "non"):
            continue                   # "pro-Iranian", "anti-Pakistan": not a party
        if _dateline(body, m.start, m.end):
            continue                   # "DOHA: ..." names where the report was filed
        tail = body[m.end:m.end + 2]
        poss = tail in ("'s", "’s") or doc.keys[j - 1].endswith(("'s", "'"))
        if poss and j < n and doc.keys[j] in ("s",):
            j += 1
        prefs.append(PartyRef(i, j, m.code, m.kind, m.text, m.start, m.end, poss))
    bounds = sorted(bisect.bisect_left(starts, s0) for s0, _ in sentences)
    ctx = ArticleContext(_main_pair(prefs, bounds))
    finds = _ArticleFinds(doc, places_fn, dates_fn)
    events: list[Event] = []
    p_starts = [p.i for p in prefs]
    for (s_start, s_end) in sentences:
        a = bisect.bisect_left(starts, s_start)
        b = bisect.bisect_left(starts, s_end)
        if b <= a:
            continue
        # very long "sentences" (no punctuation) are read in windows
        win = a
        while win < b:
            wb = min(b, win + MAX_SENTENCE_TOKENS)
            lo = bisect.bisect_left(p_starts, win)
            hi = bisect.bisect_left(p_starts, wb)
            sparties = [p for p in prefs[lo:hi] if p.j <= wb]
            lazy = _Lazy(finds, win, wb, sparties)
            try:
                events += _sentence_events(doc, win, wb, s_start, s_end, sparties, lazy, rules, ctx, ref, resolve_fn)
            except Exception:  # one odd sentence never costs the article
                pass
            win = wb
    try:
        _article_pass(events, ctx.main_pair, len(sentences))
        events = _merge_repeats(events)
    except Exception:
        pass
    return events


class _ArticleFinds:
    """Places and dates of the whole body, found once, on the first sentence that needs them."""

    def __init__(self, doc: Doc, places_fn, dates_fn):
        self.doc = doc
        self.places_fn, self.dates_fn = places_fn, dates_fn
        self._places = None
        self._dates = None

    def places(self) -> tuple[list[int], list[tuple[int, str]]]:
        if self._places is None:
            try:
                found = self.places_fn(self.doc.body) if self.places_fn else []
            except Exception:
                found = []
            starts = self.doc.starts
            out = sorted((bisect.bisect_left(starts, p.start), getattr(p, "name", None) or p.text) for p in found)
            self._places = ([x[0] for x in out], out)
        return self._places

    def dates(self) -> tuple[list[int], list]:
        if self._dates is None:
            try:
                found = self.dates_fn(self.doc.body, 0) if self.dates_fn else []
            except Exception:
                found = []
            starts = self.doc.starts
            out = sorted(((bisect.bisect_left(starts, d.start), d) for d in found), key=lambda x: x[0])
            self._dates = ([x[0] for x in out], out)
        return self._dates


class _Lazy:
    """Places and dates of one sentence window, taken from the article's on demand."""

    def __init__(self, finds: _ArticleFinds, a: int, b: int, parties):
        self.finds, self.a, self.b = finds, a, b
        self.parties = parties

    def places(self) -> list[tuple[int, str]]:
        ks, out = self.finds.places()
        lo = bisect.bisect_left(ks, self.a)
        hi = bisect.bisect_left(ks, self.b)
        res = [(i, name, False) for i, name in out[lo:hi]]
        res += [(p.i, p.text, p.kind == "country") for p in self.parties if p.kind in ("capital", "territory", "country")]
        res.sort()
        return res

    def dates(self) -> list:
        ks, out = self.finds.dates()
        lo = bisect.bisect_left(ks, self.a)
        hi = bisect.bisect_left(ks, self.b)
        return out[lo:hi]


def _upcoming(c: Cand) -> bool:
    return bool(c.future or c.hypothetical or c.intent in ("agreed-future", "proposed"))


def _sentence_events(doc, a, b, s_start, s_end, parties, lazy, rules, ctx, ref, resolve_fn) -> list[Event]:
    tp = doc.trig_pos
    x = bisect.bisect_left(tp, a)
    if x >= len(tp) or tp[x] >= b:
        return []
    if not parties and doc.cue_in("anaphora", a, b) is None:
        return []                      # nobody to act or receive: no event
    sw = SentenceWork(doc, a, b, parties, lazy, rules)
    cands = _find_candidates(sw)
    if not cands:
        return []
    _apply_absorption(sw, cands)
    _absorb_objects(sw, cands)
    live = [c for c in cands if not c.absorbed and c.strength > 1]
    kept: list[Cand] = []
    for c in live:
        if _modality(sw, c):
            kept.append(c)
    if not kept:
        return []
    anaphora = None
    # choose: strongest first, then earliest; parties only for the ones looked at
    by_pos = sorted(kept, key=lambda c: c.i)
    kept.sort(key=lambda c: (-c.strength, c.i))
    chosen: list[Cand] = []
    for n_seen, c in enumerate(kept):
        if len(chosen) >= MAX_EVENTS_PER_SENTENCE or n_seen >= 12:
            break
        _assign_parties(sw, c, by_pos)
        if c.pos == "n" and c.strength <= 2 and not c.own_parties:
            continue                   # a bare "talks" with no parties in reach
        if not chosen:
            chosen.append(c)
            continue
        if c.strength < 4 or not c.own_parties or c.subordinate:
            continue
        # a second deed in the sentence names a party in its own clause
        seg = sw.segment_start(c.i)
        if seg > chosen[0].j and "deed-after" not in c.notes and not any(seg <= p.i < min(sw.b, c.j + 12) for p in sw.parties) and sw.doc.cue_in("anaphora", seg, c.j + 12) is None:
            continue
        if c.pos == "n" and c.strength < 4:
            continue
        if any(x.type == c.type and _upcoming(x) == _upcoming(c) for x in chosen):
            continue
        chosen.append(c)
    if not chosen:
        return []
    dates = lazy.dates()
    keys_ = doc.keys
    out: list[Event] = []
    seen: set = set()
    chosen.sort(key=lambda c: c.i)
    # dates: each date mention goes to the nearest chosen trigger
    by_cand: dict[int, list] = {}
    said_on = None                     # the date the sentence's source spoke
    for di, d in dates:
        if d.month is None and d.day is None and d.year is not None and d.kind != "relative":
            if not (di > sw.a and keys_[di - 1] in ("in", "since", "until", "by", "from", "during", "of", "early", "late", "mid")):
                continue               # "the 2020 Doha Agreement": a name, not a date
        if sw.in_attr(di) or sw.speech_end is not None and sw.lead_start <= di < sw.speech_end:
            said_on = said_on or d     # "..., the ministry said on Thursday": the statement's date
            continue
        def dist(c, di=di):
            lo_, hi_ = (c.j, di) if di >= c.j else (di, c.i)
            breaks = sum(1 for k in range(lo_, hi_) if keys_[k] == "," or keys_[k] in PUNCT_HARD)
            return min(abs(di - c.i), abs(di - c.j)) + 10 * breaks
        best = min(chosen, key=dist)
        by_cand.setdefault(id(best), []).append((dist(best), d))
    keys_ = doc.keys
    date_toks: set[int] = set()
    for di, d in dates:
        dj = bisect.bisect_left(doc.starts, d.end, di)
        date_toks.update(range(di, max(dj, di + 1)))
    for c in chosen:
        actors = _codes(c.actors)
        recips = _codes(c.recipients)
        meds = _codes(c.mediators)
        rule = c.rule
        if len(set(actors) | set(recips)) < 2 and c.type in (MEETING_LIKE | {"DEMAND", "ACCUSATION", "REJECTION", "THREAT", "ATTACK", "SANCTION"}):
            if anaphora is None:
                anaphora = _anaphora(sw)
            pair = ctx.main_pair or ctx.last_pair
            if anaphora and pair:
                k_ana = sw.doc.cue_in("anaphora", sw.a, sw.b)
                into = recips if (actors and k_ana is not None and k_ana > c.i) else actors
                for code in pair:
                    if code not in actors and code not in recips and code not in meds:
                        into.append(code)
                rule += "+anaphora"
        if not actors and not recips and not meds:
            continue
        info = rules.types[c.type]
        trig_same = c.type == c.trig.type
        plover = (c.trig.opt("plover") if trig_same else None) or info.plover
        cameo = (c.trig.opt("cameo") if trig_same else None) or info.cameo
        gs = float(c.trig.opt("gs")) if trig_same and c.trig.opt("gs") else info.goldstein
        mode = info.plover_mode
        if trig_same and c.trig.opt("mode"):
            mode = c.trig.opt("mode")
        for note in c.notes:
            if note.startswith("mode="):
                mode = note[5:]
        if c.type == "TALKS" and not mode:
            if meds:
                mode = "third-party"
            elif len(set(actors) | set(recips)) > 2:
                mode = "multilateral"
        if c.type == "AGREEMENT" and c.intent is None and c.trig.rule == "sign":
            pass
        # status
        cues = set()
        lo = max(sw.a, c.i - 8)
        hi = min(sw.b, max(c.j, c.span_end) + (16 if c.pos == "n" else 4))
        for o in chosen:
            if o.i > c.j and o.i < hi:
                hi = o.i
        skip_lo = skip_hi = -1
        if c.pos == "n" and c.j < sw.b and keys_[c.j] == ",":
            for k in range(c.j + 1, min(sw.b, c.j + 12)):
                if keys_[k] == ",":
                    skip_lo, skip_hi = c.j, k   # ", initially set for noon,": an aside
                    break
        srt = doc._sorted.get("status")
        if srt is None:
            doc.cue_in("status", 0, 0)
            srt = doc._sorted["status"]
        x = bisect.bisect_left(srt, lo)
        while x < len(srt) and srt[x] < hi:
            k = srt[x]
            x += 1
            if not sw.in_attr(k) and k not in date_toks and not skip_lo < k < skip_hi:
                for _, cue in doc.cues[k]:
                    if cue.kind == "status":
                        cues.add(cue.value)
        if c.pos == "v" and c.i > sw.a and keys_[c.i - 1] in ("is", "are", "am") and keys_[c.i].endswith("ing"):
            cues.add("ongoing")
        ds = sorted(by_cand.get(id(c), []), key=lambda x: (x[1].month is None and x[1].day is None, x[0]))
        has_date = bool(ds)
        if c.denied:
            st, why = "denied", "cue=denied"
        elif c.demand_mediation:
            st, why = "held", "urged"
        elif c.type == "AGREEMENT" and c.intent == "pledged":
            st, why = "held", "pledge"
        else:
            cls = info.cls
            st, why = status_mod.decide(
                cls, cues, future=c.future, hypothetical=c.hypothetical, has_date=has_date,
                intent=c.intent,
            )
            if cls in ("coop", "hostile") and st in ("cancelled", "deferred", "denied") and c.type not in ("CEASEFIRE",):
                st, why = "held", "default=past"
        # one event per type and dyad; a meeting held and the next one agreed are two
        key = (c.type, _dyad(actors, recips) or ",".join(actors + recips), st in ("scheduled", "expected", "proposed"))
        if key in seen:
            continue
        seen.add(key)
        ev = Event(
            type=c.type,
            status=st,
            sentence=doc.body[s_start:s_end],
            start=s_start,
            end=s_end,
            actors=actors,
            recipients=recips,
            mediators=[m for m in meds if m not in actors and m not in recips],
            dyad=_dyad(actors, recips),
            plover=plover,
            plover_mode=mode,
            cameo=cameo,
            goldstein=gs,
            location=_location(sw, c),
            attribution=clean_attribution(sw.attribution),
            rule=f"{c.type}/{st}:{rule}+{why}",
            trigger=doc.text(c.i, c.j),
            trigger_start=doc.starts[c.i],
            trigger_end=doc.ends[c.j - 1],
        )
        if ds:
            _set_date(ev, ds[0][1], ref, resolve_fn, ctx.last_date)
            if ev.date:
                ctx.last_date = ev.date
        elif said_on is not None and st in ("held", "ongoing"):
            # a deed reported without a date of its own is dated to the day it was announced
            _set_date(ev, said_on, ref, resolve_fn, ctx.last_date)
            if ev.date:
                ev.date_how = f"announced {said_on.text!r}: {ev.date_how}"
        elif info.cls == "speech" and st == "held" and ref is not None and getattr(ref, "day", None):
            # a statement reported without a date of its own is dated to the report
            try:
                ev.date = ref.iso()
                ev.date_precision = ref.precision
                ev.date_source = "published"
                ev.date_how = f"statement reported without a date: the article's date ({ev.date})"
            except Exception:
                pass
        if ds:
            if st == "held" and why == "default=past" and _is_future(ev, ds[0][1], ref):
                ev.status = "scheduled"
                ev.rule = ev.rule.replace("/held:", "/scheduled:").replace("default=past", "date-ahead")
        out.append(ev)
        if ev.dyad and c.type in MEETING_LIKE and "+anaphora" not in rule:
            ctx.last_pair = tuple(ev.dyad.split("-", 1))
    return out


def _is_future(ev: Event, mention, ref) -> bool:
    """The event's date lies after the reference date ("talks in Istanbul tomorrow")."""
    if getattr(mention, "kind", None) == "relative":
        dd = getattr(mention, "delta_days", None)
        rn = getattr(mention, "rel_n", None)
        return (dd is not None and dd > 0) or (dd is None and rn is not None and rn > 0)
    try:
        pub = ref.iso() if ref is not None else None
    except Exception:
        pub = None
    if not pub or not ev.date:
        return False
    n = min(len(pub), len(ev.date))
    if pub.startswith("--") != ev.date.startswith("--"):
        return False
    return ev.date[:n] > pub[:n]


def _set_date(ev: Event, mention, ref, resolve_fn, anchor: str | None = None) -> None:
    try:
        if getattr(mention, "anchor", "ref") == "previous" and anchor:
            r = resolve_fn(mention, ref, status_mod.tense_of(ev.status), anchor)
        else:
            r = resolve_fn(mention, ref, status_mod.tense_of(ev.status))
    except Exception:
        return
    if r is None:
        return
    if not getattr(r, "value", None):
        ev.date_text = mention.text
        ev.date_how = r.how
        return
    ev.date = r.value
    ev.date_precision = r.precision
    ev.date_source = r.source
    ev.date_text = mention.text
    ev.date_how = r.how


def _merge_repeats(events: list[Event]) -> list[Event]:
    """One upcoming meeting told twice in an article ("the next round of talks" ... "the
    talks will resume on November 6") is one event: the mention with the date stays and
    takes the other's place and mediators."""
    out: list[Event] = []
    upcoming = ("scheduled", "expected")
    for e in events:
        if e.type in ("TALKS", "VISIT") and e.dyad and e.status in upcoming:
            twin = None
            for o in out:
                if o.type == e.type and o.dyad == e.dyad and o.status in upcoming and (
                    not o.date or not e.date or o.date == e.date
                ):
                    twin = o
                    break
            if twin is not None:
                keep, drop = (e, twin) if (e.date and not twin.date) else (twin, e)
                keep.location = keep.location or drop.location
                for m in drop.mediators:
                    if m not in keep.mediators:
                        keep.mediators.append(m)
                keep.rule += "+merged-repeat"
                if keep is e:
                    out[out.index(twin)] = e
                continue
        out.append(e)
    return out


def _article_pass(events: list[Event], main_pair=None, n_sentences: int = 1) -> None:
    """Within one article, the talks of one dyad share their mediators, and upcoming talks
    share their venue: "Qatar and Türkiye are mediating" two sentences after "talks in
    Istanbul tomorrow" makes them the mediators of those talks."""
    meds: dict[str, list[str]] = {}
    venue: dict[str, str] = {}
    if main_pair:
        for e in events:
            if e.dyad or (e.type not in ("TALKS", "VISIT", "MEDIATION", "CEASEFIRE") and n_sentences < 3):
                continue
            codes = set(e.actors) | set(e.recipients)
            if e.actors and e.recipients:
                continue
            if len(codes) == 1 and next(iter(codes)) in main_pair:
                other = main_pair[1] if main_pair[0] in codes else main_pair[0]
                if other in e.mediators:
                    continue
                if e.actors and e.type != "VISIT" or e.recipients and e.type == "VISIT":
                    e.recipients = e.recipients + [other] if e.type != "VISIT" else e.recipients
                    if e.type == "VISIT":
                        e.actors = e.actors + [other]
                    elif other not in e.recipients:
                        e.recipients.append(other)
                else:
                    if e.type == "VISIT":
                        e.actors = e.actors + [other]
                    else:
                        e.actors = e.actors + [other]
                e.dyad = "-".join(sorted((main_pair[0], main_pair[1])))
                e.rule += "+article-dyad"
    for e in events:
        if not e.dyad:
            continue
        if e.type in ("TALKS", "MEDIATION", "CEASEFIRE", "AGREEMENT") and e.mediators:
            lst = meds.setdefault(e.dyad, [])
            for m in e.mediators:
                if m not in lst:
                    lst.append(m)
        if e.type in ("TALKS", "VISIT") and e.location and e.status in ("scheduled", "expected", "ongoing", "resumed", "held"):
            if e.type == "VISIT" or e.status != "held":
                venue.setdefault(e.dyad, e.location)
    for e in events:
        if e.type != "TALKS" or not e.dyad:
            continue
        if not e.mediators and e.dyad in meds:
            parties = set(e.actors) | set(e.recipients)
            e.mediators = [m for m in meds[e.dyad] if m not in parties]
            if e.mediators:
                e.rule += "+article-mediators"
                if not e.plover_mode:
                    e.plover_mode = "third-party"
        if not e.location and e.dyad in venue and e.status in ("scheduled", "expected", "ongoing", "resumed"):
            e.location = venue[e.dyad]
            e.rule += "+article-venue"
