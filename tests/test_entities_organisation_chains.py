"""Organisations the tagger cut short: members in the genitive, a body's kind."""

from chronist.entities.model import tag_sentences
from chronist.entities.organisation_chains import (
    join_adjective_bodies,
    join_members,
    join_tail_prefix,
    mark_coordinated_organisations,
)


def test_a_body_and_its_members_in_the_genitive_plural_are_one_name() -> None:
    words = ["des", "Vereins", "Berliner", "Kaufleute", "und", "Industrieller", "."]
    labels = join_members(words, ["O", "O", "B-ORG", "I-ORG", "O", "O", "O"])
    assert labels == ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"]


def test_a_tagged_name_cut_before_its_members_goes_on() -> None:
    words = ["Rebellen", "der", "Allianz", "Demokratischer", "Kräfte", "zu"]
    labels = join_members(words, ["O", "O", "B-ORG", "I-ORG", "O", "O"])
    assert labels == ["O", "O", "B-ORG", "I-ORG", "I-ORG", "O"]


def test_no_members_without_a_body_word_or_an_adjective_in_er() -> None:
    words = ["der", "EU", "Innenminister", "Schäuble"]
    assert join_members(words, ["O", "B-ORG", "O", "B-PER"]) == ["O", "B-ORG", "O", "B-PER"]
    words = ["ein", "Bund", "alter", "Freunde"]
    assert join_members(words, ["O"] * 4) == ["O"] * 4


def test_a_body_s_kind_takes_the_capitalised_words_before_it() -> None:
    words = ["an", "der", "Glasgow", "School", "of", "Art", "studiert"]
    labels = join_tail_prefix(words, ["O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O"])
    assert labels == ["O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"]


def test_not_an_article_or_the_first_word() -> None:
    assert join_tail_prefix(["Die", "Bank", "zahlt"], ["O", "B-ORG", "O"]) == ["O", "B-ORG", "O"]
    words = ["Sparkasse", "und", "Die", "Bank"]
    assert join_tail_prefix(words, ["B-ORG", "O", "O", "B-ORG"])[2] == "O"


def test_the_whole_tagger_finds_the_full_names() -> None:
    words = ["Der", "Bund", "Deutscher", "Architekten", "tagte", "in", "Berlin", "."]
    assert tag_sentences([words])[0][1:4] == ["B-ORG", "I-ORG", "I-ORG"]
    words = ["Er", "trank", "im", "exklusiven", "Metropolitan", "Club", "in", "Washington", "."]
    assert tag_sentences([words])[0][3:6] == ["O", "B-ORG", "I-ORG"]


def test_a_capitalised_adjective_before_a_body_s_word_begins_its_name() -> None:
    words = ["der", "Fortschrittlichen", "Volkspartei", "zu"]
    assert join_adjective_bodies(words, ["O", "O", "B-ORG", "O"]) == ["O", "B-ORG", "I-ORG", "O"]
    words = ["vor", "dem", "Obersten", "Gerichtshof", "."]
    assert join_adjective_bodies(words, ["O"] * 5) == ["O", "O", "B-ORG", "I-ORG", "O"]


def test_no_body_without_a_capitalised_body_word_or_mid_sentence_adjective() -> None:
    words = ["der", "Richter", "samt", "den", "Zuhörern"]
    assert join_adjective_bodies(words, ["O"] * 5) == ["O"] * 5
    assert join_adjective_bodies(["Deutsche", "Bank"], ["O", "O"]) == ["O", "O"]
    words = ["die", "Große", "Armee", "Napoleons"]
    labels = ["O", "O", "O", "B-PER"]
    assert join_adjective_bodies(words, labels)[1:3] == ["B-ORG", "I-ORG"]


def test_a_one_word_name_listed_with_an_organisation_is_one() -> None:
    words = ["wie", "Reddit", ",", "Twitter", "und", "Snapchat"]
    labels = mark_coordinated_organisations(words, ["O", "O", "O", "B-ORG", "O", "O"], frozenset())
    assert labels == ["O", "B-ORG", "O", "B-ORG", "O", "B-ORG"]


def test_common_nouns_places_and_guesses_do_not_spread() -> None:
    nouns = frozenset({"Fraktion", "Gitarre"})
    words = ["FDP", "und", "Linksfraktion"]
    assert mark_coordinated_organisations(words, ["B-ORG", "O", "O"], nouns)[2] == "O"
    words = ["Gitarre", "und", "Sitar", ",", "Tabla", "und", "Schlagzeug"]
    labels = ["O", "O", "O", "O", "B-ORG", "O", "O"]
    assert mark_coordinated_organisations(words, labels, nouns)[0] == "O"  # no chain
    words = ["Obligationen", "I", ",", "II", "und", "III"]
    labels = ["O", "B-ORG", "O", "O", "O", "O"]
    assert mark_coordinated_organisations(words, labels, nouns)[3] == "O"
