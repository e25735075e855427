"""News anchoring: the dateline an article gives itself, and weekdays."""

from __future__ import annotations

import pytest

import chronist
from chronist.temporal.discourse import written_date
from chronist.temporal.engine import find_candidates
from chronist.temporal.grammar import load_grammar
from chronist.temporal.values import Day

GRAMMAR = load_grammar("de")


def _written(text: str, dct: Day) -> Day | None:
    found = written_date(text, find_candidates(text, GRAMMAR), dct, GRAMMAR.cues)
    return None if found is None else found[1]


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("Streik bei der Bahn\n12.01.2016, 10:01 Uhr\n", Day(2016, 1, 12)),
        ("Streik bei der Bahn\nNews vom 07.03.2016\n", Day(2016, 3, 7)),
        ("Streik bei der Bahn\nDienstag, 12. Jan 2016\n", Day(2016, 1, 12)),
        ("Streik bei der Bahn\n25.01.16 16:44\n", Day(2016, 1, 25)),
        ("Streik bei der Bahn\n25.01.2016 - 16:44\n", Day(2016, 1, 25)),
    ],
)
def test_a_dateline_before_the_dct_dates_the_article(head: str, expected: Day) -> None:
    assert (
        _written(head + "Am Montag legten die Lokführer die Arbeit nieder.", Day(2016, 3, 10))
        == expected
    )


@pytest.mark.parametrize(
    "head",
    [
        "Streik bei der Bahn\n10.03.2016, 10:01 Uhr\n",  # the DCT itself: nothing to change
        "Streik bei der Bahn\n12.04.2016\n",  # after the DCT: not when it was written
        "Streik bei der Bahn\n12.01.2011\n",  # years before: an archive date, not a dateline
        "Streik bei der Bahn\nAngebot gültig bis 12.01.2016\n",  # a deadline
    ],
)
def test_no_dateline_where_it_cannot_be_one(head: str) -> None:
    assert (
        _written(head + "Am Montag legten die Lokführer die Arbeit nieder.", Day(2016, 3, 10))
        is None
    )


def test_a_date_inside_a_long_first_sentence_is_no_dateline() -> None:
    text = (
        "Die Gewerkschaft der Lokführer hat nach dem Scheitern der Gespräche vom 12.01.2016 "
        "in Frankfurt am Main erneut zu einem bundesweiten Streik aufgerufen. "
        "Am Montag ruht der Verkehr."
    )
    assert _written(text, Day(2016, 3, 10)) is None


def test_weekdays_of_a_dated_article_resolve_against_its_dateline() -> None:
    text = "Unfall auf der A8\n12.01.2016, 10:01 Uhr\nAm Montag kam es zu einem Unfall."
    values = [t.value for t in chronist.tag(text, kind="news", dct="2016-03-10")]
    assert values == ["2016-01-12T10:01", "2016-01-11"]


def test_one_weekday_name_is_one_day_throughout_an_article() -> None:
    text = (
        "Am Montagmorgen sind zwei Bahnen zusammengestoßen. "
        "Die Polizei wird den Unfall vom Montag untersuchen."
    )
    values = [t.value for t in chronist.tag(text, kind="news", dct="2016-03-09")]
    assert values == ["2016-03-07TMO", "2016-03-07"]
