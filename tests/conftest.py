"""Fixtures shared by every kind of test (names start with `tw_`): the test corpus indexed
once per session and copied per test, a read-only shared database, the CLI run in-process.

The corpus and the helpers behind these fixtures are in tw_support.py.
"""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tw_support import TW_UIDS, tw_index, tw_write_corpus


@pytest.fixture(scope="session")
def _tw_template(tmp_path_factory):
    """The corpus indexed once per session; tw_db copies it (indexing costs ~80 ms a test)."""
    base = tmp_path_factory.mktemp("tw_template")
    corpus = tw_write_corpus(base / "corpus")
    db = base / "tw.db"
    summary = tw_index(db, corpus)
    assert not summary.skipped, summary.skipped
    assert summary.articles_indexed == len(TW_UIDS), summary.line()
    return corpus, db


@pytest.fixture
def tw_corpus(tmp_path, _tw_template) -> Path:
    """A fresh copy of the corpus in tmp_path/corpus (modification times kept)."""
    dst = tmp_path / "corpus"
    shutil.copytree(_tw_template[0], dst)
    return dst


@pytest.fixture
def tw_db(tw_corpus, tmp_path, _tw_template) -> Path:
    """A fresh database with tw_corpus indexed (safe to modify): the session's index, copied,
    with its file paths moved to tw_corpus, so re-indexing tw_corpus sees unchanged files."""
    src_corpus, src_db = _tw_template
    db = tmp_path / "tw.db"
    shutil.copy2(src_db, db)
    old, new = str(src_corpus), str(tw_corpus)
    conn = sqlite3.connect(str(db))
    try:
        with conn:
            conn.execute("UPDATE files SET path = ? || substr(path, ?), root = ? || substr(root, ?)",
                         (new, len(old) + 1, new, len(old) + 1))
            conn.execute("UPDATE articles SET file = ? || substr(file, ?)", (new, len(old) + 1))
    finally:
        conn.close()
    return db


@pytest.fixture(scope="session")
def tw_shared_db(tmp_path_factory) -> Path:
    """One indexed database for read-only tests (search, properties). Do not modify."""
    base = tmp_path_factory.mktemp("tw_shared")
    corpus = tw_write_corpus(base / "corpus")
    db = base / "tw.db"
    summary = tw_index(db, corpus)
    assert summary.articles_indexed == len(TW_UIDS), summary.line()
    return db


@pytest.fixture
def tw_conn(tw_shared_db):
    from talkwatch.store.db import open_db

    conn = open_db(tw_shared_db)
    yield conn
    conn.close()


@pytest.fixture
def tw_run():
    """Run the CLI in-process: tw_run(*args, env=None, input=None) -> click Result (stdout/stderr apart)."""
    from click.testing import CliRunner

    from talkwatch.cli import cli

    def run(*args, env=None, input=None):
        environ = {"TALKWATCH_DB": None, "NO_COLOR": "1"}
        environ.update(env or {})
        runner = CliRunner()
        return runner.invoke(cli, [str(a) for a in args], env=environ, input=input, catch_exceptions=True)

    return run


@pytest.fixture
def tw_copy(tmp_path):
    """Copy a file into tmp_path under a new name (for byte-for-byte comparisons)."""
    def copy(src: Path, name: str) -> Path:
        dst = tmp_path / name
        shutil.copyfile(src, dst)
        return dst

    return copy
