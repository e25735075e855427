"""What entity recognition knows about a language, read from ``lang/<code>/entities.toml``.

>>> facts = entity_facts("de")
>>> "Chr." in facts.not_entities, facts.cues["am"][0].value
(True, 'river')
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from chronist.entities.places import PlaceKind
from chronist.errors import LanguageDataError
from chronist.lang import language_dir

__all__ = [
    "ENTITIES_FILE",
    "EntityFacts",
    "entity_facts",
    "no_entity_facts",
    "read_entity_facts",
]

ENTITIES_FILE = "entities.toml"


@dataclass(frozen=True, slots=True)
class EntityFacts:
    """Place cues and name filters of one language."""

    compass_prefixes: tuple[str, ...]  # longest first
    compass_directions: dict[str, tuple[float, float]]  # prefix -> (north, east)
    admin_prefixes: frozenset[str]  # "Landkreis", "Grafschaft"
    name_suffixes: tuple[str, ...]  # longest first
    compound_heads: tuple[str, ...]  # longest first
    place_prepositions: frozenset[str]  # a gazetteer name after one is a place
    site_phrases: frozenset[str]  # "Schlacht bei": a gazetteer name after one is a place
    cue_window: int  # how many words before a place are read for a cue
    cues: dict[str, tuple[PlaceKind, ...]]  # lower-case words -> kinds they favour
    not_entities: frozenset[str]
    era_endings: tuple[str, ...]  # "Neolithikum", "Pleistozän": an era, never an entity
    adjective_endings: tuple[str, ...]
    demonym_suffixes: tuple[str, ...]
    people_articles: frozenset[str]
    countries_with_article: frozenset[str]
    titles: frozenset[str]
    name_particles: frozenset[str]
    institutions: frozenset[str]
    organisation_heads: frozenset[str]
    articles: frozenset[str]
    noun_articles: frozenset[str]  # never before a town's name, which is neuter
    adjective_inflections: tuple[str, ...]
    not_adjectives: frozenset[str]  # words of that shape that are no adjective
    not_name_heads: frozenset[str]  # "Gattung Homo", "Kreuzer Emden": not a place or person
    ruler_territories: dict[str, str]  # "Graf" -> "Grafschaft"
    examples: tuple[tuple[str, tuple[str, ...]], ...]
    # lower-case stems of words that make the names listed in a sentence parts of a town
    # ("Vororte", "eingemeindet"): "Stadtteil", "eingemeind"
    quarter_stems: tuple[str, ...] = ()
    # "Kurpark Bad Homburg", "Saarbrücker Burg": a site in the town named with it
    site_heads: frozenset[str] = frozenset()
    demonym_site_heads: frozenset[str] = frozenset()
    # "Vorarlberger Gebiet", "Wiener Becken": the land of the place of the demonym
    demonym_area_heads: frozenset[str] = frozenset()
    # "Sukhothai-Reich": a state named by its capital town and one of these
    capital_suffixes: tuple[str, ...] = ()
    # "bei Hillersleben": an unknown word after a place's preposition, ending so, is a place
    toponym_endings: tuple[str, ...] = ()
    # "Reichstadt (heute Zákupy)": a town's other name after one of these in parentheses
    renamed_words: frozenset[str] = frozenset()
    # "Kangaroo Island": after a capitalised word, one of these ends an English name
    english_name_tails: frozenset[str] = frozenset()
    # "Jerusalem des Nordens": a place's name before one of these is another town's epithet
    epithet_tails: tuple[str, ...] = ()
    # "eine Pfalz": a place's name right after one of these is a common noun
    indefinite_articles: frozenset[str] = frozenset()
    # "Kirchzarten": a town of these countries named by a compound of a noun stays a name
    home_countries: frozenset[str] = frozenset()
    # "Hudson River", "Dave Matthews Band": the last word of a name that tells its type
    place_tails: frozenset[str] = frozenset()
    foreign_place_heads: frozenset[str] = frozenset()  # "Col de Clapier": a place
    # "Barrio de Santa Cruz", "Palazzo Vecchio": a town's quarter or building
    foreign_site_heads: frozenset[str] = frozenset()
    # "Barrio de Santa Cruz": a linking word between such a head and the name
    foreign_site_particles: frozenset[str] = frozenset()
    organisation_tails: frozenset[str] = frozenset()
    # "Bundesamt für Gesundheit", "University of North Carolina": a body's word, a joiner
    # and capitalised words are one organisation's name
    body_endings: tuple[str, ...] = ()  # lower case, matched as a word's end
    body_words: frozenset[str] = frozenset()  # matched whole
    body_joiners: frozenset[str] = frozenset()
    # "Bund Deutscher Architekten": a body's word before its members in the genitive
    member_bodies: frozenset[str] = frozenset()
    # "des Obersten Gerichtshofs": a capitalised adjective before one of these
    adjective_bodies: frozenset[str] = frozenset()
    # "Uber und Snapchat": a name in a list joined by these with an organisation
    list_joiners: frozenset[str] = frozenset()
    # "der Hit „Take On Me“": a quoted title right after one of these names a work
    work_nouns: frozenset[str] = frozenset()
    whole_work_nouns: frozenset[str] = frozenset()  # never a compound's end
    # "die Wochenzeitung „Die Zeit“": the name after one of these is an organisation
    press_nouns: frozenset[str] = frozenset()
    # "Bel⸗ gien": a name's last token ending so goes on over a lower-case next token
    line_break_hyphens: tuple[str, ...] = ()
    line_break_marks: frozenset[str] = frozenset()  # such a mark as a token of its own
    hyphen_conjunctions: frozenset[str] = frozenset()  # "Togo⸗ und Kamerungebiet": not
    # "Berlin - Wilmersdorf": a token of these between two names of one type joins them
    compound_hyphens: frozenset[str] = frozenset()
    # "v. Bülow", "de Coppet": a particle (its tokens joined by spaces) before a surname
    surname_particles: tuple[str, ...] = ()


def _strings(data: dict[str, Any], path: Path, table: str, key: str) -> list[str]:
    value = data.get(table, {}).get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise LanguageDataError(f"{path}: [{table}] {key} must be a list of strings")
    return value


def read_entity_facts(path: Path) -> EntityFacts:
    """Read and check one ``entities.toml``; errors name the file and the key."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise LanguageDataError(f"{path}: {error}") from error
    kinds = {k.value: k for k in PlaceKind}
    cues: dict[str, tuple[PlaceKind, ...]] = {}
    for word, names in data.get("places", {}).get("cues", {}).items():
        unknown = [n for n in names if n not in kinds]
        if unknown:
            raise LanguageDataError(f"{path}: [places.cues] {word!r}: unknown kinds {unknown}")
        cues[word] = tuple(kinds[n] for n in names)
    directions: dict[str, tuple[float, float]] = {}
    for prefix, vector in data.get("places", {}).get("compass_directions", {}).items():
        if not (isinstance(vector, list) and len(vector) == 2):
            raise LanguageDataError(
                f"{path}: [places.compass_directions] {prefix!r}: [north, east]"
            )
        directions[prefix] = (float(vector[0]), float(vector[1]))
    window = data.get("places", {}).get("cue_window")
    if not isinstance(window, int) or window < 1:
        raise LanguageDataError(f"{path}: [places] cue_window must be a positive integer")
    territories = data.get("names", {}).get("ruler_territories", {})
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in territories.items()):
        raise LanguageDataError(f"{path}: [names.ruler_territories] title = territory word")
    examples = data.get("examples", {})
    if not all(isinstance(v, list) for v in examples.values()):
        raise LanguageDataError(f"{path}: [examples] values must be lists")
    return EntityFacts(
        compass_prefixes=tuple(
            sorted(_strings(data, path, "places", "compass_prefixes"), key=len, reverse=True)
        ),
        place_prepositions=frozenset(_strings(data, path, "places", "place_prepositions")),
        site_phrases=frozenset(_strings(data, path, "places", "site_phrases")),
        admin_prefixes=frozenset(_strings(data, path, "places", "admin_prefixes")),
        name_suffixes=tuple(
            sorted(_strings(data, path, "places", "name_suffixes"), key=len, reverse=True)
        ),
        compound_heads=tuple(
            sorted(_strings(data, path, "places", "compound_heads"), key=len, reverse=True)
        ),
        compass_directions=directions,
        cue_window=window,
        cues=cues,
        not_entities=frozenset(_strings(data, path, "names", "not_entities")),
        era_endings=tuple(_strings(data, path, "names", "era_endings")),
        adjective_endings=tuple(_strings(data, path, "names", "adjective_endings")),
        demonym_suffixes=tuple(_strings(data, path, "names", "demonym_suffixes")),
        people_articles=frozenset(_strings(data, path, "names", "people_articles")),
        countries_with_article=frozenset(_strings(data, path, "names", "countries_with_article")),
        titles=frozenset(_strings(data, path, "names", "titles")),
        name_particles=frozenset(_strings(data, path, "names", "name_particles")),
        institutions=frozenset(_strings(data, path, "names", "institutions")),
        organisation_heads=frozenset(_strings(data, path, "names", "organisation_heads")),
        articles=frozenset(_strings(data, path, "names", "articles")),
        noun_articles=frozenset(_strings(data, path, "names", "noun_articles")),
        adjective_inflections=tuple(_strings(data, path, "names", "adjective_inflections")),
        not_adjectives=frozenset(_strings(data, path, "names", "not_adjectives")),
        not_name_heads=frozenset(_strings(data, path, "names", "not_name_heads")),
        ruler_territories=dict(territories),
        examples=tuple((text, tuple(found)) for text, found in examples.items()),
        quarter_stems=tuple(_strings(data, path, "places", "quarter_stems")),
        site_heads=frozenset(_strings(data, path, "places", "site_heads")),
        demonym_site_heads=frozenset(_strings(data, path, "places", "demonym_site_heads")),
        demonym_area_heads=frozenset(_strings(data, path, "places", "demonym_area_heads")),
        capital_suffixes=tuple(_strings(data, path, "places", "capital_suffixes")),
        toponym_endings=tuple(_strings(data, path, "places", "toponym_endings")),
        renamed_words=frozenset(_strings(data, path, "places", "renamed_words")),
        english_name_tails=frozenset(_strings(data, path, "places", "english_name_tails")),
        epithet_tails=tuple(_strings(data, path, "places", "epithet_tails")),
        indefinite_articles=frozenset(_strings(data, path, "names", "indefinite_articles")),
        home_countries=frozenset(_strings(data, path, "places", "home_countries")),
        place_tails=frozenset(_strings(data, path, "names", "place_tails")),
        foreign_place_heads=frozenset(_strings(data, path, "names", "foreign_place_heads")),
        foreign_site_heads=frozenset(_strings(data, path, "names", "foreign_site_heads")),
        foreign_site_particles=frozenset(_strings(data, path, "names", "foreign_site_particles")),
        organisation_tails=frozenset(_strings(data, path, "names", "organisation_tails")),
        body_endings=tuple(_strings(data, path, "names", "body_endings")),
        body_words=frozenset(_strings(data, path, "names", "body_words")),
        body_joiners=frozenset(_strings(data, path, "names", "body_joiners")),
        member_bodies=frozenset(_strings(data, path, "names", "member_bodies")),
        adjective_bodies=frozenset(_strings(data, path, "names", "adjective_bodies")),
        list_joiners=frozenset(_strings(data, path, "names", "list_joiners")),
        work_nouns=frozenset(_strings(data, path, "names", "work_nouns")),
        whole_work_nouns=frozenset(_strings(data, path, "names", "whole_work_nouns")),
        press_nouns=frozenset(_strings(data, path, "names", "press_nouns")),
        line_break_hyphens=tuple(_strings(data, path, "names", "line_break_hyphens")),
        line_break_marks=frozenset(_strings(data, path, "names", "line_break_marks")),
        hyphen_conjunctions=frozenset(_strings(data, path, "names", "hyphen_conjunctions")),
        compound_hyphens=frozenset(_strings(data, path, "names", "compound_hyphens")),
        surname_particles=tuple(_strings(data, path, "names", "surname_particles")),
    )


@cache
def no_entity_facts() -> EntityFacts:
    """The facts of a language without ``entities.toml``: no cues, no filters."""
    return EntityFacts(
        (), {}, frozenset(), (), (), frozenset(), frozenset(), 0, {}, frozenset(), (), (), (),
        frozenset(),
        frozenset(), frozenset(), frozenset(), frozenset(), frozenset(), frozenset(),
        frozenset(), (), frozenset(), frozenset(), {}, (),
    )  # fmt: skip


def entity_facts(lang: str) -> EntityFacts:
    """The entity facts of a language (read once per language folder)."""
    return _facts_in(language_dir(lang))


@cache
def _facts_in(folder: Path) -> EntityFacts:
    return read_entity_facts(folder / ENTITIES_FILE)
