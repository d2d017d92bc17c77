"""The structure of one sentence, in token indices: attribution ("..., the ministry said"),
a leading "X said (that)", appositives, clause segments, subordinate clauses, negation and
modality before a trigger, and lists of parties ("X, Y and Z").
"""
from __future__ import annotations

import bisect
import re

from talkwatch.extract.rules import Rules
from talkwatch.extract.tokens import Doc, PartyRef, cue_ending_at, has_cue
from talkwatch.extract.words import W


_DATELINE = re.compile(r"^\s{0,5}[A-Z][A-Z .'-]{2,40}(?:\s{0,3}\([^)]{0,40}\))?\s{0,3}[:\-–—,]\s*")


def clean_attribution(text: str | None) -> str | None:
    """'ISLAMABAD: The Foreign Office on Wednesday' -> 'The Foreign Office'."""
    if not text or len(text) > 300:
        return None
    t = _DATELINE.sub("", text, count=1)
    words = t.split()
    while words and (words[-1] in W.TAIL_WEEKDAYS or words[-1] in W.TAIL_WORDS):
        words.pop()
    t = " ".join(words).strip(" ,;:\"“”'‘’-")
    if not t or len(t) > 120:
        return None
    return t


_DL_BEFORE = re.compile(r"(?:[A-Z][A-Z .'’-]{1,40}/)+")           # "DUBAI/" before "WASHINGTON"
_DL_PLACE = re.compile(r"[A-Z][A-Z .'’/-]{2,40},\s*")              # "PAJU, " before "South Korea"


def is_dateline(body: str, start: int, end: int, kind: str | None = None) -> bool:
    """A place in capitals at the start of a line where the report was filed is not a party:
    "ISLAMABAD: ...", "DOHA (Reuters) -", "DOHA Top oil exporters ...", "DUBAI/WASHINGTON Iran
    freed ...", and the country written after such a place ("PAJU, South Korea North Korea
    said ...")."""
    line_start = body.rfind("\n", 0, start) + 1
    before = body[line_start:start]
    word = body[start:end]
    if word.isupper() and len(word) >= 3:
        if before.strip() and not _DL_BEFORE.fullmatch(before):
            return False
        rest = body[end:end + 40]
        r = rest.lstrip()
        if r[:1] in (":", "-", "(", "–", "—", ",", "/"):
            return True
        # "DOHA Top oil exporters": a capital in capitals run into the first sentence
        return kind in ("capital", "country") and rest[:1] == " " and r[:1].isupper()
    return bool(before) and kind in ("country", "capital") and _DL_PLACE.fullmatch(before) is not None





def names_an_office(doc: Doc, i: int, j: int) -> bool:
    """"the finance ministry", "the defence secretary": a trigger word naming an office."""
    return j < len(doc.keys) and doc.keys[j] in W.OFFICE_WORDS



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
            e = has_cue(doc, i, "speech")
            if e:
                j = e
                while j < b and keys[j] not in (",", ";", ".") and not (keys[j] in W.PUNCT_HARD):
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
                    if has_cue(doc, t, "speech") and keys[t] != "according" and not doc.body[doc.starts[t]].isupper() and not self.party_at(t):
                        sp = t
                        break
                if sp is None:
                    continue
                after_sp = [t for t in range(sp + 1, end) if keys[t] not in W.DATE_WORDS]
                if "that" in (keys[t] for t in after_sp) or len(after_sp) > (12 if sp == c + 1 else 5):
                    continue
                if keys[c + 1] in W.SUBORDINATORS or keys[c + 1] in ("and", "but") or (
                        sp != c + 1 and any(doc.trig[t] for t in after_sp)):
                    continue           # ", although both said the truce would hold": a clause, not a source
                if sp == c + 1 and any(doc.trig[t] or keys[t] in ("will", "would", "had", "has", "have") for t in after_sp):
                    continue           # ", said both sides would meet": reported speech, not a source
                # a trigger verb in the tail makes it a clause of its own, not an attribution
                if any(doc.trig[t] and doc.trig[t][2].pos == "v" and not has_cue(doc, t, "speech") and not names_an_office(doc, t, doc.trig[t][0]) for t in range(c + 1, sp)):
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
            # a prepositional phrase ("On September 9th", "In Beijing") ends at its comma; without
            # one, a verb after it is the main clause's ("On Monday Israel struck ...")
            clause_opener = keys[a] in W.CLAUSE_OPENERS
            for i in range(a + 1, min(b, a + 25)):
                if keys[i] == ",":
                    self.lead_start = i + 1
                    break
                if (keys[i] in W.PUNCT_HARD):
                    break
                if not clause_opener and (doc.trig[i] and doc.trig[i][2].pos == "v" or has_cue(doc, i, "light")):
                    break
        # "X said (on Tuesday) (that) ..." near the start
        if not has_speech:
            return
        lo = self.lead_start
        for i in range(lo, min(b - 3, lo + 16)):
            e = has_cue(doc, i, "speech") or has_cue(doc, i, "say")
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
                keys[j] in W.DATE_WORDS or keys[j] in ("here", "once", "again", "also")
                or tells and (self.party_at(j) or keys[j] in ("the", "reporters", "journalists", "parliament", "and"))
            ):
                j += 1
            self.addressee = [p for p in self.parties if addressee_from <= p.i < j]
            if j < b and keys[j] == "that":
                j += 1
            elif j < b and keys[i] not in W.PLAIN_SPEECH and not (keys[j] in W.PRONOUNS or self.party_at(j) or keys[j] in ("the", "its", "their")):
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
                    if (keys[e] in W.PUNCT_HARD):
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
                    out += group_after(self, e, limit=4)
            keys = self.keys
            # "with Qatar and Turkey mediating", "Qatar and Türkiye are mediating", "... as mediators"
            for k in range(self.a, self.b):
                if keys[k] in W.MEDIATING_WORDS:
                    out += group_before(self, k)
            for p in self.parties:
                if p.possessive and p.j < self.b and keys[p.j] in W.MEDIATOR_NOUNS:
                    out += [q for q in self.parties if q.i >= p.i - 6 and q.j <= p.j]
                # "a Qatari-mediated deal", "US-brokered talks"
                if p.j + 1 < self.b and keys[p.j] == "-" and keys[p.j + 1] in W.MEDIATED_WORDS:
                    out.append(p)
                # "with Russian mediation", "Turkish facilitators"
                elif p.kind == "demonym" and p.j < self.b and keys[p.j] in W.MEDIATOR_NOUNS:
                    out.append(p)
                # "Moscow offered to host the meeting", "Qatar will host the talks"
                elif self._hosts_meeting_after(p):
                    out.append(p)
            self._mediators = out
        return self._mediators

    def _hosts_meeting_after(self, p: PartyRef) -> bool:
        keys, doc = self.keys, self.doc
        k = p.j
        end = min(self.b, p.j + 5)
        while k < end and keys[k] in W.AUX or k < end and keys[k] in ("offered", "offers", "agreed", "agrees", "promised", "ready", "willing"):
            k += 1
        if k >= self.b or keys[k] not in W.HOST_WORDS:
            return False
        for m in range(k + 1, min(self.b, k + 5)):
            if keys[m] in W.ROUND_WORDS or doc.trig[m] and doc.trig[m][2].type in ("TALKS", "MEDIATION"):
                return True
            if keys[m] in W.PUNCT_HARD or keys[m] == ",":
                return False
        return False

    def segment_start(self, i: int) -> int:
        """Start of the clause segment holding token i (after a hard break or a comma)."""
        bounds = self._bounds
        if bounds is None:
            keys = self.keys
            bounds = self._bounds = [k for k in range(self.a, self.b) if keys[k] == "," or keys[k] in W.PUNCT_HARD]
        x = bisect.bisect_left(bounds, i) - 1
        lo = max(self.a, i - 30)
        if x >= 0 and bounds[x] + 1 > lo:
            return bounds[x] + 1
        return lo

    def segment_lead(self, i: int) -> str:
        s = self.segment_start(i)
        return self.keys[s] if s < self.b else ""



def is_subordinate(sw: SentenceWork, i: int) -> bool:
    """True when token i sits in a subordinate clause: a relative or adverbial clause
    opens between the clause start and i ("..., where 28 people were killed")."""
    keys = sw.keys
    for k in range(i - 1, max(sw.a, i - 15) - 1, -1):
        w = keys[k]
        if (w in W.PUNCT_HARD):
            return False
        if w in W.SUBORDINATORS:
            return True
        if w == "that" and k > sw.a:
            # "said (on Thursday) that ...": reported speech is the news, not a subordinate clause
            v = k - 1
            while v > sw.a and keys[v] in W.DATE_WORDS:
                v -= 1
            verb = keys[v]
            if verb not in sw.rules.words.get("speech", ()) and verb not in sw.rules.words.get("say", ()) and verb not in (
                    "adding", "agreed", "hinted", "indicated", "indicating", "noting", "stressing", "confirming") and \
                    sw.doc.trig[v] is None and verb not in ("so",):
                return True
    return False



def neg_before(sw: SentenceWork, i: int, span: int = 5) -> str | None:
    """'direct' when a negation governs token i through auxiliaries only, 'indirect' when a
    negation sits a few content words before it in the same clause, else None."""
    keys, doc = sw.keys, sw.doc
    content = 0
    for k in range(i - 1, max(sw.a, i - span) - 1, -1):
        w = keys[k]
        if w in (",", ".") or (w in W.PUNCT_HARD):
            return None
        if w in W.NEG_WORDS or w.endswith("n't"):
            return "direct" if content == 0 else "indirect"
        if w in W.NEG_ENDS and cue_ending_at(doc, k + 1, "neg") is not None:
            return "direct" if content == 0 else "indirect"   # "no longer", "refrain from"
        if w not in W.AUX and w not in W.DETERMINERS:
            content += 1
    return None


def modal_before(sw: SentenceWork, i: int) -> tuple[bool, bool]:
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
        if w not in W.AUX and w not in ("not", "never", "soon", "also", "again", "then", "first", "jointly", "immediately"):
            break
    return future, hypo


def modal_after(sw: SentenceWork, j: int) -> tuple[bool, bool]:
    """(future, hypothetical) in the verb group after a noun: "talks will resume"."""
    keys = sw.keys
    for k in range(j, min(sw.b, j + 10)):
        w = keys[k]
        if (w in W.PUNCT_HARD) or w == ".":
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



def group_before(sw: SentenceWork, k: int) -> list[PartyRef]:
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
        if keys[i] not in W.MEDIATING_LINKS or skipped >= 4:
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


def group_after(sw: SentenceWork, i: int, limit: int = 8) -> list[PartyRef]:
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
        if (w in W.PUNCT_HARD) or w == ".":
            break
        gap += 1
        if gap > limit:
            break
        k += 1
    return out



