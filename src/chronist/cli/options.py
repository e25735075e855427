"""Options shared by the subcommands: declared once, checked the same way everywhere.

``--lang``, ``--kind`` and ``--dct`` describe the documents a command reads;
``--debug`` shows tracebacks. A malformed value is a usage error (exit 2) with
one line saying what is expected.
"""

from __future__ import annotations

import argparse
import datetime
import re
from typing import Any

__all__ = ["add_debug", "add_document_options", "add_lang", "iso_date", "megabytes"]

KINDS = ("auto", "narrative", "news")


def iso_date(value: str) -> str:
    """A calendar day written YYYY-MM-DD (year 0001 to 9999)."""
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


def add_lang(parser: argparse.ArgumentParser, what: str = "the text") -> None:
    parser.add_argument(
        "--lang", default="de", help=f"language of {what}: de, en, ... (default: de)"
    )


def add_document_options(parser: argparse.ArgumentParser, what: str = "the text") -> None:
    """``--lang``, ``--kind`` and ``--dct`` for the documents a command reads."""
    add_lang(parser, what)
    parser.add_argument(
        "--kind",
        choices=KINDS,
        default="auto",
        help="narrative: history, dates anchored in the story; news: relative to --dct; "
        "auto (default): news if --dct is given and the text's years lie near it",
    )
    parser.add_argument(
        "--dct",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="document creation time (publication date), for news",
    )


def add_debug(parser: argparse.ArgumentParser | Any) -> None:
    parser.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks on errors"
    )
