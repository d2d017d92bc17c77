"""Date mentions in news text: the lexicon (talkwatch/data/dates.json) and the finder.

:func:`find_dates` returns candidate spans (:class:`DateMention`), parsed but not resolved;
talkwatch.extract.dates resolves them against an article's reference date (:class:`Ref`).
See talkwatch.extract.dates for the conventions.
"""
from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Iterable

_DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "dates.json"
MIN_YEAR, MAX_YEAR = 1900, 2099
_INFER_LIMIT = 50_000          # characters of an article read by infer_published
_GRACE = timedelta(days=2)     # tense grace for month-days around the reference day
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# --------------------------------------------------------------------------- records


def _iso(year: int | None, month: int | None, day: int | None) -> str | None:
    if year is not None:
        if month is None:
            return f"{year:04d}"
        if day is None:
            return f"{year:04d}-{month:02d}"
        return f"{year:04d}-{month:02d}-{day:02d}"
    if month is None:
        return None
    if day is None:
        return f"--{month:02d}"
    return f"--{month:02d}-{day:02d}"


def _precision(year: int | None, month: int | None, day: int | None) -> str | None:
    if month is not None and day is not None:
        return "day"
    if month is not None:
        return "month"
    if year is not None:
        return "year"
    return None


@dataclass(frozen=True, slots=True)
class Ref:
    """The reference date an article speaks from (usually its publication date)."""

    year: int | None
    month: int | None
    day: int | None
    source: str = "none"        # "metadata" | "inferred" | "none"
    how: str = ""

    def iso(self) -> str | None:
        """ISO 8601, reduced forms allowed: 2025-11-05, 2025-11, 2025, --11-05, --11; or None."""
        return _iso(self.year, self.month, self.day)

    @property
    def precision(self) -> str | None:
        return _precision(self.year, self.month, self.day)

    @property
    def known(self) -> bool:
        """True when anything is known (a year, or a month for a reduced date)."""
        return self.month is not None or self.year is not None


@dataclass(frozen=True)
class DateMention:
    """A candidate date span, parsed but not resolved.

    kind: "absolute" (has its own year), "monthday" (month and day, no year), "month",
    "year", "weekday", "relative".
    rel_n: for weekday/month the direction given by a modifier (-1 last, +1 next,
    0 this, None none); for relative the signed count of rel_unit ("next week" +1,
    "two months ago" -2, "today" 0).
    delta_days: for relative day units, the signed day offset.
    anchor: "ref" (the article's date) or "previous" ("the next day": the date before).
    qualifier: the modifier word kept ("on", "last", "mid", "early", "later", "span",
    "ago", "in" ...).
    """

    start: int
    end: int
    text: str
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    delta_days: int | None = None
    rel_unit: str | None = None     # "day" | "week" | "weekend" | "month" | "year"
    rel_n: int | None = None
    anchor: str = "ref"
    qualifier: str | None = None


def _new_mention(start: int, end: int, text: str, fields: dict) -> DateMention:
    """Build a DateMention without the frozen __init__ (one setattr per field is the
    largest single cost of find_dates on date-dense text); same fields, same equality."""
    m = object.__new__(DateMention)
    d = m.__dict__
    d.update(_MENTION_DEFAULTS)
    d["start"], d["end"], d["text"] = start, end, text
    d.update(fields)
    return m


_MENTION_DEFAULTS = {f.name: f.default for f in dataclasses.fields(DateMention)
                     if f.default is not dataclasses.MISSING}


@dataclass(frozen=True, slots=True)
class Resolved:
    value: str | None       # ISO 8601, reduced forms allowed
    precision: str | None   # "day" | "month" | "year"
    source: str             # "text" | "relative" | "published"
    how: str


def weekday_matches(year: int, month: int, day: int, weekday: int) -> bool:
    """True when year-month-day is a valid date falling on weekday (Monday=0)."""
    try:
        return date(year, month, day).weekday() == weekday
    except (ValueError, OverflowError, TypeError):
        return False


def _valid(year: int | None, month: int, day: int) -> bool:
    try:
        date(year if year is not None else 2000, month, day)  # 2000 is a leap year
        return True
    except (ValueError, OverflowError):
        return False


# --------------------------------------------------------------------------- lexicon


def _rev_alt(words: Iterable[str], sep: str) -> str:
    """Alternation of the words spelt backwards (spaces become sep), longest first."""
    return "|".join(sep.join(re.escape(part) for part in w[::-1].split())
                    for w in sorted(set(words), key=len, reverse=True))


def _trie(words: Iterable[str]) -> str:
    """A regex alternation shaped as a trie: the engine rejects most positions at once."""
    root: dict = {}
    for w in words:
        node = root
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(c) + emit(sub) for c, sub in sorted(node.items()) if c]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)




class _Lex:
    """The word lists of data/dates.json and the patterns built from them."""

    def __init__(self, d: dict):
        self.months: dict[str, int] = d["months"]
        self.month_any: dict[str, int] = {**d["month_abbreviations"], **d["months"]}
        self.ambiguous = set(d["ambiguous_months"])
        self.weekdays: dict[str, int] = d["weekdays"]
        self.weekday_any: dict[str, int] = {**d["weekday_abbreviations"], **d["weekdays"]}
        self.modifiers: dict[str, int | None] = d["modifiers"]
        self.guards = set(d["month_guards"])
        self.strict_guards = set(d["ambiguous_month_guards"])
        self.month_parts = {" ".join(p.split()) for p in d["month_parts"]}
        self.unit_parts = {" ".join(p.split()) for p in d["unit_parts"]}
        self.holidays = set(d["weekday_holidays"])
        self.name_suffixes = set(d["name_suffixes"])
        self.rel_days: dict[str, int] = d["relative_days"]
        self.day_parts: dict[str, dict[str, int]] = d["day_parts"]
        self.units: dict[str, str] = d["units"]
        self.numwords: dict[str, int] = {" ".join(k.split()): v for k, v in d["number_words"].items()}
        self.year_not_before = set(d["year_not_before"])
        self.count_nouns = set(d["year_count_nouns"])
        self.dateline_words = set(d["dateline_words"])

        self.kind: dict[str, str] = {}
        for w in self.month_any:
            self.kind[w] = "month"
        for w in self.weekday_any:
            self.kind[w] = "weekday"
        for w in self.rel_days:
            self.kind[w] = "relday"
        for w in self.day_parts:
            self.kind[w] = "daypart"
        for w in self.units:
            self.kind[w] = "unit"
        spellings = set()
        for w, k in self.kind.items():
            spellings |= {w.capitalize(), w.upper()}
            if k not in ("month", "weekday"):   # month and weekday names count only capitalised
                spellings.add(w)

        S = r"[ \t\u00a0]{1,4}"           # a short run of spaces (bounded: no backtracking blow-up)
        SO = r"[ \t\u00a0]{0,4}"          # optional spaces
        W = r"\s{1,4}"                     # spaces or a line break
        # trigger words, years, and day numbers that a month or a date separator follows
        self.trigger = re.compile(
            rf"\b(?:{_trie(spellings)})\b|\b\d{{4}}\b"
            rf"|\b\d{{1,2}}(?=st|nd|rd|th|{W}(?:of{S})?[A-Z]|{SO}(?:[-\u2013/.]\d|to\b|and\b|&))")
        # after a month name: " 6", ". 6th", " 5-6"; then an optional year
        self.month_day = re.compile(
            rf"\.?{W}(\d{{1,2}})(?:st|nd|rd|th)?(?![\d:])(?:{SO}[-\u2013]{SO}\d{{1,2}}(?:st|nd|rd|th)?(?!\d))?\b")
        self.year_after = re.compile(rf"(?:,{W}|,|{W})(\d{{4}})(?![\d,.]\d|\d)")
        self.month_year = re.compile(rf"\.?,?{W}(\d{{4}})(?![\d,.]\d|\d)")
        # after a day number: "th of November", " Nov.", "-6 November"
        self.day_month = re.compile(
            rf"(?:st|nd|rd|th)?(?:{SO}(?:-|\u2013|to|and|&){SO}\d{{1,2}}(?:st|nd|rd|th)?)?"
            rf"(?:{S}of)?{W}([A-Za-z]+)\b(\.)?")
        self.iso_after = re.compile(r"([-/.])(\d{1,2})\1(\d{1,2})(?!\d)")
        self.slash_after = re.compile(r"([/.])(\d{1,2})\1(\d{4})(?!\d)")
        self.after_weekday = re.compile(rf"\.?,?{W}(?:the{S})?(?=[\dA-Za-z])")
        self.next_word = re.compile(rf"(?:'s|\u2019s)?{S}([A-Za-z]+)")
        self.ago = re.compile(rf"{S}ago\b", re.I)
        # "two days later", "a week earlier", "four days before," (before what was just told)
        self.later = re.compile(rf"{S}(?P<w>later|earlier|before(?=\s*[,.;]))\b", re.I)
        self.money = re.compile(r"(?:[$\u00a3\u20ac\u00a5#]|\b(?:Rs|No|PKR|USD|INR)\.?)\s?$", re.I)
        # lookbehinds, written reversed and matched on the reversed text before a trigger:
        # one anchored match instead of a search through a window
        R = rf"(?:{S}|{SO}-{SO})"
        END = r"(?![A-Za-z0-9])"
        rnum = rf"(?:\d{{1,3}}|{_rev_alt(self.numwords, S)})"
        self.rv_guard = re.compile(
            rf"(?:{R}(?P<p>{_rev_alt(self.month_parts, S)}){END})?(?:{S}(?P<g>{_rev_alt(self.guards, S)}){END})?",
            re.I)
        self.rv_num = re.compile(rf"{S}(?P<n>{rnum}){END}", re.I)
        self.rv_in = re.compile(rf"{S}(?P<n>{rnum}){S}(?:txen{S}eht{S})?ni{END}", re.I)
        mods = "this next last coming past previous current following".split()
        self.rv_unit = re.compile(
            rf"{S}(?:(?P<n>{rnum}){S})?(?P<m>{_rev_alt(mods, S)}){END}(?:{S}(?P<the>eht){END})?"
            rf"(?:{R}(?P<p>{_rev_alt(self.unit_parts, S)}){END})?", re.I)
        self.rv_mod = re.compile(rf"{S}(?P<m>{_rev_alt(list(self.modifiers) + ['every'], S)}){END}", re.I)
        self.rv_word = re.compile(rf"{S}(?P<w>[A-Za-z0-9'\u2019&-]+)")
        self.rv_daybefore = re.compile(rf"{S}(?P<w>retfa|erofeb){S}yad{END}(?:{S}eht{END})?", re.I)
        self.rv_this_last = re.compile(rf"{S}(?P<m>tsal|siht){END}", re.I)
        self.dateline_rest = re.compile(
            r"\s*(?:$|[-\u2013\u2014:|(\[/]|\d{1,2}[:.]\d{2}|at\b|\d{1,2}\s*[ap]\.?m)", re.I)

    def number(self, written: str | None) -> int | None:
        """A count as written: '3', 'two', 'a couple of' -> 3, 2, 2; None when not a count."""
        if not written:
            return None
        w = " ".join(written.lower().split())
        if w.isdigit():
            return int(w) if len(w) <= 3 else None
        return self.numwords.get(w)


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    with open(_DATA_FILE, encoding="utf-8") as fh:
        return _Lex(json.load(fh))


# --------------------------------------------------------------------------- finding

def _rev(text: str, s: int) -> str:
    """The 64 characters before s, reversed: lookbehinds are matched on it, anchored."""
    return text[max(0, s - 64):s][::-1]


def _prev_word(lx: _Lex, rev: str) -> str | None:
    """The word right before (spaces only between), as written."""
    m = lx.rv_word.match(rev)
    return m.group("w")[::-1] if m else None


def _year_ok(y: int) -> bool:
    return MIN_YEAR <= y <= MAX_YEAR


def _explicit_at(lx: _Lex, text: str, s: int):
    """An explicit date starting exactly at s (a month name or a day number)."""
    m = _WORD_OR_DAY.match(text, s)
    if not m:
        return None
    tok = m.group()
    if tok[0].isdigit():
        return _day_first(lx, text, s, m.end(), int(tok))
    if lx.kind.get(tok.lower()) == "month":
        return _month_first(lx, text, s, m.end(), tok, bare=False)
    return None


_MONEY_HINTS = frozenset(".$\u00a3\u20ac\u00a5#")
_WORD_OR_DAY = re.compile(r"[A-Za-z]+|\d{1,2}(?!\d)")


def _with_year(lx: _Lex, text: str, end: int, month: int, day: int):
    ym = lx.year_after.match(text, end)
    if ym:
        y = int(ym.group(1))
        if _year_ok(y) and _valid(y, month, day):
            return y, ym.end()
    return None, end


def _day_first(lx: _Lex, text: str, s: int, e: int, day: int):
    """'6 November', '6th of Nov. 2025', '5-6 November'."""
    m = lx.day_month.match(text, e)
    if not m:
        return None
    word = m.group(1)
    month = lx.month_any.get(word.lower())
    if month is None or not word[0].isupper() or not (1 <= day <= 31) or not _valid(None, month, day):
        return None
    end = m.end()
    if m.group(2) and word.lower() in lx.months:   # "6 November." : the dot ends the sentence
        end -= 1
    year, end = _with_year(lx, text, end, month, day)
    kind = "absolute" if year else "monthday"
    return s, end, dict(kind=kind, year=year, month=month, day=day)


def _guarded(lx: _Lex, rev: str, s: int) -> tuple[str | None, str | None, int]:
    """(guard, part, start) before a bare month or year: 'in', 'since', 'mid', 'the end of'."""
    m = lx.rv_guard.match(rev)
    g, p = m.group("g"), m.group("p")
    g = g[::-1].lower() if g else None
    p = " ".join(p[::-1].lower().split()) if p else None
    return g, p, (s - m.end()) if (g or p) else -1


def _month_first(lx: _Lex, text: str, s: int, e: int, word: str, bare: bool = True):
    """'November 6', 'Nov. 6, 2025', 'February 2016', and (bare) 'in February'."""
    if not word[0].isupper():
        return None
    low = word.lower()
    month = lx.month_any[low]
    m = lx.month_day.match(text, e)
    if m:
        day = int(m.group(1))
        if 1 <= day <= 31 and _valid(None, month, day):
            year, end = _with_year(lx, text, m.end(), month, day)
            return s, end, dict(kind="absolute" if year else "monthday", year=year, month=month, day=day)
    m = lx.month_year.match(text, e)
    if m and _year_ok(int(m.group(1))):
        return s, m.end(), dict(kind="absolute", year=int(m.group(1)), month=month)
    if not bare or low not in lx.months:
        return None
    rev = _rev(text, s)
    g, p, start = _guarded(lx, rev, s)
    if g and not p and low in lx.ambiguous and g not in lx.strict_guards:
        g = None                                # "voted for May", "talked to March organisers"
    if not (g or p):
        if low in lx.ambiguous:
            return None                         # "May God", "Theresa May", "the Long March"
        if not text.startswith(("'s", "\u2019s"), e):
            pw = _prev_word(lx, rev)
            if pw and pw[0].isupper() and pw.lower() not in lx.guards:
                return None                     # "Black September"
            nw = lx.next_word.match(text, e)
            if nw and nw.group(1)[0].isupper() and nw.group(1).lower() not in lx.kind:
                return None                     # "April Jones"
        start = s
    rel = lx.modifiers.get(g) if g else None
    return start, e, dict(kind="month", month=month, rel_n=rel, qualifier=p or g)


def _at_number(lx: _Lex, text: str, s: int, e: int):
    digits = text[s:e]
    if s > 0:
        c = text[s - 1]
        if c in "$\u00a3\u20ac\u00a5#_":
            return None
        if s > 1 and c in ".,:/-\u2013" and text[s - 2].isdigit():
            return None
    if len(digits) == 4:
        m = lx.iso_after.match(text, e)
        if m:
            y, mo, d = int(digits), int(m.group(2)), int(m.group(3))
            if _year_ok(y) and 1 <= mo <= 12 and _valid(y, mo, d):
                return s, m.end(), dict(kind="absolute", year=y, month=mo, day=d)
            return None
        y = int(digits)
        if not _year_ok(y):
            return None
        nxt = text[e:e + 2]
        if nxt[:1] in ("%", "-", "\u2013", "/") or (len(nxt) == 2 and nxt[0] in ".," and nxt[1].isdigit()):
            return None                         # 2020%, 2020-21 (fiscal), 2,020.5
        c = text[s - 2] if s > 1 and text[s - 1] == " " else text[s - 1:s]
        if c and c in _MONEY_HINTS and lx.money.search(text, max(0, s - 6), s):
            return None                         # "$2020", "Rs. 2020" ("Rs 2020": year_not_before)
        rev = _rev(text, s)
        pw = _prev_word(lx, rev)
        if pw and pw.lower() in lx.year_not_before:
            return None                         # "over 2000"
        nw = lx.next_word.match(text, e)
        if nw and nw.group(1).lower() in lx.count_nouns:
            return None                         # "2000 troops"
        g, p, start = _guarded(lx, rev, s)
        return (start if (g or p) else s), e, dict(kind="year", year=y, qualifier=p or g)
    day = int(digits)
    r = _day_first(lx, text, s, e, day)
    if r:
        return r
    m = lx.slash_after.match(text, e)
    if m:
        a, b, y = day, int(m.group(2)), int(m.group(3))
        if m.group(1) == ".":
            d, mo = a, b
        elif a > 12 >= b:
            d, mo = a, b
        elif b > 12 >= a:
            d, mo = b, a
        else:
            return None                         # 11/05/2025: ambiguous in running text
        if _year_ok(y) and 1 <= mo <= 12 and _valid(y, mo, d):
            return s, m.end(), dict(kind="absolute", year=y, month=mo, day=d)
    return None


def _at_weekday(lx: _Lex, text: str, s: int, e: int, word: str):
    if not word[0].isupper():
        return None
    low = word.lower()
    wd = lx.weekday_any[low]
    m = lx.after_weekday.match(text, e)
    if m:
        r = _explicit_at(lx, text, m.end())
        if r and r[2].get("day") is not None:
            return s, r[1], dict(r[2], weekday=wd)
    if low not in lx.weekdays:
        return None                             # "Wed" alone is not a date
    rev = _rev(text, s)
    lb = lx.rv_mod.match(rev)
    mod = lb.group("m")[::-1].lower() if lb else None
    if mod == "every":
        return None
    if mod is None:
        pw = _prev_word(lx, rev)
        if pw and pw[0].isupper() and pw.lower() in lx.holidays:
            return None                         # "Good Friday"
        nw = lx.next_word.match(text, e)
        if nw and nw.group(1)[0].isupper() and nw.group(1).lower() in lx.name_suffixes:
            return None                         # "Sunday Times"
    start = s - lb.end() if lb else s
    rel = lx.modifiers.get(mod) if mod else None
    return start, e, dict(kind="weekday", weekday=wd, rel_n=rel, qualifier=mod)


def _at_relday(lx: _Lex, text: str, s: int, e: int, word: str):
    rev = _rev(text, s)
    if word[0].isupper():
        pw = _prev_word(lx, rev)
        if pw and pw[0].isupper() and pw.lower() not in lx.modifiers and pw.lower() not in lx.guards:
            return None                         # "Pakistan Today", "USA Today"
    delta = lx.rel_days[word.lower()]
    start = s
    lb = lx.rv_daybefore.match(rev)
    if lb:
        w = lb.group("w").lower()
        if w == "retfa" and delta == 1:
            delta, start = 2, s - lb.end()
        elif w == "erofeb" and delta == -1:
            delta, start = -2, s - lb.end()
    return start, e, dict(kind="relative", rel_unit="day", delta_days=delta, rel_n=delta)


def _at_daypart(lx: _Lex, text: str, s: int, e: int, word: str):
    lb = lx.rv_this_last.match(_rev(text, s))
    if not lb:
        return None
    mod = lb.group("m")[::-1].lower()
    delta = lx.day_parts[word.lower()].get(mod)
    if delta is None:
        return None
    return s - lb.end(), e, dict(kind="relative", rel_unit="day", delta_days=delta, rel_n=delta,
                                 qualifier=mod)


def _at_unit(lx: _Lex, text: str, s: int, e: int, word: str):
    low = word.lower()
    unit = lx.units[low]
    plural = low.endswith("s")
    rev = _rev(text, s)

    def fields(n: int, anchor: str = "ref", qual: str | None = None) -> dict:
        return dict(kind="relative", rel_unit=unit, rel_n=n, anchor=anchor, qualifier=qual,
                    delta_days=n if unit == "day" else None)

    def count(m) -> int | None:
        return lx.number(m.group("n")[::-1]) if m and m.group("n") else None

    m = lx.ago.match(text, e)
    if m:
        lb = lx.rv_num.match(rev)
        n = count(lb)
        if n is None or unit == "weekend":
            return None                         # "days ago", "a few days ago": vague
        return s - lb.end(), m.end(), fields(-n, qual="ago")
    if unit == "weekend":
        lb = None
    else:
        m = lx.later.match(text, e)
        if m:
            lb = lx.rv_num.match(rev)
            n = count(lb)
            if n is not None:
                sign = 1 if m.group("w").lower() == "later" else -1
                return s - lb.end(), m.end(), fields(sign * n, anchor="previous", qual=m.group("w").lower())
        lb = lx.rv_in.match(rev)
        n = count(lb)
        if n is not None:
            return s - lb.end(), e, fields(n, qual="in")
    # [part] [the] this|next|last|... [N] unit
    lb = lx.rv_unit.match(rev)
    if not lb:
        return None
    mod = lb.group("m")[::-1].lower()
    the = bool(lb.group("the"))
    n = count(lb)
    if lb.group("n") and n is None:
        return None
    part = " ".join(lb.group("p")[::-1].lower().split()) if lb.group("p") else None
    start = s - lb.end()
    if not ((n is None and not plural) or (n == 1 and not plural) or (n is not None and n > 1 and plural)):
        return None                             # "last years", "next two week"
    if mod == "following":
        if the and n is None and unit in ("day", "week"):
            return start, e, fields(1, anchor="previous", qual="following")
        return None
    direction = lx.modifiers.get(mod)
    if unit == "day":
        if n is None:
            if the and mod == "next":
                return start, e, fields(1, anchor="previous", qual="next")
            if mod == "previous":
                return start, e, fields(-1, anchor="previous", qual="previous")
            return None
        if direction in (1, -1):
            return start, e, fields(direction * n, qual="span")
        return None
    if direction is None:
        return None
    if (the or n is not None) and direction != 0 and unit != "weekend":
        return start, e, fields(direction * (n or 1), qual="span")
    if n is not None:
        return None
    return start, e, fields(direction, qual=part)


_HANDLERS = {
    "weekday": _at_weekday,
    "relday": _at_relday,
    "daypart": _at_daypart,
    "unit": _at_unit,
    "month": _month_first,
}


def find_dates(text: str, base: int = 0) -> list[DateMention]:
    """Candidate date spans in text (a sentence or an article).

    Offsets are base + the index into text. Month and weekday names count only when
    capitalised; "May"/"March" alone count only after a guard word ("in May").
    """
    if not text or not isinstance(text, str):
        return []
    lx = _lex()
    out: list[DateMention] = []
    pos = 0
    kind = lx.kind
    for tm in lx.trigger.finditer(text):
        s = tm.start()
        if s < pos:
            continue
        tok = tm.group()
        if tok[0].isdigit():
            r = _at_number(lx, text, s, tm.end())
        else:
            r = _HANDLERS[kind[tok.lower()]](lx, text, s, tm.end(), tok)
        if r is None:
            continue
        start, end, f = r
        start = max(start, pos)
        out.append(_new_mention(base + start, base + end, text[start:end], f))
        pos = end
    return out


