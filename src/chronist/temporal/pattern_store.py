"""Compiled grammar patterns kept between runs, as Python keeps a module's bytecode.

Compiling a language's ~100 rule patterns is most of chronist's start-up
(about 0.15 s of parsing and code generation in :mod:`re`). The store keeps what
the compiler produced, the pattern's program for the regular expression
engine, in one file per language, and a later run builds its patterns from that
program directly, which takes milliseconds.

The file is keyed by the Python version and the engine's ``MAGIC`` number, so
a program is only reused by the engine that wrote it; the engine checks every
program it is given; and a pattern is looked up by its full text, so a changed
rule is compiled afresh. Anything unexpected (no cache directory, an unreadable
or corrupt file, an engine whose interface differs) falls back to
:func:`re.compile`: the store can make loading faster, never different.

The directory is ``$CHRONIST_CACHE_DIR``, else ``$XDG_CACHE_HOME/chronist``,
else ``~/.cache/chronist``; ``CHRONIST_CACHE_DIR=`` (empty) turns the store off.
"""

from __future__ import annotations

import importlib
import marshal
import os
import re
import sys
from contextlib import suppress
from pathlib import Path
from types import ModuleType
from typing import Any


def _engine_modules() -> tuple[ModuleType, ModuleType, ModuleType] | None:
    """CPython's regular expression engine and its compiler (the same since 3.11), or None."""
    try:
        names = ("_sre", "re._compiler", "re._parser")
        engine, compiler, parser = (importlib.import_module(name) for name in names)
    except ImportError:  # another Python: always compile
        return None
    return engine, compiler, parser


_ENGINE = _engine_modules()

# (flags, program, number of groups, group index, index group): the engine's compile arguments
_Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
_STORE_ERRORS = (OSError, EOFError, ValueError, TypeError, RuntimeError, AttributeError)


def cache_dir() -> Path | None:
    """Where compiled patterns are kept, or None when the store is turned off."""
    configured = os.environ.get("CHRONIST_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "chronist"


class PatternStore:
    """The compiled patterns of one language's grammar, read once and written when they change.

    >>> store = PatternStore("doctest", directory=None)  # None: compile, keep nothing
    >>> store.compile(r"(?P<year>[0-9]{4})").match("1953").group("year")
    '1953'
    """

    def __init__(self, name: str, directory: Path | None) -> None:
        self.path: Path | None = None
        if directory is not None and _ENGINE is not None:
            version = f"py{sys.version_info[0]}{sys.version_info[1]}-sre{_ENGINE[0].MAGIC}"
            self.path = directory / f"{name}-{version}.marshal"
        self._known = self._read()
        self._used: dict[str, _Program] = {}
        self._changed = False

    def compile(self, pattern: str) -> re.Pattern[str]:
        """``re.compile(pattern)``, from the stored program when there is one."""
        if self.path is None or _ENGINE is None:
            return re.compile(pattern)
        engine = _ENGINE[0]
        program = self._known.get(pattern)
        if program is not None:
            try:
                compiled: re.Pattern[str] = engine.compile(pattern, *program)
            except _STORE_ERRORS:
                pass
            else:
                self._used[pattern] = program
                return compiled
        try:
            program = _translate(pattern, _ENGINE)  # a bad pattern raises re.error
            compiled = engine.compile(pattern, *program)
        except _STORE_ERRORS:
            return re.compile(pattern)
        self._used[pattern] = program
        self._changed = True
        return compiled

    def save(self) -> None:
        """Write the patterns compiled since reading, if any were new; never fails."""
        if self.path is None or not self._changed:
            return
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            data = marshal.dumps(self._used)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(data)
            os.replace(temporary, self.path)  # readers see the old file or the new one
        except _STORE_ERRORS:
            with suppress(OSError):
                temporary.unlink(missing_ok=True)
            return
        self._changed = False

    def _read(self) -> dict[str, _Program]:
        if self.path is None:
            return {}
        try:
            known: Any = marshal.loads(self.path.read_bytes())
        except _STORE_ERRORS:
            return {}
        return known if isinstance(known, dict) else {}


def _translate(pattern: str, modules: tuple[ModuleType, ModuleType, ModuleType]) -> _Program:
    """The engine's arguments for ``pattern``, as :func:`re.compile` computes them."""
    _, compiler, parser = modules
    parsed = parser.parse(pattern, 0)
    program = compiler._code(parsed, 0)
    groups: dict[str, int] = dict(parsed.state.groupdict)
    names: list[str | None] = [None] * parsed.state.groups
    for name, number in groups.items():
        names[number] = name
    flags = int(parsed.state.flags)
    return flags, [int(op) for op in program], parsed.state.groups - 1, groups, tuple(names)
