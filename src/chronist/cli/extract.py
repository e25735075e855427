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
import shutil
import sys
import textwrap
from pathlib import Path
from typing import Any

from chronist.cli.options import add_document_options, add_output
from chronist.cli.output import write_stdout, write_text
from chronist.entities.types import EntityType
from chronist.errors import OptionError
from chronist.export.people import entity_type
from chronist.timeline.model import Event, Timeline, TimeSource

__all__ = ["format_text", "register", "run"]

_EPILOG = """\
examples:
  chronist extract ../shared/seed/koreakrieg.de.txt
  chronist extract artikel.txt --format json | jq '.events[] | {label, time: .time.edtf}'
  chronist extract bericht.txt --kind news --dct 2017-08-10

In the text table a date marked ~ is inferred from the narrative around the
event, not stated in its sentence; "or later" / "by" are dates bounded on one
side; "present" is the time of writing; "undated": nothing in the text places
the event; [conditional], [planned], [negated] ... mark events the text does
not state as having happened. The table fits the terminal's width.
"""
_LEGEND = (
    "~ inferred from the narrative · or later / by: bounded on one side · present: time of "
    "writing · undated: no date in the text · [negated] ... not stated as having happened"
)
# the columns' shares of the width, and their narrowest
_SHARES = (
    ("DATE", 0.20, 12),
    ("EVENT", 0.38, 20),
    ("PEOPLE", 0.22, 10),
    ("PLACES, ORGS", 0.20, 10),
)


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
        return "present" if time.value == "PRESENT_REF" else "undated"
    shown = time.edtf.replace("/..", " or later").replace("../", "by ").replace("/", " – ")
    return shown + (" ~" if time.source is TimeSource.NARRATIVE else "")


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _widths(total: int) -> list[int]:
    usable = max(total, 60) - 2 * (len(_SHARES) - 1)
    return [max(least, int(usable * share)) for _, share, least in _SHARES]


def format_text(timeline: Timeline, width: int = 118, legend: bool = False) -> str:
    """The timeline as a table for the terminal: date, event, people, places and organisations.

    Columns share ``width`` characters (the terminal's, when it is one); a cell
    that is too long is cut at its end with ``…``.

    >>> from chronist.timeline.model import Document
    >>> format_text(Timeline(Document("."), (), (), ())).splitlines()[0].split()
    ['DATE', 'EVENT', 'PEOPLE', 'PLACES,', 'ORGS']
    """
    rows = [tuple(title for title, _, _ in _SHARES)]
    for event in timeline.events:
        label = event.label
        if event.hypothetical:
            label = f"[{event.modality.value}] {label}"
        names: dict[EntityType | None, list[str]] = {}
        for participant in event.participants:
            kind = entity_type(timeline, participant)
            names.setdefault(kind, []).append(participant.text)
        people = names.get(EntityType.PER, []) + names.get(None, [])
        others = ([event.place.text] if event.place else []) + names.get(EntityType.LOC, [])
        others += names.get(EntityType.ORG, [])
        rows.append(
            (
                _date(event),
                label,
                ", ".join(dict.fromkeys(people)),
                ", ".join(dict.fromkeys(others)),
            )
        )
    widths = _widths(width)
    lines = []
    for row in rows:
        cells = [_cut(cell, w).ljust(w) for cell, w in zip(row, widths, strict=True)]
        lines.append("  ".join(cells).rstrip())
    if legend:
        lines += ["", *textwrap.wrap(_LEGEND, max(width, 60))]
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
        terminal = args.output is None and sys.stdout.isatty()
        width = shutil.get_terminal_size((118, 24)).columns if terminal else 118
        output = format_text(timeline, width, legend=terminal)
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
