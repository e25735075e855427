"""When each event happened: from its clause, its sentence, a named event, or the narrative.

In order of preference an event takes its time from

1. a temporal expression in its own clause (``explicit``; ``bounded`` for
   ``bis November 1950``, ``nach 1953``; a range told as two dates, ``von 1613
   bis 1618``, from one to the other), one outside a parenthesis set into the
   clause first, else a date in parentheses right after the clause
   (``zerstörten Brigantium (233)``), else one in its sentence (one in a clause
   of reason before it when there is no other: ``Weil Magdeburg sich 1548
   weigerte, zog ...``);
2. a named historical event in its clause (``reference-event``:
   ``während der Blockade Berlins``, ``nach dem Ersten Weltkrieg``);
3. the narrative (``narrative``): the year (or coarser period) the story is in
   when its paragraph's last date is one; after a day or month, that date's
   year from that day on (``am 5. November 1551 ... Ein Friedensvertrag
   beendete die Belagerung``) or up to the next date told when it comes first;
   else the interval between the date before it and the date after it. An
   event told in the pluperfect (``..., der zurückgetreten war``) lies before
   the story's date at that point, in its year.

An event whose own date is one of coordinated dates (``1805 und 1809 hielt
sich Napoleon ... auf``) is told at each of them (over them, when they are days
one after the other); one told of a list whose items each have a date in
parentheses (``in Santo Domingo (1519), Guatemala (1523) ...``) once per item.

A date the text leaves open (``am selben Tag`` is ``1950-XX-XX``) is narrowed
to the same narrative interval. Dates in comparisons (``so wie zwei Jahre
zuvor``), parentheses, clauses of reason and flashbacks in the pluperfect
(``Bereits 1950 hatte er ...``) do not move the narrative.

The EDTF of an event's time is written from its bounds by
:func:`chronist.temporal.render.edtf_of_bounds`, the one EDTF writer.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from chronist.events.detect import EventMention
from chronist.events.lexicon import Markers
from chronist.events.reference import ReferenceMention
from chronist.temporal.mention import Timex, TimexType
from chronist.temporal.render import edtf_of_bounds
from chronist.temporal.values import (
    Bounds,
    CalendarPoint,
    Day,
    Mod,
    shift_day,
)
from chronist.text.clauses import SegmentKind, clause_facts, segments
from chronist.text.document import Document
from chronist.text.verbs import Tense, VerbGroup, read_verbs, tense_facts
from chronist.timeline.bounds import first_known as _first_known
from chronist.timeline.bounds import flag_implausible, ordered
from chronist.timeline.bounds import intersect as _intersect
from chronist.timeline.bounds import last_known as _last_known
from chronist.timeline.bounds import overlaps as _overlaps
from chronist.timeline.listing import item_label, list_items
from chronist.timeline.model import EventTime, TimeSource

__all__ = ["Dater", "flag_implausible", "ordered", "usable"]

CONFIDENCE = {
    "clause": 0.9,
    "sentence": 0.75,
    "reference": 0.65,
    "narrative": 0.45,
    "unknown": 0.25,
}
_WIDEST_ANCHOR_YEARS = 5
_CLAUSE_REACH = 400  # characters looked back for the clause a date stands in
_APPOSITION_REACH = 12  # characters between a clause and its parenthesised date


def usable(timex: Timex) -> bool:
    """A date or time with at least one known bound (not a duration, set or ``heute``)."""
    b = timex.bounds
    known = b.earliest_begin or b.latest_begin or b.earliest_end or b.latest_end
    return timex.type in (TimexType.DATE, TimexType.TIME) and known is not None


def _story_bounds(timex: Timex) -> Bounds:
    """The bounds of a date as a point of the story (``nach 1953`` is 1954 or later:
    the tagger's bounds already say so)."""
    return timex.bounds


def _narrow(timex: Timex) -> bool:
    """Fine enough to place the story (not "im frühen 20. Jahrhundert")."""
    first, last = _first_known(timex.bounds), _last_known(timex.bounds)
    return first is None or last is None or (last.year - first.year) <= _WIDEST_ANCHOR_YEARS


def _consecutive(dates: Sequence[_Date]) -> bool:
    """Whether the dates are days, each the day after the one before."""
    days = [d.timex.bounds.earliest_begin for d in dates]
    if any(d is None or d != b.timex.bounds.latest_end for d, b in zip(days, dates, strict=True)):
        return False
    return all(b is not None and a is not None and shift_day(a, 1) == b for a, b in pairwise(days))


@dataclass(frozen=True, slots=True)
class _Date:
    timex: Timex
    role: str | None  # "end" (bis 1953), "begin" (seit 1950) or None: the tagger's role
    moves_story: bool  # not in a comparison or a parenthesis
    background: bool = False  # in a clause of reason or concession ("weil ... 1548 ...")


class Dater:
    """Assigns an :class:`EventTime` and a confidence to event mentions of one text."""

    def __init__(
        self,
        document: Document,
        timexes: Sequence[Timex],
        references: Sequence[ReferenceMention],
        markers: Markers,
    ) -> None:
        self.document = document
        self.text = document.text
        self.markers = markers
        self._tense_facts = tense_facts(document.lang)
        self._clause_facts = clause_facts(document.lang)
        self.paragraphs = document.paragraph_index
        self.references = references
        self._references_by_start = sorted(references, key=lambda r: r.start)
        self._reference_starts = [r.start for r in self._references_by_start]
        self.dates = sorted(
            (self._date(t) for t in timexes if usable(t)), key=lambda d: d.timex.start
        )
        # a date that covers no text, pointed to by the length that says it ("vor fünf
        # Jahren" in German TimeML): told by the text from the date to the length's end
        self._told_until = {
            t.begin_point: t.end
            for t in timexes
            if t.begin_point is not None and t.end > t.start and t.type is TimexType.DURATION
        }
        self._date_starts = [d.timex.start for d in self.dates]
        self._date_at = {id(d): i for i, d in enumerate(self.dates)}  # a date's place
        self._verbs_of: tuple[tuple[int, int], VerbGroup | None] = ((-1, -1), None)
        # Dates the text leaves partly open (1950-XX-XX) say which year the story is
        # in, but only fully specified dates close an interval.
        self._anchors = [d for d in self.dates if d.moves_story and _narrow(d.timex)]
        self._anchor_starts = [d.timex.start for d in self._anchors]
        days = [
            day
            for d in self.dates
            for day in (_first_known(d.timex.bounds), _last_known(d.timex.bounds))
            if day is not None
        ]
        # the first and last day the document's dates reach
        self.span: tuple[Day, Day] | None = (min(days), max(days)) if days else None
        # _closing_from[i]: the first anchor from i on with a fully known value
        self._closing_from = [len(self._anchors)] * (len(self._anchors) + 1)
        for i in range(len(self._anchors) - 1, -1, -1):
            closes = "X" not in self._anchors[i].timex.value
            self._closing_from[i] = i if closes else self._closing_from[i + 1]

    def _date(self, timex: Timex) -> _Date:
        role = timex.role if timex.role in ("begin", "end") else None
        kind, flashback = self._clause_of(timex)
        still = (SegmentKind.COMPARISON, SegmentKind.BACKGROUND)
        moves = kind not in still and not flashback
        return _Date(timex, role, moves, kind is SegmentKind.BACKGROUND)

    def _clause_of(self, timex: Timex) -> tuple[SegmentKind | None, bool]:
        """The kind of the clause a date stands in, and whether that clause is a
        flashback in the pluperfect (``Bereits 1950 hatte er ...``: its date does
        not move the story)."""
        sentence = self.document.sentence_of(timex.start)
        start = max(sentence[0], timex.start - _CLAUSE_REACH)
        # the clause's kind is read from its first words: nothing after the date matters
        tokens = self.document.tokens_in(start, timex.end)
        for segment in segments(tokens, self._clause_facts):
            if segment.start <= timex.start < segment.end + 1:
                rest = self._clause_facts.break_pattern.search(self.text, timex.end, sentence[1])
                end = rest.start() if rest is not None else sentence[1]
                pluperfect = self._tense_facts.pluperfect
                flashback = pluperfect.search(self.text, segment.start, end) is not None
                return segment.kind, flashback
        return None, False

    def window(self, position: int, exclude: Timex | None = None) -> Bounds:
        """The narrative interval at ``position``: from the date before to the date after."""
        at = bisect_left(self._anchor_starts, position)
        anchors = self._anchors
        before = next(
            (anchors[i] for i in range(at - 1, -1, -1) if anchors[i].timex is not exclude), None
        )
        after = next(
            (anchors[i] for i in range(at, len(anchors)) if anchors[i].timex is not exclude), None
        )
        closing_at = self._closing_from[at]
        if closing_at < len(anchors) and anchors[closing_at].timex is exclude:
            closing_at = self._closing_from[closing_at + 1]
        closing = anchors[closing_at] if closing_at < len(anchors) else None
        first = _first_known(_story_bounds(before.timex)) if before else None
        last = _last_known(_story_bounds(closing.timex)) if closing else None
        if closing and closing.timex.bounds.latest_end is None:
            last = None  # "nach 1953": the story goes on without an upper bound
        if first is not None and last is not None and first > last:
            first = None  # told out of order (a flashback): only "before the next date"
        if first is None and after:
            same = self.paragraphs.index_of(after.timex.start) == self.paragraphs.index_of(position)
            upcoming = _first_known(after.timex.bounds)
            if same and upcoming is not None:
                first = Day(upcoming.year, 1, 1)
        return Bounds(first, last, first, last)

    def reference_time(self, position: int) -> Bounds:
        """The time of an event told without a date at ``position``, from the last
        date before it in its paragraph (not a ``seit``): the story holds that
        year or coarser period until the text names another (``1631 stürmten ...
        Die Stadt wurde zerstört``); after a day or month it stays in that year,
        from that day on (``am 5. November 1551 ... Ein Friedensvertrag beendete
        die Belagerung``: 1551-11-05/1551-12-31, not up to the next date told).
        Else the narrative interval (:meth:`window`)."""
        at = bisect_left(self._anchor_starts, position)
        window = self.window(position)
        if not at:
            return window
        before = self._anchors[at - 1]
        paragraphs = self.paragraphs
        same = paragraphs.index_of(before.timex.start) == paragraphs.index_of(position)
        value = before.timex.value
        if not same or before.role == "begin" or "X" in value:
            return window
        if "-" not in value[1:]:
            return _story_bounds(before.timex)
        first = _first_known(window)
        if first is None:
            return window
        year_end = Day(first.year, 12, 31)
        last = window.latest_end  # None: the story goes on
        last = year_end if last is None or last > year_end else last
        return Bounds(first, last, first, last)

    def _from_date(self, date: _Date, mention: EventMention) -> tuple[Bounds, TimeSource]:
        timex = date.timex
        bounds = timex.bounds
        if "X" in timex.value:
            # one unknown day (or month) somewhere in the known period
            bounds = Bounds(
                bounds.earliest_begin, bounds.latest_end, bounds.earliest_begin, bounds.latest_end
            )
            bounds = _intersect(bounds, self.window(timex.start, exclude=timex))
        if timex.mod in (Mod.AFTER, Mod.BEFORE) and isinstance(timex.resolved, CalendarPoint):
            return timex.bounds, TimeSource.BOUNDED  # "nach 1953": 1954 or later
        other = self._range_partner(date)
        if other is not None:  # "von 1613 bis 1618", "vom 22. September 1550 bis ...": both
            begin, end = (date, other) if date.role == "begin" else (other, date)
            b, e = begin.timex.bounds, end.timex.bounds
            first, last = _first_known(b), _last_known(e)
            return Bounds(first, b.latest_begin or first, e.earliest_end or last, last), (
                TimeSource.EXPLICIT
            )
        if date.role == "end":
            start = self.window(mention.clause[0], exclude=timex).earliest_begin
            own_start = bounds.earliest_begin
            if own_start is not None and (start is None or start > own_start):
                # nothing earlier in the story: from the start of its year, if finer
                fine = timex.value[4:5] == "-"
                start = Day(own_start.year, 1, 1) if fine else None
            return Bounds(start, bounds.latest_end, bounds.earliest_begin, bounds.latest_end), (
                TimeSource.BOUNDED
            )
        if date.role == "begin":
            return Bounds(
                bounds.earliest_begin, bounds.latest_begin, bounds.earliest_begin, None
            ), (TimeSource.BOUNDED)
        if timex.mod in (Mod.AFTER, Mod.BEFORE, Mod.ON_OR_AFTER, Mod.ON_OR_BEFORE):
            return bounds, TimeSource.BOUNDED
        return bounds, TimeSource.EXPLICIT

    def _range_partner(self, date: _Date) -> _Date | None:
        """The other bound of a range told as two dates (``von 1613 bis 1618``,
        ``1971/72``, ``259/260``, ``zwischen 1805 und 1809``): the date right after a
        begin (``seit``, ``von``, ``zwischen``), or the begin right before a date, with
        at most two words or a dash between them."""
        at = self._date_at[id(date)]
        if date.role == "begin":
            other = self.dates[at + 1] if at + 1 < len(self.dates) else None
            if other is None or other.role == "begin":
                return None
            left, right = date, other
        else:
            other = self.dates[at - 1] if at else None
            if other is None or other.role != "begin":
                return None
            left, right = other, date
        gap = self.text[left.timex.end : right.timex.start]
        between = gap.split()
        if len(between) > 2 or "\n" in gap or any(c in "".join(between) for c in ",;.()"):
            return None
        return other

    def _between(self, start: int, end: int) -> list[_Date]:
        first = bisect_left(self._date_starts, start)
        last = bisect_left(self._date_starts, end)
        return [d for d in self.dates[first:last] if d.timex.end <= end]

    def _nearest(self, span: tuple[int, int], trigger: int, story_only: bool) -> _Date | None:
        """The date inside ``span`` nearest to the trigger."""
        first = bisect_left(self._date_starts, span[0])
        last = bisect_left(self._date_starts, span[1])
        at = bisect_left(self._date_starts, trigger, first, last)

        def fits(date: _Date) -> bool:
            return date.timex.end <= span[1] and (date.moves_story or not story_only)

        dates = self.dates
        before = next((dates[i] for i in range(at - 1, first - 1, -1) if fits(dates[i])), None)
        after = next((dates[i] for i in range(at, last) if fits(dates[i])), None)
        found = [d for d in (before, after) if d is not None]
        if not found:
            return None
        nearest = min(found, key=lambda d: abs(d.timex.start - trigger))
        if self._attributive(nearest.timex):
            # "die zum 1. Januar 2012 in Kraft getretene Verfassung": another date first
            others = [d for d in dates[first:last] if fits(d) and not self._attributive(d.timex)]
            if others:
                return min(others, key=lambda d: abs(d.timex.start - trigger))
        return nearest

    def _attributive(self, timex: Timex) -> bool:
        """A date in an attributive participle phrase (``die zum 1. Januar 2012 in
        Kraft getretene Verfassung``): it dates the participle first."""
        before, after = self.markers.attributive_before, self.markers.attributive_after
        if before is None or after is None:
            return False
        return (
            before.search(self.text[max(0, timex.start - 20) : timex.start]) is not None
            and after.match(self.text[timex.end : timex.end + 60]) is not None
        )

    def _in_clause(self, mention: EventMention) -> _Date | None:
        if mention.own_date is not None:
            for date in self._between(*mention.own_date):
                if (date.timex.start, date.timex.end) == mention.own_date:
                    return date
        # a date in a parenthesis set into the clause only when it has no other
        # ("am 20. Mai 1631 (10. Mai nach julianischem Kalender) erobert")
        for story_only in (True, False):
            if mention.conjunct is not None:  # "1348 ... besetzt und später ... 1407 ..."
                own = self._nearest(mention.conjunct, mention.trigger.start, story_only)
                if own is not None:
                    return own
            own = self._nearest(mention.clause, mention.trigger.start, story_only)
            if own is not None:
                return own
        return None

    def _parenthesised(self, mention: EventMention) -> _Date | None:
        """A date in parentheses right after the clause dates it (``zerstörten die
        Alemannen Brigantium (233)``, ``siegte in der Schlacht bei X (3. Mai 1745)``)."""
        end = mention.clause[1]
        first = bisect_left(self._date_starts, end)
        last = bisect_left(self._date_starts, min(end + _APPOSITION_REACH, mention.sentence[1]))
        for date in self.dates[first:last]:
            between = self.text[end : date.timex.start].strip()
            closing = self.text[date.timex.end : date.timex.end + 1]
            # "(1873)", "(um 500 v. Chr.)": only words that introduce a date between
            words = between[1:].lower().split()
            introduced = all(word in self.markers.date_introducers for word in words)
            if between[:1] == "(" and introduced and closing == ")":
                return date
        return None

    def _in_sentence(self, mention: EventMention) -> _Date | None:
        """The date of the sentence nearest to the trigger (not one in a comparison);
        one in a clause of reason before it when there is no other (``Weil
        Magdeburg sich 1548 weigerte, ..., zog Georg ... gegen Magdeburg``)."""
        found = self._nearest(mention.sentence, mention.trigger.start, story_only=True)
        if found is not None:
            return found
        first = bisect_left(self._date_starts, mention.sentence[0])
        last = bisect_left(self._date_starts, mention.trigger.start)
        reasons = [d for d in self.dates[first:last] if d.background]
        return reasons[-1] if reasons else None

    def _reference(self, mention: EventMention) -> tuple[ReferenceMention, str] | None:
        start, end = mention.clause
        first = bisect_left(self._reference_starts, start)
        last = bisect_left(self._reference_starts, end, first)
        for reference in self._references_by_start[first:last]:
            if reference.end > end:
                continue
            if reference.start <= mention.trigger.start < reference.end:
                return reference, "during"
            words = self.text[max(start, reference.start - 30) : reference.start].lower().split()
            relations = self.markers.reference_relations
            for word in reversed(words[-3:]):
                if word in relations:
                    return reference, relations[word]
        return None

    def _reference_time(self, reference: ReferenceMention, relation: str) -> Bounds:
        b = reference.event.bounds
        if relation == "after":
            return Bounds(b.earliest_end, None, b.earliest_end, None)
        if relation == "since":
            return Bounds(b.earliest_begin, b.latest_begin, b.earliest_begin, None)
        if relation == "before":
            return Bounds(None, b.latest_begin, None, b.latest_begin)
        if relation == "until":
            return Bounds(None, b.latest_end, b.earliest_end, b.latest_end)
        if relation == "end":
            return Bounds(b.earliest_end, b.latest_end, b.earliest_end, b.latest_end)
        if relation == "begin":
            return Bounds(b.earliest_begin, b.latest_begin, b.earliest_begin, b.latest_begin)
        return b

    def _flashback(self, mention: EventMention) -> _Date | None:
        """The story's date an event told in the pluperfect without a date of its own
        lies before (``..., der nach Versuchen ... zurückgetreten war``): the
        sentence's date nearest to it, else the last date told before it."""
        start, end = mention.clause
        if mention.noun or not self._participle(mention):
            return None  # "hatte einen Clip": not a pluperfect
        if not read_verbs(self.text[start:end], self._tense_facts).pluperfect:
            return None
        found = self._nearest(mention.sentence, mention.trigger.start, story_only=True)
        if found is not None:
            return found
        at = bisect_left(self._anchor_starts, mention.trigger.start)
        return self._anchors[at - 1] if at else None

    def before(self, story: _Date) -> Bounds:
        """Before the story's date ``story``, after the date told before it and
        in the story date's year.

        >>> from chronist.text.document import Document
        >>> from chronist.events.lexicon import load_lexicon
        >>> from chronist.temporal.tagger import tag
        >>> text = "Im Mai 2004 trat er bei. Am 29. September 2004 kam ein anderer."
        >>> dater = Dater(Document(text), tag(text), (), load_lexicon("de").markers)
        >>> b = dater.before(dater.dates[1])
        >>> b.earliest_begin, b.latest_end
        (Day(year=2004, month=5, day=1), Day(year=2004, month=9, day=29))
        """
        last = _last_known(story.timex.bounds)
        if last is None:
            return Bounds.unknown()
        # not before the year of the story's date: a flashback told without a date
        # of its own is mostly near the time it is told at ("nachdem sie ... erobert
        # hatten, wurde ...")
        first = _first_known(self.window(story.timex.start, exclude=story.timex))
        opening = Day(last.year, 1, 1)
        first = opening if first is None or first < opening or first > last else first
        return Bounds(first, last, first, last)

    def _sentence_verbs(self, sentence: tuple[int, int]) -> VerbGroup:
        group = self._verbs_of[1]
        if self._verbs_of[0] != sentence or group is None:
            group = read_verbs(self.text[sentence[0] : sentence[1]], self._tense_facts)
            self._verbs_of = (sentence, group)
        return group

    def _present(self, mention: EventMention) -> bool:
        """A sentence that states a present (``Die Zustimmung Pekings ... ist``, ``wird
        ... gebaut``) or a future: not the story's past."""
        group = self._sentence_verbs(mention.sentence)
        if mention.past and not (
            group.passive and group.tense is Tense.PRESENT and self._participle(mention)
        ):
            return False  # a past form, unless the participle of a present passive
        return group.tense is not Tense.PAST and group.stated_present

    def _participle(self, mention: EventMention) -> bool:
        first = mention.trigger.text.split(" ", 1)[0].lower()
        return self._tense_facts.participle.fullmatch(first) is not None

    def _dated_by(
        self,
        own: _Date,
        mention: EventMention,
        found: tuple[ReferenceMention, str] | None,
    ) -> EventTime:
        bounds, source = self._from_date(own, mention)
        timex = own.timex
        reference_id = None
        if found is not None and found[1] == "during" and source is TimeSource.EXPLICIT:
            # "zwei Jahre zuvor während der Blockade Berlins": both hold, so 1948
            narrowed = _intersect(bounds, found[0].event.bounds)
            if narrowed != bounds and _overlaps(bounds, found[0].event.bounds):
                bounds, reference_id = narrowed, found[0].event.id
        bounds = ordered(bounds)
        approx = timex.mod is Mod.APPROX and bounds == timex.bounds and timex.edtf
        edtf = timex.edtf if approx else edtf_of_bounds(bounds)  # "um 1520" stays "1520~"
        told = self._told(timex)
        return EventTime(timex.value, edtf, bounds, source, timex.tid, reference_id, told)

    def _told(self, timex: Timex) -> str:
        """How the text says a date: its own text, or for one that covers none the text up
        to the end of the length that points to it (``vor fünf Jahren``)."""
        end = self._told_until.get(timex.tid) if timex.start == timex.end else None
        return timex.text if end is None else self.text[timex.start : end]

    def _own_date(self, mention: EventMention) -> tuple[_Date | None, str]:
        own = self._in_clause(mention) or self._parenthesised(mention)
        level = "clause"
        if own is None and mention.kind not in (SegmentKind.BACKGROUND, SegmentKind.RELATIVE):
            own, level = self._in_sentence(mention), "sentence"
        return own, level

    def _coordinated(self, date: _Date) -> list[_Date]:
        """``date`` and the dates joined to it by ``und`` or a comma (``1805 und
        1809 hielt sich Napoleon ... auf``: at each of them), in text order; not
        the bounds of a range (``zwischen 1805 und 1809``, ``1950 bis 1953``)."""
        joins = self.markers.date_coordination
        chain = [date]

        def kind(date: _Date) -> str:  # "233 und 259/260": a whole range joins too
            partner = self._range_partner(date)
            if partner is None:
                return "single" if date.role is None else "bound"
            return "end" if partner.timex.start < date.timex.start else "begin"

        def joined(left: _Date, right: _Date) -> bool:
            between = self.text[left.timex.end : right.timex.start].strip().lower()
            return (
                between in joins
                and kind(left) in ("single", "end")
                and kind(right) in ("single", "begin")
                and left.moves_story == right.moves_story
            )

        def edge(date: _Date, role: str) -> _Date:  # the outer bound of a range
            partner = self._range_partner(date) if kind(date) == role else None
            return partner or date

        while True:
            first = edge(chain[0], "end")
            at = self._date_at[id(first)]
            if at == 0 or not joined(self.dates[at - 1], first):
                break
            chain.insert(0, self.dates[at - 1])
        while True:
            last = edge(chain[-1], "begin")
            at = self._date_at[id(last)]
            if at + 1 == len(self.dates) or not joined(last, self.dates[at + 1]):
                break
            chain.append(self.dates[at + 1])
        return chain

    def times_of(self, mention: EventMention) -> list[tuple[EventMention, EventTime, float]]:
        """The times of one event mention: one per date of a coordination of dates
        its own date stands in (``1805 und 1809``; one over them when they are days
        one after the other: ``am 9. und 10. Juli 1860``), one per list item with a date
        in parentheses (``in Santo Domingo (1519), Guatemala (1523) und Mexiko
        (1531)``, each labelled with its item), else :meth:`time_of`'s."""
        own, level = self._own_date(mention)
        found = self._reference(mention)
        if own is not None and level == "clause" and self.markers.date_coordination:
            chain = self._coordinated(own)
            if len(chain) > 1 and _consecutive(chain):
                # days one after the other ("am 9. und 10. Juli 1860"): one event over them
                return [(mention, self._items_time(chain, mention), CONFIDENCE[level])]
            if len(chain) > 1:
                return [
                    (mention, self._dated_by(date, mention, found), CONFIDENCE[level])
                    for date in chain
                ]
        items = self._listed(mention)
        if len(items) > 1 and (own is None or any(own in dates for dates, _ in items)):
            named = {word for _, item in items for word in item.split()}
            return [
                (
                    replace(mention, label=item_label(mention.label, item, named, self.markers)),
                    self._items_time(dates, mention),
                    CONFIDENCE[level],
                )
                for dates, item in items
            ]
        return [(mention, *self._time(mention, own, level, found))]

    def _listed(self, mention: EventMention) -> list[tuple[list[_Date], str]]:
        """The items of a list in the mention's sentence that each have a date in
        parentheses right after them (:func:`chronist.timeline.listing.list_items`)."""
        if mention.kind is not SegmentKind.MAIN or not mention.trigger.text[:1].isalpha():
            return []  # (not the birth and death of a biography header: "* 1821")
        if self.text.count("(", *mention.sentence) < 2:
            return []  # a list needs two items
        dates = self._between(*mention.sentence)
        spans = [(d.timex.start, d.timex.end) for d in dates]
        found = list_items(self.text, mention.sentence, spans, self.markers)
        return [([dates[i] for i in indices], item) for indices, item in found]

    def _items_time(self, dates: list[_Date], mention: EventMention) -> EventTime:
        if len(dates) == 1:
            return self._dated_by(dates[0], mention, None)
        first = _first_known(dates[0].timex.bounds)  # "(1866-1883)": from one to the other
        last = _last_known(dates[-1].timex.bounds)
        bounds = ordered(Bounds(first, last, first, last))
        timex = dates[0].timex
        edtf = edtf_of_bounds(bounds)
        return EventTime(
            None, edtf, bounds, TimeSource.EXPLICIT, timex.tid, None, self._told(timex)
        )

    def time_of(self, mention: EventMention) -> tuple[EventTime, float]:
        """The time of one event mention and the confidence in it."""
        own, level = self._own_date(mention)
        return self._time(mention, own, level, self._reference(mention))

    def _time(
        self,
        mention: EventMention,
        own: _Date | None,
        level: str,
        found: tuple[ReferenceMention, str] | None,
    ) -> tuple[EventTime, float]:
        if own is not None:
            return self._dated_by(own, mention, found), CONFIDENCE[level]
        if found is not None:
            reference, relation = found
            bounds = ordered(self._reference_time(reference, relation))
            time = EventTime(
                None, edtf_of_bounds(bounds), bounds, TimeSource.REFERENCE_EVENT, None,
                reference.event.id, reference.text,
            )  # fmt: skip
            return time, CONFIDENCE["reference"]
        if self._present(mention):
            return EventTime("PRESENT_REF", None, Bounds.unknown(), TimeSource.NARRATIVE), (
                CONFIDENCE["unknown"]
            )
        story = self._flashback(mention)
        if story is not None:
            bounds = ordered(self.before(story))
        else:
            bounds = ordered(self.reference_time(mention.trigger.start))
        if _first_known(bounds) is None:
            return EventTime.unknown(), CONFIDENCE["unknown"]
        return EventTime(None, edtf_of_bounds(bounds), bounds, TimeSource.NARRATIVE), CONFIDENCE[
            "narrative"
        ]
