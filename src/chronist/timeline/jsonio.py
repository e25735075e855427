"""A :class:`~chronist.timeline.model.Timeline` to and from JSON (schema ``timeline-1.json``).

>>> from chronist.timeline.model import Document, Timeline
>>> data = to_json(Timeline(Document("Nichts."), (), (), ()))
>>> sorted(data)
['anchors', 'document', 'entities', 'events', 'schema_version', 'timexes']
>>> from_json(data).document.text
'Nichts.'
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any, cast

from chronist.entities.types import Entity, EntityType, Mention
from chronist.errors import InputError
from chronist.temporal.timex_json import (
    bounds_from_json,
    bounds_json,
    timex_from_json,
    timex_json,
)
from chronist.timeline.model import (
    SCHEMA_VERSION,
    AnchorUse,
    Document,
    Event,
    EventTime,
    Evidence,
    Modality,
    Participant,
    Place,
    Role,
    Timeline,
    TimeSource,
    Trigger,
)
from chronist.timeline.validate import check_timeline

__all__ = ["dumps", "from_json", "loads", "schema", "timex_json", "to_json"]

Json = dict[str, Any]
SCHEMA_FILE = f"timeline-{SCHEMA_VERSION}.json"


@cache
def schema() -> Json:
    """The JSON Schema shipped with the package.

    >>> schema()["$id"]
    'https://chronist.dev/schema/timeline-1.json'
    """
    path = resources.files("chronist.timeline") / "schema" / SCHEMA_FILE
    return cast(Json, json.loads(path.read_text(encoding="utf-8")))


def _evidence(e: Evidence) -> Json:
    return {
        "start": e.start,
        "end": e.end,
        "exact": e.exact,
        "prefix": e.prefix,
        "suffix": e.suffix,
    }


def _event(event: Event) -> Json:
    t = event.time
    place = event.place
    return {
        "id": event.id,
        "label": event.label,
        "type": event.type,
        "trigger": {
            "text": event.trigger.text,
            "lemma": event.trigger.lemma,
            "start": event.trigger.start,
            "end": event.trigger.end,
            "particle_start": event.trigger.particle_start,
        },
        "participants": [
            {
                "text": p.text,
                "role": p.role.value,
                "start": p.start,
                "end": p.end,
                "entity": p.entity,
            }
            for p in event.participants
        ],
        "place": None
        if place is None
        else {
            "text": place.text,
            "start": place.start,
            "end": place.end,
            "entity": place.entity,
            "lat": place.lat,
            "lon": place.lon,
            "gazetteer_id": place.gazetteer_id,
        },
        "time": {
            "value": t.value,
            "edtf": t.edtf,
            **bounds_json(t.bounds),
            "source": t.source.value,
            "timex": t.timex,
            "reference": t.reference,
            "text": t.text,
        },
        "confidence": round(event.confidence, 3),
        "modality": event.modality.value,
        "hypothetical": event.hypothetical,
        "evidence": _evidence(event.evidence),
        "mentions": [_evidence(m) for m in event.mentions],
    }


def _entity(entity: Entity) -> Json:
    data: Json = {
        "text": entity.text,
        "type": entity.type.value,
        "start": entity.start,
        "end": entity.end,
        "mentions": [{"text": m.text, "start": m.start, "end": m.end} for m in entity.mentions],
    }
    if entity.type is EntityType.LOC:
        data.update(lat=entity.lat, lon=entity.lon, gazetteer_id=entity.gazetteer_id)
        data.update(
            feature_class=entity.feature_class,
            confidence=entity.confidence,
            period=None if entity.period is None else list(entity.period),
            geometry=entity.geometry,
        )
    return data


def _anchor(a: AnchorUse) -> Json:
    return {
        "id": a.id,
        "name": a.name,
        "start": a.start,
        "end": a.end,
        "text": a.text,
        "edtf": a.edtf,
        **bounds_json(a.bounds),
        "source": a.source,
    }


def to_json(timeline: Timeline) -> Json:
    """The JSON-ready dict of a timeline, valid against :func:`schema`."""
    d = timeline.document
    return {
        "schema_version": SCHEMA_VERSION,
        "document": {
            "text": d.text,
            "lang": d.lang,
            "kind": d.kind,
            "dct": d.dct,
            "source": d.source,
        },
        "events": [_event(e) for e in timeline.events],
        "entities": [_entity(e) for e in timeline.entities],
        "timexes": [timex_json(t) for t in timeline.timexes],
        "anchors": [_anchor(a) for a in timeline.anchors],
    }


def dumps(timeline: Timeline, indent: int | None = 2) -> str:
    """The timeline as a JSON string (UTF-8 characters kept as they are)."""
    return json.dumps(to_json(timeline), ensure_ascii=False, indent=indent)


def _parse_evidence(data: Json) -> Evidence:
    return Evidence(data["start"], data["end"], data["exact"], data["prefix"], data["suffix"])


def _parse_event(data: Json) -> Event:
    trig = data["trigger"]
    place = data["place"]
    time = data["time"]
    return Event(
        id=data["id"],
        label=data["label"],
        type=data["type"],
        trigger=Trigger(
            trig["text"], trig["lemma"], trig["start"], trig["end"], trig.get("particle_start")
        ),
        participants=tuple(
            Participant(p["text"], Role(p["role"]), p["start"], p["end"], p["entity"])
            for p in data["participants"]
        ),
        place=None
        if place is None
        else Place(
            place["text"],
            place["start"],
            place["end"],
            place["entity"],
            place["lat"],
            place["lon"],
            place["gazetteer_id"],
        ),
        time=EventTime(
            time["value"],
            time["edtf"],
            bounds_from_json(time),
            TimeSource(time["source"]),
            time.get("timex"),
            time.get("reference"),
            time.get("text"),
        ),
        confidence=float(data["confidence"]),
        modality=Modality(data["modality"]),
        evidence=_parse_evidence(data["evidence"]),
        mentions=tuple(_parse_evidence(m) for m in data["mentions"]),
    )


def _parse_entity(data: Json) -> Entity:
    return Entity(
        text=data["text"],
        type=EntityType(data["type"]),
        start=data["start"],
        end=data["end"],
        mentions=tuple(Mention(m["text"], m["start"], m["end"]) for m in data["mentions"]),
        lat=data.get("lat"),
        lon=data.get("lon"),
        gazetteer_id=data.get("gazetteer_id"),
        resolved=data.get("lat") is not None,
        feature_class=data.get("feature_class"),
        confidence=data.get("confidence"),
        period=None if data.get("period") is None else (data["period"][0], data["period"][1]),
        geometry=data.get("geometry"),
    )


def _parse_anchor(data: Json) -> AnchorUse:
    return AnchorUse(
        data["id"], data["name"], data["start"], data["end"], data["text"],
        bounds_from_json(data), data["edtf"], data["source"],
    )  # fmt: skip


def from_json(data: Json) -> Timeline:
    """A timeline read back from :func:`to_json` output, checked against the shipped
    schema first (a one-line InputError names the first problem); typed values are
    restored, a timex's ``resolved`` value is not kept in JSON and comes back ``None``."""
    check_timeline(data, schema())
    try:
        d = data["document"]
        return Timeline(
            document=Document(d["text"], d["lang"], d["kind"], d["dct"], d["source"]),
            events=tuple(_parse_event(e) for e in data["events"]),
            entities=tuple(_parse_entity(e) for e in data["entities"]),
            timexes=tuple(timex_from_json(t) for t in data["timexes"]),
            anchors=tuple(_parse_anchor(a) for a in data.get("anchors", [])),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise InputError(f"not a chronist timeline: {error!r}") from error


def loads(text: str) -> Timeline:
    """A timeline from a JSON string."""
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        raise InputError(f"not JSON: {error.msg} (line {error.lineno})") from None
    except RecursionError:
        raise InputError("not a chronist timeline: nested too deeply") from None
    if not isinstance(data, dict):
        raise InputError("not a chronist timeline: the top level is not an object")
    return from_json(data)


def _no_constant(name: str) -> Any:
    raise InputError(f"not JSON: {name} is not a number JSON allows")
