"""The options several subcommands share, declared once and checked the same way.

Each ``add_*`` function adds one option to a subcommand's parser with the same
name, help and check everywhere, so that ``--dct 0000-01-01`` or ``--lang xx``
is refused by every command with the same one-line message (exit code 2).

>>> parser = argparse.ArgumentParser()
>>> add_dct(parser)
>>> parser.parse_args(["--dct", "1950-06-25"]).dct
'1950-06-25'
"""

from __future__ import annotations

import argparse
import datetime
import re
from pathlib import Path
from typing import Any

__all__ = [
    "KINDS",
    "add_dct",
    "add_debug",
    "add_document_options",
    "add_kind",
    "add_lang",
    "add_output",
    "iso_date",
    "language",
    "megabytes",
]

KINDS = ("auto", "narrative", "news")


def iso_date(value: str) -> str:
    """A real calendar day written ``YYYY-MM-DD`` (year 1 to 9999)."""
    example = "write it as YYYY-MM-DD, e.g. 1950-06-25"
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        raise argparse.ArgumentTypeError(f"invalid date {value!r}; {example}")
    try:
        datetime.date.fromisoformat(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"invalid date {value!r} ({error}); {example}") from None
    return value


def megabytes(value: str) -> int:
    """A positive size in megabytes, as bytes."""
    try:
        size = float(value)
    except ValueError:
        size = -1.0
    if not size > 0:
        raise argparse.ArgumentTypeError(f"invalid size {value!r}; give megabytes, e.g. 500")
    return int(size * 1_000_000)


def language(value: str) -> str:
    """A language chronist has data for (a language folder, see :mod:`chronist.lang`)."""
    from chronist.lang import available_languages

    available = available_languages()
    if value not in available:
        raise argparse.ArgumentTypeError(
            f"unknown language {value!r}; available: {', '.join(available)}"
        )
    return value


def add_lang(parser: argparse.ArgumentParser, what: str = "the texts") -> None:
    parser.add_argument(
        "--lang", type=language, default="de", help=f"language of {what} (default: de)"
    )


def add_kind(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--kind", choices=KINDS, default="auto",
        help="narrative: history, dates anchored in the story; news: relative to --dct; "
        "auto (default): news if --dct is given and the text's years lie near it",
    )  # fmt: skip


def add_dct(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dct", type=iso_date, metavar="YYYY-MM-DD",
        help="document creation time (publication date) for news",
    )  # fmt: skip


def add_document_options(parser: argparse.ArgumentParser, what: str = "the text") -> None:
    """``--lang``, ``--kind`` and ``--dct`` for the documents a command reads."""
    add_lang(parser, what)
    add_kind(parser)
    add_dct(parser)


def add_output(parser: argparse.ArgumentParser, help: str, metavar: str = "OUT") -> None:
    parser.add_argument("-o", "--output", metavar=metavar, type=Path, help=help)


def add_debug(parser: argparse.ArgumentParser | Any) -> None:
    parser.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks on errors"
    )
