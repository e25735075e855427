"""The corpus store: many documents in one DuckDB file, merged across documents, queried.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Am 27. Juli 1953 endete der Koreakrieg.", encoding="utf-8")
>>> store = Store(folder / "corpus.duckdb")
>>> store.ingest([str(folder / "a.txt")]).stored
1
>>> [d["name"].endswith("a.txt") for d in store.documents()]
[True]

Opening a ``Store`` opens nothing: each call opens the file, works and closes
it, waiting while another process (an ingest's commit burst, another reader)
holds it. So readers and one ingest share a store; see :mod:`chronist.store.ingest`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from chronist.errors import StoreError
from chronist.store.fulltext import FullText
from chronist.store.ingest import IngestReport, Progress, ingest
from chronist.store.mirror import ReadMirror, stamp_of
from chronist.store.query import EventFilter
from chronist.store.rows import Json
from chronist.store.schema import DEFAULT_TIMEOUT, SCHEMA_VERSION, TABLES, connect

__all__ = ["SCHEMA_VERSION", "EventFilter", "IngestReport", "Store"]


class Store:
    """A corpus store at ``path`` (a DuckDB file, created by the first ingest)."""

    def __init__(self, path: str | os.PathLike[str], *, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.path = Path(path)
        self.timeout = timeout
        self.fulltext = FullText(self.path)
        self.mirror = ReadMirror(self.path)

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"

    def ingest(
        self,
        inputs: list[str],
        *,
        jobs: int = 1,
        lang: str = "de",
        kind: str = "auto",
        dct: str | None = None,
        burst: float = 3.0,
        progress: Progress | None = None,
    ) -> IngestReport:
        """Extract and store files, directories, globs and JSON Lines (see the README).

        The file is opened for a burst of commits at most every ``burst`` seconds.
        """
        return ingest(
            self.path, inputs, jobs=jobs, lang=lang, kind=kind, dct=dct, burst=burst,
            progress=progress,
        )  # fmt: skip

    def _read(self) -> Any:
        return connect(self.path, read_only=True, timeout=self.timeout)

    @contextmanager
    def _read_events(self) -> Iterator[tuple[Any, Any]]:
        """The store, and its read copy when that holds the store's state (else ``None``)."""
        with self._read() as connection:
            copy = self.mirror.reader(stamp_of(connection))
            try:
                yield connection, copy
            finally:
                if copy is not None:
                    copy.close()

    def events(self, query: EventFilter | None = None, **filters: Any) -> list[Json]:
        """Merged events matching the filter, in time order.

        ``store.events(person="Truman", start="1950", end="1953")`` is the same as
        ``store.events(EventFilter(person="Truman", start="1950", end="1953"))``.
        """
        from chronist.store.query import events, merged_ids

        query = query or EventFilter(**filters)
        matches = self.fulltext.mentions(query.text) if query.text else None
        with self._read_events() as (connection, copy):
            return events(connection, merged_ids(connection, query, matches), copy)

    def event_page(self, query: EventFilter) -> tuple[int, list[Json]]:
        """How many merged events match ``query``, and those of its page (``limit``, ``offset``)."""
        from chronist.store.query import events, merged_ids

        matches = self.fulltext.mentions(query.text) if query.text else None
        with self._read_events() as (connection, copy):
            ids = merged_ids(connection, replace(query, limit=None, offset=0), matches)
            end = None if query.limit is None else query.offset + query.limit
            return len(ids), events(connection, ids[query.offset : end], copy)

    def event(self, merged: int) -> Json | None:
        """One merged event by its id, or ``None``."""
        from chronist.store.query import events

        with self._read_events() as (connection, copy):
            found = connection.execute(
                "SELECT merged FROM merged_events WHERE merged = ?", [merged]
            ).fetchone()
            return None if found is None else events(connection, [merged], copy)[0]

    def documents(self, text: str | None = None) -> list[Json]:
        """The stored documents (name, title, counts); ``text`` keeps those with every word."""
        from chronist.store.query import documents

        ids = self.fulltext.documents(text) if text else None
        with self._read() as connection:
            return documents(connection, ids)

    def entities(self, type: str | None = None, name: str | None = None) -> list[Json]:
        """People (``PER``), places (``LOC``) and organisations (``ORG``) across documents."""
        from chronist.store.query import entities

        with self._read() as connection:
            return entities(connection, type, name)

    def document(self, document: str) -> Json | None:
        """One document's fields (as :meth:`documents` lists them), by name or id; or ``None``."""
        from chronist.store.query import documents

        with self._read() as connection:
            found = connection.execute(
                "SELECT doc FROM documents WHERE name = ? OR doc = ? "
                "ORDER BY name = ? DESC LIMIT 1",
                [document, document, document],
            ).fetchone()
            return None if found is None else documents(connection, [found[0]])[0]

    def timeline(self, document: str) -> Json:
        """A stored document's timeline (schema-1 JSON), by name or id, exactly as extracted."""
        from chronist.store.query import timeline_of

        with self._read() as connection:
            found = timeline_of(connection, document)
        if found is None:
            raise StoreError(f"{self.path}: no document {document!r}")
        return found

    def texts(self, docs: list[str]) -> dict[str, tuple[str, str]]:
        """Name and text of the documents with these ids."""
        with self._read() as connection:
            rows = connection.execute(
                "SELECT doc, name, text FROM documents WHERE doc IN (SELECT unnest(?))", [docs]
            ).fetchall()
        return {doc: (name, text) for doc, name, text in rows}

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        with self._read() as connection:
            return {
                table: int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
                for table in TABLES
            }

    def export_parquet(self, directory: str | os.PathLike[str]) -> list[Path]:
        """Every table as ``<directory>/<table>.parquet``; returns the files."""
        folder = Path(directory)
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        with self._read() as connection:
            for table in TABLES:
                target = folder / f"{table}.parquet"
                connection.execute(f"COPY {table} TO '{_sql_string(str(target))}' (FORMAT parquet)")
                written.append(target)
        return written


def _sql_string(value: str) -> str:
    return value.replace("'", "''")
