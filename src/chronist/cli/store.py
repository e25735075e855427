"""``chronist ingest``, ``chronist events``, ``chronist documents``: the corpus store's commands.

Wired into :mod:`chronist.cli` (one ``_PLUGINS`` entry per command, all this
module): :func:`register` adds every store command the CLI has not listed yet,
:func:`run` runs the one asked for. ``chronist entities --store`` and
``chronist report --store`` call :func:`run_entities` and :func:`run_report`.

Example::

    $ chronist ingest ../shared/data/wikipedia-de/klexikon --store corpus.duckdb --jobs 2
    $ chronist events --store corpus.duckdb --person Luther --from 1517 --to 1530
    DATE          EVENT                                       SOURCES  PEOPLE          PLACE
    ...
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

__all__ = ["register", "run", "run_entities", "run_report"]

_INGEST_EPILOG = """\
examples:
  chronist ingest archive/ --store corpus.duckdb --jobs 2
  chronist ingest 'letters/*.txt' pages/*.html --store corpus.duckdb
  chronist ingest articles.jsonl --store corpus.duckdb --kind news
  chronist ingest archive/ --store corpus.duckdb --engine dask --scheduler tcp://host:8786

Inputs: .txt, .md, .html/.htm and .jsonl (one {"text": ..., "id", "title", "dct",
"lang", "kind"} per line); a directory is searched recursively. Re-running skips
stored documents; a changed file replaces its old version. Exit code 1 if any
input could not be ingested (each is reported, the others are stored).
"""

_EVENTS_EPILOG = """\
examples:
  chronist events --store corpus.duckdb --person Luther --from 1517 --to 1530
  chronist events --store corpus.duckdb --place Berlin --type conflict --format csv
  chronist events --store corpus.duckdb --text "Waffenstillstand Korea" --format json

In the text table a date marked ≠ is the best supported of several the sources give
(--format json lists every reading with its sources).
"""

_COMMANDS = ("ingest", "events", "documents")


def _store_option(parser: argparse.ArgumentParser, required: bool = True) -> None:
    parser.add_argument(
        "--store", metavar="FILE", required=required, type=Path,
        help="the corpus store (a DuckDB file, e.g. corpus.duckdb)",
    )  # fmt: skip


def add_filters(parser: argparse.ArgumentParser) -> None:
    """The event filters shared by ``events`` and ``report --store``."""
    group = parser.add_argument_group("filters (all given must hold)")
    group.add_argument("--person", metavar="NAME", help="a person taking part (part of a name)")
    group.add_argument("--place", metavar="NAME", help="a place (part of a name)")
    group.add_argument("--org", metavar="NAME", help="an organisation taking part")
    group.add_argument("--from", dest="start", metavar="DATE", help="not before YYYY[-MM[-DD]]")
    group.add_argument("--to", dest="end", metavar="DATE", help="not after YYYY[-MM[-DD]]")
    group.add_argument(
        "--overlapping", action="store_true",
        help="--from/--to: also events whose time only overlaps them (a war of 1939-1945 for "
        "--from 1944 --to 1944, an event dated 'between 1500 and 1900')",
    )  # fmt: skip
    group.add_argument("--type", metavar="TYPE", help="event type (conflict, death, ...)")
    group.add_argument("--text", metavar="WORDS", help="every word in the evidence (full text)")
    group.add_argument("--limit", type=int, metavar="N", help="at most N events")


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add the store's subcommands that the CLI has not listed yet."""
    known = subparsers.choices
    if "ingest" not in known:
        parser = subparsers.add_parser(
            "ingest", help="extract documents into a corpus store",
            description="Extract files, directories, globs and JSON Lines into a corpus store.",
            epilog=_INGEST_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
        )  # fmt: skip
        parser.add_argument("inputs", nargs="+", metavar="PATH", help="file, directory or glob")
        _store_option(parser)
        parser.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes")
        parser.add_argument(
            "--engine", choices=("local", "dask"), default="local",
            help="local: --jobs processes here (default); dask: Dask workers write Parquet "
            "shards beside the store, then this process merges them",
        )  # fmt: skip
        parser.add_argument(
            "--partition", type=int, default=None, metavar="N",
            help="with --engine dask: at most N documents per task and shard (default: no limit)",
        )  # fmt: skip
        parser.add_argument(
            "--partition-chars", type=int, default=100_000, metavar="N",
            help="with --engine dask: characters per task and shard (default: 100000)",
        )  # fmt: skip
        parser.add_argument(
            "--scheduler", metavar="ADDRESS",
            help="with --engine dask: the cluster's scheduler (default: a local cluster "
            "of --jobs workers, or one per core)",
        )  # fmt: skip
        parser.add_argument("--lang", default="de", help="language of the texts (default: de)")
        parser.add_argument(
            "--kind", choices=("auto", "narrative", "news"), default="auto", help="default: auto"
        )
        parser.add_argument("--dct", help="document creation time, YYYY-MM-DD")
        parser.add_argument(
            "--commit-every", type=float, default=3.0, metavar="SECONDS",
            help="open the store for a burst of commits at most this often (default: 3); "
            "readers wait at most about one burst",
        )  # fmt: skip
        parser.add_argument("--quiet", action="store_true", help="no progress bar")
        parser.set_defaults(handler=run, store_command="ingest")
    if "events" not in known:
        from chronist.store.export import FORMATS

        parser = subparsers.add_parser(
            "events", help="query the merged events of a corpus store",
            description="The events of a corpus store, merged across documents, filtered.",
            epilog=_EVENTS_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
        )  # fmt: skip
        _store_option(parser)
        add_filters(parser)
        parser.add_argument("--format", choices=FORMATS, default="text", help="default: text")
        parser.set_defaults(handler=run, store_command="events")
    if "documents" not in known:
        parser = subparsers.add_parser(
            "documents", help="list the documents of a corpus store",
            description="The documents of a corpus store; or its tables as Parquet.",
        )  # fmt: skip
        _store_option(parser)
        parser.add_argument("--text", metavar="WORDS", help="documents with every word")
        parser.add_argument("--format", choices=("text", "json"), default="text")
        parser.add_argument(
            "--parquet", metavar="DIR", type=Path,
            help="write every table of the store as DIR/<table>.parquet instead",
        )  # fmt: skip
        parser.set_defaults(handler=run, store_command="documents")


class _Bar:
    """The ingest's progress bar on stderr (tqdm): documents/s and ETA."""

    def __init__(self) -> None:
        self.bar: Any = None
        self.counts: dict[str, int] = {}

    def start(self, total: int) -> None:
        from tqdm import tqdm

        self.bar = tqdm(total=total, unit="doc", file=sys.stderr, dynamic_ncols=True)

    def advance(self, status: str, name: str) -> None:
        self.counts[status] = self.counts.get(status, 0) + 1
        if self.bar is not None:
            self.bar.set_postfix(self.counts, refresh=False)
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _filters(args: argparse.Namespace) -> Any:
    from chronist.store import EventFilter

    return EventFilter(
        person=args.person, place=args.place, org=args.org, start=args.start, end=args.end,
        overlapping=args.overlapping, type=args.type, text=args.text, limit=args.limit,
    )  # fmt: skip


def run(args: argparse.Namespace) -> int:
    """Run ``chronist ingest``, ``events`` or ``documents``; returns the exit code."""
    from chronist.store import Store

    store = Store(args.store)
    if args.store_command == "ingest":
        return _ingest(store, args)
    if args.store_command == "events":
        from chronist.store.export import format_events

        events = store.events(_filters(args))
        sys.stdout.write(format_events(events, args.format, title=str(args.store)))
        return 0
    if args.parquet is not None:
        for path in store.export_parquet(args.parquet):
            print(f"wrote {path}")
        return 0
    documents = store.documents(args.text)
    if args.format == "json":
        import json

        sys.stdout.write(json.dumps(documents, ensure_ascii=False, indent=2) + "\n")
    else:
        for doc in documents:
            title = f"  {doc['title']}" if doc["title"] else ""
            sys.stdout.write(
                f"{doc['name']}{title}  ({doc['chars']} chars, {doc['events']} events)\n"
            )
    return 0


def _ingest(store: Any, args: argparse.Namespace) -> int:
    from chronist.errors import OptionError

    if args.jobs < 1:
        raise OptionError("--jobs must be at least 1")
    if args.dct is not None:
        import datetime

        try:
            datetime.date.fromisoformat(args.dct)
        except ValueError:
            raise OptionError(f"invalid date {args.dct!r}; write it as YYYY-MM-DD") from None
    show = not args.quiet and sys.stderr.isatty()
    if args.commit_every < 0:
        raise OptionError("--commit-every must not be negative")
    if args.scheduler is not None and args.engine != "dask":
        raise OptionError("--scheduler needs --engine dask")
    if args.partition is not None and args.partition < 1:
        raise OptionError("--partition must be at least 1")
    if args.partition_chars < 1:
        raise OptionError("--partition-chars must be at least 1")
    if args.engine == "dask":
        from chronist.store.distributed import ingest_dask

        report = ingest_dask(
            store.path, args.inputs, scheduler=args.scheduler,
            workers=args.jobs if args.jobs > 1 else None, lang=args.lang, kind=args.kind,
            dct=args.dct, partition_size=args.partition, partition_chars=args.partition_chars,
            progress=_Bar() if show else None,
            notice=None if args.quiet else lambda line: print(f"chronist: {line}", file=sys.stderr),
        )  # fmt: skip
    else:
        report = store.ingest(
            args.inputs, jobs=args.jobs, lang=args.lang, kind=args.kind, dct=args.dct,
            burst=args.commit_every, progress=_Bar() if show else None,
        )  # fmt: skip
    for failure in report.failed:
        print(f"chronist: skipped {failure.message}", file=sys.stderr)
    rate = (report.stored + report.replaced) / report.seconds if report.seconds else 0.0
    print(
        f"{report.stored} stored, {report.replaced} replaced, {report.skipped} already stored, "
        f"{len(report.failed)} failed in {report.seconds:.1f} s ({rate:.1f} docs/s)",
        file=sys.stderr,
    )
    return 0 if report.ok else 1


def run_entities(args: argparse.Namespace) -> int:
    """``chronist entities --store FILE [--type PER] [--name NAME]``: merged entities."""
    import json

    from chronist.store import Store

    found = Store(args.store).entities(getattr(args, "type", None), getattr(args, "name", None))
    if args.format == "json":
        sys.stdout.write(json.dumps({"entities": found}, ensure_ascii=False) + "\n")
        return 0
    for entity in found:
        where = f"{entity['gazetteer_id']}" if entity["gazetteer_id"] else ""
        variants = ", ".join(entity["variants"])
        sys.stdout.write(
            f"{entity['type']:<4} {entity['text']:<28} {where:<18} "
            f"{entity['documents']} doc(s): {variants}\n"
        )
    return 0


def run_report(args: argparse.Namespace) -> int:
    """``chronist report --store FILE [filters] -o page.html``: the page for a query."""
    from chronist.store import Store
    from chronist.store.report import collection_page

    store = Store(args.store)
    events = store.events(_filters(args))
    target = args.output or Path(Path(args.store).stem + ".html")
    page = collection_page(store, events, title=Path(args.store).name, lang=args.lang)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(page, encoding="utf-8")
    print(f"wrote {target} ({len(events)} events) - open it in a browser")
    return 0
