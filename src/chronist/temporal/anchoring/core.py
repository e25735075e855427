"""The anchoring pass: underspecified meanings become values, with provenance.

:class:`Anchorer` resolves a document's candidates in text order with the
calendar arithmetic both kinds of text share (explicit dates, weekdays, the
next or last such month, shifts, two-digit years); a policy decides what a
relative or yearless expression is counted from:

- :class:`~chronist.temporal.anchoring.news.NewsAnchorer`: the document
  creation time (DCT) and the tense of the clause;
- :class:`~chronist.temporal.anchoring.narrative.NarrativeAnchorer`: a moving
  reference time, the story's clock, with look-ahead and section headings.

The points where the two differ are the methods a policy overrides, each
documented here. Every value records the anchor it used (:class:`Anchor`).
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from dataclasses import replace

from chronist.temporal.anchoring.clock import clock_time_day
from chronist.temporal.anchoring.periods import last_quarter_before, reported_period
from chronist.temporal.anchoring.reference import AnchoredValue, _Reference, around_year, timex_like
from chronist.temporal.anchoring.story import StoryClock
from chronist.temporal.calendar_math import (
    apply_shift,
    day_point,
    exists,
    feast_point,
    fill_from_anchor,
    turn_of_year,
    unknown_shift,
)
from chronist.temporal.day_spans import point_span, shift_day, weekday_of
from chronist.temporal.discourse import (
    sentence_tense,
)
from chronist.temporal.discourse_cues import DiscourseCues
from chronist.temporal.engine import Candidate
from chronist.temporal.meaning import Anaphor, Deictic, Explicit, Fixed, Shift
from chronist.temporal.mention import Anchor, AnchorKind
from chronist.temporal.values import (
    CalendarPoint,
    Day,
    Grain,
    PartOfDay,
    Reference,
    RefPoint,
    Resolved,
    Unit,
)
from chronist.text.document import DocumentKind
from chronist.text.segment import SpanIndex
from chronist.text.verbs import Tense

Kind = DocumentKind

# how far after the DCT a date in a past-tense news sentence may lie
_PAST_TENSE_REACH_DAYS = 14
# ... if it is a day: a past-tense plan for a day ahead ("invited them to a ceremony
# on March 12", "subpoenaed him to testify on Feb. 10")
_PAST_TENSE_DAY_REACH_DAYS = 45
# how far back a quarter compared with "a year earlier" may have been named
_COMPARED_PERIOD_REACH = 1000
# how far back the period a report is about ("the quarter") may have been named
_REPORTED_PERIOD_REACH = 3000
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


class Anchorer(StoryClock, ABC):
    """Resolves a document's candidates in text order; a subclass is the policy."""

    kind: Kind
    # what a value counted from the story's reference is anchored to
    reference_anchor = AnchorKind.TIMEX

    def __init__(
        self,
        text: str,
        candidates: list[Candidate],
        dct: Day | None,
        paragraphs: SpanIndex,
        sentences: SpanIndex,
        cues: DiscourseCues,
        previous: Anchorer | None = None,
    ) -> None:
        self.text = text
        self.cues = cues
        self.candidates = candidates
        self.dct = dct
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.reference: _Reference | None = None
        # a year a sentence names relative to the DCT ("vor zwei Jahren"), by sentence
        self._deictic_year: dict[tuple[int, int], tuple[int, int]] = {}
        # counted from the DCT, the day each weekday name was resolved to
        self._news_weekdays: dict[int, Day] = {}
        self._results: list[AnchoredValue] = []  # the values resolved so far
        # the last date stated after Christ by its era or four digits ("2. Jahrhundert
        # n. Chr.", "1979"): bare years after it are not read BC any more
        self._after_christ_at = -1
        if previous is not None and previous.reference is not None:
            # the story's time carries over from the text before (a block of a long text)
            carried = previous.reference
            self.reference = _Reference(carried.point, None, carried.kind)
        self._stated_years = [
            (i, c.meaning.point.year)
            for i, c in enumerate(candidates)
            if isinstance(c.meaning, Explicit)
            and c.meaning.point.year is not None
            and not c.meaning.two_digit
            and c.meaning.fill is None
        ]
        self._stated_at = [i for i, _ in self._stated_years]

    # --- the policy: where news and narrative differ ------------------------------

    @abstractmethod
    def _context_reference(self, index: int) -> _Reference | None:
        """What a relative or yearless expression is resolved against."""

    def _section_years(self, index: int) -> tuple[int, int] | None:
        """The years a section heading confines this candidate to, if any."""
        return None

    def _fixed_anchor(self, value: Resolved) -> Anchor:
        """The anchor of a value the text fixes by itself (``heute`` as PRESENT_REF)."""
        return Anchor(AnchorKind.NONE)

    def _compared_period(self, index: int, meaning: Deictic | Shift) -> AnchoredValue | None:
        """A relative expression that compares a period with another one, if it is one."""
        return None

    def _clause_window(self, index: int, start: int, end: int) -> tuple[int, int]:
        """The stretch of its sentence whose tense dates a candidate."""
        return start, end

    def _tense(self, index: int) -> Tense:
        """The tense that chooses which way a candidate's date goes from the DCT."""
        return sentence_tense(self._around(index), self.cues)

    def _decade_year(self, year: int) -> int:
        """The first year of a two-digit decade (``die 90er``) in the chosen century."""
        return year

    def _weekday_reference(self, reference: _Reference | None) -> _Reference | None:
        """What a weekday without a date (``am Mittwoch``) is counted from."""
        return reference

    def _occurrence_reference(
        self, meaning: Explicit, reference: _Reference | None
    ) -> _Reference | None:
        """What ``im kommenden Frühjahr`` is counted from."""
        return reference

    def _yearless(
        self,
        index: int,
        meaning: Explicit,
        reference: _Reference,
        filled: CalendarPoint,
        anchored: tuple[Anchor, int | None],
    ) -> tuple[CalendarPoint, tuple[Anchor, int | None]]:
        """A date without a year once filled from the reference: the policy's last word."""
        return filled, anchored

    def _month_reference(
        self, meaning: Explicit, reference: _Reference | None
    ) -> _Reference | None:
        """What ``Anfang des Monats``, ``am 15.`` takes its month from: the policy's word."""
        return reference

    def _shift_reference(
        self, index: int, meaning: Shift, reference: _Reference | None
    ) -> _Reference | None:
        """What ``im folgenden Jahr``, ``am Abend`` is counted from: the policy's last word."""
        return reference

    def _anaphor_told_as_past(self) -> bool:
        """Whether ``damals`` is written PAST_REF (the anchor keeps the time it points to)."""
        return False

    def _last_time_told(self, index: int) -> AnchoredValue | None:
        """The last date before ``index`` in its paragraph, at its own grain (a century
        does not move the story's clock, but ``aus dieser Zeit`` after it is that century).

        A period told earlier in the paragraph that holds that date is the time meant:
        ``Im 18. Jahrhundert ... im Jahr 1776 ... In dieser Zeit`` is the century."""
        paragraph_start = self.paragraphs.span_of(self.candidates[index].start)[0]
        latest: tuple[int, CalendarPoint] | None = None
        for before in range(min(index, len(self._results)) - 1, -1, -1):
            if self.candidates[before].start < paragraph_start:
                break
            value = self._results[before].value
            if not isinstance(value, CalendarPoint) or value.year is None:
                continue
            if latest is None:
                latest = (before, value)
                if value.grain <= Grain.CENTURY:
                    break
            elif _holds(value, latest[1]):
                latest = (before, value)
                break
        if latest is None:
            return None
        told = _Reference(latest[1], latest[0], self.reference_anchor)
        anchor, at = self._anchor_of(told)
        return AnchoredValue(latest[1], anchor, at)

    def _this_time_is_the_story(self) -> bool:
        """Whether ``in dieser Zeit`` is the time the text is at (a history), not the present."""
        return False

    def _deictic_from_dct(self, meaning: Deictic) -> bool:
        """Whether ``gestern``, ``vor zwei Jahren`` count from the DCT (when there is one)."""
        return meaning.unit is not Unit.DAY

    def _deictic_day_told(self, candidate: Candidate, value: CalendarPoint) -> bool:
        """Whether ``today``, ``yesterday`` is a day the story is then told at."""
        return False

    def _present_day(self, meaning: Deictic) -> AnchoredValue | None:
        """``heute`` as a time of its own (PRESENT_REF in a story), if the policy says so."""
        return None

    # --- the reference time ---------------------------------------------------

    def _dct_reference(self) -> _Reference | None:
        return None if self.dct is None else _Reference(day_point(self.dct), None, AnchorKind.DCT)

    def resolve_all(self) -> list[AnchoredValue]:
        results = self._results
        for index, candidate in enumerate(self.candidates):
            anchored = (
                self._appositive_date(index)
                or self._related_date(index)
                or self._resolve(index, candidate)
            )
            if not exists(anchored.value):
                # "Am 5. September ... Am 31.": no 31 September; the day stays unplaced
                said = candidate.meaning
                unplaced = said.point if isinstance(said, Explicit) and exists(said.point) else None
                anchored = AnchoredValue(unplaced, Anchor(AnchorKind.NONE), None)
            results.append(anchored)
            self._note_era(index, candidate, anchored.value)
            self._maybe_move(index, candidate, anchored)
            self._note_deictic_year(index, candidate, anchored.value)
        return results

    # --- resolution ---------------------------------------------------------------

    def _resolve(self, index: int, candidate: Candidate) -> AnchoredValue:
        meaning = candidate.meaning
        none = Anchor(AnchorKind.NONE)
        if isinstance(meaning, Fixed):
            fixed = meaning.value
            if meaning.in_news is not None and self.kind is Kind.NEWS:
                fixed = meaning.in_news
            return AnchoredValue(fixed, self._fixed_anchor(fixed), None)
        if isinstance(meaning, Explicit):
            return self._resolve_explicit(index, candidate, meaning)
        if isinstance(meaning, Shift) and meaning.vague:
            return self._resolve_vague_shift(index, meaning)
        if isinstance(meaning, Deictic | Shift):
            compared = self._compared_period(index, meaning)
            if compared is not None:
                return compared
        if isinstance(meaning, Deictic):
            return self._resolve_deictic(index, meaning)
        if isinstance(meaning, Anaphor) and meaning.reported_period:
            period = self._reported_period(index)
            if period is not None:
                return period
        reference = self._context_reference(index)
        if isinstance(meaning, Shift):
            reference = self._shift_reference(index, meaning, reference)
        if isinstance(meaning, Anaphor):
            if meaning.this_time and self._this_time_is_the_story():
                told = self._last_time_told(index)
                if told is not None:
                    return _as_period(told) if meaning.period else told
            if reference is None:
                return AnchoredValue(RefPoint(Reference.PAST), none, None)
            anchor, at = self._anchor_of(reference)
            if meaning.this_time and self._this_time_is_the_story():
                story = AnchoredValue(reference.point, anchor, at)
                return _as_period(story) if meaning.period else story
            if meaning.as_present:
                return AnchoredValue(RefPoint(Reference.PRESENT), anchor, at)
            if reference.kind is AnchorKind.DCT or (meaning.past and self._anaphor_told_as_past()):
                # "damals" in news, no time told before it: some time before writing
                return AnchoredValue(RefPoint(Reference.PAST), anchor, at)
            return AnchoredValue(reference.point, anchor, at)
        if reference is None:
            return AnchoredValue(unknown_shift(meaning), none, None)
        anchor, at = self._anchor_of(reference)
        if (
            meaning.part_of_day is PartOfDay.NIGHT
            and meaning.amount == 0
            and self._told_before_writing(index, reference)
        ):
            # "wurde in der Nacht gestoppt", written the next day: the night before
            meaning = replace(meaning, amount=-1)
        if meaning.weekend:
            meaning = self._weekend_from(index, meaning, reference)
        return AnchoredValue(apply_shift(reference.point, meaning), anchor, at)

    def _reported_period(self, index: int, named_only: bool = False) -> AnchoredValue | None:
        """``the quarter``, ``the latest period``: the quarter the report named, else
        (counted from the DCT) the last quarter that ended before it was written."""
        values = [result.value for result in self._results]
        named = reported_period(self.candidates, values, index, _REPORTED_PERIOD_REACH, self.dct)
        if named is not None:
            at, value = named
            return AnchoredValue(value, Anchor(AnchorKind.TIMEX, None, timex_like(value)), at)
        if self.dct is None or named_only:
            return None
        return AnchoredValue(
            last_quarter_before(self.dct), Anchor(AnchorKind.DCT, None, self.dct.iso()), None
        )

    def _clock_day(self, index: int, point: CalendarPoint) -> AnchoredValue | None:
        """``jeweils 20 Uhr`` after several days: no day; ``morgen ab 12 Uhr``: that day."""
        candidate = self.candidates[index]
        clause_start = self._clause_window(index, *self.sentences.span_of(candidate.start))[0]
        values = [result.value for result in self._results]
        said = clock_time_day(self.text, self.candidates, values, index, clause_start, self.cues)
        if said is None:
            return None
        if said.several or said.day_at is None:
            return AnchoredValue(point, Anchor(AnchorKind.NONE), None)
        day = values[said.day_at]
        assert isinstance(day, CalendarPoint)
        timed = replace(point, year=day.year, month=day.month, day=day.day)
        return AnchoredValue(timed, Anchor(AnchorKind.TIMEX, None, timex_like(day)), said.day_at)

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
        if meaning.from_writing and self.kind is Kind.NEWS:
            reference = self._dct_reference()
        else:
            reference = self._context_reference(index)
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
        ):
            # a date without a year lies in the years its section's heading names
            year = min(max(filled.year, section[0]), section[1])
            filled = replace(filled, year=year)
        filled, (anchor, at) = self._yearless(index, meaning, reference, filled, (anchor, at))
        if meaning.feast is not None and filled.year is not None:
            filled = feast_point(filled.year, meaning.feast)
        return AnchoredValue(filled, anchor, at)

    def _resolve_occurrence(
        self, point: CalendarPoint, occurrence: int, reference: _Reference
    ) -> AnchoredValue:
        """The next, last or current such month or season from the reference day.

        ``im kommenden Frühjahr`` is the first spring not yet begun, ``im
        vergangenen Sommer`` the last summer already over, ``diesen Sommer`` the
        one the reference lies in, else the one of the reference's year.
        """
        year = reference.point.year or 0
        reference_span = point_span(reference.point)
        day = reference_span[0] if reference_span else Day(year, 1, 1)
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
        if direction is None and reference.kind is AnchorKind.DCT:
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


def _bc_first_year(point: CalendarPoint) -> int:
    """The first (astronomical) year of ``point`` read BC: year 478 -> -477, the 2nd
    millennium (1000-1999) -> -1999 (2000-1001 BC)."""
    year = point.year or 0
    if point.grain == Grain.MILLENNIUM:
        return -999 - year
    return 1 - year


def _holds(period: CalendarPoint, point: CalendarPoint) -> bool:
    """Whether a century told holds a finer date (both with their years)."""
    if period.grain != Grain.CENTURY or period.year is None or point.year is None:
        return False
    return period.year <= point.year < period.year + 100


def _as_period(told: AnchoredValue) -> AnchoredValue:
    """``zur selben Zeit`` after ``am 30. Juni 1869``: the year, not the day (a season or
    a month told stays: ``Sommer 1816 ... Diese Zeit``)."""
    value = told.value
    if isinstance(value, CalendarPoint) and value.grain >= Grain.DAY and value.year is not None:
        return replace(told, value=value.coarsened(Grain.YEAR))
    return told
