"""The values entity recognition returns: :class:`Entity` and :class:`Mention`."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

__all__ = ["Entity", "EntityType", "Mention"]

JsonValue = str | int | float | bool | None | list["JsonValue"] | dict[str, "JsonValue"]


class EntityType(Enum):
    """The three classes chronist recognises."""

    PER = "PER"
    LOC = "LOC"
    ORG = "ORG"


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an entity: its text and half-open code-point offsets."""

    text: str
    start: int
    end: int

    def to_json(self) -> dict[str, JsonValue]:
        """A JSON-ready dict.

        >>> Mention("Stalins", 10, 17).to_json()
        {'text': 'Stalins', 'start': 10, 'end': 17}
        """
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, place or organisation named in a document.

    ``text``/``start``/``end`` are those of the canonical mention (the fullest
    form, e.g. ``Douglas MacArthur``); ``mentions`` lists every occurrence in
    text order. Places carry ``lat``/``lon`` (WGS-84) and ``gazetteer_id``
    (``geonames:1871859``) when ``resolved``; unresolved places keep ``None``.
    ``feature_class`` is the kind of place (``settlement``, ``country``,
    ``historical-state``, ``river``, ...), ``confidence`` that of the best
    candidate (also when it was too low to resolve), ``period`` a historical
    state's first and last year (astronomical, ``None`` when open), and
    ``geometry`` says what the point stands for: ``point`` (a town or site) or
    ``centroid`` (a country, region, river, sea: an area drawn as its centre).
    """

    text: str
    type: EntityType
    start: int
    end: int
    mentions: tuple[Mention, ...]
    lat: float | None = None
    lon: float | None = None
    gazetteer_id: str | None = None
    resolved: bool = False
    feature_class: str | None = None
    confidence: float | None = None
    period: tuple[int | None, int | None] | None = None
    geometry: str | None = None

    def to_json(self) -> dict[str, JsonValue]:
        """A JSON-ready dict; places also get ``lat``, ``lon``, ``gazetteer_id``, ``resolved``.

        >>> e = Entity("Truman", EntityType.PER, 0, 6, (Mention("Truman", 0, 6),))
        >>> e.to_json()["type"], e.to_json()["mentions"]
        ('PER', [{'text': 'Truman', 'start': 0, 'end': 6}])
        """
        data: dict[str, JsonValue] = {
            "text": self.text,
            "type": self.type.value,
            "start": self.start,
            "end": self.end,
            "mentions": [m.to_json() for m in self.mentions],
        }
        if self.type is EntityType.LOC:
            data["lat"] = self.lat
            data["lon"] = self.lon
            data["gazetteer_id"] = self.gazetteer_id
            data["resolved"] = self.resolved
            data["feature_class"] = self.feature_class
            data["confidence"] = self.confidence
            data["period"] = None if self.period is None else list(self.period)
            data["geometry"] = self.geometry
        return data
