"""How a text is built, as far as anchoring needs it: tense, clauses and headings.

These readings are German-specific in their word lists; they decide whether a
date moves the story's time or only looks back or ahead.
"""

from __future__ import annotations

import re
from enum import Enum

from chronist.temporal.engine import Candidate
from chronist.temporal.meaning import Explicit
from chronist.text.segment import SpanIndex


class Tense(Enum):
    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"


_FUTURE = re.compile(
    r"\b(?:wird|werden|wirst|werde|will|wollen|soll|sollen|plant|planen|kommende[nmrs]?|nächste[nmrs]?)\b"
)
_PAST = re.compile(
    r"\b(?:hat|haben|hatte|hatten|war|waren|wurde|wurden|worden|gewesen|sagte|erklärte|teilte)\b|\bge[a-zäöüß]{3,}(?:t|en)\b"
)


def sentence_tense(sentence: str) -> Tense:
    if _FUTURE.search(sentence):
        return Tense.FUTURE
    if _PAST.search(sentence):
        return Tense.PAST
    return Tense.PRESENT


_HEADING_MAX = 90


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
        heading = text[start:end].strip()
        if years and len(heading) <= _HEADING_MAX and heading[-1:] not in '.!?:;,"“”»':
            sections.append((start, min(years), max(years)))
    return sections


# a relative pronoun, not an article: no noun or quoted adjective follows it
_RELATIVE_CLAUSE = re.compile(
    r"\s*(?:die|der|das|dem|den|deren|dessen|welche[rsmn]?)\s+(?![A-ZÄÖÜ„\"»«]|[a-zäöüß]+e[nrms]?\s+[A-ZÄÖÜ])"
)


_CLAUSE_BREAK = re.compile(r",|;|\s[–—-]\s")


_PLUPERFECT = re.compile(r"\b(?:hatte|hatten|hattest|hattet)\b")


# How far around an expression its clause is looked for: bounds the work on
# sentences thousands of characters long (lists, tables run together).
_CLAUSE_REACH = 400


def in_parentheses(text: str, sentence_start: int, start: int) -> bool:
    before = text[max(sentence_start, start - _CLAUSE_REACH) : start]
    return before.count("(") > before.count(")")


def in_background_clause(text: str, sentence: tuple[int, int], start: int, end: int) -> bool:
    """A flashback in the pluperfect (``ersterer hatte ... im Juli 1917``) or a
    relative clause (``..., die 1791 die Déclaration ... verfasste``)."""
    before = _CLAUSE_BREAK.split(text[max(sentence[0], start - _CLAUSE_REACH) : start])
    after = _CLAUSE_BREAK.split(text[end : min(sentence[1], end + _CLAUSE_REACH)], maxsplit=1)
    clause = before[-1] + text[start:end] + after[0]
    if _PLUPERFECT.search(clause):
        return True
    return len(before) > 1 and _RELATIVE_CLAUSE.match(clause) is not None
