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
merged mentions (``n``), and per entity its ``conf`` when the timeline has one.
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
from importlib import resources
from typing import Any

from chronist import __version__
from chronist.export.dates import edtf_of
from chronist.export.view import EventView, TimelineView, as_mapping, as_view

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


def _year(day: Any) -> float | None:
    return None if day is None else round(day.fractional_year(), 5)


def _entity_index(ref: str | None) -> int:
    if ref is None or not ref.startswith("n") or not ref[1:].isdigit():
        return -1
    return int(ref[1:])


def _event(event: EventView, view: TimelineView) -> dict[str, Any]:
    time = event.time
    place = event.place
    place_index = _entity_index(place.entity) if place else -1
    if place_index >= len(view.entities):
        place_index = -1
    actors: list[int] = []
    for participant in event.participants:
        index = _entity_index(participant.entity)
        if 0 <= index < len(view.entities) and index not in actors:
            actors.append(index)
    people = [index for index in actors if view.entities[index].type == "PER"]
    people += [index for index in actors if view.entities[index].type == "ORG"]
    edtf = edtf_of(time) or ""
    fuzzy = bool(edtf) and (
        any(mark in edtf for mark in "~?%X")
        or (time.first() != time.earliest_begin or time.last() != time.latest_end)
        or "/" in edtf
    )
    return {
        "id": event.id,
        "label": event.label,
        "type": event.type,
        "b": [_year(day) for day in time.bounds()],
        "edtf": edtf,
        "fuzzy": fuzzy,
        "s": event.evidence.start,
        "e": event.evidence.end,
        "ts": event.trigger_start,
        "te": event.trigger_end,
        "place": place_index,
        "pname": place.text if place else None,
        "people": people,
        "actors": actors,
        "hyp": event.hypothetical,
        "src": time.source,
        "tt": time.text,
        "conf": event.confidence,
        "d": [None if day is None else day.iso() for day in time.bounds()],
    }


def _end_of_day(day: float | None) -> float | None:
    return None if day is None else round(day + 1 / 365.25, 5)


def _raw_list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _mention_count(event: object) -> int:
    """How many passages an event was merged from (1 when the timeline does not say)."""
    mentions = event.get("mentions") if isinstance(event, dict) else None
    return max(1, len(mentions)) if isinstance(mentions, list) else 1


def _confidence(item: object) -> float | None:
    value = item.get("confidence") if isinstance(item, dict) else None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if 0 <= value <= 1 else None


def _source_name(source: object) -> str | None:
    """The source file's name, without the folders it sat in on the machine that made it."""
    if not isinstance(source, str) or not source:
        return None
    return source.replace("\\", "/").rsplit("/", 1)[-1]


def script_hash(script: str) -> str:
    """The CSP source that allows exactly this inline script and no other.

    >>> script_hash("alert(1)")
    'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='
    """
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def page_data(timeline: object) -> dict[str, Any]:
    """What the page's script reads: text, events with bounds as fractional years, entities.

    >>> from chronist.web.sample import sample_timeline
    >>> data = page_data(sample_timeline())
    >>> data["events"][0]["b"][0], data["types"][:2]
    (-42.795, ['conflict', 'diplomacy'])
    """
    raw = as_mapping(timeline)
    view = as_view(raw)
    raw_events = _raw_list(raw.get("events"))
    raw_entities = _raw_list(raw.get("entities"))
    events = []
    for index, event in enumerate(view.events):
        item = _event(event, view)
        item["n"] = _mention_count(raw_events[index] if index < len(raw_events) else None)
        # end bounds are inclusive days: draw them to the end of the day
        item["b"][2] = _end_of_day(item["b"][2])
        item["b"][3] = _end_of_day(item["b"][3])
        events.append(item)
    counts: dict[str, int] = {}
    for event in view.events:
        counts[event.type] = counts.get(event.type, 0) + 1
    types = sorted(counts, key=lambda name: (-counts[name], name))
    entities = [
        {
            "text": entity.text,
            "type": entity.type,
            "lat": entity.lat if entity.lat is not None and entity.lon is not None else None,
            "lon": entity.lon if entity.lat is not None and entity.lon is not None else None,
            "m": [[start, end] for start, end, _ in entity.mentions],
            "conf": _confidence(raw_entities[index] if index < len(raw_entities) else None),
        }
        for index, entity in enumerate(view.entities)
    ]
    document = raw.get("document")
    source = document.get("source") if isinstance(document, dict) else None
    return {
        "lang": view.document.lang,
        "title": view.document.title or view.document.id,
        "source": _source_name(source),
        "dct": view.document.dct,
        "version": __version__,
        "generated": dt.datetime.now(dt.UTC).date().isoformat(),
        "text": view.document.text,
        "types": types,
        "typeLabels": {name: _type_labels().get(name, {}) for name in types},
        "events": events,
        "entities": entities,
        "timexes": [[t.start, t.end, t.value] for t in view.timexes],
    }


def _json_script(element_id: str, data: object) -> str:
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    payload = (
        payload.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )
    return f'<script type="application/json" id="{element_id}">{payload}</script>'


def render_report(timeline: object) -> str:
    """The self-contained HTML page for a timeline (the model's ``Timeline`` or its JSON).

    >>> from chronist.web.sample import sample_timeline
    >>> page = render_report(sample_timeline())
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
        "VERSION": html.escape(__version__),
        "SCRIPT_HASH": script_hash(script),
        "CSS": _asset("app.css"),
        "JS": script,
        "DATA": _json_script("chronist-data", data),
        "BASEMAP": _json_script("chronist-basemap", basemap),
        "SOURCE_NOTE": html.escape(basemap["source"]),
    }
    return _PLACEHOLDER.sub(lambda match: values[match.group(1)], _asset("page.html"))
