"""Ranges: two dates joined as a span (``1950–1953``, ``von März bis Mai 1951``).

Each end stays a DATE of its own; the range is added as a non-consuming TIMEX3
DURATION whose ``beginPoint`` and ``endPoint`` name the two ends, placed at the
end of the second one, with the interval's EDTF and bounds.
"""

from __future__ import annotations

from chronist.temporal.day_spans import bounds_of, days_between
from chronist.temporal.lazy_pattern import LazyPattern
from chronist.temporal.mention import Anchor, AnchorKind, Timex, TimexType
from chronist.temporal.render import duration_value, edtf_value
from chronist.temporal.values import CalendarPoint, Duration, Grain, Interval, Unit

_UNIT_OF_GRAIN = {Grain.YEAR: Unit.YEAR, Grain.MONTH: Unit.MONTH, Grain.DAY: Unit.DAY}


def add_ranges(
    text: str, timexes: list[Timex], join: LazyPattern, first_tid: int | None = None
) -> list[Timex]:
    """The timexes with a range DURATION after every begin/end pair.

    ``join`` must match the whole gap between the two ends (the language's
    ``range_join`` cue: "bis", "–").

    >>> from chronist import tag
    >>> [(t.type.value, t.value, t.edtf) for t in tag("von 1950 bis 1953")][-1]
    ('DURATION', 'P3Y', '1950/1953')
    """
    result: list[Timex] = []
    count = len(timexes)
    added = count if first_tid is None else first_tid - 1
    for index, timex in enumerate(timexes):
        result.append(timex)
        if timex.role != "begin" or index + 1 >= count:
            continue
        end = timexes[index + 1]
        if end.role != "end" or not join.match(text[timex.end : end.start]):
            continue
        span = _range(timex, end, f"t{added + 1}")
        if span is not None:
            result.append(span)
            added += 1
    # the ends keep their order; a range sits right after its end
    result.sort(key=lambda t: (t.start, t.end))
    return result


def _range(begin: Timex, end: Timex, tid: str) -> Timex | None:
    first, last = begin.resolved, end.resolved
    if not isinstance(first, CalendarPoint) or not isinstance(last, CalendarPoint):
        return None
    if first.year is None or last.year is None or first == last:
        return None
    interval = Interval(first, last)
    bounds = bounds_of(interval)
    if bounds.earliest_begin and bounds.latest_end and bounds.earliest_begin > bounds.latest_end:
        return None
    return Timex(
        tid=tid,
        start=end.end,
        end=end.end,
        text="",
        type=TimexType.DURATION,
        value=duration_value(_length(first, last)),
        mod=None,
        edtf=edtf_value(interval, None, bounds),
        bounds=bounds,
        rule="range",
        anchor=Anchor(AnchorKind.TIMEX, begin.tid, begin.value),
        resolved=interval,
        begin_point=begin.tid,
        end_point=end.tid,
    )


def _length(first: CalendarPoint, last: CalendarPoint) -> Duration:
    grain = min(first.grain, last.grain, Grain.DAY)
    unit = _UNIT_OF_GRAIN.get(grain)
    if unit is None or first.year is None or last.year is None:
        return Duration.of(Unit.YEAR, None)
    if unit is Unit.YEAR:
        if last.year == first.year:
            # "von August bis Ende 1941": a part of the year the other end holds, of a
            # length in the finer unit that the text does not give (PXM, not P0Y)
            finer = _UNIT_OF_GRAIN.get(min(max(first.grain, last.grain), Grain.DAY))
            return Duration.of(finer or unit, None)
        return Duration.of(unit, float(last.year - first.year))
    months = (last.year - first.year) * 12 + (last.month or 1) - (first.month or 1)
    if unit is Unit.MONTH:
        return Duration.of(unit, float(months))
    span_first, span_last = bounds_of(first).earliest_begin, bounds_of(last).earliest_begin
    if span_first is None or span_last is None:
        return Duration.of(Unit.DAY, None)
    return Duration.of(Unit.DAY, float(days_between(span_first, span_last)))
