"""Dates the text counts from another time: ``gestern``, ``drei Tage später``, ``kurz danach``.

A deictic date (``vor zwei Jahren``) counts from the time of writing when the
policy says so, else from the story's time; a vague step (``wenige Tage
später``) keeps at most its unit's grain; a weekend told on a weekday is that
week's; a date right beside a relative one says which day it is (``am
Folgetag, dem 8. März 1705``), and ``the day after Thanksgiving`` counts from
the date that follows. The mixin :class:`RelativeDates` holds this resolution
for :class:`~chronist.temporal.anchoring.core.Anchorer`, which provides the
state and the policy's hooks.
"""

from __future__ import annotations

import re
from abc import abstractmethod
from dataclasses import replace

from chronist.temporal.anchoring.reference import AnchoredValue, _Reference, timex_like
from chronist.temporal.anchoring.story import StoryClock
from chronist.temporal.calendar_math import apply_shift, day_point
from chronist.temporal.day_spans import weekday_of
from chronist.temporal.engine import Candidate
from chronist.temporal.meaning import Deictic, Explicit, Shift
from chronist.temporal.mention import Anchor, AnchorKind
from chronist.temporal.values import CalendarPoint, Day, Grain, Reference, RefPoint, Unit
from chronist.text.document import DocumentKind
from chronist.text.verbs import Tense

__all__ = ["RelativeDates"]

# between a relative date and the date beside it ("am Folgetag, dem 8. März 1705")
# a comma or an opening parenthesis: "drei Jahre später, 1920", "Etwa hundert Jahre später (1920)"
_APPOSITION = re.compile(r"\s*[,(]\s*")
# the finest grain a vague shift of this unit keeps from its anchor
_UNIT_GRAIN = {
    Unit.MONTH: Grain.MONTH,
    Unit.QUARTER: Grain.MONTH,
    Unit.YEAR: Grain.YEAR,
    Unit.DECADE: Grain.YEAR,
    Unit.CENTURY: Grain.YEAR,
    Unit.MILLENNIUM: Grain.YEAR,
}


class RelativeDates(StoryClock):
    """Resolves the dates a text counts from another time (a mixin of the anchorer)."""

    kind: DocumentKind

    # the policy's hooks and the resolution's entry, defined by the anchorer
    @abstractmethod
    def _resolve(self, index: int, candidate: Candidate) -> AnchoredValue: ...

    @abstractmethod
    def _context_reference(self, index: int) -> _Reference | None: ...

    @abstractmethod
    def _dct_reference(self) -> _Reference | None: ...

    @abstractmethod
    def _shift_reference(
        self, index: int, meaning: Shift, reference: _Reference | None
    ) -> _Reference | None: ...

    @abstractmethod
    def _tense(self, index: int) -> Tense: ...

    @abstractmethod
    def _deictic_from_dct(self, meaning: Deictic) -> bool: ...

    @abstractmethod
    def _present_day(self, meaning: Deictic) -> AnchoredValue | None: ...

    def _appositive_date(self, index: int) -> AnchoredValue | None:
        """``am Folgetag, dem 8. März 1705``: the date beside a relative one says which day."""
        candidate = self.candidates[index]
        if not isinstance(candidate.meaning, Shift) or index + 1 >= len(self.candidates):
            return None
        following = self.candidates[index + 1]
        meaning = following.meaning
        if not (
            isinstance(meaning, Explicit)
            and meaning.fill is None
            and meaning.point.year is not None
            and (
                _APPOSITION.fullmatch(self.text, candidate.end, following.start)
                or self.cues.apposition.fullmatch(self.text, candidate.end, following.start)
            )
        ):
            return None
        stated = self._resolve(index + 1, following)
        if not isinstance(stated.value, CalendarPoint):
            return None
        return AnchoredValue(stated.value, Anchor(AnchorKind.TIMEX), index + 1)

    def _related_date(self, index: int) -> AnchoredValue | None:
        """``the day after Thanksgiving``, ``two days before Oct. 12``: counted from the
        date that follows, not from the story's time or the DCT."""
        candidate = self.candidates[index]
        meaning = candidate.meaning
        if not (isinstance(meaning, Shift) and meaning.relation) or index + 1 >= len(
            self.candidates
        ):
            return None
        following = self.candidates[index + 1]
        if self.text[candidate.end : following.start].strip() or not isinstance(
            following.meaning, Explicit
        ):
            return None
        stated = self._resolve(index + 1, following).value
        if not isinstance(stated, CalendarPoint) or stated.grain < _UNIT_GRAIN.get(
            meaning.unit, Grain.DAY
        ):
            return None
        anchor = Anchor(AnchorKind.TIMEX, None, timex_like(stated))
        return AnchoredValue(apply_shift(stated, meaning), anchor, index + 1)

    def _resolve_vague_shift(self, index: int, meaning: Shift) -> AnchoredValue:
        """``wenige Tage später``: after the story's time, at most at the unit's grain
        (the mod, AFTER or BEFORE, is the expression's); no time told yet: a vague reference.
        In news ``a few years ago`` counts from the time of writing: a vague past."""
        if meaning.from_writing and self.kind is DocumentKind.NEWS:
            reference = self._dct_reference()
        else:
            reference = self._context_reference(index)
        if self.kind is DocumentKind.NARRATIVE:
            # as a counted step: a date told before it wins over a look ahead ("seit dem
            # Jahr 1140 ... Jahrzehnte später ... um 1500")
            reference = self._shift_reference(index, meaning, reference)
        if reference is None or reference.kind is AnchorKind.DCT:
            later = Reference.FUTURE if meaning.amount > 0 else Reference.PAST
            return AnchoredValue(RefPoint(later), Anchor(AnchorKind.NONE), None)
        anchor, at = self._anchor_of(reference)
        grain = _UNIT_GRAIN.get(meaning.unit, Grain.DAY)
        point = reference.point
        return AnchoredValue(point.coarsened(grain) if point.grain > grain else point, anchor, at)

    def _weekend_from(self, index: int, meaning: Shift, reference: _Reference) -> Shift:
        """Which week's weekend, told on a weekday: the coming one is this week's.

        On Monday to Friday ``am kommenden Wochenende`` is the weekend of the
        same week, and ``am Wochenende`` in the past tense in news the one before.
        """
        point = reference.point
        if point.year is None or point.month is None or point.day is None:
            return meaning
        if point.grain < Grain.DAY:
            return meaning
        weekday = weekday_of(Day(point.year, point.month, point.day))
        if weekday > 5:
            return meaning
        if meaning.amount > 0:
            return replace(meaning, amount=meaning.amount - 1)
        if meaning.amount == 0 and self._told_before_writing(index, reference):
            return replace(meaning, amount=-1)
        return meaning

    def _told_before_writing(self, index: int, reference: _Reference) -> bool:
        """Counted from the DCT in a past-tense clause: what happened before writing."""
        return reference.kind is AnchorKind.DCT and self._tense(index) is Tense.PAST

    def _resolve_deictic(self, index: int, meaning: Deictic) -> AnchoredValue:
        present = self._present_day(meaning)
        if present is not None:
            return present
        if self.dct is not None and self._deictic_from_dct(meaning):
            anchor = Anchor(AnchorKind.DCT, None, self.dct.iso())
            shift = Shift(
                meaning.unit, meaning.amount, meaning.part_of_day, counted=not meaning.named
            )
            return AnchoredValue(apply_shift(day_point(self.dct), shift), anchor, None)
        reference = self._context_reference(index)
        if reference is None:
            past = RefPoint(Reference.PAST if meaning.amount < 0 else Reference.FUTURE)
            return AnchoredValue(past, Anchor(AnchorKind.NONE), None)
        anchor, at = self._anchor_of(reference)
        return AnchoredValue(
            apply_shift(reference.point, Shift(meaning.unit, meaning.amount, meaning.part_of_day)),
            anchor,
            at,
        )
