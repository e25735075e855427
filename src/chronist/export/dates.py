"""Dates at the edges: EDTF strings, their grain, and human-readable year labels.

>>> parse_edtf_date("1950-08")
(1950, 8, None)
>>> year_label(-43, "de"), year_label(-43, "en")
('44 v. Chr.', '44 BC')
"""

from __future__ import annotations

import re

from chronist.temporal.render import edtf_of_bounds
from chronist.timeline.model import EventTime

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


def edtf_of(time: EventTime) -> str | None:
    """The EDTF of an event's time: its own, or the one its four bounds give."""
    return time.edtf or edtf_of_bounds(time.bounds)


def year_label(year: int, lang: str = "de") -> str:
    """An astronomical year as readers write it (year 0 is 1 BC).

    >>> year_label(1950, "de"), year_label(0, "en")
    ('1950', '1 BC')
    """
    if year > 0:
        return str(year)
    return f"{1 - year} v. Chr." if lang == "de" else f"{1 - year} BC"
