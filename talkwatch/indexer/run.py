"""An index run: one at a time per database, files read by a pool of workers, one writer.

    index_paths(db, paths, reporter=...) -> Summary

The run takes the database's lock, makes the plan (plan.py), hands the jobs to worker
processes through a sliding window (so both cores stay busy and results never pile up),
writes the results as they come in transactions of about two seconds (store.writer), and
ends with the dyad summaries (refresh.py). What the user sees goes through a ``Reporter``;
nothing here prints.

Crash safety: every commit holds whole files; ``kill -9`` leaves a consistent database that
the next run completes; ctrl+c rolls back the open transaction, rebuilds the indexes a bulk
run dropped, and returns a summary marked ``interrupted``.
"""
from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Protocol

from talkwatch.errors import Busy, InvalidInput
from talkwatch.indexer.plan import make_plan
from talkwatch.indexer.work import READ, SKIPPED, UNCHANGED, FileJob, FileResult, extractor_version, process_chunk, \
    process_file
from talkwatch.store.writer import COMMIT_FILES, COMMIT_SECONDS, Writer

BULK_FILES = 500           # at least this many changed files, and half the database or more:
                           # secondary indexes are dropped first and built again at the end
INPROCESS_BELOW = 24       # fewer changed files than this: no worker processes
WINDOW = 512               # files in flight: bounds the memory of results waiting for the writer
CHUNK = 8                  # files a worker takes at a time


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


class Reporter(Protocol):
    """What an index run tells the person who started it (the CLI draws it; tests record it)."""

    def waiting(self) -> None:
        """Another run holds the database; this one waits for it."""

    def progress(self, done: int, total: int) -> None:
        """``done`` of the ``total`` files to read are written (first called with 0)."""

    def skipped(self, path: str, reason: str) -> None:
        """A file was not indexed, and why."""

    def warning(self, path: str, message: str) -> None:
        """A file was indexed, but part of it was not (a broken record, say)."""

    def phase(self, message: str) -> None:
        """The run moves on to a stage after the files (building indexes, dyad summaries)."""

    def problem(self, message: str) -> None:
        """Something went wrong that the next run will put right (the run still succeeds)."""


class QuietReporter:
    """Tells nothing (a base class: override what you want to hear)."""

    def waiting(self) -> None:
        pass

    def progress(self, done: int, total: int) -> None:
        pass

    def skipped(self, path: str, reason: str) -> None:
        pass

    def warning(self, path: str, message: str) -> None:
        pass

    def phase(self, message: str) -> None:
        pass

    def problem(self, message: str) -> None:
        pass


class IndexLock:
    """One indexer per database at a time (a lock file beside it, released by the OS on death)."""

    def __init__(self, db_path: Path, wait: bool, reporter: Reporter | None = None):
        self.path = Path(str(db_path) + ".lock")
        self.wait = wait
        self.reporter = reporter
        self.fh = None

    def __enter__(self):
        import fcntl

        self.fh = open(self.path, "a+")
        try:
            fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not self.wait:
                self.fh.close()
                raise Busy("another `talkwatch index` is running on this database; try again when it ends") from None
            if self.reporter:
                self.reporter.waiting()
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
    reporter: Reporter | None = None,
    wait: bool = True,
) -> Summary:
    """Add or update ``paths`` (files and folders) in the database; with no paths, the
    folders indexed before. Returns what was done."""
    started = time.perf_counter()
    report: Reporter = reporter or QuietReporter()
    summary = Summary()
    writer = Writer.open(db_path)
    try:
        with IndexLock(Path(db_path), wait=wait, reporter=report):
            _run(writer, [str(p) for p in paths], rebuild, workers, report, summary)
    finally:
        writer.close()
    summary.elapsed = time.perf_counter() - started
    return summary


def _run(writer: Writer, paths: list[str], rebuild: bool, workers: int | None, report: Reporter,
         summary: Summary) -> None:
    if not paths:
        paths = writer.indexed_roots()
        if not paths:
            raise InvalidInput("nothing to index: give a file or folder (talkwatch index PATH)")
    if rebuild:
        writer.clear()
    version = extractor_version()
    plan = make_plan(paths, writer.known_files(), reread=writer.meta("extractor_version") != version)
    summary.files_seen = plan.files_seen
    summary.unchanged = plan.unchanged
    for path, reason in plan.skipped:
        summary.skipped.append((path, reason))
        report.skipped(path, reason)
    if plan.gone:
        with writer.conn:
            for p in plan.gone:
                writer.remove_file(p)
                summary.removed += 1
            writer.flush()

    total = len(plan.jobs)
    bulk = total >= BULK_FILES and total * 2 >= plan.known
    if bulk:
        writer.drop_indexes()
    else:
        writer.ensure_indexes()
    report.progress(0, total)
    now = time.strftime("%Y-%m-%dT%H:%M:%S")
    pool = None
    try:
        if total >= INPROCESS_BELOW and (workers or os.cpu_count() or 1) > 1:
            n = workers or os.cpu_count() or 1
            pool = multiprocessing.get_context("fork").Pool(processes=n)
            results: Iterable[FileResult] = _windowed(pool, plan.jobs)
        else:
            results = map(process_file, plan.jobs)
        _write_all(writer, results, plan.stats, now, summary, total, report)
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
        report.phase("building indexes ...")
        writer.ensure_indexes()
    if summary.interrupted:
        return
    writer.finish(now, version)
    n = writer.dirty_count()
    if n:
        report.phase(f"updating {n} dyad summar{'y' if n == 1 else 'ies'} ...")
    plan = results = None                     # free the run's bookkeeping before the refresh
    _refresh(writer, report)
    writer.optimize()


def _windowed(pool, jobs: list[FileJob]) -> Iterator[FileResult]:
    """Results in the order of the jobs, with at most WINDOW files in flight.

    A sliding window: a new chunk is handed out as soon as the oldest one is taken, so
    the workers never wait for a whole window to drain (they did with one imap per
    window: the slowest file of each window held both workers up), and results never
    pile up faster than the writer takes them.
    """
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


def _write_all(writer: Writer, results: Iterable[FileResult], stats: dict, now: str, summary: Summary,
               total: int, report: Reporter) -> None:
    """Write results as they arrive, in transactions of about COMMIT_SECONDS each.

    Few, large transactions: each commit writes every page it touched once (index pages
    shared by many rows included), and the workers never wait for a batch to fill.
    An interrupt rolls back the open transaction only: every commit holds whole files.
    """
    done = pending = 0
    last_commit = last_progress = time.monotonic()
    try:
        for res in results:
            _write_one(writer, res, stats, now, summary, report)
            done += 1
            pending += 1
            t = time.monotonic()
            if pending >= COMMIT_FILES or t - last_commit >= COMMIT_SECONDS:
                writer.commit()
                pending = 0
                last_commit = t
            if t - last_progress >= 0.1 or done == total:
                report.progress(done, total)
                last_progress = t
        writer.commit()
        report.progress(done, total)
    except BaseException:
        writer.rollback()
        raise


def _write_one(writer: Writer, res: FileResult, stats: dict, now: str, summary: Summary, report: Reporter) -> None:
    size, mtime = stats.get(res.path, (None, None))
    if res.status == UNCHANGED:
        writer.touch_file(res.path, res.root, size, mtime)
        summary.unchanged += 1
    elif res.status == SKIPPED:
        summary.skipped.append((res.path, res.reason or "skipped"))
        report.skipped(res.path, res.reason or "skipped")
        # a file that became unreadable or empty loses its old articles
        writer.remove_file(res.path)
    else:
        assert res.status == READ, res.status
        n_art, n_ev = writer.write_file(res.path, res.root, res.hash, res.articles, res.warnings, size, mtime,
                                        now, known=res.known)
        summary.files_indexed += 1
        summary.articles_indexed += n_art
        summary.events += n_ev
        for w in res.warnings:
            summary.warnings.append((res.path, w))
            report.warning(res.path, w)


def _refresh(writer: Writer, report: Reporter) -> None:
    from talkwatch.indexer.refresh import refresh

    try:
        refresh(writer.conn)
    except Exception as exc:  # the articles and events are in; the summaries can be redone
        report.problem(f"dyad summaries not updated ({exc!r}); they will be at the next index")
