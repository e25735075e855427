"""Two places the tagger took as one name: ``Dortmund-Oberhausen``, ``Pekings Shandong``.

A hyphen between two towns names a line between them (a railway, a road, a
front: ``die Bahnstrecke Witten/Dortmund-Oberhausen``), and so does one between a
city and a name the gazetteer does not know (``Osterath-Dortmund``), and a place's genitive
before another place's name is that place's, not part of one name (``nach der
Einnahme Pekings Shandong``; not ``an Cartagenas Stelle``, a common noun after
it). Neither is split when the whole is a name of the
gazetteer (``Baden-Baden``, ``Castrop-Rauxel``, ``Österreich-Ungarn``) or a part is
a common noun or a compass word (``Phoenix-See``, ``Stuttgart-West``).
"""

from __future__ import annotations

import re
from collections import Counter

from chronist.entities.coreference import TypedMention
from chronist.entities.language import entity_facts
from chronist.entities.name_lexicon import is_common_noun, known_names
from chronist.entities.places import PlaceKind, candidates, gazetteer
from chronist.entities.types import EntityType, Mention

__all__ = [
    "is_place_pair",
    "split_body_place",
    "split_known_person_place",
    "split_noun_genitive",
    "split_place_pair",
]

# a hyphen joins a city and an unknown name as two places only for a city this large
CITY_FROM = 100_000
_HYPHENED = re.compile(r"^([A-ZÄÖÜ][\w.]{2,})-([A-ZÄÖÜ][\w.]{2,})$")
_GENITIVE = re.compile(r"^([A-ZÄÖÜ]\w{2,})s ([A-ZÄÖÜ][\w-]{2,})$")
# "Niederlage Preußens": a capitalised word, then a place's genitive
_NOUN_GENITIVE = re.compile(r"^([A-ZÄÖÜ][a-zäöüß]{2,}) ([A-ZÄÖÜ][\w-]{2,}s)$")


def _town(name: str) -> bool:
    """A town of the gazetteer by its own name (not only by an alternate name), and no
    common noun or compass word (``Phoenix-See``, ``Stuttgart-West``: one name)."""
    if is_common_noun(name) or name in entity_facts("de").compass_prefixes:
        return False
    index = gazetteer()
    own = index.own(name)
    return any(p.kind is PlaceKind.SETTLEMENT and p.gazetteer_id in own for p in index.get(name))


def _unknown(name: str) -> bool:
    """A name the gazetteer does not know at all and that is no common noun, compass
    word or lower-case word (``Osterath``, a part of Meerbusch)."""
    facts = entity_facts("de")
    return (
        name.isalpha()
        and name not in gazetteer()
        and not candidates(name)
        and not is_common_noun(name)
        and name not in facts.compass_prefixes
    )


def _joined(first: str, second: str) -> bool:
    """Two towns (``Dortmund-Oberhausen``), or a city and a name the gazetteer does not
    know (``Osterath-Dortmund``: a line between Osterath and Dortmund)."""
    if _town(first) and _town(second):
        return True
    return (_city(first) and _unknown(second)) or (_unknown(first) and _city(second))


def is_place_pair(word: str) -> bool:
    """``Osterath-Dortmund`` as one word no name list knows: two places joined by a
    hyphen (a railway's, a road's ends), not one name of the gazetteer.

    >>> is_place_pair("Osterath-Dortmund"), is_place_pair("Castrop-Rauxel")
    (True, False)
    """
    hyphened = _HYPHENED.match(word)
    return hyphened is not None and not candidates(word) and _joined(*hyphened.groups())


def _city(name: str) -> bool:
    """A town of :data:`CITY_FROM` people or more by its own name."""
    return _town(name) and any(
        p.kind is PlaceKind.SETTLEMENT and p.population >= CITY_FROM for p in gazetteer().get(name)
    )


def _pair(
    found: TypedMention, first: tuple[int, int], second: tuple[int, int]
) -> list[TypedMention]:
    text, start = found.mention.text, found.mention.start
    return [
        TypedMention(Mention(text[a:b], start + a, start + b), EntityType.LOC)
        for a, b in (first, second)
    ]


def split_place_pair(found: TypedMention) -> list[TypedMention]:
    """The two places of a place mention that joins two names the gazetteer knows.

    >>> m = TypedMention(Mention("Dortmund-Oberhausen", 10, 29), EntityType.LOC)
    >>> [(p.mention.text, p.mention.start) for p in split_place_pair(m)]
    [('Dortmund', 10), ('Oberhausen', 19)]
    >>> m = TypedMention(Mention("Castrop-Rauxel", 0, 14), EntityType.LOC)
    >>> [p.mention.text for p in split_place_pair(m)]
    ['Castrop-Rauxel']
    """
    name = found.mention.text
    if found.type is not EntityType.LOC or candidates(name):
        return [found]
    hyphened = _HYPHENED.match(name)
    if hyphened and _joined(hyphened.group(1), hyphened.group(2)):
        return _pair(found, hyphened.span(1), hyphened.span(2))
    genitive = _GENITIVE.match(name)
    if genitive is None:
        return [found]
    stem, other = genitive.group(1), genitive.group(2)
    if stem + "s" in gazetteer() or stem not in gazetteer() or not candidates(other):
        return [found]
    if is_common_noun(other):  # "an Cartagenas Stelle": a noun after a person's genitive
        return [found]
    return _pair(found, (0, genitive.end(1) + 1), genitive.span(2))


def split_known_person_place(found: list[TypedMention]) -> list[TypedMention]:
    """``Barbarossa von Regensburg`` in ``brach Barbarossa von Regensburg auf``: a person
    the document has already named without ``von``, + a place of the gazetteer, is that
    person and the place he comes from or leaves (``Afra von Augsburg``, named so first,
    keeps her name: a person named after a place; so does ``Charlotte von Stein``, named
    so more than once).

    >>> m = [TypedMention(Mention("Barbarossa", 0, 10), EntityType.PER),
    ...      TypedMention(Mention("Barbarossa von Regensburg", 20, 45), EntityType.PER)]
    >>> [(p.mention.text, p.type.value) for p in split_known_person_place(m)]
    [('Barbarossa', 'PER'), ('Barbarossa', 'PER'), ('Regensburg', 'LOC')]
    >>> [p.mention.text for p in split_known_person_place(m[::-1])]
    ['Barbarossa von Regensburg', 'Barbarossa']
    """
    result: list[TypedMention] = []
    named: set[str] = set()
    # a name written so more than once is the person's name (``Charlotte von Stein``)
    counts = Counter(m.mention.text for m in found if m.type is EntityType.PER)
    for mention in found:
        text = mention.mention.text
        if mention.type is EntityType.PER and " " not in text:
            named.add(text)
        name, _, place = text.partition(" von ")
        known = mention.type is EntityType.PER and name in named and " " not in place
        known = known and counts[text] < 2
        if not known or not place[:1].isupper() or not candidates(place):
            result.append(mention)
            continue
        start = mention.mention.start
        at = start + len(name) + len(" von ")
        result.append(TypedMention(Mention(name, start, start + len(name)), EntityType.PER))
        result.append(TypedMention(Mention(place, at, mention.mention.end), EntityType.LOC))
    return result


def split_body_place(found: TypedMention) -> list[TypedMention]:
    """``besetzte die Wehrmacht Brüssel``: an organisation of the name list (one word)
    and a city of :data:`CITY_FROM` people after it (by its German name too), taken as
    one organisation, are the organisation and the city (``Universität Wien`` stays: no
    name of the list).

    >>> m = TypedMention(Mention("Wehrmacht Brüssel", 4, 21), EntityType.ORG)
    >>> [(p.mention.text, p.type.value) for p in split_body_place(m)]
    [('Wehrmacht', 'ORG'), ('Brüssel', 'LOC')]
    """
    if found.type is not EntityType.ORG:
        return [found]
    body, space, place = found.mention.text.partition(" ")
    if not space or " " in place or known_names().get(body) != "ORG" or is_common_noun(place):
        return [found]
    if not any(
        p.kind is PlaceKind.SETTLEMENT and p.population >= CITY_FROM for p in candidates(place)
    ):
        return [found]
    start, end = found.mention.start, found.mention.end
    return [
        TypedMention(Mention(body, start, start + len(body)), EntityType.ORG),
        TypedMention(Mention(place, end - len(place), end), EntityType.LOC),
    ]


def split_noun_genitive(found: TypedMention) -> list[TypedMention]:
    """``Nach der Niederlage Preußens``: a common noun (capitalised as every German noun)
    the tagger took into a place's name, then the genitive of a gazetteer place, is
    the noun and the place; only the place stays (``Stadt``, ``Raum`` and the other
    words that introduce a place are left to their own passes).

    >>> m = TypedMention(Mention("Niederlage Preußens", 9, 28), EntityType.LOC)
    >>> [(p.mention.text, p.mention.start) for p in split_noun_genitive(m)]
    [('Preußens', 20)]
    """
    if found.type is not EntityType.LOC:
        return [found]
    matched = _NOUN_GENITIVE.match(found.mention.text)
    if matched is None:
        return [found]
    noun, place = matched.groups()
    facts = entity_facts("de")
    if noun in facts.admin_prefixes or noun in gazetteer() or not is_common_noun(noun):
        return [found]
    if found.mention.text in gazetteer() or place[:-1] not in gazetteer():
        return [found]
    end = found.mention.end
    return [TypedMention(Mention(place, end - len(place), end), EntityType.LOC)]
