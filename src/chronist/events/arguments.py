"""Participants and place of an event, from the entity mentions in its clause.

Roles follow German word order and case marking as far as the surface shows
them: in a passive clause the ``von``/``durch`` phrase is the agent and the rest
are patients; otherwise a name after ``den``/``dem``/``einen``/``einem`` is a
patient and the first other name the agent. After an event noun, a genitive
name is its patient (``Absetzung des ...``, ``Tod Stalins``), or its agent
after nouns of acting (``Hilfe Maos``). A place is a
location after a locative preposition (``bei Incheon``, ``in Korea``).

>>> from chronist.entities.types import Entity, EntityType, Mention
>>> from chronist.text.tokens import tokenize
>>> from chronist.events.lexicon import load_lexicon
>>> from chronist.events.triggers import find_triggers
>>> text = "Truman rief den Sicherheitsrat an."
>>> people = [Entity("Truman", EntityType.PER, 0, 6, (Mention("Truman", 0, 6),)),
...     Entity("Sicherheitsrat", EntityType.ORG, 16, 30, (Mention("Sicherheitsrat", 16, 30),))]
>>> tokens, lexicon = tokenize(text), load_lexicon("de")
>>> hit = find_triggers(text, tokens, lexicon)[0]
>>> mentions = entity_mentions(people)
>>> found, place = link_arguments(text, tokens, hit, (0, 34), mentions, lexicon.markers)
>>> [(p.text, p.role.value) for p in found]
[('Truman', 'agent'), ('Sicherheitsrat', 'patient')]
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from chronist.entities.types import Entity, EntityType
from chronist.events.lexicon import Markers, TriggerKind
from chronist.events.model import Participant, Place, Role
from chronist.events.trigger_hit import TriggerHit
from chronist.text.tokens import Token

__all__ = ["EntityMention", "entity_mentions", "link_arguments"]

# The passive auxiliary stands this many tokens from the participle at most.
_PASSIVE_REACH = 15


@dataclass(frozen=True, slots=True)
class EntityMention:
    start: int
    end: int
    text: str
    entity: int  # index into the entity list
    type: EntityType
    lat: float | None
    lon: float | None
    gazetteer_id: str | None


def entity_mentions(entities: Sequence[Entity]) -> list[EntityMention]:
    """Every mention of every entity, sorted by position."""
    found = [
        EntityMention(m.start, m.end, m.text, i, e.type, e.lat, e.lon, e.gazetteer_id)
        for i, e in enumerate(entities)
        for m in e.mentions
    ]
    return sorted(found, key=lambda m: (m.start, m.end))


def _in_clause(mentions: Sequence[EntityMention], clause: tuple[int, int]) -> list[EntityMention]:
    first = bisect_left(mentions, clause[0], key=lambda m: m.start)
    last = bisect_left(mentions, clause[1], first, key=lambda m: m.start)
    found = []
    for mention in mentions[first:last]:
        if mention.end <= clause[1]:
            found.append(mention)
    return found


def _word_before(text: str, start: int) -> str:
    words = text[max(0, start - 20) : start].split()
    return words[-1].lower().strip('"„“(') if words else ""


def link_arguments(
    text: str,
    tokens: Sequence[Token],
    hit: TriggerHit,
    clause: tuple[int, int],
    mentions: Sequence[EntityMention],
    markers: Markers,
) -> tuple[tuple[Participant, ...], Place | None]:
    """Participants (with roles) and the place of the event ``hit`` in ``clause``."""
    found = [
        m for m in _in_clause(mentions, clause) if not (m.start < hit.end and hit.start < m.end)
    ]
    first = bisect_left(tokens, clause[0], key=lambda t: t.start)
    last = bisect_left(tokens, clause[1], key=lambda t: t.start)
    near = tokens[max(first, hit.index - _PASSIVE_REACH) : min(last, hit.index + _PASSIVE_REACH)]
    clause_words = {t.text.lower() for t in near}
    passive = bool(clause_words & markers.passive)
    place: Place | None = None
    participants: list[Participant] = []
    agent_taken = False
    for mention in found:
        before = _word_before(text, mention.start)
        is_place = before in markers.place_prepositions or before.endswith(markers.place_nouns)
        if mention.type is EntityType.LOC and is_place:
            if place is None:
                place = Place(
                    mention.text, mention.start, mention.end, mention.entity,
                    mention.lat, mention.lon, mention.gazetteer_id,
                )  # fmt: skip
            continue
        if hit.kind is TriggerKind.NOUN:
            genitive = mention.start >= hit.end and (
                before in markers.genitive_articles or mention.start == hit.end + 1
            )
            acts = hit.entry.type in markers.genitive_agent_types
            role = (Role.AGENT if acts else Role.PATIENT) if genitive else Role.PARTICIPANT
        elif passive:
            role = Role.AGENT if before in markers.agent_prepositions else Role.PATIENT
        elif before in markers.patient_articles:
            role = Role.PATIENT
        elif not agent_taken:
            role = Role.AGENT
            agent_taken = True
        else:
            role = Role.PARTICIPANT
        participants.append(
            Participant(mention.text, role, mention.start, mention.end, mention.entity)
        )
    if place is None and hit.entry.type == "conflict":
        for mention in found:
            if mention.type is EntityType.LOC:
                place = Place(
                    mention.text, mention.start, mention.end, mention.entity,
                    mention.lat, mention.lon, mention.gazetteer_id,
                )  # fmt: skip
                break
    return tuple(participants), place
