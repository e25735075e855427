"""Persons' names across the tagger's mentions: titles cut off (``General Omar
Bradley``), a place after a person and ``von`` joined to the name (``Rupert von
Salzburg``), a given name joined to the name after it (``Hanns Joachim Friedrichs``)."""

from __future__ import annotations

import re

from chronist.entities.coreference import TypedMention
from chronist.entities.gazetteer_pass import common_nouns, in_noun_cluster
from chronist.entities.language import EntityFacts
from chronist.entities.places import gazetteer
from chronist.entities.resources import lexicon
from chronist.entities.types import EntityType, Mention

__all__ = ["join_given_names", "join_name_particles", "split_title"]


def split_title(found: TypedMention, facts: EntityFacts) -> list[TypedMention]:
    """``General Omar Bradley`` -> ``Omar Bradley``; ``Reporter X Y General A B`` -> two."""
    text, start = found.mention.text, found.mention.start
    pieces: list[TypedMention] = []
    offset = 0
    current: list[tuple[int, str]] = []
    for word in text.split(" "):
        if word in facts.titles:
            if current:
                pieces.append(_piece(current, start, found.type))
            current = []
        else:
            current.append((offset, word))
        offset += len(word) + 1
    if current:
        pieces.append(_piece(current, start, found.type))
    return pieces


def _piece(words: list[tuple[int, str]], start: int, kind: EntityType) -> TypedMention:
    begin = start + words[0][0]
    end = start + words[-1][0] + len(words[-1][1])
    return TypedMention(Mention(" ".join(w for _, w in words), begin, end), kind)


def join_name_particles(
    text: str, found: list[TypedMention], facts: EntityFacts
) -> list[TypedMention]:
    """``Amandus von Worms``, ``Christian von Braunschweig``: a place right after a
    person (or a given name the tagger missed) and ``von`` is part of the person's
    name, not a place of the story."""
    joined: list[TypedMention] = []
    for m in found:
        last = joined[-1] if joined else None
        start = _name_before(text, last, m, facts) if m.type is EntityType.LOC else None
        if start is not None:
            if last is not None and last.mention.end > start:
                joined.pop()
            name = Mention(text[start : m.mention.end], start, m.mention.end)
            joined.append(TypedMention(name, EntityType.PER))
            continue
        joined.append(m)
    return joined


def _name_before(
    text: str, last: TypedMention | None, place: TypedMention, facts: EntityFacts
) -> int | None:
    """Where the person's name that ``place`` closes (``Rupert von Salzburg``) starts."""
    if last is not None and last.type is EntityType.PER:
        between = text[last.mention.end : place.mention.start]
        words = between.split()
        while words and words[0].rstrip(".").isupper() and words[0].endswith("."):
            words = words[1:]  # "Philipp I. von Heinsberg"
        if words and " ".join(words) in facts.name_particles and len(between) < 20:
            return last.mention.start
    before = _GIVEN_AND_PARTICLE.search(
        text[max(0, place.mention.start - 40) : place.mention.start]
    )
    if before is None or before.group(2) not in facts.name_particles:
        return None
    word = before.group(1)
    start = place.mention.start - len(before.group(0))
    if word in facts.titles or word in facts.not_name_heads or word in common_nouns():
        return None
    if in_noun_cluster(word):
        return None  # "der Reichstag zu Speyer", "der Patriarch von Alexandria"
    if "fn" in lexicon().get(word, ()):
        return start  # a given name the tagger left out: "Rupert von Salzburg"
    tagged = last is not None and (last.mention.start, last.mention.end) == (
        start,
        start + len(word),
    )
    if (
        tagged
        and last is not None
        and last.type is not EntityType.LOC
        and before.group(2) != "zu"
        and word in lexicon()
        and word not in gazetteer()
    ):
        return start  # one name the tagger typed otherwise: "Afra von Augsburg"
    return None


# "Rupert von ", "Anna von der ": a capitalised word and a name particle before a place
_GIVEN_AND_PARTICLE = re.compile(r"(?<![\w.])([A-ZÄÖÜ][a-zäöüß]+) (von der|von|vom|zu) $")


def join_given_names(text: str, found: list[TypedMention]) -> list[TypedMention]:
    """``Hanns`` + ``Joachim Friedrichs`` -> one person, when the first is a given name."""
    joined: list[TypedMention] = []
    for m in found:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.type is EntityType.PER is m.type
            and " " not in last.mention.text
            and text[last.mention.end : m.mention.start] == " "
            and "fn" in lexicon().get(last.mention.text, ())
        ):
            start = last.mention.start
            joined[-1] = TypedMention(
                Mention(text[start : m.mention.end], start, m.mention.end), m.type
            )
            continue
        joined.append(m)
    return joined
