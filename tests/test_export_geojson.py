"""GeoJSON (RFC 7946): FeatureCollection, [lon, lat] in range, places and placed events."""

from __future__ import annotations

import json

import pytest

from chronist.errors import InputError
from chronist.export.geojson import to_geojson
from chronist.timeline.jsonio import from_json
from fixtures.sample import edge_timeline, sample_timeline, synthetic_timeline


def _check_rfc7946(data: dict) -> None:
    assert data["type"] == "FeatureCollection"
    assert isinstance(data["features"], list)
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        assert isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        assert geometry["type"] == "Point"
        lon, lat = geometry["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert "crs" not in data and "crs" not in feature  # RFC 7946 drops crs


def test_feature_collection_in_range():
    for timeline in (sample_timeline(), edge_timeline(), synthetic_timeline(300)):
        _check_rfc7946(json.loads(to_geojson(from_json(timeline))))


def test_one_feature_per_place_and_per_placed_event():
    timeline = sample_timeline()
    features = json.loads(to_geojson(from_json(timeline)))["features"]
    places = [f for f in features if f["properties"]["kind"] == "place"]
    events = [f for f in features if f["properties"]["kind"] == "event"]
    assert sorted(p["properties"]["name"] for p in places) == [
        "Incheon", "Panmunjeom", "Rom", "Seoul"
    ]  # fmt: skip
    placed = [e["id"] for e in timeline["events"] if e["place"] is not None]
    assert [e["id"] for e in events] == placed


def test_longitude_comes_first():
    features = json.loads(to_geojson(from_json(sample_timeline())))["features"]
    rome = next(f for f in features if f["properties"].get("name") == "Rom")
    assert rome["geometry"]["coordinates"] == [12.51133, 41.89193]


def test_event_properties_carry_time():
    features = json.loads(to_geojson(from_json(sample_timeline())))["features"]
    retreat = next(f for f in features if f["id"] == "e5")
    assert retreat["properties"]["edtf"] == "1950-11/1951-04"
    assert retreat["properties"]["earliest_begin"] == "1950-11-01"
    assert retreat["when"]["timespans"][0]["end"] == {
        "earliest": "1951-04-01",
        "latest": "1951-04-30",
    }


def test_a_saved_place_with_impossible_coordinates_is_refused():
    timeline = sample_timeline()
    timeline["entities"][1]["lat"] = 123.0  # Rom, impossible latitude
    with pytest.raises(InputError, match=r"entities\[1\]\.lat: 123.0 is above 90"):
        from_json(timeline)


def test_unresolved_places_are_left_out():
    timeline = sample_timeline()
    timeline["entities"][1].update(lat=None, lon=None)  # Rom unresolved
    timeline["entities"][5].update(lat=None, lon=None)  # Incheon unresolved
    timeline["events"][3]["place"].update(lat=None, lon=None)
    data = json.loads(to_geojson(from_json(timeline)))
    _check_rfc7946(data)
    names = [f["properties"].get("name") for f in data["features"]]
    assert "Rom" not in names and "Incheon" not in names
