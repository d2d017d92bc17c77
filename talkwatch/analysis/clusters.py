"""One real-world event reported many times: grouping events into clusters.

Two mentions are the same event when they share the dyad and the type, their statuses can
describe one event (an announced round and the same round held), and their dates agree at
their precision (within a day; within the month when one gives only the month). Mentions
without a date join a cluster of the same article, or one with the same place reported
within a week. Near-duplicate articles count once.
"""
from __future__ import annotations

from functools import lru_cache
from dataclasses import dataclass, field
from datetime import date as Date

# statuses that can describe one event seen at different moments
_COMPATIBLE = {
    "denied": {"denied"},
}
_AHEAD = {"proposed", "expected", "scheduled"}
_ORDER = ["proposed", "expected", "scheduled", "deferred", "resumed", "ongoing", "held", "cancelled", "failed", "denied"]


@dataclass(slots=True)     # tens of thousands of them for a busy dyad
class Mention:
    id: str
    type: str
    status: str
    dyad: str
    date: str | None
    precision: str | None
    location: str | None
    mediators: list[str]
    uid: str
    article_id: int
    published: str | None      # evidence date of the article
    source: str | None
    dup_of: str | None
    goldstein: float
    sentence: str
    rowid: int = 0             # the events row (clusters are written back by it)
    date_source: str | None = None   # text, relative, narrative, published, analyst
    mode: str | None = None          # the PLOVER mode: phone, intent, visit ...


@dataclass
class Cluster:
    mentions: list[Mention] = field(default_factory=list)

    @property
    def type(self) -> str:
        return self.mentions[0].type

    @property
    def dyad(self) -> str:
        return self.mentions[0].dyad

    def best_date(self) -> tuple[str | None, str | None]:
        """The date with the best evidence: the most precise, then the most reported."""
        rank = {"day": 3, "month": 2, "year": 1}
        counts: dict[tuple[str, str], int] = {}
        own: dict[tuple[str, str], bool] = {}
        for m in self.mentions:
            if m.date and not m.date.startswith("--"):
                key = (m.date, m.precision or "")
                counts[key] = counts.get(key, 0) + 1
                # a date the text gives beats a report's own day
                own[key] = own.get(key, False) or m.date_source not in ("published", None)
        if not counts:
            for m in self.mentions:
                if m.date:
                    return m.date, m.precision
            return None, None
        (d, p), _ = max(counts.items(), key=lambda kv: (rank.get(kv[0][1], 0), own[kv[0]], kv[1], kv[0][0]))
        return d, p or None

    def date_source(self) -> str | None:
        """Where the cluster's best date comes from; the firmest of its mentions that give it
        (an analyst's, then the text's, then a scene's, then a report's day)."""
        best, _ = self.best_date()
        order = {"analyst": 0, "text": 1, "relative": 2, "narrative": 3, "published": 4}   # as store/dyads.py
        found = [m.date_source for m in self.mentions if m.date == best and m.date_source]
        return min(found, key=lambda s: order.get(s, 4)) if found else None

    def mode(self) -> str | None:
        """The mode most of its mentions give (a call, an intent ...)."""
        seen: dict[str, int] = {}
        for m in self.mentions:
            if m.mode:
                seen[m.mode] = seen.get(m.mode, 0) + 1
        return max(seen, key=lambda k: (seen[k], k)) if seen else None

    def status(self) -> str:
        """The latest reported status (by the article's date), ties to the later stage."""
        def key(m: Mention):
            return (m.published or "", bool(m.date), _ORDER.index(m.status) if m.status in _ORDER else 0)

        return max(self.mentions, key=key).status

    def location(self) -> str | None:
        locs: dict[str, int] = {}
        for m in self.mentions:
            if m.location:
                locs[m.location] = locs.get(m.location, 0) + 1
        return max(locs, key=lambda k: (locs[k], k)) if locs else None

    def mediators(self) -> list[str]:
        seen: dict[str, int] = {}
        for m in self.mentions:
            for x in m.mediators:
                seen[x] = seen.get(x, 0) + 1
        return sorted(seen, key=lambda k: (-seen[k], k))

    def articles(self) -> set[str]:
        """Distinct stories: a near-duplicate counts as the article it copies."""
        return {m.dup_of or m.uid for m in self.mentions}

    def sources(self) -> set[str]:
        """Distinct outlets of distinct stories: a near-duplicate (one story syndicated by two
        outlets) counts once, as its original's source ("also carried by" the other)."""
        stories: dict[str, Mention] = {}
        for m in self.mentions:
            key = m.dup_of or m.uid
            if key not in stories or m.uid == key:      # the original, when it reports it too
                stories[key] = m
        return {(m.source or m.uid) for m in stories.values()}

    def status_seen(self) -> str | None:
        """When its present status was first reported (a round announced on the 1st and
        reported failed on the 8th has been failed since the 8th)."""
        st = self.status()
        ds = [m.published for m in self.mentions if m.published and m.status == st]
        return min(ds) if ds else None

    def seen(self) -> tuple[str | None, str | None]:
        ds = sorted(m.published for m in self.mentions if m.published)
        return (ds[0], ds[-1]) if ds else (None, None)

    def goldstein(self) -> float:
        return self.mentions[0].goldstein


@lru_cache(maxsize=65536)
def _parse(d: str | None) -> Date | None:
    if not d or d.startswith("--") or len(d) < 10:
        return None
    try:
        return Date.fromisoformat(d[:10])
    except ValueError:
        return None


def dates_agree(a: str | None, pa: str | None, b: str | None, pb: str | None) -> bool | None:
    """True/False when both dates are known, None when either is missing."""
    if not a or not b:
        return None
    if a == b:
        return True              # the same text agrees with itself at any precision
    if a.startswith("--") or b.startswith("--"):
        return a[-5:] == b[-5:] if (pa == "day" and pb == "day") else a.lstrip("-")[:2] == b.lstrip("-")[:2]
    da, db = _parse(a), _parse(b)
    if da and db and pa == "day" and pb == "day":
        return abs((da - db).days) <= 1
    # month or year precision on one side: the other must fall inside it
    shorter = min(len(a), len(b))
    return a[:shorter] == b[:shorter]


def statuses_agree(a: str, b: str) -> bool:
    if a == "denied" or b == "denied":
        return a == b
    return True


def _near(pub_a: str | None, pub_b: str | None, days: int) -> bool:
    da, db = _parse(pub_a), _parse(pub_b)
    if not da or not db:
        return False
    return abs((da - db).days) <= days


def same_event(m: Mention, c: Cluster) -> bool:
    if m.type != c.type or m.dyad != c.dyad:
        return False
    agree_any = False
    for other in c.mentions:
        if not statuses_agree(m.status, other.status):
            return False
        verdict = dates_agree(m.date, m.precision, other.date, other.precision)
        if verdict is False:
            return False
        if verdict:
            agree_any = True
    if agree_any:
        return True
    # no date on one side: the same article, or the same place within a week
    for other in c.mentions:
        if (other.uid == m.uid and (not m.date or not other.date)
                and m.status == other.status):
            return True
        if (m.location and other.location == m.location and _near(m.published, other.published, 7)
                and (not m.date or not other.date)):
            return True
    return False


def cluster(mentions: list[Mention]) -> list[Cluster]:
    """Greedy, deterministic: mentions in date order join the first cluster they fit."""
    def key(m: Mention):
        # a month or a year goes after the days inside it, so it joins the event of that
        # month told with its day ("the first round in March" and "talks in Kazan on March 20")
        d = m.date or m.published or "9999"
        if len(d) == 7:
            d += "-99"
        elif len(d) == 4:
            d += "-99-99"
        return (d, m.published or "", m.uid, m.id)

    clusters: list[Cluster] = []
    by_type: dict[tuple[str, str], list[Cluster]] = {}
    for m in sorted(mentions, key=key):
        bucket = by_type.setdefault((m.dyad, m.type), [])
        for c in reversed(bucket[-30:]):
            if same_event(m, c):
                c.mentions.append(m)
                break
        else:
            c = Cluster([m])
            bucket.append(c)
            clusters.append(c)
    return clusters
