"""Dates the text states, in full or in part: filled from the reference they are told at.

``am 15. September`` takes its year, ``am Mittwoch`` its day, ``im kommenden
Frühjahr`` its season, ``um 20 Uhr`` its day and ``1870/71`` its century from
what the text has told; a year read in a story told BC is BC. The mixin
:class:`ExplicitDates` holds this resolution for :class:`~chronist.temporal.
anchoring.core.Anchorer`, which provides the state and the policy's hooks;
the story's clock (:class:`~chronist.temporal.anchoring.story.StoryClock`) says
what a date is counted from.
"""

from __future__ import annotations

from abc import abstractmethod
from dataclasses import replace

from chronist.temporal.anchoring.clock import clock_time_day
from chronist.temporal.anchoring.reference import AnchoredValue, _Reference, around_year, timex_like
from chronist.temporal.anchoring.story import StoryClock
from chronist.temporal.calendar_math import day_point, feast_point, fill_from_anchor, turn_of_year
from chronist.temporal.day_spans import point_span, shift_day, weekday_of
from chronist.temporal.engine import Candidate
from chronist.temporal.meaning import Deictic, Explicit
from chronist.temporal.mention import Anchor, AnchorKind
from chronist.temporal.values import CalendarPoint, Day, Grain
from chronist.text.verbs import Tense

__all__ = ["ExplicitDates"]

# a heading naming at least a century ("=== 18. und 19. Jahrhundert"), not a year or two
_CENTURY_SPAN = 99


class ExplicitDates(StoryClock):
    """Resolves the dates a text states (a mixin of the anchorer)."""

    # counted from the DCT, the day each weekday name was resolved to
    _news_weekdays: dict[int, Day]

    # the policy's hooks, defined by the anchorer
    @abstractmethod
    def _resolve(self, index: int, candidate: Candidate) -> AnchoredValue: ...

    @abstractmethod
    def _context_reference(self, index: int) -> _Reference | None: ...

    @abstractmethod
    def _tense(self, index: int) -> Tense: ...

    @abstractmethod
    def _decade_year(self, year: int) -> int: ...

    @abstractmethod
    def _weekday_reference(self, reference: _Reference | None) -> _Reference | None: ...

    @abstractmethod
    def _occurrence_reference(
        self, meaning: Explicit, reference: _Reference | None
    ) -> _Reference | None: ...

    @abstractmethod
    def _month_reference(
        self, meaning: Explicit, reference: _Reference | None
    ) -> _Reference | None: ...

    @abstractmethod
    def _yearless(
        self,
        index: int,
        meaning: Explicit,
        reference: _Reference,
        filled: CalendarPoint,
        anchored: tuple[Anchor, int | None],
    ) -> tuple[CalendarPoint, tuple[Anchor, int | None]]: ...

    @abstractmethod
    def _reported_period(self, index: int, named_only: bool = False) -> AnchoredValue | None: ...

    def _clock_day(self, index: int, point: CalendarPoint) -> AnchoredValue | None:
        """``jeweils 20 Uhr`` after several days: no day; ``morgen ab 12 Uhr``: that day."""
        candidate = self.candidates[index]
        clause_start = self._clause_window(index, *self.sentences.span_of(candidate.start))[0]
        values = [result.value for result in self._results]
        said = clock_time_day(self.text, self.candidates, values, index, clause_start, self.cues)
        if said is None:
            return self._day_after_time(index, point)
        if said.several or said.day_at is None:
            return AnchoredValue(point, Anchor(AnchorKind.NONE), None)
        day = values[said.day_at]
        assert isinstance(day, CalendarPoint)
        timed = replace(point, year=day.year, month=day.month, day=day.day)
        return AnchoredValue(timed, Anchor(AnchorKind.TIMEX, None, timex_like(day)), said.day_at)

    def _day_after_time(self, index: int, point: CalendarPoint) -> AnchoredValue | None:
        """``um 14.30 Uhr am Dienstag``, ``at 2:30 p.m. yesterday``: the day named right
        after a clock time, with nothing named before it in its clause, is its day."""
        following = index + 1
        if following >= len(self.candidates):
            return None
        candidate, after = self.candidates[index], self.candidates[following]
        if not isinstance(
            after.meaning, Explicit | Deictic
        ) or not self.cues.day_after_time.fullmatch(self.text, candidate.end, after.start):
            return None  # not a count ("6 a.m. ten days before the shooting")
        if isinstance(after.meaning, Explicit) and after.meaning.point.grain > Grain.DAY:
            return None  # another clock time names no day ("von 2:00 Uhr auf 3:00 Uhr")
        day = self._resolve(following, after).value
        if not (isinstance(day, CalendarPoint) and day.grain == Grain.DAY and day.day):
            return None
        timed = replace(point, year=day.year, month=day.month, day=day.day)
        return AnchoredValue(timed, Anchor(AnchorKind.TIMEX, None, timex_like(day)), following)

    def _resolve_explicit(
        self, index: int, candidate: Candidate, meaning: Explicit
    ) -> AnchoredValue:
        point = meaning.point
        none = Anchor(AnchorKind.NONE)
        story = self.reference
        story_year = story.point.year if story is not None else None
        in_bc_story = story is not None and story_year is not None and story_year <= 0
        if story is not None and self._after_christ_at > (story.index or -1):
            in_bc_story = False  # "... im 2. Jahrhundert n. Chr. ... 238 wurde ..."
        if in_bc_story and story_year is not None and point.year is not None:
            # "44 v. Chr. ... Jahrzehnte später ... im Jahr 14": read after Christ, the
            # year lies near the story too; a writer who marks the era would have marked
            # a year before Christ there (only a year far after the story stays BC)
            in_bc_story = point.year - story_year > _ERA_TURN_REACH
            if point.grain == Grain.YEAR and _bc_first_year(point) < story_year - _ERA_TURN_REACH:
                # "49 v. Chr. ... Im Jahr 314": read BC it would lie centuries before the
                # story; a look that far back names its era, the story has moved on
                in_bc_story = False
        if meaning.era_open and point.year is not None and in_bc_story and story is not None:
            # "im Jahr 478", "im 2. Jahrtausend" in a story told in years BC
            bc = replace(point, year=_bc_first_year(point))
            return AnchoredValue(bc, self._anchor_of(story)[0], story.index)
        if meaning.two_digit and meaning.fill is None and index > 0:
            previous = self.candidates[index - 1]
            prev_meaning = previous.meaning
            if (
                previous.end >= candidate.start - 1
                and isinstance(prev_meaning, Explicit)
                and prev_meaning.point.year is not None
            ):
                # "1870/71": the century of the year before
                first = prev_meaning.point.year
                year = (first // 100) * 100 + (point.year or 0)
                year += 100 if year < first else 0
                return AnchoredValue(replace(point, year=year), Anchor(AnchorKind.TIMEX), index - 1)
        if meaning.reported_period and point.year is not None:
            reported = self._reported_period(index, named_only=True)
            if reported is not None and isinstance(reported.value, CalendarPoint):
                # "the 1988 period": the report's quarter in the year the text names
                value = replace(reported.value, year=point.year)
                return AnchoredValue(value, reported.anchor, reported.anchor_index)
        if meaning.fill is None and not meaning.two_digit:
            if meaning.feast is not None and point.year is not None:
                point = feast_point(point.year, meaning.feast)
            return AnchoredValue(point, none, None)
        if meaning.fill == Grain.DAY and point.hour is not None and point.weekday is None:
            clock = self._clock_day(index, point)
            if clock is not None:
                return clock
        reference = self._context_reference(index)
        if (
            meaning.fill == Grain.DAY
            and point.hour is not None
            and point.weekday is None
            and (reference is None or reference.point.day is None)
        ):
            # "von 10 bis 15 Uhr" with no day told: a time of no known day, not of a year
            return AnchoredValue(point, none, None)
        if meaning.two_digit:
            century = 1900
            if reference is not None and reference.point.year is not None:
                century = (reference.point.year // 100) * 100
            year = century + (point.year or 0)
            if point.grain is Grain.DECADE:
                year = self._decade_year(year)
            point = replace(point, year=year)
            if meaning.fill is None:
                anchor = none if reference is None else self._anchor_of(reference)[0]
                return AnchoredValue(point, anchor, None)
        if point.weekday is not None and point.month is None:
            if not meaning.weekday_from_told:
                reference = self._weekday_reference(reference)
            return self._resolve_weekday(index, point, meaning, reference)
        if meaning.occurrence is not None:
            reference = self._occurrence_reference(meaning, reference)
            if reference is not None and reference.point.year is not None:
                return self._resolve_occurrence(point, meaning.occurrence, reference)
        coordinated = None
        if meaning.fill == Grain.YEAR:
            coordinated = self._coordinated_year(index) or self._recent_bound_year(index, point)
        if coordinated is not None:
            joined_at, joined_year = coordinated
            reference = _Reference(
                CalendarPoint(Grain.YEAR, joined_year - meaning.year_shift),
                joined_at,
                AnchorKind.TIMEX,
            )
        reference = self._month_reference(meaning, reference)
        if reference is None or reference.point.year is None:
            return AnchoredValue(point, none, None)
        anchor, at = self._anchor_of(reference)
        filled = fill_from_anchor(point, reference.point, meaning)
        if (
            coordinated is None
            and meaning.year_shift == 0
            and self._stated_since(index, reference, self.sentences)
        ):
            filled = turn_of_year(filled, reference.point)
        section = self._section_years(index)
        if (
            section is not None
            and filled.year is not None
            and coordinated is None
            and not meaning.year_shift
            and not self._stated_since(index, reference, self.paragraphs)
            and not self._left_section_centuries(reference, section)
        ):
            # a date without a year lies in the years its section's heading names
            year = min(max(filled.year, section[0]), section[1])
            filled = replace(filled, year=year)
        filled, (anchor, at) = self._yearless(index, meaning, reference, filled, (anchor, at))
        if meaning.feast is not None and filled.year is not None:
            filled = feast_point(filled.year, meaning.feast)
        return AnchoredValue(filled, anchor, at)

    def _left_section_centuries(self, reference: _Reference, section: tuple[int, int]) -> bool:
        """``=== 18. und 19. Jahrhundert ... Am 29. Oktober 1918 ... Am 1. Dezember``: a
        day of the story stated in a section whose heading names centuries, outside them,
        says the section has gone beyond them; its days follow the story, not the heading
        (a heading naming years, ``Kriegsjahr 1915``, still holds its days)."""
        at, year = reference.index, reference.point.year
        if at is None or year is None or section[0] <= year <= section[1]:
            return False
        if section[1] - section[0] < _CENTURY_SPAN or reference.point.grain < Grain.DAY:
            return False
        return self._section_years(at) == section

    def _resolve_occurrence(
        self, point: CalendarPoint, occurrence: int, reference: _Reference
    ) -> AnchoredValue:
        """The next, last or current such month or season from the reference day.

        ``im kommenden Frühjahr`` is the first spring not yet begun, ``im
        vergangenen Sommer`` the last summer already over, ``diesen Sommer`` the
        one the reference lies in, else the one of the reference's year. After a year
        told (``Im Jahr 1944 ... im folgenden Frühjahr``) the next one begins after it.
        """
        year = reference.point.year or 0
        reference_span = point_span(reference.point)
        day = reference_span[0] if reference_span else Day(year, 1, 1)
        if reference_span and occurrence > 0 and reference.point.grain <= Grain.YEAR:
            day = reference_span[1]
        options = around_year(point, year)
        if occurrence > 0:
            chosen = next((o for o, first, _ in options if first > day), None)
        elif occurrence < 0:
            chosen = next((o for o, _, last in reversed(options) if last < day), None)
        else:
            within = (o for o, first, last in options if first <= day <= last)
            chosen = next(within, replace(point, year=year))
        anchor, at = self._anchor_of(reference)
        return AnchoredValue(chosen or point, anchor, at)

    def _resolve_weekday(
        self, index: int, point: CalendarPoint, meaning: Explicit, reference: _Reference | None
    ) -> AnchoredValue:
        weekday = point.weekday or 1
        if (
            reference is None
            or reference.point.grain < Grain.DAY
            or reference.point.day is None
            or reference.point.year is None
        ):
            return AnchoredValue(point, Anchor(AnchorKind.NONE), None)
        base = Day(reference.point.year or 0, reference.point.month or 1, reference.point.day)
        direction = meaning.weekday_shift
        delta = (weekday - weekday_of(base)) % 7
        anchor, at = self._anchor_of(reference)
        if meaning.week_shift is not None:
            # "Donnerstag vergangener Woche": that weekday of the week before the anchor's
            day = shift_day(base, weekday - weekday_of(base) + 7 * meaning.week_shift)
        elif direction is None and reference.kind is AnchorKind.DCT:
            # a news text means one day by one weekday name ("am Montagmorgen ... am Montag")
            remembered = self._news_weekdays.get(weekday)
            day = remembered or shift_day(base, self._news_delta(index, delta))
            self._news_weekdays[weekday] = day
        elif direction is None or direction > 0:
            day = shift_day(base, delta or 7)
        else:
            day = shift_day(base, delta - 7 if delta else -7)
        if point.part_of_day is not None:
            if meaning.night_before:
                day = shift_day(day, -1)  # the night to Saturday is Friday's night
            evening = CalendarPoint(
                Grain.PART_OF_DAY, day.year, day.month, day.day, part_of_day=point.part_of_day
            )
            return AnchoredValue(evening, anchor, at)
        if point.hour is not None:
            # "Samstag, 18.30 Uhr": that time of the day
            timed = replace(point, year=day.year, month=day.month, day=day.day, weekday=None)
            return AnchoredValue(timed, anchor, at)
        return AnchoredValue(day_point(day), anchor, at)

    def _news_delta(self, index: int, delta: int) -> int:
        """Days from the DCT to a weekday ``delta`` days ahead of it, as news means it.

        The DCT's own weekday is that day (agency style names the weekday, not
        ``heute``); otherwise the tense chooses the last or the next one, and a
        sentence without a clear tense the nearer one.
        """
        if delta == 0:
            return 0
        tense = self._tense(index)
        if tense is Tense.PAST:
            return delta - 7
        if tense is Tense.FUTURE:
            return delta
        return delta if delta <= 3 else delta - 7


# years: a bare year read after Christ that lies this near a story told BC is AD
_ERA_TURN_REACH = 100


def _bc_first_year(point: CalendarPoint) -> int:
    """The first (astronomical) year of ``point`` read BC: year 478 -> -477, the 2nd
    millennium (1000-1999) -> -1999 (2000-1001 BC)."""
    year = point.year or 0
    if point.grain == Grain.MILLENNIUM:
        return -999 - year
    return 1 - year
