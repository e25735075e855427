"""The timeline model: the contract between extraction and every exporter.

**This module is the contract.** Exporters (CSV, TimelineJS, GeoJSON, RDF, Web
Annotation, the HTML page) read these types and nothing else; the JSON form is
written by :mod:`chronist.timeline.jsonio` and described by the versioned JSON
Schema ``chronist/timeline/schema/timeline-1.json``. Fields are only ever
*added* within a schema version; renaming or removing one is a new version.

::

    Timeline
    ├── document: Document          the text, its language, kind and DCT
    ├── events: tuple[Event]        ordered by the four bounds, then by position
    │   ├── label, type, trigger (text + lemma), participants (role), place
    │   ├── time: EventTime         TIMEX3 value, EDTF, four bounds, how inferred
    │   ├── confidence, modality (asserted / conditional / reported / ...)
    │   └── evidence + mentions     W3C position and quote selectors
    ├── entities: tuple[Entity]     chronist.entities.Entity (PER, LOC, ORG)
    ├── timexes: tuple[Timex]       chronist.Timex, as tagged and anchored
    └── anchors: tuple[AnchorUse]   named historical events used as time anchors

Offsets are half-open, in Unicode code points of ``document.text``.

>>> from chronist.timeline.model import Evidence
>>> Evidence.of("Erst am 27. Juli 1953 schwiegen die Waffen.", 22, 31).exact
'schwiegen'
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from chronist.entities.types import Entity
from chronist.events.model import Evidence, Modality, Participant, Place, Role, Trigger
from chronist.temporal.mention import Timex
from chronist.temporal.values import Bounds, Day
from chronist.text.document import Document

__all__ = [
    "SCHEMA_VERSION",
    "AnchorUse",
    "Document",
    "Event",
    "EventTime",
    "Evidence",
    "Modality",
    "Participant",
    "Place",
    "Role",
    "TimeSource",
    "Timeline",
    "Trigger",
    "order_key",
]

SCHEMA_VERSION = 1


class TimeSource(Enum):
    """How an event's time was inferred, from most to least direct."""

    EXPLICIT = "explicit"  # a temporal expression in the event's own clause
    BOUNDED = "bounded"  # only bounded by its clause (``bis 1953``, ``nach 1953``)
    REFERENCE_EVENT = "reference-event"  # a named historical event (``Blockade Berlins``)
    NARRATIVE = "narrative"  # inherited from the narrative around it
    UNKNOWN = "unknown"  # nothing in the text places it


@dataclass(frozen=True, slots=True)
class EventTime:
    """When an event happened, with how it was inferred.

    ``value`` is a TIMEX3 value (``1950-09-15``, ``1951-05``) or ``None``;
    ``edtf`` the EDTF form of what is known (``1950-01/1950-08``, ``1953/..``);
    ``bounds`` the four bounds; ``timex`` the tid of the temporal expression it
    comes from (if any); ``reference`` the id of the named historical event it
    comes from (``source`` is ``reference-event``); ``text`` how the document
    itself says it (``bis November 1950``), for display.
    """

    value: str | None
    edtf: str | None
    bounds: Bounds
    source: TimeSource
    timex: str | None = None
    reference: str | None = None
    text: str | None = None

    @staticmethod
    def unknown() -> EventTime:
        return EventTime(None, None, Bounds.unknown(), TimeSource.UNKNOWN)


@dataclass(frozen=True, slots=True)
class Event:
    """Something the document says happened (or might happen, see ``modality``).

    ``id`` is ``e1``, ``e2``, ... in text order of the first mention; ``label``
    a short phrase in the document's language; ``type`` an id from the event
    ontology (``conflict``, ``diplomacy``, ``leadership``, ``death``, ...);
    ``evidence`` the sentence of the first mention and ``mentions`` every
    mention's sentence (merged repeated mentions), the first one included.
    ``confidence`` is in [0, 1].
    """

    id: str
    label: str
    type: str
    trigger: Trigger
    participants: tuple[Participant, ...]
    place: Place | None
    time: EventTime
    confidence: float
    modality: Modality
    evidence: Evidence
    mentions: tuple[Evidence, ...]

    @property
    def hypothetical(self) -> bool:
        """True when the text does not state that the event happened."""
        return not self.modality.happened


@dataclass(frozen=True, slots=True)
class AnchorUse:
    """A mention of a named historical event or period from the reference table."""

    id: str  # the reference row's id (``berlin-blockade``)
    name: str  # its German or English name
    start: int
    end: int
    text: str
    bounds: Bounds
    edtf: str
    source: str  # the row's citation (Wikipedia article title)


@dataclass(frozen=True, slots=True)
class Timeline:
    """A document's events in time order, with the entities and timexes they rest on."""

    document: Document
    events: tuple[Event, ...]
    entities: tuple[Entity, ...]
    timexes: tuple[Timex, ...]
    anchors: tuple[AnchorUse, ...] = ()

    @property
    def happened(self) -> tuple[Event, ...]:
        """The events the text states as facts, in time order."""
        return tuple(e for e in self.events if not e.hypothetical)


_OPEN = (1, 0, 0, 0)


def _sortable(day: Day | None) -> tuple[int, int, int, int]:
    return _OPEN if day is None else (0, day.year, day.month, day.day)


def order_key(event: Event) -> tuple[tuple[int, int, int, int], ...]:
    """Sort key of the timeline: earliest begin, latest begin, earliest end,
    latest end, then the position in the text.

    A missing bound is read as what it at least must be: a missing earliest
    begin as the first known bound (``bis 1953`` sorts by its end), a missing
    latest begin as the latest end (or open), a missing earliest end as the
    earliest begin; an open latest begin or end sorts last.
    """
    b = event.time.bounds
    known = [d for d in (b.earliest_begin, b.latest_begin, b.earliest_end, b.latest_end) if d]
    first = b.earliest_begin or (known[0] if known else None)
    return (
        _sortable(first),
        _sortable(b.latest_begin or b.latest_end),
        _sortable(b.earliest_end or first),
        _sortable(b.latest_end),
        (0, event.evidence.start, event.trigger.start, 0),
    )
