"""GeoJSON (RFC 7946): a FeatureCollection of places and placed events.

One ``Point`` feature per resolved place (``kind: "place"``, with its name,
gazetteer id, mention count, feature class, confidence and whether the point
is the place itself or the centroid of an area) and one per event whose place has
coordinates (``kind: "event"``, with label, type, EDTF, the four bounds, the
quote, and a Linked Places ``when`` with the bounds as ``start``/``end``
``earliest``/``latest``). Coordinates are ``[lon, lat]`` in WGS-84, as RFC
7946 requires; places outside the valid range are left out.
"""

from __future__ import annotations

import json
from typing import Any

from chronist.entities.types import EntityType
from chronist.export.dates import edtf_of
from chronist.temporal.values import Day
from chronist.timeline.model import Event, Timeline

__all__ = ["geojson_dict", "to_geojson"]


def _iso(day: Day | None) -> str | None:
    return None if day is None else day.iso()


def _when(event: Event) -> dict[str, Any]:
    t = event.time.bounds
    return {
        "timespans": [
            {
                "start": {"earliest": _iso(t.earliest_begin), "latest": _iso(t.latest_begin)},
                "end": {"earliest": _iso(t.earliest_end), "latest": _iso(t.latest_end)},
            }
        ]
    }


def _point(lon: float, lat: float) -> dict[str, Any]:
    return {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}


def geojson_dict(timeline: Timeline) -> dict[str, Any]:
    """The FeatureCollection as a dict.

    >>> from chronist.timeline import build_timeline
    >>> data = geojson_dict(build_timeline("Im Jahr 44 v. Chr. wurde Caesar in Rom ermordet."))
    >>> data["features"][0]["properties"]["name"], data["features"][0]["geometry"]["type"]
    ('Rom', 'Point')
    """
    features: list[dict[str, Any]] = []
    for index, entity in enumerate(timeline.entities):
        lat, lon = entity.lat, entity.lon
        if entity.type is not EntityType.LOC or lat is None or lon is None:
            continue
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            continue
        properties = {
            "kind": "place",
            "name": entity.text,
            "gazetteer_id": entity.gazetteer_id,
            "mentions": len(entity.mentions),
            "feature_class": entity.feature_class,
            "confidence": entity.confidence,
            "geometry": entity.geometry,  # "point", or "centroid" of an area
        }
        features.append(
            {
                "type": "Feature",
                "id": f"n{index}",
                "geometry": _point(lon, lat),
                "properties": properties,
            }
        )
    for event in timeline.events:
        place = event.place
        if place is None or not place.located or place.lat is None or place.lon is None:
            continue
        t = event.time.bounds
        properties = {
            "kind": "event",
            "label": event.label,
            "type": event.type,
            "place": place.text,
            "edtf": edtf_of(event.time),
            "earliest_begin": _iso(t.earliest_begin),
            "latest_begin": _iso(t.latest_begin),
            "earliest_end": _iso(t.earliest_end),
            "latest_end": _iso(t.latest_end),
            "quote": event.evidence.exact,
            "start": event.evidence.start,
            "end": event.evidence.end,
            "hypothetical": event.hypothetical,
        }
        features.append(
            {
                "type": "Feature",
                "id": event.id,
                "geometry": _point(place.lon, place.lat),
                "properties": properties,
                "when": _when(event),
            }
        )
    return {"type": "FeatureCollection", "features": features}


def to_geojson(timeline: Timeline) -> str:
    """GeoJSON text for the timeline (see :func:`geojson_dict`).

    >>> from chronist.timeline import build_timeline
    >>> timeline = build_timeline("Am 27. Juli 1953 schwiegen die Waffen.", recognizer=lambda d: [])
    >>> to_geojson(timeline).startswith('{"type": "FeatureCollection"')
    True
    """
    return json.dumps(geojson_dict(timeline), ensure_ascii=False) + "\n"
