"""Dates in news text: find the mentions, resolve them against the article's date.

Pure functions; no clock is ever read. A year that neither the text nor the metadata
gives stays unknown and the date keeps ISO 8601's reduced forms (``--11-06`` a day,
``--02`` a month).

* :func:`parse_published` reads a metadata date into a :class:`Ref`.
* :func:`infer_published` infers the reference date from the text alone
  ("will resume on November 06, tomorrow" -> the article speaks from 5 November; a
  weekday named in the text plus a year mentioned in it can fix the year).
* :func:`find_dates` finds candidate date spans (:class:`DateMention`) in a sentence.
* :func:`resolve` turns one mention into a :class:`Resolved` ISO value against a Ref;
  :func:`resolve_all` also resolves "the next day" against the date before it.

Conventions (documented choices):

* Weekdays are numbered Monday=0 .. Sunday=6 (as :meth:`datetime.date.weekday`).
* A bare weekday ("on Wednesday") that names the reference day's own weekday means the
  reference day, whatever the tense (news convention). Past tense takes the latest such
  weekday on or before the reference day, future tense the first on or after it, no
  tense the nearest (within three days). "last Friday" is strictly before, "next
  Tuesday" strictly after, "this Friday" the Friday of the reference day's Monday-Sunday
  week.
* A month-day without a year takes, among the reference year and its neighbours, the
  first occurrence on or after the reference day (future tense, two days' grace), the
  last on or before it (past tense, two days' grace) or the nearest (no tense). A
  weekday given with it ("Wednesday, November 5") picks, among those years, one where
  the weekday fits.
* Every result is an interval of days; its precision is the finest of day / month /
  year that holds the whole interval ("last week" across two months is a year, not a
  month), and nothing when it spans years: never more precision than the evidence.
* "N weeks ago" / "in N weeks" are taken as +/- three days around the point.
* Slashed numeric dates in text are read only when unambiguous (a part above 12);
  in metadata "11/05/2025" is month-first (US), dotted or dashed "05.11.2025" day-first.
* dateparser is a last resort for metadata strings only (imported lazily, cached,
  languages=['en']); it runs twice against two fixed bases and only the parts both runs
  agree on are kept, so nothing it fills in from a base date (or the clock) survives.
"""
from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

__all__ = [
    "Ref",
    "DateMention",
    "Resolved",
    "parse_published",
    "infer_published",
    "find_dates",
    "resolve",
    "resolve_all",
    "weekday_matches",
]

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
        self.later = re.compile(rf"{S}(?P<w>later|earlier)\b", re.I)
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


# --------------------------------------------------------------------------- resolving


def _month_end(y: int, m: int) -> date:
    return date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _month_span(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), _month_end(y, m)


def _ref_bounds(ref: Ref) -> tuple[date, date] | None:
    if ref.year is None:
        return None
    if ref.month is None:
        return date(ref.year, 1, 1), date(ref.year, 12, 31)
    if ref.day is None:
        return _month_span(ref.year, ref.month)
    d = date(ref.year, ref.month, ref.day)
    return d, d


def _span_value(lo: date, hi: date) -> tuple[str | None, str | None]:
    if lo > hi:
        lo, hi = hi, lo
    if lo == hi:
        return lo.isoformat(), "day"
    if (lo.year, lo.month) == (hi.year, hi.month):
        return f"{lo.year:04d}-{lo.month:02d}", "month"
    if lo.year == hi.year:
        return f"{lo.year:04d}", "year"
    return None, None


def _tense_word(tense: str | None) -> str:
    return f" + tense {tense}" if tense else ""


def _monthday_pick(d: date, month: int, day: int, tense: str | None, weekday: int | None):
    cands = [date(y, month, day) for y in (d.year - 1, d.year, d.year + 1) if _valid(y, month, day)]
    if not cands:
        return None, ""
    if tense == "future":
        pool = [c for c in cands if c >= d - _GRACE] or cands
        pick = min(pool)
    elif tense == "past":
        pool = [c for c in cands if c <= d + _GRACE] or cands
        pick = max(pool)
    else:
        pick = min(cands, key=lambda c: (abs((c - d).days), c))
    note = ""
    if weekday is not None and pick.weekday() != weekday:
        fits = [c for c in cands if c.weekday() == weekday]
        if fits:
            pick = min(fits, key=lambda c: (abs((c - d).days), c))
            note = f" ({_WEEKDAY_NAMES[weekday]} fixes the year)"
        else:
            note = f" (but it is not a {_WEEKDAY_NAMES[weekday]})"
    return pick, note


def _month_pick(ref_y: int, ref_m: int, month: int, rel: int | None, tense: str | None) -> tuple[int, int]:
    rk = ref_y * 12 + ref_m - 1
    cands = [(y, y * 12 + month - 1) for y in (ref_y - 1, ref_y, ref_y + 1)]
    if rel == -1:
        y = max(c for c in cands if c[1] < rk)[0]
    elif rel == 1:
        y = min(c for c in cands if c[1] > rk)[0]
    elif rel == 0:
        y = ref_y
    elif tense == "future":
        y = min(c for c in cands if c[1] >= rk)[0]
    elif tense == "past":
        y = max(c for c in cands if c[1] <= rk)[0]
    else:
        y = min(cands, key=lambda c: (abs(c[1] - rk), c[1]))[0]
    return y, month


def _weekday_day(d: date, wd: int, rel: int | None, tense: str | None) -> date:
    back = (d.weekday() - wd) % 7
    fwd = (wd - d.weekday()) % 7
    if rel == -1:
        return d - timedelta(days=back or 7)
    if rel == 1:
        return d + timedelta(days=fwd or 7)
    if rel == 0:
        return d - timedelta(days=d.weekday()) + timedelta(days=wd)
    if tense == "past":
        return d - timedelta(days=back)
    if tense == "future":
        return d + timedelta(days=fwd)
    return d - timedelta(days=back) if back <= 3 else d + timedelta(days=fwd)


def _shift(m: DateMention, d: date) -> tuple[date, date]:
    """The interval a relative mention names, seen from day d."""
    unit, n, q = m.rel_unit, m.rel_n or 0, m.qualifier
    if unit == "day":
        if q == "span":
            x = d + timedelta(days=n)
            return (x, d) if n < 0 else (d, x)
        x = d + timedelta(days=m.delta_days if m.delta_days is not None else n)
        return x, x
    if unit in ("week", "weekend"):
        if q in ("ago", "in") or m.anchor == "previous":
            x = d + timedelta(days=7 * n)
            return x - timedelta(days=3), x + timedelta(days=3)
        if q == "span":
            x = d + timedelta(days=7 * n)
            return (x, d) if n < 0 else (d, x)
        mon = d - timedelta(days=d.weekday()) + timedelta(days=7 * n)
        if unit == "weekend":
            return mon + timedelta(days=5), mon + timedelta(days=6)
        sun = mon + timedelta(days=6)
        if n == 0 and q == "earlier":
            return mon, max(mon, d - timedelta(days=1))
        if n == 0 and q == "later":
            return min(sun, d + timedelta(days=1)), sun
        if q == "early":
            return mon, mon + timedelta(days=2)
        if q in ("late", "end of", "the end of"):
            return mon + timedelta(days=4), sun
        return mon, sun
    if unit == "month":
        if q == "span":
            y, mo = _add_months(d.year, d.month, n)
            x = date(y, mo, min(d.day, _month_end(y, mo).day))
            return (x, d) if n < 0 else (d, x)
        y, mo = _add_months(d.year, d.month, n)
        lo, hi = _month_span(y, mo)
        if n == 0 and q == "earlier":
            return lo, max(lo, d - timedelta(days=1))
        if n == 0 and q == "later":
            return min(hi, d + timedelta(days=1)), hi
        return lo, hi
    if unit == "year":
        y = d.year + n
        if q == "span":
            x = date(y, d.month, min(d.day, _month_end(y, d.month).day))
            return (x, d) if n < 0 else (d, x)
        return date(y, 1, 1), date(y, 12, 31)
    raise ValueError(f"unknown unit {unit!r}")


def _over(bounds: tuple[date, date], f) -> tuple[date, date]:
    """Apply f (monotonic) at both ends of the reference interval; the union."""
    a, b = bounds
    lo1, hi1 = f(a)
    if a == b:
        return lo1, hi1
    lo2, hi2 = f(b)
    return min(lo1, lo2), max(hi1, hi2)


def _resolve_known(m: DateMention, ref: Ref, tense: str | None) -> Resolved:
    """Resolve m against a reference that has a year."""
    bounds = _ref_bounds(ref)
    assert bounds is not None
    r_iso = ref.iso()
    head = f"'{m.text}'{_tense_word(tense)} + ref {r_iso}"
    if m.kind == "monthday":
        if ref.month is None:
            v = _iso(ref.year, m.month, m.day)
            if not _valid(ref.year, m.month, m.day):
                return Resolved(_iso(None, m.month, m.day), "day", "text",
                                f"{head}: no such day in {ref.year} -> {_iso(None, m.month, m.day)}")
            return Resolved(v, "day", "relative", f"{head} (ref has a year only) -> {v}")
        if ref.day is None:
            y, _ = _month_pick(ref.year, ref.month, m.month, None, tense)
            if not _valid(y, m.month, m.day):
                v = _iso(None, m.month, m.day)
                return Resolved(v, "day", "text", f"{head}: no such day in {y} -> {v}")
            v = _iso(y, m.month, m.day)
            return Resolved(v, "day", "relative", f"{head} -> {v}")
        pick, note = _monthday_pick(bounds[0], m.month, m.day, tense, m.weekday)
        if pick is None:
            v = _iso(None, m.month, m.day)
            return Resolved(v, "day", "text", f"{head}: no such day near the ref -> {v}")
        return Resolved(pick.isoformat(), "day", "relative", f"{head} -> {pick.isoformat()}{note}")
    if m.kind == "month":
        if ref.month is None:
            if m.rel_n in (None, 0):
                v = _iso(ref.year, m.month, None)
                return Resolved(v, "month", "relative", f"{head} (ref has a year only) -> {v}")
            v = _iso(None, m.month, None)
            return Resolved(v, "month", "text", f"{head}: ref has no month, year unknown -> {v}")
        y, mo = _month_pick(ref.year, ref.month, m.month, m.rel_n, tense)
        v = _iso(y, mo, None)
        return Resolved(v, "month", "relative", f"{head} -> {v}")
    if m.kind == "weekday":
        lo, hi = _over(bounds, lambda d: (_weekday_day(d, m.weekday, m.rel_n, tense),) * 2)
    elif m.kind == "relative":
        lo, hi = _over(bounds, lambda d: _shift(m, d))
    else:
        raise ValueError(f"unknown kind {m.kind!r}")
    v, p = _span_value(lo, hi)
    if v is None:
        return Resolved(None, None, "relative", f"{head}: spans {lo.isoformat()}..{hi.isoformat()}, too wide")
    same_day = m.kind == "relative" and m.rel_unit == "day" and not m.delta_days and m.qualifier != "span"
    source = "published" if same_day else "relative"
    span = "" if lo == hi else f" ({lo.isoformat()}..{hi.isoformat()})"
    return Resolved(v, p, source, f"{head} -> {v}{span}")


_PROXY_YEARS = tuple(range(2001, 2013))   # every weekday and both leap kinds


def _strip_year(v: str | None) -> str | None:
    if v is None or v.startswith("--"):
        return v
    if len(v) == 4:
        return None
    return "-" + v[4:]


def _resolve_yearless(m: DateMention, ref: Ref, tense: str | None) -> Resolved:
    """A ref with a month (and day) but no year: keep only what every year agrees on."""
    head = f"'{m.text}'{_tense_word(tense)} + ref {ref.iso()}"
    vals = set()
    res = None
    for y in _PROXY_YEARS:
        if ref.day is not None and not _valid(y, ref.month, ref.day):
            continue
        res = _resolve_known(m, Ref(y, ref.month, ref.day, ref.source), tense)
        vals.add(_strip_year(res.value))
        if len(vals) > 1:
            break
    if res is not None and len(vals) == 1 and None not in vals:
        v = vals.pop()
        p = "day" if len(v) == 7 else "month"
        return Resolved(v, p, res.source, f"{head} -> {v} (year unknown)")
    return Resolved(None, None, "relative", f"{head}: needs the year of the ref, unknown")


def resolve(m: DateMention, ref: Ref | None, tense: str | None = None,
            anchor: str | Resolved | None = None) -> Resolved:
    """Resolve one mention against the article's reference date.

    tense: "past" | "future" | None. anchor: the date before ("the next day" needs it),
    an ISO string or a Resolved.
    """
    if ref is None:
        ref = Ref(None, None, None, "none", "")
    if tense not in ("past", "future"):
        tense = None
    try:
        return _resolve(m, ref, tense, anchor)
    except (ValueError, OverflowError, TypeError) as exc:
        return Resolved(None, None, "relative", f"'{m.text}': could not resolve ({exc})")


def _anchor_ref(anchor: str | Resolved | None) -> Ref | None:
    v = anchor.value if isinstance(anchor, Resolved) else anchor
    if not v:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?|--(\d{2})(?:-(\d{2}))?", v)
    if not m:
        return None
    if m.group(1):
        return Ref(int(m.group(1)), int(m.group(2)) if m.group(2) else None,
                   int(m.group(3)) if m.group(3) else None, "text")
    return Ref(None, int(m.group(4)), int(m.group(5)) if m.group(5) else None, "text")


def _resolve(m: DateMention, ref: Ref, tense: str | None, anchor) -> Resolved:
    if m.kind == "absolute":
        v = _iso(m.year, m.month, m.day)
        note = ""
        if m.weekday is not None and m.day is not None and not weekday_matches(m.year, m.month, m.day, m.weekday):
            note = f" (but it is not a {_WEEKDAY_NAMES[m.weekday]})"
        return Resolved(v, _precision(m.year, m.month, m.day), "text", f"'{m.text}' -> {v}{note}")
    if m.kind == "year":
        return Resolved(f"{m.year:04d}", "year", "text", f"'{m.text}' -> {m.year:04d}")
    if m.anchor == "previous":
        aref = _anchor_ref(anchor)
        if aref is None or not aref.known:
            return Resolved(None, None, "relative", f"'{m.text}': needs an earlier date in the text, none")
        r = _resolve(dataclasses.replace(m, anchor="ref"), aref, tense, None)
        return Resolved(r.value, r.precision, "relative",
                        r.how.replace(f"+ ref {aref.iso()}", f"+ earlier date {aref.iso()}", 1))
    if ref.year is None:
        if m.kind == "monthday":
            v = _iso(None, m.month, m.day)
            return Resolved(v, "day", "text", f"'{m.text}': no year in the text or the ref -> {v}")
        if m.kind == "month":
            v = _iso(None, m.month, None)
            return Resolved(v, "month", "text", f"'{m.text}': no year in the text or the ref -> {v}")
        if ref.month is None:
            return Resolved(None, None, "relative", f"'{m.text}': no reference date to resolve against")
        return _resolve_yearless(m, ref, tense)
    return _resolve_known(m, ref, tense)


def resolve_all(mentions: Sequence[DateMention], ref: Ref | None,
                tense: str | None | Sequence[str | None] = None,
                anchor: str | Resolved | None = None) -> list[Resolved]:
    """Resolve mentions in text order; "the next day" takes the last date resolved before it.

    tense is one value for all mentions or one per mention; anchor seeds the earlier date
    (e.g. the last date of the previous sentence).
    """
    out: list[Resolved] = []
    last = anchor
    for i, m in enumerate(mentions):
        t = tense if (tense is None or isinstance(tense, str)) else tense[i]
        r = resolve(m, ref, t, last)
        out.append(r)
        if r.value is not None and r.precision == "day":
            last = r
    return out


# --------------------------------------------------------------------------- published


_ISO_HEAD = re.compile(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?=$|[T ]\d|T|\s*[+-]\d{2}:?\d{2}$|Z$)")
_YMD_SEP = re.compile(r"(\d{4})([/.])(\d{1,2})\2(\d{1,2})(?!\d)")
_DMY_NUM = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d)")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T\d{2,6}(?:Z|[+-]\d{2,4})?)?")
_EPOCH = re.compile(r"(\d{9,10}|\d{12,13})(?:\.\d+)?")


def _meta(y: int | None, m: int | None, d: int | None, raw: str, how: str) -> Ref:
    return Ref(y, m, d, "metadata", f"metadata published={raw!r} ({how})")


def _none(how: str) -> Ref:
    return Ref(None, None, None, "none", how)


def parse_published(value) -> Ref:
    """A metadata publication date -> Ref (source "metadata"), never raising.

    Reads ISO 8601 (with time and zone: the date as written is kept), RFC 2822,
    "5 November 2025", "Nov 5, 2025", "2025/11/05", "05.11.2025" (day first),
    "11/05/2025" (slashes: month first unless the first part is above 12), "November
    2025", "2025", epoch seconds/milliseconds, and "November 5" (-> --11-05: a year is
    never borrowed). dateparser is the last resort. Garbage -> Ref with source "none".
    """
    try:
        return _parse_published(value)
    except (ValueError, OverflowError, TypeError, OSError) as exc:
        return _none(f"metadata published unreadable ({exc})")


def _parse_published(value) -> Ref:
    if value is None:
        return _none("no publication date in the metadata")
    if isinstance(value, datetime):
        return _meta(value.year, value.month, value.day, value.isoformat(), "datetime")
    if isinstance(value, date):
        return _meta(value.year, value.month, value.day, value.isoformat(), "date")
    if isinstance(value, bool):
        return _none(f"metadata published={value!r} is not a date")
    if isinstance(value, (int, float)):
        value = str(int(value)) if value == value and abs(value) < 1e15 else ""
    s = " ".join(str(value).split())
    if not s:
        return _none("no publication date in the metadata")
    raw = s if len(s) <= 60 else s[:57] + "..."
    s = s[:200]
    m = _ISO_HEAD.match(s)
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        d = int(m.group(3)) if m.group(3) else None
        if _year_ok(y) and 1 <= mo <= 12 and (d is None or _valid(y, mo, d)):
            return _meta(y, mo, d, raw, "ISO 8601")
    m = _YMD_SEP.match(s)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if _year_ok(y) and 1 <= mo <= 12 and _valid(y, mo, d):
            return _meta(y, mo, d, raw, "year first")
    m = _DMY_NUM.match(s)
    if m:
        a, sep, b, y = int(m.group(1)), m.group(2), int(m.group(3)), int(m.group(4))
        if sep == "/" and a <= 12:
            mo, d, how = a, b, "slashes, month first"
        else:
            d, mo, how = a, b, "day first"
        if _year_ok(y) and 1 <= mo <= 12 and _valid(y, mo, d):
            return _meta(y, mo, d, raw, how)
    if re.fullmatch(r"\d{4}", s):
        y = int(s)
        if _year_ok(y):
            return _meta(y, None, None, raw, "year")
    m = _COMPACT.fullmatch(s)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if _year_ok(y) and 1 <= mo <= 12 and _valid(y, mo, d):
            return _meta(y, mo, d, raw, "compact ISO")
    m = _EPOCH.fullmatch(s)
    if m:
        n = int(m.group(1))
        secs = n / 1000 if len(m.group(1)) >= 12 else n
        dt = datetime.fromtimestamp(secs, tz=timezone.utc)
        if 1990 <= dt.year <= MAX_YEAR:
            return _meta(dt.year, dt.month, dt.day, raw, "epoch, UTC")
    # written dates: let the finder read them (capitalise words: metadata may be lowercase)
    cap = re.sub(r"\b[A-Za-z]+", lambda w: w.group().capitalize(), s)
    found = [x for x in find_dates(cap) if x.kind in ("absolute", "monthday", "year", "month")]
    years = {x.year for x in found if x.kind == "year"}
    for kinds in (("absolute",), ("monthday",), ("month",)):
        for x in found:
            if x.kind in kinds and (x.kind != "month" or x.rel_n is None):
                y = x.year
                if y is None and x.kind in ("monthday", "month") and len(years) == 1:
                    y = years.pop()     # "Thu Nov 6 09:12:00 2025": the year after the time
                    if x.day is not None and not _valid(y, x.month, x.day):
                        y = None
                return _meta(y, x.month, x.day, raw, f"read {x.text!r}" + (f" and {y}" if y != x.year else ""))
    year_only = next((x for x in found if x.kind == "year"), None)
    if re.search(r"[A-Za-z]", s) or len(re.findall(r"\d+", s)) >= 2:
        parts = _dateparser_parts(s)
        if parts is not None:
            y, mo, d = parts
            if year_only is None or y == year_only.year:
                return _meta(y, mo, d if mo is not None else None, raw, "dateparser, parts present only")
    if year_only is not None:
        return _meta(year_only.year, None, None, raw, f"read {year_only.text!r}")
    return _none(f"metadata published={raw!r} is not a date")


_BASES = ((datetime(1904, 2, 3, 4, 5, 6), "first"), (datetime(1911, 9, 27, 15, 16, 17), "last"))


@lru_cache(maxsize=4096)
def _dateparser_parts(s: str) -> tuple[int | None, int | None, int | None] | None:
    """(year, month, day) dateparser reads in s, keeping only parts present in s.

    Two runs from different fixed bases (and preferring the first vs the last day of
    the month): a part filled in from the base differs between them and is dropped.
    """
    if len(s) > 120 or not re.search(r"\d|[A-Za-z]{3}", s):
        return None
    try:
        import dateparser  # lazy: heavy import
    except ImportError:
        return None
    got = []
    for base, dom in _BASES:
        try:
            dt = dateparser.parse(s, languages=["en"], settings={
                "RELATIVE_BASE": base, "PREFER_DAY_OF_MONTH": dom,
                "PREFER_DATES_FROM": "current_period", "RETURN_AS_TIMEZONE_AWARE": False})
        except Exception:   # third-party parser on untrusted text: any failure means "no date"
            return None
        if dt is None:
            return None
        got.append(dt)
    a, b = got
    y = a.year if a.year == b.year and _year_ok(a.year) else None
    mo = a.month if a.month == b.month else None
    d = a.day if (a.day == b.day and mo is not None) else None
    if y is None and mo is None:
        return None
    return y, mo, d


# --------------------------------------------------------------------------- inference


_GAP = re.compile(r"[\s,;:()\[\]\-\u2013\u2014]*(?:(?:that is|i\.e\.)[\s,]*)?")


def _dateline(text: str, lx: _Lex, m: DateMention) -> bool:
    if m.kind != "absolute" or m.day is None or m.start > 300:
        return False
    ls = text.rfind("\n", 0, m.start) + 1
    if text[:ls].count("\n") - text[:ls].count("\n\n") > 3:
        return False
    prefix = text[ls:m.start]
    words = re.findall(r"[A-Za-z][A-Za-z'.]*", prefix)
    for w in words:
        if w[0].islower() and w.lower().strip(".") not in lx.dateline_words:
            return False
    marked = any((len(w) > 1 and w.isupper()) or w.lower() in ("published", "updated", "posted", "dated")
                 for w in words)
    if words and not marked:
        return False                # "On November 5, 2025, ..." is a sentence
    if not words:
        le = text.find("\n", m.end)
        rest = text[m.end: le if le >= 0 else len(text)]
        if not lx.dateline_rest.match(rest):
            return False
    return True


def _ref_day_for(y: int, month: int, day: int, delta: int) -> date | None:
    try:
        return date(y, month, day) - timedelta(days=delta)
    except (ValueError, OverflowError):
        return None


def infer_published(text: str, not_after: date | None = None) -> Ref | None:
    """Infer the reference date from the text alone; None when nothing supports it.

    Evidence, strongest first: a dated dateline at the very top ("ISLAMABAD, Nov 5,
    2025 -"); a relative day word beside a date ("tomorrow, November 6", "November 6,
    tomorrow", "today (November 5)", "yesterday, Tuesday, November 4"). Without a year in
    that date, a weekday fixes the year: one given beside it, else the weekday most
    named in the text ("on Wednesday") taken as the reference day's; among years where
    the day falls on that weekday, a year the text mentions (the latest), else the first
    on or after the latest year it mentions. No year mentioned -> a reduced date
    ("--11-05"). Never the clock; but a caller may give `not_after` (the day the article
    was indexed: no article speaks from the future), and then, with no year mentioned, a
    weekday fixes the year as the latest such year not after that day.
    """
    if not text or not isinstance(text, str):
        return None
    try:
        return _infer(text[:_INFER_LIMIT], not_after)
    except (ValueError, OverflowError):    # defensive: untrusted text
        return None


def _infer(text: str, not_after: date | None = None) -> Ref | None:
    lx = _lex()
    ms = find_dates(text)
    if not ms:
        return None
    for m in ms:
        if m.start > 300:
            break
        if _dateline(text, lx, m):
            return Ref(m.year, m.month, m.day, "inferred", f"inferred: dateline '{m.text}' -> {_iso(m.year, m.month, m.day)}")
    # groups of mentions joined by punctuation only
    evidence = None
    i = 0
    while i < len(ms) and evidence is None:
        j = i
        while j + 1 < len(ms) and _GAP.fullmatch(text, ms[j].end, ms[j + 1].start):
            j += 1
        group = ms[i:j + 1]
        rel = next((g for g in group if g.kind == "relative" and g.rel_unit == "day" and g.anchor == "ref"
                    and g.qualifier is None and g.delta_days is not None and abs(g.delta_days) <= 2), None)
        dm = next((g for g in group if g.kind in ("absolute", "monthday") and g.day is not None), None)
        if rel is not None and dm is not None:
            wd = dm.weekday
            if wd is None:
                wd = next((g.weekday for g in group if g.kind == "weekday" and g.rel_n is None), None)
            evidence = (rel, dm, wd)
        i = j + 1
    if evidence is None:
        return None
    rel, dm, wd = evidence
    delta = rel.delta_days
    said = f"'{text[min(rel.start, dm.start):max(rel.end, dm.end)]}'"
    if dm.year is not None:
        d = _ref_day_for(dm.year, dm.month, dm.day, delta)
        if d is None:
            return None
        note = ""
        if wd is not None and not weekday_matches(dm.year, dm.month, dm.day, wd):
            note = f" (but {dm.text!r} is not a {_WEEKDAY_NAMES[wd]})"
        return Ref(d.year, d.month, d.day, "inferred", f"inferred: {said} -> {d.isoformat()}{note}")
    # month-day of the reference without a year (the same in leap and common years?)
    md = {(_ref_day_for(y, dm.month, dm.day, delta) or date(1, 1, 1)).strftime("%m-%d") for y in (2001, 2004)}
    ref_wd = None
    wd_from = ""
    if wd is not None:
        ref_wd = (wd - delta) % 7
        wd_from = f"'{_WEEKDAY_NAMES[wd]}' beside it"
    else:
        counts: dict[int, list[int]] = {}
        for g in ms:
            if g.kind == "weekday" and g.rel_n is None and g.qualifier in (None, "on"):
                counts.setdefault(g.weekday, []).append(g.start)
        if counts:
            ref_wd = min(counts, key=lambda k: (-len(counts[k]), counts[k][0]))
            first = next(g for g in ms if g.kind == "weekday" and g.weekday == ref_wd and g.rel_n is None)
            wd_from = f"'{first.text}'"
    years = sorted({g.year for g in ms if g.kind in ("absolute", "year") and g.year is not None})
    if ref_wd is not None and years:
        cands = []
        for y in range(MIN_YEAR, MAX_YEAR + 1):
            d = _ref_day_for(y, dm.month, dm.day, delta)
            if d is not None and d.weekday() == ref_wd:
                cands.append(d)
        named = [d for d in cands if d.year in years]
        later = [d for d in cands if d.year >= years[-1]]
        pick = max(named) if named else (min(later) if later else (max(cands) if cands else None))
        if pick is not None:
            why = "a year the text mentions" if named else f"first such year from {years[-1]}, the latest year mentioned"
            return Ref(pick.year, pick.month, pick.day, "inferred",
                       f"inferred: {wd_from} + {said} -> {pick.isoformat()} ({_WEEKDAY_NAMES[ref_wd]}; {why})")
    if ref_wd is not None and not years and not_after is not None:
        cands = []
        for y in range(MIN_YEAR, not_after.year + 1):
            d = _ref_day_for(y, dm.month, dm.day, delta)
            if d is not None and d.weekday() == ref_wd and d <= not_after:
                cands.append(d)
        if cands:
            pick = max(cands)
            return Ref(pick.year, pick.month, pick.day, "inferred",
                       f"inferred: {wd_from} + {said} -> {pick.isoformat()} ({_WEEKDAY_NAMES[ref_wd]}; no year"
                       f" mentioned: the latest such year not after {not_after.isoformat()}, when it was indexed)")
    if len(md) != 1:
        return None                      # across 29 February without a year: unknown
    mo, dd = (int(x) for x in md.pop().split("-"))
    extra = ""
    if ref_wd is not None:
        extra = f"; {wd_from} cannot fix the year: no year mentioned"
    return Ref(None, mo, dd, "inferred", f"inferred: {said} -> {_iso(None, mo, dd)} (year unknown{extra})")
