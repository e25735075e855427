"""The reference table of named historical events: contents, matching, extension."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronist.errors import LanguageDataError
from chronist.events.reference import (
    ENV_VARIABLE,
    find_references,
    load_reference,
    parse_table,
)
from chronist.temporal.values import Day

TABLE = load_reference()


def test_table_size_span_and_sources() -> None:
    assert len(TABLE) >= 300
    years = [e.bounds.earliest_begin.year for e in TABLE.events if e.bounds.earliest_begin]
    assert min(years) >= 1500 and max(years) >= 2020
    assert all(e.source and ":" in e.source for e in TABLE.events)
    assert len({e.id for e in TABLE.events}) == len(TABLE.events)


@pytest.mark.parametrize(
    ("text", "ident", "first", "last"),
    [
        ("während der sowjetischen Blockade Berlins", "berlin-blockade", 1948, 1949),
        ("an die Fronten des Ersten Weltkrieges", "world-war-i", 1914, 1918),
        ("an der Peripherie des Kalten Krieges", "cold-war", 1947, 1991),
        ("Der Kalte Krieg", "cold-war", 1947, 1991),
        ("nach dem Dreißigjährigen Krieg", "thirty-years-war", 1618, 1648),
        ("the Thirty Years' War", "thirty-years-war", 1618, 1648),
        ("zur Zeit der Französischen Revolution", "french-revolution", 1789, 1799),
    ],
)
def test_names_match_in_inflected_forms(text: str, ident: str, first: int, last: int) -> None:
    (found,) = find_references(text)
    bounds = found.event.bounds
    assert found.event.id == ident
    assert bounds.earliest_begin and bounds.earliest_begin.year == first
    assert bounds.latest_end and bounds.latest_end.year == last
    assert text[found.start : found.end] == found.text


def test_exact_days_where_known() -> None:
    (armistice,) = find_references("das Waffenstillstandsabkommen von Panmunjeom")
    assert armistice.event.bounds.earliest_begin == Day(1953, 7, 27)
    (stalin,) = find_references("bis zum Tod Stalins im März 1953")
    assert stalin.event.edtf == "1953-03-05"


@pytest.mark.parametrize(
    "text",
    [
        "einen neuen Koreakrieg verhindert",  # another war of the same kind
        "ein Krieg ohne Sieger",
        "die militärische Wiedervereinigung",  # not the German one
        "Am 15. September 1950",
    ],
)
def test_no_false_names(text: str) -> None:
    assert find_references(text) == []


def test_user_file_extends_and_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = tmp_path / "mine.tsv"
    extra.write_text(
        "id\tbegin\tend\tde\ten\tsource\n"
        "koreaboom\t1950\t1953\tKoreaboom\tKorea boom\tde:Koreaboom\n"
        "cold-war\t1947-03-12\t1991-12-26\tKalter Krieg\tCold War\tmy own dating\n",
        encoding="utf-8",
    )
    table = load_reference([extra])
    assert len(table) == len(TABLE) + 1
    (boom,) = table.find("Infolge des Koreabooms")
    assert boom.event.edtf == "1950/1953"
    (cold,) = table.find("im Kalten Krieg")
    assert cold.event.source == "my own dating"
    monkeypatch.setenv(ENV_VARIABLE, str(extra))
    assert load_reference().find("Koreaboom")


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("x\t1950-13\t1951\tX\tX\tsrc", "month"),
        ("x\t1950\t1949\tX\tX\tsrc", "ends before"),
        ("x\t1950\t1951\tX\tX", "columns"),
        ("x\t19500\t1951\tX\tX\tsrc", "not a date"),
        ("x\t1950\t1951\tX\tX\t", "source"),
    ],
)
def test_bad_rows_fail_with_file_and_line(row: str, message: str) -> None:
    with pytest.raises(LanguageDataError, match=message) as caught:
        parse_table(f"# comment\n{row}\n", "mine.tsv")
    assert "mine.tsv:2" in str(caught.value)


def test_missing_user_file() -> None:
    with pytest.raises(LanguageDataError, match=r"nothing-here\.tsv"):
        load_reference(["/nothing-here.tsv"])
