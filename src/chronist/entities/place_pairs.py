"""Two places the tagger took as one name: ``Dortmund-Oberhausen``, ``Pekings Shandong``.

A hyphen between two towns names a line between them (a railway, a road, a
front: ``die Bahnstrecke Witten/Dortmund-Oberhausen``), and a place's genitive
before another place's name is that place's, not part of one name (``nach der
Einnahme Pekings Shandong``; not ``an Cartagenas Stelle``, a common noun after
it). Neither is split when the whole is a name of the
gazetteer (``Baden-Baden``, ``Castrop-Rauxel``, ``Österreich-Ungarn``) or a part is
a common noun or a compass word (``Phoenix-See``, ``Stuttgart-West``).
"""

from __future__ import annotations

import re

from chronist.entities.coreference import TypedMention
from chronist.entities.gazetteer_pass import is_common_noun
from chronist.entities.language import entity_facts
from chronist.entities.places import PlaceKind, candidates, gazetteer
from chronist.entities.types import EntityType, Mention

__all__ = ["split_place_pair"]

_HYPHENED = re.compile(r"^([A-ZÄÖÜ][\w.]{2,})-([A-ZÄÖÜ][\w.]{2,})$")
_GENITIVE = re.compile(r"^([A-ZÄÖÜ]\w{2,})s ([A-ZÄÖÜ][\w-]{2,})$")


def _town(name: str) -> bool:
    """A town of the gazetteer by its own name (not only by an alternate name), and no
    common noun or compass word (``Phoenix-See``, ``Stuttgart-West``: one name)."""
    if is_common_noun(name) or name in entity_facts("de").compass_prefixes:
        return False
    index = gazetteer()
    own = index.own(name)
    return any(p.kind is PlaceKind.SETTLEMENT and p.gazetteer_id in own for p in index.get(name))


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
    if hyphened and _town(hyphened.group(1)) and _town(hyphened.group(2)):
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
