"""The event-trigger lexicon of a language, built from ``lang/<code>/events.toml``.

Every word form is generated from the data once, so finding a trigger is one
dictionary look-up per word. Verbs are written with their principal parts
(``"an|rufen" = {parts = "ruft rief gerufen"}``) and the forms come from
them: ``ruft``, ``rief``, ``riefen``, ``rufen`` (separated, the particle later
in the clause), ``anruft``, ``anrief``, ``anriefen``, ``anrufen``,
``angerufen`` (joined) and ``anzurufen`` (zu-infinitive).

>>> lexicon = load_lexicon("de")
>>> [(e.lemma, e.form.value, e.particle) for e in lexicon.words["rief"] if e.lemma == "anrufen"]
[('anrufen', 'finite', 'an')]
>>> lexicon.words["anzurufen"][0].form.value
'zu-infinitive'
"""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from chronist.errors import LanguageDataError, OptionError
from chronist.events.entry import Form, TriggerEntry, TriggerKind
from chronist.events.markers import Markers, read_markers
from chronist.events.open_verbs import OpenVerbs, read_open_verbs
from chronist.lang import language_dir
from chronist.lang.files import read_toml

__all__ = [
    "Biography",
    "Form",
    "Lexicon",
    "Markers",
    "OpenVerbs",
    "TriggerEntry",
    "TriggerKind",
    "event_types",
    "load_lexicon",
]

EVENTS_FILE = "events.toml"
_MIN_COMPOUND_HEAD = 5  # a noun this long also matches as the last part of a compound


@dataclass(frozen=True, slots=True)
class Biography:
    """How a biography header is written (``[biography]`` of ``events.toml``)."""

    birth_marks: tuple[str, ...]
    death_marks: tuple[str, ...]
    birth_label: str
    death_label: str
    place_preposition: str
    place_stop: str  # a pattern ending the place name (" als ...")
    name_particles: frozenset[str]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Word forms (as written, and lower-cased for verbs) to their trigger readings."""

    lang: str
    words: dict[str, tuple[TriggerEntry, ...]]
    compound_heads: dict[str, TriggerEntry]  # lower-cased noun forms, >= 5 letters
    markers: Markers
    open_verbs: OpenVerbs | None = None
    biography: Biography | None = None
    # event noun -> the group of nouns that can name the same happening ([coreference])
    coreference: dict[str, int] = field(default_factory=dict)
    coreference_reach: int = 0  # sentences a later mention looks back
    # the trigger readings of the words read so far (a cache for
    # :func:`chronist.events.triggers.find_triggers`, filled as words come)
    readings: dict[str, tuple[TriggerEntry, ...]] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    def lookup(self, word: str) -> tuple[TriggerEntry, ...]:
        """Readings of ``word``: exact, then lower-cased (sentence-initial verbs),
        then as the head of a noun compound."""
        found = self.words.get(word)
        if found:
            return found
        if word[:1].isupper():
            lowered = self.words.get(word[:1].lower() + word[1:])
            if lowered:
                return tuple(e for e in lowered if e.kind is not TriggerKind.NOUN)
            return self._compound(word)
        return ()

    def _compound(self, word: str) -> tuple[TriggerEntry, ...]:
        lower = word.lower()
        for cut in range(3, len(lower) - _MIN_COMPOUND_HEAD + 1):
            head = self.compound_heads.get(lower[cut:])
            if head is not None:
                lemma = word[:cut] + head.lemma.lower()
                return (replace(head, lemma=lemma, concept=head.concept or head.lemma),)
        return ()


@cache
def event_types() -> frozenset[str]:
    """The ids of the event ontology (``chronist/events/ontology.toml``)."""
    path = resources.files("chronist.events") / "ontology.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return frozenset(data["types"])


@dataclass(frozen=True, slots=True)
class Inflection:
    """How a language's trigger forms are made (``[inflection]`` of ``events.toml``)."""

    noun_endings: tuple[str, ...]
    past_plural: tuple[tuple[str, str], ...]  # (ending of the past form, what to add)
    zu_infix: str

    def plural_past(self, past: str) -> str:
        """``rief`` -> ``riefen``, ``sagte`` -> ``sagten``."""
        for ending, added in self.past_plural:
            if past.endswith(ending):
                return past + added
        return past

    def noun_forms(self, key: str, extra: str) -> list[str]:
        forms = [key] + [key + e for e in self.noun_endings if not key.endswith(e)]
        return forms + extra.split()


def _inflection(data: dict[str, Any], path: Path) -> Inflection:
    table = data.get("inflection")
    try:
        assert isinstance(table, dict)
        endings = tuple(str(e) for e in table["noun_endings"])
        plural = tuple((str(a), str(b)) for a, b in table["past_plural"])
        return Inflection(endings, plural, str(table["zu_infix"]))
    except (AssertionError, KeyError, TypeError, ValueError):
        raise LanguageDataError(
            f"{path}: [inflection] needs noun_endings, past_plural ([ending, added] pairs) "
            "and zu_infix"
        ) from None


def _verb_forms(
    key: str, parts: str, inflection: Inflection
) -> list[tuple[str, Form, str | None, bool]]:
    """(form, kind of form, separated particle) for one verb entry."""
    pieces = parts.split()
    if len(pieces) != 3:
        raise ValueError(f"parts must be 'present past participle', not {parts!r}")
    present, past, participle = pieces
    if " " in key:  # an idiom written as two words: "deutlich machen"
        particle, base = key.split(" ", 1)
        glue = ""
    elif "|" in key:
        particle, base = key.split("|", 1)
        glue = particle
    else:
        particle, base, glue = "", key, ""
    finite = [(present, False), (past, True), (inflection.plural_past(past), True)]
    forms: list[tuple[str, Form, str | None, bool]] = []
    if particle:
        forms += [(f, Form.FINITE, particle, was) for f, was in finite]
        forms.append((base, Form.INFINITIVE, particle, False))
        forms.append((participle, Form.PARTICIPLE, particle, True))
    if glue or not particle:
        forms += [(glue + f, Form.FINITE, None, was) for f, was in finite]
        forms.append((glue + base, Form.INFINITIVE, None, False))
        forms.append((glue + participle, Form.PARTICIPLE, None, True))
    if glue:
        forms.append((glue + inflection.zu_infix + base, Form.ZU_INFINITIVE, None, False))
    return forms


def _words(value: Any) -> tuple[str, ...]:
    return tuple(str(value).split()) if value else ()


def _build(lang: str, data: dict[str, Any], path: Path) -> Lexicon:
    types = event_types()
    inflection = _inflection(data, path)
    words: dict[str, list[TriggerEntry]] = defaultdict(list)
    heads: dict[str, TriggerEntry] = {}
    sections = (
        ("verbs", TriggerKind.VERB),
        ("light_verbs", TriggerKind.LIGHT),
        ("negating_verbs", TriggerKind.NEGATING),
    )
    for section, kind in sections:
        for key, spec in data.get(section, {}).items():
            where = f"{path}: [{section}] {key!r}"
            type_ = spec.get("type")
            if kind is TriggerKind.VERB and type_ not in types:
                raise LanguageDataError(f"{where}: unknown event type {type_!r}")
            lemma = key.replace("|", "")
            try:
                forms = _verb_forms(key, spec["parts"], inflection)
            except (KeyError, ValueError) as error:
                raise LanguageDataError(f"{where}: {error}") from None
            for form, shape, particle, past in forms:
                words[form].append(
                    TriggerEntry(
                        lemma,
                        kind,
                        type_,
                        shape,
                        particle,
                        _words(spec.get("with")),
                        spec.get("concept"),
                        past,
                    )
                )
    for key, spec in data.get("nouns", {}).items():
        table = spec if isinstance(spec, dict) else {"type": spec}
        type_ = table.get("type")
        if type_ not in types:
            raise LanguageDataError(f"{path}: [nouns] {key!r}: unknown event type {type_!r}")
        entry = TriggerEntry(key, TriggerKind.NOUN, type_, Form.NOUN)
        for form in inflection.noun_forms(key, table.get("forms", "")):
            words[form].append(entry)
            if len(key) >= _MIN_COMPOUND_HEAD:
                heads.setdefault(form.lower(), entry)
    return Lexicon(
        lang,
        {w: tuple(e) for w, e in words.items()},
        heads,
        read_markers(data, path),
        read_open_verbs(data, path, types),
        _biography(data, path),
        *_coreference(data, path),
    )


def _coreference(data: dict[str, Any], path: Path) -> tuple[dict[str, int], int]:
    table = data.get("coreference")
    if table is None:
        return {}, 0
    try:
        groups = {
            str(noun): number for number, group in enumerate(table["groups"]) for noun in group
        }
        return groups, int(table["reach"])
    except (KeyError, TypeError, ValueError) as error:
        raise LanguageDataError(f"{path}: [coreference] needs groups and reach: {error}") from None


def _biography(data: dict[str, Any], path: Path) -> Biography | None:
    table = data.get("biography")
    if table is None:
        return None
    try:
        stop = str(table["place_stop"])
        re.compile(stop)
        return Biography(
            tuple(str(m) for m in table["birth_marks"]),
            tuple(str(m) for m in table["death_marks"]),
            str(table["birth_label"]),
            str(table["death_label"]),
            str(table["place_preposition"]),
            stop,
            frozenset(str(w) for w in table["name_particles"]),
        )
    except KeyError as error:
        raise LanguageDataError(f"{path}: [biography] missing key {error}") from None
    except re.error as error:
        raise LanguageDataError(f"{path}: [biography] place_stop: bad pattern: {error}") from None


@cache
def load_lexicon(lang: str) -> Lexicon:
    """The trigger lexicon of ``lang`` (cached); an OptionError for a language
    without ``events.toml``, a LanguageDataError for bad data."""
    path = language_dir(lang) / EVENTS_FILE
    if not path.is_file():
        raise OptionError(f"no event data for language {lang!r} ({EVENTS_FILE} missing)")
    try:
        data = read_toml(path)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise LanguageDataError(f"{path}: {error}") from None
    return _build(lang, data, path)
