"""CSV for spreadsheets: one row per event, with EDTF and the four bounds.

Columns (:data:`COLUMNS`): id, the EDTF and TIMEX3 value, the four bounds
(ISO days, astronomical years), label, type, people, organisations, place and
its coordinates, the quote and its offsets, confidence, modality and how the
time was inferred. Several people are joined with ``"; "``. Any cell that a
spreadsheet would run as a formula (starting ``=``, ``+``, ``-``, ``@``, ...),
in any column, gets a leading apostrophe; plain dates and numbers are written
as they are.
"""

from __future__ import annotations

import csv
import io
import re

from chronist.export.dates import edtf_of
from chronist.export.people import organisations, people
from chronist.temporal.values import Day
from chronist.timeline.model import Event, Timeline

__all__ = ["COLUMNS", "to_csv"]

COLUMNS = (
    "id", "edtf", "timex_value", "earliest_begin", "latest_begin", "earliest_end",
    "latest_end", "label", "type", "people", "organisations", "place", "lat", "lon",
    "quote", "start", "end", "confidence", "modality", "time_source",
)  # fmt: skip

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A date, interval or number: digits and date punctuation only, nothing a formula needs
_PLAIN_VALUE = re.compile(r"-?[0-9][0-9X?~%/.:+\-]*")


def _cell(value: object) -> str:
    """Every cell a spreadsheet would run as a formula gets a leading apostrophe,
    whichever column it is in; a plain date or number (``-0043-03-15``) stays.

    >>> _cell("=HYPERLINK(1)"), _cell("-0043-03-15"), _cell("-1+cmd|x")
    ("'=HYPERLINK(1)", '-0043-03-15', "'-1+cmd|x")
    """
    if value is None:
        return ""
    text = str(value)
    if text.startswith(_FORMULA_START) and not _PLAIN_VALUE.fullmatch(text):
        return "'" + text
    return text


def _iso(day: Day | None) -> str | None:
    return None if day is None else day.iso()


def _row(timeline: Timeline, event: Event) -> dict[str, str]:
    time = event.time
    bounds = time.bounds
    place = event.place
    values: dict[str, object] = {
        "id": event.id,
        "edtf": edtf_of(time),
        "timex_value": time.value,
        "earliest_begin": _iso(bounds.earliest_begin),
        "latest_begin": _iso(bounds.latest_begin),
        "earliest_end": _iso(bounds.earliest_end),
        "latest_end": _iso(bounds.latest_end),
        "label": event.label,
        "type": event.type,
        "people": "; ".join(people(timeline, event)),
        "organisations": "; ".join(organisations(timeline, event)),
        "place": place.text if place else None,
        "lat": place.lat if place and place.located else None,
        "lon": place.lon if place and place.located else None,
        "quote": event.evidence.exact,
        "start": event.evidence.start,
        "end": event.evidence.end,
        "confidence": event.confidence,
        "modality": event.modality.value,
        "time_source": time.source.value,
    }
    return {column: _cell(values[column]) for column in COLUMNS}


def to_csv(timeline: Timeline) -> str:
    """The timeline's events as CSV text (RFC 4180, CRLF line ends, header row).

    >>> from chronist.timeline import build_timeline
    >>> text = "Am 15. März 44 v. Chr. wurde Caesar ermordet."
    >>> lines = to_csv(build_timeline(text, recognizer=lambda document: [])).splitlines()
    >>> lines[0].split(",")[:3], lines[1].split(",")[:3]
    (['id', 'edtf', 'timex_value'], ['e1', '-0043-03-15', 'BC0044-03-15'])
    """
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for event in timeline.events:
        writer.writerow(_row(timeline, event))
    return buffer.getvalue()
