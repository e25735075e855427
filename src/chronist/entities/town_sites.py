"""Quarters and buildings of a town named in the town's language, drawn at the town.

``im Viertel Barrio de Santa Cruz``, ``die Plaza de España``, ``der Palazzo Vecchio``:
a name of several words that begins with a word of ``foreign_site_heads``
(``entities.toml``: a quarter's, square's, street's or building's word of a Romance
language) names a part of a town. When the gazetteer does not know it, it is drawn at
the document's own town (its most often named town, named at least
:data:`~chronist.entities.quarters.OWN_TOWN_MENTIONS` times and twice as often as any
other), as a ``centroid`` with a
confidence of :data:`~chronist.entities.quarters.QUARTER_CONFIDENCE` at most, like the
parts of towns of :mod:`chronist.entities.quarters`.
"""

from __future__ import annotations

from collections.abc import Sequence

from chronist.entities.language import EntityFacts
from chronist.entities.quarters import OWN_TOWN_MENTIONS, drawn_at
from chronist.entities.types import Entity, EntityType

__all__ = ["place_town_sites"]


def _own_town(entities: Sequence[Entity]) -> Entity | None:
    towns = [
        e
        for e in entities
        if e.type is EntityType.LOC and e.resolved and e.feature_class == "settlement"
    ]
    counts = sorted((len(e.mentions) for e in towns), reverse=True)
    if not counts or counts[0] < OWN_TOWN_MENTIONS:
        return None
    if len(counts) > 1 and counts[0] < 2 * counts[1]:
        return None  # no town the text is about: Saint-Germain and Saint-Denis three times each
    return max(towns, key=lambda e: len(e.mentions))


def _town_site(entity: Entity, facts: EntityFacts) -> bool:
    """An unknown place whose first word, or the word after a German one (``Viertel
    Barrio de Santa Cruz``), is a quarter's or building's word followed by a name."""
    if entity.type is not EntityType.LOC or entity.resolved:
        return False
    words = entity.text.split()
    for index in range(min(2, len(words) - 1)):
        rest = words[index + 1]
        if words[index] in facts.foreign_site_heads and (
            rest[:1].isupper() or (rest in facts.foreign_site_particles and index + 2 < len(words))
        ):
            return True
    return False


def place_town_sites(entities: list[Entity], facts: EntityFacts) -> list[Entity]:
    """``entities`` with the unknown quarters and buildings of a town named in the town's
    language drawn at the document's own town.

    >>> from chronist.entities.language import entity_facts
    >>> from chronist.entities.types import Mention
    >>> mentions = tuple(Mention("Sevilla", s, s + 7) for s in (0, 20, 40))
    >>> town = Entity("Sevilla", EntityType.LOC, 0, 7, mentions, 37.4, -6.0,
    ...     "geonames:2510911", True, "settlement", 0.9, None, "point")
    >>> site = Entity("Barrio de Santa Cruz", EntityType.LOC, 60, 80,
    ...     (Mention("Barrio de Santa Cruz", 60, 80),), confidence=0)
    >>> found = place_town_sites([town, site], entity_facts("de"))
    >>> found[1].lat, found[1].gazetteer_id, found[1].geometry
    (37.4, 'geonames:2510911', 'centroid')
    """
    if not facts.foreign_site_heads:
        return entities
    own = _own_town(entities)
    if own is None:
        return entities
    placed: list[Entity] = []
    for entity in entities:
        if entity is not own and _town_site(entity, facts):
            entity = drawn_at(entity, own, "site")  # a town site is a place already
        placed.append(entity)
    return placed
