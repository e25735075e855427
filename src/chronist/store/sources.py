"""What to ingest: files, directories and globs, as documents with a content hash.

``.txt`` and ``.md`` are read as they are, ``.html``/``.htm`` through
BeautifulSoup (MIT) to plain paragraphs, and ``.jsonl`` gives one document per
line: ``{"text": ..., "id": ..., "title": ..., "dct": ..., "lang": ..., "kind": ...}``
(only ``text`` is required). A directory is searched recursively for these
suffixes, hidden files skipped. The hash is taken of the bytes as read plus the
extraction options, before any extraction: a re-run skips stored documents
after reading them once.

>>> html_to_text("<html><title>T</title><p>Am <b>25. Juni</b> 1950</p><p>Krieg</p></html>")
('T', 'Am 25. Juni 1950\\n\\nKrieg')
"""

from __future__ import annotations

import glob
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chronist.errors import InputError, StoreError
from chronist.text.reading import decode_bytes

__all__ = ["Failure", "Source", "discover", "html_to_text"]

SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
_GLOB = re.compile(r"[*?\[]")


@dataclass(frozen=True, slots=True)
class Source:
    """One document to ingest, not yet decoded or extracted."""

    name: str  # the file as given, or the JSON Lines record's id
    doc: str  # content hash: 16 hex digits
    form: str  # "text", "html" or "record"
    payload: bytes | str  # file bytes, or the record's text
    title: str | None
    lang: str
    kind: str
    dct: str | None


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that cannot be ingested, with the one-line reason."""

    name: str
    message: str


def content_hash(payload: bytes, lang: str, kind: str, dct: str | None) -> str:
    digest = hashlib.sha256(payload)
    digest.update(f"\0{lang}\0{kind}\0{dct or ''}".encode())
    return digest.hexdigest()[:16]


def _expand(pattern: str) -> Iterator[Path]:
    path = Path(pattern)
    if path.is_dir():
        for found in sorted(path.rglob("*")):
            relative = found.relative_to(path).parts
            hidden = any(part.startswith(".") for part in relative)
            if found.is_file() and found.suffix.lower() in SUFFIXES and not hidden:
                yield found
    elif path.exists() or not _GLOB.search(pattern):
        yield path
    else:
        for match in sorted(glob.glob(pattern, recursive=True)):
            yield from _expand(match)


def discover(paths: list[str], lang: str, kind: str, dct: str | None) -> Iterator[Source | Failure]:
    """Every document under ``paths``, in a stable order; unreadable inputs as failures."""
    for pattern in paths:
        found = False
        for path in _expand(pattern):
            found = True
            yield from _sources(path, lang, kind, dct)
        if not found:
            yield Failure(pattern, f"{pattern}: no file matches")


def _sources(
    path: Path, lang: str, kind: str, dct: str | None, lines: tuple[int, int] | None = None
) -> Iterator[Source | Failure]:
    """The documents of one file; ``lines`` (first, last; from 1) keeps those JSON Lines only."""
    name = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        yield Failure(name, f"{name}: no such file")
        return
    except IsADirectoryError:
        yield Failure(name, f"{name}: a directory")
        return
    except OSError as error:
        yield Failure(name, f"{name}: cannot read ({error.strerror})")
        return
    yield from sources_of_bytes(name, data, lang, kind, dct, lines)


def sources_of_bytes(
    name: str, data: bytes, lang: str, kind: str, dct: str | None,
    lines: tuple[int, int] | None = None,
) -> Iterator[Source | Failure]:  # fmt: skip
    """The documents of a file read as ``data`` (its suffix, in ``name``, says how to read it)."""
    suffix = Path(name).suffix.lower()
    if suffix == ".jsonl":
        yield from _records(name, data, lang, kind, dct, lines)
        return
    form = "html" if suffix in (".html", ".htm") else "text"
    doc = content_hash(data, lang, kind, dct)
    yield Source(name, doc, form, data, None, lang, kind, dct)


def _records(
    name: str, data: bytes, lang: str, kind: str, dct: str | None,
    lines: tuple[int, int] | None = None,
) -> Iterator[Source | Failure]:  # fmt: skip
    try:
        text = decode_bytes(data, name)
    except InputError as error:
        yield Failure(name, str(error))
        return
    for number, line in enumerate(text.splitlines(), 1):
        if lines is not None and not lines[0] <= number <= lines[1]:
            continue
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Failure(where, f"{where}: not JSON ({error.msg})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield Failure(where, f"{where}: a record needs a 'text' string")
            continue
        options = _options(record, lang, kind, dct)
        if isinstance(options, str):
            yield Failure(where, f"{where}: {options}")
            continue
        rec_lang, rec_kind, rec_dct, title = options
        record_id = str(record["id"]) if record.get("id") is not None else where
        body = record["text"].encode("utf-8")
        doc = content_hash(body + (title or "").encode(), rec_lang, rec_kind, rec_dct)
        yield Source(record_id, doc, "record", record["text"], title, rec_lang, rec_kind, rec_dct)


def _options(
    record: dict[str, Any], lang: str, kind: str, dct: str | None
) -> tuple[str, str, str | None, str | None] | str:
    values = {}
    for field in ("lang", "kind", "dct", "title"):
        value = record.get(field)
        if value is not None and not isinstance(value, str):
            return f"'{field}' must be a string"
        values[field] = value
    return (
        values["lang"] or lang,
        values["kind"] or kind,
        values["dct"] or dct,
        values["title"],
    )


_BLOCKS = (
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section", "article",
    "blockquote", "pre", "table", "ul", "ol", "dd", "dt", "figcaption", "main",
)  # fmt: skip
_DROP = (
    "head", "title", "script", "style", "noscript", "template", "nav", "header", "footer", "aside",
    "form",
)  # fmt: skip
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")


def html_to_text(html: str) -> tuple[str | None, str]:
    """The title and the readable text of an HTML page, one paragraph per block."""
    try:
        from bs4 import BeautifulSoup
    except ImportError:
        raise StoreError(
            "reading HTML needs BeautifulSoup: pip install 'chronist[store]'"
        ) from None
    soup = BeautifulSoup(html, "html.parser")
    title_tag = soup.find("title") or soup.find("h1")
    title = title_tag.get_text(" ", strip=True) if title_tag is not None else None
    for tag in soup.find_all(_DROP):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for tag in soup.find_all(_BLOCKS):
        tag.insert_before("\n\n")
        tag.insert_after("\n\n")
    paragraphs = []
    for block in re.split(r"\n\s*\n", soup.get_text()):
        lines = [_SPACES.sub(" ", line).strip() for line in block.split("\n")]
        joined = "\n".join(line for line in lines if line)
        if joined:
            paragraphs.append(joined)
    return title or None, "\n\n".join(paragraphs)


def decode(source: Source) -> tuple[str | None, str]:
    """The title and text of a source (raises :class:`InputError` for unreadable bytes)."""
    if isinstance(source.payload, str):
        if not source.payload.strip():
            from chronist.errors import EmptyInputError

            raise EmptyInputError(f"{source.name}: empty text")
        return source.title, source.payload
    text = decode_bytes(source.payload, source.name)
    if source.form == "html":
        title, text = html_to_text(text)
        if not text.strip():
            from chronist.errors import EmptyInputError

            raise EmptyInputError(f"{source.name}: no text in the page")
        return title, text
    return source.title, text


def count(paths: list[str]) -> int:
    """How many documents :func:`discover` will yield (JSON Lines: their lines), roughly."""
    total = 0
    for pattern in paths:
        for path in _expand(pattern):
            if path.suffix.lower() == ".jsonl" and path.is_file():
                with path.open("rb") as stream:
                    total += sum(1 for line in stream if line.strip())
            else:
                total += 1
    return total
