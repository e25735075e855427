"""Every subcommand over a list of bad inputs: one-line errors with codes, never an
"internal error", never a traceback, never a hang."""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path

import pytest

from chronist.cli import main
from fixtures.sample import sample_timeline

ERROR_LINE = re.compile(r"^chronist: error: .+ \[E[0-9]{3}\]$")


def _bad_inputs(folder: Path) -> dict[str, str]:
    """Name -> path of each bad input, made in ``folder``."""
    made: dict[str, bytes | None] = {
        "empty.txt": b"",
        "blank.txt": b" \n\t\n",
        "png.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
        "latin1.txt": "Am 5. März 1950 ließ er".encode("latin-1"),
        "nul.txt": b"Am 5. Mai\x00 1950",
        "utf16.txt": "Am 5. Mai 1950".encode("utf-16"),
        "lone-surrogate.txt": b"Am 5. Mai \xed\xa0\x80 1950",
        "brace.txt": b'{"schema_version": 1, "events": [}',
        "text.json": b"Am 25. Juni 1950 begann der Krieg.",
        "broken.json": b'{"schema_version": 1, ',
        "nan.json": b'{"schema_version": NaN}',
        "deep.json": b"[" * 5_000 + b"]" * 5_000,
        "deep-object.json": b'{"a":' * 5_000 + b"1" + b"}" * 5_000,
        "array.json": b"[1, 2, 3]",
        "version2.json": json.dumps({**sample_timeline(), "schema_version": 2}).encode(),
        "badday.json": json.dumps(
            {
                **sample_timeline(),
                "document": {**sample_timeline()["document"], "dct": "2023-02-29"},
            }
        ).encode(),
        "huge-offset.json": json.dumps(sample_timeline())
        .replace('"start": 0', '"start": 1e999', 1)
        .encode(),
        "one-line.txt": ("Krieg" + "!" * 3_000).encode(),
        "dots.txt": b"." * 5_000,
        "digits.txt": b"1950 " * 500,
        "no-space.txt": b"x" * 6_000,
        "not-a-corpus.tml": b"<TimeML><TEXT>unclosed",
        "empty-dir": None,
    }
    paths: dict[str, str] = {}
    for name, content in made.items():
        path = folder / name
        if content is None:
            path.mkdir()
        else:
            path.write_bytes(content)
        paths[name] = str(path)
    fifo = folder / "fifo.txt"
    os.mkfifo(fifo)
    paths["fifo.txt"] = str(fifo)
    paths["missing.txt"] = str(folder / "no" / "such.txt")
    paths["dev-null"] = "/dev/null"
    paths["newline\nname.txt"] = str(folder / "a\nb.txt")
    return paths


def _commands(path: str, out: Path) -> dict[str, list[str]]:
    return {
        "tag": ["tag", path],
        "tag-json": ["tag", path, "--format", "json", "-o", str(out / "tag")],
        "extract": ["extract", path, "--no-entities"],
        "extract-csv": ["extract", path, "--format", "csv", "--no-entities"],
        "report": ["report", path, "-o", str(out / "page.html")],
        "export-rdf": ["export", path, "--format", "rdf"],
        "export-csv": ["export", path, "--format", "csv", "-o", str(out / "x.csv")],
        "entities": ["entities", path],
        "eval": ["eval", path],
        "eval-ner": ["eval", "--ner", path],
    }


def test_every_command_on_every_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = _bad_inputs(tmp_path)
    out = tmp_path / "out"
    problems = []
    for name, path in inputs.items():
        for command, argv in _commands(path, out).items():
            monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"")))
            code = main(argv)
            captured = capsys.readouterr()
            errors = [line for line in captured.err.splitlines() if "error" in line]
            if code not in (0, 1, 2):
                problems.append(f"{command} {name}: exit {code}")
            for line in errors:
                if "internal error" in line or "Traceback" in captured.err:
                    problems.append(f"{command} {name}: {line}")
                elif line.startswith("chronist: error:") and not ERROR_LINE.match(line):
                    problems.append(f"{command} {name}: no code in {line!r}")
            if code != 0 and not errors and "failed" not in captured.err:
                problems.append(f"{command} {name}: exit {code} without an error line")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("command", ["tag", "extract", "report", "entities"])
def test_options_are_checked_alike_in_every_command(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Am 25. Juni 1950 begann der Krieg.", encoding="utf-8")
    options = [["--lang", "xx"], ["--lang", "../de"]]
    if command != "entities":
        options += [["--dct", "0000-01-01"], ["--dct", "2023-02-29"], ["--kind", "poem"]]
    for option in options:
        assert main([command, str(path), *option]) == 2, option
        lines = capsys.readouterr().err.strip().splitlines()
        assert len(lines) == 1 and lines[0].endswith("[E200]"), lines


def test_entities_goes_on_after_a_bad_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Truman traf Stalin in Moskau.", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert main(["entities", str(bad), str(good), "--format", "json"]) == 1
    captured = capsys.readouterr()
    assert "[E102]" in captured.err
    assert json.loads(captured.out)["source"] == str(good)


def test_eval_refuses_a_non_bio_ner_file_and_a_missing_peer_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    prose = tmp_path / "prose.tsv"
    prose.write_text("Truman traf Stalin\tin Moskau am 5. Mai\n", encoding="utf-8")
    assert main(["eval", "--ner", str(prose)]) == 1
    assert "is not a BIO label" in capsys.readouterr().err
    gold = tmp_path / "gold.tml"
    gold.write_text(
        '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1950-06-25">1950-06-25</TIMEX3></DCT>'
        "<TEXT>Am 25. Juni 1950.</TEXT></TimeML>",
        encoding="utf-8",
    )
    assert main(["eval", str(gold), "--peer", str(tmp_path / "missing")]) == 2
    assert "no such folder" in capsys.readouterr().err
