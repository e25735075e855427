"""Merged events written in chronist's formats.

CSV, TimelineJS, GeoJSON and RDF reuse the single-document exporters of
:mod:`chronist.export` on a *collection timeline*: a schema-1 dict whose events
are the merged events, whose entities are the merged people and places, and
whose text is the merged events' first evidence sentences one after another
(so every quote the exporters cut is a real sentence of a source). Web
Annotation is written here, one annotation per mention, targeting the
mention's own document with both selectors.
"""

from __future__ import annotations

import json
from typing import Any

from chronist.errors import OptionError
from chronist.store.rows import Json

__all__ = ["FORMATS", "collection_timeline", "format_events"]

FORMATS = ("text", "json", "csv", "timelinejs", "geojson", "rdf", "webannotation")
_WIDTHS = (26, 44, 7, 24, 16)


def collection_timeline(events: list[Json], title: str, lang: str = "de") -> Json:
    """A schema-1 timeline dict of merged events (see the module docstring)."""
    entity_index: dict[int, int] = {}
    entities: list[Json] = []
    pieces: list[str] = []
    offset = 0
    rows = []

    def entity(ref: Json, etype: str) -> int:
        if ref["entity"] not in entity_index:
            entity_index[ref["entity"]] = len(entities)
            data: Json = {
                "id": f"n{len(entities)}",
                "text": ref["text"],
                "type": etype,
                "start": 0,
                "end": 0,
                "mentions": [],
            }
            if etype == "LOC":
                data.update(
                    lat=ref.get("lat"), lon=ref.get("lon"), gazetteer_id=ref.get("gazetteer_id")
                )
            entities.append(data)
        return entity_index[ref["entity"]]

    for event in events:
        first = event["mentions"][0] if event["mentions"] else None
        quote = first["exact"] if first else event["label"]
        start, end = offset, offset + len(quote)
        pieces.append(quote)
        offset = end + 2
        place = event["place"]
        rows.append(
            {
                "id": f"e{event['id']}",
                "label": event["label"],
                "type": event["type"],
                "trigger": {
                    "text": quote,
                    "lemma": event["lemma"],
                    "start": start,
                    "end": end,
                    "particle_start": None,
                },
                "participants": [
                    {
                        "text": p["text"],
                        "role": "participant",
                        "start": start,
                        "end": start,
                        "type": p["type"],
                        "entity": entity(p, p["type"]),
                    }
                    for p in event["participants"]
                ],
                "place": None
                if place is None
                else {
                    "lat": None,
                    "lon": None,
                    "gazetteer_id": None,
                    **place,
                    "start": start,
                    "end": start,
                    "entity": entity(place, "LOC"),
                },
                "time": {
                    "value": None,
                    "edtf": None,
                    "source": "unknown",
                    "timex": None,
                    "reference": None,
                    "text": None,
                    "earliest_begin": None,
                    "latest_begin": None,
                    "earliest_end": None,
                    "latest_end": None,
                    **event["time"],
                },
                "confidence": _confidence(event),
                "modality": "asserted" if not event["hypothetical"] else "hypothetical",
                "hypothetical": event["hypothetical"],
                "evidence": {
                    "start": start,
                    "end": end,
                    "exact": quote,
                    "prefix": "",
                    "suffix": "",
                },
                "mentions": [
                    {"start": start, "end": end, "exact": quote, "prefix": "", "suffix": ""}
                ],
                "sources": event["sources"],
            }
        )
    return {
        "schema_version": 1,
        "document": {
            "text": "\n\n".join(pieces),
            "lang": lang,
            "kind": "narrative",
            "dct": None,
            "source": title,
            "title": title,
        },
        "events": rows,
        "entities": entities,
        "timexes": [],
        "anchors": [],
    }


def _confidence(event: Json) -> float:
    """A merged event's confidence: its own when known, else that of a single reading."""
    value = event.get("confidence")
    return float(value) if isinstance(value, int | float) and 0 <= value <= 1 else 0.5


def _date(time: Json) -> str:
    edtf = time.get("edtf")
    if edtf is None:
        return "?"
    return str(edtf).replace("/..", " or later").replace("../", "by ").replace("/", " – ")


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def format_text(events: list[Json]) -> str:
    """A table for the terminal; ``≠`` marks a date the sources disagree on."""
    lines = [("DATE", "EVENT", "SOURCES", "PEOPLE", "PLACE")]
    for event in events:
        date = _date(event["time"]) + (" ≠" if event.get("dates_disagree") else "")
        people = ", ".join(p["text"] for p in event["participants"])
        place = event["place"]["text"] if event["place"] else ""
        lines.append((date, event["label"], str(event["sources"]), people, place))
    return "".join(
        "  ".join(_cut(cell, w).ljust(w) for cell, w in zip(row, _WIDTHS, strict=True)).rstrip()
        + "\n"
        for row in lines
    )


def webannotation(events: list[Json], lang: str = "de") -> str:
    """One W3C Web Annotation per mention, targeting its document."""
    items: list[Json] = []
    for event in events:
        bodies: list[Json] = [
            {
                "type": "TextualBody",
                "value": event["label"],
                "purpose": "describing",
                "language": lang,
            },
            {"type": "TextualBody", "value": event["type"], "purpose": "classifying"},
        ]
        if event["time"].get("edtf"):
            bodies.append(
                {"type": "TextualBody", "value": event["time"]["edtf"], "purpose": "tagging"}
            )
        for mention in event["mentions"]:
            items.append(
                {
                    "id": f"urn:chronist:merged:{event['id']}#anno-{len(items) + 1}",
                    "type": "Annotation",
                    "motivation": "describing",
                    "body": bodies,
                    "target": {
                        "source": mention["document"],
                        "selector": [
                            {
                                "type": "TextPositionSelector",
                                "start": mention["start"],
                                "end": mention["end"],
                            },
                            {
                                "type": "TextQuoteSelector",
                                "exact": mention["exact"],
                                "prefix": mention["prefix"],
                                "suffix": mention["suffix"],
                            },
                        ],
                    },
                }
            )
    data = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _public(event: Json) -> Json:
    """The JSON of a merged event without internal ids of documents."""
    shown = dict(event)
    shown["mentions"] = [
        {k: v for k, v in m.items() if k not in ("doc", "prefix", "suffix")}
        for m in event["mentions"]
    ]
    return shown


def format_events(events: list[Json], format_name: str, *, title: str, lang: str = "de") -> str:
    """The merged events in one of :data:`FORMATS`."""
    if format_name == "text":
        return format_text(events)
    if format_name == "json":
        data: Any = {"count": len(events), "events": [_public(e) for e in events]}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if format_name == "webannotation":
        return webannotation(events, lang)
    if format_name not in FORMATS:
        raise OptionError(f"unknown format {format_name!r}; choose one of {', '.join(FORMATS)}")
    from chronist.export.formats import export
    from chronist.timeline.jsonio import from_json

    return export(from_json(collection_timeline(events, title, lang)), format_name)
