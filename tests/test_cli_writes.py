"""Every write of the command line is whole or absent: a full disk, a read-only folder
or a closed stream leaves the previous file, no partial file, a one-line error with a
code, and a non-zero exit code."""

from __future__ import annotations

import errno
import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from chronist.cli import main
from chronist.cli import output as output_module

TEXT = "Am 25. Juni 1950 überschritten Truppen die Grenze. Am 27. Juli 1953 endete der Krieg.\n"
PREVIOUS = "the previous version\n"


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "korea.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


@pytest.fixture
def saved(tmp_path: Path, source: Path) -> Path:
    path = tmp_path / "korea.json"
    assert main(["extract", str(source), "--format", "json", "--no-entities", "-o", str(path)]) == 0
    return path


class _FullDisk(io.StringIO):
    """A file that takes a few characters and then reports a full disk."""

    def write(self, text: str) -> int:
        if self.tell() + len(text) > 20:
            super().write(text[: max(0, 20 - self.tell())])
            raise OSError(errno.ENOSPC, "No space left on device")
        return super().write(text)

    def fileno(self) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    real_open = open

    def fake_open(path: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if "w" in mode:
            real_open(path, mode, *args, **kwargs).close()  # the partial file exists
            return _FullDisk()
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr(output_module, "open", fake_open, raising=False)
    yield


def _commands(source: Path, saved: Path, target: Path) -> dict[str, list[str]]:
    return {
        "tag": ["tag", str(source), "--format", "json", "-o", str(target.parent)],
        "extract": ["extract", str(source), "--no-entities", "-o", str(target)],
        "report": ["report", str(saved), "-o", str(target)],
        "export": ["export", str(saved), "--format", "csv", "-o", str(target)],
    }


@pytest.mark.parametrize("command", ["tag", "extract", "report", "export"])
def test_a_full_disk_leaves_the_previous_file_and_no_partial_one(
    command: str,
    source: Path,
    saved: Path,
    tmp_path: Path,
    full_disk: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / ("korea.json" if command == "tag" else "result.out")
    target.write_text(PREVIOUS, encoding="utf-8")
    assert main(_commands(source, saved, target)[command]) == 1
    error = capsys.readouterr().err.strip().splitlines()
    assert any("[E603]" in line and "no space left" in line for line in error), error
    assert not any("internal error" in line or "Traceback" in line for line in error)
    assert target.read_text(encoding="utf-8") == PREVIOUS
    assert sorted(p.name for p in folder.iterdir()) == [target.name]


def _read_only_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    probe = folder / "probe"
    try:
        probe.write_text("x")
    except PermissionError:
        return folder
    probe.unlink()
    system = Path("/sys/kernel")  # root writes anywhere, but not into sysfs
    if system.is_dir() and not os.access(system, os.W_OK):
        return system
    try:
        (system / "chronist-probe").write_text("x")
    except OSError:
        return system
    pytest.fail("no read-only folder to write into on this machine")


@pytest.mark.parametrize("command", ["tag", "extract", "report", "export"])
def test_a_read_only_folder_is_a_one_line_permission_error(
    command: str, source: Path, saved: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _read_only_folder(tmp_path)
    target = folder / "result.out"
    try:
        assert main(_commands(source, saved, target)[command]) == 1
    finally:
        if folder.is_relative_to(tmp_path):
            folder.chmod(0o755)
    lines = capsys.readouterr().err.strip().splitlines()
    assert any("[E601]" in line or "[E602]" in line for line in lines), lines
    assert not any("internal error" in line for line in lines)
    assert not target.exists()


def test_stdout_on_a_full_device_is_an_error_not_exit_0(
    source: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class FullStdout(io.StringIO):
        def write(self, text: str) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

        def fileno(self) -> int:
            raise ValueError("no file")

    monkeypatch.setattr("sys.stdout", FullStdout())
    for argv in (["extract", str(source), "--no-entities"], ["tag", str(source)]):
        assert main(argv) == 1
        error = capsys.readouterr().err
        assert "[E603]" in error and "internal error" not in error


def test_same_stem_inputs_into_one_folder_do_not_overwrite_each_other(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "bericht.txt").write_text(
            f"Am 25. Juni 1950 begann es in {folder}.", encoding="utf-8"
        )
    pages = tmp_path / "pages"
    inputs = [str(tmp_path / "a" / "bericht.txt"), str(tmp_path / "b" / "bericht.txt")]
    assert main(["report", *inputs, "-o", str(pages)]) == 0
    written = sorted(p.name for p in pages.iterdir())
    assert written == ["bericht-2.html", "bericht.html", "index.html"]
    index = (pages / "index.html").read_text(encoding="utf-8")
    assert 'href="bericht.html"' in index and 'href="bericht-2.html"' in index
    assert "in a." in (pages / "bericht.html").read_text(encoding="utf-8")
    assert "in b." in (pages / "bericht-2.html").read_text(encoding="utf-8")
    tagged = tmp_path / "tagged"
    assert main(["tag", *inputs, "--format", "json", "-o", str(tagged)]) == 1
    assert "already written" in capsys.readouterr().err
    assert [p.name for p in tagged.iterdir()] == ["bericht.json"]


def test_a_write_never_replaces_its_own_input(
    source: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in (
        ["report", str(source), "-o", str(source)],
        ["extract", str(source), "--no-entities", "-o", str(source)],
    ):
        assert main(argv) == 2
        assert source.read_text(encoding="utf-8") == TEXT
        assert "would overwrite the input" in capsys.readouterr().err
