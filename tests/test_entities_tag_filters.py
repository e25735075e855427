"""The last lexical passes: one-word labels that name nothing, types told by the last word."""

from __future__ import annotations

import pytest

from chronist.entities.gazetteer_pass import apply_lexical_passes
from chronist.entities.name_tails import type_by_tail
from chronist.entities.organisation_names import join_bodies
from chronist.entities.tag_filters import drop_non_names


@pytest.mark.parametrize("word", ["Kölner", "Deidesheimer", "Fürther", "amerikanischen"])
def test_a_demonym_or_adjective_is_no_place(word: str) -> None:
    assert drop_non_names(["die", word, "Bürger"], ["O", "B-LOC", "O"]) == ["O", "O", "O"]


@pytest.mark.parametrize("word", ["Köln", "Hannover", "Berlin"])
def test_a_place_stays_a_place(word: str) -> None:
    assert drop_non_names(["in", word], ["O", "B-LOC"]) == ["O", "B-LOC"]


def test_a_demonym_in_a_longer_name_stays() -> None:
    words, labels = ["die", "Berliner", "Mauer"], ["O", "B-LOC", "I-LOC"]
    assert drop_non_names(words, labels) == ["O", "B-LOC", "I-LOC"]


def test_a_demonym_as_an_organisation_is_left_to_the_tagger() -> None:
    assert drop_non_names(["der", "Hamburger", "siegte"], ["O", "B-ORG", "O"])[1] == "B-ORG"


@pytest.mark.parametrize("word", ["Chr.", "Dr.", "Hrsg.", "Bd."])
def test_an_abbreviation_is_no_name(word: str) -> None:
    assert drop_non_names(["Im", "Jahr", word], ["O", "O", "B-PER"])[2] == "O"


def test_an_acronym_before_the_full_stop_stays() -> None:
    assert drop_non_names(["in", "der", "NHL."], ["O", "O", "B-ORG"])[2] == "B-ORG"


def test_the_lexical_passes_end_with_the_filter() -> None:
    words = ["Ein", "Mitarbeiter", "der", "Dürener", "Stadtwerke"]
    assert apply_lexical_passes(words, ["O", "O", "O", "B-LOC", "O"])[3] == "O"


@pytest.mark.parametrize(
    ("words", "labels", "expected"),
    [
        (["am", "Hudson", "River"], ["O", "B-ORG", "I-ORG"], ["O", "B-LOC", "I-LOC"]),
        (["die", "Steinerne", "Brücke"], ["O", "B-ORG", "I-ORG"], ["O", "B-LOC", "I-LOC"]),
        (["bei", "Carlsen", "Comics"], ["O", "B-PER", "I-PER"], ["O", "B-ORG", "I-ORG"]),
        (["die", "Dave", "Matthews", "Band"], ["O", "B-PER", "I-PER", "O"],
         ["O", "B-ORG", "I-ORG", "I-ORG"]),
    ],
)  # fmt: skip
def test_the_last_word_tells_the_type(
    words: list[str], labels: list[str], expected: list[str]
) -> None:
    assert type_by_tail(words, labels) == expected


def test_a_surname_after_a_given_name_stays_a_person() -> None:
    labels = ["B-PER", "I-PER", "O"]
    assert type_by_tail(["Michael", "Bay", "drehte"], list(labels)) == labels


def test_a_tail_word_alone_is_left() -> None:
    assert type_by_tail(["die", "Band", "spielte"], ["O", "B-ORG", "O"]) == ["O", "B-ORG", "O"]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["das", "Bundesamt", "für", "Gesundheit", "warnte"],
         ["O", "B-ORG", "I-ORG", "I-ORG", "O"]),
        (["der", "Hochschule", "für", "Technik", "und", "Wirtschaft", "in"],
         ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"]),
        (["dem", "Bayerischen", "Staatsministerium", "für", "Kultus"],
         ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG"]),
    ],
)  # fmt: skip
def test_a_body_and_what_it_is_for_are_one_organisation(
    words: list[str], expected: list[str]
) -> None:
    assert join_bodies(words, ["O"] * len(words)) == expected


def test_an_organisation_of_a_place_is_one_name() -> None:
    words = ["Motion", "Picture", "Association", "of", "America", "sagte"]
    labels = ["B-ORG", "I-ORG", "I-ORG", "O", "B-LOC", "O"]
    assert join_bodies(words, labels) == ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"]


@pytest.mark.parametrize(
    "words", [["Hilfe", "für", "Berlin"], ["ein", "Preis", "für", "Peter", "Meyer"]]
)
def test_a_common_noun_and_fuer_is_no_organisation(words: list[str]) -> None:
    labels = ["O"] * (len(words) - 1) + ["B-LOC"]
    assert join_bodies(words, list(labels)) == labels
