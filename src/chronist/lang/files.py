"""Reading a language's TOML files, with the parsed data kept between runs.

Parsing the grammar's TOML is most of what a short run spends loading a
language. The parsed data (plain dicts, lists, strings and numbers) is kept as
JSON in ``$CHRONIST_CACHE_DIR``, else ``$XDG_CACHE_HOME/chronist``, else
``~/.cache/chronist``, beside a copy of the file's bytes: an entry is used
only when those bytes equal the file's, so an edited file never reads stale
data. A cache is only a cache: a missing, unreadable, corrupt or foreign
entry, or a directory that cannot be written, means the file is parsed as
usual (and the entry written again when possible); ``CHRONIST_CACHE_DIR=``
(empty) turns the cache off.

>>> from chronist.lang import language_dir
>>> read_toml(language_dir("de") / "text.toml")["sentences"]["ordinal_dot"]
True
"""

from __future__ import annotations

import json
import os
import stat
import tomllib
from contextlib import suppress
from pathlib import Path
from typing import Any

__all__ = ["cache_dir", "read_toml"]

_MAGIC = b"chronist-toml-2\n"
_MAX_ENTRY = 16 * 1024 * 1024


def cache_dir() -> Path | None:
    """Where parsed data is kept, or None when the cache is turned off."""
    configured = os.environ.get("CHRONIST_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "chronist"


def _read_entry(path: Path, source: bytes) -> dict[str, Any] | None:
    try:
        if not stat.S_ISREG(path.stat().st_mode) or path.stat().st_size > _MAX_ENTRY:
            return None  # a FIFO or a device in its place is not read
        raw = path.read_bytes()
        head = _MAGIC + b"%010d" % len(source)
        if not raw.startswith(head) or raw[len(head) : len(head) + len(source)] != source:
            return None
        data = json.loads(raw[len(head) + len(source) :].decode("utf-8"))
    except (OSError, ValueError, UnicodeDecodeError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def _write_entry(path: Path, source: bytes, data: dict[str, Any]) -> None:
    try:
        parsed = json.dumps(data, ensure_ascii=False).encode("utf-8")
        payload = _MAGIC + b"%010d" % len(source) + source + parsed
    except (TypeError, ValueError):
        return  # a value JSON cannot keep (a TOML date): parse each time
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(payload)
        os.replace(partial, path)
    except OSError:
        with suppress(OSError):
            partial.unlink(missing_ok=True)


def read_toml(path: Path) -> dict[str, Any]:
    """The parsed TOML of ``path`` (raises what :mod:`tomllib` and reading raise)."""
    raw = path.read_bytes()
    directory = cache_dir()
    if directory is None:
        return tomllib.loads(raw.decode("utf-8"))
    name = str(path.resolve()).strip("/").replace("/", "%").replace("\\", "%")
    entry = directory / f"{name[-200:]}.json"
    found = _read_entry(entry, raw)
    if found is not None:
        return found
    data = tomllib.loads(raw.decode("utf-8"))
    _write_entry(entry, raw, data)
    return data
