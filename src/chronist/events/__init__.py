"""Events: triggers, modality, participants and named historical events.

* :func:`detect_events` finds event mentions (one per clause head) with their
  trigger and lemma, type, modality, label, participants and place;
* :func:`load_reference` / :func:`find_references` give the table of named
  historical events and periods used as time anchors (user-extendable);


Per-language data lives in ``chronist/lang/<code>/events.toml``; the event
types are the ontology in ``chronist/events/ontology.toml``.

>>> [m.trigger.lemma for m in detect_events("Truman rief den Sicherheitsrat an.")]
['anrufen']
"""

from __future__ import annotations

from chronist.events.detect import EventMention, detect_events
from chronist.events.lexicon import event_types, load_lexicon
from chronist.events.reference import (
    ReferenceEvent,
    ReferenceMention,
    ReferenceTable,
    find_references,
    load_reference,
)

__all__ = [
    "EventMention",
    "ReferenceEvent",
    "ReferenceMention",
    "ReferenceTable",
    "detect_events",
    "event_types",
    "find_references",
    "load_lexicon",
    "load_reference",
]
