"""Whole articles (written for these tests, in the manner of South Asian news reports):
the key events a careful reader would list come out, with parties, status, place,
mediators and dates."""
from __future__ import annotations

from talkwatch.extract import extract

UPCOMING_ROUND = """\
ISLAMABAD: The interior minister on Wednesday confirmed that Pakistan's negotiators have \
flown to Istanbul for the next round of talks with the Afghan Taliban government.
The talks between Pakistan and Afghanistan will resume on November 06, tomorrow, after a \
truce reached on October 30 following weeks of border clashes.
Pakistan had announced an end to the dialogue on October 29, but its team stayed at the \
request of Turkey and Qatar.
Observers said the two neighbours need a lasting settlement.
"""

DEFERRED_ROUND = """\
Foreign secretary-level talks between India and Pakistan are likely to be held in February, \
officials in Islamabad have said.
The talks, scheduled for 15 January, were deferred by both countries after an attack on an \
air base.
India has blamed a banned militant group for the attack.
"""

REFUSAL = """\
ISLAMABAD - Pakistan has told the United States that it will not accept any fresh demands \
to do more.
Pakistan will not allow any foreign country to act on its soil, officials said.
"""

DELEGATION = """\
A senior delegation led by Pakistan's defence minister is in Kabul today to meet officials \
of the Afghan government on security matters, the foreign office announced on Wednesday.
"""

MEDIATED = """\
New round of Pakistan-Afghan talks in Istanbul tomorrow
The fourth round of talks between Pakistan and the Afghan Taliban government is set to take \
place in Istanbul tomorrow, November 6.
Qatar and Türkiye are mediating the discussions, diplomatic sources said.
If consensus is reached, liaison officers could be posted in both capitals.
The Pakistani team is not expected to back down from its demands.
"""


def by_type(ex, type_):
    return [e for e in ex.events if e.type == type_]


def test_upcoming_round_dated_by_inference_with_venue_and_mediators():
    ex = extract(UPCOMING_ROUND)
    assert ex.published_source == "inferred"
    assert ex.published.endswith("11-05")      # "November 06, tomorrow"
    talks = [e for e in by_type(ex, "TALKS") if e.status == "scheduled"]
    assert len(talks) == 1
    t = talks[0]
    assert t.dyad == "AFG-PAK"
    assert t.date.endswith("11-06") and t.date_precision == "day"
    assert t.location == "Istanbul"
    assert set(t.mediators) == {"QAT", "TUR"}
    truce = by_type(ex, "CEASEFIRE")
    assert len(truce) == 1
    assert (truce[0].status, truce[0].dyad) == ("held", "AFG-PAK")
    assert truce[0].date.endswith("10-30")


def test_deferred_round_and_the_next_expected_one():
    ex = extract(DEFERRED_ROUND)
    talks = by_type(ex, "TALKS")
    assert all(e.dyad == "IND-PAK" for e in talks)
    expected = [e for e in talks if e.status == "expected"]
    deferred = [e for e in talks if e.status == "deferred"]
    assert len(expected) == 1 and expected[0].date == "--02"
    assert len(deferred) == 1 and deferred[0].date == "--01-15"
    assert expected[0].attribution == "officials in Islamabad"


def test_refusal_of_demands_is_a_rejection_of_the_us():
    ex = extract(REFUSAL)
    rej = by_type(ex, "REJECTION")
    assert rej and rej[0].dyad == "PAK-USA" and rej[0].status == "held"
    assert rej[0].actors == ["PAK"] and rej[0].recipients == ["USA"]
    assert rej[0].plover == "REJECT"


def test_delegation_in_a_capital_is_a_visit():
    ex = extract(DELEGATION)
    visits = by_type(ex, "VISIT")
    assert len(visits) == 1
    v = visits[0]
    assert (v.actors, v.recipients, v.location) == (["PAK"], ["AFG"], "Kabul")
    assert v.attribution == "the foreign office"


def test_headline_and_body_mediated_round():
    ex = extract(MEDIATED, title="New round of Pakistan-Afghan talks in Istanbul tomorrow")
    assert ex.published.endswith("11-05")
    scheduled = [e for e in by_type(ex, "TALKS") if e.status == "scheduled"]
    assert scheduled and all(e.date.endswith("11-06") for e in scheduled)
    assert all(set(e.mediators) == {"QAT", "TUR"} and e.location == "Istanbul" for e in scheduled)
    med = by_type(ex, "MEDIATION")
    assert len(med) == 1 and med[0].status == "ongoing" and med[0].dyad == "AFG-PAK"
    # the conditional and the negated deed are not events that happened
    assert not [e for e in ex.events if "consensus" in e.sentence and e.status == "held"]
    assert not [e for e in ex.events if "back down" in e.sentence and e.type == "CONCESSION"]
