"""The read copy beside the store: what a merged event's JSON is made of, by merged id.

DuckDB reads columns, not rows: fetching the mentions of a few hundred merged
events scans the ``merged`` column of every evidence row, and building
thousands of events costs more in fetching rows than in the query. Reads of
merged events therefore look their rows up in ``<store>.read.sqlite``, a
SQLite file (WAL mode, B-tree indexes on the merged id) holding four tables:

``head``
    ``merged_events`` (the event's label, type, lemma, best time, sources)
``said``
    ``evidence`` of each merged event with its document's name and the time of
    its mention (the readings)
``link``
    ``merged_event_entities``
``ent``
    ``merged_entities``

It is a copy, never the record: the writer refreshes the rows of the merged
events, documents and entities a burst of commits changed, after committing
them to DuckDB and while it still holds the file. ``meta.stamp`` says which
state of the store it copies (the number of documents and the last commit);
a reader uses the copy only when its stamp is the store's, otherwise it reads
DuckDB (slower, same result), and the next ``chronist ingest`` rebuilds it.
Deleting the file loses nothing.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

__all__ = ["HEAD", "HEAD_OF", "SAID", "SAID_OF", "ReadMirror", "stamp_of"]

_TIME = "time_value, edtf, earliest_begin, latest_begin, earliest_end, latest_end"
HEAD = f"merged, label, type, lemma, {_TIME}, time_source, time_text, sources, hypothetical"
SAID = (
    'merged, doc, event_seq, seq, start, "end", exact, prefix, suffix, name, '
    f"{_TIME}, time_source, time_text, confidence"
)
LINK = "merged, entity, role"
ENT = "entity, type, name, gazetteer_id, lat, lon"

_COLUMNS = {"head": HEAD, "said": SAID, "link": LINK, "ent": ENT}
_TABLES = {
    "head": f"CREATE TABLE IF NOT EXISTS head ({HEAD}, PRIMARY KEY (merged))",
    "said": f"CREATE TABLE IF NOT EXISTS said ({SAID})",
    "link": f"CREATE TABLE IF NOT EXISTS link ({LINK})",
    "ent": f"CREATE TABLE IF NOT EXISTS ent ({ENT}, PRIMARY KEY (entity))",
}
_INDEXES = (
    "CREATE INDEX IF NOT EXISTS said_merged ON said (merged)",
    "CREATE INDEX IF NOT EXISTS said_doc ON said (doc)",
    "CREATE INDEX IF NOT EXISTS link_merged ON link (merged)",
)

# an evidence sentence with its document's name and its mention's time, from
# evidence ``v`` and event mentions ``e`` (which the queries below narrow)
_SENTENCES = (
    'SELECT v.merged, v.doc, v.event_seq, v.seq, v.start, v."end", v.exact, v.prefix, '
    "v.suffix, d.name, e.time_value, e.edtf, e.earliest_begin, e.latest_begin, "
    "e.earliest_end, e.latest_end, e.time_source, e.time_text, e.confidence FROM {evidence} v "
    "JOIN documents d ON d.doc = v.doc "
    "JOIN {mentions} e ON e.doc = v.doc AND e.seq = v.event_seq"
)
_ALL = {
    "head": f"SELECT {HEAD} FROM merged_events",
    "said": _SENTENCES.format(evidence="evidence", mentions="event_mentions"),
    "link": f"SELECT {LINK} FROM merged_event_entities",
    "ent": f"SELECT {ENT} FROM merged_entities",
}
_OF_EVENTS = " WHERE merged IN (SELECT unnest(?))"
# the same rows from DuckDB, for the merged events (entities) given as the parameter
_FROM_STORE = {
    "head": _ALL["head"] + _OF_EVENTS,
    "said": _ALL["said"] + " WHERE v.merged IN (SELECT unnest(?))",
    # a document's sentences: once committed they never change, nor does their merged event
    "said_of_documents": _SENTENCES.format(
        evidence="(SELECT * FROM evidence WHERE doc IN (SELECT unnest(?)))",
        mentions="(SELECT * FROM event_mentions WHERE doc IN (SELECT unnest(?)))",
    ),
    "link": _ALL["link"] + _OF_EVENTS,
    "ent": _ALL["ent"] + " WHERE entity IN (SELECT unnest(?))",
}
HEAD_OF = _FROM_STORE["head"]
SAID_OF = _FROM_STORE["said"]
_BATCH = 50_000
# the layout of the copy: a copy of another layout counts as no copy (rebuilt by the
# next ingest; readers meanwhile read DuckDB)
_FORMAT = "2"


def stamp_of(connection: Any) -> str:
    """The state of the store a copy must match: documents and the last commit's number."""
    count, last = connection.execute("SELECT count(*), max(ingest_seq) FROM documents").fetchone()
    return f"{count}:{last}"


class ReadMirror:
    """The read copy of one store (opened per operation, like the store)."""

    def __init__(self, store: Path) -> None:
        self.path = store.with_name(store.name + ".read.sqlite")

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        return connection

    def stamp(self) -> str | None:
        """The state of the store the copy holds, or ``None`` (no copy yet)."""
        if not self.path.exists():
            return None
        connection = self._connect()
        try:
            return _stamp(connection)
        finally:
            connection.close()

    def refresh(
        self,
        store: Any,
        before: str | None,
        events: Iterable[int] = (),
        entities: Iterable[int] = (),
        documents: Iterable[str] = (),
    ) -> str:
        """Bring the copy to the state of the open ``store`` connection; its stamp.

        ``before`` is the store's stamp before the commits that changed merged
        ``events`` and ``entities`` and stored or removed ``documents``: when the copy holds it,
        only those rows are copied again; otherwise (no copy yet, a crash
        between commit and copy, an older chronist's ingest) the whole copy is
        rebuilt.
        """
        now = stamp_of(store)
        connection = self._connect()
        try:
            connection.execute("BEGIN IMMEDIATE")
            try:
                held = _stamp(connection)
                if held != before or before is None:
                    _rebuild(connection, store)
                elif held != now:
                    _update(
                        connection, store, sorted(set(events)), sorted(set(entities)),
                        sorted(set(documents)),
                    )  # fmt: skip
                _set_stamp(connection, now)
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
        finally:
            connection.close()
        return now

    def reader(self, stamp: str) -> sqlite3.Connection | None:
        """A connection reading the copy in one snapshot, if it holds state ``stamp``."""
        if not self.path.exists():
            return None
        connection = self._connect()
        connection.execute("BEGIN")
        try:
            if _stamp(connection) == stamp:
                return connection
        except sqlite3.Error:
            pass
        connection.close()
        return None


def _stamp(connection: sqlite3.Connection) -> str | None:
    try:
        found = dict(connection.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.OperationalError:  # an empty file: no tables yet
        return None
    if found.get("format") != _FORMAT or "stamp" not in found:
        return None
    return str(found["stamp"])


def _set_stamp(connection: sqlite3.Connection, stamp: str) -> None:
    connection.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
    connection.execute("INSERT OR REPLACE INTO meta VALUES ('stamp', ?)", (stamp,))
    connection.execute("INSERT OR REPLACE INTO meta VALUES ('format', ?)", (_FORMAT,))


def _insert(connection: sqlite3.Connection, table: str, cursor: Any) -> None:
    marks = ", ".join("?" for _ in _COLUMNS[table].split(","))
    while rows := cursor.fetchmany(_BATCH):
        connection.executemany(f"INSERT OR REPLACE INTO {table} VALUES ({marks})", rows)


def _rebuild(connection: sqlite3.Connection, store: Any) -> None:
    for table in _TABLES:
        connection.execute(f"DROP TABLE IF EXISTS {table}")
    for table, create in _TABLES.items():
        connection.execute(create)
        _insert(connection, table, store.execute(_ALL[table]))
    for index in _INDEXES:
        connection.execute(index)


def _update(
    connection: sqlite3.Connection,
    store: Any,
    events: list[int],
    entities: list[int],
    documents: list[str],
) -> None:
    """Copy the heads and links of ``events``, the rows of ``entities``, and the
    sentences of ``documents`` (stored or gone: a sentence keeps its merged event)."""
    ids = json.dumps(events)
    for table in ("head", "link"):
        connection.execute(
            f"DELETE FROM {table} WHERE merged IN (SELECT value FROM json_each(?))", (ids,)
        )
    if events:
        for table in ("head", "link"):
            _insert(connection, table, store.execute(_FROM_STORE[table], [events]))
    if documents:
        connection.execute(
            "DELETE FROM said WHERE doc IN (SELECT value FROM json_each(?))",
            (json.dumps(documents),),
        )
        found = store.execute(_FROM_STORE["said_of_documents"], [documents, documents])
        _insert(connection, "said", found)
    if entities:
        connection.execute(
            "DELETE FROM ent WHERE entity IN (SELECT value FROM json_each(?))",
            (json.dumps(entities),),
        )
        _insert(connection, "ent", store.execute(_FROM_STORE["ent"], [entities]))
