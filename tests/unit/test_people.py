"""People stand for their party: office holders by name and year, surnames after a first
full mention, and people an article introduces by title. Sentences written for these tests."""
import pytest

from talkwatch.extract import extract
from talkwatch.extract.parties import find_parties
from talkwatch.extract.people import load_people, parse_people


def codes(text, year=None):
    return [(m.text, m.code) for m in find_parties(text, year)]


def test_the_people_file_loads_and_covers_many_states():
    people = load_people()
    assert len(people) > 2000
    assert len({p.code for p in people}) >= 80
    offices = {p.office for p in people}
    assert {"head-of-state", "head-of-government", "foreign-minister", "defence-minister"} <= offices


@pytest.mark.parametrize("line, message", [
    ("PAK\t2022\t\thead-of-government\tShehbaz Sharif", "people.tsv:3: expected 6 TAB-separated fields"),
    ("PAK\t2022\t2019\thead-of-government\tShehbaz Sharif\tShehbaz", "people.tsv:3: TO 2019 is before FROM 2022"),
    ("PAK\ttwenty\t\thead-of-government\tShehbaz Sharif\tShehbaz", "people.tsv:3: years must be four digits"),
    ("PAK\t2022\t\tsultan\tShehbaz Sharif\tShehbaz", "people.tsv:3: unknown office 'sultan'"),
    ("pak\t2022\t\thead-of-government\tShehbaz Sharif\tShehbaz", "people.tsv:3: bad party code"),
    ("PAK\t2022\t\thead-of-government\t \tShehbaz", "people.tsv:3: no name"),
])
def test_a_malformed_line_is_reported_with_file_and_line(line, message):
    text = "# header\n\n" + line + "\n"
    with pytest.raises(ValueError) as err:
        parse_people(text, "people.tsv")
    assert message in str(err.value)


def test_a_line_an_analyst_adds_is_read():
    people = parse_people("XKX\t2021\t\thead-of-government\tAlbin Kurti\t+Kurti\n", "people.tsv")
    assert people[0].names == ("Albin Kurti",) and people[0].loose == ("Kurti",)


def test_a_full_name_names_its_state_for_the_year():
    assert ("John Kerry", "USA") in codes("John Kerry arrived in Hanoi.", 2016)


def test_a_surname_names_the_state_only_after_the_full_name():
    assert codes("Kerry arrived in Hanoi.", 2016) == [("Hanoi", "VNM")]
    found = codes("Secretary of State John Kerry landed in Hanoi. Later Kerry met Mr Lavrov.", 2016)
    assert found.count(("Kerry", "USA")) == 1 and ("Lavrov", "RUS") in found


def test_a_well_known_surname_stands_alone():
    assert ("Erdogan", "TUR") in codes("Erdogan said Ankara would respond.", 2020)


@pytest.mark.parametrize("text, name, code", [
    ("Thai Prime Minister Somchai Wattanakorn told reporters the border was calm. "
     "Somchai said the army would stay.", "Somchai", "THA"),
    ("Abdi Farah, Somalia's foreign minister, flew to Nairobi. Mr Farah said talks went well.", "Farah", "SOM"),
    ("Kenya's defence minister, General Juma Otieno, spoke first. Otieno later left.", "Otieno", "KEN"),
])
def test_a_name_introduced_by_a_title_is_learnt_for_the_article(text, name, code):
    assert (name, code) in codes(text, 2025)


def test_a_learnt_name_does_not_leak_into_another_article():
    codes("Thai Prime Minister Somchai Wattanakorn spoke.", 2025)
    assert not any(c == "THA" for _, c in codes("Somchai said the army would stay.", 2025))


def test_people_make_events_between_their_states():
    body = ("Bangladeshi Prime Minister Sheikh Hasina received a call from U.S. Secretary of State "
            "John Kerry on Monday. Kerry spoke to Hasina for half an hour and offered help with the inquiry.")
    evs = extract(body, "2016-07-04").events
    assert any(e.type == "TALKS" and e.dyad == "BGD-USA" for e in evs)


def test_a_title_reads_the_names_its_body_introduces():
    body = "U.S. Secretary of State John Kerry and Russian Foreign Minister Sergei Lavrov met in Geneva."
    ex = extract(body, "2016-02-21", title="Kerry and Lavrov agree on a truce plan for Syria")
    assert any(e.dyad == "RUS-USA" for e in ex.events)
