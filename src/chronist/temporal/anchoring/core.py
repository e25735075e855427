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
The resolution itself is in mixins: the dates the text states
(:mod:`~chronist.temporal.anchoring.explicit`), those it counts from another
time (:mod:`~chronist.temporal.anchoring.relative`), and the story's clock they
share (:mod:`~chronist.temporal.anchoring.story`).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import replace

from chronist.temporal.anchoring.explicit import ExplicitDates
from chronist.temporal.anchoring.periods import last_quarter_before, reported_period
from chronist.temporal.anchoring.reference import AnchoredValue, _Reference, timex_like
from chronist.temporal.anchoring.relative import RelativeDates
from chronist.temporal.anchoring.spans_told import date_after_aside, span_around
from chronist.temporal.anchoring.turns import turn_near
from chronist.temporal.calendar_math import (
    apply_shift,
    day_point,
    exists,
    unknown_shift,
)
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


class Anchorer(RelativeDates, ExplicitDates, ABC):
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
            if latest is None and self.reference is not None and self.reference.index == before:
                value = self.reference.point  # "nach drei Monaten" moved the story there
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

    def _period_told(self, index: int, meaning: Shift) -> AnchoredValue | None:
        """``Im 10. Jahrhundert ... in jenem Jahrhundert``: in a story, the century (decade,
        millennium) just told in the paragraph, not the one of the story's year."""
        grain = _PERIOD_GRAIN.get(meaning.unit)
        if grain is None or meaning.amount != 0 or meaning.vague:
            return None
        told = self._last_time_told(index) if self._this_time_is_the_story() else None
        if told is None or not isinstance(told.value, CalendarPoint) or told.value.grain != grain:
            return None
        return told

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
            period = self._period_told(index, meaning)
            if period is not None:
                return period
            reference = self._shift_reference(index, meaning, reference)
        if isinstance(meaning, Anaphor) and meaning.turn:
            turn = None if reference is None else turn_near(reference.point, meaning.turn)
            if turn is None or reference is None:
                return AnchoredValue(RefPoint(Reference.PAST), none, None)
            return AnchoredValue(turn, *self._anchor_of(reference))
        if isinstance(meaning, Anaphor):
            spanned = self._span_told(index) if meaning.period else None
            if spanned is not None:
                return spanned
            aside = self._aside_time(index) if meaning.this_time else None
            if aside is not None:
                return aside
            if meaning.this_time and self._this_time_is_the_story():
                told = self._last_time_told(index)
                if told is not None:
                    return _as_period(told) if meaning.period else told
            if reference is None:
                return AnchoredValue(RefPoint(Reference.PAST), none, None)
            anchor, at = self._anchor_of(reference)
            if meaning.this_time and self._this_time_is_the_story():
                story = AnchoredValue(reference.point, anchor, at)
                if not meaning.period:
                    return story
                # "im Oktober/November 1301 ... ¶ Italien war in dieser Zeit ...": the time
                # of a paragraph before is its year, not the month it ended at
                before = reference.index is not None and not self._stated_since(
                    index, reference, self.paragraphs
                )
                return _as_period(story, Grain.MONTH if before else Grain.DAY)
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

    def _aside_time(self, index: int) -> AnchoredValue | None:
        """``(zu dieser Zeit Vizebürgermeister) 1919``: in a story, the date right after."""
        start = self.sentences.span_of(self.candidates[index].start)[0]
        after = date_after_aside(self.text, self.candidates, index, start)
        if after is None or not self._this_time_is_the_story():
            return None
        at, point = after
        return AnchoredValue(point, Anchor(AnchorKind.TIMEX, None, timex_like(point)), at)

    def _span_told(self, index: int) -> AnchoredValue | None:
        """``von 1935 bis 1939 ... zu dieser Zeit``: in a story, the decade or century
        holding a span of years told beside a period anaphor."""
        if not self._this_time_is_the_story():
            return None
        start = self.paragraphs.span_of(self.candidates[index].start)[0]
        span = span_around(self.text, self.candidates, index, self.cues.range_join, start)
        return None if span is None else AnchoredValue(span, Anchor(self.reference_anchor), None)

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


_PERIOD_GRAIN = {
    Unit.DECADE: Grain.DECADE,
    Unit.CENTURY: Grain.CENTURY,
    Unit.MILLENNIUM: Grain.MILLENNIUM,
}


def _holds(period: CalendarPoint, point: CalendarPoint) -> bool:
    """Whether a century told holds a finer date (both with their years)."""
    if period.grain != Grain.CENTURY or period.year is None or point.year is None:
        return False
    return period.year <= point.year < period.year + 100


def _as_period(told: AnchoredValue, finest: Grain = Grain.DAY) -> AnchoredValue:
    """``zur selben Zeit`` after ``am 30. Juni 1869``: the year, not the day (a season or
    a month told stays: ``Sommer 1816 ... Diese Zeit``); a value of grain ``finest`` or
    finer is cut to its year."""
    value = told.value
    if isinstance(value, CalendarPoint) and value.grain >= finest and value.year is not None:
        return replace(told, value=value.coarsened(Grain.YEAR))
    return told
