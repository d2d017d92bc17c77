"""A cluster's sources (issue 14, item 2): every report in `dyad --json`, `events --cluster`,
and a syndicated copy counted once as a source."""
from __future__ import annotations

import json

import pytest

from tw_support import tw_index, tw_refresh, tw_seed_event, tw_write_corpus

BODY = ("Delegations from Pakistan and Afghanistan will meet in Istanbul on November 6 for a third round of "
        "talks, officials in both capitals said on Tuesday, with Qatar and Turkiye again acting as mediators. "
        "The talks follow weeks of border clashes and a fragile ceasefire agreed in Doha last month, and both "
        "sides said they hoped to agree a mechanism to monitor the truce along the frontier.\n")

CORPUS = {
    "a-wire/original.txt": f"Title: Third round set for Istanbul\nPublished: 2025-11-04\nSource: Frontier Ledger\n\n{BODY}",
    "b-papers/copy.txt": f"Title: Third round in Istanbul on Thursday\nPublished: 2025-11-04\nSource: Daily Courier\n\n{BODY}",
    "other/own.txt": ("Title: Istanbul talks confirmed\nPublished: 2025-11-05\nSource: Capital Wire\n\n"
                      "Pakistan and Afghanistan will meet in Istanbul on November 6, the foreign office confirmed.\n"),
}


@pytest.fixture
def db(tmp_path):
    corpus = tw_write_corpus(tmp_path / "corpus", CORPUS)
    path = tmp_path / "s.db"
    tw_index(path, corpus)
    import sqlite3

    conn = sqlite3.connect(str(path))
    dup = conn.execute("SELECT dup_of FROM articles WHERE uid = 'b-papers/copy.txt'").fetchone()[0]
    with conn:
        conn.execute("DELETE FROM events")
    conn.close()
    assert dup == "a-wire/original.txt"
    for uid in CORPUS:
        sentence = BODY.split(", officials")[0] if uid != "other/own.txt" else None
        tw_seed_event(path, uid, sentence=sentence, status="scheduled", date="2025-11-06")
    tw_refresh(path)
    return path


def test_a_near_duplicate_counts_once_as_a_source(db, tw_run):
    doc = json.loads(tw_run("--db", db, "dyad", "AFG", "PAK", "--json").stdout)
    [row] = doc["timeline"]
    assert row["mentions"] == 3
    assert row["articles"] == 2          # the copy is the original's story
    assert row["sources"] == 2           # Frontier Ledger (also carried by Daily Courier), Capital Wire


def test_the_timeline_carries_every_report(db, tw_run):
    doc = json.loads(tw_run("--db", db, "dyad", "AFG", "PAK", "--json").stdout)
    [row] = doc["timeline"]
    reports = {r["uid"]: r for r in row["reports"]}
    assert set(reports) == set(CORPUS)
    assert reports["b-papers/copy.txt"]["duplicate_of"] == "a-wire/original.txt"
    assert reports["b-papers/copy.txt"]["source"] == "Daily Courier"
    assert all(r["published"] and r["sentence"] and r["event_id"] for r in reports.values())
    # jsonl and csv carry them too (csv: as JSON in the cell)
    line = json.loads(tw_run("--db", db, "dyad", "AFG", "PAK", "--jsonl").stdout.splitlines()[0])
    assert len(line["reports"]) == 3
    # the cluster id leads to the same reports
    evs = json.loads(tw_run("--db", db, "events", "--cluster", row["cluster"], "--json").stdout)
    assert {e["uid"] for e in evs} == set(CORPUS)
    assert all(e["cluster"] == row["cluster"] for e in evs)


def test_as_of_timelines_carry_reports_too(db, tw_run):
    doc = json.loads(tw_run("--db", db, "dyad", "AFG", "PAK", "--as-of", "2025-11-04", "--json").stdout)
    [row] = doc["timeline"]
    assert {r["uid"] for r in row["reports"]} == {"a-wire/original.txt", "b-papers/copy.txt"}


def test_sources_of_a_cluster_count_stories():
    from talkwatch.analysis.clusters import Cluster, Mention

    def m(uid, source, dup=None):
        return Mention(id=uid, type="TALKS", status="held", dyad="AFG-PAK", date="2025-11-06", precision="day",
                       location=None, mediators=[], uid=uid, article_id=0, published="2025-11-06", source=source,
                       dup_of=dup, goldstein=1.0, sentence="")

    c = Cluster([m("a", "Ledger"), m("b", "Courier", dup="a"), m("c", "Wire")])
    assert c.sources() == {"Ledger", "Wire"} and c.articles() == {"a", "c"}
    # a copy whose original does not report this event is a story of its own
    c = Cluster([m("b", "Courier", dup="a"), m("c", "Wire")])
    assert c.sources() == {"Courier", "Wire"}
