"""The store's tables (DuckDB), its schema version, and opening the file.

The schema is documented for users in the README ("The corpus store"); every
table is plain SQL that DuckDB's own CLI reads. ``doc`` is a document's id
(the first 16 hex digits of the SHA-256 of its bytes and extraction options);
dates are ISO strings with astronomical years as in schema 1 (``-0043-03-15``),
and the merged tables add integer day keys (``year * 10000 + month * 100 + day``)
so that periods filter with plain comparisons.

A DuckDB file has one writing process and, while it is open for writing, no
other process may open it. The store therefore never keeps the file open:
every operation opens it, works and closes it (:func:`connect`), and waits for
its turn if another process holds it, up to ``timeout`` seconds.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from chronist.errors import StoreError

if TYPE_CHECKING:
    import duckdb

__all__ = [
    "DOCUMENT_TABLES",
    "SCHEMA_VERSION",
    "TABLES",
    "columns",
    "connect",
    "day_key",
    "duckdb_module",
]

SCHEMA_VERSION = 2
DEFAULT_TIMEOUT = 60.0
_T = TypeVar("_T")
_UPGRADE = "; any 'chronist ingest ... --store {path}' upgrades it (nothing is extracted again)"

_BOUNDS = "earliest_begin VARCHAR, latest_begin VARCHAR, earliest_end VARCHAR, latest_end VARCHAR"

# name -> column definitions; the order of the columns is the order of the row tuples.
TABLES: dict[str, str] = {
    "meta": "key VARCHAR, value VARCHAR",
    "documents": (
        "doc VARCHAR, name VARCHAR, title VARCHAR, lang VARCHAR, kind VARCHAR, dct VARCHAR, "
        "source VARCHAR, text VARCHAR, chars INTEGER, ingested_at TIMESTAMP, ingest_seq INTEGER"
    ),
    "timexes": (
        'doc VARCHAR, seq INTEGER, tid VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR, '
        f"type VARCHAR, value VARCHAR, mod VARCHAR, edtf VARCHAR, {_BOUNDS}, rule VARCHAR, "
        "anchor VARCHAR, anchor_tid VARCHAR, role VARCHAR, extra VARCHAR"
    ),
    "entities": (
        'doc VARCHAR, seq INTEGER, text VARCHAR, type VARCHAR, start INTEGER, "end" INTEGER, '
        "lat DOUBLE, lon DOUBLE, gazetteer_id VARCHAR, entity INTEGER, extra VARCHAR"
    ),
    "entity_mentions": (
        'doc VARCHAR, entity_seq INTEGER, seq INTEGER, text VARCHAR, start INTEGER, "end" INTEGER'
    ),
    "event_mentions": (
        "doc VARCHAR, seq INTEGER, id VARCHAR, label VARCHAR, type VARCHAR, "
        "trigger_text VARCHAR, lemma VARCHAR, trigger_start INTEGER, trigger_end INTEGER, "
        "particle_start INTEGER, has_place BOOLEAN, place_text VARCHAR, place_start INTEGER, "
        "place_end INTEGER, place_entity INTEGER, place_lat DOUBLE, place_lon DOUBLE, "
        f"place_gazetteer_id VARCHAR, time_value VARCHAR, edtf VARCHAR, {_BOUNDS}, "
        "time_source VARCHAR, timex VARCHAR, reference VARCHAR, time_text VARCHAR, "
        'confidence DOUBLE, modality VARCHAR, start INTEGER, "end" INTEGER, exact VARCHAR, '
        "prefix VARCHAR, suffix VARCHAR, merged INTEGER"
    ),
    "participants": (
        "doc VARCHAR, event_seq INTEGER, seq INTEGER, text VARCHAR, role VARCHAR, start INTEGER, "
        '"end" INTEGER, entity INTEGER'
    ),
    "evidence": (
        'doc VARCHAR, event_seq INTEGER, seq INTEGER, start INTEGER, "end" INTEGER, '
        "exact VARCHAR, prefix VARCHAR, suffix VARCHAR, merged INTEGER"
    ),
    "anchors": (
        'doc VARCHAR, seq INTEGER, id VARCHAR, name VARCHAR, start INTEGER, "end" INTEGER, '
        f"text VARCHAR, edtf VARCHAR, {_BOUNDS}, source VARCHAR"
    ),
    "merged_events": (
        "merged INTEGER, label VARCHAR, type VARCHAR, lemma VARCHAR, time_value VARCHAR, "
        f"edtf VARCHAR, {_BOUNDS}, time_source VARCHAR, time_text VARCHAR, begin_key INTEGER, "
        "end_key INTEGER, sources INTEGER, mentions INTEGER, readings INTEGER, "
        "hypothetical BOOLEAN"
    ),
    "merged_event_entities": "merged INTEGER, entity INTEGER, role VARCHAR",
    "merged_entities": (
        "entity INTEGER, type VARCHAR, name VARCHAR, gazetteer_id VARCHAR, lat DOUBLE, lon DOUBLE"
    ),
}

# The indexes reads look rows up by (DuckDB's ART): a merged event's head, mentions,
# evidence and entities are a few rows among many, fetched without reading the rest.
INDEXES: dict[str, str] = {
    "merged_events_merged": "merged_events (merged)",
    "event_mentions_merged": "event_mentions (merged)",
    "evidence_merged": "evidence (merged)",
    "merged_event_entities_merged": "merged_event_entities (merged)",
    "merged_entities_entity": "merged_entities (entity)",
}

# version -> the statements that bring a store of that version to the next one
_MIGRATIONS: dict[str, list[str]] = {
    "1": [
        # 2: evidence rows carry their merged event; indexes for the reads
        # (rewritten, not updated: DuckDB builds no index in a transaction that updated rows)
        "CREATE TABLE evidence_2 AS SELECT v.*, e.merged FROM evidence v LEFT JOIN "
        "event_mentions e ON e.doc = v.doc AND e.seq = v.event_seq ORDER BY v.rowid",
        "DROP TABLE evidence",
        "ALTER TABLE evidence_2 RENAME TO evidence",
        *(f"CREATE INDEX IF NOT EXISTS {name} ON {on}" for name, on in INDEXES.items()),
        "UPDATE meta SET value = '2' WHERE key = 'schema_version'",
    ],
}

# Tables holding one document's rows, deleted and written together.
DOCUMENT_TABLES = (
    "documents",
    "timexes",
    "entities",
    "entity_mentions",
    "event_mentions",
    "participants",
    "evidence",
    "anchors",
)


def duckdb_module() -> Any:
    """The ``duckdb`` module, or a one-line :class:`StoreError` if it is not installed."""
    try:
        import duckdb
    except ImportError:
        raise StoreError("the corpus store needs DuckDB: pip install 'chronist[store]'") from None
    return duckdb


# the keys are 32-bit columns: a day before 214,748 BC (``vor 500.000 Jahren``) or after
# AD 214,748 gets the first or last key, and sorts before or after every other day
KEY_LIMIT = 2**31 - 1


def day_key(iso: str | None) -> int | None:
    """An ISO day (astronomical year) as a sortable integer.

    >>> day_key("1950-06-25"), day_key("-0043-03-15")
    (19500625, -429685)
    >>> day_key("-498051-01-01") == -KEY_LIMIT
    True
    """
    if iso is None:
        return None
    sign = -1 if iso.startswith("-") else 1
    year, month, day = iso.lstrip("-").split("-")
    key = sign * int(year) * 10000 + int(month) * 100 + int(day)
    return max(-KEY_LIMIT, min(KEY_LIMIT, key))


def _create(connection: duckdb.DuckDBPyConnection) -> None:
    try:  # an existing store: only its version to check (cheaper than creating)
        found = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except duckdb_module().CatalogException:
        found = None
    if found is not None and found[0] == str(SCHEMA_VERSION):
        return
    if found is not None:
        _migrate(connection, found[0])
        return
    connection.execute("BEGIN TRANSACTION")
    for name, columns in TABLES.items():
        connection.execute(f"CREATE TABLE IF NOT EXISTS {name} ({columns})")
    for name, on in INDEXES.items():
        connection.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {on}")
    connection.execute(
        "INSERT INTO meta VALUES ('schema_version', ?), ('created_by', 'chronist')",
        [str(SCHEMA_VERSION)],
    )
    connection.execute("COMMIT")


def _migrate(connection: duckdb.DuckDBPyConnection, version: str) -> None:
    """Bring a store of an older schema version to this one, each step one transaction."""
    connection.execute("SET enable_progress_bar = false")  # DuckDB's own, on stdout
    while version != str(SCHEMA_VERSION):
        if version not in _MIGRATIONS:
            raise StoreError(
                f"store schema version {version}, this chronist reads {SCHEMA_VERSION}"
            )
        connection.execute("BEGIN TRANSACTION")
        try:
            for statement in _MIGRATIONS[version]:
                connection.execute(statement)
            connection.execute("COMMIT")
        except Exception:
            connection.execute("ROLLBACK")
            raise
        version = str(int(version) + 1)


def _is_lock_error(error: Exception) -> bool:
    text = str(error)
    return "lock" in text.lower() or "being used by another process" in text


def _lock_wait(path: Path, timeout: float, open_: Callable[[], _T]) -> _T:
    """``open_()``, retried while another process holds the file (up to ``timeout`` s)."""
    duckdb = duckdb_module()
    deadline = time.monotonic() + timeout
    pause = 0.01
    while True:
        try:
            return open_()
        except duckdb.Error as error:
            if not _is_lock_error(error):
                raise StoreError(f"{path}: not a chronist store ({error})") from None
            if time.monotonic() > deadline:
                raise StoreError(
                    f"{path}: busy (another process has held it for {timeout:.0f} s)"
                ) from None
            time.sleep(pause)
            pause = min(pause * 2, 0.2)


def _check_version(path: Path, connection: duckdb.DuckDBPyConnection) -> None:
    version = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if version is None or version[0] != str(SCHEMA_VERSION):
        found = None if version is None else version[0]
        raise StoreError(
            f"{path}: store schema version {found}, this chronist reads {SCHEMA_VERSION}"
            + (_UPGRADE.format(path=path) if found in _MIGRATIONS else "")
        )


class _Readers(threading.local):
    """Per thread: one in-memory DuckDB that attaches a store's file for each read."""

    def __init__(self) -> None:
        self.connection: duckdb.DuckDBPyConnection | None = None
        self.pid = 0
        self.attached: list[str] = []  # aliases of the reads in progress, innermost last

    def base(self) -> duckdb.DuckDBPyConnection:
        if self.connection is None or self.pid != os.getpid():  # not one inherited by fork
            self.connection = duckdb_module().connect(":memory:")
            self.pid = os.getpid()
            self.attached = []
        return self.connection


_READERS = _Readers()


@contextmanager
def _read(path: Path, timeout: float) -> Iterator[duckdb.DuckDBPyConnection]:
    """The store attached read-only to this thread's in-memory DuckDB, detached after.

    Opening a DuckDB database (its catalogue of functions, its threads) costs
    tens of milliseconds; attaching a file to one kept open costs a few. The
    file itself is held only while attached, as with a connection of its own.
    """
    if not path.exists():
        raise StoreError(f"{path}: no such store; create it with 'chronist ingest ... --store'")
    duckdb = duckdb_module()
    base = _READERS.base()
    alias = f"chronist_store_{len(_READERS.attached)}"
    target = str(path).replace("'", "''")
    _lock_wait(path, timeout, lambda: base.execute(f"ATTACH '{target}' AS {alias} (READ_ONLY)"))
    _READERS.attached.append(alias)
    try:
        base.execute(f"USE {alias}")
        _check_version(path, base)
        yield base
    except duckdb.CatalogException as error:
        raise StoreError(f"{path}: not a chronist store ({error})") from None
    finally:
        _READERS.attached.pop()
        base.execute(f"USE {_READERS.attached[-1] if _READERS.attached else 'memory'}")
        base.execute(f"DETACH {alias}")


@contextmanager
def connect(
    path: Path, *, read_only: bool, timeout: float = DEFAULT_TIMEOUT
) -> Iterator[duckdb.DuckDBPyConnection]:
    """The store's file, opened for this operation and closed after it.

    Waits (up to ``timeout`` seconds) while another process holds the file. A
    writer upgrades a store of an older schema version; a reader refuses it.
    """
    if read_only:
        with _read(path, timeout) as connection:
            yield connection
        return
    duckdb = duckdb_module()
    connection = _lock_wait(path, timeout, lambda: duckdb.connect(str(path)))
    try:
        _create(connection)
        yield connection
    except duckdb.CatalogException as error:
        raise StoreError(f"{path}: not a chronist store ({error})") from None
    finally:
        connection.close()


def columns(table: str) -> list[str]:
    """The column names of a table, in order.

    >>> columns("merged_event_entities")
    ['merged', 'entity', 'role']
    """
    return [part.split()[0].strip('"') for part in TABLES[table].split(", ")]
