"""The read copy beside the store: the same events as the store gives, kept up to date."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import duckdb  # noqa: F401  (the store extra must be installed: fail, not skip)
import pytest

from chronist import Store
from chronist.store import query
from chronist.store.mirror import stamp_of
from test_store_ingest import KOREA_A, KOREA_B, KOREA_C

BISMARCK = "Otto von Bismarck starb am 30. Juli 1898 in Friedrichsruh."
FILTERS = (
    {},
    {"person": "Truman"},
    {"place": "Panmunjeom"},
    {"start": "1950", "end": "1951"},
    {"text": "Waffenstillstand"},
)


def _from_store(store: Store, **filters: str) -> list[dict[str, object]]:
    """The events read from DuckDB alone (no read copy)."""
    matches = store.fulltext.mentions(filters["text"]) if "text" in filters else None
    with store._read() as connection:
        ids = query.merged_ids(connection, query.EventFilter(**filters), matches)
        return query.events(connection, ids)


def _copy_rows(store: Store) -> int:
    with sqlite3.connect(store.mirror.path) as copy:
        return int(copy.execute("SELECT count(*) FROM said").fetchone()[0])


def _uses_copy(store: Store) -> bool:
    with store._read_events() as (_connection, copy):
        return copy is not None


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name, text in (("a.txt", KOREA_A), ("b.txt", KOREA_B), ("c.txt", KOREA_C)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_the_copy_gives_what_the_store_gives(folder: Path) -> None:
    store = Store(folder / "corpus.duckdb")
    store.ingest([str(folder / "a.txt"), str(folder / "b.txt")])
    assert store.mirror.path.is_file() and _uses_copy(store)
    for filters in FILTERS:
        assert store.events(**filters) == _from_store(store, **filters), filters
    # merging in a third document changes merged events already copied: they follow
    store.ingest([str(folder / "c.txt")])
    truman = store.events(person="Truman")
    assert truman == _from_store(store, person="Truman")
    assert max(int(str(e["sources"])) for e in truman) == 2


def test_a_changed_file_replaces_its_rows_in_the_copy(folder: Path) -> None:
    store = Store(folder / "corpus.duckdb")
    store.ingest([str(folder)])
    before = _copy_rows(store)
    (folder / "c.txt").write_text(BISMARCK, encoding="utf-8")
    assert store.ingest([str(folder)]).replaced == 1
    assert _uses_copy(store)
    for filters in (*FILTERS, {"person": "Bismarck"}):
        assert store.events(**filters) == _from_store(store, **filters), filters
    assert store.events(person="Bismarck") and not store.events(text="entließ")
    assert _copy_rows(store) == before  # one sentence gone, one come


def test_a_stale_copy_is_not_read_and_the_next_ingest_rebuilds_it(folder: Path) -> None:
    store = Store(folder / "corpus.duckdb")
    store.ingest([str(folder / "a.txt")])
    old = folder / "old.read.sqlite"
    shutil.copy(store.mirror.path, old)
    store.ingest([str(folder / "b.txt"), str(folder / "c.txt")])
    # as if the ingest had died between its commit to DuckDB and the copy
    shutil.copy(old, store.mirror.path)
    assert not _uses_copy(store)
    assert store.events() == _from_store(store)  # read from DuckDB meanwhile
    report = store.ingest([str(folder)])  # nothing new to extract ...
    assert report.stored == 0
    assert _uses_copy(store)  # ... but the copy is the store's again
    with store._read() as connection, sqlite3.connect(store.mirror.path) as copy:
        stamp = copy.execute("SELECT value FROM meta WHERE key = 'stamp'").fetchone()[0]
        assert stamp == stamp_of(connection)
    for filters in FILTERS:
        assert store.events(**filters) == _from_store(store, **filters), filters


def test_a_missing_copy_loses_nothing(folder: Path) -> None:
    store = Store(folder / "corpus.duckdb")
    store.ingest([str(folder)])
    expected = store.events()
    store.mirror.path.unlink()
    assert not _uses_copy(store) and store.events() == expected
    store.ingest([str(folder)])
    assert _uses_copy(store) and store.events() == expected


def test_a_copy_of_another_layout_is_not_read_and_the_next_ingest_rebuilds_it(
    folder: Path,
) -> None:
    store = Store(folder / "corpus.duckdb")
    store.ingest([str(folder)])
    expected = store.events()
    with sqlite3.connect(store.mirror.path) as copy:  # as an older chronist wrote it
        copy.execute("UPDATE meta SET value = '1' WHERE key = 'format'")
    assert not _uses_copy(store) and store.events() == expected
    store.ingest([str(folder)])
    assert _uses_copy(store) and store.events() == expected


def test_a_merged_event_has_the_confidence_of_its_most_certain_mention(folder: Path) -> None:
    # a document whose second event is dated only by the story (a lower confidence)
    (folder / "d.txt").write_text(
        "Am 3. Mai 1950 besetzten Truppen die Stadt Kaesong. Viele Bewohner flohen nach Seoul.",
        encoding="utf-8",
    )
    store = Store(folder / "corpus.duckdb")
    store.ingest([str(folder)])
    told: dict[tuple[str, int, int], float] = {}
    for name in ("a.txt", "b.txt", "c.txt", "d.txt"):
        for event in store.timeline(str(folder / name))["events"]:
            for mention in event["mentions"]:
                told[(str(folder / name), mention["start"], mention["end"])] = event["confidence"]
    events = store.events()
    assert events and all(e == f for e, f in zip(events, _from_store(store), strict=True))
    for event in events:
        mentions = [told[(m["document"], m["start"], m["end"])] for m in event["mentions"]]
        assert event["confidence"] == max(mentions)
    assert len({event["confidence"] for event in events}) > 1
