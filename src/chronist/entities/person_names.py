"""Persons' names across the tagger's mentions: titles cut off (``General Omar
Bradley``), a place after a person and ``von`` joined to the name (``Rupert von
Salzburg``), a given name joined to the name after it (``Hanns Joachim Friedrichs``), a
place's name beside a person's joined to it (``Lionel Hampton``, ``Cleveland Williams``),
and a ruler's territory after the regnal number split off (``Bretislav I. von Böhmen``).
A place that is a person's given name is in :mod:`chronist.entities.given_name_places`."""

from __future__ import annotations

import re

from chronist.entities.coreference import TypedMention
from chronist.entities.language import EntityFacts
from chronist.entities.name_lexicon import common_nouns, given_name_shaped, in_noun_cluster
from chronist.entities.places import PlaceKind, candidates, gazetteer
from chronist.entities.resources import lexicon
from chronist.entities.types import EntityType, Mention

__all__ = [
    "join_given_names",
    "join_name_particles",
    "join_person_places",
    "names_an_area",
    "ruler_title",
    "split_ruler_territory",
    "split_title",
    "titled_persons",
    "trim_lowercase",
]

# a town this big after a ruler's name is a family's seat or a see as well as a territory
# ("Adalbero III. von Luxemburg", "Philipp I. von Heinsberg"): the name stays one person
_TOWN_OF_A_NAME = 10_000
_AREA_KINDS = frozenset({PlaceKind.COUNTRY, PlaceKind.REGION, PlaceKind.HISTORICAL_STATE})
_ROMAN = re.compile(r"[IVXL]+\.")
# "Bretislav I. von ", "Philipp von ": (a regnal number and) a name particle before a name
_PARTICLE = re.compile(r"(?<=\S)(?:\s+([IVXL]+\.))?\s+(von|zu)\s+(?=[A-ZÄÖÜ])")


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


def trim_lowercase(found: TypedMention, facts: EntityFacts) -> list[TypedMention]:
    """A lower-case word at the end of a tagged person's name is not part of it: ``Gustav
    Adolf zog`` -> ``Gustav Adolf`` (a name particle or article inside stays: ``Ludwig der``
    is cut, ``Ludwig der Baier`` is not).

    >>> from chronist.entities.language import entity_facts
    >>> m = TypedMention(Mention("Gustav Adolf zog", 0, 16), EntityType.PER)
    >>> [p.mention.text for p in trim_lowercase(m, entity_facts("de"))]
    ['Gustav Adolf']
    """
    if found.type is not EntityType.PER:
        return [found]  # "Vena centralis", "Österreich-Ungarn de facto": not cut to a town
    words = found.mention.text.split(" ")
    keep = len(words)
    while keep > 1 and words[keep - 1].isalpha() and words[keep - 1].islower():
        keep -= 1  # not "d'Or", "nell'Emilia": a Romance article glued to a name
    if keep == len(words):
        return [found]
    text = " ".join(words[:keep])
    start = found.mention.start
    return [TypedMention(Mention(text, start, start + len(text)), found.type)]


def ruler_title(text: str, start: int, facts: EntityFacts) -> str | None:
    """The ruler's title (``ruler_territories``) right before ``start``, with at most a
    name and a regnal number and ``von`` between: ``Graf Adolf VI. von |Berg``,
    ``Markgrafen von |Brandenburg``; the title itself right before: ``Graf |Philipp``.

    >>> from chronist.entities.language import entity_facts
    >>> text = "auf Graf Adolf VI. von Berg"
    >>> ruler_title(text, 23, entity_facts("de")), ruler_title(text, 9, entity_facts("de"))
    ('Graf', 'Graf')
    """
    words = text[max(0, start - 60) : start].split()
    if words and words[-1] in facts.name_particles:
        words = words[:-1]
        skipped = 0
        while words and skipped < 3 and (_ROMAN.fullmatch(words[-1]) or _NAME.match(words[-1])):
            if words[-1] in facts.ruler_territories:
                break
            words, skipped = words[:-1], skipped + 1
    if words and words[-1] in facts.ruler_territories:
        return words[-1]
    return None


_NAME = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+$")


def split_ruler_territory(found: TypedMention, text: str, facts: EntityFacts) -> list[TypedMention]:
    """``Bretislav I. von Böhmen`` -> the ruler ``Bretislav I.`` and the place ``Böhmen``:
    after a regnal number, ``von`` + a territory is what the ruler ruled (``Philipp I.
    von Heinsberg``, a town, stays one name); so is a known place after a ruler's title,
    a name and ``von`` (``Graf Philipp von Flandern``; ``Bischof Rupert von Salzburg``
    and ``Rudolf von Habsburg``, no place the gazetteer knows, stay one name).

    >>> from chronist.entities.language import entity_facts
    >>> m = TypedMention(Mention("Bretislav I. von Böhmen", 7, 30), EntityType.PER)
    >>> [(p.mention.text, p.mention.start, p.type.value)
    ...  for p in split_ruler_territory(m, "Herzog Bretislav I. von Böhmen", entity_facts("de"))]
    [('Bretislav I.', 7, 'PER'), ('Böhmen', 24, 'LOC')]
    """
    if found.type is not EntityType.PER:
        return [found]
    name, start = found.mention.text, found.mention.start
    particle = _PARTICLE.search(name)
    if particle is None or particle.group(2) not in facts.name_particles:
        return [found]
    place = name[particle.end() :]
    regnal = particle.group(1) is not None and is_territory(place)
    titled = ruler_title(text, start, facts) is not None and bool(candidates(place))
    if not (regnal or titled):
        return [found]
    ruler = name[: particle.end(1)] if particle.group(1) else name[: particle.start()]
    return [
        TypedMention(Mention(ruler, start, start + len(ruler)), EntityType.PER),
        TypedMention(Mention(place, start + particle.end(), found.mention.end), EntityType.LOC),
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
        titled = ruler_title(text, last.mention.start, facts) is not None
        if titled and candidates(place.mention.text):
            return None  # "Graf Philipp von Flandern": the county he ruled
        if words and " ".join(words) in facts.name_particles and len(between) < 20:
            return last.mention.start
    before = _GIVEN_AND_PARTICLE.search(
        text[max(0, place.mention.start - 40) : place.mention.start]
    )
    if before is None or before.group(2) not in facts.name_particles:
        return None
    word = before.group(1)
    start = place.mention.start - len(before.group(0))
    flags = lexicon().get(word, ())
    if word in facts.titles or word in facts.not_name_heads:
        return None
    if word in common_nouns() and not given_name_shaped(word):
        return None  # a given name the corpora also write as a noun stays a name: "Adam"
    if in_noun_cluster(word):
        return None  # "der Reichstag zu Speyer", "der Patriarch von Alexandria"
    if "fn" in flags:
        return start  # a given name the tagger left out: "Rupert von Salzburg"
    if "sn" in flags and word not in gazetteer() and before.group(2) != "zu":
        return start  # a rare given name the lexicon knows as a name: "Helmold von Bosau"
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


def join_person_places(
    text: str, found: list[TypedMention], facts: EntityFacts
) -> list[TypedMention]:
    """A one-word place right after a given name the tagger took for a person (``Lionel``
    + ``Hampton``), or right before a one-word person and after no place's preposition
    (``Cleveland`` + ``Williams``; not ``in Paris Napoleon``), is part of that person's
    name: one person.

    >>> lionel = TypedMention(Mention("Lionel", 0, 6), EntityType.PER)
    >>> hampton = TypedMention(Mention("Hampton", 7, 14), EntityType.LOC)
    >>> from chronist.entities.language import entity_facts
    >>> [m.mention.text for m in join_person_places("Lionel Hampton", [lionel, hampton],
    ...                                              entity_facts("de"))]
    ['Lionel Hampton']
    """
    joined: list[TypedMention] = []
    for m in found:
        last = joined[-1] if joined else None
        if (
            last is not None
            and {last.type, m.type} == {EntityType.PER, EntityType.LOC}
            and " " not in last.mention.text
            and " " not in m.mention.text
            and text[last.mention.end : m.mention.start] == " "
            and _person_first(text, last, facts)
            and not _genitive_person(m)
        ):
            start = last.mention.start
            name = Mention(text[start : m.mention.end], start, m.mention.end)
            joined[-1] = TypedMention(name, EntityType.PER)
            continue
        joined.append(m)
    return joined


def _genitive_person(found: TypedMention) -> bool:
    """A person's name in the genitive after a place (``das Frankreich Napoleons``): a
    word in ``s`` the lexicon does not know, whose stem it knows as a name."""
    word = found.mention.text
    names = {"fn", "sn"}
    if found.type is not EntityType.PER or not word.endswith("s"):
        return False
    return not names.intersection(lexicon().get(word, ())) and bool(
        names.intersection(lexicon().get(word[:-1], ()))
    )


def _person_first(text: str, first: TypedMention, facts: EntityFacts) -> bool:
    """The first of a person and a place side by side begins a person's name: a given
    name, or a place after no place's preposition or article."""
    if first.type is EntityType.PER:
        return "fn" in lexicon().get(first.mention.text, ())
    if any(p.kind in _AREA_KINDS for p in candidates(first.mention.text)):
        return False  # "im Chile Pinochets", "Florida Panhandle": a country or region
    before = text[max(0, first.mention.start - 25) : first.mention.start].split()
    word = before[-1].lower() if before else ""
    return word not in facts.place_prepositions and word not in facts.articles


def _after_title(text: str, start: int, facts: EntityFacts) -> bool:
    """The word right before ``start`` (only spaces between) is a person's title."""
    before = text[max(0, start - 30) : start]
    if not before.endswith(" "):
        return False
    words = before.split()
    return bool(words) and words[-1] in facts.titles


def names_an_area(name: str) -> bool:
    """A country, region, state... (``Präsident Frankreichs``, ``Gouverneur Kaliforniens``):
    a title before it is its office, not a person's name."""
    return any(p.kind is not PlaceKind.SETTLEMENT for p in candidates(name))


def titled_persons(text: str, found: list[TypedMention], facts: EntityFacts) -> list[TypedMention]:
    """``der argentinische General San Martin``: a name the tagger took for a place right
    after a person's title is a person, in every mention of the document."""
    titled = {
        m.mention.text
        for m in found
        if m.type is EntityType.LOC
        and _after_title(text, m.mention.start, facts)
        and not names_an_area(m.mention.text)
    }
    if not titled:
        return found
    return [
        TypedMention(m.mention, EntityType.PER)
        if m.type is EntityType.LOC and m.mention.text in titled
        else m
        for m in found
    ]
