"""Cheap publication-date normalisation to ISO 8601 (no dateparser)."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
    "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?,?\s+)?"

_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_ISO_MONTH = re.compile(r"(\d{4})-(\d{2})")
_SLASH_DATE = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})")
_ISO_TS = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?"
    r"\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?",
    re.I,
)
_DMY = re.compile(_WEEKDAY + r"(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})", re.I)
_MDY = re.compile(_WEEKDAY + r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", re.I)
# a trailing clock time after a written-out date: "November 5, 2025 10:30 AM PKT"
_TRAILING_TIME = re.compile(r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?)?\s*$", re.I)


_ISO_LIKE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:[+-]\d{2}:\d{2})?)?)?)?")


def is_iso(value: str | None) -> bool:
    """True for what normalize_date emits on success (ISO date, month, year or timestamp)."""
    return bool(value) and _ISO_LIKE.fullmatch(value) is not None


def _ymd(y: str, m: str, d: str) -> str | None:
    try:
        return date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def _tz(spec: str | None):
    if not spec:
        return None
    s = spec.upper()
    if s in ("Z", "UTC", "GMT"):
        return timezone.utc
    sign = -1 if s[0] == "-" else 1
    digits = s[1:].replace(":", "")
    hours = int(digits[:2])
    minutes = int(digits[2:4] or 0)
    if hours > 23 or minutes > 59:
        raise ValueError("bad offset")
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def normalize_date(value) -> str | None:
    """ISO 8601 for common date spellings, else the stripped original (None if blank).

    Handles YYYY-MM-DD, YYYY-MM, YYYY, ISO timestamps (with Z / offsets), RFC 2822
    ("Wed, 05 Nov 2025 10:00:00 +0500"), "5 November 2025", "November 5, 2025",
    "Nov 5, 2025" and "2025/11/05". Timestamps keep their UTC offset.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    s = " ".join(str(value).split())
    if not s:
        return None
    if len(s) > 80:
        return s
    m = _ISO_DATE.fullmatch(s)
    if m:
        return _ymd(*m.groups()) or s
    m = _ISO_TS.fullmatch(s)
    if m:
        y, mo, d, hh, mi, ss, tz = m.groups()
        try:
            dt = datetime(int(y), int(mo), int(d), int(hh), int(mi), int(ss or 0), tzinfo=_tz(tz))
            return dt.isoformat(timespec="seconds")
        except ValueError:
            return s
    m = _ISO_MONTH.fullmatch(s)
    if m and 1 <= int(m.group(2)) <= 12:
        return s
    if re.fullmatch(r"\d{4}", s) and 1000 <= int(s) <= 2999:
        return s
    m = _SLASH_DATE.fullmatch(s)
    if m:
        return _ymd(*m.groups()) or s
    if "," in s[:5] or re.search(r"\d{1,2}:\d{2}(:\d{2})?\s*([+-]\d{4}|[A-Z]{1,5})?$", s):
        try:
            dt = parsedate_to_datetime(s)
        except (TypeError, ValueError, IndexError, OverflowError):
            dt = None
        if dt is not None:
            return dt.isoformat(timespec="seconds")
    core = _TRAILING_TIME.sub("", s, count=1) if re.search(r"\d\s*$|[ap]\.?m\.?\s*$|[A-Z]{2,5}$", s, re.I) else s
    for rx, order in ((_DMY, "dmy"), (_MDY, "mdy")):
        m = rx.fullmatch(core)
        if m:
            if order == "dmy":
                d, mon, y = m.groups()
            else:
                mon, d, y = m.groups()
            month = _MONTHS.get(mon.lower())
            if month:
                return _ymd(y, str(month), d) or s
    return s
