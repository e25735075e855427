"""An anniversary dates the event it is of: ``Am 27. September 2004 feierte man den
350. Jahrestag der Vollendung des Taj Mahal`` tells the completion in 1654, the year
of the celebration less the years counted (``anniversary_before`` in the language's
events data). A celebration told without a year dates nothing.

>>> from chronist.events.lexicon import load_lexicon
>>> markers = load_lexicon("de").markers
>>> text = "den 350. Jahrestag der Vollendung"
>>> counted_years(text, text.index("Vollendung"), markers)
350
>>> counted_years(text, 0, markers) is None
True
"""

from __future__ import annotations

from chronist.events.lexicon import Markers
from chronist.temporal.values import Bounds, Day
from chronist.timeline.bounds import first_known

__all__ = ["anniversary_bounds", "counted_years"]

_REACH = 40  # characters looked back for the anniversary before the event's noun


def counted_years(text: str, start: int, markers: Markers) -> int | None:
    """The years an anniversary right before ``start`` counts, if one stands there."""
    pattern = markers.anniversary_before
    if pattern is None:
        return None
    found = pattern.search(text, max(0, start - _REACH), start)
    return int(found.group("years")) if found is not None else None


def anniversary_bounds(years: int, celebrated: Bounds) -> Bounds | None:
    """The year ``years`` before the year of ``celebrated`` (the date of the celebration)."""
    first = first_known(celebrated)
    if first is None:
        return None
    year = first.year - years
    begin, end = Day(year, 1, 1), Day(year, 12, 31)
    return Bounds(begin, begin, end, end)
