"""HTML articles (selectolax/lexbor): main text, title and metadata."""
from __future__ import annotations

import re

from .decoding import decode
from .fields import make_article, one_line
from .model import ReadResult, SkipFile
from .published import normalize_date

DROP_TAGS = ("script", "style", "nav", "header", "footer", "aside", "form", "noscript",
             "iframe", "svg", "template", "button", "select", "object", "embed", "canvas")

BLOCK_TAGS = frozenset((
    "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
    "h6", "hgroup", "hr", "html", "li", "main", "menu", "ol", "p", "pre", "section", "summary",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "br", "legend", "option",
))

# meta names/properties giving the publication date, best first
DATE_META = ("article:published_time", "og:published_time", "og:article:published_time",
             "date", "pubdate", "publishdate", "publish_date", "publish-date", "dc.date",
             "dc.date.issued", "dcterms.date", "dcterms.created", "sailthru.date",
             "parsely-pub-date", "datepublished", "article.published", "published_time")

_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{4,64})"')


def _parser():
    from selectolax.lexbor import LexborHTMLParser  # lazy: keeps CLI start-up light

    return LexborHTMLParser


def _paragraphs(node) -> list[str]:
    """Text of a node as paragraphs: block elements break, whitespace collapses inside."""
    paras: list[str] = []
    buf: list[str] = []

    def flush():
        if buf:
            p = " ".join("".join(buf).split())
            if p:
                paras.append(p)
            buf.clear()

    # iterative walk: ("enter", node) / ("leave", None) for block elements
    stack = [node]
    LEAVE = None
    while stack:
        n = stack.pop()
        if n is LEAVE:
            flush()
            continue
        tag = n.tag
        if tag == "-text":
            t = n.text_content
            if t:
                buf.append(t)
            continue
        if tag is None or tag.startswith("-") or tag in DROP_TAGS:
            continue
        block = tag in BLOCK_TAGS
        if block:
            flush()
            stack.append(LEAVE)
        # push children in reverse order so the first child is handled first
        kids = []
        c = n.child
        while c is not None:
            kids.append(c)
            c = c.next
        stack.extend(reversed(kids))
    flush()
    return paras


def html_to_text(html: str) -> str:
    """Visible text of an HTML fragment or page, paragraphs separated by blank lines."""
    tree = _parser()(html)
    root = tree.body or tree.root
    if root is None:
        return ""
    return "\n\n".join(_paragraphs(root))


def _meta_map(tree) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in tree.css("meta"):
        attrs = m.attributes
        content = attrs.get("content")
        if content is None:
            continue
        for a in ("property", "name", "itemprop", "http-equiv"):
            key = attrs.get(a)
            if key:
                out.setdefault(key.strip().lower(), content.strip())
    return out


def _pick_container(tree):
    best, best_len = None, -1
    for art in tree.css("article"):
        n = len(art.text(deep=True, strip=True))
        if n > best_len:
            best, best_len = art, n
    if best is not None and best_len > 0:
        return best
    main = tree.css_first("main") or tree.css_first('[role="main"]')
    if main is not None and main.text(deep=True, strip=True):
        return main
    return tree.body or tree.root


def read_html(data: bytes, relpath: str, path: str, ext: str) -> ReadResult:
    res = ReadResult(path=path)
    text = decode(data)
    tree = _parser()(text)
    if tree.root is None:
        raise SkipFile("no HTML content")
    meta = _meta_map(tree)

    title = meta.get("og:title") or meta.get("twitter:title")
    if not title:
        t = tree.css_first("title")
        title = t.text(deep=True) if t is not None else None
    if not title or not title.strip():
        h1 = tree.css_first("h1")
        title = h1.text(deep=True) if h1 is not None else None

    published_raw = None
    for k in DATE_META:
        if meta.get(k):
            published_raw = meta[k]
            break
    if not published_raw:
        node = tree.css_first('[itemprop="datePublished"]')
        if node is not None:
            published_raw = node.attributes.get("datetime") or node.attributes.get("content") or node.text()
    if not published_raw:
        for s in tree.css('script[type="application/ld+json"]'):
            m = _LD_DATE.search(s.text(deep=True) or "")
            if m:
                published_raw = m.group(1)
                break
    if not published_raw:
        node = tree.css_first("time[datetime]")
        if node is not None:
            published_raw = node.attributes.get("datetime")

    url = None
    link = tree.css_first('link[rel="canonical"]')
    if link is not None:
        url = link.attributes.get("href")
    url = url or meta.get("og:url")
    source = meta.get("og:site_name") or meta.get("application-name")
    author = meta.get("author") or meta.get("article:author")

    # DROP_TAGS subtrees are skipped by _paragraphs (no decompose: nested matches)
    container = _pick_container(tree)
    paras = _paragraphs(container) if container is not None else []
    if title and paras and one_line(paras[0]) == one_line(title):
        paras = paras[1:] or paras
    body = "\n\n".join(paras)
    if not body.strip():
        raise SkipFile("no text in HTML")
    art_meta = {}
    published = normalize_date(published_raw) if published_raw else None
    if published_raw and published and published_raw.strip() != published:
        art_meta["published_raw"] = published_raw.strip()
    if author:
        art_meta["author"] = author
    res.articles.append(make_article(relpath, title, body, published=published, source=source,
                                     url=url, path=path, meta=art_meta))
    return res
