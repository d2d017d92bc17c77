"""Small text helpers shared by the extractors: word tokens with offsets and folding.

Folding makes matching case- and diacritic-insensitive: "TÜRKİYE", "Türkiye" and
"turkiye" all fold to "turkiye". Folding is done per token, so offsets into the
original text are never lost.
"""
from __future__ import annotations

import re
import unicodedata
from itertools import accumulate

# A token is a run of letters and digits. Everything else separates tokens, so
# "Pakistan's" gives "Pakistan" + "s", "Pak-Afghan" gives "Pak" + "Afghan" and "U.S."
# gives "U" + "S" (names are tokenised the same way, so "U.S." still matches "U.S.").
TOKEN_RE = re.compile(r"[^\W_]+")
_SPLIT_RE = re.compile(r"([^\W_]+)")

# Letters that NFKD does not decompose into a base letter plus marks.
_EXTRA = str.maketrans({
    "ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d",
    "ð": "d", "þ": "th", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ß": "ss",
    "ʼ": "'", "’": "'", "‘": "'",
})


class _KeyCache(dict):
    """token -> key; computes and remembers missing tokens (so map() stays in C)."""

    def __missing__(self, tok: str) -> str:
        k = fold(tok)
        if len(self) > 200_000:
            self.clear()
        self[tok] = k
        return k


_keys = _KeyCache()


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
    """Lookup key of one token (folded); cached, as news repeats a small vocabulary."""
    return _keys[tok]


def split_tokens(text: str) -> tuple[list[str], list[str], list[str], list[int]]:
    """One pass over text: (words, keys, parts, offsets).

    parts alternates gap, word, gap, ... gap (len 2n+1); word k is parts[2k+1], the gap
    after it parts[2k+2]; offsets[2k+1] and offsets[2k+2] are its start and end.
    """
    global _last_split
    last = _last_split                # one tuple, read once: safe across threads
    if last is not None and last[0] is text:
        return last[1]            # parties and places scan the same body one after the other
    parts = _SPLIT_RE.split(text)
    words = parts[1::2]
    keys = list(map(_keys.__getitem__, words))
    offsets = list(accumulate(map(len, parts), initial=0))
    out = words, keys, parts, offsets
    if len(text) > 200:
        _last_split = (text, out)
    return out


_last_split: tuple | None = None  # (text, result) of the last long text split; callers never mutate it


def tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, token) for every token of text."""
    return [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]


def name_keys(name: str) -> tuple[str, ...]:
    """The key tuple of a multi-word name, tokenised exactly like running text."""
    return tuple(map(_keys.__getitem__, TOKEN_RE.findall(name)))
