"""Multi-record files: JSON, JSON Lines and CSV (one article per record)."""
from __future__ import annotations

import csv
import json
import sys

from .decoding import decode
from .fields import UidMaker, lower_keys, pick, record_to_article, safe_id, ID_KEYS
from .model import ReadResult, SkipFile

LIST_KEYS = ("articles", "items", "data", "entries", "records", "results", "documents", "docs",
             "posts", "news")


def _raise_field_limit() -> None:
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:
            limit //= 10


_raise_field_limit()


def _add_record(res: ReadResult, rec, position: int, where: str, uid: UidMaker, path: str) -> None:
    if not isinstance(rec, dict):
        res.warnings.append(f"{where}: not a JSON object; skipped")
        return
    rid = safe_id(pick(lower_keys(rec), ID_KEYS))
    art = record_to_article(rec, uid(rid, position, where), path, res.warnings, where)
    if art is not None:
        res.articles.append(art)


def _read_jsonl_text(text: str, relpath: str, path: str, res: ReadResult) -> None:
    uid = UidMaker(relpath, res.warnings)
    bad = 0
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError as e:
            bad += 1
            if bad <= 100:
                res.warnings.append(f"line {lineno}: invalid JSON ({_short(e)}); skipped")
            continue
        except RecursionError:
            bad += 1
            res.warnings.append(f"line {lineno}: JSON nested too deeply; skipped")
            continue
        _add_record(res, rec, lineno, f"line {lineno}", uid, path)
    if bad > 100:
        res.warnings.append(f"{bad - 100} more invalid JSON lines not listed")


def _short(e: Exception) -> str:
    s = " ".join(str(e).split())
    return s if len(s) <= 120 else s[:117] + "..."


def read_jsonl(data: bytes, relpath: str, path: str, ext: str) -> ReadResult:
    res = ReadResult(path=path)
    text = decode(data)
    head = text.lstrip()[:1]
    if head == "[":
        # a JSON array saved with a .jsonl name: read it whole if it parses
        try:
            doc = json.loads(text)
        except (ValueError, RecursionError):
            doc = None
        if isinstance(doc, list):
            _read_json_doc(doc, relpath, path, res)
            return res
    _read_jsonl_text(text, relpath, path, res)
    return res


def _read_json_doc(doc, relpath: str, path: str, res: ReadResult) -> None:
    records = None
    if isinstance(doc, list):
        records = doc
    elif isinstance(doc, dict):
        low = lower_keys(doc)
        for k in LIST_KEYS:
            if isinstance(low.get(k), list):
                records = low[k]
                break
        if records is None:
            if isinstance(low.get("feed"), dict) and isinstance(lower_keys(low["feed"]).get("items"), list):
                records = lower_keys(low["feed"])["items"]
    else:
        raise SkipFile("JSON holds no objects")
    if records is None:
        # a single object is a single article: uid is the file's path
        art = record_to_article(doc, relpath, path, res.warnings, "record")
        if art is not None:
            res.articles.append(art)
        return
    uid = UidMaker(relpath, res.warnings)
    for i, rec in enumerate(records, 1):
        _add_record(res, rec, i, f"record {i}", uid, path)


def read_json(data: bytes, relpath: str, path: str, ext: str) -> ReadResult:
    res = ReadResult(path=path)
    text = decode(data)
    try:
        doc = json.loads(text)
    except RecursionError:
        raise SkipFile("invalid JSON: nested too deeply") from None
    except ValueError as e:
        # JSON Lines saved as .json?
        if text.lstrip().startswith("{") and "\n" in text.strip():
            trial = ReadResult(path=path)
            _read_jsonl_text(text, relpath, path, trial)
            if trial.articles:
                trial.warnings.insert(0, "file holds JSON Lines, not one JSON document")
                return trial
        raise SkipFile(f"invalid JSON: {_short(e)}") from None
    _read_json_doc(doc, relpath, path, res)
    return res


_DELIMS = (",", ";", "\t", "|")


def _sniff_delimiter(header_line: str) -> str:
    """The delimiter of a CSV file: the candidate most frequent in its header line."""
    best, best_n = ",", 0
    for d in _DELIMS:
        n = header_line.count(d)
        if n > best_n:
            best, best_n = d, n
    return best


class _Lines:
    """Line iterator over a text for csv.reader that can be restarted at any line."""

    def __init__(self, lines: list[str], start: int):
        self.lines = lines
        self.i = start

    def __iter__(self):
        return self

    def __next__(self) -> str:
        if self.i >= len(self.lines):
            raise StopIteration
        line = self.lines[self.i]
        self.i += 1
        return line


def read_csv(data: bytes, relpath: str, path: str, ext: str) -> ReadResult:
    res = ReadResult(path=path)
    text = decode(data)
    # split on \n only (str.splitlines also breaks at \u2028, \x0c ... inside cells)
    lines = [line + "\n" for line in text.split("\n")]
    # header: first non-blank line
    h = 0
    while h < len(lines) and not lines[h].strip():
        h += 1
    if h >= len(lines):
        raise SkipFile("empty file")
    delim = _sniff_delimiter(lines[h][:65536])
    src = _Lines(lines, h)
    try:
        header = next(csv.reader(src, delimiter=delim, strict=True))
    except (csv.Error, StopIteration) as e:
        raise SkipFile(f"CSV header unreadable: {_short(e)}") from None
    names = [" ".join(c.split()).lower() for c in header]
    if not any(n in ("text", "body", "content", "description", "article", "full_text",
                     "fulltext", "maintext", "summary") for n in (x.replace(" ", "_") for x in names)):
        raise SkipFile("CSV header names no text column (text/body/content/description)")
    uid = UidMaker(relpath, res.warnings)
    row_no = 0
    while src.i < len(lines):
        reader = csv.reader(src, delimiter=delim, strict=True)
        start = src.i
        try:
            for row in reader:
                row_no += 1
                where = f"row {row_no} (line {start + 1})"
                if not any(c.strip() for c in row):
                    row_no -= 1  # blank line: not a row
                elif len(row) > len(names) and any(c.strip() for c in row[len(names):]):
                    res.warnings.append(f"{where}: {len(row)} fields, header has {len(names)}; extra fields ignored")
                    _add_csv(res, names, row, row_no, where, uid, path)
                else:
                    _add_csv(res, names, row, row_no, where, uid, path)
                start = src.i
        except csv.Error as e:
            row_no += 1
            where = f"row {row_no} (line {start + 1})"
            # the broken row alone, read leniently, may still have the right shape
            try:
                row = next(csv.reader([lines[start]], delimiter=delim, strict=False), [])
            except csv.Error:
                row = []
            if len(row) == len(names):
                res.warnings.append(f"{where}: malformed CSV ({_short(e)}); read leniently")
                _add_csv(res, names, row, row_no, where, uid, path)
            else:
                res.warnings.append(f"{where}: malformed CSV ({_short(e)}); skipped")
            # resume on the line after the one where the broken row began
            src.i = start + 1
            continue
        break
    return res


def _add_csv(res, names, row, row_no, where, uid, path) -> None:
    rec = {}
    for name, cell in zip(names, row):
        if name and name not in rec:
            rec[name] = cell
    rid = safe_id(pick(lower_keys(rec), ID_KEYS))
    art = record_to_article(rec, uid(rid, row_no, where), path, res.warnings, where)
    if art is not None:
        res.articles.append(art)
