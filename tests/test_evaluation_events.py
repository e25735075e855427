"""The event scorer, and the development gold set it is run on."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronist.errors import CorpusError
from chronist.evaluation.events import Score, load_gold, score_events, time_matches
from chronist.temporal.values import Bounds, Day
from chronist.timeline import build_timeline
from chronist.timeline.model import Event

GOLD = Path(__file__).parent / "data" / "events" / "wikiwarsde-dev-gold.tsv"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "WikiWarsDE-dev"


def interval(first: Day | None, last: Day | None) -> Bounds:
    return Bounds(first, first, last, last)


JUNE_1950 = (Day(1950, 6, 1), Day(1950, 6, 30))


@pytest.mark.parametrize(
    ("bounds", "right"),
    [
        (interval(Day(1950, 6, 25), Day(1950, 6, 25)), True),  # inside
        (interval(Day(1950, 1, 1), Day(1950, 8, 31)), True),  # an honest interval around it
        (interval(Day(1950, 1, 1), Day(1953, 12, 31)), False),  # around it, but too wide
        (interval(Day(1950, 7, 1), Day(1950, 8, 31)), False),  # beside it
        (interval(Day(1950, 6, 20), Day(1950, 7, 20)), False),  # overlapping only
        (interval(Day(1950, 6, 10), None), True),  # open, known side inside
        (interval(Day(1948, 1, 1), None), False),
        (Bounds.unknown(), False),
    ],
)
def test_time_matches(bounds: Bounds, right: bool) -> None:
    assert time_matches(bounds, JUNE_1950) is right


def test_rates() -> None:
    score = Score(gold=10, system=8, sentence_found=7, correct=6) + Score(0, 2, 0, 0)
    assert (score.precision, score.recall, score.date_accuracy) == (0.6, 0.6, 6 / 7)
    assert score.f1 == pytest.approx(0.6)
    assert Score(0, 0, 0, 0).f1 == 0.0


def test_score_a_small_document(tmp_path: Path) -> None:
    text = "Am 15. September 1950 landeten sie. Im Mai 1951 sagte Bradley aus. Danach kam es."
    timeline = build_timeline(text, recognizer=lambda _document: [])
    gold_text = "\n".join(
        [
            "kind\tdoc\toffset\tlength\tquote\tbegin\tend",
            f"range\td\t0\t{len(text)}\tAm\t\t",
            f"event\td\t{text.index('landeten')}\t8\tlandeten\t1950-09-15\t1950-09-15",
            f"event\td\t{text.index('sagte')}\t5\tsagte\t1951-06\t1951-06",  # wrong on purpose
        ]
    )
    path = tmp_path / "gold.tsv"
    path.write_text(gold_text, encoding="utf-8")
    sections, gold = load_gold(path)
    score = score_events(text, sections, gold, timeline.events)
    assert (score.gold, score.system, score.sentence_found, score.correct) == (2, 2, 2, 1)


def test_bad_gold_lines(tmp_path: Path) -> None:
    path = tmp_path / "gold.tsv"
    path.write_text("event\td\tx\t3\tabc\t1950\t1950\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"gold\.tsv:1"):
        load_gold(path)


def test_gold_file_shape() -> None:
    sections, gold = load_gold(GOLD)
    assert {s.doc for s in sections} == {"02_WW1", "07_IraqWar", "11_ChineseCivWar"}
    assert len(gold) >= 70
    for event in gold:
        section = next(s for s in sections if s.doc == event.doc)
        assert section.start <= event.start < section.end
        assert event.time[0] <= event.time[1]


def test_development_gold_quotes_and_floor() -> None:
    assert CORPUS.is_dir(), f"{CORPUS} is missing (../shared/data)"
    from chronist.evaluation.corpora import load_corpus

    sections, gold = load_gold(GOLD)
    documents = {d.doc_id: d for d in load_corpus(CORPUS)}
    total = Score(0, 0, 0, 0)
    for doc in sorted({s.doc for s in sections}):
        document = documents[doc]
        events: tuple[Event, ...] = build_timeline(
            document.text, kind="narrative", dct=document.dct, recognizer=lambda _document: []
        ).events
        total += score_events(
            document.text,
            [s for s in sections if s.doc == doc],
            [g for g in gold if g.doc == doc],
            events,
        )
    # measured 2026-11-27: P 0.66, R 0.76, date accuracy 0.85; a floor, not a target
    assert total.recall >= 0.65 and total.precision >= 0.5 and total.date_accuracy >= 0.8


@pytest.mark.parametrize(
    ("label", "bad"),
    [
        ("Jahren durch Funde nachgewiesen", True),  # "vor 5000" cut off
        ("Tag seines Aufenthalts bat", True),  # "Am dritten" cut off
        ("Monaten in Wien kehrte Mozart zurück", True),
        ("Tag der Arbeit eingeführt", False),  # a name, not a cut length
        ("Jahrhundertflut traf Dresden", False),
        ("Truman setzt MacArthur ab", False),
    ],
)
def test_bad_label_length_tail(label: str, bad: bool) -> None:
    from chronist.evaluation.events import bad_label

    assert bad_label(label) is bad
