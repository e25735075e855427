"""The lexical passes after the CRF, the shipped lexicon and the tagger."""

from __future__ import annotations

import pytest

from chronist.entities.features import sentence_features, word_shape
from chronist.entities.gazetteer_pass import apply_lexical_passes
from chronist.entities.model import tag_sentences
from chronist.entities.resources import lexicon


def test_known_places_and_organisations_are_added() -> None:
    words = ["Truman", "flog", "über", "Pjöngjang", "zur", "Nato", "nach", "Pekings", "Rand"]
    labels = ["B-PER", "O", "O", "O", "O", "O", "O", "O", "O"]
    assert apply_lexical_passes(words, labels) == [
        "B-PER", "O", "O", "B-LOC", "O", "B-ORG", "O", "B-LOC", "O",
    ]  # fmt: skip


def test_two_word_names_from_the_list() -> None:
    words = ["die", "Rote", "Armee", "marschierte"]
    assert apply_lexical_passes(words, ["O"] * 4) == ["O", "B-ORG", "I-ORG", "O"]


@pytest.mark.parametrize("noun", ["Norden", "Westen", "Krieg", "Pläne", "Veto"])
def test_common_nouns_are_never_added(noun: str) -> None:
    assert apply_lexical_passes(["im", noun, "des", "Landes"], ["O"] * 4)[1] == "O"


@pytest.mark.parametrize("noun", ["Armee", "Veto", "Südostküste"])
def test_common_nouns_tagged_alone_are_dropped(noun: str) -> None:
    assert apply_lexical_passes(["die", noun, "kam"], ["O", "B-ORG", "O"]) == ["O", "O", "O"]


def test_names_are_not_dropped() -> None:
    words = ["Karl", "kam", "nach", "Frankreichs", "Hauptstadt"]
    labels = ["B-PER", "O", "O", "B-LOC", "O"]
    assert apply_lexical_passes(words, list(labels)) == labels


def test_lexicon_repairs_the_double_encoded_clusters() -> None:
    words = lexicon()
    assert any(f.startswith("c=") for f in words["strömten"])
    assert "strÃ¶mten" not in words
    assert "fn" in words["Douglas"]


def test_features_mark_genitives_of_known_names() -> None:
    (features,) = sentence_features(["Stalins"], lexicon())
    assert "gstems" in features
    assert word_shape("Stalins") == "Xx"


@pytest.mark.parametrize(
    ("word", "derived"),
    [("Berliner", True), ("Iraner", True), ("Kölner", True), ("Berlin", False), ("Rainer", False)],
)
def test_features_mark_words_made_from_place_names(word: str, derived: bool) -> None:
    (features,) = sentence_features([word], lexicon())
    assert ("dv" in features) is derived


def test_tagger_on_a_sentence() -> None:
    (labels,) = tag_sentences([["Omar", "Bradley", "sprach", "in", "Washington", "."]])
    assert labels == ["B-PER", "I-PER", "O", "O", "B-LOC", "O"]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["des", "Osmanischen", "Reiches"], ["O", "B-LOC", "I-LOC"]),
        (["im", "Schwarzen", "Meer"], ["O", "B-LOC", "I-LOC"]),
        (["die", "heutige", "Ostslowakei"], ["O", "O", "B-LOC"]),
        # not in the gazetteer, but ends like a town's name (toponym_endings)
        (["bei", "Hillersleben"], ["O", "B-LOC"]),
        (["bei", "Quendolin"], ["O", "O"]),  # neither: left alone
        (["bei", "Witu"], ["O", "B-LOC"]),  # a town after a place preposition
        (["auf", "den", "Färöer-Inseln"], ["O", "O", "B-LOC"]),
    ],
)
def test_gazetteer_names_added(words: list[str], expected: list[str]) -> None:
    assert apply_lexical_passes(words, ["O"] * len(words)) == expected


def test_multi_word_place_overrides_a_wrong_type() -> None:
    words = ["des", "Osmanischen", "Reiches"]
    assert apply_lexical_passes(words, ["O", "B-ORG", "I-ORG"]) == ["O", "B-LOC", "I-LOC"]


def test_multi_word_place_inside_a_longer_name_is_left() -> None:
    words = ["die", "Universität", "Schwarzes", "Meer"]
    labels = ["O", "B-ORG", "I-ORG", "I-ORG"]
    assert apply_lexical_passes(words, list(labels)) == labels


def test_a_capitalised_adjective_before_a_listed_place_is_in_its_name() -> None:
    from chronist.entities.gazetteer_pass import apply_lexical_passes

    words = ["Der", "Gipfel", "der", "Karnischen", "Alpen", "ist", "hoch"]
    labels = apply_lexical_passes(words, ["O"] * len(words))
    assert labels[3:5] == ["B-LOC", "I-LOC"]
    words = ["Die", "Netze", "werden", "getrennt"]  # a plural noun, no river
    assert apply_lexical_passes(words, ["O"] * len(words)) == ["O"] * 4


def test_a_name_and_a_town_in_parentheses_are_both_places() -> None:
    from chronist.entities.gazetteer_pass import apply_lexical_passes

    words = ["zuvor", "Mewe", "(", "Gniew", ")", "geerbt"]
    assert apply_lexical_passes(words, ["O"] * 6) == ["O", "B-LOC", "O", "B-LOC", "O", "O"]
    words = ["mit", "Anna", "(", "Berlin", ")", "und"]  # a given name stays
    assert apply_lexical_passes(words, ["O"] * 6)[1] == "O"


@pytest.mark.parametrize(
    ("words", "tagged", "expected"),
    [
        # a person the tagger found, named like a Mexican town, stays a person
        (["Damals", "regierte", "Venustiano", "Carranza", "."], "B-PER I-PER", "B-PER"),
        (["Damals", "regierte", "Francisco", "Madero", "."], "B-PER I-PER", "B-PER"),
        # the words around it make the name a town's
        (["Er", "reiste", "nach", "Francisco", "Madero", "."], "B-PER I-PER", "B-LOC"),
        (["Die", "Schlacht", "von", "Venustiano", "Carranza"], "B-PER I-PER", "B-LOC"),
        # no given name and surname: the gazetteer's town wins as before
        (["Damals", "brannte", "Jefferson", "City", "."], "B-PER I-PER", "B-LOC"),
    ],
)
def test_a_town_named_after_a_person_stays_the_person(
    words: list[str], tagged: str, expected: str
) -> None:
    start = next(i for i, w in enumerate(words) if w[:1].isupper() and i > 1)
    labels = ["O"] * len(words)
    labels[start : start + 2] = tagged.split()
    assert apply_lexical_passes(words, labels)[start] == expected


@pytest.mark.parametrize(
    "words",
    [
        ["im", "Frieden", "von", "Lunéville", "als", "Ausgleich"],
        ["nach", "dem", "Vertrag", "von", "Lunéville", "fiel", "es"],
    ],
)
def test_a_town_after_a_treatys_or_battles_phrase_is_a_place(words: list[str]) -> None:
    labels = apply_lexical_passes(words, ["O"] * len(words))
    assert labels[words.index("Lunéville")] == "B-LOC"


def test_a_known_name_with_its_adjective_in_lower_case_is_a_place() -> None:
    words = ["an", "der", "baskischen", "Küste", "und", "der", "britischen", "Hauptinsel"]
    labels = apply_lexical_passes(words, ["O"] * len(words))
    assert labels == ["O", "O", "B-LOC", "I-LOC", "O", "O", "B-LOC", "I-LOC"]


def test_a_lower_case_adjective_before_a_common_noun_stays_out() -> None:
    words = ["mit", "britischen", "Diplomaten", "an", "der", "Küste"]
    assert apply_lexical_passes(words, ["O"] * len(words)) == ["O"] * len(words)


def test_a_compound_ending_in_a_body_noun_stays_an_organisation() -> None:
    words = ["Das", "Bundesjustizministerium", "widersprach"]
    assert apply_lexical_passes(words, ["O", "B-ORG", "O"])[1] == "B-ORG"
    # the body's noun alone is a common noun, no name
    words = ["Das", "Ministerium", "widersprach"]
    assert apply_lexical_passes(words, ["O", "B-ORG", "O"])[1] == "O"


def test_a_noun_governed_by_a_name_in_the_genitive_is_cut_off() -> None:
    from chronist.entities.name_tails import cut_possessed_noun

    nouns = frozenset({"Kurs", "Sturm", "River"})
    assert cut_possessed_noun(["Erdogans", "Kurs"], ["B-PER", "I-PER"], nouns)[1] == "O"
    # a given name before the noun makes it a surname; a surname stays too
    assert cut_possessed_noun(["Hans", "Kurs"], ["B-PER", "I-PER"], nouns)[1] == "I-PER"
    assert cut_possessed_noun(["Peters", "Sturm"], ["B-PER", "I-PER"], nouns)[1] == "I-PER"
    # no genitive before it, or an organisation: left as the tagger said
    assert cut_possessed_noun(["Lauf", "Kurs"], ["B-PER", "I-PER"], nouns)[1] == "I-PER"
    assert cut_possessed_noun(["Meyers", "Kurs"], ["B-ORG", "I-ORG"], nouns)[1] == "I-ORG"
    # a state's name the gazetteer lists whole: no genitive + noun
    words, labels = ["Deutsches", "Kaiserreich"], ["B-LOC", "I-LOC"]
    assert cut_possessed_noun(words, labels, frozenset({"Kaiserreich"}))[1] == "I-LOC"


def test_a_state_named_with_kaiserreich_is_one_place() -> None:
    from chronist.entities import EntityType, recognize

    text = "=== Russisches Kaiserreich\n\nSpäter hieß es Deutsches Kaiserreich."
    places = {m.text for e in recognize(text) if e.type is EntityType.LOC for m in e.mentions}
    assert places == {"Russisches Kaiserreich", "Deutsches Kaiserreich"}
