"""CLI conventions (issue 14, item 6): --db anywhere, one output format, unknown values are
usage errors naming the choices, tables that fit, human wording, the demo hint, completion."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tw_support import TW_UIDS, tw_seed_event


def usage_error(res) -> str:
    assert res.exit_code == 2, (res.exit_code, res.stdout, res.stderr)
    assert res.stdout == "" and "Traceback" not in res.stderr
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("talkwatch: error:"), res.stderr
    return lines[0]


@pytest.mark.parametrize("args", [
    ["search", "talks", "--db", "{db}"],
    ["events", "--db", "{db}", "--json"],
    ["dyads", "--json", "--db={db}"],
    ["corrections", "--db", "{db}", "--json"],
])
def test_db_is_accepted_after_the_command(tw_run, tw_shared_db, args):
    res = tw_run(*[a.format(db=tw_shared_db) for a in args])
    assert res.exit_code == 0, res.stderr


def test_db_after_the_command_wins_over_the_environment(tw_run, tw_shared_db, tmp_path):
    res = tw_run("events", "--json", "--db", tw_shared_db, env={"TALKWATCH_DB": str(tmp_path / "none.db")})
    assert res.exit_code == 0 and json.loads(res.stdout)
    res = tw_run("events", "--json", env={"TALKWATCH_DB": str(tw_shared_db)})
    assert res.exit_code == 0 and json.loads(res.stdout)


@pytest.mark.parametrize("args", [
    ["events", "--json", "--csv"], ["events", "--jsonl", "--json"], ["dyads", "--csv", "--jsonl"],
    ["search", "talks", "--json", "--csv"],
])
def test_two_output_formats_are_a_usage_error(tw_run, tw_shared_db, args):
    res = tw_run("--db", tw_shared_db, *args)
    assert res.exit_code == 2 and res.stdout == ""
    assert "choose one output format" in res.stderr


def test_the_same_format_twice_is_fine(tw_run, tw_shared_db):
    res = tw_run("--db", tw_shared_db, "events", "--json", "--json")
    assert res.exit_code == 0 and isinstance(json.loads(res.stdout), list)


def test_unknown_type_and_status_list_the_choices(tw_run, tw_shared_db):
    line = usage_error(tw_run("--db", tw_shared_db, "events", "--type", "BOGUS"))
    assert "BOGUS" in line and "TALKS" in line and "CEASEFIRE" in line
    line = usage_error(tw_run("--db", tw_shared_db, "events", "--type", "talk"))
    assert "did you mean TALKS?" in line
    line = usage_error(tw_run("--db", tw_shared_db, "events", "--status", "bogus"))
    assert "scheduled" in line and "deferred" in line
    line = usage_error(tw_run("--db", tw_shared_db, "events", "--status", "defered"))
    assert "did you mean deferred?" in line
    # the canonical case is not needed
    res = tw_run("--db", tw_shared_db, "events", "--type", "talks", "--status", "HELD", "--json")
    assert res.exit_code == 0


def test_unknown_dyads_are_usage_errors_with_the_nearest(tw_run, tw_db):
    tw_seed_event(tw_db, TW_UIDS["istanbul"], refresh=True)
    line = usage_error(tw_run("--db", tw_db, "dyad", "ZZZ", "YYY"))
    assert "ZZZ" in line and "YYY" in line and "['" not in line
    line = usage_error(tw_run("--db", tw_db, "dyad", "AFG", "PAQ"))
    assert "did you mean AFG-PAK" in line
    line = usage_error(tw_run("--db", tw_db, "events", "--dyad", "AFG-PAQ"))
    assert "AFG-PAK" in line
    # two real countries with no events between them: an empty answer, not an error
    res = tw_run("--db", tw_db, "dyad", "france", "germany")
    assert res.exit_code == 0 and "no events for DEU-FRA" in res.stderr


def test_unknown_articles_and_clusters_are_usage_errors(tw_run, tw_shared_db):
    line = usage_error(tw_run("--db", tw_shared_db, "events", "--article", "istanbul-rnd"))
    assert "istanbul-rnd" in line
    line = usage_error(tw_run("--db", tw_shared_db, "show", "nothing/here.txt"))
    assert "nothing/here.txt" in line
    line = usage_error(tw_run("--db", tw_shared_db, "events", "--cluster", "99999"))
    assert "99999" in line


@pytest.mark.parametrize("columns", [None, "100"])
def test_tables_fit_80_columns_when_piped_sentence_cut_first(tw_run, tw_db, columns):
    eid = tw_seed_event(tw_db, TW_UIDS["istanbul"], refresh=True)
    env = {"COLUMNS": columns} if columns else {"COLUMNS": None}
    width = int(columns or 80)
    for args in (["events"], ["dyads"], ["dyad", "AFG", "PAK"], ["corrections"]):
        res = tw_run("--db", tw_db, *args, env=env)
        assert res.exit_code == 0, res.stderr
        for line in res.stdout.splitlines():
            assert len(line) <= width, (args, line)
    res = tw_run("--db", tw_db, "events", env=env)
    row = next(line for line in res.stdout.splitlines() if line.startswith(eid))
    assert "AFG-PAK" in row and "2025-10-29" in row and row.endswith("…")   # id, date whole; sentence cut


def test_messages_are_worded_for_people(tw_run, tw_db):
    eid = tw_seed_event(tw_db, TW_UIDS["istanbul"])
    res = tw_run("--db", tw_db, "correct", eid, "--mediators", "QAT,TUR", "--status", "deferred")
    assert res.exit_code == 0
    assert "mediators QAT, TUR" in res.stderr and "['" not in res.stderr and "status deferred" in res.stderr
    res = tw_run("--db", tw_db, "corrections")
    assert "['" not in res.stdout


def test_no_database_points_to_the_demo(tw_run, tmp_path):
    env = {"XDG_DATA_HOME": str(tmp_path / "data"), "TALKWATCH_DB": None}
    res = tw_run("search", "talks", env=env)
    assert res.exit_code == 1
    line = res.stderr.strip()
    assert "talkwatch index" in line and "talkwatch demo" in line
    assert str(tmp_path / "data" / "talkwatch" / "demo.db") in line
    # once the demo's database exists, the hint says how to use it
    demo = tmp_path / "data" / "talkwatch" / "demo.db"
    demo.parent.mkdir(parents=True)
    demo.write_bytes(b"")
    res = tw_run("events", env=env)
    assert f"--db {demo}" in res.stderr
    # bare `talkwatch` without a terminal prints the help, and says where the demo is
    res = tw_run(env=env)
    assert res.exit_code == 0 and "Usage:" in res.stdout and "demo" in res.stdout


def test_shell_completion(tmp_path):
    env = dict(os.environ, _TALKWATCH_COMPLETE="bash_source")
    exe = [sys.executable, "-m", "talkwatch"]
    out = subprocess.run(exe, env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and "complete" in out.stdout and "_TALKWATCH_COMPLETE" in out.stdout
    env = dict(os.environ, _TALKWATCH_COMPLETE="bash_complete", COMP_WORDS="talkwatch events --type TA",
               COMP_CWORD="3")
    out = subprocess.run(exe, env=env, capture_output=True, text=True, timeout=60)
    assert "TALKS" in out.stdout
    env.update(COMP_WORDS="talkwatch events --status def", COMP_CWORD="3")
    out = subprocess.run(exe, env=env, capture_output=True, text=True, timeout=60)
    assert "deferred" in out.stdout
