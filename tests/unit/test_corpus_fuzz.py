"""Property tests: read_bytes never raises, whatever the bytes, for every format."""
from __future__ import annotations

import codecs

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from talkwatch.corpus import SUPPORTED, Article, ReadResult, read_bytes

EXTS = sorted(SUPPORTED) + [".pdf", ""]

# fragments that steer random input into each reader's interesting paths
TOKENS = [
    "---\n", "...\n", "title: ", "Title: ", "date: ", "Published: ", "source: ", "url: ", "id: ",
    "\n", "\n\n", "\r\n", "# ", "===\n", ":", " ", "talks", "2025-11-05", "Nov 5, 2025",
    "{", "}", "[", "]", '"text"', '"id"', '"title"', '"articles"', '"published"', ": ", ",",
    '"', "'", "\\u0000", "\\ud800", "null", "1e999", "true", "-0",
    "text,title,id,date\n", ";", "\t", '""', "|",
    "<html>", "<article>", "</article>", "<p>", "</p>", "<script>", "<meta property=\"og:title\" content=\"",
    "<time datetime=\"", "\">", "<title>", "<!--", "<![CDATA[", "&amp;", "&#0;", "&#xD800;",
    "<?xml version=\"1.0\"?>", "<rss>", "<channel>", "<item>", "</item>", "<description>",
    "<feed xmlns=\"http://www.w3.org/2005/Atom\">", "<entry>", "<id>", "</id>", "<content type=\"html\">",
    "<pubDate>", "</pubDate>", "<rdf:RDF>", "<!DOCTYPE x [<!ENTITY a \"b\">]>", "&a;",
    "\u00e9", "\u2019", "\ufeff", "\u2028", "\x07", "\x85",
]

structured = st.lists(st.sampled_from(TOKENS), max_size=60).map("".join)
encodings = st.sampled_from(["utf-8", "utf-16-le", "utf-16-be", "cp1252", "latin-1"])


def _encode(text: str, enc: str) -> bytes:
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(enc, b"")
    return bom + text.encode(enc, errors="replace")


def _check(res, relpath):
    assert isinstance(res, ReadResult)
    assert isinstance(res.warnings, list)
    if res.skipped is not None:
        assert isinstance(res.skipped, str) and res.skipped
        # "could not read: <exception>" is the catch-all for bugs: it must not happen
        assert not res.skipped.startswith("could not read"), res.skipped
        assert res.articles == []
    else:
        assert res.articles
    uids = [a.uid for a in res.articles]
    assert len(uids) == len(set(uids))
    for a in res.articles:
        assert isinstance(a, Article)
        assert a.uid == relpath or a.uid.startswith(relpath + "#")
        assert isinstance(a.title, str) and isinstance(a.body, str) and a.body.strip()
        assert "\x00" not in a.body and "\x00" not in a.title
        a.body.encode("utf-8")  # storable: no lone surrogates
        a.title.encode("utf-8")
        for v in (a.published, a.source, a.url):
            assert v is None or isinstance(v, str)


SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@SETTINGS
@given(ext=st.sampled_from(EXTS), data=st.binary(max_size=2000))
def test_arbitrary_bytes_never_raise(ext, data):
    rel = "dir/f" + ext
    _check(read_bytes(data, rel), rel)


@SETTINGS
@given(ext=st.sampled_from(EXTS), text=structured, enc=encodings)
def test_format_shaped_input_never_raises(ext, text, enc):
    rel = "f" + ext
    _check(read_bytes(_encode(text, enc), rel), rel)


@SETTINGS
@given(ext=st.sampled_from(EXTS), text=st.text(max_size=500))
def test_arbitrary_text_never_raises(ext, text):
    rel = "f" + ext
    _check(read_bytes(text.encode("utf-8", "surrogatepass"), rel), rel)
