"""Plain text and Markdown articles: optional header (YAML front matter or Key: value)."""
from __future__ import annotations

import re

from .decoding import decode
from .fields import coerce, coerce_date, make_article, one_line
from .model import ReadResult

# header keys (lower-cased, spaces/hyphens as '_') -> Article field
HEADER_KEYS = {
    "title": "title", "headline": "title",
    "published": "published", "date": "published", "pubdate": "published",
    "published_at": "published", "publication_date": "published", "pub_date": "published",
    "date_published": "published", "datepublished": "published",
    "source": "source", "publisher": "source", "outlet": "source", "site": "source",
    "url": "url", "link": "url", "source_url": "url", "canonical_url": "url",
    "author": "author", "authors": "author", "byline": "author", "by": "author",
    "id": "id",
}

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_FRONT_OPEN = re.compile(r"---[ \t]*\n")
_FRONT_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)
_HEADER_LINE = re.compile(r"([A-Za-z][\w\-]*(?: [\w\-]+)?)[ \t]*:(?!//)[ \t]*(.*)")
_ATX = re.compile(r"#{1,6}(?:[ \t]+|$)")
_SETEXT = re.compile(r"(?:=+|-+)[ \t]*")
_HAS_WORD = re.compile(r"\w")
# prose ends with a full stop (headlines rarely do); "..." and abbreviations like "U.S." aside
_SENTENCE_END = re.compile(r"[a-z0-9\u00c0-\uffff)\"'\u201d\u2019]{2}\.[\"'\u201d\u2019)]?$")
_MAX_FRONT = 64 * 1024
_MAX_HEADER_LINES = 40


def _norm_key(k) -> str:
    return str(k).strip().lower().replace(" ", "_").replace("-", "_")


def _front_matter(text: str, warnings: list[str]) -> tuple[dict | None, str]:
    """(mapping or None, rest of text) for YAML front matter at the very top."""
    o = _FRONT_OPEN.match(text)
    if not o:
        return None, text
    m = _FRONT_CLOSE.search(text, o.end(), min(len(text), _MAX_FRONT))
    if not m:
        return None, text
    block = text[o.end():m.start()]
    rest = text[m.end():]
    if rest.startswith("\n"):
        rest = rest[1:]
    try:
        import yaml  # lazy: only files with front matter pay for it

        data = yaml.safe_load(block) if block.strip() else {}
    except Exception as e:  # yaml.YAMLError and anything odd inside it
        msg = one_line(str(e))[:160]
        warnings.append(f"front matter: invalid YAML ({msg}); header ignored")
        return None, rest
    if data is None:
        data = {}
    if not isinstance(data, dict):
        # prose between two horizontal rules, not metadata: keep it as text
        return None, block.rstrip("\n") + "\n\n" + rest
    return {_norm_key(k): v for k, v in data.items()}, rest


def _key_value_header(text: str) -> tuple[dict | None, str]:
    """(mapping or None, rest) for a ``Key: value`` block at the top followed by a blank line."""
    stripped = text.lstrip("\n")
    blank = _BLANK_LINE.search(stripped, 0, 8192)
    if not blank:
        return None, text
    end = blank.start()
    lines = stripped[:end].split("\n")
    if len(lines) > _MAX_HEADER_LINES:
        return None, text
    found: dict = {}
    known = False
    for line in lines:
        m = _HEADER_LINE.fullmatch(line.strip())
        if not m:
            return None, text
        key, value = m.group(1), m.group(2).strip()
        if len(key) > 20 or len(value) > 500:
            return None, text
        k = _norm_key(key)
        if k in HEADER_KEYS:
            known = True
        found.setdefault(k, value)
    if not known:
        return None, text
    return found, stripped[blank.end():]


def _title_from_body(body: str, is_md: bool = False) -> tuple[str | None, str]:
    """(title or None, body) from the first non-empty line when it looks like a title.

    A short label line ("Latest", "World News") standing alone before a title-like
    line is a section label of a scraped page: the next line is the title then.
    """
    title, rest = _first_line_title(body)
    for _ in range(2):
        if title is None or len(title) > 30 or len(title.split()) > 2:
            break
        title2, rest2 = _first_line_title(rest)
        if title2 is None or len(title2.split()) < 3:
            break
        title, rest = title2, rest2
    return title, rest


def _first_line_title(body: str) -> tuple[str | None, str]:
    pos = 0
    n = len(body)
    while pos < n:
        nl = body.find("\n", pos)
        if nl < 0:
            nl = n
        line = body[pos:nl]
        if line.strip():
            break
        pos = nl + 1
    else:
        return None, body
    s = line.strip()
    rest = body[nl + 1:] if nl < n else ""
    if _ATX.match(s):
        title = _ATX.sub("", s, count=1).rstrip("#").strip()
        if title and rest.strip():
            return title, rest
        return (title or None), body
    if not _HAS_WORD.search(s[:400]):
        return None, body
    if len(s) < 200:
        # setext heading: "Title\n=====" (markdown or plain text underline)
        nl2 = rest.find("\n")
        second = rest if nl2 < 0 else rest[:nl2]
        if second and _SETEXT.fullmatch(second.strip()) and len(second.strip()) >= 3:
            after = "" if nl2 < 0 else rest[nl2 + 1:]
            if after.strip():
                return s, after
        if second.strip() == "" and rest.strip():
            if _SENTENCE_END.search(s):
                # a one-sentence lead paragraph, not a headline: title, but keep in body
                return s, body
            return s, rest
    return None, body


def read_text(data: bytes, relpath: str, path: str, ext: str) -> ReadResult:
    res = ReadResult(path=path)
    text = decode(data)
    header, rest = _front_matter(text, res.warnings)
    if header is None and rest is text:
        header, rest = _key_value_header(text)
    header = header or {}
    fields: dict = {}
    extra: dict = {}
    for k, v in header.items():
        target = HEADER_KEYS.get(k)
        if target and target not in fields and v is not None and v != "":
            fields[target] = v
        elif not target:
            extra[k] = v
    title = coerce(fields.get("title"))
    body = rest
    if not title:
        title, body = _title_from_body(rest, ext in (".md", ".markdown"))
    if not body.strip():
        if title:
            body = title
        else:
            from .model import SkipFile

            raise SkipFile("empty file (header only)")
    meta: dict = {}
    pub_raw = fields.get("published")
    published = coerce_date(pub_raw) if pub_raw is not None else None
    raw = coerce(pub_raw)
    if raw and published and raw.strip() != published:
        meta["published_raw"] = raw.strip()
    for k in ("author", "id"):
        v = coerce(fields.get(k))
        if v:
            meta[k] = v
    for k, v in extra.items():
        cv = coerce(v)
        if cv is not None and len(meta) < 50:
            meta[k] = cv[:1000]
    res.articles.append(make_article(
        relpath, title, body,
        published=published,
        source=coerce(fields.get("source")),
        url=coerce(fields.get("url")),
        path=path,
        meta=meta,
    ))
    return res
