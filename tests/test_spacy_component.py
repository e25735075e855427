"""The spaCy component ``chronist_timex`` (needs the optional ``spacy`` extra)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
import spacy

import chronist
from chronist.errors import OptionError

if TYPE_CHECKING:
    from spacy.language import Language

TEXT = (
    "Am 25. Juni 1950 überschritten nordkoreanische Truppen die Grenze. "
    "Drei Jahre später, am 27. Juli 1953, schwiegen die Waffen."
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    pipeline: Language = spacy.blank("de")
    pipeline.add_pipe("chronist_timex", config={"kind": "narrative"})
    return pipeline


def test_registered_by_entry_point() -> None:
    assert "chronist_timex" in spacy.blank("de").factory_names


def test_spans_match_the_library(nlp: Language) -> None:
    doc = nlp(TEXT)
    spans = list(doc.spans["timex"])
    expected = chronist.tag(TEXT, kind="narrative")
    assert len(spans) == len(expected) >= 2
    for span, timex in zip(spans, expected, strict=True):
        assert (span._.timex_start, span._.timex_end) == (timex.start, timex.end)
        assert span.start_char <= timex.start < timex.end <= span.end_char
        assert span.label_ == timex.type.value == span._.timex_type
        assert span._.timex_value == timex.value
        assert span._.timex_edtf == timex.edtf
        assert span._.timex_rule == timex.rule
        assert span._.timex["tid"] == timex.tid
    first = spans[0]
    assert (first.text, first._.timex_value) == ("25. Juni 1950", "1950-06-25")


def test_other_spans_have_no_timex_values(nlp: Language) -> None:
    doc = nlp(TEXT)
    assert doc[0:2]._.timex_value is None
    assert doc[0:2]._.timex is None


def test_alignment_expands_to_whole_tokens() -> None:
    pipeline = spacy.blank("de")
    pipeline.add_pipe("chronist_timex")
    doc = pipeline("Schon 1950er-Jahre-Debatten.")  # one token for the whole compound
    [span] = doc.spans["timex"]
    assert span.text == "1950er-Jahre-Debatten"
    assert doc.text[span._.timex_start : span._.timex_end] == "1950er-Jahre"


def test_values_survive_serialisation(nlp: Language) -> None:
    doc = nlp(TEXT)
    restored = spacy.tokens.Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert [s._.timex_value for s in restored.spans["timex"]] == [
        s._.timex_value for s in doc.spans["timex"]
    ]


def test_news_dct_per_document() -> None:
    pipeline = spacy.blank("de")
    pipeline.add_pipe("chronist_timex", config={"kind": "news", "dct": "2020-06-25"})
    text = "Gestern begann die Sitzung."
    doc = pipeline.make_doc(text)
    doc._.chronist_dct = "1950-06-26"
    doc = pipeline(doc)
    expected = chronist.tag(text, kind="news", dct="1950-06-26")
    assert [s._.timex_value for s in doc.spans["timex"]] == [t.value for t in expected]
    assert [t.value for t in expected] == ["1950-06-25"]


def test_custom_spans_key_and_pipe(nlp: Language) -> None:
    pipeline = spacy.blank("de")
    pipeline.add_pipe("chronist_timex", config={"spans_key": "dates"})
    texts = ["Im Jahr 1950.", "Nichts.", "Im Mai 1951."]
    docs = list(pipeline.pipe(texts))
    found = [[span._.timex_value for span in doc.spans["dates"]] for doc in docs]
    assert found == [[timex.value for timex in chronist.tag(text)] for text in texts]
    assert found == [["1950"], [], ["1951-05"]]


def test_bad_settings_fail_when_the_component_is_made() -> None:
    with pytest.raises(OptionError):
        spacy.blank("de").add_pipe("chronist_timex", config={"lang": "xx"})
    with pytest.raises(OptionError):
        spacy.blank("de").add_pipe("chronist_timex", config={"dct": "1950-13-01"})
