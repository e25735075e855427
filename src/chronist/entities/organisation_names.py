"""Organisations named by a body and what it is for: ``Bundesamt für Gesundheit``,
``Hochschule für Technik und Wirtschaft``, ``University of North Carolina``.

A capitalised word that names a body (``body_endings``, ``body_words`` of
``entities.toml``) or an organisation the tagger found, then a joiner (``für``,
``of``) and capitalised words (``und`` between two of them too), is one
organisation's name; a capitalised adjective right before the body's word is in it
(``Bayerischen Staatsministerium für Unterricht und Kultus``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chronist.entities.bio_spans import label_span, span_start
from chronist.entities.language import entity_facts

__all__ = ["is_named_body", "join_bodies"]

_ADJECTIVE = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]{2,}(?:e|en|er|es)$")


def _is_body(word: str) -> bool:
    facts = entity_facts("de")
    if word in facts.body_words:
        return True
    return word[:1].isupper() and word.lower().endswith(facts.body_endings)


def is_named_body(word: str, nouns: frozenset[str]) -> bool:
    """``Bundesjustizministerium``, ``Umweltbundesamt``, ``Linkspartei``: a compound
    ending in a body's noun (``body_endings``) that the training corpora never use as
    a common noun names one body, an organisation (``Ministerium`` alone does not).

    >>> is_named_body("Bundesjustizministerium", frozenset()), is_named_body("Amt", frozenset())
    (True, False)
    """
    if word in nouns or not word[:1].isupper() or not word[1:].islower():
        return False
    lower = word.lower()
    return any(
        lower.endswith(ending) and len(lower) - len(ending) >= 3
        for ending in entity_facts("de").body_endings
    )


def _name_end(words: Sequence[str], start: int) -> int:
    """The end of the run of capitalised words from ``start`` (``und`` between two)."""
    end = start
    while end < len(words):
        linked = words[end] == "und" and end > start and end + 1 < len(words)
        if not (words[end][:1].isupper() or (linked and words[end + 1][:1].isupper())):
            break
        end += 1
    return end


def join_bodies(words: Sequence[str], labels: list[str]) -> list[str]:
    """Label a body's name joined by ``für``/``of`` one organisation (in place).

    >>> join_bodies(["das", "Bundesamt", "für", "Gesundheit", "warnte"], ["O"] * 5)
    ['O', 'B-ORG', 'I-ORG', 'I-ORG', 'O']
    >>> join_bodies(["University", "of", "North", "Carolina"], ["B-ORG", "O", "B-LOC", "I-LOC"])
    ['B-ORG', 'I-ORG', 'I-ORG', 'I-ORG']
    >>> join_bodies(["Hilfe", "für", "Berlin"], ["O", "O", "B-LOC"])
    ['O', 'O', 'B-LOC']
    """
    joiners = entity_facts("de").body_joiners
    count = len(words)
    for index in range(1, count - 1):
        if words[index] not in joiners or not words[index + 1][:1].isupper():
            continue
        before = index - 1
        if labels[before] not in ("B-ORG", "I-ORG") and not _is_body(words[before]):
            continue
        start = span_start(labels, before) if labels[before] != "O" else before
        if (
            labels[before] == "O"
            and start > 1
            and labels[start - 1] == "O"
            and _ADJECTIVE.match(words[start - 1])
        ):
            start -= 1  # "Bayerischen Staatsministerium"
        end = _name_end(words, index + 1)
        if end < count and labels[end].startswith("I-"):
            continue  # a longer name goes on past the capitalised words
        label_span(labels, start, end)
    return labels
