"""Loading a language's temporal grammar: lexicon, fragments and rules.

Patterns reference fragments and lexicon classes as ``@name``; a lexicon class
expands to an alternation of its forms, longest first. Every reference, group
name and producer is checked when the data loads, and an error names the file
and the rule.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from chronist.errors import LanguageDataError
from chronist.lang import language_dir
from chronist.lang.files import read_toml
from chronist.temporal.lazy_pattern import LazyPattern
from chronist.temporal.lexicon_values import REQUIRED_CLASSES, LexValue, read_value
from chronist.text.clauses import clause_facts
from chronist.text.verbs import tense_facts

_REFERENCE = re.compile(r"@([a-z][a-z0-9_]*)")
_GROUP = re.compile(r"\(\?P<([a-zA-Z_][a-zA-Z0-9_]*)>")
# Guards so that a rule never starts or ends inside a word or a number.
_LEFT_GUARD = r"(?<![\w])(?<![0-9][.,])"
_RIGHT_GUARD = r"(?![\w])(?![.,][0-9])"


@dataclass(frozen=True, slots=True)
class LexClass:
    name: str
    exact_case: bool
    values: dict[str, LexValue]  # form -> value; lookups fold the first letter

    def lookup(self, form: str) -> LexValue | None:
        normal = " ".join(form.split())
        if normal in self.values:
            return self.values[normal]
        if self.exact_case or not normal:
            return None
        for candidate in (normal[0].upper() + normal[1:], normal[0].lower() + normal[1:]):
            if candidate in self.values:
                return self.values[candidate]
        return None

    def alternation(self) -> str:
        """Every form, longest first: the readable pattern, from which search words are read.

        >>> LexClass("unit", False, {"Jahr": "Y", "Jahre": "Y"}).alternation()
        '(?:[Jj]ahre|[Jj]ahr)'
        """
        forms = sorted(self.values, key=lambda form: (-len(form), form))
        return "(?:" + "|".join(_form_pattern(form, self.exact_case) for form in forms) + ")"

    def compact_alternation(self) -> str:
        """The language of :meth:`alternation` as a prefix tree: faster to compile and run.

        Forms that share a beginning share its pattern; a longer form is still
        tried before its prefix, so a match is the same as with the plain
        alternation.

        >>> forms = {"Jahr": "Y", "Jahre": "Y", "Jahren": "Y"}
        >>> LexClass("unit", False, forms).compact_alternation()
        '(?:[Jj]ahr(?:en?)?)'
        """
        root: _Trie = {}
        for form in self.values:
            node = root
            for token in _form_tokens(form, self.exact_case):
                node = node.setdefault(token, {})
            node[_END] = {}
        return "(?:" + _trie_pattern(root) + ")"


_Trie = dict[str, "_Trie"]
_END = ""  # the key marking that a form ends at a node


def _form_tokens(form: str, exact_case: bool) -> list[str]:
    """A form as pattern pieces: one per character, ``\\s+`` between words."""
    tokens: list[str] = []
    for number, word in enumerate(form.split()):
        if number:
            tokens.append(r"\s+")
        tokens.extend(re.escape(char) for char in word)
    first = form.strip()[0]
    if not exact_case and first.isalpha() and first.lower() != first.upper():
        tokens[0] = f"[{first.upper()}{first.lower()}]"
    return tokens


def _trie_pattern(node: _Trie) -> str:
    branches = [token + _trie_pattern(child) for token, child in sorted(node.items()) if token]
    if _END in node:
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and len(branches[0]) == 1 else None
        return (body or "(?:" + "|".join(branches) + ")") + "?"
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def _form_pattern(form: str, exact_case: bool) -> str:
    parts = [re.escape(word) for word in form.split()]
    pattern = r"\s+".join(parts)
    first = form[0]
    if exact_case or not first.isalpha() or first.lower() == first.upper():
        return pattern
    return f"[{first.upper()}{first.lower()}]" + pattern[1:]


@dataclass(frozen=True, slots=True)
class Lexicon:
    classes: dict[str, LexClass]

    def value(self, class_name: str, form: str) -> LexValue | None:
        lex_class = self.classes.get(class_name)
        return None if lex_class is None else lex_class.lookup(form)


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


_NEVER = LazyPattern(r"(?!)", "a cue that never matches")


@dataclass(frozen=True, slots=True)
class DiscourseCues:
    """The word patterns by which anchoring reads a text's structure.

    Loaded from ``lang/<lang>/discourse.toml``; each key is documented there.
    Each pattern is compiled the first time it is used.
    """

    range_end: LazyPattern = _NEVER  # right after a date: a range's second end follows
    coordination: LazyPattern = _NEVER  # the gap between two coordinated dates
    range_join: LazyPattern = _NEVER  # the gap between the two ends of a range
    next_noun: LazyPattern = _NEVER  # the noun after a number (group 1)
    report: LazyPattern = _NEVER  # a reporting verb whose reported clause has its own tense
    until_before: LazyPattern = _NEVER  # right before a date: it ends what happens
    since_before: LazyPattern = _NEVER  # right before a date: it begins what happens
    dated_before: LazyPattern = _NEVER  # right before a date: a date, not a range's start
    # a later vantage point told in the story ("Im Mai 2011 erklärte der Historiker ...")
    vantage: LazyPattern = _NEVER
    # before a clock time: it holds on each of several days ("jeweils 20 Uhr", "wochentags")
    every_day: LazyPattern = _NEVER
    # between a relative date and the date beside it that says which day it is, beyond a
    # bare comma ("wenige Wochen später, am 15. April 1945")
    apposition: LazyPattern = _NEVER
    # a word that opens a clause with its own verb ("when the case is heard in May"):
    # a news date takes the tense of that clause where it has one
    clause_opener: LazyPattern = _NEVER
    # in such a clause: it looks ahead from a past ("which would be paid in January"),
    # too weak a cue for a whole sentence ("said they would fight Wednesday's ruling")
    clause_future: LazyPattern = _NEVER
    # right before a yearless news date: it had begun by the time of writing ("since March")
    begun_before: LazyPattern = _NEVER
    # right after a news date: it owns a noun ("Thursday's closing price"), something
    # already reported, so a clause without a tense of its own does not move it ahead
    possessive_after: LazyPattern = _NEVER
    # before a news date in its clause: a decision or plan that looks ahead from the
    # past ("has decided to admit them in early March")
    prospective: LazyPattern = _NEVER
    # right before a news date in a clause in the present: the date is what something is
    # set for, so it lies ahead ("sagt für Mittwoch 930 Flüge ab")
    scheduled_before: LazyPattern = _NEVER
    # a mark after which a new sentence begins inside a sentence's span (a colon before a
    # question or a quote): a news date's clause and its tense end there
    sentence_mark: LazyPattern = _NEVER
    # before a news weekday: only a preposition since its sentence began ("Am Dienstag ...")
    opens_sentence: LazyPattern = _NEVER
    # right after such a weekday: a finite verb in the present, which then tells what is
    # ahead ("Am Dienstag beginnt der Prozess")
    present_verb_after: LazyPattern = _NEVER
    # right after a weekday that opens its line: it heads a line of a programme
    # ("Sonntag: Festgottesdienst", "Montag, 20 Uhr: Tanz"), which tells what is ahead
    heading_after: LazyPattern = _NEVER
    # the language, whose tense and clause facts (``text/verbs``, ``text/clauses``) it reads
    lang: str = ""


# cues a language may leave out (they then never match)
_OPTIONAL_CUES = frozenset(
    {
        "vantage",
        "every_day",
        "apposition",
        "clause_opener",
        "clause_future",
        "begun_before",
        "possessive_after",
        "prospective",
        "scheduled_before",
        "sentence_mark",
        "opens_sentence",
        "present_verb_after",
        "heading_after",
    }
)


def load_cues(path: Path, lang: str = "") -> DiscourseCues:
    """A language's discourse cues; every key must be there (each compiles on first use).

    >>> from chronist.lang import language_dir
    >>> cues = load_cues(language_dir("de") / "discourse.toml")
    >>> bool(cues.range_end.match("1950 bis 1953", 4))
    True
    """
    data = _load_toml(path)
    patterns: dict[str, LazyPattern] = {}
    for name in DiscourseCues.__slots__:
        if name == "lang":
            continue
        if name in _OPTIONAL_CUES and name not in data:
            continue
        source = data.get(name)
        if not isinstance(source, str):
            raise LanguageDataError(f"{path}: {name!r} is missing or not a string")
        patterns[name] = LazyPattern(source, f"{path}: {name!r}")
    unknown = set(data) - set(patterns)
    if unknown:
        raise LanguageDataError(f"{path}: unknown key(s) {', '.join(sorted(unknown))}")
    return DiscourseCues(**patterns, lang=lang or path.parent.name)


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
    cues: DiscourseCues = DiscourseCues()
    stem_pattern: re.Pattern[str] | None = None  # one pattern for every stem a rule searches for
    # an article right before a span that belongs to it ("dem 28. Juni", "das 17. Jahrhundert")
    article_before: re.Pattern[str] = re.compile(r"(?!)")
    # a word before a length that TimeML keeps in its extent ("gut 15 Jahren")
    length_lead_before: re.Pattern[str] = re.compile(r"(?!)")
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


def _load_toml(path: Path) -> dict[str, Any]:
    try:
        return read_toml(path)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise LanguageDataError(f"{path}: cannot load: {error}") from error


def load_lexicon(path: Path) -> Lexicon:
    data = _load_toml(path)
    classes: dict[str, LexClass] = {}
    for name, table in data.items():
        if not isinstance(table, dict):
            raise LanguageDataError(f"{path}: [{name}] must be a table of form = value")
        exact = table.get("case") == "exact"
        values: dict[str, LexValue] = {}
        for form, value in table.items():
            if form == "case":
                continue
            if not form.strip():
                raise LanguageDataError(f"{path}: [{name}]: an empty word form")
            values[form] = read_value(name, value, f"{path} [{name}] {form!r}")
        classes[name] = LexClass(name, exact, values)
    missing = sorted(REQUIRED_CLASSES - set(classes))
    if missing:
        raise LanguageDataError(f"{path}: class [{missing[0]}] is missing (the engine reads it)")
    return Lexicon(classes)


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
    # Imported here: the producer registry depends on the lexicon types above.
    from chronist.temporal.producers import PRODUCERS

    folder = language_dir(lang)
    lexicon = load_lexicon(folder / "lexicon.toml")
    rules_path = folder / "rules.toml"
    data = _load_toml(rules_path)
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

    stop_words = _stop_words(lexicon, data)
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
                triggers=_search_words(raw.get("search"), lexicon, where)
                or (_literal_words(body) - stop_words),
                digits=_searches_digits(raw.get("search"), examples + context),
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
    if not forms:
        return re.compile(r"(?!)")
    return re.compile(r"\s+(?:" + "|".join(forms) + r")(?![\w])")


def _word_before(words: LexClass | None) -> re.Pattern[str]:
    """One of ``words`` right before the end of the text searched (never, without a class)."""
    if words is None:
        return re.compile(r"(?!)")
    return re.compile(r"(?<![\w])(?:" + words.compact_alternation() + r")\s+\Z")


# "[Jj]" or "[Éé]": a first letter in either case, written by _form_pattern
_CASE_PAIR = re.compile(r"\[([^\W\d_])([^\W\d_])\]")
_GROUP_NAME = re.compile(r"\(\?P<\w+>|\(\?P=\w+\)|\\[a-zA-Z]")
_WORD = re.compile(r"[^\W\d_]{2,}")
_NEGATIVE_LOOK = re.compile(r"\(\?<?!(?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)")
_CHAR_CLASS = re.compile(r"\[[^\]]*\]")


def _stop_words(lexicon: Lexicon, data: dict[str, Any]) -> frozenset[str]:
    """Words too common to look for: the forms of qualifier classes and the declared function words.

    Every expression also holds a time word, a unit or a digit, which is looked for instead.
    """
    words = {str(word).lower() for word in data.get("search", {}).get("function_words", [])}
    for name in data.get("search", {}).get("qualifier_classes", []):
        lex_class = lexicon.classes.get(str(name))
        if lex_class is None:
            raise LanguageDataError(f"[search] names unknown lexicon class {name!r}")
        for form in lex_class.values:
            words.update(word.lower() for word in _WORD.findall(form))
    return frozenset(words)


def _search_words(search: Any, lexicon: Lexicon, where: str) -> frozenset[str]:
    """A rule's declared search: lexicon classes and words every match holds one of."""
    if search is None:
        return frozenset()
    words: set[str] = set()
    for item in search:
        name = str(item)
        if name == "digits" or name.startswith("~"):
            continue
        if name.startswith("@"):
            lex_class = lexicon.classes.get(name[1:])
            if lex_class is None:
                raise LanguageDataError(f"{where}: search names unknown lexicon class {name}")
            for form in lex_class.values:
                found = _WORD.findall(form)  # the longest word of a form is enough
                if found:
                    words.add(max(found, key=len).lower())
        else:
            words.add(name.lower())
    return frozenset(words)


def _searches_digits(search: Any, examples: tuple[str, ...]) -> bool:
    if search is not None:
        return "digits" in search
    return any(char.isdigit() for example in examples for char in example)


def _literal_words(body: str) -> frozenset[str]:
    """Every word a compiled pattern spells out, lower-cased: its possible trigger words."""
    plain = _CASE_PAIR.sub(
        lambda m: m.group(2) if m.group(1).lower() == m.group(2) else m.group(0), body
    )
    plain = _NEGATIVE_LOOK.sub(" ", _GROUP_NAME.sub(" ", plain))
    plain = _CHAR_CLASS.sub(" ", plain)
    return frozenset(word.lower() for word in _WORD.findall(plain))


# Lexicon classes that producers read directly instead of through a pattern.
_CLASSES_READ_BY_CODE = frozenset(
    {
        "bound",
        "quantity_lead",
        "measure_unit",
        "count_noun",
        "people_count",
        "writing_relative",
        "weekend",
        "extent_article",
        "extent_length_lead",
        "timex2_unmarked",
        "timex2_lead",
        "timex2_convention",
        "convention",
        "shift_date",
    }
)
