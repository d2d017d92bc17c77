"""Split news text into sentences, keeping character offsets.

A regex finds candidate ends (``.``, ``!``, ``?``, ``…``, with any closing quotes or
brackets after them, followed by white space); a few rules, with their word lists in
``talkwatch/data/abbreviations.txt``, decide which candidates are real ends:

- a sentence never ends before a lowercase word, a comma or a semicolon
  ("the briefing… nothing new", "“Enough!” he said");
- titles, ranks and months keep their period ("Mr. Khan", "Lt. Gen.", "Nov. 6");
- "No." and "Art." keep it only before a number ("No. 10", but "He said no. Then");
- dotted abbreviations (U.S., U.N., a.m.), initials ("A. Q. Khan") and words like
  "etc." or "Inc." end a sentence only when a usual opener follows ("The", "He" ...);
- decimals ("2.5") are never candidates: a candidate needs white space after it;
- a closing quote after the punctuation belongs to the sentence that ends (.” or .");
- a line break ends a sentence (headlines, datelines, paragraphs), except inside
  hard-wrapped text: a line that stops without final punctuation is continued by the
  next line when that starts with a lowercase letter or when the line ends with a word
  such as "on", "the" or "and" (list "continues"); a blank line always ends one.
"""
from __future__ import annotations

import re
import threading
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "abbreviations.txt"

_END_RE = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019\u00bb)\]]*(?=\s|$)")
_LINE_RE = re.compile(r"[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")
_NONSPACE_RE = re.compile(r"\S")
_LEADING_PUNCT = "\"'\u201c\u2018\u00ab([{<-\u2013\u2014/"
_HEAD_RE = re.compile(r"[^\W\d_]+")
_FINAL = frozenset(".!?\u2026:;\"'\u201d\u2019\u00bb)]")
_NO_BREAK_BEFORE = frozenset(",;:")
_MAX_WORD = 30  # longer "words" are never abbreviations

_lists: dict[str, frozenset[str]] | None = None
_lock = threading.Lock()


def _load() -> dict[str, frozenset[str]]:
    classes: dict[str, set[str]] = {}
    for raw in DATA_FILE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        name, _, words = line.partition(":")
        classes.setdefault(name.strip(), set()).update(w.lower() for w in words.split())
    return {k: frozenset(v) for k, v in classes.items()}


def _get() -> dict[str, frozenset[str]]:
    global _lists
    if _lists is None:
        with _lock:
            if _lists is None:
                _lists = _load()
    return _lists


def _last_word(text: str, start: int, end: int) -> str:
    tail = text[max(start, end - 16):end].rsplit(None, 1)
    return tail[-1].lower() if tail else ""


def _lines(text: str, continues: frozenset[str]) -> list[tuple[int, int]]:
    """Blocks of text that a line break does not split: (start, end), stripped."""
    blocks: list[tuple[int, int]] = []
    prev_end = -1
    for m in _LINE_RE.finditer(text):
        s, e = m.span()
        line = m.group()
        ls = len(line) - len(line.lstrip())
        if ls == len(line):  # blank line: a paragraph break
            prev_end = -1
            continue
        s += ls
        e -= len(line) - len(line.rstrip())
        if blocks and prev_end >= 0:
            ps, pe = blocks[-1]
            gap = text[pe:s]
            breaks = gap.count("\n") + gap.count("\r") - gap.count("\r\n")
            last = text[pe - 1]
            if breaks <= 1 and last not in _FINAL and (last.isalnum() or last in ",-") and (
                text[s].islower() or _last_word(text, ps, pe) in continues
            ):
                blocks[-1] = (ps, e)  # hard-wrapped line: same sentence
                prev_end = e
                continue
        blocks.append((s, e))
        prev_end = e
    return blocks


def _next_word(text: str, pos: int, end: int) -> str:
    m = _HEAD_RE.match(text, pos, min(end, pos + _MAX_WORD))
    return m.group().lower() if m else ""


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentences of text as (start, end) offsets, stripped of surrounding white space.

    Every non-space character belongs to exactly one sentence; line breaks end
    sentences (except in hard-wrapped text, see the module docstring).
    """
    if not text:
        return []
    lists = _get()
    never = lists.get("never", frozenset())
    number = lists.get("number", frozenset())
    ambiguous = lists.get("ambiguous", frozenset())
    openers = lists.get("openers", frozenset())
    out: list[tuple[int, int]] = []
    for bs, be in _lines(text, lists.get("continues", frozenset())):
        cur = bs
        for m in _END_RE.finditer(text, bs, be):
            pe = m.end()
            if pe >= be:
                break
            q = pe + 1
            if text[q].isspace():
                nm = _NONSPACE_RE.search(text, q, be)
                if nm is None:
                    break
                q = nm.start()
            nc = text[q]
            if nc.islower() or nc in _NO_BREAK_BEFORE:
                continue  # "briefing… nothing new", "“Enough!” he said"
            punct = m.group()
            if punct == "." or punct == ".)":
                # the word before the period (a longer one is no abbreviation)
                ps = m.start()
                lo = max(bs, ps - _MAX_WORD - 8)
                seg = text[lo:ps].rsplit(None, 1)
                word = seg[-1].lstrip(_LEADING_PUNCT) if seg else ""
                if (len(seg) == 2 or lo == bs) and word and len(word) <= _MAX_WORD and word[-1].isalnum():
                    if "." in word or (len(word) == 1 and word.isalpha()):
                        # U.S., a.m., initials: end only before a usual opener
                        if _next_word(text, q, be) not in openers:
                            continue
                    else:
                        low = word.lower()
                        if low in never:
                            continue
                        if low in number:
                            if nc.isdigit():
                                continue
                        elif low in ambiguous and _next_word(text, q, be) not in openers:
                            continue
            out.append((cur, pe))
            cur = q
        out.append((cur, be))
    return out


def sentences(text: str) -> list[str]:
    """The sentences of text as strings (a convenience over split_sentences)."""
    return [text[s:e] for s, e in split_sentences(text)]
