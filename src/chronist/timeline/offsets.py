"""Dates told as a length before or after a named historical event (``Vier Jahre
nach der Londoner Weltausstellung``, ``zwei Jahre vor dem Ersten Weltkrieg``): the
year the length leads to from the event's end (``nach``) or begin (``vor``), read
as a date of the text, so it dates its clause and moves the story like one.

>>> from chronist.events.lexicon import load_lexicon
>>> from chronist.events.reference import find_references
>>> from chronist.temporal.tagger import tag
>>> text = "Vier Jahre nach der Londoner Weltausstellung reiste der Prinz nach Schottland."
>>> markers = load_lexicon("de").markers
>>> [(d.text, d.value) for d in offset_dates(text, tag(text), find_references(text), markers)]
[('Vier Jahre nach der Londoner Weltausstellung', '1855')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from chronist.events.lexicon import Markers
from chronist.events.reference import ReferenceMention
from chronist.temporal.mention import Anchor, AnchorKind, Timex, TimexType
from chronist.temporal.values import Bounds, Day

__all__ = ["offset_dates"]

_YEARS = re.compile(r"P(\d+)Y")  # a length in whole years
_MAX_BETWEEN = 2  # words between the relation word and the name (an article, an adjective)


def _year_after(reference: ReferenceMention, relation: str, years: int) -> int | None:
    bounds = reference.event.bounds
    if relation == "after" and bounds.latest_end is not None:
        return bounds.latest_end.year + years
    if relation == "before" and bounds.earliest_begin is not None:
        return bounds.earliest_begin.year - years
    return None


def _offset(
    text: str, length: Timex, reference: ReferenceMention, markers: Markers
) -> Timex | None:
    """The date ``length`` before or after ``reference`` tells, when only the
    relation word and at most two words stand between them."""
    match = _YEARS.fullmatch(length.value)
    words = text[length.end : reference.start].split()
    if match is None or not words or len(words) > 1 + _MAX_BETWEEN:
        return None
    relation = markers.reference_relations.get(words[0].lower())
    if relation not in ("after", "before"):
        return None
    year = _year_after(reference, relation, int(match.group(1)))
    if year is None:
        return None
    value = f"{year:04d}" if year >= 0 else f"-{-year:04d}"
    first, last = Day(year, 1, 1), Day(year, 12, 31)
    return replace(
        length,
        end=reference.end,
        text=text[length.start : reference.end],
        type=TimexType.DATE,
        value=value,
        mod=None,
        edtf=value,
        bounds=Bounds(first, first, last, last),
        rule="<length> <relation> <named event>",
        anchor=Anchor(AnchorKind.EVENT, None, reference.event.edtf),
        resolved=None,
        quant=None,
        role=None,
    )


def offset_dates(
    text: str,
    timexes: Sequence[Timex],
    references: Sequence[ReferenceMention],
    markers: Markers,
) -> list[Timex]:
    """The dates told as a length in years before or after a named event."""
    found: list[Timex] = []
    if not references:
        return found
    for length in timexes:
        if length.type is not TimexType.DURATION:
            continue
        after = [r for r in references if 0 <= r.start - length.end <= 40]
        for reference in after[:1]:
            date = _offset(text, length, reference, markers)
            if date is not None:
                found.append(date)
    return found
