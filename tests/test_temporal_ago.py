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


STEP = "Prices fell on Monday, Oct. 30. Three days later, they rose again."


def test_an_english_step_from_another_time_is_its_length_with_the_date_after_it() -> None:
    found = tag(STEP, lang="en", kind="news", dct="1989-11-06")
    monday, length, date = found
    assert (length.text, length.type, length.value) == ("Three days", TimexType.DURATION, "P3D")
    # from the date counted from to the date it gives; "later" is its signal
    assert (length.begin_point, length.end_point) == (monday.tid, date.tid)
    end = STEP.index("later") + len("later")
    assert (date.text, date.start, date.end, date.value) == ("", end, end, "1989-11-02")
    xml = to_timeml(STEP, found, doc_id="d")
    assert f'value="P3D" beginPoint="{monday.tid}" endPoint="{date.tid}"' in xml


def test_an_english_step_back_runs_from_the_date_to_the_time_counted_from() -> None:
    text = "The vote came on Oct. 30. A day earlier, the talks failed."
    vote, length, date = tag(text, lang="en", kind="news", dct="1989-11-06")
    assert (length.text, length.value, date.value) == ("A day", "P1D", "1989-10-29")
    assert (length.begin_point, length.end_point) == (date.tid, vote.tid)


def test_a_step_before_an_event_clause_is_its_length() -> None:
    text = "A service was held one year after he was killed."
    length, date = tag(text, lang="en", kind="news", dct="1999-10-24")
    assert (length.text, length.type.value, length.value) == ("one year", "DURATION", "P1Y")
    assert date.text == "" and date.start == text.index(" he was")


def test_the_period_an_earnings_report_compares_stays_a_date() -> None:
    text = "Profit rose to $5 million from $4 million a year earlier."
    found = tag(text, lang="en", kind="news", dct="1989-11-02")
    assert [(t.text, t.type.value) for t in found] == [("a year earlier", "DATE")]


def test_timex2_extents_keep_an_english_step_whole() -> None:
    found = tag(STEP, lang="en", kind="news", dct="1989-11-06", extents="timex2")
    assert [(t.text, t.value) for t in found][1:] == [("Three days later", "1989-11-02")]
