"""The command line: exit codes, stdout as data, formats, fields, corrections, hostile text."""
from __future__ import annotations

import csv
import io
import json

import pytest

from talkwatch import __version__
from talkwatch.store.queries import EVENT_FIELDS

from tw_support import TW_CORPUS, TW_UIDS, tw_index, tw_seed_event, tw_write_corpus

SEARCH_KEYS = {"uid", "title", "published", "source", "score", "snippet"}
EVENT_KEYS = ["id", "uid", "sentence", "start", "end", "type", "status", "plover", "plover_mode", "cameo",
              "goldstein", "actors", "recipients", "dyad", "mediators", "location", "date", "date_precision",
              "date_source", "date_text", "attribution", "cluster", "mentions"]
MARKS = ("\ue000", "\ue001")


def ok(res, code=0):
    assert res.exit_code == code, (res.exit_code, res.stdout, res.stderr, res.exception)
    assert "Traceback" not in res.stderr and "Traceback" not in res.stdout
    return res


def one_line_error(res, code=1):
    assert res.exit_code == code, (res.stdout, res.stderr)
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("talkwatch: error:"), res.stderr
    assert "Traceback" not in res.stderr and res.stdout == ""
    return lines[0]


# ------------------------------------------------------------------ top level

def test_version(tw_run):
    res = ok(tw_run("--version"))
    assert __version__ in res.stdout


def test_help_has_examples(tw_run):
    res = ok(tw_run("--help"))
    assert "Examples:" in res.stdout and "talkwatch search" in res.stdout
    for cmd in ("index", "search", "events", "show", "dyads", "correct", "corrections"):
        assert cmd in res.stdout
    for cmd in ("index", "events", "correct", "dyads"):
        assert "Examples:" in ok(tw_run(cmd, "--help")).stdout, cmd
    assert "Query syntax:" in ok(tw_run("search", "--help")).stdout


def test_no_command_without_terminal_prints_help(tw_run):
    res = ok(tw_run())
    assert "Usage:" in res.stdout


@pytest.mark.parametrize("args", [
    ["bogus"], ["search", "-n", "0", "x"], ["search", "--limit", "many", "x"], ["events", "--nope"],
    ["show"], ["dyads", "--as-of", "yesterday"],
    # dates of the right shape that are not on the calendar
    ["dyads", "--as-of", "2025-99"], ["dyads", "--as-of", "0001-01-01"], ["events", "--since", "2025-13"],
    ["events", "--until", "2025-02-30"], ["search", "--since", "2025-04-31", "talks"],
])
def test_usage_errors_exit_2(tw_run, tw_db, args):
    res = tw_run("--db", tw_db, *args)
    assert res.exit_code == 2, (res.stdout, res.stderr)
    assert res.stdout == "" and "Traceback" not in res.stderr


def test_correct_without_a_change_is_usage_error(tw_run, tw_db):
    eid = tw_seed_event(tw_db, TW_UIDS["istanbul"])
    res = tw_run("--db", tw_db, "correct", eid)
    assert res.exit_code == 2 and res.stdout == ""


@pytest.mark.parametrize("args", [["search", "talks"], ["events"], ["dyads"], ["show", "x"], ["corrections"]])
def test_missing_db_is_one_line_error(tw_run, tmp_path, args):
    line = one_line_error(tw_run("--db", tmp_path / "missing.db", *args))
    assert "missing.db" in line and "talkwatch index" in line
    assert not (tmp_path / "missing.db").exists()


def test_non_sqlite_db_is_one_line_error(tw_run, tmp_path):
    p = tmp_path / "x.db"
    p.write_text("not a database\n")
    one_line_error(tw_run("--db", p, "search", "talks"))
    one_line_error(tw_run("--db", p, "index", tmp_path))
    assert p.read_text() == "not a database\n"


def test_talkwatch_db_env_honoured(tw_run, tw_db, tmp_path):
    res = ok(tw_run("search", "istanbul", "--json", env={"TALKWATCH_DB": str(tw_db)}))
    assert json.loads(res.stdout)[0]["uid"] == TW_UIDS["istanbul"]
    # --db wins over the environment
    res = ok(tw_run("--db", tw_db, "search", "istanbul", "--json", env={"TALKWATCH_DB": str(tmp_path / "no.db")}))
    assert json.loads(res.stdout)
    one_line_error(tw_run("search", "istanbul", env={"TALKWATCH_DB": str(tmp_path / "no.db")}))


# ------------------------------------------------------------------ index

def test_index_summary_on_stderr_and_skips(tw_run, tw_corpus, tmp_path):
    (tw_corpus / "notes.bin").write_bytes(b"\x00\x01")
    db = tmp_path / "cli.db"
    res = ok(tw_run("--db", db, "index", tw_corpus, tmp_path / "nowhere"))
    assert res.stdout == ""
    last = res.stderr.strip().splitlines()[-1]
    assert last.startswith(f"indexed {len(TW_UIDS)} articles from {len(TW_CORPUS)} files")
    assert "2 skipped" in last
    assert "nowhere" in res.stderr and "notes.bin" in res.stderr
    res = tw_run("--db", db, "index", "--strict", tw_corpus)
    assert res.exit_code == 1 and "unchanged" in res.stderr
    res = ok(tw_run("--db", db, "index", "-q", tw_corpus))
    assert len(res.stderr.strip().splitlines()) == 1 and "notes.bin" not in res.stderr


def test_index_strict_succeeds_without_skips(tw_run, tmp_path):
    corpus = tw_write_corpus(tmp_path / "c", {"a.txt": "Title: A\n\nEnvoys met in Doha.\n"})
    ok(tw_run("--db", tmp_path / "s.db", "index", "--strict", corpus))


def test_index_rebuild(tw_run, tw_db, tw_corpus):
    res = ok(tw_run("--db", tw_db, "index", "--rebuild", tw_corpus))
    assert res.stderr.strip().splitlines()[-1].startswith(f"indexed {len(TW_UIDS)} articles")


# ------------------------------------------------------------------ search

def test_search_table(tw_run, tw_db):
    res = ok(tw_run("--db", tw_db, "search", "ceasefire"))
    out = res.stdout
    assert out.index(TW_UIDS["truce"]) < out.index(TW_UIDS["clash"])
    assert "Ceasefire holds along the Line of Control" in out and "2025-11-03" in out
    assert not any(m in out for m in MARKS) and "\x1b" not in out
    assert "2 shown of 2 matches" in res.stderr


def test_search_json_fields_exact(tw_run, tw_db):
    res = ok(tw_run("--db", tw_db, "search", "istanbul", "--json"))
    rows = json.loads(res.stdout)
    assert [r["uid"] for r in rows] == [TW_UIDS["istanbul"], TW_UIDS["cricket"]]
    for r in rows:
        assert set(r) - {"corrected", "ignored"} == SEARCH_KEYS
        assert not r.get("corrected")
        assert isinstance(r["score"], (int, float)) and r["score"] > 0
        assert not any(m in r["snippet"] for m in MARKS) and "\x1b" not in r["snippet"]
    assert "Istanbul" in rows[0]["snippet"]
    assert rows[0]["published"] == "2025-10-29" and rows[0]["source"] == "Frontier Ledger"
    assert res.stderr == ""


def test_search_corrected_reported(tw_run, tw_db):
    res = ok(tw_run("--db", tw_db, "search", "kawaja", "--json"))
    rows = json.loads(res.stdout)   # stdout is JSON only; the message is on stderr
    assert rows[0]["uid"] == TW_UIDS["asif"]
    assert rows[0]["corrected"] == {"kawaja": "khawaja"}
    assert "kawaja -> khawaja" in res.stderr
    res = ok(tw_run("--db", tw_db, "search", "istambul", "talks"))
    assert "istambul -> istanbul" in res.stderr and TW_UIDS["istanbul"] in res.stdout
    res = ok(tw_run("--db", tw_db, "search", "--no-correct", "istambul", "--json"))
    assert json.loads(res.stdout) == []


def test_search_jsonl(tw_run, tw_db):
    res = ok(tw_run("--db", tw_db, "search", "pakistan", "--jsonl"))
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert len(rows) == 3 and all(set(r) - {"corrected", "ignored"} == SEARCH_KEYS for r in rows)


def test_search_csv(tw_run, tw_db):
    res = ok(tw_run("--db", tw_db, "search", "pakistan", "--csv"))
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert len(rows) == 3
    assert set(rows[0]) - {"corrected", "ignored"} == SEARCH_KEYS
    assert {r["uid"] for r in rows} == {TW_UIDS["istanbul"], TW_UIDS["deferred"], TW_UIDS["asif"]}
    assert not any(m in res.stdout for m in MARKS)


def test_search_no_hits_exit_0(tw_run, tw_db):
    res = ok(tw_run("--db", tw_db, "search", "zzzzqqqq"))
    assert res.stdout == ""
    res = ok(tw_run("--db", tw_db, "search", "zzzzqqqq", "--json"))
    assert json.loads(res.stdout) == []


@pytest.mark.parametrize("query", [
    '"talks', "Israel-Gaza", "U.S.", "AND", "*", "NEAR(", "[bold]x[/]", "'; DROP TABLE articles; --", "",
    "-talks", "OR OR", "title:",
])
def test_search_hostile_queries(tw_run, tw_db, query):
    res = ok(tw_run("--db", tw_db, "search", "--json", "--", query))
    rows = json.loads(res.stdout)
    assert all(r["uid"] in TW_UIDS.values() for r in rows)
    # and the table path too
    ok(tw_run("--db", tw_db, "search", "--", query))
    assert ok(tw_run("--db", tw_db, "search", "istanbul", "--json")).stdout.count('"uid"') == 2


def test_search_us_matches_us_story(tw_run, tw_db):
    rows = json.loads(ok(tw_run("--db", tw_db, "search", "U.S.", "--json")).stdout)
    assert [r["uid"] for r in rows] == [TW_UIDS["us"]]


def test_search_since_garbage_one_line(tw_run, tw_db):
    line = one_line_error(tw_run("--db", tw_db, "search", "talks", "since:garbage"))
    assert "garbage" in line
    line = one_line_error(tw_run("--db", tw_db, "search", "dyad:zz"), 2)   # names no dyad: a usage error
    assert "zz" in line


def test_search_prefix_from_help(tw_run, tw_db):
    # the help's own example: `negotiat*` (the stored stem is "negoti")
    rows = json.loads(ok(tw_run("--db", tw_db, "search", "negotiat*", "--json")).stdout)
    assert TW_UIDS["istanbul"] in [r["uid"] for r in rows]


def test_search_filters(tw_run, tw_db):
    rows = json.loads(ok(tw_run("--db", tw_db, "search", "since:2025-11-03", "--json")).stdout)
    assert {r["uid"] for r in rows} == {TW_UIDS["truce"], TW_UIDS["clash"]}
    rows = json.loads(ok(tw_run("--db", tw_db, "search", "talks -india", "--json")).stdout)
    assert [r["uid"] for r in rows] == [TW_UIDS["istanbul"]]


def test_search_exclusion_as_separate_word(tw_run, tw_db):
    res = tw_run("--db", tw_db, "search", "talks", "-india", "--json")
    assert res.exit_code == 0, res.stderr
    assert [r["uid"] for r in json.loads(res.stdout)] == [TW_UIDS["istanbul"]]


def test_search_limit(tw_run, tw_db):
    rows = json.loads(ok(tw_run("--db", tw_db, "search", "-n", "1", "pakistan", "--json")).stdout)
    assert len(rows) == 1


# ------------------------------------------------------------------ show

def test_show(tw_run, tw_db):
    res = ok(tw_run("--db", tw_db, "show", TW_UIDS["asif"]))
    assert "Defence minister warns Kabul" in res.stdout
    assert "Khawaja Asif said on Thursday" in res.stdout and "2025-10-30" in res.stdout
    doc = json.loads(ok(tw_run("--db", tw_db, "show", TW_UIDS["asif"], "--json")).stdout)
    assert doc["uid"] == TW_UIDS["asif"] and doc["title"] == "Defence minister warns Kabul"
    assert doc["body"].startswith("Khawaja Asif") and isinstance(doc["events"], list)


def test_show_unknown_uid(tw_run, tw_db):
    line = one_line_error(tw_run("--db", tw_db, "show", "no/such.txt"), 2)   # names no article: usage
    assert "no/such.txt" in line


def test_show_unique_partial_uid(tw_run, tw_db):
    res = ok(tw_run("--db", tw_db, "show", "cricket"))
    assert "Karachi Kings" in res.stdout


# ------------------------------------------------------------------ events

def test_events_json_fields_exact(tw_run, tw_db):
    eid = tw_seed_event(tw_db, TW_UIDS["istanbul"])
    assert EVENT_FIELDS == EVENT_KEYS
    rows = json.loads(ok(tw_run("--db", tw_db, "events", "--json")).stdout)
    assert rows, "the seeded event is listed"
    for r in rows:
        assert list(r) == EVENT_KEYS
    ev = next(r for r in rows if r["id"] == eid)
    assert ev["uid"] == TW_UIDS["istanbul"] and ev["dyad"] == "AFG-PAK" and ev["mediators"] == ["QAT", "TUR"]
    assert isinstance(ev["actors"], list) and isinstance(ev["start"], int)
    body = json.loads(ok(tw_run("--db", tw_db, "show", TW_UIDS["istanbul"], "--json")).stdout)["body"]
    assert body[ev["start"]:ev["end"]] == ev["sentence"]


def test_events_jsonl_and_csv(tw_run, tw_db):
    eid = tw_seed_event(tw_db, TW_UIDS["istanbul"])
    lines = ok(tw_run("--db", tw_db, "events", "--jsonl")).stdout.splitlines()
    assert any(json.loads(x)["id"] == eid for x in lines)
    rows = list(csv.DictReader(io.StringIO(ok(tw_run("--db", tw_db, "events", "--csv")).stdout)))
    assert list(rows[0]) == EVENT_KEYS
    assert any(r["id"] == eid and r["mediators"] == "QAT;TUR" for r in rows)


def test_events_filters(tw_run, tw_db):
    eid = tw_seed_event(tw_db, TW_UIDS["istanbul"])
    other = tw_seed_event(tw_db, TW_UIDS["deferred"], dyad="IND-PAK", status="deferred", date="2016-01-14",
                          location="Islamabad", mediators=())

    def rows(*args):
        return json.loads(ok(tw_run("--db", tw_db, "events", "--json", *args)).stdout)

    def ids(*args):
        return [r["id"] for r in rows(*args)]

    got = rows("--dyad", "PAK-AFG")
    assert eid in ids("--dyad", "PAK-AFG") and other not in [r["id"] for r in got]
    assert {r["dyad"] for r in got} == {"AFG-PAK"}
    assert other in ids("--dyad", "IND-PAK") and other in ids("--dyad", "pak-ind")
    got = rows("--status", "deferred")
    assert other in [r["id"] for r in got] and eid not in [r["id"] for r in got]
    assert {r["status"] for r in got} == {"deferred"}
    assert eid in ids("--type", "talks") and all(r["type"] == "TALKS" for r in rows("--type", "talks"))
    assert other not in ids("--since", "2025") and eid in ids("--since", "2025")
    assert other in ids("--until", "2016-01") and eid not in ids("--until", "2016-01")
    got = rows("--article", TW_UIDS["deferred"])
    assert other in [r["id"] for r in got] and {r["uid"] for r in got} == {TW_UIDS["deferred"]}
    assert len(rows("--limit", "1")) == 1


def test_events_dyad_names_accepted(tw_run, tw_db):
    res = ok(tw_run("--db", tw_db, "events", "--dyad", "pakistan-afghanistan", "--json"))
    assert isinstance(json.loads(res.stdout), list)


def test_events_dyad_names_resolve(tw_run, tw_db):
    pytest.importorskip("talkwatch.extract.parties")
    eid = tw_seed_event(tw_db, TW_UIDS["istanbul"])
    rows = json.loads(ok(tw_run("--db", tw_db, "events", "--dyad", "pakistan-afghanistan", "--json")).stdout)
    assert eid in [r["id"] for r in rows]


def test_events_table_and_empty(tw_run, tw_db, tmp_path):
    eid = tw_seed_event(tw_db, TW_UIDS["istanbul"])
    res = ok(tw_run("--db", tw_db, "events", "--article", TW_UIDS["istanbul"]))
    assert eid in res.stdout and "AFG-PAK" in res.stdout
    # a uid that names no article is a usage error (it used to print nothing and exit 0)
    line = one_line_error(tw_run("--db", tw_db, "events", "--article", "no/such", "--json"), 2)
    assert "no/such" in line
    res = ok(tw_run("--db", tw_db, "events", "--dyad", "DEU-FRA", "--json"))   # known parties, no events
    assert json.loads(res.stdout) == []


# ------------------------------------------------------------------ corrections

def test_correct_events_corrections_reindex(tw_run, tw_db, tw_corpus):
    eid = tw_seed_event(tw_db, TW_UIDS["istanbul"])

    def event():
        rows = json.loads(ok(tw_run("--db", tw_db, "events", "--json", "--article", TW_UIDS["istanbul"])).stdout)
        return next((r for r in rows if r["id"] == eid), None)

    res = ok(tw_run("--db", tw_db, "correct", eid, "--status", "deferred", "--date", "2025-11-06"))
    assert res.stdout == "" and eid in res.stderr
    ev = event()
    assert ev["status"] == "deferred" and ev["date"] == "2025-11-06" and ev["date_source"] == "analyst"

    listed = json.loads(ok(tw_run("--db", tw_db, "corrections", "--json")).stdout)
    assert [(c["event_id"], c["fields"]) for c in listed] == [(eid, {"status": "deferred", "date": "2025-11-06"})]

    # a re-index (another file changed) keeps the correction applied
    (tw_corpus / "world/truce.txt").write_text("Title: Truce\n\nCalm returned to the valley.\n", encoding="utf-8")
    ok(tw_run("--db", tw_db, "index", tw_corpus))
    assert event()["status"] == "deferred"

    ok(tw_run("--db", tw_db, "correct", eid, "--reject", "--note", "a quote about history"))
    assert event() is None
    rows = json.loads(ok(tw_run("--db", tw_db, "events", "--json", "--include-rejected")).stdout)
    assert any(r["id"] == eid and r.get("rejected") for r in rows)
    listed = json.loads(ok(tw_run("--db", tw_db, "corrections", "--json")).stdout)
    assert listed[0]["reject"] is True and listed[0]["note"] == "a quote about history"

    # --rebuild keeps what the analyst said
    ok(tw_run("--db", tw_db, "index", "--rebuild", tw_corpus))
    listed = json.loads(ok(tw_run("--db", tw_db, "corrections", "--json")).stdout)
    assert [c["event_id"] for c in listed] == [eid]

    table = ok(tw_run("--db", tw_db, "corrections")).stdout
    assert eid in table


def test_correct_undo(tw_run, tw_db):
    eid = tw_seed_event(tw_db, TW_UIDS["istanbul"])
    ok(tw_run("--db", tw_db, "correct", eid, "--reject"))
    ok(tw_run("--db", tw_db, "correct", eid, "--undo"))
    rows = json.loads(ok(tw_run("--db", tw_db, "events", "--json")).stdout)
    assert any(r["id"] == eid and r["status"] == "held" for r in rows)
    assert json.loads(ok(tw_run("--db", tw_db, "corrections", "--json")).stdout) == []


def test_correct_bad_input_one_line(tw_run, tw_db):
    eid = tw_seed_event(tw_db, TW_UIDS["istanbul"])
    one_line_error(tw_run("--db", tw_db, "correct", "ffffffffffff", "--status", "held"))
    one_line_error(tw_run("--db", tw_db, "correct", eid, "--status", "sideways"), 2)   # not a status: usage
    assert "cannot read the date" in one_line_error(tw_run("--db", tw_db, "correct", eid, "--date", "next tuesday"), 2)


def test_corrections_empty(tw_run, tw_db):
    res = ok(tw_run("--db", tw_db, "corrections"))
    assert res.stdout == ""
    assert json.loads(ok(tw_run("--db", tw_db, "corrections", "--json")).stdout) == []


# ------------------------------------------------------------------ hostile article text

@pytest.fixture
def hostile_db(tmp_path):
    rec = {"id": "h1", "title": "=HYPERLINK(\"http://example.invalid\")\x1b[31m Doha talks",
           "text": "Envoys held talks in Doha \x1b]52;c;SGVsbG8=\x07 and \x9b31m again \u202e on Monday.",
           "source": "@wire", "published": "2025-11-05"}
    corpus = tw_write_corpus(tmp_path / "h", {"h.jsonl": json.dumps(rec) + "\n"})
    db = tmp_path / "h.db"
    tw_index(db, corpus)
    tw_seed_event(db, "h.jsonl#h1", sentence=rec["text"], dyad="IND-PAK")
    return db


RAW = ("\x1b", "\x9b", "\x07")


@pytest.mark.parametrize("args", [
    ["search", "doha"], ["search", "doha", "--json"], ["search", "doha", "--jsonl"], ["search", "doha", "--csv"],
    ["search"], ["show", "h.jsonl#h1"], ["show", "h.jsonl#h1", "--json"], ["show", "h.jsonl#h1", "--csv"],
    ["events"], ["events", "--json"], ["events", "--csv"], ["events", "--explain"],
])
def test_no_raw_escapes_reach_stdout(tw_run, hostile_db, args):
    res = ok(tw_run("--db", hostile_db, *args))
    assert res.stdout
    for bad in RAW:
        assert bad not in res.stdout, (bad, args)
    if "--csv" in args:
        assert "'=HYPERLINK" in res.stdout or "title" not in res.stdout.splitlines()[0]
    if "--json" in args or "--jsonl" in args:
        assert "\\u001b" in res.stdout    # escaped, not dropped


def test_csv_formula_neutralised_in_search(tw_run, hostile_db):
    rows = list(csv.DictReader(io.StringIO(ok(tw_run("--db", hostile_db, "search", "doha", "--csv")).stdout)))
    assert rows[0]["title"].startswith("'=")
    assert rows[0]["source"] == "'@wire"


# ------------------------------------------------------------------ dyads

DYAD_KEYS = {"dyad", "status", "talks_status", "next", "last_event_date", "score", "trend", "events", "articles",
             "mediators"}


def test_dyads_json_fields(tw_run, tw_db):
    tw_seed_event(tw_db, TW_UIDS["istanbul"], dyad="BRA-NOR", status="held", date="2025-10-29")
    tw_seed_event(tw_db, TW_UIDS["istanbul"], rule="tw_seed_2", dyad="BRA-NOR", status="scheduled",
                  date="2025-11-06", sentence="A third round is expected in Istanbul next week if the mediators "
                  "can bridge the gaps.", refresh=True)
    rows = json.loads(ok(tw_run("--db", tw_db, "dyads", "--json")).stdout)
    row = next(r for r in rows if r["dyad"] == "BRA-NOR")
    assert DYAD_KEYS <= set(row)
    assert row["events"] == 2 and row["articles"] == 1
    assert row["next"]["type"] == "TALKS" and row["next"]["date"] == "2025-11-06"
    assert set(row["next"]) >= {"type", "date", "location", "mediators"}
    table = ok(tw_run("--db", tw_db, "dyads")).stdout
    assert "BRA-NOR" in table
    doc = json.loads(ok(tw_run("--db", tw_db, "dyad", "NOR", "BRA", "--json")).stdout)
    assert doc["summary"]["dyad"] == "BRA-NOR" and len(doc["timeline"]) >= 1


# ------------------------------------------------------------------ edge cases of the command line

def test_correct_on_missing_db_creates_nothing(tw_run, tmp_path):
    line = one_line_error(tw_run("--db", tmp_path / "typo.db", "correct", "abc123", "--status", "held"))
    assert "no database" in line
    assert not (tmp_path / "typo.db").exists()


def test_events_since_garbage_is_an_error(tw_run, tw_db):
    tw_seed_event(tw_db, TW_UIDS["istanbul"])
    res = tw_run("--db", tw_db, "events", "--since", "garbage", "--json")
    assert res.exit_code in (1, 2) and "garbage" in res.stderr


def test_index_tells_a_kept_file_with_bad_lines_from_a_skipped_file(tw_run, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "feed.jsonl").write_text('{"id": 1, "title": "ok", "text": "Envoys met in Doha."}\n{broken\n',
                                       encoding="utf-8")
    (folder / "blob.txt").write_bytes(b"\x00\x01binary")
    res = tw_run("--db", tmp_path / "m.db", "index", folder)
    assert res.exit_code == 0
    assert "kept" in res.stderr and "feed.jsonl" in res.stderr and "line 2" in res.stderr
    assert "skipped" in res.stderr and "blob.txt" in res.stderr
    assert "indexed 1 article" in res.stderr


def test_search_unknown_long_option_is_a_usage_error(tw_run, tw_db):
    res = tw_run("--db", tw_db, "search", "talks", "--bogus")
    assert res.exit_code == 2
    assert "--bogus" in res.stderr
