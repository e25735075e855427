"""A bare number that counts rather than dates: the words around it tell.

``demonstrierten 2000 Menschen`` (a verb and a noun counting people) and ``dem 1962
Stadtbewohner`` (an article whose noun follows the number) are counts, not years.
"""

from __future__ import annotations

import re

from chronist.temporal.grammar import Grammar

TIME_WORD_CLASSES = ("month", "unit", "season", "weekday", "era", "holiday", "position")

# the word right before a number: a lower-case word (a verb or an adverb)
_LOWER_WORD_BEFORE = re.compile(r"(?<![\w.])([a-zäöüß]+)[ \t]+\Z")
# a capitalised word right after a number: its noun
_NOUN_AFTER = re.compile(r"[ \t]+([A-ZÄÖÜ][\w-]*)")


def is_time_word(word: str, grammar: Grammar) -> bool:
    lexicon = grammar.lexicon
    return any(lexicon.value(name, word) is not None for name in TIME_WORD_CLASSES)


def counts_people(text: str, match: re.Match[str], year: int, grammar: Grammar) -> bool:
    """``demonstrierten 2000 Menschen``, ``starben 1200 Menschen``: a bare number between
    a verb or adverb and a noun counting people is a count. After a bound or a word of
    approximation it stays a year (``seit 2005 Mitglieder``, ``um 1900 Menschen``), as
    after a noun or a month (``Völkermords 1994 Opfer``, ``November 1938 Teilnehmer``)."""
    start = match.start("year")
    if text[match.start() : start].strip() or not grammar.people_after.match(text, year):
        return False
    before = _LOWER_WORD_BEFORE.search(text, max(0, start - 30), start)
    if before is None:
        return False
    word = before.group(1)
    lexicon = grammar.lexicon
    return all(
        lexicon.value(name, word) is None for name in ("bound", "approx", *TIME_WORD_CLASSES)
    )


def counts_after_article(text: str, match: re.Match[str], year: int, grammar: Grammar) -> bool:
    """``dem 1962 Stadtbewohner zum Opfer fielen``: an article right before a bare number
    whose noun follows it at once makes the number a count, for a year between an
    article and its noun would need a participle (``die 1962 gegründete Stadt``). A noun
    made of a participle keeps the year (``die 1945 Vertriebenen``: ``participle_noun``
    endings), as does a time word (``die 1000 Jahre``)."""
    start = match.start("year")
    if text[match.start() : start].strip():
        return False
    if grammar.article_before.search(text, max(0, start - 8), start) is None:
        return False
    noun = _NOUN_AFTER.match(text, year)
    if noun is None or is_time_word(noun.group(1), grammar):
        return False
    endings = grammar.lexicon.classes.get("participle_noun")
    word = noun.group(1)
    return endings is None or not any(word.endswith(ending) for ending in endings.values)
