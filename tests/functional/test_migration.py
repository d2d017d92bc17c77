"""A database written by an older talkwatch (schema 1) is upgraded in place on first use:
events, their ids, sentences and clusters kept, analyst corrections still applied."""
from __future__ import annotations

import json
import sqlite3

from talkwatch.store import queries
from talkwatch.store.db import APP_ID, MIGRATIONS, SCHEMA_VERSION, _split_sql, get_meta, open_db
from talkwatch.store.schema import event_fingerprint

BODY = "ISLAMABAD: Pakistan and Afghanistan held talks in Doha on Monday.\nOfficials said more rounds would follow."


def _v1_database(path):
    conn = sqlite3.connect(str(path))
    with conn:
        for stmt in _split_sql(MIGRATIONS[1]):
            conn.execute(stmt)
        conn.execute("INSERT INTO meta(key, value) VALUES ('schema_version', '1')")
        conn.execute(f"PRAGMA application_id = {APP_ID}")
        conn.execute("INSERT INTO articles(id, uid, file, title, body, published) VALUES (1, 'a/1.txt', '/c/a/1.txt',"
                     " 'Talks in Doha', ?, '2025-10-20')", (BODY,))
        sentence = BODY.split("\n")[0]
        fps = []
        for seq, (type_, status, start, end) in enumerate([("TALKS", "held", 0, len(sentence)),
                                                          ("TALKS", "expected", len(sentence) + 1, len(BODY))]):
            fp = event_fingerprint("a/1.txt", BODY[start:end], f"rule{seq}", 0)
            fps.append(fp)
            conn.execute(
                "INSERT INTO events(id, article_id, uid, seq, fingerprint, type, status, actors, recipients,"
                " mediators, dyad, date, sort_date, sentence, start, \"end\", rule, cluster)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (fp[:12], 1, "a/1.txt", seq, fp, type_, status, '["PAK"]', '["AFG"]', "[]", "AFG-PAK",
                 "2025-10-20", "2025-10-20", None, start, end, f"rule{seq}", 7))
        conn.execute("INSERT INTO corrections(fingerprint, event_id, uid, fields, reject) VALUES (?,?,?,?,0)",
                     (fps[1], fps[1][:12], "a/1.txt", json.dumps({"status": "scheduled", "location": "Istanbul"})))
    conn.close()
    return fps


def test_schema_1_is_upgraded_and_keeps_events_and_corrections(tmp_path):
    db = tmp_path / "old.db"
    fps = _v1_database(db)
    conn = open_db(db)                       # a reader upgrades it
    try:
        assert get_meta(conn, "schema_version") == str(SCHEMA_VERSION)
        cols = {r[1] for r in conn.execute("PRAGMA table_info(events)")}
        assert not {"id", "uid", "sentence"} & cols
        evs = queries.events(conn, dyad="AFG-PAK")
        assert [e["id"] for e in evs] == [fps[0][:12], fps[1][:12]]
        assert all(e["uid"] == "a/1.txt" and e["cluster"] == 7 for e in evs)
        assert evs[0]["sentence"].startswith("ISLAMABAD: Pakistan and Afghanistan held talks")
        assert evs[1]["status"] == "scheduled" and evs[1]["location"] == "Istanbul"   # the correction
        assert queries.event_by_id(conn, fps[1][:8])["location"] == "Istanbul"
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"events_fp", "events_dyad", "events_article", "events_cluster"} <= names
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
