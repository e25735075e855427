"""``chronist extract`` (register/run), without going through cli.py."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import jsonschema
import pytest

from chronist import cli
from chronist.cli import extract as command
from chronist.errors import ChronistError
from chronist.timeline import schema

TEXT = (
    "Am 11. April 1951 setzte Truman MacArthur ab. Danach begannen im Juli 1951 "
    "Waffenstillstandsverhandlungen. Falls sie angegriffen würden, gäbe es Krieg."
)


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="chronist")
    command.register(parser.add_subparsers())
    args = parser.parse_args(argv)
    result: int = args.handler(args)
    return result


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "text.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_text_table(source: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["extract", str(source), "--no-entities"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["DATE", "EVENT", "PEOPLE", "PLACES,", "ORGS"]
    assert lines[1].startswith("1951-04-11 ")
    assert lines[2].startswith("1951-07 ")
    assert any("[conditional]" in line for line in lines)


@pytest.mark.parametrize("width", [60, 100, 200])
def test_text_table_fits_the_width(width: int) -> None:
    from chronist.cli.extract import format_text
    from chronist.timeline.build import build_timeline

    table = format_text(build_timeline(TEXT * 3, source="t.txt"), width, legend=True)
    assert max(len(line) for line in table.splitlines()) <= width
    assert "undated: no date in the text" in " ".join(table.split("\n\n")[-1].split())


def test_json_valid_against_schema(source: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["extract", str(source), "--format", "json", "--no-entities"]) == 0
    data = json.loads(capsys.readouterr().out)
    jsonschema.validate(data, schema())
    assert data["document"]["source"] == str(source)
    assert [e["time"]["edtf"] for e in data["events"]][:2] == ["1951-04-11", "1951-07"]


def test_news_with_dct(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "news.txt"
    path.write_text("Gestern unterzeichneten beide Staaten den Vertrag.", encoding="utf-8")
    argv = ["extract", str(path), "--kind", "news", "--dct", "2017-08-10", "--format", "json"]
    assert _run([*argv, "--no-entities"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["document"]["kind"] == "news" and data["document"]["dct"] == "2017-08-10"
    assert data["events"][0]["time"]["value"] == "2017-08-09"


def test_errors_are_chronist_errors(source: Path) -> None:
    with pytest.raises(ChronistError):
        _run(["extract", "/no/such/file.txt"])


@pytest.mark.parametrize("command", ["tag", "extract", "report"])
def test_a_bad_dct_is_the_same_usage_error_everywhere(
    command: str, source: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from chronist.cli import main

    for bad in ("yesterday", "0000-01-01", "1950-02-30"):
        assert main([command, str(source), "--dct", bad]) == 2
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1 and "invalid date" in err, err


def test_user_reference_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "mine.tsv"
    table.write_text("koreaboom\t1950\t1953\tKoreaboom\tKorea boom\tde:Koreaboom\n")
    path = tmp_path / "t.txt"
    path.write_text("Während des Koreabooms stiegen die Exporte.", encoding="utf-8")
    argv = ["extract", str(path), "--reference", str(table), "--format", "json"]
    assert _run([*argv, "--no-entities"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [a["id"] for a in data["anchors"]] == ["koreaboom"]


def test_extract_in_a_language_with_dates_only_says_what_there_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "report.txt"
    source.write_text("On June 25, 1950, the war began.", encoding="utf-8")
    assert cli.main(["extract", str(source), "--lang", "en"]) == 2
    error = capsys.readouterr().err
    assert "chronist tag --lang en" in error
    assert "Traceback" not in error
