"""Corpus readers: files -> Articles (pure file reading; no database, no extraction).

Public API::

    SUPPORTED                       file extensions read as articles
    read_file(path, root)           -> ReadResult (never raises for any file content)
    read_bytes(data, relpath)       -> ReadResult (the same, from bytes)
    load_bytes(path)                -> (bytes, None) or (None, skip_reason): the guarded read
    iter_files(paths)               -> (abs_path, root, skip_reason) for every file
    decode(data)                    -> str (raises SkipFile)
"""
from __future__ import annotations

import os

from .decoding import decode
from .model import Article, ReadResult, SkipFile
from .walk import iter_files

__all__ = ["SUPPORTED", "Article", "ReadResult", "SkipFile", "decode", "iter_files",
           "load_bytes", "read_bytes", "read_file", "relpath_for", "MAX_FILE_SIZE"]

SUPPORTED = {".txt", ".md", ".markdown", ".json", ".jsonl", ".ndjson", ".csv", ".html", ".htm",
             ".rss", ".atom", ".xml"}

MAX_FILE_SIZE = 1 << 30  # 1 GiB: bigger files are skipped, not read into memory


def _reader(ext: str):
    if ext in (".txt", ".md", ".markdown"):
        from .text import read_text

        return read_text
    if ext in (".jsonl", ".ndjson"):
        from .records import read_jsonl

        return read_jsonl
    if ext == ".json":
        from .records import read_json

        return read_json
    if ext == ".csv":
        from .records import read_csv

        return read_csv
    if ext in (".html", ".htm"):
        from .htmldoc import read_html

        return read_html
    if ext in (".rss", ".atom", ".xml"):
        from .feeds import read_feed

        return read_feed
    return None


def _ext(relpath: str) -> str:
    name = relpath.rsplit("/", 1)[-1]
    return os.path.splitext(name)[1].lower()


def read_bytes(data: bytes, relpath: str, path: str | None = None) -> ReadResult:
    """Articles from one file's bytes; ``relpath`` (POSIX) names it and picks the format.

    Never raises for any content: a file that cannot be read as a whole comes back
    with ``skipped`` set (and no articles); per-record problems are ``warnings``.
    ``path`` (default: relpath) is recorded on the result and its articles.
    """
    shown = path if path is not None else relpath
    ext = _ext(relpath)
    reader = _reader(ext)
    if reader is None:
        return ReadResult(path=shown, skipped=f"{ext or 'no extension'}: unsupported file type")
    try:
        res = reader(bytes(data), relpath, shown, ext)
    except SkipFile as e:
        return ReadResult(path=shown, skipped=str(e) or "skipped")
    except RecursionError:
        return ReadResult(path=shown, skipped="could not read: structure nested too deeply")
    except MemoryError:
        return ReadResult(path=shown, skipped="could not read: out of memory")
    except Exception as e:  # never let one bad file stop an index run
        msg = " ".join(str(e).split())[:200]
        return ReadResult(path=shown, skipped=f"could not read: {type(e).__name__}: {msg}")
    if not res.articles and not res.skipped:
        res.skipped = "no articles found"
    return res


def relpath_for(path: str | os.PathLike, root: str | os.PathLike) -> str:
    """A file's uid base: its POSIX path relative to root, or its name if root is the file."""
    p = os.path.abspath(os.fspath(path))
    r = os.path.abspath(os.fspath(root))
    if p == r or not os.path.isdir(r):
        return os.path.basename(p)
    rel = os.path.relpath(p, r)
    return rel.replace(os.sep, "/")


def read_file(path: str | os.PathLike, root: str | os.PathLike) -> ReadResult:
    """Read one file (see read_bytes); I/O problems are reported as ``skipped`` too."""
    p = os.fspath(path)
    data, reason = load_bytes(p)
    if data is None:
        return ReadResult(path=p, skipped=reason)
    try:
        rel = relpath_for(p, root)
    except (ValueError, OSError) as e:  # e.g. different drives on Windows
        rel = os.path.basename(p) or str(e)
    return read_bytes(data, rel, path=p)


def load_bytes(path: str | os.PathLike) -> tuple[bytes | None, str | None]:
    """A regular file's bytes as ``(data, None)``, or ``(None, reason)``; never raises.

    The one guarded way to read a corpus file: directories, FIFOs and devices are not read
    (a FIFO would block), nor files over MAX_FILE_SIZE. For a caller that needs the bytes
    too (the indexer hashes them) before ``read_bytes``.
    """
    import stat

    p = os.fspath(path)
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return None, "dangling symlink" if os.path.islink(p) else "no such file or directory"
    except PermissionError:
        return None, "permission denied"
    except OSError as e:
        return None, _os_msg(e)
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            return None, "is a directory"
        if not stat.S_ISREG(st.st_mode):
            return None, "not a regular file"
        if st.st_size > MAX_FILE_SIZE:
            return None, f"file too large ({st.st_size} bytes)"
        with os.fdopen(fd, "rb", closefd=True) as f:
            fd = -1
            return f.read(), None
    except OSError as e:
        return None, _os_msg(e)
    finally:
        if fd >= 0:
            os.close(fd)


def _os_msg(e: OSError) -> str:
    import errno

    if e.errno == errno.ELOOP:
        return "symlink loop"
    if e.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if e.errno == errno.EISDIR:
        return "is a directory"
    return f"cannot read: {(e.strerror or str(e)).lower()}"
