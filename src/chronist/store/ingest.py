"""Ingesting documents: extraction in worker processes, one writer (this process).

Workers (``jobs`` processes, or this process when ``jobs`` is 1) decode and
extract; results come back as the store's rows. The writer merges each into
the cross-document index as it arrives (the workers meanwhile extract the
documents queued ahead, :data:`AHEAD` per worker) and commits the documents of
a *burst* (those merged in the last ``burst`` seconds) **in one transaction**,
each document whole or not at all (rows, merged events, merged entities),
after writing their full-text entries. It merges without the DuckDB file, opens
it only for that commit (at most every ``burst`` seconds, or when the work is
done; less often when committing takes more than :data:`HOLD_SHARE` of that)
and closes it again, so that readers in other processes get their turn in
between; both sides wait for the file while the other holds it
(:func:`chronist.store.schema.connect`).

Nothing lost, nothing twice: documents are keyed by the hash of their bytes
and options; a stored hash is skipped before extraction, a file whose hash
changed replaces its old version (same name), and a killed run loses only the
documents not yet committed. Only one ingest may write to a store at a time
(an advisory lock on ``<store>.ingest.lock``).
"""

from __future__ import annotations

import fcntl
import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from chronist.errors import ChronistError, StoreError
from chronist.store.rows import Row, to_rows
from chronist.store.schema import connect
from chronist.store.sources import Failure, Source, count, decode, discover

if TYPE_CHECKING:
    from chronist.store.writer import Staged, Writer

__all__ = [
    "AHEAD",
    "HOLD_SHARE",
    "Extracted",
    "IngestReport",
    "Progress",
    "extract_source",
    "ingest",
]

# The writer holds the store's file at most about this share of the time: when a
# commit (inserts, the store's checkpoint as it closes, the read copy) takes
# longer than this share of ``burst``, the next burst waits longer, so that a
# large store is committed to less often, in larger bursts
HOLD_SHARE = 0.1
# Documents queued per worker ahead of the one the writer waits for: enough that the
# workers keep extracting while the writer commits a burst
AHEAD = 32


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

    def count(self, status: str, name: str, progress: Progress | None) -> None:
        """Count one document's outcome (``stored``, ``replaced`` or a kind of skip)
        and show it on the progress bar."""
        if status == "replaced":
            self.replaced += 1
        elif status == "stored":
            self.stored += 1
        else:
            self.skipped += 1
        if progress is not None:
            progress.advance(status, name)


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
                    report.count(status, source.name, progress)
                    continue
            yield source

    if jobs <= 1:
        for one in todo():
            yield one if isinstance(one, Failure) else extract_source(one)
        return
    # results are written in input order, whatever order they finish in: the store
    # (ids, merges) is the same for any number of jobs
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_die_with_parent
    ) as pool:
        queue: deque[Future[Extracted | Failure] | Failure] = deque()
        for item in todo():
            queue.append(item if isinstance(item, Failure) else pool.submit(extract_source, item))
            while len(queue) > jobs * AHEAD or (queue and _ready(queue[0])):
                yield _take(queue.popleft())
        while queue:
            yield _take(queue.popleft())


def _die_with_parent() -> None:
    """In a worker: end when the writer ends, even by ``kill -9`` (Linux; elsewhere a no-op)."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL)
        if os.getppid() == 1:  # the writer ended before this worker started
            os._exit(1)


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
    burst: float = 3.0,
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest files, directories, globs and JSON Lines into the store at ``path``."""
    store = Path(path)
    started = time.monotonic()
    report = IngestReport()
    from chronist.store.writer import Writer

    with _ingest_lock(store):
        writer = Writer(store)
        with connect(store, read_only=False) as connection:
            writer.load(connection)
        if progress is not None:
            progress.start(count(inputs))
        staged: list[Staged] = []  # merged into the index, not yet committed
        outcomes: list[tuple[str, str]] = []  # (name, status) of each, counted at commit
        last_flush = time.monotonic()
        wait = burst  # the time between two commits: at least HOLD_SHARE's share of it

        def flush() -> None:
            nonlocal last_flush, wait
            if outcomes:
                opened = time.monotonic()
                with connect(store, read_only=False) as connection:
                    writer.commit_batch(connection, staged)
                    for name, status in outcomes:
                        report.count(status, name, progress)
                    writer.publish(connection)
                wait = max(burst, (time.monotonic() - opened) / HOLD_SHARE)
                staged.clear()
                outcomes.clear()
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
                if writer.needs_index([result]):
                    with connect(store, read_only=False) as connection:
                        writer.prepare(connection)
                # merged as it arrives, without the file, which readers may hold meanwhile;
                # the workers go on extracting the documents queued ahead
                statuses, more = writer.stage_batch([result])
                staged.extend(more)
                outcomes.append((result.name, statuses[0]))
                if time.monotonic() - last_flush >= wait:
                    flush()
            flush()
        finally:
            if progress is not None:
                progress.close()
    report.seconds = time.monotonic() - started
    return report
