"""``chronist eval``: tag gold corpora with chronist (and score a peer's output) side by side."""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import chronist
from chronist.cli.options import add_kind, add_lang
from chronist.cli.output import write_stdout
from chronist.errors import OptionError
from chronist.evaluation.align import align_timexes
from chronist.evaluation.corpora import GoldDocument, GoldTimex, load_corpus, read_document
from chronist.evaluation.report import format_json, format_text
from chronist.evaluation.scoring import DocumentResult, EvaluationResult, evaluate, score_document
from chronist.temporal.mention import Timex

_EPILOG = """\
examples:
  chronist eval ../shared/data/WikiWarsDE-dev
  chronist eval ../shared/data/WikiWarsDE-dev --peer bench/results/heideltime-wikiwarsde --errors 3
  chronist eval ../shared/data/TempEval3-TBAQ-cleaned/TimeBank --lang en --kind news --format json

CORPUS is a TimeML file (*.tml), a TIMEX2 inline key file (*.key.xml), or a
folder of them (a folder with keyinline/ reads that). A peer folder holds one
<doc id>.tml per gold document.
"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``eval`` subcommand to ``subparsers``; its handler is :func:`run`.

    >>> parser = argparse.ArgumentParser()
    >>> register(parser.add_subparsers())
    >>> parser.parse_args(["eval", "corpus", "--errors", "2"]).errors
    2
    """
    parser = subparsers.add_parser(
        "eval",
        help="score tagging against gold corpora",
        description="Score chronist (and a peer system's TimeML) against gold annotations.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "corpus", nargs="*", type=Path, metavar="CORPUS", help="gold file or folder"
    )
    add_lang(parser, "the corpus")
    add_kind(parser)
    parser.add_argument("--peer", type=Path, metavar="DIR", help="a peer's TimeML output folder")
    parser.add_argument("--no-chronist", action="store_true", help="score only the peer")
    parser.add_argument("--errors", type=int, default=5, metavar="N", help="examples per group")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="default: text")
    parser.add_argument("--ner", type=Path, metavar="FILE", help="also evaluate entities on FILE")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Run ``chronist eval`` with parsed arguments; print the report; return the exit code.

    >>> parser = argparse.ArgumentParser()
    >>> register(parser.add_subparsers())
    >>> run(parser.parse_args(["eval", "../shared/data/WikiWarsDE-dev"]))  # doctest: +SKIP
    0
    """
    if not args.corpus and args.ner is None:
        raise OptionError("eval: give a CORPUS path (or --ner FILE)")
    if args.corpus:
        if args.no_chronist and args.peer is None:
            raise OptionError("eval: --no-chronist needs --peer DIR")
        if args.peer is not None and not args.peer.is_dir():
            raise OptionError(f"eval: --peer {args.peer}: no such folder")
        documents = [doc for path in args.corpus for doc in load_corpus(path)]
        results: list[EvaluationResult] = []
        if not args.no_chronist:
            results.append(evaluate("chronist", _tag_all(documents, args.lang, args.kind)))
        if args.peer is not None:
            results.append(evaluate(args.peer.name or "peer", _peer_all(documents, args.peer)))
        corpus = ", ".join(str(path) for path in args.corpus)
        render = format_json if args.format == "json" else format_text
        write_stdout(render(results, corpus=corpus, examples=args.errors))
    if args.ner is not None:
        return _run_ner(args.ner)
    return 0


def timex_annotation(timex: Timex) -> GoldTimex:
    """A chronist :class:`Timex` as an annotation the scorer compares.

    >>> from chronist.temporal.mention import Anchor, AnchorKind, TimexType
    >>> from chronist.temporal.values import Bounds
    >>> t = Timex("t1", 3, 7, "1950", TimexType.DATE, "1950", None, "1950",
    ...           Bounds.unknown(), "year", Anchor(AnchorKind.NONE))
    >>> timex_annotation(t).value
    '1950'
    """
    return GoldTimex(
        start=timex.start,
        end=timex.end,
        text=timex.text,
        type=timex.type.value,
        value=timex.value,
        mod=timex.mod.value if timex.mod else None,
        attrs=(("rule", timex.rule),),
    )


def _tag_all(documents: Sequence[GoldDocument], lang: str, kind: str) -> list[DocumentResult]:
    results = []
    started = time.perf_counter()
    for number, document in enumerate(documents, 1):
        _progress(f"chronist {number}/{len(documents)} {document.doc_id}", started)
        # each gold standard's extents: TIMEX2 (WikiWarsDE) leaves a noun's article out
        extents = "timex2" if document.format == "timex2" else "timeml"
        found = chronist.tag(document.text, lang=lang, kind=kind, dct=document.dct, extents=extents)
        system = [timex_annotation(timex) for timex in found]
        results.append(score_document(document.doc_id, document.timexes, system))
    return results


def _peer_all(documents: Sequence[GoldDocument], folder: Path) -> list[DocumentResult]:
    results = []
    for document in documents:
        path = folder / f"{document.doc_id}.tml"
        if not path.is_file():
            note = f"no peer output {path.name}"
            results.append(score_document(document.doc_id, document.timexes, [], note=note))
            continue
        peer = read_document(path)
        system, lost = align_timexes(peer.text, document.text, peer.timexes)
        note = ""
        if peer.text != document.text:
            note = f"peer text differs from gold; offsets aligned, {lost} expression(s) lost"
            _progress(f"{path.name}: {note}", None)
        results.append(score_document(document.doc_id, document.timexes, system, note=note))
    return results


def _run_ner(path: Path) -> int:
    # Imported by name: the entities package is optional for evaluation.
    try:
        entities = importlib.import_module("chronist.entities.evaluate")
    except ImportError as error:
        sys.stderr.write(f"chronist eval: entity evaluation is not available ({error})\n")
        return 1
    report = entities.format_ner_report(entities.evaluate_ner_file(path))
    write_stdout(str(report).rstrip("\n") + "\n")
    return 0


def _progress(message: str, started: float | None) -> None:
    elapsed = f" ({time.perf_counter() - started:.1f}s)" if started is not None else ""
    sys.stderr.write(f"eval: {message}{elapsed}\n")
    sys.stderr.flush()
