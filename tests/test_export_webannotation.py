"""W3C Web Annotation JSON-LD: one annotation per fact, both selectors resolve to the quote."""

from __future__ import annotations

import json

import pytest

from chronist.export.webannotation import CONTEXT, to_webannotation
from chronist.timeline.jsonio import from_json
from fixtures.sample import SAMPLE_TEXT, edge_timeline, sample_timeline, synthetic_timeline

_MOTIVATIONS = {"assessing", "bookmarking", "classifying", "commenting", "describing", "editing",
                "highlighting", "identifying", "linking", "moderating", "questioning",
                "replying", "tagging"}  # fmt: skip


def _items(timeline: object) -> list[dict]:
    data = json.loads(to_webannotation(from_json(timeline)))
    assert data["@context"] == CONTEXT
    assert data["type"] == "AnnotationCollection"
    assert data["total"] == len(data["first"]["items"])
    return data["first"]["items"]


@pytest.mark.parametrize("make", [sample_timeline, edge_timeline, lambda: synthetic_timeline(100)])
def test_both_selectors_resolve_to_the_quote(make):
    timeline = make()
    text = timeline["document"]["text"]
    for item in _items(timeline):
        assert item["type"] == "Annotation" and item["motivation"] in _MOTIVATIONS
        assert item["id"] and item["body"]
        for body in item["body"]:
            assert body.get("purpose") in _MOTIVATIONS
        position, quote = item["target"]["selector"]
        assert position["type"] == "TextPositionSelector"
        assert quote["type"] == "TextQuoteSelector"
        exact = text[position["start"] : position["end"]]
        assert exact == quote["exact"]
        # the quote selector alone finds the same place
        found = text.find(quote["prefix"] + quote["exact"] + quote["suffix"])
        assert found + len(quote["prefix"]) == position["start"]


def test_one_annotation_per_fact():
    timeline = sample_timeline()
    items = _items(timeline)
    mentions = sum(len(e["mentions"]) for e in timeline["entities"])
    assert len(items) == len(timeline["events"]) + len(timeline["timexes"]) + mentions
    first = items[0]
    assert [b["value"] for b in first["body"]] == ["Ermordung Caesars", "death", "-0043-03-15"]
    assert first["target"]["selector"][1]["exact"] == SAMPLE_TEXT.split("\n")[0]


def test_places_link_to_geonames():
    items = _items(sample_timeline())
    rome = next(i for i in items if i["body"][0].get("value") == "Rom")
    assert {"id": "https://sws.geonames.org/3169070/", "purpose": "identifying"} in rome["body"]
