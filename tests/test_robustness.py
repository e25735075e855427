"""Properties that hold for any text: tagging never fails and its output is sound."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import chronist
from chronist import cli
from chronist.export.timeml import to_timeml
from chronist.temporal.mention import Timex

# Pieces of German temporal prose, glued by arbitrary text, reach the rules
# far more often than uniformly random characters do.
FRAGMENTS = [
    "am 25. Juni 1950", "27.07.1953", "im Sommer 1950", "Ende der 1940er Jahre",
    "im 19. Jahrhundert", "im XIV. Jh.", "480 v. Chr.", "1950–1953", "von 1950 bis 1953",
    "zwischen März und Mai", "seit 1949", "bis heute", "um 1520", "ca.", "zwei Jahre zuvor",
    "einen Monat später", "am nächsten Morgen", "damals", "tagelang", "jährlich",
    "jeden Montag", "heute", "Weihnachten 1914", "1.000 Massaker", "38. Breitengrad",
    "Maier", "Mai", "Ostersonntag", "12:30 Uhr", "Anfang", "Mitte", "des", "Jahres",
    " ", "  ", "\n", "\r\n", "\n\n", ".", ",", "-", "–", "(", ")", "\t", "ß", "\u00a0",
    "\u200b", "𝟙𝟡𝟝𝟘", "١٩٥٠", "1950", "0", "9999", "99999999999999999999",
]  # fmt: skip

prose = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=30).map(
    "".join
)
any_text = st.one_of(st.text(max_size=200), prose)
kinds = st.sampled_from(["auto", "narrative", "news"])
dcts = st.one_of(st.none(), st.sampled_from(["1950-06-25", "2024-02-29", "0001-01-01"]))

PROPERTY = settings(max_examples=150, deadline=None)
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # text files rarely hold these
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def check_mentions(text: str, timexes: list[Timex]) -> None:
    tids = [timex.tid for timex in timexes]
    assert len(set(tids)) == len(tids)
    previous_end = 0
    for timex in sorted(timexes, key=lambda t: (t.start, t.end)):
        if timex.start == timex.end:
            # a non-consuming range DURATION names the two expressions it spans
            assert timex.text == "" and 0 <= timex.start <= len(text)
            assert {timex.begin_point, timex.end_point} <= set(tids)
            continue
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start : timex.end] == timex.text
        assert timex.start >= previous_end, "overlapping mentions"
        previous_end = timex.end


@PROPERTY
@given(text=any_text, kind=kinds, dct=dcts)
def test_tagging_never_fails_and_spans_are_sound(text: str, kind: str, dct: str | None) -> None:
    check_mentions(text, chronist.tag(text, kind=kind, dct=dct))


ENGLISH_FRAGMENTS = [
    "on June 25, 1950", "7/27/1953", "in the summer of 1950", "the late 1940s",
    "the 19th century", "480 BC", "1950-1953", "from 1950 to 1953", "between March and May",
    "since 1949", "until today", "around 1520", "c.", "two years earlier", "a month later",
    "the next morning", "at that time", "for days", "annually", "every Monday", "today",
    "Christmas 1914", "Easter Sunday", "1,000 soldiers", "the 38th parallel", "May", "may",
    "March", "4:45 a.m.", "noon", "early", "mid-", "late", "the", "year", "a year earlier",
    "the third quarter", "last week", "Tuesday", "'50s",
    " ", "\n", "\n\n", ".", ",", "-", "–", "(", ")", "𝟙𝟡𝟝𝟘", "1950", "0", "99999999999",
]  # fmt: skip
english_prose = st.lists(
    st.one_of(st.sampled_from(ENGLISH_FRAGMENTS), st.text(max_size=6)), max_size=30
).map("".join)


@PROPERTY
@given(text=st.one_of(st.text(max_size=200), english_prose), kind=kinds, dct=dcts)
def test_english_tagging_never_fails_and_spans_are_sound(
    text: str, kind: str, dct: str | None
) -> None:
    check_mentions(text, chronist.tag(text, lang="en", kind=kind, dct=dct))


@PROPERTY
@given(text=prose.map(lambda text: XML_ILLEGAL.sub("", text)))
def test_timeml_text_round_trips(text: str) -> None:
    timexes = chronist.tag(text)
    document = to_timeml(text, timexes, doc_id="x", dct="1950-06-25")
    root = ElementTree.fromstring(document.encode("utf-8"))
    body = root.find("TEXT")
    assert body is not None
    assert "".join(body.itertext()) == text
    tagged = [element.text or "" for element in body.iter("TIMEX3")]
    assert tagged == [timex.text for timex in sorted(timexes, key=lambda t: (t.start, t.end))]


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=100))
def test_timeml_replaces_only_what_xml_cannot_hold(text: str) -> None:
    document = to_timeml(text, chronist.tag(text))
    body = ElementTree.fromstring(document.encode("utf-8")).find("TEXT")
    assert body is not None
    assert "".join(body.itertext()) == XML_ILLEGAL.sub("\ufffd", text)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=prose.map(lambda text: CONTROL.sub("", text)).filter(lambda t: t.strip() != ""))
def test_cli_json_on_any_prose(
    text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "any.txt"
    path.write_bytes(text.encode("utf-8"))
    assert cli.main(["tag", str(path), "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["document"]["characters"] == len(text.removeprefix("\ufeff"))
    for mention in result["mentions"]:
        assert text[mention["start"] : mention["end"]] == mention["text"]


@settings(max_examples=40, deadline=None)
@given(data=st.binary(max_size=64))
def test_arbitrary_bytes_decode_or_fail_cleanly(data: bytes) -> None:
    from chronist.errors import InputError
    from chronist.text.reading import decode_bytes

    try:
        text = decode_bytes(data, "x")
    except InputError:
        return
    check_mentions(text, chronist.tag(text))
