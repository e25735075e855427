"""Loading a language's temporal grammar: lexicon, fragments and rules.

Patterns reference fragments and lexicon classes (:mod:`chronist.temporal.lexicon`)
as ``@name``; a lexicon class expands to an alternation of its forms, longest
first. Every reference, group name and producer is checked when the data loads,
and an error names the file and the rule. The discourse cues
(:mod:`chronist.temporal.discourse_cues`) load with the grammar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from chronist.errors import LanguageDataError
from chronist.lang import language_dir
from chronist.lang.checks import read_grammar_file
from chronist.temporal.discourse_cues import DiscourseCues, load_cues
from chronist.temporal.lazy_pattern import LazyPattern
from chronist.temporal.lexicon import LexClass, Lexicon, load_lexicon
from chronist.temporal.producers import PRODUCERS
from chronist.temporal.search_words import literal_words, search_words, searches_digits, stop_words
from chronist.text.clauses import clause_facts
from chronist.text.verbs import tense_facts

_REFERENCE = re.compile(r"@([a-z][a-z0-9_]*)")
_GROUP = re.compile(r"\(\?P<([a-zA-Z_][a-zA-Z0-9_]*)>")
# Guards so that a rule never starts or ends inside a word or a number.
_LEFT_GUARD = r"(?<![\w])(?<![0-9][.,])"
_RIGHT_GUARD = r"(?![\w])(?![.,][0-9])"


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    producer: str
    regex: LazyPattern  # compiled when the engine first runs the rule
    groups: frozenset[str]
    examples: tuple[str, ...]
    example_context: tuple[str, ...]
    order: int
    quantity_check: bool = False  # reject a bare number that counts something
    role: str | None = None  # a bound the rule's shape implies ("1914–1918": from, until)
    triggers: frozenset[str] = frozenset()  # lower-cased words of which a match holds one
    digits: bool = False  # a match may hold a digit instead
    stems: frozenset[str] = frozenset()  # or a word containing one ("dreijährigen")
    bound: bool = False  # a bound preposition may stand before the span ("bis 1953")


@dataclass(frozen=True, slots=True)
class Grammar:
    lang: str
    lexicon: Lexicon
    rules: tuple[Rule, ...]
    unused: frozenset[str] = field(default_factory=frozenset)  # fragments/classes never referenced
    # read by the engine, not inside every pattern: a bound preposition right before
    # a span ("bis zum"), and a unit after a year that makes it a count ("1500 Mann")
    bound_before: re.Pattern[str] = re.compile(r"(?!)")
    count_after: re.Pattern[str] = re.compile(r"(?!)")
    cues: DiscourseCues = field(default_factory=DiscourseCues)
    stem_pattern: re.Pattern[str] | None = None  # one pattern for every stem a rule searches for
    # an article right before a span that belongs to it ("dem 28. Juni", "das 17. Jahrhundert")
    article_before: re.Pattern[str] = re.compile(r"(?!)")
    # a word before a length that TimeML keeps in its extent ("gut 15 Jahren")
    length_lead_before: re.Pattern[str] = re.compile(r"(?!)")
    # a bound word before a date that TimeML keeps in its extent ("spätestens 1254")
    bound_lead_before: re.Pattern[str] = re.compile(r"(?!)")
    # a noun counting people right after a number ("demonstrierten 2000 Menschen")
    people_after: re.Pattern[str] = re.compile(r"(?!)")
    # derived from the rules once, read by the engine for every stretch of text
    rule_order: dict[str, int] = field(init=False, compare=False, repr=False)
    search_words: frozenset[str] = field(init=False, compare=False, repr=False)  # lower-cased

    def __post_init__(self) -> None:
        # frozen: set once, here
        object.__setattr__(self, "rule_order", {rule.name: rule.order for rule in self.rules})
        words = frozenset(word for rule in self.rules for word in rule.triggers)
        object.__setattr__(self, "search_words", words)


def _right_guard(data: dict[str, Any]) -> str:
    """The guard after a rule: no word or number goes on, but for a calendar mark
    glued to the date (``[search] calendar_marks``: ``1761jul./ 5. Januar 1762greg.``)."""
    marks = [str(m) for m in data.get("search", {}).get("calendar_marks", [])]
    if not marks:
        return _RIGHT_GUARD
    allowed = "|".join(re.escape(m) for m in sorted(marks, key=len, reverse=True))
    return rf"(?!(?!(?:{allowed}))[\w])(?![.,][0-9])"


@cache
def load_grammar(lang: str) -> Grammar:
    """Load and compile a language's grammar (cached).

    >>> load_grammar("de").lang
    'de'
    """
    folder = language_dir(lang)
    lexicon = load_lexicon(folder / "lexicon.toml")
    rules_path = folder / "rules.toml"
    data = read_grammar_file(rules_path)
    fragments: dict[str, str] = dict(data.get("fragments", {}))
    used: set[str] = set()
    compact_forms: dict[str, str] = {}  # each class's prefix tree, built once
    plain_forms: dict[str, str] = {}  # and its plain alternation

    def expand(pattern: str, where: str, depth: int = 0, compact: bool = False) -> str:
        if depth > 10:
            raise LanguageDataError(
                f"{rules_path}: {where}: fragments reference each other in a cycle"
            )

        def substitute(match: re.Match[str]) -> str:
            name = match.group(1)
            used.add(name)
            if name in fragments:
                return "(?:" + expand(fragments[name], where, depth + 1, compact) + ")"
            if name in lexicon.classes:
                forms = compact_forms if compact else plain_forms
                if name not in forms:
                    lex_class = lexicon.classes[name]
                    forms[name] = (
                        lex_class.compact_alternation() if compact else lex_class.alternation()
                    )
                return forms[name]
            raise LanguageDataError(f"{rules_path}: {where}: unknown reference @{name}")

        return _REFERENCE.sub(substitute, pattern)

    common = stop_words(lexicon, data)
    right_guard = _right_guard(data)
    rules: list[Rule] = []
    for order, raw in enumerate(data.get("rule", [])):
        name = str(raw.get("name", f"rule #{order + 1}"))
        where = f"rule {name!r}"
        producer = raw.get("producer")
        if producer not in PRODUCERS:
            raise LanguageDataError(f"{rules_path}: {where}: unknown producer {producer!r}")
        # the plain expansion tells the search words; the compact one is compiled
        body = expand(str(raw.get("pattern", "")), where)
        compact = expand(str(raw.get("pattern", "")), where, compact=True)
        if raw.get("bound"):
            body = f"(?P<span>{body})"  # the engine reads a bound word before the span
            compact = f"(?P<span>{compact})"
        regex = LazyPattern(
            _LEFT_GUARD + "(?:" + compact + ")" + right_guard, f"{rules_path}: {where}"
        )
        groups = frozenset(_GROUP.findall(body))
        unknown = groups - PRODUCERS[producer].groups
        if unknown:
            raise LanguageDataError(
                f"{rules_path}: {where}: producer {producer!r} does not read "
                f"group(s) {', '.join(sorted(unknown))}"
            )
        examples = tuple(str(e) for e in raw.get("examples", []))
        context = tuple(str(e) for e in raw.get("example_context", []))
        if not examples and not context:
            raise LanguageDataError(f"{rules_path}: {where}: a rule needs at least one example")
        quantity_check = bool(raw.get("quantity_check", False))
        role = raw.get("role")
        if (
            role is not None
            and lexicon.classes["bound"].values
            and role not in set(map(str, lexicon.classes["bound"].values.values()))
        ):
            raise LanguageDataError(f"{rules_path}: {where}: unknown role {role!r}")
        rules.append(
            Rule(
                name,
                str(producer),
                regex,
                groups,
                examples,
                context,
                order,
                quantity_check,
                role,
                bound=bool(raw.get("bound", False)),
                triggers=search_words(raw.get("search"), lexicon, where)
                or (literal_words(body) - common),
                digits=searches_digits(raw.get("search"), examples + context),
                stems=frozenset(
                    str(item)[1:].lower() for item in raw.get("search", []) if str(item)[:1] == "~"
                ),
            )
        )
    unused = (set(fragments) | set(lexicon.classes)) - used - _CLASSES_READ_BY_CODE
    bound_before = re.compile(
        r"(?<![\w])(?P<bound>" + lexicon.classes["bound"].compact_alternation() + r")\s+\Z"
    )
    count_after = _count_after(lexicon)
    cues = load_cues(folder / "discourse.toml", lang)
    tense_facts(lang), clause_facts(lang)  # checked when the language loads: read by anchoring
    stems = sorted({stem for rule in rules for stem in rule.stems})
    stem_pattern = re.compile("|".join(map(re.escape, stems))) if stems else None
    unused_names = frozenset(unused)
    article_before = _word_before(lexicon.classes.get("extent_article"))
    length_lead_before = _word_before(lexicon.classes.get("extent_length_lead"))
    bound_lead_before = _word_before(lexicon.classes.get("extent_bound_lead"))
    people = lexicon.classes.get("people_count")
    people_after = (
        re.compile(r"\s+(?:" + people.compact_alternation() + r")(?![\w])")
        if people is not None and people.values
        else re.compile(r"(?!)")
    )
    return Grammar(
        lang,
        lexicon,
        tuple(rules),
        unused_names,
        bound_before,
        count_after,
        cues,
        stem_pattern,
        article_before=article_before,
        length_lead_before=length_lead_before,
        bound_lead_before=bound_lead_before,
        people_after=people_after,
    )


def _count_after(lexicon: Lexicon) -> re.Pattern[str]:
    """A word right after a year that makes its number a quantity ("1200 Meter").

    Every language names its units of measure (``measure_unit``); a language whose
    plural nouns are not told apart by their shape may add other nouns (``count_noun``).
    """
    forms = [
        lexicon.classes[name].compact_alternation()
        for name in ("measure_unit", "count_noun")
        if name in lexicon.classes and lexicon.classes[name].values
    ]
    # a share in parentheses right after a number gives its part of a whole: the number
    # is a count in any language ("und 1477 (0,98 %) als Albaner")
    share = r"\s*\(\s*[0-9]+(?:[.,][0-9]+)?\s*%\s*\)"
    if not forms:
        return re.compile(share)
    return re.compile(r"\s+(?:" + "|".join(forms) + r")(?![\w])|" + share)


def _word_before(words: LexClass | None) -> re.Pattern[str]:
    """One of ``words`` right before the end of the text searched (never, without a class)."""
    if words is None:
        return re.compile(r"(?!)")
    return re.compile(r"(?<![\w])(?:" + words.compact_alternation() + r")\s+\Z")


# Lexicon classes that producers read directly instead of through a pattern.
_CLASSES_READ_BY_CODE = frozenset(
    {
        "bound",
        "quantity_lead",
        "measure_unit",
        "count_noun",
        "people_count",
        "participle_noun",
        "writing_relative",
        "weekend",
        "extent_article",
        "extent_length_lead",
        "extent_bound_lead",
        "story_unmarked",
        "timex2_unmarked",
        "timex2_lead",
        "timex2_convention",
        "convention",
        "shift_date",
    }
)
