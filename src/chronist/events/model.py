"""What the event layer finds: triggers, participants, places, modality, evidence.

These are the lowest types of the event layer; the timeline
(:mod:`chronist.timeline.model`) adds times and merges mentions into events.

>>> Evidence.of("Erst am 27. Juli 1953 schwiegen die Waffen.", 22, 31).exact
'schwiegen'
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

__all__ = ["QUOTE_CONTEXT", "Evidence", "Modality", "Participant", "Place", "Role", "Trigger"]

# Characters of context kept on each side of an evidence quote.
QUOTE_CONTEXT = 32


class Role(Enum):
    """What a participant does in an event."""

    AGENT = "agent"  # who acts: ``Truman`` in ``Truman setzte MacArthur ab``
    PATIENT = "patient"  # who or what is acted on: ``MacArthur``
    PARTICIPANT = "participant"  # involved, role not shown by the sentence


class Modality(Enum):
    """Whether the text says the event happened."""

    ASSERTED = "asserted"  # it happened (or happens)
    CONDITIONAL = "conditional"  # ``Falls sie angegriffen werden würden``
    HYPOTHETICAL = "hypothetical"  # subjunctive, counterfactual (``wäre``)
    PLANNED = "planned"  # intended, demanded, planned (``solle ... werden``)
    REPORTED = "reported"  # hearsay (``soll es gegeben haben``)
    NEGATED = "negated"  # ``kein Atomwaffeneinsatz``

    @property
    def happened(self) -> bool:
        """True for events the text states as facts (asserted or reported)."""
        return self in (Modality.ASSERTED, Modality.REPORTED)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact is stated: W3C Web Annotation ``TextPositionSelector``
    (``start``, ``end``) and ``TextQuoteSelector`` (``exact``, ``prefix``, ``suffix``).

    >>> e = Evidence.of("Truman setzte MacArthur ab.", 7, 13)
    >>> (e.exact, e.prefix, e.suffix)
    ('setzte', 'Truman ', ' MacArthur ab.')
    """

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str

    @staticmethod
    def of(text: str, start: int, end: int, context: int = QUOTE_CONTEXT) -> Evidence:
        return Evidence(
            start,
            end,
            text[start:end],
            text[max(0, start - context) : start],
            text[end : end + context],
        )


@dataclass(frozen=True, slots=True)
class Trigger:
    """The word or phrase that states the event and its lemma (``rief ... an`` -> ``anrufen``).

    ``start``/``end`` cover the main word; a separated particle is at ``particle_start``.
    """

    text: str
    lemma: str
    start: int
    end: int
    particle_start: int | None = None


@dataclass(frozen=True, slots=True)
class Participant:
    """A person, organisation or place taking part, by its mention in the sentence.

    ``entity`` is the index of the entity in :attr:`Timeline.entities`, or ``None``
    for a participant that is not a recognised entity (``die Amerikaner``).
    """

    text: str
    role: Role
    start: int
    end: int
    entity: int | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """Where the event happened; coordinates when the place was resolved."""

    text: str
    start: int
    end: int
    entity: int | None = None
    lat: float | None = None
    lon: float | None = None
    gazetteer_id: str | None = None

    @property
    def located(self) -> bool:
        """Whether the place has valid WGS-84 coordinates."""
        return (
            self.lat is not None
            and self.lon is not None
            and -90 <= self.lat <= 90
            and -180 <= self.lon <= 180
        )
