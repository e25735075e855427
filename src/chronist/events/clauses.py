"""Words and clause segments of a sentence, with offsets.

A sentence is cut at commas, semicolons, colons, dashes and parentheses; each
piece is a :class:`Segment` whose kind says whether it can carry an event of
the story (main or relative clause) or not (a comparison ``so wie ...``, a
parenthesis, a clause starting with ``ohne``).

>>> from chronist.events.lexicon import load_lexicon
>>> from chronist.text.tokens import tokenize
>>> text = "Truman rief den Sicherheitsrat an, der noch am selben Tag tagte."
>>> markers = load_lexicon("de").markers
>>> [(text[s.start:s.end], s.kind.value) for s in segments(text, tokenize(text), markers)]
[('Truman rief den Sicherheitsrat an', 'main'), ('der noch am selben Tag tagte.', 'relative')]
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from chronist.events.lexicon import Markers
from chronist.text.tokens import Token

__all__ = ["Segment", "SegmentKind", "segments"]

_CUT = frozenset(",;:()–—[]")


class SegmentKind(Enum):
    MAIN = "main"
    RELATIVE = "relative"  # ", der ...": describes the word before it
    COMPARISON = "comparison"  # "so wie ...", "anders als ...": another time or place
    BACKGROUND = "background"  # "weil ...", "(...)": not the story's main line
    NEGATED = "negated"  # "ohne ... abzuwarten"


@dataclass(frozen=True, slots=True)
class Segment:
    """Tokens ``first`` to ``last`` (exclusive) of the sentence, offsets ``start``/``end``."""

    first: int
    last: int
    start: int
    end: int
    kind: SegmentKind


def _starts_with(words: list[str], phrase: tuple[str, ...]) -> bool:
    return tuple(words[: len(phrase)]) == phrase


def _kind(tokens: list[Token], first: int, last: int, opener: str, markers: Markers) -> SegmentKind:
    words = [t.text.lower() for t in tokens[first:last] if t.is_word]
    if not words:
        return SegmentKind.MAIN
    if opener == "(":
        return SegmentKind.BACKGROUND
    if any(_starts_with(words, phrase) for phrase in markers.comparison):
        return SegmentKind.COMPARISON
    lead = 1 if words[0] in markers.coordination and len(words) > 1 else 0
    if words[lead] in markers.background:  # "(und) da man ... befürchtete"
        return SegmentKind.BACKGROUND
    if words[0] in markers.negating_start:
        return SegmentKind.NEGATED
    if opener == "," and words[0] in markers.relative:
        following = [t for t in tokens[first + 1 : last] if t.is_word]
        if not following or not following[0].is_capitalised:
            return SegmentKind.RELATIVE
    return SegmentKind.MAIN


def segments(text: str, tokens: list[Token], markers: Markers) -> list[Segment]:
    """The clause segments of one sentence's ``tokens``."""
    found: list[Segment] = []
    first = 0
    opener = ""
    depth = 0
    outer: list[SegmentKind] = []  # kinds of the segments a parenthesis interrupts
    for index, token in enumerate([*tokens, Token("", -1, -1)]):
        is_end = index == len(tokens)
        if not is_end and token.text not in _CUT:
            continue
        if index > first:
            kind = _kind(tokens, first, index, opener, markers)
            if depth > 0 and kind is SegmentKind.MAIN:
                kind = SegmentKind.BACKGROUND
            elif opener == ")" and outer and kind is SegmentKind.MAIN:
                kind = outer.pop()
            found.append(Segment(first, index, tokens[first].start, tokens[index - 1].end, kind))
        if not is_end:
            if token.text == "(" and depth == 0:
                outer = [found[-1].kind] if found and index == found[-1].last else []
            depth += {"(": 1, ")": -1}.get(token.text, 0)
            depth = max(depth, 0)
            opener = token.text
        first = index + 1
    return found
