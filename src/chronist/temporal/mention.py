"""A temporal expression found in a text, with its resolved meaning and provenance."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from chronist.temporal.values import Bounds, Mod, Resolved


class TimexType(Enum):
    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class AnchorKind(Enum):
    """What an expression's value was resolved against."""

    NONE = "none"  # the text alone determines the value (``27. Juli 1953``)
    DCT = "dct"  # the document creation time (news)
    NARRATIVE = "narrative"  # the narrative's moving reference time
    TIMEX = "timex"  # another temporal expression (``einen Monat später``)
    EVENT = "event"  # a named historical event or period from the reference table


@dataclass(frozen=True, slots=True)
class Anchor:
    kind: AnchorKind
    tid: str | None = None  # the anchoring expression, when it is one
    value: str | None = None  # the TIMEX3 value the anchor had


@dataclass(frozen=True, slots=True)
class Timex:
    """One temporal expression: where it is, what it means, and why.

    ``start``/``end`` are half-open offsets in code points of the input text.
    ``value`` is the TIMEX3 value (``1950-09-15``, ``P2Y``, ``PRESENT_REF``,
    ``XXXX-09-15`` when the text does not determine the year); ``edtf`` the
    EDTF rendering, ``bounds`` the four bounds. ``rule`` names the grammar rule
    that matched and ``anchor`` what the value was resolved against.
    """

    tid: str
    start: int
    end: int
    text: str
    type: TimexType
    value: str
    mod: Mod | None
    edtf: str | None
    bounds: Bounds
    rule: str
    anchor: Anchor
    resolved: Resolved | None = None
    anchor_tid: str | None = None  # TIMEX3 anchorTimeID
    begin_point: str | None = None
    end_point: str | None = None
    quant: str | None = None
    freq: str | None = None
    temporal_function: bool = False
    role: str | None = None  # "begin" / "end" bound of a range, "bound" for bis/seit

    @property
    def is_resolved(self) -> bool:
        return "X" not in self.value or self.type in (TimexType.DURATION, TimexType.SET)
