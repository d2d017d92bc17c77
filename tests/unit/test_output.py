"""Writers: article text is untrusted; no terminal escape or spreadsheet formula gets through."""
from __future__ import annotations

import csv
import io
import json

import pytest

from talkwatch import output

OSC52 = "\x1b]52;c;SGVsbG8=\x07"      # writes the clipboard on many terminals
CSI8 = "\x9b31m"                       # the 8-bit CSI
HOSTILE = f"Talks {OSC52}resume\x1b[2J in \u202eDoha{CSI8} today\r\x00\x7f"


def table(rows, columns, **kw):
    buf = io.StringIO()
    output.write_table(rows, columns, out=buf, **kw)
    return buf.getvalue()


# ------------------------------------------------------------------ CSV

@pytest.mark.parametrize("lead", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_neutralises_formulas(lead):
    cell = output.csv_cell(f"{lead}HYPERLINK(\"http://x\")")
    assert cell.startswith("'") and cell[1:].lstrip("\t\r\n").startswith(("=", "+", "-", "@", "H"))


def test_csv_formula_hidden_behind_an_escape_still_neutralised():
    assert output.csv_cell("\x1b=1+1") == "'=1+1"


def test_csv_plain_text_and_numbers_untouched():
    assert output.csv_cell("Istanbul talks") == "Istanbul talks"
    assert output.csv_cell(None) == ""
    assert output.csv_cell(-5.0) == "-5.0"       # a Goldstein value is a number, not a formula
    assert output.csv_cell(3) == "3"
    assert output.csv_cell(["QAT", "TUR"]) == "QAT;TUR"
    assert output.csv_cell({"kawaja": "khawaja"}) == '{"kawaja": "khawaja"}'


def test_csv_drops_terminal_escapes_and_round_trips():
    rows = [{"uid": "a#1", "title": "=cmd|' /C calc'!A0", "snippet": HOSTILE, "score": -1.5,
             "list": ["-x", "y"]}]
    buf = io.StringIO()
    output.write_csv(rows, ["uid", "title", "snippet", "score", "list"], out=buf)
    text = buf.getvalue()
    for bad in ("\x1b", "\x9b", "\x07", "\x00"):
        assert bad not in text
    back = list(csv.DictReader(io.StringIO(text)))
    assert back[0]["title"] == "'=cmd|' /C calc'!A0"
    assert back[0]["score"] == "-1.5"
    assert back[0]["list"] == "'-x;y"
    assert "resume" in back[0]["snippet"] and "Doha" in back[0]["snippet"]


# ------------------------------------------------------------------ JSON

def test_json_escapes_esc_and_c1():
    s = output.dumps({"t": HOSTILE, "line": "a\u2028b"})
    assert "\x1b" not in s and "\x9b" not in s and "\x07" not in s and "\u2028" not in s and "\u202e" not in s
    assert json.loads(s) == {"t": HOSTILE, "line": "a\u2028b"}   # escaped, not lost


def test_json_keeps_readable_unicode():
    assert "Türkiye" in output.dumps({"t": "Türkiye"})


def test_write_json_and_jsonl_are_valid():
    rows = [{"a": HOSTILE}, {"a": "x"}]
    buf = io.StringIO()
    output.write_json(rows, out=buf)
    assert json.loads(buf.getvalue()) == rows and "\x1b" not in buf.getvalue()
    buf = io.StringIO()
    output.write_jsonl(rows, out=buf)
    lines = buf.getvalue().splitlines()
    assert [json.loads(x) for x in lines] == rows and "\x9b" not in buf.getvalue()


# ------------------------------------------------------------------ tables and plain text

def test_clean_strips_controls_and_bidi():
    c = output.clean(HOSTILE)
    for bad in ("\x1b", "\x9b", "\x07", "\x00", "\x7f", "\u202e", "\r", "\n"):
        assert bad not in c
    assert c.startswith("Talks ") and "resume" in c and "Doha" in c


def test_clean_block_keeps_lines():
    assert output.clean_block("a\nb\x1b[2Jc") == "a\nb[2Jc"


def test_table_strips_control_characters():
    out = table([{"uid": "x", "title": HOSTILE}], [("uid", "UID"), ("title", "TITLE")], flex="title")
    assert "\x1b" not in out and "\x9b" not in out and "\x07" not in out and "\u202e" not in out
    assert out.splitlines()[0].split() == ["UID", "TITLE"]
    assert len(out.splitlines()) == 2   # the newline-like \r did not break the row


def test_table_marks_removed_without_colour():
    out = table([{"s": "a \ue000hit\ue001 b"}], [("s", "S")], bold_marks=("\ue000", "\ue001"))
    assert "\ue000" not in out and "\ue001" not in out and "a hit b" in out


def test_table_aligns_columns():
    out = table([{"a": "x", "b": "1"}, {"a": "longer", "b": "2"}], [("a", "A"), ("b", "B")])
    lines = out.splitlines()
    cols = {line.index(v) for line, v in zip(lines, ["B", "1", "2"])}
    assert len(cols) == 1


def test_list_cells_joined():
    out = table([{"m": ["QAT", "TUR"]}], [("m", "MEDIATORS")])
    assert "QAT,TUR" in out


def test_truncate():
    assert output.truncate("abcdef", 4) == "abc…"
    assert output.truncate("abc", 4) == "abc"
    assert output.truncate("abc", 0) == ""


def test_color_respects_no_color(monkeypatch):
    class Tty(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert output.color_enabled(Tty())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not output.color_enabled(Tty())
    assert not output.color_enabled(io.StringIO())


def test_json_document_with_a_long_list_round_trips():
    """A dyad's document: summary indented, a long timeline one item per line; still one
    JSON value equal to what was given, with control characters escaped."""
    import io
    import json as _json

    from talkwatch import output as _output

    doc = {"summary": {"dyad": "AFG-PAK", "next": {"mediators": ["QAT", "TUR"]}, "note": "a\u009bb"},
           "timeline": [{"i": i, "sentence": f"line {i}\u202e"} for i in range(500)]}
    buf = io.StringIO()
    _output.write_json(doc, out=buf)
    text = buf.getvalue()
    assert _json.loads(text) == doc
    assert "\u009b" not in text and "\u202e" not in text
    assert text.count("\n") > 500        # one timeline item a line, not one huge line


def test_csv_cell_of_records_is_json():
    """A list of records (an event's other mentions) is one JSON cell; codes stay a;b."""
    assert output.csv_cell(["AFG", "PAK"]) == "AFG;PAK"
    cell = output.csv_cell([{"sentence": "Talks, again.", "start": 3, "end": 16}])
    assert json.loads(cell) == [{"sentence": "Talks, again.", "start": 3, "end": 16}]
