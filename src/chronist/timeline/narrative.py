"""The story's clock: where a text without a date of its own stands in time.

The dates that move the story (:class:`chronist.timeline.dates.StoryDate`) and
are fine enough to place it (not ``im frühen 20. Jahrhundert``) are its
anchors. At a position the story is in the interval from the anchor before to
the anchor after (:meth:`Narrative.window`); after a year or coarser period it
holds that period, after a day or month that date's year from that day on
(:meth:`Narrative.reference_time`); an event told in the pluperfect lies before
the story's date it is told at (:meth:`Narrative.before`).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from chronist.temporal.mention import Timex
from chronist.temporal.values import Bounds, Day
from chronist.text.document import Document
from chronist.timeline.bounds import first_known as _first_known
from chronist.timeline.bounds import last_known as _last_known
from chronist.timeline.dates import DateIndex, StoryDate

__all__ = ["Narrative"]

_WIDEST_ANCHOR_YEARS = 5
# a section heading: a line of wiki markup ("=== Caesar und die Helvetier ===")
_HEADING = re.compile(r"^[ \t]*=+[^\n=]+=*[ \t]*$", re.MULTILINE)


def _story_bounds(timex: Timex) -> Bounds:
    """The bounds of a date as a point of the story (``nach 1953`` is 1954 or later:
    the tagger's bounds already say so)."""
    return timex.bounds


def _narrow(timex: Timex) -> bool:
    """Fine enough to place the story (not "im frühen 20. Jahrhundert")."""
    first, last = _first_known(timex.bounds), _last_known(timex.bounds)
    return first is None or last is None or (last.year - first.year) <= _WIDEST_ANCHOR_YEARS


class Narrative:
    """The anchors of one text's story and the intervals they give."""

    def __init__(self, document: Document, index: DateIndex) -> None:
        self.paragraphs = document.paragraph_index
        # Dates the text leaves partly open (1950-XX-XX) say which year the story is
        # in, but only fully specified dates close an interval.
        self._anchors = [d for d in index.dates if d.moves_story and _narrow(d.timex)]
        self._anchor_starts = [d.timex.start for d in self._anchors]
        self._headings = [m.start() for m in _HEADING.finditer(document.text)]
        # periods too wide to be anchors ("im 12. Jahrhundert"), each with both ends known
        self._periods = [
            d
            for d in index.dates
            if d.moves_story
            and d.role is None
            and not _narrow(d.timex)
            and _first_known(d.timex.bounds) is not None
            and _last_known(d.timex.bounds) is not None
        ]
        self._period_starts = [d.timex.start for d in self._periods]
        # _closing_from[i]: the first anchor from i on with a fully known value
        self._closing_from = [len(self._anchors)] * (len(self._anchors) + 1)
        for i in range(len(self._anchors) - 1, -1, -1):
            closes = "X" not in self._anchors[i].timex.value
            self._closing_from[i] = i if closes else self._closing_from[i + 1]

    def last_before(self, position: int) -> StoryDate | None:
        """The last anchor told before ``position``."""
        at = bisect_left(self._anchor_starts, position)
        return self._anchors[at - 1] if at else None

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
            # the next date goes back in time (a flashback told after it): the story
            # is still at the date before, and goes on from there
            last = None
        if first is None and after:
            same = self.paragraphs.index_of(after.timex.start) == self.paragraphs.index_of(position)
            upcoming = _first_known(after.timex.bounds)
            if same and upcoming is not None:
                first = Day(upcoming.year, 1, 1)
        return Bounds(first, last, first, last)

    def reference_time(self, position: int) -> Bounds:
        """The time of an event told without a date at ``position``, from the last
        date before it (not a ``seit``): the story holds that year or coarser period
        until the text names another (``1631 stürmten ... Die Stadt wurde zerstört``;
        ``... am 16. Mai 1648 ...``, a new paragraph, ``Die Friedensverträge beendeten
        den Krieg``, the next date ``um 1650``), unless in a later paragraph it has
        moved on towards a next date that is near (:meth:`_moved_on`); after a day,
        month or season it stays in that year, from that day on (``am 5. November
        1551 ... Ein Friedensvertrag beendete die Belagerung``: 1551-11-05/1551-12-31,
        not up to the next date told; ``im Sommer 1991 ... gefunden wurde``: not open
        before a flashback to 1919). Else the narrative interval (:meth:`window`)."""
        at = bisect_left(self._anchor_starts, position)
        if at and self._heading_between(self._anchors[at - 1].timex.end, position):
            section = self._new_section(at, position)
            if section is not None:
                return section
        period = self._period_before(position, self._anchors[at - 1] if at else None)
        if period is not None:
            return period
        window = self.window(position)
        if not at:
            return window
        before = self._anchors[at - 1]
        value = before.timex.value
        if before.role == "begin" or "X" in value or self._moved_on(before, position, window):
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

    def _heading_between(self, start: int, end: int) -> bool:
        at = bisect_left(self._headings, start)
        return at < len(self._headings) and self._headings[at] < end

    def _new_section(self, at: int, position: int) -> Bounds | None:
        """After a section heading whose section moves the story on (its first date
        lies after the date told before the heading: ``=== Caesar und die Helvetier``
        after 101 BC, the section's first date 58 BC), the date before it no longer
        holds: the story is at the section's first date at the latest. A section that
        goes back (a flashback to 1919 after 1991) or tells no date: ``None``, the
        story goes on."""
        if at == len(self._anchors) or self._heading_between(
            position, self._anchors[at].timex.start
        ):
            return None
        before, after = self._anchors[at - 1], self._anchors[at]
        now, last = _last_known(before.timex.bounds), _last_known(after.timex.bounds)
        first = _first_known(after.timex.bounds)
        if now is None or last is None or first is None or first <= now:
            return None
        return Bounds(None, None, None, last)

    def _period_before(self, position: int, anchor: StoryDate | None) -> Bounds | None:
        """A period too wide to be an anchor, told after the last anchor and in the
        paragraph of ``position``: the story is in that period (``Im 12. Jahrhundert
        bauten die Grafen eine Burg. Sie erhoben einen Zoll.``: the 12th century)."""
        at = bisect_left(self._period_starts, position)
        if not at:
            return None
        period = self._periods[at - 1]
        if anchor is not None and anchor.timex.start > period.timex.start:
            return None
        paragraphs = self.paragraphs
        if paragraphs.index_of(period.timex.start) != paragraphs.index_of(position):
            return None
        return _story_bounds(period.timex)

    def _moved_on(self, before: StoryDate, position: int, window: Bounds) -> bool:
        """Whether in a paragraph after the one of the date ``before`` the story has
        moved on towards the next date told: when that date comes by the end of the
        year after (``bis November 1950``, a new paragraph, ``am 11. April 1951``) or
        is open after (``nach 1953``), not when it is years later or none closes the
        interval (the last date, or a flashback next)."""
        paragraphs = self.paragraphs
        if paragraphs.index_of(before.timex.start) == paragraphs.index_of(position):
            return False
        closing_at = self._closing_from[bisect_left(self._anchor_starts, position)]
        anchors = self._anchors
        if closing_at < len(anchors) and anchors[closing_at].timex.bounds.latest_end is None:
            return True  # "nach 1953": the story goes on
        told, closing = _last_known(before.timex.bounds), window.latest_end
        return told is not None and closing is not None and closing.year <= told.year + 1

    def before(self, story: StoryDate) -> Bounds:
        """Before the story's date ``story``, after the date told before it and
        in the story date's year.

        >>> from chronist.text.document import Document
        >>> from chronist.events.lexicon import load_lexicon
        >>> from chronist.temporal.tagger import tag
        >>> text = "Im Mai 2004 trat er bei. Am 29. September 2004 kam ein anderer."
        >>> index = DateIndex(Document(text), tag(text), load_lexicon("de").markers)
        >>> b = Narrative(Document(text), index).before(index.dates[1])
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
