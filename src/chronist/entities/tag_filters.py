"""The last lexical pass: one-word labels that name nothing (the tagger's side of
:mod:`chronist.entities.mention_filters`, so that the labels scored by ``chronist
eval --ner`` and the mentions of a timeline agree).

- An abbreviation or era marker of ``not_entities`` (``Chr.``, ``Dr.``), or a short
  word with a small letter ending in a full stop (``Hrsg.``), is no name.
- A one-word place that is a place's demonym (``Kölner``, ``Deidesheimer``: a
  gazetteer name + ``demonym_suffixes``) or an adjective (``amerikanischen``) is
  an inhabitant or a property, not the place.
"""

from __future__ import annotations

from collections.abc import Sequence

from chronist.entities.language import entity_facts
from chronist.entities.places import is_demonym

__all__ = ["drop_non_names"]


def _alone(labels: Sequence[str], index: int) -> bool:
    return labels[index].startswith("B-") and (
        index + 1 == len(labels) or not labels[index + 1].startswith("I-")
    )


def _abbreviation(word: str) -> bool:
    """``Bd.``, ``Hrsg.``, ``Jh.``: a short word with a small letter before a full stop
    (not an acronym glued to the sentence's stop, ``NHL.``)."""
    return word.endswith(".") and len(word) <= 5 and word[:-1] != word[:-1].upper()


def _not_a_place(word: str, label: str) -> bool:
    """A one-word place that is a demonym or an adjective (``Kölner``, ``römischen``)."""
    facts = entity_facts("de")
    return label == "B-LOC" and (
        word.endswith(facts.adjective_endings) or is_demonym(word, facts.demonym_suffixes)
    )


def drop_non_names(words: Sequence[str], labels: list[str]) -> list[str]:
    """Relabel ``O`` the one-word names that are abbreviations, demonyms or
    adjectives (in place).

    >>> drop_non_names(["Die", "Kölner", "feierten"], ["O", "B-LOC", "O"])
    ['O', 'O', 'O']
    >>> drop_non_names(["Er", "zog", "nach", "Köln"], ["O", "O", "O", "B-LOC"])
    ['O', 'O', 'O', 'B-LOC']
    """
    facts = entity_facts("de")
    for index, word in enumerate(words):
        if not _alone(labels, index):
            continue
        if word in facts.not_entities or _abbreviation(word) or _not_a_place(word, labels[index]):
            labels[index] = "O"
    return labels
