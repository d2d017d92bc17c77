"""The query language, its translation to FTS5, typo correction, and ranked search.

User text never reaches MATCH as it is: it is parsed into terms and filters, every term is
re-tokenised the way unicode61 tokenises, and each token is quoted. Any input gives either
a valid MATCH expression or no full-text part at all.

Syntax: words (all must match), "a phrase", prefix*, a OR b, -word / NOT word,
title:word, source:name, since:DATE, until:DATE, dyad:AFG-PAK, type:TALKS.
"""
from __future__ import annotations

import re
import sqlite3
import time
from dataclasses import dataclass, field

from talkwatch.store.textfold import fold

MARK_START = "\ue000"
MARK_END = "\ue001"
TITLE_WEIGHT = 10.0
BODY_WEIGHT = 1.0
RANK_ALL_BELOW = 4000   # rank every match with bm25 up to this many; beyond, rank the newest this many
FILTER_FIELDS = {"title", "source", "since", "until", "dyad", "type", "uid"}
_TOKEN = re.compile(r'(-?)(\w+):"([^"]*)"?|(-?)"([^"]*)"?|(\S+)', re.UNICODE)


@dataclass
class Term:
    text: str                # the raw text of the term
    words: list[str]         # folded tokens (vocabulary, typo correction, highlighting)
    phrase: bool = False
    prefix: bool = False
    negated: bool = False
    column: str | None = None   # "title" for title: terms
    raw: list[str] = field(default_factory=list)   # the same tokens as typed: what MATCH gets
    alts: list[str] = field(default_factory=list)  # other spellings OR-ed in as phrases (U.S. -> "U S")
    bare: bool = False          # one plain word: dropped when found nowhere, else corrected

    def __post_init__(self):
        if not self.raw:
            self.raw = list(self.words)


_RAW_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _term(text: str, source: str, **kw) -> Term:
    """A term whose tokens are split from ``source``; each token is quoted as typed and
    folded by FTS5's own tokenizer, so the query folds exactly as the index did
    (Straße, ligatures, Greek final sigma: Python's casefold/NFKD differ from unicode61)."""
    raw = _RAW_WORD.findall(source)
    return Term(text, [fold(r) for r in raw], raw=raw, **kw)


_ACRONYM = re.compile(r"(?:[^\W\d_]\.){2,}|(?:[^\W\d_]\.)+[^\W\d_]")
_JOINERS = re.compile(r"[-‐‑‒–—/]+")


def _word_terms(word: str, negated: bool) -> list[Term]:
    """A typed word as terms. `U.S.` is one term (US, or U followed by S); `Israel-Gaza` and
    `al-Qaeda` are their words, each of which must match (each can be corrected or dropped)."""
    prefix = word.endswith("*")
    core = word.rstrip("*")
    chunks = [c for c in _JOINERS.split(core) if c]
    out: list[Term] = []
    for i, chunk in enumerate(chunks):
        last = i == len(chunks) - 1
        trimmed = chunk.strip(".,;:!?()[]{}'\"")
        if _ACRONYM.fullmatch(trimmed) or _ACRONYM.fullmatch(trimmed + "."):
            letters = _RAW_WORD.findall(trimmed)
            joined = "".join(letters)
            out.append(Term(chunk, [fold(joined)], raw=[joined], alts=[" ".join(letters)], negated=negated))
            continue
        for raw in _RAW_WORD.findall(chunk):
            # an acronym typed in capitals also matches its dotted form: US finds U.S.
            alts = [" ".join(raw)] if 2 <= len(raw) <= 3 and raw.isupper() and raw.isalpha() else []
            out.append(Term(raw, [fold(raw)], raw=[raw], negated=negated, bare=True, alts=alts))
    if out and prefix:
        out[-1].prefix = True
        out[-1].bare = False
    return out


@dataclass
class Query:
    groups: list[list[Term]] = field(default_factory=list)   # AND of ORs: [[a], [b, c]] = a AND (b OR c)
    negated: list[Term] = field(default_factory=list)
    filters: dict[str, str] = field(default_factory=dict)

    @property
    def has_text(self) -> bool:
        return any(self.groups)


def parse(text: str) -> Query:
    q = Query()
    if not text:
        return q
    pending_or = False
    pending_not = False
    for m in _TOKEN.finditer(text):
        neg_field, fname, fval, neg_phrase, phrase, bare = m.groups()
        term: Term | None = None
        if fname is not None:
            key = fname.lower()
            if key in FILTER_FIELDS:
                if key == "title":
                    term = _term(fval, fval, phrase=True, column="title", negated=bool(neg_field))
                else:
                    q.filters[key] = fval
                    continue
            else:
                term = _term(m.group(0), f"{fname} {fval}", phrase=True, negated=bool(neg_field))
        elif phrase is not None:
            term = _term(phrase, phrase, phrase=True, negated=bool(neg_phrase))
        else:
            word = bare
            if word == "OR":
                pending_or = True
                continue
            if word == "AND":
                continue
            if word == "NOT":
                pending_not = True
                continue
            negated = False
            if word.startswith("-") and len(word) > 1:
                negated, word = True, word[1:]
            key, sep, value = word.partition(":")
            if sep and key.lower() in FILTER_FIELDS and value:
                if key.lower() == "title":
                    term = _term(value, value.rstrip("*"), column="title", negated=negated,
                                 prefix=value.endswith("*"))
                else:
                    q.filters[key.lower()] = value
                    continue
            else:
                parts = _word_terms(word, negated)
                if len(parts) > 1 and not negated and not pending_not and not pending_or:
                    q.groups.extend([p] for p in parts)   # Israel-Gaza: both words must match
                    continue
                if len(parts) == 1:
                    term = parts[0]
                else:                                     # in an OR or a NOT: the words as a phrase
                    prefix = word.endswith("*")
                    term = _term(word, word, prefix=prefix, negated=negated)
                    term.phrase = len(term.words) > 1
        if term is None or not term.words:
            pending_or = pending_not = False
            continue
        if pending_not:
            term.negated = True
            pending_not = False
        if term.negated:
            q.negated.append(term)
            pending_or = False
            continue
        if pending_or and q.groups:
            q.groups[-1].append(term)
        else:
            q.groups.append([term])
        pending_or = False
    return q


def _quote(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _term_match(t: Term, replace: dict[str, str] | None = None, expand: dict[str, list[str]] | None = None) -> str:
    replace = replace or {}
    words = [replace[w] if w in replace else r for w, r in zip(t.words, t.raw)]
    body = _quote(" ".join(words))
    if t.alts and not t.prefix:
        body = "(" + " OR ".join([body] + [_quote(a) for a in t.alts]) + ")"
    if t.prefix:
        body += "*"
        # The porter stemmer also stems a prefix, and a stem can be shorter than the prefix
        # ("negotiat" vs the stored "negoti"): add the corpus words that start with it.
        more = (expand or {}).get(t.words[-1]) if len(words) == 1 else None
        if more:
            body = "(" + " OR ".join([body] + [_quote(w) for w in more]) + ")"
    if t.column:
        return f"{t.column} : {body}"
    return body


def to_match(q: Query, replace: dict[str, str] | None = None,
             expand: dict[str, list[str]] | None = None) -> str | None:
    """The FTS5 MATCH expression for the query, or None when it has no positive text.

    ``replace`` maps words to their spelling corrections; ``expand`` maps a prefix to the
    whole words of the corpus that start with it (see ``expand_prefixes``).
    """
    if not q.has_text:
        return None
    parts = []
    for group in q.groups:
        alts = [_term_match(t, replace, expand) for t in group]
        parts.append(alts[0] if len(alts) == 1 else "(" + " OR ".join(alts) + ")")
    expr = " AND ".join(parts)
    for t in q.negated:
        expr += " NOT " + _term_match(t, replace, expand)
    return expr


def negated_match(q: Query, expand: dict[str, list[str]] | None = None) -> str | None:
    """A MATCH expression for any of the query's exclusions (None without exclusions)."""
    if not q.negated:
        return None
    return " OR ".join(_term_match(t, None, expand) for t in q.negated)


PREFIX_EXPAND = 64   # at most this many corpus words added for one prefix (the most frequent)


def expand_prefixes(conn: sqlite3.Connection, q: Query) -> dict[str, list[str]]:
    """For each one-word prefix term, the most frequent vocabulary words that start with it."""
    out: dict[str, list[str]] = {}
    for t in [t for g in q.groups for t in g] + q.negated:
        if not t.prefix or len(t.words) != 1:
            continue
        w = t.words[0]
        if w in out:
            continue
        rows = conn.execute(
            "SELECT word FROM vocab WHERE word > ? AND word < ? ORDER BY df DESC, word LIMIT ?",
            (w, w + "\U0010ffff", PREFIX_EXPAND),
        ).fetchall()
        out[w] = [r[0] for r in rows]
    return out


# ------------------------------------------------------------------ typo correction

def _exists(conn: sqlite3.Connection, word: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1", (_quote(word),)
    ).fetchone()
    return row is not None


def _term_exists(conn: sqlite3.Connection, t: Term) -> bool:
    return any(_exists(conn, form) for form in [" ".join(t.raw)] + t.alts)


def max_edits(word: str) -> int:
    """How far a correction may be from the word typed: two edits (a letter added, dropped,
    changed, or two swapped) for words of five letters or more, one for four, none below."""
    n = len(word)
    return 2 if n >= 5 else 1 if n == 4 else 0


def nearest_word(conn: sqlite3.Connection, w: str) -> str | None:
    """The corpus word closest to ``w`` within max_edits(w); ties go to the more frequent."""
    from rapidfuzz.distance import OSA
    from rapidfuzz import process

    k = max_edits(w)
    if not k or not w.isalpha():
        return None
    n = len(w)
    rows = conn.execute("SELECT word, df FROM vocab WHERE len BETWEEN ? AND ?", (n - k, n + k)).fetchall()
    if not rows:
        return None
    found = process.extract(w, [r[0] for r in rows], scorer=OSA.distance, score_cutoff=k, limit=16)
    # two edits away keeps the first letter: "kwaja" is khawaja, "qaeda" is not "adda"
    found = [b for b in found if b[1] < 2 or b[0][:1] == w[:1]]
    if not found:
        return None
    best = min(found, key=lambda b: (b[1], -rows[b[2]][1], b[0]))
    return best[0] if best[0] != w else None


def resolve_words(conn: sqlite3.Connection, q: Query, correct: bool = True) -> tuple[dict[str, str], list[str]]:
    """Words of the query that are in no article: each corrected to the nearest corpus word
    (see max_edits), or, for a plain word with no such neighbour, dropped from the query.

    Returns (corrections, ignored words as typed); ``q`` loses the dropped terms. Without
    ``correct`` the words are searched exactly as typed: nothing is corrected or dropped.
    """
    fixes: dict[str, str] = {}
    ignored: list[str] = []
    if not correct:
        return fixes, ignored
    kept_groups = []
    for group in q.groups:
        kept = []
        for t in group:
            if t.bare and not t.column:
                w = t.words[0]
                if w in fixes or _term_exists(conn, t):
                    kept.append(t)
                    continue
                fix = nearest_word(conn, w)
                if fix:
                    fixes[w] = fix
                    kept.append(t)
                elif t.text not in ignored:
                    ignored.append(t.text)
                continue
            kept.append(t)
            for i, (w, raw) in enumerate(zip(t.words, t.raw)):
                if w in fixes or t.alts or (t.prefix and i == len(t.words) - 1):
                    continue
                if len(w) < 4 or not w.isalpha() or _exists(conn, raw):
                    continue
                fix = nearest_word(conn, w)
                if fix:
                    fixes[w] = fix
        if kept:
            kept_groups.append(kept)
    q.groups = kept_groups
    return fixes, ignored


def correct_words(conn: sqlite3.Connection, q: Query) -> dict[str, str]:
    """Words of the query absent from the corpus, each mapped to the closest known word."""
    import copy

    return resolve_words(conn, copy.deepcopy(q))[0]


# ------------------------------------------------------------------ running a search

@dataclass
class Hit:
    uid: str
    title: str
    published: str | None
    source: str | None
    score: float
    snippet: str
    id: int = 0


@dataclass
class Result:
    hits: list[Hit]
    corrected: dict[str, str]
    total: int               # matches counted (capped: see `more`)
    more: bool               # True when total is a lower bound
    plan: str
    match: str | None
    elapsed_ms: float = 0.0
    ignored: list[str] = field(default_factory=list)   # words found nowhere, left out of the query


def _parse_date_filter(value: str, end: bool) -> str | None:
    """since:/until: values: ISO prefixes as they are, anything else through dateparser."""
    v = value.strip()
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", v):
        if end:
            return v + ("-12-31" if len(v) == 4 else "-31" if len(v) == 7 else "") + "\uffff"
        return v
    try:
        import dateparser

        dt = dateparser.parse(v, languages=["en"], settings={"PREFER_DATES_FROM": "past"})
    except Exception:
        dt = None
    if dt is None:
        from talkwatch.errors import InvalidInput

        raise InvalidInput(f"cannot read the date {value!r} (try 2025-10, 2025-10-30 or \"last month\")")
    return dt.strftime("%Y-%m-%d") + ("\uffff" if end else "")


def _filter_sql(q: Query, conn: sqlite3.Connection) -> tuple[list[str], list, list[str], list]:
    """Each filter twice: as a query of article ids answered from an index alone (no
    article rows read: they hold the bodies), to be intersected; and as a test of one
    article row `a` (for walking the articles newest first)."""
    sets, params, tests, tparams = [], [], [], []
    f = q.filters
    if "source" in f:
        like = "%" + f["source"].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        sets.append("SELECT id FROM articles WHERE source LIKE ? ESCAPE '\\'")
        tests.append("a.source LIKE ? ESCAPE '\\'")
        params.append(like)
        tparams.append(like)
    if "since" in f:
        sets.append("SELECT id FROM articles WHERE published >= ?")
        tests.append("a.published >= ?")
        params.append(_parse_date_filter(f["since"], end=False))
        tparams.append(params[-1])
    if "until" in f:
        sets.append("SELECT id FROM articles WHERE published <= ?")
        tests.append("a.published <= ?")
        params.append(_parse_date_filter(f["until"], end=True))
        tparams.append(params[-1])
    if "dyad" in f:
        from talkwatch.store.queries import normalise_dyad

        sets.append("SELECT DISTINCT article_id FROM events WHERE dyad = ?")
        tests.append("EXISTS (SELECT 1 FROM events e WHERE e.dyad = ? AND e.article_id = a.id)")
        params.append(normalise_dyad(f["dyad"]))
        tparams.append(params[-1])
    if "type" in f:
        sets.append("SELECT DISTINCT article_id FROM events WHERE type = ?")
        tests.append("EXISTS (SELECT 1 FROM events e WHERE e.type = ? AND e.article_id = a.id)")
        params.append(f["type"].upper())
        tparams.append(params[-1])
    if "uid" in f:
        sets.append("SELECT id FROM articles WHERE uid = ?")
        tests.append("a.uid = ?")
        params.append(f["uid"])
        tparams.append(params[-1])
    return sets, params, tests, tparams


def _newest(conn: sqlite3.Connection, where: str, params: list, limit: int, offset: int) -> list:
    return conn.execute(
        f"SELECT a.id, a.uid, a.title, a.published, a.source, substr(a.body, 1, 240) FROM articles a"
        f"{where} ORDER BY a.published DESC, a.id DESC LIMIT ? OFFSET ?",
        (*params, limit, offset),
    ).fetchall()


def search(
    conn: sqlite3.Connection,
    text: str,
    *,
    limit: int = 20,
    offset: int = 0,
    correct: bool = True,
) -> Result:
    t0 = time.perf_counter()
    q = parse(text)
    had_text = q.has_text
    fixes, ignored = resolve_words(conn, q, correct) if had_text else ({}, [])
    sets, params, tests, tparams = _filter_sql(q, conn)
    if had_text and not q.has_text and not sets:
        # every word was found nowhere: nothing matches (not "every article")
        return Result([], fixes, 0, False, "none", None, (time.perf_counter() - t0) * 1000, ignored)
    expand = expand_prefixes(conn, q)
    match = to_match(q, fixes, expand)
    if match is None and sets and not q.negated:
        # filters only: count the matching articles up to a cap; when there are many, walk
        # the articles newest first testing each (a match comes every few rows), instead of
        # collecting every matching id (tens of thousands for a busy dyad)
        capped = conn.execute(
            f"SELECT count(*) FROM ({' INTERSECT '.join(sets)} LIMIT {RANK_ALL_BELOW + 1})", params
        ).fetchone()[0]
        if capped > RANK_ALL_BELOW:
            rows = _newest(conn, " WHERE " + " AND ".join(tests), tparams, limit, offset)
            hits = [Hit(uid=r[1], title=r[2], published=r[3], source=r[4], score=0.0,
                        snippet=_plain_lead(r[5]), id=r[0]) for r in rows]
            return Result(hits, fixes, RANK_ALL_BELOW, True, "recent", None, (time.perf_counter() - t0) * 1000,
                          ignored)
    if match is None and q.negated:
        # only exclusions (`-cricket`): every article without them, newest first
        sets.append("SELECT id FROM articles WHERE id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        params.append(negated_match(q, expand))
    if sets:
        # materialise the filtered article ids once (an indexed temp table): a compound
        # subquery inside MATCH queries would be evaluated again and again
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS tw_ids (id INTEGER PRIMARY KEY)")
        conn.execute("DELETE FROM temp.tw_ids")
        conn.execute(f"INSERT OR IGNORE INTO temp.tw_ids {' INTERSECT '.join(sets)}", params)
        conn.commit()
        sets, params = ["SELECT id FROM temp.tw_ids"], []
    idset = " INTERSECT ".join(sets)
    if match is None:
        # no words: filters only (or nothing): newest first (NULL dates sort last in DESC)
        rows = _newest(conn, f" WHERE a.id IN ({idset})" if sets else "", params, limit, offset)
        if sets:
            total = conn.execute("SELECT count(*) FROM temp.tw_ids").fetchone()[0]
        else:
            total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        hits = [Hit(uid=r[1], title=r[2], published=r[3], source=r[4], score=0.0,
                    snippet=_plain_lead(r[5]), id=r[0]) for r in rows]
        return Result(hits, fixes, total, False, "recent", None, (time.perf_counter() - t0) * 1000, ignored)

    # `+f.rowid`: a plain membership test on each match; a bare rowid IN would be handed
    # to FTS5, which then runs the whole MATCH once per id of the set
    extra = f" AND +f.rowid IN ({idset})" if sets else ""
    join = ""
    # an OperationalError below would be the database's (every token is quoted): the caller's to report
    capped = conn.execute(
        f"SELECT count(*) FROM (SELECT f.rowid FROM articles_fts f{join} WHERE articles_fts MATCH ?{extra}"
        f" LIMIT {RANK_ALL_BELOW + 1})",
        (match, *params),
    ).fetchone()[0]
    if capped <= RANK_ALL_BELOW:
        plan = "bm25"
        ranked = conn.execute(
            f"SELECT f.rowid, bm25(articles_fts, {TITLE_WEIGHT}, {BODY_WEIGHT}) AS r FROM articles_fts f{join}"
            f" WHERE articles_fts MATCH ?{extra} ORDER BY r LIMIT ? OFFSET ?",
            (match, *params, limit, offset),
        ).fetchall()
        total, more = capped, False
    else:
        plan = f"bm25 over the newest {RANK_ALL_BELOW} matches"
        ranked = conn.execute(
            f"SELECT rowid, r FROM (SELECT f.rowid AS rowid, bm25(articles_fts, {TITLE_WEIGHT}, {BODY_WEIGHT}) AS r"
            f" FROM articles_fts f{join} WHERE articles_fts MATCH ?{extra} ORDER BY f.rowid DESC LIMIT {RANK_ALL_BELOW})"
            f" ORDER BY r LIMIT ? OFFSET ?",
            (match, *params, limit, offset),
        ).fetchall()
        total, more = capped - 1, True

    hits = []
    if ranked:
        ids = [r[0] for r in ranked]
        score = {r[0]: r[1] for r in ranked}
        marks = ",".join("?" * len(ids))
        rows = conn.execute(
            f"SELECT a.id, a.uid, a.title, a.published, a.source,"
            f" snippet(articles_fts, 1, '{MARK_START}', '{MARK_END}', '…', 16)"
            f" FROM articles_fts f JOIN articles a ON a.id = f.rowid"
            f" WHERE articles_fts MATCH ? AND f.rowid IN ({marks})",
            (match, *ids),
        ).fetchall()
        by_id = {r[0]: r for r in rows}
        for i in ids:
            r = by_id.get(i)
            if r is None:
                continue
            hits.append(Hit(uid=r[1], title=r[2], published=r[3], source=r[4],
                            score=round(-score[i], 3), snippet=_tidy(r[5]), id=r[0]))
    return Result(hits, fixes, total, more, plan, match, (time.perf_counter() - t0) * 1000, ignored)


_WS = re.compile(r"\s+")


def _tidy(snippet: str) -> str:
    return _WS.sub(" ", snippet or "").strip()


def _plain_lead(text: str | None) -> str:
    text = _tidy(text or "")
    return text[:200] + ("…" if len(text) > 200 else "")


def strip_marks(s: str) -> str:
    return s.replace(MARK_START, "").replace(MARK_END, "")


def highlight_terms(q: Query, fixes: dict[str, str], ignored: list[str] | None = None) -> list[str]:
    """The folded words a view should highlight for this query (not those it ignored)."""
    skip = {fold(w) for w in ignored or []}
    out = []
    for g in q.groups:
        for t in g:
            if t.bare and t.words[0] in skip:
                continue
            out.extend(fixes.get(w, w) for w in t.words)
    return out


__all__ = ["parse", "to_match", "negated_match", "expand_prefixes", "search", "correct_words", "resolve_words", "nearest_word", "max_edits", "Query", "Term", "Result", "Hit", "fold"]
