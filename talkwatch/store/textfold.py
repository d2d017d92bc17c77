"""Tokens as FTS5's unicode61 tokenizer sees them (case folded, diacritics removed)."""
from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def fold(text: str) -> str:
    """Lower-case and strip diacritics (Türkiye -> turkiye)."""
    text = text.casefold()
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokens(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def vocab_words(text: str) -> set[str]:
    """Distinct alphabetic words worth offering as spelling corrections (3..30 letters)."""
    return {w for w in _WORD.findall(fold(text)) if 3 <= len(w) <= 30 and w.isalpha()}
