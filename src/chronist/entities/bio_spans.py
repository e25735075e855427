"""Reading and writing a name's span in a sentence's BIO labels (``B-ORG``, ``I-ORG``, ``O``)."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["label_span", "span_start"]


def span_start(labels: Sequence[str], index: int) -> int:
    """The first token of the name the token ``index`` is inside.

    >>> span_start(["O", "B-ORG", "I-ORG", "I-ORG"], 3)
    1
    """
    while index > 0 and labels[index].startswith("I-"):
        index -= 1
    return index


def label_span(labels: list[str], start: int, end: int, kind: str = "ORG") -> None:
    """Label the tokens ``start`` to ``end`` (not included) one name of ``kind`` (in place).

    >>> labels = ["O", "O", "O", "O"]
    >>> label_span(labels, 1, 3)
    >>> labels
    ['O', 'B-ORG', 'I-ORG', 'O']
    """
    labels[start] = "B-" + kind
    for inner in range(start + 1, end):
        labels[inner] = "I-" + kind
