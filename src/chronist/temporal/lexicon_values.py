"""What each lexicon class's values mean: checked and typed when a language loads.

A language's ``lexicon.toml`` gives every word form its value (``März = 3``,
``Spätsommer = "SU/END"``). This module declares, for every class the
producers read, which values are allowed and turns the compound ones into
typed values (:class:`SeasonPart`, :class:`UnitShift`, :class:`HolidayPart`),
so that no producer parses a string or falls back to a silent default. A value
that does not fit is a :class:`~chronist.errors.LanguageDataError` naming the
file, class and word form; so is a missing class that the code reads. Classes
not declared here (a rule's own word lists) keep their scalar values.

>>> read_value("season_part", "SU/END", "lexicon.toml [season_part] 'Spätsommer'")
SeasonPart(season='SU', position='END')
>>> read_value("month", 13, "lexicon.toml [month] 'Undecimber'")
Traceback (most recent call last):
...
chronist.errors.LanguageDataError: lexicon.toml [month] 'Undecimber': 13 is not one of 1 ... 12
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from chronist.errors import LanguageDataError

__all__ = [
    "REQUIRED_CLASSES",
    "HolidayPart",
    "LexValue",
    "SeasonPart",
    "UnitShift",
    "read_value",
]

SEASONS = ("SP", "SU", "FA", "WI")
POSITIONS = ("START", "MID", "END")
PARTS_OF_DAY = ("MO", "MI", "AF", "EV", "NI")
UNITS = ("SECOND", "MINUTE", "HOUR", "DAY", "WEEK", "MONTH", "QUARTER", "YEAR", "DECADE",
         "CENTURY", "MILLENNIUM")  # fmt: skip
QUANTITY_MODS = ("APPROX", "EQUAL_OR_LESS", "EQUAL_OR_MORE", "LESS_THAN", "MORE_THAN")
BOUNDS = ("after", "before", "earliest", "from", "latest", "since", "until")


@dataclass(frozen=True, slots=True)
class SeasonPart:
    """A part of a season: ``Spätsommer`` is the END of SU."""

    season: str
    position: str


@dataclass(frozen=True, slots=True)
class UnitShift:
    """A unit and a step from the reference: ``Vorjahr`` is YEAR, -1."""

    unit: str
    steps: int


@dataclass(frozen=True, slots=True)
class HolidayPart:
    """A part of a fixed holiday: ``Silvesternacht`` is 12-31, NI."""

    month: int
    day: int
    part_of_day: str


LexValue = int | float | str | SeasonPart | UnitShift | HolidayPart
_Reader = Callable[[object, str], LexValue]
_MONTH_DAY = re.compile(r"(\d\d)-(\d\d)")
_EASTER = re.compile(r"easter[+-]\d{1,2}")
# the n-th (or last, L) weekday of a month, perhaps some days after it: "11-TH4", "11-MO1+1"
_WEEKDAY_FEAST = re.compile(r"(0[1-9]|1[0-2])-(MO|TU|WE|TH|FR|SA|SU)([1-5L])(?:\+[1-6])?")
_ZONE = re.compile(r"Z|[+-]\d\d(?::?\d\d)?")


def _fail(where: str, value: object, expected: str) -> LanguageDataError:
    return LanguageDataError(f"{where}: {value!r} is not {expected}")


def _integer(low: int, high: int) -> _Reader:
    def read(value: object, where: str) -> LexValue:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise _fail(where, value, f"one of {low} ... {high}")
        return value

    return read


def _number(value: object, where: str) -> LexValue:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise _fail(where, value, "a number of zero or more")
    return value


def _one_of(*choices: str) -> _Reader:
    def read(value: object, where: str) -> LexValue:
        if value not in choices:
            raise _fail(where, value, f"one of {', '.join(choices)}")
        return str(value)

    return read


def _month_day(value: object, where: str) -> tuple[int, int]:
    match = _MONTH_DAY.fullmatch(str(value))
    if match is None or not (1 <= int(match.group(1)) <= 12 and 1 <= int(match.group(2)) <= 31):
        raise _fail(where, value, "a day of the year as MM-DD")
    return int(match.group(1)), int(match.group(2))


def _holiday(value: object, where: str) -> LexValue:
    if isinstance(value, str) and (_EASTER.fullmatch(value) or _WEEKDAY_FEAST.fullmatch(value)):
        return value  # days from Easter Sunday, or a weekday of a month, computed for the year
    _month_day(value, where)
    return str(value)


def _holiday_part(value: object, where: str) -> LexValue:
    day, _, part = str(value).partition("/")
    month, number = _month_day(day, where)
    if part not in PARTS_OF_DAY:
        raise _fail(where, value, f"MM-DD/ and one of {', '.join(PARTS_OF_DAY)}")
    return HolidayPart(month, number, part)


def _season_part(value: object, where: str) -> LexValue:
    season, _, position = str(value).partition("/")
    if season not in SEASONS or position not in POSITIONS:
        raise _fail(where, value, "a season and a position, as SU/END")
    return SeasonPart(season, position)


def _unit_shift(value: object, where: str) -> LexValue:
    unit, _, steps = str(value).partition("/")
    if unit not in UNITS or not re.fullmatch(r"-?\d+", steps):
        raise _fail(where, value, "a unit and a step, as YEAR/-1")
    return UnitShift(unit, int(steps))


def _zone(value: object, where: str) -> LexValue:
    if not isinstance(value, str) or not _ZONE.fullmatch(value):
        raise _fail(where, value, "a time zone as Z or +HH")
    return value


_UNIT = _one_of(*UNITS)
_STEP = _integer(-1, 1)
_DAY_STEP = _integer(-2, 2)
_COUNT = _integer(0, 1_000_000)

READERS: dict[str, _Reader] = {
    "month": _integer(1, 12),
    "weekday": _integer(1, 7),
    "weekday_set": _integer(1, 7),
    "season": _one_of(*SEASONS),
    "season_part": _season_part,
    "season_adjective": _one_of(*POSITIONS),
    "position": _one_of(*POSITIONS),
    "year_position": _one_of(*POSITIONS),
    "month_position": _one_of(*POSITIONS),
    "timezone": _zone,
    "approx": _one_of("APPROX"),
    "quantity_mod": _one_of(*QUANTITY_MODS),
    "bound": _one_of(*BOUNDS),
    "era": _one_of("AD", "BC"),
    "number_word": _number,
    "vague_amount": _one_of("few", "some", "many"),
    "unit": _UNIT,
    "unit_plural": _UNIT,
    "unit_long_plural": _UNIT,
    "length_adverb": _UNIT,
    "length_suffix": _UNIT,
    "frequency_adverb": _UNIT,
    "unit_compound": _unit_shift,
    "relative_adjective": _STEP,
    "writing_relative": _STEP,
    "occurrence": _STEP,
    "shift_direction": _STEP,
    "event_relation": _STEP,
    "deictic_day": _DAY_STEP,
    "deictic_day_adjective": _DAY_STEP,
    "deictic_day_lower": _DAY_STEP,
    "weekend": _integer(1, 1),
    "reference": _one_of("PRESENT_REF", "PAST_REF", "FUTURE_REF"),
    "part_of_day": _one_of(*PARTS_OF_DAY),
    "part_of_day_adverb": _one_of(*PARTS_OF_DAY, "AM", "PM"),
    "every": _one_of("EVERY"),
    "ordinal_word": _integer(1, 100),
    "half": _integer(1, 2),
    "quarter": _integer(1, 4),
    "decade_word": _integer(0, 90),
    "decade_noun": _integer(0, 90),
    "holiday": _holiday,
    "holiday_part": _holiday_part,
    "quantity_lead": _COUNT,
    "count_noun": _COUNT,
    "people_count": _COUNT,
    "measure_unit": _COUNT,
}

# Classes the engine and anchoring read by name: every language must have them
# (an empty table is allowed where the language has no such words).
REQUIRED_CLASSES = frozenset({"bound", "measure_unit", "quantity_lead"})


def read_value(class_name: str, value: object, where: str) -> LexValue:
    """The typed value of one word form of ``class_name``, or a LanguageDataError."""
    reader = READERS.get(class_name)
    if reader is None:
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise _fail(where, value, "a number or a string")
        return value
    return reader(value, where)
