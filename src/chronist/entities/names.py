"""Entities for a language without a trained model: the names its ``names.toml`` lists.

A language folder may give the people, places and organisations a reader of
its texts will meet (``[people] names = [...]``, ``[places]``,
``[organisations]``). Each listed name found in the text as a whole word is a
mention (the longest name wins where names overlap); mentions of one name are
one entity, and places are resolved in the shipped gazetteer. It is a real
recogniser for a new language before a model is trained for it, and the
entity pass of the template language in the test suite.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

from chronist.entities.evidence import resolve_entities
from chronist.entities.language import ENTITIES_FILE, entity_facts, no_entity_facts
from chronist.entities.place_evidence import PlaceEvidence
from chronist.entities.types import Entity, EntityType, Mention
from chronist.errors import LanguageDataError
from chronist.lang import language_dir
from chronist.text.document import Document

__all__ = ["NAMES_FILE", "has_names", "recognize_names"]

NAMES_FILE = "names.toml"
_SECTIONS = {"people": EntityType.PER, "places": EntityType.LOC, "organisations": EntityType.ORG}


def has_names(lang: str) -> bool:
    """Whether the language folder lists names (``names.toml``)."""
    return (language_dir(lang) / NAMES_FILE).is_file()


@cache
def _names(lang: str) -> tuple[re.Pattern[str] | None, dict[str, EntityType]]:
    path: Path = language_dir(lang) / NAMES_FILE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise LanguageDataError(f"{path}: {error}") from None
    kinds: dict[str, EntityType] = {}
    for section, kind in _SECTIONS.items():
        names = data.get(section, {}).get("names", [])
        if not isinstance(names, list) or not all(isinstance(n, str) and n for n in names):
            raise LanguageDataError(f"{path}: [{section}] names must be a list of names")
        for name in names:
            kinds.setdefault(name, kind)
    if not kinds:
        return None, kinds
    ordered = sorted(kinds, key=lambda name: (-len(name), name))
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ordered)) + r")(?!\w)")
    return pattern, kinds


def recognize_names(document: Document) -> list[Entity]:
    """The listed names found in the document, one entity per name, places located.

    Entities are in the order of their first mention.
    """
    pattern, kinds = _names(document.lang)
    if pattern is None:
        return []
    mentions: dict[str, list[Mention]] = {}
    for match in pattern.finditer(document.text):
        mentions.setdefault(match.group(), []).append(Mention(match.group(), *match.span()))
    lang = document.lang
    facts = (
        entity_facts(lang) if (language_dir(lang) / ENTITIES_FILE).is_file() else no_entity_facts()
    )
    wanted = [n for n in mentions if kinds[n] is EntityType.LOC]
    # a listed place name is a place: its town is taken by an alternate name too
    resolved = resolve_entities([PlaceEvidence((n,), vouched=True) for n in wanted], facts)
    places = {n: r.place for n, r in zip(wanted, resolved, strict=True)}
    entities = []
    for name, found in mentions.items():
        place = places.get(name) if kinds[name] is EntityType.LOC else None
        entities.append(
            Entity(
                text=name,
                type=kinds[name],
                start=found[0].start,
                end=found[0].end,
                mentions=tuple(found),
                lat=place.lat if place else None,
                lon=place.lon if place else None,
                gazetteer_id=place.gazetteer_id if place else None,
                resolved=place is not None,
            )
        )
    return entities
