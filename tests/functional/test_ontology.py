"""`talkwatch types` and docs/ONTOLOGY.md show the types and statuses the program uses."""
from __future__ import annotations

import json
import re

from talkwatch.ontology import event_types, statuses, status_names, type_names
from tw_support import ROOT


def test_types_come_from_the_data_file():
    names = type_names()
    assert names[0] == "TALKS" and names[-1] == "ATTACK" and len(names) == len(set(names)) >= 19
    talks = event_types()[0]
    assert (talks.plover, talks.cameo, talks.goldstein, talks.kind) == ("CONSULT", "046", 7.0, "meeting")
    assert {"proposed", "scheduled", "held", "deferred", "cancelled", "failed", "denied"} <= set(status_names())


def test_types_command_table_and_json(tw_run):
    res = tw_run("types")
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert lines[0].split()[:5] == ["TYPE", "PLOVER", "MODE", "CAMEO", "GOLDSTEIN"]
    for name in type_names() + status_names():
        assert any(line.split() and line.split()[0] == name for line in lines), name
    doc = json.loads(tw_run("types", "--json").stdout)
    assert [t["type"] for t in doc["types"]] == type_names()
    assert [s["status"] for s in doc["statuses"]] == status_names()
    assert set(doc["types"][0]) == {"type", "plover", "plover_mode", "cameo", "goldstein", "kind", "meaning"}


def test_an_unknown_type_points_to_the_types_command(tw_db, tw_run):
    eid = json.loads(tw_run("--db", tw_db, "events", "--json").stdout)[0]["id"]
    res = tw_run("--db", tw_db, "correct", eid, "--type", "PICNIC")
    assert res.exit_code == 2 and "talkwatch types" in res.stderr      # a usage error, with the choices
    assert "TALKS" in res.stderr


def test_the_ontology_page_matches_the_data():
    text = (ROOT / "docs" / "ONTOLOGY.md").read_text(encoding="utf-8")
    rows = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 6 and re.fullmatch(r"[A-Z]+", cells[0]):
            rows[cells[0]] = cells
    assert list(rows) == type_names()
    for t in event_types():
        _, _, plover, mode, cameo, goldstein = rows[t.name]
        assert (plover, mode, cameo, float(goldstein)) == (t.plover, t.plover_mode or "-", t.cameo, t.goldstein)
    for s in statuses():
        assert f"| {s.name} |" in text, s.name
