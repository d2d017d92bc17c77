"""Writers for the CLI: a readable table, JSON, JSON lines, CSV. stdout is data only.

Article text can carry terminal escape sequences; tables strip control characters, JSON
escapes them, CSV neutralises cells that a spreadsheet would read as a formula.
"""
from __future__ import annotations

import csv
import json
import os
import re
import shutil
import sys
from typing import Any, Iterable, Sequence

# C0 controls except tab/newline, DEL, C1 controls (incl. the 8-bit CSI \x9b), bidi overrides
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_C1_JSON = re.compile(r"[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_WS = re.compile(r"\s+")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

BOLD = "\x1b[1m"
DIM = "\x1b[2m"
RESET = "\x1b[0m"


def color_enabled(stream=None) -> bool:
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def clean(value: Any) -> str:
    """One line of inert text: control characters dropped, whitespace collapsed."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = ",".join(str(v) for v in value)
    text = _CONTROL.sub("", str(value))
    return _WS.sub(" ", text).strip()


def clean_block(value: Any) -> str:
    """Multi-line inert text (for `show`): control characters dropped, newlines kept."""
    if value is None:
        return ""
    return _CONTROL.sub("", str(value))


def _json_safe(s: str) -> str:
    return _C1_JSON.sub(lambda m: "\\u%04x" % ord(m.group(0)), s)


def dumps(obj: Any, indent: int | None = None) -> str:
    return _json_safe(json.dumps(obj, ensure_ascii=False, indent=indent))


def write_json(rows: Any, out=None) -> None:
    """A JSON array (json's C encoder: indent would use the slow pure-Python one)."""
    out = out or sys.stdout
    if isinstance(rows, list):
        # one encoder call for the whole array: an item per line would cost a call per item
        out.write(dumps(rows) + "\n")
    elif isinstance(rows, dict) and any(isinstance(v, list) and len(v) > 20 for v in rows.values()):
        # a document with a long list (a dyad's timeline): indented, but the list's items
        # one per line through the C encoder (indent= takes the pure-Python one: 5x slower)
        parts = []
        for k, v in rows.items():
            if isinstance(v, list) and len(v) > 20:
                body = "[\n" + ",\n".join("    " + dumps(x) for x in v) + "\n  ]"
            else:
                body = dumps(v, indent=2).replace("\n", "\n  ")
            parts.append(f"  {dumps(k)}: {body}")
        out.write("{\n" + ",\n".join(parts) + "\n}\n")
    else:
        out.write(dumps(rows, indent=2) + "\n")


def write_json_texts(texts: Iterable[str], array: bool, out=None) -> None:
    """Objects already encoded as JSON text: an array (one object a line) or JSON Lines."""
    out = out or sys.stdout
    buf: list[str] = []
    size = 0
    first = True
    if array:
        out.write("[")
    for t in texts:
        if array:
            buf.append(("\n" if first else ",\n") + t)
            first = False
        else:
            buf.append(t + "\n")
        size += len(t)
        if size > 1 << 20:               # write in 1 MB pieces: a pipe sees output early
            out.write(_json_safe("".join(buf)))
            buf, size = [], 0
    if buf:
        out.write(_json_safe("".join(buf)))
    if array:
        out.write("\n]\n" if not first else "]\n")


def write_jsonl(rows: Iterable[Any], out=None) -> None:
    out = out or sys.stdout
    for row in rows:
        out.write(dumps(row) + "\n")


_CSV_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # keeps tab, newline, CR


def csv_cell(value: Any) -> str:
    """One CSV cell: terminal escapes dropped, text a spreadsheet would run as a formula quoted.

    Numbers stay numbers: a Goldstein value of -5.0 is data, not a formula.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)) and not any(isinstance(v, (dict, list, tuple)) for v in value):
        value = ";".join(str(v) for v in value)
    elif isinstance(value, (dict, list, tuple)):
        value = json.dumps(value, ensure_ascii=False)   # records in a cell (an event's mentions)
    text = _CSV_CONTROL.sub("", str(value))
    if text.startswith(FORMULA_START):
        text = "'" + text
    if "\r" in text:
        # the writer ends rows with \n and quotes only cells holding one: a bare \r would
        # be left unquoted and break every CSV reader
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def write_csv(rows: Sequence[dict], fields: Sequence[str], out=None) -> None:
    out = out or sys.stdout
    w = csv.writer(out, lineterminator="\n")
    w.writerow(fields)
    for row in rows:
        w.writerow([csv_cell(row.get(f)) for f in fields])


PIPED_WIDTH = 80


def terminal_width(default: int = 120) -> int:
    """The terminal's width; when stdout is no terminal, $COLUMNS or 80 (tables stay readable
    in a file or a pager; --json, --jsonl and --csv never cut anything)."""
    if sys.stdout.isatty():
        return shutil.get_terminal_size((default, 24)).columns
    try:
        return max(20, int(os.environ.get("COLUMNS", "")))
    except ValueError:
        return PIPED_WIDTH


KEEP_WHOLE = frozenset({"id", "event_id", "date", "last", "dyad", "cluster", "type", "event"})   # never cut: ids are typed back, a cut type is unreadable


def fit_widths(widths: list[int], heads: list[str], total: int, flex: int | None = None,
               keep: set[int] | frozenset[int] = frozenset()) -> list[int]:
    """Column widths that fit in ``total`` with two spaces between columns: the ``flex`` column
    gives way first (down to 10), then the widest of the others, never below their heading
    (nor 4 characters); the columns in ``keep`` are never cut."""
    widths = list(widths)
    over = sum(widths) + 2 * (len(widths) - 1) - total
    if over <= 0:
        return widths
    if flex is not None:
        floor = min(widths[flex], max(10, len(heads[flex])))
        cut = min(over, widths[flex] - floor)
        widths[flex] -= cut
        over -= cut
    floors = [w if i in keep else min(w, max(4, len(h))) for i, (w, h) in enumerate(zip(widths, heads))]
    while over > 0:
        slack = [(w - f, i) for i, (w, f) in enumerate(zip(widths, floors)) if w > f]
        if not slack:
            break
        _, i = max(slack)
        widths[i] -= 1
        over -= 1
    return widths


def truncate(text: str, width: int) -> str:
    if width <= 0:
        return ""
    if len(text) <= width:
        return text
    return text[: max(0, width - 1)] + "…"


def write_table(
    rows: Sequence[dict],
    columns: Sequence[tuple[str, str]],
    *,
    out=None,
    flex: str | None = None,
    bold_marks: tuple[str, str] | None = None,
) -> None:
    """Plain aligned columns. ``flex`` names the column that takes the leftover width.

    ``bold_marks`` are two marker characters in cells that delimit text to embolden on a
    colour terminal (search snippets); they are removed otherwise.
    """
    out = out or sys.stdout
    color = color_enabled(out)
    cells = [[clean(r.get(k)) for k, _ in columns] for r in rows]
    heads = [h for _, h in columns]
    widths = [len(h) for h in heads]
    for row in cells:
        for i, c in enumerate(row):
            widths[i] = max(widths[i], _visible_len(c, bold_marks))
    total = terminal_width()
    fi = [k for k, _ in columns].index(flex) if flex is not None else None
    keep = {i for i, (k, _) in enumerate(columns) if k in KEEP_WHOLE}
    widths = fit_widths(widths, heads, total, fi, keep)
    line = "  ".join(h.ljust(widths[i]) for i, h in enumerate(heads)).rstrip()
    out.write((BOLD + line + RESET if color else line) + "\n")
    for row in cells:
        parts = []
        for i, c in enumerate(row):
            parts.append(fit_marked(c, widths[i], bold_marks, color, pad=i < len(row) - 1))
        out.write("  ".join(parts).rstrip() + "\n")


def _visible_len(text: str, marks) -> int:
    if marks:
        text = text.replace(marks[0], "").replace(marks[1], "")
    return len(text)


def fit_marked(text: str, width: int, marks, color: bool, pad: bool) -> str:
    if not marks:
        t = truncate(text, width)
        return t.ljust(width) if pad else t
    plain = text.replace(marks[0], "").replace(marks[1], "")
    if len(plain) > width:
        # cut on the visible text, keeping marks that fall before the cut
        kept, n = [], 0
        for ch in text:
            if ch in marks:
                kept.append(ch)
                continue
            if n >= width - 1:
                break
            kept.append(ch)
            n += 1
        text = "".join(kept) + "…"
        if text.count(marks[0]) > text.count(marks[1]):
            text += marks[1]
        plain_len = n + 1
    else:
        plain_len = len(plain)
    if color:
        text = text.replace(marks[0], BOLD).replace(marks[1], RESET)
    else:
        text = text.replace(marks[0], "").replace(marks[1], "")
    return text + (" " * (width - plain_len) if pad else "")


def info(msg: str) -> None:
    print(clean_block(msg), file=sys.stderr)
