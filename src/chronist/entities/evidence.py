"""Choose a place for each place entity of a document, by evidence, with a confidence.

Each candidate of an entity's names (:func:`chronist.entities.places.candidates`;
when the whole name is unknown, an administrative prefix, a suffix or a compound
head removed: ``Landkreis Offenbach`` -> ``Offenbach``, ``Färöer-Inseln`` ->
``Färöer``, ``Rheinufer`` -> ``Rhein``; or a compass prefix, the part then
placed a degree that way from the whole's centre: ``Südirak``) is scored from

- its feature class and population (a prior: a country or a hand-written
  historical state, region or river before a village of the same name);
- the words before its mentions (``am Rhein`` favours rivers, ``bei`` towns,
  ``Provinz`` regions; ``lang/<xx>/entities.toml``);
- the document's other places (candidates near them, or in their country);
- the years told near its mentions against a historical state's period;
- whether its name is a word used as a common noun (``eine Tuba``) or a word the
  lexicon does not know as a place at all (``Freedom``): then a town of that name
  needs the document's other places near it;
- whether its name is only one of a town's GeoNames alternate names (``Homo`` of
  Qom, ``Sinti`` of Honghu, but also ``Pjöngjang`` of Pyongyang): such a town is
  chosen only after a place's preposition or word (``nach Pjöngjang``, ``Stadt X``),
  for a name the lexicon knows as a place and not as a given name (``Mailand``),
  or with another place of the document near it or in its country;
- whether it is one word of the noun list with no place's preposition or word before
  any mention (``Heide``, ``des Steins``): then a town of that name below a city's size
  needs the same support from the document's other places (``Essen`` does not);
- a name found only as another's name in parentheses (``Mula (Zahra)``) names what
  that name names and is no evidence for it;
- for a word the lexicon does not know as a place, with no place's word before it, a
  town's score plausible on its own (``UNKNOWN_PLAUSIBLE``: ``ihr entscheidender
  Passus``, ``Derwischklöster (Tekke)`` stay unresolved);
- the document's other places within ``CLOSE_KM`` (a quarter among its town's other
  quarters; a hamlet below ``HAMLET_BELOW`` people needs one, or a place's word before
  it), and a longer name of the same town (``Rothenburg`` after ``Rothenburg ob
  der Tauber`` is that town).

A country's name never resolves to a town of that name, and a compound or
suffixed name is built on a river, region or island, never on a town.

The confidence is the candidate's share of the scores (a softmax) times how
plausible its score is at all; below :data:`MIN_CONFIDENCE` nothing is chosen
and the place stays unresolved. The weights below were set on the dev passages
of ``bench/wiki_de`` (``bench/places_eval.py``), never on the frozen ones, and
(``NOUN_DOUBT``, ``UNKNOWN_DOUBT``, ``VILLAGE_BELOW``) by reading the pins they
change on unannotated ``wikipedia-de`` articles that are no bench passage.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from chronist.entities.language import EntityFacts
from chronist.entities.places import (
    GENITIVE_ENDINGS,
    Place,
    PlaceKind,
    candidates,
    demonym_places,
    gazetteer,
)

__all__ = ["MIN_CONFIDENCE", "PlaceEvidence", "Resolution", "resolve_entities", "resolve_places"]

MIN_CONFIDENCE = 0.3
# a best score here halves the confidence: a town of 1,000 people, alone
PLAUSIBLE_AT = 4.0
# the prior of a town: 1 + this x log10(population)
POPULATION_WEIGHT = 1.0
# each other place of the document within 400 km, and each in the same country
NEAR_WEIGHT = 1.0
NEAR_CAP = 3.0
SAME_COUNTRY_WEIGHT = 0.6
# and each within CLOSE_KM, a neighbour (a town's quarter among the town and its other
# quarters: Werne in Bochum, not Werne an der Lippe 30 km away)
CLOSE_KM = 15.0
CLOSE_WEIGHT = 0.5
CLOSE_CAP = 1.5
# a hamlet (GeoNames lists towns below 1,000 people only as seats: "Vik", "Timar") is
# chosen only after a place's preposition or word, or with another place within CLOSE_KM
HAMLET_BELOW = 1_000
# a chosen town of fewer people than this, with none of at least ISOLATED_AMONG other
# places of the document near it or in its country, is this much less plausible
ISOLATED_BELOW = 100_000
ISOLATED_AMONG = 3
ISOLATED_PENALTY = 1.5
# a town named by a word used as a common noun ("eine Tuba", "bei Bissen") is this much less
# plausible: it needs the document's other places near it (Mekka beside Medina)
NOUN_DOUBT = 4.0
# a village of fewer people than this comes after a region, state or river of its name
VILLAGE_BELOW = 10_000
# a town named by a common noun needs other places near it unless it is a city this large
NOUN_TOWN_BELOW = 100_000
# a town named by a word the lexicon does not know as a place ("Freedom", "Eher", "Jer") is
# this much less plausible (every town of the name alike: the choice among them stays)
UNKNOWN_DOUBT = 2.0
# a town named by such a word, with no place's word before it, needs a score this plausible
# on its own (set by reading the pins of unannotated wikipedia-de articles: below it they
# were nouns and parts of other names; no right pin of the dev passages lies below it)
UNKNOWN_PLAUSIBLE = 0.8
# how far (degrees) a compass-prefixed part of a region lies from its centre
COMPASS_STEP = 1.0
_PRIOR = {
    PlaceKind.COUNTRY: 6.5,
    PlaceKind.CONTINENT: 6.5,
    PlaceKind.HISTORICAL_STATE: 5.5,
    PlaceKind.REGION: 5.5,
    PlaceKind.SEA: 5.5,
    PlaceKind.RIVER: 5.0,
    PlaceKind.LAKE: 5.0,
    PlaceKind.MOUNTAIN: 5.0,
    PlaceKind.ISLAND: 5.0,
    PlaceKind.SITE: 5.0,
}
_PART_KINDS = frozenset(
    {PlaceKind.COUNTRY, PlaceKind.REGION, PlaceKind.HISTORICAL_STATE, PlaceKind.ISLAND}
    | {PlaceKind.SEA, PlaceKind.CONTINENT}
)
_NEAR_KM = 400.0
# west of this longitude lie the Americas; before this year no story is told there by
# a text that names no other place there
AMERICAS_EAST_OF = -25.0
NEW_WORLD_FROM = 1492
# "Kempten im Allgäu", "Frankfurt an der Oder": a town and where it lies
_LOCATED_AT = re.compile(r" (?:am|an der|im|in der|ob der|bei) (?=[A-ZÄÖÜ])")


@dataclass(frozen=True, slots=True)
class PlaceEvidence:
    """What the document tells about one place entity: its names (canonical first),
    the kinds its mentions' preceding words favour, the years told near it."""

    names: tuple[str, ...]
    cues: frozenset[PlaceKind] = frozenset()
    years: tuple[int, ...] = ()
    # other names it is given in parentheses (``Cambodunum (Kempten)``), asked only
    # when none of its own names, whole or in part, is in the gazetteer
    aliases: tuple[str, ...] = ()
    # every mention is a word the lexicon uses as a common noun (``Tuba``, ``Mekka``)
    noun_like: bool = False
    # no mention is a word the lexicon knows as a place (``Freedom``, ``Eher``)
    unknown_word: bool = False
    # a mention follows a place's preposition or word (``nach Pjöngjang``, ``Stadt X``),
    # or is a name the lexicon knows as a place and not as a given name (``Mailand``)
    vouched: bool = False
    # every mention is one word of the noun list (``Heide``, ``Steins``) and none follows
    # a place's preposition or word: a town of that name must be borne out
    common_noun: bool = False


@dataclass(frozen=True, slots=True)
class Resolution:
    """The chosen place (``None`` below the threshold) and the confidence of the best one."""

    place: Place | None
    confidence: float


def _prior(place: Place) -> float:
    if place.kind is PlaceKind.SETTLEMENT:
        return 1.0 + POPULATION_WEIGHT * math.log10(1 + place.population)
    return _PRIOR[place.kind]


def _km(a: Place, b: Place) -> float:
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _options(evidence: PlaceEvidence, facts: EntityFacts) -> list[tuple[Place, float]]:
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
        return _country_first(list(found.values()))
    for name in evidence.names:
        at = _LOCATED_AT.search(name)
        if at is not None and at.start() > 0:  # "Kempten im Allgäu" -> "Kempten"
            for place in candidates(name[: at.start()], index):
                found.setdefault(place.gazetteer_id, (place, 0.3))
        prefix, _, rest = name.partition(" ")
        if prefix in facts.admin_prefixes and rest:
            for place in candidates(rest, index):
                found.setdefault(place.gazetteer_id, (place, 0.5))
        for place in _site_towns(prefix, rest, facts):
            found.setdefault(place.gazetteer_id, (place, 0.5))
        for stem in derived_names(name, facts):
            for place in candidates(stem, index):
                if _may_head(place):
                    found.setdefault(place.gazetteer_id, (place, 0.5))
        for prefix in facts.compass_prefixes:
            rest = name[len(prefix) :]
            if name.startswith(prefix) and len(rest) > 3 and rest[0].islower():
                direction = facts.compass_directions.get(prefix, (0.0, 0.0))
                for place in candidates(rest.capitalize(), index):
                    part = _part(place, direction) if place.kind in _PART_KINDS else None
                    if part is not None:
                        found.setdefault(place.gazetteer_id, (part, 1.0))
                break
    if not found:
        for alias in evidence.aliases:
            for place in candidates(alias, index):
                found.setdefault(place.gazetteer_id, (place, 0.3))
    return list(found.values())


def _site_towns(first: str, rest: str, facts: EntityFacts) -> tuple[Place, ...]:
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


def _alternate_only(evidence: PlaceEvidence, options: list[tuple[Place, float]]) -> set[str]:
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


def _noun_towns(evidence: PlaceEvidence, options: list[tuple[Place, float]]) -> set[str]:
    """The towns below a city's size among ``options`` when the entity's word is a common
    noun (``Heide``, ``Alpen``): like a town found only by an alternate name, such a town
    must be borne out by the document's other places; a city (``Essen``) need not."""
    if not evidence.common_noun:
        return set()
    return {
        p.gazetteer_id
        for p, _ in options
        if _listed(p) and (p.kind is not PlaceKind.SETTLEMENT or p.population < NOUN_TOWN_BELOW)
    }


def _listed(place: Place) -> bool:
    """A place of GeoNames' long lists, a town or a first-level division (``Sangha``,
    ``Savanne``, ``Grade`` name some), not of the hand-written table nor a country: a
    word that names one needs the evidence a town's name needs."""
    return place.kind is PlaceKind.SETTLEMENT or place.listed


def _supported(place: Place, context: _Context, itself: Place | None) -> bool:
    """Another place of the document lies near ``place`` or in its country."""
    return context.others_near(place, itself) > 0 or context.others_in_country(place, itself) > 0


def _may_head(place: Place) -> bool:
    """A place a compound or suffixed name is built on: a river, region, mountain,
    island... (``Rheinufer``, ``Ruhrgebiet``, ``Maurya-Reich``), never a town, whose
    name is then mostly the first syllables of a word (``Baderaum``, ``Tara-Gebirge``)."""
    return place.kind is not PlaceKind.SETTLEMENT


def _country_first(options: list[tuple[Place, float]]) -> list[tuple[Place, float]]:
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
    if all(_listed(p) for p, _ in options):
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


def _part(place: Place, direction: tuple[float, float]) -> Place | None:
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


def _era(place: Place, years: Sequence[int]) -> float:
    if not years or (place.start is None and place.end is None):
        return 0.0
    start = -10_000 if place.start is None else place.start - 25
    end = 10_000 if place.end is None else place.end + 25
    inside = sum(start <= year <= end for year in years)
    return 1.0 if inside else -2.5


_CELL = 4.0  # degrees; 400 km is less than 3.6 degrees of latitude


def _cell(degrees: float) -> int:
    return math.floor(degrees / _CELL)


def _is_near_evidence(place: Place) -> bool:
    """A sea's or continent's centre is no evidence for what lies near it (the
    centre of "Amerika" in Nicaragua must not favour a village there)."""
    return place.kind not in (PlaceKind.SEA, PlaceKind.CONTINENT)


class _Context:
    """The places the other entities of a document resolve to on their own, indexed
    on a grid so that counting those within ``_NEAR_KM`` of a candidate does not
    compare it with every place of a long document."""

    def __init__(self, places: Sequence[Place]) -> None:
        self.size = len(places)
        self.countries = Counter(p.country for p in places if p.country)
        self.in_americas = sum(_in_americas(p) for p in places)
        self._grid: dict[tuple[int, int], list[Place]] = {}
        for place in places:
            if _is_near_evidence(place):
                key = (_cell(place.lat), _cell(place.lon) % 90)
                self._grid.setdefault(key, []).append(place)

    def near(self, place: Place, km: float = _NEAR_KM) -> int:
        """How many of the places lie within ``km`` (at most ``_NEAR_KM``) of ``place``."""
        widest = math.cos(math.radians(min(89.0, abs(place.lat) + _CELL)))
        reach = 4.0 / max(widest, 1e-6)  # degrees of longitude 400 km span there, and more
        if reach >= 180.0:
            columns = set(range(90))
        else:
            columns = {
                c % 90 for c in range(_cell(place.lon - reach), _cell(place.lon + reach) + 1)
            }
        rows = range(_cell(place.lat) - 1, _cell(place.lat) + 2)
        return sum(
            1
            for row in rows
            for column in columns
            for other in self._grid.get((row, column), ())
            if _km(place, other) <= km
        )

    def others_near(self, place: Place, itself: Place | None, km: float = _NEAR_KM) -> int:
        """How many places of the other entities lie within ``km`` of ``place``."""
        mine = itself is not None and _is_near_evidence(itself) and _km(place, itself) <= km
        return self.near(place, km) - mine

    def others_in_country(self, place: Place, itself: Place | None) -> int:
        """How many places of the other entities lie in ``place``'s country."""
        if not place.country:
            return 0
        return self.countries[place.country] - (
            itself is not None and itself.country == place.country
        )


def _score(
    place: Place, penalty: float, evidence: PlaceEvidence, context: _Context, itself: Place | None
) -> float:
    """The candidate's score; ``itself`` is this entity's own place in ``context``."""
    score = _prior(place) - penalty
    if _listed(place) and evidence.noun_like:
        score -= NOUN_DOUBT
    elif _listed(place) and evidence.unknown_word:
        score -= UNKNOWN_DOUBT
    if evidence.cues:
        score += 1.5 if place.kind in evidence.cues else -0.5
    near = context.others_near(place, itself)
    same = context.others_in_country(place, itself)
    score += min(NEAR_CAP, NEAR_WEIGHT * near) + min(1.5, SAME_COUNTRY_WEIGHT * same)
    if place.kind is PlaceKind.SETTLEMENT:
        close = context.others_near(place, itself, CLOSE_KM)
        score += min(CLOSE_CAP, CLOSE_WEIGHT * close)
    return score + _era(place, evidence.years)


def _in_americas(place: Place) -> bool:
    return place.lon < AMERICAS_EAST_OF and place.kind is not PlaceKind.SEA


def _new_world_namesake(
    place: Place, evidence: PlaceEvidence, context: _Context, itself: Place | None
) -> bool:
    """A town in the Americas named in a story told before 1492 (two thirds of the
    years near it earlier), when the document names other places and none of them
    lies there, is a modern namesake of an Old World place (Memphis in Tennessee for
    ``Sakkara bei Memphis``, Troy in New York, Athens in Georgia): no candidate."""
    years = evidence.years
    early = sum(year < NEW_WORLD_FROM for year in years)
    if not years or 3 * early < 2 * len(years) or not _listed(place) or not _in_americas(place):
        return False
    others = context.in_americas - (itself is not None and _in_americas(itself))
    return others <= 0 and context.size - (itself is not None) >= 1


def _unsupported_hamlet(place: Place, context: _Context, itself: Place | None) -> bool:
    """A town below :data:`HAMLET_BELOW` people with no other place of the document
    within :data:`CLOSE_KM` (``auf Vik als alte Bezeichnung``, ``Timar genannte``)."""
    if place.kind is not PlaceKind.SETTLEMENT or place.population >= HAMLET_BELOW:
        return False
    return context.others_near(place, itself, CLOSE_KM) <= 0


def _isolated(place: Place, context: _Context, itself: Place | None) -> bool:
    """A small town far from every other place of the document and in none of their
    countries, when there are enough of them (Vaucluse, the suburb of Sydney, in a
    text on Provence; Olympia, Washington, in one on the Peloponnese)."""
    if place.kind is not PlaceKind.SETTLEMENT or place.population >= ISOLATED_BELOW:
        return False
    if context.size - (itself is not None) < ISOLATED_AMONG:
        return False
    return context.others_near(place, itself) <= 0 and context.others_in_country(place, itself) <= 0


def _plausible(best: float, doubt: float = 0.0) -> float:
    """How plausible the best score, less ``doubt``, is at all (0.5 at ``PLAUSIBLE_AT``)."""
    return 1.0 / (1.0 + math.exp(-(best - doubt - PLAUSIBLE_AT)))


def _confidence(scores: list[float], doubt: float = 0.0) -> float:
    """The best's share of the scores times how plausible its score, less ``doubt``,
    is at all (the doubt lowers the best only, so that it never sharpens the share)."""
    best = max(scores)
    share = 1.0 / sum(math.exp(s - best) for s in scores)
    return share * _plausible(best, doubt)


def _unborne_word(place: Place, evidence: PlaceEvidence, plausible: float) -> bool:
    """A town named by a word the lexicon does not know as a place, with no place's word
    or preposition before any mention, whose score is not plausible on its own: a
    word of another kind (``ihr entscheidender Passus``, ``Sechin Bajo``, ``Movistar,
    Claro und Entel``) more likely than a town. The share of its homonyms does not
    count here: a name of several towns (``Vicksburg``) is still a town's name."""
    return (
        _listed(place)
        and evidence.unknown_word
        and not evidence.vouched
        and plausible < UNKNOWN_PLAUSIBLE
    )


def resolve_entities(entities: Sequence[PlaceEvidence], facts: EntityFacts) -> list[Resolution]:
    """One :class:`Resolution` per place entity, in order.

    >>> from chronist.entities.language import entity_facts
    >>> found = resolve_entities(
    ...     [PlaceEvidence(("Rhein",), years=(1850,)), PlaceEvidence(("Preußen",), years=(1850,))],
    ...     entity_facts("de"),
    ... )
    >>> [(r.place.kind.value, r.confidence > 0.5) for r in found]
    [('river', True), ('historical-state', True)]
    """
    options = [_options(e, facts) for e in entities]
    # a town named only by a GeoNames alternate name, with no place's word before it,
    # must be borne out by the document's other places
    doubted = [
        (set() if e.vouched else _alternate_only(e, o)) | _noun_towns(e, o)
        for e, o in zip(entities, options, strict=True)
    ]
    # an entity found only through another name of it in parentheses (``Mula (Zahra)``)
    # names what that name names: it is no evidence for it
    via_alias = [
        bool(found) and bool(e.aliases) and not _options(replace(e, aliases=()), facts)
        for e, found in zip(entities, options, strict=True)
    ]
    # first pass: each entity alone; its best candidate is context for the others
    alone: list[Place | None] = []
    empty = _Context(())
    for evidence, found in zip(entities, options, strict=True):
        scored = [(_score(p, pen, evidence, empty, None), p) for p, pen in found]
        alone.append(max(scored, key=lambda x: x[0])[1] if scored else None)
    context = _Context([p for p, alias in zip(alone, via_alias, strict=True) if p and not alias])
    alone = [None if alias else p for p, alias in zip(alone, via_alias, strict=True)]
    result: list[Resolution] = []
    for number, (evidence, found) in enumerate(zip(entities, options, strict=True)):
        itself = alone[number]
        scored = [(_score(p, pen, evidence, context, itself), p) for p, pen in found]
        if doubted[number]:
            # an unsupported town of an alternate name drops out; when it was the best,
            # the word is rather no place than a lesser town of that name ("Iris")
            unsupported = {
                p.gazetteer_id
                for p, _ in found
                if p.gazetteer_id in doubted[number] and not _supported(p, context, itself)
            }
            if scored and max(scored, key=lambda x: x[0])[1].gazetteer_id in unsupported:
                scored = []
            scored = [(s, p) for s, p in scored if p.gazetteer_id not in unsupported]
        if not evidence.vouched:
            scored = [(x, p) for x, p in scored if not _unsupported_hamlet(p, context, itself)]
        scored = [
            (x, p) for x, p in scored if not _new_world_namesake(p, evidence, context, itself)
        ]
        if not scored:
            result.append(Resolution(None, 0.0))
            continue
        best = max(scored, key=lambda x: x[0])[1]
        doubt = ISOLATED_PENALTY if _isolated(best, context, itself) else 0.0
        scores = [s for s, _ in scored]
        confidence = round(_confidence(scores, doubt), 3)
        unborne = _unborne_word(best, evidence, _plausible(max(scores), doubt))
        chosen = best if confidence >= MIN_CONFIDENCE and not unborne else None
        result.append(Resolution(chosen, confidence))
    return _short_forms(entities, _as_aliased(entities, via_alias, result))


def _as_aliased(
    entities: Sequence[PlaceEvidence], via_alias: list[bool], found: list[Resolution]
) -> list[Resolution]:
    """An entity found only through another name of it resolves as the entity of that
    name does, when the document has one (``Mula (Zahra)``: Zahra is wherever Mula is)."""
    by_name = {
        name: resolution
        for evidence, resolution, alias in zip(entities, found, via_alias, strict=True)
        if not alias
        for name in evidence.names
    }
    return [
        next((by_name[a] for a in e.aliases if a in by_name), r) if alias else r
        for e, r, alias in zip(entities, found, via_alias, strict=True)
    ]


def _short_forms(entities: Sequence[PlaceEvidence], found: list[Resolution]) -> list[Resolution]:
    """``Rothenburg`` after ``Rothenburg ob der Tauber``, ``Frankfurt`` after ``Frankfurt an
    der Oder``: a town's name without where it lies names the town the document located."""
    located: dict[str, Resolution] = {}
    for evidence, resolution in zip(entities, found, strict=True):
        place = resolution.place
        if place is None or place.kind is not PlaceKind.SETTLEMENT:
            continue
        for name in evidence.names:
            at = _LOCATED_AT.search(name)
            if at is not None and at.start() > 0:
                located.setdefault(name[: at.start()], resolution)
    if not located:
        return found
    return [
        next((located[n] for n in e.names if n in located), r)
        for e, r in zip(entities, found, strict=True)
    ]


def resolve_places(names: Sequence[str], lang: str = "de") -> dict[str, Place | None]:
    """Resolve each name of one document, as one entity each, with no other evidence
    than the names themselves (each other's context); the caller vouches that they
    name places, so a town's alternate name (``Pjöngjang``) is taken as such.

    >>> found = resolve_places(["Pjöngjang", "Berlins", "Atlantis-am-Yalu"])
    >>> found["Pjöngjang"].country, found["Berlins"].country, found["Atlantis-am-Yalu"]
    ('KP', 'DE', None)
    """
    from chronist.entities.language import entity_facts

    wanted = list(dict.fromkeys(names))
    found = resolve_entities(
        [PlaceEvidence((name,), vouched=True) for name in wanted], entity_facts(lang)
    )
    return {name: r.place for name, r in zip(wanted, found, strict=True)}
