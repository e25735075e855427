"""Names cut by a hyphen: a word broken at a line's end, a compound of two names."""

from chronist.entities.hyphen_names import join_broken_words, join_hyphen_compounds
from chronist.entities.model import tag_sentences


def test_a_broken_word_goes_on_over_its_lower_case_rest() -> None:
    words = ["Er", "reiste", "nach", "Ham¬", "burg", "."]
    assert join_broken_words(words, ["O", "O", "O", "B-LOC", "O", "O"])[4] == "I-LOC"


def test_a_conjunction_or_a_capital_after_the_hyphen_ends_the_name() -> None:
    for after in ("und", "oder", "Straße"):
        words = ["die", "Kaiser-", after, "Wilhelm-Allee"]
        assert join_broken_words(words, ["O", "B-LOC", "O", "O"])[2] == "O"


def test_a_word_without_a_hyphen_is_not_extended() -> None:
    words = ["in", "Bremen", "wohnte", "er"]
    assert join_broken_words(words, ["O", "B-LOC", "O", "O"]) == ["O", "B-LOC", "O", "O"]


def test_two_names_of_one_type_linked_by_a_hyphen_token_are_one() -> None:
    words = ["Er", "zog", "nach", "Berlin", "-", "Schöneberg", "."]
    labels = ["O", "O", "O", "B-LOC", "O", "B-LOC", "O"]
    assert join_hyphen_compounds(words, labels)[3:6] == ["B-LOC", "I-LOC", "I-LOC"]


def test_names_of_two_types_or_two_full_names_stay_apart() -> None:
    words = ["Max", "Schröder", "-", "Berlin"]
    labels = ["B-PER", "I-PER", "O", "B-LOC"]
    assert join_hyphen_compounds(words, list(labels)) == labels
    words = ["Goffredo", "Petrassi", "-", "Ennio", "Morricone"]
    labels = ["B-PER", "I-PER", "O", "B-PER", "I-PER"]
    assert join_hyphen_compounds(words, list(labels)) == labels


def test_the_tagger_joins_a_split_compound_only_when_told_the_hyphens_are_split() -> None:
    from chronist.entities.model import tag_each

    words = ["Sie", "wohnte", "in", "Berlin", "-", "Wilmersdorf", "."]
    (joined,) = tag_sentences([words])
    assert joined[3:6] == ["B-LOC", "I-LOC", "I-LOC"]
    (apart,) = tag_each([words], hyphens_split=False)
    assert apart[3:6] == ["B-LOC", "O", "B-LOC"]
