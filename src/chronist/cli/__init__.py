"""The ``chronist`` command line: arguments -> library -> output.

Every failure is one line on stderr, ``chronist: error: <what> [<code>]``, with
the stable code of the :mod:`chronist.errors` class; ``--debug`` adds the
traceback. Exit codes: 0 success, 1 some input failed (or an internal error),
2 a usage error (bad option), 130 interrupted, 141 output pipe closed.

Example::

    $ chronist tag ../shared/seed/koreakrieg.de.txt --format json -o out/

Every subcommand but ``tag`` lives in its own module of this package and is
imported only when it is run (``chronist.cli.extract``, ``chronist.cli.entities``,
..., each with ``register(subparsers)`` and ``run(args) -> int``). Library
packages never import from here.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import re
import sys
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn, TextIO

import chronist
from chronist.cli.options import add_debug, add_document_options, add_output, megabytes
from chronist.cli.output import one_line, output_error, silence_stdout, stream_stdout, write_file
from chronist.errors import ChronistError, MissingInputError, OptionError
from chronist.export.tagging import TagDocument, write_json, write_table, write_timeml
from chronist.temporal.mention import Timex
from chronist.text.reading import DEFAULT_MAX_BYTES, STDIN, read_text

Handler = Callable[[argparse.Namespace], int]

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_PIPE = 0, 1, 2, 130, 141

_FORMATS = {"text": ".txt", "json": ".json", "timeml": ".tml"}

# Subcommands in their own modules: name -> (module, one-line help).
_PLUGINS = {
    "extract": ("chronist.cli.extract", "the document's timeline: events, people, places"),
    "report": ("chronist.cli.report", "write the interactive timeline page (one HTML file)"),
    "export": ("chronist.cli.export", "write a saved timeline as CSV, TimelineJS, GeoJSON"),
    "entities": ("chronist.cli.entities", "find people, places and organisations"),
    "eval": ("chronist.cli.eval", "score tagging against gold corpora"),
    "ingest": ("chronist.cli.store", "extract documents into a corpus store (DuckDB)"),
    "events": ("chronist.cli.store", "query the merged events of a corpus store"),
    "documents": ("chronist.cli.store", "list the documents of a corpus store"),
    "serve": ("chronist.cli.serve", "serve a corpus store over HTTP (read-only)"),
}

_MAIN_EPILOG = """\
examples:
  chronist tag ../shared/seed/koreakrieg.de.txt
  chronist tag corpus/ --format timeml -o out/
  chronist eval ../shared/data/WikiWarsDE-dev
  chronist tag --help
"""

_TAG_EPILOG = """\
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


class UsageError(Exception):
    """A malformed command line; printed as one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        nearest = _nearest_choice(message)
        if nearest:
            raise UsageError(f"{message}; did you mean '{nearest}'? (see '{self.prog} --help')")
        raise UsageError(f"{message}; see '{self.prog} --help'")


_INVALID_CHOICE = re.compile(r"invalid choice: '([^']*)' \(choose from (.*)\)$")


def _nearest_choice(message: str) -> str:
    """The valid choice nearest a mistyped one (``extrct`` -> ``extract``), or ``""``."""
    found = _INVALID_CHOICE.search(message)
    if found is None:
        return ""
    choices = re.findall(r"'([^']*)'", found.group(2))
    nearest = difflib.get_close_matches(found.group(1), choices, n=1, cutoff=0.6)
    return nearest[0] if nearest else ""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit code.

    >>> main(["--version"])  # doctest: +SKIP
    chronist 0.1.0
    0
    """
    args_list = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args_list
    try:
        parser, unavailable = _build_parser(args_list)
        if unavailable is not None:
            return unavailable(argparse.Namespace(debug=debug))
        try:
            args = parser.parse_args(args_list)
        except SystemExit as done:  # --help and --version
            return done.code if isinstance(done.code, int) else EXIT_OK
        debug = bool(getattr(args, "debug", False))
        handler: Handler | None = getattr(args, "handler", None)
        if handler is None:
            raise UsageError("missing command; try 'chronist tag FILE' or 'chronist --help'")
        code = handler(args)
        sys.stdout.flush()
        return code
    except UsageError as error:
        _report(f"{error} [{OptionError.code}]")
        return EXIT_USAGE
    except OptionError as error:
        _report_error(error, debug)
        return EXIT_USAGE
    except ChronistError as error:
        _report_error(error, debug)
        return EXIT_FAILED
    except KeyboardInterrupt:
        _report("interrupted", prefix="chronist: ")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        silence_stdout()
        return EXIT_PIPE
    except OSError as error:  # a write no command caught (stdout to a full device)
        silence_stdout()
        _report_error(output_error(error, error.filename or "standard output"), debug)
        return EXIT_FAILED
    except Exception as error:
        _report_error(error, debug)
        return EXIT_FAILED


def _build_parser(argv: Sequence[str]) -> tuple[argparse.ArgumentParser, Handler | None]:
    """The parser, and the handler to run instead when the requested plugin cannot load."""
    parser = _Parser(
        prog="chronist",
        description="Find and normalise temporal expressions; build timelines.",
        epilog=_MAIN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"chronist {chronist.__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    _add_tag_parser(subparsers)
    requested = next((arg for arg in argv if not arg.startswith("-")), None)
    unavailable = None
    for name, (module, summary) in _PLUGINS.items():
        if name == requested:
            unavailable = _load_plugin(subparsers, name, module)
        elif name in subparsers.choices:  # registered by a module serving several commands
            continue
        else:  # listed in --help without importing its package
            subparsers.add_parser(name, help=summary, add_help=False)
    return parser, unavailable


def _add_tag_parser(subparsers: argparse._SubParsersAction[_Parser]) -> None:
    tag = subparsers.add_parser(
        "tag",
        help="find and normalise temporal expressions",
        description="Find temporal expressions (TIMEX3) in texts and normalise them.",
        epilog=_TAG_EPILOG,
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
    tag.set_defaults(handler=_run_tag)


def _load_plugin(
    subparsers: argparse._SubParsersAction[_Parser], name: str, module_name: str
) -> Handler | None:
    """Register a plugin's subcommand; if it cannot load, return a handler saying why."""
    try:
        module = importlib.import_module(module_name)
        module.register(subparsers)
        plugin = subparsers.choices[name]
        run: Handler = module.run
    except Exception as error:
        missing = isinstance(error, ModuleNotFoundError) and module_name.startswith(
            error.name or "?"
        )
        reason = (
            f"module {module_name} is missing from this installation"
            if missing
            else f"loading {module_name} failed: {type(error).__name__}: {error}"
        )
        return _unavailable(name, reason, error)
    if "--debug" not in plugin._option_string_actions:
        add_debug(plugin)
    plugin.set_defaults(handler=run)
    return None


def _unavailable(name: str, reason: str, error: Exception) -> Handler:
    def handler(args: argparse.Namespace) -> int:
        if getattr(args, "debug", False):
            traceback.print_exception(error)
        _report(f"'chronist {name}' is not available: {reason}")
        return EXIT_FAILED

    return handler


@dataclass(frozen=True, slots=True)
class _Input:
    """One document to tag: where it comes from and where its output goes."""

    path: str  # a file path, or "-" for stdin
    name: str  # shown to the user
    relative: Path  # output path below -o DIR, without suffix
    error: ChronistError | None = None  # found while expanding the arguments


def _run_tag(args: argparse.Namespace) -> int:
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
                _report(f"{item.name}: {note}", prefix="chronist: warning: ")
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
            failures.append((item.name, _describe(error)))
            if progress is None:
                _report(_describe(error))
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


def _describe(error: BaseException) -> str:
    if isinstance(error, ChronistError):
        return f"{error} [{error.code}]"
    return (
        f"internal error: {type(error).__name__}: {error}; "
        "rerun with --debug to see the traceback, and please report it"
    )


def _report_error(error: Exception, debug: bool) -> None:
    if debug:
        traceback.print_exc()
    _report(_describe(error))


def _report(message: str, prefix: str = "chronist: error: ") -> None:
    sys.stderr.write(f"{prefix}{one_line(message)}\n")
    sys.stderr.flush()


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


if __name__ == "__main__":
    sys.exit(main())
