"""Day arithmetic and the days a value covers.

Days are counted as ordinals of the proleptic Gregorian calendar in astronomical
years, so shifting, subtracting and finding a weekday work before Christ too.
:func:`point_span` and :func:`bounds_of` turn a :class:`~chronist.temporal.values.
CalendarPoint` or :class:`~chronist.temporal.values.Interval` into the first and
last days it covers, narrowed by its modifier (``Anfang``, ``vor``, ``nach``).
"""

from __future__ import annotations

from chronist.temporal.values import (
    Bounds,
    CalendarPoint,
    Day,
    Grain,
    Interval,
    Mod,
    Resolved,
    Season,
    days_in_month,
)


def bounds_of(value: Resolved, mod: Mod | None = None) -> Bounds:
    """The four bounds of a resolved value.

    >>> bounds_of(CalendarPoint(Grain.MONTH, 1950, 8)).earliest_begin
    Day(year=1950, month=8, day=1)
    >>> bounds_of(CalendarPoint(Grain.YEAR, 1520), Mod.APPROX).earliest_begin  # "um 1520"
    Day(year=1520, month=1, day=1)
    >>> century = bounds_of(CalendarPoint(Grain.CENTURY, 1900))  # "das 20. Jahrhundert"
    >>> century.earliest_begin.year, century.latest_end.year
    (1901, 2000)
    >>> century = bounds_of(CalendarPoint(Grain.CENTURY, -299))  # "das 3. Jahrhundert v. Chr."
    >>> century.earliest_begin.year, century.latest_end.year
    (-299, -200)
    """
    if isinstance(value, CalendarPoint):
        span = point_span(value)
        if span is None:
            return Bounds.unknown()
        first, last = span
        # the end of a week not known may lie anywhere in the year: no narrowing; a half
        # of a century is already its start or end (the mod TIMEX3 writes for it)
        halved = (
            value.grain in (Grain.CENTURY, Grain.MILLENNIUM)
            and value.half is not None
            and mod in (Mod.START, Mod.END)
        )
        if (value.grain is not Grain.WEEK or value.week is not None) and not halved:
            first, last = _apply_mod(first, last, mod, value.grain)
        if mod is Mod.BEFORE:  # "vor 1914": ends by the last day of 1913
            before = _from_ordinal(_ordinal(first) - 1)
            return Bounds(None, before, None, before)
        if mod is Mod.ON_OR_BEFORE:
            return Bounds(None, last, None, last)
        if mod is Mod.AFTER:  # "nach 1953": begins on 1 January 1954 at the earliest
            after = _from_ordinal(_ordinal(last) + 1)
            return Bounds(after, None, after, None)
        if mod is Mod.ON_OR_AFTER:
            return Bounds(first, None, first, None)
        # "um 1520" (APPROX) covers the days of the value it qualifies: the guideline's
        # interval for it is the year 1520, the approximation is the mod (EDTF "1520~")
        return Bounds(first, first, last, last)
    if isinstance(value, Interval):
        begin = point_span(value.begin) if value.begin else None
        end = point_span(value.end) if value.end else None
        return Bounds(
            begin[0] if begin else None,
            begin[1] if begin else None,
            end[0] if end else None,
            end[1] if end else None,
        )
    return Bounds.unknown()


def _apply_mod(first: Day, last: Day, mod: Mod | None, grain: Grain) -> tuple[Day, Day]:
    """The part of a period ``Anfang``/``Mitte``/``Ende`` say: its first, middle or
    last third, counted in the next smaller unit a reader counts it in (``Ende des 15.
    Jahrhunderts`` is 1471-1500, its last three decades, ``Mitte des 15.
    Jahrhunderts`` its two middle ones, 1441-1460; ``Ende 1950`` September to
    December), else in days (``Ende der Woche``)."""
    if mod not in (Mod.START, Mod.MID, Mod.END):
        return first, last
    if grain in (Grain.MILLENNIUM, Grain.CENTURY, Grain.DECADE):
        unit = max(1, (last.year - first.year + 1) // 10)  # a decade of a century
        span = 3 * unit
        if mod is Mod.START:
            return first, Day(first.year + span - 1, 12, 31)
        if mod is Mod.END:
            return Day(last.year - span + 1, 1, 1), last
        # "Mitte des 15. Jahrhunderts": its two middle decades (1441-1460)
        return Day(first.year + span + unit, 1, 1), Day(last.year - span - unit, 12, 31)
    if grain is Grain.YEAR:  # four months each
        if mod is Mod.START:
            return first, Day(first.year, 4, 30)
        if mod is Mod.END:
            return Day(first.year, 9, 1), last
        return Day(first.year, 5, 1), Day(first.year, 8, 31)
    total = _ordinal(last) - _ordinal(first) + 1
    third = max(1, total // 3)
    if mod is Mod.START:
        return first, _from_ordinal(_ordinal(first) + third - 1)
    if mod is Mod.END:
        return _from_ordinal(_ordinal(last) - third + 1), last
    return _from_ordinal(_ordinal(first) + third), _from_ordinal(_ordinal(last) - third)


def _ordinal_span(point: CalendarPoint, year: int) -> tuple[Day, Day]:
    """The years of an ordinal century or millennium, counted as the ordinal says
    (``das 20. Jahrhundert`` is 1901-2000, ``das 3. Jahrhundert v. Chr.`` 300-201 BC);
    ``year`` is its first year in the popular reading after Christ (1900), its
    first astronomical year before (-299)."""
    size = 1000 if point.grain is Grain.MILLENNIUM else 100
    first = year + 1 if year >= 0 else year
    if point.half:
        first += size // 2 if point.half == 2 else 0
        size //= 2
    return Day(first, 1, 1), Day(first + size - 1, 12, 31)


def point_span(point: CalendarPoint) -> tuple[Day, Day] | None:
    """First and last day covered by a point, or ``None`` if its year is unknown."""
    year = point.year
    if year is None:
        return None
    grain = point.grain
    if grain in (Grain.MILLENNIUM, Grain.CENTURY):
        return _ordinal_span(point, year)
    if grain == Grain.DECADE:
        return Day(year, 1, 1), Day(year + 9, 12, 31)
    if grain == Grain.YEAR:
        return Day(year, 1, 1), Day(year, 12, 31)
    if grain == Grain.HALF and point.half:
        first_month = 1 if point.half == 1 else 7
        return _months(year, first_month, first_month + 5)
    if grain == Grain.QUARTER and point.quarter:
        first_month = 3 * (point.quarter - 1) + 1
        return _months(year, first_month, first_month + 2)
    if grain == Grain.SEASON and point.season:
        return _season_span(year, point.season)
    if grain == Grain.WEEK and point.week:
        monday = iso_week_monday(year, point.week)
        if point.weekend:
            return shift_day(monday, 5), shift_day(monday, 6)
        return monday, shift_day(monday, 6)
    if point.month is None:
        return Day(year, 1, 1), Day(year, 12, 31)
    if grain == Grain.MONTH or point.day is None:
        return _months(year, point.month, point.month)
    day = Day(year, point.month, point.day)
    return day, day


def _months(year: int, first: int, last: int) -> tuple[Day, Day]:
    return Day(year, first, 1), Day(year, last, days_in_month(year, last))


def _season_span(year: int, season: Season) -> tuple[Day, Day]:
    # Meteorological seasons, northern hemisphere; winter straddles the new year.
    if season is Season.SPRING:
        return _months(year, 3, 5)
    if season is Season.SUMMER:
        return _months(year, 6, 8)
    if season is Season.FALL:
        return _months(year, 9, 11)
    return Day(year, 12, 1), Day(year + 1, 2, days_in_month(year + 1, 2))


_DAYS_BEFORE_MONTH = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)


def _ordinal(day: Day) -> int:
    y = day.year - 1
    leap = day.month > 2 and days_in_month(day.year, 2) == 29
    return (
        y * 365 + y // 4 - y // 100 + y // 400 + _DAYS_BEFORE_MONTH[day.month - 1] + leap + day.day
    )


def _from_ordinal(ordinal: int) -> Day:
    # Estimate the year, then correct; valid for astronomical years.
    year = (ordinal * 400) // 146097 + 1
    while _ordinal(Day(year, 1, 1)) > ordinal:
        year -= 1
    while _ordinal(Day(year + 1, 1, 1)) <= ordinal:
        year += 1
    remaining = ordinal - _ordinal(Day(year, 1, 1)) + 1
    month = 1
    while remaining > days_in_month(year, month):
        remaining -= days_in_month(year, month)
        month += 1
    return Day(year, month, remaining)


def days_between(first: Day, last: Day) -> int:
    """Days from ``first`` to ``last`` (negative if ``last`` comes first)."""
    return _ordinal(last) - _ordinal(first)


def shift_day(day: Day, days: int) -> Day:
    return _from_ordinal(_ordinal(day) + days)


def iso_week_monday(year: int, week: int) -> Day:
    """The Monday of ISO 8601 week ``week`` of the week-numbering ``year``.

    >>> iso_week_monday(2016, 10)
    Day(year=2016, month=3, day=7)
    """
    january_4 = Day(year, 1, 4)  # always in week 1
    return shift_day(january_4, 7 * (week - 1) - (weekday_of(january_4) - 1))


def weekday_of(day: Day) -> int:
    """ISO weekday, 1 = Monday."""
    return (_ordinal(day) - 1) % 7 + 1
