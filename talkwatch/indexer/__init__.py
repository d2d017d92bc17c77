"""Indexing: files in, rows out.

    plan.py     walk the paths and compare with the files table: what to read, what is gone
    work.py     one file in a worker: read (corpus.read_file), extract, a typed FileResult
    run.py      the run: lock, pool, sliding window, the writer, progress through a Reporter
    refresh.py  the dyads whose events changed: clusters and summaries computed again

The store does the writing (store.writer, store.dyads); analysis computes (pure functions);
nothing here prints: a Reporter tells whoever started the run.
"""
from talkwatch.indexer.run import IndexLock, QuietReporter, Reporter, Summary, index_paths

__all__ = ["IndexLock", "QuietReporter", "Reporter", "Summary", "index_paths"]
