"""Small text helpers shared by the extractors: word tokens with offsets and folding.

Folding makes matching case- and diacritic-insensitive: "TÜRKİYE", "Türkiye" and
"turkiye" all fold to "turkiye". Folding is done per token, so offsets into the
original text are never lost.
"""
from __future__ import annotations

import re
import unicodedata

# A token is a dotted abbreviation (U.S., U.N., U.A.E, e.g.), a run of letters and
# digits, or an ampersand. Apostrophes, hyphens and other punctuation separate tokens,
# so "Pakistan's" gives "Pakistan" + "s" and "Pak-Afghan" gives "Pak" + "Afghan".
TOKEN_RE = re.compile(r"[^\W\d_](?:\.[^\W\d_])+\.?|[^\W_]+|&")

# Letters that NFKD does not decompose into a base letter plus marks.
_EXTRA = str.maketrans({
    "ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d",
    "ð": "d", "þ": "th", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ß": "ss",
    "ʼ": "'", "’": "'", "‘": "'",
})

_fold_cache: dict[str, str] = {}


def strip_marks(s: str) -> str:
    """Drop diacritics (NFKD, remove combining marks) but keep case."""
    if s.isascii():
        return s
    s = unicodedata.normalize("NFKD", s.translate(_EXTRA))
    return "".join(c for c in s if not unicodedata.combining(c))


def fold(s: str) -> str:
    """Case- and diacritic-insensitive form of s ("TÜRKİYE" -> "turkiye")."""
    if s.isascii():
        return s.lower()
    return strip_marks(s).casefold()


def token_key(tok: str) -> str:
    """Lookup key of one token: folded, a dotted abbreviation without its final dot.

    Cached: news text repeats a small vocabulary, so most calls are one dict lookup.
    """
    k = _fold_cache.get(tok)
    if k is None:
        k = fold(tok)
        if "." in k:
            k = k.rstrip(".")
        if len(_fold_cache) > 200_000:
            _fold_cache.clear()
        _fold_cache[tok] = k
    return k


def tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, token) for every token of text."""
    return [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]


def name_keys(name: str) -> tuple[str, ...]:
    """The key tuple of a multi-word name, tokenised exactly like running text."""
    return tuple(token_key(m.group()) for m in TOKEN_RE.finditer(name))
