"""Offline place resolution: names -> a gazetteer entry with a confidence.

The gazetteer ships in the package (``data/places.tsv.gz``, built by
``training/ner/build_gazetteer.py``; sources and licences in
``GAZETTEER_CARD.md``): GeoNames' populated places of 1,000 people or more with
their Latin-script alternate names, the countries (Natural Earth centroids,
CLDR German names) and a hand-written table of historical states with their
periods, regions, rivers, lakes, seas, mountains, islands and continents
(``reference/historical_places.tsv``).

A homonym is chosen by evidence (:mod:`chronist.entities.evidence`): the
feature class and population as priors, the word before the mention
(``am Rhein``, ``bei Waldheim``, ``Provinz``), the document's other places
and the years told near the mention against a historical state's period.
Every choice carries a confidence; below :data:`MIN_CONFIDENCE` the place
stays unresolved.
"""

from __future__ import annotations

import gzip
import math
from dataclasses import dataclass
from enum import Enum
from functools import cache

from chronist.entities.resources import data_path
from chronist.errors import ModelError

__all__ = [
    "Gazetteer",
    "Place",
    "PlaceKind",
    "candidates",
    "demonym_places",
    "gazetteer",
    "is_demonym",
]

GAZETTEER_FILE = "places.tsv.gz"
# the order of a country's compass parts in the gazetteer's ``parts`` column
COMPASS_SECTORS = ("N", "NE", "E", "SE", "S", "SW", "W", "NW")


class PlaceKind(Enum):
    """The feature classes of the gazetteer (those of the place gold)."""

    SETTLEMENT = "settlement"
    COUNTRY = "country"
    HISTORICAL_STATE = "historical-state"
    REGION = "region"
    RIVER = "river"
    LAKE = "lake"
    SEA = "sea"
    MOUNTAIN = "mountain"
    ISLAND = "island"
    SITE = "site"
    CONTINENT = "continent"

    @property
    def is_area(self) -> bool:
        """Drawn as a centroid (an area or a line), not as a point on the ground."""
        return self not in (PlaceKind.SETTLEMENT, PlaceKind.SITE)


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: id, WGS-84 point, country code, population, kind, period."""

    gazetteer_id: str
    lat: float
    lon: float
    country: str
    population: int
    kind: PlaceKind
    start: int | None = None
    end: int | None = None
    # from GeoNames' long lists (a town, a first-level division), not the hand-written
    # table nor a country: a word naming one needs the evidence a town's name needs
    listed: bool = False

    @property
    def is_country(self) -> bool:
        return self.kind is PlaceKind.COUNTRY


_KINDS = {k.value: k for k in PlaceKind}
_LISTED_KINDS = frozenset({PlaceKind.SETTLEMENT.value, PlaceKind.REGION.value})


class Gazetteer:
    """Name -> places. Lines are parsed into :class:`Place` only when looked up."""

    __slots__ = ("_lines", "_names", "_parsed", "_parts")

    def __init__(
        self,
        lines: list[str],
        names: dict[str, int | tuple[int, ...]],
        parts: dict[str, str] | None = None,
    ) -> None:
        self._lines = lines
        self._names = names
        self._parsed: dict[int, Place] = {}
        self._parts = parts or {}

    def __contains__(self, name: object) -> bool:
        return name in self._names

    def __len__(self) -> int:
        return len(self._lines)

    def get(self, name: str, default: tuple[Place, ...] = ()) -> tuple[Place, ...]:
        """The places called ``name`` (exactly as written), or ``default``."""
        found = self._names.get(name)
        if found is None:
            return default
        rows = (found,) if isinstance(found, int) else found
        return tuple(self._place(row) for row in rows)

    def own(self, name: str) -> frozenset[str]:
        """The ids of the places whose own name ``name`` is, not only a GeoNames alternate
        name (``Homo`` is one of Qom's, ``Monachium`` and ``München`` are Munich's).

        >>> index = gazetteer()
        >>> sorted(index.own("Munich")), sorted(index.own("Monachium"))
        (['geonames:2867714'], [])
        """
        found = self._names.get(name)
        if found is None:
            return frozenset()
        rows = (found,) if isinstance(found, int) else found
        return frozenset(
            self._place(row).gazetteer_id for row in rows if name in self._own_names(row)
        )

    def compass_part(self, place: Place, north: float, east: float) -> tuple[float, float] | None:
        """Where the part of a country that the compass points to lies (``Südindien``):
        the mean point of the quarter of its towns farthest that way (built with the
        gazetteer); ``None`` where that part is too vague to draw (``Nordostchina``)
        or the place has no such points (:meth:`has_parts`).

        >>> india = next(p for p in gazetteer().get("Indien") if p.is_country)
        >>> lat, lon = gazetteer().compass_part(india, -1.0, 0.0)
        >>> lat < 15 < india.lat
        True
        """
        raw = self._parts.get(place.gazetteer_id)
        if raw is None or (north, east) == (0.0, 0.0):
            return None
        sector = round(math.degrees(math.atan2(east, north)) / 45.0) % len(COMPASS_SECTORS)
        point = raw.split(" ")[sector]
        if point == "-":
            return None
        lat, lon = point.split(",")
        return float(lat), float(lon)

    def has_parts(self, place: Place) -> bool:
        """The gazetteer knows where ``place``'s compass parts lie (a country's)."""
        return place.gazetteer_id in self._parts

    def _own_names(self, row: int) -> list[str]:
        return self._lines[row].rsplit("\t", 2)[1].split("|")

    def _place(self, row: int) -> Place:
        place = self._parsed.get(row)
        if place is None:
            ident, lat, lon, country, population, kind, start, end, _ = self._lines[row].split(
                "\t", 8
            )
            place = Place(
                ident if ident.startswith("chronist:") else f"geonames:{ident}",
                float(lat), float(lon), country, int(population), _KINDS[kind],
                int(start) if start else None, int(end) if end else None,
                kind in _LISTED_KINDS and not ident.startswith("chronist:"),
            )  # fmt: skip
            self._parsed[row] = place
        return place


@cache
def gazetteer() -> Gazetteer:
    """The shipped gazetteer (read once, on first use).

    >>> [p.kind.value for p in gazetteer().get("Osmanischen Reiches")]
    ['historical-state']
    """
    path = data_path(GAZETTEER_FILE)
    lines: list[str] = []
    names: dict[str, int | tuple[int, ...]] = {}
    parts: dict[str, str] = {}
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            next(handle)
            for row, line in enumerate(handle):
                line = line.rstrip("\n")
                lines.append(line)
                head, own, alternates = line.rsplit("\t", 2)
                if not head.endswith("\t"):  # a country's or continent's compass parts
                    ident, _, points = head.partition("\t")
                    ident = ident if ident.startswith("chronist:") else f"geonames:{ident}"
                    parts[ident] = points.rsplit("\t", 1)[1]
                for name in (f"{own}|{alternates}" if alternates else own).split("|"):
                    found = names.get(name)
                    if found is None:
                        names[name] = row
                    elif isinstance(found, int):
                        names[name] = (found, row)
                    else:
                        names[name] = (*found, row)
    except (OSError, EOFError, UnicodeDecodeError, ValueError, IndexError, StopIteration) as error:
        raise ModelError(f"gazetteer unreadable: {path}: {error}") from error
    return Gazetteer(lines, names, parts)


# German genitive and possessive endings: "Pekings", "Rheines", "Paris’"
GENITIVE_ENDINGS = ("s", "es", "’", "'")


def candidates(name: str, index: Gazetteer | None = None) -> tuple[Place, ...]:
    """The places a mention may name: as written, else without a genitive ending.

    >>> sorted({p.kind.value for p in candidates("Rheins")})
    ['river']
    """
    index = index if index is not None else gazetteer()
    if name[:1].islower():  # "östliche Mittelmeerraum" inside a sentence
        name = name[:1].upper() + name[1:]
    found = index.get(name)
    if found:
        return found
    for ending in GENITIVE_ENDINGS:
        if name.endswith(ending) and len(name) > len(ending) + 2:
            found = index.get(name[: -len(ending)])
            if found:
                return found
    return ()


def demonym_places(word: str, suffixes: tuple[str, ...]) -> tuple[Place, ...]:
    """The places whose demonym ``word`` is (``Saarbrücker`` -> Saarbrücken, ``Wormser``
    -> Worms); none for a word that is a place's own name.

    >>> [p.gazetteer_id for p in demonym_places("Saarbrücker", ("er", "ern"))]
    ['geonames:2842647']
    """
    index = gazetteer()
    if word in index:
        return ()
    for suffix in suffixes:
        stem = word[: -len(suffix)]
        if not word.endswith(suffix) or len(stem) < 3:
            continue
        for form in (stem, stem + "n", stem + "en", stem + "e"):
            found = index.get(form)
            if found:
                return found
    return ()


def is_demonym(word: str, suffixes: tuple[str, ...]) -> bool:
    """``Kölner``, ``Wormser``, ``Bremer``: a known place + a suffix, not a place itself.

    >>> is_demonym("Kölner", ("er", "ern")), is_demonym("Hannover", ("er", "ern"))
    (True, False)
    """
    index = gazetteer()
    if word in index:
        return False
    for suffix in suffixes:
        stem = word[: -len(suffix)]
        forms = (stem, stem + "n", stem + "en", stem + "e")
        if word.endswith(suffix) and len(stem) >= 3 and any(f in index for f in forms):
            return True
    return False
