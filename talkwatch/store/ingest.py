"""From files to rows: walk, read, extract (in worker processes), write (one writer).

Incremental by content: a file whose size and mtime are unchanged is skipped without being
read; a file whose bytes hash the same is skipped after reading; a changed file has its
articles and events replaced in one transaction; a file gone from an indexed folder has its
articles removed. Every file is written in its own short transaction batch, so a killed run
leaves a consistent database that the next run completes.
"""
from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import sqlite3
import struct
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from talkwatch.errors import TalkwatchError
from talkwatch.store.db import drop_bulk_indexes, ensure_indexes, get_meta, open_db, set_meta
from talkwatch.store.queries import date_precision
from talkwatch.store.textfold import vocab_words

NO_EXTRACT = bool(os.environ.get("TALKWATCH_NO_EXTRACT"))  # benchmarks: measure indexing alone
COMMIT_SECONDS = 2.0       # a write transaction commits after this long ...
COMMIT_FILES = 4000        # ... or this many files, whichever comes first
BULK_FILES = 500           # at least this many changed files, and half the database or more:
                           # secondary indexes are dropped first and built again at the end
WRITER_CACHE_KB = 65536    # page cache of the writer: a transaction's pages stay in memory
INPROCESS_BELOW = 24       # fewer changed files than this: no worker processes


@dataclass
class Summary:
    files_seen: int = 0
    files_indexed: int = 0
    articles_indexed: int = 0
    events: int = 0
    unchanged: int = 0
    removed: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)   # (path, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (path, message)
    elapsed: float = 0.0
    interrupted: bool = False

    def line(self) -> str:
        parts = [
            f"indexed {self.articles_indexed} article{'s' if self.articles_indexed != 1 else ''}"
            f" from {self.files_indexed} file{'s' if self.files_indexed != 1 else ''}",
            f"{self.unchanged} unchanged",
            f"{self.removed} removed",
            f"{len(self.skipped)} skipped",
        ]
        tail = f"; {self.events} events in {self.elapsed:.1f} s"
        return ", ".join(parts) + tail


# ---------------------------------------------------------------- worker side

def extractor_version() -> str:
    """Changes whenever the extraction code or its data files change."""
    from talkwatch import __version__

    h = hashlib.blake2b(__version__.encode(), digest_size=8)
    base = Path(__file__).resolve().parent.parent
    for folder in ("extract", "data"):
        for f in sorted((base / folder).glob("*")):
            if f.is_file() and f.suffix in (".py", ".tsv", ".txt", ".json", ".csv"):
                h.update(f.name.encode())
                h.update(f.read_bytes())
    return "none" if NO_EXTRACT else h.hexdigest()


def _hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _article_hash(a) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in (a.title, a.body, a.published or "", a.source or "", a.url or ""):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def process_file(job: tuple) -> dict:
    """Read one file and extract its events. Runs in a worker; never raises."""
    path, root, known_hash, known = job
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        return {"path": path, "root": root, "status": "skipped", "reason": f"cannot read: {exc.strerror or exc}"}
    digest = _hash(data)
    if known_hash is not None and digest == known_hash:
        return {"path": path, "root": root, "status": "unchanged", "hash": digest}
    try:
        from talkwatch.corpus import read_bytes

        rel = _relpath(path, root)
        result = read_bytes(data, rel)
    except Exception as exc:  # a reader bug must not stop the run
        return {"path": path, "root": root, "status": "skipped", "reason": f"reader failed: {exc!r}"[:300]}
    if result.skipped:
        return {"path": path, "root": root, "status": "skipped", "reason": result.skipped, "hash": digest}
    articles = []
    for art in result.articles:
        articles.append(_prepare_article(art))
    return {
        "path": path,
        "root": root,
        "status": "read",
        "hash": digest,
        "articles": articles,
        "warnings": list(result.warnings),
        "known": known,
    }


class _Skip(Exception):
    pass


def _prepare_article(art) -> dict:
    published = art.published
    pub_precision = pub_source = pub_how = None
    events: list[dict] = []
    try:
        if NO_EXTRACT:
            raise _Skip
        from talkwatch.extract import extract

        ex = extract(art.body, published=art.published, title=art.title, not_after=_today())
        published = ex.published
        pub_source = ex.published_source
        pub_how = ex.published_how
        events = [e.to_dict() for e in ex.events]
    except _Skip:
        pass
    except Exception as exc:  # extraction must never cost the article
        pub_how = f"extraction failed: {exc!r}"[:200]
    if published:
        pub_precision = date_precision(published)
    from talkwatch.analysis.dedup import sketch

    return {
        "sketch": sketch(art.body),
        "vocab": vocab_words(f"{art.title or ''} {art.body or ''}"),
        "uid": art.uid,
        "title": art.title,
        "body": art.body,
        "published": published,
        "published_precision": pub_precision,
        "published_source": pub_source,
        "published_how": pub_how,
        "source": art.source,
        "url": art.url,
        "hash": _article_hash(art),
        "events": events,
    }


def _today():
    """The day of indexing: no article speaks from the future (bounds weekday-inferred years)."""
    import datetime

    return datetime.date.today()


def _relpath(path: str, root: str) -> str:
    if os.path.abspath(path) == os.path.abspath(root):
        return os.path.basename(path)
    return Path(os.path.relpath(path, root)).as_posix()


# ---------------------------------------------------------------- writer side

def event_fingerprint(uid: str, sentence: str, rule: str, occurrence: int) -> str:
    h = hashlib.sha1()
    for part in (uid, sentence, rule, str(occurrence)):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def pack_sketch(sk: list[int]) -> bytes | None:
    """A sketch as stored: 4 bytes a hash (version 1 stored it as text)."""
    return struct.pack(f"<{len(sk)}I", *sk) if sk else None


def unpack_sketch(value) -> list[int]:
    if not value:
        return []
    if isinstance(value, str):
        return [int(x) for x in value.split()]
    return list(struct.unpack(f"<{len(value) // 4}I", value))


def _json_list(codes) -> str:
    """A list of party codes as stored: JSON text ("[]" when empty)."""
    if not codes:
        return "[]"
    return '["' + '", "'.join(codes) + '"]' if all(c.isalnum() for c in codes) else json.dumps(codes)


def sort_date(date: str | None, published: str | None) -> str:
    for value in (date, published):
        if value and not value.startswith("--"):
            return value
    return ""


class Writer:
    """Owns the write connection; one file's replacement is atomic."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.vocab_add: Counter = Counter()
        self.vocab_del: Counter = Counter()
        self.dirty: set[str] = set()

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

    def write_file(self, res: dict, size: int | None, mtime: float | None, now: str, known: bool = True) -> tuple[int, int]:
        path = res["path"]
        if known:
            self.remove_file(path)
        n_articles = n_events = 0
        for art in res.get("articles", ()):
            uid = art["uid"]
            clash = self.conn.execute("SELECT file FROM articles WHERE uid = ?", (uid,)).fetchone()
            if clash and clash[0] != path:
                # the same relative path under two indexed roots: keep both, tell them apart
                uid = f"{Path(res['root']).name}/{uid}"
                self.conn.execute("DELETE FROM articles WHERE uid = ?", (uid,))
            sk = art.get("sketch") or []
            dup_of = self._near_duplicate_of(sk)
            cur = self.conn.execute(
                "INSERT INTO articles(uid, file, title, body, published, published_precision, published_source,"
                " published_how, source, url, hash, words, dup_of, sketch, indexed_at)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    uid, path, art["title"], art["body"], art["published"], art["published_precision"],
                    art["published_source"], art["published_how"], art["source"], art["url"], art["hash"],
                    len(art["body"].split()), dup_of, pack_sketch(sk), now,
                ),
            )
            art_id = cur.lastrowid
            n_articles += 1
            if sk:
                from talkwatch.analysis.dedup import keys

                self.conn.executemany("INSERT INTO article_keys(key, article_id) VALUES (?, ?)",
                                      [(k, art_id) for k in keys(sk)])
            self.vocab_add.update(art["vocab"])
            rows = []
            seen: Counter = Counter()
            for seq, ev in enumerate(art["events"]):
                key = (ev.get("sentence", ""), ev.get("rule", ""))
                occurrence = seen[key]
                seen[key] += 1
                fp = event_fingerprint(uid, key[0], key[1], occurrence)
                if ev.get("dyad"):
                    self.dirty.add(ev["dyad"])
                rows.append((
                    art_id, seq, fp,
                    ev.get("type"), ev.get("status"), ev.get("plover"), ev.get("plover_mode"),
                    ev.get("cameo"), ev.get("goldstein"),
                    _json_list(ev.get("actors")), _json_list(ev.get("recipients")),
                    _json_list(ev.get("mediators")), ev.get("dyad"),
                    ev.get("location"), ev.get("date"), ev.get("date_precision"), ev.get("date_source"),
                    ev.get("date_text"), ev.get("date_how"), sort_date(ev.get("date"), art["published"]),
                    ev.get("attribution"), ev.get("start"), ev.get("end"),  # the sentence: read from the body
                    ev.get("rule"), ev.get("trigger"), ev.get("trigger_start"), ev.get("trigger_end"),
                ))
            if rows:
                self.conn.executemany(
                    "INSERT INTO events(article_id, seq, fingerprint, type, status, plover,"
                    " plover_mode, cameo, goldstein, actors, recipients, mediators, dyad, location, date,"
                    " date_precision, date_source, date_text, date_how, sort_date, attribution, start,"
                    ' "end", rule, trigger, trigger_start, trigger_end)'
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    rows,
                )
                n_events += len(rows)
        self.conn.execute(
            "INSERT OR REPLACE INTO files(path, root, size, mtime, hash, articles, warnings, indexed_at)"
            " VALUES (?,?,?,?,?,?,?,?)",
            (path, res["root"], size, mtime, res.get("hash"), n_articles,
             json.dumps(res.get("warnings") or []), now),
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

    def flush_vocab(self) -> None:
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


# ---------------------------------------------------------------- the run

class IndexLock:
    """One indexer per database at a time (a lock file beside it, released by the OS on death)."""

    def __init__(self, db_path: Path, wait: bool, on_wait: Callable[[], None] | None = None):
        self.path = Path(str(db_path) + ".lock")
        self.wait = wait
        self.on_wait = on_wait
        self.fh = None

    def __enter__(self):
        import fcntl

        self.fh = open(self.path, "a+")
        try:
            fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not self.wait:
                self.fh.close()
                raise TalkwatchError(
                    "another `talkwatch index` is running on this database; try again when it ends"
                ) from None
            if self.on_wait:
                self.on_wait()
            fcntl.flock(self.fh, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc):
        import fcntl

        if self.fh:
            fcntl.flock(self.fh, fcntl.LOCK_UN)
            self.fh.close()
        return False


def index_paths(
    db_path: str | os.PathLike,
    paths: Iterable[str],
    *,
    rebuild: bool = False,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    on_skip: Callable[[str, str], None] | None = None,
    on_warning: Callable[[str, str], None] | None = None,
    on_phase: Callable[[str], None] | None = None,
    wait: bool = True,
    on_wait: Callable[[], None] | None = None,
) -> Summary:
    from talkwatch.corpus import iter_files

    started = time.perf_counter()
    db_path = Path(db_path)
    summary = Summary()
    conn = open_db(db_path, write=True)
    conn.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KB}")
    # checkpoint the WAL every 64 MB, not 16: a page changed by several transactions is
    # copied into the database once
    conn.execute("PRAGMA wal_autocheckpoint = 4096")
    try:
        with IndexLock(db_path, wait=wait, on_wait=on_wait):
            paths = [str(p) for p in paths]
            if not paths:
                paths = [r[0] for r in conn.execute("SELECT DISTINCT root FROM files ORDER BY root")]
                if not paths:
                    raise TalkwatchError("nothing to index: give a file or folder (talkwatch index PATH)")
            if rebuild:
                _clear(conn)
            known = {
                row[0]: (row[1], row[2], row[3], row[4])
                for row in conn.execute("SELECT path, size, mtime, hash, root FROM files")
            }
            version = extractor_version()
            if get_meta(conn, "extractor_version") != version:
                # new rules or word lists: every file is extracted again, by content
                known = {p: (None, None, None, v[3]) for p, v in known.items()}
            jobs = []
            stats: dict[str, tuple] = {}
            seen: set[str] = set()
            roots: list[str] = []
            gone_files: list[str] = []
            for p in paths:
                ap = os.path.abspath(p)
                if os.path.isdir(ap):
                    roots.append(ap)
            for path, root, reason in iter_files(paths):
                summary.files_seen += 1
                if reason is not None:
                    if path in known and reason == "no such file or directory":
                        gone_files.append(path)  # a file indexed on its own, since deleted
                        continue
                    summary.skipped.append((path, reason))
                    if on_skip:
                        on_skip(path, reason)
                    if path in known:
                        seen.add(path)  # keep what we had: a file we cannot read now is not deleted
                    continue
                seen.add(path)
                try:
                    st = os.stat(path)
                    stat = (st.st_size, st.st_mtime)
                except OSError:
                    stat = (None, None)
                stats[path] = stat
                old = known.get(path)
                if old and old[0] == stat[0] and old[1] == stat[1]:
                    summary.unchanged += 1
                    continue
                # a file indexed before keeps its root (and so its uid and corrections)
                jobs.append((path, old[3] if old and old[3] else root, old[2] if old else None, old is not None))

            writer = Writer(conn)
            # files gone from an indexed folder
            gone = [p for p in known if p not in seen and any(_under(p, r) for r in roots)] + gone_files
            if gone:
                with conn:
                    for p in gone:
                        writer.remove_file(p)
                        summary.removed += 1
                    writer.flush_vocab()

            total = len(jobs)
            bulk = total >= BULK_FILES and total * 2 >= len(known)
            if bulk:
                drop_bulk_indexes(conn)
            else:
                ensure_indexes(conn)
            if progress:
                progress(0, total)
            now = time.strftime("%Y-%m-%dT%H:%M:%S")
            pool = None
            try:
                if total >= INPROCESS_BELOW and (workers or os.cpu_count() or 1) > 1:
                    n = workers or os.cpu_count() or 1
                    ctx = multiprocessing.get_context("fork")
                    pool = ctx.Pool(processes=n)
                    results = _windowed(pool, jobs)
                else:
                    results = map(process_file, jobs)
                _write_all(conn, writer, results, stats, now, summary, total, progress, on_skip, on_warning)
            except KeyboardInterrupt:
                summary.interrupted = True
            finally:
                if pool is not None:
                    if summary.interrupted:
                        pool.terminate()
                    else:
                        pool.close()
                    pool.join()
            if bulk:
                # also after ctrl+c: readers must not be left without their indexes
                if on_phase:
                    on_phase("building indexes ...")
                ensure_indexes(conn)
            if not summary.interrupted:
                with conn:
                    set_meta(conn, "last_indexed", now)
                    set_meta(conn, "extractor_version", version)
                if on_phase:
                    n = conn.execute("SELECT count(*) FROM dirty_dyads").fetchone()[0]
                    if n:
                        on_phase(f"updating {n} dyad summar{'y' if n == 1 else 'ies'} ...")
                jobs = stats = known = seen = None      # free the run's bookkeeping before the refresh
                _refresh_analysis(conn)
                conn.execute("PRAGMA optimize")
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    summary.elapsed = time.perf_counter() - started
    return summary


WINDOW = 512   # files in flight: bounds the memory of results waiting for the writer
CHUNK = 8      # files a worker takes at a time


def process_chunk(jobs: list) -> list[dict]:
    return [process_file(job) for job in jobs]


def _windowed(pool, jobs):
    """Results in the order of the jobs, with at most WINDOW files in flight.

    A sliding window: a new chunk is handed out as soon as the oldest one is taken, so
    the workers never wait for a whole window to drain (they did with one imap per
    window: the slowest file of each window held both workers up), and results never
    pile up faster than the writer takes them.
    """
    from collections import deque

    pending: deque = deque()
    chunks = (jobs[i:i + CHUNK] for i in range(0, len(jobs), CHUNK))
    for chunk in chunks:
        pending.append(pool.apply_async(process_chunk, (chunk,)))
        if len(pending) * CHUNK >= WINDOW:
            break
    for chunk in chunks:
        results = pending.popleft().get()
        pending.append(pool.apply_async(process_chunk, (chunk,)))
        yield from results
    while pending:
        yield from pending.popleft().get()


def _write_all(conn, writer: "Writer", results, stats, now, summary: Summary, total: int,
               progress, on_skip, on_warning) -> None:
    """Write results as they arrive, in transactions of about COMMIT_SECONDS each.

    Few, large transactions: each commit writes every page it touched once (index pages
    shared by many rows included), and the workers never wait for a batch to fill.
    An interrupt rolls back the open transaction only: every commit holds whole files.
    """
    done = pending = 0
    last_commit = last_progress = time.monotonic()
    try:
        for res in results:
            _write_one(writer, res, stats, now, summary, on_skip, on_warning)
            done += 1
            pending += 1
            t = time.monotonic()
            if pending >= COMMIT_FILES or t - last_commit >= COMMIT_SECONDS:
                writer.flush_vocab()
                conn.commit()
                pending = 0
                last_commit = t
            if progress and (t - last_progress >= 0.1 or done == total):
                progress(done, total)
                last_progress = t
        writer.flush_vocab()
        conn.commit()
        if progress:
            progress(done, total)
    except BaseException:
        conn.rollback()
        writer.vocab_add.clear()
        writer.vocab_del.clear()
        raise


def _write_one(writer: "Writer", res: dict, stats, now, summary: Summary, on_skip, on_warning=None) -> None:
    path = res["path"]
    size, mtime = stats.get(path, (None, None))
    status = res["status"]
    if status == "unchanged":
        writer.touch_file(path, res["root"], size, mtime)
        summary.unchanged += 1
    elif status == "skipped":
        summary.skipped.append((path, res["reason"]))
        if on_skip:
            on_skip(path, res["reason"])
        # a file that became unreadable or empty loses its old articles
        writer.remove_file(path)
    else:
        n_art, n_ev = writer.write_file(res, size, mtime, now, known=res.get("known", True))
        summary.files_indexed += 1
        summary.articles_indexed += n_art
        summary.events += n_ev
        for w in res.get("warnings") or ():
            summary.warnings.append((path, w))
            if on_warning:
                on_warning(path, w)


def _under(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _clear(conn: sqlite3.Connection) -> None:
    """--rebuild: drop everything extracted or read; corrections stay."""
    with conn:
        for table in ("events", "clusters", "dyads", "dirty_dyads", "vocab", "files"):
            conn.execute(f"DELETE FROM {table}")
        conn.execute("DELETE FROM articles")
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")


def _refresh_analysis(conn: sqlite3.Connection) -> None:
    from talkwatch.analysis import refresh

    try:
        refresh(conn)
    except Exception as exc:  # the articles and events are in; the summaries can be redone
        import sys

        print(f"talkwatch: warning: dyad summaries not updated ({exc!r}); they will be at the next index",
              file=sys.stderr)
