"""The export formats by name: ``chronist extract --format F`` and ``chronist export``.

Each exporter is a pure function from the model's
:class:`~chronist.timeline.model.Timeline` to text (a saved timeline is read
back into the model first, by :func:`chronist.timeline.jsonio.loads`);
:func:`export` looks one up by name.

>>> sorted(FORMATS)
['csv', 'geojson', 'json', 'rdf', 'timelinejs', 'timeml', 'webannotation']
>>> from chronist.timeline import build_timeline
>>> timeline = build_timeline("Am 27. Juli 1953 schwiegen die Waffen.", recognizer=lambda d: [])
>>> export(timeline, "csv").splitlines()[0][:20]
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
from chronist.export.timeml import to_timeml
from chronist.export.webannotation import to_webannotation
from chronist.timeline.jsonio import to_json
from chronist.timeline.model import Timeline

__all__ = ["FORMATS", "Format", "export", "to_json_text"]


def to_json_text(timeline: Timeline) -> str:
    """The timeline in chronist's versioned JSON schema (``timeline-1.json``).

    >>> from chronist.timeline import build_timeline
    >>> timeline = build_timeline("Am 27. Juli 1953 schwiegen die Waffen.", recognizer=lambda d: [])
    >>> to_json_text(timeline).startswith('{\\n  "schema_version": 1')
    True
    """
    return json.dumps(to_json(timeline), ensure_ascii=False, indent=2) + "\n"


def to_timeml_document(timeline: Timeline) -> str:
    """TimeML with every TIMEX3 of the text, its events, instances and links.

    >>> from chronist.timeline import build_timeline
    >>> timeline = build_timeline("Am 27. Juli 1953 schwiegen die Waffen.", recognizer=lambda d: [])
    >>> '<TIMEX3 tid="t1" type="DATE" value="1953-07-27"' in to_timeml_document(timeline)
    True
    """
    document = timeline.document
    return to_timeml(
        document.text,
        timeline.timexes,
        doc_id=document.id,
        dct=document.dct,
        events=timeline.events,
    )


@dataclass(frozen=True, slots=True)
class Format:
    """An export format: its writer, file suffix and media type."""

    write: Callable[[Timeline], str]
    suffix: str
    media_type: str
    summary: str


FORMATS: dict[str, Format] = {
    "timeml": Format(to_timeml_document, ".tml", "application/xml", "TimeML: TIMEX3, EVENT, TLINK"),
    "json": Format(to_json_text, ".json", "application/json", "chronist JSON (schema 1)"),
    "csv": Format(to_csv, ".csv", "text/csv", "one row per event, EDTF and bounds"),
    "timelinejs": Format(to_timelinejs, ".timeline.json", "application/json", "TimelineJS3"),
    "geojson": Format(to_geojson, ".geojson", "application/geo+json", "GeoJSON places, events"),
    "rdf": Format(to_rdf, ".ttl", "text/turtle", "RDF Turtle, Simple Event Model"),
    "webannotation": Format(
        to_webannotation, ".jsonld", "application/ld+json", "W3C Web Annotation JSON-LD"
    ),
}


def export(timeline: Timeline, format_name: str) -> str:
    """The timeline written in the format named ``format_name``."""
    try:
        writer = FORMATS[format_name].write
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise OptionError(f"unknown export format {format_name!r}; choose one of {known}") from None
    return writer(timeline)
