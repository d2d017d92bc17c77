"""RSS / Atom / RDF feeds (feedparser): one article per entry."""
from __future__ import annotations

import io
import re
from datetime import datetime, timezone

from .decoding import decode, detect_bom
from .fields import UidMaker, clean, make_article, one_line, safe_id
from .model import ReadResult, SkipFile
from .published import is_iso, normalize_date

_TAG = re.compile(r"<[a-zA-Z/!]")
_XML_ENCODING = re.compile(r"^(\s*<\?xml[^>]*?)\s+encoding\s*=\s*[\"'][^\"']*[\"']")
_CHARREF = re.compile(rb"&#([xX][0-9a-fA-F]{1,8}|[0-9]{1,10});")


def _fix_charref(m: re.Match) -> bytes:
    ref = m.group(1)
    try:
        n = int(ref[1:], 16) if ref[:1] in (b"x", b"X") else int(ref)
    except ValueError:
        return m.group(0)
    if 0xD800 <= n <= 0xDFFF or n > 0x10FFFF or n == 0:
        return b"&#xFFFD;"  # feedparser fails on references to surrogates
    return m.group(0)
_FEED_ROOT = re.compile(r"<(?:[\w.-]+:)?(?:rss|feed|RDF)\b", re.I)


def looks_like_feed(text: str) -> bool:
    return _FEED_ROOT.search(text, 0, 8192) is not None


def _struct_iso(st) -> str | None:
    try:
        return datetime(*st[:6], tzinfo=timezone.utc).isoformat(timespec="seconds")
    except (TypeError, ValueError, OverflowError):
        return None


def _plain(value: str | None, typ: str | None = None) -> str:
    if not value:
        return ""
    value = clean(value)  # feedparser turns &#xD800; into a lone surrogate
    if (typ and "html" in typ) or _TAG.search(value):
        from .htmldoc import html_to_text

        return html_to_text(value)
    return value


def read_feed(data: bytes, relpath: str, path: str, ext: str) -> ReadResult:
    res = ReadResult(path=path)
    text = decode(data)  # binary / empty checks; feedparser decodes the bytes itself
    if not looks_like_feed(text):
        raise SkipFile("not a feed (no <rss>, <feed> or <rdf:RDF> near the top)")
    import feedparser  # lazy: heavy import

    enc, _ = detect_bom(data)
    if enc is not None and enc != "utf-8":
        # UTF-16/32: hand feedparser UTF-8 (minus the declared encoding) so the
        # character-reference fix below sees ASCII-compatible bytes
        data = _XML_ENCODING.sub(r"\1", text, count=1).encode("utf-8", "replace")
    if b"&#" in data:
        data = _CHARREF.sub(_fix_charref, data)
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=False, resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    if not entries:
        exc = parsed.get("bozo_exception")
        raise SkipFile("feed has no entries" + (f" ({one_line(str(exc))[:120]})" if exc else ""))
    feed = parsed.get("feed") or {}
    feed_title = _plain(feed.get("title"), (feed.get("title_detail") or {}).get("type")) or None
    uid = UidMaker(relpath, res.warnings)
    for pos, e in enumerate(entries, 1):
        where = f"entry {pos}"
        body = ""
        content = e.get("content")
        if content:
            c0 = content[0]
            body = _plain(c0.get("value"), c0.get("type"))
        if not body.strip():
            sd = e.get("summary_detail") or {}
            body = _plain(e.get("summary"), sd.get("type"))
        title = _plain(e.get("title"), (e.get("title_detail") or {}).get("type"))
        if not body.strip():
            if title.strip():
                res.warnings.append(f"{where}: no text; title used as text")
                body = title
            else:
                res.warnings.append(f"{where}: no text; skipped")
                continue
        raw = e.get("published") or e.get("updated") or e.get("created")
        st = e.get("published_parsed") or e.get("updated_parsed") or e.get("created_parsed")
        published = None
        if raw:
            published = normalize_date(raw)
            if not is_iso(published) and st:
                published = _struct_iso(st) or published  # feedparser knows more formats
        elif st:
            published = _struct_iso(st)
        entry_id = e.get("id") or None
        link = e.get("link") or None
        meta = {"id": clean(str(entry_id or link or pos))}
        if raw and published and str(raw).strip() != published:
            meta["published_raw"] = clean(str(raw).strip())
        author = e.get("author")
        if author:
            meta["author"] = clean(str(author))
        src = e.get("source") or {}
        source = (src.get("title") if isinstance(src, dict) else None) or feed_title
        res.articles.append(make_article(
            uid(safe_id(entry_id), pos, where), title, body,
            published=published, source=source, url=link, path=path, meta=meta,
        ))
    return res
