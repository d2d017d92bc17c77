"""Parties in news text: states, international organisations and armed groups.

A small engine over two data files, ``talkwatch/data/gazetteer.txt`` (parties and the
names that are *not* parties, such as newspapers) and ``talkwatch/data/places.txt``
(cities and venues). The file headers document the format and the codes.

Matching walks the text once: each token is folded (case and diacritics), looked up in a
token trie, and the longest name that starts there and passes its checks wins:

- ``^`` names must be capitalised ("Turkey" counts, "turkey sandwich" does not);
- ``=`` names must match case exactly ("US" but not the pronoun "us");
- ``<`` names count only as the first half of a hyphenated compound ("Indo-Pak");
- entries may be limited to years: "Taliban" is TAL (the insurgency) when the article is
  from before 2021 and AFG (the government) from 2021 on, *or when the year is unknown*,
  since most corpora are recent;
- "stop" names (outlets such as "Pakistan Today", seas such as "Indian Ocean") are matched
  like the others and swallow their words without producing a party;
- in text that uses capitals, a multi-word name matches only if the words the data
  capitalises are capitalised ("Pakistan today said" is Pakistan, not the newspaper;
  "an Islamic state" is not ISIL); all-lowercase text is matched as it is;
- names inside web and mail addresses are ignored.

Words in a multi-word name may be separated by spaces, a single line break, a hyphen or an
apostrophe ("Tehreek-e-Taliban", "Cote d'Ivoire"), and by a period after an initial or a
short abbreviation ("George W. Bush", "St. Lucia"). A possessive splits off on its own:
"Pakistan's" is "Pakistan" + "s".
"""
from __future__ import annotations

import re
import threading
from bisect import bisect_right
from itertools import compress
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from .people import learn_names, short_forms
from .textutil import TOKEN_RE, name_keys, split_tokens, strip_marks, token_key

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
GAZETTEER_FILE = "gazetteer.txt"
PLACES_FILE = "places.txt"

STOP = "-"
_HYPHENS = "-\u2010\u2011"
_CONNECTORS = frozenset({"and", "vs", "v", "versus", "&", "with"})


@dataclass(frozen=True)
class Mention:
    """A party named in the text: text[start:end] == text."""

    start: int
    end: int
    text: str
    code: str  # PAK, AFG, USA, UNO, EU, NATO, TTP, HAM ... (see gazetteer.txt header)
    kind: str  # country, demonym, capital, government, ministry, org, group, leader, territory
    country: str | None  # a group's or leader's country; a state's own code; None for orgs


@dataclass(frozen=True)
class Place:
    """A city, crossing or venue named in the text."""

    start: int
    end: int
    text: str
    name: str  # the place's usual name ("Kyiv" for "Kiev")
    country: str  # ISO alpha-3 code of the country it is in


class _Entry(NamedTuple):
    code: str
    kind: str
    country: str | None
    flag: str  # "", "^", "=", "<"
    surface: tuple[str, ...]  # the name's own tokens, for "=" (exact case) names
    year_from: int | None
    year_to: int | None
    name: str  # canonical name (places) or the name as written (parties)
    caps: tuple[bool, ...] | None  # multi-word names: which words the data capitalises
    simple: bool  # no flag, no case pattern, no years: the first entry needs no checks
    shorts: tuple[str, ...] = ()  # a person's short forms, usable after this full name


def _entry(code, kind, country, flag, surface, y_from, y_to, name, caps, shorts=()) -> _Entry:
    simple = not (flag or caps or y_from is not None or y_to is not None or shorts)
    return _Entry(code, kind, country, flag, surface, y_from, y_to, name, caps, simple, shorts)


class _Tables:
    def __init__(self) -> None:
        self.parties: dict = {}  # token trie; a node's entries sit under the key None
        self.places: dict = {}
        self.index: dict[str, list[_Entry]] = {}  # "united states" -> entries (resolve_party)
        self.display: dict[str, str] = {}  # code -> display name
        self.codes: set[str] = set()


def _add(trie: dict, keys: tuple[str, ...], entry: _Entry, first: bool = False) -> None:
    node = trie
    for k in keys:
        node = node.setdefault(k, {})
    lst = node.setdefault(None, [])
    if first:
        lst.insert(0, entry)       # an office holder's name before the gazetteer's
    else:
        lst.append(entry)


def _split_flag(name: str) -> tuple[str, str]:
    if name[:1] in ("^", "=", "<"):
        return name[0], name[1:].strip()
    return "", name


def _attrs(text: str) -> dict[str, str]:
    out = {}
    for part in text.split():
        k, _, v = part.partition("=")
        out[k.strip()] = v.strip()
    return out


def _name(name: str, flag: str):
    """keys, exact-case surface and capitals pattern of one name from the data."""
    words = TOKEN_RE.findall(name)
    keys = tuple(map(token_key, words))
    surface = tuple(map(strip_marks, words)) if flag == "=" else ()
    caps = None
    if len(words) > 1:
        caps = tuple(w[0].isupper() for w in words)
        if not any(caps):
            caps = None
    return keys, surface, caps


def _plural(keys: tuple[str, ...]) -> tuple[str, ...] | None:
    last = keys[-1]
    if last.endswith(("s", "sh", "ch", "ese", "x", "z")):
        return None
    return keys[:-1] + (last + "s",)


def _load() -> _Tables:
    t = _Tables()
    capitals: list[tuple[str, list[str]]] = []  # (code, names) for places
    path = DATA_DIR / GAZETTEER_FILE
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            code, kind, rest = line.split(None, 2)
        except ValueError as exc:  # pragma: no cover - data error
            raise ValueError(f"{path.name}:{lineno}: expected CODE KIND NAMES") from exc
        body, _, attr_text = rest.partition(";")
        attrs = _attrs(attr_text)
        y_from = int(attrs["from"]) if "from" in attrs else None
        y_to = int(attrs["to"]) if "to" in attrs else None
        if kind == "country":
            sections = (body.split("/") + ["", ""])[:3]
            groups = list(zip(("country", "demonym", "capital"), sections))
            capitals.append((code, [n.strip() for n in sections[2].split("|") if n.strip()]))
        else:
            groups = [(kind, body)]
        for sub_kind, names in groups:
            if code != STOP and sub_kind in ("country", "org", "group") and code not in t.display:
                first = next((n for n in names.split("|") if n.strip()), "")
                t.display[code] = _split_flag(first.strip())[1]
            if code != STOP:
                t.codes.add(code)
            if sub_kind == "org":
                country = attrs.get("country")
            elif sub_kind in ("group", "leader", "territory"):
                country = attrs.get("country", code if sub_kind != "group" else None)
            else:
                country = code
            for name in names.split("|"):
                name = name.strip()
                if not name:
                    continue
                flag, name = _split_flag(name)
                keys, surface, caps = _name(name, flag)
                if not keys:
                    continue
                entry = _entry(code, sub_kind, country, flag, surface, y_from, y_to, name, caps)
                variants = [keys]
                if sub_kind == "demonym" and flag != "<":
                    plural = _plural(keys)
                    if plural:
                        variants.append(plural)
                for ks in variants:
                    _add(t.parties, ks, entry)
                    t.index.setdefault(" ".join(ks), []).append(entry)
                    if code == STOP:
                        _add(t.places, ks, entry)
    _load_people(t)
    # places: places.txt first (its first name is the one reported: "Kiev" -> Kyiv),
    # then every capital and seat of government of the gazetteer under its own name
    ppath = DATA_DIR / PLACES_FILE
    for raw in ppath.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        code, _, rest = line.partition(" ")
        names = [n.strip() for n in rest.split("|") if n.strip()]
        if not names:
            continue
        canonical = _split_flag(names[0])[1]
        for name in names:
            flag, name = _split_flag(name)
            keys, surface, caps = _name(name, flag)
            if keys:
                _add(t.places, keys, _entry(code, "place", code, flag, surface, None, None, canonical, caps))
    for code, names in capitals:
        for name in names:
            flag, name = _split_flag(name)
            keys, surface, caps = _name(name, flag)
            if keys:
                _add(t.places, keys, _entry(code, "place", code, flag, surface, None, None, name, caps))
    return t


def _load_people(t: _Tables) -> None:
    """Office holders (people.tsv): full names with the years of the term, and the short
    forms marked "+" as names of their own (any year, capitalised)."""
    from talkwatch.extract.people import load_people

    for person in load_people():
        t.codes.add(person.code)
        for name in person.names:
            keys, surface, caps = _name(name, "")
            if keys:
                e = _entry(person.code, "leader", person.code, "", surface, person.year_from,
                           person.year_to, name, caps, person.shorts)
                _add(t.parties, keys, e, first=True)
                t.index.setdefault(" ".join(keys), []).append(e)
        for short in person.loose:
            keys, surface, caps = _name(short, "^")
            if keys:
                _add(t.parties, keys, _entry(person.code, "leader", person.code, "^", surface, None, None, short, caps))


_tables: _Tables | None = None
_lock = threading.Lock()


def _get() -> _Tables:
    global _tables
    if _tables is None:
        with _lock:
            if _tables is None:
                _tables = _load()
    return _tables


# ---- the scanner ---------------------------------------------------------------------


def _gap_ok(gap: str, prev_tok: str) -> bool:
    """May two words of one name be separated by this text?"""
    if gap == " ":
        return True
    if gap == ".":
        return len(prev_tok) <= 2 and prev_tok[:1].isupper()
    if gap.count("\n") > 1:
        return False
    core = gap.strip()
    if core == "":
        return True
    if len(core) == 1:
        if core in _HYPHENS or core in "'\u2019&":
            return True
        # "U.S.", "George W. Bush", "St. Lucia": a period after an initial or a short
        # abbreviation, never after a whole word ("Pakistan. Today" is two sentences)
        if core == "." and len(prev_tok) <= 2 and prev_tok[:1].isupper():
            return True
    return False


def _valid_year(e: _Entry, year: int | None) -> bool:
    if year is None:
        return e.year_to is None
    if e.year_from is not None and year < e.year_from:
        return False
    if e.year_to is not None and year > e.year_to:
        return False
    return True


def _form_ok(e, text, words, offsets, i, j) -> bool:
    f = e.flag
    if f:
        if f == "^":
            if not words[i][0].isupper():
                return False
        elif f == "=":
            if tuple(map(strip_marks, words[i:j + 1])) != e.surface:
                return False
        elif f == "<":
            end = offsets[2 * j + 2]
            if not (text[end:end + 1] in _HYPHENS and text[end + 1:end + 2].isalpha()):
                return False
    if e.caps is not None and j > i:
        # "Pakistan today" is not the paper "Pakistan Today", "an Islamic state" not
        # ISIL: in text that uses capitals, the words the data capitalises must be
        # capitalised too (all-lowercase text is matched as it is)
        span = text[offsets[2 * i + 1]:offsets[2 * j + 2]]
        if not span.islower() and not all(
            w[0].isupper() for w, c in zip(words[i:j + 1], e.caps) if c
        ):
            return False
    return True


def _pick(entries, text, words, offsets, i, j, year):
    fallback = None
    for e in entries:
        if not _valid_year(e, year):
            # a person named outside the years of a term still names the same party
            if fallback is None and e.kind == "leader" and e.year_from is not None and _form_ok(e, text, words, offsets, i, j):
                fallback = e
            continue
        if _form_ok(e, text, words, offsets, i, j):
            return e
    return fallback


def _scan(text: str, trie: dict, year: int | None) -> list[tuple[int, int, _Entry]]:
    """(start, end, entry) for the longest valid names, left to right."""
    words, keys, parts, offsets = split_tokens(text)
    n = len(words)
    out = []
    append = out.append
    nxt_free = 0  # first token not yet covered by a match
    # only tokens that can start a name are visited (the filter runs in C)
    for i in compress(range(n), map(trie.__contains__, keys)):
        if i < nxt_free:
            continue
        node = trie[keys[i]]
        ents = node.get(None)
        if ents is not None and len(node) == 1:  # a one-word name and nothing longer
            cands = [(i, ents)]
        else:
            cands = []
            j = i
            while True:
                if ents is not None:
                    cands.append((j, ents))
                if j + 1 >= n:
                    break
                gap = parts[2 * j + 2]
                if gap != " " and not _gap_ok(gap, words[j]):
                    break
                node = node.get(keys[j + 1])
                if node is None:
                    break
                j += 1
                ents = node.get(None)
        for j, ents in reversed(cands):
            e = ents[0]
            if not e.simple:
                e = _pick(ents, text, words, offsets, i, j, year)
                if e is None:
                    continue
            end = offsets[2 * j + 2]
            # "U.S." keeps its final period ("U.S" + "." would look truncated)
            if j > i and parts[2 * j] == "." and text[end:end + 1] == "." and len(words[j]) == 1:
                end += 1
            append((offsets[2 * i + 1], end, e))
            nxt_free = j + 1
            break
    return out


_URL_RE = re.compile(r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+", re.I)


def _drop_urls(text: str, found: list[tuple[int, int, _Entry]]) -> list[tuple[int, int, _Entry]]:
    """Names inside web and mail addresses ("https://x.example/pakistan-talks") are not
    mentions of a party or a place."""
    if not found or ("://" not in text and "www." not in text and "@" not in text):
        return found
    spans = [m.span() for m in _URL_RE.finditer(text)]
    if not spans:
        return found
    starts = [a for a, _ in spans]
    out = []
    for item in found:
        k = bisect_right(starts, item[0]) - 1
        if k >= 0 and item[0] < spans[k][1]:
            continue
        out.append(item)
    return out


def find_parties(text: str, year: int | None = None, known: dict[str, str] | None = None) -> list[Mention]:
    """Every party named in text, sorted by start, non-overlapping, longest match first.

    year is the article's year (it decides time-bound names such as "Taliban"); None
    means "recent". known: short names of people learnt elsewhere in the article (a title
    read with its body's names: "Kerry and Lavrov reach deal").
    """
    return find_parties_and_names(text, year, known)[0]


def find_parties_and_names(text: str, year: int | None = None,
                           known: dict[str, str] | None = None) -> tuple[list[Mention], dict[str, str]]:
    """find_parties, and the short names of the people the text names ({"Kerry": "USA"})."""
    if not text:
        return [], {}
    out = []
    shorts: dict[str, str] = dict(known or {})
    for s, e, ent in _drop_urls(text, _scan(text, _get().parties, year)):
        if ent.code == STOP:
            continue
        out.append(Mention(s, e, text[s:e], ent.code, ent.kind, ent.country))
        for short in ent.shorts:
            shorts.setdefault(short, ent.code)
    try:
        for name, code in learn_names(text, out).items():
            for form in short_forms(name):
                shorts.setdefault(form, code)
    except Exception:  # a learning failure never costs the names already found
        pass
    if shorts:
        out = _add_short_mentions(text, out, shorts)
    out = _add_shorthands(text, out)
    return out, shorts


SHORTHANDS_FILE = "shorthands.tsv"
_shorthands: list | None = None


def _load_shorthands() -> list[tuple[re.Pattern, str, frozenset, str]]:
    """(pattern, code, context codes, a word it must contain) for each line of shorthands.tsv."""
    global _shorthands
    if _shorthands is None:
        rows = []
        path = DATA_DIR / SHORTHANDS_FILE
        if path.exists():
            for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if not raw.strip() or raw.startswith("#"):
                    continue
                parts = raw.split("\t")
                if len(parts) != 3 or not parts[0].strip() or not parts[2].split():
                    raise ValueError(f"{SHORTHANDS_FILE}:{lineno}: expected PHRASE<TAB>CODE<TAB>CONTEXT")
                phrase, code, context = (p.strip() for p in parts)
                body = re.escape(phrase)
                if phrase.startswith("the "):
                    body = "[Tt]he " + re.escape(phrase[4:])   # "The North" opening a sentence
                # the phrase without its article, looked for first (a substring test runs far faster
                # than a pattern that opens with a lookbehind)
                rows.append((re.compile(r"(?<![\w-])" + body + r"(?![\w-])"), code, frozenset(context.split()),
                             phrase[4:] if phrase.startswith("the ") else phrase))
        _shorthands = rows
    return _shorthands


def _add_shorthands(text: str, found: list[Mention]) -> list[Mention]:
    """"the North" in an article about the two Koreas, "the mainland" beside Taiwan ..."""
    codes = {m.code for m in found}
    extra = []
    for pattern, code, context, word in _load_shorthands():
        if codes.isdisjoint(context) or word not in text:
            continue
        for m in pattern.finditer(text):
            extra.append(Mention(m.start(), m.end(), m.group(), code, "government", code))
    if not extra:
        return found
    taken = sorted((m.start, m.end) for m in found)
    starts = [a for a, _ in taken]
    keep = []
    for m in sorted(extra, key=lambda x: (x.start, -(x.end - x.start))):
        k = bisect_right(starts, m.start) - 1
        if k >= 0 and m.start < taken[k][1] or k + 1 < len(taken) and taken[k + 1][0] < m.end:
            continue
        if keep and m.start < keep[-1].end:
            continue
        keep.append(m)
    return sorted(found + keep, key=lambda m: m.start)


def _add_short_mentions(text: str, found: list[Mention], shorts: dict[str, str]) -> list[Mention]:
    """Mentions of the short forms of the people this text names in full ("Kerry said",
    "Mr Kerry"), where no other name was found; capitalised only."""
    trie: dict = {}
    for form, code in shorts.items():
        keys, surface, caps = _name(form, "^")
        if keys and not (len(keys) == 1 and keys[0] in _SHORT_STOP):
            _add(trie, keys, _entry(code, "leader", code, "^", surface, None, None, form, caps))
    if not trie:
        return found
    taken = [(m.start, m.end) for m in found]
    starts = [a for a, _ in taken]
    extra = []
    for s, e, ent in _drop_urls(text, _scan(text, trie, None)):
        k = bisect_right(starts, s) - 1
        if k >= 0 and s < taken[k][1]:
            continue                   # inside a longer name already found
        if k + 1 < len(taken) and taken[k + 1][0] < e:
            continue
        extra.append(Mention(s, e, text[s:e], ent.code, "leader", ent.country))
    if not extra:
        return found
    return sorted(found + extra, key=lambda m: m.start)


# short forms that are also months, weekdays or common capitalised words
_SHORT_STOP = frozenset({
    "may", "march", "june", "july", "august", "april", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "will", "white", "house", "state", "said",
})


def find_places(text: str) -> list[Place]:
    """Cities, border crossings and venues named in text (capitals included)."""
    if not text:
        return []
    out = []
    for s, e, ent in _drop_urls(text, _scan(text, _get().places, None)):
        if ent.code == STOP:
            continue
        out.append(Place(s, e, text[s:e], ent.name, ent.code))
    return out


# ---- names and codes ---------------------------------------------------------------------


def _resolve_keys(keys: tuple[str, ...] | list[str]) -> str | None:
    if not keys:
        return None
    t = _get()
    if len(keys) == 1:
        up = keys[0].upper()
        if up in t.codes:
            return up
    entries = t.index.get(" ".join(keys))
    if not entries:
        return None
    current = [e for e in entries if e.year_to is None] or entries
    code = current[0].code
    return None if code == STOP else code


def resolve_party(name: str) -> str | None:
    """The party code for a name, code, demonym or capital, in any case; None if unknown.

    "pakistan" -> PAK, "pak" -> PAK, "Türkiye" -> TUR, "united states" -> USA,
    "kabul" -> AFG, "nato" -> NATO. Capitalisation rules of running text do not apply.
    """
    if not name or not name.strip():
        return None
    return _resolve_keys(name_keys(name.strip()))


def parse_dyad(text: str) -> str | None:
    """Two parties written together -> "AFG-PAK" (codes sorted); None if not exactly two.

    Accepts codes or names joined by hyphens, spaces, commas, slashes or "and"/"vs":
    "pak-afg", "pakistan-afghanistan", "India,Pakistan", "united-states-pakistan".
    """
    if not text:
        return None
    keys = [token_key(m.group()) for m in TOKEN_RE.finditer(text)]
    if len(keys) < 2:
        return None
    if _resolve_keys(keys) is not None:  # one party with a multi-word name
        return None
    pairs = set()
    for i in range(1, len(keys)):
        splits = [(keys[:i], keys[i:])]
        if keys[i] in _CONNECTORS and i + 1 < len(keys):
            splits.append((keys[:i], keys[i + 1:]))
        for left, right in splits:
            a = _resolve_keys(left)
            if a is None:
                continue
            b = _resolve_keys(right)
            if b is not None and a != b:
                pairs.add(tuple(sorted((a, b))))
    if len(pairs) != 1:
        return None
    return "-".join(pairs.pop())


def party_name(code: str) -> str:
    """Display name of a party code ("PAK" -> "Pakistan"); the code itself if unknown."""
    if not code:
        return code
    return _get().display.get(code.upper(), code)


def party_codes() -> frozenset[str]:
    """Every code the gazetteer knows."""
    return frozenset(_get().codes)
