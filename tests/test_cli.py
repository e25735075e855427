"""The command line: in-process through ``main([...])``, and a few real processes."""

from __future__ import annotations

import dataclasses
import importlib
import io
import json
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import pytest

import chronist
from chronist import cli
from chronist.text.document import Document
from chronist.timeline.jsonio import schema

CLI = Path(sys.executable).with_name("chronist")
SENTENCE = "Am 25. Juni 1950 begann der Koreakrieg.\r\nEr endete 1953 mit einem Waffenstillstand.\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def one_error_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("chronist: error: ")
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    path = tmp_path / "korea.txt"
    path.write_bytes(SENTENCE.encode())
    return path


def test_text_table_shows_values_and_context(capsys: pytest.CaptureFixture[str], doc: Path) -> None:
    code, out, err = run(capsys, "tag", str(doc))
    assert (code, err) == (0, "")
    assert out.startswith(f"{doc}: ")
    header = out.splitlines()[1].split()
    assert header == ["#", "offsets", "text", "type", "value", "mod", "anchor", "rule"]
    assert "1950-06-25" in out
    assert "[25. Juni 1950]" in out  # the mention in its context


def test_json_mentions_are_the_timeline_schemas_timexes(
    capsys: pytest.CaptureFixture[str], doc: Path
) -> None:
    code, out, _ = run(capsys, "tag", str(doc), "--format", "json", "--kind", "narrative")
    assert code == 0
    [line] = out.splitlines()  # JSON Lines: one document per line
    result = json.loads(line)
    assert result["format"] == "chronist.tag"
    assert result["document"] == {
        "file": str(doc),
        "lang": "de",
        "kind": "narrative",
        "kind_used": "narrative",
        "dct": None,
        "characters": len(SENTENCE),
    }
    expected = chronist.tag(SENTENCE, kind="narrative")
    assert len(result["mentions"]) == len(expected) >= 2
    timex_schema = schema()["$defs"]["timex"]
    for mention, timex in zip(result["mentions"], expected, strict=True):
        assert set(timex_schema["required"]) <= set(mention) <= set(timex_schema["properties"])
        jsonschema.validate(mention, {**timex_schema, "$defs": schema()["$defs"]})
        assert SENTENCE[mention["start"] : mention["end"]] == mention["text"]  # CRLF kept
        assert (mention["value"], mention["type"]) == (timex.value, timex.type.value)
    first = result["mentions"][0]
    assert first["value"] == "1950-06-25"
    assert first["earliest_begin"] == "1950-06-25"


def test_json_files_in_output_directory(
    capsys: pytest.CaptureFixture[str], doc: Path, tmp_path: Path
) -> None:
    out_dir = tmp_path / "out" / "nested"
    code, out, _ = run(capsys, "tag", str(doc), "--format", "json", "-o", str(out_dir))
    assert (code, out) == (0, "")
    assert [path.name for path in out_dir.iterdir()] == ["korea.json"]
    result = json.loads((out_dir / "korea.json").read_text(encoding="utf-8"))
    assert result["mentions"][0]["text"] == "25. Juni 1950"


def test_dots_in_the_stem_are_kept(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "bericht.1950.txt").write_text("Im Mai 1950.", encoding="utf-8")
    out_dir = tmp_path / "out"
    assert run(capsys, "tag", str(tmp_path / "bericht.1950.txt"), "-o", str(out_dir))[0] == 0
    assert [path.name for path in out_dir.iterdir()] == ["bericht.1950.txt"]


def test_text_table_survives_a_latin1_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, doc: Path
) -> None:
    doc.write_text("Am 25. Juni 1950 – 中文 – begann es.", encoding="utf-8")
    terminal = io.TextIOWrapper(io.BytesIO(), encoding="latin-1")
    monkeypatch.setattr(sys, "stdout", terminal)
    assert cli.main(["tag", str(doc)]) == 0
    terminal.flush()
    shown = terminal.buffer.getvalue().decode("latin-1")
    assert "[25. Juni 1950] ? ?? ? begann es." in shown


def test_timeml_keeps_the_text_exactly(
    capsys: pytest.CaptureFixture[str], doc: Path, tmp_path: Path
) -> None:
    code, _, _ = run(
        capsys, "tag", str(doc), "--format", "timeml", "--dct", "1953-07-28", "-o", str(tmp_path)
    )
    assert code == 0
    root = ElementTree.fromstring((tmp_path / "korea.tml").read_bytes())
    body = root.find("TEXT")
    assert body is not None
    assert "".join(body.itertext()) == SENTENCE
    values = [timex.get("value") for timex in body.iter("TIMEX3")]
    assert "1950-06-25" in values
    assert root.find("DOCID") is not None and root.findtext("DOCID") == "korea"


def test_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(SENTENCE.encode()))
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, _ = run(capsys, "tag", "-", "--format", "json")
    assert code == 0
    assert json.loads(out)["document"]["file"] == "<stdin>"


def test_stdin_twice_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "tag", "-", "-")
    assert code == 2
    assert "more than once" in one_error_line(err)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, r"no such file; check the path [E101]"),
        (b"\x89PNG\r\n\x1a\n\x00", "is not text but a PNG image [E102]"),
        (b"Im M\xe4rz 1950", "invalid UTF-8 at byte 4 (0xe4, line 1)"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes | None, expected: str
) -> None:
    path = tmp_path / "bad.txt"
    if content is not None:
        path.write_bytes(content)
    code, out, err = run(capsys, "tag", str(path))
    assert (code, out) == (1, "")
    line = one_error_line(err)
    assert line.startswith(f"chronist: error: {path}: ")
    assert expected in line


@pytest.mark.parametrize("content", [b"", b" \n\t ", b"\xef\xbb\xbf"])
def test_empty_file_is_an_empty_result(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(content)
    full = tmp_path / "full.txt"
    full.write_text("Am 25. Juni 1950 begann der Krieg.", encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(empty), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["events"] == [] and data["timexes"] == []
    assert data["document"]["text"] == content.decode("utf-8-sig")
    code, out, _ = run(capsys, "tag", str(empty), "--format", "timeml")
    assert code == 0 and "<TEXT>" + content.decode("utf-8-sig") + "</TEXT>" in out
    code, out, _ = run(capsys, "tag", str(empty), str(full), "--format", "json")
    assert code == 0 and "1950-06-25" in out


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--dct", "2020-13-45"], "invalid date '2020-13-45'"),
        (["--dct", "1950"], "YYYY-MM-DD"),
        (["--lang", "xx"], "xx"),
        (["--format", "xml"], "invalid choice: 'xml'"),
        (["--kind", "roman"], "invalid choice: 'roman'"),
        (["--max-size", "lots"], "invalid size 'lots'"),
        (["--nonsense"], "unrecognized arguments: --nonsense"),
    ],
)
def test_malformed_options_exit_2(
    capsys: pytest.CaptureFixture[str], doc: Path, options: list[str], expected: str
) -> None:
    code, out, err = run(capsys, "tag", str(doc), *options)
    assert (code, out) == (2, "")
    line = one_error_line(err)
    assert expected in line
    assert line.endswith("[E200]")


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys)
    assert code == 2
    assert "chronist --help" in one_error_line(err)


def test_directory_and_files_with_one_bad(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, doc: Path
) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / ".hidden").mkdir()
    (corpus / "a.txt").write_text("Im Sommer 1950.", encoding="utf-8")
    (corpus / "sub" / "b.txt").write_text("Am 27. Juli 1953.", encoding="utf-8")
    (corpus / "bad.txt").write_bytes(b"\xff 1950")
    (corpus / "notes.md").write_text("1950", encoding="utf-8")
    (corpus / ".hidden" / "c.txt").write_text("1950", encoding="utf-8")
    out_dir = tmp_path / "out"
    code, out, err = run(
        capsys, "tag", str(corpus), str(doc), "--format", "json", "-o", str(out_dir)
    )
    assert (code, out) == (1, "")
    assert sorted(p.relative_to(out_dir).as_posix() for p in out_dir.rglob("*.json")) == [
        "a.json", "korea.json", "sub/b.json"
    ]  # fmt: skip
    lines = err.splitlines()
    assert [line.split()[1] for line in lines[:4]] == ["[1/4]", "[2/4]", "[3/4]", "[4/4]"]
    assert lines[4].startswith("chronist: tagged 3 of 4 inputs")
    assert lines[4].endswith("1 failed:")
    assert lines[5] == (
        f"  {corpus / 'bad.txt'}: invalid UTF-8 at byte 0 (0xff, line 1); the file is probably "
        f"Latin-1/Windows-1252: convert it with iconv -f WINDOWS-1252 -t UTF-8 "
        f"{corpus / 'bad.txt'} > bad.utf8.txt [E103]"
    )
    assert len(lines) == 6


def test_outputs_inside_the_input_directory_are_not_read_again(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(f"Im Jahr 195{name == 'b':d}.", encoding="utf-8")
    for _ in range(2):
        code, _, err = run(capsys, "tag", str(tmp_path), "-o", str(tmp_path / "out"), "--debug")
        assert code == 0
        assert "tagged 2 of 2 inputs" in err
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == ["a.txt", "b.txt"]


def test_empty_directory_is_reported(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "tag", str(tmp_path))
    assert code == 1
    assert "contains no *.txt files [E101]" in one_error_line(err)


def test_text_output_never_overwrites_its_input(
    capsys: pytest.CaptureFixture[str], doc: Path
) -> None:
    code, _, err = run(capsys, "tag", str(doc.parent), "-o", str(doc.parent))
    assert code == 1
    assert "would overwrite the input" in err
    assert doc.read_bytes() == SENTENCE.encode()


def test_outputs_with_the_same_stem_do_not_clobber(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, doc: Path
) -> None:
    other = tmp_path / "elsewhere"
    other.mkdir()
    (other / "korea.txt").write_text("Im Jahr 1951.", encoding="utf-8")
    out_dir = tmp_path / "out"
    code, _, err = run(capsys, "tag", str(doc), str(other / "korea.txt"), "-o", str(out_dir))
    assert code == 1
    assert "already written for" in err
    assert "1950-06-25" in (out_dir / "korea.txt").read_text(encoding="utf-8")


def test_output_must_be_a_directory(capsys: pytest.CaptureFixture[str], doc: Path) -> None:
    code, _, err = run(capsys, "tag", str(doc), "-o", str(doc))
    assert code == 2
    assert "is not a directory" in one_error_line(err)


def test_unexpected_errors_are_one_line_unless_debug(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, doc: Path
) -> None:
    real_tagging = chronist.tagging

    def broken(text: str, **options: str | None) -> chronist.Tagging:
        if text:
            raise RuntimeError("boom")
        return real_tagging(text, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(chronist, "tagging", broken)
    code, _, err = run(capsys, "tag", str(doc))
    assert code == 1
    line = one_error_line(err)
    assert "internal error: RuntimeError: boom; rerun with --debug" in line
    code, _, err = run(capsys, "--debug", "tag", str(doc))
    assert code == 1
    assert "Traceback (most recent call last)" in err
    assert err.splitlines()[-1].startswith("chronist: error: internal error")


def test_keyboard_interrupt(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, doc: Path
) -> None:
    def interrupted(path: str, max_bytes: int) -> str:
        raise KeyboardInterrupt

    from chronist.cli import tag

    monkeypatch.setattr(tag, "read_text", interrupted)
    code, _, err = run(capsys, "tag", str(doc))
    assert (code, err) == (130, "chronist: interrupted\n")


def test_version_and_help_with_examples(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert (code, out) == (0, f"chronist {chronist.__version__}\n")
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "examples:\n  chronist tag " in out
    for command in ("tag", "eval", "entities"):
        assert f"    {command} " in out
    code, out, _ = run(capsys, "tag", "--help")
    assert code == 0
    assert "--format timeml -o out/" in out


def test_missing_plugin_says_so_in_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(cli._PLUGINS, "eval", ("chronist.no_such_module", "score"))
    code, _, err = run(capsys, "eval", "--help")
    assert code == 1
    assert one_error_line(err) == (
        "chronist: error: 'chronist eval' is not available: "
        "module chronist.no_such_module is missing from this installation"
    )


def test_plugins_are_imported_only_when_run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, doc: Path
) -> None:
    imported: list[str] = []
    real_import = importlib.import_module

    def spy(name: str, package: str | None = None) -> object:
        if name in {module for module, _ in cli._PLUGINS.values()}:
            imported.append(name)
        return real_import(name, package)

    monkeypatch.setattr(importlib, "import_module", spy)
    assert run(capsys, "tag", str(doc))[0] == 0
    assert imported == ["chronist.cli.tag"]
    imported.clear()
    run(capsys, "entities", "--help")
    assert imported == ["chronist.cli.entities"]


def run_process(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CLI), *argv], capture_output=True, text=True, timeout=120, check=False
    )


def test_installed_command_reports_errors_in_one_line(tmp_path: Path) -> None:
    done = run_process("tag", str(tmp_path / "missing.txt"))
    assert done.returncode == 1
    assert (
        done.stderr
        == f"chronist: error: {tmp_path / 'missing.txt'}: no such file; check the path [E101]\n"
    )


def test_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("Am 25. Juni 1950 und im Juli 1953.\n\n" * 500, encoding="utf-8")  # > 64 KB out
    tagger = subprocess.Popen(
        [str(CLI), "tag", str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    head = subprocess.Popen(["head", "-n", "2"], stdin=tagger.stdout, stdout=subprocess.PIPE)
    assert tagger.stdout is not None and tagger.stderr is not None
    tagger.stdout.close()  # only head reads it now
    try:
        shown, _ = head.communicate(timeout=120)
        errors = tagger.stderr.read()
        code = tagger.wait(timeout=120)
    finally:
        tagger.kill()
        head.kill()
    assert (code, errors) == (141, b"")
    assert len(shown.splitlines()) == 2


def test_core_and_cli_do_not_import_spacy() -> None:
    code = (
        "import sys, chronist, chronist.cli; chronist.tag('Im Jahr 1950.'); "
        "chronist.cli.main(['--version']); assert 'spacy' not in sys.modules"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr


def test_a_few_megabytes_in_one_pass(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The CLI's side of large inputs: read once, write mentions as they come. The
    # tagger's own speed on large texts is measured in bench/, not here.
    paragraph = "Am 25. Juni 1950 überschritten Truppen die Grenze. Der Krieg dauerte bis 1953.\n\n"
    sample = chronist.tag(paragraph, kind="narrative")
    seen: list[int] = []

    def repeat_sample(text: str, **options: str | None) -> chronist.Tagging:
        seen.append(len(text))
        step = len(paragraph)
        mentions = (
            dataclasses.replace(
                t, tid=f"t{i}_{t.tid}", start=t.start + i * step, end=t.end + i * step
            )
            for i in range(len(text) // step)
            for t in sample
        )
        return chronist.Tagging("narrative", mentions, Document(text))

    monkeypatch.setattr(chronist, "tagging", repeat_sample)
    path = tmp_path / "big.txt"
    path.write_text(paragraph * 30_000, encoding="utf-8")  # about 2.5 MB
    for format_name, suffix in (("json", ".json"), ("text", ".txt"), ("timeml", ".tml")):
        out_dir = tmp_path / format_name
        code, _, err = run(capsys, "tag", str(path), "--format", format_name, "-o", str(out_dir))
        assert (code, err) == (0, "")
        assert (out_dir / f"big{suffix}").stat().st_size > path.stat().st_size
    result = json.loads((tmp_path / "json" / "big.json").read_text(encoding="utf-8"))
    assert len(result["mentions"]) == len(sample) * 30_000 > 0
    assert result["mentions"][-1]["text"] == sample[-1].text
    assert seen[-1] == len(paragraph) * 30_000  # the whole text, in one call


@pytest.mark.parametrize(
    ("argv", "nearest"),
    [
        (["extrct", "x"], "extract"),
        (["tag", "x", "--format", "jsn"], "json"),
        (["reprot"], "report"),
    ],
)
def test_a_mistyped_choice_suggests_the_nearest(
    capsys: pytest.CaptureFixture[str], argv: list[str], nearest: str
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert f"did you mean '{nearest}'?" in one_error_line(err)


def test_a_choice_far_from_all_suggests_none(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "zzzz")
    assert code == 2 and "did you mean" not in one_error_line(err)


def test_extents_timex2_leaves_the_article_out(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "d.txt").write_text("Der 8. Mai 1945 war ein Dienstag.", encoding="utf-8")
    texts = []
    for extents in ("timeml", "timex2"):
        code, out, _ = run(capsys, "tag", str(tmp_path / "d.txt"), "--format", "json",
                           "--extents", extents)  # fmt: skip
        assert code == 0
        texts.append([m["text"] for m in json.loads(out)["mentions"]])
    assert texts == [["Der 8. Mai 1945"], ["8. Mai 1945"]]
