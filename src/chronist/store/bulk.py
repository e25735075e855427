"""Building the store from Parquet shards in bulk: one transaction per batch of shards.

The merge step of a distributed ingest (:mod:`chronist.store.distributed`)
reads from each shard only the columns merging needs (entities, participants,
entity mentions, event mentions), merges its documents one by one, **in input
order**, into the writer's in-memory index (:meth:`Writer.assign`, the same
code as the local engine's, so ids and merged events come out the same), and
then commits the batch (the shards that were ready together) in **one
transaction**: DuckDB copies every document table from its Parquet file
(``INSERT ... SELECT FROM read_parquet``), the writer's entity ids, merged
event ids and commit order joined in by row position, and the merged events
and entities the batch changed are written once. The batch's full-text entries
are written just before, in one SQLite transaction.

Nothing lost, nothing twice: a document is committed together with all its
rows; a crash loses at most the batch being committed, whose shards stay until
the whole ingest is done, so the next run merges them again (their stale
full-text entries are replaced, never doubled).
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

__all__ = ["merge_shards"]

# the event mention columns merging reads (those the writer loads), and the evidence text
_EVENTS = (*_LOADED[:-1], "exact")
_AT = {name: i for i, name in enumerate(_EVENTS)}
# columns the writer sets: (table, column) -> the expression filling it
_SET = {
    ("documents", "ingested_at"): "?::TIMESTAMP",
    ("documents", "ingest_seq"): "m.id",
    ("entities", "entity"): "m.id",
    ("event_mentions", "merged"): "m.id",
    ("evidence", "merged"): "m.id",
}


def parquet(folder: Path, table: str) -> str:
    """``read_parquet('<folder>/<table>.parquet')``, quoted for SQL."""
    return "read_parquet('" + str(folder / f"{table}.parquet").replace("'", "''") + "')"


def _copy(table: str, folder: Path, *, everything: bool) -> str:
    """The statement copying ``table``'s rows from a shard: the writer's ids joined in
    by position (the rows in the shard's order), only the committed documents'."""
    names = ", ".join(_SET.get((table, c), f'p."{c}"') for c in columns(table))
    ids = any(t == table for t, _c in _SET)
    return (
        f"INSERT INTO {table} SELECT {names} FROM {parquet(folder, table)} p"
        + (" POSITIONAL JOIN (SELECT unnest(?::INTEGER[]) AS id) m" if ids else "")
        + ("" if everything else " WHERE p.doc IN (SELECT unnest(?::VARCHAR[]))")
    )


class _Shard:
    """One shard's inputs, and what merging reads of it, in the order of its files."""

    def __init__(self, connection: Any, folder: Path) -> None:
        from chronist.store.shards import Status

        self.folder = folder
        self.statuses = [
            Status(*row)
            for row in connection.execute(
                f"SELECT name, doc, status, message FROM {parquet(folder, 'status')} "
                "ORDER BY position"
            ).fetchall()
        ]
        self.docs: list[str] = []  # the rows of documents, entities and event_mentions
        self.entity_keys: list[tuple[str, int]] = []
        self.event_keys: list[tuple[str, int]] = []
        self.evidence_keys: list[tuple[str, int]] = []  # (doc, event seq) of each evidence row
        self.entities: dict[str, list[Row]] = {}
        self.participants: dict[str, list[Row]] = {}
        self.mentioned: dict[str, list[Row]] = {}
        self.events: dict[str, list[Row]] = {}
        self.texts: dict[str, tuple[str | None, str]] = {}
        self.langs: dict[str, str] = {}
        self.written: set[str] = set()  # the documents this shard commits

    def read(self, connection: Any) -> None:
        def rows(sql: str, table: str) -> list[Row]:
            found: list[Row] = connection.execute(
                sql.format(source=parquet(self.folder, table))
            ).fetchall()
            return found

        for doc, title, text, lang in rows(
            "SELECT doc, title, text, lang FROM {source}", "documents"
        ):
            self.docs.append(doc)
            self.texts[doc] = (title, text)
            self.langs[doc] = lang
        sql = "SELECT doc, seq, type, text, gazetteer_id, lat, lon FROM {source}"
        for row in rows(sql, "entities"):
            self.entity_keys.append((row[0], row[1]))
            self.entities.setdefault(row[0], []).append(row)
        for row in rows("SELECT doc, event_seq, entity FROM {source}", "participants"):
            if row[2] is not None:
                self.participants.setdefault(row[0], []).append(row)
        sql = 'SELECT doc, entity_seq, start, "end" FROM {source}'
        for row in rows(sql, "entity_mentions"):
            self.mentioned.setdefault(row[0], []).append(row)
        sql = "SELECT " + ", ".join(f'"{c}"' for c in _EVENTS) + " FROM {source}"
        for row in rows(sql, "event_mentions"):
            self.event_keys.append((row[0], row[1]))
            self.events.setdefault(row[0], []).append(row)
        for doc, event_seq in rows("SELECT doc, event_seq FROM {source}", "evidence"):
            self.evidence_keys.append((doc, event_seq))


class _Batch:
    """What one transaction commits: documents in commit order, their ids, full-text entries."""

    def __init__(self) -> None:
        self.order: dict[str, int] = {}  # doc -> ingest_seq
        self.entities: dict[tuple[str, int], int] = {}  # (doc, seq) -> entity id
        self.events: dict[tuple[str, int], int] = {}  # (doc, seq) -> merged id
        self.fulltext: dict[str, tuple[str, str | None, str, list[tuple[int, str]]]] = {}
        self.gone: list[str] = []  # stored documents replaced by this batch's


def merge_shards(writer: Writer, connection: Any, folders: list[Path]) -> list[tuple[Status, str]]:
    """Merge and commit shards in one transaction; each input in order with what became
    of it (``stored``, ``replaced``, ``skipped``, ``duplicate`` or ``failed``)."""
    shards = [_Shard(connection, folder) for folder in folders]
    results: list[tuple[Status, str]] = []
    batch = _Batch()
    for shard in shards:
        if any(s.status == "extracted" and s.doc not in writer.by_doc for s in shard.statuses):
            writer.prepare(connection)
            shard.read(connection)
        for status in shard.statuses:
            doc = status.doc
            if status.status != "extracted" or doc is None or doc in writer.by_doc:
                results.append((status, _known(writer, status)))
                continue
            old = _replace(writer, batch, shards, status.name)
            _merge_document(writer, batch, shard, doc)
            writer.by_name[status.name] = doc
            writer.by_doc[doc] = status.name
            results.append((status, "replaced" if old is not None else "stored"))
    if batch.order or batch.gone:
        _commit(writer, connection, shards, batch)
    return results


def _replace(writer: Writer, batch: _Batch, shards: list[_Shard], name: str) -> str | None:
    """Take the document stored under ``name`` out (it is replaced); its id."""
    old = writer.by_name.get(name)
    if old is None:
        return None
    writer.index.remove_document(old)
    writer.by_doc.pop(old, None)
    if old in batch.order:  # committed by this batch: not written at all
        del batch.order[old]
        batch.fulltext.pop(old, None)
        for shard in shards:
            shard.written.discard(old)
    else:
        batch.gone.append(old)
    return old


def _merge_document(writer: Writer, batch: _Batch, shard: _Shard, doc: str) -> None:
    found = shard.events.get(doc, [])
    ids, merged = writer.assign(
        doc,
        shard.langs[doc],
        [row[1:] for row in shard.entities.get(doc, [])],
        [(row[1], row[2]) for row in shard.participants.get(doc, [])],
        [row[1:] for row in shard.mentioned.get(doc, [])],
        found,
        _AT,
    )
    writer.next_seq += 1
    batch.order[doc] = writer.next_seq
    shard.written.add(doc)
    for seq, entity in ids.items():
        batch.entities[(doc, seq)] = entity
    for row, merged_id in zip(found, merged, strict=True):
        batch.events[(doc, row[1])] = merged_id
    label, exact = _AT["label"], _AT["exact"]
    title, text = shard.texts[doc]
    evidence = [(row[1], f"{row[label]} {row[exact]}") for row in found]
    batch.fulltext[doc] = (doc, title, text, evidence)


def _known(writer: Writer, status: Status) -> str:
    if status.status == "failed":
        return "failed"
    return "skipped" if writer.by_doc.get(status.doc or "") == status.name else "duplicate"


def _commit(writer: Writer, connection: Any, shards: list[_Shard], batch: _Batch) -> None:
    """The batch's full-text entries, then its rows and merges in one transaction."""
    merged_rows, links, merged_ids = writer.index.take_dirty()
    index = writer.index.entities
    changed = sorted(index.dirty)
    index.dirty.clear()
    writer.fulltext.replace_many(batch.gone, list(batch.fulltext.values()))
    now = datetime.datetime.now(datetime.UTC).replace(tzinfo=None)
    connection.execute("BEGIN TRANSACTION")
    try:
        if batch.gone:
            for table in DOCUMENT_TABLES:
                connection.execute(
                    f"DELETE FROM {table} WHERE doc IN (SELECT unnest(?))", [batch.gone]
                )
        for shard in shards:
            if shard.written:
                _copy_shard(connection, shard, batch, now)
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
    writer.note(merged_ids, changed, [*batch.order, *batch.gone])
    writer.publish(connection)


def _copy_shard(connection: Any, shard: _Shard, batch: _Batch, now: datetime.datetime) -> None:
    """Copy the rows of the documents a shard commits, with the writer's ids."""
    everything = shard.written.issuperset(shard.docs)
    ids: dict[str, list[Any]] = {
        "documents": [batch.order.get(doc) for doc in shard.docs],
        "entities": [batch.entities.get(key) for key in shard.entity_keys],
        "event_mentions": [batch.events.get(key) for key in shard.event_keys],
        "evidence": [batch.events.get(key) for key in shard.evidence_keys],
    }
    for table in DOCUMENT_TABLES:
        params: list[Any] = [now] if table == "documents" else []
        if table in ids:
            params.append(ids[table])
        if not everything:
            params.append(sorted(shard.written))
        connection.execute(_copy(table, shard.folder, everything=everything), params)
