"""In an article, when a date told does not anchor what follows it, but the DCT does.

A date that was itself counted from the time of writing (``im vergangenen
Sommer``, ``vor zwei Wochen``, ``am Monatsende``) gives ``in diesem Jahr`` no
year of its own and ``am Abend`` no day: both are those of writing. A date
stated in the text (``Im Jahr 2010 ... In diesem Jahr``) still anchors them.
"""

from __future__ import annotations

from collections.abc import Sequence

from chronist.temporal.anchoring.reference import AnchoredValue, _Reference
from chronist.temporal.meaning import Shift
from chronist.temporal.mention import AnchorKind
from chronist.temporal.values import CalendarPoint, Unit

__all__ = ["counts_from_writing", "day_told_since"]


def counts_from_writing(
    meaning: Shift, reference: _Reference, results: Sequence[AnchoredValue]
) -> bool:
    """Whether ``meaning``, told after ``reference``, is counted from the DCT instead.

    ``Im vergangenen Sommer lag die Quote bei 5 Prozent, in diesem Jahr ...``: the
    year of writing (a month likewise). ``Die Frist läuft am Monatsende ab. Der Mann
    wurde am Abend festgenommen``: the evening of the day of writing. A week stays the
    one of the weekday told (``am Freitag ... In dieser Woche``: a report a day late).
    """
    at = reference.index
    if meaning.amount != 0 or at is None or at >= len(results):
        return False
    if results[at].anchor.kind is not AnchorKind.DCT:
        return False  # a date stated in the text anchors what follows
    if meaning.part_of_day is not None:
        return reference.point.day is None
    return not meaning.from_told and not meaning.counted and meaning.unit in (Unit.MONTH, Unit.YEAR)


def day_told_since(
    meaning: Shift, reference: _Reference, results: Sequence[AnchoredValue], index: int
) -> _Reference | None:
    """The latest date with a day told after ``reference``, for a step by days from it.

    ``... in 1984. ... The day before last Tuesday's hearing, Manuel went to Lazaro's
    home. ... he appeared in court the next morning``: the morning after the day told
    last, not a morning of 1984. Only when the reference has no day of its own.
    """
    if reference.point.day is not None:
        return None
    if meaning.unit is not Unit.DAY and meaning.part_of_day is None:
        return None
    first = -1 if reference.index is None else reference.index
    for before in range(min(index, len(results)) - 1, first, -1):
        value = results[before].value
        if isinstance(value, CalendarPoint) and value.day is not None and value.year is not None:
            return _Reference(value, before, AnchorKind.TIMEX)
    return None
