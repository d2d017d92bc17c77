"""Tokens as FTS5's unicode61 tokenizer sees them (case folded, diacritics removed).

Kept apart from extract.textutil.fold on purpose: that one also maps letters such as
ß, ł, ø for gazetteer matching, which the FTS index does not do; the vocabulary offered
as spelling corrections must hold words as the index holds them.
"""
from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


def fold(text: str) -> str:
    """Lower-case and strip diacritics (Türkiye -> turkiye)."""
    text = text.casefold()
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def tokens(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def vocab_words(text: str) -> set[str]:
    """Distinct alphabetic words worth offering as spelling corrections (3..30 letters)."""
    return {w for w in set(_WORD.findall(fold(text))) if 3 <= len(w) <= 30 and w.isalpha()}
