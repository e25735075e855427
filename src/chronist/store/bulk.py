"""Building the store from a Parquet shard in bulk: one transaction per shard.

The merge step of a distributed ingest (:mod:`chronist.store.distributed`)
reads from a shard only the columns merging needs (entities, participants,
entity mentions, event mentions), merges its documents one by one, **in input
order**, into the writer's in-memory index (:meth:`Writer.assign`, the same
code as the local engine's, so ids and merged events come out the same), and
then commits the whole shard in **one transaction**: DuckDB copies every
document table from its Parquet file (``INSERT ... SELECT FROM read_parquet``)
with the entity ids, merged event ids and commit order joined in, and the
merged events and entities the shard changed are written once. The shard's
full-text entries are written before, in one SQLite transaction.

Nothing lost, nothing twice: a document is committed together with all its
rows; a crash loses at most the shard being committed, whose folder stays until
the whole ingest is done, so the next run merges it again (its stale full-text
entries are replaced, never doubled).
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chronist.store.rows import Row
from chronist.store.schema import DOCUMENT_TABLES, columns
from chronist.store.writer import _LOADED, _insert

if TYPE_CHECKING:
    from chronist.store.shards import Status
    from chronist.store.writer import Writer

__all__ = ["merge_shard"]

# the order in which a document's rows were made (to_rows), after the commit order
ORDER = {
    "documents": "",
    "participants": "p.event_seq, p.seq",
    "evidence": "p.event_seq, p.seq",
    "entity_mentions": "p.entity_seq, p.seq",
}
# the event mention columns merging reads (those the writer loads), and the evidence text
_EVENTS = (*_LOADED[:-1], "exact")
_AT = {name: i for i, name in enumerate(_EVENTS)}
# columns the writer sets: (table, column) -> the expression filling it
_SET = {
    ("documents", "ingested_at"): "?::TIMESTAMP",
    ("documents", "ingest_seq"): "d.ingest_seq",
    ("entities", "entity"): "m.id",
    ("event_mentions", "merged"): "m.id",
}
_ORDERED = "(SELECT unnest(?::VARCHAR[]) AS doc, unnest(?::INTEGER[]) AS ingest_seq) d"
_IDS = (
    "(SELECT unnest(?::VARCHAR[]) AS doc, unnest(?::INTEGER[]) AS seq, "
    "unnest(?::INTEGER[]) AS id) m"
)


def parquet(folder: Path, table: str) -> str:
    """``read_parquet('<folder>/<table>.parquet')``, quoted for SQL."""
    return "read_parquet('" + str(folder / f"{table}.parquet").replace("'", "''") + "')"


def _by_doc(connection: Any, sql: str) -> dict[str, list[Row]]:
    found: dict[str, list[Row]] = {}
    for row in connection.execute(sql).fetchall():
        found.setdefault(row[0], []).append(tuple(row))
    return found


def _copy(table: str, folder: Path) -> str:
    """The statement copying ``table``'s rows of the committed documents from the shard."""
    names = ", ".join(_SET.get((table, c), f'p."{c}"') for c in columns(table))
    ids = f" JOIN {_IDS} ON p.doc = m.doc AND p.seq = m.seq" if table in (
        "entities", "event_mentions"
    ) else ""  # fmt: skip
    order = ", ".join(o for o in ("d.ingest_seq", ORDER.get(table, "p.seq")) if o)
    return (
        f"INSERT INTO {table} SELECT {names} FROM {parquet(folder, table)} p "
        f"JOIN {_ORDERED} ON p.doc = d.doc{ids} ORDER BY {order}"
    )


class _Batch:
    """What one shard commits: documents in commit order, their ids, full-text entries."""

    def __init__(self) -> None:
        self.order: dict[str, int] = {}  # doc -> ingest_seq
        self.entities: dict[str, list[tuple[int, int]]] = {}  # doc -> (seq, entity id)
        self.events: dict[str, list[tuple[int, int]]] = {}  # doc -> (seq, merged id)
        self.fulltext: dict[str, tuple[str, str | None, str, list[tuple[int, str]]]] = {}
        self.gone: list[str] = []  # stored documents replaced by this shard's

    def drop(self, doc: str) -> None:
        """A document of this shard replaced by a later one of the same name."""
        for found in (self.order, self.entities, self.events, self.fulltext):
            found.pop(doc, None)

    def ids(self, found: dict[str, list[tuple[int, int]]]) -> list[list[Any]]:
        pairs = [(doc, seq, id_) for doc, rows in found.items() for seq, id_ in rows]
        return [[p[0] for p in pairs], [p[1] for p in pairs], [p[2] for p in pairs]]


def merge_shard(writer: Writer, connection: Any, folder: Path) -> list[tuple[Status, str]]:
    """Merge and commit one shard; each input in order with what became of it
    (``stored``, ``replaced``, ``skipped``, ``duplicate`` or ``failed``)."""
    from chronist.store.shards import Status

    statuses = [
        Status(*row)
        for row in connection.execute(
            f"SELECT name, doc, status, message FROM {parquet(folder, 'status')} ORDER BY position"
        ).fetchall()
    ]
    results: list[tuple[Status, str]] = []
    if not any(s.status == "extracted" and s.doc not in writer.by_doc for s in statuses):
        for status in statuses:
            results.append((status, _known(writer, status)))
        return results
    writer.prepare(connection)
    entities = _by_doc(
        connection,
        "SELECT doc, seq, type, text, gazetteer_id, lat, lon "
        f"FROM {parquet(folder, 'entities')} ORDER BY doc, seq",
    )
    participants = _by_doc(
        connection,
        f"SELECT doc, event_seq, entity FROM {parquet(folder, 'participants')} "
        "WHERE entity IS NOT NULL ORDER BY doc, event_seq, seq",
    )
    mentioned = _by_doc(
        connection,
        f"SELECT doc, entity_seq FROM {parquet(folder, 'entity_mentions')} "
        "ORDER BY doc, entity_seq, seq",
    )
    events = _by_doc(
        connection,
        f"SELECT {', '.join(_EVENTS)} FROM {parquet(folder, 'event_mentions')} ORDER BY doc, seq",
    )
    texts = {
        row[0]: (row[1], row[2])
        for row in connection.execute(
            f"SELECT doc, title, text FROM {parquet(folder, 'documents')}"
        ).fetchall()
    }
    batch = _Batch()
    for status in statuses:
        doc = status.doc
        if status.status != "extracted" or doc is None or doc in writer.by_doc:
            results.append((status, _known(writer, status)))
            continue
        old = writer.by_name.get(status.name)
        if old is not None:
            writer.index.remove_document(old)
            writer.by_doc.pop(old, None)
            if old in batch.order:
                batch.drop(old)
            else:
                batch.gone.append(old)
        found = events.get(doc, [])
        ids, merged = writer.assign(
            doc,
            [row[1:] for row in entities.get(doc, [])],
            [(row[1], row[2]) for row in participants.get(doc, [])],
            [row[1] for row in mentioned.get(doc, [])],
            found,
            _AT,
        )
        writer.next_seq += 1
        batch.order[doc] = writer.next_seq
        batch.entities[doc] = sorted(ids.items())
        batch.events[doc] = [(row[1], m) for row, m in zip(found, merged, strict=True)]
        label, exact = _AT["label"], _AT["exact"]
        title, text = texts[doc]
        evidence = [(row[1], f"{row[label]} {row[exact]}") for row in found]
        batch.fulltext[doc] = (doc, title, text, evidence)
        writer.by_name[status.name] = doc
        writer.by_doc[doc] = status.name
        results.append((status, "replaced" if old is not None else "stored"))
    _commit(writer, connection, folder, batch)
    return results


def _known(writer: Writer, status: Status) -> str:
    if status.status == "failed":
        return "failed"
    return "skipped" if writer.by_doc.get(status.doc or "") == status.name else "duplicate"


def _commit(writer: Writer, connection: Any, folder: Path, batch: _Batch) -> None:
    """The shard's full-text entries, then its rows and merges in one transaction."""
    merged_rows, links, merged_ids = writer.index.take_dirty()
    index = writer.index.entities
    changed = sorted(index.dirty)
    index.dirty.clear()
    writer.fulltext.replace_many(batch.gone, list(batch.fulltext.values()))
    now = datetime.datetime.now(datetime.UTC).replace(tzinfo=None)
    ordered = [list(batch.order), list(batch.order.values())]
    connection.execute("BEGIN TRANSACTION")
    try:
        if batch.gone:
            for table in DOCUMENT_TABLES:
                connection.execute(
                    f"DELETE FROM {table} WHERE doc IN (SELECT unnest(?))", [batch.gone]
                )
        if batch.order:
            for table in DOCUMENT_TABLES:
                params: list[Any] = [now] if table == "documents" else []
                params += ordered
                if table == "entities":
                    params += batch.ids(batch.entities)
                elif table == "event_mentions":
                    params += batch.ids(batch.events)
                connection.execute(_copy(table, folder), params)
        if merged_ids:
            ids = sorted(merged_ids)
            for table in ("merged_events", "merged_event_entities"):
                connection.execute(f"DELETE FROM {table} WHERE merged IN (SELECT unnest(?))", [ids])
        _insert(connection, "merged_events", merged_rows)
        _insert(connection, "merged_event_entities", links)
        if changed:
            connection.execute(
                "DELETE FROM merged_entities WHERE entity IN (SELECT unnest(?))", [changed]
            )
            _insert(connection, "merged_entities", [index.row(e) for e in changed])
        connection.execute("COMMIT")
    except Exception:
        connection.execute("ROLLBACK")
        raise
