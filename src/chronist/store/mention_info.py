"""What merging needs of one event mention, and the days its time may cover.

A :class:`MentionInfo` is a document's event as the cross-document merge
(:mod:`chronist.store.merge`) reads it; its four bounds are turned once into
day keys and into day numbers of 31 days a month (:func:`_ordinal`), so that
comparing two times is comparing two intervals of integers.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from chronist.store.matching import OPEN, Words
from chronist.store.schema import day_key

if TYPE_CHECKING:
    from chronist.store.rows import Row

__all__ = ["MentionInfo", "entities_within", "mention_of"]

# Times stated in the mention's own clause (else inferred from the narrative around it)
_STATED = frozenset({"explicit", "reference-event"})


def _keys(bounds: list[int | None]) -> tuple[int, int] | None:
    """First and last possible day as day keys, from the four bounds' day keys
    (``None`` when nothing is known)."""
    eb, lb, ee, le = bounds
    low = next((k for k in (eb, lb, ee, le) if k is not None), None)
    high = next((k for k in (le, ee, lb, eb) if k is not None), None)
    if low is None or high is None:
        return None
    return (min(low, high), max(low, high))


def _span(bounds: list[int | None]) -> tuple[int, int] | None:
    """The days the event may cover, as day numbers, from the four bounds' day keys:
    from its earliest begin to its latest end, an unknown side open (:data:`OPEN`);
    ``None`` when no bound is known.

    Two mentions can tell one event only if these overlap (the four bounds'
    test: each may begin before the other's latest end).

    >>> _span([None, day_key("1920-01-01"), day_key("1920-01-01"), None])[1]
    1099511627776
    >>> _span([None, None, None, None]) is None
    True
    """
    if all(b is None for b in bounds):
        return None
    eb, _lb, _ee, le = bounds
    low = -OPEN if eb is None else _ordinal(eb)
    high = OPEN if le is None else _ordinal(le)
    return (min(low, high), max(low, high))


@dataclass(frozen=True, slots=True)
class MentionInfo:
    """What merging needs of one event mention (a document's event)."""

    doc: str
    seq: int
    type: str
    lemma: str
    label: str
    confidence: float
    hypothetical: bool
    entities: frozenset[int]  # its participants (as extracted and stored)
    places: frozenset[int]
    time: tuple[str | None, ...]  # value, edtf, four bounds, source, text
    # the document's main entity (see :func:`~chronist.store.topics.topic_of`)
    topic: frozenset[int] = frozenset()
    group: str | None = None  # the lemma's group of one happening (``lang/<xx>/merge.toml``)
    generic: bool = False  # a lemma that tells little alone (``werden``)
    words: tuple[str, ...] = ()  # the sentence's content words (stems, sorted)
    # the entities its sentence names: participants as the merge sees them, not stored
    named: frozenset[int] = frozenset()
    keys: tuple[int, int] | None = field(init=False, default=None, compare=False)
    interval: tuple[int, int] | None = field(init=False, default=None, compare=False)

    def __post_init__(self) -> None:
        # computed once: every candidate comparison reads them
        bounds = [day_key(d) for d in self.time[2:6]]  # the four bounds, converted once
        object.__setattr__(self, "keys", _keys(bounds))
        object.__setattr__(self, "interval", _span(bounds))

    @property
    def context(self) -> frozenset[int]:
        """The entities that make two mentions comparable: participants, place, topic."""
        return self.entities | self.named | self.places | self.topic

    @property
    def edtf(self) -> str | None:
        return self.time[1]

    @property
    def explicit(self) -> frozenset[int]:
        """Participants (with the entities its sentence names) and place."""
        return self.entities | self.named | self.places

    @property
    def stated(self) -> bool:
        """The time is stated in the mention's own clause, not inferred."""
        return self.time[6] in _STATED

    @property
    def word(self) -> str:
        """What blocks the mention's word: its group, else its lemma."""
        return self.group or self.lemma


def _ordinal(key: int) -> int:
    """A day key as a day number (31 days a month): ``_ordinal(day_key("-0043-03-15"))``."""
    year, rest = divmod(key, 10000)  # floor division keeps month and day of BC years
    month, day = divmod(rest, 100)
    return year * 372 + (month - 1) * 31 + day - 1


def mention_of(
    row: Row,
    at: dict[str, int],
    people: set[int],
    place: int | None,
    topic: frozenset[int],
    words: Words,
    content: Callable[[str | None], tuple[str, ...]] | None = None,
    in_sentence: set[int] | frozenset[int] = frozenset(),
) -> MentionInfo:
    """What merging needs of an event mention row; ``content`` reads a sentence's
    content words (``words.content``, or a cache of it), ``in_sentence`` are the
    entities the sentence names."""
    content = words.content if content is None else content
    modality = row[at["modality"]]
    lemma = str(row[at["lemma"]]).lower()
    group, generic = words.group(lemma), words.generic(lemma)
    trigger_words = set(content(row[at["trigger_text"]]))
    if generic:
        # a support verb (``folgte die Fusion``, ``gelang die Wiederwahl``): the event
        # is what its noun names, and merges as that word's group
        named = words.named(row[at["label"]])
        if named is not None:
            lemma, group, generic = named, named, False
    elif group is None:
        # a verb of no group with its object naming one (``der Meistertitel wurde
        # eingefahren``): the happening the noun names
        group = words.named(row[at["label"]])
    return MentionInfo(
        doc=row[0],
        seq=row[1],
        type=row[at["type"]],
        lemma=lemma,
        label=row[at["label"]],
        confidence=float(row[at["confidence"]]),
        hypothetical=modality not in ("asserted", "reported"),
        entities=frozenset(people),
        places=frozenset() if place is None else frozenset({place}),
        time=_time(row, at),
        topic=topic,
        group=group,
        generic=generic,
        # the sentence's other words: its trigger is the word evidence already
        words=tuple(w for w in content(row[at["exact"]]) if w not in trigger_words),
        named=frozenset(in_sentence),
    )


def _time(row: Row, at: dict[str, int]) -> tuple[str | None, ...]:
    names = ("time_value", "edtf", "earliest_begin", "latest_begin", "earliest_end", "latest_end")
    return (*(row[at[n]] for n in names), row[at["time_source"]], row[at["time_text"]])


def entities_within(mentions: Iterable[tuple[int, int, int]]) -> Callable[[int, int], set[int]]:
    """From entity mentions ``(entity id, start, end)``: a function giving the ids of
    those whose offsets lie inside ``start``..``end`` (an event mention's sentence:
    who it names counts as a participant for the merge, not in the stored rows).

    >>> within = entities_within([(7, 0, 5), (8, 10, 16), (9, 14, 30)])
    >>> sorted(within(0, 20))
    [7, 8]
    >>> within(20, 40)
    set()
    """
    ordered = sorted((start, end, entity) for entity, start, end in mentions)
    starts = [start for start, _end, _entity in ordered]

    def within(start: int, end: int) -> set[int]:
        found: set[int] = set()
        i = bisect_left(starts, start)
        while i < len(ordered) and ordered[i][0] < end:
            if ordered[i][1] <= end:
                found.add(ordered[i][2])
            i += 1
        return found

    return within
