"""The edges: TIMEX3 values and EDTF strings written from typed values.

The one EDTF writer: a temporal expression's EDTF (:func:`edtf_value`) and an
event's, from its four bounds (:func:`edtf_of_bounds`).
"""

from __future__ import annotations

from chronist.temporal.day_spans import point_span
from chronist.temporal.values import (
    Bounds,
    CalendarPoint,
    Day,
    Duration,
    Grain,
    Interval,
    Mod,
    Recurrence,
    RefPoint,
    Resolved,
    Unit,
    days_in_month,
)

_EDTF_SEASON = {"SP": 21, "SU": 22, "FA": 23, "WI": 24}


def _year_timex(year: int | None) -> str:
    if year is None:
        return "XXXX"
    if year <= 0:
        return f"BC{1 - year:04d}"
    return f"{year:04d}"


def timex3_value(value: Resolved) -> str:
    """The TIMEX3 ``value`` attribute.

    >>> timex3_value(CalendarPoint(Grain.DAY, 1950, 9, 15))
    '1950-09-15'
    >>> timex3_value(CalendarPoint(Grain.CENTURY, -799))
    'BC07'
    """
    if isinstance(value, CalendarPoint):
        return _point_timex(value)
    if isinstance(value, Duration):
        return duration_value(value)
    if isinstance(value, RefPoint):
        return value.reference.value
    if isinstance(value, Recurrence):
        period = value.period
        return duration_value(period) if isinstance(period, Duration) else _point_timex(period)
    if isinstance(value, Interval):
        # An interval has no single TIMEX3 value; its begin stands for it.
        return _point_timex(value.begin) if value.begin else "XXXX"
    raise TypeError(value)


def _point_timex(point: CalendarPoint) -> str:
    year, grain = point.year, point.grain
    if grain == Grain.MILLENNIUM:
        if year is None:
            return "X"
        return f"BC{(1 - year) // 1000 - 1}" if year < 0 else f"{year // 1000}"
    if grain == Grain.CENTURY:
        if year is None:
            return "XX"
        return f"BC{(1 - year) // 100 - 1:02d}" if year < 0 else f"{year // 100:02d}"
    if grain == Grain.DECADE:
        if year is None:
            return "XXX"
        return f"BC{(1 - year) // 10:03d}" if year < 0 else f"{year // 10:03d}"
    text = _year_timex(year)
    if grain == Grain.YEAR:
        return text
    if grain == Grain.HALF:
        return f"{text}-H{point.half or 'X'}"
    if grain == Grain.QUARTER:
        return f"{text}-Q{point.quarter or 'X'}"
    if grain == Grain.SEASON:
        return f"{text}-{point.season.value if point.season else 'XX'}"
    if grain == Grain.WEEK:
        week = f"{text}-W{point.week:02d}" if point.week else f"{text}-WXX"
        return week + "-WE" if point.weekend else week
    if point.weekday is not None and point.month is None:
        week = f"{text}-W{point.week:02d}" if point.week else f"{text}-WXX"
        part = point.part_of_day if grain == Grain.PART_OF_DAY else None
        # "jeden Montagabend": XXXX-WXX-1TEV
        return f"{week}-{point.weekday}" + (f"T{part.value}" if part else "")
    text += f"-{point.month:02d}" if point.month else "-XX"
    if grain == Grain.MONTH:
        return text
    text += f"-{point.day:02d}" if point.day else "-XX"
    if grain == Grain.DAY:
        return text
    if grain == Grain.PART_OF_DAY:
        return f"{text}T{point.part_of_day.value if point.part_of_day else 'XX'}"
    hour = f"{point.hour:02d}" if point.hour is not None else "XX"
    minute = f"{point.minute:02d}" if point.minute is not None else "00"
    second = f":{point.second:02d}" if point.second is not None else ""
    return f"{text}T{hour}:{minute}{second}{point.zone or ''}"


def _amount(amount: float | None) -> str:
    if amount is None:
        return "X"
    return str(int(amount)) if amount == int(amount) else f"{amount:g}"


_SMALLER = {
    Unit.YEAR: (Unit.MONTH, 12),
    Unit.MONTH: (Unit.DAY, 30),
    Unit.WEEK: (Unit.DAY, 7),
    Unit.DAY: (Unit.HOUR, 24),
    Unit.HOUR: (Unit.MINUTE, 60),
    Unit.MINUTE: (Unit.SECOND, 60),
    Unit.DECADE: (Unit.YEAR, 10),
    Unit.CENTURY: (Unit.YEAR, 100),
}


_UNIT_ORDER = {unit: rank for rank, unit in enumerate(Unit)}


def _merged(parts: list[tuple[Unit, float | None]]) -> list[tuple[Unit, float | None]]:
    """One part per unit, largest unit first (``1.5 Stunden und 10 Minuten``: 1 H, 40 M)."""
    summed: dict[Unit, float | None] = {}
    for unit, amount in parts:
        known = summed.get(unit, 0.0)
        summed[unit] = None if amount is None or known is None else known + amount
    return sorted(summed.items(), key=lambda part: -_UNIT_ORDER[part[0]])


def duration_value(duration: Duration) -> str:
    """ISO 8601 duration as TIMEX3 writes it (``P2Y``, ``PXD``, ``P0.5Y``, ``P18M``).

    A fraction is written in the next smaller unit (TimeBank: ``P1Y6M``), or,
    for a ``decimal`` duration of one part, in the unit the text says (KRAUTS:
    ``ein halbes Jahr`` is ``P0.5Y``, ``dreieinhalb Minuten`` ``PT3.5M``).

    >>> duration_value(Duration.of(Unit.YEAR, 1.5))
    'P1Y6M'
    >>> duration_value(Duration.of(Unit.YEAR, 0.5, decimal=True))
    'P0.5Y'
    >>> duration_value(Duration(((Unit.HOUR, 1.5), (Unit.MINUTE, 10.0))))
    'PT1H40M'
    """
    parts: list[tuple[Unit, float | None]] = []
    several = len(duration.parts) > 1
    split = several or not duration.decimal
    for unit, amount in duration.parts:
        if split and amount is not None and amount != int(amount) and unit in _SMALLER:
            smaller, factor = _SMALLER[unit]
            whole = int(amount)
            if whole:
                parts.append((unit, float(whole)))
            parts.append((smaller, round((amount - whole) * factor)))
        else:
            parts.append((unit, amount))
    if several:
        parts = _merged(parts)
    date_part = "".join(f"{_amount(a)}{u.designator}" for u, a in parts if not u.is_time_of_day)
    time_part = "".join(f"{_amount(a)}{u.designator}" for u, a in parts if u.is_time_of_day)
    return "P" + date_part + ("T" + time_part if time_part else "")


def _edtf_year(year: int | None) -> str:
    if year is None:
        return "XXXX"
    if abs(year) > 9999:
        return f"Y{year}"  # EDTF writes years of more than four digits with a Y
    return f"-{abs(year):04d}" if year < 0 else f"{year:04d}"


def edtf_value(value: Resolved, mod: Mod | None, bounds: Bounds) -> str | None:
    """EDTF (ISO 8601-2) for a date, or ``None`` where EDTF has no form for it.

    >>> edtf_value(CalendarPoint(Grain.YEAR, 1520), Mod.APPROX, Bounds.unknown())
    '1520~'
    """
    if isinstance(value, Interval):
        begin = _point_edtf(value.begin, timed=False) if value.begin else ".."
        end = _point_edtf(value.end, timed=False) if value.end else ".."
        return f"{begin}/{end}"
    if not isinstance(value, CalendarPoint):
        return None
    if value.weekday is not None and value.month is None:
        return None
    if value.year is None and value.grain in (Grain.SEASON, Grain.QUARTER, Grain.HALF):
        return None  # EDTF has no season or quarter of an unknown year
    # EDTF qualifies and bounds dates, not date-times: the time of day is left out there
    # and neither qualifies a date of unknown year nor opens an interval on unknown digits
    if mod is Mod.APPROX:
        text = _point_edtf(value, timed=False)
        return text if text.startswith("X") else text + "~"
    if mod in (Mod.BEFORE, Mod.ON_OR_BEFORE, Mod.AFTER, Mod.ON_OR_AFTER):
        text = _point_edtf(value, timed=False)
        if "X" in text:
            return None
        # a century is written as its years ("0101/0200"): before it is before its
        # first year, after it after its last
        first, _, last = text.partition("/")
        if mod in (Mod.BEFORE, Mod.ON_OR_BEFORE):
            return "../" + first
        return (last or first) + "/.."
    if mod in (Mod.START, Mod.MID, Mod.END) and bounds.earliest_begin and bounds.latest_end:
        if value.grain < Grain.YEAR:  # "Ende des 15. Jahrhunderts": 1471/1500
            return f"{_edtf_year(bounds.earliest_begin.year)}/{_edtf_year(bounds.latest_end.year)}"
        fine = value.grain >= Grain.MONTH
        return f"{_day_edtf(bounds.earliest_begin, fine)}/{_day_edtf(bounds.latest_end, fine)}"
    return _point_edtf(value)


def _day_edtf(day: Day, with_day: bool) -> str:
    text = f"{_edtf_year(day.year)}-{day.month:02d}"
    return f"{text}-{day.day:02d}" if with_day else text


def _point_edtf(point: CalendarPoint, timed: bool = True) -> str:
    year, grain = point.year, point.grain
    if year is not None and abs(year) > 9999:
        return _edtf_year(year)  # no months or days with a long year in EDTF
    if grain in (Grain.MILLENNIUM, Grain.CENTURY, Grain.DECADE):
        if year is None:
            return "XXXX"
        if grain != Grain.DECADE:  # ordinal: the 19th century is 1801/1900
            span = point_span(point)
            assert span is not None
            return f"{_edtf_year(span[0].year)}/{_edtf_year(span[1].year)}"
        if year < 0:
            return f"{_edtf_year(year)}/{_edtf_year(year + 9)}"
        return f"{year:04d}"[:3] + "X"
    text = _edtf_year(year)
    if grain == Grain.YEAR:
        return text
    if grain == Grain.SEASON and point.season:
        return f"{text}-{_EDTF_SEASON[point.season.value]}"
    if grain == Grain.QUARTER and point.quarter:
        return f"{text}-{32 + point.quarter}"
    if grain == Grain.HALF and point.half:
        return f"{text}-{39 + point.half}"
    if grain == Grain.WEEK:
        days = point_span(point) if point.week else None
        if days is None:
            return text
        return f"{_day_edtf(days[0], True)}/{_day_edtf(days[1], True)}"  # EDTF has no weeks
    text += f"-{point.month:02d}" if point.month else "-XX"
    if grain == Grain.MONTH:
        return text
    text += f"-{point.day:02d}" if point.day else "-XX"
    if grain in (Grain.DAY, Grain.PART_OF_DAY) or point.hour is None:
        return text
    if not timed or None in (year, point.month, point.day):
        return text  # EDTF has a time only on a fully known day
    return f"{text}T{point.hour:02d}:{point.minute or 0:02d}:00"


def _fmt_begin(day: Day) -> str:
    if abs(day.year) > 9999:
        return _edtf_year(day.year)
    if (day.month, day.day) == (1, 1):
        return day.iso()[:-6]
    return day.iso()[:-3] if day.day == 1 else day.iso()


def _fmt_end(day: Day) -> str:
    if abs(day.year) > 9999:
        return _edtf_year(day.year)
    if (day.month, day.day) == (12, 31):
        return day.iso()[:-6]
    return day.iso()[:-3] if day.day == days_in_month(day.year, day.month) else day.iso()


def edtf_of_bounds(bounds: Bounds) -> str | None:
    """EDTF of what the four bounds say: one period, or an interval (``..`` open).

    >>> first, last = Day(1950, 11, 1), Day(1951, 4, 11)
    >>> edtf_of_bounds(Bounds(first, last, first, last))
    '1950-11/1951-04-11'
    >>> edtf_of_bounds(Bounds(Day(1953, 1, 1), None, Day(1953, 1, 1), None))
    '1953/..'
    """
    first = bounds.earliest_begin or bounds.latest_begin
    last = bounds.latest_end
    if first is None and last is None:
        return None
    if first is not None and last is not None and max(abs(first.year), abs(last.year)) <= 9999:
        if first == last:
            return first.iso()
        same_month = (first.year, first.month) == (last.year, last.month)
        if same_month and first.day == 1 and last.day == days_in_month(last.year, last.month):
            return first.iso()[:-3]
        if first.year == last.year and (first.month, first.day, last.month, last.day) == (
            1,
            1,
            12,
            31,
        ):
            return first.iso()[:-6]
    begin = _fmt_begin(first) if first else ".."
    end = _fmt_end(last) if last else ".."
    return f"{begin}/{end}"
