"""The export formats by name: ``chronist extract --format F`` and ``chronist export``.

Each exporter is a pure function from a timeline (the model's ``Timeline``,
or its JSON dict) to text; :func:`export` looks one up by name.

>>> sorted(FORMATS)
['csv', 'geojson', 'json', 'rdf', 'timelinejs', 'timeml', 'webannotation']
>>> from chronist.web.sample import sample_timeline
>>> export(sample_timeline(), "csv").splitlines()[0][:20]
'id,edtf,timex_value,'
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from chronist.errors import OptionError
from chronist.export.csv_rows import to_csv
from chronist.export.geojson import to_geojson
from chronist.export.rdf import to_rdf
from chronist.export.timelinejs import to_timelinejs
from chronist.export.timeml_events import to_timeml_events
from chronist.export.view import as_mapping
from chronist.export.webannotation import to_webannotation

__all__ = ["FORMATS", "Format", "export", "to_json_text"]


def to_json_text(timeline: object) -> str:
    """The timeline in chronist's versioned JSON schema (``timeline-1.json``).

    >>> from chronist.web.sample import sample_timeline
    >>> to_json_text(sample_timeline()).startswith('{\\n  "schema_version": 1')
    True
    """
    return json.dumps(as_mapping(timeline), ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True, slots=True)
class Format:
    """An export format: its writer, file suffix and media type."""

    write: Callable[[object], str]
    suffix: str
    media_type: str
    summary: str


FORMATS: dict[str, Format] = {
    "timeml": Format(to_timeml_events, ".tml", "application/xml", "TimeML: TIMEX3, EVENT, TLINK"),
    "json": Format(to_json_text, ".json", "application/json", "chronist JSON (schema 1)"),
    "csv": Format(to_csv, ".csv", "text/csv", "one row per event, EDTF and bounds"),
    "timelinejs": Format(to_timelinejs, ".timeline.json", "application/json", "TimelineJS3"),
    "geojson": Format(to_geojson, ".geojson", "application/geo+json", "GeoJSON places, events"),
    "rdf": Format(to_rdf, ".ttl", "text/turtle", "RDF Turtle, Simple Event Model"),
    "webannotation": Format(
        to_webannotation, ".jsonld", "application/ld+json", "W3C Web Annotation JSON-LD"
    ),
}


def export(timeline: object, format_name: str) -> str:
    """The timeline written in the format named ``format_name``."""
    try:
        writer = FORMATS[format_name].write
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise OptionError(f"unknown export format {format_name!r}; choose one of {known}") from None
    return writer(timeline)
