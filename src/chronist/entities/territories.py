"""``Diözese Köln``, ``Siedlung Augusta Vindelicum``, ``Grafschaft Kleve``: a name that
opens with a territorial word (``admin_prefixes`` of ``lang/<xx>/entities.toml``)
names a place, whatever type the tagger gave it, when the rest is a place the
gazetteer knows or a name of its own (not a person's given name). And
``der Fürst von Kruja``, ``Herzog von Reichstadt``: one name right after a title
and ``von`` is the title's territory, a place (``Bischof Rupert von Salzburg``
stays one person: a given name comes between). And ``die Schlacht bei Iconium``:
a known place right after a battle's or treaty's phrase is that place."""

from __future__ import annotations

from chronist.entities.coreference import TypedMention
from chronist.entities.language import EntityFacts
from chronist.entities.name_lexicon import common_nouns
from chronist.entities.places import candidates
from chronist.entities.types import EntityType, Mention

__all__ = ["after_site_phrase", "ruled_place", "site_place", "territory_type"]


def territory_type(found: TypedMention, facts: EntityFacts) -> TypedMention:
    """``found`` typed as a place when it is a territorial word and a name.

    >>> from chronist.entities.language import entity_facts
    >>> from chronist.entities.types import Mention
    >>> m = TypedMention(Mention("Diözese Köln", 0, 12), EntityType.ORG)
    >>> territory_type(m, entity_facts("de")).type.value
    'LOC'
    >>> m = TypedMention(Mention("Ostseeprovinz Gouvernement Estland", 0, 34), EntityType.ORG)
    >>> territory_type(m, entity_facts("de")).mention.text
    'Gouvernement Estland'
    >>> m = TypedMention(Mention("Innenstadtviertel Marolles", 0, 26), EntityType.ORG)
    >>> territory_type(m, entity_facts("de")).mention.text
    'Marolles'
    >>> m = TypedMention(Mention("Col de Clapier", 0, 14), EntityType.PER)
    >>> territory_type(m, entity_facts("de")).type.value
    'LOC'
    >>> m = TypedMention(Mention("Stadt Zürich Versicherung", 0, 25), EntityType.ORG)
    >>> territory_type(m, entity_facts("de")).type.value
    'ORG'
    """
    if found.type is EntityType.LOC:
        return found
    head = found.mention.text.partition(" ")[0]
    if head in facts.foreign_place_heads and " " in found.mention.text:
        return TypedMention(found.mention, EntityType.LOC)  # "Col de Clapier"
    quarter = _quarter_named(found, facts)
    if quarter is not None:
        return quarter
    found = _territory_inside(found, facts)
    head, _, rest = found.mention.text.partition(" ")
    if head not in facts.admin_prefixes or not rest[:1].isupper():
        return found
    words = rest.split()
    if len(words) > 2 or not all(w[:1].isupper() for w in words):
        return found
    if not candidates(rest):
        # "Siedlung Augusta Vindelicum": no known place, still a name of two words
        # when neither is a common noun ("Stadt Zürich Versicherung" is not)
        nouns = common_nouns()
        if len(words) < 2 or any(w in nouns or w in facts.organisation_heads for w in words):
            return found
    return TypedMention(found.mention, EntityType.LOC)


def _quarter_named(found: TypedMention, facts: EntityFacts) -> TypedMention | None:
    """``Innenstadtviertel Marolles``: a word of a town's parts (``quarter_stems``) and one
    name that is no common noun; the name is a place (drawn at the town by
    :mod:`chronist.entities.quarters`)."""
    head, _, rest = found.mention.text.partition(" ")
    if not rest[:1].isupper() or " " in rest or rest in common_nouns():
        return None
    if not any(stem in head.lower() for stem in facts.quarter_stems):
        return None
    start = found.mention.end - len(rest)
    return TypedMention(Mention(rest, start, found.mention.end), EntityType.LOC)


def _territory_inside(found: TypedMention, facts: EntityFacts) -> TypedMention:
    """The end of a longer name from a territorial word on, when the rest is a known
    place (``Ostseeprovinz |Gouvernement Estland``, ``Österreichische Zeit und
    |Republik Krakau`` as the tagger took a heading); else ``found``."""
    text = found.mention.text
    words = text.split(" ")
    for index in range(1, len(words) - 1):
        rest = words[index + 1 :]
        if words[index] not in facts.admin_prefixes or len(rest) > 2:
            continue
        if all(w[:1].isupper() for w in rest) and candidates(" ".join(rest)):
            offset = len(" ".join(words[:index])) + 1
            start = found.mention.start + offset
            return TypedMention(Mention(text[offset:], start, found.mention.end), found.type)
    return found


def ruled_place(found: TypedMention, text: str, facts: EntityFacts) -> TypedMention:
    """A one-word person right after ``<title> von`` is the title's place.

    >>> from chronist.entities.language import entity_facts
    >>> from chronist.entities.types import Mention
    >>> text = "der Fürst von Kruja"
    >>> ruled_place(TypedMention(Mention("Kruja", 14, 19), EntityType.PER), text,
    ...             entity_facts("de")).type.value
    'LOC'
    >>> text = "als Herzog von Reichstadt bekannt"
    >>> place = ruled_place(TypedMention(Mention("von Reichstadt", 11, 25), EntityType.PER),
    ...                     text, entity_facts("de"))
    >>> place.mention.text, place.type.value
    ('Reichstadt', 'LOC')
    """
    if found.type is not EntityType.PER:
        return found
    name = _without_particle(found).mention
    if " " in name.text or not text[name.start - 1 : name.start].isspace():
        return found
    words = text[max(0, name.start - 30) : name.start].split()
    if len(words) < 2 or words[-1] != "von" or words[-2] not in facts.titles:
        return found
    return TypedMention(name, EntityType.LOC)


def _without_particle(found: TypedMention) -> TypedMention:
    """``von Reichstadt`` as the tagger took it after ``Herzog``: the name without ``von``."""
    mention = found.mention
    particle, _, rest = mention.text.partition(" ")
    if particle != "von" or not rest[:1].isupper() or " " in rest:
        return found
    start = mention.end - len(rest)
    return TypedMention(Mention(rest, start, mention.end), found.type)


def site_place(found: TypedMention, text: str, facts: EntityFacts) -> TypedMention:
    """A one-word name the gazetteer knows, right after ``Schlacht bei``, ``Frieden
    von`` (``site_phrases``), is a place, whatever type the tagger gave it.

    >>> from chronist.entities.language import entity_facts
    >>> from chronist.entities.types import Mention
    >>> text = "in der Schlacht bei Iconium"
    >>> site_place(TypedMention(Mention("Iconium", 20, 27), EntityType.ORG), text,
    ...            entity_facts("de")).type.value
    'LOC'
    """
    if found.type is EntityType.LOC or " " in found.mention.text:
        return found
    if not after_site_phrase(text, found.mention.start, facts):
        return found
    if not candidates(found.mention.text):
        return found
    return TypedMention(found.mention, EntityType.LOC)


def after_site_phrase(text: str, start: int, facts: EntityFacts) -> bool:
    """``die Schlacht bei |Iconium``, ``auf der Konferenz von |Sanremo``."""
    if not text[start - 1 : start].isspace():
        return False
    words = text[max(0, start - 30) : start].split()
    phrases = (" ".join(words[-size:]) for size in (2, 3) if len(words) >= size)
    return any(p in facts.site_phrases for p in phrases)
