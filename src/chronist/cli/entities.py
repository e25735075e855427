"""``chronist entities FILE [--format json|text]``: people, places, organisations.

Wired into :mod:`chronist.cli`, which calls :func:`register` and then
:func:`run`; errors are :class:`chronist.errors.ChronistError` subclasses, which
the CLI prints as one line.

Example::

    $ chronist entities ../shared/seed/koreakrieg.de.txt --format text
    LOC   Moskau              55.75222,37.61556  geonames:524901   1 mention(s)
    ...
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from chronist.cli.options import add_lang
from chronist.cli.output import one_line, write_stdout
from chronist.errors import CorpusError, InputError

__all__ = ["register", "run"]

_EPILOG = """\
examples:
  chronist entities ../shared/seed/koreakrieg.de.txt
  chronist entities artikel.txt --format json | jq '.entities[] | select(.type == "LOC")'
"""


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add the ``entities`` subcommand to the CLI's subparsers."""
    parser = subparsers.add_parser(
        "entities",
        help="find people, places and organisations",
        description="Find persons, places and organisations; resolve places to coordinates.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="text file, or - (stdin)")
    add_lang(parser, "the text")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="default: text")
    parser.add_argument("--store", metavar="STORE", help="list a corpus store's merged entities")
    parser.add_argument("--type", choices=("PER", "LOC", "ORG"), help="with --store: one type")
    parser.add_argument("--name", help="with --store: entities with this in a name")
    parser.set_defaults(handler=run)


def _read(path: str) -> str:
    from chronist.text.reading import read_text

    return read_text(path)


def _text_line(entity: Any) -> str:
    where = ""
    if entity.type.value == "LOC":
        where = (
            f"{entity.lat:.5f},{entity.lon:.5f}  {entity.gazetteer_id}  {entity.feature_class}"
            if entity.resolved
            else "unresolved"
        )
    forms = ", ".join(dict.fromkeys(m.text for m in entity.mentions))
    return f"{entity.type.value:<4} {entity.text:<28} {where:<38} {len(entity.mentions)}x: {forms}"


def run(args: argparse.Namespace) -> int:
    """Run ``chronist entities``; returns the exit code."""
    if args.store:
        from chronist.cli.store import run_entities

        return run_entities(args)
    if not args.files:
        from chronist.errors import OptionError

        raise OptionError("give a FILE, or --store STORE")
    from chronist.entities import recognize
    from chronist.temporal.tagger import tagging
    from chronist.text.document import Document

    failed = 0
    for path in args.files:
        try:
            text = _read(path)
            # dates first: no entity inside a date, and the era of each place is evidence
            tagged = tagging(Document(text, args.lang, "auto"))
            tagged.document.add_layer("timexes", tuple(tagged.timexes))
            entities = recognize(tagged.document)
        except (InputError, CorpusError) as error:
            if len(args.files) == 1:
                raise
            failed += 1  # a bad file of a batch is reported and the others go on
            sys.stderr.write(f"chronist: error: {one_line(str(error))} [{error.code}]\n")
            continue
        if args.format == "json":
            document = {
                "source": path,
                "lang": args.lang,
                "entities": [entity.to_json() for entity in entities],
            }
            write_stdout(json.dumps(document, ensure_ascii=False) + "\n")
        else:
            lines = [f"== {path}\n"] if len(args.files) > 1 else []
            lines += [_text_line(entity).rstrip() + "\n" for entity in entities]
            write_stdout("".join(lines))
    if failed:
        sys.stderr.write(f"chronist: {len(args.files) - failed} of {len(args.files)} inputs done\n")
    return 1 if failed else 0
