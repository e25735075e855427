"""The format registry, the JSON export, and reading saved timelines."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from chronist.errors import InputError, OptionError
from chronist.export.formats import FORMATS, export
from chronist.timeline.jsonio import from_json
from fixtures.sample import edge_timeline, sample_timeline, synthetic_timeline


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
        out = export(from_json(edge_timeline()), name)
        assert isinstance(out, str) and out.endswith("\n"), name
        assert fmt.suffix.startswith(".") and fmt.write.__doc__ and ">>>" in fmt.write.__doc__


def test_unknown_format_is_an_option_error():
    with pytest.raises(OptionError, match="unknown export format 'xls'"):
        export(from_json(sample_timeline()), "xls")


def test_json_export_is_valid_against_the_shipped_schema():
    schema_file = resources.files("chronist.timeline") / "schema" / "timeline-1.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    for timeline in (sample_timeline(), edge_timeline(), synthetic_timeline(100)):
        jsonschema.validate(json.loads(export(from_json(timeline), "json")), schema)


def test_saved_timelines_with_mistakes_fail_with_one_clear_error():
    timeline = sample_timeline()
    del timeline["document"]["text"]
    with pytest.raises(InputError, match=r"document: 'text' is missing"):
        from_json(timeline)
    timeline = sample_timeline()
    timeline["events"][0]["evidence"]["end"] = 10**6
    with pytest.raises(InputError, match=r"events\[0\].evidence: offsets"):
        from_json(timeline)
    with pytest.raises(InputError, match="expected object"):
        from_json(42)  # type: ignore[arg-type]


def test_a_saved_timeline_exports_as_the_model_it_was_saved_from():
    """Real pipeline output: exporting the model and exporting its saved JSON agree."""
    from chronist.timeline import build_timeline, to_json

    text = "Am 15. September 1950 landete MacArthur bei Incheon. Der Krieg dauerte bis 1953."
    model = build_timeline(text, recognizer=lambda document: [])
    saved = from_json(json.loads(json.dumps(to_json(model))))
    for name in FORMATS:
        assert export(saved, name) == export(model, name), name
