"""``chronist report`` and ``chronist export`` as plugins: register, parse, run."""

from __future__ import annotations

import argparse
import csv
import io
import json

import pytest

from chronist.cli import export as export_command
from chronist.cli import report as report_command
from chronist.errors import ChronistError, InputError
from fixtures.sample import sample_timeline


def _parser(module) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="chronist")
    module.register(parser.add_subparsers())
    return parser


def _saved(tmp_path, name="korea.json", timeline=None):
    path = tmp_path / name
    path.write_text(json.dumps(timeline or sample_timeline(), ensure_ascii=False), encoding="utf-8")
    return path


def test_report_from_a_saved_timeline(tmp_path, capsys):
    saved = _saved(tmp_path)
    out = tmp_path / "page.html"
    args = _parser(report_command).parse_args(["report", str(saved), "-o", str(out)])
    assert args.handler(args) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert f"wrote {out} (7 events)" in capsys.readouterr().out


def test_report_on_several_files_goes_on_after_a_bad_one(tmp_path, capsys):
    good = _saved(tmp_path, "a.json")
    bad = tmp_path / "b.json"
    bad.write_text("{ not json", encoding="utf-8")
    other = _saved(tmp_path, "c.json")
    outdir = tmp_path / "pages"
    args = _parser(report_command).parse_args(
        ["report", str(good), str(bad), str(other), "-o", str(outdir)]
    )
    assert args.handler(args) == 1
    assert sorted(p.name for p in outdir.iterdir()) == ["a.html", "c.html", "index.html"]
    err = capsys.readouterr().err
    assert "2 of 3 pages written" in err and f"failed: {bad}: not JSON" in err
    index = (outdir / "index.html").read_text(encoding="utf-8")
    assert 'href="a.html"' in index and 'href="c.html"' in index
    assert "1 failed" in index and "not JSON" in index and "[E" in index


def test_report_errors_are_chronist_errors(tmp_path):
    args = _parser(report_command).parse_args(["report", str(tmp_path / "missing.json")])
    with pytest.raises(ChronistError):
        args.handler(args)
    wrong = _saved(tmp_path, "wrong.json", {"hello": 1})
    args = _parser(report_command).parse_args(["report", str(wrong)])
    with pytest.raises(InputError, match="not a chronist timeline"):
        args.handler(args)


def test_export_to_stdout_and_file(tmp_path, capsys):
    saved = _saved(tmp_path)
    args = _parser(export_command).parse_args(["export", str(saved), "--format", "csv"])
    assert args.handler(args) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 7
    out = tmp_path / "korea.geojson"
    args = _parser(export_command).parse_args(
        ["export", str(saved), "--format", "geojson", "-o", str(out)]
    )
    assert args.handler(args) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["type"] == "FeatureCollection"


def test_help_shows_real_examples():
    for module, name in ((report_command, "report"), (export_command, "export")):
        parser = _parser(module)
        subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        text = subparsers.choices[name].format_help()
        assert f"chronist {name} " in text and "examples:" in text


def test_report_on_a_directory(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    _saved(corpus, "a.json")
    _saved(corpus / "sub", "b.json")
    (corpus / ".hidden.json").write_text("{}", encoding="utf-8")
    outdir = tmp_path / "pages"
    args = _parser(report_command).parse_args(["report", str(corpus), "-o", str(outdir)])
    assert args.handler(args) == 0
    assert sorted(p.name for p in outdir.iterdir()) == ["a.html", "b.html", "index.html"]
    assert "2 of 2 pages written" in capsys.readouterr().err
