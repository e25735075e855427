"""Dates told as a person's age (``im Alter von acht Jahren``, ``mit zehn Jahren``):
the year of life the age leads to from the last birth the text told before it
(``wurde am 17. Januar 1706 ... geboren``), read as a date of the text, so it
dates its clause and moves the story like one. A date the tagger counted from
the story's year (``Zwei Jahre später``) after such an age, with no date of its
own between, is counted from the age's year instead.

>>> from chronist.events.lexicon import load_lexicon
>>> from chronist.temporal.tagger import tag
>>> from chronist.text.document import Document
>>> markers = load_lexicon("de").markers
>>> text = ("Er wurde am 17. Januar 1706 geboren. Im Jahr 1689 war sein Vater "
...         "Witwer geworden. Im Alter von zehn Jahren begann er zu arbeiten. "
...         "Zwei Jahre später kam er in die Lehre.")
>>> document = Document(text)
>>> ages = age_dates(document, tag(text), markers)
>>> [(a.text, a.value, a.edtf) for a in ages]
[('Im Alter von zehn Jahren', '1716', '1716-01-17/1717-01-16')]
>>> [t.value for t in counted_from_ages(tag(text), ages)]
['1706-01-17', '1689', '1718']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from chronist.events.lexicon import Markers
from chronist.temporal.grammar import load_grammar
from chronist.temporal.mention import Anchor, AnchorKind, Timex, TimexType
from chronist.temporal.render import edtf_of_bounds
from chronist.temporal.values import Bounds, Day
from chronist.text.document import Document

__all__ = ["age_dates", "counted_from_ages"]

_YEAR = re.compile(r"-?\d{4}(?![\d])")  # a year (of a value)
_DAY = re.compile(r"-?\d{4}(?:-\d\d(?:-\d\d)?)?")  # a year, month or day


def _count(word: str, lang: str) -> int | None:
    if word.isdigit():
        return int(word)
    value = load_grammar(lang).lexicon.value("number_word", word)
    return int(value) if isinstance(value, (int, float)) and value == int(value) else None


def _births(document: Document, timexes: Sequence[Timex], markers: Markers) -> list[Timex]:
    """The date of every birth the text tells (a birth word in a sentence with a date
    of its own: the first date after a mark like ``*``, else the sentence's first)."""
    text = document.text
    dates = [
        t
        for t in timexes
        if t.type is TimexType.DATE and t.anchor.kind is AnchorKind.NONE and _DAY.fullmatch(t.value)
    ]
    found: list[Timex] = []
    for word in markers.birth_words:
        pattern = re.escape(word) + (r"\b" if word[-1:].isalpha() else "")
        for match in re.finditer(pattern, text):
            start, end = document.sentence_of(match.start())
            after = match.start() if not word[:1].isalpha() else start
            own = [t for t in dates if after <= t.start < end]
            if own:
                found.append(own[0])
    return sorted(set(found), key=lambda t: t.start)


def _dated(sentence: tuple[int, int], timexes: Sequence[Timex]) -> bool:
    """Whether the sentence has a date of its own (``1832 starb er im Alter von 21
    Jahren``, ``1830 wurde der später mit 18 Jahren ... proklamierte ... geboren``)."""
    return any(
        sentence[0] <= t.start < sentence[1]
        and t.type is TimexType.DATE
        and t.anchor.kind is AnchorKind.NONE
        for t in timexes
    )


def _year_of_life(birth: Timex, years: int) -> Bounds | None:
    """From the birthday ``years`` on to the day before the next one (the whole years
    when the birth's day is not known)."""
    first = birth.bounds.earliest_begin
    if first is None:
        return None
    if len(birth.value) == len("1706-01-17") and first.year + years > 0:
        day = min(first.day, 28) if first.month == 2 else first.day
        begin = date(first.year + years, first.month, day)
        end = date(first.year + years + 1, first.month, day) - timedelta(days=1)
        b, e = Day(begin.year, begin.month, begin.day), Day(end.year, end.month, end.day)
        return Bounds(b, b, e, e)
    last = birth.bounds.latest_end or first
    b, e = Day(first.year + years, 1, 1), Day(last.year + years + 1, 12, 31)
    return Bounds(b, b, e, e)


def age_dates(document: Document, timexes: Sequence[Timex], markers: Markers) -> list[Timex]:
    """The dates told as an age after a birth the text told."""
    if markers.age_phrase is None:
        return []
    births = _births(document, timexes, markers)
    if not births:
        return []
    found: list[Timex] = []
    for match in markers.age_phrase.finditer(document.text):
        before = [b for b in births if b.end <= match.start()]
        years = _count(match.group("n"), document.lang)
        sentence = document.sentence_of(match.start())
        if not before or years is None or _dated(sentence, timexes):
            continue  # (an age beside a date of its sentence's own tells no date)
        bounds = _year_of_life(before[-1], years)
        if bounds is None or bounds.earliest_begin is None:
            continue
        year = bounds.earliest_begin.year
        value = f"{year:04d}" if year >= 0 else f"-{-year:04d}"
        found.append(
            replace(
                before[-1],
                tid=f"age{match.start()}",
                start=match.start(),
                end=match.end(),
                text=match.group(0),
                value=value,
                mod=None,
                edtf=edtf_of_bounds(bounds),
                bounds=bounds,
                rule="<age> after <birth>",
                anchor=Anchor(AnchorKind.TIMEX, before[-1].tid, before[-1].value),
                resolved=None,
                role=None,
            )
        )
    return found


def counted_from_ages(timexes: Sequence[Timex], ages: Sequence[Timex]) -> list[Timex]:
    """``timexes`` with each year counted from the story's year after an age, with
    no date of the text's own between (``Im Alter von zehn Jahren ... Zwei Jahre
    später``), moved by as many years as the age lies after the year it was counted
    from; the others as they are."""
    if not ages:
        return list(timexes)
    told = [*((t.start, False, t) for t in timexes), *((a.start, True, a) for a in ages)]
    events = sorted(told, key=lambda item: (item[0], item[1]))
    out: list[Timex] = []
    age: Timex | None = None
    shift: int | None = None
    for _, is_age, timex in events:
        if is_age:
            age, shift = timex, None
            continue
        relative = timex.anchor.kind is AnchorKind.NARRATIVE and timex.type is TimexType.DATE
        relative = relative and timex.mod is None
        if not relative:
            if timex.type is TimexType.DATE:
                age, shift = None, None  # a date of its own: the story is there now
            out.append(timex)
            continue
        anchor = _YEAR.match(timex.anchor.value or "")
        if age is not None and shift is None and anchor is not None:
            shift = int(age.value) - int(anchor.group(0))
        if shift is None or not _YEAR.fullmatch(timex.value):
            out.append(timex)
            continue
        year = int(timex.value) + shift
        value = f"{year:04d}" if year >= 0 else f"-{-year:04d}"
        first, last = Day(year, 1, 1), Day(year, 12, 31)
        out.append(replace(timex, value=value, edtf=value, bounds=Bounds(first, first, last, last)))
    return sorted(out, key=lambda t: t.start)
