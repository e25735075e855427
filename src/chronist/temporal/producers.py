"""The closed registry of producers: typed functions from a rule's match to a meaning.

A rule names its producer; the producer reads the rule's named groups (each a
lexicon class of the same name, or digits) and returns what the text says, or
``None`` to reject the match (``31. Februar``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from chronist.temporal.grammar import Lexicon, LexValue
from chronist.temporal.meaning import Anaphor, Deictic, Explicit, Fixed, Meaning, Shift
from chronist.temporal.mention import TimexType
from chronist.temporal.values import (
    CalendarPoint,
    Duration,
    Grain,
    Mod,
    PartOfDay,
    Recurrence,
    Reference,
    RefPoint,
    Season,
    Unit,
    days_in_month,
)


@dataclass(frozen=True, slots=True)
class Produced:
    type: TimexType
    meaning: Meaning
    mod: Mod | None = None


class Groups:
    """The named groups of one match, with lexicon lookups."""

    def __init__(self, match: re.Match[str], lexicon: Lexicon) -> None:
        self._values = {k: v for k, v in match.groupdict().items() if v is not None}
        self._lexicon = lexicon

    def __contains__(self, name: str) -> bool:
        return name in self._values

    def text(self, name: str) -> str | None:
        return self._values.get(name)

    def lex(self, name: str, class_name: str | None = None) -> LexValue | None:
        form = self._values.get(name)
        return None if form is None else self._lexicon.value(class_name or name, form)

    def lex_str(self, name: str, class_name: str | None = None) -> str | None:
        value = self.lex(name, class_name)
        return None if value is None else str(value)

    def number(self, name: str) -> float | None:
        """Digits (``15``, ``2,5``) or a number word (``zwei``, ``einer halben``)."""
        form = self._values.get(name)
        if form is None:
            return None
        form = form.rstrip("-")
        if form[:1].isdigit():
            return float(form.replace(",", "."))
        words = form.split()
        value = self._lexicon.value("number_word", words[-1])
        return None if value is None else float(value)


@dataclass(frozen=True, slots=True)
class Producer:
    groups: frozenset[str]
    run: Callable[[Groups], Produced | None]


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_to_int(numeral: str) -> int | None:
    """``XIV`` -> 14; ``None`` for a malformed numeral.

    >>> roman_to_int("XIV")
    14
    """
    total = 0
    previous = 0
    for char in reversed(numeral):
        value = _ROMAN.get(char)
        if value is None:
            return None
        total += -value if value < previous else value
        previous = max(previous, value)
    return total if total > 0 and int_to_roman(total) == numeral else None


def int_to_roman(number: int) -> str:
    parts = []
    for value, letters in (
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while number >= value:
            parts.append(letters)
            number -= value
    return "".join(parts)


def _mod(name: str | None) -> Mod | None:
    return None if name is None else Mod(name)


def _unit(groups: Groups, name: str, class_name: str) -> Unit | None:
    value = groups.lex_str(name, class_name)
    return None if value is None else Unit[value]


# --- calendar ------------------------------------------------------------------


def _calendar(groups: Groups) -> Produced | None:
    bc = groups.lex_str("era") == "BC"
    mod = (
        _mod(groups.lex_str("position"))
        or _mod(groups.lex_str("season_adjective"))
        or _mod(groups.lex_str("approx"))
    )
    two_digit = era_open = False
    fill: Grain | None = None
    year_shift = 0
    easter: int | None = None
    point: CalendarPoint | None = None

    year: int | None = None
    if "year" in groups:
        digits = groups.text("year") or ""
        number = int(digits)
        if len(digits) == 2 and "era" not in groups and "day" in groups:
            two_digit = True
        era_open = "era" not in groups and len(digits) <= 3 and "day" not in groups
        year = 1 - number if bc else number
        if bc and number == 0:
            return None
    if "year2" in groups:
        year, two_digit = int(groups.text("year2") or "0"), True

    if "relative_adjective" in groups and (
        "month" in groups or "season" in groups or "unit" in groups
    ):
        year_shift = int(groups.lex("relative_adjective") or 0)
        fill = Grain.YEAR
    if "unit_compound" in groups:
        year_shift = int(str(groups.lex("unit_compound")).split("/")[1])
        fill = Grain.YEAR

    month = groups.lex("month")
    if month is None and "month_num" in groups:
        month = int(groups.text("month_num") or "0")
    day = int(groups.text("day") or "0") or None

    if "century" in groups or "century_roman" in groups or "ordinal_word" in groups:
        century = _century_number(groups)
        if century is None or century == 0 or century > 30:
            return None
        number = century
        first = 1 - number * 100 if bc else (number - 1) * 100
        half = groups.lex("half")
        point = CalendarPoint(Grain.CENTURY, first, half=int(half) if half else None)
    elif "millennium" in groups:
        number = int(groups.text("millennium") or "0")
        point = CalendarPoint(Grain.MILLENNIUM, 1 - number * 1000 if bc else (number - 1) * 1000)
    elif "decade" in groups:
        point = CalendarPoint(Grain.DECADE, int(groups.text("decade") or "0"))
    elif "decade2" in groups or "decade_word" in groups or "decade_noun" in groups:
        value = groups.text("decade2") or groups.lex("decade_word") or groups.lex("decade_noun")
        point, two_digit = CalendarPoint(Grain.DECADE, int(value or 0)), True
    elif "holiday" in groups:
        holiday = groups.lex_str("holiday") or ""
        if holiday.startswith("easter"):
            easter = int(holiday[6:])
            point = CalendarPoint(Grain.DAY, year)
        else:
            fixed_month, fixed_day = (int(part) for part in holiday.split("-"))
            point = CalendarPoint(Grain.DAY, year, fixed_month, fixed_day)
        fill = Grain.YEAR if year is None else fill
    elif "season" in groups or "season_part" in groups:
        if "season_part" in groups:
            season_code, position = (groups.lex_str("season_part") or "SU/MID").split("/")
            mod = Mod(position)
        else:
            season_code = groups.lex_str("season") or "SU"
        point = CalendarPoint(Grain.SEASON, year, season=Season(season_code))
        fill = Grain.YEAR if year is None else fill
    elif "half" in groups:
        point = CalendarPoint(Grain.HALF, year, half=int(groups.lex("half") or 1))
        fill = Grain.YEAR if year is None else fill
    elif "quarter" in groups:
        point = CalendarPoint(Grain.QUARTER, year, quarter=int(groups.lex("quarter") or 1))
        fill = Grain.YEAR if year is None else fill
    elif "year_position" in groups:
        mod = _mod(groups.lex_str("year_position"))
        point = CalendarPoint(Grain.YEAR, year)
        fill = Grain.YEAR if year is None else fill
    elif "weekday" in groups and day is None:
        shift = groups.lex("relative_adjective")
        weekday = int(groups.lex("weekday") or 1)
        part_code = groups.lex_str("part_of_day")
        if part_code is not None:
            # "Dienstagabend": the evening of that weekday
            when = CalendarPoint(
                Grain.PART_OF_DAY, weekday=weekday, part_of_day=PartOfDay(part_code)
            )
            explicit = Explicit(
                when, fill=Grain.DAY, weekday_shift=None if shift is None else int(shift) or 1
            )
            return Produced(TimexType.TIME, explicit, mod)
        explicit = Explicit(
            CalendarPoint(Grain.DAY, weekday=weekday),
            fill=Grain.DAY,
            weekday_shift=None if shift is None else int(shift) or 1,
        )
        return Produced(TimexType.DATE, explicit, mod)
    elif "hour" in groups or "midnight" in groups:
        hour = int(groups.text("hour") or "24")
        minute = groups.text("minute")
        part = groups.text("part_of_day")
        if part in ("abends", "nachts") and hour < 12:
            hour += 12
        dated = month is not None and day is not None
        point = CalendarPoint(
            Grain.MINUTE if minute else Grain.HOUR,
            year if dated else None,
            int(month) if dated and month is not None else None,
            day if dated else None,
            hour=hour,
            minute=int(minute) if minute else None,
            zone=groups.lex_str("timezone"),
        )
        if not dated:
            fill = Grain.DAY
        elif year is None:
            fill = Grain.YEAR
        return Produced(TimexType.TIME, Explicit(point, fill=fill), mod)
    elif month is not None:
        month = int(month)
        if day is not None and day > days_in_month(year if year is not None else 2000, month):
            return None
        point = CalendarPoint(Grain.DAY if day else Grain.MONTH, year, month, day)
        if "part_of_day" in groups:
            code = groups.lex_str("part_of_day") or groups.lex_str(
                "part_of_day", "part_of_day_adverb"
            )
            point = CalendarPoint(
                Grain.PART_OF_DAY, year, month, day, part_of_day=PartOfDay(code or "MO")
            )
            if year is None and fill is None:
                fill = Grain.YEAR
            return Produced(TimexType.TIME, Explicit(point, fill=fill, two_digit=two_digit), mod)
        if year is None and fill is None:
            fill = Grain.YEAR
    elif "unit" in groups:
        unit = _unit(groups, "unit", "unit")
        grain = {Unit.MONTH: Grain.MONTH, Unit.DAY: Grain.DAY}.get(unit or Unit.YEAR, Grain.YEAR)
        point = CalendarPoint(grain)
        fill = grain
    elif day is not None:
        # "am 16.": the month and year the story is in
        point, fill = CalendarPoint(Grain.DAY, day=day), Grain.MONTH
    elif year is not None:
        point = CalendarPoint(Grain.YEAR, year)
    else:
        # "Laufe des Jahres": the anchor's year
        point, fill = CalendarPoint(Grain.YEAR), Grain.YEAR
    if point is None:
        return None
    explicit = Explicit(
        point,
        fill=fill,
        year_shift=year_shift,
        two_digit=two_digit,
        easter_offset=easter,
        era_open=era_open and point.grain == Grain.YEAR,
    )
    return Produced(TimexType.DATE, explicit, mod)


def _century_number(groups: Groups) -> int | None:
    if "century" in groups:
        return int(groups.text("century") or "0")
    if "century_roman" in groups:
        return roman_to_int(groups.text("century_roman") or "")
    value = groups.lex("ordinal_word")
    return None if value is None else int(value)


# --- relative ----------------------------------------------------------------


def _part_of_day(groups: Groups) -> PartOfDay | None:
    value = groups.lex_str("part_of_day")
    return None if value is None else PartOfDay(value)


def _shift(groups: Groups) -> Produced | None:
    part = _part_of_day(groups)
    kind = TimexType.TIME if part else TimexType.DATE
    if "unit_compound" in groups:
        unit_name, steps = (groups.lex_str("unit_compound") or "YEAR/0").split("/")
        return Produced(kind, Shift(Unit[unit_name], int(steps)))
    if "tags" in groups:
        direction = 1 if (groups.text("direction2") or "").lower() == "darauf" else -1
        return Produced(kind, Shift(Unit.DAY, direction))
    direction = int(groups.lex("shift_direction") or 1)
    if "event_relation" in groups:
        direction = -1 if groups.text("event_relation") == "vor" else 1
    unit = _unit(groups, "unit", "unit") or Unit.DAY
    if "amount" in groups:
        amount = groups.number("amount")
        if amount is None:
            return None
        if amount != int(amount):
            # "ein halbes Jahr später": count in the next smaller unit
            smaller = _FRACTION_UNITS.get(unit)
            if smaller is None:
                return None
            unit, amount = smaller[0], round(amount * smaller[1])
        return Produced(kind, Shift(unit, int(amount) * direction, counted=True), None)
    if "relative_adjective" in groups:
        relative = int(groups.lex("relative_adjective") or 0)
        if part is not None and "shift_direction" in groups:
            relative = direction
        return Produced(kind, Shift(unit, relative, part))
    if "shift_direction" in groups:
        return Produced(kind, Shift(unit, direction, part))
    return Produced(kind, Shift(unit, 0, part))


_FRACTION_UNITS = {
    Unit.YEAR: (Unit.MONTH, 12),
    Unit.MONTH: (Unit.DAY, 30),
    Unit.WEEK: (Unit.DAY, 7),
    Unit.DECADE: (Unit.YEAR, 10),
    Unit.CENTURY: (Unit.YEAR, 100),
}


def _deictic(groups: Groups) -> Produced | None:
    if "ago" in groups:
        amount = groups.number("amount")
        unit = _unit(groups, "unit", "unit")
        if amount is None or unit is None or amount != int(amount):
            return None
        return Produced(TimexType.DATE, Deictic(unit, -int(amount)))
    days = groups.lex("deictic_day")
    if days is None:
        days = groups.lex("deictic_day_lower")
    part_text = groups.text("part_of_day") or groups.text("part_of_day2")
    part = None
    if part_text:
        code = (
            "MO"
            if part_text == "früh"
            else groups.lex_str("part_of_day") or groups.lex_str("part_of_day2", "part_of_day")
        )
        part = PartOfDay(code) if code else None
    kind = TimexType.TIME if part else TimexType.DATE
    return Produced(kind, Deictic(Unit.DAY, int(days or 0), part))


def _anaphor(groups: Groups) -> Produced | None:
    return Produced(TimexType.DATE, Anaphor(as_present="now" in groups or "now2" in groups))


def _reference(groups: Groups) -> Produced | None:
    if "shift_direction" in groups:
        # "wenige Tage später": an unspecified time after (or before) the anchor
        later = int(groups.lex("shift_direction") or 1) > 0
        return Produced(
            TimexType.DATE, Fixed(RefPoint(Reference.FUTURE if later else Reference.PAST))
        )
    value = groups.lex_str("reference")
    return None if value is None else Produced(TimexType.DATE, Fixed(RefPoint(Reference(value))))


def _duration(groups: Groups) -> Produced | None:
    mod = _mod(groups.lex_str("quantity_mod"))
    if mod is None and "outer_mod" in groups:
        mod = Mod.MORE_THAN
    if "length_adverb" in groups:
        unit = _unit(groups, "length_adverb", "length_adverb")
        amount = None
    elif "length_suffix" in groups:
        unit = _unit(groups, "length_suffix", "length_suffix")
        amount = groups.number("amount")
    elif "unit_plural" in groups:
        unit = _unit(groups, "unit_plural", "unit_plural") or _unit(
            groups, "unit_plural", "unit_long_plural"
        )
        amount = None
    else:
        unit = _unit(groups, "unit", "unit")
        amount = None if "vague_amount" in groups else groups.number("amount")
        if amount is None and "vague_amount" not in groups:
            return None
    if "unit_plural" in groups and ("amount" in groups or "amount2" in groups):
        amount = groups.number("amount") or groups.number("amount2")
    if unit is None:
        return None
    duration = Duration.of(unit, amount)
    second_unit = _unit(groups, "unit2", "unit")
    if second_unit is not None and "unit_plural" not in groups:
        duration = Duration(((unit, amount), (second_unit, groups.number("amount2"))))
    return Produced(TimexType.DURATION, Fixed(duration), mod)


def _set(groups: Groups) -> Produced | None:
    period: Duration | CalendarPoint
    freq = None
    if "frequency_adverb" in groups:
        unit = _unit(groups, "frequency_adverb", "frequency_adverb") or Unit.YEAR
        period = Duration.of(unit, 1)
    elif "weekday_set" in groups:
        period = CalendarPoint(Grain.DAY, weekday=int(groups.lex("weekday_set") or 1))
    elif "weekday" in groups:
        period = CalendarPoint(Grain.DAY, weekday=int(groups.lex("weekday") or 1))
    elif "season" in groups:
        period = CalendarPoint(Grain.SEASON, season=Season(groups.lex_str("season") or "SU"))
    elif "month" in groups:
        period = CalendarPoint(Grain.MONTH, month=int(groups.lex("month") or 1))
    else:
        counted = _unit(groups, "unit", "unit")
        if counted is None:
            return None
        unit = counted
        amount = groups.number("amount") if "amount" in groups else 1.0
        period = Duration.of(unit, amount)
        if "times" in groups:
            times_text = (groups.text("times") or "1").strip().lower()
            times = {"ein": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5}.get(times_text)
            freq = f"{times or int(times_text)}X"
    return Produced(
        TimexType.SET, Fixed(Recurrence(period, quant="EVERY" if freq is None else None, freq=freq))
    )


_COMMON = frozenset({"span", "bound"})

PRODUCERS: dict[str, Producer] = {
    "calendar": Producer(
        _COMMON
        | {
            "day",
            "month",
            "month_num",
            "year",
            "year2",
            "era",
            "position",
            "approx",
            "relative_adjective",
            "unit_compound",
            "unit",
            "century",
            "century_roman",
            "ordinal_word",
            "half",
            "millennium",
            "decade",
            "decade2",
            "decade_word",
            "decade_noun",
            "holiday",
            "season",
            "season_part",
            "quarter",
            "year_position",
            "weekday",
            "hour",
            "minute",
            "part_of_day",
            "midnight",
            "season_adjective",
            "timezone",
        },
        _calendar,
    ),
    "shift": Producer(
        _COMMON
        | {
            "amount",
            "unit",
            "shift_direction",
            "after",
            "relative_adjective",
            "unit_compound",
            "tags",
            "direction2",
            "part_of_day",
            "event_relation",
        },
        _shift,
    ),
    "deictic": Producer(
        _COMMON
        | {
            "deictic_day",
            "deictic_day_lower",
            "part_of_day",
            "part_of_day2",
            "ago",
            "amount",
            "unit",
        },
        _deictic,
    ),
    "anaphor": Producer(_COMMON | {"anaphor", "now", "now2"}, _anaphor),
    "reference": Producer(
        _COMMON | {"reference", "shift_direction", "vague_amount", "unit", "unit_plural"},
        _reference,
    ),
    "duration": Producer(
        _COMMON
        | {
            "quantity_mod",
            "amount",
            "unit",
            "lang",
            "vague_amount",
            "relative_adjective",
            "unit_plural",
            "length_adverb",
            "length_suffix",
            "shift_direction",
            "amount2",
            "unit2",
            "outer_mod",
            "event_relation",
        },
        _duration,
    ),
    "set": Producer(
        _COMMON
        | {
            "frequency_adverb",
            "every",
            "amount",
            "unit",
            "weekday",
            "season",
            "month",
            "weekday_set",
            "times",
        },
        _set,
    ),
}
