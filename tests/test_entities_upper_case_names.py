"""A country or town written in capitals is that place, not an acronym."""

from chronist.entities.upper_case_names import place_in_capitals

NOUNS = frozenset({"Post"})


def test_a_dateline_town_the_tagger_took_for_an_organisation_is_a_place() -> None:
    words = ["CHICAGO", "-", "Der", "Sturm", "zog", "ab"]
    assert place_in_capitals(words, ["B-ORG", *["O"] * 5], NOUNS)[0] == "B-LOC"


def test_a_town_in_capitals_it_missed_is_a_place() -> None:
    words = ["MÜNCHEN", "-", "Die", "Messe", "öffnet"]
    assert place_in_capitals(words, ["O"] * 5, NOUNS)[0] == "B-LOC"


def test_short_acronyms_persons_longer_names_and_nouns_are_left() -> None:
    assert place_in_capitals(["USA", "und", "BMW"], ["B-ORG", "O", "B-ORG"], NOUNS)[0] == "B-ORG"
    words = ["HAMBURG", "Süd"]
    assert place_in_capitals(words, ["B-ORG", "I-ORG"], NOUNS) == ["B-ORG", "I-ORG"]
    assert place_in_capitals(["POST"], ["B-ORG"], NOUNS) == ["B-ORG"]
    assert place_in_capitals(["BERLIN"], ["B-PER"], NOUNS) == ["B-PER"]
