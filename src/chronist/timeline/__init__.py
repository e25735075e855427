"""Timelines: a document's events in time order, with evidence.

>>> from chronist.timeline import build_timeline
>>> text = "Am 27. Juli 1953 wurde der Waffenstillstand unterzeichnet."
>>> timeline = build_timeline(text, recognizer=lambda document: [])
>>> [e.time.value for e in timeline.events]
['1953-07-27']

The typed model in :mod:`chronist.timeline.model` is the contract every
exporter builds on; :mod:`chronist.timeline.jsonio` writes it as JSON valid
against the shipped schema ``schema/timeline-1.json``.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from chronist.timeline.model import (
    SCHEMA_VERSION,
    AnchorUse,
    Document,
    Event,
    EventTime,
    Evidence,
    Modality,
    Participant,
    Place,
    Role,
    Timeline,
    TimeSource,
    Trigger,
)

if TYPE_CHECKING:
    from chronist.timeline.jsonio import dumps, from_json, loads, schema, to_json


def build_timeline(text: str, **options: Any) -> Timeline:
    """The timeline of ``text``; see :func:`chronist.timeline.build.build_timeline`."""
    from chronist.timeline.build import build_timeline as build

    return build(text, **options)


# The JSON codec loads on first use: reading the model must not load the schema checker.
_CODEC = frozenset({"dumps", "from_json", "loads", "schema", "to_json"})


def __getattr__(name: str) -> Any:
    if name in _CODEC:
        return getattr(import_module("chronist.timeline.jsonio"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
    "build_timeline",
    "dumps",
    "from_json",
    "loads",
    "schema",
    "to_json",
]
