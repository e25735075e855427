"""Names cut by a hyphen: ``Bel⸗ gien`` (a word broken at a line's end, in OCR'd
newspapers) and ``Berlin - Wilmersdorf`` (a compound of two names, in text whose
tokenizer splits hyphens off, as the HIPE and Universal Dependencies corpora do).

- A name whose last token ends in a line-break hyphen (``line_break_hyphens``), or is
  followed by a line-break mark split off as a token (``line_break_marks``), goes on over
  the next token when that one begins with a small letter and is no conjunction
  (``Bou⸗`` + ``logne``; not ``Togo⸗ und Kamerungebiet``, ``hyphen_conjunctions``).
- Two names of the same type with a hyphen token between them are one name, when the
  second is one word (``Joseph Gordon - Levitt``, ``Papua - Neuguinea``; not
  ``Goffredo Petrassi - Ennio Morricone``, two persons).
"""

from __future__ import annotations

from collections.abc import Sequence

from chronist.entities.language import entity_facts

__all__ = ["join_broken_words", "join_hyphen_compounds"]


def _rest_of_word(words: Sequence[str], index: int) -> int:
    """How many tokens after the name ending at ``index`` finish its broken last word:
    1 for ``Bel⸗`` + ``gien``, 2 for ``Bel`` + ``⸗`` + ``gien`` (the mark split off by
    a tokenizer), else 0."""
    facts = entity_facts("de")
    word, count = words[index], len(words)
    if len(word) > 1 and word.endswith(facts.line_break_hyphens):
        rest = 1
    elif index + 2 < count and words[index + 1] in facts.line_break_marks:
        rest = 2
    else:
        return 0
    after = words[index + rest] if index + rest < count else ""
    if not after[:1].islower() or after in facts.hyphen_conjunctions:
        return 0
    return rest


def join_broken_words(words: Sequence[str], labels: list[str]) -> list[str]:
    """Extend a name over the rest of a word broken at a line's end (in place).

    >>> join_broken_words(["nach", "Bel⸗", "gien", "und"], ["O", "B-LOC", "O", "O"])
    ['O', 'B-LOC', 'I-LOC', 'O']
    >>> join_broken_words(["nach", "Bel", "⸗", "gien"], ["O", "B-LOC", "O", "O"])
    ['O', 'B-LOC', 'I-LOC', 'I-LOC']
    >>> join_broken_words(["im", "Togo⸗", "und", "Kamerungebiet"], ["O", "B-LOC", "O", "O"])
    ['O', 'B-LOC', 'O', 'O']
    """
    count = len(words)
    for index in range(count - 1):
        if labels[index] == "O" or labels[index + 1] != "O":
            continue
        rest = _rest_of_word(words, index)
        if rest and all(labels[index + k] == "O" for k in range(1, rest + 1)):
            for inner in range(index + 1, index + rest + 1):
                labels[inner] = "I-" + labels[index][2:]
    return labels


def join_hyphen_compounds(words: Sequence[str], labels: list[str]) -> list[str]:
    """Join two names of one type that a hyphen token links (in place).

    >>> join_hyphen_compounds(["Papua", "-", "Neuguinea"], ["B-LOC", "O", "B-LOC"])
    ['B-LOC', 'I-LOC', 'I-LOC']
    >>> join_hyphen_compounds(["Berlin", "-", "Die", "Stadt"], ["B-LOC", "O", "O", "O"])
    ['B-LOC', 'O', 'O', 'O']
    """
    hyphens = entity_facts("de").compound_hyphens
    count = len(words)
    for index in range(1, count - 1):
        before, after = labels[index - 1], labels[index + 1]
        if (
            words[index] in hyphens
            and labels[index] == "O"
            and before != "O"
            and after.startswith("B-")
            and before[2:] == after[2:]
            and (index + 2 == count or not labels[index + 2].startswith("I-"))
        ):
            labels[index] = labels[index + 1] = "I-" + before[2:]
    return labels
