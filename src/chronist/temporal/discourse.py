"""How a text is built, as far as anchoring needs it: tense, clauses and headings.

The word lists are language data (``lang/<lang>/discourse.toml``, read into
:class:`~chronist.temporal.discourse_cues.DiscourseCues`); these readings decide
whether a date moves the story's time or only looks back or ahead.
"""

from __future__ import annotations

import re
from typing import Literal

from chronist.temporal.day_spans import days_between
from chronist.temporal.discourse_cues import DiscourseCues
from chronist.temporal.engine import Candidate
from chronist.temporal.meaning import Explicit
from chronist.temporal.values import Day, Grain
from chronist.text.clauses import (
    RELATIVE_OPENER,
    SegmentKind,
    clause_facts,
    segment_at,
    segments,
)
from chronist.text.segment import SpanIndex
from chronist.text.tokens import tokenize
from chronist.text.verbs import Tense, read_verbs, tense_facts, told_in_pluperfect


def sentence_tense(sentence: str, cues: DiscourseCues) -> Tense:
    """Which way the dates of a clause go, by the one verb-group reading of ``text/``:
    its tense, and ahead for what is scheduled (``Im November wird gewählt``).

    >>> from chronist.temporal.grammar import load_grammar
    >>> cues = load_grammar("de").cues
    >>> [sentence_tense(s, cues).value for s in ("Am Montag hat er gesiegt.", "Er siegt.")]
    ['past', 'present']
    """
    if not cues.lang:
        return Tense.PRESENT
    group = read_verbs(sentence, tense_facts(cues.lang))
    return Tense.FUTURE if group.scheduled else group.tense


_HEADING_MAX = 90

# A dateline stands in the first lines of an article, on a short line of its own.
_DATELINE_REACH = 600
_DATELINE_LINE = 100
# How long before the creation time given (a crawl, an archive) a dateline may lie.
_DATELINE_DAYS = 400


def written_date(
    text: str, candidates: list[Candidate], dct: Day, cues: DiscourseCues
) -> tuple[int, Day] | None:
    """The date a news text gives itself in its first lines, if it differs from ``dct``.

    A crawled or archived article often carries the day it was written as a
    dateline (``17.01.2016, 11:57 Uhr``, ``News vom 07.03.2016``) while the
    creation time given is the day it was collected. Its ``am Dienstag`` and
    ``gestern`` mean days before the dateline, so the dateline is the better
    reference. Returns the candidate's index and its day.

    >>> from chronist.temporal.engine import find_candidates
    >>> from chronist.temporal.grammar import load_grammar
    >>> text = "Unfall auf der A8\\n12.01.2016, 10:01 Uhr\\nAm Montag kam es zu einem Unfall."
    >>> grammar = load_grammar("de")
    >>> written_date(text, find_candidates(text, grammar), Day(2016, 3, 10), grammar.cues)
    (0, Day(year=2016, month=1, day=12))
    """
    for index, candidate in enumerate(candidates):
        if candidate.start >= _DATELINE_REACH:
            return None
        meaning = candidate.meaning
        if not isinstance(meaning, Explicit) or meaning.fill is not None:
            continue
        if candidate.bound not in (None, "from") or (
            candidate.bound == "from" and cues.range_end.match(text, candidate.end)
        ):
            continue  # "bis 12.01.2016", "vom 12.01. bis ...": a span, not a dateline
        point = meaning.point
        if point.grain < Grain.DAY or None in (point.year, point.month, point.day):
            continue
        line_start = text.rfind("\n", 0, candidate.start) + 1
        line_end = text.find("\n", candidate.end)
        line = text[line_start : len(text) if line_end < 0 else line_end]
        if len(line.strip()) > _DATELINE_LINE:
            continue
        year = point.year or 0
        if meaning.two_digit:
            year += 2000 if 2000 + year <= dct.year else 1900
        day = Day(year, point.month or 1, point.day or 1)
        if 0 < days_between(day, dct) <= _DATELINE_DAYS:
            return index, day
    return None


def dated_headings(
    text: str, candidates: list[Candidate], paragraphs: SpanIndex
) -> list[tuple[int, int, int]]:
    """Headings that name years, as (start, first year, last year), in text order.

    A heading is a short paragraph without closing punctuation; ``Kriegsjahr
    1915`` or ``Belagerung von Boston, Juni 1775 bis März 1776`` scope the
    dates of the section below them.
    """
    years_by_paragraph: dict[tuple[int, int], list[int]] = {}
    for candidate in candidates:
        meaning = candidate.meaning
        if (
            isinstance(meaning, Explicit)
            and meaning.fill is None
            and meaning.point.year is not None
        ):
            years = years_by_paragraph.setdefault(paragraphs.span_of(candidate.start), [])
            year = meaning.point.year
            if meaning.two_digit:
                if not years:
                    continue
                # "1775/76": the century of the year before
                year += (years[-1] // 100) * 100
                year += 100 if year < years[-1] else 0
            years.append(year)
    sections = []
    title = paragraphs.span_of(0) if candidates else (0, 0)
    for (start, end), years in sorted(years_by_paragraph.items()):
        if (start, end) == title:
            continue  # a document's title names its whole span, not a section
        if years and is_heading(text[start:end]):
            sections.append((start, min(years), max(years)))
    return sections


def is_heading(paragraph: str) -> bool:
    """A short paragraph without closing punctuation (``== Klima``, ``Kriegsjahr 1915``)."""
    heading = paragraph.strip()
    return 0 < len(heading) <= _HEADING_MAX and heading[-1:] not in '.!?:;,"“”»'


# How far around an expression its clause is looked for: bounds the work on
# sentences thousands of characters long (lists, tables run together).
_CLAUSE_REACH = 400


def in_parentheses(text: str, sentence_start: int, start: int) -> bool:
    before = text[max(sentence_start, start - _CLAUSE_REACH) : start]
    return before.count("(") > before.count(")")


# "(3./4. Juni 1702)" right after what it dates; "(* 12. März 1821" is a life date
_APPOSITIVE_REACH = 8
_LIFE_MARKS = frozenset("*†+")


def dates_what_it_follows(text: str, sentence_start: int, start: int) -> bool:
    """A date that opens its parentheses dates the noun before them: the story is there.

    >>> dates_what_it_follows("die Schlacht bei X (3./4. Juni 1702)", 0, 22)
    True
    >>> dates_what_it_follows("Goethe (* 28. August 1749)", 0, 10)
    False
    """
    before = text[max(sentence_start, start - _CLAUSE_REACH) : start]
    opened = before.rfind("(")
    inside = before[opened + 1 :]
    return (
        opened >= 0
        and len(inside) <= _APPOSITIVE_REACH
        and not (_LIFE_MARKS & set(inside))
        and not any(character.isalpha() for character in inside)
    )


# why a date lies beside the story: it stands in a relative clause or a pluperfect flashback
Background = Literal["relative", "pluperfect"]


def background_clause(
    text: str, sentence: tuple[int, int], start: int, end: int, cues: DiscourseCues
) -> Background | None:
    """A date in a relative clause (``..., die 1791 die Déclaration ... verfasste``:
    ``"relative"``) or in a flashback in the pluperfect (``ersterer hatte ... im Juli
    1917``: ``"pluperfect"``), else None: its clause segment (:mod:`chronist.text.
    clauses`), from the sentence's tokens around it.

    >>> from chronist.temporal.grammar import load_grammar
    >>> text = "Paris kam, die 1791 die Déclaration verfasste."
    >>> background_clause(text, (0, len(text)), 15, 19, load_grammar("de").cues)
    'relative'
    """
    facts = clause_facts(cues.lang)
    low = max(sentence[0], start - _CLAUSE_REACH)
    high = min(sentence[1], end + _CLAUSE_REACH)
    # whether a segment is a relative clause is read from the break opening it and
    # its own tokens (after a closing parenthesis also from the segment before the
    # parenthesis): nothing further either side is tokenized, and nothing at all
    # when another break (or none) opens it
    opening = None
    for opening in facts.break_pattern.finditer(text, low, start):  # noqa: B007
        pass
    following = facts.break_pattern.search(text, end, high)
    opened_by = "" if opening is None else opening.group()
    if opened_by not in (RELATIVE_OPENER, ")"):
        begin = low if opening is None else opening.end()
        stop = high if following is None else following.start()
        return _pluperfect(text, begin, stop, cues)
    if opening is not None and opened_by != ")":
        low = opening.start()
    tokens = tokenize(text, cues.lang, low, high if following is None else following.end())
    found = segment_at(segments(tokens, facts), start)
    if found is None:
        return None
    if found.kind is SegmentKind.RELATIVE:
        return "pluperfect" if _pluperfect(text, found.start, found.end, cues) else "relative"
    return _pluperfect(text, found.start, found.end, cues)


def _pluperfect(text: str, start: int, end: int, cues: DiscourseCues) -> Background | None:
    return "pluperfect" if told_in_pluperfect(text, start, end, tense_facts(cues.lang)) else None


_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
_PARENTHESES = re.compile(r"\([^()]*\)")
# how many words of the next sentence may come before the antecedent said again
_CONTINUED_REACH = 3


def antecedent_continues(
    text: str,
    sentence: tuple[int, int],
    start: int,
    following: tuple[int, int],
    cues: DiscourseCues,
) -> bool:
    """``... ein Aquarell John Constables (1776-1837), der Stonehenge im Jahr 1820
    besuchte. Constable fertigte ... 15 Jahre später``: the next sentence (``following``)
    opens by naming again the word a relative clause describes, so it goes on with
    that clause's time; the date at ``start`` in the relative clause is the story's.

    >>> from chronist.temporal.grammar import load_grammar
    >>> text = "Es ist ein Bild Constables, der es 1820 malte. Constable schuf dann mehr."
    >>> antecedent_continues(text, (0, 46), 35, (47, len(text)), load_grammar("de").cues)
    True
    """
    if not cues.lang:
        return False
    facts = clause_facts(cues.lang)
    before = _PARENTHESES.sub(lambda inside: " " * len(inside.group()), text[sentence[0] : start])
    opener = before.rfind(",")  # the relative clause holds the date: no break after it
    words = [word.lower() for word in _WORDS.findall(before, opener + 1)[:2]]
    if opener < 0 or not words:
        return False
    if words[0] in facts.relative_prepositions and len(words) == 2:
        words = words[1:]
    if words[0] not in facts.relative:
        return False
    named = _WORDS.findall(before, 0, opener)
    if not named or not named[-1][:1].isupper():
        return False
    antecedent = named[-1]
    again = _WORDS.findall(text, *following)[:_CONTINUED_REACH]
    return any(
        word[:1].isupper() and len(word) > 2 and antecedent in (word, word + "s", word + "es")
        for word in again
    )
