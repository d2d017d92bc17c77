"""The library is the one way the CLI and the TUI reach the data: what it returns is what the
commands print, and its errors are typed."""
from __future__ import annotations

import json
import sqlite3
import threading

import pytest

from talkwatch.errors import Ambiguous, Interrupted, InvalidInput, NotFound, SearchFailed, TalkwatchError
from talkwatch.library import DyadTimeline, Library, SearchResult, StoredArticle, plain

from tw_support import TW_UIDS, tw_seed_event


@pytest.fixture
def lib(tw_db):
    with Library(tw_db) as library:
        yield library


def test_events_are_what_the_cli_prints(lib, tw_db, tw_run):
    for args, kw in ((["events", "--json"], {}), (["events", "--explain", "--json"], {"explain": True}),
                     (["events", "--dyad", "AFG-PAK", "--json"], {"dyad": "AFG-PAK"})):
        res = tw_run("--db", tw_db, *args)
        assert res.exit_code == 0, res.output
        assert json.loads(res.stdout) == lib.events(**kw) == [json.loads(t) for t in lib.events_json(**kw)]


def test_dyads_and_a_timeline_are_what_the_cli_prints(lib, tw_db, tw_run):
    res = tw_run("--db", tw_db, "dyads", "--json")
    assert json.loads(res.stdout) == json.loads(json.dumps(lib.dyads()))
    dyad = lib.dyads()[0]["dyad"]
    tl = lib.dyad(dyad)
    assert isinstance(tl, DyadTimeline) and tl.rows
    doc = json.loads(tw_run("--db", tw_db, "dyad", dyad, "--json").stdout)
    assert doc["summary"] == json.loads(json.dumps(tl.summary))
    assert [r["event_id"] for r in doc["timeline"]] == [r["event_id"] for r in tl.rows]


def test_search_is_what_the_cli_prints(lib, tw_db, tw_run):
    res = lib.search("istambul talks")
    assert isinstance(res, SearchResult) and res.corrected == {"istambul": "istanbul"}
    printed = json.loads(tw_run("--db", tw_db, "search", "istambul talks", "--json").stdout)
    assert [(h["uid"], h["score"], h["snippet"]) for h in printed] == \
        [(h.uid, h.score, plain(h.snippet)) for h in res.hits]


def test_an_article_is_a_dataclass(lib):
    art = lib.article(TW_UIDS["istanbul"])
    assert isinstance(art, StoredArticle) and art.uid == TW_UIDS["istanbul"] and "Istanbul" in art.body
    assert lib.article("istanbul.txt").uid == TW_UIDS["istanbul"]        # a part naming one article
    view = lib.article_view(art.uid)
    assert view.article == art and all("rule" in e for e in view.events)


def test_errors_are_typed(lib, tw_db):
    with pytest.raises(NotFound):
        lib.article("no/such/article.txt")
    with pytest.raises(NotFound):
        lib.event("ffffffffffff")
    with pytest.raises(InvalidInput):
        lib.events(dyad="nowhere at all")
    with pytest.raises(InvalidInput):
        lib.search("since:nonsense-date-xyz")
    with pytest.raises(InvalidInput):
        lib.correct(tw_seed_event(tw_db, TW_UIDS["istanbul"]), {"status": "bogus"})
    assert issubclass(Ambiguous, NotFound) and issubclass(SearchFailed, TalkwatchError)


def test_an_ambiguous_id_prefix(lib, tw_db):
    # 17 events have at least two ids with the same first hex digit
    for i in range(17):
        tw_seed_event(tw_db, TW_UIDS["istanbul"], rule=f"tw_ambiguous_{i}")
    ids = [e["id"] for e in lib.events()]
    prefix = next(i[0] for i in ids if sum(j[0] == i[0] for j in ids) > 1)
    with pytest.raises(Ambiguous):
        lib.event(prefix)
    assert lib.event(ids[0])["id"] == ids[0]


def test_a_failed_search_is_an_error_not_no_matches(tw_db, tw_run, monkeypatch):
    from talkwatch.store import search as store_search

    def broken(conn, text, **kw):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(store_search, "search", broken)
    with pytest.raises(SearchFailed):
        Library(tw_db).search("talks")
    res = tw_run("--db", tw_db, "search", "talks")
    assert res.exit_code == 1 and "the search failed: disk I/O error" in res.stderr
    assert "no matches" not in res.stderr


def test_an_interrupted_search_says_so_by_type(tw_db, monkeypatch):
    from talkwatch.store import search as store_search

    lib = Library(tw_db)
    owner = object()

    def stopped(conn, text, **kw):
        # a long query, stopped from another thread as a newer query does from the UI thread
        threading.Timer(0.2, lib.interrupt, (owner,)).start()
        conn.execute("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 100000000000)"
                     " SELECT count(*) FROM c").fetchone()

    monkeypatch.setattr(store_search, "search", stopped)
    with pytest.raises(Interrupted):
        lib.search("talks", owner=owner)
    monkeypatch.undo()
    assert lib.search("talks", owner=owner).hits      # the connection is usable again


def test_a_correction_goes_through_the_writer_and_refreshes(lib, tw_db):
    eid = tw_seed_event(tw_db, TW_UIDS["istanbul"], refresh=True)
    msg = lib.correct(eid, {"status": "deferred"}, note="checked")
    assert msg.startswith(f"corrected event {eid}")
    assert lib.event(eid)["status"] == "deferred"
    assert [c["event_id"] for c in lib.corrections()] == [eid]
    assert lib.dyad("AFG-PAK").summary["dyad"] == "AFG-PAK"


def test_a_correction_never_creates_a_database(tmp_path):
    from talkwatch.errors import Unavailable

    with pytest.raises(Unavailable):
        Library(tmp_path / "none.db").correct("abc", {"status": "held"})
    assert not (tmp_path / "none.db").exists()


def test_index_reports_through_a_reporter(tmp_path):
    from talkwatch.indexer import QuietReporter

    class Recorder(QuietReporter):
        def __init__(self):
            self.calls = []

        def progress(self, done, total):
            self.calls.append(("progress", done, total))

        def skipped(self, path, reason):
            self.calls.append(("skipped", path.rsplit("/", 1)[-1], reason))

        def warning(self, path, message):
            self.calls.append(("warning", path.rsplit("/", 1)[-1], message))

    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Title: A\n\nPakistan and Afghanistan held talks in Doha.\n", encoding="utf-8")
    (corpus / "b.bin").write_bytes(b"\x00\x01")
    (corpus / "c.jsonl").write_text('{"id": 1, "title": "T", "text": "Some text here."}\nnot json\n',
                                    encoding="utf-8")
    rec = Recorder()
    summary = Library(tmp_path / "x.db").index([str(corpus)], workers=1, reporter=rec)
    assert summary.files_indexed == 2 and len(summary.skipped) == 1
    assert ("progress", 0, 2) in rec.calls and ("progress", 2, 2) in rec.calls
    assert [c[1] for c in rec.calls if c[0] == "skipped"] == ["b.bin"]
    assert [c[1] for c in rec.calls if c[0] == "warning"] == ["c.jsonl"]
