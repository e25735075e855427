"""The turn of a century or millennium a story means (``um die Jahrhundertwende``).

The turn nearest the story's time: ``Im Jahr 1898 ... um die Jahrhundertwende``
is 1900, ``Im 19. Jahrhundert ... um die Jahrhundertwende`` the turn that ends
that century, and in a story told in years before Christ the turn counts in
those years (``im 11. Jahrhundert v. Chr. ... um die Jahrtausendwende`` is
1000 BC).
"""

from __future__ import annotations

from chronist.temporal.values import CalendarPoint, Grain

__all__ = ["turn_near"]

_PERIOD_SIZE = {Grain.CENTURY: 100, Grain.MILLENNIUM: 1000}


def turn_near(story: CalendarPoint, size: int) -> CalendarPoint | None:
    """The turn of a period of ``size`` years (100, 1000) nearest ``story``, as a year.

    >>> turn_near(CalendarPoint(Grain.YEAR, 1898), 100).year
    1900
    >>> turn_near(CalendarPoint(Grain.CENTURY, -1099), 1000).year  # 11th century BC
    -999
    """
    if story.year is None or size <= 0:
        return None
    year = story.year + _PERIOD_SIZE.get(story.grain, 0)  # a period told: the turn ending it
    if year <= 0:  # BC: count in the years before Christ (astronomical 0 is 1 BC)
        turn = (1 - year + size // 2) // size * size
        return None if turn == 0 else CalendarPoint(Grain.YEAR, 1 - turn)
    turn = (year + size // 2) // size * size
    return None if turn == 0 else CalendarPoint(Grain.YEAR, turn)
