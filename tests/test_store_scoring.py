"""The learned merge model: features of a candidate pair, their weights, the model file."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from chronist.errors import LanguageDataError
from chronist.store.matching import load_words
from chronist.store.mention_info import MentionInfo
from chronist.store.merge import MergeIndex
from chronist.store.merged_event import MergedEvent
from chronist.store.scoring import FEATURES, features, load_model

WORDS = load_words("de")
MODEL = load_model()


def _mention(
    doc: str, lemma: str, day: str, entities: frozenset[int] = frozenset(), seq: int = 0
) -> MentionInfo:
    # a year (1997), a month of 31 days (1807-08) or a day
    first = {4: day + "-01-01", 7: day + "-01"}.get(len(day), day)
    last = {4: day + "-12-31", 7: day + "-31"}.get(len(day), day)
    time = (day, day, first, first, last, last, "explicit", day)
    return MentionInfo(
        doc, seq, "conflict", lemma.lower(), lemma, 0.9, False, entities, frozenset(), time,
        group=WORDS.group(lemma), generic=WORDS.generic(lemma),
    )  # fmt: skip


def _event(*mentions: MentionInfo) -> MergedEvent:
    merged = MergedEvent(1, {(m.doc, m.seq): m for m in mentions})
    merged.refresh()
    return merged


def _score(mention: MentionInfo, merged: MergedEvent, spread: tuple[int, int] = (1, 1)) -> float:
    values = features(mention, merged, lambda: 0.0, lambda: spread)
    assert values is not None and len(values) == len(FEATURES)
    return MODEL.score(values)


def test_shared_participants_count_for_and_other_ones_against() -> None:
    told = _event(_mention("a", "erobern", "1807-08-30", frozenset({1, 2})))
    shared = _score(_mention("b", "Eroberung", "1807-08-30", frozenset({1})), told)
    unknown = _score(_mention("b", "Eroberung", "1807-08-30"), told)
    other = _score(_mention("b", "Eroberung", "1807-08-30", frozenset({7})), told)
    assert shared > unknown > other


def test_the_narrower_the_common_time_the_more_it_tells() -> None:
    told = _event(_mention("a", "erobern", "1807-08-30"))
    day = _score(_mention("b", "erobern", "1807-08-30"), told)
    month = _score(_mention("b", "erobern", "1807-08"), told)
    assert day > month


def test_a_word_told_of_many_happenings_says_less() -> None:
    # a club's history tells many wins: the same word in two of them tells less
    told = _event(_mention("a", "gewinnen", "1997"))
    once = _score(_mention("b", "gewinnen", "1997"), told, (1, 1))
    often = _score(_mention("b", "gewinnen", "1997"), told, (6, 8))
    assert once > often


def test_what_the_words_or_stated_times_rule_out_has_no_features() -> None:
    told = _event(_mention("a", "sterben", "1865-04-15"))
    assert (
        features(_mention("b", "erobern", "1865-04-15"), told, lambda: 0.0, lambda: (1, 1)) is None
    )
    assert features(_mention("b", "Tod", "1866-04-15"), told, lambda: 0.0, lambda: (1, 1)) is None
    assert (
        features(_mention("b", "Tod", "1865-04-15"), told, lambda: 0.0, lambda: (1, 1)) is not None
    )


def test_the_index_counts_the_happenings_a_document_tells_with_a_word() -> None:
    index = MergeIndex()
    index.add_document([_mention("a", "gewinnen", "1997", seq=0),
                        _mention("a", "gewinnen", "2001", seq=1)])  # fmt: skip
    assert len(index.spread[("a", "siegen")]) == 2  # two wins: the group's word
    index.remove_document("a")
    assert ("a", "siegen") not in index.spread


def test_a_model_file_without_every_weight_is_a_language_data_error(tmp_path: Path) -> None:
    path = tmp_path / "model.toml"
    path.write_text("threshold = 0.0\n[weights]\nbias = -1.0\n", encoding="utf-8")
    with pytest.raises(LanguageDataError, match="same_lemma"):
        load_model(path)


def test_judging_a_pair_is_its_score_at_or_above_the_threshold() -> None:
    told = _event(_mention("a", "erobern", "1807-08-30", frozenset({1})))
    for mention, words in (
        (_mention("b", "Eroberung", "1807-08-30", frozenset({1})), 1.0),  # reaches it
        (_mention("b", "Eroberung", "1807", frozenset({7})), 0.0),  # far below it
    ):
        values = features(mention, told, lambda w=words: w, lambda: (1, 1))  # type: ignore[misc]
        assert values is not None
        score = MODEL.score(values)
        judged = MODEL.judge(mention, told, lambda w=words: w, lambda: (1, 1))  # type: ignore[misc]
        assert judged == (score if score >= MODEL.threshold else None)
    assert MODEL.judge(_mention("b", "Eroberung", "1807", frozenset({7})), told,
                       lambda: 0.0, lambda: (1, 1)) is None  # fmt: skip


def test_an_entity_both_sentences_name_counts_for_the_merge() -> None:
    # the entities of the evidence sentences (not extracted as arguments) are shared
    # evidence too; extracted participants shared by both count once more
    told = _event(replace(_mention("a", "erobern", "1807"), named=frozenset({1})))
    named = _score(replace(_mention("b", "Eroberung", "1807"), named=frozenset({1})), told)
    unknown = _score(_mention("b", "Eroberung", "1807"), told)
    assert named > unknown
    both = _event(_mention("a", "erobern", "1807", frozenset({1})))
    extracted = _score(_mention("b", "Eroberung", "1807", frozenset({1})), both)
    assert extracted > named
