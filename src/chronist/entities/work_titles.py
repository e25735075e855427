"""A work's title is no person, place or organisation: ``der Hit „Take On Me“``, ``das
Album „True Carnage“``, ``der Film „Sabrina“``. A name the tagger found that fills a
pair of quotation marks right after a word for a work (``work_nouns``, or a compound
ending in one: ``Debütalbum``, ``Titelsong``; ``whole_work_nouns`` only whole, not
``Bergwerk``; ``entities.toml``) is relabelled ``O``:
the title names the work (GermEval's OTH), whatever its words are. A newspaper's name
stays (``die Wochenzeitung „Die Zeit“``): a newspaper is no work noun here."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from chronist.entities.language import entity_facts

__all__ = ["drop_work_titles"]

_OPENING = frozenset({"„", '"', "“", "»", "«", "‚", "'"})
_CLOSING = frozenset({"“", '"', "”", "«", "»", "‘", "'"})


@cache
def _compound_endings() -> tuple[str, ...]:
    return tuple(sorted(noun.lower() for noun in entity_facts("de").work_nouns))


def _work_noun(word: str) -> bool:
    facts = entity_facts("de")
    if word in facts.work_nouns or word in facts.whole_work_nouns:
        return True
    lower = word.lower()
    return word[:1].isupper() and lower.endswith(_compound_endings()) and len(lower) > 5


def drop_work_titles(words: Sequence[str], labels: list[str]) -> list[str]:
    """Relabel ``O`` the names that are a work's quoted title (in place).

    >>> drop_work_titles(["den", "Hit", "„", "Take", "On", "Me", "“"],
    ...                  ["O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O"])
    ['O', 'O', 'O', 'O', 'O', 'O', 'O']
    >>> drop_work_titles(["die", "Zeitung", "„", "Bild", "“"], ["O", "O", "O", "B-ORG", "O"])
    ['O', 'O', 'O', 'B-ORG', 'O']
    """
    count = len(words)
    for index in range(1, count - 2):
        if words[index] not in _OPENING or not _work_noun(words[index - 1]):
            continue
        end = index + 1
        while end < count and words[end] not in _CLOSING:
            end += 1
        if end == count or end == index + 1:
            continue
        if any(label != "O" for label in labels[index + 1 : end]):
            for inner in range(index + 1, end):
                labels[inner] = "O"
    return labels
