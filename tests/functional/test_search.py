"""The query language, its translation to FTS5 MATCH, typo correction and ranking."""
from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from talkwatch.errors import TalkwatchError
from talkwatch.store import search as search_mod
from talkwatch.store.search import MARK_END, MARK_START, parse, search, to_match

from tw_support import TW_UIDS

HOSTILE = [
    '"talks', "Israel-Gaza", "U.S.", "AND", "*", "NEAR(", "[bold]x[/]",
    "'; DROP TABLE articles; --", "", "-talks", "OR OR", "title:", "NOT", "OR", "-", '"', '""',
    "talks OR", "OR talks", "NOT NOT talks", "a*b*", "title:*", "(talks", "talks)", "^talks",
    "col:talks", "title:\"\"", "\x00", "talks\x1b[31m", "‘talks’", "«»", "ß", "İstanbul",
    'talks NEAR/2 istanbul', "{title body}: talks", "talks + istanbul", "-\"\"", "dyad:",
    "source:", "source:%", "source:_", "uid:'", "type:'x'",
]
UIDS = set(TW_UIDS.values())


def uids(res):
    return [h.uid for h in res.hits]


def fts_valid(conn, expr):
    conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (expr,)).fetchone()


# ------------------------------------------------------------------ parse / to_match

def test_words_are_anded_and_quoted():
    q = parse("Istanbul talks")
    assert [[t.words for t in g] for g in q.groups] == [[["istanbul"]], [["talks"]]]
    # tokens go to MATCH as typed (FTS5 folds them the way it folded the index)
    assert to_match(q) == '"Istanbul" AND "talks"'


def test_phrase_kept_together():
    q = parse('"foreign secretary" talks')
    assert q.groups[0][0].phrase and q.groups[0][0].words == ["foreign", "secretary"]
    assert to_match(q) == '"foreign secretary" AND "talks"'


def test_prefix_star_survives_quoting():
    assert to_match(parse("negotiat*")) == '"negotiat"*'


def test_or_groups_alternatives():
    assert to_match(parse("doha OR istanbul talks")) == '("doha" OR "istanbul") AND "talks"'


def test_minus_and_not_exclude():
    assert to_match(parse("talks -cricket")) == '"talks" NOT "cricket"'
    assert to_match(parse("talks NOT cricket")) == '"talks" NOT "cricket"'
    q = parse('talks -"line of control"')
    assert [t.words for t in q.negated] == [["line", "of", "control"]]


def test_title_restricts_column():
    assert to_match(parse("title:ceasefire")).replace(" ", "") == 'title:"ceasefire"'
    assert to_match(parse('title:"line of control"')) == 'title : "line of control"'
    assert parse("-title:cricket").negated[0].column == "title"


def test_filters_are_not_text():
    q = parse('source:"Border Monitor" since:2025-11 until:2025-11-03 dyad:AFG-PAK type:talks')
    assert not q.has_text and to_match(q) is None
    assert q.filters == {"source": "Border Monitor", "since": "2025-11", "until": "2025-11-03",
                         "dyad": "AFG-PAK", "type": "talks"}


def test_diacritics_and_case_fold():
    assert parse("TÜRKIYE").groups[0][0].words == ["turkiye"]


def test_query_folds_like_the_index(tmp_path):
    """Words typed exactly as printed are found, whatever Python's casefold/NFKD would make of them."""
    from tw_support import tw_index, tw_write_corpus
    from talkwatch.store.db import open_db

    corpus = tw_write_corpus(tmp_path / "c", {
        "a.txt": "Title: Envoys in Europe\n\nTalks moved from the Straße office to Θεσσαλονίκη, "
                 "then to the ﬁnal venue near Türkiye.\n",
    })
    tw_index(tmp_path / "f.db", corpus)
    conn = open_db(tmp_path / "f.db")
    try:
        for word in ("Straße", "straße", "Θεσσαλονίκη", "ΘΕΣΣΑΛΟΝΊΚΗ", "ﬁnal", "Türkiye", "turkiye", "TURKIYE"):
            res = search(conn, word)
            assert uids(res) == ["a.txt"], word
            assert res.corrected == {}, (word, res.corrected)
    finally:
        conn.close()


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_queries_translate_to_valid_match(text, tw_conn):
    q = parse(text)
    m = to_match(q)
    if m is not None:
        fts_valid(tw_conn, m)


def test_user_text_never_reaches_match_raw():
    m = to_match(parse("'; DROP TABLE articles; --"))
    assert m == '"DROP" AND "TABLE" AND "articles"'
    assert to_match(parse("AND")) is None
    assert to_match(parse("*")) is None
    assert to_match(parse("OR OR")) is None
    assert to_match(parse("Israel-Gaza")) == '"Israel" AND "Gaza"'      # each word must match
    assert to_match(parse("U.S.")) == '("US" OR "U S")'                 # US, or U.S. as written
    assert to_match(parse('say "it""s"')) == '"say" AND "it" AND "s"'


@settings(max_examples=300, deadline=None, database=None)
@given(text=st.text(max_size=60))
def test_any_text_parses_to_valid_match(text):
    q = parse(text)
    m = to_match(q)
    if m is not None:
        conn = sqlite3.connect(":memory:")
        conn.execute("CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='porter unicode61 remove_diacritics 2')")
        conn.execute("SELECT count(*) FROM t WHERE t MATCH ?", (m,)).fetchone()
        conn.close()


_pieces = st.sampled_from([
    "talks", "istanbul", "istambul", "-", "*", '"', "OR", "AND", "NOT", "NEAR(", "(", ")", ":", "^",
    "title:", "source:", "dyad:", "type:", "uid:", "since:2025-10", "until:2025", "-title:", "U.S.",
    "Israel-Gaza", "'", ";", "[/]", "khawaja", "negotiat*", "ß", "İ", "\u0301", "\ue000", "{", "}", "+",
    "dyad:AFG-PAK", "dyad:zz", "until:\"last week\"", "since:nonsense", "type:talks", "source:\"a b\"",
])


@settings(max_examples=200, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.lists(st.one_of(_pieces, st.text(max_size=6)), max_size=8).map(" ".join))
def test_search_never_raises_on_arbitrary_text(text, tw_conn):
    try:
        res = search(tw_conn, text)
    except TalkwatchError as exc:
        # only a filter value (a date, a dyad) can be refused, and only with our one-line error
        assert any(f in text for f in ("since:", "until:", "dyad:")), (text, exc)
        assert "\n" not in str(exc)
        return
    assert not res.plan.startswith("error"), (text, res.match, res.plan)
    assert set(uids(res)) <= UIDS


# ------------------------------------------------------------------ ranking and filters

def test_title_match_ranks_above_body_only_match(tw_conn):
    res = search(tw_conn, "ceasefire")
    assert uids(res) == [TW_UIDS["truce"], TW_UIDS["clash"]]
    assert res.hits[0].score > res.hits[1].score
    res = search(tw_conn, "istanbul")
    assert uids(res)[0] == TW_UIDS["istanbul"] and TW_UIDS["cricket"] in uids(res)


def test_scores_follow_bm25_order(tw_conn):
    res = search(tw_conn, "pakistan")
    assert len(res.hits) >= 3 and res.plan == "bm25"
    scores = [h.score for h in res.hits]
    assert scores == sorted(scores, reverse=True)
    raw = tw_conn.execute(
        "SELECT a.uid FROM articles_fts f JOIN articles a ON a.id = f.rowid WHERE articles_fts MATCH 'pakistan'"
        f" ORDER BY bm25(articles_fts, {search_mod.TITLE_WEIGHT}, {search_mod.BODY_WEIGHT})"
    ).fetchall()
    assert uids(res) == [r[0] for r in raw]


def test_phrase_is_stricter_than_words(tw_conn):
    words = set(uids(search(tw_conn, "second round")))
    phrase = set(uids(search(tw_conn, '"second round"')))
    assert TW_UIDS["istanbul"] in phrase
    assert phrase <= words
    # both words occur in the truce story ("second week"), the phrase does not
    assert TW_UIDS["truce"] not in phrase
    assert search(tw_conn, '"round second"').hits == []


def test_exclusion_removes(tw_conn):
    assert TW_UIDS["deferred"] in uids(search(tw_conn, "pakistan"))
    res = search(tw_conn, "pakistan -india")
    assert TW_UIDS["deferred"] not in uids(res) and TW_UIDS["istanbul"] in uids(res)
    assert TW_UIDS["deferred"] not in uids(search(tw_conn, "pakistan NOT india"))


def test_only_negations_exclude_too(tw_conn):
    res = search(tw_conn, "-talks")
    assert res.hits, "a query of exclusions lists the other articles"
    assert TW_UIDS["istanbul"] not in uids(res) and TW_UIDS["deferred"] not in uids(res)
    assert res.total == len(UIDS) - 2


def test_or_widens(tw_conn):
    res = search(tw_conn, "sialkot OR washington")
    assert set(uids(res)) == {TW_UIDS["asif"], TW_UIDS["us"]}


def test_prefix_matches_longer_words(tw_conn):
    # porter stems the prefix too: "negotiat" is not a prefix of the stored stem "negoti"
    assert TW_UIDS["istanbul"] in uids(search(tw_conn, "negotiat*"))
    assert TW_UIDS["clash"] in uids(search(tw_conn, "shell*"))
    assert uids(search(tw_conn, "title:defen*")) == [TW_UIDS["asif"]]
    assert TW_UIDS["istanbul"] not in uids(search(tw_conn, "pakistan -negotiat*"))
    assert TW_UIDS["istanbul"] not in uids(search(tw_conn, "-negotiat*"))
    assert search(tw_conn, "zzq*").hits == []


def test_title_filter(tw_conn):
    # Istanbul is in the cricket story's body but only the talks story's title
    assert uids(search(tw_conn, "title:istanbul")) == [TW_UIDS["istanbul"]]


def test_source_filter(tw_conn):
    res = search(tw_conn, 'source:"border monitor"')
    assert set(uids(res)) == {TW_UIDS["truce"], TW_UIDS["clash"]}
    assert uids(search(tw_conn, "frontier source:metro")) == [TW_UIDS["asif"]]
    # LIKE wildcards in the value are literal
    assert search(tw_conn, "source:%").hits == []


def test_since_until_iso(tw_conn):
    res = search(tw_conn, "since:2025-11-02 until:2025-11-03")
    assert set(uids(res)) == {TW_UIDS["us"], TW_UIDS["truce"]}
    assert uids(search(tw_conn, "talks until:2016")) == [TW_UIDS["deferred"]]
    # until: a month includes its last day
    assert TW_UIDS["clash"] in uids(search(tw_conn, "until:2025-11"))


def test_since_natural_language(tmp_path):
    from tw_support import tw_index, tw_write_corpus
    from talkwatch.store.db import open_db

    today = date.today()
    recent, old = (today - timedelta(days=3)).isoformat(), (today - timedelta(days=90)).isoformat()
    corpus = tw_write_corpus(tmp_path / "c", {
        "recent.txt": f"Title: Envoys meet again\nPublished: {recent}\n\nEnvoys met in Doha for talks.\n",
        "old.txt": f"Title: Envoys met before\nPublished: {old}\n\nEnvoys met in Doha for talks.\n",
    })
    tw_index(tmp_path / "n.db", corpus)
    conn = open_db(tmp_path / "n.db")
    try:
        assert uids(search(conn, 'doha since:"last month"')) == ["recent.txt"]
        assert uids(search(conn, 'doha until:"last month"')) == ["old.txt"]
        assert set(uids(search(conn, 'since:"1 year ago"'))) == {"recent.txt", "old.txt"}
    finally:
        conn.close()


def test_since_garbage_is_one_line_error(tw_conn):
    with pytest.raises(TalkwatchError) as err:
        search(tw_conn, "talks since:garbage")
    assert "\n" not in str(err.value) and "garbage" in str(err.value)


def test_dyad_filter_uses_events(tw_db):
    from tw_support import tw_seed_event
    from talkwatch.store.db import open_db

    # a pair no article is about: only the seeded event can bring the cricket story in
    tw_seed_event(tw_db, TW_UIDS["cricket"], dyad="BRA-NOR", type="VISIT")
    conn = open_db(tw_db)
    try:
        assert uids(search(conn, "dyad:BRA-NOR")) == [TW_UIDS["cricket"]]
        assert uids(search(conn, "dyad:NOR-BRA istanbul")) == [TW_UIDS["cricket"]]
        assert uids(search(conn, "dyad:NOR-BRA wickets -istanbul")) == []
        assert TW_UIDS["cricket"] in uids(search(conn, "type:visit"))
        truth = {r[0] for r in conn.execute("SELECT a.uid FROM events e JOIN articles a ON a.id = e.article_id WHERE e.dyad = 'IND-PAK'")}
        assert set(uids(search(conn, "dyad:IND-PAK"))) == truth
        assert TW_UIDS["cricket"] not in truth
    finally:
        conn.close()


# ------------------------------------------------------------------ typo correction

@pytest.mark.parametrize("typo, right, uid", [
    ("istambul", "istanbul", "istanbul"),
    ("kawaja", "khawaja", "asif"),
    ("negotiatons", "negotiations", "istanbul"),
])
def test_typos_corrected_and_reported(tw_conn, typo, right, uid):
    res = search(tw_conn, typo)
    assert res.corrected == {typo: right}
    assert TW_UIDS[uid] in uids(res)
    assert search(tw_conn, typo, correct=False).hits == []


def test_typo_typed_in_capitals(tw_conn):
    res = search(tw_conn, "Istambul")
    assert res.corrected == {"istambul": "istanbul"}
    assert uids(res)[0] == TW_UIDS["istanbul"]


def test_typo_in_a_longer_query(tw_conn):
    res = search(tw_conn, "istambul talks")
    assert res.corrected == {"istambul": "istanbul"}
    assert uids(res) == [TW_UIDS["istanbul"]]


def test_stemmed_variant_is_not_corrected(tw_conn):
    body = " ".join(r[0] for r in tw_conn.execute("SELECT body FROM articles")).lower()
    assert "negotiating" not in body and "negotiations" in body
    res = search(tw_conn, "negotiating")
    assert res.corrected == {}
    assert TW_UIDS["istanbul"] in uids(res)


def test_short_and_unknown_words_left_alone(tw_conn):
    res = search(tw_conn, "zzzzqqqq")
    assert res.corrected == {} and res.hits == []
    assert search(tw_conn, "ist").corrected == {}


# ------------------------------------------------------------------ plans and snippets

def test_common_word_plan_ranks_newest_and_flags_more(tw_conn, monkeypatch):
    monkeypatch.setattr(search_mod, "RANK_ALL_BELOW", 2)
    res = search(tw_conn, "pakistan")
    assert res.more is True
    assert res.plan != "bm25" and not res.plan.startswith("error")
    assert len(res.hits) == 2 and res.total >= 2
    assert [h.score for h in res.hits] == sorted((h.score for h in res.hits), reverse=True)


def test_snippet_marks_the_match(tw_conn):
    hit = search(tw_conn, "sialkot").hits[0]
    assert f"{MARK_START}Sialkot{MARK_END}" in hit.snippet
    assert "\n" not in hit.snippet


def test_no_text_lists_newest_first(tw_conn):
    res = search(tw_conn, "")
    assert res.plan == "recent" and res.total == len(UIDS)
    dates = [h.published for h in res.hits]
    assert dates == sorted(dates, reverse=True)


def test_limit_and_offset_page(tw_conn):
    first = uids(search(tw_conn, "pakistan", limit=2))
    second = uids(search(tw_conn, "pakistan", limit=2, offset=2))
    every = uids(search(tw_conn, "pakistan", limit=50))
    assert first + second == every[:4]


@pytest.mark.parametrize("query", ["dyad:IND-PAK", "source:courier", "type:talks", "since:2024-01-01",
                                   "dyad:AFG-PAK since:2025-10-01", "source:e"])
def test_filter_only_walk_gives_the_newest_matches(tw_conn, monkeypatch, query):
    """Many matches: the articles are walked newest first and tested one by one; the page
    must be the same as the one from the full set of ids, and the total a lower bound."""
    full = search(tw_conn, query, limit=5)
    monkeypatch.setattr(search_mod, "RANK_ALL_BELOW", 1)
    walked = search(tw_conn, query, limit=5)
    if full.total > 1:
        assert walked.more and walked.total == 1
    assert uids(walked) == uids(full)
    assert [h.published for h in walked.hits] == sorted((h.published for h in walked.hits), key=lambda p: p or "",
                                                        reverse=True)
    page2 = search(tw_conn, query, limit=5, offset=1)
    assert uids(page2)[:4] == uids(full)[1:5]
