"""Parquet shards: a partition's extraction results as files, and reading them back in order.

A distributed ingest (:mod:`chronist.store.distributed`) cuts its inputs into
:class:`Partition` s (whole files, or line ranges of JSON Lines files). A
worker extracts one partition and writes its **shard**: a folder
``<store>.shards/<partition key>/`` with one Parquet file per document table
(the store's own columns) and ``status.parquet``, one row per input in order
(``extracted``, ``failed`` with its message, or ``known``: already in the store,
not extracted again). The folder is written under a temporary name and renamed
when complete, so a shard either exists whole or not at all, and a partition
computed twice (a retried task) leaves one shard. The key is a hash of the
partition's files (name, size, modification time) and the options: a rerun after
an interruption finds the shards already written and extracts only the rest.

Workers never open the store; the merge step (:mod:`chronist.store.bulk`)
reads the shards with DuckDB and merges their documents in input order, so the
store comes out the same as the local engine's.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from chronist.errors import StoreError
from chronist.store.ingest import extract_source
from chronist.store.rows import Row
from chronist.store.schema import DOCUMENT_TABLES, TABLES, columns, duckdb_module
from chronist.store.sources import (
    _GLOB,
    SUFFIXES,
    Failure,
    Source,
    _expand,
    _sources,
    sources_of_bytes,
)

__all__ = [
    "PARTITION_CHARS",
    "Partition",
    "Status",
    "extract_partition",
    "is_url",
    "plan",
    "shard_root",
]

# characters per partition (a task and its shard) unless the caller says otherwise
PARTITION_CHARS = 100_000
_STATUS = "position INTEGER, name VARCHAR, doc VARCHAR, status VARCHAR, message VARCHAR"


@dataclass(frozen=True, slots=True)
class Partition:
    """Inputs extracted together: ``(path, first line, last line)``, lines only for JSON Lines."""

    index: int
    key: str
    items: tuple[tuple[str, int, int], ...]
    documents: int


@dataclass(frozen=True, slots=True)
class Status:
    """One input of a shard, in input order."""

    name: str
    doc: str | None
    status: str  # "extracted", "failed" or "known"
    message: str | None


def shard_root(store: Path) -> Path:
    """The folder of a store's shards: ``corpus.duckdb.shards`` beside ``corpus.duckdb``."""
    return store.with_name(store.name + ".shards")


def _stat(path: str) -> tuple[object, object]:
    try:
        if is_url(path):  # size and, where the file system has one, its version or date
            import fsspec

            fs, root = fsspec.core.url_to_fs(path)
            info = fs.info(root)
            return (info.get("size"), str(info.get("mtime") or info.get("ETag") or ""))
        found = os.stat(path)
    except (OSError, ValueError):
        return (-1, -1)
    return (found.st_size, found.st_mtime_ns)


def is_url(name: str) -> bool:
    """An fsspec URL (``s3://bucket/archive/``, ``file:///data/``) rather than a local path."""
    return "://" in name


def _expand_url(pattern: str) -> list[str]:
    """The documents under an fsspec URL: a file, a directory (recursively) or a glob."""
    try:
        import fsspec
    except ImportError:
        raise StoreError("fsspec URLs need fsspec: pip install 'chronist[dask]'") from None
    try:
        fs, root = fsspec.core.url_to_fs(pattern)
        if fs.isdir(root):
            found = [
                p for p in fs.find(root)
                if Path(p).suffix.lower() in SUFFIXES
                and not any(part.startswith(".") for part in Path(p).relative_to(root).parts)
            ]  # fmt: skip
        elif _GLOB.search(root):
            found = fs.glob(root)
        else:
            found = [root] if fs.exists(root) else []
    except (OSError, ValueError) as error:
        raise StoreError(f"{pattern}: cannot list ({error})") from None
    return [str(fs.unstrip_protocol(p)) for p in sorted(found)]


def _read(name: str) -> bytes:
    if not is_url(name):
        return Path(name).read_bytes()
    import fsspec

    with fsspec.open(name, "rb") as stream:
        data: bytes = stream.read()
        return data


def _size(name: str) -> int:
    found = _stat(name)[0]
    return found if isinstance(found, int) and found > 0 else 1


def plan(
    inputs: list[str],
    lang: str,
    kind: str,
    dct: str | None,
    size: int | None = None,
    chars: int = PARTITION_CHARS,
) -> tuple[list[Partition], list[Failure]]:
    """The partitions of ``inputs``, in the local engine's order.

    A partition is closed when it holds ``chars`` characters (a file counts its
    size in bytes, a JSON Lines record its line) or, if given, ``size``
    documents: the tasks are balanced by the work in them, not by their number.
    Once less than four partitions' worth is left, each takes a quarter of what
    remains (at least ``chars / 4``): smaller tasks at the end, so that no worker
    waits long for another's last one.
    """
    from chronist.text.reading import decode_bytes

    size = max(1, size) if size is not None else None
    chars = max(1, chars)
    items: list[tuple[str, int, int, int]] = []  # path, first and last line, characters
    failures = []
    for pattern in inputs:
        found = False
        names = _expand_url(pattern) if is_url(pattern) else [str(p) for p in _expand(pattern)]
        for name in names:
            found = True
            if not (name.lower().endswith(".jsonl") and (is_url(name) or Path(name).is_file())):
                items.append((name, 0, 0, _size(name)))
                continue
            try:
                lines = [len(line) for line in decode_bytes(_read(name), name).splitlines()]
            except Exception:  # the worker reports it as the file's failure
                lines = [1]
            first, weight = 1, 0  # line ranges of a quarter partition: the packing below
            for number, length in enumerate(lines, 1):  # joins them up to its target
                weight += length
                full = weight >= max(1, chars // 4) or (size and number - first + 1 >= size)
                if full or number == len(lines):
                    items.append((name, first, number, weight))
                    first, weight = number + 1, 0
        if not found:
            failures.append(Failure(pattern, f"{pattern}: no file matches"))
    partitions: list[Partition] = []
    batch: list[tuple[str, int, int]] = []
    count = weight = 0

    def close() -> None:
        nonlocal batch, count, weight
        if batch:
            described = [(p, a, b, *_stat(p)) for p, a, b in batch]
            digest = hashlib.sha256(json.dumps([described, lang, kind, dct]).encode())
            key = f"{len(partitions):06d}-{digest.hexdigest()[:16]}"
            partitions.append(Partition(len(partitions), key, tuple(batch), count))
        batch, count, weight = [], 0, 0

    remaining = sum(item[3] for item in items)
    for name, first, last, characters in items:
        # the last partitions get smaller (down to a quarter), so that the workers
        # finish together instead of one waiting for the other's last big task
        target = max(chars // 4, min(chars, (remaining + weight) // 4))
        if first and batch and batch[-1][0] == name and batch[-1][2] == first - 1:
            batch[-1] = (name, batch[-1][1], last)  # one line range: the file read once
        else:
            batch.append((name, first, last))
        count += last - first + 1 if first else 1
        weight += characters
        remaining -= characters
        if weight >= target or (size and count >= size):
            close()
    close()
    return partitions, failures


def _sources_of(
    partition: Partition, lang: str, kind: str, dct: str | None
) -> Iterator[Source | Failure]:
    for name, first, last in partition.items:
        lines = (first, last) if first else None
        if not is_url(name):
            yield from _sources(Path(name), lang, kind, dct, lines)
            continue
        try:
            data = _read(name)
        except (OSError, ValueError) as error:
            yield Failure(name, f"{name}: cannot read ({error})")
            continue
        yield from sources_of_bytes(name, data, lang, kind, dct, lines)


def extract_partition(
    partition: Partition, root: str, lang: str, kind: str, dct: str | None, known: frozenset[str]
) -> str:
    """Extract a partition and write its shard (on a worker); returns the shard's folder.

    Does nothing when the shard exists already (a resumed run, a retried task).
    """
    final = Path(root) / partition.key
    if final.is_dir():
        return str(final)
    tables: dict[str, list[Row]] = {table: [] for table in DOCUMENT_TABLES}
    status: list[Row] = []
    seen: set[str] = set()
    for position, item in enumerate(_sources_of(partition, lang, kind, dct)):
        if isinstance(item, Failure):
            status.append((position, item.name, None, "failed", item.message))
            continue
        if item.doc in known or item.doc in seen:  # stored, or twice in this partition
            status.append((position, item.name, item.doc, "known", None))
            continue
        seen.add(item.doc)
        result = extract_source(item)
        if isinstance(result, Failure):
            status.append((position, result.name, item.doc, "failed", result.message))
            continue
        status.append((position, result.name, result.doc, "extracted", None))
        for table, rows in result.rows.items():
            if table == "documents":
                rows = [(*row, None, position) for row in rows]
            tables[table].extend(rows)
    _write(final, tables, status)
    return str(final)


def _write(final: Path, tables: dict[str, list[Row]], status: list[Row]) -> None:
    final.parent.mkdir(parents=True, exist_ok=True)
    temporary = final.with_name(f".{final.name}.{uuid.uuid4().hex}")
    temporary.mkdir()
    duckdb = duckdb_module()
    with duckdb.connect(":memory:") as connection:
        for table, rows in [*tables.items(), ("status", status)]:
            definition = _STATUS if table == "status" else TABLES[table]
            connection.execute(f"CREATE TABLE {table} ({definition})")
            if rows:
                names = _STATUS.split(", ") if table == "status" else columns(table)
                selects = ", ".join("unnest(?)" for _ in names)
                connection.execute(
                    f"INSERT INTO {table} SELECT {selects}",
                    [list(values) for values in zip(*rows, strict=True)],
                )
            target = str(temporary / f"{table}.parquet").replace("'", "''")
            connection.execute(f"COPY {table} TO '{target}' (FORMAT parquet)")
    try:
        temporary.rename(final)
    except OSError:  # another attempt finished first: its shard is the same
        shutil.rmtree(temporary, ignore_errors=True)
