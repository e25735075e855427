"""The ``chronist`` command line: arguments -> library -> output.

Every failure is one line on stderr, ``chronist: error: <what> [<code>]``, with
the stable code of the :mod:`chronist.errors` class; ``--debug`` adds the
traceback. Exit codes: 0 success, 1 some input failed (or an internal error),
2 a usage error (bad option), 130 interrupted, 141 output pipe closed.

Example::

    $ chronist tag ../shared/seed/koreakrieg.de.txt --format json -o out/

Every subcommand lives in its own module of this package and is imported only
when it is run (``chronist.cli.tag``, ``chronist.cli.extract``,
..., each with ``register(subparsers)`` and ``run(args) -> int``). Library
packages never import from here.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import re
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import NoReturn

import chronist
from chronist.cli.options import add_debug
from chronist.cli.output import describe, emit_line, output_error, silence_stdout
from chronist.errors import ChronistError, OptionError

Handler = Callable[[argparse.Namespace], int]

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_PIPE = 0, 1, 2, 130, 141

# Subcommands in their own modules: name -> (module, one-line help).
_PLUGINS = {
    "tag": ("chronist.cli.tag", "find and normalise temporal expressions"),
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
        emit_line(f"{error} [{OptionError.code}]")
        return EXIT_USAGE
    except OptionError as error:
        _report_error(error, debug)
        return EXIT_USAGE
    except ChronistError as error:
        _report_error(error, debug)
        return EXIT_FAILED
    except KeyboardInterrupt:
        emit_line("interrupted", prefix="chronist: ")
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
        emit_line(f"'chronist {name}' is not available: {reason}")
        return EXIT_FAILED

    return handler


def _report_error(error: Exception, debug: bool) -> None:
    if debug:
        traceback.print_exc()
    emit_line(describe(error))


if __name__ == "__main__":
    sys.exit(main())
