"""The organisation names harvested from unannotated text for the NER lexicon
(``training/ner/harvest_wiki.py``): each pattern finds its names, and common
nouns, sentence-initial words and bare head nouns are not taken for names."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "training" / "ner"))

import harvest_wiki

HEADS = harvest_wiki.read_heads()
FUNCTION_WORDS = frozenset({"In", "Nach", "Seine"})


def _names(line: str) -> set[str]:
    found: Counter[str] = Counter()
    harvest_wiki.harvest_line(line, HEADS, FUNCTION_WORDS, found)
    return set(found)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        (
            "Die Europäische Zentralbank (EZB; englisch European Central Bank) hat ihren Sitz.",
            {"Europäische Zentralbank", "EZB", "European Central Bank"},
        ),
        ("Die Partei (SPD) trat an.", {"SPD"}),
        ("Er kaufte Aktien der Deutsche Post AG und der Bayer AG.", {"Deutsche Post", "Bayer"}),
        (
            "In der Champions League spielte Manchester United.",
            {"Champions League", "Manchester United"},
        ),
        ("Er war Mitglied der Kommunistischen Partei Chinas.", {"Kommunistischen Partei Chinas"}),
        ("Seine Werke zeigen den Rat der Europäischen Union.", {"Europäischen Union"}),
        ("Nach der Wiedervereinigung wuchs die Stadt.", set()),
        ("Wirtschaft und Gesellschaft litten unter der Regierung.", set()),
    ],
)
def test_harvest_line(line: str, names: set[str]) -> None:
    assert _names(line) == names


def test_heads_cover_compounds_and_english_words() -> None:
    assert harvest_wiki.is_head("Verteidigungsministerium", HEADS)
    assert harvest_wiki.is_head("Party", HEADS)
    assert not harvest_wiki.is_head("Bauwerke", HEADS)
    assert not harvest_wiki.is_head("partei", HEADS)
