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

The dates and what they hold are :mod:`chronist.timeline.dates`'s, the story's
clock :mod:`chronist.timeline.narrative`'s; the date an event's own clause or
sentence gives is found by :mod:`chronist.timeline.clause_dates`, how it is
told (present, pluperfect) read by :mod:`chronist.timeline.tenses`. The EDTF of an event's time is
written from its bounds by
:func:`chronist.temporal.render.edtf_of_bounds`, the one EDTF writer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from chronist.events.detect import EventMention
from chronist.events.lexicon import Markers
from chronist.events.reference import ReferenceMention
from chronist.temporal.mention import AnchorKind, Timex, TimexType
from chronist.temporal.render import edtf_of_bounds
from chronist.temporal.values import Bounds, CalendarPoint, Day, Mod
from chronist.text.clauses import SegmentKind
from chronist.text.document import Document
from chronist.timeline.ages import age_dates, counted_from_ages
from chronist.timeline.anniversary import anniversary_bounds, counted_years
from chronist.timeline.bounds import first_known as _first_known
from chronist.timeline.bounds import flag_implausible, ordered
from chronist.timeline.bounds import intersect as _intersect
from chronist.timeline.bounds import last_known as _last_known
from chronist.timeline.bounds import overlaps as _overlaps
from chronist.timeline.clause_dates import ClauseDates
from chronist.timeline.dates import DateIndex, StoryDate, consecutive, usable
from chronist.timeline.listing import frames, item_label, list_items
from chronist.timeline.model import EventTime, TimeSource
from chronist.timeline.named import NamedEvents, relative_time
from chronist.timeline.narrative import Narrative
from chronist.timeline.offsets import offset_dates
from chronist.timeline.tenses import Tenses

__all__ = ["Dater", "flag_implausible", "ordered", "usable"]

_FINER_THAN_YEAR = ("M", "W", "D")  # lengths of months, weeks, days


def _within_next_year(timex: Timex) -> bool:
    """Whether ``timex`` is a length finer than a year counted after a bare year of the
    story that it could not move (``wenige Monate später`` after ``1689``: ``1689``)."""
    anchor = timex.anchor.value or ""
    return (
        timex.mod is Mod.AFTER
        and timex.anchor.kind is AnchorKind.NARRATIVE
        and len(anchor.lstrip("-")) == len("1689")
        and timex.value == anchor
        and any(unit in timex.rule for unit in ("<unit>", "<few>"))
        and not any(w in timex.text.lower() for w in ("jahr", "jahre"))
    )


CONFIDENCE = {
    "clause": 0.9,
    "sentence": 0.75,
    "reference": 0.65,
    "narrative": 0.45,
    "unknown": 0.25,
}


class Dater:
    """Assigns an :class:`EventTime` and a confidence to event mentions of one text."""

    def __init__(
        self,
        document: Document,
        timexes: Sequence[Timex],
        references: Sequence[ReferenceMention],
        markers: Markers,
        people: Sequence[tuple[int, int]] = (),
    ) -> None:
        self.document = document
        self.text = document.text
        self.markers = markers
        self.tenses = Tenses(document.text, document.lang)
        self.references = references
        self._named = NamedEvents(document.text, references, markers)
        # "Vier Jahre nach der Londoner Weltausstellung": a date of the text too
        offsets = offset_dates(document, timexes, references, markers)
        # "im Alter von acht Jahren" after a birth: so too, and what counts from it
        ages = age_dates(document, timexes, markers)
        timexes = counted_from_ages(timexes, ages)
        self.index = DateIndex(document, [*timexes, *offsets, *ages], markers, people)
        self.own_dates = ClauseDates(document, self.index, markers)
        self.narrative = Narrative(document, self.index)
        self.dates = self.index.dates
        # a date that covers no text, pointed to by the length that says it ("vor fünf
        # Jahren" in German TimeML): told by the text from the date to the length's end
        self._told_until = {
            t.begin_point: t.end
            for t in timexes
            if t.begin_point is not None and t.end > t.start and t.type is TimexType.DURATION
        }
        days = [
            day
            for d in self.dates
            for day in (_first_known(d.timex.bounds), _last_known(d.timex.bounds))
            if day is not None
        ]
        # the first and last day the document's dates reach
        self.span: tuple[Day, Day] | None = (min(days), max(days)) if days else None

    def _from_date(self, date: StoryDate, mention: EventMention) -> tuple[Bounds, TimeSource]:
        timex = date.timex
        bounds = timex.bounds
        if "X" in timex.value:
            # one unknown day (or month) somewhere in the known period
            bounds = Bounds(
                bounds.earliest_begin, bounds.latest_end, bounds.earliest_begin, bounds.latest_end
            )
            bounds = _intersect(bounds, self.narrative.window(timex.start, exclude=timex))
        if timex.mod in (Mod.AFTER, Mod.BEFORE) and isinstance(timex.resolved, CalendarPoint):
            # "nach 1953": 1954 or later, up to the next date the story tells ("im März
            # 1920 ..., wenig später ...")
            return self._closed(timex), TimeSource.BOUNDED
        other = self.index.range_partner(date)
        if other is not None:  # "von 1613 bis 1618", "vom 22. September 1550 bis ...": both
            begin, end = (date, other) if date.role == "begin" else (other, date)
            b, e = begin.timex.bounds, end.timex.bounds
            first, last = _first_known(b), _last_known(e)
            return Bounds(first, b.latest_begin or first, e.earliest_end or last, last), (
                TimeSource.EXPLICIT
            )
        if date.role == "end" and self._after_bound(date, mention):
            return bounds, TimeSource.BOUNDED  # "Bis 1290 war ..., dann wurde sie ...": 1290
        if date.role == "end":
            start = self.narrative.window(mention.clause[0], exclude=timex).earliest_begin
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

    def _after_bound(self, date: StoryDate, mention: EventMention) -> bool:
        """Whether the mention's clause comes after the end bound ``date`` and opens
        with a word of what followed (``Bis 1290 war ..., dann wurde sie ...``), or its
        conjunct does (``war bis 1963 Kommandeur und studierte danach``)."""
        start = mention.clause[0]
        if date.timex.end <= start:
            words = self.text[start : mention.clause[1]].lower().split()[:2]
            if any(w.strip(",") in self.markers.after_bound for w in words):
                return True
        # "war bis 1963 Kommandeur und studierte danach ...": in a later conjunct of its own
        if mention.conjunct is None or date.timex.end > mention.conjunct[0]:
            return False
        words = self.text[mention.conjunct[0] : mention.conjunct[1]].lower().split()[:3]
        return any(w.strip(",") in self.markers.after_bound for w in words)

    def _right_after(self, mention: EventMention) -> Bounds | None:
        """The day told last before an undated clause with a word of ``right_after``
        (``Am 5. Januar 1762 starb Elisabeth. Daraufhin kam Peter III. an die Macht``),
        in the same paragraph and not a bound of a range: the event's day."""
        words = {
            w.strip(",.") for w in self.text[mention.clause[0] : mention.clause[1]].lower().split()
        }
        if not words & self.markers.right_after:
            return None
        anchor = self.narrative.last_before(mention.trigger.start)
        if anchor is None or anchor.role is not None:
            return None
        value, paragraphs = anchor.timex.value, self.narrative.paragraphs
        if len(value) != len("1762-01-05") or "X" in value or value[4:5] != "-":
            return None
        if paragraphs.index_of(anchor.timex.start) != paragraphs.index_of(mention.trigger.start):
            return None
        return anchor.timex.bounds

    def _closed(self, timex: Timex) -> Bounds:
        """The bounds of a date open after it, closed by the next date the story tells;
        after a day or month (``wenig später`` after ``im März 1920``), within the year
        of that date at the latest, as an undated event's (:meth:`Narrative.reference_time`)."""
        bounds = timex.bounds
        first = bounds.earliest_begin
        if bounds.latest_end is not None or first is None:
            return bounds
        last = self.narrative.window(timex.start, exclude=timex).latest_end
        point = timex.resolved
        if isinstance(point, CalendarPoint) and point.year is not None and point.month:
            year_end = Day(point.year, 12, 31)
            last = year_end if last is None or last > year_end else last
        elif _within_next_year(timex) and isinstance(point, CalendarPoint) and point.year:
            # "Im Jahr 1689 starb ... und nur wenige Monate später heiratete er": a
            # length finer than the story's year, after it: that year or the next
            first, year_end = Day(point.year, 1, 1), Day(point.year + 1, 12, 31)
            last = year_end if last is None or last > year_end else last
        if last is None or last < first:
            return bounds
        return Bounds(first, last, first, last)

    def _relation(self, mention: EventMention) -> tuple[ReferenceMention, str] | None:
        return self._named.relation_of(mention.clause, mention.trigger.start)

    def _said_earlier(self, mention: EventMention) -> bool:
        """Whether an adverb of ``earlier_adverbs`` stands right before the trigger
        (``der von Andrew Smith zuvor entsandten Kommission``): told as a flashback."""
        before = self.text[mention.clause[0] : mention.trigger.start].lower().split()[-2:]
        return any(w.strip(",") in self.markers.earlier_adverbs for w in before)

    def _flashback(self, mention: EventMention) -> StoryDate | None:
        """The story's date an event told in the pluperfect without a date of its own
        lies before (``..., der nach Versuchen ... zurückgetreten war``): the
        sentence's date nearest to it, else the last date told before it."""
        if not self.tenses.pluperfect(mention) and not self._said_earlier(mention):
            return None
        found = self.index.nearest(mention.sentence, mention.trigger.start, story_only=True)
        if found is not None:
            return found
        return self.narrative.last_before(mention.trigger.start)

    def _dated_by(
        self,
        own: StoryDate,
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

    def times_of(self, mention: EventMention) -> list[tuple[EventMention, EventTime, float]]:
        """The times of one event mention: one per date of a coordination of dates
        its own date stands in (``1805 und 1809``; one over them when they are days
        one after the other: ``am 9. und 10. Juli 1860``), one per list item with a date
        in parentheses (``in Santo Domingo (1519), Guatemala (1523) und Mexiko
        (1531)``, each labelled with its item), else :meth:`time_of`'s."""
        own, level = self.own_dates.of(mention)
        if mention.earlier and own is not None:
            # "Nach der Niederlage ... starb Otto II. am 7. Dezember 983": before that day
            bounds = ordered(self.narrative.before(own))
            if _first_known(bounds) is not None:
                time = EventTime(None, edtf_of_bounds(bounds), bounds, TimeSource.NARRATIVE)
                return [(mention, time, CONFIDENCE["narrative"])]
        found = self._relation(mention)
        if own is not None and level == "clause" and self.markers.date_coordination:
            chain = self.index.coordinated(own)
            if len(chain) > 1 and consecutive(chain):
                # days one after the other ("am 9. und 10. Juli 1860"): one event over them
                return [(mention, self._items_time(chain, mention), CONFIDENCE[level])]
            if len(chain) > 1:
                return [
                    (mention, self._dated_by(date, mention, found), CONFIDENCE[level])
                    for date in chain
                ]
        items = self._listed(mention)
        if len(items) > 1 and (own is None or frames(own, items)):
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

    def _listed(self, mention: EventMention) -> list[tuple[list[StoryDate], str]]:
        """The items of a list in the mention's sentence that each have a date in
        parentheses right after them (:func:`chronist.timeline.listing.list_items`)."""
        if mention.kind is not SegmentKind.MAIN or not mention.trigger.text[:1].isalpha():
            return []  # (not the birth and death of a biography header: "* 1821")
        if self.text.count("(", *mention.sentence) < 2:
            return []  # a list needs two items
        dates = self.index.between(*mention.sentence)
        spans = [(d.timex.start, d.timex.end) for d in dates]
        found = list_items(self.text, mention.sentence, spans, self.markers)
        return [([dates[i] for i in indices], item) for indices, item in found]

    def _items_time(self, dates: list[StoryDate], mention: EventMention) -> EventTime:
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
        own, level = self.own_dates.of(mention)
        return self._time(mention, own, level, self._relation(mention))

    def _time(
        self,
        mention: EventMention,
        own: StoryDate | None,
        level: str,
        found: tuple[ReferenceMention, str] | None,
    ) -> tuple[EventTime, float]:
        years = counted_years(self.text, mention.trigger.start, self.markers)
        celebrated = own or self.narrative.last_before(mention.trigger.start)
        paragraphs = self.narrative.paragraphs
        if (
            years is not None
            and celebrated is not None
            and celebrated.timex.start < mention.trigger.start
            and paragraphs.index_of(celebrated.timex.start)
            == paragraphs.index_of(mention.trigger.start)
        ):
            # "feierte man 2004 den 350. Jahrestag der Vollendung": the event's own year
            # (not "zum 50. Jahrestag des Volksaufstands von 1956": a date of its own)
            bounds = anniversary_bounds(years, celebrated.timex.bounds)
            if bounds is not None:
                time = EventTime(None, edtf_of_bounds(bounds), bounds, TimeSource.NARRATIVE)
                return time, CONFIDENCE["sentence"]
        if own is not None:
            return self._dated_by(own, mention, found), CONFIDENCE[level]
        if found is not None:
            reference, relation = found
            bounds = ordered(relative_time(reference, relation))
            time = EventTime(
                None, edtf_of_bounds(bounds), bounds, TimeSource.REFERENCE_EVENT, None,
                reference.event.id, reference.text,
            )  # fmt: skip
            return time, CONFIDENCE["reference"]
        if self.tenses.present(mention):
            return EventTime("PRESENT_REF", None, Bounds.unknown(), TimeSource.NARRATIVE), (
                CONFIDENCE["unknown"]
            )
        story = self._flashback(mention)
        if story is not None:
            bounds = ordered(self.narrative.before(story))
        else:
            bounds = self._right_after(mention) or ordered(
                self.narrative.reference_time(mention.trigger.start)
            )
        if _first_known(bounds) is None:
            return EventTime.unknown(), CONFIDENCE["unknown"]
        return EventTime(None, edtf_of_bounds(bounds), bounds, TimeSource.NARRATIVE), CONFIDENCE[
            "narrative"
        ]
