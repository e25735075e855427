"""The German tokenizer and sentence splitter of chronist.entities."""

from __future__ import annotations

import pytest

from chronist.text.document import Document
from chronist.text.tokens import tokenize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Am 15. September 1950", ["Am", "15.", "September", "1950"]),
        ("bis 1953.", ["bis", "1953", "."]),
        ("den UN-Sicherheitsrat an,", ["den", "UN-Sicherheitsrat", "an", ","]),
        ("mehr als 1.000 Massaker", ["mehr", "als", "1.000", "Massaker"]),
        ("hinter den 38. Breitengrad", ["hinter", "den", "38.", "Breitengrad"]),
        ('"Freiwillige" in', ['"', "Freiwillige", '"', "in"]),
        ("Stellungs- und Bürgerkrieg", ["Stellungs", "-", "und", "Bürgerkrieg"]),
        ("Dr. Müller z. B. hier", ["Dr.", "Müller", "z.", "B.", "hier"]),
        ("MacArthurs Pläne.", ["MacArthurs", "Pläne", "."]),
        ("Trumans Veto", ["Trumans", "Veto"]),
    ],
)
def test_tokens(text: str, expected: list[str]) -> None:
    assert [t.text for t in tokenize(text)] == expected


def test_offsets_are_code_points_into_the_text() -> None:
    text = "„Rotchina“ – Pjöngjang, Südkorea."
    for token in tokenize(text):
        assert text[token.start : token.end] == token.text


def test_sentences_split_on_end_marks_and_blank_lines() -> None:
    text = "Truman zögerte. Dann kam am 15. September MacArthur.\n\nKorea war verwüstet"
    document = Document(text)
    sentences = [document.tokens_in(*span) for span in document.sentences]
    assert [s[0].text for s in sentences] == ["Truman", "Dann", "Korea"]
    assert [t.text for t in sentences[1]][-2:] == ["MacArthur", "."]


def test_no_split_after_abbreviation_or_ordinal() -> None:
    text = "Am 27. Juli 1953 schwiegen die Waffen. Dr. Rhee protestierte."
    assert len(Document(text).sentences) == 2


def test_lines_join_a_sentence_broken_at_its_abbreviation_or_ordinal() -> None:
    text = (
        "Zum Befehlshaber wurde 7 n.\nChr.\nPublius Varus ernannt.\n"
        "Am 17. Juli wurde er als Karl VII.\ngesalbt.\n"
        "Sie siedelten dort ab 470 n. Chr.\nZwischen 610 und 612 wirkten Missionare.\n"
        "== Leben\nEr starb."
    )
    lines = [text[a:b].replace("\n", " ") for a, b in Document(text).lines]
    assert lines == [
        "Zum Befehlshaber wurde 7 n. Chr. Publius Varus ernannt.",
        "Am 17. Juli wurde er als Karl VII. gesalbt.",
        "Sie siedelten dort ab 470 n. Chr.",
        "Zwischen 610 und 612 wirkten Missionare.",
        "== Leben",
        "Er starb.",
    ]


def test_a_token_ends_where_its_text_ends_and_cannot_change() -> None:
    import pickle

    import pytest

    from chronist.text.tokens import Token

    token = Token("Krieg", 4)
    assert (
        token.end == 9 and token == Token("Krieg", 4, 9) and hash(token) == hash(Token("Krieg", 4))
    )
    assert pickle.loads(pickle.dumps(token)) == token
    with pytest.raises(ValueError, match="cannot end at 12"):
        Token("Krieg", 4, 12)
    with pytest.raises(AttributeError):
        token.start = 5


def test_a_documents_tokens_are_the_tokenizers_made_on_demand() -> None:
    from chronist.text.tokens import tokenize

    text = "Am 15. September 1950 landeten Dr. Müllers Truppen.\n\nDanach: 1.000 Mann!"
    document = Document(text)
    tokens = tokenize(text)
    assert list(document.tokens) == tokens and len(document.tokens) == len(tokens)
    assert document.tokens[-1] == tokens[-1] and document.tokens[2:4] == tokens[2:4]
    for start, end in [*document.sentences, (3, 21), (4, 30), (0, len(text))]:
        assert document.tokens_in(start, end) == [
            t for t in tokens if start <= t.start and t.end <= end
        ]


def test_a_name_with_a_capital_inside_is_written_like_a_noun() -> None:
    words = {t.text: t.is_capitalised for t in tokenize("Der iPod und eBay kamen, nicht mehr.")}
    assert words == {
        "Der": True, "iPod": True, "und": False, "eBay": True, "kamen": False,
        ",": False, "nicht": False, "mehr": False, ".": False,
    }  # fmt: skip
