"""A town's or country's name in capitals (``BOCHUM``, ``CHICAGO``: a news agency's
dateline, a heading) is that place. The tagger reads such a word as an acronym, mostly
an organisation's, and the lexicon knows the name only in its normal case: a word of
capitals whose normal case is a country or a town of some size (as for the names the
tagger missed, :data:`~chronist.entities.name_lexicon.MIN_POPULATION`) and no common
noun is a place, when the tagger made it a one-word organisation or nothing."""

from __future__ import annotations

from collections.abc import Sequence

from chronist.entities.name_lexicon import MIN_POPULATION
from chronist.entities.places import PlaceKind, gazetteer

__all__ = ["place_in_capitals"]

_SHORTEST = 5  # "USA", "BER", "APA": three or four capitals are acronyms as often


def _is_town_in_capitals(word: str, nouns: frozenset[str]) -> bool:
    if len(word) < _SHORTEST or not word.isalpha() or not word.isupper():
        return False
    name = word[0] + word[1:].lower()
    if name in nouns:
        return False
    return any(
        p.kind is PlaceKind.COUNTRY
        or (p.kind is PlaceKind.SETTLEMENT and p.population >= MIN_POPULATION)
        for p in gazetteer().get(name, ())
    )


def place_in_capitals(words: Sequence[str], labels: list[str], nouns: frozenset[str]) -> list[str]:
    """Label a country or town written in capitals a place (in place).

    >>> place_in_capitals(["BOCHUM", "-", "Die", "Stadt"], ["B-ORG", "O", "O", "O"], frozenset())
    ['B-LOC', 'O', 'O', 'O']
    >>> place_in_capitals(["Die", "USA", "und", "BMW"], ["O", "B-ORG", "O", "B-ORG"], frozenset())
    ['O', 'B-ORG', 'O', 'B-ORG']
    """
    count = len(words)
    for index, word in enumerate(words):
        label = labels[index]
        before = labels[index - 1] if index else "O"
        after = labels[index + 1] if index + 1 < count else "O"
        if after.startswith("I-") or not (
            label == "B-ORG" or (label == "O" and before == "O" and after == "O")
        ):
            continue
        if _is_town_in_capitals(word, nouns):
            labels[index] = "B-LOC"
    return labels
