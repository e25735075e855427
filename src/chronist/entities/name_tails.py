"""A name's last word tells its type: ``Hudson River`` and ``Steinerne Brücke`` are
places, ``Dave Matthews Band`` and ``Carlsen Comics`` organisations, whatever the
tagger said (``place_tails`` and ``organisation_tails`` of ``entities.toml``). Such a
word right after a name the tagger ended before it joins the name (``Dave Matthews``
+ ``Band``). A person's given name right before the word makes it a surname
(``Michael Bay``). A common noun after a name's genitive is not in the name
(``Erdogans Kurs``), unless the gazetteer lists the whole as a place's name
(``Deutsches Kaiserreich``, ``Russisches Kaiserreich``)."""

from __future__ import annotations

from collections.abc import Sequence

from chronist.entities.bio_spans import span_start
from chronist.entities.language import entity_facts
from chronist.entities.name_lexicon import is_place_name
from chronist.entities.resources import PERSON_FLAGS, lexicon

__all__ = ["cut_possessed_noun", "type_by_tail"]

_GENITIVE_ENDINGS = ("s", "'", "’")  # "Erdogans", "Thutmosis'"


def _tail_type(word: str) -> str | None:
    facts = entity_facts("de")
    if word in facts.place_tails:
        return "LOC"
    if word in facts.organisation_tails:
        return "ORG"
    return None


def _given_name_and_surname(
    words: Sequence[str], labels: Sequence[str], start: int, end: int
) -> bool:
    """``Michael Bay``, ``Mike Lake``: a person whose given name stands right before the
    tail word, which is the surname."""
    return labels[start] == "B-PER" and "fn" in lexicon().get(words[end - 2], ())


def type_by_tail(words: Sequence[str], labels: list[str]) -> list[str]:
    """Retype (and extend) names by their last word (in place).

    >>> type_by_tail(["am", "Hudson", "River", "."], ["O", "B-ORG", "I-ORG", "O"])
    ['O', 'B-LOC', 'I-LOC', 'O']
    >>> type_by_tail(["die", "Dave", "Matthews", "Band"], ["O", "B-PER", "I-PER", "O"])
    ['O', 'B-ORG', 'I-ORG', 'I-ORG']
    >>> type_by_tail(["Regisseur", "Michael", "Bay"], ["O", "B-PER", "I-PER"])
    ['O', 'B-PER', 'I-PER']
    """
    count = len(words)
    index = 0
    while index < count:
        if not labels[index].startswith("B-"):
            index += 1
            continue
        end = index + 1
        while end < count and labels[end].startswith("I-"):
            end += 1
        if end < count and labels[end] == "O" and _tail_type(words[end]) is not None:
            end += 1  # "Dave Matthews" + "Band"
        kind = _tail_type(words[end - 1]) if end - index >= 2 else None
        if kind is not None and not _given_name_and_surname(words, labels, index, end):
            labels[index] = "B-" + kind
            for inner in range(index + 1, end):
                labels[inner] = "I-" + kind
        index = end
    return labels


def cut_possessed_noun(words: Sequence[str], labels: list[str], nouns: frozenset[str]) -> list[str]:
    """Cut from a person or place a common noun that its genitive governs (in place):
    ``Erdogans Kurs``, ``Griechenlands Kolonien`` end before the noun. Not when the noun
    is also a given name or surname (``Klaus Sturm``), follows a given name (``Hans
    Licht``) or names a place's kind (``place_tails``).

    >>> cut_possessed_noun(["Clintons", "Kurs"], ["B-PER", "I-PER"], frozenset({"Kurs"}))
    ['B-PER', 'O']
    """
    facts = entity_facts("de")
    names = lexicon()
    count = len(words)
    for index in range(1, count):
        last, before = words[index], words[index - 1]
        if (
            not labels[index].startswith(("I-PER", "I-LOC"))
            or (index + 1 < count and labels[index + 1].startswith("I-"))
            or last not in nouns
            or last in facts.place_tails
            or len(before) <= 3
            or not before.endswith(_GENITIVE_ENDINGS)
            or PERSON_FLAGS.intersection(names.get(last, ()))
            or "fn" in names.get(before, ())
        ):
            continue
        start = span_start(labels, index - 1)
        if is_place_name(" ".join(words[start : index + 1])):
            continue  # "Russisches Kaiserreich": a state's name, no genitive + noun
        labels[index] = "O"
    return labels
