"""Analyst corrections: applied in every view, kept through re-indexing, kept when the article goes."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from talkwatch.cli import cli
from talkwatch.indexer.run import index_paths

ARTICLE = (
    "Title: Envoys to meet\nPublished: 2025-11-05\nSource: Ledger\n\n"
    "The next round of talks between Pakistan and Afghanistan will be held in Istanbul on November 6.\n"
    "Pakistan accused Afghanistan of sheltering militants on its soil.\n"
)


def run(db: Path, *args: str):
    res = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    return res


def setup(tmp_path: Path) -> tuple[Path, Path, list[dict]]:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "envoys.txt").write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "t.db"
    index_paths(db, [str(folder)], workers=1)
    evs = json.loads(run(db, "events", "--json").output)
    assert any(e["type"] == "TALKS" for e in evs)
    return folder, db, evs


def test_a_correction_shows_in_events_dyads_and_csv(tmp_path):
    _, db, evs = setup(tmp_path)
    talks = next(e for e in evs if e["type"] == "TALKS")
    assert run(db, "correct", talks["id"], "--status", "deferred").exit_code == 0
    after = {e["id"]: e for e in json.loads(run(db, "events", "--json").output)}
    assert after[talks["id"]]["status"] == "deferred"
    dyads = {d["dyad"]: d for d in json.loads(run(db, "dyads", "--json").output)}
    assert dyads["AFG-PAK"]["talks_status"] == "deferred"
    csv_out = run(db, "events", "--csv").output
    assert "deferred" in csv_out


def test_a_rejected_event_leaves_every_view(tmp_path):
    _, db, evs = setup(tmp_path)
    talks = next(e for e in evs if e["type"] == "TALKS")
    assert run(db, "correct", talks["id"], "--reject", "--note", "not news").exit_code == 0
    ids = [e["id"] for e in json.loads(run(db, "events", "--json").output)]
    assert talks["id"] not in ids
    dyads = {d["dyad"]: d for d in json.loads(run(db, "dyads", "--json").output)}
    assert dyads.get("AFG-PAK", {}).get("talks_status") is None
    listed = json.loads(run(db, "corrections", "--json").output)
    assert listed[0]["reject"] is True and listed[0]["note"] == "not news"


def test_a_correction_survives_a_changed_file_and_is_kept_when_the_article_goes(tmp_path):
    folder, db, evs = setup(tmp_path)
    talks = next(e for e in evs if e["type"] == "TALKS")
    assert run(db, "correct", talks["id"], "--date", "2025-11-07").exit_code == 0
    # the file changes elsewhere: the same sentence keeps its correction
    (folder / "envoys.txt").write_text(ARTICLE + "Traders hope the crossing reopens soon.\n", encoding="utf-8")
    index_paths(db, [str(folder)], workers=1)
    again = {e["id"]: e for e in json.loads(run(db, "events", "--json").output)}
    assert again[talks["id"]]["date"] == "2025-11-07"
    # the article is deleted: the correction stays on record, reported as such
    (folder / "envoys.txt").unlink()
    index_paths(db, [str(folder)], workers=1)
    listed = json.loads(run(db, "corrections", "--json").output)
    assert len(listed) == 1
    assert listed[0]["state"] == "article gone"
    assert listed[0]["event_id"] == talks["id"]



def test_an_impossible_date_is_refused_and_nothing_is_stored(tmp_path):
    _, db, evs = setup(tmp_path)
    talks = next(e for e in evs if e["type"] == "TALKS")
    for bad in ("2025-02-30", "2025-13-01", "2025-11-7x"):
        res = CliRunner().invoke(cli, ["--db", str(db), "correct", talks["id"], "--date", bad])
        assert res.exit_code == 2 and "Traceback" not in res.output, (bad, res.output)
    assert json.loads(run(db, "corrections", "--json").output) == []
    assert run(db, "correct", talks["id"], "--date", "2024-02-29").exit_code == 0   # a leap day is a day


def test_date_problem_reads_the_calendar():
    from talkwatch.library import date_problem
    for good in ("2025", "2025-02", "2025-02-28", "2024-02-29", "--02-29", "--11"):
        assert date_problem(good) is None, good
    for bad in ("2025-02-30", "2023-02-29", "2025-00", "2025-13", "2025-04-31", "--13", "0001-01-01",
                "31/12/2025", "", "soon"):
        assert date_problem(bad), bad
    assert date_problem("--02-29", reduced=False)      # --as-of and --since need a year
