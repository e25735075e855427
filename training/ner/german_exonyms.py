"""German exonyms of small towns in the lands where German was once spoken or ruled.

GeoNames' alternate names carry no language in the ``cities1000`` extract, so the
gazetteer gives alternates only to towns of 15,000 people or more (a village's are
mostly transliterations). A small town of Alsace, Silesia, Bohemia, the Banat or East
Prussia is often named in German history by its German name (``Weißenburg`` for
Wissembourg, ``Münsterberg`` for Ziębice, ``Ebenrode`` for Nesterov). Such a name is
taken from the town's alternates when it is written like a German place name (German
letters and a German town-name ending after three letters at least, not a landscape's
word such as ``-tal``, ``-wald``, ``-see``; or ``ß``, ``ä``, ``sch``, ``tz``), and when no
other town bears it as its own name (``Hohenstein`` stays with the German villages)
and no town ten times bigger bears it at all (``Königsberg``, ``Brixen``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

# countries with towns once named in German (former German, Austrian and Habsburg
# lands, the Baltic, the German settlements of the East, the Low Countries)
EXONYM_COUNTRIES = frozenset(
    {"PL", "CZ", "SK", "HU", "RO", "FR", "IT", "SI", "HR", "RS"}
    | {"BE", "NL", "LU", "DK", "LT", "LV", "EE", "RU", "UA", "BY"}
)
# a shorter exonym is mostly a word too ("Ruß", Rusnė's)
MIN_LENGTH = 5
# a town this much bigger bearing the name keeps it for itself
BIGGER = 10

_GERMAN_WORDS = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]+(?:[ -][A-ZÄÖÜ][a-zäöüß]+)?$")
_GERMAN_MARKS = re.compile(
    r"(?:[ßä]|sch|tz)|[a-zäöüß]{3}(?:burg|berg|dorf|stadt|stedt|heim|hausen|feld|felde|hof"
    r"|kirchen?|bach|stein|furt|brück|brücken|münde|hagen|rode|born|brunn|weiler|markt"
    r"|münster|zell|ingen|leben|werda|horst|au|hütte|hammer|haus|ort|ruh|ruhe)$"
)


def looks_german(name: str) -> bool:
    """``name`` is written like a German place name.

    >>> [looks_german(n) for n in ("Weißenburg", "Proskau", "Kunzendorf", "Mishlibozh")]
    [True, True, True, False]
    >>> [looks_german(n) for n in ("Vajsenburg-in-Baern", "Sent-Lizen'", "Soldin", "Port", "Ruß")]
    [False, False, False, False, False]

    A landscape's word is no town's mark: ``Odertal`` (Zdzieszowice) is the Oder valley
    in most German texts.

    >>> [looks_german(n) for n in ("Odertal", "Spreewald", "Rheinaue")]
    [False, False, False]
    """
    return len(name) >= MIN_LENGTH and bool(
        _GERMAN_WORDS.match(name) and _GERMAN_MARKS.search(name)
    )


def exonym_filter(
    cities: Iterable[dict[str, Any]], names_of: Callable[[set[str]], set[str]]
) -> Callable[[dict[str, Any], set[str]], set[str]]:
    """A function giving a small town's German exonyms among its (Latin) alternates.

    ``names_of`` adds the written variants of a set of names (``with_plain``).
    """
    own: set[str] = set()
    biggest: dict[str, int] = {}
    for city in cities:
        population = int(city["population"])
        own |= names_of({city["name"]})
        for name in names_of({city["name"], *city["alternatenames"]}):
            biggest[name] = max(biggest.get(name, 0), population)

    def exonyms(city: dict[str, Any], alternates: set[str]) -> set[str]:
        if city["countrycode"] not in EXONYM_COUNTRIES:
            return set()
        limit = BIGGER * max(int(city["population"]), 1)
        return {
            name
            for name in alternates
            if looks_german(name) and name not in own and biggest.get(name, 0) < limit
        }

    return exonyms
