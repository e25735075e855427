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
  or with another place of the document near it or in its country; a town under
  15,000 people named by its German exonym (``Hohenstein`` of Olsztynek) needs a
  place of the document within ``EXONYM_NEAR_KM``, even after a preposition;
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

The candidates are found in :mod:`chronist.entities.place_candidates`, scored in
:mod:`chronist.entities.place_scoring` (where the weights are); this module chooses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from chronist.entities.language import EntityFacts
from chronist.entities.place_candidates import (
    EXONYM_NEAR_KM,
    LOCATED_AT,
    alternate_only,
    exonym_towns,
    noun_towns,
    place_options,
)
from chronist.entities.place_eras import as_of_era
from chronist.entities.place_evidence import PlaceEvidence, Resolution
from chronist.entities.place_scoring import (
    ISOLATED_PENALTY,
    PlaceContext,
    confidence_of,
    far_namesake,
    is_isolated,
    is_supported,
    new_world_namesake,
    plausibility,
    score_candidate,
    share_of,
    unborne_word,
    unsupported_hamlet,
)
from chronist.entities.places import Place, PlaceKind

__all__ = [
    "MIN_CONFIDENCE",
    "MIN_SHARE",
    "PlaceEvidence",
    "Resolution",
    "resolve_entities",
    "resolve_places",
]

MIN_CONFIDENCE = 0.3
# the best candidate's share of the scores of all (``share_of``) at least
MIN_SHARE = 0.45


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
    options = [_in_countries(e, place_options(e, facts)) for e in entities]
    # a town named only by a GeoNames alternate name, with no place's word before it,
    # must be borne out by the document's other places
    doubted = [
        (set() if _vouched(e, o) else alternate_only(e, o)) | noun_towns(e, o)
        for e, o in zip(entities, options, strict=True)
    ]
    # a small town named by its German exonym needs a place of the document close by
    exonym = [exonym_towns(e, o) for e, o in zip(entities, options, strict=True)]
    # an entity found only through another name of it in parentheses (``Mula (Zahra)``)
    # names what that name names: it is no evidence for it
    via_alias = [
        bool(found) and bool(e.aliases) and not place_options(replace(e, aliases=()), facts)
        for e, found in zip(entities, options, strict=True)
    ]
    # first pass: each entity alone; its best candidate is context for the others
    alone: list[Place | None] = []
    empty = PlaceContext(())
    for evidence, found in zip(entities, options, strict=True):
        scored = [(score_candidate(p, pen, evidence, empty, None), p) for p, pen in found]
        alone.append(max(scored, key=lambda x: x[0])[1] if scored else None)
    context = PlaceContext(
        [p for p, alias in zip(alone, via_alias, strict=True) if p and not alias]
    )
    alone = [None if alias else p for p, alias in zip(alone, via_alias, strict=True)]
    alternates = [alternate_only(e, o) for e, o in zip(entities, options, strict=True)]
    result = _choose(entities, options, (doubted, exonym, alternates), context, alone)
    return as_of_era(entities, _short_forms(entities, _as_aliased(entities, via_alias, result)))


def _in_countries(
    evidence: PlaceEvidence, options: list[tuple[Place, float]]
) -> list[tuple[Place, float]]:
    """The candidates in the countries the text says the place lies in (``Herat
    (Afghanistan)``), when there are any; else all of them."""
    if not evidence.in_countries:
        return options
    inside = [(p, x) for p, x in options if p.country in evidence.in_countries and not p.is_country]
    return inside or options


def _vouched(evidence: PlaceEvidence, options: list[tuple[Place, float]]) -> bool:
    """The entity is vouched for as a place of any name: by the words before it, or by its
    name alone when no town bears that name as its own (``Mailand`` is Milan's, but
    ``Cham`` the Bavarian and the Swiss town's, not Damascus')."""
    if not evidence.vouched:
        return False
    if not evidence.by_name_only:
        return True
    others = alternate_only(evidence, options)
    return not any(
        p.kind is PlaceKind.SETTLEMENT and penalty == 0.0 and p.gazetteer_id not in others
        for p, penalty in options
    )


def _choose(
    entities: Sequence[PlaceEvidence],
    options: list[list[tuple[Place, float]]],
    doubts: tuple[list[set[str]], list[set[str]], list[set[str]]],
    context: PlaceContext,
    alone: list[Place | None],
) -> list[Resolution]:
    """Each entity's best candidate in ``context`` (``alone``: each entity's own place
    there), with its confidence, or none; ``doubts``: per entity the ids of the towns
    doubted, named by an exonym, named only by an alternate name."""
    doubted, exonym, alternates = doubts
    result: list[Resolution] = []
    for number, (evidence, found) in enumerate(zip(entities, options, strict=True)):
        itself = alone[number]
        scored = [(score_candidate(p, pen, evidence, context, itself), p) for p, pen in found]
        if doubted[number] or exonym[number]:
            # an unsupported town of an alternate name drops out; when it was the best,
            # the word is rather no place than a lesser town of that name ("Iris")
            unsupported = {
                p.gazetteer_id
                for p, _ in found
                if (p.gazetteer_id in doubted[number] and not is_supported(p, context, itself))
                or (
                    p.gazetteer_id in exonym[number]
                    and not context.others_near(p, itself, EXONYM_NEAR_KM)
                )
            }
            if scored and max(scored, key=lambda x: x[0])[1].gazetteer_id in unsupported:
                scored = []
            scored = [(s, p) for s, p in scored if p.gazetteer_id not in unsupported]
        if not evidence.vouched:
            scored = [(x, p) for x, p in scored if not unsupported_hamlet(p, context, itself)]
        scored = [(x, p) for x, p in scored if not new_world_namesake(p, evidence, context, itself)]
        scored = [(x, p) for x, p in scored if not far_namesake(p, context, itself)]
        if not scored:
            result.append(Resolution(None, 0.0))
            continue
        best = max(scored, key=lambda x: x[0])[1]
        doubt = ISOLATED_PENALTY if is_isolated(best, context, itself) else 0.0
        scores = [s for s, _ in scored]
        confidence = round(confidence_of(scores, doubt), 3)
        unborne = unborne_word(best, evidence, plausibility(max(scores), doubt))
        # a namesake that beats the others by too little stays unresolved (Cumberland,
        # Somerset, Shiloh: a dozen American towns each), however plausible it is; a
        # town of that own name is no rival of one named so only by an alternate name
        # (Arak in Iran, once Alexandria, of Alexandria in Egypt)
        others = alternates[number]
        rivals = (
            scored
            if best.gazetteer_id in others
            else [(x, p) for x, p in scored if p.gazetteer_id not in others]
        )
        clear = share_of(rivals) >= MIN_SHARE
        chosen = best if confidence >= MIN_CONFIDENCE and clear and not unborne else None
        result.append(Resolution(chosen, confidence))
    return result


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
            at = LOCATED_AT.search(name)
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
