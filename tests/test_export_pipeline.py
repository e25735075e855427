"""Every exporter on real pipeline output: the demo document, a WikiWarsDE article, a news text.

Each format is parsed back (XML, JSON against the schema, CSV, Turtle with
rdflib, GeoJSON, TimelineJS, Web Annotation) and checked against the model it
was written from; a saved timeline exports exactly as the model did; and
``extract --format timeml`` keeps every TIMEX3 that ``tag --format timeml`` writes.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from functools import cache
from pathlib import Path

import jsonschema
import pytest
import rdflib

from chronist import tagging
from chronist.evaluation.corpora import load_corpus
from chronist.export.formats import FORMATS, export
from chronist.export.timeml import to_timeml
from chronist.timeline import build_timeline
from chronist.timeline.jsonio import from_json, schema, to_json
from chronist.timeline.model import Timeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@cache
def _timeline(name: str) -> Timeline:
    if name == "demo":
        path = SHARED / "seed" / "koreakrieg.de.txt"
        return build_timeline(path.read_text(encoding="utf-8"), source=str(path))
    if name == "wikiwarsde":
        document = load_corpus(SHARED / "data" / "WikiWarsDE-dev")[1]
        return build_timeline(document.text, kind="narrative", source=document.doc_id)
    document = load_corpus(ROOT / "bench" / "news_de" / "timeml" / "dev")[0]
    return build_timeline(document.text, kind="news", dct=document.dct, source=document.doc_id)


DOCUMENTS = ["demo", "wikiwarsde", "news"]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_each_format_parses_back_and_agrees_with_the_model(name: str) -> None:
    timeline = _timeline(name)
    assert timeline.events and timeline.timexes
    text = timeline.document.text

    root = ET.fromstring(export(timeline, "timeml").encode("utf-8"))
    assert "".join(root.find("TEXT").itertext()) == text  # type: ignore[union-attr]
    assert len(list(root.iter("TIMEX3"))) == len(timeline.timexes) + (
        timeline.document.dct is not None
    )

    data = json.loads(export(timeline, "json"))
    jsonschema.validate(data, schema())
    # the typed meaning behind a timex value is not saved; everything else comes back
    unresolved = tuple(replace(t, resolved=None) for t in timeline.timexes)
    assert from_json(data) == replace(timeline, timexes=unresolved)

    rows = list(csv.DictReader(io.StringIO(export(timeline, "csv"), newline="")))
    assert [row["id"] for row in rows] == [event.id for event in timeline.events]

    graph = rdflib.Graph().parse(data=export(timeline, "rdf"), format="turtle")
    sem = rdflib.Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
    facts = [e for e in timeline.events if not e.hypothetical]
    assert len(set(graph.subjects(rdflib.RDF.type, sem.Event))) == len(facts)

    features = json.loads(export(timeline, "geojson"))["features"]
    assert all(-180 <= f["geometry"]["coordinates"][0] <= 180 for f in features)

    slides = json.loads(export(timeline, "timelinejs"))["events"]
    assert {s["unique_id"] for s in slides} <= {e.id for e in timeline.events}

    items = json.loads(export(timeline, "webannotation"))["first"]["items"]
    for item in items:
        position, quote = item["target"]["selector"]
        assert text[position["start"] : position["end"]] == quote["exact"]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_a_saved_timeline_exports_as_its_model(name: str) -> None:
    timeline = _timeline(name)
    saved = from_json(json.loads(json.dumps(to_json(timeline))))
    for format_name in FORMATS:
        assert export(saved, format_name) == export(timeline, format_name), format_name


@pytest.mark.parametrize("name", DOCUMENTS)
def test_extract_timeml_keeps_what_tag_timeml_writes(name: str) -> None:
    timeline = _timeline(name)
    document = timeline.document
    tagged = to_timeml(document.text, list(tagging(document).timexes), dct=document.dct)
    extracted = export(timeline, "timeml")
    assert [t.attrib for t in ET.fromstring(extracted).iter("TIMEX3")] == [
        t.attrib for t in ET.fromstring(tagged).iter("TIMEX3")
    ]
