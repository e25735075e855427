"""A one-word place the tagger found that is a person's given name: right before a
surname it missed (``durch Sofia Mulanovich``, ``Milford H. Wolpoff``), or the given
name of a person the document names in full (``in Salvador`` beside ``Salvador
Dalí``). A name of a country, region or state stays a place."""

from __future__ import annotations

import re

from chronist.entities.coreference import TypedMention
from chronist.entities.name_lexicon import is_common_noun
from chronist.entities.person_names import names_an_area
from chronist.entities.places import gazetteer
from chronist.entities.resources import PERSON_FLAGS, lexicon
from chronist.entities.types import EntityType, Mention

__all__ = ["given_names_of_persons", "join_place_and_surname"]


# "Milford H. Wolpoff", "Sofia Mulanovich", "Fleury Mesplet,": a name, an optional initial
# and a capitalised word, then the end of the name (punctuation or a lower-case word)
_SURNAME_AFTER = re.compile(
    r" (?P<initial>[A-Z]\. )?(?P<surname>[A-ZÄÖÜ][a-zäöüßéèáàíóúñç]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)"
    r"(?=[,.;:!?)]|\s+[a-zäöü]|\s*$)"
)


def _surname_after(text: str, place: Mention, next_start: int | None) -> int | None:
    """The end of a person's surname right after ``place``: after an initial any
    capitalised word (``Milford H. Wolpoff``), else a word the lexicon, the gazetteer and
    the noun list do not know at all (``Sofia Mulanovich``; not ``Berlin Mitte``)."""
    found = _SURNAME_AFTER.match(text, place.end)
    if found is None or (next_start is not None and next_start < found.end()):
        return None
    if found.group("initial") is not None:
        return found.end()
    surname = found.group("surname")
    if surname in lexicon() or surname in gazetteer() or is_common_noun(surname):
        return None  # "Berlin Mitte", "Preßburg Krönungsstadt des Königreichs"
    if not PERSON_FLAGS.intersection(lexicon().get(place.text, ())):
        return None  # "Hronsky Beadik": a place of two words, not a given name before
    return found.end()


def join_place_and_surname(text: str, found: list[TypedMention]) -> list[TypedMention]:
    """A one-word place the tagger found right before a surname it missed is a person's
    given name (``durch Sofia Mulanovich``, ``Milford H. Wolpoff``): one person."""
    joined: list[TypedMention] = []
    skip = False
    for number, m in enumerate(found):
        if skip:
            skip = False
            continue
        after = found[number + 1] if number + 1 < len(found) else None
        if (
            m.type is EntityType.LOC
            and " " not in m.mention.text
            and not names_an_area(m.mention.text)
        ):
            end = _surname_after(text, m.mention, after.mention.start if after else None)
            if end is None and after is not None and _initialled(text, m.mention, after):
                end, skip = after.mention.end, True  # "Milford" + "H. Wolpoff"
            if end is None and after is not None and _tagged_surname(text, m.mention, after):
                end, skip = after.mention.end, True  # "Sofia" + "Mulanovich" taken for an ORG
            if end is not None:
                name = Mention(text[m.mention.start : end], m.mention.start, end)
                joined.append(TypedMention(name, EntityType.PER))
                continue
        joined.append(m)
    return joined


_INITIAL = re.compile(r"[A-Z]\. [A-ZÄÖÜ]")


def _tagged_surname(text: str, place: Mention, after: TypedMention) -> bool:
    """The word right after ``place`` is a surname no list knows that the tagger took for
    a name of its own (``Sofia Mulanovich`` with ``Mulanovich`` an organisation)."""
    if after.type is EntityType.LOC or after.mention.start != place.end + 1:
        return False
    if text[place.end] != " " or " " in after.mention.text:
        return False
    return _surname_after(text, place, None) == after.mention.end


def _initialled(text: str, place: Mention, after: TypedMention) -> bool:
    """The person the tagger found right after ``place`` starts with an initial."""
    return (
        after.type is EntityType.PER
        and after.mention.start == place.end + 1
        and text[place.end] == " "
        and _INITIAL.match(after.mention.text) is not None
    )


def given_names_of_persons(found: list[TypedMention]) -> list[TypedMention]:
    """A one-word place that is the given name of a person the document names in full
    (``in Salvador`` beside ``Salvador Dalí``; the lexicon knows it as a given name) is
    that person, not the town."""
    given = {
        m.mention.text.split(" ", 1)[0]
        for m in found
        if m.type is EntityType.PER and " " in m.mention.text
    }
    if not given:
        return found
    return [
        TypedMention(m.mention, EntityType.PER)
        if m.type is EntityType.LOC
        and m.mention.text in given
        and "fn" in lexicon().get(m.mention.text, ())
        and not names_an_area(m.mention.text)
        else m
        for m in found
    ]
