"""People, places and organisations across documents: one id however many documents name them.

**Entities.** A place resolved against the gazetteer is its gazetteer id; an
unresolved place or an organisation is its normalised name; a person is a
surname with given names that must not contradict (``Angela Merkel``,
``Merkel`` and ``A. Merkel`` are one person; ``Angela Merkel`` and ``Horst
Merkel`` are two). A German genitive ``s`` is the same name (``Lincolns``).
An organisation is also named by the first two or more words of its name
(``FC Bayern`` for ``FC Bayern München``, ``FC Schalke`` for ``FC Schalke 04``).

>>> index = EntityIndex()
>>> merkel = index.assign("PER", "Angela Merkel", None)
>>> index.assign("PER", "Merkel", None) == merkel
True
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

__all__ = ["EntityIndex", "normalise"]

_PARTICLES = frozenset({"von", "van", "de", "der", "den", "zu", "du", "di", "da", "la", "le"})
_SPACE = re.compile(r"\s+")


def normalise(name: str) -> str:
    return _SPACE.sub(" ", name.strip().lower())


def _person_key(name: str) -> tuple[str, frozenset[str]]:
    """Surname and given names (initials dropped) of a person's name."""
    tokens = [t for t in normalise(name).split(" ") if t and t not in _PARTICLES]
    if not tokens:
        tokens = [normalise(name)]
    return tokens[-1], frozenset(t for t in tokens[:-1] if not t.endswith("."))


@dataclass(slots=True)
class _Person:
    id: int
    given: frozenset[str]


@dataclass(slots=True)
class EntityIndex:
    """Entity ids across documents; :meth:`assign` gives the id for a document's entity."""

    keys: dict[str, int] = field(default_factory=dict)
    # the first two or more words of an organisation's name -> its key
    prefixes: dict[str, str] = field(default_factory=dict)
    persons: dict[str, list[_Person]] = field(default_factory=dict)
    names: dict[int, Counter[str]] = field(default_factory=dict)
    info: dict[int, tuple[str, str | None, float | None, float | None]] = field(
        default_factory=dict
    )  # id -> type, gazetteer id, lat, lon
    next_id: int = 1
    dirty: set[int] = field(default_factory=set)

    def _new(
        self, type_: str, gazetteer_id: str | None, lat: float | None, lon: float | None
    ) -> int:
        entity = self.next_id
        self.next_id += 1
        self.info[entity] = (type_, gazetteer_id, lat, lon)
        self.names[entity] = Counter()
        return entity

    def assign(
        self,
        type_: str,
        name: str,
        gazetteer_id: str | None,
        lat: float | None = None,
        lon: float | None = None,
    ) -> int:
        """The id of the entity (creating it if new); its name is counted as a variant."""
        if type_ == "PER":
            entity = self._person(name)
        else:
            key = self._key(type_, name, gazetteer_id)
            found = self.keys.get(key)
            if found is None:
                found = self._new(type_, gazetteer_id, lat, lon)
                self._register(key, found)
            entity = found
            if type_ == "ORG" and not gazetteer_id:
                self._register(f"{type_}:{normalise(name)}", entity)  # a variant found later
        self.names[entity][name] += 1
        self.dirty.add(entity)
        return entity

    def lookup(self, type_: str, name: str, gazetteer_id: str | None) -> int | None:
        """The id of a known place or organisation, or ``None``."""
        return self.keys.get(
            f"{type_}:{gazetteer_id}" if gazetteer_id else f"{type_}:{normalise(name)}"
        )

    def restore(
        self,
        entity: int,
        type_: str,
        gazetteer_id: str | None,
        lat: float | None,
        lon: float | None,
        name: str,
    ) -> None:
        """Put back a stored entity with one of its names (when an ingest starts)."""
        if entity not in self.info:
            self.info[entity] = (type_, gazetteer_id, lat, lon)
            self.names[entity] = Counter()
            self.next_id = max(self.next_id, entity + 1)
        self.names[entity][name] += 1
        if type_ == "PER":
            surname, given = _person_key(name)
            people = self.persons.setdefault(surname, [])
            for person in people:
                if person.id == entity:
                    if len(given) > len(person.given):
                        person.given = given
                    return
            people.append(_Person(entity, given))
        else:
            key = f"{type_}:{gazetteer_id}" if gazetteer_id else f"{type_}:{normalise(name)}"
            self._register(key, entity)

    def _register(self, key: str, entity: int) -> None:
        """Know ``key`` as ``entity`` (unless known), an organisation's name by its first words."""
        if key in self.keys:
            return
        self.keys[key] = entity
        if key.startswith("ORG:"):
            words = key.split(" ")
            for cut in range(2, len(words)):
                self.prefixes.setdefault(" ".join(words[:cut]), key)

    def _people(self, surname: str) -> list[_Person]:
        # a German genitive is the same person: ``Lincolns Wahl``, ``Wahl Abraham Lincolns``
        found = list(self.persons.get(surname, []))
        found += self.persons.get(surname + "s", [])
        if surname.endswith("s") and len(surname) > 3:
            found += self.persons.get(surname[:-1], [])
        return found

    def _key(self, type_: str, name: str, gazetteer_id: str | None) -> str:
        if gazetteer_id:
            return f"{type_}:{gazetteer_id}"
        key = f"{type_}:{normalise(name)}"
        if key in self.keys:
            return key
        for variant in (key + "s", key[:-1] if key.endswith("s") and len(name) > 3 else None):
            if variant in self.keys:  # a genitive: ``Fort Sumters`` is ``Fort Sumter``
                return variant
        if type_ == "ORG":
            return self._org_key(key)
        return key

    def _org_key(self, key: str) -> str:
        """An organisation known by a longer name starting with this one's words
        (``FC Bayern``: ``FC Bayern München``), or by the first two or more words
        of this one's name (``FC Schalke 04``: ``FC Schalke``); else ``key``."""
        longer = self.prefixes.get(key)
        if longer is not None:
            return longer
        words = key.split(" ")
        for cut in range(len(words) - 1, 1, -1):
            shorter = " ".join(words[:cut])
            if shorter in self.keys:
                return shorter
        return key

    def _person(self, name: str) -> int:
        surname, given = _person_key(name)
        best: _Person | None = None
        for person in self._people(surname):
            if not (given <= person.given or person.given <= given):
                continue
            if best is None or sum(self.names[person.id].values()) > sum(
                self.names[best.id].values()
            ):
                best = person
        if best is None:
            best = _Person(self._new("PER", None, None, None), given)
            self.persons.setdefault(surname, []).append(best)
        elif len(given) > len(best.given):
            best.given = given
        return best.id

    def name(self, entity: int) -> str:
        counts = self.names[entity]
        if not counts:
            return ""
        # the most frequent name; among equals the longest (``Angela Merkel`` over ``Merkel``)
        return max(counts, key=lambda n: (counts[n], len(n), n))

    def row(self, entity: int) -> tuple[int, str, str, str | None, float | None, float | None]:
        type_, gazetteer_id, lat, lon = self.info[entity]
        return (entity, type_, self.name(entity), gazetteer_id, lat, lon)
