"""Place resolution by evidence: priors, cues, context, era, confidence."""

from __future__ import annotations

import pytest

from chronist.entities.evidence import MIN_CONFIDENCE, PlaceEvidence, resolve_entities
from chronist.entities.language import entity_facts
from chronist.entities.places import PlaceKind, gazetteer
from chronist.entities.types import EntityType
from chronist.timeline import build_timeline


def _resolve(*evidence: PlaceEvidence) -> list[tuple[str | None, float]]:
    found = resolve_entities(list(evidence), entity_facts("de"))
    return [(r.place.gazetteer_id if r.place else None, r.confidence) for r in found]


def test_historical_state_in_its_period() -> None:
    ((ident, confidence),) = _resolve(PlaceEvidence(("Preußen",), years=(1850, 1866)))
    assert ident == "chronist:prussia" and confidence > 0.5


def test_historical_state_outside_its_period_stays_unresolved() -> None:
    ((ident, confidence),) = _resolve(PlaceEvidence(("Weströmisches Reich",), years=(1800,)))
    assert ident is None and confidence < MIN_CONFIDENCE


def test_river_cue_beats_a_town_of_the_same_name() -> None:
    river = frozenset({PlaceKind.RIVER})
    ((ident, _),) = _resolve(PlaceEvidence(("Main",), cues=river))
    assert ident == "chronist:main-river"


def test_compass_prefix_names_a_part_of_a_country() -> None:
    ((ident, _),) = _resolve(PlaceEvidence(("Südalbanien",)))
    assert ident is not None
    (albania,) = [p for p in gazetteer().get("Albanien") if p.kind is PlaceKind.COUNTRY]
    assert ident == albania.gazetteer_id


def test_context_moves_a_homonym() -> None:
    alone, *_ = _resolve(PlaceEvidence(("Alexandria",)))
    with_us, *_ = _resolve(
        PlaceEvidence(("Alexandria",)), PlaceEvidence(("USA",)), PlaceEvidence(("Washington",))
    )
    assert alone[0] != with_us[0]
    assert alone[0] is not None and with_us[0] is not None


def test_unknown_name_has_no_confidence() -> None:
    assert _resolve(PlaceEvidence(("Atlantis-am-Yalu",))) == [(None, 0.0)]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Am 3. Mai 1945 erreichten Truppen Hamburg.", "Mai"),
        ("Im 5. Jahrhundert v. Chr. blühte Athen.", "Chr."),
    ],
)
def test_timeline_keeps_no_entity_inside_a_date(text: str, absent: str) -> None:
    entities = build_timeline(text).entities
    assert all(absent not in m.text for e in entities for m in e.mentions)


def test_timeline_era_reaches_place_resolution() -> None:
    text = "Im Jahr 1866 besiegte Preußen Österreich. Preußen gewann."
    places = {e.text: e for e in build_timeline(text).entities if e.type is EntityType.LOC}
    prussia = places["Preußen"]
    assert prussia.feature_class == "historical-state"
    assert prussia.period == (1701, 1947)
    assert prussia.geometry == "centroid"


def test_counting_near_places_on_the_grid_equals_comparing_with_every_place() -> None:
    import random

    from chronist.entities.evidence import _NEAR_KM, _Context, _km
    from chronist.entities.places import Place

    rng = random.Random(7)
    # clustered like a document's places, with some near the poles and the date line
    centres = [(50.0, 10.0), (0.5, 179.5), (84.0, -20.0), (-33.0, 151.0)]
    places = [
        Place(f"p{i}", max(-90.0, min(90.0, lat + rng.uniform(-6, 6))),
              (lon + rng.uniform(-9, 9) + 180.0) % 360.0 - 180.0, "", 0, PlaceKind.SETTLEMENT)
        for i, (lat, lon) in enumerate(rng.choice(centres) for _ in range(400))
    ]  # fmt: skip
    context = _Context(places)
    for place in places[:120]:
        assert context.near(place) == sum(_km(place, o) <= _NEAR_KM for o in places)


def test_a_country_comes_before_its_capital_of_the_same_name() -> None:
    ((ident, _),) = _resolve(PlaceEvidence(("Mexiko",)))
    (mexico,) = [p for p in gazetteer().get("Mexiko") if p.kind is PlaceKind.COUNTRY]
    assert ident == mexico.gazetteer_id


def test_a_town_and_where_it_lies_resolves_to_the_town() -> None:
    ((ident, _),) = _resolve(PlaceEvidence(("Kempten im Allgäu",)))
    (kempten,) = gazetteer().get("Kempten")
    assert ident == kempten.gazetteer_id


def test_an_old_name_in_parentheses_is_placed_where_the_modern_one_is() -> None:
    from chronist.entities.recognition import recognize

    found = {e.text: e for e in recognize("Der Name von Ungarn (Magyarorszag) blieb.")}
    assert found["Magyarorszag"].type is EntityType.LOC
    assert found["Magyarorszag"].gazetteer_id == found["Ungarn"].gazetteer_id is not None


def test_a_name_of_far_away_places_in_parentheses_is_no_alias() -> None:
    from chronist.entities.recognition import recognize

    # Ticino is a village in Argentina too; the river is not there
    found = {e.text: e for e in recognize("Der Name kommt vom Fluss Tessin (Ticino).")}
    assert "Ticino" not in found or found["Ticino"].gazetteer_id is None
