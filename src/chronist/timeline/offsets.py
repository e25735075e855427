"""Dates told as a length before or after a named historical event (``Vier Jahre
nach der Londoner Weltausstellung``, ``zwei Jahre vor dem Ersten Weltkrieg``): the
year the length leads to from the event's end (``nach``) or begin (``vor``), read
as a date of the text, so it dates its clause and moves the story like one. The
event is one of the reference table, else an event noun the text told earlier with
a year in its sentence (``1851 fand die Weltausstellung statt. ... Vier Jahre nach
der Weltausstellung ...``).

>>> from chronist.events.lexicon import load_lexicon
>>> from chronist.events.reference import find_references
>>> from chronist.temporal.tagger import tag
>>> text = "Vier Jahre nach dem Wiener Kongress reiste der Prinz nach Schottland."
>>> markers = load_lexicon("de").markers
>>> from chronist.text.document import Document
>>> def dates(text):
...     found = offset_dates(Document(text), tag(text), find_references(text), markers)
...     return [(d.text, d.value) for d in found]
>>> dates(text)
[('Vier Jahre nach dem Wiener Kongress', '1819')]
>>> dates("1851 fand die Weltausstellung statt. Vier Jahre nach der Weltausstellung kam er.")
[('Vier Jahre nach der Weltausstellung', '1855')]
>>> dates("Die Weltausstellung fand statt. Vier Jahre nach der Weltausstellung kam er.")
[]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from chronist.events.lexicon import Markers
from chronist.events.reference import ReferenceMention
from chronist.temporal.mention import Anchor, AnchorKind, Timex, TimexType
from chronist.temporal.values import Bounds, Day
from chronist.text.document import Document

__all__ = ["offset_dates"]

_YEARS = re.compile(r"P(\d+)Y")  # a length in whole years
_ENDING = re.compile(r"(?:es|en|s|n)$")  # a case ending of a noun
_YEAR = re.compile(r"-?\d{4}")  # a year's value
# a relation word, an article, perhaps an adjective, a noun: "nach der Londoner Weltausstellung"
_NOUN_PHRASE = re.compile(
    r"\s+\w+\s+(?P<article>\w+)\s+(?:[a-zäöüß]\w*\s+)?(?P<noun>[A-ZÄÖÜ]\w{3,})\b"
)
_MAX_BETWEEN = 2  # words between the relation word and the name (an article, an adjective)


def _year_after(bounds: Bounds, relation: str, years: int) -> int | None:
    if relation == "after" and bounds.latest_end is not None:
        return bounds.latest_end.year + years
    if relation == "before" and bounds.earliest_begin is not None:
        return bounds.earliest_begin.year - years
    return None


def _relation(text: str, length: Timex, start: int, markers: Markers) -> str | None:
    """``after`` or ``before`` when only the relation word and at most two words
    stand between the length and an event's name at ``start``."""
    words = text[length.end : start].split()
    if _YEARS.fullmatch(length.value) is None or not words or len(words) > 1 + _MAX_BETWEEN:
        return None
    relation = markers.reference_relations.get(words[0].lower())
    return relation if relation in ("after", "before") else None


def _offset(text: str, length: Timex, end: int, year: int, anchor: str | None) -> Timex:
    """The date ``length`` before or after an event names, up to ``end``: ``year``."""
    value = f"{year:04d}" if year >= 0 else f"-{-year:04d}"
    first, last = Day(year, 1, 1), Day(year, 12, 31)
    return replace(
        length,
        end=end,
        text=text[length.start : end],
        type=TimexType.DATE,
        value=value,
        mod=None,
        edtf=value,
        bounds=Bounds(first, first, last, last),
        rule="<length> <relation> <named event>",
        anchor=Anchor(AnchorKind.EVENT, None, anchor),
        resolved=None,
        quant=None,
        role=None,
    )


def _years(length: Timex) -> int:
    match = _YEARS.fullmatch(length.value)
    return int(match.group(1)) if match else 0


def _told_before(
    document: Document, timexes: Sequence[Timex], noun: str, before: int
) -> Bounds | None:
    """The year of the last sentence before ``before`` that tells the event noun
    ``noun`` (or a form of it) beside one year of its own."""
    stem = _ENDING.sub("", noun) if len(noun) > 5 else noun  # "Krieges" -> "Krieg"
    for match in reversed(
        list(re.finditer(rf"\b{re.escape(stem)}\w{{0,2}}\b", document.text[:before]))
    ):
        sentence = document.sentence_of(match.start())
        years = [
            t for t in timexes if sentence[0] <= t.start < sentence[1] and _YEAR.fullmatch(t.value)
        ]
        if len(years) == 1:
            return years[0].bounds
    return None


def _noun_after(text: str, start: int, markers: Markers) -> re.Match[str] | None:
    """The noun after a relation word at ``start`` (its article and an adjective
    between): ``nach der Weltausstellung`` -> ``Weltausstellung``."""
    match = _NOUN_PHRASE.match(text, start)
    if (
        match is None
        or match.group("article").lower() not in markers.definite | markers.definite_contractions
    ):
        return None
    return match


def offset_dates(
    document: Document,
    timexes: Sequence[Timex],
    references: Sequence[ReferenceMention],
    markers: Markers,
) -> list[Timex]:
    """The dates told as a length in years before or after a named event."""
    text = document.text
    found: list[Timex] = []
    for length in timexes:
        if length.type is not TimexType.DURATION or not _years(length):
            continue
        after = [r for r in references if 0 <= r.start - length.end <= 40][:1]
        relation = _relation(text, length, after[0].start, markers) if after else None
        if after and relation is not None:
            year = _year_after(after[0].event.bounds, relation, _years(length))
            if year is not None:
                found.append(_offset(text, length, after[0].end, year, after[0].event.edtf))
            continue
        noun = _noun_after(text, length.end, markers)
        if noun is None:
            continue
        relation = _relation(text, length, noun.start("noun"), markers)
        bounds = _told_before(document, timexes, noun.group("noun"), length.start)
        if relation is None or bounds is None:
            continue
        year = _year_after(bounds, relation, _years(length))
        if year is not None:
            found.append(_offset(text, length, noun.end(), year, None))
    return found
