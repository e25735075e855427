"""Reading user input as text, with one clear error for each way it can fail.

chronist reads UTF-8 plain text. A leading UTF-8 byte-order mark is removed,
so character offsets refer to the text *without* the BOM; everything else is
kept exactly as given, including ``\\r\\n`` line ends, so offsets count code
points of the text as the file holds it.

An empty file is an empty text, as for any Unix filter: it gives an empty
result, not an error. Failures raise :class:`~chronist.errors.InputError` subclasses:

- a path that does not exist, or a directory -> ``MissingInputError``
- bytes that are not text (NUL bytes, image/archive headers) -> ``BinaryInputError``
- invalid UTF-8 (the message names the byte offset and value), or UTF-16/32
  -> ``EncodingInputError``
- more than ``max_bytes`` -> ``InputTooLargeError`` (checked before reading)

Example::

    >>> decode_bytes(b"\\xef\\xbb\\xbfAm 25. Juni 1950", "x.txt")
    'Am 25. Juni 1950'
"""

from __future__ import annotations

import codecs
import fcntl
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from chronist.errors import (
    BinaryInputError,
    EncodingInputError,
    InputError,
    InputTooLargeError,
    MissingInputError,
)

__all__ = ["DEFAULT_MAX_BYTES", "STDIN", "decode_bytes", "read_text"]

DEFAULT_MAX_BYTES = 200_000_000
"""The default size limit: generous for prose (a long book is a few MB)."""

STDIN = "-"
"""The path that means standard input."""

_CHUNK = 1 << 20

# Leading bytes of common non-text formats, with what to tell the user.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document; extract its text first (e.g. pdftotext)"),
    (b"PK\x03\x04", "a ZIP archive (also .docx/.odt); unpack it or save the document as .txt"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an MS Office document; save it as plain text"),
    (b"\x1f\x8b", "gzip-compressed; decompress it first (gunzip)"),
    *(
        (b"BZh%d1AY&SY" % level, "bzip2-compressed; decompress it first (bunzip2)")
        for level in range(1, 10)
    ),
    (b"\xfd7zXZ\x00", "xz-compressed; decompress it first (unxz)"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed; decompress it first (unzstd)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x7fELF", "an executable"),
)

_UTF8_BOM = codecs.BOM_UTF8
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def read_text(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Read a UTF-8 text file (``"-"`` is standard input) as a string.

    The file is read and checked a megabyte at a time (binary data, encoding
    errors with their byte offset, the size limit), then decoded in one go: at
    most its bytes and its text are held at once.

    >>> read_text("../shared/seed/koreakrieg.de.txt")[:10]  # doctest: +SKIP
    'Der Korea'
    """
    source = str(path)
    try:
        if source == STDIN:
            source = "<stdin>"
            return _decode_chunks(_chunks(sys.stdin.buffer), source, max_bytes)
        info = os.stat(source)
        if stat.S_ISDIR(info.st_mode):
            raise MissingInputError(
                f"{source}: is a directory, not a file; give 'chronist tag' the directory "
                "to read the *.txt files in it"
            )
        if stat.S_ISREG(info.st_mode):
            _check_size(source, info.st_size, max_bytes)
            with open(source, "rb") as stream:
                return _decode_chunks(_chunks(stream), source, max_bytes, info.st_size)
        with _open_special(source) as stream:
            return _decode_chunks(_chunks(stream), source, max_bytes)
    except FileNotFoundError:
        raise MissingInputError(f"{source}: no such file; check the path") from None
    except PermissionError:
        raise InputError(f"{source}: permission denied; check the file's permissions") from None
    except IsADirectoryError:
        raise MissingInputError(f"{source}: is a directory, not a file") from None
    except OSError as error:
        raise InputError(f"{source}: cannot be read ({error.strerror or error})") from None


def _open_special(source: str) -> BinaryIO:
    """A pipe or device, opened without waiting: a named pipe nobody writes to reads
    as empty instead of blocking for ever; one with a writer (``<(command)``) is read
    to its end as usual."""
    descriptor = os.open(source, os.O_RDONLY | os.O_NONBLOCK)
    flags = fcntl.fcntl(descriptor, fcntl.F_GETFL)
    fcntl.fcntl(descriptor, fcntl.F_SETFL, flags & ~os.O_NONBLOCK)
    return os.fdopen(descriptor, "rb")


def decode_bytes(data: bytes | bytearray, source: str) -> str:
    """Decode the bytes of one input as UTF-8, or raise the fitting ``InputError``.

    ``source`` names the input in error messages (a path or ``<stdin>``).

    >>> decode_bytes(b"Sommer 1950\\r\\n", "x.txt")
    'Sommer 1950\\r\\n'
    """
    chunks = (bytes(data[at : at + _CHUNK]) for at in range(0, len(data), _CHUNK))
    return _decode_chunks(chunks, source, max_bytes=len(data))


def _chunks(stream: BinaryIO) -> Iterator[bytes]:
    while chunk := stream.read(_CHUNK):
        yield chunk


def _decode_chunks(chunks: Iterable[bytes], source: str, max_bytes: int, size_hint: int = 0) -> str:
    # Each chunk is checked as it comes; the text is decoded once at the end from
    # the bytes, so the peak is the bytes plus the text, not the text twice.
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    data = bytearray(size_hint)  # filled in place: no copy as it grows
    filled = 0
    consumed = newlines = 0  # bytes and line ends before the current chunk
    first = True
    for chunk in chunks:
        if first:
            first = False
            _check_head(chunk[:16], source)
            _check_binary(chunk[:8192], source)
            if chunk.startswith(_UTF8_BOM):
                chunk, consumed = chunk[len(_UTF8_BOM) :], len(_UTF8_BOM)
        nul = chunk.find(b"\x00")
        if nul >= 0:
            raise BinaryInputError(
                f"{source}: is not text (NUL byte at byte {consumed + nul}); chronist reads "
                "UTF-8 plain text. If it is UTF-16, convert it with iconv -f UTF-16 -t UTF-8"
            )
        pending = len(decoder.getstate()[0])
        try:
            decoder.decode(chunk)
        except UnicodeDecodeError as error:
            raise _encoding_error(source, error, consumed - pending, newlines) from None
        data[filled : filled + len(chunk)] = chunk
        filled += len(chunk)
        consumed += len(chunk)
        newlines += chunk.count(b"\n")
        _check_size(source, consumed, max_bytes)
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as error:
        raise _encoding_error(source, error, consumed - len(error.object), newlines) from None
    del data[filled:]
    text = data.decode("utf-8")
    del data
    return text


def _check_binary(sample: bytes, source: str) -> None:
    """Raise if ``sample`` is mostly control bytes, as binary data without NUL bytes is."""
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > max(3, len(sample) // 20):
        raise BinaryInputError(
            f"{source}: is not text ({controls} control bytes in its first {len(sample)}); "
            "chronist reads UTF-8 plain text"
        )


_CONTROL_BYTES = bytes([*range(0, 9), 11, 12, *range(14, 27), *range(28, 32), 127])


def _check_head(head: bytes, source: str) -> None:
    for bom, name in _WIDE_BOMS:
        if head.startswith(bom):
            raise EncodingInputError(
                f"{source}: is {name} text, not UTF-8; convert it first, e.g. "
                f"iconv -f {name} -t UTF-8 {source} > {_stem(source)}.utf8.txt"
            )
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise BinaryInputError(f"{source}: is not text but {what}")


def _encoding_error(
    source: str, error: UnicodeDecodeError, base: int, newlines: int
) -> EncodingInputError:
    """The error for invalid UTF-8; ``base`` is the file offset of ``error.object``."""
    offset = base + error.start
    value = error.object[error.start]
    line = newlines + error.object.count(b"\n", 0, error.start) + 1
    where = f"{source}: invalid UTF-8 at byte {offset} (0x{value:02x}, line {line})"
    if error.reason == "unexpected end of data":
        return EncodingInputError(
            f"{where}: the input ends in the middle of a character; is the file truncated?"
        )
    return EncodingInputError(
        f"{where}; the file is probably Latin-1/Windows-1252: convert it with "
        f"iconv -f WINDOWS-1252 -t UTF-8 {source} > {_stem(source)}.utf8.txt"
    )


def _check_size(source: str, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise InputTooLargeError(
            f"{source}: is larger than the limit of {_size(max_bytes)} "
            f"(it has at least {_size(size)}); split it, or raise the limit with --max-size"
        )


def _size(size: int) -> str:
    if size < 1_000_000:
        return f"{size:,} bytes"
    return f"{size / 1_000_000:.1f}".removesuffix(".0") + " MB"


def _stem(source: str) -> str:
    return "input" if source.startswith("<") else Path(source).stem
