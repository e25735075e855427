"""The period a report is about: a quarter or half-year named before.

An earnings report names its period once (``third-quarter profit``) and then
refers back to it (``the quarter``, ``the latest period``) or compares it
with the same period of another year (``a year earlier``). These helpers find
that period among the values resolved so far; without one, ``the latest
quarter`` of a dated report is the last quarter that ended before it.
"""

from __future__ import annotations

from collections.abc import Sequence

from chronist.temporal.day_spans import days_between, point_span
from chronist.temporal.engine import Candidate
from chronist.temporal.meaning import Deictic, Explicit, Shift
from chronist.temporal.values import CalendarPoint, Day, Duration, Grain, Resolved

__all__ = ["last_quarter_before", "reported_period"]

_PERIOD_GRAINS = (Grain.QUARTER, Grain.HALF)


def last_quarter_before(day: Day) -> CalendarPoint:
    """The last quarter that ended before ``day`` (``the latest quarter`` of a report)."""
    quarter = (day.month - 1) // 3  # the current quarter's number minus one
    if quarter == 0:
        return CalendarPoint(Grain.QUARTER, day.year - 1, quarter=4)
    return CalendarPoint(Grain.QUARTER, day.year, quarter=quarter)


def reported_period(
    candidates: Sequence[Candidate],
    values: Sequence[Resolved | None],
    index: int,
    reach: int,
    written: Day | None = None,
) -> tuple[int, CalendarPoint] | None:
    """The quarter or half-year named last before candidate ``index``, within ``reach``
    characters, with its index; a period compared with another year (``a year
    earlier``, ``the 1988 period``, each a quarter once resolved) is not the report's own, nor one
    not over when the report was ``written`` (``a fourth-quarter charge`` ahead).
    A stretch named after it (``in the first nine months``) ends the search."""
    start = candidates[index].start
    for previous in range(index - 1, -1, -1):
        other = candidates[previous]
        if start - other.end > reach:
            return None
        value = values[previous]
        if isinstance(value, Duration):
            return None  # "in the first nine months ... the 1988 period": another stretch
        if (
            isinstance(value, CalendarPoint)
            and value.grain in _PERIOD_GRAINS
            and value.year is not None
            and not isinstance(other.meaning, Deictic | Shift)
            and not (isinstance(other.meaning, Explicit) and other.meaning.reported_period)
            and not _ends_after(value, written)
        ):
            return previous, value
    return None


def _ends_after(value: CalendarPoint, day: Day | None) -> bool:
    span = point_span(value)
    return day is not None and span is not None and days_between(day, span[1]) >= 0
