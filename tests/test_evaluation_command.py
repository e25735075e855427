"""``chronist eval``: argument handling, chronist vs. a peer side by side, text and JSON."""

from __future__ import annotations

import argparse
import json
import sys
import types
from pathlib import Path

import pytest

import chronist
from chronist.cli.eval import register, run
from chronist.errors import CorpusError, OptionError
from chronist.export.timeml import TimexTag, render_timeml
from chronist.temporal.mention import Anchor, AnchorKind, Timex, TimexType
from chronist.temporal.values import Bounds

TEXT = "\nIm Mai 1950 begann es, drei Jahre später endete es.\n"


def _tag(start: int, end: int, value: str, type_: str = "DATE") -> TimexTag:
    return TimexTag(start, end, (("tid", f"t{start}"), ("type", type_), ("value", value)))


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    tags = [_tag(4, 12, "1950-05"), _tag(24, 41, "1953")]
    (folder / "doc1.tml").write_text(render_timeml(TEXT, tags, dct="2011-02-16"))
    return folder


def _args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    return parser.parse_args(["eval", *argv])


def test_peer_is_scored_and_printed(
    gold: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    peer = tmp_path / "heidel"
    peer.mkdir()
    tags = [_tag(7, 12, "1950"), _tag(24, 41, "1953")]
    (peer / "doc1.tml").write_text(render_timeml(TEXT, tags))
    assert run(_args(str(gold), "--peer", str(peer), "--no-chronist")) == 0
    out = capsys.readouterr().out
    assert "corpus: " in out and "(1 documents, 2 gold expressions)" in out
    rows = {line.split()[0] + " " + line.split()[1]: line.split()[-1] for line in out.splitlines()
            if line.startswith(("strict F1", "relaxed F1", "value F1"))}  # fmt: skip
    assert rows == {"strict F1": "0.500", "relaxed F1": "1.000", "value F1": "0.500"}
    assert "value / month (1)" in out
    assert "'Mai 1950' DATE 1950-05" in out


def test_peer_text_that_differs_is_aligned_and_said(
    gold: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    peer = tmp_path / "peer"
    peer.mkdir()
    shifted = TEXT.strip()  # a peer that trimmed the text: offsets move by one
    (peer / "doc1.tml").write_text(render_timeml(shifted, [_tag(3, 11, "1950-05")]))
    assert run(_args(str(gold), "--peer", str(peer), "--no-chronist", "--format", "json")) == 0
    captured = capsys.readouterr()
    report = json.loads(captured.out)["systems"]["peer"]
    assert report["counts"]["strict"] == 1
    assert "offsets aligned" in report["documents"][0]["note"]
    assert "peer text differs" in captured.err


def test_missing_peer_file_scores_as_no_output(
    gold: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(_args(str(gold), "--peer", str(tmp_path), "--no-chronist")) == 0
    assert "no peer output doc1.tml" in capsys.readouterr().out


def test_chronist_tag_is_called_with_the_gold_dct(
    gold: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    calls: list[tuple[str, str, str | None, str]] = []

    def fake_tag(
        text: str,
        lang: str = "de",
        kind: str = "auto",
        dct: str | None = None,
        *,
        extents: str = "timeml",
    ) -> list[Timex]:
        calls.append((lang, kind, dct, extents))
        return [Timex("t1", 4, 12, text[4:12], TimexType.DATE, "1950-05", None, "1950-05",
                      Bounds.unknown(), "month year", Anchor(AnchorKind.NONE))]  # fmt: skip

    monkeypatch.setattr(chronist, "tag", fake_tag, raising=False)
    assert run(_args(str(gold), "--kind", "narrative", "--format", "json")) == 0
    assert calls == [("de", "narrative", "2011-02-16", "timeml")]  # TimeML gold: TimeML extents
    scores = json.loads(capsys.readouterr().out)["systems"]["chronist"]["scores"]
    assert scores["strict_precision"] == 1.0 and scores["strict_recall"] == 0.5


def test_usage_errors_are_option_errors(gold: Path) -> None:
    with pytest.raises(OptionError, match="give a CORPUS"):
        run(_args())
    with pytest.raises(OptionError, match="needs --peer"):
        run(_args(str(gold), "--no-chronist"))


def test_unreadable_corpus_is_a_corpus_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError):
        run(_args(str(tmp_path / "missing"), "--no-chronist", "--peer", str(tmp_path)))


def test_ner_branch_reports_a_missing_module(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "chronist.entities.evaluate", None)
    assert run(_args("--ner", str(tmp_path / "x.conll"))) == 1
    assert "entity evaluation is not available" in capsys.readouterr().err


def test_ner_branch_prints_the_entities_report(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    fake = types.ModuleType("chronist.entities.evaluate")
    fake.evaluate_ner_file = lambda path: {"path": path.name}  # type: ignore[attr-defined]
    fake.format_ner_report = lambda report: f"NER on {report['path']}: F1 0.9\n"  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "chronist.entities.evaluate", fake)
    assert run(_args("--ner", str(tmp_path / "x.conll"))) == 0
    assert capsys.readouterr().out == "NER on x.conll: F1 0.9\n"


def test_the_chronist_command_line_runs_eval(
    gold: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from chronist.cli import main

    assert main(["eval", str(gold), "--peer", str(tmp_path), "--no-chronist"]) == 0
    assert "relaxed F1" in capsys.readouterr().out
    assert main(["eval", str(tmp_path / "missing"), "--peer", str(tmp_path), "--no-chronist"]) == 1
    error = capsys.readouterr().err
    assert "no such corpus file or folder" in error
    assert len(error.strip().splitlines()) == 1


def test_timex2_gold_is_tagged_with_timex2_extents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """WikiWarsDE (TIMEX2) leaves a noun's article out of the extent; KRAUTS keeps it."""
    folder = tmp_path / "key"
    folder.mkdir()
    (folder / "d1.key.xml").write_text(
        '<DOC><DOCID>d1</DOCID><TEXT>Der <TIMEX2 val="1945-05-08">8. Mai 1945</TIMEX2>'
        " war ein Dienstag.</TEXT></DOC>"
    )
    assert run(_args(str(folder), "--kind", "narrative", "--format", "json")) == 0
    scores = json.loads(capsys.readouterr().out)["systems"]["chronist"]["scores"]
    assert scores["strict_precision"] == 1.0 and scores["strict_recall"] == 1.0
