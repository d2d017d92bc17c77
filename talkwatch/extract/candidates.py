"""Candidate events of one sentence: each trigger read in its clause (verb or noun, passive,
subordinate, carried by a light verb, conditional), verbs that take over the event they
govern ("refused to meet" is one REJECTION), and negation and modality applied.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from talkwatch.extract.clauses import (
    SentenceWork, is_subordinate, modal_after, modal_before, names_an_office, neg_before,
)
from talkwatch.extract.rules import NOT_AN_EVENT, Trigger
from talkwatch.extract.tokens import has_cue
from talkwatch.extract.words import W

MAX_TRIGGERS_PER_SENTENCE = 24


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



def _modifies_noun(sw: SentenceWork, cands: list, start: int) -> bool:
    """The participle at `start` follows a meeting or deal noun, across only its parties and
    linking words: "a truce agreed in January", "a truce between X and Y, agreed ..."."""
    if not cands:
        return False
    n = cands[-1]
    if n.pos != "n" or n.type not in W.MEETING_LIKE or n.j > start or start - n.j > 8:
        return False
    keys = sw.keys
    for k in range(n.j, start):
        if sw.party_at(k) is None and keys[k] not in W.JOINERS and keys[k] not in ("between", "with", ",", "on", "in"):
            return False
    return True


def _own_pair_after(sw: SentenceWork, j: int, preps=("between", "with", "by", "to")) -> bool:
    """A party right after the noun over "between", "with", "by" or "to" ("talks between X
    and Y", "a visit to Tehran by Xi"); for hostile deeds "on", "against" ("strikes on X")."""
    keys = sw.keys
    if keys[j - 1] in preps and sw.party_at(j) is not None:
        return True                    # the trigger ends with its preposition: "strike on" X
    for k in range(j, min(sw.b, j + 3)):
        if keys[k] in preps:
            if keys[k] in ("between", "with") and has_cue(sw.doc, k + 1, "anaphora"):
                return True            # "calls between the two presidents"
            nxt = k + 1
            if nxt < sw.b and keys[nxt] in ("the", "his", "her", "their"):
                nxt += 1
            return sw.party_at(nxt) is not None
        if keys[k] not in W.DETERMINERS and sw.party_at(k) is None:
            return False
    return False


def _for_purpose(keys: list[str], a: int, start: int) -> bool:
    """"for (another round of) talks": talks that are the aim of a trip, still to come."""
    for k in range(start - 1, max(a, start - 5) - 1, -1):
        w = keys[k]
        if w == "for":
            return True
        if w not in W.DETERMINERS and w not in W.NOUN_PRE and w not in W.ROUND_WORDS and w not in ("of", "another", "talks", "a"):
            return False
    return False


def _hosts_a_meeting(sw: SentenceWork, j: int) -> bool:
    """"hosted five earlier rounds", "will host the talks": what is hosted is a meeting."""
    keys, doc = sw.keys, sw.doc
    for k in range(j, min(sw.b, j + 5)):
        if keys[k] in W.ROUND_WORDS or doc.trig[k] and doc.trig[k][2].type in ("TALKS", "MEDIATION"):
            return True
        if keys[k] in W.PUNCT_HARD or keys[k] in (",", "."):
            return False
    return False


_BY_RULE: dict = {}


def _rule_trigger(rules, name: str):
    """The Trigger of a rule by its name (the first of its phrases)."""
    if name not in _BY_RULE:
        _BY_RULE[name] = next((t for lst in rules.triggers.values() for _, t in lst if t.rule == name), None)
    return _BY_RULE[name]


def find_candidates(sw: SentenceWork) -> list[Cand]:
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
        if trig.type == NOT_AN_EVENT:
            continue                   # an idiom or a name that holds a trigger word
        if sw.in_attr(start):
            continue
        prev = keys[start - 1] if start > a else ""
        prev2 = keys[start - 2] if start - 1 > a else ""
        first = keys[start]
        if names_an_office(doc, start, j):
            continue                   # "the finance ministry"
        pa = doc.cue_at.get("purpose")
        if pa and any(x < start < e for x, e in pa.items() if start - 3 <= x < start):
            continue                   # "in order to": part of a phrase of purpose
        if trig.pos == "v":
            if prev == "-":            # "US-brokered", "Syrian-backed"
                continue
            if prev in W.DETERMINERS and len(phrase) == 1 and first.endswith("ed"):
                continue               # "the banned outfit"
            if prev in ("when", "if") and first.endswith("ed"):
                continue               # "when asked"
            if first.endswith("ing") and prev in W.DETERMINERS:
                continue               # "the ruling party", "the ongoing talks"
            if first == "met" and (prev in W.BE or prev in ("been", "being")):
                continue               # "would be met with a response"
            if first.endswith("ed") and j < b and keys[j] == "by" and prev not in W.BE and prev not in W.AUX and prev not in W.PRONOUNS and prev not in (",", "and") and start > a:
                continue               # "a deal brokered by Qatar": says who, not a new deed
            if first in W.DEED_PARTICIPLES and prev not in W.BE and prev not in W.AUX and _modifies_noun(sw, cands, start):
                continue               # "a truce (between X and Y), agreed in January, ...": the truce's own deed
            if trig.type == "MEDIATION" and prev in W.BE and j < b and keys[j] == "by" and _modifies_noun(sw, cands, start - 1):
                continue               # "the ceasefire ... was brokered by Malaysia": the mediator of the ceasefire
        if trig.pos == "n" and "without" in keys[max(a, start - 3):start] and doc.cue_in("status", max(a, start - 3), start) is not None and any(
            e > start for x, e in doc.cue_at["status"].items() if start - 3 <= x < start
        ):
            continue                   # "ended without agreement": a status, not an event
        if trig.pos == "n" and start > a and doc.body[doc.starts[start]].isupper() and prev not in (".", "\"", "“", ":"):
            continue                   # "Emergency Relief Coordinator", "Free Trade Agreement"
        pos = trig.pos
        if pos == "v" and j - start == 1 and first.endswith("ing") and (prev.endswith("'s") or prev == "s" or sw.party_at(start - 1)):
            pos = "n"                  # "Jordan's visiting king"
        if pos == "v" and j - start == 1 and (prev in W.NOUN_PRE or prev in W.DETERMINERS and not first.endswith("ed")):
            pos = "n"                  # "the demands", "any attack", "a new deal"
        if trig.rule == "host" and _hosts_a_meeting(sw, j):
            trig = _rule_trigger(sw.rules, "mediate") or trig   # "hosted five rounds of talks"
        c = Cand(start, j, trig, trig.type, 0, trig.rule, pos=pos)
        seg = sw.segment_start(start)
        lead = keys[seg] if seg < b else ""
        # clause kind of the segment
        in_if = doc.cue_in("cond", seg, start) is not None
        in_relative = lead in rel_words and lead not in W.CONTRASTIVE and seg > a
        purpose = False
        k = doc.cue_in("purpose", max(a, start - 12), start)
        if k is not None:
            pa = doc.cue_at["purpose"]
            purpose = any(pa[x] <= start for x in range(k, start) if x in pa)
        c.subordinate = is_subordinate(sw, start)
        if first.endswith("ing") and prev == ",":
            c.subordinate = True       # ", calling for ...": a participle tells how, not a new deed
            c.notes.append("participle")
        if pos == "v":
            c.strength = 5
            if in_relative or purpose:
                c.strength = 3
            if prev == "to" and prev2 not in W.TO_FUTURE:
                c.strength = 3         # "to finance": the aim of another deed
                c.subordinate = True
            if "participle" in c.notes:
                c.strength = 3
            if first.endswith("ing") and prev in W.GERUND_PREPS:
                c.strength = 2         # "far apart on ending the war": a topic, not a deed
                c.subordinate = True
            # passive: "was attacked by", "have been killed"
            if prev in W.BE or (prev in ("been", "being") or prev2 in W.BE and prev in ("also", "reportedly", "allegedly", "then", "not")):
                if first.endswith(("ed", "en")) or first in ("shot", "struck", "held", "hit", "beaten", "seized", "sought", "met"):
                    c.passive = True
        else:
            light = False
            lights = doc.cue_at.get("light", {})
            for k in range(max(a, start - 5), start):
                e = lights.get(k)
                if e and e <= start and not any(keys[x] in W.LIGHT_GAP_STOP or (keys[x] in W.PUNCT_HARD) for x in range(e, start)):
                    light = True       # "held talks", "signed a deal" (not "made no progress towards a deal")
                    c.light_at = k
            after = False
            after_words = words.get("after", frozenset())
            after_at = doc.cue_at.get("after", {})
            status_at = doc.cue_at.get("status", {})
            for k in range(j, min(b, j + 8)):
                if k > j and doc.trig[k] and doc.trig[k][2].pos == "v":
                    break
                if keys[k] in (".",) or (keys[k] in W.PUNCT_HARD):
                    break
                if keys[k] in after_words or k in after_at or k in status_at:
                    after = True
                    break
            jj = j + 1 if j < b and keys[j] == "," else j
            deed_after = jj < b and keys[jj] in W.DEED_PARTICIPLES
            background = False
            for k in range(max(a, start - 4), start):
                if keys[k] in bg_words:
                    background = True
                if keys[k] in (",",) or (keys[k] in W.PUNCT_HARD):
                    background = False
            for k in range(max(a + 1, start - 4), start):
                if keys[k] == "of" and keys[k - 1] in W.ROUND_WORDS:
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
            if trig.type in W.MEETING_LIKE and _own_pair_after(sw, j) or trig.type in W.HOSTILE_DEEDS and (
                    _own_pair_after(sw, j, ("on", "against", "by")) and sw.party_at(start - 1) is not None):
                # "a visit to Tehran by Xi", "talks between X and Y", "Pakistan's strike on
                # Afghanistan": an event of its own
                c.strength = max(c.strength, 4)
                c.subordinate = False
                c.notes.append("own-pair")
            if trig.type in ("TALKS", "VISIT", "MEDIATION") and _for_purpose(keys, a, start):
                c.notes.append("purpose-for")   # "left for Istanbul for another round of talks"
        if in_if:
            c.notes.append("if-clause")
            c.strength = 0
        cands.append(c)
    return cands



def apply_absorption(sw: SentenceWork, cands: list[Cand]):
    keys = sw.keys
    for n, c in enumerate(cands):
        if c.absorbed or not c.trig.opt("absorb"):
            continue
        # the complement: up to a hard break or a comma, at most 12 tokens
        end = min(sw.b, c.j + 12)
        for k in range(c.j, end):
            if (keys[k] in W.PUNCT_HARD) or keys[k] in (".",) or (keys[k] == "," and k > c.j + 1):
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
                if first.startswith("den") and d.type in W.MEETING_LIKE:
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
                elif d.type in W.HOSTILE_DEEDS and any(keys[k] in W.STOP_WORDS for k in range(c.j, d.i)):
                    # "agreed to stop all firing", "agreed that neither side would fire"
                    if d.type in ("ATTACK", "MOBILIZATION"):
                        c.type = "CEASEFIRE"
                        c.rule = f"stop:{c.trig.rule}>{d.rule}"
                    else:
                        c.rule = f"intent:{c.trig.rule}>stop-{d.rule}"
                elif d.type in W.HOSTILE_DEEDS:
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
                if not gap or gap[0] not in ("and", ",") or any(w in W.PUNCT_HARD or w == "." for w in gap):
                    break
                e2.absorbed = True
                last = e2.j
                c.span_end = max(c.span_end, e2.j)
            break


def absorb_objects(sw: SentenceWork, cands: list[Cand]):
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
                if pk in W.AUX or pk in W.PRONOUNS or pk in ("and", "or", "to", ",") or sw.party_at(d.i - 1) or d.j - d.i > 1:
                    continue
            same_deal = d.type == "AGREEMENT" and c.type in ("AGREEMENT", "CEASEFIRE")   # "a truce in a deal"
            stops = W.OBJECT_STOP - {"in", "under", "as"} if same_deal else W.OBJECT_STOP
            if any((keys[k] in W.PUNCT_HARD) or keys[k] in stops for k in range(max(c.j, c.span_end), d.i)):
                break
            if d.pos == "n" and d.type in W.MEETING_LIKE and c.type not in W.MEETING_LIKE and has_cue(sw.doc, c.i, "light") \
                    and all(keys[k] in W.DETERMINERS or keys[k] in W.NOUN_PRE or keys[k].isalpha() and sw.doc.trig[k] is None
                            for k in range(c.j, d.i)) and d.i - c.j <= 3:
                # "struck bilateral deals", "launched talks": a light verb carrying a meeting
                c.absorbed = True
                d.light_at = c.i
                d.strength = max(d.strength, 4)
                d.subordinate = False
                break
            d.absorbed = True
            c.span_end = max(c.span_end, d.j)
            if c.type == "AGREEMENT" and d.type == "CEASEFIRE":
                c.type = "CEASEFIRE"
                c.rule = f"{d.rule}<{c.rule}"


def apply_modality(sw: SentenceWork, c: Cand) -> bool:
    """Apply negation and modality; False drops the candidate."""
    keys = sw.keys
    if c.type == "THREAT" and keys[c.i] in W.VOW_WORDS and not c.span_end and not any(
            keys[k] in W.THREAT_WORDS for k in range(c.j, min(sw.b, c.j + 10))):
        return False                   # "vowed to serve out his term" threatens nobody
    info = sw.rules.types[c.type]
    neg = neg_before(sw, c.i if c.light_at is None else c.light_at)
    if c.pos == "n" and neg is None and c.light_at is None:
        neg = neg_before(sw, c.i, span=6)
        if neg == "direct":
            neg = "indirect"
    if neg == "indirect":
        c.notes.append("negated-governor")
        return False
    if neg == "direct":
        if c.pos == "n" and c.light_at is None:
            return False
        if c.type in W.COOP_DEEDS or c.type in W.MEETING_LIKE:
            c.notes.append(f"negated:{keys[c.i]}")
            c.rule = f"negated:{c.rule}"
            c.type = "REJECTION"
            c.negated = True
            return True
        return False
    future, hypo = modal_before(sw, c.i if c.light_at is None else c.light_at)
    if c.pos == "n" and not (future or hypo) and c.light_at is None:
        future, hypo = modal_after(sw, c.j)
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
    if verbal and c.type in W.HOSTILE_DEEDS and (future or cond_after and not c.passive):
        if future:
            c.rule = f"intent:will>{c.rule}"
            c.type = "THREAT"
            return True
    if verbal and c.type in W.COOP_DEEDS and future:
        if cond_after and c.type in ("RETREAT", "AID"):
            c.rule = f"conditional:will>{c.rule}"
            c.type = "THREAT"
        else:
            c.rule = f"intent:will>{c.rule}"
            c.type = "AGREEMENT"
            c.intent = "pledged"
        return True
    if hypo and c.type in (W.COOP_DEEDS | W.HOSTILE_DEEDS) and c.pos == "v":
        c.notes.append("hypothetical")
        return False
    return info is not None



