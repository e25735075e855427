"""Corpus readers: offsets point at the gold strings; texts equal their sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronist.errors import CorpusError
from chronist.evaluation.corpora import load_corpus, read_document, read_timeml, read_timex2
from chronist.evaluation.markup import parse_inline, unescape

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
WIKIWARS_DE = DATA / "WikiWarsDE-dev"
WIKIWARS_EN = DATA / "WikiWars-en" / "WikiWars_20120218_v104"
TIMEML_CORPORA = [
    DATA / "TempEval3-TBAQ-cleaned" / "TimeBank",
    DATA / "TempEval3-TBAQ-cleaned" / "AQUAINT",
    DATA / "WikiWars-en" / "XTime_updated_TimeML",
]


def _require(path: Path) -> Path:
    assert path.exists(), f"{path} is missing (../shared/data)"
    return path


def test_wikiwarsde_offsets_point_at_every_gold_string() -> None:
    documents = load_corpus(_require(WIKIWARS_DE))
    assert len(documents) == len(list((WIKIWARS_DE / "keyinline").glob("*.key.xml")))
    checked = 0
    for document in documents:
        assert document.dct == "2011-02-16"
        for timex in (*document.timexes, *document.nested):
            assert document.text[timex.start : timex.end] == timex.text
            checked += 1
    # every TIMEX2 of the key files but the one DCT tag per document
    markup = "".join(p.read_text() for p in (WIKIWARS_DE / "keyinline").glob("*.key.xml"))
    assert checked == markup.count("<TIMEX2") - len(documents)


def test_wikiwarsde_entities_and_types() -> None:
    document = read_document(_require(WIKIWARS_DE / "keyinline" / "03_AmCivWar.key.xml"))
    assert "Wilmington & Weldon" in document.text
    by_text = {t.text: t for t in document.timexes}
    assert by_text["Anfang Mai"].mod == "START"
    assert by_text["Anfang Mai"].type == "DATE"
    types = {t.type for d in load_corpus(WIKIWARS_DE) for t in d.timexes}
    assert types == {"DATE", "TIME", "DURATION", "SET", None}


def test_wikiwarsde_text_must_equal_its_source(tmp_path: Path) -> None:
    source = _require(WIKIWARS_DE / "keyinline" / "07_IraqWar.key.xml")
    (tmp_path / "keyinline").mkdir()
    (tmp_path / "in").mkdir()
    copy = tmp_path / "keyinline" / source.name
    copy.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    sgm = (WIKIWARS_DE / "in" / "07_IraqWar.sgm").read_text(encoding="utf-8")
    (tmp_path / "in" / "07_IraqWar.sgm").write_text(sgm, encoding="utf-8")
    assert read_document(copy).doc_id == "07_IraqWar"
    (tmp_path / "in" / "07_IraqWar.sgm").write_text(
        sgm.replace("Irak", "Iran", 1), encoding="utf-8"
    )
    with pytest.raises(CorpusError, match="differs from its source"):
        read_document(copy)


def test_english_wikiwars_keeps_outermost_tags_and_the_nested_ones() -> None:
    documents = load_corpus(_require(WIKIWARS_EN))
    assert sum(len(d.timexes) for d in documents) == 2636
    assert sum(len(d.nested) for d in documents) == 23
    for document in documents:
        for inner in document.nested:
            assert document.text[inner.start : inner.end] == inner.text
            assert any(o.start <= inner.start and inner.end <= o.end for o in document.timexes)


@pytest.mark.parametrize("corpus", TIMEML_CORPORA, ids=lambda p: p.name)
def test_timeml_offsets_point_at_every_gold_string(corpus: Path) -> None:
    documents = load_corpus(_require(corpus))
    assert sum(len(document.timexes) for document in documents) > len(documents)
    for document in documents:
        assert document.dct is not None
        for timex in document.timexes:
            assert document.text[timex.start : timex.end] == timex.text
            assert timex.type in {"DATE", "TIME", "DURATION", "SET"}


def test_xtime_and_timex2_wikiwars_have_the_same_extents() -> None:
    timex2 = {d.doc_id: d for d in load_corpus(_require(WIKIWARS_EN))}
    timeml = load_corpus(_require(DATA / "WikiWars-en" / "XTime_updated_TimeML"))
    same = sum(
        [t.text for t in d.timexes] == [t.text for t in timex2[d.doc_id].timexes] for d in timeml
    )
    assert same == len(timeml)


def test_inline_reader_handles_entities_bare_ampersands_and_declarations() -> None:
    text, elements = parse_inline(
        '<?xml version="1.0"?><!DOCTYPE x><!-- <TEXT>no</TEXT> -->'
        '<TEXT>A &amp; B & C <T a="&lt;1&gt;">&#228;&#x1F600;</T></TEXT>'
    )
    assert text == "A & B & C ä😀"
    assert [(e.name, e.start, e.end, e.attr("a")) for e in elements] == [
        ("TEXT", 0, 12, None),
        ("T", 10, 12, "<1>"),
    ]
    assert unescape("&nbsp; &amp") == "&nbsp; &amp"


@pytest.mark.parametrize(
    ("markup", "message"),
    [
        ("<DOC><TEXT>a</DOC>", "closing tag </DOC>"),
        ("<DOC><TEXT>a</TEXT>", "<DOC> is never closed"),
        ("<DOC>a</DOC>", "expected one <TEXT>"),
    ],
)
def test_broken_markup_raises_corpus_error_naming_the_source(markup: str, message: str) -> None:
    with pytest.raises(CorpusError, match=message) as raised:
        read_timex2(markup, source="broken.key.xml")
    assert str(raised.value).startswith("broken.key.xml: ")


def test_heideltime_style_timeml_without_text_element() -> None:
    document = read_timeml('<TimeML>am <TIMEX3 tid="t1" value="1950">1950</TIMEX3> & so</TimeML>')
    assert document.text == "am 1950 & so"
    assert [(t.start, t.end) for t in document.timexes] == [(3, 7)]


def test_missing_and_unknown_corpus_paths(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="no such corpus"):
        load_corpus(tmp_path / "nothing")
    with pytest.raises(CorpusError, match=r"no \.tml or \.key\.xml"):
        load_corpus(tmp_path)
    plain = tmp_path / "plain.tml"
    plain.write_text("just text", encoding="utf-8")
    with pytest.raises(CorpusError, match="neither TimeML nor"):
        load_corpus(plain)
    binary = tmp_path / "binary.tml"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(CorpusError, match="cannot read"):
        load_corpus(binary)
