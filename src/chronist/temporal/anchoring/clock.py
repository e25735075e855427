"""Which day a clock time without a date belongs to.

``um 20 Uhr`` takes the day the text is at, unless the text has just named
several days (``am 25. und 26. August von 10 bis 18 Uhr``, ``am 3., 4. und
5. Oktober, jeweils 20 Uhr``) or a time that recurs (``wochentags von 14 bis
18 Uhr``): then it is a time of each of them, written without a day
(``T18:00``). A day named right before it (``morgen ab 12 Uhr``) is its day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from chronist.temporal.discourse_cues import DiscourseCues
from chronist.temporal.engine import Candidate
from chronist.temporal.values import CalendarPoint, Grain, Recurrence, Resolved

__all__ = ["ClockDay", "clock_time_day"]

# at most this many characters between a day and its time ("morgen ab 12 Uhr")
_DAY_GAP = 12


@dataclass(frozen=True, slots=True)
class ClockDay:
    """``several``: a time of several days (no day); else the index of its day."""

    several: bool
    day_at: int | None = None


def clock_time_day(
    text: str,
    candidates: Sequence[Candidate],
    values: Sequence[Resolved | None],
    index: int,
    clause_start: int,
    cues: DiscourseCues,
) -> ClockDay | None:
    """What the clause before a clock time (candidate ``index``) says of its day, if anything."""
    candidate = candidates[index]
    previous = index - 1
    if previous < 0 or candidates[previous].end <= clause_start:
        before = text[clause_start : candidate.start]
        return ClockDay(True) if cues.every_day.search(before) else None
    gap = text[candidates[previous].end : candidate.start]
    value = values[previous]
    if cues.every_day.search(gap) or isinstance(value, Recurrence):
        return ClockDay(True)
    if _is_clock(value) and cues.coordination.match(gap):
        # the second time of "von 10 bis 18 Uhr", "14.00 und 17.40 Uhr": the day of the first
        return clock_time_day(text, candidates, values, previous, clause_start, cues)
    if not _is_day(value):
        return None
    joined = previous - 1
    if (
        joined >= 0
        and candidates[joined].end > clause_start
        and _is_day(values[joined])
        and (
            cues.coordination.match(text[candidates[joined].end : candidates[previous].start])
            or cues.range_join.match(text[candidates[joined].end : candidates[previous].start])
        )
    ):
        return ClockDay(True)  # "am 25. und 26. August von 10 bis 18 Uhr"
    if len(gap) <= _DAY_GAP:
        return ClockDay(False, previous)  # "morgen ab 12 Uhr"
    return None


def _is_clock(value: Resolved | None) -> bool:
    return isinstance(value, CalendarPoint) and value.hour is not None


def _is_day(value: Resolved | None) -> bool:
    return isinstance(value, CalendarPoint) and value.grain == Grain.DAY and value.day is not None
