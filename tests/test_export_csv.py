"""CSV export: read back with the csv module, one row per event, spreadsheet-safe."""

from __future__ import annotations

import csv
import io

import pytest

from chronist.export.csv_rows import COLUMNS, to_csv
from chronist.timeline.jsonio import from_json
from fixtures.sample import edge_timeline, sample_timeline, synthetic_timeline


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("make", [sample_timeline, edge_timeline, lambda: synthetic_timeline(200)])
def test_one_row_per_event_with_all_columns(make):
    timeline = make()
    rows = _rows(to_csv(from_json(timeline)))
    assert len(rows) == len(timeline["events"])
    assert all(tuple(row) == COLUMNS for row in rows)
    for row, event in zip(rows, timeline["events"], strict=True):
        assert row["id"] == event["id"]
        for bound in ("earliest_begin", "latest_begin", "earliest_end", "latest_end"):
            assert row[bound] == (event["time"][bound] or "")
        assert row["quote"] == event["evidence"]["exact"]
        assert int(row["start"]) == event["evidence"]["start"]


def test_spreadsheet_round_trip_keeps_every_cell():
    """Write, read back, write again: the same bytes (what a spreadsheet save does)."""
    text = to_csv(from_json(edge_timeline()))
    rows = _rows(text)
    again = io.StringIO()
    writer = csv.DictWriter(again, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    assert again.getvalue() == text


def test_values_by_event():
    rows = {row["id"]: row for row in _rows(to_csv(from_json(edge_timeline())))}
    assert rows["e1"]["edtf"] == "-0043-03-15"  # BC, astronomical
    assert rows["e1"]["people"] == "Caesar" and rows["e1"]["place"] == "Rom"
    assert rows["e3"]["people"] == "Truman"
    assert rows["e3"]["organisations"] == "UN-Sicherheitsrat"
    assert rows["e6"]["people"] == "Truman; Douglas MacArthur"
    assert rows["e5"]["edtf"] == "1950-11/1951-04"
    assert (rows["e4"]["lat"], rows["e4"]["lon"]) == ("37.45646", "126.70515")
    assert rows["e8"]["edtf"] == "" and rows["e8"]["time_source"] == "unknown"
    assert rows["e9"]["modality"] == "conditional"
    assert rows["e10"]["latest_end"] == ""


def test_formula_like_text_is_neutralised_but_dates_are_not():
    rows = {row["id"]: row for row in _rows(to_csv(from_json(edge_timeline())))}
    assert rows["e8"]["label"] == "'=SUMME(A1:A9) ohne Datum"
    assert rows["e1"]["earliest_begin"] == "-0043-03-15"


def test_quotes_commas_and_newlines_survive():
    timeline = sample_timeline()
    rows = _rows(to_csv(from_json(timeline)))
    assert (
        rows[6]["quote"]
        == 'Erst am 27. Juli 1953 schwiegen in Panmunjeom die Waffen, sagte "der Präsident".'
    )
