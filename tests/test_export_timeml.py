"""The TimeML writer keeps the text exactly and is well-formed XML; the reader reads it back."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronist.evaluation.corpora import read_timeml
from chronist.export.timeml import TimexTag, escape_text, render_timeml, to_timeml
from chronist.temporal.mention import Anchor, AnchorKind, Timex, TimexType
from chronist.temporal.values import Bounds, Mod

TRICKY = "Am 1. <Mai> 1950 & \"heute\" 'so' 🎉 Cafe\u0301 ]]> x\r\ny\rz\t1951"


def _timex(tid: str, text: str, start: int, end: int, value: str, **extra: object) -> Timex:
    fields: dict[str, object] = {
        "tid": tid,
        "start": start,
        "end": end,
        "text": text[start:end],
        "type": TimexType.DATE,
        "value": value,
        "mod": None,
        "edtf": value,
        "bounds": Bounds.unknown(),
        "rule": "test",
        "anchor": Anchor(AnchorKind.NONE),
    }
    fields.update(extra)
    return Timex(**fields)  # type: ignore[arg-type]


def _tricky_timexes() -> list[Timex]:
    may = TRICKY.index("<Mai> 1950")
    heute = TRICKY.index("heute")
    year = TRICKY.index("1951")
    return [
        _timex("t1", TRICKY, may, may + len("<Mai> 1950"), "1950-05", mod=Mod.START),
        _timex("t2", TRICKY, heute, heute + 5, "PRESENT_REF", temporal_function=True),
        _timex("t3", TRICKY, year, year + 4, "1951", anchor_tid="t1"),
    ]


def test_tricky_text_round_trips_through_the_reader() -> None:
    xml = to_timeml(TRICKY, _tricky_timexes(), doc_id="d&1", dct="2020-01-02")
    document = read_timeml(xml)
    assert document.text == TRICKY
    assert document.doc_id == "d&1"
    assert document.dct == "2020-01-02"
    assert [(t.start, t.end, t.value, t.mod) for t in document.timexes] == [
        (t.start, t.end, t.value, t.mod.value if t.mod else None) for t in _tricky_timexes()
    ]
    assert [t.text for t in document.timexes] == ["<Mai> 1950", "heute", "1951"]


def test_tricky_text_is_well_formed_xml_and_the_parser_gets_the_text_back() -> None:
    xml = to_timeml(TRICKY, _tricky_timexes(), dct="2020-01-02")
    root = ET.fromstring(xml.encode("utf-8"))
    text_element = root.find("TEXT")
    assert text_element is not None
    assert "".join(text_element.itertext()) == TRICKY
    timexes = text_element.findall("TIMEX3")
    assert [t.get("value") for t in timexes] == ["1950-05", "PRESENT_REF", "1951"]
    assert timexes[0].get("mod") == "START"
    assert timexes[1].get("temporalFunction") == "true"
    assert timexes[2].get("anchorTimeID") == "t1"
    dct = root.find("DCT/TIMEX3")
    assert dct is not None and dct.get("functionInDocument") == "CREATION_TIME"


def test_characters_xml_forbids_become_replacement_characters_one_for_one() -> None:
    text = "a\x00b\x1bc\ud800d\uffff"
    xml = render_timeml(text, [TimexTag(1, 2, (("tid", "t1"),))])
    ET.fromstring(xml.encode("utf-8", "surrogatepass"))
    read = read_timeml(xml).text
    assert read == "a\ufffdb\ufffdc\ufffdd\ufffd"
    assert len(read) == len(text)


def test_overlapping_spans_are_refused() -> None:
    with pytest.raises(ValueError, match="overlaps"):
        render_timeml("abcdef", [TimexTag(0, 3, ()), TimexTag(2, 4, ())])


def test_escape_text_keeps_quotes_and_escapes_markup() -> None:
    assert escape_text('<a href="x">&') == '&lt;a href="x"&gt;&amp;'


_LEGAL = st.characters(
    exclude_categories=["Cs"],
    exclude_characters=[chr(c) for c in range(0x20) if c not in (9, 10, 13)] + ["\ufffe", "\uffff"],
)


@given(st.text(_LEGAL, max_size=200), st.data())
def test_any_legal_text_round_trips(text: str, data: st.DataObject) -> None:
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=6)))
    tags = [
        TimexTag(cuts[i], cuts[i + 1], (("tid", f"t{i}"), ("value", text[cuts[i] : cuts[i + 1]])))
        for i in range(0, len(cuts) - 1, 2)
        if cuts[i] < cuts[i + 1]
    ]
    xml = render_timeml(text, tags, doc_id=text[:5])
    root = ET.fromstring(xml.encode("utf-8"))
    text_element = root.find("TEXT")
    assert text_element is not None
    assert "".join(text_element.itertext()) == text
    document = read_timeml(xml)
    assert document.text == text
    assert [(t.start, t.end, t.value) for t in document.timexes] == [
        (tag.start, tag.end, text[tag.start : tag.end]) for tag in tags
    ]
