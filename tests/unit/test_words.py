"""The engine's word sets and statuses are data: their loaders say where a bad line is."""
import pytest

from talkwatch.extract import status
from talkwatch.extract.words import W, parse_words


def test_word_sets_load_and_hold_the_grammar_words():
    assert "would" in W.AUX and "not" in W.NEG_WORDS and "TALKS" in W.MEETING_LIKE


@pytest.mark.parametrize("text, where", [
    ("AUX\twould could\nBAD_LINE_NO_TAB\n", "words.tsv:2: expected NAME<TAB>words"),
    ("AUX\twould\nAUX\tcould\n", "words.tsv:2: set AUX is defined twice"),
    ("# a comment\n\naux\twould\n", "words.tsv:3: bad set name"),
    ("EMPTY\t   \n", "words.tsv:1: set EMPTY is empty"),
])
def test_a_malformed_word_line_names_file_and_line(text, where):
    with pytest.raises(ValueError, match=where.replace("(", r"\(")):
        parse_words(text, "words.tsv")


def test_statuses_come_from_one_file_in_order():
    assert status.STATUSES[:3] == ("proposed", "expected", "scheduled")
    assert status.BY_RANK.index("scheduled") < status.BY_RANK.index("held") < status.BY_RANK.index("failed")
    assert status.tense_of("held") == "past" and status.tense_of("scheduled") == "future"
    assert status.tense_of("cancelled") is None
    assert status.UPCOMING == {"proposed", "expected", "scheduled"}


def test_a_malformed_status_line_names_file_and_line(tmp_path):
    p = tmp_path / "statuses.tsv"
    p.write_text("# header\nheld\tpast\thappened\t7\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"statuses.tsv:2: expected 5"):
        status._load(p)
