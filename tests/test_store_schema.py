"""The store's file: reads attach it and let it go; the schema version and its upgrade."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import duckdb
import pytest

from chronist import Store
from chronist.errors import StoreError
from chronist.store.schema import connect
from test_store_ingest import KOREA_A, KOREA_B, KOREA_C

_OPEN_FOR_WRITING = (
    "import duckdb, sys\n"
    "connection = duckdb.connect(sys.argv[1])\n"
    "connection.execute('CREATE TABLE IF NOT EXISTS probe (x INTEGER)')\n"
    "connection.close()\n"
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    folder = tmp_path_factory.mktemp("corpus")
    for name, text in (("a.txt", KOREA_A), ("b.txt", KOREA_B), ("c.txt", KOREA_C)):
        (folder / name).write_text(text, encoding="utf-8")
    store = Store(folder / "corpus.duckdb")
    assert store.ingest([str(folder)]).stored == 3
    return store


def _writable_by_another_process(path: Path) -> bool:
    done = subprocess.run(
        [sys.executable, "-c", _OPEN_FOR_WRITING, str(path)], capture_output=True, text=True
    )
    return done.returncode == 0


def test_a_read_holds_the_file_only_while_it_runs(store: Store, tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(store.path.read_bytes())
    reader = Store(copy)
    assert reader.events(person="Truman")
    assert _writable_by_another_process(copy)  # the read let the file go
    with connect(copy, read_only=True) as connection:
        assert connection.execute("SELECT count(*) FROM documents").fetchone() == (3,)
        assert not _writable_by_another_process(copy)  # held while reading
    assert _writable_by_another_process(copy)


def test_reads_nest_and_run_in_threads(store: Store) -> None:
    expected = store.events()
    with connect(store.path, read_only=True) as outer:
        inner_events = store.events(type="conflict")  # a read inside a read
        assert inner_events and all(e["type"] == "conflict" for e in inner_events)
        assert outer.execute("SELECT count(*) FROM merged_events").fetchone() == (len(expected),)
    found: list[object] = []

    def read() -> None:
        for _ in range(5):
            found.append(store.events() == expected)

    threads = [threading.Thread(target=read) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert found == [True] * 15


def test_a_read_of_a_missing_or_foreign_file_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "none.duckdb").events()
    foreign = tmp_path / "foreign.duckdb"
    foreign.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError, match="not a chronist store"):
        Store(foreign).events()
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).close()
    with pytest.raises(StoreError, match="not a chronist store"):
        Store(other).events()


def _as_version_1(path: Path) -> None:
    """Turn a store into what schema version 1 wrote: no indexes, no ``evidence.merged``."""
    connection = duckdb.connect(str(path))
    try:
        for (name,) in connection.execute("SELECT index_name FROM duckdb_indexes()").fetchall():
            connection.execute(f"DROP INDEX {name}")
        connection.execute("ALTER TABLE evidence DROP COLUMN merged")
        connection.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    finally:
        connection.close()


def test_evidence_rows_carry_their_merged_event(store: Store) -> None:
    with connect(store.path, read_only=True) as connection:
        rows = connection.execute(
            "SELECT count(*), count(e.merged), sum((v.merged = e.merged)::INTEGER) FROM evidence v "
            "LEFT JOIN event_mentions e ON e.doc = v.doc AND e.seq = v.event_seq"
        ).fetchone()
        indexes = connection.execute("SELECT count(*) FROM duckdb_indexes()").fetchone()
    assert rows is not None and rows[0] > 0 and rows[0] == rows[1] == rows[2]
    assert indexes == (5,)


def test_a_version_1_store_is_refused_by_readers_and_upgraded_by_an_ingest(
    store: Store, tmp_path: Path
) -> None:
    copy = tmp_path / "old.duckdb"
    copy.write_bytes(store.path.read_bytes())
    (tmp_path / "old.duckdb.fts.sqlite").write_bytes(store.fulltext.path.read_bytes())
    _as_version_1(copy)
    old = Store(copy)
    with pytest.raises(StoreError, match=r"schema version 1, this chronist reads 2; any 'chronist"):
        old.events()
    folder = store.path.parent
    report = old.ingest([str(folder / name) for name in ("a.txt", "b.txt", "c.txt")])
    assert (report.stored, report.skipped) == (0, 3)  # nothing extracted again
    assert old.events() == store.events()
    assert old.events(person="Truman", start="1951") == store.events(person="Truman", start="1951")
    assert old.counts() == store.counts()
    with connect(copy, read_only=True) as connection:
        assert connection.execute("SELECT count(*) FROM duckdb_indexes()").fetchone() == (5,)
