"""Record field mapping, value coercion and Article construction shared by readers."""
from __future__ import annotations

import re
from datetime import date, datetime, timezone

from .model import Article
from .published import normalize_date

TITLE_KEYS = ("title", "headline")
TEXT_KEYS = ("text", "body", "content", "description", "article", "full_text", "fulltext",
             "maintext", "summary")
DATE_KEYS = ("published", "date", "pubdate", "published_at", "publishedat", "pub_date",
             "datepublished", "date_published", "date_publish", "publication_date", "created_at",
             "time", "timestamp", "updated")
SOURCE_KEYS = ("source", "source_name", "publisher", "outlet", "site", "site_name", "feed")
URL_KEYS = ("url", "link", "href", "permalink", "source_url", "canonical_url")
ID_KEYS = ("id", "_id", "guid", "uid", "doc_id", "article_id")
AUTHOR_KEYS = ("author", "authors", "byline", "creator")

META_KEYS = ("language", "lang", "tags", "keywords", "category", "categories", "section", "country")
_HTML_TAG = re.compile(r"<(?:p|div|br|span|a|b|i|em|strong|h[1-6]|li|ul|ol|img|table|blockquote|figure)\b[^>]*>", re.I)
_SURROGATE = re.compile("[\ud800-\udfff]")
_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w")


def clean(s: str) -> str:
    """Remove NUL characters and lone surrogates (which SQLite cannot store)."""
    if "\x00" in s:
        s = s.replace("\x00", "")
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        s = _SURROGATE.sub("\ufffd", s)
    return s


def one_line(s: str) -> str:
    return _WS.sub(" ", s).strip()


def coerce(value, joiner: str = ", ") -> str | None:
    """A record value as text: scalars as str, lists of scalars joined, dicts by name."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return None
        return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
    if isinstance(value, (int, datetime, date)):
        return value.isoformat() if isinstance(value, (datetime, date)) else str(value)
    if isinstance(value, dict):
        for k in ("name", "title", "rendered", "value", "text", "href", "url", "#text", "$"):
            v = value.get(k)
            if isinstance(v, (str, int, float)) and not isinstance(v, bool):
                return coerce(v)
        return None
    if isinstance(value, (list, tuple)):
        parts = [coerce(v) for v in value[:1000] if not isinstance(v, (list, tuple))]
        parts = [p for p in parts if p and p.strip()]
        return joiner.join(parts) if parts else None
    return None


def coerce_date(value) -> str | None:
    """A date-ish record value as ISO 8601 when cheap; epoch numbers become UTC timestamps."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        v = float(value)
        if 1e12 <= v < 1e14:  # milliseconds
            v /= 1000.0
        if 1e8 <= v < 1e11:
            try:
                return datetime.fromtimestamp(int(v), tz=timezone.utc).isoformat(timespec="seconds")
            except (OverflowError, OSError, ValueError):
                pass
    if isinstance(value, (datetime, date)):
        return normalize_date(value)
    s = coerce(value)
    return normalize_date(s) if s is not None else None


def lower_keys(record: dict) -> dict:
    out = {}
    for k, v in record.items():
        key = str(k).strip().lower().replace(" ", "_").replace("-", "_")
        out.setdefault(key, v)
    return out


def pick(rec: dict, keys: tuple[str, ...]):
    """First present, non-blank value among keys (rec has lower-cased keys)."""
    for k in keys:
        v = rec.get(k)
        if v is None:
            continue
        if isinstance(v, str) and not v.strip():
            continue
        if isinstance(v, (list, dict)) and not v:
            continue
        return v
    return None


def safe_id(value) -> str | None:
    """A record id fit for a uid fragment: one line, no '#', bounded length."""
    s = coerce(value)
    if s is None:
        return None
    s = _WS.sub("_", clean(s).strip())
    if not s:
        return None
    if len(s) > 200:
        import hashlib

        s = s[:100] + "~" + hashlib.sha1(s.encode("utf-8", "replace")).hexdigest()[:12]
    return s


class UidMaker:
    """uids ``relpath#ID`` kept unique within one file (a repeated id gets ``~N``)."""

    def __init__(self, relpath: str, warnings: list[str]):
        self.relpath = relpath
        self.seen: set[str] = set()
        self.warnings = warnings

    def __call__(self, rid: str | None, position: int, where: str) -> str:
        frag = rid if rid else str(position)
        if frag in self.seen:
            self.warnings.append(f"{where}: duplicate id {frag!r}; using {frag}~{position}")
            frag = f"{frag}~{position}"
            n = 2
            while frag in self.seen:
                frag = f"{rid or position}~{position}-{n}"
                n += 1
        self.seen.add(frag)
        return f"{self.relpath}#{frag}"


def make_article(uid: str, title: str | None, body: str, *, published=None, source=None,
                 url=None, path: str = "", meta: dict | None = None) -> Article:
    body = clean(body)
    if "\r" in body:
        body = body.replace("\r\n", "\n").replace("\r", "\n")
    body = body.strip()
    title = one_line(clean(title)) if title else ""
    if not title:
        title = fallback_title(body)
    return Article(
        uid=uid,
        title=title,
        body=body,
        published=clean(published).strip() or None if published else None,
        source=one_line(clean(source)) or None if source else None,
        url=clean(url).strip() or None if url else None,
        path=path,
        meta=meta or {},
    )


def fallback_title(body: str, limit: int = 120) -> str:
    """First ``limit`` characters of the body's first line, cut at a word boundary."""
    first = ""
    pos = 0
    for _ in range(50):  # the first line with a letter or digit ("---" is no title)
        nl = body.find("\n", pos)
        end = nl if 0 <= nl < pos + limit * 4 else pos + limit * 4
        line = body[pos:end]
        if _WORD.search(line):
            first = one_line(line)
            break
        if nl < 0:
            break
        pos = nl + 1
    if len(first) <= limit:
        return first
    cut = first[:limit]
    sp = cut.rfind(" ")
    if sp >= limit // 2:
        cut = cut[:sp]
    return cut.rstrip(" ,;:-")


def record_to_article(rec: dict, uid: str, path: str, warnings: list[str], where: str) -> Article | None:
    """Map one JSON/CSV record (any key case) to an Article; None (with a warning) if no text."""
    r = lower_keys(rec)
    text_v = pick(r, TEXT_KEYS)
    body = coerce(text_v, joiner="\n\n") if text_v is not None else None
    if body and _HTML_TAG.search(body):
        from .htmldoc import html_to_text  # HTML stored in a record (a CMS export, say)

        body = html_to_text(clean(body))
    if not body or not body.strip():
        warnings.append(f"{where}: no text field (text/body/content/description); skipped")
        return None
    title = coerce(pick(r, TITLE_KEYS))
    if title and "&" in title and ";" in title:
        import html

        title = html.unescape(title)
    pub_raw = pick(r, DATE_KEYS)
    published = coerce_date(pub_raw)
    meta = {}
    rid = pick(r, ID_KEYS)
    if rid is not None:
        meta["id"] = coerce(rid)
    author = coerce(pick(r, AUTHOR_KEYS))
    if author:
        meta["author"] = clean(author)
    for k in META_KEYS:
        v = r.get(k)
        cv = coerce(v) if v is not None else None
        if cv and cv.strip():
            meta[k] = clean(cv.strip())[:1000]
    raw = coerce(pub_raw) if pub_raw is not None else None
    if raw and published and raw.strip() != published:
        meta["published_raw"] = clean(raw.strip())
    return make_article(
        uid, title, body,
        published=published,
        source=coerce(pick(r, SOURCE_KEYS)),
        url=coerce(pick(r, URL_KEYS)),
        path=path,
        meta=meta,
    )

