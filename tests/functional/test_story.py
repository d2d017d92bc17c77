"""A story over several weeks (sample_corpus/kgz-tjk, written for talkwatch): where the pair
stood after each report, as `dyads --as-of` tells it. The expectations were written with
the articles, before the rules were tuned to them (tests/data/kgz_tjk_story.json)."""
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STORY = json.loads((ROOT / "tests/data/kgz_tjk_story.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def story_db(tmp_path_factory):
    from tw_support import tw_index

    db = tmp_path_factory.mktemp("story") / "story.db"
    tw_index(db, ROOT / "sample_corpus" / "kgz-tjk")
    return db


@pytest.mark.parametrize("step", STORY, ids=[s["published"] for s in STORY])
def test_where_the_pair_stood_after_each_report(step, story_db, tw_run):
    res = tw_run("--db", story_db, "dyads", "--as-of", step["published"], "--json")
    assert res.exit_code == 0, res.output
    row = next(r for r in json.loads(res.stdout) if r["dyad"] == "KGZ-TJK")
    want = step["expected_after"]
    label = f"{step['published']} ({step['what_happened'][:60]}...)"
    assert row["talks_status"] == want["talks_status"], label
    assert row["ceasefire"] is want["ceasefire"], label
    assert row["last_event_date"] == want["last_event_date"], label
    if want["next"] is None:
        assert row["next"] is None, label
    else:
        got = row["next"] or {}
        assert (got.get("date"), got.get("location")) == (want["next"]["date"], want["next"]["location"]), label
        assert set(want["next"]["mediators"]) <= set(got.get("mediators") or []), label


def test_the_explanation_names_what_decided_each_part(story_db, tw_run):
    res = tw_run("--db", story_db, "dyad", "KGZ", "TJK", "--as-of", "2026-04-28", "--explain")
    assert res.exit_code == 0, res.output
    out = res.stdout
    assert "talks: failed" in out and "ceasefire: broken" in out
    assert "2026-04-15" in out and "2026-04-27" in out     # the collapse and the clash that decided
