"""The period a span of years told beside a period anaphor makes (``in dieser Zeit``).

``von 1935 bis 1939 ... zu dieser Zeit`` and ``In jener Zeit (1646 bis 1678)``
mean the whole span, not its last year: the smallest decade or century that
holds both ends is the value TIMEX3 can write for it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chronist.temporal.discourse import in_parentheses
from chronist.temporal.engine import Candidate
from chronist.temporal.lazy_pattern import LazyPattern
from chronist.temporal.meaning import Explicit
from chronist.temporal.values import CalendarPoint, Grain

__all__ = ["date_after_aside", "span_around"]

# the opening of a span in parentheses right after the anaphor
_OPENS = re.compile(r"\s*\(\s*")
# the rest of a parenthesis an anaphor stands in, up to the date right after it
_CLOSES = re.compile(r"[^()]*\)\s*")


def date_after_aside(
    text: str, candidates: Sequence[Candidate], index: int, sentence_start: int
) -> tuple[int, CalendarPoint] | None:
    """``Max Winter (zu dieser Zeit Vizebürgermeister) 1919``: an anaphor in a remark set
    in parentheses is the time of the clause around it, the date stated right after
    the parenthesis (its candidate's index and its date)."""
    following = index + 1
    if following >= len(candidates) or not in_parentheses(
        text, sentence_start, candidates[index].start
    ):
        return None
    after = candidates[following]
    meaning = after.meaning
    if not isinstance(meaning, Explicit) or meaning.fill is not None or meaning.point.year is None:
        return None
    if _CLOSES.fullmatch(text, candidates[index].end, after.start) is None:
        return None
    return following, meaning.point


def span_around(
    text: str, candidates: Sequence[Candidate], index: int, join: LazyPattern, start: int
) -> CalendarPoint | None:
    """The decade or century holding a span of years told right before candidate
    ``index`` (after ``start``, its paragraph's beginning) or in parentheses right after it."""
    if index + 2 < len(candidates) and _OPENS.fullmatch(
        text, candidates[index].end, candidates[index + 1].start
    ):
        found = _joined(text, candidates, index + 1, join)
        if found is not None:
            return found
    if index >= 2 and candidates[index - 2].start >= start:
        return _joined(text, candidates, index - 2, join)
    return None


def _joined(
    text: str, candidates: Sequence[Candidate], first: int, join: LazyPattern
) -> CalendarPoint | None:
    """The period of the years at ``first`` and ``first + 1`` when a range joins them."""
    one, two = candidates[first], candidates[first + 1]
    if not join.match(text[one.end : two.start]):
        return None
    years = [_year(c) for c in (one, two)]
    if years[0] is None or years[1] is None or not 0 < years[1] - years[0] < 100:
        return None
    low, high = years[0], years[1]
    for grain, size in ((Grain.DECADE, 10), (Grain.CENTURY, 100)):
        if low // size == high // size:
            return CalendarPoint(Grain.YEAR, low).coarsened(grain)
    return None


def _year(candidate: Candidate) -> int | None:
    meaning = candidate.meaning
    if not isinstance(meaning, Explicit) or meaning.fill is not None:
        return None
    point = meaning.point
    # "von März 1848 bis Juni 1852 ... Während dieser Zeit": a month or day with its
    # year written counts by its year
    if point.grain < Grain.YEAR or point.year is None or point.year < 1:
        return None
    return point.year
