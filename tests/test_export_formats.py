"""The format registry, the JSON export, and reading saved timelines."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from chronist.errors import InputError, OptionError
from chronist.export.formats import FORMATS, export
from chronist.export.view import as_view
from chronist.web.sample import edge_timeline, sample_timeline, synthetic_timeline


def test_every_format_is_registered_and_writes_text():
    assert set(FORMATS) == {
        "timeml",
        "json",
        "csv",
        "timelinejs",
        "geojson",
        "rdf",
        "webannotation",
    }
    for name, fmt in FORMATS.items():
        out = export(edge_timeline(), name)
        assert isinstance(out, str) and out.endswith("\n"), name
        assert fmt.suffix.startswith(".") and fmt.write.__doc__ and ">>>" in fmt.write.__doc__


def test_unknown_format_is_an_option_error():
    with pytest.raises(OptionError, match="unknown export format 'xls'"):
        export(sample_timeline(), "xls")


def test_json_export_is_valid_against_the_shipped_schema():
    jsonschema = pytest.importorskip("jsonschema")
    schema_file = resources.files("chronist.timeline") / "schema" / "timeline-1.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    for timeline in (sample_timeline(), edge_timeline(), synthetic_timeline(100)):
        jsonschema.validate(json.loads(export(timeline, "json")), schema)


def test_saved_timelines_with_mistakes_fail_with_one_clear_error():
    timeline = sample_timeline()
    del timeline["document"]["text"]
    with pytest.raises(InputError, match=r"document\.text is missing"):
        as_view(timeline)
    timeline = sample_timeline()
    timeline["events"][0]["evidence"]["end"] = 10**6
    with pytest.raises(InputError, match=r"events\[0\].evidence: offsets"):
        as_view(timeline)
    with pytest.raises(InputError, match="not a timeline"):
        as_view(42)


def test_the_model_timeline_is_accepted_too():
    jsonio = pytest.importorskip("chronist.timeline.jsonio", reason="timeline model not available")
    model = jsonio.from_json(edge_timeline())
    for name in FORMATS:
        assert export(model, name) == export(edge_timeline(), name) or name == "json"
