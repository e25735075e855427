"""Persons' names across the tagger's mentions: titles cut off (``General Omar
Bradley``), a place after a person and ``von`` joined to the name (``Rupert von
Salzburg``), a given name joined to the name after it (``Hanns Joachim Friedrichs``),
and a ruler's territory after the regnal number split off (``Bretislav I. von Böhmen``)."""

from __future__ import annotations

import re

from chronist.entities.coreference import TypedMention
from chronist.entities.gazetteer_pass import common_nouns, in_noun_cluster
from chronist.entities.language import EntityFacts
from chronist.entities.places import PlaceKind, candidates, gazetteer
from chronist.entities.resources import lexicon
from chronist.entities.types import EntityType, Mention

__all__ = ["join_given_names", "join_name_particles", "split_ruler_territory", "split_title"]

# a town this big after a ruler's name is a family's seat or a see as well as a territory
# ("Adalbero III. von Luxemburg", "Philipp I. von Heinsberg"): the name stays one person
_TOWN_OF_A_NAME = 10_000
_AREA_KINDS = frozenset({PlaceKind.COUNTRY, PlaceKind.REGION, PlaceKind.HISTORICAL_STATE})
# "Bretislav I. von ", "Heinrich II. von ": a regnal number and a name particle
_ROMAN = re.compile(r"[IVXL]+\.")
_REGNAL = re.compile(r"(?<=\S) ([IVXL]+\.) (von|zu) (?=[A-ZÄÖÜ])")


def is_territory(name: str) -> bool:
    """``Böhmen``, ``Frankreich``, ``Kastilien``: a country, region or historical state
    of the gazetteer, and no town of some size of that name.

    >>> is_territory("Böhmen"), is_territory("Heinsberg"), is_territory("Luxemburg")
    (True, False, False)
    """
    places = candidates(name)
    return any(p.kind in _AREA_KINDS for p in places) and not any(
        p.kind is PlaceKind.SETTLEMENT and p.population >= _TOWN_OF_A_NAME for p in places
    )


def split_ruler_territory(found: TypedMention, facts: EntityFacts) -> list[TypedMention]:
    """``Bretislav I. von Böhmen`` -> the ruler ``Bretislav I.`` and the place ``Böhmen``:
    after a regnal number, ``von`` + a territory is what the ruler ruled, a place of the
    story (``Philipp I. von Heinsberg``, a town, stays one name).

    >>> from chronist.entities.language import entity_facts
    >>> m = TypedMention(Mention("Bretislav I. von Böhmen", 7, 30), EntityType.PER)
    >>> [(p.mention.text, p.mention.start, p.type.value)
    ...  for p in split_ruler_territory(m, entity_facts("de"))]
    [('Bretislav I.', 7, 'PER'), ('Böhmen', 24, 'LOC')]
    """
    if found.type is not EntityType.PER:
        return [found]
    text, start = found.mention.text, found.mention.start
    regnal = _REGNAL.search(text)
    if regnal is None or regnal.group(2) not in facts.name_particles:
        return [found]
    place = text[regnal.end() :]
    if not is_territory(place):
        return [found]
    ruler = text[: regnal.end(1)]
    return [
        TypedMention(Mention(ruler, start, start + len(ruler)), EntityType.PER),
        TypedMention(Mention(place, start + regnal.end(), found.mention.end), EntityType.LOC),
    ]


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
        regnal = _ROMAN.fullmatch(last.mention.text.split()[-1]) is not None
        while words and words[0].rstrip(".").isupper() and words[0].endswith("."):
            words, regnal = words[1:], True  # "Philipp I. von Heinsberg"
        if regnal and is_territory(place.mention.text):
            return None  # "Bretislav I. von Böhmen": the territory he ruled
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
