"""Bounds of event times: their first and last known days, where two meet, a
consistent reading, and which ones are implausible for a document.

>>> first_known(Bounds(None, Day(1950, 6, 30), Day(1950, 6, 1), None))
Day(year=1950, month=6, day=30)
"""

from __future__ import annotations

from collections.abc import Sequence

from chronist.events.detect import EventMention
from chronist.temporal.values import Bounds, Day
from chronist.timeline.model import EventTime

__all__ = ["first_known", "flag_implausible", "intersect", "last_known", "ordered", "overlaps"]

# An interval is implausible when it is wider than this many years and covers
# more than this share of the years the document's dates span, or when it
# reaches outside them: drawn, but with this confidence at most.
_IMPLAUSIBLE_YEARS = 100
_IMPLAUSIBLE_SHARE = 0.5
_IMPLAUSIBLE_CONFIDENCE = 0.2


def first_known(b: Bounds) -> Day | None:
    return b.earliest_begin or b.latest_begin or b.earliest_end or b.latest_end


def last_known(b: Bounds) -> Day | None:
    return b.latest_end or b.earliest_end or b.latest_begin or b.earliest_begin


def _pick(a: Day | None, b: Day | None, latest: bool) -> Day | None:
    if a is None or b is None:
        return a or b
    return max(a, b) if latest else min(a, b)


def intersect(a: Bounds, b: Bounds) -> Bounds:
    """Where something lies that lies inside both ``a`` and ``b``: from the later first
    day to the earlier last day (``a`` unchanged when they do not meet)."""
    first = _pick(first_known(a), first_known(b), True)
    last = _pick(last_known(a), last_known(b), False)
    if first is not None and last is not None and first > last:
        return a
    return Bounds(first, last, first, last)


def ordered(bounds: Bounds) -> Bounds:
    """``bounds`` if they are consistent, else the widest reading of the days they name
    (never a begin after its latest begin, an end after its latest end, or a begin
    after the latest end).

    >>> b = ordered(Bounds(Day(1848, 3, 1), Day(1848, 1, 1), None, Day(1848, 12, 31)))
    >>> b.earliest_begin, b.latest_begin
    (Day(year=1848, month=1, day=1), Day(year=1848, month=12, day=31))
    """
    eb, lb, ee, le = (
        bounds.earliest_begin,
        bounds.latest_begin,
        bounds.earliest_end,
        bounds.latest_end,
    )
    pairs = ((eb, lb), (ee, le), (eb, le))
    if all(x is None or y is None or x <= y for x, y in pairs):
        return bounds
    days = [day for day in (eb, lb, ee, le) if day is not None]
    return Bounds(min(days), max(days), min(days), max(days))


def overlaps(a: Bounds, b: Bounds) -> bool:
    a_first, a_last = first_known(a), last_known(a)
    b_first, b_last = first_known(b), last_known(b)
    if None in (a_first, a_last, b_first, b_last):
        return False
    assert a_first and a_last and b_first and b_last
    return a_first <= b_last and b_first <= a_last


def flag_implausible(
    dated: Sequence[tuple[EventMention, EventTime, float]], span: tuple[Day, Day] | None
) -> list[tuple[EventMention, EventTime, float]]:
    """Lower the confidence of events dated by an implausible interval (see
    ``_IMPLAUSIBLE_*``): "between 455 and 2852" is not drawn as a fact.

    >>> from chronist.timeline.model import TimeSource
    >>> wide = Bounds(Day(455, 1, 1), Day(455, 1, 1), Day(1999, 12, 31), Day(1999, 12, 31))
    >>> time = EventTime(None, "0455/1999", wide, TimeSource.NARRATIVE)
    >>> flag_implausible([(None, time, 0.45)], (Day(400, 1, 1), Day(2000, 1, 1)))[0][2]
    0.2
    """
    if span is None:
        return list(dated)
    years = span[1].year - span[0].year
    kept = []
    for mention, time, confidence in dated:
        first, last = first_known(time.bounds), last_known(time.bounds)
        if first is not None and last is not None:
            width = last.year - first.year
            # by years: the rest of the year of the last date told is no time outside
            outside = first.year < span[0].year or last.year > span[1].year
            wide = width > _IMPLAUSIBLE_YEARS and width > _IMPLAUSIBLE_SHARE * years
            if outside or wide:
                confidence = min(confidence, _IMPLAUSIBLE_CONFIDENCE)
        kept.append((mention, time, confidence))
    return kept
