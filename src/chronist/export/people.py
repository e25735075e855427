"""Who takes part in an event, as the exporters name them.

A participant linked to a recognised entity has that entity's type; one that
is not (``die Amerikaner``) counts among the people.
"""

from __future__ import annotations

from chronist.entities.types import EntityType
from chronist.events.model import Participant
from chronist.timeline.model import Event, Timeline

__all__ = ["entity_type", "organisations", "people"]


def entity_type(timeline: Timeline, participant: Participant) -> EntityType | None:
    """The type of the entity a participant is, or ``None`` when it is not one."""
    index = participant.entity
    if index is None or not 0 <= index < len(timeline.entities):
        return None
    return timeline.entities[index].type


def people(timeline: Timeline, event: Event) -> tuple[str, ...]:
    """Participants that are people (or of unknown type), in order, once each."""
    names = (
        p.text for p in event.participants if entity_type(timeline, p) in (None, EntityType.PER)
    )
    return tuple(dict.fromkeys(names))


def organisations(timeline: Timeline, event: Event) -> tuple[str, ...]:
    """Participants that are organisations, in order, once each."""
    names = (p.text for p in event.participants if entity_type(timeline, p) is EntityType.ORG)
    return tuple(dict.fromkeys(names))
