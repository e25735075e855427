"""What ``chronist tag`` writes: a table for people, JSON mentions, TimeML.

Each writer takes the document's description and its mentions; the JSON writer
streams the mentions as they come from the tagger. A mention's JSON is the
timeline's (:func:`chronist.timeline.jsonio.timex_json`): one shape for a
temporal expression wherever chronist writes one.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TextIO

from chronist.temporal.mention import AnchorKind, Timex
from chronist.temporal.timex_json import timex_json


@dataclass(frozen=True, slots=True)
class TagDocument:
    file: str
    doc_id: str
    lang: str
    kind: str  # as requested; "auto" lets the tagger choose
    kind_used: str  # what the tagger read the text as
    dct: str | None


def write_json(
    stream: TextIO, document: TagDocument, length: int, timexes: Iterable[Timex], *, one_line: bool
) -> None:
    """One JSON object per document: ``{"format", "version", "document", "mentions"}``.

    ``document`` holds ``file``, ``lang``, ``kind`` (requested), ``kind_used``
    (what the tagger read the text as: ``narrative`` or ``news``), ``dct`` and
    ``characters``. Each mention is a ``timexes`` item of the timeline schema
    (``timeline-1.json``): TIMEX3 strings, the EDTF, the four bounds as ISO days
    (astronomical years), the rule, the anchor and its value. On stdout the
    object is one line (JSON Lines); in a file one mention a line.
    """
    head = {
        "format": "chronist.tag",
        "version": 2,
        "document": {
            "file": document.file,
            "lang": document.lang,
            "kind": document.kind,
            "kind_used": document.kind_used,
            "dct": document.dct,
            "characters": length,
        },
    }
    newline = "" if one_line else "\n"
    stream.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "mentions": [')
    for number, timex in enumerate(timexes):
        separator = ", " if number else ""
        stream.write(separator + newline + json.dumps(timex_json(timex), ensure_ascii=False))
    stream.write(newline + "]}\n")


def write_timeml(document: TagDocument, text: str, timexes: Sequence[Timex]) -> str:
    """The document as TimeML, the input text exactly between the tags."""
    from chronist.export.timeml import to_timeml  # the TimeML writer loads only when asked for

    return to_timeml(text, timexes, doc_id=document.doc_id, dct=document.dct)


_TABLE_HEAD = ("#", "offsets", "text", "type", "value", "mod", "anchor", "rule")
_TABLE_CAPS = (7, 15, 32, 8, 24, 12, 28, 32)
_CONTEXT = 48
_SPACE = re.compile(r"\s+")


def write_table(stream: TextIO, document: TagDocument, text: str, timexes: Sequence[Timex]) -> None:
    """A table for people: one row per mention, its context below it."""
    kind = document.kind_used
    stream.write(
        f"{document.file}: {len(timexes)} temporal expression{'s' * (len(timexes) != 1)}"
        f"  ({document.lang}, {kind}, DCT {document.dct or 'none'}, {len(text):,} characters)\n"
    )
    widths = [len(title) for title in _TABLE_HEAD]
    for row in _rows(timexes):  # a first pass for the widths keeps memory flat
        widths = [max(width, len(cell)) for width, cell in zip(widths, row, strict=True)]
    widths = [min(width, cap) for width, cap in zip(widths, _TABLE_CAPS, strict=True)]
    # On a terminal the context is dimmed and the mention in it bold (unless NO_COLOR is set).
    styled = stream.isatty() and "NO_COLOR" not in os.environ
    dim, bold, reset = ("\x1b[2m", "\x1b[1m", "\x1b[0m") if styled else ("", "", "")
    stream.write(f"{bold}{_format_row(_TABLE_HEAD, widths)}{reset}\n")
    indent = " " * (widths[0] + 2)
    for row, timex in zip(_rows(timexes), timexes, strict=True):
        before, mention, after = _context(text, timex.start, timex.end)
        stream.write(_format_row(row, widths) + "\n")
        stream.write(f"{indent}{dim}{before}{reset}{bold}[{mention}]{reset}{dim}{after}{reset}\n")
    stream.write("\n")


def _rows(timexes: Sequence[Timex]) -> Iterator[tuple[str, ...]]:
    for number, timex in enumerate(timexes, 1):
        yield (
            str(number),
            f"{timex.start}-{timex.end}",
            _SPACE.sub(" ", timex.text),
            timex.type.value,
            timex.value,
            timex.mod.value if timex.mod else "-",
            _anchor(timex),
            timex.rule,
        )


def _anchor(timex: Timex) -> str:
    anchor = timex.anchor
    if anchor.kind is AnchorKind.NONE:
        return "-"
    label = anchor.tid if anchor.kind is AnchorKind.TIMEX and anchor.tid else anchor.kind.value
    return f"{label} {anchor.value}" if anchor.value else label


def _format_row(cells: Sequence[str], widths: Sequence[int]) -> str:
    clipped = [
        cell if len(cell) <= width else cell[: width - 1] + "…"
        for cell, width in zip(cells, widths, strict=True)
    ]
    return "  ".join(
        [clipped[0].rjust(widths[0])]
        + [cell.ljust(width) for cell, width in zip(clipped[1:], widths[1:], strict=True)]
    ).rstrip()


def _context(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The words before, the mention and the words after it, within its line of the text.

    >>> _context("Erst am 27. Juli 1953 schwiegen die Waffen.", 8, 21)
    ('Erst am ', '27. Juli 1953', ' schwiegen die Waffen.')
    """
    low, high = max(0, start - _CONTEXT), min(len(text), end + _CONTEXT)
    newline = text.rfind("\n", low, start)
    left = newline + 1 if newline >= 0 else low
    newline = text.find("\n", end, high)
    right = newline if newline >= 0 else high
    before, after = text[left:start], text[end:right]
    if left == low > 0:  # cut inside the line: drop the cut word, mark the cut
        before = "…" + before[before.find(" ") + 1 :]
    if right == high < len(text):
        after = after[: after.rfind(" ")] + "…" if " " in after else after + "…"
    return (
        _SPACE.sub(" ", before).lstrip(),
        _SPACE.sub(" ", text[start:end]),
        _SPACE.sub(" ", after).rstrip(),
    )
