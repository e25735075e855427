"""People, places and organisations across documents: one id however many documents name them.

**Entities.** A place resolved against the gazetteer is its gazetteer id; an
unresolved place or an organisation is its normalised name; a person is a
surname with given names that must not contradict (``Angela Merkel``,
``Merkel`` and ``A. Merkel`` are one person; ``Angela Merkel`` and ``Horst
Merkel`` are two). A German genitive ``s`` is the same name (``Lincolns``).
An organisation is also named by the first two or more words of its name
(``FC Bayern`` for ``FC Bayern München``, ``FC Schalke`` for ``FC Schalke 04``);
dots of an abbreviation do not count (``F.C. Bayern`` is ``FC Bayern``).

A double surname is also known by its first part (``Ariana Grande-Butera`` is
``Ariana Grande``), and an initial as surname keeps no dot (``Bela B.`` is
``Bela B``). People and organisations are named alike, so the recogniser may
type one name differently in two documents: a name typed ORG that is a known
person's given name and surname is that person (``Ariana Grande``), a name
typed PER that is a known organisation's name is that organisation.

>>> index = EntityIndex()
>>> merkel = index.assign("PER", "Angela Merkel", None)
>>> index.assign("PER", "Merkel", None) == merkel
True
>>> index.assign("ORG", "Angela Merkel", None) == merkel
True
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

__all__ = ["EntityIndex", "normalise"]

_PARTICLES = frozenset({"von", "van", "de", "der", "den", "zu", "du", "di", "da", "la", "le"})
_SPACE = re.compile(r"\s+")
_ABBREVIATION_DOT = re.compile(r"(?<=\b\w)\.")  # ``F.C.``, ``S.A.``: one letter and a dot
# An organisation's name that could be a person's: two or three capitalised words
_PERSON_LIKE = re.compile(r"[A-ZÄÖÜ][\w'’-]+(?: [A-ZÄÖÜ][\w'’.-]+){1,2}")


def normalise(name: str) -> str:
    return _SPACE.sub(" ", name.strip().lower())


def _org_name(name: str) -> str:
    """An organisation's name as a key: normalised, abbreviations without dots.

    >>> _org_name("F.C. Bayern"), _org_name("Nestlé S.A.")
    ('fc bayern', 'nestlé sa')
    """
    return normalise(_ABBREVIATION_DOT.sub("", name))


def _person_key(name: str) -> tuple[str, frozenset[str]]:
    """Surname and given names (initials dropped) of a person's name."""
    tokens = [t for t in normalise(name).split(" ") if t and t not in _PARTICLES]
    if not tokens:
        tokens = [normalise(name)]
    surname = tokens[-1].rstrip(".") or tokens[-1]  # ``Bela B.``: ``Bela B``
    return surname, frozenset(t for t in tokens[:-1] if not t.endswith("."))


def _plain_key(type_: str, name: str, gazetteer_id: str | None) -> str:
    """The key of a name as given (no variant looked up)."""
    if gazetteer_id:
        return f"{type_}:{gazetteer_id}"
    return f"{type_}:{_org_name(name) if type_ == 'ORG' else normalise(name)}"


def _surnames(surname: str) -> tuple[str, ...]:
    """The keys a person is known by: the surname, and a double one's first part.

    >>> _surnames("grande-butera"), _surnames("merkel")
    (('grande-butera', 'grande'), ('merkel',))
    """
    first = surname.split("-", 1)[0]
    return (surname, first) if first != surname and len(first) > 1 else (surname,)


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
            organisation = self._organisation(name)
            entity = self._person(name) if organisation is None else organisation
        else:
            key = self._key(type_, name, gazetteer_id)
            found = self.keys.get(key)
            if found is None and type_ == "ORG" and not gazetteer_id:
                found = self._person_named(name)
            if found is None:
                found = self._new(type_, gazetteer_id, lat, lon)
                self._register(key, found)
            entity = found
            if type_ == "ORG" and not gazetteer_id:
                self._register(_plain_key(type_, name, None), entity)  # a variant found later
        self.names[entity][name] += 1
        self.dirty.add(entity)
        return entity

    def lookup(self, type_: str, name: str, gazetteer_id: str | None) -> int | None:
        """The id of a known place or organisation, or ``None``."""
        return self.keys.get(_plain_key(type_, name, gazetteer_id))

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
            for known in _surnames(surname):
                people = self.persons.setdefault(known, [])
                for person in people:
                    if person.id == entity:
                        if len(given) > len(person.given):
                            person.given = given
                        break
                else:
                    people.append(_Person(entity, given))
        else:
            self._register(_plain_key(type_, name, gazetteer_id), entity)

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
        found: list[_Person] = []
        for known in _surnames(surname):
            found += self.persons.get(known, [])
            found += self.persons.get(known + "s", [])
            if known.endswith("s") and len(known) > 3:
                found += self.persons.get(known[:-1], [])
        return found

    def _key(self, type_: str, name: str, gazetteer_id: str | None) -> str:
        key = _plain_key(type_, name, gazetteer_id)
        if gazetteer_id or key in self.keys:
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

    def _organisation(self, name: str) -> int | None:
        """A known organisation of this name (two words or more) typed PER here
        (``F.C. Bayern``), or ``None``."""
        if " " not in name.strip():
            return None  # one word may be a person named after it (``Nestlé``)
        return self.keys.get(self._key("ORG", name, None))

    def _person_named(self, name: str) -> int | None:
        """A known person whose given names and surname this name typed ORG gives
        (``Ariana Grande``), or ``None``."""
        if not _PERSON_LIKE.fullmatch(name.strip()):
            return None
        surname, given = _person_key(name)
        best = self._best(surname, given)
        return None if best is None or not given or not best.given else best.id

    def _best(self, surname: str, given: frozenset[str]) -> _Person | None:
        """The most named known person of this surname whose given names fit."""
        best: _Person | None = None
        for person in self._people(surname):
            if not (given <= person.given or person.given <= given):
                continue
            if best is None or sum(self.names[person.id].values()) > sum(
                self.names[best.id].values()
            ):
                best = person
        return best

    def _person(self, name: str) -> int:
        surname, given = _person_key(name)
        best = self._best(surname, given)
        if best is None:
            best = _Person(self._new("PER", None, None, None), given)
            for known in _surnames(surname):
                self.persons.setdefault(known, []).append(best)
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
