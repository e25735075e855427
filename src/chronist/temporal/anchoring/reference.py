"""What anchoring passes around: a resolved value with its anchor, the story's reference.

Shared by :mod:`chronist.temporal.anchoring.core` (resolution) and
:mod:`chronist.temporal.anchoring.story` (the story's clock).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from chronist.temporal.day_spans import point_span
from chronist.temporal.mention import Anchor, AnchorKind
from chronist.temporal.values import CalendarPoint, Day, Resolved

__all__ = ["AnchoredValue", "around_year", "timex_like"]


@dataclass(frozen=True, slots=True)
class AnchoredValue:
    value: Resolved | None
    anchor: Anchor
    anchor_index: int | None  # index of the anchoring candidate, if another expression


@dataclass(slots=True)
class _Reference:
    point: CalendarPoint
    index: int | None
    kind: AnchorKind


def around_year(point: CalendarPoint, year: int) -> list[tuple[CalendarPoint, Day, Day]]:
    """``point`` in the year before, in and after ``year``, each with its first and last day."""
    options = []
    for option_year in (year - 1, year, year + 1):
        option = replace(point, year=option_year)
        span = point_span(option)
        if span is not None:
            options.append((option, span[0], span[1]))
    return options


def timex_like(point: CalendarPoint) -> str:
    # Imported lazily: rendering sits at the edge and depends on nothing here.
    from chronist.temporal.render import timex3_value

    return timex3_value(point)
