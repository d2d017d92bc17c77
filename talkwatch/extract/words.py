"""The word sets of the event engine, read from talkwatch/data/words.tsv (once).

    from talkwatch.extract.words import W
    if key in W.AUX: ...

Each set is a frozenset of lower-case words (or type names for the TYPE GROUP sets). A
malformed line raises ValueError naming the file and the line, so an analyst who edits the
file learns at once what is wrong.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
WORDS_FILE = "words.tsv"
_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")


class WordSets:
    """Attribute access to the sets: W.AUX, W.NEG_WORDS ..."""

    def __init__(self, sets: dict[str, frozenset]):
        self._sets = sets
        for name, words in sets.items():
            setattr(self, name, words)

    def __getitem__(self, name: str) -> frozenset:
        return self._sets[name]

    def names(self) -> list[str]:
        return list(self._sets)


def parse_words(text: str, filename: str = WORDS_FILE) -> dict[str, frozenset]:
    """NAME<TAB>word word ... lines -> {NAME: frozenset}; errors name file and line."""
    sets: dict[str, frozenset] = {}
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if "\t" not in line:
            raise ValueError(f"{filename}:{lineno}: expected NAME<TAB>words, found no TAB")
        name, _, words = line.partition("\t")
        name = name.strip()
        if not _NAME.match(name):
            raise ValueError(f"{filename}:{lineno}: bad set name {name!r} (upper case letters, digits, _)")
        if name in sets:
            raise ValueError(f"{filename}:{lineno}: set {name} is defined twice")
        items = words.split()
        if not items:
            raise ValueError(f"{filename}:{lineno}: set {name} is empty")
        sets[name] = frozenset(items)
    return sets


@lru_cache(maxsize=1)
def load_words(path: str | None = None) -> WordSets:
    p = Path(path) if path else DATA / WORDS_FILE
    return WordSets(parse_words(p.read_text(encoding="utf-8"), p.name))


W = load_words()
