"""The tagging pass: every rule over the text, then the best non-overlapping matches.

Overlaps are settled by extent: the longest match wins, then the earlier rule.
The result is underspecified (:mod:`chronist.temporal.meaning`); anchoring is a
separate pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chronist.temporal.grammar import Grammar
from chronist.temporal.meaning import Meaning
from chronist.temporal.mention import TimexType
from chronist.temporal.producers import PRODUCERS, Groups
from chronist.temporal.values import Mod


@dataclass(frozen=True, slots=True)
class Candidate:
    """A temporal expression as the text alone gives it."""

    start: int
    end: int
    text: str
    rule: str
    type: TimexType
    meaning: Meaning
    mod: Mod | None
    bound: str | None  # "until", "since", "before", "after", "from", "latest", "earliest"


_BOUND_MODS = {
    "before": Mod.BEFORE,
    "after": Mod.AFTER,
    "latest": Mod.ON_OR_BEFORE,
    "earliest": Mod.ON_OR_AFTER,
}


def find_candidates(text: str, grammar: Grammar, offset: int = 0) -> list[Candidate]:
    """All non-overlapping temporal expressions in ``text``, in text order.

    >>> from chronist.temporal.grammar import load_grammar
    >>> [c.text for c in find_candidates("Am 27. Juli 1953 schwiegen die Waffen.", load_grammar("de"))]
    ['27. Juli 1953']
    """
    found: list[Candidate] = []
    for rule in grammar.rules:
        producer = PRODUCERS[rule.producer]
        for match in rule.regex.finditer(text):
            start, end = match.span("span") if "span" in rule.groups else (-1, -1)
            if start < 0:
                start, end = match.span()
            if start == end:
                continue
            if rule.quantity_check and _counts_something(text, start, end, grammar):
                continue
            produced = producer.run(Groups(match, grammar.lexicon))
            if produced is None:
                continue
            bound_word = match.group("bound") if "bound" in rule.groups else None
            bound = rule.role
            if bound_word:
                value = grammar.lexicon.value("bound", bound_word)
                bound = None if value is None else str(value)
            mod = produced.mod
            if mod is None and bound in _BOUND_MODS:
                mod = _BOUND_MODS[bound]
            found.append(
                Candidate(
                    start + offset, end + offset, text[start:end], rule.name,
                    produced.type, produced.meaning, mod, bound,
                )
            )
    return _select(found, grammar)


_NEXT_WORD = re.compile(r"\s+([A-ZÄÖÜ][\w-]*)")
_TIME_WORD_CLASSES = ("month", "unit", "season", "weekday", "era", "holiday", "position")


def _counts_something(text: str, start: int, end: int, grammar: Grammar) -> bool:
    """``und 1370 Landungsboote``: a number between a count word and a noun is no year."""
    following = _NEXT_WORD.match(text, end)
    if following is None:
        return False
    word = following.group(1)
    lexicon = grammar.lexicon
    if any(lexicon.value(name, word) is not None for name in _TIME_WORD_CLASSES):
        return False
    words = text[max(0, start - 24) : start].split()
    leads = [" ".join(words[-2:]), words[-1]] if words else []
    return any(lexicon.value("quantity_lead", lead) is not None for lead in leads)


def _select(found: list[Candidate], grammar: Grammar) -> list[Candidate]:
    order = {rule.name: rule.order for rule in grammar.rules}
    found.sort(key=lambda c: (-(c.end - c.start), order[c.rule], c.start))
    taken: list[Candidate] = []
    occupied: list[tuple[int, int]] = []
    for candidate in found:
        if any(candidate.start < end and start < candidate.end for start, end in occupied):
            continue
        taken.append(candidate)
        occupied.append((candidate.start, candidate.end))
    taken.sort(key=lambda c: c.start)
    return taken
