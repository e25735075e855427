"""Ingesting documents: extraction in worker processes, one writer (this process).

Workers (``jobs`` processes, or this process when ``jobs`` is 1) decode and
extract; results come back as the store's rows. The writer merges them into
the cross-document index and commits **each document in its own
transaction** (rows, merged events, merged entities), after writing its
full-text entries. It opens the DuckDB file only for a *burst* of commits (at
most every ``burst`` seconds, or when the work is done) and closes it again,
so that readers in other processes get their turn in between; both sides
wait for the file while the other holds it (:func:`chronist.store.schema.connect`).

Nothing lost, nothing twice: documents are keyed by the hash of their bytes
and options; a stored hash is skipped before extraction, a file whose hash
changed replaces its old version (same name), and a killed run loses only the
documents not yet committed. Only one ingest may write to a store at a time
(an advisory lock on ``<store>.ingest.lock``).
"""

from __future__ import annotations

import datetime
import fcntl
import multiprocessing
import os
import time
from collections import Counter, deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from chronist.errors import ChronistError, StoreError
from chronist.store.fulltext import FullText
from chronist.store.merge import MentionInfo, MergeIndex, topic_of
from chronist.store.rows import Row, to_rows
from chronist.store.schema import DOCUMENT_TABLES, columns, connect
from chronist.store.sources import Failure, Source, count, decode, discover

__all__ = ["Extracted", "IngestReport", "Progress", "extract_source", "ingest"]


@dataclass(frozen=True, slots=True)
class Extracted:
    """A document's rows, as a worker returns them."""

    doc: str
    name: str
    title: str | None
    rows: dict[str, list[Row]]


@dataclass(slots=True)
class IngestReport:
    """What an ingest did: counts, failures (name and message), seconds."""

    stored: int = 0
    replaced: int = 0
    skipped: int = 0
    failed: list[Failure] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failed


class Progress(Protocol):
    def start(self, total: int) -> None: ...

    def advance(self, status: str, name: str) -> None: ...

    def close(self) -> None: ...


def extract_source(source: Source) -> Extracted | Failure:
    """Decode and extract one document (in a worker); failures as values."""
    from chronist.timeline import build_timeline, to_json

    try:
        title, text = decode(source)
        timeline = build_timeline(
            text, lang=source.lang, kind=source.kind, dct=source.dct, source=source.name
        )
        rows = to_rows(source.doc, source.name, title, to_json(timeline))
    except ChronistError as error:
        message = str(error)
        return Failure(
            source.name, message if source.name in message else f"{source.name}: {message}"
        )
    except Exception as error:  # an extraction bug must not stop the whole archive
        return Failure(
            source.name, f"{source.name}: internal error {type(error).__name__}: {error}"
        )
    return Extracted(source.doc, source.name, title, rows)


@contextmanager
def _ingest_lock(path: Path) -> Iterator[None]:
    lock_path = path.with_name(path.name + ".ingest.lock")
    with lock_path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreError(f"{path}: another ingest is writing to this store") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _insert(connection: Any, table: str, rows: list[Row]) -> None:
    if not rows:
        return
    names = columns(table)
    selects = ", ".join("unnest(?)" for _ in names)
    connection.execute(
        f"INSERT INTO {table} SELECT {selects}",
        [list(values) for values in zip(*rows, strict=True)],
    )


def _time(row: Row, at: dict[str, int]) -> tuple[str | None, ...]:
    names = ("time_value", "edtf", "earliest_begin", "latest_begin", "earliest_end", "latest_end")
    return (*(row[at[n]] for n in names), row[at["time_source"]], row[at["time_text"]])


class Writer:
    """The one process writing a store: the merge index, and the commits."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fulltext = FullText(path)
        self.index = MergeIndex()
        self.by_name: dict[str, str] = {}
        self.by_doc: dict[str, str] = {}
        self.at = {name: i for i, name in enumerate(columns("event_mentions"))}

    def load(self, connection: Any) -> None:
        """Read the stored documents and rebuild the merge index from the store."""
        for doc, name in connection.execute("SELECT doc, name FROM documents").fetchall():
            self.by_name[name] = doc
            self.by_doc[doc] = name
        entities = self.index.entities
        for row in connection.execute(
            "SELECT m.entity, m.type, m.gazetteer_id, m.lat, m.lon, e.text "
            "FROM merged_entities m JOIN entities e USING (entity)"
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
        counts: dict[str, Counter[int]] = {}
        for doc, entity, mentions in connection.execute(
            "SELECT m.doc, e.entity, count(*) FROM entity_mentions m JOIN entities e "
            "ON e.doc = m.doc AND e.seq = m.entity_seq GROUP BY ALL"
        ).fetchall():
            counts.setdefault(doc, Counter())[entity] += mentions
        topics = {doc: topic_of(found) for doc, found in counts.items()}
        rows = connection.execute(
            "SELECT * FROM event_mentions WHERE merged IS NOT NULL ORDER BY merged, doc, seq"
        ).fetchall()
        for row in rows:
            key = (row[0], row[1])
            place = self._place(row, doc_entities, assign=False)
            mention = self._mention(row, people.get(key, set()), place, topics.get(row[0]))
            self.index.load(row[self.at["merged"]], mention)
        self.index.dirty.clear()
        entities.dirty.clear()

    def _place(
        self, row: Row, doc_entities: dict[tuple[str, int], int], *, assign: bool
    ) -> int | None:
        at = self.at
        if not row[at["has_place"]]:
            return None
        local = row[at["place_entity"]]
        if local is not None and (row[0], local) in doc_entities:
            return doc_entities[(row[0], local)]
        gazetteer_id, text = row[at["place_gazetteer_id"]], row[at["place_text"]]
        if assign:
            return self.index.entities.assign("LOC", text, gazetteer_id)
        return self.index.entities.lookup("LOC", text, gazetteer_id)

    def _mention(
        self, row: Row, people: set[int], place: int | None, topic: int | None
    ) -> MentionInfo:
        at = self.at
        modality = row[at["modality"]]
        return MentionInfo(
            doc=row[0],
            seq=row[1],
            type=row[at["type"]],
            lemma=str(row[at["lemma"]]).lower(),
            label=row[at["label"]],
            confidence=float(row[at["confidence"]]),
            hypothetical=modality not in ("asserted", "reported"),
            entities=frozenset(people),
            places=frozenset() if place is None else frozenset({place}),
            time=_time(row, at),
            topic=frozenset() if topic is None else frozenset({topic}),
        )

    def status(self, source: Source) -> str | None:
        """``"skipped"`` for a stored document, ``"duplicate"`` for its content under
        another name, ``None`` to extract it."""
        stored = self.by_doc.get(source.doc)
        if stored is None:
            return None
        return "skipped" if stored == source.name else "duplicate"

    def write(self, connection: Any, extracted: Extracted) -> str:
        """Commit one document (its own transaction); ``"stored"`` or ``"replaced"``."""
        if extracted.doc in self.by_doc:  # the same content twice in one run
            return "skipped" if self.by_doc[extracted.doc] == extracted.name else "duplicate"
        old = self.by_name.get(extracted.name)
        rows = {table: list(values) for table, values in extracted.rows.items()}
        doc = extracted.doc
        entities = self.index.entities
        if old is not None:
            self.index.remove_document(old)
        doc_entities: dict[tuple[str, int], int] = {}
        entity_rows = []
        for row in rows.get("entities", []):
            entity = entities.assign(row[3], row[2], row[8], row[6], row[7])
            doc_entities[(doc, row[1])] = entity
            entity_rows.append((*row[:-1], entity))
        rows["entities"] = entity_rows
        people: dict[int, set[int]] = {}
        for row in rows.get("participants", []):
            if row[7] is not None:
                people.setdefault(row[1], set()).add(doc_entities[(doc, row[7])])
        counts: Counter[int] = Counter()
        for row in rows.get("entity_mentions", []):
            counts[doc_entities[(doc, row[1])]] += 1
        topic = topic_of(counts)
        mention_rows = []
        for row in rows.get("event_mentions", []):
            place = self._place(row, doc_entities, assign=True)
            mention = self._mention(row, people.get(row[1], set()), place, topic)
            merged = self.index.add(mention)
            mention_rows.append((*row[:-1], merged))
        rows["event_mentions"] = mention_rows
        now = datetime.datetime.now(datetime.UTC).replace(tzinfo=None)
        rows["documents"] = [(*row, now) for row in rows["documents"]]
        merged_rows, links, merged_ids = self.index.take_dirty()
        changed_entities = sorted(entities.dirty)
        entities.dirty.clear()
        document = rows["documents"][0]
        at = self.at
        self.fulltext.replace(
            [old] if old else [],
            doc,
            extracted.title,
            document[7],
            [(r[1], f"{r[at['label']]} {r[at['exact']]}") for r in mention_rows],
        )
        connection.execute("BEGIN TRANSACTION")
        try:
            if old is not None:
                for table in DOCUMENT_TABLES:
                    connection.execute(f"DELETE FROM {table} WHERE doc = ?", [old])
            for table in DOCUMENT_TABLES:
                _insert(connection, table, rows.get(table, []))
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
        if old is not None:
            self.by_doc.pop(old, None)
        self.by_name[extracted.name] = doc
        self.by_doc[doc] = extracted.name
        return "replaced" if old is not None else "stored"


def _results(
    sources: Iterator[Source | Failure],
    writer: Writer,
    jobs: int,
    report: IngestReport,
    progress: Progress | None,
) -> Iterator[Extracted | Failure]:
    """Extraction results as they finish; skipped documents are counted on the way."""

    def todo() -> Iterator[Source | Failure]:
        for source in sources:
            if isinstance(source, Source):
                status = writer.status(source)
                if status is not None:
                    report.skipped += 1
                    if progress is not None:
                        progress.advance(status, source.name)
                    continue
            yield source

    if jobs <= 1:
        for one in todo():
            yield one if isinstance(one, Failure) else extract_source(one)
        return
    # results are written in input order, whatever order they finish in: the store
    # (ids, merges) is the same for any number of jobs
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        queue: deque[Future[Extracted | Failure] | Failure] = deque()
        for item in todo():
            queue.append(item if isinstance(item, Failure) else pool.submit(extract_source, item))
            while len(queue) > jobs * 8 or (queue and _ready(queue[0])):
                yield _take(queue.popleft())
        while queue:
            yield _take(queue.popleft())


def _ready(item: Future[Extracted | Failure] | Failure) -> bool:
    return isinstance(item, Failure) or item.done()


def _take(item: Future[Extracted | Failure] | Failure) -> Extracted | Failure:
    return item if isinstance(item, Failure) else item.result()


def ingest(
    path: str | os.PathLike[str],
    inputs: list[str],
    *,
    jobs: int = 1,
    lang: str = "de",
    kind: str = "auto",
    dct: str | None = None,
    burst: float = 1.0,
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest files, directories, globs and JSON Lines into the store at ``path``."""
    store = Path(path)
    started = time.monotonic()
    report = IngestReport()
    with _ingest_lock(store):
        writer = Writer(store)
        with connect(store, read_only=False) as connection:
            writer.load(connection)
        if progress is not None:
            progress.start(count(inputs))
        buffered: list[Extracted] = []
        last_flush = time.monotonic()

        def flush() -> None:
            nonlocal last_flush
            if buffered:
                with connect(store, read_only=False) as connection:
                    for extracted in buffered:
                        status = writer.write(connection, extracted)
                        if status == "replaced":
                            report.replaced += 1
                        elif status == "stored":
                            report.stored += 1
                        else:
                            report.skipped += 1
                        if progress is not None:
                            progress.advance(status, extracted.name)
                buffered.clear()
            last_flush = time.monotonic()

        try:
            for result in _results(
                discover(inputs, lang, kind, dct), writer, jobs, report, progress
            ):
                if isinstance(result, Failure):
                    report.failed.append(result)
                    if progress is not None:
                        progress.advance("failed", result.name)
                    continue
                buffered.append(result)
                if time.monotonic() - last_flush >= burst:
                    flush()
            flush()
        finally:
            if progress is not None:
                progress.close()
    report.seconds = time.monotonic() - started
    return report
