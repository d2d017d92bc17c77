"""The one writer of an index run: files, articles, events, vocabulary, near duplicates.

The indexer hands it files already read and extracted (``ArticleRecord``s); it replaces a
file's articles and events as a whole, keeps the spelling vocabulary and the list of dyads
whose summaries must be computed again, and leaves transactions to its caller (the run
commits every couple of seconds, each commit holding whole files).
"""
from __future__ import annotations

import json
import os
import sqlite3
import struct
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from talkwatch.store import schema
from talkwatch.store.db import drop_bulk_indexes, ensure_indexes, get_meta, open_db, set_meta
from talkwatch.store.textfold import vocab_words

COMMIT_SECONDS = 2.0       # a write transaction commits after this long ...
COMMIT_FILES = 4000        # ... or this many files, whichever comes first
WRITER_CACHE_KB = 65536    # page cache of the writer: a transaction's pages stay in memory


@dataclass
class EventRecord:
    """One extracted event, ready for its row: the stored Event fields already encoded
    (``schema.event_values``), and what the writer needs besides."""

    sentence: str              # for the fingerprint (the row itself keeps offsets only)
    rule: str
    dyad: str | None
    date: str | None
    values: tuple


@dataclass
class ArticleRecord:
    """One article as read and extracted, ready to be written."""

    uid: str
    title: str
    body: str
    published: str | None
    published_precision: str | None
    published_source: str | None
    published_how: str | None
    source: str | None
    url: str | None
    hash: str                                  # of the article's own fields (title, body, metadata)
    sketch: list[int] = field(default_factory=list)   # near-duplicate sketch (analysis.dedup)
    vocab: set[str] = field(default_factory=set)      # words offered as spelling corrections
    events: list[EventRecord] = field(default_factory=list)


@dataclass
class KnownFile:
    """A file as the last run left it (the files table)."""

    size: int | None
    mtime: float | None
    hash: str | None
    root: str | None


def pack_sketch(sk: list[int]) -> bytes | None:
    """A sketch as stored: 4 bytes a hash (version 1 stored it as text)."""
    return struct.pack(f"<{len(sk)}I", *sk) if sk else None


def unpack_sketch(value) -> list[int]:
    if not value:
        return []
    if isinstance(value, str):
        return [int(x) for x in value.split()]
    return list(struct.unpack(f"<{len(value) // 4}I", value))


class Writer:
    """Owns the write connection of an index run; one file's replacement is atomic."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.vocab_add: Counter = Counter()
        self.vocab_del: Counter = Counter()
        self.dirty: set[str] = set()

    @classmethod
    def open(cls, db_path: str | os.PathLike) -> "Writer":
        """The database opened (created, migrated) for a large write."""
        conn = open_db(db_path, write=True)
        conn.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KB}")
        # checkpoint the WAL every 64 MB, not 16: a page changed by several transactions is
        # copied into the database once
        conn.execute("PRAGMA wal_autocheckpoint = 4096")
        return cls(conn)

    def close(self) -> None:
        self.conn.close()

    # ------------------------------------------------------------------ what is there

    def known_files(self) -> dict[str, KnownFile]:
        return {row[0]: KnownFile(row[1], row[2], row[3], row[4])
                for row in self.conn.execute("SELECT path, size, mtime, hash, root FROM files")}

    def indexed_roots(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT DISTINCT root FROM files ORDER BY root")]

    def meta(self, key: str) -> str | None:
        return get_meta(self.conn, key)

    def dirty_count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM dirty_dyads").fetchone()[0]

    # ------------------------------------------------------------------ changes

    def clear(self) -> None:
        """--rebuild: drop everything extracted or read; corrections stay."""
        with self.conn:
            for table in ("events", "clusters", "dyads", "dirty_dyads", "vocab", "files"):
                self.conn.execute(f"DELETE FROM {table}")
            self.conn.execute("DELETE FROM articles")
            self.conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")

    def remove_file(self, path: str) -> int:
        rows = self.conn.execute("SELECT id, title, body FROM articles WHERE file = ?", (path,)).fetchall()
        for art_id, title, body in rows:
            self.vocab_del.update(vocab_words(f"{title or ''} {body or ''}"))
            for (dyad,) in self.conn.execute(
                "SELECT DISTINCT dyad FROM events WHERE article_id = ? AND dyad IS NOT NULL", (art_id,)
            ):
                self.dirty.add(dyad)
        if rows:
            ids = [(r[0],) for r in rows]
            uids = self.conn.execute(
                f"SELECT uid FROM articles WHERE id IN ({','.join('?' * len(ids))})", [i[0] for i in ids]
            ).fetchall()
            self.conn.executemany("UPDATE articles SET dup_of = NULL WHERE dup_of = ?", uids)
            self.conn.executemany("DELETE FROM article_keys WHERE article_id = ?", ids)
            self.conn.executemany("DELETE FROM events WHERE article_id = ?", ids)
            self.conn.executemany("DELETE FROM articles WHERE id = ?", ids)
        self.conn.execute("DELETE FROM files WHERE path = ?", (path,))
        return len(rows)

    def write_file(self, path: str, root: str, digest: str | None, articles: list[ArticleRecord],
                   warnings: list[str], size: int | None, mtime: float | None, now: str,
                   known: bool = True) -> tuple[int, int]:
        """Replace a file's articles and events; returns (articles, events) written."""
        from talkwatch.analysis.dedup import keys

        if known:
            self.remove_file(path)
        n_articles = n_events = 0
        for art in articles:
            uid = art.uid
            clash = self.conn.execute("SELECT file FROM articles WHERE uid = ?", (uid,)).fetchone()
            if clash and clash[0] != path:
                # the same relative path under two indexed roots: keep both, tell them apart
                uid = f"{Path(root).name}/{uid}"
                self.conn.execute("DELETE FROM articles WHERE uid = ?", (uid,))
            sk = art.sketch or []
            dup_of = self._near_duplicate_of(sk)
            cur = self.conn.execute(
                "INSERT INTO articles(uid, file, title, body, published, published_precision, published_source,"
                " published_how, source, url, hash, words, dup_of, sketch, indexed_at)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    uid, path, art.title, art.body, art.published, art.published_precision,
                    art.published_source, art.published_how, art.source, art.url, art.hash,
                    len(art.body.split()), dup_of, pack_sketch(sk), now,
                ),
            )
            art_id = cur.lastrowid
            n_articles += 1
            if sk:
                self.conn.executemany("INSERT INTO article_keys(key, article_id) VALUES (?, ?)",
                                      [(k, art_id) for k in keys(sk)])
            self.vocab_add.update(art.vocab)
            rows = []
            seen: Counter = Counter()
            for seq, ev in enumerate(art.events):
                key = (ev.sentence or "", ev.rule or "")
                occurrence = seen[key]
                seen[key] += 1
                if ev.dyad:
                    self.dirty.add(ev.dyad)
                rows.append(schema.event_row(
                    ev.values, article_id=art_id, seq=seq,
                    fingerprint=schema.event_fingerprint(uid, key[0], key[1], occurrence),
                    sort_date=schema.sort_date(ev.date, art.published)))
            if rows:
                self.conn.executemany(schema.INSERT_EVENT_SQL, rows)
                n_events += len(rows)
        self.conn.execute(
            "INSERT OR REPLACE INTO files(path, root, size, mtime, hash, articles, warnings, indexed_at)"
            " VALUES (?,?,?,?,?,?,?,?)",
            (path, root, size, mtime, digest, n_articles, json.dumps(warnings or []), now),
        )
        return n_articles, n_events

    def _near_duplicate_of(self, sk: list[int]) -> str | None:
        """The uid of an article already indexed that this one nearly duplicates, if any."""
        from talkwatch.analysis.dedup import MIN_SHARED_KEYS, RECENT_PER_KEY, THRESHOLD, keys, similarity

        if not sk:
            return None
        shared: Counter = Counter()
        ks = keys(sk)
        # one statement; bounded per key, so boilerplate shingles shared by thousands of
        # articles cost nothing
        arm = "SELECT * FROM (SELECT article_id FROM article_keys WHERE key = ? ORDER BY rowid DESC LIMIT ?)"
        params = [x for k in ks for x in (k, RECENT_PER_KEY)]
        for (cid,) in self.conn.execute(" UNION ALL ".join([arm] * len(ks)), params):
            shared[cid] += 1
        ids = sorted(c for c, n in shared.items() if n >= MIN_SHARED_KEYS)
        if not ids:
            return None
        for cid, cuid, csk, cdup in self.conn.execute(
            f"SELECT id, uid, sketch, dup_of FROM articles WHERE id IN ({','.join('?' * len(ids))}) ORDER BY id", ids
        ):
            other = unpack_sketch(csk)
            if similarity(sk, other) >= THRESHOLD:
                return cdup or cuid
        return None

    def touch_file(self, path: str, root: str, size, mtime) -> None:
        self.conn.execute(
            "UPDATE files SET size = ?, mtime = ?, root = ? WHERE path = ?", (size, mtime, root, path)
        )

    def flush(self) -> None:
        """Write the vocabulary counts and the dirty dyads gathered since the last flush."""
        if self.vocab_add:
            self.conn.executemany(
                "INSERT INTO vocab(word, df, len) VALUES (?, ?, ?)"
                " ON CONFLICT(word) DO UPDATE SET df = df + excluded.df",
                [(w, n, len(w)) for w, n in self.vocab_add.items()],
            )
            self.vocab_add.clear()
        if self.vocab_del:
            self.conn.executemany(
                "UPDATE vocab SET df = df - ? WHERE word = ?", [(n, w) for w, n in self.vocab_del.items()]
            )
            self.conn.execute("DELETE FROM vocab WHERE df <= 0")
            self.vocab_del.clear()
        if self.dirty:
            self.conn.executemany(
                "INSERT OR IGNORE INTO dirty_dyads(dyad) VALUES (?)", [(d,) for d in self.dirty]
            )
            self.dirty.clear()

    def commit(self) -> None:
        self.flush()
        self.conn.commit()

    def rollback(self) -> None:
        """Drop the open transaction and what was gathered for it (every commit holds whole files)."""
        self.conn.rollback()
        self.vocab_add.clear()
        self.vocab_del.clear()
        self.dirty.clear()

    # ------------------------------------------------------------------ the run around the writes

    def drop_indexes(self) -> None:
        """Before a large write: the secondary indexes go (ensure_indexes builds them again)."""
        drop_bulk_indexes(self.conn)

    def ensure_indexes(self) -> None:
        ensure_indexes(self.conn)

    def finish(self, now: str, extractor_version: str) -> None:
        """A run completed: remember when, and with which extraction code."""
        with self.conn:
            set_meta(self.conn, "last_indexed", now)
            set_meta(self.conn, "extractor_version", extractor_version)

    def optimize(self) -> None:
        self.conn.execute("PRAGMA optimize")
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
