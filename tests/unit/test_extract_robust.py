"""extract() on hostile input: never raises, bounded time; and the rule data is sound."""
from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from talkwatch.extract import Extraction, extract
from talkwatch.extract.events import type_info, type_table
from talkwatch.extract.rules import NOT_AN_EVENT, expand, inflect, load

NEWSY = st.sampled_from([
    "Pakistan", "India", "Kabul", "talks", "held", "will", "not", "agreed", "to", "ceasefire",
    "on", "November", "6", "tomorrow", ",", ".", "said", "the", "two", "sides", "mediated",
    "by", "Qatar", "if", "refused", "attacked", "“", "”", "(", ")", "-", "'s", "\n", "both",
    "countries", "Wednesday", "postponed", "TTP", "US", "demanded", "that", "must",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), st.one_of(st.none(), st.text(max_size=30)), st.one_of(st.none(), st.text(max_size=30)))
def test_arbitrary_text_never_raises(body, published, title):
    ex = extract(body, published=published, title=title)
    assert isinstance(ex, Extraction)
    for e in ex.events:
        assert 0 <= e.start <= e.end <= len(body)
        assert body[e.start:e.end] == e.sentence


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(NEWSY, max_size=80))
def test_newsy_word_salad_never_raises_and_stays_consistent(words):
    body = " ".join(words)
    ex = extract(body, published="2025-11-05")
    for e in ex.events:
        assert e.type in {t["type"] for t in type_table()}
        assert e.plover and e.cameo
        assert len(ex.events) <= 3 * max(1, body.count(".") + body.count("\n") + 1)
        if e.dyad:
            a, b = e.dyad.split("-")
            assert a < b
        if e.trigger_start is not None:
            assert body[e.trigger_start:e.trigger_end] == e.trigger


def test_non_string_input_is_tolerated():
    assert extract(None).events == []  # type: ignore[arg-type]
    assert extract(b"India and Pakistan held talks.").events is not None  # type: ignore[arg-type]


def test_five_megabyte_one_liner_is_bounded():
    unit = "Pakistan and Afghanistan held talks in Istanbul on Wednesday and agreed to a truce, officials said "
    big = (unit * (5_000_000 // len(unit) + 1))[:5_000_000]
    t = time.perf_counter()
    ex = extract(big)
    assert time.perf_counter() - t < 20.0     # ~1 s measured: the bound catches a quadratic pass, not noise
    assert ex.events  # the start of it is still read


def test_five_megabytes_of_triggers_without_punctuation():
    t = time.perf_counter()
    extract("talks attack " * 400_000)
    extract("(" * 5_000_000)
    assert time.perf_counter() - t < 20.0


def test_type_table_covers_every_type_with_plover_cameo_goldstein():
    types = {t["type"]: t for t in type_table()}
    assert set(types) == {
        "TALKS", "VISIT", "MEDIATION", "AGREEMENT", "CEASEFIRE", "RETREAT", "CONCESSION",
        "COOPERATION", "AID", "SUPPORT", "DEMAND", "ACCUSATION", "REJECTION", "THREAT",
        "PROTEST", "MOBILIZATION", "SANCTION", "COERCION", "ATTACK",
    }
    assert type_info("ATTACK")["plover"] == "ASSAULT" and type_info("ATTACK")["goldstein"] == -10.0
    assert type_info("CEASEFIRE")["plover_mode"] == "ceasefire"
    assert type_info("VISIT")["plover_mode"] == "visit"
    assert type_info("NOPE") is None
    for t in types.values():
        assert -10.0 <= t["goldstein"] <= 10.0 and t["cameo"]


def test_every_trigger_rule_names_a_known_type():
    rules = load()
    seen_types = {t.type for lst in rules.triggers.values() for _, t in lst} - {NOT_AN_EVENT}
    assert seen_types <= set(rules.types)
    assert seen_types == set(rules.types)  # every type can be found in text


def test_phrases_that_name_no_event_mask_their_trigger_words():
    from talkwatch.extract import extract
    evs = extract("Pakistan's army calls the shots on relations with India.", "2025-01-02").events
    assert not any(e.type == "DEMAND" for e in evs)
    evs = extract("Pakistan called on India to resume talks.", "2025-01-02").events
    assert any(e.type in ("DEMAND", "MEDIATION") for e in evs)


def test_phrase_syntax():
    assert inflect("agree") == ["agree", "agrees", "agreed", "agreeing"]
    assert "banned" in inflect("ban", double=True)
    assert "cancelled" in inflect("cancel") and "canceled" in inflect("cancel")
    assert ("calls", "on") in expand("call~ on|met")
    assert ("met",) in expand("call~ on|met")
    assert ("cease", "-", "fire") in expand("cease-fire")
