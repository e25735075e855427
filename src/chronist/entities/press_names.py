"""A newspaper, magazine or agency named right after its kind's word is an
organisation: ``die Wochenzeitung „Die Zeit“``, ``des Magazins "Spiegel"``, ``die
Nachrichtenagentur Reuters`` (``press_nouns`` of ``entities.toml``, or a compound ending
in one). The name is what fills the quotation marks after the word, or, unquoted, the
run of capitalised words after it (an article may begin it: ``Die Zeit``), when it is
no common noun, given name, or person or place the tagger found."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from chronist.entities.bio_spans import label_span
from chronist.entities.language import entity_facts
from chronist.entities.resources import lexicon

__all__ = ["mark_press_names"]

_OPENING = frozenset({"„", '"', "“", "»", "«", "‚"})
_CLOSING = frozenset({"“", '"', "”", "«", "»", "‘"})
_LONGEST = 4  # words of a quoted name


@cache
def _press_endings() -> tuple[str, ...]:
    return tuple(sorted(noun.lower() for noun in entity_facts("de").press_nouns))


@cache
def _press_tails() -> frozenset[str]:
    return frozenset(ending[-3:] for ending in _press_endings())


def _press_noun(word: str) -> bool:
    if not word[:1].isupper() or word[-3:].lower() not in _press_tails():
        return False
    return word.lower().endswith(_press_endings())


def _quoted_end(words: Sequence[str], start: int) -> int:
    """The closing mark's index of the name quoted from ``start``, or -1."""
    end = start
    while end < len(words) and end - start <= _LONGEST and words[end] not in _CLOSING:
        end += 1
    if end == len(words) or end == start or end - start > _LONGEST:
        return -1
    return end if words[start][:1].isupper() else -1


def _bare_end(words: Sequence[str], start: int, nouns: frozenset[str]) -> int:
    """The end of an unquoted name from ``start`` (``Die Zeit``, ``Reuters``), or -1."""
    end = start
    if words[end].lower() in entity_facts("de").articles:
        end += 1
    first = end
    while end < len(words) and words[end][:1].isupper() and end - start < _LONGEST:
        end += 1
    if end == first or words[first] in nouns or "fn" in lexicon().get(words[first], ()):
        return -1  # "des Blattes Albert Pilz": a person
    return end


def mark_press_names(words: Sequence[str], labels: list[str], nouns: frozenset[str]) -> list[str]:
    """Label ORG the name after a newspaper's, magazine's or agency's word (in place).

    >>> mark_press_names(["des", "Magazins", '"', "Spiegel", '"'], ["O"] * 5, frozenset())
    ['O', 'O', 'O', 'B-ORG', 'O']
    >>> mark_press_names(["die", "Wochenzeitung", "Die", "Zeit", "vom"], ["O"] * 5, frozenset())
    ['O', 'O', 'B-ORG', 'I-ORG', 'O']
    >>> mark_press_names(["der", "Zeitung", "Bericht"], ["O"] * 3, frozenset(["Bericht"]))
    ['O', 'O', 'O']
    """
    count = len(words)
    for index in range(count - 1):
        if not words[index][:1].isupper() or not _press_noun(words[index]):
            continue
        start = index + 1
        quoted = words[start] in _OPENING
        if quoted:
            start += 1
            end = _quoted_end(words, start) if start < count else -1
        else:
            end = _bare_end(words, start, nouns)
        if end < 0 or (end < count and labels[end].startswith("I-")):
            continue
        if labels[start] not in (("O", "B-ORG", "B-PER", "B-LOC") if quoted else ("O", "B-ORG")):
            continue  # unquoted, a person or place the tagger found stays
        label_span(labels, start, end)
    return labels
