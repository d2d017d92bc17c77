"""Finding the files to index under the paths a user gave."""
from __future__ import annotations

import errno
import os
import stat
from typing import Iterable, Iterator


def _ext(name: str) -> str:
    return os.path.splitext(name)[1].lower()


def _file_reason(path: str, st: os.stat_result, supported) -> str | None:
    ext = _ext(path)
    if ext not in supported:
        return f"{ext or 'no extension'}: unsupported file type"
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file"
    if not os.access(path, os.R_OK):
        return "permission denied"
    return None


def _os_reason(err: OSError) -> str:
    if err.errno == errno.ELOOP:
        return "symlink loop"
    if err.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if err.errno == errno.ENOENT:
        return "no such file or directory"
    return (err.strerror or str(err)).lower()


def _inside(real: str, real_root: str) -> bool:
    """True when ``real`` lies under ``real_root`` on a path without hidden parts."""
    if real == real_root:
        return True
    try:
        rel = os.path.relpath(real, real_root)
    except ValueError:
        return False
    if rel.startswith(".."):
        return False
    return not any(part.startswith(".") for part in rel.split(os.sep))


def iter_files(paths: Iterable[str | os.PathLike], supported=None) -> Iterator[tuple[str, str, str | None]]:
    """Yield ``(abs_path, root, skip_reason)`` for every file under ``paths``.

    Folders are walked recursively in sorted name order; hidden names ('.x') are
    skipped silently. Symlinked folders are followed, but a real folder is never
    walked twice (a link to a folder inside the same root is reported, since the
    folder is read under its own name; a link to an ancestor is a "symlink loop").
    A path given as a file is its own root. skip_reason is None for a file to read.
    """
    if supported is None:
        from . import SUPPORTED as supported  # noqa: N811
    visited: set[str] = set()
    seen: set[str] = set()  # a file reached through overlapping paths is yielded once
    for item in _iter(paths, supported, visited):
        if item[0] not in seen:
            seen.add(item[0])
            yield item


def _iter(paths, supported, visited):
    for given in paths:
        p = os.path.abspath(os.fspath(given))
        if not os.path.lexists(p):
            yield p, p, "no such file or directory"
            continue
        try:
            st = os.stat(p)
        except OSError as e:
            if e.errno == errno.ENOENT:
                yield p, p, "dangling symlink"
            else:
                yield p, p, _os_reason(e)
            continue
        if stat.S_ISDIR(st.st_mode):
            real = os.path.realpath(p)
            if real in visited:
                continue
            visited.add(real)
            yield from _walk(p, real, frozenset((real,)), p, real, visited, supported)
        else:
            yield p, p, _file_reason(p, st, supported)


def _walk(d, dreal, ancestors, root, real_root, visited, supported):
    try:
        with os.scandir(d) as it:
            entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as e:
        yield d, root, _os_reason(e)
        return
    for entry in entries:
        path = entry.path
        is_link = False
        try:
            is_link = entry.is_symlink()
            st = os.stat(path)  # follows symlinks
        except OSError as e:
            if is_link and e.errno == errno.ENOENT:
                yield path, root, "dangling symlink"
            else:
                yield path, root, _os_reason(e)
            continue
        if not stat.S_ISDIR(st.st_mode):
            yield path, root, _file_reason(path, st, supported)
            continue
        if is_link:
            sub_real = os.path.realpath(path)
            if sub_real in ancestors:
                yield path, root, "symlink loop"
                continue
            if sub_real in visited or _inside(sub_real, real_root):
                yield path, root, "symlinked folder already indexed"
                continue
        else:
            sub_real = os.path.join(dreal, entry.name)
            if sub_real in visited:
                continue
        visited.add(sub_real)
        yield from _walk(path, sub_real, ancestors | {sub_real}, root, real_root, visited, supported)
