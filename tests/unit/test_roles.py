"""Who does what to whom: hosts and brokers are no parties, attacks keep their attacker, the
article's pair stands behind "the two sides", one event per real event. Sentences written
for these tests."""
import pytest

from talkwatch.extract import extract


def evs(body, published="2025-05-05", title=None):
    return extract(body, published, title).events


def one(body, **want):
    found = [e for e in evs(body) if all(getattr(e, k) == v for k, v in want.items())]
    assert len(found) == 1, [(e.type, e.dyad, e.actors, e.recipients, e.mediators) for e in evs(body)]
    return found[0]


@pytest.mark.parametrize("body, dyad, mediator", [
    ("Qatar offered to host talks between Pakistan and Afghanistan.", "AFG-PAK", "QAT"),
    ("The ceasefire between Thailand and Cambodia was brokered by Malaysia.", "KHM-THA", "MYS"),
    ("Kenya and Somalia signed a Qatari-mediated agreement on Monday.", "KEN-SOM", "QAT"),
    ("Ethiopia and Eritrea resumed talks, with Saudi Arabia mediating.", "ERI-ETH", "SAU"),
    ("The talks between Serbia and Kosovo were facilitated by the European Union.", "SRB-XKX", "EU"),
    ("Norway urged India and Pakistan to resume talks.", "IND-PAK", "NOR"),
    ("Malaysia negotiated a ceasefire between Thailand and Cambodia.", "KHM-THA", "MYS"),
])
def test_a_host_or_broker_is_a_mediator_never_a_party(body, dyad, mediator):
    found = [e for e in evs(body) if e.dyad]
    assert found and all(e.dyad == dyad for e in found)
    assert any(mediator in e.mediators for e in found)
    assert all(mediator not in e.actors + e.recipients for e in found)


@pytest.mark.parametrize("body", [
    "Afghan border posts were shelled by Pakistan on Sunday.",
    "Pakistan's strike on Afghanistan killed ten people.",
    "Strikes on Afghanistan by Pakistan continued overnight.",
    "Pakistani jets bombed targets in Afghanistan.",
])
def test_an_attack_keeps_its_attacker_as_actor(body):
    e = one(body, type="ATTACK")
    assert (e.actors, e.recipients, e.dyad) == (["PAK"], ["AFG"], "AFG-PAK")


def test_the_two_sides_are_the_articles_pair():
    body = ("Armenia and Azerbaijan held a new round of border talks in Brussels on Monday.\n\n"
            "The two sides agreed to set up a joint commission on the border.")
    agreements = [e for e in evs(body, "2025-03-05") if e.type == "AGREEMENT"]
    assert agreements and agreements[0].dyad == "ARM-AZE"


def test_the_title_and_lead_choose_the_pair_that_both_sides_stand_for():
    body = ("Iran's foreign minister met the American envoy in Muscat on Sunday, a day after "
            "Israeli strikes on Iranian sites.\n\n"
            "Oman has hosted five earlier rounds between the two sides.")
    ex = extract(body, "2025-06-15", title="Iran and the United States meet in Muscat")
    meds = [e for e in ex.events if e.type in ("MEDIATION", "TALKS") and "OMN" in e.mediators]
    assert meds and all(e.dyad == "IRN-USA" for e in meds)


def test_one_event_told_in_several_sentences_is_one_event_with_mentions():
    body = ("India and New Zealand reached a free trade agreement on Monday. "
            "The agreement removes duties on most goods. "
            "Officials said the deal would be signed next year.")
    agreements = [e for e in evs(body, "2025-12-23") if e.type == "AGREEMENT" and e.status == "held"]
    assert len(agreements) == 1
    assert agreements[0].date == "2025-12-22"
    assert [m["sentence"].split()[1] for m in agreements[0].mentions] == ["agreement"]


def test_events_that_say_they_are_others_stay_apart():
    body = ("Japan and the Philippines signed a defence pact on Tuesday. "
            "Separately, Japan and the Philippines signed another agreement on fisheries.")
    assert len([e for e in evs(body) if e.type == "AGREEMENT"]) == 2


def test_a_demand_and_the_counter_demand_are_two_events():
    body = ("Iran demanded an apology from the United States. "
            "The United States demanded that Iran release the sailors.")
    demands = [e for e in evs(body) if e.type == "DEMAND"]
    assert {tuple(e.actors) for e in demands} == {("IRN",), ("USA",)}


@pytest.mark.parametrize("body", [
    "The Indian foreign ministry noted that Pakistan had not replied.",
    "Pakistan's foreign office said India had not replied to the letter.",
    "India added that Pakistan had been informed.",
])
def test_noting_saying_or_adding_is_no_demand(body):
    assert not [e for e in evs(body) if e.type == "DEMAND"]


@pytest.mark.parametrize("body", [
    "Pakistan urged India to hand over the suspects.",
    "India asked Pakistan to act against the militants.",
    "Pakistan called on India to release the fishermen.",
    "India demanded that Pakistan close the camps.",
])
def test_a_demand_needs_a_demand_verb(body):
    e = one(body, type="DEMAND")
    assert e.dyad == "IND-PAK"


def test_an_event_with_one_party_is_kept_but_in_no_dyad():
    e = one("Sudanese soldiers stormed a market on Friday.", type="ATTACK")
    assert e.dyad is None and e.actors == ["SDN"]


def test_a_deed_of_a_country_upon_itself_has_no_dyad():
    for e in evs("Pakistani police arrested dozens of protesters in Lahore."):
        assert e.dyad is None


def test_regional_shorthand_counts_only_in_its_context():
    koreas = evs("North Korea fired a missile on Monday. It flew over the sea for ten minutes. "
                 "The South condemned the launch.")
    assert any(e.type == "ACCUSATION" and e.dyad == "KOR-PRK" for e in koreas)
    sudan = evs("Sudan said on Monday that the South condemned the violence.")
    assert not any(e.dyad == "KOR-PRK" for e in sudan)


def test_a_party_named_twice_in_one_deed_stands_beside_the_articles_pair():
    # "dismissed concerns about Chile's plans": Chile twice, so the counterpart is Peru
    body = ("Peru and Chile have argued for months over fishing rights off their coast.\n\n"
            "Peru lodged a formal protest with Chile on Monday over the seizure of two trawlers.\n\n"
            "A Chilean envoy in Lima dismissed concerns about Chile's plans for the disputed waters.")
    rej = [e for e in evs(body, "2025-03-05") if e.type == "REJECTION"]
    assert rej and rej[0].dyad == "CHL-PER", [(e.type, e.actors, e.recipients) for e in evs(body, "2025-03-05")]


def test_in_an_article_a_deed_by_nobody_named_to_one_party_is_background():
    body = ("Ghana and Togo opened a new border post at Aflao on Monday.\n\n"
            "Trade officials from both countries attended the ceremony.\n\n"
            "Separately, two Nigerian fishermen were killed in a storm off the coast.")
    got = [(e.type, e.dyad) for e in evs(body, "2025-03-05")]
    assert ("ATTACK", None) not in got, got
    # a lone sentence (a headline, a snippet) keeps what it tells
    assert [e.type for e in evs("Two Nigerian fishermen were killed by gunmen.")] == ["ATTACK"]


def test_parties_joined_through_their_institutions_act_together():
    text = "The Colombian government and the ELN rebels signed a ceasefire in Caracas on Monday."
    e = one(text, type="CEASEFIRE")
    assert e.dyad == "COL-ELN" and set(e.actors) == {"COL", "ELN"}, (e.actors, e.recipients, e.dyad)


@pytest.mark.parametrize("second", [
    "Norway urged both sides to stop the shelling.",
    "The Malaysian foreign minister said he would call each side to ask for restraint.",
])
def test_a_third_party_working_on_both_sides_mediates_for_the_pair(second):
    body = "Thailand and Cambodia traded fire along their border on Monday.\n\n" + second
    third = [e for e in evs(body, "2025-12-10") if e.start > body.index("\n\n")]
    assert third and all(e.dyad == "KHM-THA" and e.type == "MEDIATION" for e in third), \
        [(e.type, e.dyad, e.actors, e.recipients, e.mediators) for e in third]
    assert set(third[0].mediators) & {"NOR", "MYS"}
