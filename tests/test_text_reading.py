"""Reading input: each way a file can fail has its own error and a useful message."""

from __future__ import annotations

import gzip
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from chronist.errors import (
    BinaryInputError,
    EncodingInputError,
    InputError,
    InputTooLargeError,
    MissingInputError,
)
from chronist.text.reading import decode_bytes, read_text


def write(tmp_path: Path, data: bytes, name: str = "doc.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_reads_utf8_keeping_crlf_and_umlauts(tmp_path: Path) -> None:
    path = write(tmp_path, "Im März 1950\r\nbegann es.\r\n".encode())
    assert read_text(path) == "Im März 1950\r\nbegann es.\r\n"
    assert read_text(str(path)) == read_text(path)


def test_strips_the_utf8_bom_so_offsets_start_after_it(tmp_path: Path) -> None:
    text = read_text(write(tmp_path, b"\xef\xbb\xbf1950 war es."))
    assert text == "1950 war es."
    assert text[0:4] == "1950"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(MissingInputError, match=r"nope\.txt: no such file"):
        read_text(tmp_path / "nope.txt")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(MissingInputError, match="is a directory"):
        read_text(tmp_path)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, b"1950")
    path.chmod(0)
    if os.geteuid() == 0:  # root reads it anyway: the system refuses as it would anyone else

        def refuse(file: object, *args: object, **kwargs: object) -> object:
            raise PermissionError(13, "Permission denied", str(file))

        monkeypatch.setattr("builtins.open", refuse)
    with pytest.raises(InputError, match="permission denied"):
        read_text(path)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"Text\x00mehr", r"NUL byte at byte 4"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image"),
        (b"%PDF-1.7\n...", "PDF document"),
        (b"PK\x03\x04rest", "ZIP archive"),
        (gzip.compress(b"1950"), "gzip"),
        (bytes(range(1, 256)) * 2, "control bytes in its first 510"),
    ],
)
def test_binary_input(tmp_path: Path, data: bytes, expected: str) -> None:
    with pytest.raises(BinaryInputError, match=expected):
        read_text(write(tmp_path, data))


def test_invalid_utf8_names_byte_offset_value_and_line(tmp_path: Path) -> None:
    data = b"a" * 1000 + b"\n" * 2 + b"b" * 231 + b"\xff" + b"c"
    with pytest.raises(EncodingInputError) as raised:
        read_text(write(tmp_path, data))
    message = str(raised.value)
    assert "invalid UTF-8 at byte 1233 (0xff, line 3)" in message
    assert "iconv" in message
    assert raised.value.code == "E103"


def test_invalid_utf8_offset_counts_the_bom(tmp_path: Path) -> None:
    with pytest.raises(EncodingInputError, match=r"byte 5 \(0xe4"):
        read_text(write(tmp_path, b"\xef\xbb\xbfab\xe4x"))


def test_truncated_character_at_the_end(tmp_path: Path) -> None:
    with pytest.raises(EncodingInputError, match="ends in the middle of a character"):
        read_text(write(tmp_path, "Mä".encode()[:-1]))


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_utf16_and_utf32_are_named(tmp_path: Path, encoding: str) -> None:
    with pytest.raises(EncodingInputError, match=f"is {encoding.upper()} text"):
        read_text(write(tmp_path, "1950".encode(encoding)))


@pytest.mark.parametrize("data", [b"", b" \n\t\r\n  ", b"\xef\xbb\xbf"])
def test_empty_input_is_an_empty_text(tmp_path: Path, data: bytes) -> None:
    assert read_text(write(tmp_path, data)) == data.decode("utf-8-sig")


def test_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    path = write(tmp_path, b"x" * 2_000_001)
    with pytest.raises(InputTooLargeError, match=r"limit of 2 MB.*--max-size"):
        read_text(path, max_bytes=2_000_000)
    assert len(read_text(path, max_bytes=2_000_001)) == 2_000_001


def test_stdin_is_read_as_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"Ostern 1916\r\nin Dublin"))
    monkeypatch.setattr(sys, "stdin", stdin)
    assert read_text("-") == "Ostern 1916\r\nin Dublin"


def test_stdin_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"y" * 3_000_000)))
    with pytest.raises(InputTooLargeError, match="<stdin>"):
        read_text("-", max_bytes=1_000_000)


def test_a_few_control_characters_are_still_text() -> None:
    text = "Kapitel 1\x0c\nIm Jahr 1950\x1b[0m begann es.\n" * 3
    assert decode_bytes(text.encode(), "x") == text


def test_decode_bytes_accepts_bytearray() -> None:
    assert decode_bytes(bytearray(b"1950"), "x") == "1950"


_PEAK_OF_READING = """
import resource, sys
from chronist.text.reading import read_text
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
text = read_text(sys.argv[1])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before, len(text))
"""


@pytest.mark.parametrize("dash", ["-", "–"])  # one-byte text, and text Python stores wide
def test_reading_a_large_file_holds_its_bytes_and_its_text(tmp_path: Path, dash: str) -> None:
    # resident memory, measured in a fresh process: the bytes and the text (two
    # bytes a character when wide), never the text twice as joining decoded
    # pieces would (four times the file for wide text)
    paragraph = f"Am 25. Juni 1950 {dash} überschritten Truppen die Grenze.\n".encode()
    path = write(tmp_path, paragraph * 400_000)  # about 22 MB
    size = path.stat().st_size
    run = subprocess.run(
        [sys.executable, "-c", _PEAK_OF_READING, str(path)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    grown_kb, characters = map(int, run.stdout.split())
    assert characters == len(paragraph.decode()) * 400_000
    assert grown_kb * 1024 < 3.4 * size


def test_characters_across_chunk_boundaries_decode() -> None:
    data = b"a" * ((1 << 20) - 1) + "ä".encode() + b"b"  # "ä" straddles the first megabyte
    assert decode_bytes(data, "x").endswith("äb")


def test_invalid_utf8_offset_and_line_beyond_the_first_chunk() -> None:
    data = b"a\n" * 600_000 + "ä".encode()[:1] + b"x"
    with pytest.raises(EncodingInputError, match=r"byte 1200000 \(0xc3, line 600001\)"):
        decode_bytes(data, "x")


def test_nul_offset_beyond_the_first_chunk() -> None:
    with pytest.raises(BinaryInputError, match="NUL byte at byte 3000000"):
        decode_bytes(b"a" * 3_000_000 + b"\x00", "x")
