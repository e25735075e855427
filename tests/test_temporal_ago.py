"""A date counted back from the time of writing in German TimeML (KRAUTS): ``vor fünf
Jahren`` is a DURATION over ``fünf Jahren`` pointing to a non-consuming DATE."""

from __future__ import annotations

from chronist import tag
from chronist.export.timeml import to_timeml
from chronist.temporal.mention import TimexType
from chronist.timeline.build import build_timeline

TEXT = "Die Firma wurde vor fünf Jahren in Bozen gegründet."


def test_the_length_is_the_expression_and_the_date_hangs_off_it() -> None:
    found = tag(TEXT, kind="news", dct="2014-05-05")
    date, length = found
    assert (length.text, length.type, length.value) == ("fünf Jahren", TimexType.DURATION, "P5Y")
    assert (length.begin_point, length.end_point) == (date.tid, "t0")
    assert (date.text, date.start, date.end) == ("", TEXT.index("vor"), TEXT.index("vor"))
    assert (date.type, date.value) == (TimexType.DATE, "2009")
    xml = to_timeml(TEXT, found, doc_id="d")
    assert 'vor <TIMEX3 tid="t2" type="DURATION" value="P5Y" beginPoint="t1" endPoint="t0"' in xml


def test_timex2_extents_keep_the_whole_expression_as_the_date() -> None:
    found = tag(TEXT, kind="news", dct="2014-05-05", extents="timex2")
    assert [(t.text, t.type, t.value) for t in found] == [
        ("vor fünf Jahren", TimexType.DATE, "2009")
    ]


def test_english_keeps_the_whole_expression() -> None:
    found = tag("The firm was founded five years ago.", lang="en", kind="news", dct="2014-05-05")
    assert [(t.text, t.value) for t in found] == [("five years ago", "2009")]


def test_the_event_keeps_the_date_and_how_the_text_says_it() -> None:
    timeline = build_timeline(TEXT, kind="news", dct="2014-05-05")
    (event,) = [e for e in timeline.events if e.time.value is not None]
    assert (event.time.value, event.time.text) == ("2009", "vor fünf Jahren")
