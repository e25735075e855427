"""A language's discourse cues: the word patterns by which anchoring reads a text's structure.

``lang/<xx>/discourse.toml`` names, for instance, what joins the two ends of a
range (``1950 bis 1953``), what before a date makes it the end of what happens
(``bis``) and which verbs report a clause with its own tense. Every key is
documented there; a pattern compiles the first time it is used.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from chronist.errors import LanguageDataError
from chronist.lang.checks import read_grammar_file
from chronist.temporal.lazy_pattern import LazyPattern

__all__ = ["DiscourseCues", "load_cues"]


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
    # the whole gap between a clock time and a day named right after it, which is then
    # its day ("um 14.30 Uhr am Dienstag", "at 2:30 p.m. yesterday")
    day_after_time: LazyPattern = _NEVER
    # right before a length in a story: the story goes on that long after its time
    # ("Bereits nach drei Monaten hatte sie 250 Arbeiter")
    length_step_before: LazyPattern = _NEVER
    # from the end of a story's date to the end of its clause: the clause tells what was
    # then still ahead ("die am 1. Januar in Kraft treten sollte"), the future in the past
    future_in_past_after: LazyPattern = _NEVER
    # the whole gap between a quarter or half-year and a year right after it that is the
    # year of that period, not one it is compared with ("the fourth quarter of last year")
    period_of: LazyPattern = _NEVER
    # a coordinated verb phrase begins: its tense is its own ("met on Monday and will
    # meet again on Friday"), a break between a news date's stretch and the next
    verb_coordination: LazyPattern = _NEVER
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
        "day_after_time",
        "length_step_before",
        "future_in_past_after",
        "period_of",
        "verb_coordination",
    }
)


def load_cues(path: Path, lang: str = "") -> DiscourseCues:
    """A language's discourse cues; every key must be there (each compiles on first use).

    >>> from chronist.lang import language_dir
    >>> cues = load_cues(language_dir("de") / "discourse.toml")
    >>> bool(cues.range_end.match("1950 bis 1953", 4))
    True
    """
    data = read_grammar_file(path)
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
