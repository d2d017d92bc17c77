"""When each event happened: its own date in the text, the day its statement was made, the
date of the scene the article has already set, or the publication day for a deed reported
as done (docs/ONTOLOGY.md, "Dates").

Per sentence (:func:`assign`): every date mention goes to the nearest event (commas and
clause openers count as distance); an event left without one takes the nearest date of its
sentence when it is close enough. A statement (a demand, an accusation ...) takes a date
said of the statement itself ("demanded on Monday that ..."), not one inside what was said.
Spans ("the first visit in three years") and names ("the 2020 Doha Agreement") are not dates.

Each mention is resolved in the tense of its own clause (:func:`clause_tense`): "agreed in
January" is the last January, "will meet in January" the next one.

Per article (:func:`fill_article`): events still undated take the date of their scene (the
last dated deed of the same paragraph) or, when reported as done, the publication day; a deed
reported as done is never dated after the article.
"""
from __future__ import annotations

import bisect
import re
from datetime import date, timedelta

from talkwatch.extract import status as status_mod
from talkwatch.extract.words import W

# a mention's cost to an event: tokens between them, plus these for what lies between
COST_BREAK = 10          # a comma or hard punctuation
COST_OPENER = 12         # a clause opener ("after", "when", "which" ...)
SHARE_LIMIT = 24         # an event without a date of its own takes one costing at most this
SPEECH_TYPES = frozenset({"DEMAND", "ACCUSATION", "REJECTION", "THREAT"})
DONE = frozenset({"held", "ongoing", "resumed", "failed", "cancelled", "deferred", "denied"})
_YEAR_PREPS = frozenset({"in", "since", "until", "by", "from", "during", "of", "early", "late", "mid", "before", "after"})


def _is_past_word(w: str, prev: str = "") -> bool:
    if w in W.PAST_WORDS:
        return True
    # "their disputed frontier": a participle after a determiner qualifies a noun
    return len(w) > 4 and w.endswith("ed") and w not in W.NOT_PAST_ED and not (prev in W.DETERMINERS and prev != "that")


def clause_tense(keys: list[str], lo: int, di: int, dj: int, hi: int) -> str | None:
    """'past', 'future' or None: the verb group nearest to the date mention at [di, dj),
    looked for backwards to the clause start lo, then forwards to hi."""
    for k in range(di - 1, max(lo, di - 16) - 1, -1):
        w = keys[k]
        if w in W.PUNCT_HARD or w == ".":
            break
        if w in W.FUTURE_WORDS:
            return "future"
        if _is_past_word(w, keys[k - 1] if k > lo else ""):
            return "past"
        if w == "," and k < di - 1 and keys[k + 1] not in ("and",) or w == "that":
            break
    crossed = False
    end = min(hi, dj + 8)
    k = dj
    while k < end:
        w = keys[k]
        if w == "," and not crossed and k - lo <= 8 and (k + 1 >= hi or keys[k + 1] not in W.PLAIN_SPEECH):
            # a short opening phrase ("In a phone call in June, he seemed ..."): the main
            # clause after it gives the tense
            crossed = True
            end = min(hi, k + 9)
            k += 1
            continue
        if w in W.PUNCT_HARD or w in (".", ","):
            break                      # ", the ministry said": the report's tense, not the event's
        if w in W.FUTURE_WORDS:
            return "future"
        if _is_past_word(w, keys[k - 1]):
            return "past"
        k += 1
    return None


def _is_span(keys: list[str], a: int, di: int, d) -> bool:
    """"the first visit in three years", "for the first time in a decade", "in two years"
    said of a past deed: a length of time, not when the event happens."""
    if d.kind != "relative" or d.qualifier != "in" or not d.rel_n or d.rel_n <= 0:
        return False
    before = keys[max(a, di - 8):di]
    if any(w in ("first", "last", "time", "only", "since", "biggest", "largest", "worst", "highest", "lowest") for w in before):
        return True
    return clause_tense(keys, a, di, di + 1, di + 1) == "past"


def _is_name_year(keys: list[str], a: int, di: int, d) -> bool:
    """"the 2020 Doha Agreement": a bare year that is part of a name."""
    if d.month is None and d.day is None and d.year is not None and d.kind != "relative":
        if d.qualifier in _YEAR_PREPS or keys[di] in _YEAR_PREPS:
            return False           # "in 2014": the mention holds its preposition
        return not (di > a and keys[di - 1] in _YEAR_PREPS)
    return False


def _cost(keys: list[str], c, di: int) -> int:
    lo, hi = (c.j, di) if di >= c.j else (di, c.i)
    cost = min(abs(di - c.i), abs(di - c.j))
    for k in range(lo, hi):
        w = keys[k]
        if w == "," or w in W.PUNCT_HARD:
            cost += COST_BREAK
        elif w in W.CLAUSE_OPENERS:
            cost += COST_OPENER
    return cost


STATEMENT_REACH = 5      # tokens after a statement's verb where its own date may stand


def _statement_ok(sw, c, di: int) -> bool:
    """A statement's date is said of the statement ("accused Washington this month of",
    "demanded on Monday that"), not of what it says ("complained that ... since July",
    "said Ethiopia must stop filling the dam before July")."""
    if di < c.i:
        return True
    if di - c.j > STATEMENT_REACH:
        return False
    keys = sw.keys
    for k in range(c.j, di):
        if keys[k] in W.COMPLEMENTIZERS:
            return False
    return True


def assign(sw, chosen: list, dates: list) -> tuple[dict, object | None]:
    """{id(cand): [(cost, token index, mention)]} and the date the sentence's source spoke
    ("..., the ministry said on Thursday"), from the date mentions of one sentence."""
    keys = sw.keys
    by_cand: dict[int, list] = {}
    said_on = None
    usable = []
    for di, d in dates:
        if _is_name_year(keys, sw.a, di, d) or _is_span(keys, sw.a, di, d):
            continue
        if sw.in_attr(di) or sw.speech_end is not None and sw.lead_start <= di < sw.speech_end:
            said_on = said_on or (di, d)
            continue
        usable.append((di, d))
    def fits(c, di: int) -> bool:
        if c.type not in SPEECH_TYPES:
            return True
        if said_on is not None and sw.speech_end is not None and c.i >= sw.speech_end and di > c.i:
            return False               # "said on Friday that X must ... before July": said when
        return _statement_ok(sw, c, di)

    for di, d in usable:
        costs = []
        for c in chosen:
            if not fits(c, di):
                continue
            costs.append((_cost(keys, c, di), c))
        if not costs:
            continue
        best_cost, best = min(costs, key=lambda x: x[0])
        by_cand.setdefault(id(best), []).append((best_cost, di, d))
    # an event left without a date takes the nearest one of its sentence, when near enough
    for c in chosen:
        if id(c) in by_cand:
            continue
        near = []
        for di, d in usable:
            if not fits(c, di):
                continue
            cost = _cost(keys, c, di)
            if cost <= SHARE_LIMIT:
                near.append((cost, di, d))
        if near:
            by_cand[id(c)] = near
    return by_cand, said_on


def best_mention(found: list) -> tuple | None:
    """The mention to date an event by: day or month dates before bare years, then nearest."""
    if not found:
        return None
    return min(found, key=lambda x: (x[2].month is None and x[2].day is None, x[0]))


def set_date(ev, mention, di: int, sw, ref, resolve_fn, anchor: str | None = None) -> None:
    """Resolve `mention` (at token di) for event ev, in the tense of the mention's clause."""
    keys = sw.keys
    dj = bisect.bisect_left(sw.doc.starts, mention.end, di)
    tense = clause_tense(keys, sw.segment_start(di), di, max(dj, di + 1), sw.b)
    own = status_mod.tense_of(ev.status)
    if ev.status in status_mod.SETBACKS and ev.status != "denied":
        if tense != "past":
            tense = None               # "talks set for January 15 were postponed": the nearest
    elif tense is None:
        tense = own                    # the clause says nothing: the event's own tense
    try:
        if getattr(mention, "anchor", "ref") == "previous" and anchor:
            r = resolve_fn(mention, ref, tense, anchor)
        else:
            r = resolve_fn(mention, ref, tense)
    except Exception:
        return
    if r is None:
        return
    if not getattr(r, "value", None):
        ev.date_text = mention.text
        ev.date_how = r.how
        return
    if ev.status in ("held", "resumed", "denied") and tense != "past" and after_reference(r.value, ref):
        try:                         # a deed reported as done is not dated after the report
            r2 = resolve_fn(mention, ref, "past")
        except Exception:
            r2 = None
        if r2 is not None and r2.value and not after_reference(r2.value, ref):
            r = r2
    ev.date = r.value
    ev.date_precision = r.precision
    ev.date_source = r.source
    ev.date_text = mention.text
    ev.date_how = r.how


def after_reference(value: str | None, ref) -> bool:
    """True when an ISO date (maybe reduced) lies after the article's reference date."""
    try:
        pub = ref.iso() if ref is not None else None
    except Exception:
        pub = None
    if not pub or not value or pub.startswith("--") != value.startswith("--"):
        return False
    n = min(len(pub), len(value))
    return value[:n] > pub[:n]


_PARA = re.compile(r"\n[ \t]*\n")


def paragraph_starts(body: str) -> list[int]:
    """Offsets where paragraphs start: blank lines separate them; in text without blank
    lines, every line is one."""
    if _PARA.search(body):
        return [0] + [m.end() for m in _PARA.finditer(body)]
    return [0] + [i + 1 for i, ch in enumerate(body) if ch == "\n"]


LEAD_PARAGRAPHS = 1      # the lead: the first paragraphs of a report
LEAD_DAYS = 3            # a lead's day this close before the report is the day it reports


def _lead_scene(events: list, paras: list[int], ref):
    """The day the report is about: a deed of its first paragraphs dated to a day in the
    text, a few days before the report at most ("... on Saturday" in a Sunday paper)."""
    try:
        pub = date(ref.year, ref.month, ref.day) if ref is not None and ref.day else None
    except Exception:
        pub = None
    if pub is None:
        return None
    for ev in events:
        if bisect.bisect_right(paras, ev.start) - 1 >= LEAD_PARAGRAPHS:
            break
        if not ev.dyad:
            continue
        if ev.date and ev.date_source in ("text", "relative") and ev.date_precision == "day" and ev.status in DONE:
            try:
                d = date.fromisoformat(ev.date)
            except ValueError:
                continue
            if timedelta(0) <= pub - d <= timedelta(days=LEAD_DAYS):
                return ev
    return None


def _lead_detail(events: list, paras: list[int], ref, lead_ev):
    """For an undated deed of the lead: the first deed or statement of the same pair in the
    two paragraphs after it, dated to a day in the text a few days before the report."""
    try:
        pub = date(ref.year, ref.month, ref.day) if ref is not None and ref.day else None
    except Exception:
        pub = None
    if pub is None:
        return None
    for ev in events:
        para = bisect.bisect_right(paras, ev.start) - 1
        if para < 1:
            continue
        if para > 2:
            break
        if ev.dyad != lead_ev.dyad or ev.date_precision != "day" or ev.date_source not in ("text", "relative"):
            continue
        if ev.status not in DONE and ev.type not in SPEECH_TYPES:
            continue
        try:
            d = date.fromisoformat(ev.date)
        except (TypeError, ValueError):
            continue
        if timedelta(0) <= pub - d <= timedelta(days=LEAD_DAYS):
            return ev
    return None


class SceneMark:
    """A date that opens a sentence without an event ("On Thursday, as the delegations sat
    down, ..."): the scene for the deeds told after it in the paragraph."""

    def __init__(self, start: int, date: str, precision: str, text: str):
        self.start, self.date, self.date_precision, self.date_text = start, date, precision, text
        self.dyad = None


def scene_mark(doc, a: int, b: int, s_start: int, lazy, ref, resolve_fn) -> SceneMark | None:
    """The scene a sentence sets with a date among its first words, read in the past."""
    for di, d in lazy.dates():
        if di > a + 2:
            break
        if d.kind == "year" or d.kind == "relative" and d.rel_unit == "year":
            continue                   # a bare year is background, not a scene
        try:
            r = resolve_fn(d, ref, "past")
        except Exception:
            return None
        if r is not None and getattr(r, "value", None) and r.precision in ("day", "month") \
                and not after_reference(r.value, ref):
            return SceneMark(s_start, r.value, r.precision, d.text)
        return None
    return None


def fill_article(events: list, ref, body: str, scenes: list | None = None) -> None:
    """Dates for the events the sentences left undated: the scene's, else the day of the
    report for a deed reported as done; and a done deed is never after its article."""
    paras = paragraph_starts(body) if events else []
    pub = None
    try:
        if ref is not None and getattr(ref, "day", None):
            pub = ref.iso()
    except Exception:
        pub = None
    for ev in events:
        if ev.date and ev.status in ("held", "resumed", "failed") and after_reference(ev.date, ref):
            # a deed told as done, dated after its report ("agreed to keep the truce and to meet
            # next Thursday"): the date is another clause's; take the scene's or the report's
            ev.date_how = f"{ev.date_how}: after the report, not the date of a deed told as done"
            ev.date = ev.date_precision = ev.date_source = None
    def sets_scene(ev) -> bool:
        # a day or a month: a bare year is background ("in 2014, ..."), not a scene
        return bool(ev.date and ev.date_source in ("text", "relative") and ev.status in DONE
                    and ev.date_precision in ("day", "month") and not after_reference(ev.date, ref))

    in_sentence: dict[int, object] = {}   # sentence start -> its first deed dated in the text
    for ev in events:
        if sets_scene(ev):
            in_sentence.setdefault(ev.start, ev)
    lead = _lead_scene(events, paras, ref)
    scene: dict[int, object] = {}      # paragraph -> the last event dated in the text
    marks = sorted(scenes or [], key=lambda m: m.start)
    mk = 0
    for ev in events:
        para = bisect.bisect_right(paras, ev.start) - 1
        while mk < len(marks) and marks[mk].start < ev.start:
            scene[bisect.bisect_right(paras, marks[mk].start) - 1] = marks[mk]
            mk += 1
        if sets_scene(ev):
            scene[para] = ev
            continue
        if ev.date:
            continue
        done = ev.status in DONE or ev.status == "proposed" or ev.type in SPEECH_TYPES
        if not done:
            continue
        src = in_sentence.get(ev.start) or scene.get(para)
        if ev.status == "ongoing":
            src = None                 # a state that holds now ("has largely held") is of the report's day
        if src is None and ev.dyad and ev.type not in SPEECH_TYPES:
            for back in (para - 1, para - 2):
                prev = scene.get(back)
                if prev is not None and prev.dyad == ev.dyad and prev.date_precision == "day":
                    src = prev         # the same pair's scene, a paragraph or two before
                    break
        if src is not None and ev.status != "proposed":
            ev.date, ev.date_precision = src.date, src.date_precision
            ev.date_source = "narrative"
            ev.date_text = src.date_text
            ev.date_how = f"the scene's date, from {src.date_text!r} earlier in the paragraph ({src.date})"
            continue
        if lead is None and para == 0 and ev.dyad and ev.status != "proposed":
            detail = _lead_detail(events, paras, ref, ev)
            if detail is not None:
                # the lead sums up, the next paragraphs tell when: "X has imposed sanctions
                # on Y. In a statement on Wednesday, X said ..."
                ev.date, ev.date_precision = detail.date, detail.date_precision
                ev.date_source = "narrative"
                ev.date_text = detail.date_text
                ev.date_how = f"the lead's day, told after it: {detail.date_text!r} ({detail.date})"
                continue
        if lead is not None and ev.status != "proposed":
            ev.date, ev.date_precision = lead.date, lead.date_precision
            ev.date_source = "narrative"
            ev.date_text = lead.date_text
            ev.date_how = f"the day the report's lead tells of, {lead.date_text!r} ({lead.date})"
            continue
        if pub:
            ev.date, ev.date_precision = pub, "day"
            ev.date_source = "published"
            ev.date_how = f"reported as done without a date of its own: the article's date (~{pub})"
