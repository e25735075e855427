"""Compounds cut before a conjunction: ``Mittel- und Südalbanien``, ``Ost- und
Westpreußen``, ``Nord- und Ostsee``.

The first word is a compass prefix (``compass_prefixes`` of ``entities.toml``) with
its hyphen, the conjunction one of ``hyphen_conjunctions``, and the word after it a
place that opens with a compass prefix too; the first word then names the place
that prefix + the rest of that word makes (``Mittelalbanien``, ``Nordsee``), when
the gazetteer knows it or it is a compass part of a place it knows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chronist.entities.language import EntityFacts, entity_facts
from chronist.entities.name_lexicon import is_place_name
from chronist.entities.places import gazetteer

__all__ = ["completed_name", "mark_cut_compounds"]

_AFTER = re.compile(r"\s*[-⸗]\s+(\w+)\s+([A-ZÄÖÜ]\w+)")


def _completion(prefix: str, conjunction: str, word: str, facts: EntityFacts) -> str | None:
    """``Mittel`` + ``und`` + ``Südalbanien`` -> ``Mittelalbanien``; else ``None``."""
    if prefix not in facts.compass_prefixes or conjunction not in facts.hyphen_conjunctions:
        return None
    for other in facts.compass_prefixes:  # longest first: "Südost" before "Süd"
        rest = word[len(other) :]
        if not word.startswith(other) or len(rest) < 3 or not rest[0].islower():
            continue
        name = prefix + rest
        if name in gazetteer() or is_place_name(rest.capitalize()):
            return name
        return None
    return None


def mark_cut_compounds(words: Sequence[str], labels: list[str]) -> list[str]:
    """Label the cut first word of such a pair a place (in place).

    >>> mark_cut_compounds(["waren", "Mittel", "-", "und", "Südalbanien"],
    ...                    ["O", "O", "O", "O", "B-LOC"])
    ['O', 'B-LOC', 'O', 'O', 'B-LOC']
    >>> mark_cut_compounds(["die", "Mittel", "-", "und", "Oberschicht"], ["O"] * 5)
    ['O', 'O', 'O', 'O', 'O']
    """
    facts = entity_facts("de")
    for index in range(len(words) - 3):
        if labels[index] != "O" or words[index + 1] not in facts.compound_hyphens:
            continue
        if _completion(words[index], words[index + 2], words[index + 3], facts) is not None:
            labels[index] = "B-LOC"
    return labels


def completed_name(text: str, start: int, end: int, facts: EntityFacts) -> str | None:
    """The whole name of a cut first word at ``text[start:end]``.

    >>> from chronist.entities.language import entity_facts
    >>> completed_name("Mittel- und Südalbanien", 0, 6, entity_facts("de"))
    'Mittelalbanien'
    """
    match = _AFTER.match(text, end)
    if match is None:
        return None
    return _completion(text[start:end], match.group(1), match.group(2), facts)
