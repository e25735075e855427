"""The full-text index beside the store: SQLite FTS5 (Python's own ``sqlite3``).

DuckDB's ``fts`` extension is downloaded at run time, which this machine
cannot do; SQLite's FTS5 ships with Python. The index is a second file,
``<store>.fts.sqlite``, in WAL mode, so readers search while the ingest
writes. It holds each document's title and text and each event mention's
label and evidence sentence; :func:`fts_query` turns the user's words into an
FTS5 query (every word must occur; ``krieg*`` is a prefix).

The writer updates it *before* committing the same document to DuckDB, after
deleting the document's old entries: a crash between the two leaves entries
the next run rewrites, never a stored document without its entries.

>>> fts_query('Korea "Krieg" waffen*')
'"korea" "krieg" "waffen"*'
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from chronist.errors import OptionError

__all__ = ["FullText", "fts_query"]

_WORD = re.compile(r"[\w\-']+\*?", re.UNICODE)


def fts_query(words: str) -> str:
    """An FTS5 query in which every word of ``words`` must occur."""
    terms = []
    for word in _WORD.findall(words):
        prefix = word.endswith("*")
        bare = word.rstrip("*").replace('"', "").lower()
        if bare:
            terms.append(f'"{bare}"' + ("*" if prefix else ""))
    if not terms:
        raise OptionError(f"no words to search for in {words!r}")
    return " ".join(terms)


class FullText:
    """The FTS5 index of one store (opened per operation, like the store)."""

    def __init__(self, store: Path) -> None:
        self.path = store.with_name(store.name + ".fts.sqlite")

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=60)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS documents USING fts5(doc UNINDEXED, title, text)"
        )
        connection.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS evidence "
            "USING fts5(doc UNINDEXED, seq UNINDEXED, text)"
        )
        # which rows of the two indexes hold a document: FTS5 finds rows by words, not by doc
        connection.execute("CREATE TABLE IF NOT EXISTS entries (doc TEXT, tbl TEXT, id INTEGER)")
        connection.execute("CREATE INDEX IF NOT EXISTS entries_doc ON entries (doc)")
        return connection

    def replace(
        self,
        old: Iterable[str],
        doc: str,
        title: str | None,
        text: str,
        evidence: list[tuple[int, str]],
    ) -> None:
        """Drop the entries of ``old`` documents (and ``doc``), then index ``doc``."""
        self.replace_many(old, [(doc, title, text, evidence)])

    def replace_many(
        self,
        old: Iterable[str],
        documents: list[tuple[str, str | None, str, list[tuple[int, str]]]],
    ) -> None:
        """Drop the entries of ``old`` documents (and of ``documents``), then index
        ``documents`` (``(doc, title, text, evidence)``), all in one transaction."""
        connection = self._connect()
        try:
            with connection:
                for gone in sorted({*old, *(d[0] for d in documents)}):
                    for table in ("documents", "evidence"):
                        connection.execute(
                            f"DELETE FROM {table} WHERE rowid IN "
                            "(SELECT id FROM entries WHERE doc = ? AND tbl = ?)",
                            (gone, table),
                        )
                    connection.execute("DELETE FROM entries WHERE doc = ?", (gone,))
                rows = []
                for doc, title, text, evidence in documents:
                    cursor = connection.execute(
                        "INSERT INTO documents VALUES (?, ?, ?)", (doc, title, text)
                    )
                    rows.append((doc, "documents", cursor.lastrowid))
                    for seq, sentence in evidence:
                        cursor = connection.execute(
                            "INSERT INTO evidence VALUES (?, ?, ?)", (doc, seq, sentence)
                        )
                        rows.append((doc, "evidence", cursor.lastrowid))
                connection.executemany("INSERT INTO entries VALUES (?, ?, ?)", rows)
        finally:
            connection.close()

    def _search(self, sql: str, words: str) -> list[tuple[object, ...]]:
        if not self.path.exists():
            return []
        connection = self._connect()
        try:
            return connection.execute(sql, (fts_query(words),)).fetchall()
        except sqlite3.OperationalError as error:
            raise OptionError(f"cannot search for {words!r}: {error}") from None
        finally:
            connection.close()

    def documents(self, words: str) -> list[str]:
        """Ids of the documents containing every word, best match first."""
        rows = self._search(
            "SELECT doc FROM documents WHERE documents MATCH ? ORDER BY rank", words
        )
        return [str(doc) for (doc,) in rows]

    def mentions(self, words: str) -> list[tuple[str, int]]:
        """(document, event seq) of the event mentions whose evidence has every word."""
        rows = self._search("SELECT doc, seq FROM evidence WHERE evidence MATCH ?", words)
        return [(str(doc), int(str(seq))) for doc, seq in rows]
