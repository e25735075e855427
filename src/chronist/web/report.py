"""The timeline page: one self-contained HTML file (timeline, map, text, index).

Everything the page needs is inline: the script and style sheet in
``static/`` (hand-written, no dependencies), the basemap (Natural Earth
1:110m country outlines, public domain, via world-atlas, see
:mod:`chronist.web.build_basemap`) and the timeline data. It opens from a
local file with no server and no network.

The page's script is allowed by its hash in the Content-Security-Policy (no
``'unsafe-inline'`` for scripts) and builds every element with DOM APIs: a
saved timeline is untrusted input. Besides the text, events and entities,
:func:`page_data` gives the title block (``source``, ``dct``, ``version``,
``generated``), per event the four bounds as ISO days (``d``, for the
downloads the page makes), the date's own words (``tt``) and the number of
merged mentions (``n``), and per entity its ``conf`` when the model has one.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import json
import re
import tomllib
from functools import cache
from importlib import metadata, resources
from typing import Any

from chronist.entities.types import EntityType
from chronist.export.dates import edtf_of
from chronist.temporal.values import Day
from chronist.timeline.model import Event, Timeline

__all__ = ["page_data", "render_report", "script_hash"]

_PLACEHOLDER = re.compile(r"@@([A-Z_]+)@@")


@cache
def _asset(name: str) -> str:
    return (resources.files("chronist.web") / "static" / name).read_text(encoding="utf-8")


@cache
def _type_labels() -> dict[str, dict[str, str]]:
    """Event type names by language, from the event ontology (``events/ontology.toml``)."""
    path = resources.files("chronist") / "events" / "ontology.toml"
    try:
        types = tomllib.loads(path.read_text(encoding="utf-8")).get("types", {})
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    return {
        name: {lang: str(label) for lang, label in entry.get("label", {}).items()}
        for name, entry in types.items()
        if isinstance(entry, dict)
    }


def _year(day: Day | None) -> float | None:
    return None if day is None else round(day.fractional_year(), 5)


def _entity_index(index: int | None, timeline: Timeline) -> int:
    return index if index is not None and 0 <= index < len(timeline.entities) else -1


def _event(event: Event, timeline: Timeline) -> dict[str, Any]:
    time = event.time
    bounds = time.bounds
    place = event.place
    place_index = _entity_index(place.entity, timeline) if place else -1
    actors: list[int] = []
    for participant in event.participants:
        index = _entity_index(participant.entity, timeline)
        if index >= 0 and index not in actors:
            actors.append(index)
    entities = timeline.entities
    people = [index for index in actors if entities[index].type is EntityType.PER]
    people += [index for index in actors if entities[index].type is EntityType.ORG]
    edtf = edtf_of(time) or ""
    fuzzy = bool(edtf) and (
        any(mark in edtf for mark in "~?%X")
        or (bounds.first() != bounds.earliest_begin or bounds.last() != bounds.latest_end)
        or "/" in edtf
    )
    return {
        "id": event.id,
        "label": event.label,
        "type": event.type,
        "b": [_year(day) for day in bounds.as_tuple()],
        "edtf": edtf,
        "fuzzy": fuzzy,
        "s": event.evidence.start,
        "e": event.evidence.end,
        "ts": event.trigger.start,
        "te": event.trigger.end,
        "place": place_index,
        "pname": place.text if place else None,
        "people": people,
        "actors": actors,
        "hyp": event.hypothetical,
        "src": time.source.value,
        "tt": time.text,
        "conf": event.confidence,
        "d": [None if day is None else day.iso() for day in bounds.as_tuple()],
        "n": len(event.mentions),
    }


def _end_of_day(day: float | None) -> float | None:
    return None if day is None else round(day + 1 / 365.25, 5)


def _version() -> str:
    try:
        return metadata.version("chronist")
    except metadata.PackageNotFoundError:
        return "unknown"


def _confidence(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if 0 <= value <= 1 else None


def _source_name(source: str | None) -> str | None:
    """The source file's name, without the folders it sat in on the machine that made it."""
    if not source:
        return None
    return source.replace("\\", "/").rsplit("/", 1)[-1]


def script_hash(script: str) -> str:
    """The CSP source that allows exactly this inline script and no other.

    >>> script_hash("alert(1)")
    'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='
    """
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def page_data(timeline: Timeline) -> dict[str, Any]:
    """What the page's script reads: text, events with bounds as fractional years, entities.

    >>> from chronist.timeline import build_timeline
    >>> text = "Am 15. März 44 v. Chr. wurde Caesar ermordet."
    >>> data = page_data(build_timeline(text, recognizer=lambda document: []))
    >>> data["events"][0]["b"][0], data["types"]
    (-42.795, ['death'])
    """
    events = []
    for event in timeline.events:
        item = _event(event, timeline)
        # end bounds are inclusive days: draw them to the end of the day
        item["b"][2] = _end_of_day(item["b"][2])
        item["b"][3] = _end_of_day(item["b"][3])
        events.append(item)
    counts: dict[str, int] = {}
    for event in timeline.events:
        counts[event.type] = counts.get(event.type, 0) + 1
    types = sorted(counts, key=lambda name: (-counts[name], name))
    entities = [
        {
            "text": entity.text,
            "type": entity.type.value,
            "lat": entity.lat if entity.lat is not None and entity.lon is not None else None,
            "lon": entity.lon if entity.lat is not None and entity.lon is not None else None,
            "m": [[m.start, m.end] for m in entity.mentions],
            "conf": _confidence(getattr(entity, "confidence", None)),
        }
        for entity in timeline.entities
    ]
    return {
        "lang": timeline.document.lang,
        "title": timeline.document.title,
        "source": _source_name(timeline.document.source),
        "dct": timeline.document.dct,
        "version": _version(),
        "generated": dt.datetime.now(dt.UTC).date().isoformat(),
        "text": timeline.document.text,
        "types": types,
        "typeLabels": {name: _type_labels().get(name, {}) for name in types},
        "events": events,
        "entities": entities,
        "timexes": [[t.start, t.end, t.value] for t in timeline.timexes],
    }


def _json_script(element_id: str, data: object) -> str:
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    payload = (
        payload.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )
    return f'<script type="application/json" id="{element_id}">{payload}</script>'


def render_report(timeline: Timeline) -> str:
    """The self-contained HTML page for a timeline.

    >>> from chronist.timeline import build_timeline
    >>> timeline = build_timeline("Am 27. Juli 1953 schwiegen die Waffen.", recognizer=lambda d: [])
    >>> page = render_report(timeline)
    >>> page.startswith("<!DOCTYPE html>") and 'id="chronist-data"' in page
    True
    >>> "http://" in page.split("<script")[0].replace('xmlns="http://www.w3.org/2000/svg"', "")
    False
    """
    data = page_data(timeline)
    lang = data["lang"] if data["lang"] in ("de", "en") else "en"
    basemap = json.loads(_asset("basemap.json"))
    script = _asset("app.js")
    values = {
        "LANG": lang,
        "DOC_LANG": html.escape(data["lang"]),
        "TITLE": html.escape(data["title"]),
        "VERSION": html.escape(data["version"]),
        "SCRIPT_HASH": script_hash(script),
        "CSS": _asset("app.css"),
        "JS": script,
        "DATA": _json_script("chronist-data", data),
        "BASEMAP": _json_script("chronist-basemap", basemap),
        "SOURCE_NOTE": html.escape(basemap["source"]),
    }
    return _PLACEHOLDER.sub(lambda match: values[match.group(1)], _asset("page.html"))
