"""People who stand for a party: office holders (talkwatch/data/people.tsv) and the people an
article introduces by title ("Thai Prime Minister Anutin Charnvirakul", "Abiy Ahmed,
Ethiopia's prime minister").

- A full name from the file names its party for the article's year ("John Kerry" is USA in
  2016); a name known only in other years still names the same party (a former minister is
  rarely anyone else's).
- After a full mention, the short form alone does ("Kerry said", "Mr Kerry"); short forms
  marked ``+`` in the file ("+Putin") do so even without one.
- A name introduced by a title with a country or demonym is learnt for that article only:
  the full name and its last word ("Anutin said" after "Thai Prime Minister Anutin
  Charnvirakul" ... "Charnvirakul"; "Mr Abiy" after "Abiy Ahmed, Ethiopia's prime minister").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
PEOPLE_FILE = "people.tsv"
OFFICES = frozenset({
    "head-of-state", "head-of-government", "foreign-minister", "defence-minister", "army-chief",
    "spokesperson", "org-head", "envoy", "minister",
})
_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,5}$")


@dataclass(frozen=True)
class Person:
    code: str
    year_from: int
    year_to: int | None
    office: str
    names: tuple[str, ...]      # full names as written in news
    shorts: tuple[str, ...]     # short forms usable after a full mention
    loose: tuple[str, ...]      # short forms usable anywhere ("+Putin")


def parse_people(text: str, filename: str = PEOPLE_FILE) -> list[Person]:
    """CODE<TAB>FROM<TAB>TO<TAB>OFFICE<TAB>NAMES<TAB>SHORT lines -> Persons.

    A malformed line raises ValueError naming the file and the line."""
    out: list[Person] = []
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("\t")
        where = f"{filename}:{lineno}"
        if len(parts) != 6:
            raise ValueError(f"{where}: expected 6 TAB-separated fields (CODE FROM TO OFFICE NAMES SHORT), found {len(parts)}")
        code, y_from, y_to, office, names, short = (p.strip() for p in parts)
        if not _CODE.match(code):
            raise ValueError(f"{where}: bad party code {code!r}")
        try:
            yf = int(y_from)
            yt = int(y_to) if y_to else None
        except ValueError:
            raise ValueError(f"{where}: years must be four digits (TO may be empty): {y_from!r} {y_to!r}") from None
        if yt is not None and yt < yf:
            raise ValueError(f"{where}: TO {yt} is before FROM {yf}")
        if office not in OFFICES:
            raise ValueError(f"{where}: unknown office {office!r} (one of {', '.join(sorted(OFFICES))})")
        full = tuple(n.strip() for n in names.split("|") if n.strip())
        if not full:
            raise ValueError(f"{where}: no name")
        shorts, loose = [], []
        for s in short.split("|"):
            s = s.strip()
            if not s:
                continue
            if s.startswith("+"):
                s = s[1:].strip()
                loose.append(s)
            shorts.append(s)
        out.append(Person(code, yf, yt, office, full, tuple(shorts), tuple(loose)))
    return out


@lru_cache(maxsize=1)
def load_people(path: str | None = None) -> tuple[Person, ...]:
    p = Path(path) if path else DATA / PEOPLE_FILE
    if not p.exists():
        return ()
    return tuple(parse_people(p.read_text(encoding="utf-8"), p.name))


# ---- names an article introduces by title ---------------------------------------------

_TITLE_WORDS = (
    "president", "president-elect", "premier", "minister", "secretary", "chancellor", "king", "queen",
    "emir", "prince", "sheikh", "sultan", "ambassador", "envoy", "general", "gen", "commander",
    "chief", "spokesman", "spokeswoman", "spokesperson", "leader", "counterpart", "negotiator",
    "adviser", "advisor", "diplomat", "marshal", "admiral", "representative", "director",
    "mayor", "governor", "consul-general", "chairman", "chairwoman", "official",
)
_NAME_WORD = r"(?:[A-Z][\w’'.-]*|(?:al|el|bin|ibn|de|da|van|von|der|le|la)(?:-[A-Z][\w’'-]*)?)"
_NOT_NAMES = frozenset({
    "The", "A", "An", "On", "In", "At", "For", "And", "But", "Of", "To", "As", "By", "He", "She",
    "It", "They", "We", "This", "That", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "Mr", "Mrs", "Ms", "Dr",
    "State", "Defence", "Defense", "Foreign", "Affairs", "Minister", "Ministry", "General",
    "Staff", "Army", "Office", "House", "Department", "Council", "Government", "Republic",
    "Kingdom", "Islamic", "National", "Security", "Deputy", "Prime", "President", "Secretary",
})
# after a party: "'s", a few lower-case or office words, a title, then the name
_AFTER_PARTY = re.compile(
    r"(?:['’]s)?((?:\s+(?:[a-z][\w-]*|Foreign|Defen[cs]e|Prime|Deputy|Vice|State|Interior|"
    r"Army|Chief|Trade|Finance|Energy|External|Home|Affairs|Staff|of|Special|Senior|Top|First|Crown))"
    r"{0,4}?)\s+(?:" + "|".join(re.escape(t) for t in _TITLE_WORDS) + r")\.?,?"
    r"((?:\s+" + _NAME_WORD + r"){1,4})", re.IGNORECASE)
_TITLE_SET = frozenset(_TITLE_WORDS)
# before a party: "NAME, (the) PARTY('s) ... title"
_BEFORE_PARTY = re.compile(r"((?:" + _NAME_WORD + r"\s+){0,3}" + _NAME_WORD + r"),\s+(?:the\s+|a\s+)?$")
_TITLE_AFTER = re.compile(
    r"^(?:['’]s)?(?:\s+[\w-]+){0,3}?\s+(?:" + "|".join(re.escape(t) for t in _TITLE_WORDS) + r")\b",
    re.IGNORECASE)


_HONORIFICS = frozenset({
    "Sheikh", "Shaikh", "King", "Queen", "Prince", "Princess", "Emir", "Sultan", "General", "Gen",
    "Lt", "Col", "Field", "Marshal", "Admiral", "Crown", "Mr", "Mrs", "Ms", "Dr", "Sir", "Dame",
    "Lord", "Lady", "Maj", "Brig", "Major", "Colonel", "Lieutenant", "Mullah", "Maulana", "Ayatollah",
})


def _clean_name(raw: str) -> str | None:
    """The name at the start of raw: capitalised words, without a trailing stop word or a
    leading honorific ("Sheikh Hasina" -> "Hasina", "General Asim Munir" -> "Asim Munir")."""
    words = raw.split()
    while words and words[0].rstrip(".") in _HONORIFICS:
        words = words[1:]
    out = []
    for w in words:
        w2 = w.rstrip(".,’'")
        if not w2 or (w2 in _NOT_NAMES and not out):
            if out:
                break
            return None
        if w2 in _NOT_NAMES or not (w2[0].isupper() or "-" in w2 and w2.split("-")[-1][:1].isupper()):
            break
        out.append(w2)
    if not out:
        return None
    name = " ".join(out)
    if len(out) == 1 and len(out[0]) < 3:
        return None
    return name


def learn_names(text: str, mentions) -> dict[str, str]:
    """{name: code} for the people the article introduces by a title with a party:
    "Thai Prime Minister Anutin Charnvirakul" -> {"Anutin Charnvirakul": THA}; "Abiy Ahmed,
    Ethiopia's prime minister" -> {"Abiy Ahmed": ETH}. Only states and their demonyms teach."""
    learnt: dict[str, str] = {}
    for m in mentions:
        if m.kind not in ("country", "demonym", "capital", "government"):
            continue
        after = text[m.end:m.end + 90]
        words = after[:60].lower().replace(",", " ").replace(".", " ").split()
        mt = _AFTER_PARTY.match(after) if not _TITLE_SET.isdisjoint(words) else None
        if mt:
            middle = mt.group(1)
            if not re.search(r"[,;:]", middle):
                name = _clean_name(mt.group(2))
                if name:
                    learnt.setdefault(name, m.code)
        before = text[max(0, m.start - 60):m.start]
        tail = before[-7:].rstrip().lower()
        if not (tail.endswith(",") or tail.endswith((", the", ", a"))):
            continue
        mb = _BEFORE_PARTY.search(before)
        if mb and _TITLE_AFTER.match(text[m.end:m.end + 60]):
            name = _clean_name(mb.group(1))
            if name:
                learnt.setdefault(name, m.code)
    return learnt


def short_forms(name: str) -> list[str]:
    """The forms a learnt name is used in later: the name and its last word ("Anutin
    Charnvirakul" -> "Charnvirakul"); a name of two words also by its first ("Abiy Ahmed"
    -> "Abiy"), as many papers do for Ethiopian, Thai or Indonesian names."""
    words = name.split()
    out = [name]
    last = words[-1]
    if "-" in last and last.split("-")[0].lower() in ("al", "el"):
        last = last.split("-", 1)[1]
    if len(words) > 1 and len(last) >= 3 and last not in _NOT_NAMES:
        out.append(last)
    if len(words) == 2 and len(words[0]) >= 4 and words[0] not in _NOT_NAMES:
        out.append(words[0])
    return out
