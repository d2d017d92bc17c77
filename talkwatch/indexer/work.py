"""The work on one file, in a worker process: read, extract, and hand back a typed result.

Pure of the database: a ``FileJob`` in (the path and what the last run knew of it), a
``FileResult`` out (its articles ready for the writer, or why it was skipped, or that it
did not change). Never raises: a reader or extraction bug costs one file or one article's
events, never the run.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from talkwatch.store.writer import ArticleRecord, EventRecord

NO_EXTRACT = bool(os.environ.get("TALKWATCH_NO_EXTRACT"))  # benchmarks: measure indexing alone

READ = "read"
UNCHANGED = "unchanged"
SKIPPED = "skipped"


@dataclass
class FileJob:
    """One file to read: where it is, the root its uid is relative to, and what we knew."""

    path: str
    root: str
    known_hash: str | None = None   # the digest of the bytes last indexed (None: read it anyway)
    known: bool = False             # the files table has it (its old rows go first)


@dataclass
class FileResult:
    """What reading one file gave."""

    path: str
    root: str
    status: str                      # READ, UNCHANGED or SKIPPED
    hash: str | None = None
    reason: str | None = None        # why it was skipped
    articles: list[ArticleRecord] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    known: bool = True


def extractor_version() -> str:
    """Changes whenever the extraction code or its data files change (every file is then
    extracted again)."""
    from talkwatch import __version__

    h = hashlib.blake2b(__version__.encode(), digest_size=8)
    base = Path(__file__).resolve().parent.parent
    for folder in ("extract", "data"):
        # sub-folders too, in one order; the same files as before in a flat folder
        files = sorted((f for f in (base / folder).rglob("*") if "__pycache__" not in f.parts),
                       key=lambda f: f.relative_to(base / folder).as_posix())
        for f in files:
            if f.is_file() and f.suffix in (".py", ".tsv", ".txt", ".json", ".csv"):
                rel = f.relative_to(base / folder).as_posix()
                h.update(rel.encode())
                h.update(f.read_bytes())
    return "none" if NO_EXTRACT else h.hexdigest()


def content_digest(data: bytes) -> str:
    """The hash of a file's bytes that tells an unchanged file from a changed one (files.hash)."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def process_file(job: FileJob) -> FileResult:
    """Read one file and extract its events. Runs in a worker; never raises.

    The bytes come through corpus.load_bytes, the guarded read that read_file uses (regular
    files only, bounded size): a file whose digest is the one recorded is not parsed."""
    from talkwatch.corpus import load_bytes, read_bytes, relpath_for

    path, root = job.path, job.root
    data, reason = load_bytes(path)
    if data is None:
        return FileResult(path, root, SKIPPED, reason=reason, known=job.known)
    digest = content_digest(data)
    if job.known_hash is not None and digest == job.known_hash:
        return FileResult(path, root, UNCHANGED, hash=digest, known=job.known)
    try:
        res = read_bytes(data, relpath_for(path, root), path=path)
    except Exception as exc:  # a reader bug must not stop the run
        return FileResult(path, root, SKIPPED, reason=f"reader failed: {exc!r}"[:300], known=job.known)
    if res.skipped:
        return FileResult(path, root, SKIPPED, hash=digest, reason=res.skipped, known=job.known)
    return FileResult(path, root, READ, hash=digest, warnings=list(res.warnings), known=job.known,
                      articles=[prepare_article(art) for art in res.articles])


def process_chunk(jobs: list[FileJob]) -> list[FileResult]:
    return [process_file(job) for job in jobs]


class _Skip(Exception):
    pass


def prepare_article(art) -> ArticleRecord:
    """One article of the corpus, extracted and ready for the writer."""
    from talkwatch.analysis.dedup import sketch
    from talkwatch.store.schema import date_precision, event_values
    from talkwatch.store.textfold import vocab_words

    published = art.published
    pub_precision = pub_source = pub_how = None
    events: list[EventRecord] = []
    try:
        if NO_EXTRACT:
            raise _Skip
        from talkwatch.extract import extract

        ex = extract(art.body, published=art.published, title=art.title, not_after=_today())
        published = ex.published
        pub_source = ex.published_source
        pub_how = ex.published_how
        events = [EventRecord(e.sentence, e.rule, e.dyad, e.date, event_values(e)) for e in ex.events]
    except _Skip:
        pass
    except Exception as exc:  # extraction must never cost the article
        pub_how = f"extraction failed: {exc!r}"[:200]
    if published:
        pub_precision = date_precision(published)
    return ArticleRecord(
        uid=art.uid, title=art.title, body=art.body, published=published, published_precision=pub_precision,
        published_source=pub_source, published_how=pub_how, source=art.source, url=art.url,
        hash=_article_hash(art), sketch=sketch(art.body),
        vocab=vocab_words(f"{art.title or ''} {art.body or ''}"), events=events,
    )


def _article_hash(a) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in (a.title, a.body, a.published or "", a.source or "", a.url or ""):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def _today():
    """The day of indexing: no article speaks from the future (bounds weekday-inferred years)."""
    import datetime

    return datetime.date.today()
