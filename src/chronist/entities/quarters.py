"""Parts of a town the gazetteer lacks, drawn at the town the text puts them in.

GeoNames lists few quarters and villages of fewer than 1,000 people (``Riemke``,
``Wiemelhausen``, ``Rumpenheim``). When a sentence says a name is a town's part
(``des Stadtteils Ehrenfeld``, ``die Vororte (Riemke, Hofstede)``, ``der Stadt
Bochum zugeschlagen``, ``an Offenbach angegliedert``: a word of ``quarter_stems``
in ``entities.toml``; the name after such a word or a place's word, or in a list)
and the gazetteer knows no place of that name (nor is it
a street or square: ``einer langen Prachtallee``, an adjective, a common noun or
a name of several words), the place
is drawn at the town named in that sentence, else at the document's own town
(its most often named town, named at least :data:`OWN_TOWN_MENTIONS` times).
Its ``gazetteer_id`` is the town's, ``geometry`` is ``centroid`` (a point that
stands for an area) and its confidence :data:`QUARTER_CONFIDENCE` at most.

A part named like a village elsewhere (``Petershausen ... als Vorstadt in die Stadt
Konstanz integriert``; Petershausen in Bavaria has 6,000 people) is the part: a
village of fewer than :data:`VILLAGE_BELOW` people that the gazetteer puts more than
:data:`FAR_KM` from the town named in its cue sentence is drawn at that town, and
such a village is never the host of the others (``Georgenberg`` among Reutlingen's
quarters).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from chronist.entities.distance import km_between
from chronist.entities.language import EntityFacts
from chronist.entities.name_lexicon import is_common_noun, toponym_shaped
from chronist.entities.place_candidates import known_places
from chronist.entities.places import candidates, is_demonym
from chronist.entities.types import Entity, EntityType

__all__ = ["OWN_TOWN_MENTIONS", "QUARTER_CONFIDENCE", "drawn_at", "place_quarters"]

OWN_TOWN_MENTIONS = 3
# a village of the gazetteer this far from the town a cue sentence names, and below
# this size, is rather that town's part of the same name (``Petershausen ... als
# Vorstadt in die Stadt Konstanz integriert`` is not Petershausen in Bavaria)
FAR_KM = 50.0
VILLAGE_BELOW = 10_000
# a street or square of a town is no quarter ("Prachtallee", "Schlossplatz")
_STREET_HEADS = ("straße", "strasse", "allee", "platz", "gasse", "weg", "damm", "brücke")
QUARTER_CONFIDENCE = 0.5


_LIST_BEFORE = (",", "(", " und", " sowie", " oder")
_LIST_AFTER = (",", ")", "und ", "sowie ", "oder ")
# what stands between two items of a list
_LIST_GAPS = (",", "und", "sowie", "oder", ", und", ", sowie", ", oder")


def _named_as_part(text: str, start: int, end: int, facts: EntityFacts) -> bool:
    """The mention follows a word of a town's parts or a place's word (``Stadtteils
    Ehrenfeld``, ``Gemeinde Bieber``) or stands in a list (``Vororte (Riemke, Hofstede)``),
    not anywhere in the sentence (``der Geburtsort des Sophokles (heute ein Stadtteil``)."""
    before = text[max(0, start - 40) : start]
    words = before.split()
    if words:
        word = words[-1].strip('("„“')
        if word in facts.admin_prefixes or any(s in word.lower() for s in facts.quarter_stems):
            return True
    after = text[end : end + 30].lstrip()
    if after.startswith("(") and ")" in after:  # "Fechingen (777), Eschringen"
        after = after[after.index(")") + 1 :].lstrip()
    return before.rstrip().endswith(_LIST_BEFORE) or after[:8].startswith(_LIST_AFTER)


def _listed_beside_place(
    text: str, start: int, end: int, places: Sequence[tuple[int, int]]
) -> bool:
    """``Riemke, Grumme und Wiemelhausen``: a list item right beside a place's mention
    (the tagger may take one item of such a list for an organisation or a person)."""
    for other_start, other_end in places:
        if 0 < start - other_end <= 8 and text[other_end:start].strip() in _LIST_GAPS:
            return True
        if 0 < other_start - end <= 8 and text[end:other_start].strip() in _LIST_GAPS:
            return True
    return False


def _attribute(text: str, end: int) -> bool:
    """``Ravensberger Spinnerei``, ``Godesberger Allee``: an ``-er`` word before a
    capitalised word is the attribute of another name."""
    rest = text[end : end + 2]
    return text[end - 2 : end] == "er" and rest[:1] == " " and rest[1:].isupper()


def _part_name(entity: Entity, facts: EntityFacts) -> bool:
    """One word (``Riemke``, ``Kiel-Holtenau``) that is no adjective of a demonym
    (``Godesberger``) and whose last part is no common noun (``Ost-West-Bahntrasse``,
    ``Zentrum``) unless it ends like a town's name (``Mal-statt``, ``Esch-ringen``)."""
    name = entity.text
    last = name.rsplit("-", 1)[-1]
    return (
        " " not in name
        and last.isalpha()
        and not is_demonym(name, facts.demonym_suffixes)
        and (not is_common_noun(last) or toponym_shaped(last))  # "Malstatt", "Eschringen"
        and not last.lower().endswith(_STREET_HEADS)
    )


def _far_village(entity: Entity, host: Entity) -> bool:
    """``entity`` resolved to a village of the gazetteer far from ``host``."""
    if not _town(entity) or entity.lat is None or entity.lon is None:
        return False
    if host.lat is None or host.lon is None or _km(entity, host) <= FAR_KM:
        return False
    places = [p for p in candidates(entity.text) if p.gazetteer_id == entity.gazetteer_id]
    return bool(places) and places[0].population < VILLAGE_BELOW


def _km(a: Entity, b: Entity) -> float:
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    return km_between(a.lat, a.lon, b.lat, b.lon)


def _town(entity: Entity) -> bool:
    return (
        entity.type is EntityType.LOC and entity.resolved and entity.feature_class == "settlement"
    )


def _host(
    entity: Entity, towns: Sequence[Entity], cued: Sequence[tuple[int, int]], own: Entity | None
) -> Entity | None:
    """The town named in a cue sentence of one of ``entity``'s mentions (the nearest),
    else the document's own town when a mention is in a cue sentence."""
    best: tuple[int, Entity] | None = None
    in_cue = False
    for mention in entity.mentions:
        for start, end in cued:
            if not start <= mention.start < end:
                continue
            in_cue = True
            for town in towns:
                for other in town.mentions:
                    if start <= other.start < end:
                        gap = abs(other.start - mention.start)
                        if best is None or gap < best[0]:
                            best = (gap, town)
    if best is not None:
        return best[1]
    return own if in_cue else None


def drawn_at(entity: Entity, town: Entity, feature_class: str | None = None) -> Entity:
    """``entity`` drawn at ``town`` as a ``centroid``, its confidence
    :data:`QUARTER_CONFIDENCE` at most; with a ``feature_class``, also a resolved place
    of that class (an unknown part of a town), else its class and type kept (a village
    of the same name far away).

    >>> town = Entity("Offenbach", EntityType.LOC, 0, 9, (), 50.1, 8.77, "geonames:2857798",
    ...     True, "settlement", 0.9, None, "point")
    >>> part = drawn_at(Entity("Bieber", EntityType.ORG, 20, 26, ()), town, "settlement")
    >>> part.type.value, part.lat, part.resolved, part.confidence, part.geometry
    ('LOC', 50.1, True, 0.5, 'centroid')
    """
    drawn = replace(
        entity,
        lat=town.lat,
        lon=town.lon,
        gazetteer_id=town.gazetteer_id,
        confidence=min(QUARTER_CONFIDENCE, town.confidence or 0.0),
        geometry="centroid",
    )
    if feature_class is None:
        return drawn
    return replace(drawn, type=EntityType.LOC, resolved=True, feature_class=feature_class)


def place_quarters(
    text: str, sentences: Sequence[tuple[int, int]], entities: list[Entity], facts: EntityFacts
) -> list[Entity]:
    """``entities`` with the unknown parts of towns drawn at their town.

    >>> from chronist.entities.language import entity_facts
    >>> from chronist.entities.types import Mention
    >>> text = "Die Gemeinde Bieber kam an Offenbach."
    >>> town = Entity("Offenbach", EntityType.LOC, 27, 36, (Mention("Offenbach", 27, 36),),
    ...     50.1, 8.77, "geonames:2857798", True, "settlement", 0.9, None, "point")
    >>> part = Entity("Bieber", EntityType.LOC, 13, 19, (Mention("Bieber", 13, 19),), confidence=0)
    >>> [e.lat for e in place_quarters(text, [(0, 37)], [part, town], entity_facts("de"))]
    [None, 50.1]
    >>> text = "Die Gemeinde Bieber wurde an Offenbach angegliedert."
    >>> town = replace(town, start=29, end=38, mentions=(Mention("Offenbach", 29, 38),))
    >>> found = place_quarters(text, [(0, 52)], [part, town], entity_facts("de"))
    >>> found[0].lat, found[0].gazetteer_id, found[0].geometry
    (50.1, 'geonames:2857798', 'centroid')
    """
    stems = facts.quarter_stems
    cued = [(s, e) for s, e in sentences if any(stem in text[s:e].lower() for stem in stems)]
    if not cued:
        return entities
    towns = [e for e in entities if _town(e)]
    own = max(towns, key=lambda e: len(e.mentions), default=None)
    if own is not None and len(own.mentions) < OWN_TOWN_MENTIONS:
        own = None
    # a village far from the document's own town is no host: it is itself a part
    # named like a village elsewhere (Georgenberg among Reutlingen's quarters)
    if own is not None:
        towns = [t for t in towns if t is own or not _far_village(t, own)]
    places = [(m.start, m.end) for e in entities if e.type is EntityType.LOC for m in e.mentions]
    placed: list[Entity] = []
    for entity in entities:
        unknown = not entity.resolved and (
            entity.type is EntityType.LOC
            or any(_listed_beside_place(text, m.start, m.end, places) for m in entity.mentions)
        )
        if (
            unknown
            and _part_name(entity, facts)
            and any(_named_as_part(text, m.start, m.end, facts) for m in entity.mentions)
            and not any(known_places(m.text) or _attribute(text, m.end) for m in entity.mentions)
        ):
            host = _host(entity, [t for t in towns if t is not entity], cued, own)
            if host is not None:
                entity = drawn_at(entity, host, "settlement")
        elif _part_name(entity, facts):
            # the town named in the cue sentence, not the document's own town
            host = _host(entity, [t for t in towns if t is not entity], cued, None)
            if host is not None and _far_village(entity, host):
                entity = drawn_at(entity, host)
        placed.append(entity)
    return placed
