"""Moving a peer's annotations onto the gold text when the two texts differ."""

from __future__ import annotations

from chronist.evaluation.align import align_timexes
from chronist.evaluation.corpora import GoldTimex


def _at(text: str, needle: str) -> GoldTimex:
    start = text.index(needle)
    return GoldTimex(start, start + len(needle), needle, "DATE", None, None)


def test_identical_texts_keep_offsets() -> None:
    text = "Im Mai 1950."
    timex = _at(text, "Mai 1950")
    assert align_timexes(text, text, [timex]) == ([timex], 0)


def test_trimmed_and_edited_text_moves_offsets_to_the_same_words() -> None:
    peer = "Krieg\nIm Mai 1950 begann es.\nZwei Jahre später, 1952, endete es."
    gold = "\n\nKrieg\nIm  Mai 1950 begann es.\nZwei Jahre spaeter, 1952, endete es.\n"
    moved, lost = align_timexes(peer, gold, [_at(peer, "Mai 1950"), _at(peer, "1952")])
    assert lost == 0
    assert [gold[t.start : t.end] for t in moved] == ["Mai 1950", "1952"]
    assert [t.text for t in moved] == ["Mai 1950", "1952"]


def test_an_annotation_whose_text_is_gone_is_counted_as_lost() -> None:
    peer = "am 3. Mai und 1950"
    gold = "am XYZ und 1950"
    moved, lost = align_timexes(peer, gold, [_at(peer, "3. Mai"), _at(peer, "1950")])
    assert lost == 1
    assert [t.text for t in moved] == ["1950"]
