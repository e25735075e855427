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
    millennium covers are the ordinal's, as BC ones are
    (:func:`~chronist.temporal.day_spans.point_span`: the 20th century is 1901-2000;
    ``bench/wiki_de/GUIDELINES.md``).
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
