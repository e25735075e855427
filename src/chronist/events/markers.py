"""The modality and clause words of a language (``[modality]`` and ``[clauses]`` of
``events.toml``), lower-cased, as event detection reads them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chronist.errors import LanguageDataError
from chronist.text.clauses import read_clause_facts

__all__ = ["Markers", "read_markers"]


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
    not_told: frozenset[str] = frozenset()  # "kann", "werde": a clause of no story event
    success_verbs: frozenset[str] = frozenset()  # "gelingen": its zu-infinitive happened
    goal_nouns: frozenset[str] = frozenset()  # "mit dem Ziel, ... zu errichten": a goal
    adverb_coordination: frozenset[str] = frozenset()  # "kehrte aber nicht zurück"
    question_openers: frozenset[str] = frozenset()  # "ob": an indirect question
    purpose_openers: frozenset[str] = frozenset()  # ", damit": a purpose
    content_openers: frozenset[str] = frozenset()  # "dass": its subjunctive is its own
    manner_openers: frozenset[str] = frozenset()  # ", indem": how the main event went
    habit_adverbs: frozenset[str] = frozenset()  # "jährlich": the clause tells a habit
    habit_counts: frozenset[str] = frozenset()  # "jährlich zwei Messen": it counts
    planned_passive: frozenset[str] = frozenset()  # "sollte ... aufgestellt werden"
    passive_infinitive: frozenset[str] = frozenset()  # "werden" after a participle
    time_heads: tuple[str, ...] = ()  # "jahr" of "Gründungsjahr": the event is the first part
    frame_prepositions: frozenset[str] = frozenset()  # "nach dem Tod ... 1961": a frame
    time_prepositions: frozenset[str] = frozenset()  # "bis zu seinem Tod": no subject
    before_frames: frozenset[str] = frozenset()  # "nach der Niederlage": happened before
    date_coordination: frozenset[str] = frozenset()  # "und" of "1805 und 1809"
    date_coordination_place: re.Pattern[str] | None = None  # "102 v. Chr. bei Aix und"
    gapping_joins: frozenset[str] = frozenset()  # "und": may join a clause without a verb
    list_openers: frozenset[str] = frozenset()  # "wie": an item of a list follows
    first_time: frozenset[str] = frozenset()  # "erstmals": a first is an event
    length_units: frozenset[str] = frozenset()  # "Jahren": a label cannot begin with one
    genitive_only: frozenset[str] = frozenset()  # "des": goes on the noun before it
    phrase_openers: frozenset[str] = frozenset()  # "der", "seines", "aus": a phrase goes on
    copula: dict[str, str] = field(default_factory=dict)  # "war" -> "sein"
    # "wo", "indem" and the relative pronouns: a clause opened so ends in its verb,
    # which has no separated particle after it
    verb_final_openers: frozenset[str] = frozenset()
    # of those, the ones that are articles too: before a noun they open no such clause
    openers_also_articles: frozenset[str] = frozenset()

    @property
    def prepositions(self) -> frozenset[str]:
        """Every preposition the lists name (a noun after one is no subject)."""
        return (
            self.frame_prepositions
            | self.time_prepositions
            | self.argument_prepositions
            | self.place_prepositions
            | self.agent_prepositions
            | self.definite_contractions
        )

    # a date in an attributive participle phrase ("die zum 1. Januar 2012 in Kraft
    # getretene Verfassung"): the text before it ends so, the text after it begins so
    attributive_before: re.Pattern[str] | None = None
    attributive_after: re.Pattern[str] | None = None
    # a date after one of these inside its clause, later than the story's date, is told
    # as a look ahead ("kam erst mit dem Pyrenäenfrieden von 1659 zustande")
    lookahead_particles: frozenset[str] = frozenset()
    # a clause opened by one of these after an end bound ("Bis 1290 war ..., dann wurde
    # sie verpfändet") tells what happened at that bound
    after_bound: frozenset[str] = frozenset()
    right_after: frozenset[str] = frozenset()  # "daraufhin": on the day told before
    earlier_adverbs: frozenset[str] = frozenset()  # "zuvor entsandten": before the story's date
    # the text before a year that names its noun's year ("die Reichsverfassung von 1871"):
    # no begin of a range when no end follows
    noun_year_before: re.Pattern[str] | None = None
    anniversary_before: re.Pattern[str] | None = None  # "den 350. Jahrestag der"
    # the text before a person whose years in parentheses are a term of office, not a
    # life ("Unter dem Bürgermeister Louis Pradel (1957-1976) kam es ...")
    term_before: re.Pattern[str] | None = None
    # an age told as a date ("im Alter von acht Jahren": group "n" the years) and the
    # words of a birth it counts from ("geboren", "*")
    age_phrase: re.Pattern[str] | None = None
    birth_words: tuple[str, ...] = ()


def read_markers(data: dict[str, Any], path: Path) -> Markers:
    """The markers of the events file ``path``; a LanguageDataError names a missing key."""
    try:
        m, c = data["modality"], data["clauses"]

        def words(table: dict[str, Any], key: str) -> frozenset[str]:
            return frozenset(str(w).lower() for w in table[key])

        def optional(table: dict[str, Any], key: str, *, lower: bool = False) -> frozenset[str]:
            """A word list the language may leave out (empty then)."""
            return frozenset(str(w).lower() if lower else str(w) for w in table.get(key, []))

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
            label_cut_endings=optional(c, "label_cut_endings", lower=True),
            generic_nouns=optional(c, "generic_nouns"),
            failure_verbs=optional(m, "failure_verbs"),
            expected=optional(m, "expected", lower=True),
            not_told=optional(m, "not_told", lower=True),
            success_verbs=optional(m, "success_verbs"),
            goal_nouns=optional(m, "goal_nouns"),
            adverb_coordination=optional(m, "adverb_coordination"),
            question_openers=optional(m, "question_openers"),
            purpose_openers=optional(m, "purpose_openers"),
            content_openers=optional(m, "content_openers"),
            manner_openers=optional(m, "manner_openers"),
            habit_adverbs=optional(m, "habit_adverbs", lower=True),
            habit_counts=optional(m, "habit_counts", lower=True),
            planned_passive=optional(m, "planned_passive"),
            passive_infinitive=optional(m, "passive_infinitive"),
            time_heads=tuple(str(w).lower() for w in c.get("time_heads", [])),
            frame_prepositions=optional(c, "frame_prepositions"),
            time_prepositions=optional(c, "time_prepositions"),
            before_frames=optional(c, "before_frames"),
            date_coordination=optional(c, "date_coordination"),
            date_coordination_place=_optional_pattern(c, "date_coordination_place", path),
            gapping_joins=optional(c, "gapping_joins"),
            list_openers=optional(c, "list_openers"),
            first_time=optional(c, "first_time", lower=True),
            length_units=optional(c, "length_units", lower=True),
            genitive_only=optional(c, "genitive_only"),
            phrase_openers=optional(c, "phrase_openers", lower=True),
            verb_final_openers=optional(c, "verb_final_openers", lower=True)
            | read_clause_facts(path.parent).relative,
            openers_also_articles=read_clause_facts(path.parent).also_articles,
            copula={
                str(form).lower(): str(lemma)
                for lemma, forms in c.get("copula", {}).items()
                for form in str(forms).split()
            },
            attributive_before=_optional_pattern(c, "attributive_before", path),
            attributive_after=_optional_pattern(c, "attributive_after", path),
            noun_year_before=_optional_pattern(c, "noun_year_before", path),
            anniversary_before=_optional_pattern(c, "anniversary_before", path),
            term_before=_optional_pattern(c, "term_before", path),
            age_phrase=_optional_pattern(c, "age_phrase", path),
            birth_words=tuple(str(w) for w in c.get("birth_words", [])),
            after_bound=optional(c, "after_bound", lower=True),
            right_after=optional(c, "right_after", lower=True),
            earlier_adverbs=optional(c, "earlier_adverbs", lower=True),
            lookahead_particles=optional(c, "lookahead_particles", lower=True),
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
