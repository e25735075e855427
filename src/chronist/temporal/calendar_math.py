"""Calendar arithmetic for anchoring: moving, filling and placing calendar points."""

from __future__ import annotations

import re
from dataclasses import replace

from chronist.temporal.day_spans import shift_day, weekday_of
from chronist.temporal.meaning import Explicit, Shift
from chronist.temporal.values import CalendarPoint, Day, Grain, Interval, Unit, days_in_month


def easter_sunday(year: int) -> Day:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm).

    >>> easter_sunday(1916)
    Day(year=1916, month=4, day=23)
    """
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return Day(year, month, day + 1)


def day_point(day: Day) -> CalendarPoint:
    return CalendarPoint(Grain.DAY, day.year, day.month, day.day)


def ordinal_distance(a: Day, b: Day) -> int:
    return (a.year - b.year) * 372 + (a.month - b.month) * 31 + (a.day - b.day)


# "11-TH4": the fourth Thursday of November; "05-MOL": the last Monday of May;
# "11-MO1+1": the day after the first Monday of November
WEEKDAY_FEAST = re.compile(r"(\d\d)-(MO|TU|WE|TH|FR|SA|SU)([1-5L])(?:\+([1-6]))?")
_WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def feast_day(feast: str, year: int) -> Day:
    """The day of a movable feast in ``year``: ``easter+N`` days from Easter Sunday,
    or a weekday of a month (``11-TH4``, Thanksgiving in the United States).

    >>> feast_day("easter-2", 1916), feast_day("11-TH4", 1999)
    (Day(year=1916, month=4, day=21), Day(year=1999, month=11, day=25))
    >>> feast_day("05-MOL", 2000), feast_day("11-MO1+1", 1998)
    (Day(year=2000, month=5, day=29), Day(year=1998, month=11, day=3))
    """
    if feast.startswith("easter"):
        return shift_day(easter_sunday(year), int(feast[6:]))
    match = WEEKDAY_FEAST.fullmatch(feast)
    if match is None:
        raise ValueError(f"not a movable feast: {feast!r}")
    month, weekday = int(match.group(1)), _WEEKDAY_CODES.index(match.group(2)) + 1
    if match.group(3) == "L":
        last = Day(year, month, days_in_month(year, month))
        day = shift_day(last, -((weekday_of(last) - weekday) % 7))
    else:
        first = Day(year, month, 1)
        day = shift_day(first, (weekday - weekday_of(first)) % 7 + 7 * (int(match.group(3)) - 1))
    return shift_day(day, int(match.group(4) or 0))


def feast_point(year: int, feast: str) -> CalendarPoint:
    return day_point(feast_day(feast, year))


def exists(value: object) -> bool:
    """Whether every day a resolved value names is a day of the calendar (no 31
    September, no 29 February in a common year); values without a full day pass.

    >>> exists(CalendarPoint(Grain.DAY, 2023, 2, 29)), exists(CalendarPoint(Grain.DAY, 2024, 2, 29))
    (False, True)
    """
    if isinstance(value, Interval):
        return exists(value.begin) and exists(value.end)
    if not isinstance(value, CalendarPoint):
        return True
    if value.month is not None and not 1 <= value.month <= 12:
        return False
    if value.day is None:
        return True
    if value.year is None or value.month is None:
        return 1 <= value.day <= 31
    return 1 <= value.day <= days_in_month(value.year, value.month)


def fill_from_anchor(
    point: CalendarPoint, anchor: CalendarPoint, meaning: Explicit
) -> CalendarPoint:
    fill = meaning.fill or Grain.YEAR
    year = anchor.year
    if year is not None and point.year is None:
        point = replace(point, year=year + meaning.year_shift)
    if fill >= Grain.MONTH and point.month is None and anchor.grain >= Grain.MONTH:
        point = replace(point, month=anchor.month)
    if fill >= Grain.DAY and point.day is None and anchor.grain >= Grain.DAY:
        point = replace(point, day=anchor.day)
    return point


def turn_of_year(point: CalendarPoint, reference: CalendarPoint) -> CalendarPoint:
    """``Am 13. Dezember 1919 ..., und bis Anfang Januar``: within one sentence, a month
    half a year before the one just told lies in the next year."""
    if point.month is None or reference.month is None or reference.grain < Grain.MONTH:
        return point
    if (
        point.year is not None
        and point.year == reference.year
        and reference.month - point.month >= 6
    ):
        return replace(point, year=point.year + 1)
    return point


def unknown_shift(shift: Shift) -> CalendarPoint:
    grain = Grain.PART_OF_DAY if shift.part_of_day else shift.unit.grain
    return CalendarPoint(grain, part_of_day=shift.part_of_day, weekend=shift.weekend)


def apply_shift(anchor: CalendarPoint, shift: Shift) -> CalendarPoint:
    """The anchor moved by ``shift``, at the shift's grain (fields the anchor lacks stay unknown).

    >>> moved = apply_shift(CalendarPoint(Grain.DAY, 1951, 4, 11), Shift(Unit.MONTH, 1))
    >>> (moved.grain.name, moved.year, moved.month, moved.day)
    ('MONTH', 1951, 5, None)
    >>> apply_shift(CalendarPoint(Grain.DECADE, 1920), Shift(Unit.YEAR, 10)).grain.name
    'DECADE'
    >>> moved = apply_shift(CalendarPoint(Grain.QUARTER, 1989, quarter=4), Shift(Unit.QUARTER, 1))
    >>> (moved.year, moved.quarter)
    (1990, 1)
    """
    unit = shift.unit
    year = anchor.year
    if year is None:
        return _shift_without_year(anchor, shift) or unknown_shift(shift)
    if unit in (Unit.YEAR, Unit.DECADE, Unit.CENTURY, Unit.MILLENNIUM):
        step = {Unit.YEAR: 1, Unit.DECADE: 10, Unit.CENTURY: 100, Unit.MILLENNIUM: 1000}[unit]
        grain = unit.grain
        if unit is Unit.YEAR and anchor.grain == Grain.DECADE and shift.amount % 10 == 0:
            grain = Grain.DECADE  # "in den 1920er Jahren ... zehn Jahre später": the 1930s
        return CalendarPoint(grain, year + shift.amount * step).coarsened(grain)
    if unit is Unit.QUARTER:
        if anchor.quarter is not None:
            current = anchor.quarter - 1  # "the next quarter" after "the third quarter"
        elif anchor.month is not None:
            current = (anchor.month - 1) // 3
        else:
            return CalendarPoint(Grain.QUARTER, year)
        total = year * 4 + current + shift.amount
        return CalendarPoint(Grain.QUARTER, total // 4, quarter=total % 4 + 1)
    if unit is Unit.MONTH:
        if anchor.month is None or anchor.grain < Grain.MONTH:
            return CalendarPoint(Grain.MONTH, year)
        total = year * 12 + anchor.month - 1 + shift.amount
        return CalendarPoint(Grain.MONTH, total // 12, total % 12 + 1)
    # days, weeks and finer need a day to count from
    if anchor.month is None or anchor.day is None or anchor.grain < Grain.DAY:
        if unit is Unit.WEEK and not shift.counted:
            # "nächste Woche" from a month: a week of that year, which one is not known
            return CalendarPoint(Grain.WEEK, year, weekend=shift.weekend)
        grain = Grain.PART_OF_DAY if shift.part_of_day else Grain.DAY
        return CalendarPoint(
            grain,
            year,
            anchor.month if anchor.grain >= Grain.MONTH else None,
            part_of_day=shift.part_of_day,
        )
    base = Day(year, anchor.month, min(anchor.day, days_in_month(year, anchor.month)))
    if unit is Unit.WEEK and not shift.counted:
        # "nächste Woche" names a calendar week
        week_year, week = iso_week(shift_day(base, 7 * shift.amount))
        return CalendarPoint(Grain.WEEK, week_year, week=week, weekend=shift.weekend)
    if unit in (Unit.DAY, Unit.WEEK):
        moved = shift_day(base, shift.amount * (7 if unit is Unit.WEEK else 1))
        if shift.part_of_day:
            return CalendarPoint(
                Grain.PART_OF_DAY, moved.year, moved.month, moved.day, part_of_day=shift.part_of_day
            )
        return day_point(moved)
    if anchor.hour is not None and unit in (Unit.HOUR, Unit.MINUTE):
        # "zwei Stunden später" after "um 10 Uhr": the clock moves, the day with it
        step = 60 if unit is Unit.HOUR else 1
        minutes = anchor.hour * 60 + (anchor.minute or 0) + shift.amount * step
        days, minutes = divmod(minutes, 24 * 60)
        moved = shift_day(base, days)
        hour, minute = divmod(minutes, 60)
        return CalendarPoint(
            Grain.MINUTE, moved.year, moved.month, moved.day, hour=hour, minute=minute
        )
    # hours and minutes from a day without a time: keep the day, the time is not known
    return replace(day_point(base), grain=Grain.DAY)


# a common and a leap year: a day counted from a day of no known year is known only
# where both calendars agree ("Tags darauf" after "am 1. August"; not after "28. Februar")
_CALENDARS = (2001, 2004)


def _shift_without_year(anchor: CalendarPoint, shift: Shift) -> CalendarPoint | None:
    """Days counted from a day and month of no known year (``am 1. August ... Tags darauf``):
    the day and month if every calendar gives the same ones, the year still unknown.

    >>> moved = _shift_without_year(CalendarPoint(Grain.DAY, None, 8, 1), Shift(Unit.DAY, 1))
    >>> (moved.year, moved.month, moved.day)
    (None, 8, 2)
    >>> _shift_without_year(CalendarPoint(Grain.DAY, None, 2, 28), Shift(Unit.DAY, 1)) is None
    True
    """
    counted_week = shift.unit is Unit.WEEK and shift.counted
    if shift.unit is not Unit.DAY and not counted_week:
        return None
    if anchor.month is None or anchor.day is None or anchor.grain < Grain.DAY:
        return None
    days = shift.amount * (7 if counted_week else 1)
    moved = {
        (shift_day(Day(year, anchor.month, anchor.day), days), year)
        for year in _CALENDARS
        if anchor.day <= days_in_month(year, anchor.month)
    }
    landed = {(day.year - year, day.month, day.day) for day, year in moved}
    if len(moved) != len(_CALENDARS) or len(landed) != 1:
        return None
    years_on, month, day = landed.pop()
    if years_on:
        return None  # across the turn of a year of no known number
    if shift.part_of_day:
        return CalendarPoint(Grain.PART_OF_DAY, None, month, day, part_of_day=shift.part_of_day)
    return CalendarPoint(Grain.DAY, None, month, day)


def iso_week(day: Day) -> tuple[int, int]:
    """ISO 8601 week-numbering year and week of a day."""
    thursday = shift_day(day, 4 - weekday_of(day))
    first = Day(thursday.year, 1, 1)
    count = 0
    probe = thursday
    while probe >= first:
        probe = shift_day(probe, -7)
        count += 1
    return thursday.year, count
