"""Crash safety, concurrent use and damaged databases, with real processes."""
from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

PY = sys.executable

PAIRS = [
    ("Pakistan", "Afghanistan", "Islamabad", "Kabul"),
    ("India", "Pakistan", "New Delhi", "Islamabad"),
    ("Armenia", "Azerbaijan", "Yerevan", "Baku"),
    ("Russia", "Ukraine", "Moscow", "Kyiv"),
    ("Thailand", "Cambodia", "Bangkok", "Phnom Penh"),
]
SENTENCES = [
    "Delegations from {a} and {b} held talks in {city} on Monday, officials said.",
    "{a} accused {b} of shelling border villages overnight.",
    "The foreign ministers of {a} and {b} will meet in Doha next week, according to diplomats.",
    "{ca} rejected the demands made by {cb} as unacceptable.",
    "A ceasefire between {a} and {b} was agreed after mediation by Qatar.",
    "Talks between {a} and {b} were postponed until further notice.",
    "Traders on both sides of the frontier said prices of flour had doubled since the closure.",
    "Analysts in {ca} expect little progress before the elections.",
]


def make_corpus(root: Path, n: int, seed: int = 7) -> Path:
    rnd = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        a, b, ca, cb = rnd.choice(PAIRS)
        city = rnd.choice(["Istanbul", "Doha", "Geneva", "Muscat"])
        body = " ".join(
            rnd.choice(SENTENCES).format(a=a, b=b, ca=ca, cb=cb, city=city) for _ in range(rnd.randint(12, 30))
        )
        sub = root / f"batch{i // 100:02d}"
        sub.mkdir(exist_ok=True)
        (sub / f"a{i:05d}.txt").write_text(
            f"Title: {a} and {b}: report {i}\nPublished: 2025-{1 + i % 12:02d}-{1 + i % 27:02d}\nSource: Wire {i % 5}\n\n{body}\n",
            encoding="utf-8",
        )
    return root


def tw(db: Path, *args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([PY, "-m", "talkwatch", "--db", str(db), *args], capture_output=True, text=True, **kw)


def content(db: Path) -> tuple:
    conn = sqlite3.connect(db)
    try:
        arts = conn.execute("SELECT uid, hash, title, published FROM articles ORDER BY uid").fetchall()
        evs = conn.execute(
            "SELECT e.fingerprint, a.uid, e.type, e.status, e.dyad, e.date, e.start, e.\"end\" FROM events e"
            " JOIN articles a ON a.id = e.article_id ORDER BY e.fingerprint"
        ).fetchall()
        files = conn.execute("SELECT path, hash, articles FROM files ORDER BY path").fetchall()
        fts = conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'talks'").fetchone()
        dyads = conn.execute("SELECT dyad FROM dyads ORDER BY dyad").fetchall()
        # a large run drops secondary indexes and builds them at its end: all back after a re-run
        indexes = conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name").fetchall()
        return arts, evs, files, fts, dyads, indexes
    finally:
        conn.close()


def integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.slow
def test_kill_9_at_any_moment_then_rerun_gives_the_same_database(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", 600)
    ref = tmp_path / "ref.db"
    r = tw(ref, "index", str(corpus))
    assert r.returncode == 0, r.stderr
    expected = content(ref)
    assert expected[0], "the reference run indexed nothing"

    for delay in (0.3, 0.8, 1.5):
        db = tmp_path / f"killed-{delay}.db"
        proc = subprocess.Popen([PY, "-m", "talkwatch", "--db", str(db), "index", str(corpus)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(delay)
        os.killpg(proc.pid, 9)  # the indexer and its worker processes, no chance to clean up
        proc.wait()
        if db.exists():
            assert integrity(db) == "ok"
        r = tw(db, "index", str(corpus))
        assert r.returncode == 0, r.stderr
        assert integrity(db) == "ok"
        assert content(db) == expected, f"re-run after kill at {delay}s differs"


@pytest.mark.slow
def test_readers_work_while_index_writes_and_a_second_indexer_is_refused(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", 900, seed=11)
    db = tmp_path / "live.db"
    # a first small index so readers have a database from the start
    first = make_corpus(tmp_path / "first", 20, seed=3)
    assert tw(db, "index", str(first)).returncode == 0
    writer = subprocess.Popen([PY, "-m", "talkwatch", "--db", str(db), "index", str(corpus)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        refused = None
        reads = 0
        deadline = time.time() + 60
        while writer.poll() is None and time.time() < deadline:
            for args in (["search", "talks", "--json"], ["events", "--json", "--limit", "5"], ["dyads", "--json"]):
                r = tw(db, *args)
                assert r.returncode == 0, f"{args}: {r.stderr}"
                json.loads(r.stdout)
                reads += 1
            if refused is None and writer.poll() is None:
                r = tw(db, "index", "--no-wait", str(first))
                if writer.poll() is None:
                    refused = r
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
        assert reads >= 3
        if refused is not None:
            assert refused.returncode == 1
            assert "another `talkwatch index` is running" in refused.stderr
            assert "Traceback" not in refused.stderr
    finally:
        if writer.poll() is None:
            writer.kill()


def test_a_second_indexer_waits_for_the_first(tmp_path):
    from talkwatch.indexer.run import IndexLock

    corpus = make_corpus(tmp_path / "c", 5)
    db = tmp_path / "w.db"
    assert tw(db, "index", str(corpus)).returncode == 0
    with IndexLock(db, wait=False):
        proc = subprocess.Popen([PY, "-m", "talkwatch", "--db", str(db), "index", str(corpus)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        # it announces that it waits, and does not finish while we hold the lock
        line = proc.stderr.readline()
        assert "waiting" in line
        assert proc.poll() is None
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "unchanged" in err


@pytest.mark.parametrize("kind", ["text", "foreign", "newer"])
def test_damaged_or_foreign_databases_are_refused_and_left_alone(tmp_path, kind):
    db = tmp_path / "x.db"
    if kind == "text":
        db.write_text("these are my notes, not a database\n" * 20)
    elif kind == "foreign":
        c = sqlite3.connect(db)
        c.execute("CREATE TABLE recipes (name TEXT)")
        c.execute("INSERT INTO recipes VALUES ('soup')")
        c.commit()
        c.close()
    else:
        corpus = make_corpus(tmp_path / "c", 3)
        assert tw(db, "index", str(corpus)).returncode == 0
        c = sqlite3.connect(db)
        c.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
        c.commit()
        c.close()
    before = db.read_bytes()
    corpus = make_corpus(tmp_path / "c2", 2)
    for args in (["index", str(corpus)], ["search", "talks"], ["events"], ["dyads"]):
        r = tw(db, *args)
        assert r.returncode == 1, (args, r.stdout, r.stderr)
        assert "Traceback" not in r.stderr
        assert r.stderr.startswith("talkwatch: error:")
        assert len(r.stderr.strip().splitlines()) == 1
    assert db.read_bytes() == before


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_database_still_serves_reads(tmp_path):
    corpus = make_corpus(tmp_path / "c", 30)
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "t.db"
    assert tw(db, "index", str(corpus)).returncode == 0
    for p in folder.iterdir():
        p.chmod(0o444)
    folder.chmod(0o555)
    try:
        r = tw(db, "search", "talks", "--json")
        assert r.returncode == 0, r.stderr
        assert json.loads(r.stdout)
        r = tw(db, "index", str(corpus))
        assert r.returncode == 1 and "read-only" in r.stderr
    finally:
        folder.chmod(0o755)


def test_read_only_folder_as_root_via_immutable_fallback(tmp_path):
    """Even where permissions can't be dropped, a database copied without its -wal/-shm reads fine."""
    corpus = make_corpus(tmp_path / "c", 10)
    db = tmp_path / "t.db"
    assert tw(db, "index", str(corpus)).returncode == 0
    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    r = tw(copy, "search", "talks", "--json")
    assert r.returncode == 0, r.stderr
    assert len(json.loads(r.stdout)) > 0


def test_ctrl_c_stops_cleanly_with_a_message(tmp_path):
    corpus = make_corpus(tmp_path / "c", 1500, seed=5)
    db = tmp_path / "i.db"
    proc = subprocess.Popen([PY, "-m", "talkwatch", "--db", str(db), "index", str(corpus)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(1.0)
    proc.send_signal(2)
    out, err = proc.communicate(timeout=60)
    if proc.returncode == 0:
        pytest.skip("indexing finished before the interrupt")
    assert proc.returncode == 130
    assert "interrupted" in err
    assert "Traceback" not in err
    assert integrity(db) == "ok"
    conn = sqlite3.connect(db)
    try:   # a large run interrupted still leaves readers their indexes
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    finally:
        conn.close()
    assert {"events_dyad", "events_fp", "events_sort", "events_dyad_article", "events_type_article"} <= names
    r = tw(db, "index", str(corpus))
    assert r.returncode == 0
