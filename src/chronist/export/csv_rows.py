"""CSV for spreadsheets: one row per event, with EDTF and the four bounds.

Columns (:data:`COLUMNS`): id, the EDTF and TIMEX3 value, the four bounds
(ISO days, astronomical years), label, type, people, organisations, place and
its coordinates, the quote and its offsets, confidence, modality and how the
time was inferred. Several people are joined with ``"; "``. Text cells that a
spreadsheet would run as a formula (starting ``=``, ``+``, ``-``, ``@``) get a
leading apostrophe; dates and numbers are written as they are.
"""

from __future__ import annotations

import csv
import io

from chronist.export.dates import edtf_of
from chronist.export.view import EventView, as_view

__all__ = ["COLUMNS", "to_csv"]

COLUMNS = (
    "id", "edtf", "timex_value", "earliest_begin", "latest_begin", "earliest_end",
    "latest_end", "label", "type", "people", "organisations", "place", "lat", "lon",
    "quote", "start", "end", "confidence", "modality", "time_source",
)  # fmt: skip

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_TEXT_COLUMNS = frozenset({"label", "type", "people", "organisations", "place", "quote"})


def _cell(column: str, value: object) -> str:
    if value is None:
        return ""
    text = str(value)
    if column in _TEXT_COLUMNS and text.startswith(_FORMULA_START):
        return "'" + text
    return text


def _row(event: EventView) -> dict[str, str]:
    time = event.time
    place = event.place
    organisations = dict.fromkeys(p.text for p in event.participants if p.type == "ORG")
    values: dict[str, object] = {
        "id": event.id,
        "edtf": edtf_of(time),
        "timex_value": time.value,
        "earliest_begin": time.earliest_begin.iso() if time.earliest_begin else None,
        "latest_begin": time.latest_begin.iso() if time.latest_begin else None,
        "earliest_end": time.earliest_end.iso() if time.earliest_end else None,
        "latest_end": time.latest_end.iso() if time.latest_end else None,
        "label": event.label,
        "type": event.type,
        "people": "; ".join(event.people()),
        "organisations": "; ".join(organisations),
        "place": place.text if place else None,
        "lat": place.lat if place and place.located else None,
        "lon": place.lon if place and place.located else None,
        "quote": event.evidence.exact,
        "start": event.evidence.start,
        "end": event.evidence.end,
        "confidence": event.confidence,
        "modality": event.modality,
        "time_source": time.source,
    }
    return {column: _cell(column, values[column]) for column in COLUMNS}


def to_csv(timeline: object) -> str:
    """The timeline's events as CSV text (RFC 4180, CRLF line ends, header row).

    >>> from chronist.web.sample import sample_timeline
    >>> lines = to_csv(sample_timeline()).splitlines()
    >>> lines[0].split(",")[:3], lines[1].split(",")[:3]
    (['id', 'edtf', 'timex_value'], ['e1', '-0043-03-15', '-0043-03-15'])
    """
    view = as_view(timeline)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for event in view.events:
        writer.writerow(_row(event))
    return buffer.getvalue()
