"""``chronist report FILE -o timeline.html``: the timeline page for a text or a saved timeline.

Wired into :mod:`chronist.cli` as a subcommand (``register(subparsers)`` then
``run(args) -> int``). ``FILE`` is a text (the timeline is extracted first) or
a JSON timeline saved by ``chronist extract --format json``. Several inputs
write one page each into the ``-o`` directory; a bad input is reported and the
rest go on, and the exit code is 1 if any failed.

Example::

    $ chronist report ../shared/seed/koreakrieg.de.txt -o koreakrieg.html
    wrote koreakrieg.html (17 events) - open it in a browser
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chronist.cli.options import add_document_options, add_output
from chronist.cli.output import UniqueTargets, one_line, output_error, write_text
from chronist.errors import ChronistError, InputError, OptionError
from chronist.timeline.files import load_timeline
from chronist.web.index_page import IndexEntry

if TYPE_CHECKING:
    from chronist.timeline.model import Timeline

__all__ = ["register", "run"]

_EPILOG = """\
examples:
  chronist report ../shared/seed/koreakrieg.de.txt -o koreakrieg.html
  chronist extract artikel.txt --format json > artikel.json
  chronist report artikel.json -o artikel.html
  chronist report corpus/ -o pages/             # one page per .txt/.json file

The page is one HTML file with everything inline: it opens from a local file,
with no server and no network.
"""


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add the ``report`` subcommand to the CLI's subparsers."""
    parser = subparsers.add_parser(
        "report",
        help="write the interactive timeline page (HTML)",
        description="Write a self-contained HTML page: timeline, map, text and index, linked.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "files", nargs="*", metavar="FILE", help="text file, saved timeline JSON, or directory"
    )
    add_output(parser, "HTML file (one input) or directory")
    add_document_options(parser, "text inputs")
    parser.add_argument("--store", type=Path, help="the page of a corpus store's merged events")
    from chronist.cli.store import add_filters

    add_filters(parser)
    parser.set_defaults(handler=run)


def _expand(paths: list[str]) -> list[str]:
    """The inputs, with each directory replaced by its text and JSON files (hidden ones skipped)."""
    files: list[str] = []
    for path in paths:
        folder = Path(path)
        if not folder.is_dir():
            files.append(path)
            continue
        found = sorted(
            str(item)
            for item in folder.rglob("*")
            if item.suffix in (".txt", ".json")
            and item.is_file()
            and not any(part.startswith(".") for part in item.relative_to(folder).parts)
        )
        if not found:
            raise InputError(f"{path}: no .txt or .json files in this directory")
        files.extend(found)
    return files


def _entry(source: str, page: Path, timeline: Timeline) -> IndexEntry:
    years = sorted(
        event.time.edtf[:4]
        for event in timeline.events
        if event.time.edtf and event.time.edtf[:4].isdigit()
    )
    first, last = (years[0], years[-1]) if years else (None, None)
    return IndexEntry(source, page.name, len(timeline.events), first, last)


def _target(source: str, output: Path | None, several: bool) -> Path:
    stem = Path(source).name.split(".", 1)[0] or "timeline"
    if output is None:
        return Path(f"{stem}.html")
    if several or output.is_dir():
        return output / f"{stem}.html"
    return output


def run(args: argparse.Namespace) -> int:
    """Run ``chronist report``; returns the exit code."""
    from chronist.web.index_page import render_index
    from chronist.web.report import render_report

    if args.store is not None:
        from chronist.cli.store import run_report

        return run_report(args)
    if not args.files:
        raise OptionError("give a FILE, or --store STORE")
    files = _expand(args.files)
    several = len(files) > 1 or any(Path(path).is_dir() for path in args.files)
    if several and args.output is not None and args.output.suffix == ".html":
        raise OptionError("several inputs need -o DIRECTORY, not a file name")
    if several and args.output is not None:
        try:
            args.output.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise output_error(error, str(args.output)) from error
    targets = UniqueTargets()
    index = targets.claim((args.output or Path(".")) / "index.html") if several else None
    entries: list[IndexEntry] = []
    failed: list[tuple[str, str]] = []
    for number, path in enumerate(files, start=1):
        if several:
            print(f"[{number}/{len(files)}] {path}", file=sys.stderr)
        try:
            timeline = load_timeline(path, lang=args.lang, kind=args.kind, dct=args.dct)
            page = render_report(timeline)
            target = targets.claim(_target(path, args.output, several))
            if Path(path).resolve() == target.resolve():
                raise OptionError(f"{target}: would overwrite the input; choose another -o")
            write_text(target, page)
        except ChronistError as error:
            if not several:
                raise
            reason = str(error).removeprefix(f"{path}: ")
            failed.append((path, f"{reason} [{error.code}]"))
            continue
        count = len(timeline.events)
        print(f"wrote {target} ({count} events) - open it in a browser")
        entries.append(_entry(path, target, timeline))
    if index is not None:
        write_text(index, render_index(entries, [(p, one_line(r)) for p, r in failed]))
        print(f"wrote {index} (links the {len(entries)} pages)")
        print(f"{len(files) - len(failed)} of {len(files)} pages written", file=sys.stderr)
        for path, reason in failed:
            print(f"  failed: {one_line(path)}: {one_line(reason)}", file=sys.stderr)
    return 1 if failed else 0
