"""Typed time values: what a temporal expression means, with its grain kept.

Years are astronomical (year 0 = 1 BC, -43 = 44 BC). A value never fills a
field the text did not give: ``CalendarPoint(year=None, month=9, day=15)`` is
"15 September of an unknown year" until anchoring supplies the year.

TIMEX3 and EDTF strings are produced only by :mod:`chronist.temporal.timex3`
and :mod:`chronist.temporal.edtf`; this module holds meaning only.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from enum import Enum, IntEnum


class Grain(IntEnum):
    """Granularity of a calendar value, coarse to fine."""

    MILLENNIUM = 0
    CENTURY = 1
    DECADE = 2
    YEAR = 3
    HALF = 4
    QUARTER = 5
    SEASON = 6
    MONTH = 7
    WEEK = 8
    DAY = 9
    PART_OF_DAY = 10
    HOUR = 11
    MINUTE = 12
    SECOND = 13


class Season(Enum):
    SPRING = "SP"
    SUMMER = "SU"
    FALL = "FA"
    WINTER = "WI"


class PartOfDay(Enum):
    MORNING = "MO"
    MIDDAY = "MI"
    AFTERNOON = "AF"
    EVENING = "EV"
    NIGHT = "NI"
    DAYTIME = "DT"


class Mod(Enum):
    """TIMEX3 modifiers (ISO-TimeML)."""

    BEFORE = "BEFORE"
    AFTER = "AFTER"
    ON_OR_BEFORE = "ON_OR_BEFORE"
    ON_OR_AFTER = "ON_OR_AFTER"
    LESS_THAN = "LESS_THAN"
    MORE_THAN = "MORE_THAN"
    EQUAL_OR_LESS = "EQUAL_OR_LESS"
    EQUAL_OR_MORE = "EQUAL_OR_MORE"
    START = "START"
    MID = "MID"
    END = "END"
    APPROX = "APPROX"


class Unit(Enum):
    """Units of durations and of relative shifts; the value is the ISO 8601 designator."""

    SECOND = "S"
    MINUTE = "TM"  # ISO writes minutes as "M" after "T"; the value keeps them apart from months
    HOUR = "H"
    DAY = "D"
    WEEK = "W"
    MONTH = "M"
    QUARTER = "Q"
    YEAR = "Y"
    DECADE = "DE"
    CENTURY = "CE"
    MILLENNIUM = "ML"

    @property
    def is_time_of_day(self) -> bool:
        return self in (Unit.SECOND, Unit.MINUTE, Unit.HOUR)

    @property
    def designator(self) -> str:
        return "M" if self is Unit.MINUTE else self.value

    @property
    def grain(self) -> Grain:
        return Grain[self.name]


@dataclass(frozen=True, slots=True, order=True)
class Day:
    """A proleptic Gregorian day in astronomical years; sortable."""

    year: int
    month: int
    day: int

    def iso(self) -> str:
        sign = "-" if self.year < 0 else ""
        return f"{sign}{abs(self.year):04d}-{self.month:02d}-{self.day:02d}"

    def fractional_year(self) -> float:
        """The day as a year with a fraction, for drawing and sorting (``1950.5`` ~ July).

        >>> Day(-43, 3, 15).fractional_year()
        -42.79575633127995
        """
        return self.year + (self.month - 1) / 12 + (self.day - 1) / 365.25


def days_in_month(year: int, month: int) -> int:
    # calendar.monthrange rejects year 0 and negatives; the leap rule is periodic.
    return calendar.monthrange(year % 400 + 2000, month)[1]


@dataclass(frozen=True, slots=True)
class Bounds:
    """The four bounds of a time: earliest/latest begin, earliest/latest end.

    ``None`` means open or unknown.
    """

    earliest_begin: Day | None
    latest_begin: Day | None
    earliest_end: Day | None
    latest_end: Day | None

    @staticmethod
    def unknown() -> Bounds:
        return Bounds(None, None, None, None)

    def as_tuple(self) -> tuple[Day | None, Day | None, Day | None, Day | None]:
        return (self.earliest_begin, self.latest_begin, self.earliest_end, self.latest_end)

    @property
    def known(self) -> bool:
        """Whether any bound is known."""
        return any(day is not None for day in self.as_tuple())

    def first(self) -> Day | None:
        """The earliest known bound (``None`` when none is known)."""
        known = [day for day in self.as_tuple() if day is not None]
        return min(known) if known else None

    def last(self) -> Day | None:
        """The latest known bound."""
        known = [day for day in self.as_tuple() if day is not None]
        return max(known) if known else None


@dataclass(frozen=True, slots=True)
class CalendarPoint:
    """A calendar date at some grain, possibly missing fields (underspecified).

    For ``Grain.CENTURY``, ``DECADE`` and ``MILLENNIUM`` the ``year`` is the
    first year of the period in the usual popular reading: the 20th century
    starts from 1900 (TIMEX3 ``19``), the 1950s are 1950-1959 (``195``). BC
    centuries run back from their first year: the 8th century BC is 800-701 BC,
    astronomical -799..-700, TIMEX3 ``BC07``. The days an ordinal century or
    millennium covers are the ordinal's, as BC ones are (:func:`point_span`: the
    20th century is 1901-2000; ``bench/wiki_de/GUIDELINES.md``).
    """

    grain: Grain
    year: int | None = None
    month: int | None = None
    day: int | None = None
    season: Season | None = None
    quarter: int | None = None
    half: int | None = None
    week: int | None = None
    weekday: int | None = None  # 1 = Monday, for weekday-only expressions
    weekend: bool = False  # of a week: its Saturday and Sunday ("am Wochenende")
    part_of_day: PartOfDay | None = None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    zone: str | None = None  # UTC offset as TIMEX3 writes it ("+01", "Z")

    @property
    def needs_year(self) -> bool:
        return self.year is None

    def with_year(self, year: int) -> CalendarPoint:
        return replace(self, year=year)

    def coarsened(self, grain: Grain) -> CalendarPoint:
        """This point cut down to a coarser grain (fields below it dropped)."""
        if grain >= self.grain:
            return self
        point = CalendarPoint(grain=grain, year=self.year)
        if grain >= Grain.MONTH:
            point = replace(point, month=self.month)
        if grain >= Grain.DAY:
            point = replace(point, day=self.day)
        if grain in (Grain.DECADE, Grain.CENTURY, Grain.MILLENNIUM) and self.year is not None:
            size = {Grain.DECADE: 10, Grain.CENTURY: 100, Grain.MILLENNIUM: 1000}[grain]
            point = replace(point, year=(self.year // size) * size)
        return point


@dataclass(frozen=True, slots=True)
class Interval:
    """A range between two calendar points (``1950–1953``, ``zwischen März und Mai``)."""

    begin: CalendarPoint | None
    end: CalendarPoint | None


@dataclass(frozen=True, slots=True)
class Duration:
    """A length of time; ``None`` amounts are unknown (``tagelang`` is ``PXD``)."""

    parts: tuple[tuple[Unit, float | None], ...]
    # a fraction written in the unit the text says ("P0.5Y", KRAUTS), not in the
    # next smaller one ("P6M", TimeBank); the language's lexicon decides
    decimal: bool = False

    @staticmethod
    def of(unit: Unit, amount: float | None, decimal: bool = False) -> Duration:
        return Duration(((unit, amount),), decimal)


class Reference(Enum):
    PRESENT = "PRESENT_REF"
    PAST = "PAST_REF"
    FUTURE = "FUTURE_REF"


@dataclass(frozen=True, slots=True)
class RefPoint:
    """A vague reference to now, the past or the future."""

    reference: Reference


@dataclass(frozen=True, slots=True)
class Recurrence:
    """A set: ``jährlich`` (every year), ``jeden Montag``."""

    period: Duration | CalendarPoint
    quant: str | None = None
    freq: str | None = None


Resolved = CalendarPoint | Interval | Duration | RefPoint | Recurrence


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
        if value.grain is not Grain.WEEK or value.week is not None:
            # the end of a week not known may lie anywhere in the year: no narrowing
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
