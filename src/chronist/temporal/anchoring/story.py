"""The story's clock: when a date told moves the reference time others count from.

A date moves the story unless it is a bound (``bis 1953``), a look back or aside
(in parentheses, a relative or pluperfect clause while the paragraph has a date),
a later vantage point (``Im Mai 2011 erklärte der Historiker``), a jump the
text does not confirm, or outside the years its section is about. The mixin
:class:`StoryClock` holds these decisions for :class:`~chronist.temporal.
anchoring.core.Anchorer`, which provides the state and the policy's hooks.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from bisect import bisect_right

from chronist.temporal.anchoring.reference import AnchoredValue, _Reference, timex_like
from chronist.temporal.discourse import (
    antecedent_continues,
    background_clause,
    dates_what_it_follows,
    in_parentheses,
)
from chronist.temporal.discourse_cues import DiscourseCues
from chronist.temporal.engine import Candidate
from chronist.temporal.meaning import Anaphor, Deictic, Explicit, Shift
from chronist.temporal.mention import Anchor, AnchorKind
from chronist.temporal.values import CalendarPoint, Day, Duration, Grain, Resolved
from chronist.text.segment import SpanIndex

__all__ = ["StoryClock"]

FAR_JUMP_YEARS = 10
# between a date and one in parentheses right after it
_RIGHT_AFTER_IN_PARENTHESES = re.compile(r"\s*\(\s*")
NON_MOVING_BOUNDS = frozenset({"until", "before", "after", "latest", "earliest", "since"})


class StoryClock(ABC):
    """Moves the story's reference time as dates are told (a mixin of the anchorer)."""

    text: str
    cues: DiscourseCues
    candidates: list[Candidate]
    dct: Day | None
    paragraphs: SpanIndex
    sentences: SpanIndex
    reference: _Reference | None
    reference_anchor: AnchorKind
    _deictic_year: dict[tuple[int, int], tuple[int, int]]
    _results: list[AnchoredValue]
    _after_christ_at: int
    _stated_years: list[tuple[int, int]]
    _stated_at: list[int]

    # the policy's hooks and the resolution's look-ups, defined by the anchorer
    @abstractmethod
    def _section_years(self, index: int) -> tuple[int, int] | None: ...

    @abstractmethod
    def _deictic_day_told(self, candidate: Candidate, value: CalendarPoint) -> bool: ...

    @abstractmethod
    def _clause_window(self, index: int, start: int, end: int) -> tuple[int, int]: ...

    @abstractmethod
    def _appositive_date(self, index: int) -> AnchoredValue | None: ...

    @abstractmethod
    def _related_date(self, index: int) -> AnchoredValue | None: ...

    def _note_era(self, index: int, candidate: Candidate, value: Resolved | None) -> None:
        meaning = candidate.meaning
        if not isinstance(meaning, Explicit) or meaning.era_open or meaning.two_digit:
            return
        if isinstance(value, CalendarPoint) and value.year is not None and value.year > 0:
            self._after_christ_at = index

    def _note_deictic_year(self, index: int, candidate: Candidate, value: Resolved | None) -> None:
        meaning = candidate.meaning
        if not isinstance(meaning, Deictic) or not meaning.amount:
            return
        if isinstance(value, CalendarPoint) and value.year is not None:
            if self.dct is not None and value.year == self.dct.year:
                return  # "gestern": the year of writing says nothing the tense would not
            sentence = self.sentences.span_of(candidate.start)
            self._deictic_year[sentence] = (index, value.year)

    def _step_by_length(self, index: int, candidate: Candidate, length: Duration) -> bool:
        """``Nach drei Monaten ...``: whether the policy stepped the story's clock by a
        length (a narrative's does; news keeps the time of writing)."""
        return False

    def _maybe_move(self, index: int, candidate: Candidate, anchored: AnchoredValue) -> None:
        value = anchored.value
        if isinstance(value, Duration):
            self._step_by_length(index, candidate, value)
            return
        if not isinstance(value, CalendarPoint):
            return
        if value.year is None:
            if self._yearless_story_day(index, candidate, value):
                self.reference = _Reference(value, index, AnchorKind.TIMEX)
            return
        if isinstance(candidate.meaning, Anaphor):
            return
        if candidate.bound in NON_MOVING_BOUNDS and not self._ends_range_told(index):
            return
        if self._within_story_time(value) or self._restates_date_before(index):
            return
        if (
            candidate.bound == "from"
            and value.grain < Grain.MONTH
            and not self._range_follows(candidate)
        ):
            return  # "die Deklaration von Paris von 1856": an attribute, not the story's time
        # a month or day after "vom" dates a happening the story tells ("der Befehl vom
        # 2. März 1945"): the story is at that time
        sentence = self.sentences.span_of(candidate.start)
        if in_parentheses(self.text, sentence[0], candidate.start) and not (
            value.grain >= Grain.MONTH
            and dates_what_it_follows(self.text, *sentence[:1], candidate.start)
            and not self._long_span_in_parentheses(candidate, sentence)
        ):
            return  # a look aside ("(bis 1671 Abt in Z)"), not a date of what it follows
        if self._later_vantage(value.year, sentence):
            return
        if (
            value.grain == Grain.YEAR
            and not self._jump_confirmed(index, value.year)
            and not self._continued(candidate, sentence)
        ):
            return
        section = self._section_years(index)
        if section is not None and not section[0] <= value.year <= section[1]:
            later = self._next_stated_year(index)
            if later is not None and section[0] <= later <= section[1]:
                return  # a look beyond the years the section is about: the text comes back
        if isinstance(candidate.meaning, Deictic) and self._deictic_day_told(candidate, value):
            self.reference = _Reference(value, index, AnchorKind.TIMEX)
            return  # "He met the mayor today. Later in the day ...": that day
        if isinstance(candidate.meaning, Deictic) or value.grain < Grain.YEAR:
            return
        if isinstance(candidate.meaning, Shift) and candidate.meaning.vague:
            return  # "wenige Tage später" says nothing the anchor did not
        if isinstance(candidate.meaning, Shift) and candidate.meaning.amount < 0:
            return  # a flashback ("zwei Jahre zuvor") does not move the story
        if value.grain >= Grain.MONTH and value.month is None:
            return  # "zwei Tage später" from a year alone says nothing new
        if value.grain >= Grain.DAY and value.day is None:
            return
        # last: it reads the tokens around the date. A date in a relative or pluperfect
        # clause is a look aside while the paragraph has a date of its own; the first
        # date of a paragraph without one sets its time ("OS/2, dessen Version 1.0 im
        # Jahr 1987 erschien ... erst Jahre später")
        dated_paragraph = self.reference is None or self._stated_since(
            index, self.reference, self.paragraphs
        )
        background = background_clause(
            self.text, sentence, candidate.start, candidate.end, self.cues
        )
        if background == "pluperfect" and self.reference is not None:
            return  # a flashback in the pluperfect, in any paragraph: the story stays
        if (
            dated_paragraph
            and background is not None
            and not self._next_day_told(value)
            and not (background == "relative" and self._continued(candidate, sentence))
        ):
            return
        self.reference = _Reference(value, index, AnchorKind.TIMEX)

    def _continued(self, candidate: Candidate, sentence: tuple[int, int]) -> bool:
        """The next sentence names again the word the date's relative clause describes
        (``Constables (1776-1837), der ... im Jahr 1820 besuchte. Constable schuf ...``):
        it goes on at that clause's time."""
        following = self.sentences.span_of(sentence[1] + 1)
        if following[0] < sentence[1]:
            return False  # the last sentence
        return antecedent_continues(self.text, sentence, candidate.start, following, self.cues)

    def _long_span_in_parentheses(self, candidate: Candidate, sentence: tuple[int, int]) -> bool:
        """``Nicolas (22. November 1855 bis 22. Februar 1942)``: dates in one parenthesis
        more than a few years apart are a life or a long period beside the story."""
        opened = self.text.rfind("(", sentence[0], candidate.start)
        closed = self.text.find(")", candidate.end, sentence[1])
        if opened < 0 or closed < 0:
            return False
        years = [
            other.meaning.point.year
            for other in self.candidates
            if opened < other.start < closed
            and isinstance(other.meaning, Explicit)
            and other.meaning.point.year is not None
        ]
        return len(years) > 1 and max(years) - min(years) > FAR_JUMP_YEARS

    def _next_day_told(self, value: CalendarPoint) -> bool:
        """``... zu den Überlebenden der Schlacht, die vom 15. bis 19. Juli ausgetragen
        wurde``: a relative clause (not in the pluperfect) that tells a later month or day
        of the story's year tells the story's next step, not a look aside."""
        story = self.reference
        if story is None or story.kind is AnchorKind.DCT or value.month is None:
            return False
        point = story.point
        if point.year != value.year or point.grain < Grain.MONTH or point.month is None:
            return False
        return (value.month, value.day or 0) > (point.month, point.day or 0)

    def _ends_range_told(self, index: int) -> bool:
        """``Vom 11. bis 15. September fanden Gespräche statt. Am selben Tag ...``: once a
        range's start has moved the story, its end is where the story is."""
        candidate = self.candidates[index]
        if candidate.bound != "until" or index == 0:
            return False
        previous = self.candidates[index - 1]
        if previous.bound != "from" or self.reference is None or self.reference.index != index - 1:
            return False
        return self.cues.range_join.match(self.text[previous.end : candidate.start]) is not None

    def _restates_date_before(self, index: int) -> bool:
        """``am 7. November (25. Oktober nach julianischem Kalender)``: a date in
        parentheses right after a date says it again (another calendar, another
        notation); the story stays at the first."""
        if index == 0:
            return False
        gap = self.text[self.candidates[index - 1].end : self.candidates[index].start]
        return _RIGHT_AFTER_IN_PARENTHESES.fullmatch(gap) is not None

    def _within_story_time(self, value: CalendarPoint) -> bool:
        """``Am 29. Dezember ... zum Jahreswechsel``: a coarser time that holds the
        story's time says nothing new; the story keeps its day."""
        story = self.reference
        if story is None or story.kind is AnchorKind.DCT or value.grain >= story.point.grain:
            return False
        return story.point.coarsened(value.grain) == value

    def _yearless_story_day(self, index: int, candidate: Candidate, value: CalendarPoint) -> bool:
        """``Am 1. August ... Tags darauf ... Am Abend``: in a story that never states its
        year, a day and month told are the story's clock (days count from it, the year
        stays unknown); while a year is known or stated later, that year is the clock."""
        if self.dct is not None or value.month is None or value.day is None:
            return False
        if self.reference is not None and self.reference.point.year is not None:
            return False
        if candidate.bound in NON_MOVING_BOUNDS or self._next_stated_year(index) is not None:
            return False
        sentence = self.sentences.span_of(candidate.start)
        return not in_parentheses(self.text, sentence[0], candidate.start)

    def _later_vantage(self, year: int, sentence: tuple[int, int]) -> bool:
        """``Im Mai 2011 erklärte der Historiker ...``: a report about the story, long after
        it, does not move the story's clock; the next date returns to the story."""
        current = self.reference.point.year if self.reference else None
        if current is None:
            # no time told yet: a vantage is no story's start while the story states its
            # own years later (a look ahead finds them)
            later = self._next_stated_year_after(sentence[1])
            if later is None or later >= year:
                return False
        elif year - current <= FAR_JUMP_YEARS:
            return False
        return self.cues.vantage.search(self.text, *sentence) is not None

    def _next_stated_year_after(self, offset: int) -> int | None:
        """The first year stated after ``offset`` in the text."""
        for at, year in self._stated_years:
            if self.candidates[at].start >= offset:
                return year
        return None

    def _stated_since(self, index: int, reference: _Reference, spans: SpanIndex) -> bool:
        """The reference is a date stated in this candidate's sentence or paragraph (``spans``)."""
        if reference.index is None or reference.kind is AnchorKind.DCT:
            return False
        span = spans.span_of(self.candidates[index].start)
        return self.candidates[reference.index].start >= span[0]

    def _writes_year(self, reference: _Reference) -> bool:
        """The reference is a date whose year is written out, not inferred ("Jan. 2")."""
        if reference.index is None:
            return False
        meaning = self.candidates[reference.index].meaning
        return isinstance(meaning, Explicit) and meaning.fill is None

    def _recent_bound_year(self, index: int, point: CalendarPoint) -> tuple[int, int] | None:
        """``Bis März 1776 hatte er ... Am 4. März``: the year of the bound month just named."""
        paragraph = self.paragraphs.span_of(self.candidates[index].start)
        for previous in range(index - 1, max(-1, index - 4), -1):
            other = self.candidates[previous]
            if other.start < paragraph[0]:
                return None
            meaning = other.meaning
            if (
                other.bound in NON_MOVING_BOUNDS
                and isinstance(meaning, Explicit)
                and meaning.fill is None
                and meaning.point.year is not None
                and meaning.point.month is not None
                and meaning.point.month == point.month
            ):
                return previous, meaning.point.year
        return None

    def _jump_confirmed(self, index: int, year: int) -> bool:
        """A bare year far from the story's time moves it only if the next stated year agrees.

        ``im Deutsch-Französischen Krieg 1870/71`` in a passage on 1914 is a look
        back; the next year the text states shows whether the story moved.
        """
        current = self.reference.point.year if self.reference else None
        if current is None or abs(year - current) <= FAR_JUMP_YEARS:
            return True
        later = self._next_stated_year(index, exact=True)
        if later is None:
            # a late step forward ends the story; a look back does not, unless it is
            # the first date of a paragraph ("¶ ... deren erster Bogen im Jahr 1820 fertig
            # wurde. Erst Jahre später ...")
            return year > current or self._first_of_paragraph(index)
        if abs(later - year) <= abs(later - current):
            return True
        # "Im Jahr 800 ... ¶ Um 1020 v. Chr. ... Im Jahr 980": a story moved before Christ
        # goes on in years whose era is not written again
        return (
            year <= 0
            and self._era_open_next(index)
            and abs(1 - later - year) <= abs(later - current)
        )

    def _first_of_paragraph(self, index: int) -> bool:
        start = self.paragraphs.span_of(self.candidates[index].start)[0]
        return index == 0 or self.candidates[index - 1].start < start

    def _era_open_next(self, index: int) -> bool:
        """The next stated year or finer date does not write its era."""
        following = bisect_right(self._stated_at, index)
        for at, _ in self._stated_years[following:]:
            meaning = self.candidates[at].meaning
            if isinstance(meaning, Explicit) and meaning.point.grain >= Grain.YEAR:
                return meaning.era_open
        return False

    def _around(self, index: int) -> str:
        """The sentence of a candidate, at most a few hundred characters either side of it."""
        candidate = self.candidates[index]
        start, end = self._clause_window(index, *self.sentences.span_of(candidate.start))
        return self.text[max(start, candidate.start - 400) : min(end, candidate.end + 400)]

    def _next_stated_year(self, index: int, exact: bool = False) -> int | None:
        """The first year stated after ``index``; ``exact``: of a year or a finer date (a
        century, ``Ende des 19. Jahrhunderts``, names no year to confirm a jump by)."""
        following = bisect_right(self._stated_at, index)
        for at, year in self._stated_years[following:]:
            meaning = self.candidates[at].meaning
            if not exact or (isinstance(meaning, Explicit) and meaning.point.grain >= Grain.YEAR):
                return year
        return None

    def _range_follows(self, candidate: Candidate) -> bool:
        return self.cues.range_end.match(self.text, candidate.end) is not None

    def _coordinated_year(self, index: int) -> tuple[int, int] | None:
        """``im Spätsommer und Herbst 1940``: the year of a date joined to this one."""
        candidate = self.candidates[index]
        for following in range(index + 1, min(index + 3, len(self.candidates))):
            other = self.candidates[following]
            gap = self.text[candidate.end : other.start]
            if not self.cues.coordination.match(gap):
                return None
            meaning = other.meaning
            if (
                isinstance(meaning, Explicit)
                and meaning.fill is None
                and meaning.point.year is not None
            ):
                return following, meaning.point.year
            candidate = other
        return None

    def _anchor_of(self, reference: _Reference) -> tuple[Anchor, int | None]:
        if reference.kind is AnchorKind.DCT:
            return Anchor(AnchorKind.DCT, None, timex_like(reference.point)), None
        kind = self.reference_anchor
        if reference.kind is AnchorKind.NARRATIVE:
            kind = AnchorKind.NARRATIVE
        return Anchor(kind, None, timex_like(reference.point)), reference.index
