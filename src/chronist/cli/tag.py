"""``chronist tag``: find and normalise the temporal expressions of texts.

Example::

    $ chronist tag ../shared/seed/koreakrieg.de.txt --format json -o out/
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import chronist
from chronist.cli.options import add_debug, add_document_options, add_output, megabytes
from chronist.cli.output import describe, emit_line, one_line, stream_stdout, write_file
from chronist.errors import ChronistError, MissingInputError, OptionError
from chronist.export.tagging import TagDocument, write_json, write_table, write_timeml
from chronist.temporal.mention import Timex
from chronist.text.reading import DEFAULT_MAX_BYTES, STDIN, read_text

__all__ = ["register", "run"]

_FORMATS = {"text": ".txt", "json": ".json", "timeml": ".tml"}
EXIT_OK, EXIT_FAILED = 0, 1

_EPILOG = """\
examples:
  chronist tag ../shared/seed/koreakrieg.de.txt
  chronist tag artikel.txt --kind news --dct 2020-06-25 --format json
  chronist tag report.txt --lang en --kind news --dct 1998-02-13
  chronist tag corpus/ --format timeml -o out/      # one out/<stem>.tml per input
  cat bericht.txt | chronist tag - --format json | jq '.mentions[].value'

A directory is searched recursively for *.txt files (hidden ones skipped).
--format json prints one JSON object per document and line (JSON Lines);
with -o DIR each input gets its own file, <stem>.txt/.json/.tml.
"""


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add the ``tag`` subcommand to the CLI's subparsers."""
    tag = subparsers.add_parser(
        "tag",
        help="find and normalise temporal expressions",
        description="Find temporal expressions (TIMEX3) in texts and normalise them.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    tag.add_argument("files", nargs="+", metavar="FILE", help="text file, directory, or - (stdin)")
    add_document_options(tag, "the texts")
    tag.add_argument(
        "--format", choices=tuple(_FORMATS), default="text",
        help="text: a table for reading (default); json: every field; timeml: TIMEX3 inline",
    )  # fmt: skip
    add_output(
        tag, "write one file per input into DIR (created if needed) instead of stdout", "DIR"
    )
    tag.add_argument(
        "--extents", choices=("timeml", "timex2"), default="timeml",
        help="timeml (default, KRAUTS): a noun's article is in the extent ('dem 8. Mai'); "
        "timex2 (WikiWarsDE): it is not ('8. Mai')",
    )  # fmt: skip
    tag.add_argument(
        "--max-size", metavar="MB", type=megabytes, default=DEFAULT_MAX_BYTES,
        help=f"largest input read, in MB (default: {DEFAULT_MAX_BYTES // 1_000_000})",
    )  # fmt: skip
    add_debug(tag)
    tag.set_defaults(handler=run)


@dataclass(frozen=True, slots=True)
class _Input:
    """One document to tag: where it comes from and where its output goes."""

    path: str  # a file path, or "-" for stdin
    name: str  # shown to the user
    relative: Path  # output path below -o DIR, without suffix
    error: ChronistError | None = None  # found while expanding the arguments


def run(args: argparse.Namespace) -> int:
    """``chronist tag``: tag every input, report failures, return the exit code."""
    output: Path | None = args.output
    if output is not None and output.exists() and not output.is_dir():
        raise OptionError(f"-o {output}: exists and is not a directory; give a directory")
    if args.format == "timeml" and output is None and len(args.files) > 1:
        raise OptionError("--format timeml with several inputs needs -o DIR (one .tml each)")
    chronist.tagging("", lang=args.lang, kind=args.kind, dct=args.dct)  # checks the options
    inputs = _expand(args.files, output)
    if output is None:
        _prepare_stdout(exact=args.format != "text")
    progress = _Progress(len(inputs)) if len(inputs) > 1 else None
    failures: list[tuple[str, str]] = []
    written: dict[Path, str] = {}
    mentions = characters = 0
    started = time.perf_counter()
    for number, item in enumerate(inputs, 1):
        if progress:
            progress.show(number, item.name)
        try:
            if item.error is not None:
                raise item.error
            text = read_text(item.path, max_bytes=args.max_size)
            tagged = chronist.tagging(
                text, lang=args.lang, kind=args.kind, dct=args.dct, extents=args.extents
            )
            for note in tagged.notes:
                emit_line(f"{item.name}: {note}", prefix="chronist: warning: ")
            document = TagDocument(
                item.name, item.relative.name, args.lang, args.kind, tagged.kind, args.dct
            )
            counted = _Counted(tagged.timexes)
            _emit(args.format, output, item, document, text, counted, written)
            mentions, characters = mentions + counted.count, characters + len(text)
            del text, tagged, counted
        except (KeyboardInterrupt, BrokenPipeError):
            raise
        except Exception as error:
            if getattr(args, "debug", False):
                traceback.print_exc()
            failures.append((item.name, describe(error)))
            if progress is None:
                emit_line(describe(error))
    if progress:
        progress.finish()
        seconds = time.perf_counter() - started
        _summarise(inputs, failures, mentions, characters, seconds, output)
    return EXIT_FAILED if failures else EXIT_OK


def _expand(arguments: Sequence[str], output: Path | None) -> list[_Input]:
    inputs: list[_Input] = []
    skip = output.resolve() if output is not None else None
    for argument in arguments:
        if argument == STDIN:
            inputs.append(_Input(STDIN, "<stdin>", Path("stdin")))
            continue
        path = Path(argument)
        if not path.is_dir():
            inputs.append(_Input(argument, argument, Path(path.stem)))
            continue
        root = path.resolve()  # outputs written inside the input directory are not inputs
        found = [
            file
            for file in sorted(path.rglob("*.txt"))
            if file.is_file()
            and not any(part.startswith(".") for part in file.relative_to(path).parts)
            and not (skip and skip != root and file.resolve().is_relative_to(skip))
        ]
        for file in found:
            inputs.append(_Input(str(file), str(file), file.relative_to(path).with_suffix("")))
        if not found:
            error = MissingInputError(f"{argument}: directory contains no *.txt files")
            inputs.append(_Input(argument, argument, Path(path.name), error))
    if sum(item.path == STDIN for item in inputs) > 1:
        raise OptionError("'-' (standard input) is given more than once")
    return inputs


class _Counted:
    """The mentions as they come from the tagger, counted on the way (JSON streams them)."""

    def __init__(self, timexes: Iterator[Timex]) -> None:
        self._timexes = timexes
        self.count = 0

    def __iter__(self) -> Iterator[Timex]:
        for timex in self._timexes:
            self.count += 1
            yield timex


def _emit(
    format_name: str,
    output: Path | None,
    item: _Input,
    document: TagDocument,
    text: str,
    timexes: _Counted,
    written: dict[Path, str],
) -> None:
    def write(stream: TextIO) -> None:
        if format_name == "text":
            write_table(stream, document, text, list(timexes))
        elif format_name == "json":
            write_json(stream, document, len(text), timexes, one_line=output is None)
        else:
            stream.write(write_timeml(document, text, list(timexes)))

    if output is None:
        stream_stdout(write)
        return
    target = output / item.relative.parent / (item.relative.name + _FORMATS[format_name])
    resolved = target.resolve()
    if item.path != STDIN and resolved == Path(item.path).resolve():
        raise OptionError(f"{target}: would overwrite the input; choose another -o DIR")
    if resolved in written:
        raise OptionError(f"{target}: already written for {written[resolved]}; rename an input")
    written[resolved] = item.name
    write_file(target, write)


class _Progress:
    """One progress line on stderr: rewritten in place on a terminal, else one per file."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.live = sys.stderr.isatty()

    def show(self, number: int, name: str) -> None:
        line = f"[{number:>{len(str(self.total))}}/{self.total}] {name}"
        if self.live:
            filled = 20 * (number - 1) // self.total
            bar = "#" * filled + "-" * (20 - filled)
            sys.stderr.write(f"\r\x1b[K{bar} {line}"[:120])
        else:
            sys.stderr.write(f"chronist: {line}\n")
        sys.stderr.flush()

    def finish(self) -> None:
        if self.live:
            sys.stderr.write("\r\x1b[K")


def _summarise(
    inputs: Sequence[_Input],
    failures: Sequence[tuple[str, str]],
    mentions: int,
    characters: int,
    seconds: float,
    output: Path | None,
) -> None:
    done = len(inputs) - len(failures)
    lines = [
        f"chronist: tagged {done} of {len(inputs)} inputs: {mentions:,} mentions in "
        f"{characters:,} characters, {seconds:.1f} s"
        + (f", written to {output}/" if output is not None and done else "")
        + (f"; {len(failures)} failed:" if failures else "")
    ]
    lines += [f"  {one_line(reason)}" for _name, reason in failures]
    sys.stderr.write("\n".join(lines) + "\n")


def _prepare_stdout(exact: bool) -> None:
    """JSON and TimeML hold every character whatever the locale; a table may approximate."""
    stream = sys.stdout
    if (stream.encoding or "").lower().replace("-", "") == "utf8" or not hasattr(
        stream, "reconfigure"
    ):
        return
    if exact:
        stream.reconfigure(encoding="utf-8")
    else:
        stream.reconfigure(errors="replace")
