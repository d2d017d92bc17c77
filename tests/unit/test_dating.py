"""When an event happened: its own date, the scene's, the statement's, or the report's day.

Sentences are written for these tests; the mechanisms are those of docs/ONTOLOGY.md, "Dates".
"""
import pytest

from talkwatch.extract import extract


def events(body, published=None, title=None):
    return extract(body, published, title).events


def only(body, published=None, **want):
    evs = [e for e in events(body, published) if all(getattr(e, k) == v for k, v in want.items())]
    assert len(evs) == 1, [(e.type, e.status, e.dyad, e.date) for e in events(body, published)]
    return evs[0]


def test_a_deed_without_a_date_takes_the_day_of_the_report_as_approximate():
    e = only("Kenya and Somalia signed a maritime accord.", "2024-05-02", type="AGREEMENT")
    assert (e.date, e.date_precision, e.date_source) == ("2024-05-02", "day", "published")


def test_upcoming_talks_without_a_date_stay_undated():
    e = only("Kenya and Somalia will hold talks on the maritime border.", "2024-05-02", type="TALKS")
    assert e.status in ("expected", "scheduled") and e.date is None


def test_the_scene_dates_what_follows_it_in_the_paragraph():
    body = ("Foreign ministers of Chile and Peru met in Lima on Monday. The two ministers also "
            "signed a memorandum on border trade.")
    e = only(body, "2025-03-13", type="AGREEMENT")
    assert (e.date, e.date_source) == ("2025-03-10", "narrative")


def test_the_scene_of_the_same_pair_carries_into_the_next_paragraph():
    body = ("Foreign ministers of Chile and Peru met in Lima on Monday.\n\n"
            "The two ministers also signed a memorandum on border trade.")
    e = only(body, "2025-03-13", type="AGREEMENT")
    assert (e.date, e.date_source) == ("2025-03-10", "narrative")


def test_a_background_year_is_no_scene():
    body = ("Chile and Peru fought a border war in 1995. The two countries signed a trade memorandum.")
    e = only(body, "2025-03-13", type="AGREEMENT")
    assert e.date_source == "published"


@pytest.mark.parametrize("body, published, want", [
    # past clause: the latest January on or before the report
    ("An earlier truce between Armenia and Azerbaijan, agreed in January, collapsed.", "2025-10-20", "2025-01"),
    # future clause: the next January
    ("Armenia and Azerbaijan will hold talks in January.", "2025-10-20", "2026-01"),
    # a weekday in a past clause is the last one
    ("Thai and Cambodian officials met on Friday.", "2025-06-04", "2025-05-30"),
    # in a future clause, the next one
    ("Thai and Cambodian officials will meet on Friday.", "2025-06-04", "2025-06-06"),
])
def test_tense_decides_which_month_or_weekday(body, published, want):
    e = events(body, published)[0]
    assert e.date == want


def test_a_truce_agreed_then_collapsed_is_one_failed_truce_of_its_month():
    e = only("An earlier truce between Armenia and Azerbaijan, agreed in January, collapsed.", "2025-10-20")
    assert (e.type, e.status, e.dyad, e.date) == ("CEASEFIRE", "failed", "ARM-AZE", "2025-01")


@pytest.mark.parametrize("body", [
    "It was the first visit by a Greek prime minister to Turkey in three years.",
    "The Greek prime minister visited Turkey for the first time in a decade.",
])
def test_a_span_is_not_the_date_of_the_event(body):
    e = only(body, "2025-06-02", type="VISIT")
    assert e.status == "held" and e.date == "2025-06-02" and e.date_source == "published"


def test_a_deed_reported_as_done_is_never_after_its_article():
    e = only("Thai and Cambodian officials met on June 20.", "2025-06-04", type="TALKS")
    assert e.date == "2024-06-20"


def test_a_statement_is_dated_when_it_was_said_not_by_what_it_says():
    e = only("Egypt's foreign ministry said on Friday that Ethiopia must stop filling the dam before July.",
             "2025-06-02", type="DEMAND")
    assert (e.date, e.date_text) == ("2025-05-30", "on Friday")
    e = only("Egypt accused Ethiopia on Tuesday of violating the declaration it signed in 2015.",
             "2025-06-05", type="ACCUSATION")
    assert e.date == "2025-06-03"


def test_every_event_of_a_lead_shares_its_only_date():
    body = ("Iran released ten American sailors on Wednesday, a day after detaining them "
            "aboard two patrol boats in the Gulf.")
    evs = events(body, "2016-01-14")
    assert {e.type for e in evs} >= {"RETREAT"}
    assert all(e.date and e.date_source in ("relative", "narrative") for e in evs)


def test_without_a_publication_date_nothing_is_invented():
    assert all(e.date is None for e in events("Kenya and Somalia signed a maritime accord."))


def test_undated_deeds_of_a_report_take_the_day_its_lead_tells_of():
    body = ("DOHA: Afghan and Pakistani officials met in Doha on Saturday to discuss the border.\n\n"
            "Officials said the mood was tense.\n\n"
            "Pakistan accused Kabul of sheltering militants.")
    e = only(body, "2025-10-20", type="ACCUSATION")
    assert (e.date, e.date_source) == ("2025-10-18", "narrative")


def test_a_lead_far_from_the_report_is_not_its_day():
    body = ("Afghan and Pakistani officials met in Doha on October 1.\n\n"
            "Officials said the mood was tense.\n\n"
            "Pakistan accused Kabul of sheltering militants.")
    e = only(body, "2025-10-20", type="ACCUSATION")
    assert (e.date, e.date_source) == ("2025-10-20", "published")


def test_a_setback_is_dated_by_the_nearest_reading_of_its_planned_day():
    e = only("India and Pakistan talks, scheduled for 15 January, were deferred.", "2016-01-20", type="TALKS")
    assert (e.status, e.date) == ("deferred", "2016-01-15")
    e = only("India and Pakistan talks, set for January 25, were called off.", "2016-01-20", type="TALKS")
    assert (e.status, e.date) == ("cancelled", "2016-01-25")


def test_a_deed_told_as_done_never_takes_a_later_clause_date():
    # the weekday belongs to the meeting still to come, not to the truce already agreed
    body = ("Chile and Peru have agreed to extend their truce and to meet again in Lima next Thursday, "
            "the Chilean foreign ministry said.")
    evs = events(body, "2025-10-31")
    truce = [e for e in evs if e.type == "CEASEFIRE" and e.status == "held"]
    assert truce and all(e.date is None or e.date <= "2025-10-31" for e in truce), \
        [(e.type, e.status, e.date) for e in evs]
    talks = [e for e in evs if e.type == "TALKS"]
    assert any(e.date == "2025-11-06" for e in talks), [(e.type, e.status, e.date) for e in evs]


def test_an_undated_lead_takes_the_day_the_next_paragraph_tells():
    body = ("Kenya has suspended flights to Somalia over a dispute about airspace.\n\n"
            "In a statement on Wednesday, the Kenyan transport ministry accused Somalia of "
            "breaking an aviation accord.")
    evs = events(body, "2025-03-06")          # a Thursday
    lead = [e for e in evs if e.start == 0]
    assert lead and all((e.date, e.date_source) == ("2025-03-05", "narrative") for e in lead), \
        [(e.type, e.date, e.date_source, e.start) for e in evs]


def test_a_proposal_is_dated_by_the_day_it_was_made():
    e = only("Somalia's president said on Tuesday he was open to talks with Kenya.", "2025-03-06",
             type="TALKS")
    assert (e.status, e.date) == ("proposed", "2025-03-04")


def test_a_short_opening_phrase_takes_the_tense_of_the_main_clause():
    # "in June" with no verb of its own: "seemed" says it is the June before the report
    body = "In a phone call in June, the Kenyan president seemed to expect Somalia to sign the accord."
    evs = events(body, "2025-10-02")
    assert evs and all(e.date == "2025-06" for e in evs if e.date), [(e.type, e.date) for e in evs]
    body = "At the summit in June, the two ministers will sign a border accord, Kenya and Somalia said."
    assert any(e.date == "2026-06" for e in events(body, "2025-10-02"))


def test_days_before_counts_back_from_the_day_just_told():
    body = ("On August 10, Turkish naval ships escorted a survey vessel south of the island.\n\n"
            "Four days before, Greece had signed a maritime accord with Egypt.")
    e = only(body, "2020-09-05", type="AGREEMENT")
    assert e.date == "2020-08-06", (e.date, e.date_how)
