"""The event engine on short news sentences written for these tests.

Each test states a behaviour a reader of the news would expect: the event type, its
parties, status, date, place, mediators and attribution, and what must NOT come out.
"""
from __future__ import annotations

import pytest

from talkwatch.extract import Extraction, extract


def events(text, published=None, title=None):
    return extract(text, published=published, title=title).events


def one(text, type_=None, **kw):
    evs = events(text, **kw)
    if type_:
        evs = [e for e in evs if e.type == type_]
    assert len(evs) == 1, [(e.type, e.actors, e.recipients, e.rule) for e in events(text, **kw)]
    return evs[0]


def parties(e):
    return set(e.actors) | set(e.recipients)


# ----------------------------------------------------------------- the API


def test_extraction_shape_and_provenance():
    body = "Intro line.\nNegotiators from India and Pakistan held talks in Geneva on 3 May 2024."
    ex = extract(body, published="2024-05-04")
    assert isinstance(ex, Extraction)
    assert ex.published == "2024-05-04" and ex.published_source == "metadata"
    e = one(body, published="2024-05-04")
    assert (e.type, e.status, e.dyad) == ("TALKS", "held", "IND-PAK")
    assert body[e.start:e.end] == e.sentence and e.sentence.startswith("Negotiators")
    assert body[e.trigger_start:e.trigger_end] == e.trigger == "held talks"
    assert e.rule.startswith("TALKS/held:")
    assert (e.plover, e.cameo, e.goldstein) == ("CONSULT", "046", 7.0)
    assert e.location == "Geneva"
    assert (e.date, e.date_precision, e.date_text) == ("2024-05-03", "day", "3 May 2024")
    assert e.date_how


def test_empty_and_eventless_input():
    assert extract("").events == []
    assert extract("   \n ").events == []
    assert extract("The weather in Lahore was pleasant and markets were busy.").events == []


# ----------------------------------------------------------------- types and parties


@pytest.mark.parametrize(
    "text, type_, plover, want",
    [
        ("Jordan and Britain agreed to expand trade links this year.", "AGREEMENT", "AGREE", {"JOR", "GBR"}),
        ("Poland demanded that Moscow return the archives.", "DEMAND", "REQUEST", {"POL", "RUS"}),
        ("Germany urged Serbia to release the detained journalists.", "DEMAND", "REQUEST", {"DEU", "SRB"}),
        ("Zimbabwe accused the United States of meddling in its elections.", "ACCUSATION", "ACCUSE", {"ZWE", "USA"}),
        ("Ghana condemned Togo for the border incident.", "ACCUSATION", "ACCUSE", {"GHA", "TGO"}),
        ("Yemen rejected a US request to hand over the suspects.", "REJECTION", "REJECT", {"YEM", "USA"}),
        ("Iran threatened to cut gas supplies to Armenia.", "THREAT", "THREATEN", {"IRN", "ARM"}),
        ("Israeli troops arrested dozens of Palestinians in a dawn raid.", "COERCION", "COERCE", {"ISR", "PSE"}),
        ("Switzerland expelled two Russian diplomats for spying.", "SANCTION", "SANCTION", {"CHE", "RUS"}),
        ("Indian troops shelled Pakistani posts along the frontier.", "ATTACK", "ASSAULT", {"IND", "PAK"}),
        ("Argentina apologised to Brazil for the naval incident.", "SUPPORT", "SUPPORT", {"ARG", "BRA"}),
        ("Britain mobilised army reservists for a possible war against Iraq.", "MOBILIZATION", "MOBILIZE", {"GBR", "IRQ"}),
        ("The United States withdrew its troops from Panama on Wednesday.", "RETREAT", "RETREAT", {"USA", "PAN"}),
        ("Japan donated medical supplies to Nepal after the quake.", "AID", "AID", {"JPN", "NPL"}),
        ("Israeli intelligence shared evidence with the US about the plot.", "COOPERATION", "COOPERATE", {"ISR", "USA"}),
        ("Thousands of Kenyans protested in Nairobi against new taxes.", "PROTEST", "PROTEST", {"KEN"}),
    ],
)
def test_common_news_verbs(text, type_, plover, want):
    e = one(text, type_)
    assert e.plover == plover
    assert parties(e) == want


def test_actor_before_recipient_after():
    e = one("Pakistan accused Afghanistan of sheltering militants.")
    assert (e.type, e.actors, e.recipients, e.dyad) == ("ACCUSATION", ["PAK"], ["AFG"], "AFG-PAK")


def test_passive_swaps_actor_and_recipient():
    e = one("A refugee camp was attacked by Burundian militiamen, the UN said.", "ATTACK")
    assert e.actors == ["BDI"]


def test_capitals_stand_for_their_country():
    e = one("Islamabad rejected the proposal from Kabul for a joint commission.")
    assert (e.type, e.actors, e.recipients) == ("REJECTION", ["PAK"], ["AFG"])


def test_group_keeps_its_own_code():
    e = one("Pakistani forces attacked TTP hideouts near the border.", "ATTACK")
    assert e.dyad == "PAK-TTP"


def test_signing_maps_to_plover_support():
    e = one("Libya and Bulgaria signed a treaty of friendship on Monday.")
    assert (e.type, e.plover, e.cameo) == ("AGREEMENT", "SUPPORT", "057")


# ----------------------------------------------------------------- one event per deed


def test_one_event_per_deed_not_per_keyword():
    # "ceasefire" and "agreed" name one deed; "fighting" is only the background
    evs = events("Bosnia and Slovenia agreed to a ceasefire after two days of fighting.")
    assert [e.type for e in evs] == ["CEASEFIRE"]
    assert evs[0].dyad == "BIH-SVN"


def test_refusal_takes_over_the_deed_it_refuses():
    evs = events("Tehran refused to meet the French envoy in Paris.")
    assert [e.type for e in evs] == ["REJECTION"]


def test_relative_clause_deed_is_not_a_second_event():
    evs = events("Serbia lifted the curfew in Montenegro, where dozens were killed in riots last year.")
    assert "ATTACK" not in [e.type for e in evs] and "PROTEST" not in [e.type for e in evs]


def test_bare_keyword_without_parties_gives_nothing():
    assert events("Talks are a waste of time, the commentator wrote.") == []
    assert events("The attacks continued for a week.") == []


def test_at_most_a_few_events_per_sentence():
    s = ("Pakistan attacked Afghanistan, India threatened China, Iran accused Iraq, "
         "Egypt condemned Libya, Ghana expelled Togo's envoy and Peru sanctioned Chile.")
    evs = events(s)
    assert 1 <= len(evs) <= 3


def test_dedupe_same_type_and_dyad():
    evs = events("India and Pakistan held talks and met again in the evening.")
    assert len([e for e in evs if e.type == "TALKS"]) == 1


# ----------------------------------------------------------------- negation, modality


def test_will_not_accept_is_a_rejection_stated_now():
    e = one("Islamabad told Washington it would not accept fresh demands to do more.")
    assert (e.type, e.status, e.actors, e.recipients) == ("REJECTION", "held", ["PAK"], ["USA"])


def test_did_not_confirm_is_no_confirmation():
    evs = events("The spokesman for Pakistan did not confirm talks with India next month.")
    assert not [e for e in evs if e.type == "TALKS" and e.status in ("held", "scheduled")]


def test_conditional_is_not_a_held_event():
    evs = events("If a deal between Kabul and Islamabad is reached, monitors could be deployed.")
    assert not [e for e in evs if e.status == "held"]


def test_negated_hostile_deed_is_dropped():
    assert not [e for e in events("India will not attack Pakistan, the minister said.") if e.type == "ATTACK"]


def test_future_cooperative_deed_is_an_intent():
    e = one("Finland will give Tanzania a grant of ten million dollars.")
    assert (e.type, e.plover) == ("AGREEMENT", "AGREE")
    assert parties(e) == {"FIN", "TZA"}


def test_future_hostile_deed_is_a_threat():
    e = one("France said it would impose import restrictions on German goods.")
    assert e.type == "THREAT" and "FRA" in e.actors


def test_x_said_y_must_is_a_demand_from_x_to_y():
    e = one("Russia said on Tuesday that Sudan must return the helicopter.")
    assert (e.type, e.actors, e.recipients) == ("DEMAND", ["RUS"], ["SDN"])


# ----------------------------------------------------------------- status


@pytest.mark.parametrize(
    "text, status",
    [
        ("Negotiators from India and Pakistan held talks on Monday.", "held"),
        ("India and Pakistan are likely to hold talks next month.", "expected"),
        ("Talks between India and Pakistan are scheduled for 14 March.", "scheduled"),
        ("Talks between India and Pakistan will resume on 14 March.", "scheduled"),
        ("Talks between India and Pakistan were postponed on Friday.", "deferred"),
        ("Talks between India and Pakistan were called off after the attack.", "cancelled"),
        ("Talks between India and Pakistan collapsed on Friday.", "failed"),
        ("India and Pakistan resumed talks after a two-year pause.", "resumed"),
        ("Talks between India and Pakistan are under way in Geneva.", "ongoing"),
        ("India proposed talks with Pakistan on water sharing.", "proposed"),
        ("Seoul denied that talks with Pyongyang had taken place.", "denied"),
    ],
)
def test_status_from_tense_and_cues(text, status):
    e = one(text, "TALKS")
    assert e.status == status
    assert e.dyad in ("IND-PAK", "KOR-PRK")


def test_talks_set_for_a_date_then_postponed():
    e = one("The round of dialogue between Kabul and Islamabad, set for 12 March, was postponed by both sides.")
    assert (e.type, e.status, e.dyad, e.date) == ("TALKS", "deferred", "AFG-PAK", "--03-12")


# ----------------------------------------------------------------- mediators, place, attribution


def test_mediators_from_mediating_sentence():
    e = one("Egypt and Jordan are mediating the negotiations between Israel and Hamas.")
    assert e.type == "MEDIATION" and e.status == "ongoing"
    assert set(e.mediators) == {"EGY", "JOR"} and e.dyad == "HAM-ISR"
    assert e.plover_mode == "third-party"


def test_mediators_from_brokered_by():
    e = one("Israel and Hamas agreed to a ceasefire brokered by Qatar.")
    assert (e.type, e.dyad, e.mediators) == ("CEASEFIRE", "HAM-ISR", ["QAT"])
    # agreeing to a truce expresses an intent (PLOVER AGREE); declaring one is a RETREAT
    assert e.plover == "AGREE" and e.plover_mode == "intent"
    e = one("Israel declared a ceasefire in Gaza on Sunday.")
    assert e.type == "CEASEFIRE" and e.plover == "RETREAT" and e.plover_mode == "ceasefire"


def test_urging_both_sides_to_talk_is_mediation():
    e = one("China urged India and Pakistan to resume dialogue.")
    assert (e.type, e.dyad, e.mediators) == ("MEDIATION", "IND-PAK", ["CHN"])


def test_venue_is_a_location_not_a_party():
    e = one("Russian and Ukrainian negotiators held talks in Istanbul on Tuesday.")
    assert e.location == "Istanbul" and e.dyad == "RUS-UKR"
    e = one("Iranian and Saudi officials met in Baghdad on Sunday.")
    assert e.location == "Baghdad" and parties(e) == {"IRN", "SAU"}


def test_visit_destination_is_the_recipient():
    e = one("A delegation from Pakistan arrived in Kabul on Monday for security talks.")
    assert (e.type, e.actors, e.recipients, e.location) == ("VISIT", ["PAK"], ["AFG"], "Kabul")
    assert e.plover == "CONSULT" and e.plover_mode == "visit"


def test_delegation_led_by_and_is_in_capital():
    e = one("A delegation led by the Pakistani interior minister is in Kabul today to meet Afghan officials.")
    assert (e.type, e.actors, e.recipients) == ("VISIT", ["PAK"], ["AFG"])


def test_trailing_attribution_is_recorded_and_not_a_party():
    e = one("Egypt and Sudan signed a water accord on Sunday, Reuters reported.")
    assert e.attribution == "Reuters"
    e = one("Norway and Sweden agreed to share radar data, the Danish foreign ministry said.")
    assert e.attribution == "the Danish foreign ministry"
    assert "DNK" not in parties(e)


def test_according_to_attribution():
    e = one("According to diplomatic sources, Qatar and Turkey will host talks between Kabul and Islamabad.")
    assert e.attribution == "diplomatic sources"


# ----------------------------------------------------------------- dates


def test_event_date_from_relative_words_and_metadata():
    e = one("Afghan and Pakistani officials will meet in Doha tomorrow.", published="2025-11-05")
    assert (e.type, e.status, e.date, e.date_source) == ("TALKS", "scheduled", "2025-11-06", "relative")


def test_no_date_is_invented():
    # without a publication date nothing dates a deed
    e = one("Afghan and Pakistani officials held talks in Doha.")
    assert e.date is None and e.date_text is None
    # talks announced without a date stay undated: the report day is not theirs
    e = one("Afghan and Pakistani officials will hold talks in Doha.", published="2025-11-05")
    assert e.status in ("expected", "scheduled") and e.date is None


def test_unresolvable_relative_date_keeps_its_words_but_no_value():
    e = one("Officials of Pakistan and India will meet next month.")
    assert e.date is None and e.date_text == "next month" and e.date_how


def test_yearless_date_stays_reduced():
    e = one("Envoys of Armenia and Azerbaijan will meet on 14 March in Vienna.")
    assert e.date == "--03-14" and e.date_precision == "day"


# ----------------------------------------------------------------- several sentences


def test_both_sides_carries_the_previous_dyad():
    body = ("Officials of Armenia and Azerbaijan met in Tbilisi on Monday. "
            "Both sides agreed to meet again next week.")
    evs = events(body)
    assert len(evs) == 2
    assert all(e.dyad == "ARM-AZE" for e in evs)


def test_mediators_and_venue_shared_by_the_talks_of_an_article():
    body = ("A new round of talks between Pakistan and Afghanistan is set to take place in "
            "Istanbul on November 6. Qatar and Turkey are mediating the discussions.")
    talks = [e for e in events(body) if e.type == "TALKS"]
    assert len(talks) == 1
    t = talks[0]
    assert (t.status, t.dyad, t.location, t.date) == ("scheduled", "AFG-PAK", "Istanbul", "--11-06")
    assert set(t.mediators) == {"QAT", "TUR"}


def test_published_inferred_from_text():
    body = ("ISLAMABAD: The foreign minister said on Wednesday that talks between Pakistan and "
            "Afghanistan will resume on November 06, tomorrow, in Doha.")
    ex = extract(body)
    assert ex.published_source == "inferred" and ex.published.endswith("11-05")
    t = [e for e in ex.events if e.type == "TALKS"][0]
    assert t.date.endswith("11-06") and t.status == "scheduled"


def test_bad_published_metadata_is_not_a_date():
    ex = extract("India and Pakistan held talks.", published="not a date at all")
    assert ex.published is None and ex.published_source is None


# ----------------------------------------------------------------- news conventions


def test_dateline_city_is_not_a_party():
    e = one("DOHA: Israel and Hamas have agreed to a ceasefire in Gaza brokered by Qatar and Egypt.")
    assert e.type == "CEASEFIRE" and e.dyad == "HAM-ISR"
    assert set(e.mediators) == {"QAT", "EGY"} and e.location == "Gaza"
    assert "PSE" not in parties(e)


def test_participle_naming_the_broker_is_not_a_second_event():
    evs = events("Armenia and Azerbaijan signed a deal brokered by the United States.")
    assert "MEDIATION" not in [e.type for e in evs]
    assert evs[0].mediators == ["USA"]


def test_ended_without_agreement_is_failed_talks_not_an_agreement():
    evs = events("Talks between Pakistan and Afghanistan in Istanbul ended on Friday without agreement.")
    assert [(e.type, e.status) for e in evs] == [("TALKS", "failed")]


def test_capital_before_a_meeting_noun_is_a_venue():
    # "at the Doha talks" says where; agreeing to stop the fighting is a ceasefire
    e = one("Pakistan and Afghanistan agreed at the Doha talks to stop the fighting.")
    assert (e.type, e.status) == ("CEASEFIRE", "held")
    assert parties(e) == {"PAK", "AFG"}


def test_agreed_to_two_things_gives_two_events():
    body = "Pakistan and Afghanistan agreed to keep the ceasefire in place and to meet again in Istanbul on 6 November."
    evs = events(body)
    got = {(e.type, e.status) for e in evs}
    assert ("CEASEFIRE", "held") in got and ("TALKS", "scheduled") in got
    talks = [e for e in evs if e.type == "TALKS"][0]
    assert talks.date == "--11-06" and talks.location == "Istanbul"


def test_statement_without_date_is_dated_to_the_report():
    e = one("India accused Pakistan of backing the attackers.", published="2025-04-24")
    assert (e.date, e.date_source) == ("2025-04-24", "published")
    # so is a deed reported as done: approximately, the day of the report
    e = one("India and Pakistan held talks.", published="2025-04-24")
    assert (e.date, e.date_precision, e.date_source) == ("2025-04-24", "day", "published")


def test_deed_dated_by_its_announcement():
    e = one("Thailand and Cambodia agreed to a ceasefire, the Malaysian foreign ministry said on Monday.",
            published="2025-07-29")
    assert e.type == "CEASEFIRE" and e.date == "2025-07-28"
    assert "MYS" not in parties(e)


def test_the_part_after_a_colon_has_its_own_subject():
    e = one("The Foreign Office in Islamabad said Pakistan's position had not changed: Kabul must act against the militants.")
    assert (e.type, e.actors, e.recipients) == ("DEMAND", ["PAK"], ["AFG"])


def test_a_speech_word_inside_a_name_is_no_attribution():
    e = one("Israel and Hamas agreed to a truce in a deal brokered by Egypt and the United States.")
    assert e.attribution is None and set(e.mediators) == {"EGY", "USA"}


def test_appositive_does_not_lend_its_party_to_the_speaker():
    e = one("Anwar, who chairs ASEAN this year, said Thai and Cambodian commanders would meet on Tuesday.")
    assert e.type == "TALKS" and parties(e) == {"THA", "KHM"}


@pytest.mark.parametrize(
    "text",
    [
        "India's economy grew fast, the Indian finance ministry said.",   # "finance" names an office
        "The two leaders met in order to discuss trade, officials said.",  # "order" in "in order to"
        "When asked about Pakistan, the Indian minister smiled.",          # "asked" after "when"
        "The banned TTP outfit and its Pakistani chapter were named.",     # "banned": an adjective
    ],
)
def test_common_words_that_are_not_events(text):
    assert [e.type for e in events(text) if e.type in ("AID", "DEMAND", "COERCION")] == []


def test_moving_troops_is_a_mobilization():
    e = one("Pakistan moved troops to the border in order to deter India.")
    assert e.type == "MOBILIZATION" and "PAK" in e.actors


def test_talks_held_and_next_round_agreed_are_two_events():
    body = "Iran and the United States held their first talks in Oman on Saturday, and agreed to meet again next Saturday."
    evs = sorted(events(body, published="2025-04-12"), key=lambda e: e.status)
    assert [(e.type, e.status, e.date) for e in evs] == [
        ("TALKS", "held", "2025-04-12"), ("TALKS", "scheduled", "2025-04-19")]
    assert all(e.dyad == "IRN-USA" and e.location == "Oman" for e in evs)


def test_agreeing_to_stop_firing_is_a_ceasefire_not_a_threat():
    e = one("India and Pakistan agreed on Saturday to stop all firing and military action.")
    assert (e.type, e.status, e.dyad) == ("CEASEFIRE", "held", "IND-PAK")
    e = one("The two commanders of India and Pakistan agreed that neither side would fire a single shot.")
    assert e.type == "CEASEFIRE"


def test_be_met_with_is_not_a_meeting():
    evs = events("India warned that any new attack by Pakistan would be met with a response.")
    assert "TALKS" not in [e.type for e in evs]


def test_temporal_condition_is_not_a_deed():
    assert events("Iran and the United States will announce new dates once both sides agree.") == [] or all(
        e.status != "held" for e in events("Iran and the United States will announce new dates once both sides agree."))
    evs = events("New dates for talks between Iran and the US would be announced once both sides agreed.")
    assert not [e for e in evs if e.type == "AGREEMENT" and e.status == "held"]


def test_a_second_deed_of_another_type_in_one_sentence_is_its_own_event():
    # a participle clause that tells a further deed: an accusation besides the rejection
    text = "Chile rejected the Peruvian claim on Monday, accusing Lima of violating the maritime treaty."
    got = [(e.type, e.dyad) for e in events(text, "2025-03-05")]
    assert ("REJECTION", "CHL-PER") in got and ("ACCUSATION", "CHL-PER") in got, got


def test_what_a_party_must_or_wants_to_do_is_no_deed_of_its_own():
    text = "Chile said on Friday that Peru must release the detained fishermen."
    assert [e.type for e in events(text, "2025-03-07") if e.type == "RETREAT"] == []
