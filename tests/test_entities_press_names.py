"""A newspaper, magazine or agency named after its kind's word is an organisation."""

from chronist.entities.press_names import mark_press_names


def test_a_quoted_name_after_a_newspaper_word_is_an_organisation() -> None:
    words = ["der", "Belgrader", "Zeitung", "„", "Vreme", "“", "berichtet"]
    labels = mark_press_names(words, ["O", "B-LOC", "O", "O", "B-PER", "O", "O"], frozenset())
    assert labels[4] == "B-ORG"


def test_an_unquoted_name_with_its_article() -> None:
    words = ["die", "Wochenzeitung", "Die", "Zeit", "vom", "Montag"]
    labels = mark_press_names(words, ["O"] * 6, frozenset())
    assert labels == ["O", "O", "B-ORG", "I-ORG", "O", "O"]


def test_no_common_noun_given_name_or_found_person() -> None:
    assert mark_press_names(["Zeitung", "Bericht"], ["O", "O"], frozenset(["Bericht"])) == [
        "O",
        "O",
    ]
    words = ["des", "Blattes", "Albert", "Pilz"]
    assert mark_press_names(words, ["O"] * 4, frozenset())[2] == "O"
    words = ["des", "Blattes", "Schulz", "sagte"]
    assert mark_press_names(words, ["O", "O", "B-PER", "O"], frozenset())[2] == "B-PER"
