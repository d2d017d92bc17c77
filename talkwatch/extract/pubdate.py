"""An article's reference date: the metadata's (:func:`parse_published`), or one inferred
from the text alone (:func:`infer_published`). Conventions in talkwatch.extract.dates.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache

from talkwatch.extract.datefind import (
    MAX_YEAR, MIN_YEAR, _WEEKDAY_NAMES, DateMention, Ref, _INFER_LIMIT, _Lex, _iso, _lex, _valid, _year_ok, find_dates, weekday_matches,
)

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
