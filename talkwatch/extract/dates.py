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
import re
from datetime import date, timedelta
from typing import Sequence

from talkwatch.extract.datefind import (  # noqa: F401  (re-exported)
    MAX_YEAR, MIN_YEAR, DateMention, Ref, Resolved, _GRACE, _WEEKDAY_NAMES, _iso, _precision, _valid,
    find_dates, weekday_matches,
)
from talkwatch.extract.pubdate import infer_published, parse_published  # noqa: F401  (re-exported)

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


