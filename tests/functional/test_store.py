"""The SQLite store: schema, pragmas, incremental indexing, vocabulary, refusing foreign files."""
from __future__ import annotations

import os
import sqlite3
import stat

import pytest

from talkwatch.errors import TalkwatchError
from talkwatch.store import db as dbmod
from talkwatch.store.db import APP_ID, SCHEMA_VERSION, get_meta, open_db
from talkwatch.store.search import search

from tw_support import TW_CORPUS, TW_UIDS, tw_index, tw_seed_event, tw_write_corpus


def all_uids(db):
    conn = open_db(db)
    try:
        return {r[0] for r in conn.execute("SELECT uid FROM articles")}
    finally:
        conn.close()


def hits(db, text):
    conn = open_db(db)
    try:
        return [h.uid for h in search(conn, text, correct=False).hits]
    finally:
        conn.close()


def df(db, word):
    conn = open_db(db)
    try:
        row = conn.execute("SELECT df FROM vocab WHERE word = ?", (word,)).fetchone()
        return row[0] if row else 0
    finally:
        conn.close()


def bump_mtime(path):
    st = path.stat()
    os.utime(path, (st.st_atime + 10, st.st_mtime + 10))


# ------------------------------------------------------------------ schema and pragmas

def test_schema_version_and_application_id(tw_db):
    conn = open_db(tw_db)
    try:
        assert get_meta(conn, "schema_version") == str(SCHEMA_VERSION)
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APP_ID
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table')")}
        assert {"articles", "articles_fts", "events", "vocab", "corrections", "files", "meta"} <= tables
        assert get_meta(conn, "last_indexed")
    finally:
        conn.close()


def test_wal_mode(tw_db):
    conn = sqlite3.connect(str(tw_db))
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal"
    finally:
        conn.close()


def test_first_index_summary(tmp_path, tw_corpus):
    s = tw_index(tmp_path / "a.db", tw_corpus)
    assert (s.files_indexed, s.articles_indexed, s.unchanged, s.removed, s.skipped) == (
        len(TW_CORPUS), len(TW_UIDS), 0, 0, [])
    assert all_uids(tmp_path / "a.db") == set(TW_UIDS.values())
    assert "indexed 7 articles from 6 files" in s.line()


def test_fts_matches_articles_table(tw_db):
    conn = open_db(tw_db)
    try:
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    finally:
        conn.close()


# ------------------------------------------------------------------ incremental re-indexing

def test_unchanged_files_skipped(tw_db, tw_corpus):
    s = tw_index(tw_db, tw_corpus)
    assert s.unchanged == len(TW_CORPUS)
    assert (s.files_indexed, s.articles_indexed, s.removed) == (0, 0, 0)


def test_touched_but_identical_file_is_unchanged(tw_db, tw_corpus):
    bump_mtime(tw_corpus / "world/cricket.txt")
    s = tw_index(tw_db, tw_corpus)
    assert s.files_indexed == 0 and s.unchanged == len(TW_CORPUS)
    # and the next run does not even read it (size and mtime were recorded)
    assert tw_index(tw_db, tw_corpus).unchanged == len(TW_CORPUS)


def test_index_with_no_paths_reindexes_known_roots(tw_db, tw_corpus):
    (tw_corpus / "world/truce.txt").unlink()
    s = tw_index(tw_db)
    assert s.removed == 1
    assert TW_UIDS["truce"] not in all_uids(tw_db)


def events_of(db, uid):
    conn = open_db(db)
    try:
        return {r[0] for r in conn.execute(
            "SELECT substr(fingerprint, 1, 12) FROM events WHERE article_id = (SELECT id FROM articles WHERE uid = ?)", (uid,))}
    finally:
        conn.close()


def test_changed_file_replaced(tw_db, tw_corpus):
    assert hits(tw_db, "wickets") == [TW_UIDS["cricket"]]
    seeded = tw_seed_event(tw_db, TW_UIDS["cricket"], dyad="BRA-NOR")
    kept = tw_seed_event(tw_db, TW_UIDS["truce"], dyad="BRA-NOR")
    p = tw_corpus / "world/cricket.txt"
    p.write_text("Title: Rain ends the final early\nPublished: 2025-11-01\n\n"
                 "Heavy rain washed out the final after only six overs at the boundary-less ground.\n",
                 encoding="utf-8")
    bump_mtime(p)
    s = tw_index(tw_db, tw_corpus)
    assert s.files_indexed == 1 and s.articles_indexed == 1 and s.unchanged == len(TW_CORPUS) - 1
    assert hits(tw_db, "wickets") == []
    assert hits(tw_db, "rain") == [TW_UIDS["cricket"]]
    assert all_uids(tw_db) == set(TW_UIDS.values())
    # the old version's events went with it; other files' events stayed
    assert seeded not in events_of(tw_db, TW_UIDS["cricket"])
    assert kept in events_of(tw_db, TW_UIDS["truce"])


def test_changed_multirecord_file_drops_vanished_records(tw_db, tw_corpus):
    p = tw_corpus / "world/quotes.jsonl"
    first = TW_CORPUS["world/quotes.jsonl"].splitlines()[0]
    p.write_text(first + "\n", encoding="utf-8")
    bump_mtime(p)
    tw_index(tw_db, tw_corpus)
    uids = all_uids(tw_db)
    assert TW_UIDS["asif"] in uids and TW_UIDS["us"] not in uids
    assert hits(tw_db, "sanctions") == []


def test_deleted_file_removed(tw_db, tw_corpus):
    (tw_corpus / "india/deferred.md").unlink()
    s = tw_index(tw_db, tw_corpus)
    assert s.removed == 1
    assert TW_UIDS["deferred"] not in all_uids(tw_db)
    assert hits(tw_db, "secretaries") == []


def test_other_root_untouched(tw_db, tw_corpus, tmp_path):
    other = tw_write_corpus(tmp_path / "other", {"note.txt": "Title: Envoy note\n\nAn envoy flew to Doha.\n"})
    tw_index(tw_db, other)
    assert "note.txt" in all_uids(tw_db)
    (tw_corpus / "world/clash.txt").unlink()
    s = tw_index(tw_db, tw_corpus)
    assert s.removed == 1
    assert "note.txt" in all_uids(tw_db)
    assert hits(tw_db, "doha") == ["note.txt"]
    # and a run over the other root does not remove the first root's files
    s = tw_index(tw_db, other)
    assert s.removed == 0 and TW_UIDS["istanbul"] in all_uids(tw_db)


def test_same_relative_path_under_two_roots_keeps_both(tw_db, tmp_path):
    other = tw_write_corpus(tmp_path / "mirror", {"world/truce.txt": "Title: Another truce\n\nA truce in the hills.\n"})
    tw_index(tw_db, other)
    uids = all_uids(tw_db)
    assert TW_UIDS["truce"] in uids
    assert len([u for u in uids if u.endswith("world/truce.txt")]) == 2


def test_rebuild_keeps_corrections(tw_db, tw_corpus):
    from tw_support import tw_correct
    from talkwatch.store import corrections

    eid = tw_seed_event(tw_db, TW_UIDS["istanbul"])
    tw_correct(tw_db, eid, {"status": "deferred"}, note="checked")
    s = tw_index(tw_db, tw_corpus, rebuild=True)
    assert s.files_indexed == len(TW_CORPUS) and s.unchanged == 0
    conn = open_db(tw_db)
    try:
        rows = corrections.listing(conn)
    finally:
        conn.close()
    assert [(r["event_id"], r["fields"], r["note"]) for r in rows] == [(eid, {"status": "deferred"}, "checked")]
    assert all_uids(tw_db) == set(TW_UIDS.values())


def test_rebuild_leaves_no_stale_fts_rows(tw_db, tw_corpus):
    tw_index(tw_db, tw_corpus, rebuild=True)
    conn = open_db(tw_db)
    try:
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        n = conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'istanbul'").fetchone()[0]
        assert n == 2
    finally:
        conn.close()


# ------------------------------------------------------------------ vocabulary

def test_vocab_counts_documents(tw_db):
    assert df(tw_db, "istanbul") == 2
    assert df(tw_db, "khawaja") == 1
    assert df(tw_db, "pakistan") == 3   # istanbul, deferred, asif


def test_vocab_df_goes_down_when_articles_removed(tw_db, tw_corpus):
    (tw_corpus / "world/cricket.txt").unlink()
    tw_index(tw_db, tw_corpus)
    assert df(tw_db, "istanbul") == 1
    assert df(tw_db, "wickets") == 0
    (tw_corpus / "world/quotes.jsonl").unlink()
    tw_index(tw_db, tw_corpus)
    assert df(tw_db, "khawaja") == 0 and df(tw_db, "pakistan") == 2


def test_vocab_follows_a_changed_file(tw_db, tw_corpus):
    p = tw_corpus / "world/truce.txt"
    p.write_text("Title: Truce holds\n\nVillagers in the valley slept through a calm night.\n", encoding="utf-8")
    bump_mtime(p)
    tw_index(tw_db, tw_corpus)
    assert df(tw_db, "pupils") == 0 and df(tw_db, "valley") == 1
    assert df(tw_db, "ceasefire") == 1   # still in the clash story
    # after the edit, a typo is corrected to a word that exists now, not to a vanished one
    conn = open_db(tw_db)
    try:
        assert search(conn, "vallley").corrected == {"vallley": "valley"}
    finally:
        conn.close()


# ------------------------------------------------------------------ refusing foreign files

def _assert_refused(path, words):
    before = path.read_bytes()
    for write in (False, True):
        with pytest.raises(TalkwatchError) as err:
            open_db(path, write=write)
        msg = str(err.value)
        assert "\n" not in msg and str(path) in msg
        assert any(w in msg for w in words), msg
    assert path.read_bytes() == before
    assert not os.path.exists(str(path) + "-wal")


def test_non_sqlite_file_refused_unchanged(tmp_path, tw_corpus):
    p = tmp_path / "notes.db"
    p.write_bytes(b"these are my notes, not a database\n" * 50)
    _assert_refused(p, ["not an SQLite", "not a talkwatch database"])
    with pytest.raises(TalkwatchError):
        tw_index(p, tw_corpus)
    assert p.read_bytes() == b"these are my notes, not a database\n" * 50


def test_other_programs_sqlite_refused_unchanged(tmp_path, tw_corpus):
    p = tmp_path / "app.db"
    conn = sqlite3.connect(str(p))
    conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO users(name) VALUES ('amina')")
    conn.commit()
    conn.close()
    _assert_refused(p, ["another program"])
    before = p.read_bytes()
    with pytest.raises(TalkwatchError):
        tw_index(p, tw_corpus)
    assert p.read_bytes() == before


def test_newer_schema_refused_unchanged(tw_db, tw_copy, tw_corpus):
    p = tw_copy(tw_db, "newer.db")
    conn = sqlite3.connect(str(p))
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 5),))
    conn.commit()
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    _assert_refused(p, ["newer"])
    before = p.read_bytes()
    with pytest.raises(TalkwatchError, match="newer"):
        tw_index(p, tw_corpus)
    assert p.read_bytes() == before


def test_missing_db_for_reading_is_clear(tmp_path):
    with pytest.raises(TalkwatchError, match="talkwatch index"):
        open_db(tmp_path / "none.db")
    assert not (tmp_path / "none.db").exists()


def test_folder_as_db_refused(tmp_path):
    with pytest.raises(TalkwatchError, match="folder"):
        open_db(tmp_path)


def test_empty_file_becomes_a_database(tmp_path, tw_corpus):
    p = tmp_path / "empty.db"
    p.write_bytes(b"")
    s = tw_index(p, tw_corpus)
    assert s.articles_indexed == len(TW_UIDS)


# ------------------------------------------------------------------ read-only

def test_readonly_connection_serves_reads(tw_db, monkeypatch):
    monkeypatch.setattr(dbmod, "_writable", lambda path: False)
    conn = open_db(tw_db)
    try:
        assert search(conn, "istanbul").hits
        with pytest.raises(sqlite3.OperationalError):
            conn.execute("DELETE FROM articles")
    finally:
        conn.close()
    with pytest.raises(TalkwatchError, match="read-only"):
        open_db(tw_db, write=True)


def test_chmod_readonly_file_still_serves_reads(tw_db):
    os.chmod(tw_db, 0o444)
    try:
        conn = open_db(tw_db)
        try:
            assert [h.uid for h in search(conn, "kawaja").hits] == [TW_UIDS["asif"]]
        finally:
            conn.close()
        if os.geteuid() == 0:
            pytest.skip("running as root: file modes do not block writes")
        with pytest.raises(TalkwatchError, match="read-only"):
            tw_index(tw_db, tw_db.parent / "corpus")
    finally:
        os.chmod(tw_db, stat.S_IRUSR | stat.S_IWUSR)


# ------------------------------------------------------------------ files that move or vanish

def test_deleted_single_file_root_removed(tmp_path):
    corpus = tw_write_corpus(tmp_path / "c", {"one.txt": "Title: One\n\nEnvoys met in Doha.\n"})
    db = tmp_path / "one.db"
    tw_index(db, corpus / "one.txt")
    (corpus / "one.txt").unlink()
    s = tw_index(db)
    assert s.removed == 1 and s.skipped == []
    assert all_uids(db) == set()


def test_missing_folder_root_keeps_its_articles_and_says_so(tmp_path):
    """A folder that vanished may be an unmounted drive: its articles stay, and the run reports it."""
    corpus = tw_write_corpus(tmp_path / "c", {"a/one.txt": "Title: One\n\nEnvoys met in Doha.\n"})
    keep = tw_write_corpus(tmp_path / "k", {"two.txt": "Title: Two\n\nEnvoys met in Muscat.\n"})
    db = tmp_path / "one.db"
    tw_index(db, corpus)
    tw_index(db, keep)
    import shutil

    shutil.rmtree(corpus)
    s = tw_index(db)
    assert all_uids(db) == {"a/one.txt", "two.txt"}
    assert any("no such file" in reason for _, reason in s.skipped)


def test_reindexing_one_file_keeps_its_uid(tw_db, tw_corpus):
    p = tw_corpus / "world/truce.txt"
    p.write_text(p.read_text(encoding="utf-8") + "Traders reopened the market.\n", encoding="utf-8")
    bump_mtime(p)
    tw_index(tw_db, p)
    assert all_uids(tw_db) == set(TW_UIDS.values())
