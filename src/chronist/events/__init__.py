"""Events: triggers, modality, participants and named historical events.

* :func:`detect_events` finds event mentions (one per clause head) with their
  trigger and lemma, type, modality, label, participants and place;
* :func:`load_reference` / :func:`find_references` give the table of named
  historical events and periods used as time anchors (user-extendable).

Per-language data lives in ``chronist/lang/<code>/events.toml``; the event
types are the ontology in ``chronist/events/ontology.toml``.

>>> from chronist.events import detect_events
>>> [m.trigger.lemma for m in detect_events("Truman rief den Sicherheitsrat an.")]
['anrufen']
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

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

# Imported on first use: reading the event model (chronist.events.model) must not
# load the detector and its lexicon.
_HOMES = {
    "EventMention": "chronist.events.detect",
    "detect_events": "chronist.events.detect",
    "event_types": "chronist.events.lexicon",
    "load_lexicon": "chronist.events.lexicon",
    "ReferenceEvent": "chronist.events.reference",
    "ReferenceMention": "chronist.events.reference",
    "ReferenceTable": "chronist.events.reference",
    "find_references": "chronist.events.reference",
    "load_reference": "chronist.events.reference",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
