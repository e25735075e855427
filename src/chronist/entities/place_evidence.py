"""What a document tells about one place entity, and the place chosen for it.

:class:`PlaceEvidence` is what :mod:`chronist.entities.evidence` weighs;
:class:`Resolution` is what it answers.
"""

from __future__ import annotations

from dataclasses import dataclass

from chronist.entities.places import Place, PlaceKind

__all__ = ["PlaceEvidence", "Resolution"]


@dataclass(frozen=True, slots=True)
class PlaceEvidence:
    """What the document tells about one place entity: its names (canonical first),
    the kinds its mentions' preceding words favour, the years told near it."""

    names: tuple[str, ...]
    cues: frozenset[PlaceKind] = frozenset()
    years: tuple[int, ...] = ()
    # other names it is given in parentheses (``Cambodunum (Kempten)``), asked only
    # when none of its own names, whole or in part, is in the gazetteer
    aliases: tuple[str, ...] = ()
    # every mention is a word the lexicon uses as a common noun (``Tuba``, ``Mekka``)
    noun_like: bool = False
    # no mention is a word the lexicon knows as a place (``Freedom``, ``Eher``)
    unknown_word: bool = False
    # a mention follows a place's preposition or word (``nach Pjöngjang``, ``Stadt X``),
    # or is a name the lexicon knows as a place and not as a given name (``Mailand``)
    vouched: bool = False
    # vouched for by its name alone (the lexicon knows it as a place), no word before it
    # does: the lexicon's place may be a town of that own name, not one named so only by
    # an alternate name (``Cham`` in Bavaria, not Damascus, once ``Cham``)
    by_name_only: bool = False
    # every mention is one word of the noun list (``Heide``, ``Steins``) and none follows
    # a place's preposition or word: a town of that name must be borne out
    common_noun: bool = False
    # the countries the text says it lies in (``Herat (Afghanistan)``, ``Abydos in Ägypten``)
    in_countries: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Resolution:
    """The chosen place (``None`` below the threshold) and the confidence of the best one."""

    place: Place | None
    confidence: float
