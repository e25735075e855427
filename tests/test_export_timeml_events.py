"""TimeML with EVENT and TLINK: well-formed, the text between tags is the input."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from chronist.export.formats import to_timeml_document
from chronist.timeline.jsonio import from_json
from fixtures.sample import edge_timeline, sample_timeline, synthetic_timeline

_EVENT_CLASSES = {"OCCURRENCE", "PERCEPTION", "REPORTING", "ASPECTUAL", "STATE", "I_STATE",
                  "I_ACTION"}  # fmt: skip
_REL_TYPES = {"BEFORE", "AFTER", "INCLUDES", "IS_INCLUDED", "DURING", "DURING_INV",
              "SIMULTANEOUS", "IAFTER", "IBEFORE", "IDENTITY", "BEGINS", "ENDS", "BEGUN_BY",
              "ENDED_BY"}  # fmt: skip


@pytest.mark.parametrize("make", [sample_timeline, edge_timeline, lambda: synthetic_timeline(200)])
def test_text_between_tags_is_the_input(make):
    timeline = make()
    root = ET.fromstring(to_timeml_document(from_json(timeline)).encode("utf-8"))
    text = root.find("TEXT")
    assert text is not None
    assert "".join(text.itertext()) == timeline["document"]["text"]


def test_events_instances_and_links_use_the_timeml_vocabulary():
    timeline = edge_timeline()
    timeline["events"][2].update(modality="conditional", hypothetical=True)
    root = ET.fromstring(to_timeml_document(from_json(timeline)))
    events = root.findall("TEXT/EVENT")
    instances = root.findall("MAKEINSTANCE")
    links = root.findall("TLINK")
    tids = {t.get("tid") for t in root.iter("TIMEX3")}
    assert events and len(instances) == len(events)
    assert {e.get("class") for e in events} <= _EVENT_CLASSES
    eids = {e.get("eid") for e in events}
    eiids = {i.get("eiid") for i in instances}
    assert {i.get("eventID") for i in instances} == eids
    for link in links:
        assert link.get("relType") in _REL_TYPES
        assert link.get("eventInstanceID") in eiids
        assert link.get("relatedToTime") in tids
    by_id = {e.get("eid"): e.text for e in events}
    assert by_id["e1"] == "ermordet" and by_id["e3"] == "rief"
    conditional = next(i for i in instances if i.get("eventID") == "e3")
    assert conditional.get("modality") == "would"


def test_escaping_and_dct():
    timeline = sample_timeline()
    timeline["document"]["text"] = timeline["document"]["text"].replace("Rom", "R<m")
    timeline["document"]["dct"] = "2020-06-25"
    xml = to_timeml_document(from_json(timeline))
    root = ET.fromstring(xml)
    assert "".join(root.find("TEXT").itertext()) == timeline["document"]["text"]
    dct = root.find("DCT/TIMEX3")
    assert dct.get("functionInDocument") == "CREATION_TIME" and dct.get("value") == "2020-06-25"


def test_a_trigger_inside_a_timex_is_not_tagged():
    timeline = sample_timeline()
    timex = timeline["timexes"][1]
    timeline["events"][1]["trigger"].update(start=timex["start"], end=timex["start"] + 2)
    root = ET.fromstring(to_timeml_document(from_json(timeline)))
    assert "e2" not in {e.get("eid") for e in root.iter("EVENT")}
    assert "".join(root.find("TEXT").itertext()) == timeline["document"]["text"]


def test_extract_timeml_keeps_every_timex_tag_writes():
    """One TimeML writer: what `tag --format timeml` writes, `extract` keeps
    (a range's non-consuming DURATION, a set's quant), on real pipeline output."""
    from chronist import tagging
    from chronist.export.timeml import to_timeml
    from chronist.timeline import build_timeline

    text = "Der Krieg dauerte von 1950 bis 1953. Die Wahl fand jährlich statt."
    tagged = to_timeml(text, list(tagging(text).timexes))
    extracted = to_timeml_document(build_timeline(text, recognizer=lambda document: []))
    timexes = [t.attrib for t in ET.fromstring(tagged).iter("TIMEX3")]
    assert {"type": "DURATION", "value": "P3Y"}.items() <= timexes[-1].items() or any(
        t.get("type") == "DURATION" and t.get("beginPoint") for t in timexes
    )
    assert any(t.get("quant") == "EVERY" for t in timexes)
    assert [t.attrib for t in ET.fromstring(extracted).iter("TIMEX3")] == timexes
