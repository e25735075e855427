"""Dates at the edges: EDTF strings, their grain, and human-readable year labels.

>>> parse_edtf_date("1950-08")
(1950, 8, None)
>>> year_label(-43, "de"), year_label(-43, "en")
('44 v. Chr.', '44 BC')
"""

from __future__ import annotations

import re

from chronist.export.view import DayStamp, TimeView

__all__ = ["edtf_of", "is_plain", "parse_edtf_date", "year_label"]

_PLAIN = re.compile(r"^(-?\d{4,})(?:-(\d\d)(?:-(\d\d))?)?$")


def parse_edtf_date(value: str) -> tuple[int, int | None, int | None] | None:
    """Year, month and day of a plain EDTF date (no qualifier, no X), else ``None``.

    >>> parse_edtf_date("-0043-03-15"), parse_edtf_date("195X")
    ((-43, 3, 15), None)
    """
    match = _PLAIN.match(value)
    if match is None:
        return None
    year, month, day = match.groups()
    return int(year), None if month is None else int(month), None if day is None else int(day)


def is_plain(value: str | None) -> bool:
    """Whether ``value`` is one exact date at a known grain (``1950``, ``1950-08``)."""
    return value is not None and parse_edtf_date(value) is not None


def edtf_of(time: TimeView) -> str | None:
    """The EDTF of a time: its own, or one built from the four bounds.

    >>> from chronist.export.view import DayStamp, TimeView
    >>> edtf_of(TimeView(earliest_begin=DayStamp(1950, 1, 1), latest_end=DayStamp(1953, 7, 27)))
    '1950-01-01/1953-07-27'
    >>> edtf_of(TimeView(earliest_end=DayStamp(1953, 12, 31))) is None
    False
    """
    if time.edtf:
        return time.edtf
    first, last = time.first(), time.last()
    if first is None or last is None:
        return None
    begin = time.earliest_begin
    end = time.latest_end
    if begin is None:
        return f"../{_stamp(end or last)}"
    if end is None:
        return f"{_stamp(begin)}/.."
    return _stamp(begin) if begin == end else f"{_stamp(begin)}/{_stamp(end)}"


def _stamp(day: DayStamp) -> str:
    return day.iso()


def year_label(year: int, lang: str = "de") -> str:
    """An astronomical year as readers write it (year 0 is 1 BC).

    >>> year_label(1950, "de"), year_label(0, "en")
    ('1950', '1 BC')
    """
    if year > 0:
        return str(year)
    return f"{1 - year} v. Chr." if lang == "de" else f"{1 - year} BC"
