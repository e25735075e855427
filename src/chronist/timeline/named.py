"""Named historical events an event is told relative to (``nach dem Ersten Weltkrieg``,
``während der Blockade Berlins``, ``mit der Französischen Revolution``): which one, by
the word before its name (``[clauses] reference_relations``), and the time it gives.

>>> from chronist.events.lexicon import load_lexicon
>>> from chronist.events.reference import find_references
>>> text = "Nach dem Ersten Weltkrieg wurde der Völkerbund gegründet."
>>> named = NamedEvents(text, find_references(text), load_lexicon("de").markers)
>>> reference, relation = named.relation_of((0, len(text)), text.index("gegründet"))
>>> relation, relative_time(reference, relation).earliest_begin
('after', Day(year=1918, month=11, day=11))
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from chronist.events.lexicon import Markers
from chronist.events.reference import ReferenceMention
from chronist.temporal.values import Bounds

__all__ = ["NamedEvents", "relative_time"]

_WORDS_BEFORE = 30  # characters before a name read for the word relating to it


class NamedEvents:
    """The named historical events of one text, by position."""

    def __init__(self, text: str, references: Sequence[ReferenceMention], markers: Markers) -> None:
        self.text = text
        self.markers = markers
        self._by_start = sorted(references, key=lambda r: r.start)
        self._starts = [r.start for r in self._by_start]

    def relation_of(
        self, clause: tuple[int, int], trigger: int
    ) -> tuple[ReferenceMention, str] | None:
        """The named event in ``clause`` an event at ``trigger`` is told relative to,
        and how: the event is its own name (``during``) or a word before the name
        relates to it (``nach`` -> ``after``)."""
        start, end = clause
        first = bisect_left(self._starts, start)
        last = bisect_left(self._starts, end, first)
        for reference in self._by_start[first:last]:
            if reference.end > end:
                continue
            if reference.start <= trigger < reference.end:
                return reference, "during"
            before = self.text[max(start, reference.start - _WORDS_BEFORE) : reference.start]
            relations = self.markers.reference_relations
            for word in reversed(before.lower().split()[-3:]):
                if word in relations:
                    return reference, relations[word]
        return None


def relative_time(reference: ReferenceMention, relation: str) -> Bounds:
    """The time of an event told ``relation`` to a named event."""
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
