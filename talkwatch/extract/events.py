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

from talkwatch.extract import dating, status as status_mod
from talkwatch.extract.article import ArticleContext, article_pass, main_pair, merge_mentions
from talkwatch.extract.candidates import Cand, absorb_objects, apply_absorption, apply_modality, find_candidates
from talkwatch.extract.clauses import SentenceWork, clean_attribution, is_dateline
from talkwatch.extract.model import Event
from talkwatch.extract.roles import assign_parties, codes_of, dyad_of, has_anaphora, location_of
from talkwatch.extract.rules import load
from talkwatch.extract.tokens import Doc, PartyRef, tokenize
from talkwatch.extract.words import W

MAX_SENTENCE_TOKENS = 200      # a "sentence" longer than this is cut into windows
MAX_EVENTS_PER_SENTENCE = 3
# a verb just after these tells what someone wants, must or may do, not a deed of its own
_CONTENT_MARKS = frozenset({"to", "must", "should", "would", "could", "might", "may", "can", "will", "shall",
                            "that", "if", "whether", "not", "never"})


def type_info(type_: str) -> dict | None:
    """The type table's row for an event type: plover, plover_mode, cameo, goldstein."""
    info = load().types.get(type_)
    return info.as_dict() if info else None


def type_table() -> list[dict]:
    return [t.as_dict() for t in load().types.values()]



def extract_events(body: str, sentences, mentions, places_fn, dates_fn, ref, resolve_fn,
                   title_codes: tuple[str, ...] = ()) -> list[Event]:
    """Events of one body.

    sentences: [(start, end)]; mentions: parties found in the body (offsets into it);
    places_fn(text) -> [Place] and dates_fn(text, base) -> [DateMention] are called only
    for the sentences that hold an event; resolve_fn(mention, ref, tense[, anchor]).
    title_codes: the parties the title names (they weigh most in the article's main pair).
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
        if is_dateline(body, m.start, m.end, m.kind):
            continue                   # "DOHA: ..." names where the report was filed
        if m.kind == "demonym" and j < n and doc.keys[j] in W.PLACE_NOUNS and (
                j + 1 >= n or doc.keys[j + 1] in ("of", ",", ".", "and", "in", "on", "with", "at", "near", "to", "from", "'s")):
            continue                   # "the Russian city of Kazan", "the Tajik exclave": where
                                       # ("Afghan border posts" stay Afghan)
        tail = body[m.end:m.end + 2]
        poss = tail in ("'s", "’s") or doc.keys[j - 1].endswith(("'s", "'"))
        if poss and j < n and doc.keys[j] in ("s",):
            j += 1
        prefs.append(PartyRef(i, j, m.code, m.kind, m.text, m.start, m.end, poss))
    bounds = sorted(bisect.bisect_left(starts, s0) for s0, _ in sentences)
    ctx = ArticleContext(main_pair(prefs, bounds, doc.keys, title_codes))
    finds = _ArticleFinds(doc, places_fn, dates_fn)
    events: list[Event] = []
    scenes: list = []                  # dates that open sentences without an event
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
                found = _sentence_events(doc, win, wb, s_start, s_end, sparties, lazy, rules, ctx, ref, resolve_fn)
                events += found
                if not found and win == a:
                    mark = dating.scene_mark(doc, a, b, s_start, lazy, ref, resolve_fn)
                    if mark:
                        scenes.append(mark)   # "On Thursday, as the delegations sat down, ..."
                        if mark.date_precision == "day":
                            ctx.last_date = mark.date   # "Four days before, ...": before this day
            except Exception:  # one odd sentence never costs the article
                pass
            people = [p for p in sparties if p.kind == "leader"]
            if people:
                ctx.last_person = people[-1].code
            win = wb
    try:
        article_pass(events, ctx.main_pair, len(sentences))
    except Exception:
        pass
    # a bare noun with one party and no second one found in the article is no event; nor
    # is a deed of a country upon itself
    events = [e for e in events if e.dyad or "+weak" not in e.rule]
    if len(sentences) >= 3:
        # in an article (not a lone sentence), a deed done to one party by nobody named, whose
        # pair the article does not give either, is background: "two guards were killed"
        events = [e for e in events if e.dyad or "+noactor" not in e.rule]
    try:
        dating.fill_article(events, ref, body, scenes)
    except Exception:
        pass
    try:
        events = merge_mentions(events)
    except Exception:
        pass
    return events


def _refers_back(sw: SentenceWork, c: Cand) -> bool:
    """The trigger is a definite noun that refers back: "The agreement removes ...",
    "the talks", "this deal"."""
    return c.i > sw.a and sw.keys[c.i - 1] in ("the", "this", "that", "these", "those") and c.type in W.MEETING_LIKE


def _party_codes(c: Cand) -> set:
    return {p.code for p in c.actors} | {p.code for p in c.recipients}


def _follows_main(sw: SentenceWork, c: Cand, main: Cand) -> bool:
    """A deed in "after/before/since + -ing" beside the sentence's main deed, of another
    type: its own event, done by the main deed's parties unless it names its own."""
    if not (c.subordinate and c.pos == "v" and c.i > sw.a and sw.keys[c.i].endswith("ing")
            and sw.keys[c.i - 1] in ("after", "before", "since") and c.type != main.type
            and c.type not in dating.SPEECH_TYPES and c.strength >= 3):
        return False
    if not c.own_parties:
        c.actors, c.recipients = list(main.actors), list(main.recipients)
        c.own_parties = True
        c.notes.append("main-parties")
    return True


def _contrastive(sw: SentenceWork, c: Cand) -> bool:
    """The trigger sits in a contrastive clause ("..., although both said the ceasefire would
    remain in place"): a statement of its own, not a background."""
    for k in range(c.i - 1, max(sw.a, c.i - 14) - 1, -1):
        w = sw.keys[k]
        if w in W.CONTRASTIVE:
            return True
        if w in W.SUBORDINATORS or w in W.PUNCT_HARD:
            return False
    return False


def _adverbial_deed(sw: SentenceWork, c: Cand, main: Cand) -> bool:
    """A verb in an adverbial clause with a subject of its own ("..., as China has demanded",
    "after Israel struck Iran") is an event of its own; with no object, it bears on the main
    clause's subject."""
    if not (c.subordinate and c.pos == "v" and c.actors and c.type != main.type):
        return False
    opener = None
    for k in range(c.i - 1, max(sw.a, c.i - 12) - 1, -1):
        w = sw.keys[k]
        if w in W.SUBORDINATORS:
            opener = w
            break
        if w in W.PUNCT_HARD:
            break
    if opener not in W.ADVERBIAL_OPENERS:
        return False
    main_codes = {p.code for p in main.actors}
    if {p.code for p in c.actors} <= main_codes:
        return False
    if not c.recipients and main.actors:
        c.recipients = [p for p in main.actors if p.code not in {q.code for q in c.actors}]
        c.notes.append("bears-on-main")
    return True


HOSTILE_AT_PLACE = frozenset({"ATTACK", "COERCION", "PROTEST"})


def _place_country(sw: SentenceWork, lazy, c: Cand, actors: list[str]) -> str | None:
    """The country of a city named where a hostile deed happens ("in Jericho", "near
    Samarra"), when the deed names no target; not the actor's own."""
    keys = sw.keys
    hi = min(sw.b, max(c.j, c.span_end) + 14)
    for i, country in lazy.place_countries():
        if i < c.j or i >= hi:
            continue
        k = i - 1
        if k >= sw.a and keys[k] in ("the",):
            k -= 1
        if k >= sw.a and keys[k] in ("in", "at", "near", "outside", "on", "into") and any(
                w in W.PUNCT_HARD or w == "." for w in keys[c.j:i]) is False:
            return country if country not in actors else None
    return None


def _pronoun_subject(sw: SentenceWork, c: Cand) -> bool:
    """"he"/"she" is the subject of the trigger's clause: "In June he was feted ...",
    "He also rejected ..."."""
    end = c.i if c.light_at is None else c.light_at
    for k in range(end - 1, max(sw.a, end - 6) - 1, -1):
        w = sw.keys[k]
        if w in ("he", "she"):
            return True
        if w in W.PUNCT_HARD or w == "," or sw.party_at(k) is not None:
            return False
    return False


def _self_only(e: Event) -> bool:
    return bool(e.actors and e.recipients and set(e.actors) == set(e.recipients))


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
            out = sorted((bisect.bisect_left(starts, p.start), getattr(p, "name", None) or p.text,
                          getattr(p, "country", None)) for p in found)
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
        res = [(i, name, False) for i, name, _ in out[lo:hi]]
        res += [(p.i, p.text, p.kind == "country") for p in self.parties if p.kind in ("capital", "territory", "country")]
        res.sort()
        return res

    def place_countries(self) -> list[tuple[int, str]]:
        """(token index, country code) of the cities and venues in the window."""
        ks, out = self.finds.places()
        lo = bisect.bisect_left(ks, self.a)
        hi = bisect.bisect_left(ks, self.b)
        return [(i, country) for i, _, country in out[lo:hi] if country]

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
    cands = find_candidates(sw)
    if not cands:
        return []
    apply_absorption(sw, cands)
    absorb_objects(sw, cands)
    live = [c for c in cands if not c.absorbed and c.strength > 1]
    kept: list[Cand] = []
    for c in live:
        if apply_modality(sw, c):
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
        assign_parties(sw, c, by_pos)
        if c.pos == "n" and c.strength <= 2 and not c.own_parties:
            if not _refers_back(sw, c):
                continue               # a bare "talks" with no parties in reach
            c.notes.append("mention")  # "the agreement removes duties": another mention only
        if not chosen:
            chosen.append(c)
            continue
        if _follows_main(sw, c, chosen[0]) or _adverbial_deed(sw, c, chosen[0]):
            chosen.append(c)           # "freed the sailors a day after detaining them"
            continue
        # a deed of another type told by its own verb ("recalled its envoy, expelling three
        # diplomats"), not what someone wants or must do ("demanded that it release ...")
        other_deed = c.pos == "v" and all(x.type != c.type for x in chosen) and not any(
            sw.doc.keys[k] in _CONTENT_MARKS for k in range(max(sw.a, c.i - 3), c.i))
        if not c.own_parties or c.strength < (3 if other_deed else 4) or (
                c.subordinate and not other_deed and not _contrastive(sw, c)):
            continue
        # a second deed in the sentence names a party in its own clause
        seg = sw.segment_start(c.i)
        if seg > chosen[0].j and "deed-after" not in c.notes and not any(seg <= p.i < min(sw.b, c.j + 12) for p in sw.parties) and sw.doc.cue_in("anaphora", seg, c.j + 12) is None:
            continue
        if c.pos == "n" and c.strength < 4:
            continue
        same = next((x for x in chosen if x.type == c.type and _upcoming(x) == _upcoming(c)), None)
        if same is not None:
            if len(_party_codes(c)) >= 2 > len(_party_codes(same)):
                chosen[chosen.index(same)] = c   # the reading that names both parties
            continue
        chosen.append(c)
    if not chosen:
        return []
    dates = lazy.dates()
    keys_ = doc.keys
    out: list[Event] = []
    seen: set = set()
    chosen.sort(key=lambda c: c.i)
    # dates: each date mention goes to the nearest chosen trigger (see dating.py)
    by_cand, said_on = dating.assign(sw, chosen, dates)
    keys_ = doc.keys
    date_toks: set[int] = set()
    for di, d in dates:
        dj = bisect.bisect_left(doc.starts, d.end, di)
        date_toks.update(range(di, max(dj, di + 1)))
    for c in chosen:
        actors = codes_of(c.actors)
        recips = codes_of(c.recipients)
        meds = codes_of(c.mediators)
        rule = c.rule
        if c.type in HOSTILE_AT_PLACE and not recips and not c.passive:
            where = _place_country(sw, lazy, c, actors)
            if where:
                recips = [where]       # "bombed a villa in Doha": an attack in Qatar
                rule += "+place"
        if ctx.last_person and _pronoun_subject(sw, c):
            if c.passive and not recips and ctx.last_person not in actors:
                recips = [ctx.last_person]  # "he was feted by Trump": the person named before
                rule += "+he"
            elif not c.passive and not actors and ctx.last_person not in recips:
                actors = [ctx.last_person]  # "He visited Kabul"
                rule += "+he"
        if len(set(actors) | set(recips)) < 2 and c.type in (W.MEETING_LIKE | {"DEMAND", "ACCUSATION", "REJECTION", "THREAT", "ATTACK", "SANCTION"}):
            if anaphora is None:
                anaphora = has_anaphora(sw)
            # "the two sides" at talks are the last pair seen talking; elsewhere the article's pair
            pair = (ctx.last_pair or ctx.main_pair) if c.type in W.MEETING_LIKE else (ctx.main_pair or ctx.last_pair)
            if anaphora and pair:
                k_ana = sw.doc.cue_in("anaphora", sw.a, sw.b)
                into = recips if (actors and k_ana is not None and k_ana > c.i) else actors
                for code in pair:
                    if code not in actors and code not in recips and code not in meds:
                        into.append(code)
                rule += "+anaphora"
                if (c.type in ("DEMAND", "TALKS") and into is recips and len(actors) == 1
                        and actors[0] not in pair and set(pair) <= set(recips)):
                    # "urged both sides to ...", "negotiating with each side": a third party
                    # works on the pair; the pair's event, that party its mediator
                    meds = meds + [actors[0]]
                    actors, recips = list(pair), []
                    c.type = "MEDIATION"
                    rule += "+third-party"
        if (c.type == "TALKS" and len(actors) == 1 and len(set(recips) - set(actors)) >= 2 and c.recipients
                and sw.keys[c.recipients[0].i - 1] == "between"):
            # "X negotiated a truce between A and B": X works on the pair, A and B its event's parties
            meds = meds + actors
            actors, recips = [r for r in recips if r not in actors], []
            c.type = "MEDIATION"
            rule += "+third-party"
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
        lo = max(sw.a, c.i - 8, sw.segment_start(c.i))   # a cue in another clause is not this one's
        hi = min(sw.b, max(c.j, c.span_end) + (20 if c.pos == "n" else 4))
        for k in range(max(c.j, c.span_end), hi):
            if keys_[k] in W.PUNCT_HARD or keys_[k] == "," and k + 1 < sw.b and (
                    keys_[k + 1] in ("and", "but", "while", "although", "though", "whereas", "as", "yet")):
                hi = k                 # "..., and officials had hoped to sign ...": another clause
                break
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
        if c.trig.opt("status") and c.type == c.trig.type:
            cues.add(c.trig.opt("status"))   # "broke the ceasefire": the phrase says it failed
        if c.pos == "v" and c.i > sw.a and keys_[c.i].endswith("ing") and (
                keys_[c.i - 1] in ("is", "are", "am", "been") or
                keys_[c.i - 1] == "still" and c.i - 1 > sw.a and keys_[c.i - 2] in ("is", "are", "been")):
            cues.add("ongoing")        # "are (still) negotiating", "have been negotiating"
        found = by_cand.get(id(c), [])
        if "purpose-for" in c.notes:
            # the talks a delegation travels for share the trip's date only if it is to come
            found = [f for f in found if dating.clause_tense(sw.keys, sw.segment_start(f[1]), f[1], f[1] + 1, sw.b) == "future"]
        best = dating.best_mention(found)
        has_date = best is not None
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
        if "purpose-for" in c.notes and st == "held":
            st, why = ("scheduled", "purpose+date") if has_date else ("expected", "purpose")
        # one event per type and dyad; a meeting held and the next one agreed are two
        key = (c.type, dyad_of(actors, recips) or ",".join(actors + recips), st in ("scheduled", "expected", "proposed"))
        if key in seen:
            continue
        seen.add(key)
        if c.type in ("TALKS", "VISIT", "MEDIATION") and st in status_mod.UPCOMING or \
                c.type == "CEASEFIRE" and "<agree" in rule and st in ("held", *status_mod.UPCOMING):
            # announcing a meeting, or agreeing to a truce, expresses an intent: CAMEO 036 /
            # 03x, PLOVER AGREE; the meeting or the truce itself is CONSULT / RETREAT
            plover = "AGREE"
            mode = mode if c.type != "CEASEFIRE" else "intent"
            cameo = "036" if c.type != "CEASEFIRE" else "030"
        if c.type == "AGREEMENT" and c.intent in ("pledged", "proposed"):
            mode = "intent"            # a pledge or an offer of one side, not a deal of two
        ev = Event(
            type=c.type,
            status=st,
            sentence=doc.body[s_start:s_end],
            start=s_start,
            end=s_end,
            actors=actors,
            recipients=recips,
            mediators=[m for m in meds if m not in actors and m not in recips],
            dyad=dyad_of(actors, recips),
            plover=plover,
            plover_mode=mode,
            cameo=cameo,
            goldstein=gs,
            location=location_of(sw, c),
            attribution=clean_attribution(sw.attribution),
            rule=f"{c.type}/{st}:{rule}+{why}",
            trigger=doc.text(c.i, c.j),
            trigger_start=doc.starts[c.i],
            trigger_end=doc.ends[c.j - 1],
        )
        if best is not None:
            dating.set_date(ev, best[2], best[1], sw, ref, resolve_fn, ctx.last_date)
            if ev.date:
                ctx.last_date = ev.date
            if st == "held" and why == "default=past" and _is_future(ev, best[2], ref):
                ev.status = "scheduled"
                ev.rule = ev.rule.replace("/held:", "/scheduled:").replace("default=past", "date-ahead")
        elif said_on is not None and (st in ("held", "ongoing", "proposed") or info.cls == "speech"):
            # a deed or statement reported without a date of its own is dated to the day
            # it was announced
            dating.set_date(ev, said_on[1], said_on[0], sw, ref, resolve_fn, ctx.last_date)
            if ev.date:
                ev.date_how = f"announced {said_on[1].text!r}: {ev.date_how}"
        if "mention" in c.notes:
            ev.rule += "+mention"      # kept only as a mention of an event told before
        elif not ev.dyad and (c.pos == "n" and c.light_at is None or c.strength < 4 or c.subordinate):
            ev.rule += "+weak"         # kept only if the article finds its second party
        elif not ev.dyad and not ev.actors:
            ev.rule += "+noactor"      # "two guards were killed": in an article, kept only with a pair
        out.append(ev)
        if ev.dyad and c.type in W.MEETING_LIKE and "+anaphora" not in rule:
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
