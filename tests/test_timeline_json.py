"""The timeline JSON: valid against the shipped schema, the fixed names, a lossless round trip."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from chronist.entities.types import Entity, EntityType, Mention
from chronist.errors import InputError
from chronist.text.document import Document
from chronist.timeline import build_timeline, dumps, from_json, loads, schema, to_json

TEXT = (
    "Am 15. September 1950 landeten Truppen unter Douglas MacArthur bei Incheon. "
    "Danach rückten sie vor. Falls sie angegriffen würden, gäbe es Krieg."
)


def entities(document: Document) -> list[Entity]:
    text = document.text
    found = []
    for name, kind, lat, lon in [
        ("Douglas MacArthur", EntityType.PER, None, None),
        ("Incheon", EntityType.LOC, 37.45639, 126.70528),
    ]:
        start = text.index(name)
        mention = Mention(name, start, start + len(name))
        found.append(
            Entity(
                name,
                kind,
                start,
                start + len(name),
                (mention,),
                lat,
                lon,
                "geonames:1843564" if lat else None,
                lat is not None,
            )
        )
    return found


@pytest.fixture(scope="module")
def data() -> dict[str, object]:
    return to_json(build_timeline(TEXT, recognizer=entities))


def test_valid_against_the_shipped_schema(data: dict[str, object]) -> None:
    jsonschema.Draft202012Validator.check_schema(schema())
    jsonschema.validate(data, schema())


def test_the_names_outside_tools_rely_on(data: dict[str, object]) -> None:
    assert {"events", "entities", "timexes", "document"} <= set(data)
    event = data["events"][0]  # type: ignore[index]
    assert {"label", "type", "time", "evidence"} <= set(event)
    assert {"value", "edtf", "earliest_begin", "latest_begin", "earliest_end", "latest_end"} <= set(
        event["time"]
    )
    assert {"start", "end", "exact"} <= set(event["evidence"])
    assert event["time"]["value"] == "1950-09-15"
    assert event["time"]["earliest_begin"] == "1950-09-15"
    assert event["place"]["text"] == "Incheon" and event["place"]["lon"] == 126.70528
    for entity in data["entities"]:  # type: ignore[attr-defined]
        assert {"text", "type", "start", "end"} <= set(entity)
        if entity["type"] == "LOC":
            assert {"lat", "lon"} <= set(entity)


def test_evidence_quotes_the_text(data: dict[str, object]) -> None:
    text = data["document"]["text"]  # type: ignore[index]
    for event in data["events"]:  # type: ignore[attr-defined]
        evidence = event["evidence"]
        assert text[evidence["start"] : evidence["end"]] == evidence["exact"]
        assert text[: evidence["start"]].endswith(evidence["prefix"])
        assert text[evidence["end"] :].startswith(evidence["suffix"])


def test_hypothetical_flag(data: dict[str, object]) -> None:
    flags = {e["trigger"]["lemma"]: e["hypothetical"] for e in data["events"]}  # type: ignore[attr-defined]
    assert flags["landen"] is False and flags["angreifen"] is True


def test_round_trip(data: dict[str, object]) -> None:
    again = to_json(loads(json.dumps(data)))
    assert again == data
    assert to_json(from_json(data)) == data


def test_demo_json_valid(tmp_path: Path) -> None:
    demo = Path(__file__).resolve().parents[2] / "shared" / "seed" / "koreakrieg.de.txt"
    assert demo.is_file(), f"the demo document is missing: {demo}"
    text = demo.read_text(encoding="utf-8")
    timeline = build_timeline(text, recognizer=lambda _document: [])
    written = tmp_path / "demo.json"
    written.write_text(dumps(timeline), encoding="utf-8")
    jsonschema.validate(json.loads(written.read_text(encoding="utf-8")), schema())


@pytest.mark.parametrize(
    "bad",
    ["[]", "{}", '{"schema_version": 2}', "not json", '{"schema_version": 1, "document": {}}'],
)
def test_not_a_timeline(bad: str) -> None:
    with pytest.raises(InputError):
        loads(bad)
