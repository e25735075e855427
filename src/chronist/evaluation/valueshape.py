"""Comparing TIMEX2/TIMEX3 values, and naming the shape of a value for error lists.

Values are compared as strings after removing differences of notation only,
never of meaning:

- surrounding white space and letter case (``bc0490`` is ``BC0490``);
- a year written astronomically with a minus sign (ISO 8601, EDTF) is the same
  year in the TIMEX ``BC`` notation: ``-0489`` is ``BC0490`` (astronomical year
  0 is 1 BC); only four-digit years are rewritten, so ``-04`` stays as it is;
- a decade or century written with trailing ``X`` is the same as the truncated
  TIMEX2 form: ``195X`` is ``195``, ``19XX`` is ``19`` (both denote the years
  1950-1959 and 1900-1999);
- a TIMEX2 time of day without a date (``T04:45``) is the TIMEX3 value with an
  unknown date (``XXXX-XX-XXT04:45``);
- TIMEX2 duration units decade, century and millennium are years:
  ``P2DE`` is ``P20Y``, ``P1CE`` is ``P100Y``, ``P1ML`` is ``P1000Y``.

Everything else is a different value: ``1950`` is not ``1950-06``, ``P7D`` is not
``P1W`` (the grain differs), ``T04:45`` is not ``T04:45:00``.
"""

from __future__ import annotations

import re

_ASTRONOMICAL_YEAR = re.compile(r"^-(\d{4})(?=$|-)")
_TRAILING_X = re.compile(r"^(BC)?(\d{2,3})X{1,2}$")
_BIG_UNIT = re.compile(r"(\d+)(DE|CE|ML)")
_UNIT_YEARS = {"DE": 10, "CE": 100, "ML": 1000}

_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")
_SEASON = re.compile(r"^\d{4}-(SP|SU|FA|WI)$")
_WEEK = re.compile(r"^\d{4}-W\d{2}(-WE)?$")
_PART_OF_YEAR = re.compile(r"^\d{4}-(Q|H)\d$")
_DECADE = re.compile(r"^\d{3}X?$")
_CENTURY = re.compile(r"^\d{2}(XX)?$")
_REFERENCES = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}


def normalise_value(value: str | None) -> str:
    """A value with differences of notation removed (see the module docstring).

    >>> normalise_value("-0489"), normalise_value("195X"), normalise_value("P2DE")
    ('BC0490', '195', 'P20Y')
    """
    if value is None:
        return ""
    value = value.strip().upper()
    if not value:
        return ""
    if value.startswith("T"):
        value = f"XXXX-XX-XX{value}"
    year = _ASTRONOMICAL_YEAR.match(value)
    if year:
        value = f"BC{1 + int(year.group(1)):04d}{value[year.end() :]}"
    truncated = _TRAILING_X.match(value)
    if truncated:
        value = f"{truncated.group(1) or ''}{truncated.group(2)}"
    if value.startswith("P"):
        value = _BIG_UNIT.sub(
            lambda match: f"{int(match.group(1)) * _UNIT_YEARS[match.group(2)]}Y", value
        )
    return value


def value_shape(value: str | None, timex_type: str | None = None) -> str:
    """The category of a value's shape, used to group errors.

    >>> value_shape("1950-09-15"), value_shape("BC0490"), value_shape("P3Y")
    ('full date', 'BC', 'duration')
    """
    value = normalise_value(value)
    if not value:
        return "no value"
    if timex_type == "SET":
        return "set"
    if value in _REFERENCES:
        return value.lower().replace("_", " ")
    if value.startswith("BC"):
        return "BC"
    if value.startswith("P"):
        return "duration"
    if "T" in value:
        return "time"
    if "X" in value:
        return "underspecified"
    for pattern, name in (
        (_FULL_DATE, "full date"),
        (_MONTH, "month"),
        (_YEAR, "year"),
        (_SEASON, "season"),
        (_WEEK, "week"),
        (_PART_OF_YEAR, "quarter/half"),
        (_DECADE, "decade"),
        (_CENTURY, "century"),
    ):
        if pattern.match(value):
            return name
    return "other"


def timex2_type(value: str | None, is_set: bool) -> str | None:
    """The TIMEX3 type of a TIMEX2 value, which TIMEX2 does not record.

    ``set`` marks a SET; ``PRESENT_REF`` and the like are DATEs; a value starting
    with ``P`` is a DURATION; a value with a time part (``T``) is a TIME; any
    other value is a DATE; no value, no type.

    >>> timex2_type("P3Y", False), timex2_type("1939-09-01T04:45", False)
    ('DURATION', 'TIME')
    """
    if is_set:
        return "SET"
    if not value:
        return None
    if value in _REFERENCES:
        return "DATE"
    if value.startswith("P"):
        return "DURATION"
    if "T" in value:
        return "TIME"
    return "DATE"
