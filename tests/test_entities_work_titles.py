"""A work's quoted title is no person, place or organisation."""

from chronist.entities.work_titles import drop_work_titles


def test_a_quoted_title_after_a_work_noun_is_no_name() -> None:
    words = ["auf", "dem", "Album", "„", "True", "Carnage", "“", "zu"]
    labels = ["O", "O", "O", "O", "B-ORG", "I-ORG", "O", "O"]
    assert drop_work_titles(words, labels) == ["O"] * 8


def test_a_compound_ending_in_a_work_noun_counts() -> None:
    words = ["ihr", "Debütalbum", '"', "Berlin", '"']
    assert drop_work_titles(words, ["O", "O", "O", "B-LOC", "O"])[3] == "O"


def test_a_newspaper_or_an_unquoted_name_stays() -> None:
    words = ["die", "Wochenzeitung", "„", "Die", "Zeit", "“"]
    labels = ["O", "O", "O", "B-ORG", "I-ORG", "O"]
    assert drop_work_titles(words, labels) == labels
    words = ["der", "Film", "von", "Disney"]
    assert drop_work_titles(words, ["O", "O", "O", "B-ORG"])[3] == "B-ORG"


def test_a_whole_work_noun_counts_but_not_as_a_compound_s_end() -> None:
    words = ["das", "Werk", '"', "Deutsche", "Kolonien", '"']
    assert drop_work_titles(words, ["O", "O", "O", "B-ORG", "I-ORG", "O"])[3] == "O"
    words = ["zum", "Beispiel", '"', "Siemens", '"']
    assert drop_work_titles(words, ["O", "O", "O", "B-ORG", "O"])[3] == "B-ORG"
