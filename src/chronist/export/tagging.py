"""What ``chronist tag`` writes: a table for people, JSON mentions, TimeML.

Each writer takes the document's description and its mentions; the JSON writer
streams the mentions as they come from the tagger.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TextIO

from chronist.export.timeml import to_timeml
from chronist.temporal import values
from chronist.temporal.mention import AnchorKind, Timex
from chronist.temporal.values import Day


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
    ``characters``. Each mention has every field of :class:`Timex`: enums as
    their TIMEX3 strings, days as ISO dates (astronomical years), ``bounds`` as
    ``{earliest_begin, latest_begin, earliest_end, latest_end}``, ``anchor`` as
    ``{kind, tid, value}``, ``resolved`` as ``{"class": ..., <non-null fields>}``.
    On stdout the object is one line (JSON Lines); in a file one mention a line.
    """
    head = {
        "format": "chronist.tag",
        "version": 1,
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
        stream.write(separator + newline + json.dumps(_mention(timex), ensure_ascii=False))
    stream.write(newline + "]}\n")


def _mention(timex: Timex) -> dict[str, object]:
    """Every field of a :class:`Timex`, JSON-ready (the common ones without recursion)."""
    record: dict[str, object] = {}
    for name in _field_names(Timex):
        value = getattr(timex, name)
        if type(value) in _SCALARS:
            record[name] = value
        elif type(value) is values.Bounds:
            record[name] = {
                "earliest_begin": _iso(value.earliest_begin),
                "latest_begin": _iso(value.latest_begin),
                "earliest_end": _iso(value.earliest_end),
                "latest_end": _iso(value.latest_end),
            }
        else:
            record[name] = _plain(value)
    return record


def _iso(day: Day | None) -> str | None:
    return None if day is None else day.iso()


def _plain(value: object) -> object:
    """A JSON-ready copy of a chronist value (dataclasses, enums, days, tuples)."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is Day:
        return value.iso()  # type: ignore[attr-defined]
    if isinstance(value, enum.Enum):
        return value.value if isinstance(value.value, str) else value.name
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    names = _field_names(kind)
    if not names:
        return str(value)
    if kind in _VALUE_CLASSES:  # the typed meaning: name its class, leave out unset fields
        fields: dict[str, object] = {"class": kind.__name__}
        for name in names:
            field = getattr(value, name)
            if field is not None:
                fields[name] = _plain(field)
        return fields
    return {name: _plain(getattr(value, name)) for name in names}


_SCALARS = frozenset({str, int, float, bool, type(None)})
_VALUE_CLASSES = frozenset(
    getattr(values, name)
    for name in ("CalendarPoint", "Interval", "Duration", "RefPoint", "Recurrence")
)


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        is_record = dataclasses.is_dataclass(cls)
        names = tuple(field.name for field in dataclasses.fields(cls)) if is_record else ()
        _FIELD_NAMES[cls] = names
    return names


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def write_timeml(document: TagDocument, text: str, timexes: Sequence[Timex]) -> str:
    """The document as TimeML, the input text exactly between the tags."""
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
