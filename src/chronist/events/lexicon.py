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
from chronist.events.open_verbs import OpenVerbs, read_open_verbs
from chronist.lang import language_dir
from chronist.lang.files import read_toml
from chronist.text.clauses import read_clause_facts

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
class Markers:
    """Modality and clause words of a language, lower-cased."""

    conditional: frozenset[str]
    hypothetical: frozenset[str]
    planned: frozenset[str]
    negated: frozenset[str]
    reported: frozenset[str]
    reported_with: frozenset[str]
    opinion: frozenset[str]
    not_negating_after: frozenset[str]
    zu: str
    indefinite: frozenset[str]
    definite: frozenset[str]
    patient_articles: frozenset[str]
    passive: frozenset[str]
    agent_prepositions: frozenset[str]
    genitive_agent_types: frozenset[str]
    place_prepositions: frozenset[str]
    argument_prepositions: frozenset[str]
    place_nouns: tuple[str, ...]
    label_followers: frozenset[str]
    leading_noise: frozenset[str]
    date_introducers: frozenset[str]
    past: frozenset[str]  # past auxiliaries and modals: a verb after them is in the past
    clause_negation: frozenset[str]  # "nicht": negates the verb of its clause
    noun_negation: frozenset[str]  # "kein": negates the event noun after it
    coordination: frozenset[
        str
    ]  # "und": no separated particle is looked for past it (clauses.toml)
    genitive_articles: frozenset[str]  # "des": a name after it is the noun's participant
    label_articles: frozenset[str]  # a noun's label may go on after these
    definite_contractions: frozenset[str]  # "zum": the noun after it is definite
    reference_relations: dict[str, str]  # word before a named event -> after, during, ...
    label_cut_endings: frozenset[str] = frozenset()  # a label never ends with these
    generic_nouns: frozenset[str] = frozenset()  # an event only with more said of it
    failure_verbs: frozenset[str] = frozenset()  # "scheitern": the attempt still happened
    expected: frozenset[str] = frozenset()  # "erwartet": the clause's events are not facts
    success_verbs: frozenset[str] = frozenset()  # "gelingen": its zu-infinitive happened
    time_heads: tuple[str, ...] = ()  # "jahr" of "Gründungsjahr": the event is the first part
    frame_prepositions: frozenset[str] = frozenset()  # "nach dem Tod ... 1961": a frame
    date_coordination: frozenset[str] = frozenset()  # "und" of "1805 und 1809"
    gapping_joins: frozenset[str] = frozenset()  # "und": may join a clause without a verb
    list_openers: frozenset[str] = frozenset()  # "wie": an item of a list follows
    first_time: frozenset[str] = frozenset()  # "erstmals": a first is an event
    copula: dict[str, str] = field(default_factory=dict)  # "war" -> "sein"

    @property
    def prepositions(self) -> frozenset[str]:
        """Every preposition the lists name (a noun after one is no subject)."""
        return (
            self.frame_prepositions
            | self.argument_prepositions
            | self.place_prepositions
            | self.agent_prepositions
            | self.definite_contractions
        )

    # a date in an attributive participle phrase ("die zum 1. Januar 2012 in Kraft
    # getretene Verfassung"): the text before it ends so, the text after it begins so
    attributive_before: re.Pattern[str] | None = None
    attributive_after: re.Pattern[str] | None = None


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
        _markers(data, path),
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


def _markers(data: dict[str, Any], path: Path) -> Markers:
    try:
        m, c = data["modality"], data["clauses"]

        def words(table: dict[str, Any], key: str) -> frozenset[str]:
            return frozenset(str(w).lower() for w in table[key])

        return Markers(
            conditional=words(m, "conditional"),
            hypothetical=words(m, "hypothetical"),
            planned=words(m, "planned"),
            negated=words(m, "negated"),
            reported=words(m, "reported"),
            reported_with=words(m, "reported_with"),
            opinion=words(m, "opinion"),
            not_negating_after=words(m, "not_negating_after"),
            zu=str(c["zu"]),
            indefinite=words(c, "indefinite"),
            definite=words(c, "definite"),
            patient_articles=words(c, "patient_articles"),
            passive=words(c, "passive"),
            agent_prepositions=words(c, "agent_prepositions"),
            genitive_agent_types=words(c, "genitive_agent_types"),
            place_prepositions=words(c, "place_prepositions"),
            argument_prepositions=words(c, "argument_prepositions"),
            place_nouns=tuple(sorted(words(c, "place_nouns"))),
            label_followers=words(c, "label_followers"),
            leading_noise=words(c, "leading_noise"),
            date_introducers=words(c, "date_introducers"),
            past=words(c, "past"),
            clause_negation=words(m, "clause_negation"),
            noun_negation=words(m, "noun_negation"),
            coordination=read_clause_facts(path.parent).coordination,
            genitive_articles=words(c, "genitive_articles"),
            label_articles=words(c, "label_articles"),
            definite_contractions=words(c, "definite_contractions"),
            reference_relations=_relations(c["reference_relations"], path),
            label_cut_endings=frozenset(str(w).lower() for w in c.get("label_cut_endings", [])),
            generic_nouns=frozenset(str(w) for w in c.get("generic_nouns", [])),
            failure_verbs=frozenset(str(w) for w in m.get("failure_verbs", [])),
            expected=frozenset(str(w).lower() for w in m.get("expected", [])),
            success_verbs=frozenset(str(w) for w in m.get("success_verbs", [])),
            time_heads=tuple(str(w).lower() for w in c.get("time_heads", [])),
            frame_prepositions=frozenset(str(w) for w in c.get("frame_prepositions", [])),
            date_coordination=frozenset(str(w) for w in c.get("date_coordination", [])),
            gapping_joins=frozenset(str(w) for w in c.get("gapping_joins", [])),
            list_openers=frozenset(str(w) for w in c.get("list_openers", [])),
            first_time=frozenset(str(w).lower() for w in c.get("first_time", [])),
            copula={
                str(form).lower(): str(lemma)
                for lemma, forms in c.get("copula", {}).items()
                for form in str(forms).split()
            },
            attributive_before=_optional_pattern(c, "attributive_before", path),
            attributive_after=_optional_pattern(c, "attributive_after", path),
        )
    except KeyError as error:
        raise LanguageDataError(f"{path}: missing key {error}") from None


def _optional_pattern(table: dict[str, Any], key: str, path: Path) -> re.Pattern[str] | None:
    if key not in table:
        return None
    try:
        return re.compile(str(table[key]))
    except re.error as error:
        raise LanguageDataError(f"{path}: [clauses] {key}: bad pattern: {error}") from None


_RELATIONS = frozenset({"after", "since", "before", "until", "end", "begin", "during"})


def _relations(table: Any, path: Path) -> dict[str, str]:
    if not isinstance(table, dict) or not set(table.values()) <= _RELATIONS:
        raise LanguageDataError(
            f"{path}: [clauses] reference_relations: each word maps to one of "
            f"{', '.join(sorted(_RELATIONS))}"
        )
    return {str(word).lower(): str(relation) for word, relation in table.items()}


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
