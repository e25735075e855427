"""The timeline page: one self-contained HTML file (timeline, map, text, index).

Everything the page needs is inline: the script and style sheet in
``static/`` (hand-written, no dependencies), the basemap (Natural Earth
1:110m country outlines, public domain, via world-atlas, see
:mod:`chronist.web.build_basemap`) and the timeline data. It opens from a
local file with no server and no network.
"""

from __future__ import annotations

import html
import json
from functools import cache
from importlib import resources
from typing import Any

from chronist.export.dates import edtf_of
from chronist.export.view import EventView, TimelineView, as_view

__all__ = ["page_data", "render_report"]


@cache
def _asset(name: str) -> str:
    return (resources.files("chronist.web") / "static" / name).read_text(encoding="utf-8")


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
    people = []
    for participant in event.participants:
        index = _entity_index(participant.entity)
        if 0 <= index < len(view.entities) and index not in people:
            people.append(index)
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
        "hyp": event.hypothetical,
        "src": time.source,
        "conf": event.confidence,
    }


def _end_of_day(day: float | None) -> float | None:
    return None if day is None else round(day + 1 / 365.25, 5)


def page_data(timeline: object) -> dict[str, Any]:
    """What the page's script reads: text, events with bounds as fractional years, entities.

    >>> from chronist.web.sample import sample_timeline
    >>> data = page_data(sample_timeline())
    >>> data["events"][0]["b"][0], data["types"][:2]
    (-43.16427, ['conflict', 'diplomacy'])
    """
    view = as_view(timeline)
    events = []
    for event in view.events:
        item = _event(event, view)
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
        }
        for entity in view.entities
    ]
    return {
        "lang": view.document.lang,
        "title": view.document.title or view.document.id,
        "text": view.document.text,
        "types": types,
        "events": events,
        "entities": entities,
        "timexes": [[t.start, t.end, t.value] for t in view.timexes],
    }


def _json_script(element_id: str, data: object) -> str:
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    payload = payload.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f'<script type="application/json" id="{element_id}">{payload}</script>'


_TEMPLATE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="chronist">
<title>{title} – chronist</title>
<style>{css}</style>
</head>
<body>
<a class="skip" href="#text" data-i18n="skip">Zum Text springen</a>
<header>
  <div><h1>{title}</h1><div class="sub" id="summary"></div></div>
  <div class="controls">
    <label for="lanes" data-i18n="lanes">Spuren</label>
    <select id="lanes"><option value="type">nach Art</option><option value="actor">nach Person</option></select>
    <button type="button" id="lang-btn">English</button>
  </div>
</header>
<main>
  <section class="panel" id="tl-section" aria-labelledby="tl-h">
    <h2><span id="tl-h" data-i18n="timeline">Zeitleiste</span>
      <span class="chip" id="filter-chip" hidden><span id="filter-name"></span>
        <button type="button" id="filter-clear" data-i18n-label="clear">✕</button></span>
      <span class="tools">
        <button type="button" id="zoom-out" data-i18n-label="zoomOut">−</button>
        <button type="button" id="zoom-in" data-i18n-label="zoomIn">+</button>
        <button type="button" id="zoom-fit" data-i18n-label="fit">⤢</button>
      </span></h2>
    <div class="legend" id="legend"></div>
    <div id="tl-wrap"><canvas id="tl" tabindex="0" role="img" aria-label="timeline"></canvas></div>
    <div class="hint" data-i18n="hint"></div>
  </section>
  <section class="panel" id="list-section" aria-labelledby="list-h">
    <h2><span><span id="list-h" data-i18n="events">Ereignisse</span> (<span id="count">0</span>)</span></h2>
    <div id="list" role="listbox" tabindex="0" aria-labelledby="list-h"><div class="spacer" id="list-spacer"></div></div>
    <div class="hint" data-i18n="listHint"></div>
  </section>
  <section class="panel" id="text-section" aria-labelledby="text-h">
    <h2><span id="text-h" data-i18n="text">Text</span></h2>
    <div id="detail" aria-live="off"></div>
    <div id="text" lang="{doc_lang}" tabindex="0"></div>
  </section>
  <div id="side">
    <section class="panel" id="map-section" aria-labelledby="map-h">
      <h2><span id="map-h" data-i18n="map">Karte</span><span class="tools">
        <button type="button" id="map-out" data-i18n-label="zoomOut">−</button>
        <button type="button" id="map-in" data-i18n-label="zoomIn">+</button>
        <button type="button" id="map-home" data-i18n-label="fit">⤢</button></span></h2>
      <div id="map-wrap"><svg id="map" xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMidYMid meet" role="group" aria-labelledby="map-h"></svg></div>
      <div class="map-note"><span data-i18n="mapNote"></span> <span id="map-empty" data-i18n="noPlace" hidden></span></div>
    </section>
    <section class="panel" id="index-section" aria-labelledby="index-h">
      <h2><span id="index-h" data-i18n="index">Verzeichnis</span></h2>
      <div id="index">
        <div><h3 data-i18n="people">Personen</h3><ul id="idx-per"></ul></div>
        <div><h3 data-i18n="places">Orte</h3><ul id="idx-loc"></ul></div>
        <div><h3 data-i18n="orgs">Organisationen</h3><ul id="idx-org"></ul></div>
      </div>
    </section>
  </div>
</main>
<div id="tip" role="tooltip"></div>
<div id="live" class="sr" aria-live="polite"></div>
<footer>chronist · {source_note}</footer>
{data}
{basemap}
<script>{js}</script>
</body>
</html>
"""


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
    return _TEMPLATE.format(
        lang=lang,
        doc_lang=html.escape(data["lang"]),
        title=html.escape(data["title"]),
        css=_asset("app.css"),
        js=_asset("app.js"),
        data=_json_script("chronist-data", data),
        basemap=_json_script("chronist-basemap", basemap),
        source_note=html.escape(basemap["source"]),
    )
