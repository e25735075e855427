"""``chronist export SAVED.json --format F [-o OUT]``: a saved timeline in another format.

Wired into :mod:`chronist.cli` as a subcommand (``register(subparsers)`` then
``run(args) -> int``). The formats are those of :mod:`chronist.export.formats`.

Example::

    $ chronist extract koreakrieg.de.txt --format json > korea.json
    $ chronist export korea.json --format geojson -o korea.geojson
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from chronist.cli.options import add_output
from chronist.cli.output import write_stdout, write_text
from chronist.errors import OptionError
from chronist.export.formats import FORMATS

__all__ = ["register", "run"]

_EPILOG = """\
examples:
  chronist extract ../shared/seed/koreakrieg.de.txt --format json > korea.json
  chronist export korea.json --format csv -o korea.csv
  chronist export korea.json --format timelinejs > korea.timeline.json
  chronist export korea.json --format rdf | rapper -i turtle -c -

formats:
""" + "\n".join(f"  {name:<14} {fmt.summary}" for name, fmt in FORMATS.items())


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add the ``export`` subcommand to the CLI's subparsers."""
    parser = subparsers.add_parser(
        "export",
        help="write a saved timeline (JSON) as CSV, TimelineJS, GeoJSON, RDF, ...",
        description="Convert a timeline saved with 'chronist extract --format json'.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", metavar="SAVED.json", help="saved timeline, or - (stdin)")
    parser.add_argument("--format", required=True, choices=tuple(FORMATS), help="output format")
    add_output(parser, "file (default: stdout); written whole or not at all")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Run ``chronist export``; returns the exit code."""
    from chronist.export.formats import export
    from chronist.timeline.files import load_timeline

    path = str(args.file)
    timeline = load_timeline(path)
    text = export(timeline, args.format)
    if args.output is None:
        write_stdout(text)
    else:
        if args.file != "-" and Path(args.file).resolve() == args.output.resolve():
            raise OptionError(f"-o {args.output}: would overwrite the input; choose another file")
        write_text(args.output, text)
        print(f"wrote {args.output} ({args.format})", file=sys.stderr)
    return 0
