"""Organisations whose name the tagger cut short on either side.

- A body's word followed by its members in the genitive plural, a capitalised adjective
  in ``-er`` and a capitalised noun, is one name: ``Bund Deutscher Architekten``,
  ``Allianz Demokratischer Kräfte``, ``Verein Berliner Kaufleute und Industrieller``
  (``member_bodies`` of ``entities.toml``, alone or ending a name the tagger found).
- An organisation the tagger found as one word that names a body's kind (``Club``,
  ``Bank``, ``School``: ``organisation_tails``, ``body_words``) takes the capitalised
  words right before it that the tagger left out: ``Metropolitan Club``, ``Glasgow
  School of Art``; not an article or the sentence's first word (``Die Bank``).
- A capitalised adjective inside a sentence right before a body's word (``body_endings``,
  ``adjective_bodies``) begins an organisation's name: ``des Obersten Gerichtshofs``,
  ``der Nordirischen Versammlung``, ``die Europäische Kommission``.
- A one-word name listed with an organisation the tagger found is one too: ``Uber und
  Snapchat``, ``BA und IAG``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chronist.entities.bio_spans import label_span, span_start
from chronist.entities.language import entity_facts
from chronist.entities.name_lexicon import in_noun_cluster, is_common_noun_among
from chronist.entities.places import gazetteer
from chronist.entities.resources import lexicon

__all__ = [
    "join_adjective_bodies",
    "join_members",
    "join_tail_prefix",
    "mark_coordinated_organisations",
]

_MEMBER_ADJECTIVE = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]{2,}er$")
_ADJECTIVE = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]{3,}(?:e|en|er|es)$")
_ROMAN = re.compile(r"^[IVXLC]+\.?$")
_CAPITALISED = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]")


def _members_end(words: Sequence[str], index: int) -> int:
    """The end of ``Deutscher Architekten`` (``und Industrieller`` too) from ``index``,
    or ``index`` when no such members follow."""
    count = len(words)
    if index + 1 >= count or not _MEMBER_ADJECTIVE.match(words[index]):
        return index
    if not _CAPITALISED.match(words[index + 1]):
        return index
    end = index + 2
    if end + 1 < count and words[end] == "und" and _CAPITALISED.match(words[end + 1]):
        end += 2
    return end


def join_members(words: Sequence[str], labels: list[str]) -> list[str]:
    """Join a body's word and its members in the genitive plural (in place).

    >>> join_members(["der", "Bund", "Deutscher", "Architekten", "tagt"], ["O"] * 5)
    ['O', 'B-ORG', 'I-ORG', 'I-ORG', 'O']
    >>> join_members(["Die", "Allianz", "Demokratischer", "Kräfte"], ["O", "B-ORG", "I-ORG", "O"])
    ['O', 'B-ORG', 'I-ORG', 'I-ORG']
    >>> join_members(["ein", "Bund", "alter", "Freunde"], ["O"] * 4)
    ['O', 'O', 'O', 'O']
    """
    bodies = entity_facts("de").member_bodies
    index = 0
    count = len(words)
    while index + 2 < count:
        word, label = words[index], labels[index]
        tagged = label in ("B-ORG", "I-ORG")
        if word not in bodies or not (tagged or label == "O"):
            index += 1
            continue
        end = _members_end(words, index + 1)
        if end == index + 1 or (end < count and labels[end].startswith("I-")):
            index += 1
            continue
        label_span(labels, span_start(labels, index) if tagged else index, end)
        index = end
    return labels


def join_tail_prefix(words: Sequence[str], labels: list[str]) -> list[str]:
    """Give a one-word body the capitalised words the tagger left before it (in place).

    >>> join_tail_prefix(["im", "Metropolitan", "Club", "in"], ["O", "O", "B-ORG", "O"])
    ['O', 'B-ORG', 'I-ORG', 'O']
    >>> join_tail_prefix(["Die", "Bank", "schloss"], ["O", "B-ORG", "O"])
    ['O', 'B-ORG', 'O']
    """
    facts = entity_facts("de")
    kinds = facts.organisation_tails | facts.body_words
    for index in range(1, len(words)):
        if labels[index] != "B-ORG" or words[index] not in kinds:
            continue
        start = index
        while (
            start > 1
            and labels[start - 1] == "O"
            and _CAPITALISED.match(words[start - 1])
            and words[start - 1].lower() not in facts.articles
        ):
            start -= 1
        if start < index:
            label_span(labels, start, index + 1)
            labels[index] = "I-ORG"
            after = index + 1
            while after < len(labels) and labels[after].startswith("I-"):
                labels[after] = "I-ORG"
                after += 1
    return labels


def _body_word(word: str) -> bool:
    facts = entity_facts("de")
    if word in facts.adjective_bodies:
        return True
    shaped = word[:1].isupper() and word[1:].islower()
    return shaped and word.lower().endswith(facts.body_endings)


def join_adjective_bodies(words: Sequence[str], labels: list[str]) -> list[str]:
    """Label a capitalised adjective and a body's word one organisation (in place).

    >>> join_adjective_bodies(["vor", "dem", "Obersten", "Gerichtshof", "."], ["O"] * 5)
    ['O', 'O', 'B-ORG', 'I-ORG', 'O']
    >>> join_adjective_bodies(["Obersten", "Gerichtshof"], ["O", "O"])
    ['O', 'O']
    >>> join_adjective_bodies(["der", "Richter", "samt", "den"], ["O"] * 4)
    ['O', 'O', 'O', 'O']
    """
    articles = entity_facts("de").articles
    count = len(words)
    for index in range(1, count - 1):
        word, body = words[index], words[index + 1]
        if labels[index] != "O" or not body[:1].isupper() or not _ADJECTIVE.match(word):
            continue
        if not _body_word(body):
            continue
        if words[index - 1][:1].isupper() and words[index - 1].lower() not in articles:
            continue  # a longer capitalised run: left to the tagger
        if labels[index + 1] not in ("O", "B-ORG"):
            continue
        end = index + 2
        while end < count and labels[end] == "I-ORG":
            end += 1
        if end < count and labels[end].startswith("I-"):
            continue
        label_span(labels, index, end)
    return labels


def _organisation_before(words: Sequence[str], labels: Sequence[str], index: int) -> bool:
    """``Reddit , |Twitter``: an organisation the tagger found, then a list's joiner."""
    joiners = entity_facts("de").list_joiners
    return (
        index >= 2
        and words[index - 1] in joiners
        and labels[index - 2] in ("B-ORG", "I-ORG")
        and len(words[index - 2]) >= 2
    )


def _organisation_after(words: Sequence[str], labels: Sequence[str], index: int) -> bool:
    """``|BA und IAG``: a list's joiner, then a one-word organisation the tagger found."""
    joiners = entity_facts("de").list_joiners
    following = index + 2
    return (
        following < len(words)
        and words[index + 1] in joiners
        and labels[following] == "B-ORG"
        and len(words[following]) >= 2
        and (following + 1 == len(words) or not labels[following + 1].startswith("I-"))
    )


def mark_coordinated_organisations(
    words: Sequence[str], labels: list[str], nouns: frozenset[str]
) -> list[str]:
    """A one-word name in a list with organisations is one too (in place): ``Uber und
    Snapchat``, ``Reddit , Twitter``; not a common noun (``FDP und Linksfraktion``) or a word
    of the lexicon's clusters of nouns, a given name, a place the gazetteer knows or a
    Roman numeral. Only the organisations found before spread, not the ones this adds.

    >>> mark_coordinated_organisations(["BA", "und", "IAG"], ["O", "O", "B-ORG"], frozenset())
    ['B-ORG', 'O', 'B-ORG']
    >>> nouns = frozenset(["Bahn"])
    >>> mark_coordinated_organisations(["VW", "und", "Bahn"], ["B-ORG", "O", "O"], nouns)
    ['B-ORG', 'O', 'O']
    """
    if "B-ORG" not in labels:
        return labels
    count = len(words)
    found = list(labels)  # only what the tagger found spreads: no chains of guesses
    for index in range(count):
        word = words[index]
        if labels[index] != "O" or not word[:1].isupper() or len(word) < 2:
            continue
        if index + 1 < count and words[index + 1][:1].isupper():
            continue  # the start of a longer name
        if index and words[index - 1][:1].isupper() and labels[index - 1] == "O":
            continue  # the end of a longer capitalised run
        listed = _organisation_before(words, found, index) or _organisation_after(
            words, found, index
        )
        if not listed or is_common_noun_among(word, nouns) or in_noun_cluster(word):
            continue  # "Gitarre, Sitar, Tabla": a tagger's slip does not spread
        if "fn" in lexicon().get(word, ()) or _ROMAN.match(word) or word in gazetteer():
            continue  # "I, II und III"; "Maas und Aisne": a river
        labels[index] = "B-ORG"
    return labels
