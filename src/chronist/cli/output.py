"""Every file and stream the command line writes, and the one-line errors when it cannot.

A file is written to a hidden temporary file beside it and renamed over the
target only when complete (:func:`write_file`): a full disk, a permission
problem or an interruption leaves the previous version, never half a file.
Operating-system errors become :class:`~chronist.errors.OutputError`
subclasses with stable codes. Standard output goes through :func:`write_stdout`,
which turns a full device into the same errors (a closed pipe stays a
``BrokenPipeError``, which the CLI ends quietly with exit code 141).

Example::

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write_file(folder / "a.txt", lambda stream: stream.write("x"))
    >>> (folder / "a.txt").read_text()
    'x'
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from chronist.errors import (
    ChronistError,
    DiskFullError,
    OutputError,
    OutputFolderError,
    OutputPermissionError,
)

__all__ = [
    "UniqueTargets", "describe", "emit_line", "one_line", "output_error", "stream_stdout",
    "write_file", "write_stdout", "write_text",
]  # fmt: skip

_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
_DENIED = {errno.EACCES, errno.EPERM, errno.EROFS}
_FOLDER = {errno.ENOENT, errno.ENOTDIR, errno.EISDIR}


def one_line(message: str) -> str:
    """``message`` on one line: line breaks and other control characters (a file
    name may hold them) are written as escapes.

    >>> one_line("a\\nb.txt: no such file")
    'a\\\\nb.txt: no such file'
    """
    if message.isprintable():
        return message
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in message)


def output_error(error: OSError, where: str) -> OutputError:
    """The OutputError saying, in one line, why ``where`` could not be written.

    >>> output_error(OSError(28, "No space left on device"), "out.html").code
    'E603'
    """
    reason = error.strerror or str(error)
    if error.errno in _FULL:
        return DiskFullError(f"{where}: cannot write: no space left on the device ({reason})")
    if error.errno in _DENIED:
        return OutputPermissionError(f"{where}: cannot write: permission denied ({reason})")
    if error.errno in _FOLDER:
        return OutputFolderError(
            f"{where}: cannot write: the folder is missing or not a folder ({reason})"
        )
    return OutputError(f"{where}: cannot write: {reason}")


def write_file(target: Path, write: Callable[[TextIO], object]) -> None:
    """Write ``target`` atomically: ``write(stream)`` fills a temporary file that is
    renamed over ``target`` when complete; on any failure it is removed."""
    partial = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.is_dir():
            raise OutputFolderError(f"{target}: cannot write: it is a folder; give a file name")
        with open(partial, "w", encoding="utf-8", newline="") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(partial, target)
    except OSError as error:
        raise output_error(error, str(target)) from error
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)


def write_text(target: Path, text: str) -> None:
    """:func:`write_file` with a ready string."""
    write_file(target, lambda stream: stream.write(text))


def write_stdout(text: str) -> None:
    """Write to standard output and flush; a full device is a DiskFullError."""
    stream_stdout(lambda stream: stream.write(text))


def stream_stdout(write: Callable[[TextIO], object]) -> None:
    """:func:`write_stdout` with a function that writes to the stream."""
    try:
        write(sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        silence_stdout()
        raise output_error(error, "standard output") from error


def silence_stdout() -> None:
    """Point standard output at /dev/null, so that Python's flush at exit cannot fail
    again after a closed pipe or a full device."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


class UniqueTargets:
    """Output names for a batch: a name already used in this run gets ``-2``, ``-3``, ...
    so that two inputs with the same stem never overwrite each other.

    >>> names = UniqueTargets()
    >>> names.claim(Path("out/a.html")), names.claim(Path("out/a.html"))
    (PosixPath('out/a.html'), PosixPath('out/a-2.html'))
    """

    def __init__(self) -> None:
        self._used: set[Path] = set()

    def claim(self, target: Path) -> Path:
        candidate, number = target, 1
        while candidate.resolve() in self._used:
            number += 1
            candidate = target.with_name(f"{target.stem}-{number}{target.suffix}")
        self._used.add(candidate.resolve())
        return candidate


def describe(error: BaseException) -> str:
    """An error as the one line the CLI prints: the message and its stable code."""
    if isinstance(error, ChronistError):
        return f"{error} [{error.code}]"
    return (
        f"internal error: {type(error).__name__}: {error}; "
        "rerun with --debug to see the traceback, and please report it"
    )


def emit_line(message: str, prefix: str = "chronist: error: ") -> None:
    """Print one line on stderr."""
    sys.stderr.write(f"{prefix}{one_line(message)}\n")
    sys.stderr.flush()
