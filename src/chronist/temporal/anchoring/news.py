"""The news policy: an article is told from its creation time.

Expressions without a year, and deictic ones (``gestern``, ``am Mittwoch``),
resolve against the document creation time (DCT), the tense of the clause
choosing the direction (``am Sonntag`` in a past-tense report is the last
Sunday before writing); one weekday name is one day throughout an article; a
period compared with ``a year earlier`` is that period of the other year.
"""

from __future__ import annotations

from dataclasses import replace

from chronist.temporal.anchoring.core import (
    _COMPARED_PERIOD_REACH,
    _PAST_TENSE_DAY_REACH_DAYS,
    _PAST_TENSE_REACH_DAYS,
    Anchorer,
    Kind,
)
from chronist.temporal.anchoring.news_told import counts_from_writing, day_told_since
from chronist.temporal.anchoring.periods import reported_period
from chronist.temporal.anchoring.reference import (
    AnchoredValue,
    _Reference,
    around_year,
    timex_like,
)
from chronist.temporal.calendar_math import feast_day, ordinal_distance
from chronist.temporal.day_spans import days_between, point_span
from chronist.temporal.engine import Candidate
from chronist.temporal.meaning import Deictic, Explicit, Shift
from chronist.temporal.mention import Anchor, AnchorKind
from chronist.temporal.values import CalendarPoint, Day, Grain, Reference, RefPoint, Resolved, Unit
from chronist.text.verbs import Tense, read_verbs, tense_facts

__all__ = ["NewsAnchorer"]

# how long after its end a quarter or half-year is still the one a report is about
_REPORTING_DAYS = 62
# the grain a date told must have for a shift by a week or more to be counted from it
# ("am nächsten Morgen" after a year told is a morning of that year, not of writing)
_SHIFT_GRAIN = {
    Unit.WEEK: Grain.WEEK,
    Unit.MONTH: Grain.MONTH,
    Unit.QUARTER: Grain.MONTH,
    Unit.YEAR: Grain.YEAR,
}
# at most so many words between the comma and the verb of a report set after its
# clause (", an official from the organization said"): the reporter, not a clause
_REPORTER_WORDS = 7


class NewsAnchorer(Anchorer):
    """Anchoring in an article: the DCT and the tense of the clause."""

    kind = Kind.NEWS
    reference_anchor = AnchorKind.TIMEX

    def _context_reference(self, index: int) -> _Reference | None:
        if self.reference is not None and self.reference.kind is not AnchorKind.DCT:
            return self.reference
        return self._dct_reference()

    def _fixed_anchor(self, value: Resolved) -> Anchor:
        if isinstance(value, RefPoint) and value.reference is Reference.PRESENT and self.dct:
            return Anchor(AnchorKind.DCT, None, self.dct.iso())
        return Anchor(AnchorKind.NONE)

    def _anaphor_told_as_past(self) -> bool:
        # KRAUTS: "damals" in an article is PAST_REF; its anchor is the time it refers to
        return True

    def _compared_period(self, index: int, meaning: Deictic | Shift) -> AnchoredValue | None:
        return self._same_period_years_away(index, meaning)

    def _clause_window(self, index: int, start: int, end: int) -> tuple[int, int]:
        candidate = self.candidates[index]
        # a web article's headline, dateline and teaser are lines of their own,
        # and the clauses of "...; am Freitag hatte es" have their own tense
        for mark in ("\n", ";"):
            start = max(start, self.text.rfind(mark, start, candidate.start) + 1)
            mark_at = self.text.find(mark, candidate.end, end)
            end = end if mark_at < 0 else mark_at
        # "..., die brisant war: Wie sehr soll man ...?": a sentence of its own
        for found in self.cues.sentence_mark.finditer(self.text, start, candidate.start):
            start = found.end()
        after_mark = self.cues.sentence_mark.search(self.text, candidate.end, end)
        end = end if after_mark is None else after_mark.start()
        # "the company said the dividend is payable Jan. 2": the reported clause
        # has its own tense ("said Tuesday" dates the saying itself)
        # ("said Tuesday", "said on Tuesday": the report's match takes the date in)
        reports = [
            found
            for found in self.cues.report.finditer(self.text, start, candidate.end)
            if found.start() < candidate.start
        ]
        if (
            reports
            and reports[-1].end() < candidate.end
            and self.text[reports[-1].end() : candidate.start].split()
        ):
            start = reports[-1].end()
        # "NATO will admit them in early March, an official said on Wednesday": a
        # report set after the clause, behind a comma, is not its tense either
        after = self.cues.report.search(self.text, candidate.end, end)
        if after is not None:
            comma = self.text.rfind(",", candidate.end, after.start())
            if comma >= 0 and len(self.text[comma : after.start()].split()) <= _REPORTER_WORDS:
                end = comma
        return start, end

    def _tense(self, index: int) -> Tense:
        """The tense of the clause a date stands in, else of its sentence.

        ``still had not signed ... when the case is heard in May``: the clause
        that ``when`` opens is in the present, so May is the coming one, whatever
        the sentence's main verb says. A clause is read from the nearest opener
        before the date whose words up to the next opener or clause break after
        it hold a verb that says a tense (``since March`` holds none, so ``which
        has been on patrol since March`` is read); with none, the sentence decides.
        A date after a decision (``has decided to admit them in early March``) lies
        ahead. A date after ``since`` has begun by the time of writing, and one that owns a
        noun (``Thursday's closing price``) in a clause without a tense lies before it.
        """
        candidate = self.candidates[index]
        if self.cues.begun_before.search(self.text, max(0, candidate.start - 20), candidate.start):
            return Tense.PAST  # "since August": begun before writing
        window_start = self._clause_window(index, *self.sentences.span_of(candidate.start))[0]
        if self.cues.prospective.search(self.text, window_start, candidate.start):
            return Tense.FUTURE  # "has decided to admit them in early March"
        local = self._local_clause_tense(index)
        tense = super()._tense(index) if local is None else local
        if tense is Tense.PRESENT and self.cues.possessive_after.match(self.text, candidate.end):
            return Tense.PAST  # "a premium over Thursday's closing price"
        if (
            tense is Tense.PRESENT
            and isinstance(candidate.meaning, Explicit)
            and candidate.meaning.point.weekday is not None
            and self.cues.present_verb_after.match(self.text, candidate.end)
            and self.cues.opens_sentence.fullmatch(self.text, window_start, candidate.start)
        ):
            return Tense.FUTURE  # "Am Dienstag beginnt der Prozess"
        if tense is Tense.PRESENT and self._heads_a_line(candidate):
            return Tense.FUTURE  # "Sonntag: Festgottesdienst um 10 Uhr"
        if tense is Tense.PRESENT and self.cues.scheduled_before.search(
            self.text, max(0, candidate.start - 20), candidate.start
        ):
            return Tense.FUTURE  # "sagt für Mittwoch 930 Flüge ab": what it is set for
        return tense

    def _heads_a_line(self, candidate: Candidate) -> bool:
        """A weekday (with its date or time) at a line's start before a colon."""
        meaning = candidate.meaning
        if not (isinstance(meaning, Explicit) and meaning.point.weekday is not None):
            return False
        line_start = self.text.rfind("\n", 0, candidate.start) + 1
        return not self.text[line_start : candidate.start].strip() and bool(
            self.cues.heading_after.match(self.text, candidate.end)
        )

    def _local_clause_tense(self, index: int) -> Tense | None:
        opener = self.cues.clause_opener
        candidate = self.candidates[index]
        start, end = self._clause_window(index, *self.sentences.span_of(candidate.start))
        openers = list(opener.finditer(self.text, start, candidate.start))
        facts = tense_facts(self.cues.lang)
        if not openers:
            return self._segment_tense(candidate, start, end)
        following = opener.search(self.text, candidate.end, end)
        stop = end if following is None else following.start()
        closing = facts.clause_break.search(self.text, candidate.end, stop)
        stop = stop if closing is None else closing.start()
        for found in reversed(openers):
            clause = self.text[found.end() : stop]
            if self.cues.clause_future.search(clause):
                return Tense.FUTURE
            group = read_verbs(clause, facts)
            if group.tense is not Tense.PRESENT or group.stated_present:
                return Tense.FUTURE if group.scheduled else group.tense
        return self._segment_tense(candidate, start, end)

    def _segment_tense(self, candidate: Candidate, start: int, end: int) -> Tense | None:
        """The tense of the stretch between the clause breaks around a date, if it says one.

        ``Der Minister sagte am Freitag, er werde zurücktreten``: the Friday is the
        saying's, a past, whatever the reported clause after the comma looks ahead to;
        ``Nachdem er am Freitag angekommen war, wird er ...``: the Friday is past.
        A coordinated verb phrase is a stretch of its own (``met on Monday and will
        meet again on Friday``). A stretch without a past or a future (``Am Freitag, so
        die Polizei, ...``) leaves it to the sentence.
        """
        facts = tense_facts(self.cues.lang)
        breaks = (facts.clause_break, self.cues.verb_coordination)
        before = [
            found.end()
            for cue in breaks
            for found in cue.finditer(self.text, start, candidate.start)
        ]
        segment_start = max(before, default=start)
        after = [
            found.start() for cue in breaks if (found := cue.search(self.text, candidate.end, end))
        ]
        segment_end = min(after, default=end)
        if segment_start == start and segment_end == end:
            return None  # the stretch is the whole clause: the sentence decides
        group = read_verbs(self.text[segment_start:segment_end], facts)
        if group.scheduled:
            return Tense.FUTURE
        # a present finite verb is too weak a cue here ("... begonnen hat": a perfect
        # whose participle is not read as one; "denn am Sonntag steht ... auf dem Programm")
        return None if group.tense is Tense.PRESENT else group.tense

    def _decade_year(self, year: int) -> int:
        if self.dct is not None and year > self.dct.year:
            return year - 100  # "in den 90ern" written in 2016: a decade past, not to come
        return year

    def _weekday_reference(self, reference: _Reference | None) -> _Reference | None:
        if self.dct is not None:
            return self._dct_reference()  # "am Mittwoch" in news: the week of writing
        return reference

    def _occurrence_reference(
        self, meaning: Explicit, reference: _Reference | None
    ) -> _Reference | None:
        if self.dct is not None and meaning.from_writing:
            return self._dct_reference()  # "im vergangenen Sommer": before writing
        return reference

    def _month_reference(
        self, meaning: Explicit, reference: _Reference | None
    ) -> _Reference | None:
        if (
            meaning.fill == Grain.MONTH
            and reference is not None
            and reference.kind is not AnchorKind.DCT
            and reference.point.month is None
        ):
            # "Im vergangenen Herbst ... Anfang des Monats": no month told, the one of writing
            return self._dct_reference() or reference
        return reference

    def _shift_reference(
        self, index: int, meaning: Shift, reference: _Reference | None
    ) -> _Reference | None:
        dct = self._dct_reference()
        if dct is None or reference is None or reference.kind is AnchorKind.DCT:
            return reference
        if meaning.from_writing:
            return dct  # "vergangene Woche": the week before writing, whatever was told
        day_told = day_told_since(meaning, reference, self._results, index)
        if day_told is not None:
            return day_told  # "The day before last Tuesday's hearing ... the next morning"
        if counts_from_writing(meaning, reference, self._results):
            return dct  # "vor zwei Wochen ... in diesem Jahr", "... am Abend festgenommen"
        needed = _SHIFT_GRAIN.get(meaning.unit)
        if not meaning.from_told and needed is not None and reference.point.grain < needed:
            # "Im Herbst wird gewählt. Am Wochenende ...": no week can be counted from a
            # season told, so an article's weekend is the one of writing
            return dct
        told = point_span(reference.point)
        if (
            meaning.part_of_day is not None
            and meaning.amount == 0
            and told is not None
            and self.dct is not None
            and days_between(told[1], self.dct) > 0
            and self._tense(index) is Tense.FUTURE
        ):
            # "... in der Nacht verloren gegangen. Am Abend soll ein weiterer Versuch
            # unternommen werden": what is still to come is on the day of writing
            return dct
        return reference

    def _deictic_from_dct(self, meaning: Deictic) -> bool:
        return True

    def _deictic_day_told(self, candidate: Candidate, value: CalendarPoint) -> bool:
        # an article's "yesterday" is a day like "Tuesday": "later in the day" is that day,
        # and so is "um 21.30 Uhr" after "Gestern Abend"
        meaning = candidate.meaning
        return (
            isinstance(meaning, Deictic)
            and meaning.unit is Unit.DAY
            and value.grain >= Grain.DAY
            and value.day is not None
        )

    def _yearless(
        self,
        index: int,
        meaning: Explicit,
        reference: _Reference,
        filled: CalendarPoint,
        anchored: tuple[Anchor, int | None],
    ) -> tuple[CalendarPoint, tuple[Anchor, int | None]]:
        anchor, at = anchored
        # "1991 erhielt er den Status. Ab Ende des Jahres stand ...": "des Jahres" is the
        # year told in the paragraph, a date without a year the one told in its sentence;
        # what is still to come ("bis Ende des Jahres soll ...") is not in a year told
        in_told_year = meaning.told_year and self._tense(index) is not Tense.FUTURE
        told = self.paragraphs if in_told_year else self.sentences
        if (
            self.dct
            and meaning.fill == Grain.YEAR
            and (
                reference.kind is AnchorKind.DCT
                or reference.point.year == self.dct.year
                or not self._stated_since(index, reference, told)
                or not self._writes_year(reference)
            )
        ):
            said = self._deictic_year.get(self.sentences.span_of(self.candidates[index].start))
            if meaning.from_writing:
                # "Ende des vergangenen Jahres": from the year of writing, whatever the tense
                filled = replace(filled, year=self.dct.year + meaning.year_shift)
                anchor, at = Anchor(AnchorKind.DCT, None, self.dct.iso()), None
            elif said is not None and not meaning.year_shift:
                # "vor zwei Jahren war sie im Frühjahr": the year the sentence just named
                filled = replace(filled, year=said[1])
                anchor, at = Anchor(AnchorKind.TIMEX, None, str(said[1])), said[0]
            elif not meaning.year_shift:
                # a yearless date in news: the year of writing, or the one before or after it
                this_year = replace(filled, year=self.dct.year)
                filled = self._news_year(index, this_year, meaning.feast)
                anchor, at = Anchor(AnchorKind.DCT, None, self.dct.iso()), None
            # else "im März des folgenden Jahres": counted from the year the reference names
        return filled, (anchor, at)

    def _news_year(
        self, index: int, point: CalendarPoint, feast: str | None = None
    ) -> CalendarPoint:
        """Choose last, this or next year for a yearless date by the sentence's tense.

        In the future tense the date must not have ended before the DCT, in the
        past tense it must have begun by then or within two weeks after (an offer
        "extended to Nov. 20"), a day within six weeks (a plan told in the past:
        "invited them to a ceremony on March 12"); otherwise the nearest one wins.
        A quarter is reported on after its end, so in the future tense it may
        have ended up to two months before ("will report third-quarter results").
        Without a tense the nearest wins: the one the DCT lies in, else the one
        whose first day is closest.
        A movable feast (``Fronleichnam``, ``Thanksgiving``) is compared by its own
        day in each year.
        """
        assert self.dct is not None
        tense = self._tense(index)
        options = around_year(point, self.dct.year)
        if feast is not None:
            feasts = ((o, feast_day(feast, o.year or 0)) for o, _, _ in options)
            options = [(option, day, day) for option, day in feasts]
        dct = self.dct
        if tense is Tense.FUTURE:
            # a quarter is reported on after its end: "will report third-quarter results"
            grace = _REPORTING_DAYS if point.grain in (Grain.QUARTER, Grain.HALF) else 0
            future = [option for option, _, last in options if days_between(last, dct) <= grace]
            return future[0] if future else point
        if tense is Tense.PAST:
            # a report in the past may name a date just ahead: "had been set to expire Nov. 6"
            reach = _PAST_TENSE_REACH_DAYS
            if point.grain >= Grain.DAY:
                reach = _PAST_TENSE_DAY_REACH_DAYS
            past = [option for option, first, _ in options if days_between(dct, first) <= reach]
            return past[-1] if past else point

        # the nearest: a period the DCT lies in ("for the full year"), else by its first day
        def distance(item: tuple[CalendarPoint, Day, Day]) -> int:
            _, first, last = item
            before = ordinal_distance(first, dct)
            return 0 if before <= 0 <= ordinal_distance(last, dct) else abs(before)

        return min(options, key=distance)[0]

    def _same_period_years_away(self, index: int, meaning: Deictic | Shift) -> AnchoredValue | None:
        """``third-quarter profit ... up from a year earlier``: the same quarter a year before.

        A report comparing a quarter or half-year with ``a year ago`` means that
        period of the other year, not the whole year; the period must have been
        named just before (a report's next paragraph often has the comparison).
        Only a look back compares (``next year`` is the next year), and not one
        that opens its sentence (``Last year, the company earned ...``).
        """
        if meaning.unit is not Unit.YEAR or meaning.amount != -1:
            return None
        candidate = self.candidates[index]
        sentence_start = self.sentences.span_of(candidate.start)[0]
        if not self.text[sentence_start : candidate.start].strip():
            return None
        values = [result.value for result in self._results]
        named = reported_period(self.candidates, values, index, _COMPARED_PERIOD_REACH, self.dct)
        if named is None:
            return None
        previous, value = named
        if self.cues.period_of.fullmatch(self.text, self.candidates[previous].end, candidate.start):
            return None  # "the fourth quarter of last year": the year of that quarter
        moved = replace(value, year=(value.year or 0) + meaning.amount)
        return AnchoredValue(moved, Anchor(AnchorKind.TIMEX, None, timex_like(value)), previous)
