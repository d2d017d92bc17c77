"""What an index run has to do: walk the paths given and compare with the files table.

A file whose size and modification time are those recorded is unchanged and not read; any
other file becomes a job (a worker reads it, and its digest may still show it unchanged); a
file recorded under a folder being indexed that is no longer there is gone. Nothing here
writes: the plan is made from the walk and the ``files`` table as the writer read it.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Iterable

from talkwatch.indexer.work import FileJob
from talkwatch.store.writer import KnownFile


@dataclass
class Plan:
    jobs: list[FileJob] = field(default_factory=list)                    # files to read, in walk order
    stats: dict[str, tuple] = field(default_factory=dict)                # path -> (size, mtime) seen now
    unchanged: int = 0                                                   # same size and time: not read
    gone: list[str] = field(default_factory=list)                       # recorded, no longer there
    skipped: list[tuple[str, str]] = field(default_factory=list)        # (path, reason) from the walk
    files_seen: int = 0
    known: int = 0                                                       # files recorded before this run


def make_plan(paths: Iterable[str], known: dict[str, KnownFile], *, reread: bool = False) -> Plan:
    """The plan for indexing ``paths`` over a database that holds ``known`` files.

    ``reread``: the extraction code changed since the last run, so every file is read and
    extracted again (its content digest still spares unchanged bytes nothing: rules changed).
    """
    from talkwatch.corpus import iter_files

    paths = [str(p) for p in paths]
    if reread:
        # new rules or word lists: every file is extracted again, by content
        known = {p: KnownFile(None, None, None, k.root) for p, k in known.items()}
    plan = Plan(known=len(known))
    seen: set[str] = set()
    roots = [os.path.abspath(p) for p in paths if os.path.isdir(os.path.abspath(p))]
    gone_files: list[str] = []
    for path, root, reason in iter_files(paths):
        plan.files_seen += 1
        if reason is not None:
            if path in known and reason == "no such file or directory":
                gone_files.append(path)  # a file indexed on its own, since deleted
                continue
            plan.skipped.append((path, reason))
            if path in known:
                seen.add(path)  # keep what we had: a file we cannot read now is not deleted
            continue
        seen.add(path)
        try:
            st = os.stat(path)
            stat = (st.st_size, st.st_mtime)
        except OSError:
            stat = (None, None)
        plan.stats[path] = stat
        old = known.get(path)
        if old and old.size == stat[0] and old.mtime == stat[1]:
            plan.unchanged += 1
            continue
        # a file indexed before keeps its root (and so its uid and corrections)
        plan.jobs.append(FileJob(path, old.root if old and old.root else root, old.hash if old else None,
                                 old is not None))
    # files gone from an indexed folder
    plan.gone = [p for p in known if p not in seen and any(_under(p, r) for r in roots)] + gone_files
    return plan


def _under(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)
