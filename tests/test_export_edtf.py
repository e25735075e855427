"""Every EDTF value an exporter writes is parsed by the ``edtf`` package."""

from __future__ import annotations

import csv
import io
import json
import logging
import re

import edtf
import pytest

from chronist.export.csv_rows import to_csv
from chronist.export.dates import edtf_of
from chronist.export.geojson import to_geojson
from chronist.export.rdf import EDTF_DATATYPE, to_rdf
from chronist.export.webannotation import to_webannotation
from chronist.temporal.values import Bounds, Day
from chronist.timeline.jsonio import from_json
from chronist.timeline.model import EventTime, TimeSource
from fixtures.sample import edge_timeline, synthetic_timeline


def _parses(value: str) -> None:
    try:
        edtf.parse_edtf(value)
    except Exception as error:  # the package raises its own EDTFParseException
        raise AssertionError(f"not EDTF: {value!r} ({error})") from error


def _written_values(timeline: object) -> set[str]:
    values = {row["edtf"] for row in csv.DictReader(io.StringIO(to_csv(timeline))) if row["edtf"]}
    for feature in json.loads(to_geojson(timeline))["features"]:
        if feature["properties"].get("edtf"):
            values.add(feature["properties"]["edtf"])
    values |= set(re.findall(rf'"([^"]+)"\^\^<{re.escape(EDTF_DATATYPE)}>', to_rdf(timeline)))
    for item in json.loads(to_webannotation(timeline))["first"]["items"]:
        if item["motivation"] == "describing" and len(item["body"]) > 2:
            values.add(item["body"][2]["value"])
    return values


@pytest.mark.parametrize("make", [edge_timeline, lambda: synthetic_timeline(40)])
def test_exported_edtf_parses(make, caplog):
    caplog.set_level(logging.CRITICAL, logger="rdflib")
    values = _written_values(from_json(make()))
    assert values
    for value in values:
        _parses(value)


def test_edtf_built_from_bounds_parses():
    def time(first: Day | None, last: Day | None) -> EventTime:
        bounds = Bounds(first, None, None, last)
        return EventTime(None, None, bounds, TimeSource.NARRATIVE)

    cases = [
        time(Day(1950, 1, 1), Day(1953, 7, 27)),
        time(Day(1953, 1, 1), None),
        time(None, Day(1950, 11, 30)),
        time(Day(-43, 3, 15), Day(-43, 3, 15)),
    ]
    for time in cases:
        value = edtf_of(time)
        assert value is not None
        _parses(value)


@pytest.mark.parametrize(
    ("text", "lang", "written"),
    [
        ("after the 2nd century", "en", "0200/.."),
        ("before the 2nd century", "en", "../0101"),
        ("after 1950", "en", "1950/.."),
        ("vor dem 19. Jahrhundert", "de", None),  # unmarked in German: the century itself
    ],
)
def test_before_or_after_a_century_opens_from_its_years(text, lang, written):
    import chronist

    (timex,) = chronist.tag(text, lang=lang)
    _parses(timex.edtf)
    if written is not None:
        assert timex.edtf == written
