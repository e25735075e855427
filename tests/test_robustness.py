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
from chronist.temporal.mention import Timex, TimexType

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
    ends = {point for timex in timexes for point in (timex.begin_point, timex.end_point)}
    previous_end = 0
    for timex in sorted(timexes, key=lambda t: (t.start, t.end)):
        if timex.start == timex.end:
            assert timex.text == "" and 0 <= timex.start <= len(text)
            if timex.type is TimexType.DURATION:
                # a non-consuming range DURATION names the two expressions it spans
                assert {timex.begin_point, timex.end_point} <= set(tids)
            else:
                # the date a length counts to ("vor fünf Jahren", "three days later")
                assert timex.tid in ends
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


# --- values that exist -------------------------------------------------------------------

VALUE_FRAGMENTS = [
    "Am 5. September 1950 landeten sie.", "Am 31. griffen sie an.", "Am 29. Februar",
    "am 30.", "im Februar", "im 1. Jahrhundert", "im 1. Jahrtausend", "im 2. Jahrhundert v. Chr.",
    "Während der Märzrevolution 1848", "nach dem Tod Stalins im März 1953", "Am 5. März starb er.",
    "gegen 10 Uhr", "um 4:45 Uhr", "etwa am 3. Mai 1950", "Ende Februar", "am Tag darauf",
    "zwei Tage später", "im Jahr 9999", "im Jahr 10000", "1950–1953", "bis 1953", "seit 1949",
    "starb", "begann der Krieg", "wurde gegründet", " ", ". ", "\n\n",
]  # fmt: skip
ENGLISH_VALUE_FRAGMENTS = [
    "On 5 September 1950 they landed.", "On the 31st they attacked.", "On 29 February",
    "in February", "the 1st century", "the first millennium", "the 2nd century BC",
    "around 10 a.m.", "two days later", "the next day", "until 1953", "since 1949",
    "the war began", "he died", " ", ". ", "\n\n",
]  # fmt: skip
news_dcts = st.sampled_from(["2023-03-05", "2024-03-05", "1900-03-01", "2000-03-01", "1950-09-10"])


def _texts(fragments: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(fragments), min_size=1, max_size=12).map("".join)


def _day_key(day: object) -> tuple[int, int, int]:
    return (day.year, day.month, day.day)  # type: ignore[attr-defined]


def check_bounds(bounds: object) -> None:
    """Every day exists, the bounds are ordered."""
    from chronist.temporal.values import days_in_month

    days = [getattr(bounds, name) for name in ("earliest_begin", "latest_begin",
            "earliest_end", "latest_end")]  # fmt: skip
    for day in days:
        if day is not None:
            assert 1 <= day.month <= 12 and 1 <= day.day <= days_in_month(day.year, day.month)
    eb, lb, ee, le = days
    for first, last in ((eb, lb), (ee, le), (eb, le)):
        if first is not None and last is not None:
            assert _day_key(first) <= _day_key(last), (first, last)


FULL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def check_timex_values(timexes: list[Timex]) -> None:
    from edtf import parse_edtf

    for timex in timexes:
        if timex.edtf is not None:
            parse_edtf(timex.edtf)  # raises on a form the edtf package rejects
        check_bounds(timex.bounds)
        match = FULL_DATE.match(timex.value)
        if match and timex.mod is None and timex.bounds.earliest_begin is not None:
            year, month, day = (int(part) if part else None for part in match.groups())
            first = timex.bounds.earliest_begin
            last = timex.bounds.latest_end
            assert first.year == year and (month is None or first.month == month)
            assert day is None or first.day == day
            assert last is not None and last.year == year


@PROPERTY
@given(text=_texts(VALUE_FRAGMENTS), kind=kinds, dct=st.one_of(st.none(), news_dcts))
def test_german_values_exist_and_bounds_agree(text: str, kind: str, dct: str | None) -> None:
    check_timex_values(chronist.tag(text, kind=kind, dct=dct))


@PROPERTY
@given(text=_texts(ENGLISH_VALUE_FRAGMENTS), kind=kinds, dct=st.one_of(st.none(), news_dcts))
def test_english_values_exist_and_bounds_agree(text: str, kind: str, dct: str | None) -> None:
    check_timex_values(chronist.tag(text, lang="en", kind=kind, dct=dct))


@settings(max_examples=60, deadline=None)
@given(text=_texts(VALUE_FRAGMENTS), kind=kinds, dct=st.one_of(st.none(), news_dcts))
def test_event_times_exist_and_saved_timelines_read_back(
    text: str, kind: str, dct: str | None
) -> None:
    from edtf import parse_edtf

    from chronist.timeline.build import build_timeline
    from chronist.timeline.jsonio import from_json, to_json

    timeline = build_timeline(text, kind=kind, dct=dct, recognizer=lambda _document: [])
    for event in timeline.events:
        check_bounds(event.time.bounds)
        if event.time.edtf is not None:
            parse_edtf(event.time.edtf)
    from_json(to_json(timeline))  # the validator accepts what chronist writes


@pytest.mark.parametrize(
    ("text", "lang", "dct", "impossible"),
    [
        ("Am 5. September 1950 landeten sie. Am 31. griffen sie an.", "de", None, "1950-09-31"),
        ("Am 29. Februar kam es zum Streik.", "de", "2023-03-05", "2023-02-29"),
        ("On 29 February the strike began.", "en", "2023-03-05", "2023-02-29"),
    ],
)
def test_no_impossible_day_is_produced(
    text: str, lang: str, dct: str | None, impossible: str
) -> None:
    kind = "news" if dct else "narrative"
    for timex in chronist.tag(text, lang=lang, kind=kind, dct=dct):
        assert impossible not in timex.value and impossible not in (timex.edtf or "")


def test_the_first_century_and_millennium_are_not_bc() -> None:
    values = {t.text: t.value for t in chronist.tag("Im 1. Jahrhundert und im 1. Jahrtausend.")}
    assert values == {"1. Jahrhundert": "00", "1. Jahrtausend": "0"}


def test_a_millennium_after_the_present_one_is_bc() -> None:
    # the 7th millennium AD has not begun: told without an era, it lies BC
    text = "Die Siedlung reicht vom 10. Jahrtausend bis zum Anfang des 7. Jahrtausends."
    values = {t.text: (t.value, t.edtf) for t in chronist.tag(text)}
    assert values["10. Jahrtausend"] == ("BC9", "-9999/-9000")
    assert values["Anfang des 7. Jahrtausends"][0] == "BC6"


def test_a_millennium_without_era_in_a_story_told_bc_is_bc() -> None:
    text = "Um 3500 v. Chr. entstanden die ersten Städte. Im 2. Jahrtausend kamen Hirten."
    values = {t.text: t.value for t in chronist.tag(text)}
    assert values["2. Jahrtausend"] == "BC1"
    assert {t.text: t.value for t in chronist.tag("Im 2. Jahrtausend kamen Hirten.")} == {
        "2. Jahrtausend": "1"
    }


# --- adversarial inputs: bounded pieces, time that grows with the input --------------------


def _adversarial(size: int) -> dict[str, str]:
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "bench" / "adversarial.py"
    spec = importlib.util.spec_from_file_location("adversarial", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    inputs: dict[str, str] = module.adversarial_inputs(size)
    return inputs


def test_sentences_are_bounded_on_adversarial_inputs() -> None:
    from chronist.text.document import Document
    from chronist.text.segment import MAX_SENTENCE

    for name, text in _adversarial(20_000).items():
        document = Document(text)
        assert all(end - start <= MAX_SENTENCE for start, end in document.sentences), name
        covered = "".join(text[start:end] for start, end in document.sentences)
        assert (
            len(covered) >= len(text.replace(" ", "").replace("\n", "")) * 0.5 or not text.strip()
        )


def _cpu(run: object) -> float:
    """The least CPU time of three runs, the garbage collector held off while timing.

    In the full suite the heap holds every earlier test's objects, and a cyclic
    collection that falls inside one run costs time in proportion to that heap, not to
    the input: with it, a doubling can look like a tripling.
    """
    import gc
    import time

    best = float("inf")
    for _ in range(3):
        gc.collect()
        gc.disable()
        try:
            started = time.process_time()
            run()  # type: ignore[operator]
            best = min(best, time.process_time() - started)
        finally:
            gc.enable()
    return best


@pytest.mark.parametrize("command", ["tag", "extract"])
def test_doubling_an_adversarial_input_about_doubles_the_time(command: str) -> None:
    """Generous margins: a quadratic pass would show ×4 per doubling, linear ×2."""
    from chronist.timeline.build import build_timeline

    def run(text: str) -> object:
        if command == "tag":
            return chronist.tag(text)
        return build_timeline(text, recognizer=lambda _document: [])

    slow = []
    # both sizes above the tagger's chunk (20,000 characters): a paragraph longer than
    # it is first cut at sentence ends, a step the shorter one skips, so a doubling
    # across it measures that step, not how the time grows
    small, large = _adversarial(24_000), _adversarial(48_000)
    run("Am 1. September 1939 begann der Krieg.")
    for name in small:
        once = _cpu(lambda: run(small[name]))  # noqa: B023
        twice = _cpu(lambda: run(large[name]))  # noqa: B023
        if twice > 3.2 * once + 0.05:
            slow.append(f"{name}: {once:.3f} s -> {twice:.3f} s")
    assert not slow, slow
