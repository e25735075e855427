"""The annotation standard a tagging follows: TimeML (KRAUTS) or TIMEX2 (WikiWarsDE).

The two differ in what an expression's extent holds (TimeML keeps the article of
its noun, ``dem 20. Mai 1941``; TIMEX2 does not, but keeps a leading preposition
such as ``in Zukunft``), in what they mark at all (TIMEX2 leaves out ``damals``)
and in how a vague step from the story's time is written (TIMEX2: a reference,
``FUTURE_REF``). This module adapts the grammar, the candidates and the values to
the standard chosen.
"""

from __future__ import annotations

import re
from dataclasses import replace

from chronist.errors import OptionError
from chronist.temporal.anchoring import AnchoredValue
from chronist.temporal.engine import Candidate
from chronist.temporal.grammar import Grammar, load_grammar
from chronist.temporal.lexicon import LexClass, Lexicon
from chronist.temporal.meaning import Anaphor, Shift
from chronist.temporal.values import Reference, RefPoint

__all__ = ["EXTENTS", "grammar_for", "markable", "story_markable", "timex2_values"]

EXTENTS = ("timeml", "timex2")


def grammar_for(lang: str, extents: str) -> Grammar:
    """The grammar writing extents by ``extents``: TIMEX2 leaves the article out.

    Not cached on its own: ``load_grammar`` is (and a test may clear it); the TIMEX2
    variant is a shallow copy, made once per text.
    """
    if extents not in EXTENTS:
        raise OptionError(f"extents must be one of {', '.join(EXTENTS)}, not {extents!r}")
    grammar = load_grammar(lang)
    if extents == "timeml":
        return grammar
    classes = grammar.lexicon.classes
    timex2 = classes.get("timex2_convention")
    if timex2 is not None:
        # the values TIMEX2 writes otherwise ("halbe Stunde" PT30M) override [convention]
        own = classes.get("convention")
        values = {**(own.values if own else {}), **timex2.values}
        lexicon = Lexicon({**classes, "convention": LexClass("convention", False, values)})
        grammar = replace(grammar, lexicon=lexicon)
    return replace(
        grammar, article_before=_NEVER, length_lead_before=_NEVER, bound_lead_before=_NEVER
    )


_NEVER = re.compile(r"(?!)")


def markable(
    text: str, candidates: list[Candidate], grammar: Grammar, extents: str
) -> list[Candidate]:
    """The candidates the standard marks: TIMEX2 leaves out ``damals``, ``damalige`` ...
    and keeps a preposition TimeML leaves out (``in Zukunft``: [timex2_lead])."""
    if extents == "timeml":
        return candidates
    lexicon = grammar.lexicon
    return [
        _timex2_lead(text, c, lexicon)
        for c in candidates
        if lexicon.value("timex2_unmarked", c.text) is None
        # nor a demonstrative time ("in dieser Zeit", "zu diesem Zeitpunkt": none marked in
        # WikiWarsDE dev), which TimeML and the wiki_de gold mark
        and not (isinstance(c.meaning, Anaphor) and c.meaning.this_time)
    ]


def story_markable(candidates: list[Candidate], lexicon: Lexicon) -> list[Candidate]:
    """The candidates a story marks: not the words only an article marks
    ([story_unmarked]: ``bald`` is FUTURE_REF in news, no time of its own in a history)."""
    return [c for c in candidates if lexicon.value("story_unmarked", c.text) is None]


def _timex2_lead(text: str, candidate: Candidate, lexicon: Lexicon) -> Candidate:
    window = max(0, candidate.start - 20)
    word = _WORD_BEFORE.search(text, window, candidate.start)
    if word is None:
        return candidate
    phrase = text[word.start() : candidate.end]
    if lexicon.value("timex2_lead", " ".join(phrase.split())) is None:
        return candidate
    return replace(candidate, start=word.start(), text=phrase)


_WORD_BEFORE = re.compile(r"(?<![\w])\w+[ \t]+$")


def timex2_values(
    candidates: list[Candidate], anchored: list[AnchoredValue]
) -> tuple[list[Candidate], list[AnchoredValue]]:
    """TIMEX2 (WikiWarsDE) writes a vague step from the story's time as a reference:
    ``wenige Tage später`` FUTURE_REF, ``kurz zuvor`` PAST_REF, without a mod (TimeML:
    the anchor, AFTER or BEFORE)."""
    kept: list[Candidate] = []
    values: list[AnchoredValue] = []
    for candidate, value in zip(candidates, anchored, strict=True):
        meaning = candidate.meaning
        if isinstance(meaning, Shift) and meaning.vague:
            later = Reference.FUTURE if meaning.amount > 0 else Reference.PAST
            candidate = replace(candidate, mod=None)
            value = replace(value, value=RefPoint(later))
        kept.append(candidate)
        values.append(value)
    return kept, values
