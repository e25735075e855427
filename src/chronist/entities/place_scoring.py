"""The score of one candidate place of an entity, and how plausible the best one is.

A candidate scores by its prior (feature class and population), the kinds its
mentions' preceding words favour, the document's other places near it or in its
country (:class:`PlaceContext`, a grid over them), and the years told near it against
a historical state's period. Some candidates drop out whatever their score: a
hamlet, a modern namesake in the Americas in a story told before 1492, a small town
far from every other place. The weights were set on the dev passages of
``bench/wiki_de`` (see :mod:`chronist.entities.evidence`).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from chronist.entities.distance import km_between
from chronist.entities.place_candidates import is_listed
from chronist.entities.place_evidence import PlaceEvidence
from chronist.entities.places import Place, PlaceKind

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
# namesakes this close to the chosen place are the same spot on the map (a town and
# the region named after it: Baden-Baden and Baden 29 km apart)
SAME_SPOT_KM = 50.0
# a town below FAR_BELOW people this far from every other place of such a document is
# a namesake elsewhere (a city is named from afar: Bangalore in a text on Scotland)
FAR_KM = 4_000.0
FAR_BELOW = 500_000
# a town named by a word used as a common noun ("eine Tuba", "bei Bissen") is this much less
# plausible: it needs the document's other places near it (Mekka beside Medina)
NOUN_DOUBT = 4.0
# a town named by a word the lexicon does not know as a place ("Freedom", "Eher", "Jer") is
# this much less plausible (every town of the name alike: the choice among them stays),
# unless a place's preposition or word comes before a mention
UNKNOWN_DOUBT = 2.0
# a town named by such a word, with no place's word before it, needs a score this plausible
# on its own (set by reading the pins of unannotated wikipedia-de articles: below it they
# were nouns and parts of other names; no right pin of the dev passages lies below it)
UNKNOWN_PLAUSIBLE = 0.8
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
NEAR_KM = 400.0
# west of this longitude lie the Americas; before this year no story is told there by
# a text that names no other place there
AMERICAS_EAST_OF = -25.0
NEW_WORLD_FROM = 1492


def _prior(place: Place) -> float:
    if place.kind is PlaceKind.SETTLEMENT:
        return 1.0 + POPULATION_WEIGHT * math.log10(1 + place.population)
    return _PRIOR[place.kind]


def distance_km(a: Place, b: Place) -> float:
    return km_between(a.lat, a.lon, b.lat, b.lon)


def is_supported(place: Place, context: PlaceContext, itself: Place | None) -> bool:
    """Another place of the document lies near ``place`` or in its country."""
    return context.others_near(place, itself) > 0 or context.others_in_country(place, itself) > 0


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


class PlaceContext:
    """The places the other entities of a document resolve to on their own, indexed
    on a grid so that counting those within ``NEAR_KM`` of a candidate does not
    compare it with every place of a long document."""

    def __init__(self, places: Sequence[Place]) -> None:
        self.size = len(places)
        self._evidence = [p for p in places if _is_near_evidence(p)]
        self.countries = Counter(p.country for p in places if p.country)
        self.in_americas = sum(_in_americas(p) for p in places)
        self._grid: dict[tuple[int, int], list[Place]] = {}
        for place in places:
            if _is_near_evidence(place):
                key = (_cell(place.lat), _cell(place.lon) % 90)
                self._grid.setdefault(key, []).append(place)

    def near(self, place: Place, km: float = NEAR_KM) -> int:
        """How many of the places lie within ``km`` (at most ``NEAR_KM``) of ``place``."""
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
            if distance_km(place, other) <= km
        )

    def others_near(self, place: Place, itself: Place | None, km: float = NEAR_KM) -> int:
        """How many places of the other entities lie within ``km`` of ``place``."""
        mine = itself is not None and _is_near_evidence(itself) and distance_km(place, itself) <= km
        return self.near(place, km) - mine

    def others_within(self, place: Place, itself: Place | None, km: float) -> bool:
        """Some place of the other entities lies within ``km`` (any reach) of ``place``."""
        return any(
            distance_km(place, other) <= km
            for other in self._evidence
            if other is not itself or distance_km(place, other) > 0.0
        )

    def others_in_country(self, place: Place, itself: Place | None) -> int:
        """How many places of the other entities lie in ``place``'s country."""
        if not place.country:
            return 0
        return self.countries[place.country] - (
            itself is not None and itself.country == place.country
        )


def score_candidate(
    place: Place,
    penalty: float,
    evidence: PlaceEvidence,
    context: PlaceContext,
    itself: Place | None,
) -> float:
    """The candidate's score; ``itself`` is this entity's own place in ``context``."""
    score = _prior(place) - penalty
    if is_listed(place) and evidence.noun_like:
        score -= NOUN_DOUBT
    elif is_listed(place) and evidence.unknown_word and not evidence.vouched:
        # (after a place's preposition or word the text says it is a place: ``in Pau``)
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


def new_world_namesake(
    place: Place, evidence: PlaceEvidence, context: PlaceContext, itself: Place | None
) -> bool:
    """A town in the Americas named in a story told before 1492 (two thirds of the
    years near it earlier), when the document names other places and none of them
    lies there, is a modern namesake of an Old World place (Memphis in Tennessee for
    ``Sakkara bei Memphis``, Troy in New York, Athens in Georgia): no candidate."""
    years = evidence.years
    early = sum(year < NEW_WORLD_FROM for year in years)
    if not years or 3 * early < 2 * len(years) or not is_listed(place) or not _in_americas(place):
        return False
    others = context.in_americas - (itself is not None and _in_americas(itself))
    return others <= 0 and context.size - (itself is not None) >= 1


def far_namesake(place: Place, context: PlaceContext, itself: Place | None) -> bool:
    """A town of GeoNames' lists below :data:`FAR_BELOW` people more than :data:`FAR_KM`
    from every other place of a document that names at least :data:`ISOLATED_AMONG` of
    them, and in none of their countries: a namesake on another continent (Zama in Japan
    in a text on Carthage and Rome, Varennes in Québec in one on the French Revolution),
    no candidate."""
    if place.kind is not PlaceKind.SETTLEMENT or not is_listed(place):
        return False
    if place.population >= FAR_BELOW:
        return False
    if context.size - (itself is not None) < ISOLATED_AMONG:
        return False
    if context.others_in_country(place, itself) > 0 or context.others_near(place, itself) > 0:
        return False
    return not context.others_within(place, itself, FAR_KM)


def unsupported_hamlet(place: Place, context: PlaceContext, itself: Place | None) -> bool:
    """A town below :data:`HAMLET_BELOW` people with no other place of the document
    within :data:`CLOSE_KM` (``auf Vik als alte Bezeichnung``, ``Timar genannte``)."""
    if place.kind is not PlaceKind.SETTLEMENT or place.population >= HAMLET_BELOW:
        return False
    return context.others_near(place, itself, CLOSE_KM) <= 0


def is_isolated(place: Place, context: PlaceContext, itself: Place | None) -> bool:
    """A small town far from every other place of the document and in none of their
    countries, when there are enough of them (Vaucluse, the suburb of Sydney, in a
    text on Provence; Olympia, Washington, in one on the Peloponnese)."""
    if place.kind is not PlaceKind.SETTLEMENT or place.population >= ISOLATED_BELOW:
        return False
    if context.size - (itself is not None) < ISOLATED_AMONG:
        return False
    return context.others_near(place, itself) <= 0 and context.others_in_country(place, itself) <= 0


def plausibility(best: float, doubt: float = 0.0) -> float:
    """How plausible the best score, less ``doubt``, is at all (0.5 at ``PLAUSIBLE_AT``)."""
    return 1.0 / (1.0 + math.exp(-(best - doubt - PLAUSIBLE_AT)))


def share_of(scored: Sequence[tuple[float, Place]]) -> float:
    """The best candidate's share of the scores (a softmax), with the namesakes within
    :data:`SAME_SPOT_KM` of it counted as its own (Alexandria the city and Alexandria the
    governorate are one spot on the map): how clearly it beats the other namesakes."""
    top, chosen = max(scored, key=lambda x: x[0])
    weights = [(math.exp(s - top), p) for s, p in scored]
    mine = sum(w for w, p in weights if p is chosen or distance_km(p, chosen) <= SAME_SPOT_KM)
    return mine / sum(w for w, _ in weights)


def confidence_of(scores: list[float], doubt: float = 0.0) -> float:
    """The best's share of the scores times how plausible its score, less ``doubt``,
    is at all (the doubt lowers the best only, so that it never sharpens the share)."""
    best = max(scores)
    share = 1.0 / sum(math.exp(s - best) for s in scores)
    return share * plausibility(best, doubt)


def unborne_word(place: Place, evidence: PlaceEvidence, plausible: float) -> bool:
    """A town named by a word the lexicon does not know as a place, with no place's word
    or preposition before any mention, whose score is not plausible on its own: a
    word of another kind (``ihr entscheidender Passus``, ``Sechin Bajo``, ``Movistar,
    Claro und Entel``) more likely than a town. The share of its homonyms does not
    count here: a name of several towns (``Vicksburg``) is still a town's name."""
    return (
        is_listed(place)
        and evidence.unknown_word
        and not evidence.vouched
        and plausible < UNKNOWN_PLAUSIBLE
    )
