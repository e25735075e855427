"""Modality of event mentions by clause: negation, condition, expectation, plan, report.

Each marker attaches to the verb of its own clause (``lang/<code>/events.toml``
``[modality]``); a negation to the verb of its own conjunct (``konnte die Stadt
nicht halten und zog ab``: ``abziehen`` is not negated).
"""

from __future__ import annotations

from itertools import pairwise

from chronist.events.lexicon import Markers
from chronist.events.model import Modality
from chronist.text.clauses import Segment, SegmentKind
from chronist.text.tokens import Token

__all__ = [
    "habitual",
    "negated_conjunct",
    "noun_negated",
    "segment_modality",
    "sentence_modality",
]


def sentence_modality(tokens: list[Token], markers: Markers) -> Modality | None:
    """A condition anywhere, or a subjunctive before the first content clause: a
    subjunctive inside ``dass ...`` (``wurde festgehalten, dass Österreich neutral
    sein würde``) is that clause's own (:func:`segment_modality`)."""
    words = {t.text.lower() for t in tokens}
    if words & markers.conditional:
        return Modality.CONDITIONAL
    told: set[str] = set()
    for token in tokens:
        word = token.text.lower()
        if word in markers.content_openers:
            break
        told.add(word)
    if told & markers.hypothetical:
        return Modality.HYPOTHETICAL
    return None


def segment_modality(
    tokens: list[Token],
    segment: Segment,
    previous: list[Token],
    markers: Markers,
    aside: frozenset[int] = frozenset(),
) -> Modality:
    """The modality of one clause segment; the tokens of a clause set into it
    (``aside``: ``wurde er, der ihn gefangensetzen wollte, getötet``) are their own."""
    own = [i for i in range(segment.first, segment.last) if i not in aside]
    own = own or list(range(segment.first, segment.last))
    words = [tokens[i].text.lower() for i in own]
    if segment.kind is SegmentKind.NEGATED:
        return Modality.NEGATED
    for position, word in enumerate(words):
        following = words[position + 1] if position + 1 < len(words) else ""
        if word in markers.clause_negation and following not in markers.not_negating_after:
            return Modality.NEGATED
    if set(words) & (markers.expected | markers.not_told | markers.hypothetical):
        return Modality.HYPOTHETICAL
    if set(words) & markers.reported and set(words) & markers.reported_with:
        return Modality.REPORTED
    if set(words) & markers.planned or _planned_passive([tokens[i] for i in own], markers):
        return Modality.PLANNED
    opening = next((tokens[i].text.lower() for i in own if tokens[i].is_word), "")
    if opening in markers.question_openers:
        return Modality.HYPOTHETICAL  # "Ob er gekrönt wurde, ...": asked, not told
    if opening in markers.purpose_openers and segment.first > 0:
        return Modality.HYPOTHETICAL  # "..., damit sie fliehen konnten": a purpose
    if (
        opening == "dass"  # perhaps after an opening quote: „dass ...
        and {t.text.lower() for t in previous} & {w.lower() for w in markers.opinion}
    ):
        return Modality.HYPOTHETICAL
    return Modality.ASSERTED


def _planned_passive(inside: list[Token], markers: Markers) -> bool:
    """``sollte ... wieder aufgestellt werden``: a past modal of plan or duty with a
    passive infinitive (a lower-case participle before ``werden``)."""
    if not any(t.text.lower() in markers.planned_passive for t in inside):
        return False
    return any(
        token.text in markers.passive_infinitive and before.text.islower() and before.is_word
        for before, token in pairwise(inside)
    )


def negated_conjunct(tokens: list[Token], segment: Segment, index: int, markers: Markers) -> bool:
    """Whether a negation word stands in the conjunct of token ``index``: the
    words between the ``und``/``aber`` before it and the one after it
    (``konnte die Stadt nicht halten und zog ab``: ``abziehen`` is not negated);
    an ``aber`` with no comma before it is an adverb of the conjunct (``kehrte aber
    nicht zurück``: the return is negated)."""
    low, high = segment.first, segment.last

    def joins(position: int) -> bool:
        word = tokens[position].text.lower()
        if word not in markers.coordination:
            return False
        adverb = word in markers.adverb_coordination and position > 0
        return not adverb or tokens[position - 1].text == ","

    for position in range(index - 1, segment.first - 1, -1):
        if joins(position):
            low = position + 1
            break
    for position in range(index + 1, segment.last):
        if joins(position):
            high = position
            break
    words = [t.text.lower() for t in tokens[low:high]]
    return any(
        word in markers.clause_negation
        and (words[at + 1] if at + 1 < len(words) else "") not in markers.not_negating_after
        for at, word in enumerate(words)
    )


def noun_negated(tokens: list[Token], index: int, markers: Markers) -> bool:
    """``kein Atomwaffeneinsatz``: a negating determiner right before the event noun."""
    before = {t.text.lower() for t in tokens[max(0, index - 2) : index]}
    return bool(before & markers.noun_negation)


def habitual(tokens: list[Token], segment: Segment, markers: Markers) -> bool:
    """A frequency adverb in the clause (``wird dort jährlich mit einer Feier
    begangen``): a habit, no event of the story; not when the adverb counts what
    follows it (``die Abhaltung von jährlich zwei Messen``)."""
    inside = tokens[segment.first : segment.last]
    for position, token in enumerate(inside):
        if token.text.lower() not in markers.habit_adverbs:
            continue
        following = inside[position + 1].text.lower() if position + 1 < len(inside) else ""
        if not following[:1].isdigit() and following not in markers.habit_counts:
            return True
    return False
