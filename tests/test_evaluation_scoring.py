"""The scorer on small hand-made cases whose P/R/F1 are worked out by hand."""

from __future__ import annotations

import pytest

from chronist.evaluation.corpora import GoldTimex
from chronist.evaluation.scoring import (
    ErrorKind,
    Scores,
    evaluate,
    match_relaxed,
    score_document,
)
from chronist.evaluation.valueshape import normalise_value, timex2_type, value_shape


def t(start: int, end: int, value: str | None = "1950", type_: str | None = "DATE",
      mod: str | None = None) -> GoldTimex:  # fmt: skip
    return GoldTimex(start, end, f"{start}-{end}", type_, value, mod)


def test_hand_made_document_counts_and_scores() -> None:
    gold = [t(0, 4), t(10, 20, "1950-06"), t(30, 35, "P3Y", "DURATION"), t(50, 55)]
    system = [
        t(0, 4),  # strict, right value
        t(8, 20, "1950-06"),  # relaxed only, right value: extent error
        t(30, 35, "P2Y", "DURATION"),  # strict, wrong value
        t(60, 65),  # spurious
    ]
    result = score_document("d", gold, system)
    counts = result.counts
    assert (counts.gold, counts.system, counts.strict, counts.relaxed) == (4, 4, 2, 3)
    assert (counts.value, counts.type) == (2, 3)
    scores = Scores.of(counts)
    assert scores.strict_precision == pytest.approx(0.5)
    assert scores.strict_f1 == pytest.approx(0.5)
    assert scores.relaxed_precision == pytest.approx(0.75)
    assert scores.relaxed_recall == pytest.approx(0.75)
    assert scores.relaxed_f1 == pytest.approx(0.75)
    assert scores.value_accuracy == pytest.approx(2 / 3)
    assert scores.value_f1 == pytest.approx(0.5)  # = F1 of P 2/4 and R 2/4
    assert scores.type_f1 == pytest.approx(0.75)
    kinds = sorted((e.kind.value, e.category) for e in result.errors)
    assert kinds == [
        ("extent", "month"),
        ("missed", "year"),
        ("spurious", "year"),
        ("value", "duration"),
    ]


def test_one_long_system_span_matches_only_one_gold_span() -> None:
    gold = [t(0, 5), t(6, 20)]
    system = [t(0, 20)]
    assert match_relaxed(gold, system) == [(1, 0)]  # the larger overlap wins
    counts = score_document("d", gold, system).counts
    assert (counts.relaxed, counts.strict) == (1, 0)


def test_best_overlap_first_prefers_the_exact_partner() -> None:
    gold = [t(0, 10), t(10, 14)]
    system = [t(2, 12), t(0, 10)]
    assert match_relaxed(gold, system) == [(0, 1), (1, 0)]


def test_duplicate_system_spans_count_once_strictly() -> None:
    counts = score_document("d", [t(0, 4)], [t(0, 4), t(0, 4)]).counts
    assert (counts.strict, counts.relaxed, counts.system) == (1, 1, 2)
    assert Scores.of(counts).strict_precision == pytest.approx(0.5)


def test_mod_disagreement_is_listed_but_value_still_counts() -> None:
    result = score_document("d", [t(0, 4, mod="START")], [t(0, 4)])
    assert result.counts.value == 1
    assert [(e.kind, e.category) for e in result.errors] == [(ErrorKind.MOD, "year +mod")]


def test_corpus_scores_are_micro_averaged() -> None:
    perfect = score_document("a", [t(0, 4)], [t(0, 4)])
    empty = score_document("b", [t(0, 4), t(5, 9), t(10, 14)], [])
    scores = evaluate("x", [perfect, empty]).scores
    assert scores.relaxed_precision == pytest.approx(1.0)
    assert scores.relaxed_recall == pytest.approx(0.25)
    assert scores.relaxed_f1 == pytest.approx(0.4)


def test_no_gold_and_no_system_scores_zero_not_an_error() -> None:
    scores = evaluate("x", [score_document("a", [], [])]).scores
    assert scores.relaxed_f1 == 0.0 and scores.value_f1 == 0.0


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("-0489", "BC0490"),
        ("195X", "195"),
        ("19XX", "19"),
        ("P2DE", "P20Y"),
        (" p1ce", "P100Y"),
        ("T04:45", "XXXX-XX-XXT04:45"),
    ],
)
def test_notational_variants_are_the_same_value(left: str, right: str) -> None:
    assert normalise_value(left) == normalise_value(right)


@pytest.mark.parametrize(
    ("left", "right"),
    [("1950", "1950-06"), ("P7D", "P1W"), ("T04:45", "T04:45:00"), ("-0489", "BC0489"),
     ("BC0490", "0490"), ("195", "1950"), ("PXY", "P1Y")],
)  # fmt: skip
def test_different_values_stay_different(left: str, right: str) -> None:
    assert normalise_value(left) != normalise_value(right)


@pytest.mark.parametrize(
    ("value", "type_", "shape"),
    [
        ("1950-09-15", "DATE", "full date"),
        ("1950-09", "DATE", "month"),
        ("1950", "DATE", "year"),
        ("1950-SU", "DATE", "season"),
        ("195", "DATE", "decade"),
        ("19", "DATE", "century"),
        ("BC0490", "DATE", "BC"),
        ("P3Y", "DURATION", "duration"),
        ("P1D", "SET", "set"),
        ("1939-09-01T04:45", "TIME", "time"),
        ("PRESENT_REF", "DATE", "present ref"),
        ("XXXX-09-15", "DATE", "underspecified"),
        (None, None, "no value"),
    ],
)
def test_value_shapes(value: str | None, type_: str | None, shape: str) -> None:
    assert value_shape(value, type_) == shape


def test_timex2_types_are_derived_from_the_value() -> None:
    assert timex2_type("P3Y", is_set=False) == "DURATION"
    assert timex2_type("P1D", is_set=True) == "SET"
    assert timex2_type("1939-09-01TMO", is_set=False) == "TIME"
    assert timex2_type("PRESENT_REF", is_set=False) == "DATE"
    assert timex2_type("1950", is_set=False) == "DATE"
    assert timex2_type(None, is_set=False) is None
