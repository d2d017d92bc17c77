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


def main_pair(parties: list[PartyRef], bounds: list[int] | None = None) -> tuple[str, str] | None:
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



def merge_repeats(events: list[Event]) -> list[Event]:
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


def article_pass(events: list[Event], main_pair=None, n_sentences: int = 1) -> None:
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

