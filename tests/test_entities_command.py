"""``chronist entities`` subcommand (register/run), without going through cli.py."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from chronist.cli import entities as command
from chronist.errors import ChronistError


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="chronist")
    command.register(parser.add_subparsers())
    return parser.parse_args(argv)


def test_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "t.txt"
    path.write_text("Truman entließ MacArthur. Stalins Tod kam später in Moskau.", encoding="utf-8")
    args = _parse(["entities", str(path), "--format", "json"])
    assert args.handler(args) == 0
    document = json.loads(capsys.readouterr().out)
    by_text = {e["text"]: e for e in document["entities"]}
    assert by_text["Truman"]["type"] == "PER"
    assert by_text["Moskau"]["type"] == "LOC"
    assert by_text["Moskau"]["gazetteer_id"] == "geonames:524901"
    assert by_text["Moskau"]["mentions"] == [{"text": "Moskau", "start": 52, "end": 58}]


def test_text_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "t.txt"
    path.write_text("Douglas MacArthur landete in Incheon.", encoding="utf-8")
    assert command.run(_parse(["entities", str(path)])) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("PER  Douglas MacArthur")
    assert lines[1].startswith("LOC  Incheon") and "geonames:" in lines[1]


def test_missing_file_is_a_chronist_error(tmp_path: Path) -> None:
    with pytest.raises(ChronistError):
        command.run(_parse(["entities", str(tmp_path / "nope.txt")]))
