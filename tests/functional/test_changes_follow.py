"""What changed (issue 14, item 3) and followed dyads (item 4), from the command line."""
from __future__ import annotations

import json
import sqlite3

import pytest

from tw_support import TW_UIDS, tw_index, tw_refresh, tw_seed_event

OLD = "2025-11-01T08:00:00"


def backdate(db, uids, when=OLD):
    conn = sqlite3.connect(str(db))
    with conn:
        conn.executemany("UPDATE articles SET indexed_at = ? WHERE uid = ?", [(when, u) for u in uids])
    conn.close()


@pytest.fixture
def moved(tw_db):
    """AFG-PAK talks scheduled (yesterday's evidence), then failed and a ceasefire (today's)."""
    tw_seed_event(tw_db, TW_UIDS["istanbul"], status="scheduled", date="2025-11-06", location="Istanbul")
    tw_seed_event(tw_db, TW_UIDS["asif"], status="failed", date="2025-11-06", location="Istanbul")
    tw_seed_event(tw_db, TW_UIDS["truce"], type="CEASEFIRE", status="held", date="2025-11-03", location=None,
                  mediators=())
    tw_seed_event(tw_db, TW_UIDS["deferred"], dyad="IND-PAK", status="deferred", date="2016-01-14",
                  location="Islamabad", mediators=())
    tw_refresh(tw_db)
    conn = sqlite3.connect(str(tw_db))
    with conn:
        conn.execute("UPDATE articles SET indexed_at = '2025-11-02T09:00:00'")    # today's run
    conn.close()
    backdate(tw_db, [TW_UIDS["istanbul"], TW_UIDS["deferred"]])
    return tw_db


def test_changes_since_the_last_run(tw_run, moved):
    res = tw_run("--db", moved, "changes")
    assert res.exit_code == 0, res.stderr
    assert "AFG-PAK" in res.stdout
    assert "talks: scheduled -> failed" in res.stdout     # a third round was due; then it failed
    assert "next: TALKS 2025-11-06 Istanbul via QAT, TUR -> none" in res.stdout
    assert "ceasefire: none -> holds" in res.stdout
    assert "new: 2025-11-03 CEASEFIRE held" in res.stdout
    assert "IND-PAK" not in res.stdout            # nothing new there
    assert "since 2025-11-02T09:00:00" in res.stderr


def test_changes_json_fields(tw_run, moved):
    items = json.loads(tw_run("--db", moved, "changes", "--json").stdout)
    assert [i["dyad"] for i in items] == ["AFG-PAK"]
    item = items[0]
    assert item["talks_status"] == {"before": "scheduled", "after": "failed"}
    assert item["next"]["before"]["date"] == "2025-11-06" and item["next"]["after"] is None
    assert item["ceasefire"] == {"before": None, "after": True}
    assert item["since"] == "2025-11-02T09:00:00" and item["followed"] is False
    [cluster] = item["new_clusters"]
    assert cluster["type"] == "CEASEFIRE" and isinstance(cluster["cluster"], int)
    # each line names the cluster it is about; a cluster id opens its reports
    assert all("text" in line and "kind" in line for line in item["lines"])
    talks = next(line for line in item["lines"] if line["kind"] == "talks")
    evs = json.loads(tw_run("--db", moved, "events", "--cluster", talks["cluster"], "--json").stdout)
    assert {e["uid"] for e in evs} == {TW_UIDS["istanbul"], TW_UIDS["asif"]}


def test_changes_since_a_date(tw_run, moved):
    items = json.loads(tw_run("--db", moved, "changes", "--since", "2025-10-01", "--json").stdout)
    assert {i["dyad"] for i in items} == {"AFG-PAK", "IND-PAK"}
    ind = next(i for i in items if i["dyad"] == "IND-PAK")
    assert ind["lines"][0]["kind"] == "new dyad"
    res = tw_run("--db", moved, "changes", "--since", "2025-12-01")
    assert res.exit_code == 0 and res.stdout == "" and "no changes since 2025-12-01" in res.stderr


def test_follow_unfollow_and_followed_first(tw_run, moved):
    res = tw_run("--db", moved, "dyads", "--followed")
    assert res.exit_code == 0 and "follow no dyad" in res.stderr
    res = tw_run("--db", moved, "follow", "india", "pakistan")
    assert res.exit_code == 0 and "following IND-PAK" in res.stderr
    rows = json.loads(tw_run("--db", moved, "dyads", "--json").stdout)
    assert rows[0]["dyad"] == "IND-PAK" and rows[0]["followed"] is True       # followed first
    assert [r["followed"] for r in rows[1:]] == [False] * (len(rows) - 1)
    rows = json.loads(tw_run("--db", moved, "dyads", "--followed", "--json").stdout)
    assert [r["dyad"] for r in rows] == ["IND-PAK"]
    assert "★ IND-PAK" in tw_run("--db", moved, "dyads").stdout
    # changes limited to the followed dyads
    items = json.loads(tw_run("--db", moved, "changes", "--followed", "--json").stdout)
    assert items == []
    items = json.loads(tw_run("--db", moved, "changes", "--followed", "--since", "2025-01-01", "--json").stdout)
    assert [i["dyad"] for i in items] == ["IND-PAK"] and items[0]["followed"]
    res = tw_run("--db", moved, "follow", "IND-PAK", "--undo")
    assert "no longer following IND-PAK" in res.stderr
    assert json.loads(tw_run("--db", moved, "dyads", "--followed", "--json").stdout) == []
    assert tw_run("--db", moved, "follow", "ZZZ", "QQQ").exit_code == 2


def test_followed_dyads_survive_a_rebuild(tw_run, tw_db, tw_corpus):
    assert tw_run("--db", tw_db, "follow", "AFG-PAK").exit_code == 0
    tw_index(tw_db, tw_corpus, rebuild=True)
    assert tw_run("--db", tw_db, "corrections").exit_code == 0
    from talkwatch.library import Library

    with Library(tw_db) as lib:
        assert lib.followed() == ["AFG-PAK"]


def test_a_schema_2_database_gains_the_followed_table(tw_db):
    from talkwatch.library import Library
    from talkwatch.store.db import SCHEMA_VERSION, get_meta, open_db

    conn = sqlite3.connect(str(tw_db))
    with conn:
        conn.execute("DROP TABLE followed")
        conn.execute("DROP INDEX articles_indexed_at")
        conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    conn.close()
    with Library(tw_db) as lib:
        assert lib.followed() == []
        lib.follow("AFG-PAK")
        assert lib.followed() == ["AFG-PAK"]
    conn = open_db(tw_db)
    assert get_meta(conn, "schema_version") == str(SCHEMA_VERSION) == "3"
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'articles_indexed_at'").fetchone()
    plan = " ".join(r[3] for r in conn.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM articles WHERE indexed_at >= ?", ("2025",)))
    assert "articles_indexed_at" in plan
    conn.close()


def test_a_dyad_with_many_new_clusters_lists_the_newest(tw_run, tw_db):
    from talkwatch.store.changes import LINES_OF_NEW

    for day in range(1, LINES_OF_NEW + 4):
        tw_seed_event(tw_db, TW_UIDS["istanbul"], rule=f"r{day}", type="ATTACK", date=f"2025-10-{2 * day:02d}",
                      location=f"Post {day}", mediators=())
    tw_refresh(tw_db)
    [item] = [i for i in json.loads(tw_run("--db", tw_db, "changes", "--json").stdout) if i["dyad"] == "AFG-PAK"]
    assert len(item["new_clusters"]) >= LINES_OF_NEW + 3             # the data has them all
    new_lines = [line for line in item["lines"] if line["kind"] == "new cluster"]
    assert len(new_lines) == LINES_OF_NEW
    more = next(line for line in item["lines"] if line["kind"] == "more")
    assert "earlier new clusters" in more["text"] and more["cluster"] is None
