"""A country named in a text about an earlier time is the state its land then was.

``Russland`` in a passage on 1850 is the Russian Empire, ``die Türkei`` in one on 1700
the Ottoman Empire, ``Iran`` in one on 1900 Persia: the country's historical state by
era (``data/predecessors.tsv``), whose period holds most of the years told near the
mention. A country whose land was no such state then stays the country.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from chronist.entities.place_evidence import PlaceEvidence, Resolution
from chronist.entities.places import Place, PlaceKind, gazetteer
from chronist.entities.resources import data_path
from chronist.errors import ModelError

__all__ = ["PREDECESSORS_FILE", "as_of_era", "in_its_era", "predecessors"]

PREDECESSORS_FILE = "predecessors.tsv"


@cache
def predecessors() -> dict[str, tuple[Place, ...]]:
    """Country code -> its historical states, as the gazetteer has them.

    >>> [p.gazetteer_id for p in predecessors()["RU"]]
    ['chronist:russian-empire']
    """
    path = data_path(PREDECESSORS_FILE)
    index = gazetteer()
    found: dict[str, tuple[Place, ...]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        country, ident, name, _source = line.split("\t")
        state = next((p for p in index.get(name) if p.gazetteer_id == ident), None)
        if state is None or state.kind is not PlaceKind.HISTORICAL_STATE:
            raise ModelError(f"{path}:{number}: no historical state {ident} named {name!r}")
        found[country] = (*found.get(country, ()), state)
    return found


def _holds(state: Place, year: int) -> bool:
    return (state.start is None or state.start <= year) and (state.end is None or year <= state.end)


def in_its_era(place: Place, years: Sequence[int]) -> Place:
    """The historical state a country was when most of ``years`` were, else the country.

    >>> from chronist.entities.places import gazetteer
    >>> russia = gazetteer().get("Russland")[0]
    >>> in_its_era(russia, (1815, 1846, 1850)).gazetteer_id
    'chronist:russian-empire'
    >>> in_its_era(russia, (1815, 1990, 2004)).gazetteer_id == russia.gazetteer_id
    True
    """
    if not place.is_country or not years:
        return place
    for state in predecessors().get(place.country, ()):
        if 2 * sum(_holds(state, year) for year in years) > len(years):
            return state
    return place


def as_of_era(entities: Sequence[PlaceEvidence], found: list[Resolution]) -> list[Resolution]:
    """Each resolved country in its era (:func:`in_its_era` of its years)."""
    return [
        r if r.place is None else Resolution(in_its_era(r.place, e.years), r.confidence)
        for e, r in zip(entities, found, strict=True)
    ]
