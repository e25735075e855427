"""Querying a store: filters, full text, formats, Parquet, the commands and the page."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pytest

from chronist import Store
from chronist.cli import main
from chronist.errors import OptionError
from chronist.store import SCHEMA_VERSION, EventFilter
from test_store_ingest import KOREA_A, KOREA_B, KOREA_C

BISMARCK = "Otto von Bismarck starb am 30. Juli 1898 in Friedrichsruh."


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    folder = tmp_path_factory.mktemp("corpus")
    texts = (("a.txt", KOREA_A), ("b.txt", KOREA_B), ("c.txt", KOREA_C), ("d.txt", BISMARCK))
    for name, text in texts:
        (folder / name).write_text(text, encoding="utf-8")
    store = Store(folder / "corpus.duckdb")
    assert store.ingest([str(folder)]).stored == 4
    return store


def _labels(events: list[dict[str, object]]) -> list[str]:
    return [str(e["label"]) for e in events]


def test_filters(store: Store) -> None:
    everything = store.events()
    # four events, each told once: the three Korean ones by two documents each
    assert len(everything) == 4
    assert sorted(e["sources"] for e in everything) == [1, 2, 2, 2]
    assert _labels(store.events(person="Bismarck")) == ["Otto von Bismarck starb in Friedrichsruh"]
    assert _labels(store.events(place="Friedrichsruh")) == _labels(store.events(type="death"))
    truman = store.events(person="truman")
    assert [e["type"] for e in truman] == ["leadership"]
    assert all(e["time"]["earliest_begin"] >= "1953" for e in store.events(start="1953"))
    july_1898 = store.events(start="1898-07", end="1898-07")
    assert _labels(july_1898) == ["Otto von Bismarck starb in Friedrichsruh"]
    assert store.events(start="1950", end="1950-12", type="conflict")[0]["sources"] == 2
    assert store.events(person="Truman", place="Friedrichsruh") == []
    assert store.events(EventFilter(limit=2)) == everything[:2]


def test_a_period_holds_the_events_within_it_unless_overlapping_is_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "Von 1618 bis 1648 verwüsteten Heere das Land. "
        "Am 23. Mai 1618 warfen Adlige die Statthalter aus dem Fenster."
    )
    (tmp_path / "krieg.txt").write_text(text, encoding="utf-8")
    store = Store(tmp_path / "corpus.duckdb")
    store.ingest([str(tmp_path / "krieg.txt")])
    spans = {
        e["label"]: (e["time"]["earliest_begin"], e["time"]["latest_end"]) for e in store.events()
    }
    assert sorted(spans.values()) == [("1618-01-01", "1648-12-31"), ("1618-05-23", "1618-05-23")]
    within = store.events(start="1618", end="1618")
    assert [spans[e["label"]] for e in within] == [("1618-05-23", "1618-05-23")]
    assert len(store.events(start="1620", end="1620", overlapping=True)) == 1
    assert store.events(start="1620", end="1620") == []
    assert store.events(start="1600", end="1700") == store.events()
    base = ["events", "--store", str(store.path), "--from", "1620", "--to", "1620", "--format"]
    assert main([*base, "json"]) == 0
    assert json.loads(capsys.readouterr().out)["count"] == 0
    assert main([*base, "json", "--overlapping"]) == 0
    assert json.loads(capsys.readouterr().out)["count"] == 1


def test_full_text(store: Store) -> None:
    found = store.events(text="Waffenstillstand Panmunjeom")
    assert found and all(e["type"] == "diplomacy" for e in found)
    assert store.events(text="waffenstill*") == found
    assert store.events(text="Waffenstillstand Bismarck") == []
    assert [Path(d["name"]).name for d in store.documents("Friedrichsruh")] == ["d.txt"]


def test_a_bad_period_is_an_option_error(store: Store) -> None:
    with pytest.raises(OptionError, match="not a date"):
        store.events(start="Juni 1950")


def test_events_command_formats(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["events", "--store", str(store.path)]
    assert main([*base, "--type", "conflict"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["DATE", "EVENT", "SOURCES", "PEOPLE", "PLACE"]
    assert "2" in table[1].split()
    assert main([*base, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    event = data["events"][0]
    assert {"label", "type", "time", "sources", "mentions"} <= set(event)
    assert set(event["mentions"][0]) == {"document", "start", "end", "exact"}
    assert main([*base, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == data["count"] and rows[0]["edtf"]
    assert main([*base, "--format", "timelinejs"]) == 0
    assert len(json.loads(capsys.readouterr().out)["events"]) == data["count"]
    assert main([*base, "--format", "geojson"]) == 0
    assert json.loads(capsys.readouterr().out)["type"] == "FeatureCollection"
    assert main([*base, "--format", "rdf"]) == 0
    turtle = capsys.readouterr().out
    import rdflib

    assert len(rdflib.Graph().parse(data=turtle, format="turtle")) > 0
    assert main([*base, "--format", "webannotation"]) == 0
    annotations = json.loads(capsys.readouterr().out)["first"]["items"]
    target = annotations[0]["target"]
    assert target["source"].endswith(".txt")
    position, quote = target["selector"]
    text = Path(target["source"]).read_text(encoding="utf-8")
    assert text[position["start"] : position["end"]] == quote["exact"]


def test_documents_entities_and_parquet(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["documents", "--store", str(store.path), "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 4
    assert main(["entities", "--store", str(store.path), "--type", "PER", "--format", "json"]) == 0
    people = {e["text"]: e for e in json.loads(capsys.readouterr().out)["entities"]}
    assert people["Harry S. Truman"]["documents"] == 2
    assert main(["documents", "--store", str(store.path), "--parquet", str(tmp_path / "pq")]) == 0
    capsys.readouterr()
    counts = store.counts()
    for table, count in counts.items():
        parquet = tmp_path / "pq" / f"{table}.parquet"
        assert duckdb.sql(f"SELECT count(*) FROM '{parquet}'").fetchall() == [(count,)]


def test_plain_sql_reads_the_store(store: Store) -> None:
    connection = duckdb.connect(str(store.path), read_only=True)
    try:
        version = connection.sql("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
        merged = connection.sql("SELECT max(sources) FROM merged_events").fetchall()
    finally:
        connection.close()
    assert version == [(str(SCHEMA_VERSION),)] and merged == [(2,)]


def test_the_page_of_a_query(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "korea.html"
    assert main(["report", "--store", str(store.path), "--from", "1950", "-o", str(page)]) == 0
    assert "events)" in capsys.readouterr().out
    html = page.read_text(encoding="utf-8")
    start = html.index('id="chronist-data">') + len('id="chronist-data">')
    data = json.loads(html[start : html.index("</script>", start)])
    assert "2 Quellen" in " ".join(e["label"] for e in data["events"])
    for event in data["events"]:  # each opens its evidence in the page's text
        assert data["text"][event["s"] : event["e"]].strip()
    assert "■ " in data["text"]
