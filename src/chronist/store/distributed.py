"""Ingesting on Dask: workers extract partitions into Parquet shards, one writer merges them.

``chronist ingest PATH... --store corpus.duckdb --engine dask [--scheduler ADDRESS]``.
Without an address a :class:`distributed.LocalCluster` runs on this machine
(one single-threaded worker process per core, or ``workers``); with one, the
cluster at that address (its workers must see the inputs and the shard folder
at the same paths, e.g. a shared file system).

1. :func:`chronist.store.shards.plan` cuts the inputs into partitions of about
   ``partition_chars`` characters (only names and sizes are read here; the
   documents are read by the workers), so the tasks are balanced by work.
2. Each partition whose shard does not exist yet becomes one Dask task,
   :func:`chronist.store.shards.extract_partition`; Dask retries the task if
   its worker dies. The document hashes already in the store go to every worker
   once, so stored documents are not extracted again.
3. This process merges the shards **in partition order** as they arrive, while
   the workers go on extracting: each document in input order through the
   merge index of the same :class:`~chronist.store.writer.Writer` as the local
   engine (so the store is the same whatever the number of workers), the shards
   ready together committed in bulk in one transaction (:mod:`chronist.store.bulk`). The store
   stays open while shards are ready (up to ``burst`` seconds) and is closed
   while the writer waits, so readers get their turn.
4. When every partition is merged, its shards are removed.

An interrupted run leaves its complete shards; the next run with the same
inputs reuses them and extracts only the missing partitions.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chronist.errors import StoreError
from chronist.store.ingest import IngestReport, Progress, _ingest_lock
from chronist.store.schema import connect
from chronist.store.shards import (
    PARTITION_CHARS,
    Partition,
    extract_partition,
    plan,
    shard_root,
)

__all__ = ["DaskIngestReport", "ingest_dask"]

# shards committed in one transaction at most (those ready when the writer looks)
MAX_BATCH = 16


@dataclass(slots=True)
class DaskIngestReport(IngestReport):
    """An ingest's report, with the shards written by this run and those reused."""

    shards_written: int = 0
    shards_reused: int = 0
    dashboard: str | None = None


def _client(scheduler: str | None, workers: int | None) -> tuple[Any, Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise StoreError("--engine dask needs Dask: pip install 'chronist[dask]'") from None
    if scheduler is not None:
        try:
            return Client(scheduler, timeout=30), None  # type: ignore[no-untyped-call]
        except OSError as error:
            raise StoreError(f"cannot reach the Dask scheduler at {scheduler} ({error})") from None
    cluster = LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=workers or os.cpu_count() or 1,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
    )
    return Client(cluster), cluster  # type: ignore[no-untyped-call]


def ingest_dask(
    path: str | os.PathLike[str],
    inputs: list[str],
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    lang: str = "de",
    kind: str = "auto",
    dct: str | None = None,
    partition_size: int | None = None,
    partition_chars: int = PARTITION_CHARS,
    burst: float = 3.0,
    progress: Progress | None = None,
    notice: Callable[[str], None] | None = None,
) -> DaskIngestReport:
    """Ingest ``inputs`` into the store at ``path`` with Dask (see the module docstring)."""
    from chronist.store.writer import Writer

    store = Path(path)
    started = time.monotonic()
    report = DaskIngestReport()
    root = shard_root(store)
    with _ingest_lock(store):
        writer = Writer(store)
        with connect(store, read_only=False) as connection:
            writer.load(connection)
        partitions, failures = plan(inputs, lang, kind, dct, partition_size, partition_chars)
        report.failed.extend(failures)
        if progress is not None:
            progress.start(sum(p.documents for p in partitions) + len(failures))
            for failure in failures:
                progress.advance("failed", failure.name)
        client, cluster = _client(scheduler, workers)
        try:
            report.dashboard = client.dashboard_link
            if notice is not None:
                notice(f"Dask dashboard: {report.dashboard}")
            futures = _submit(client, partitions, root, lang, kind, dct, writer, report)
            _merge_all(store, writer, partitions, futures, root, burst, report, progress)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
            if progress is not None:
                progress.close()
        for partition in partitions:
            shutil.rmtree(root / partition.key, ignore_errors=True)
        if root.is_dir() and not any(root.iterdir()):
            root.rmdir()
    report.seconds = time.monotonic() - started
    return report


def _submit(
    client: Any,
    partitions: list[Partition],
    root: Path,
    lang: str,
    kind: str,
    dct: str | None,
    writer: Any,
    report: DaskIngestReport,
) -> dict[int, Any]:
    todo = [p for p in partitions if not (root / p.key).is_dir()]
    report.shards_reused = len(partitions) - len(todo)
    report.shards_written = len(todo)
    if not todo:
        return {}
    # the stored hashes as a task, not scattered data: a task's result lost with its
    # worker is computed again, scattered data would be gone with its dependents
    known = client.submit(frozenset, sorted(writer.by_doc), pure=False)
    return {
        p.index: client.submit(
            extract_partition,
            p,
            str(root),
            lang,
            kind,
            dct,
            known,
            key=f"chronist-extract-{p.key}",
            retries=3,
        )
        for p in todo
    }


def _merge_all(
    store: Path,
    writer: Any,
    partitions: list[Partition],
    futures: dict[int, Any],
    root: Path,
    burst: float,
    report: IngestReport,
    progress: Progress | None,
) -> None:
    """Merge the shards in partition order as they arrive, those ready together as one
    batch; the store stays open while shards are ready (up to ``burst`` seconds) and
    is closed while the writer waits for a worker, so that readers get their turn."""
    with ExitStack() as held:
        connection: Any = None
        opened = 0.0
        done = 0
        while done < len(partitions):
            future = futures.get(partitions[done].index)
            waiting = future is not None and not future.done()
            if connection is not None and (waiting or time.monotonic() - opened > burst):
                held.close()
                connection = None
            batch = [_folder(partitions[done], futures, root)]  # waits for the next shard
            done += 1
            while done < len(partitions) and len(batch) < MAX_BATCH:
                future = futures.get(partitions[done].index)
                if future is not None and not future.done():
                    break
                batch.append(_folder(partitions[done], futures, root))
                done += 1
            if connection is None:
                connection = held.enter_context(connect(store, read_only=False))
                opened = time.monotonic()
            _merge(writer, connection, batch, report, progress)


def _folder(partition: Partition, futures: dict[int, Any], root: Path) -> Path:
    """A partition's shard folder, once its task is done."""
    future = futures.get(partition.index)
    if future is None:  # reused from an earlier run
        return root / partition.key
    folder = Path(future.result())
    future.release()
    return folder


def _merge(
    writer: Any,
    connection: Any,
    folders: list[Path],
    report: IngestReport,
    progress: Progress | None,
) -> None:
    """Commit shards in one transaction (:func:`chronist.store.bulk.merge_shards`)."""
    from chronist.store.bulk import merge_shards
    from chronist.store.sources import Failure

    for status, state in merge_shards(writer, connection, folders):
        if state == "failed":
            report.failed.append(Failure(status.name, status.message or status.name))
            if progress is not None:
                progress.advance(state, status.name)
        else:
            report.count(state, status.name, progress)
