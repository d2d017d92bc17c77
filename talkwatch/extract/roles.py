"""Who does what to whom in one sentence: actors before the trigger, recipients after it,
mediators, the passive, "X said Y must", visits' destinations, venues that are not
parties, and the event's location.
"""
from __future__ import annotations

from talkwatch.extract.candidates import Cand
from talkwatch.extract.clauses import SentenceWork, group_after
from talkwatch.extract.tokens import PartyRef
from talkwatch.extract.words import W


def first_group(sw: SentenceWork, ps: list[PartyRef], skip_orgs: bool = False) -> list[PartyRef]:
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
        if len(gap) <= 1 or all(w in W.JOINERS for w in gap) and len(gap) <= 4:
            groups[-1].append(p)
        elif len(gap) <= 5 and ("and" in gap or "," in gap) and gap[0] not in W.JOINERS and all(
                w in W.JOINERS or w in W.PEOPLE_NOUNS or w in W.OFFICE_WORDS for w in gap):
            groups[-1].append(p)       # "the Colombian government and the FARC", "Thai troops and Cambodia"
        else:
            groups.append([p])
    out = groups[0]
    if skip_orgs and len(groups) > 1 and all(p.kind == "org" for p in out):
        out = out + groups[1]
    return out


def _after_word(sw: SentenceWork, p: PartyRef, words) -> bool:
    """The party follows one of words, maybe over an article or a possessive pronoun."""
    k = p.i - 1
    if k >= sw.a and sw.keys[k] in ("the", "a", "an", "his", "her", "its", "their"):
        k -= 1
    return k >= sw.a and sw.keys[k] in words


def _in_phrase(sw: SentenceWork, p: PartyRef) -> bool:
    """A party after a preposition ("in Japan's Diet", "on Seoul's proposal", "relating to
    Taiwan") is not the subject of a clause; "of" keeps it ("the coastguards of Japan")."""
    k = p.i - 1
    if k < sw.a:
        return False
    w = sw.keys[k]
    if w in ("the", "a", "an") and k - 1 >= sw.a:
        k -= 1
        w = sw.keys[k]
    if w not in W.SUBJECT_PREPS:
        return False
    # "security forces in Guinea", "demonstrators in Baghdad": that country's people
    return not (w in ("in", "from") and k - 1 >= sw.a and sw.keys[k - 1] in W.PEOPLE_NOUNS)


def assign_parties(sw: SentenceWork, c: Cand, others: list[Cand]):
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
        if (w in W.PUNCT_HARD) or w == ".":
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
        if keys[k] in W.PUNCT_HARD:
            actor_lo = k + 1           # "... had not changed: Kabul must act"
            break
    subject_only = not c.passive and c.trig.opt("frame") != "must"
    actors = [p for p in sw.parties if actor_lo <= p.i < a_end and not sw.in_attr(p.i) and not sw.in_appositive(p.i)
              and not (subject_only and _in_phrase(sw, p))]
    # drop actor-side parties that belong to an earlier event's object in a coordinated clause
    for o in others:
        if o is c or o.absorbed or o.i >= c.i or o.pos != "v" or o.strength < 5:
            continue
        actors = [p for p in actors if p.i < o.i]
    actors = first_group(sw, actors)
    r_start = c.j if c.light_at is None else c.light_at + 1
    recips = [p for p in sw.parties if r_start <= p.i < r_to and not sw.in_attr(p.i)]
    if c.type in ("TALKS", "COOPERATION", "AGREEMENT"):
        # "discussed the truce with Iran's Zarif": the "with" party is the counterpart
        withs = [p for p in recips if _after_word(sw, p, ("with",))]
        if withs:
            recips = recips[recips.index(withs[0]):]
    recips = first_group(sw, recips, skip_orgs=True)
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
            first = first_group(sw, before)
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
                grp = group_after(sw, k + 1, limit=4)
                recips = [p for p in grp if p not in actors]
                break
    # "a delegation led by X": X acts
    for k in range(r_from, min(b, r_from + 6)):
        if keys[k] in ("led", "headed", "comprising", "including") and k + 1 < b and keys[k + 1] in ("by",):
            grp = group_after(sw, k + 2, limit=5)
            actors = actors + [p for p in grp if p not in actors]
            recips = [p for p in recips if p not in grp]
    # a visit's destination: "arrived in Kabul", "is in Kabul", "to Delhi"
    if c.type == "VISIT":
        dest = [p for p in sw.parties if r_from <= p.i < min(b, r_from + 20) and p.i > a + 1 and keys[p.i - 1] in ("in", "to", "for", "at") and (p.i - r_from <= 3 or keys[p.i - 2] in W.PRESENCE) and not sw.in_attr(p.i) and p not in actors]
        if dest:
            recips = first_group(sw, dest)
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
        actors = first_group(sw, rest)
        if actors:
            c.notes.append("sentence-parties")
    if not actors and recips and (c.trig.opt("sym") or c.type in W.SYMMETRIC) and not c.passive:
        actors, recips = recips, []
    c.own_parties = bool(actors or recips) or (anaphor_subject and c.strength >= 3)
    med_codes = {m.code for m in mediators}
    actors = [p for p in actors if p.code not in med_codes]
    recips = [p for p in recips if p.code not in med_codes]
    # places that are venues, not parties, of meetings: "talks in Doha"
    if c.type in W.MEETING_LIKE and c.type != "VISIT":
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
    # "strikes on Ukraine by Russia", "a visit to Tehran by Xi": the "by" party acts
    if c.pos == "n" and not c.passive:
        by = [p for p in recips if _after_word(sw, p, ("by",))]
        if by:
            grp = first_group(sw, [p for p in recips if p.i >= by[0].i])
            actors = grp
            recips = [p for p in recips if p not in grp]
    # "drew criticism from Washington", "faced demands from Kabul": the "from" party speaks
    if c.pos == "n" and c.type in ("ACCUSATION", "DEMAND", "THREAT", "REJECTION", "SANCTION") and c.j < b and keys[c.j] == "from":
        grp = [p for p in group_after(sw, c.j + 1, limit=3) if p not in mediators]
        if grp:
            subject = [p for p in actors if p not in grp] or [p for p in sw.parties if lo <= p.i < c.i and p not in grp][:1]
            actors, recips = grp, subject
    c.actors, c.recipients, c.mediators = actors, recips, mediators


def codes_of(ps: list[PartyRef]) -> list[str]:
    out: list[str] = []
    for p in ps:
        if p.code and p.code not in out:
            out.append(p.code)
    return out


def dyad_of(actors: list[str], recipients: list[str]) -> str | None:
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


def location_of(sw: SentenceWork, c: Cand) -> str | None:
    keys = sw.keys
    body, starts = sw.doc.body, sw.doc.starts
    preps = ("in", "at", "to", "for") if c.type == "VISIT" else ("in", "at")
    lo, hi = max(sw.a, c.i - 25), min(sw.b - 1, c.j + 25)
    # a place follows "in"/"at" (or "the city of") as a capitalised word: look for one before
    # asking the gazetteer
    def place_of(k: int) -> bool:
        return keys[k] == "of" and k > sw.a and keys[k - 1] in W.PLACE_NOUNS

    if not any((keys[k] in preps or place_of(k)) and body[starts[k + 1]].isupper() for k in range(lo, hi)):
        return None
    best = None
    best_d = 10 ** 9
    for pl in sw.places.places():
        pi, name, is_country = pl
        if pi <= sw.a or sw.in_attr(pi):
            continue
        if keys[pi - 1] not in ("in", "at", "to", "for") and not (place_of(pi - 1) and pi - 4 > sw.a and "in" in keys[pi - 5:pi - 1]):
            continue
        if keys[pi - 1] in ("to", "for") and c.type != "VISIT":
            continue
        d = abs(pi - c.i) + (8 if is_country else 0)   # "in Tianjin" says more than "in China"
        if d < best_d and d <= 25:
            best, best_d = name, d
    return best


def has_anaphora(sw: SentenceWork) -> bool:
    return sw.doc.cue_in("anaphora", sw.a, sw.b) is not None



