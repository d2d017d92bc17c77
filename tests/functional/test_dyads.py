"""Dyad status and clusters on the bundled sample corpus, against expectations written by hand
(tests/data/sample_dyads.json) before the rules were tuned on it."""
from __future__ import annotations

import json
import shutil

import pytest

from talkwatch.store.dyads import compute
from talkwatch.store import queries
from talkwatch.store.db import open_db
from talkwatch.indexer.run import index_paths
from tw_support import ROOT

EXPECT = json.loads((ROOT / "tests/data/sample_dyads.json").read_text(encoding="utf-8"))
# Expectations the current rules do not meet yet, each with the reason; they run, and a
# fix that makes one pass shows up as XPASS.
KNOWN_GAPS = {
    "KHM-THA": "CHN (attending the Putrajaya talks) is not among the mediators",
    "RUS-UKR": "USA is not among the mediators",
    "HAM-ISR@2025-01-17": "a ceasefire agreed to take effect two days later counts as holding",
    "IND-PAK@2025-05-11": "talks come out expected, not scheduled",
    "KHM-THA@2025-07-28": "talks come out scheduled, not held",
}


def _cases(items):
    return [pytest.param(k, marks=pytest.mark.xfail(reason=KNOWN_GAPS[k], strict=False)) if k in KNOWN_GAPS else k
            for k in sorted(items)]


NOW = {k: v for k, v in EXPECT.items() if "@" not in k}
AS_OF = {k: v for k, v in EXPECT.items() if "@" in k}


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sample")
    corpus = folder / "sample_corpus"
    shutil.copytree(ROOT / "sample_corpus", corpus)
    db = folder / "sample.db"
    index_paths(db, [str(corpus)], workers=1)
    conn = open_db(db)
    yield conn
    conn.close()


def _check(summary: dict, want: dict, label: str) -> None:
    if "talks_status" in want:
        assert summary["talks_status"] == want["talks_status"], f"{label}: talks {summary['talks_status']}"
    if "ceasefire" in want:
        assert summary["ceasefire"] == want["ceasefire"], f"{label}: ceasefire {summary['ceasefire']}"
    if "next" in want:
        got, exp = summary["next"], want["next"]
        if exp is None:
            assert got is None, f"{label}: next should be none, got {got}"
        else:
            assert got is not None, f"{label}: no next event, want {exp}"
            assert got["type"] == exp["type"] and got["date"] == exp["date"], f"{label}: next {got}"
            if exp.get("location"):
                assert got["location"] == exp["location"], f"{label}: next at {got['location']}"
            for m in exp.get("mediators") or []:
                assert m in got["mediators"], f"{label}: next mediators {got['mediators']}"
    for m in want.get("mediators") or []:
        assert m in summary["mediators"], f"{label}: mediators {summary['mediators']}"
    if "min_clusters" in want:
        assert summary["clusters"] >= want["min_clusters"], f"{label}: {summary['clusters']} clusters"


@pytest.mark.parametrize("dyad", _cases(NOW))
def test_where_each_dyad_stands_now(sample_db, dyad):
    stored = {s["dyad"]: s for s in queries.dyad_summaries(sample_db)}
    assert dyad in stored, f"{dyad} missing from dyads"
    _check(stored[dyad], NOW[dyad], dyad)


@pytest.mark.parametrize("key", _cases(AS_OF))
def test_where_a_dyad_stood_on_an_earlier_date(sample_db, key):
    dyad, as_of = key.split("@")
    summary, rows = compute(sample_db, dyad, as_of)
    assert rows, f"{key}: no evidence"
    _check(summary, AS_OF[key], key)


def test_stored_summary_equals_a_fresh_computation(sample_db):
    for s in queries.dyad_summaries(sample_db):
        fresh, _ = compute(sample_db, s["dyad"])
        assert fresh == s


def test_near_duplicate_articles_are_marked_and_count_once(sample_db):
    dups = sample_db.execute("SELECT uid, dup_of FROM articles WHERE dup_of IS NOT NULL").fetchall()
    assert len(dups) >= 1
    uid, original = dups[0]
    assert {uid, original} <= {r[0] for r in sample_db.execute("SELECT uid FROM articles")}
    # a cluster reported by both counts one article
    rows = compute(sample_db, "AFG-PAK")[1]
    both = [r for r in rows if {uid, original} & set(_uids(sample_db, r["event_ids"]))]
    assert both
    for r in both:
        assert r["articles"] <= len(set(_uids(sample_db, r["event_ids"])))


def _uids(conn, event_ids):
    marks = ",".join("?" * len(event_ids))
    return [r[0] for r in conn.execute(f"SELECT a.uid FROM events e JOIN articles a ON a.id = e.article_id"
                                          f" WHERE substr(e.fingerprint, 1, 12) IN ({marks})", event_ids)]


def test_seed_like_article_pair_gives_one_cluster_and_the_next_round(tmp_path):
    """Two outlets announce the same round (one dated by metadata, one only by its text)."""
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Title: Kabul and Islamabad to meet again\nPublished: 2025-11-05\nSource: Ledger\n\n"
        "The next round of talks between Pakistan and Afghanistan will be held in Istanbul on November 6, "
        "with Qatar and Turkey mediating.\n", encoding="utf-8")
    (folder / "b.txt").write_text(
        "Delegation departs\n\nOn Wednesday the Pakistani delegation left for Istanbul. "
        "Talks between Pakistan and Afghanistan will resume tomorrow, November 6, officials said, "
        "in the presence of mediators from Qatar and Türkiye.\n", encoding="utf-8")
    db = tmp_path / "t.db"
    index_paths(db, [str(folder)], workers=1)
    conn = open_db(db)
    summary, rows = compute(conn, "AFG-PAK")
    talks = [r for r in rows if r["type"] == "TALKS"]
    assert len(talks) == 1, talks
    assert talks[0]["mentions"] == 2 and talks[0]["articles"] == 2
    assert summary["talks_status"] == "scheduled"
    assert summary["next"]["date"] == "2025-11-06" and summary["next"]["location"] == "Istanbul"
    assert set(summary["next"]["mediators"]) == {"QAT", "TUR"}


def test_as_of_gives_the_earlier_state(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "1.txt").write_text(
        "Title: Talks set\nPublished: 2016-01-10\n\nForeign secretaries of India and Pakistan will meet "
        "in Islamabad on January 15.\n", encoding="utf-8")
    (folder / "2.txt").write_text(
        "Title: Talks put off\nPublished: 2016-01-14\n\nThe talks between India and Pakistan, scheduled for "
        "January 15, have been postponed after the attack.\n", encoding="utf-8")
    db = tmp_path / "t.db"
    index_paths(db, [str(folder)], workers=1)
    conn = open_db(db)
    now, _ = compute(conn, "IND-PAK")
    then, _ = compute(conn, "IND-PAK", "2016-01-11")
    assert now["talks_status"] == "deferred"
    assert then["talks_status"] == "scheduled"
    assert then["next"]["date"] == "2016-01-15"


def test_extraction_on_the_sample_corpus_stays_above_its_floor(sample_db):
    """`talkwatch eval` against the gold file written before the rules were tuned on it.

    Measured when this floor was set: recall 77.0%, precision 53.2%, status 87.6%, dates 69.2%.
    The floor sits a few points below, so a rule change that loses events fails here.
    """
    from talkwatch.analysis.evaluate import evaluate, gold_articles, load_gold

    gold = load_gold(str(ROOT / "tests/data/sample_gold.jsonl"))
    report = evaluate(gold, {uid: queries.events(sample_db, uid=uid) for uid in gold_articles(gold)})
    assert report["gold"] == 126
    assert report["recall"] >= 0.72, report["recall"]
    assert report["precision"] >= 0.48, report["precision"]
    assert report["status_accuracy"] >= 0.82, report["status_accuracy"]
    assert report["date_accuracy"] >= 0.62, report["date_accuracy"]


def test_eval_command_prints_the_figures(sample_db, tmp_path):
    from click.testing import CliRunner

    from talkwatch.cli import cli

    db = sample_db.execute("PRAGMA database_list").fetchone()[2]
    res = CliRunner().invoke(cli, ["--db", db, "eval", str(ROOT / "tests/data/sample_gold.jsonl"), "--json"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout)
    assert {"recall", "precision", "status_accuracy", "date_accuracy", "per_type", "undated_share",
            "no_dyad"} <= set(report)
    assert 0 <= report["undated"] <= report["extracted"] and report["undated_share"] < 0.25
    table = CliRunner().invoke(cli, ["--db", db, "eval", str(ROOT / "tests/data/sample_gold.jsonl")])
    assert f"undated events {report['undated']} (" in table.stdout and "without a dyad" in table.stdout


def test_stored_timeline_is_what_compute_gives(sample_db):
    """`dyad A B` and the TUI read the clusters the last refresh stored; they must be
    exactly what a fresh computation gives (same rows, same order, same summary)."""
    from talkwatch.store.dyads import stored

    fields = ["dyad", "type", "status", "date", "date_precision", "sort_date", "location", "mediators",
              "mentions", "articles", "sources", "first_seen", "last_seen", "goldstein", "uid", "event_id",
              "sentence", "date_source"]
    dyads = [r[0] for r in sample_db.execute("SELECT dyad FROM dyads ORDER BY dyad")]
    assert len(dyads) >= 5
    for d in dyads:
        got = stored(sample_db, d)
        assert got is not None, d
        summary, rows = compute(sample_db, d)
        assert got[0] == json.loads(json.dumps(summary)), d
        assert [{k: r[k] for k in fields} for r in got[1]] == [{k: r[k] for k in fields} for r in rows], d
        assert all(r["cluster"] for r in got[1])


def test_a_dyad_awaiting_refresh_is_computed(tmp_path):
    from talkwatch.store.dyads import stored, timeline

    corpus = tmp_path / "c"
    shutil.copytree(ROOT / "sample_corpus", corpus)
    db = tmp_path / "s.db"
    index_paths(db, [str(corpus)], workers=1)
    conn = open_db(db, write=True)
    try:
        with conn:
            conn.execute("INSERT INTO dirty_dyads(dyad) VALUES ('AFG-PAK')")
        assert stored(conn, "AFG-PAK") is None
        assert timeline(conn, "AFG-PAK")[1] == compute(conn, "AFG-PAK")[1]
    finally:
        conn.close()


def test_refresh_in_worker_processes_gives_the_same_clusters(tmp_path, monkeypatch):
    import talkwatch.indexer.refresh as analysis

    corpus = tmp_path / "c"
    shutil.copytree(ROOT / "sample_corpus", corpus)
    db = tmp_path / "s.db"
    index_paths(db, [str(corpus)], workers=1)

    def state(workers):
        conn = open_db(db, write=True)
        try:
            with conn:
                conn.execute("INSERT OR IGNORE INTO dirty_dyads SELECT DISTINCT dyad FROM events WHERE dyad IS NOT NULL")
            assert analysis.refresh(conn, workers=workers) >= 5
            assert not conn.execute("SELECT count(*) FROM dirty_dyads").fetchone()[0]
            summaries = conn.execute("SELECT dyad, summary FROM dyads ORDER BY dyad").fetchall()
            groups = conn.execute(
                "SELECT group_concat(e.fingerprint) FROM events e JOIN clusters c ON c.id = e.cluster"
                " GROUP BY e.cluster ORDER BY 1").fetchall()
            return summaries, groups
        finally:
            conn.close()

    serial = state(1)
    monkeypatch.setattr(analysis, "PARALLEL_FROM", 1)
    assert state(2) == serial


def test_no_dyad_with_dated_events_lacks_a_last_event_date(sample_db):
    dated = {r[0] for r in sample_db.execute(
        "SELECT DISTINCT dyad FROM events WHERE dyad IS NOT NULL AND date GLOB '[0-9][0-9][0-9][0-9]*'")}
    assert len(dated) >= 5
    for d in sorted(dated):
        summary, _ = compute(sample_db, d)
        assert summary["last_event_date"], d


def test_no_deed_reported_as_done_is_dated_after_its_article(sample_db):
    """Held, resumed, failed: done by the time it is told; a date after the report is a
    misread month or weekday (in the wrong direction)."""
    late = sample_db.execute(
        "SELECT a.uid, e.type, e.status, e.date, a.published FROM events e JOIN articles a ON a.id = e.article_id"
        " WHERE e.status IN ('held', 'resumed', 'failed') AND e.date GLOB '[0-9][0-9][0-9][0-9]*'"
        " AND a.published IS NOT NULL AND e.date > substr(a.published, 1, length(e.date))").fetchall()
    assert late == []
    assert sample_db.execute("SELECT count(*) FROM events WHERE status = 'held' AND date IS NOT NULL").fetchone()[0] > 50


def test_a_deed_dated_by_its_report_is_shown_as_approximate(tmp_path):
    """No date in the text: a deed told as done takes its report's day, shown "~2025-11-05" in
    tables; JSON keeps the plain date and says where it came from."""
    from click.testing import CliRunner

    from talkwatch.cli import cli

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "deal.txt").write_text(
        "Title: Neighbours sign a transit accord\nPublished: 2025-11-05\nSource: Ledger\n\n"
        "Kazakhstan and Uzbekistan signed a transit agreement in Tashkent, officials said.\n", encoding="utf-8")
    db = tmp_path / "t.db"
    index_paths(db, [str(folder)], workers=1)
    run = lambda *a: CliRunner().invoke(cli, ["--db", str(db), *a])     # noqa: E731
    [ev] = [e for e in json.loads(run("events", "--json").stdout) if e["type"] == "AGREEMENT"]
    assert (ev["date"], ev["date_source"], ev["status"]) == ("2025-11-05", "published", "held")
    assert "~2025-11-05" in run("events").stdout
    timeline = json.loads(run("dyad", "KAZ", "UZB", "--json").stdout)["timeline"]
    assert [(r["date"], r["date_source"]) for r in timeline if r["type"] == "AGREEMENT"] == [("2025-11-05", "published")]
    assert "~2025-11-05" in run("dyad", "KAZ", "UZB").stdout
