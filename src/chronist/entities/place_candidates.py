"""The candidate places of a place entity's names, each with a penalty.

A name as written (or its genitive's stem) names its gazetteer entries; when the
whole name is unknown, a part of it may: a town before where it lies (``Kempten im
Allgäu``), an administrative prefix removed (``Landkreis Offenbach``), the town of a
site (``Kurpark Bad Homburg``), a compound's or suffix's head (``Rheinufer`` ->
``Rhein``), or a compass prefix, the part then placed that way from the whole's
centre (``Südirak``). :mod:`chronist.entities.place_scoring` weighs them.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from chronist.entities.language import EntityFacts
from chronist.entities.place_evidence import PlaceEvidence
from chronist.entities.places import (
    GENITIVE_ENDINGS,
    Place,
    PlaceKind,
    candidates,
    demonym_places,
    gazetteer,
)

# a village of fewer people than this comes after a region, state or river of its name
VILLAGE_BELOW = 10_000
# a town named by a common noun needs other places near it unless it is a city this large
NOUN_TOWN_BELOW = 100_000
# a town this small has alternate names only for its German exonym (the gazetteer build
# gives alternates to towns of 15,000 people or more, and to smaller towns of the lands
# once German their German names): such a name needs the document's other places too
EXONYM_TOWN_BELOW = 15_000
# ... a place of the document this close: a German text names a small foreign town by
# its German name among the places around it (Giersdorf beside Hirschberg)
EXONYM_NEAR_KM = 150.0
# how far (degrees) a compass-prefixed part of a region lies from its centre
COMPASS_STEP = 1.0
# "Sukhothai-Reich": the smallest town a state named by its capital is drawn at
CAPITAL_TOWN = 10_000
_PART_KINDS = frozenset(
    {PlaceKind.COUNTRY, PlaceKind.REGION, PlaceKind.HISTORICAL_STATE, PlaceKind.ISLAND}
    | {PlaceKind.SEA, PlaceKind.CONTINENT}
)
# "Kempten im Allgäu", "Frankfurt an der Oder": a town and where it lies
LOCATED_AT = re.compile(r" (?:am|an der|im|in der|ob der|bei) (?=[A-ZÄÖÜ])")


def place_options(evidence: PlaceEvidence, facts: EntityFacts) -> list[tuple[Place, float]]:
    """Candidates with a penalty: 0 for a name as written, more for a part of a place."""
    index = gazetteer()
    found: dict[str, tuple[Place, float]] = {}
    # a name as written wins over a genitive read off another mention ("des Rheines" is
    # the Rhine's, not Rheine's, when the text also says "Rhein")
    exact = any(name in index for name in evidence.names)
    for name in evidence.names:
        for place in index.get(name) if exact else candidates(name, index):
            found.setdefault(place.gazetteer_id, (place, 0.0))
    if found:
        return country_first(list(found.values()))
    for name in evidence.names:
        at = LOCATED_AT.search(name)
        if at is not None and at.start() > 0:  # "Kempten im Allgäu" -> "Kempten"
            for place in candidates(name[: at.start()], index):
                found.setdefault(place.gazetteer_id, (place, 0.3))
        prefix, _, rest = name.partition(" ")
        if prefix in facts.admin_prefixes and rest:
            for place in candidates(rest, index):
                found.setdefault(place.gazetteer_id, (place, 0.5))
        for place in site_towns(prefix, rest, facts):
            found.setdefault(place.gazetteer_id, (place, 0.5))
        if rest in facts.demonym_area_heads:  # "Wiener Becken" -> Wien
            for place in demonym_places(prefix, facts.demonym_suffixes):
                found.setdefault(place.gazetteer_id, (place, 0.5))
        capital = name.endswith(facts.capital_suffixes)
        for stem in derived_names(name, facts):
            for place in candidates(stem, index):
                if may_head(place) or (capital and place.population >= CAPITAL_TOWN):
                    found.setdefault(place.gazetteer_id, (place, 0.5))
        for prefix in facts.compass_prefixes:
            rest = name[len(prefix) :]
            if name.startswith(prefix) and len(rest) > 3 and rest[0].islower():
                direction = facts.compass_directions.get(prefix, (0.0, 0.0))
                for place in candidates(rest.capitalize(), index):
                    part = part_toward(place, direction) if place.kind in _PART_KINDS else None
                    if part is not None:
                        found.setdefault(place.gazetteer_id, (part, 1.0))
                break
    if not found:
        for alias in evidence.aliases:
            for place in candidates(alias, index):
                found.setdefault(place.gazetteer_id, (place, 0.3))
    return list(found.values())


def site_towns(first: str, rest: str, facts: EntityFacts) -> tuple[Place, ...]:
    """The towns a site's name puts it in: ``Kurpark Bad Homburg``, ``Schlosspark von
    Laxenburg`` (a site's word + a town), ``Saarbrücker Burg`` (a town's demonym + a
    site's word)."""
    if first in facts.site_heads and rest:
        for particle in ("von ", "zu "):
            rest = rest.removeprefix(particle)
        towns = candidates(rest)
    elif rest in facts.demonym_site_heads:
        towns = demonym_places(first, facts.demonym_suffixes)
    else:
        return ()
    return tuple(p for p in towns if p.kind is PlaceKind.SETTLEMENT)


def alternate_only(evidence: PlaceEvidence, options: list[tuple[Place, float]]) -> set[str]:
    """The towns among ``options`` that none of the names (nor its genitive's stem) names
    by their own name, only by a GeoNames alternate name."""
    index = gazetteer()
    own: set[str] = set()
    for name in evidence.names:
        name = name[:1].upper() + name[1:]
        own |= index.own(name)
        own.update(*(index.own(name[: -len(e)]) for e in GENITIVE_ENDINGS if name.endswith(e)))
    return {
        p.gazetteer_id
        for p, penalty in options
        if p.kind is PlaceKind.SETTLEMENT and penalty == 0.0 and p.gazetteer_id not in own
    }


def exonym_towns(evidence: PlaceEvidence, options: list[tuple[Place, float]]) -> set[str]:
    """The small towns among ``options`` named only by a German exonym (``Weißenburg``
    of Wissembourg, ``Hohenstein`` of Olsztynek): also after a place's preposition
    (``aus Hohenstein in Sachsen``), the document's other places must bear them out, for
    German text names German villages the gazetteer lacks by the same names."""
    small = [(p, penalty) for p, penalty in options if p.population < EXONYM_TOWN_BELOW]
    return alternate_only(evidence, small)


def known_places(name: str) -> tuple[Place, ...]:
    """The places ``name`` finds, less the small towns it names only by their German
    exonym: a quarter of a German town (``Weidenau`` of Siegen) is not Vidnava."""
    found = candidates(name)
    exonym = exonym_towns(PlaceEvidence((name,)), [(p, 0.0) for p in found])
    return tuple(p for p in found if p.gazetteer_id not in exonym)


def noun_towns(evidence: PlaceEvidence, options: list[tuple[Place, float]]) -> set[str]:
    """The towns below a city's size among ``options`` when the entity's word is a common
    noun (``Heide``, ``Alpen``): like a town found only by an alternate name, such a town
    must be borne out by the document's other places; a city (``Essen``) need not."""
    if not evidence.common_noun:
        return set()
    return {
        p.gazetteer_id
        for p, _ in options
        if is_listed(p) and (p.kind is not PlaceKind.SETTLEMENT or p.population < NOUN_TOWN_BELOW)
    }


def is_listed(place: Place) -> bool:
    """A place of GeoNames' long lists, a town or a first-level division (``Sangha``,
    ``Savanne``, ``Grade`` name some), not of the hand-written table nor a country: a
    word that names one needs the evidence a town's name needs."""
    return place.kind is PlaceKind.SETTLEMENT or place.listed


def may_head(place: Place) -> bool:
    """A place a compound or suffixed name is built on: a river, region, mountain,
    island... (``Rheinufer``, ``Ruhrgebiet``, ``Maurya-Reich``), never a town, whose
    name is then mostly the first syllables of a word (``Baderaum``, ``Tara-Gebirge``)."""
    return place.kind is not PlaceKind.SETTLEMENT


def country_first(options: list[tuple[Place, float]]) -> list[tuple[Place, float]]:
    """A name that is a country's names the country, never a town of that name
    (``Mexiko``, ``Jamaika``, ``Malta``: not Jamaica in New York, nor Malta in the
    Netherlands however near the document's other places are); a village comes
    after a region, state or river of its name."""
    if any(p.is_country for p, _ in options):
        return [(p, pen) for p, pen in options if p.kind is not PlaceKind.SETTLEMENT]
    # a village named like a region, state or river of the table (Thüringen in
    # Vorarlberg, Florida in New York, England in Arkansas) is not what a text means
    # by that name: the context that lifts it would lift the area as well
    # (a GeoNames division is not: "Susa" names a town of Piedmont more often than a
    # division elsewhere)
    if all(is_listed(p) for p, _ in options):
        return options
    return [
        (p, pen)
        for p, pen in options
        if p.kind is not PlaceKind.SETTLEMENT or p.population >= VILLAGE_BELOW
    ]


def derived_names(name: str, facts: EntityFacts) -> list[str]:
    """The place inside a compound or suffixed name: ``Färöer-Inseln`` -> ``Färöer``,
    ``Rheinufer`` -> ``Rhein``.

    >>> from chronist.entities.language import entity_facts
    >>> facts = entity_facts("de")
    >>> derived_names("Rheinufer", facts), derived_names("Maurya-Reich", facts)
    (['Rhein'], ['Maurya'])
    """
    found = [
        name[: -len(s)] for s in facts.name_suffixes if name.endswith(s) and len(name) > len(s) + 2
    ]
    for head in facts.compound_heads:
        stem = name[: -len(head)]
        if name.endswith(head) and len(stem) >= 3 and stem[0].isupper():
            found.append(stem.rstrip("-"))
    return found


def part_toward(place: Place, direction: tuple[float, float]) -> Place | None:
    """The region of ``place`` the compass points to (``Südirak``, ``Südindien``): a
    country's part where the gazetteer puts it (the mean of its towns farthest that
    way; ``None`` where that part is too vague to draw: ``Nordostchina``), else the
    centre moved about a degree that way; still ``place``'s id. A part of a sea or
    continent the gazetteer does not place (``Nordatlantik``, ``Südpazifik``) is too
    vague to draw: thousands of kilometres across, no point stands for it."""
    if direction == (0.0, 0.0):
        return place
    if gazetteer().has_parts(place):
        point = gazetteer().compass_part(place, *direction)
        if point is None:
            return None
        return replace(place, lat=point[0], lon=point[1], kind=PlaceKind.REGION)
    if place.kind in (PlaceKind.SEA, PlaceKind.CONTINENT):
        return None
    step = COMPASS_STEP
    lat = max(-89.0, min(89.0, place.lat + step * direction[0]))
    lon = place.lon + step * direction[1] / max(0.2, math.cos(math.radians(place.lat)))
    lon = (lon + 180.0) % 360.0 - 180.0
    return replace(place, lat=round(lat, 2), lon=round(lon, 2), kind=PlaceKind.REGION)
