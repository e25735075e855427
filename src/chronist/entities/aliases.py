"""Another name of a place in parentheses: ``Kempten (Cambodunum)``, ``Ungarn
(Magyarorszag)``, ``Pressburg (heute Bratislava)``, ``Cambodunum (Kempten im Allgäu)``.

A name alone in parentheses right after a place is a place too, unless it is a
code or a common noun (``Jena (DE)``, ``Bern (Luftlinie)``) or the gazetteer
knows it only as places far away (``Tessin (Ticino)``: a village in Argentina).
The two name one place: when the place's own names find nothing in the
gazetteer, the other's are asked (an old or native name is placed where its
modern name is). A name *before* parentheses holding a place is not read so:
there the place mostly says where the thing is (``Chan (China)``, ``Saalweg
(Jena)``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chronist.entities.coreference import TypedMention
from chronist.entities.distance import km_between
from chronist.entities.name_lexicon import in_noun_cluster, is_common_noun
from chronist.entities.places import Place, candidates, gazetteer
from chronist.entities.types import EntityType, Mention

__all__ = ["add_aliases", "alias_names"]

# an other name whose own places all lie farther than this from the place's is no alias
_NEAR_KM = 100.0

_NAME = (
    r"[A-ZÄÖÜ][\w'’-]*(?: [A-ZÄÖÜ][\w'’-]*)?"
    r"(?: (?:am|an der|im|in der|ob der|bei) [A-ZÄÖÜ][\w'’-]*)?"  # "Kempten im Allgäu"
)
# "(Cambodunum)", "(heute Bratislava)": a name alone in parentheses
_AFTER = re.compile(rf"\s*\((?:heute |das heutige |die heutige |der heutige )?({_NAME})\)")


def _may_name(name: str) -> bool:
    """Not a code (``Jena (DE)``), not a common noun (``Bern (Luftlinie)``, ``Meer
    (Pazifik)``), not a word of the common nouns' clusters the gazetteer lacks
    (``als Vasall (Fürstentum ...)``)."""
    if len(name) < 3 or name.replace(" ", "").isupper():
        return False
    return not any(
        is_common_noun(word) or (in_noun_cluster(word) and word not in gazetteer())
        for word in name.split()
    )


def _near_any(these: Sequence[Place], those: Sequence[Place]) -> bool:
    """Some place of ``these`` lies within ``_NEAR_KM`` of one of ``those``."""
    return any(
        abs(a.lat - b.lat) < 2 and km_between(a.lat, a.lon, b.lat, b.lon) <= _NEAR_KM
        for a in these
        for b in those
    )


def _pairs(text: str, found: Sequence[TypedMention]) -> list[tuple[Mention, Mention]]:
    """(place, other name) pairs; the other name may not be a mention yet."""
    pairs: list[tuple[Mention, Mention]] = []
    for m in found:
        if m.type is not EntityType.LOC:
            continue
        after = _AFTER.match(text, m.mention.end)
        if after is not None:
            start, end = after.span(1)
            pairs.append((m.mention, Mention(text[start:end], start, end)))
    return pairs


def add_aliases(text: str, found: list[TypedMention]) -> list[TypedMention]:
    """``found`` with the other names of places as places (a person or organisation
    over exactly that name becomes the place).

    >>> text = "Ungarn (Magyarorszag) und Kempten (Cambodunum)"
    >>> found = [TypedMention(Mention("Ungarn", 0, 6), EntityType.LOC),
    ...          TypedMention(Mention("Kempten", 26, 33), EntityType.LOC)]
    >>> [m.mention.text for m in add_aliases(text, found)]
    ['Ungarn', 'Magyarorszag', 'Kempten', 'Cambodunum']
    """
    extra: dict[tuple[int, int], TypedMention] = {}
    for place, other in _pairs(text, found):
        if not _may_name(other.text):
            continue
        own = candidates(other.text)
        if own and not _near_any(own, candidates(place.text)):
            continue  # "Tessin (Ticino)": a name of other places (a village in Argentina)
        extra[(other.start, other.end)] = TypedMention(other, EntityType.LOC)
    if not extra:
        return found
    kept = []
    for m in found:
        start, end = m.mention.start, m.mention.end
        inside = [k for k in extra if k[0] <= start and end <= k[1]]
        if inside and m.type is not EntityType.LOC:
            continue  # the alias replaces a person or organisation inside it, as a place
        # a place inside the alias, or a name across its edge, keeps its own reading
        extra = {k: v for k, v in extra.items() if not (k[0] < end and start < k[1])}
        kept.append(m)
    return sorted([*kept, *extra.values()], key=lambda m: m.mention.start)


def alias_names(text: str, found: Sequence[TypedMention]) -> dict[str, set[str]]:
    """Name -> the other names it is given in parentheses (either way round)."""
    names: dict[str, set[str]] = {}
    for place, other in _pairs(text, found):
        if not _may_name(other.text):
            continue
        names.setdefault(place.text, set()).add(other.text)
        names.setdefault(other.text, set()).add(place.text)
    return names
