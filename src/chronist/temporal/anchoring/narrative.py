"""The narrative policy: a story keeps its own clock.

Explicit dates move the story's reference time; bounds (``bis 1953``, ``nach
1953``) and looks back do not. An expression met before any date looks ahead
to the earliest year stated later in the paragraph, then in its section,
since a narrative runs forward; a section heading that names years
(``Kriegsjahr 1915``) confines its yearless dates; ``heute`` is the present.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property

from chronist.temporal.anchoring.core import AnchoredValue, Anchorer, Kind, _Reference
from chronist.temporal.discourse import dated_headings, is_heading
from chronist.temporal.meaning import Deictic
from chronist.temporal.mention import Anchor, AnchorKind
from chronist.temporal.values import CalendarPoint, Grain, Reference, RefPoint, Unit

__all__ = ["NarrativeAnchorer"]


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
            in_paragraph.append((year, i))
        if in_paragraph:
            year, i = min(in_paragraph)
        else:
            year, i = self._earliest_in_section[first]
            if self._section_of(self.candidates[i].start) != self._section_of(start):
                return None
        return _Reference(CalendarPoint(Grain.YEAR, year), i, AnchorKind.NARRATIVE)

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
