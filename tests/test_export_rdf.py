"""RDF Turtle in the Simple Event Model, parsed back with rdflib."""

from __future__ import annotations

import logging

import pytest
import rdflib

from chronist.export.rdf import to_rdf
from chronist.timeline.jsonio import from_json
from fixtures.sample import edge_timeline, sample_timeline, synthetic_timeline

SEM = rdflib.Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
GEO = rdflib.Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
RDF, RDFS = rdflib.RDF, rdflib.RDFS


@pytest.fixture(autouse=True)
def _quiet_rdflib(caplog):
    # rdflib logs a warning for xsd:date years before 1 AD, which XSD 1.1 allows
    caplog.set_level(logging.CRITICAL, logger="rdflib")


def _graph(timeline: object) -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(data=to_rdf(from_json(timeline)), format="turtle")
    return graph


def _event(graph: rdflib.Graph, event_id: str) -> rdflib.URIRef:
    return rdflib.URIRef(f"urn:chronist:sample/event/{event_id}")


def test_parses_with_one_sem_event_per_fact():
    timeline = edge_timeline()
    graph = _graph(timeline)
    events = set(graph.subjects(RDF.type, SEM.Event))
    facts = [e for e in timeline["events"] if not e["hypothetical"]]
    assert len(events) == len(facts)
    assert _event(graph, "e9") not in events  # conditional


def test_actors_places_and_types():
    graph = _graph(sample_timeline())
    dismissal = _event(graph, "e6")
    actors = {str(graph.value(a, RDFS.label)) for a in graph.objects(dismissal, SEM.hasActor)}
    assert actors == {"Truman", "Douglas MacArthur"}
    for actor in graph.objects(dismissal, SEM.hasActor):
        assert (actor, RDF.type, SEM.Actor) in graph
    landing = _event(graph, "e4")
    place = graph.value(landing, SEM.hasPlace)
    assert (place, RDF.type, SEM.Place) in graph
    assert str(graph.value(place, RDFS.label)) == "Incheon"
    assert float(graph.value(place, GEO.lat)) == pytest.approx(37.45646)
    assert float(graph.value(place, GEO.long)) == pytest.approx(126.70515)
    assert str(graph.value(landing, SEM.eventType)).endswith("/eventtype/conflict")
    assert str(graph.value(landing, RDFS.label)) == "Landung bei Incheon"


def test_earliest_and_latest_time_stamps():
    graph = _graph(sample_timeline())
    retreat = _event(graph, "e5")
    stamps = {
        prop: str(graph.value(retreat, SEM[prop]))
        for prop in ("hasEarliestBeginTimeStamp", "hasLatestBeginTimeStamp",
                     "hasEarliestEndTimeStamp", "hasLatestEndTimeStamp")
    }  # fmt: skip
    assert stamps == {
        "hasEarliestBeginTimeStamp": "1950-11-01",
        "hasLatestBeginTimeStamp": "1950-11-30",
        "hasEarliestEndTimeStamp": "1951-04-01",
        "hasLatestEndTimeStamp": "1951-04-30",
    }
    literal = graph.value(retreat, SEM.hasEarliestBeginTimeStamp)
    assert literal.datatype == rdflib.XSD.date
    time = graph.value(retreat, SEM.hasTime)
    assert (time, RDF.type, SEM.Time) in graph


def test_bc_and_open_bounds():
    graph = _graph(edge_timeline())
    caesar = _event(graph, "e1")
    assert str(graph.value(caesar, SEM.hasEarliestBeginTimeStamp)) == "-0043-03-15"
    open_end = _event(graph, "e10")
    assert graph.value(open_end, SEM.hasLatestEndTimeStamp) is None
    assert str(graph.value(open_end, SEM.hasEarliestBeginTimeStamp)) == "1953-01-01"
    undated = _event(graph, "e8")
    assert graph.value(undated, SEM.hasTime) is None


def test_awkward_text_is_escaped():
    timeline = sample_timeline()
    timeline["events"][0]["label"] = 'Zitat "mit" \\ Backslash\nund Zeile'
    graph = _graph(timeline)
    label = graph.value(_event(graph, "e1"), RDFS.label)
    assert str(label) == 'Zitat "mit" \\ Backslash\nund Zeile' and label.language == "de"


def test_large_document_parses():
    graph = rdflib.Graph()
    graph.parse(data=to_rdf(from_json(synthetic_timeline(300))), format="turtle")
    assert len(set(graph.subjects(RDF.type, SEM.Event))) == 300
