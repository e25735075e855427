"""The narrative policy: a story keeps its own clock.

Explicit dates move the story's reference time; bounds (``bis 1953``, ``nach
1953``) and looks back do not. An expression met before any date looks ahead
to the earliest year stated later in the paragraph, then in its section,
since a narrative runs forward; a section heading that names years
(``Kriegsjahr 1915``) confines its yearless dates; ``heute`` is the present.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from functools import cached_property

from chronist.temporal.anchoring.core import Anchorer, Kind
from chronist.temporal.anchoring.reference import AnchoredValue, _Reference
from chronist.temporal.anchoring.story import NON_MOVING_BOUNDS
from chronist.temporal.calendar_math import apply_shift
from chronist.temporal.day_spans import days_between, point_span
from chronist.temporal.discourse import dated_headings, is_heading
from chronist.temporal.engine import Candidate
from chronist.temporal.meaning import Deictic, Explicit, Fixed, Shift
from chronist.temporal.mention import Anchor, AnchorKind
from chronist.temporal.values import (
    CalendarPoint,
    Day,
    Duration,
    Grain,
    Recurrence,
    Reference,
    RefPoint,
    Unit,
)

__all__ = ["NarrativeAnchorer"]

# months between a day told and the later-stated date it precedes, from which it lies in
# the year before ("28. Dezember" before "5. Januar 1919"), as ``turn_of_year`` forward
_HALF_YEAR = 6
# how far ahead of the story's day a day of an earlier month may lie in the next year
# ("Am 13. Oktober ... (Operation Shingle, 21. Januar) ... Am 15. Februar"): about five
# months; further on the same day back in the year is as likely (a summary looks ahead,
# the next paragraph returns: "am 4. November ... Lincoln wurde am 14. April ermordet")
_STEP_AHEAD_DAYS = 150
# candidates looked back over from a glance ahead for the last day told before it
_THREAD_REACH = 5
# a season or month told starting at most this many days after the last day told is a
# glance ahead ("Am 29. Oktober 1918 ... im Frühjahr 1919"); further on, the story moved
_GLANCE_DAYS = 366
# the grain a date right before a step must have for the step to count from it
_STEP_GRAIN = {
    Unit.DAY: Grain.DAY,
    Unit.WEEK: Grain.DAY,
    Unit.MONTH: Grain.MONTH,
    Unit.YEAR: Grain.YEAR,
}
# the grain the story's time must have to be stepped by a length of this unit
_LENGTH_GRAIN = _STEP_GRAIN


def _decades_from(value: CalendarPoint, meaning: Shift) -> bool:
    """``In den 1920er Jahren ... Zehn Jahre später``: whole decades from a decade told."""
    return (
        value.grain == Grain.DECADE
        and meaning.unit is Unit.YEAR
        and meaning.amount != 0
        and meaning.amount % 10 == 0
    )


class NarrativeAnchorer(Anchorer):
    """Anchoring in a history: the narrative's moving reference time."""

    kind = Kind.NARRATIVE
    reference_anchor = AnchorKind.NARRATIVE

    @cached_property
    def _sections(self) -> tuple[list[tuple[int, int, int]], list[int]]:
        """The headings that name years (start, first, last year), found on first use,
        and their starts."""
        found = dated_headings(self.text, self.candidates, self.paragraphs)
        return found, [start for start, _, _ in found]

    @cached_property
    def _heading_starts(self) -> list[int]:
        """Where the headings of the text (``== Klima``) begin: the sections' bounds."""
        return [start for start, end in self.paragraphs if is_heading(self.text[start:end])]

    def _section_of(self, offset: int) -> int:
        return bisect_right(self._heading_starts, offset)

    @cached_property
    def _earliest_in_section(self) -> list[tuple[int, int]]:
        """For each stated year (by position), the earliest (year, candidate) stated from
        it on up to the end of its section."""
        found: list[tuple[int, int]] = []
        best: tuple[int, int] | None = None
        section = -1
        for i, year in reversed(self._stated_years):
            here = self._section_of(self.candidates[i].start)
            if here != section:
                best, section = None, here
            best = (year, i) if best is None or (year, i) <= best else best
            found.append(best)
        found.reverse()
        return found

    def _look_ahead(self, index: int) -> _Reference | None:
        """The earliest year stated after ``index``: in the paragraph, else in the rest of
        its section (a climate section before the history names no year of the story)."""
        start = self.candidates[index].start
        paragraph_end = self.paragraphs.span_of(start)[1]
        first = bisect_right(self._stated_at, index)
        if first == len(self._stated_years):
            return None
        in_paragraph = []
        for position in range(first, len(self._stated_years)):
            i, year = self._stated_years[position]
            if self.candidates[i].start >= paragraph_end:
                break
            if self._names_year(i):
                in_paragraph.append((year, i))
        if in_paragraph:
            year, i = min(in_paragraph)
        else:
            year, i = self._earliest_in_section[first]
            if self._section_of(self.candidates[i].start) != self._section_of(start):
                return None
            if not self._names_year(i):
                return None  # "im 19. Jahrhundert" gives no year to the months before it
            if self._opens_period(i):
                # "im Winter ... im Vergleich zur Messperiode 1981-2010": a span of years
                # in a later paragraph says no year of what came before it
                return None
        return _Reference(CalendarPoint(Grain.YEAR, year), i, AnchorKind.NARRATIVE)

    def _names_year(self, index: int) -> bool:
        """The date at ``index`` names a year (``im 19. Jahrhundert`` does not: a month or
        a season told before it in a climate section is of no year)."""
        meaning = self.candidates[index].meaning
        return isinstance(meaning, Explicit) and meaning.point.grain >= Grain.YEAR

    def _opens_period(self, index: int) -> bool:
        """The year at ``index`` begins a range of several years (``1981-2010``)."""
        if index + 1 >= len(self.candidates):
            return False
        candidate, second = self.candidates[index], self.candidates[index + 1]
        if not self.cues.range_join.match(self.text[candidate.end : second.start]):
            return False
        first, following = candidate.meaning, second.meaning
        if not (isinstance(first, Explicit) and isinstance(following, Explicit)):
            return False
        start, end = first.point.year, following.point.year
        return start is not None and end is not None and end - start > 1

    def _yearless(
        self,
        index: int,
        meaning: Explicit,
        reference: _Reference,
        filled: CalendarPoint,
        anchored: tuple[Anchor, int | None],
    ) -> tuple[CalendarPoint, tuple[Anchor, int | None]]:
        """``Am 28. Dezember ... Am 5. Januar 1919``: a day told before the first date the
        story states, half a year or more later in the calendar than it, lies in the year
        before (a narrative runs forward)."""
        if not meaning.year_shift and self._every_year(index):
            return meaning.point, (Anchor(AnchorKind.NONE), None)
        if reference.index is None or meaning.year_shift:
            return filled, anchored
        if reference.index < index:
            ahead = self._next_year_ahead(index, reference, filled)
            if ahead is filled:
                ahead = self._ahead_in_the_past(index, reference, filled)
            if ahead is filled:
                ahead = self._after_a_glance_ahead(reference, filled)
            return ahead, anchored
        stated = self.candidates[reference.index].meaning
        if not isinstance(stated, Explicit) or stated.fill is not None:
            return filled, anchored
        month = stated.point.month
        if filled.year is None or filled.month is None or month is None:
            return filled, anchored
        if filled.year == stated.point.year and filled.month - month >= _HALF_YEAR:
            return replace(filled, year=filled.year - 1), anchored
        return filled, anchored

    def _every_year(self, index: int) -> bool:
        """``der seit 2001 jedes Jahr am letzten Sonntag im Oktober stattfindet``, ``Am 31.
        Dezember jeden Jahres``: a day or month beside a yearly set in its sentence is of
        every year, no year of the story."""
        sentence = self.sentences.span_of(self.candidates[index].start)
        for other in (index - 2, index - 1, index + 1, index + 2):
            if not 0 <= other < len(self.candidates):
                continue
            candidate = self.candidates[other]
            if not sentence[0] <= candidate.start < sentence[1]:
                continue
            meaning = candidate.meaning
            if not isinstance(meaning, Fixed) or not isinstance(meaning.value, Recurrence):
                continue
            period = meaning.value.period
            if isinstance(period, Duration) and any(u is Unit.YEAR for u, _ in period.parts):
                return True
        return False

    def _ahead_in_the_past(
        self, index: int, reference: _Reference, filled: CalendarPoint
    ) -> CalendarPoint:
        """``Im Herbst 1862 verkündete er eine Erklärung, die am 1. Januar in Kraft treten
        sollte``: a day in a clause telling what was then still ahead (the future in the
        past) lies in the next year when in the story's year it would lie before the
        story's time."""
        candidate = self.candidates[index]
        if filled.year is None or filled.year != reference.point.year:
            return filled
        if candidate.bound is not None or not self.cues.future_in_past_after.match(
            self.text, candidate.end
        ):
            return filled
        told, day = point_span(reference.point), point_span(filled)
        if told is None or day is None or days_between(day[1], told[0]) <= 0:
            return filled
        return replace(filled, year=filled.year + 1)

    def _after_a_glance_ahead(self, reference: _Reference, filled: CalendarPoint) -> CalendarPoint:
        """``Am 29. Oktober 1918 ... Hier folgte im Frühjahr 1919 die Räterepublik. Die
        Revolution erfasste am 9. November auch Berlin``: a season or month of a later year
        told within a year after days is a glance ahead; a day that would lie beyond it, a
        short step after the last day told before it, goes on from that day."""
        told = reference.point
        if not Grain.YEAR < told.grain < Grain.DAY or reference.index is None:
            return filled
        if filled.grain != Grain.DAY or filled.year != told.year or filled.month is None:
            return filled
        season, day = point_span(told), point_span(filled)
        if season is None or day is None or days_between(season[1], day[0]) <= 0:
            return filled  # within the season or month, or before it
        for before in range(reference.index - 1, max(-1, reference.index - _THREAD_REACH), -1):
            value = self._results[before].value if before < len(self._results) else None
            if not isinstance(value, CalendarPoint) or value.grain != Grain.DAY:
                continue
            if value.year is None or value.month is None or value.day is None:
                return filled
            if told.year is None or value.year >= told.year:
                return filled
            last = Day(value.year, value.month, value.day)
            if days_between(last, season[0]) > _GLANCE_DAYS:
                return filled  # "Am 3. Oktober 1944 ... Im Mai 1960": the story moved on
            step = days_between(last, Day(value.year, filled.month, min(filled.day or 1, 28)))
            return replace(filled, year=value.year) if 0 < step <= _STEP_AHEAD_DAYS else filled
        return filled

    def _next_year_ahead(
        self, index: int, reference: _Reference, filled: CalendarPoint
    ) -> CalendarPoint:
        """``Am 29. Dezember traten sie aus. ... die für den 19. Januar angesetzten Wahlen``:
        after a day told, a day of an earlier month lies in the next year when that is a
        short step ahead and nearer than the same day back in this year (a story runs
        forward). Not a month alone (``im Dezember ... im Mai`` often begins a look back),
        nor a day that begins what is told (``seit dem 31. Januar`` looks back)."""
        told = reference.point
        if told.grain < Grain.DAY or told.year is None or told.month is None or told.day is None:
            return filled
        if filled.year != told.year or filled.month is None or filled.day is None:
            return filled
        if filled.month >= told.month or self.candidates[index].bound == "since":
            return filled
        if reference.index is None or not any(
            c.isdigit() for c in self.candidates[reference.index].text
        ):
            return filled  # a feast ("Christmas", maybe a song's name) is no day the story told
        story = Day(told.year, told.month, told.day)
        back = days_between(Day(told.year, filled.month, min(filled.day, 28)), story)
        ahead = days_between(story, Day(told.year + 1, filled.month, min(filled.day, 28)))
        if ahead <= _STEP_AHEAD_DAYS and ahead < back:
            return replace(filled, year=told.year + 1)
        return filled

    def _shift_reference(
        self, index: int, meaning: Shift, reference: _Reference | None
    ) -> _Reference | None:
        """``..., die den Nordpol am 12. Mai erreicht hatten, da ... Byrd drei Tage zuvor``:
        a counted step right after a day told in its own sentence counts from that day,
        even when the day, in a relative or pluperfect clause, did not move the story; so
        does a step right after a date of its paragraph while the story's time was told
        in an earlier one (``..., das um 1730 endete. Erst 100 Jahre später``)."""
        if reference is not None and reference.index is not None and reference.index > index:
            return self._told_before(index) or reference
        grain = _STEP_GRAIN.get(meaning.unit)
        if grain is None or not meaning.from_told or index == 0:
            return reference
        before = index - 1
        if reference is None or reference.index == before or before >= len(self._results):
            return reference
        if self.candidates[before].bound in NON_MOVING_BOUNDS:
            return reference  # "Bis 20. Oktober hielten sie ...": a bound is no day told
        sentence = self.sentences.span_of(self.candidates[index].start)
        paragraph = self.paragraphs.span_of(self.candidates[index].start)[0]
        told = self._results[before].value
        if (
            isinstance(told, CalendarPoint)
            and _decades_from(told, meaning)
            and self.candidates[before].start >= paragraph
        ):
            return _Reference(told, before, AnchorKind.TIMEX)  # the date right before it
        if self.candidates[before].start < sentence[0] and (
            reference.index is None
            or self.candidates[reference.index].start >= paragraph
            or self.candidates[before].start < paragraph
        ):
            return reference
        value = self._results[before].value
        if (
            not isinstance(self.candidates[before].meaning, Explicit)
            or not isinstance(value, CalendarPoint)
            or value.year is None
            or value.grain < grain
        ):
            return reference
        return _Reference(value, before, AnchorKind.TIMEX)

    def _told_before(self, index: int) -> _Reference | None:
        """Instead of a look ahead, a date told before in the paragraph in a clause that did
        not move the story ("..., das um 1730 endete. Erst 100 Jahre später")."""
        told = self._last_time_told(index)
        at = None if told is None else told.anchor_index
        if (
            told is None
            or at is None
            or not isinstance(told.value, CalendarPoint)
            or not isinstance(self.candidates[at].meaning, Explicit)
        ):
            return None
        return _Reference(told.value, at, AnchorKind.TIMEX)

    def _step_by_length(self, index: int, candidate: Candidate, length: Duration) -> bool:
        """``Im Oktober 1939 übernahm er eine Fabrik ... Bereits nach drei Monaten hatte sie
        250 Arbeiter. ... zu diesem Zeitpunkt``: a length after ``nach`` moves the story's
        clock by that length (the length keeps its own value)."""
        story = self.reference
        if story is None or story.kind is AnchorKind.DCT or story.point.year is None:
            return False
        if len(length.parts) != 1:
            return False
        unit, amount = length.parts[0]
        grain = _LENGTH_GRAIN.get(unit)
        if grain is None or amount is None or amount < 1 or amount != int(amount):
            return False
        if story.point.grain < grain or not self.cues.length_step_before.search(
            self.text, max(0, candidate.start - 16), candidate.start
        ):
            return False
        if self._follows_date(index):
            return False  # "am 5. Mai 1650 nach elf Tagen": the date is already its end
        moved = apply_shift(story.point, Shift(unit, int(amount), counted=True))
        self.reference = _Reference(moved, index, AnchorKind.NARRATIVE)
        return True

    def _follows_date(self, index: int) -> bool:
        """Whether a date the text states is told right before candidate ``index``,
        at most one word between them (``am 20. Mai 1650 nach siebzehn Tagen``)."""
        if index == 0:
            return False
        previous = self.candidates[index - 1]
        between = self.text[previous.end : self.candidates[index].start]
        return isinstance(previous.meaning, Explicit) and len(between.split()) <= 1

    def _this_time_is_the_story(self) -> bool:
        # the wiki_de gold: "in dieser Zeit", "aus jener Zeit" have the story's value
        return True

    def _anaphor_told_as_past(self) -> bool:
        # TimeML (KRAUTS, the wiki_de gold): "damals" is PAST_REF in a history too; its
        # anchor keeps the story's time, which the timeline uses
        return True

    def _context_reference(self, index: int) -> _Reference | None:
        if self.reference is not None:
            return self.reference
        return self._look_ahead(index) or self._dct_reference()

    def _section_years(self, index: int) -> tuple[int, int] | None:
        """The years the heading of this candidate's section spans (``Kriegsjahr 1915``)."""
        sections, starts = self._sections
        position = bisect_right(starts, self.candidates[index].start) - 1
        if position < 0:
            return None
        _, first, last = sections[position]
        return first, last

    def _present_day(self, meaning: Deictic) -> AnchoredValue | None:
        """``heute`` in a story: the present of the writer (PRESENT_REF), not a day."""
        if meaning.unit is not Unit.DAY or meaning.amount != 0 or meaning.part_of_day is not None:
            return None
        anchor = (
            Anchor(AnchorKind.DCT, None, self.dct.iso()) if self.dct else Anchor(AnchorKind.NONE)
        )
        return AnchoredValue(RefPoint(Reference.PRESENT), anchor, None)
