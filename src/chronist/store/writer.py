"""The one process that writes a store: merging each document in, then committing it.

:class:`Writer` keeps the cross-document :class:`~chronist.store.merge.MergeIndex`
in memory (rebuilt from the store by :meth:`Writer.load` when an ingest
starts) and commits a batch of documents per transaction with
:meth:`Writer.write_batch` (one with :meth:`Writer.write`): their rows, the
merged events and entities they changed, after their full-text entries. One
insert per table for the batch, not per document, is most of the writer's
saving. The input is the document's rows (:func:`chronist.store.rows.to_rows`),
however they were extracted: in this process, in worker processes, or read
back from Parquet shards written elsewhere.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chronist.errors import StoreError
from chronist.store.fulltext import FullText
from chronist.store.matching import load_words
from chronist.store.mention_info import entities_within, mention_of
from chronist.store.merge import MergeIndex
from chronist.store.mirror import ReadMirror, stamp_of
from chronist.store.rows import Row
from chronist.store.schema import DOCUMENT_TABLES, columns
from chronist.store.topics import topics_of

if TYPE_CHECKING:
    from chronist.store.ingest import Extracted
    from chronist.store.sources import Source

__all__ = ["Writer"]

# the columns of event_mentions merging needs, read back when an ingest starts
_LOADED = (
    "doc", "seq", "type", "lemma", "trigger_text", "label", "confidence", "modality",
    "time_value", "edtf", "earliest_begin", "latest_begin", "earliest_end", "latest_end",
    "time_source", "time_text",
    "has_place", "place_entity", "place_gazetteer_id", "place_text", "start", "end", "exact",
    "merged",
)  # fmt: skip


def _insert(connection: Any, table: str, rows: list[Row]) -> None:
    """Insert ``rows`` into ``table`` in one statement: DuckDB scans them as NumPy
    columns, several times faster than binding Python lists as parameters."""
    if not rows:
        return
    import numpy

    batch = {
        name: numpy.array(values, dtype=object)
        for name, values in zip(columns(table), zip(*rows, strict=True), strict=True)
    }
    connection.register("batch_rows", batch)
    try:
        connection.execute(f"INSERT INTO {table} SELECT * FROM batch_rows")
    finally:
        connection.unregister("batch_rows")


class Writer:
    """The one process writing a store: the merge index, and the commits."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fulltext = FullText(path)
        self.index = MergeIndex()
        self.by_name: dict[str, str] = {}
        self.by_doc: dict[str, str] = {}
        self.next_seq = 0  # documents in the order they were committed
        self.loaded = False  # the merge index, read from the store at the first write
        self.at = {name: i for i, name in enumerate(columns("event_mentions"))}
        self.mirror = ReadMirror(path)
        self.copied: str | None = None  # the store's state the read copy holds
        self.changed: tuple[set[int], set[int], set[str]] = (set(), set(), set())

    def load(self, connection: Any) -> None:
        """Read which documents are stored (the merge index waits for the first write);
        bring the read copy up to date (built in full if it is missing or stale)."""
        for doc, name, seq in connection.execute(
            "SELECT doc, name, ingest_seq FROM documents"
        ).fetchall():
            self.by_name[name] = doc
            self.by_doc[doc] = name
            self.next_seq = max(self.next_seq, seq)
        self.copied = self.mirror.refresh(connection, stamp_of(connection))

    def note(self, events: set[int], entities: list[int], documents: list[str]) -> None:
        """Remember what a commit changed (merged events and entities, documents stored
        or removed), for the read copy."""
        self.changed[0].update(events)
        self.changed[1].update(entities)
        self.changed[2].update(documents)

    def publish(self, connection: Any) -> None:
        """Copy what the commits since the last call changed into the read copy."""
        events, entities, documents = self.changed
        self.copied = self.mirror.refresh(connection, self.copied, events, entities, documents)
        self.changed = (set(), set(), set())

    def needs_index(self, batch: list[Extracted]) -> bool:
        """Whether ``batch`` holds a new document and the merge index is not loaded."""
        return not self.loaded and any(extracted.doc not in self.by_doc for extracted in batch)

    def prepare(self, connection: Any) -> None:
        """Load the merge index from the store before the first document is merged."""
        if not self.loaded:
            self._load_index(connection)

    def _load_index(self, connection: Any) -> None:
        """Rebuild the merge index from the store (an ingest that stores nothing never does)."""
        self.loaded = True
        entities = self.index.entities
        for row in connection.execute(
            "SELECT m.entity, m.type, m.gazetteer_id, m.lat, m.lon, e.text "
            "FROM merged_entities m JOIN entities e USING (entity) JOIN documents d USING (doc) "
            "ORDER BY m.entity, d.ingest_seq, e.seq"
        ).fetchall():
            entities.restore(*row)
        doc_entities: dict[tuple[str, int], int] = {
            (doc, seq): entity
            for doc, seq, entity in connection.execute(
                "SELECT doc, seq, entity FROM entities"
            ).fetchall()
        }
        people: dict[tuple[str, int], set[int]] = {}
        for doc, event_seq, entity in connection.execute(
            "SELECT doc, event_seq, entity FROM participants WHERE entity IS NOT NULL"
        ).fetchall():
            people.setdefault((doc, event_seq), set()).add(doc_entities[(doc, entity)])
        named: dict[tuple[str, int], set[int]] = {}  # who each event's sentence names
        for doc, event_seq, entity in connection.execute(
            "SELECT v.doc, v.seq, e.entity FROM event_mentions v JOIN entity_mentions m "
            'ON m.doc = v.doc AND m.start >= v.start AND m."end" <= v."end" '
            "JOIN entities e ON e.doc = m.doc AND e.seq = m.entity_seq"
        ).fetchall():
            named.setdefault((doc, event_seq), set()).add(entity)
        counts: dict[str, Counter[int]] = {}
        for doc, entity, mentions in connection.execute(
            "SELECT m.doc, e.entity, count(*) FROM entity_mentions m JOIN entities e "
            "ON e.doc = m.doc AND e.seq = m.entity_seq GROUP BY ALL"
        ).fetchall():
            counts.setdefault(doc, Counter())[entity] += mentions
        leads = dict(
            connection.execute(
                "SELECT m.doc, arg_min(e.entity, m.seq) FROM entity_mentions m JOIN entities e "
                "ON e.doc = m.doc AND e.seq = m.entity_seq GROUP BY m.doc"
            ).fetchall()
        )
        topics = {doc: topics_of(found, leads.get(doc)) for doc, found in counts.items()}
        words = {
            doc: load_words(lang)
            for doc, lang in connection.execute("SELECT doc, lang FROM documents").fetchall()
        }
        at = {name: i for i, name in enumerate(_LOADED)}
        # in the order they were merged: ties between readings go to the first seen
        rows = connection.execute(
            f"SELECT {', '.join('e.' + c for c in _LOADED)} FROM event_mentions e "
            "JOIN documents d USING (doc) WHERE e.merged IS NOT NULL "
            "ORDER BY d.ingest_seq, e.seq"
        ).fetchall()
        for row in rows:
            key = (row[0], row[1])
            place = self._place(row, at, doc_entities, assign=False)
            mention = mention_of(
                row,
                at,
                people.get(key, set()),
                place,
                topics.get(row[0], frozenset()),
                words[row[0]],
                in_sentence=named.get(key, frozenset()),
            )
            self.index.load(row[at["merged"]], mention)
        self.index.dirty.clear()
        entities.dirty.clear()

    def _place(
        self,
        row: Row,
        at: dict[str, int],
        doc_entities: dict[tuple[str, int], int],
        *,
        assign: bool,
    ) -> int | None:
        if not row[at["has_place"]]:
            return None
        local = row[at["place_entity"]]
        if local is not None and (row[0], local) in doc_entities:
            return doc_entities[(row[0], local)]
        gazetteer_id, text = row[at["place_gazetteer_id"]], row[at["place_text"]]
        if assign:
            return self.index.entities.assign("LOC", text, gazetteer_id)
        return self.index.entities.lookup("LOC", text, gazetteer_id)

    def assign(
        self,
        doc: str,
        lang: str,
        entities: list[tuple[int, str, str, str | None, float | None, float | None]],
        participants: list[tuple[int, int]],
        mentioned: list[tuple[int, int, int]],
        events: list[Row],
        at: dict[str, int],
    ) -> tuple[dict[int, int], list[int]]:
        """Merge one document into the index: its entities' ids (by seq), its events' merged ids.

        ``lang`` is the document's language (its merge words), ``entities`` are
        ``(seq, type, text, gazetteer id, lat, lon)``, ``participants``
        ``(event seq, entity seq)``, ``mentioned`` ``(entity seq, start, end)`` of every
        entity mention (those inside an event's sentence count as its participants for
        the merge only), ``events`` the document's event mention rows (columns named by
        ``at``), all in ``seq`` order.
        """
        index = self.index.entities
        local: dict[tuple[str, int], int] = {}
        for seq, type_, text, gazetteer_id, lat, lon in entities:
            local[(doc, seq)] = index.assign(type_, text, gazetteer_id, lat, lon)
        people: dict[int, set[int]] = {}
        for event_seq, entity_seq in participants:
            people.setdefault(event_seq, set()).add(local[(doc, entity_seq)])
        topic = topics_of(
            Counter(local[(doc, m[0])] for m in mentioned),
            local[(doc, mentioned[0][0])] if mentioned else None,
        )
        within = entities_within((local[(doc, m[0])], m[1], m[2]) for m in mentioned)
        start, end = at["start"], at["end"]
        words = load_words(lang)
        content = cache(words.content)  # a sentence telling several events: read once
        mentions = [
            mention_of(
                row,
                at,
                people.get(row[1], set()),
                self._place(row, at, local, assign=True),
                topic,
                words,
                content,
                in_sentence=within(row[start], row[end]),
            )
            for row in events
        ]
        merged = self.index.add_document(mentions)
        return {seq: entity for (_doc, seq), entity in local.items()}, merged

    def status(self, source: Source) -> str | None:
        """``"skipped"`` for a stored document, ``"duplicate"`` for its content under
        another name, ``None`` to extract it."""
        stored = self.by_doc.get(source.doc)
        if stored is None:
            return None
        return "skipped" if stored == source.name else "duplicate"

    def write(self, connection: Any, extracted: Extracted) -> str:
        """Commit one document (its own transaction); ``"stored"`` or ``"replaced"``."""
        return self.write_batch(connection, [extracted])[0]

    def write_batch(self, connection: Any, batch: list[Extracted]) -> list[str]:
        """Commit documents together, in one transaction (each is whole or absent, as
        with one transaction each, at a fraction of the inserts); a status for each:
        ``"stored"``, ``"replaced"``, ``"skipped"`` or ``"duplicate"``."""
        if self.needs_index(batch):
            self.prepare(connection)
        statuses, staged = self.stage_batch(batch)
        self.commit_batch(connection, staged)
        return statuses

    def stage_batch(self, batch: list[Extracted]) -> tuple[list[str], list[Staged]]:
        """Merge documents into the index (loaded by :meth:`prepare`), without the
        store: their statuses, and what :meth:`commit_batch` writes of them."""
        statuses: list[str] = []
        staged: list[Staged] = []
        for extracted in batch:
            if extracted.doc in self.by_doc:  # the same content twice in one run
                known = self.by_doc[extracted.doc]
                statuses.append("skipped" if known == extracted.name else "duplicate")
                continue
            if not self.loaded:
                raise StoreError("the merge index is not loaded (Writer.prepare)")
            one = self._stage(extracted)
            staged.append(one)
            statuses.append("replaced" if one.old is not None else "stored")
            if one.old is not None:
                self.by_doc.pop(one.old, None)
            self.by_name[extracted.name] = extracted.doc
            self.by_doc[extracted.doc] = extracted.name
        return statuses, staged

    def _stage(self, extracted: Extracted) -> Staged:
        """Merge one document into the index and build the rows it adds."""
        old = self.by_name.get(extracted.name)
        rows = {table: list(values) for table, values in extracted.rows.items()}
        doc = extracted.doc
        if old is not None:
            self.index.remove_document(old)
        doc_entities, merged_ids_of = self.assign(
            doc,
            rows["documents"][0][3],
            [(r[1], r[3], r[2], r[8], r[6], r[7]) for r in rows.get("entities", [])],
            [(r[1], r[7]) for r in rows.get("participants", []) if r[7] is not None],
            [(r[1], r[4], r[5]) for r in rows.get("entity_mentions", [])],
            rows.get("event_mentions", []),
            self.at,
        )
        rows["entities"] = [
            (*row[:9], doc_entities[row[1]], *row[10:])  # the entity column, then extra
            for row in rows.get("entities", [])
        ]
        mention_rows = [
            (*row[:-1], merged)
            for row, merged in zip(rows.get("event_mentions", []), merged_ids_of, strict=True)
        ]
        rows["event_mentions"] = mention_rows
        at = self.at
        merged_of = {row[1]: row[-1] for row in mention_rows}  # each sentence's event, copied
        rows["evidence"] = [(*row[:-1], merged_of[row[1]]) for row in rows.get("evidence", [])]
        now = datetime.datetime.now(datetime.UTC).replace(tzinfo=None)
        self.next_seq += 1
        rows["documents"] = [(*row, now, self.next_seq) for row in rows["documents"]]
        evidence = [(r[1], f"{r[at['label']]} {r[at['exact']]}") for r in mention_rows]
        searchable = (doc, extracted.title, rows["documents"][0][7], evidence)
        return Staged(doc, old, rows, searchable)

    def commit_batch(self, connection: Any, staged: list[Staged]) -> None:
        """Write staged documents, and the merged events and entities they changed, in
        one transaction (none: nothing to do)."""
        if not staged:
            return
        entities = self.index.entities
        merged_rows, links, merged_ids = self.index.take_dirty()
        changed_entities = sorted(entities.dirty)
        entities.dirty.clear()
        olds = [one.old for one in staged if one.old is not None]
        gone = set(olds)  # a document replaced within the batch is not written at all
        kept = [one for one in staged if one.doc not in gone]
        self.fulltext.replace_many(olds, [one.searchable for one in kept])
        connection.execute("BEGIN TRANSACTION")
        try:
            for old in olds:
                for table in DOCUMENT_TABLES:
                    connection.execute(f"DELETE FROM {table} WHERE doc = ?", [old])
            for table in DOCUMENT_TABLES:
                _insert(connection, table, [row for one in kept for row in one.rows.get(table, [])])
            if merged_ids:
                ids = sorted(merged_ids)
                connection.execute(
                    "DELETE FROM merged_events WHERE merged IN (SELECT unnest(?))", [ids]
                )
                connection.execute(
                    "DELETE FROM merged_event_entities WHERE merged IN (SELECT unnest(?))", [ids]
                )
            _insert(connection, "merged_events", merged_rows)
            _insert(connection, "merged_event_entities", links)
            if changed_entities:
                connection.execute(
                    "DELETE FROM merged_entities WHERE entity IN (SELECT unnest(?))",
                    [changed_entities],
                )
                _insert(connection, "merged_entities", [entities.row(e) for e in changed_entities])
            connection.execute("COMMIT")
        except Exception:
            connection.execute("ROLLBACK")
            raise
        self.note(merged_ids, changed_entities, [one.doc for one in staged] + olds)


@dataclass(frozen=True, slots=True)
class Staged:
    """One document merged into the index, its rows not yet committed."""

    doc: str
    old: str | None  # the document it replaces (same name, other content)
    rows: dict[str, list[Row]]
    searchable: tuple[str, str | None, str, list[tuple[int, str]]]  # for the full-text index
