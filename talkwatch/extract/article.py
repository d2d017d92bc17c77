"""Article-level passes over the events of one article: its main pair of parties, events
that name one party of it, mediators and venues shared by the talks of one dyad, and one
upcoming meeting told twice.
"""
from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass

from talkwatch.extract.model import Event
from talkwatch.extract.tokens import PartyRef


@dataclass
class ArticleContext:
    main_pair: tuple[str, str] | None
    last_pair: tuple[str, str] | None = None
    last_date: str | None = None      # the last date resolved in the article ("the next day")
    last_person: str | None = None    # the party of the last person named ("he said ...")


def main_pair(parties: list[PartyRef], bounds: list[int] | None = None, keys: list[str] | None = None,
              title_codes: tuple[str, ...] = ()) -> tuple[str, str] | None:
    """The article's two main parties, the pair "the two sides" stands for: the pair named
    together most, where the title counts most, then the lead sentence, and a pair written
    as one ("talks between X and Y", "X and Y agreed", "X-Y talks") counts double.
    bounds: token index where each sentence starts."""
    cnt = Counter()
    first: dict[str, int] = {}
    for n, p in enumerate(parties):
        if p.kind in ("org",) and p.code in ("UNO",):
            continue
        cnt[p.code] += 1
        first.setdefault(p.code, n)
    for c in title_codes:
        cnt[c] += 2
        first.setdefault(c, -1)
    if len(cnt) < 2:
        return None
    pairs = Counter()
    titled = sorted(set(c for c in title_codes if c in cnt))
    for x in range(len(titled)):
        for y in range(x + 1, len(titled)):
            pairs[(titled[x], titled[y])] += 4
    if bounds:
        by_sent: dict[int, list] = {}
        for p in parties:
            if p.code in cnt:
                by_sent.setdefault(bisect.bisect_right(bounds, p.i), []).append(p)
        lead = min(by_sent) if by_sent else None
        for sent, ps in by_sent.items():
            cs = sorted({p.code for p in ps})
            if len(cs) > 6:
                continue
            weight = 2 if sent == lead else 1
            for x in range(len(cs)):
                for y in range(x + 1, len(cs)):
                    pairs[(cs[x], cs[y])] += weight
            if keys:
                for p, q in zip(ps, ps[1:]):
                    if p.code != q.code and _written_as_pair(keys, p, q):
                        pairs[tuple(sorted((p.code, q.code)))] += weight
    if pairs:
        best = max(pairs, key=lambda pr: (pairs[pr], cnt[pr[0]] + cnt[pr[1]], -min(first[pr[0]], first[pr[1]])))
        if pairs[best] >= 2 or len(pairs) == 1:
            return best
    top = sorted(cnt, key=lambda c: (-cnt[c], first[c]))[:2]
    return (top[0], top[1])


def _written_as_pair(keys: list[str], p: PartyRef, q: PartyRef) -> bool:
    """"X and Y", "X-Y", "between X and Y", "X, Y": two parties written as one pair."""
    gap = keys[p.j:q.i]
    return gap in (["and"], ["-"], ["–"], ["/"], ["and", "the"]) or gap == [] and p.j == q.i


# words before a trigger that make its event another one than an earlier of its type
DISTINCT = frozenset({"another", "second", "third", "separate", "new", "fresh", "other", "further",
                      "earlier", "previous", "last", "first", "next", "latest"})
STAGE = {"upcoming": 0, "happened": 1, "setback": 1}
SYMMETRIC = frozenset({"TALKS", "AGREEMENT", "CEASEFIRE", "COOPERATION", "MEDIATION"})


def _dates_fit(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)


REFERRING = frozenset({"the", "this", "that", "these", "those", "its", "their", "such", "both"})


def _words_before(e: Event, n: int = 3) -> list[str]:
    k = e.trigger_start - e.start if e.trigger_start is not None else -1
    if k <= 0:
        return []
    return [w.strip(",.\"'“”‘’") for w in e.sentence[max(0, k - 40):k].lower().split()[-n:]]


def _distinct(e: Event) -> bool:
    """The mention marks its event as another one: "a second round", "another deal",
    "Separately, ..."."""
    if any(w in DISTINCT for w in _words_before(e)):
        return True
    head = e.sentence[:40].lower().split()[:3]
    return any(w.strip(",") in ("separately", "another", "also") for w in head)


def _referring(e: Event) -> bool:
    """The mention refers back to an event already told: "the talks", "this deal",
    "the two sides agreed" (the article's pair standing in)."""
    before = _words_before(e, 2)
    return bool(before) and before[-1] in REFERRING or "+anaphora" in e.rule


def _same_time(a: Event, b: Event) -> bool:
    """Both dated and the dates agree (one may be the finer: 2025-11 and 2025-11-06)."""
    if not a.date or not b.date:
        return False
    if a.date == b.date:
        return True
    own = ("text", "relative", "narrative")
    return a.date_source in own and b.date_source in own and _dates_fit(a.date, b.date)


def merge_mentions(events: list[Event]) -> list[Event]:
    """One event per real event in an article: mentions of the same dyad and type whose
    stage (upcoming, or done), dates and places fit are one event, told in several
    sentences ("the talks", "the meeting" referring back). The first mention with a date of
    its own leads; the others become its `mentions`; a later stage wins the status
    (held, then collapsed); mediators are pooled. A mention that says "another", "a
    second" ... stays an event of its own."""
    from talkwatch.extract import status as status_mod

    # a partial reading of a deed already read whole in the same sentence goes ("Pakistan's
    # strike on Afghanistan killed ten": one attack, not a second one without its target)
    whole = [e for e in events if e.dyad]
    events = [e for e in events if e.dyad or not any(
        o.start == e.start and o.type == e.type and set(e.actors) | set(e.recipients) <= set(o.actors) | set(o.recipients)
        for o in whole)]
    out: list[Event] = []
    for e in events:
        twin = None
        if e.dyad and not _distinct(e):
            info = status_mod.INFO.get(e.status)
            stage = STAGE.get(info.kind) if info else None
            for o in out:
                if o.type != e.type or o.dyad != e.dyad:
                    continue
                if e.type not in SYMMETRIC and o.actors[:1] != e.actors[:1]:
                    continue           # a demand and the counter-demand are two events
                oi = status_mod.INFO.get(o.status)
                if oi is None or info is None or STAGE.get(oi.kind) != stage:
                    continue
                if o.location and e.location and o.location != e.location:
                    continue
                if _same_time(o, e) or _referring(e) and (
                        e.date_source not in ("text", "relative") or _dates_fit(o.date, e.date)):
                    twin = o           # the last such event: the nearest one referred to
        if twin is None:
            if "+mention" not in e.rule:
                out.append(e)          # a bare mention with nothing told before it goes
            continue
        lead, other = twin, e
        own = ("text", "relative")
        if e.date and (not twin.date or twin.date_source not in own and e.date_source in own):
            lead, other = e, twin   # the mention with a date of its own leads
            out[out.index(twin)] = e
            lead.mentions = list(other.mentions)
            other.mentions = []
            lead.mentions.insert(0, {"sentence": other.sentence, "start": other.start, "end": other.end})
        elif other.start != lead.start:
            lead.mentions.append({"sentence": other.sentence, "start": other.start, "end": other.end})
        lead.mentions.sort(key=lambda m: m["start"])
        li, oi = status_mod.INFO.get(lead.status), status_mod.INFO.get(other.status)
        if li and oi and oi.rank > li.rank:
            lead.status = other.status
        lead.location = lead.location or other.location
        for m in other.mediators:
            if m not in lead.mediators and m not in lead.actors and m not in lead.recipients:
                lead.mediators.append(m)
        lead.rule += "+merged"
    return out


FRIENDLY = frozenset({"TALKS", "VISIT", "MEDIATION", "CEASEFIRE", "AGREEMENT", "COOPERATION", "AID", "SUPPORT",
                      "CONCESSION", "RETREAT"})


def fill_main_pair(events: list[Event], main_pair: tuple[str, str], n_sentences: int = 1) -> None:
    """An event that names one party of the article's main pair and no other has the other
    as its counterpart ("Kabul welcomed the proposal" in an article about Afghanistan and
    Pakistan). Meetings and cooperation always; statements and hostile deeds only where the
    party acts, and only when the article already has such an event between the pair (an
    attack in a story about trade talks is not one between the negotiators)."""
    pair_dyad = "-".join(sorted(main_pair))
    hostile_pair = any(e.dyad == pair_dyad and e.type not in FRIENDLY for e in events)
    for e in events:
        if e.dyad or (e.type not in ("TALKS", "VISIT", "MEDIATION", "CEASEFIRE") and n_sentences < 3):
            continue
        codes = set(e.actors) | set(e.recipients)
        if not codes and e.mediators and e.type in ("MEDIATION", "AGREEMENT", "CEASEFIRE", "TALKS") \
                and not set(main_pair) & set(e.mediators):
            # "Trump oversaw the signing of a peace deal": the deal of the article's pair
            e.actors = list(main_pair)
            e.dyad = pair_dyad
            e.rule += "+article-dyad"
            continue
        if len(codes) != 1:
            continue
        code = next(iter(codes))
        if code not in main_pair:
            continue
        if e.actors and e.recipients:
            e.recipients = []          # "dismissed concerns about China's attempts": its own name again
        other = main_pair[1] if main_pair[0] == code else main_pair[0]
        if other in e.mediators:
            continue
        if e.type not in FRIENDLY and not (e.actors or hostile_pair):
            continue
        if e.type == "VISIT":
            # the visitor or the visited: the one named is the host when it is a destination
            e.actors = e.actors + [other] if not e.actors else e.actors
            if e.actors == [code]:
                e.recipients = [other]
        elif e.actors:
            e.recipients = e.recipients + [other]
        else:
            e.actors = [other]
        e.dyad = pair_dyad
        e.rule += "+article-dyad"


def article_pass(events: list[Event], main_pair=None, n_sentences: int = 1) -> None:
    """Within one article, the talks of one dyad share their mediators, and upcoming talks
    share their venue: "Qatar and Türkiye are mediating" two sentences after "talks in
    Istanbul tomorrow" makes them the mediators of those talks."""
    meds: dict[str, list[str]] = {}
    venue: dict[str, str] = {}
    if main_pair:
        fill_main_pair(events, main_pair, n_sentences)
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

