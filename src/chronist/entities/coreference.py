"""Name coreference inside one document.

Mentions are grouped when one is an inflected form of the other (``Stalins`` ->
``Stalin``, ``Kongresses`` -> ``Kongress``), or, for persons, when a shorter
name equals the last words of a longer one (``MacArthur`` -> ``Douglas
MacArthur``, ``Grande`` -> ``Ariana Grande-Butera``; also a name typed ORG
that reads as a person's, ``Ariana Grande``) or, when no other name of the
document starts with it, its first word (``Farin`` -> ``Farin Urlaub``: people
called by their given name). The group's type is the majority of its
mentions' types; its canonical mention is the fullest uninflected one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container
from dataclasses import dataclass

from chronist.entities.types import EntityType, Mention

__all__ = ["TypedMention", "cluster_mentions", "uninflected"]

# A name typed ORG that may be a person's: two or three capitalised words of letters
_PERSON_LIKE = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?(?: [A-ZÄÖÜ][\w-]+){1,2}")
_ENDINGS = ("’s", "'s", "’", "'", "es", "s", "n")


@dataclass(frozen=True, slots=True)
class TypedMention:
    """A mention as the tagger found it, with its predicted type."""

    mention: Mention
    type: EntityType


class _Without:
    """The names of ``names`` but one, without copying the set (once per mention would be
    quadratic in a long document)."""

    __slots__ = ("excluded", "names")

    def __init__(self, names: Container[str], excluded: str) -> None:
        self.names = names
        self.excluded = excluded

    def __contains__(self, name: object) -> bool:
        return name != self.excluded and name in self.names


def uninflected(name: str, known: Container[str]) -> str:
    """The form of ``name`` without a genitive ending, if that form is in ``known``.

    >>> uninflected("MacArthurs", {"MacArthur"}), uninflected("Berlin", set())
    ('MacArthur', 'Berlin')
    """
    if name in known:
        return name
    for ending in _ENDINGS:
        if name.endswith(ending) and len(name) - len(ending) >= 2:
            stem = name[: -len(ending)]
            if stem in known:
                return stem
    return name


def _strip_genitive(name: str) -> str:
    for ending in ("’s", "'s", "’", "'"):
        if name.endswith(ending):
            return name[: -len(ending)]
    return name


def cluster_mentions(mentions: list[TypedMention]) -> list[list[TypedMention]]:
    """Group mentions that name the same entity; groups keep text order.

    >>> from chronist.entities.types import Mention as M
    >>> P = EntityType.PER
    >>> groups = cluster_mentions([TypedMention(M("Douglas MacArthur", 0, 17), P),
    ...     TypedMention(M("MacArthurs", 30, 40), P), TypedMention(M("Truman", 50, 56), P)])
    >>> [[m.mention.text for m in g] for g in groups]
    [['Douglas MacArthur', 'MacArthurs'], ['Truman']]
    """
    texts = {m.mention.text for m in mentions}
    # every mention's key: its uninflected form (worked out once per distinct text)
    key_of = {text: uninflected(_strip_genitive(text), _Without(texts, text)) for text in texts}
    keys = [key_of[m.mention.text] for m in mentions]
    # persons: a one-word key that is the last or first word of a longer name
    person_names = {key for key, m in zip(keys, mentions, strict=True) if m.type is EntityType.PER}
    long_names = sorted((k for k in person_names if " " in k), key=lambda k: (-len(k), k))
    person_like = sorted(
        {
            k
            for k, m in zip(keys, mentions, strict=True)
            if m.type is EntityType.ORG and _PERSON_LIKE.fullmatch(k)
        }
        - person_names,
        key=lambda k: (-len(k), k),
    )
    last_words: dict[str, str] = {}
    for name in [*long_names, *person_like]:  # a name typed PER first
        words = name.split()
        last_words.setdefault(words[-1], name)
        last_words.setdefault(" ".join(words[1:]), name)
        last_words.setdefault(words[-1].split("-")[0], name)  # a double surname's first
    # the longer names each first word starts (an initial's dot aside: ``Bela B.``)
    first_words: dict[str, dict[str, str]] = {}
    for name in long_names:
        first_words.setdefault(name.split()[0], {}).setdefault(name.rstrip("."), name)
    by_surname: dict[str, list[str]] = {}  # only names with one surname can be one person
    for name in long_names:
        by_surname.setdefault(_given_names(name)[1], []).append(name)
    canonical_key: dict[str, str] = {}
    for key, mention in zip(keys, mentions, strict=True):
        if key in canonical_key:
            continue
        target = key
        if " " not in key:
            stem = uninflected(key, set(last_words))
            if mention.type is not EntityType.PER:
                pass
            elif stem in last_words:
                target = last_words[stem]
            else:
                starting = first_words.get(uninflected(key, first_words), {})
                if len(starting) == 1:
                    target = next(iter(starting.values()))
        elif mention.type is EntityType.PER:
            same_surname = by_surname.get(_given_names(key)[1], ())
            target = next((n for n in same_surname if _same_person(key, n)), key)
        canonical_key[key] = target
    groups: dict[str, list[TypedMention]] = {}
    for key, mention in zip(keys, mentions, strict=True):
        groups.setdefault(canonical_key[key], []).append(mention)
    ordered = sorted(groups.values(), key=lambda g: g[0].mention.start)
    return [sorted(g, key=lambda m: m.mention.start) for g in ordered]


def _given_names(name: str) -> tuple[list[str], str]:
    words = name.replace("-", " ").split()
    return words[:-1], words[-1]


def _same_person(short: str, long: str) -> bool:
    """``Hanns Joachim Friedrichs``, ``Hanns-Joachim Friedrichs`` and ``H. J.
    Friedrichs`` are one person: same surname, each given name equal or its initial.

    >>> _same_person("H. J. Friedrichs", "Hanns-Joachim Friedrichs")
    True
    >>> _same_person("Anna Friedrichs", "Hanns-Joachim Friedrichs")
    False
    """
    if short == long:
        return True
    given, surname = _given_names(short)
    other, other_surname = _given_names(long)
    if surname != other_surname or not given or len(given) > len(other):
        return False
    return all(
        g == o or (g.endswith(".") and o.startswith(g[:-1]))
        for g, o in zip(given, other, strict=False)
    )


def group_type(group: list[TypedMention]) -> EntityType:
    """The majority type of a group (ties: the first mention's type)."""
    counts = Counter(m.type for m in group)
    best = max(counts.values())
    for mention in group:
        if counts[mention.type] == best:
            return mention.type
    return group[0].type


def canonical(group: list[TypedMention]) -> Mention:
    """The fullest mention: most words, then an uninflected form, then first."""
    texts = {m.mention.text for m in group}

    def rank(m: TypedMention) -> tuple[int, int, int]:
        text = m.mention.text
        inflected = uninflected(text, _Without(texts, text)) != text
        return (-len(text.split()), int(inflected), m.mention.start)

    return min(group, key=rank).mention
