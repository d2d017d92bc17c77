"""The indexer's parts on their own: the plan, the work on one file (through the corpus's
guarded read), and what the writer is handed."""
from __future__ import annotations

import os

from talkwatch.indexer.plan import make_plan
from talkwatch.indexer.work import READ, SKIPPED, UNCHANGED, FileJob, content_digest, process_file
from talkwatch.store.writer import ArticleRecord, KnownFile

TEXT = "Title: Talks\nPublished: 2025-10-29\n\nPakistan and Afghanistan held talks in Doha on Wednesday.\n"


def test_work_reads_extracts_and_types_its_result(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    res = process_file(FileJob(str(f), str(tmp_path)))
    assert res.status == READ and res.hash == content_digest(f.read_bytes())
    art = res.articles[0]
    assert isinstance(art, ArticleRecord) and art.uid == "a.txt" and art.published == "2025-10-29"
    assert art.events and art.events[0].dyad == "AFG-PAK" and art.vocab and art.sketch is not None
    same = process_file(FileJob(str(f), str(tmp_path), known_hash=res.hash, known=True))
    assert same.status == UNCHANGED and not same.articles


def test_work_reads_through_the_corpus_guard(tmp_path, monkeypatch):
    """The bytes come from corpus.load_bytes (regular files only, bounded size), as read_file's do."""
    import talkwatch.corpus as corpus

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    res = process_file(FileJob(str(fifo), str(tmp_path)))
    assert res.status == SKIPPED and res.reason == "not a regular file"       # never blocks
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    seen = []
    monkeypatch.setattr(corpus, "load_bytes", lambda path, **kw: seen.append(path) or (None, "file too large"))
    res = process_file(FileJob(str(f), str(tmp_path)))
    assert seen == [str(f)] and res.status == SKIPPED and res.reason == "file too large"


def test_the_plan_diffs_the_walk_against_the_files_table(tmp_path):
    (tmp_path / "same.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "changed.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "new.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "x.bin").write_bytes(b"\x00")
    st = os.stat(tmp_path / "same.txt")
    known = {
        str(tmp_path / "same.txt"): KnownFile(st.st_size, st.st_mtime, "h1", str(tmp_path)),
        str(tmp_path / "changed.txt"): KnownFile(1, 1.0, "h2", str(tmp_path)),
        str(tmp_path / "gone.txt"): KnownFile(1, 1.0, "h3", str(tmp_path)),
    }
    plan = make_plan([str(tmp_path)], known)
    assert plan.unchanged == 1 and plan.gone == [str(tmp_path / "gone.txt")]
    jobs = {os.path.basename(j.path): j for j in plan.jobs}
    assert set(jobs) == {"changed.txt", "new.txt"}
    assert jobs["changed.txt"].known and jobs["changed.txt"].known_hash == "h2" and not jobs["new.txt"].known
    assert [os.path.basename(p) for p, _ in plan.skipped] == ["x.bin"]
    again = make_plan([str(tmp_path)], known, reread=True)     # new extraction rules: read everything
    assert again.unchanged == 0 and all(j.known_hash is None for j in again.jobs)
