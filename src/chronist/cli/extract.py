"""``chronist extract FILE [--format text|json|timeml|csv|...]``: the document's timeline.

Wired into :mod:`chronist.cli`, which calls :func:`register` and then
:func:`run`; errors are :class:`chronist.errors.ChronistError` subclasses, which
the CLI prints as one line.

Example::

    $ chronist extract ../shared/seed/koreakrieg.de.txt
    DATE                     EVENT                                   PEOPLE        PLACE
    1950-09-15               Invasion bei der westlich von Seoul     MacArthur     Incheon
    1950-11 – 1951-04-11 ~   Hilfe Maos                              Mao
    ...
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from chronist.cli.options import add_document_options, add_output
from chronist.cli.output import write_stdout, write_text
from chronist.errors import OptionError
from chronist.timeline.model import Event, Timeline, TimeSource

__all__ = ["format_text", "register", "run"]

_EPILOG = """\
examples:
  chronist extract ../shared/seed/koreakrieg.de.txt
  chronist extract artikel.txt --format json | jq '.events[] | {label, time: .time.edtf}'
  chronist extract bericht.txt --kind news --dct 2017-08-10

In the text table a date marked ~ is inferred from the narrative around the
event, not stated in its sentence; [conditional], [planned], ... mark events
the text does not state as having happened.
"""
_WIDTHS = (26, 46, 24, 16)


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add the ``extract`` subcommand to the CLI's subparsers."""
    parser = subparsers.add_parser(
        "extract",
        help="build the timeline of a document: events with who, what, where and when",
        description="Find the events of a text with their dates, people, places and evidence.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", metavar="FILE", help="text file, or - (stdin)")
    add_document_options(parser)
    add_output(parser, "file (default: stdout); written whole or not at all")
    from chronist.export.formats import FORMATS

    parser.add_argument(
        "--format", choices=("text", *FORMATS), default="text",
        help="text (a table), json (schema 1), or an export format: " + ", ".join(FORMATS),
    )  # fmt: skip
    parser.add_argument(
        "--reference", metavar="TSV", action="append", default=[],
        help="more named historical events (the layout of chronist's own table; repeatable)",
    )  # fmt: skip
    parser.add_argument(
        "--no-entities", action="store_true",
        help="skip entity recognition (no people or places; faster)",
    )  # fmt: skip
    parser.set_defaults(handler=run)


def _date(event: Event) -> str:
    time = event.time
    if time.edtf is None:
        return "?" if time.value != "PRESENT_REF" else "present"
    shown = time.edtf.replace("/..", " or later").replace("../", "by ").replace("/", " – ")
    return shown + (" ~" if time.source is TimeSource.NARRATIVE else "")


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def format_text(timeline: Timeline) -> str:
    """The timeline as a table for the terminal: date, event, people, place.

    >>> from chronist.timeline.model import Document
    >>> format_text(Timeline(Document("."), (), (), ())).splitlines()[0].split()
    ['DATE', 'EVENT', 'PEOPLE', 'PLACE']
    """
    rows = [("DATE", "EVENT", "PEOPLE", "PLACE")]
    for event in timeline.events:
        label = event.label
        if event.hypothetical:
            label = f"[{event.modality.value}] {label}"
        people = ", ".join(dict.fromkeys(p.text for p in event.participants))
        place = event.place.text if event.place else ""
        rows.append((_date(event), label, people, place))
    lines = []
    for row in rows:
        cells = [_cut(cell, width).ljust(width) for cell, width in zip(row, _WIDTHS, strict=True)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    """Run ``chronist extract``; returns the exit code."""
    from chronist.events.reference import load_reference
    from chronist.text.reading import read_text
    from chronist.timeline.build import build_timeline
    from chronist.timeline.jsonio import dumps

    reference = load_reference(args.reference) if args.reference else None
    text = read_text(args.file)
    timeline = build_timeline(
        text,
        lang=args.lang,
        kind=args.kind,
        dct=args.dct,
        source=args.file,
        recognizer=(lambda _document: []) if args.no_entities else None,
        reference=reference,
    )
    if args.format == "json":
        output = dumps(timeline) + "\n"
    elif args.format == "text":
        output = format_text(timeline)
    else:
        from chronist.export.formats import export

        output = export(timeline, args.format)
    if args.output is None:
        write_stdout(output)
    else:
        if args.file != "-" and Path(args.file).resolve() == args.output.resolve():
            raise OptionError(f"-o {args.output}: would overwrite the input; choose another file")
        write_text(args.output, output)
        print(f"wrote {args.output} ({len(timeline.events)} events)", file=sys.stderr)
    return 0
