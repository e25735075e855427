"""Paragraph and sentence boundaries as half-open code-point offsets.

Paragraphs are separated by blank lines. Sentences end at ``.``, ``!``, ``?``
or ``…`` (and closing quotes or brackets) followed by white space and an
upper-case letter of any script, a digit, or an opening quote or bracket;
not after an abbreviation of the language (``v. Chr.``, ``Nr.``, ``St.``), a
single capital (``J. F. Kennedy``), or, where the language writes ordinals
with a dot, a one- or two-digit number or a Roman numeral (``am 15.
September``, ``Wilhelm II.``). The facts come from ``lang/<code>/text.toml``.
Runs of punctuation are scanned once: the time is linear in the text. A
"sentence" longer than :data:`MAX_SENTENCE` characters (a list without
periods, a table, text with no punctuation at all) is cut at a space near
that length, so that no later pass ever works on more than a bounded stretch.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from chronist.text.language import TextFacts, is_ordinal_number, text_facts

__all__ = ["MAX_SENTENCE", "SpanIndex", "paragraph_spans", "sentence_spans"]

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*|\r\n[ \t]*\r\n\s*")
# A run of end marks starts only where no end mark precedes it, so that a long
# run ("!!!!!!") is tried once, not once per character.
_SENTENCE_END = re.compile(r"(?<![.!?…])[.!?…]+[\"'“”»«)\]]*\s+(?=[\"'„“»«(\[]?\w)")
_LAST_WORD = re.compile(r"(?:^|[^\w.])([^\W_]+(?:\.[^\W_]+)*)\.$")
_HEAD = 40
# No sentence of the development corpora is longer than 1,500 characters.
MAX_SENTENCE = 2000


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs separated by blank lines.

    >>> paragraph_spans("Eins.\\n\\nZwei.")
    [(0, 5), (7, 12)]
    """
    spans = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _continues(head: str, facts: TextFacts) -> bool:
    """Whether the period ending ``head`` belongs to its word (no sentence end)."""
    if not head.endswith("."):
        return False
    match = _LAST_WORD.search(head)
    if match is None:
        return False
    word = match.group(1)
    if word.lower().replace(".", "") in facts.abbreviations or word.lower() in facts.abbreviations:
        return True
    if len(word) == 1 and word.isalpha() and word.isupper():
        return True  # an initial: "J. F. Kennedy"
    if "." in word and all(len(part) == 1 for part in word.split(".")):
        return True  # "z.B.", "u.a.", "e.g."
    return facts.ordinal_dot and is_ordinal_number(word)


def sentence_spans(
    text: str, start: int = 0, end: int | None = None, lang: str = "de"
) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]``, with offsets into ``text``.

    >>> sentence_spans("Am 15. September landeten sie. Danach kam es anders.")
    [(0, 30), (31, 52)]
    """
    facts = text_facts(lang)
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    begin = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if not text[match.end()].isdigit() and not _next_starts_sentence(text, match.end()):
            continue
        head = text[max(begin, match.start() - _HEAD) : match.start() + 1]
        if _continues(head, facts):
            continue
        stop = match.end()
        while stop > begin and text[stop - 1].isspace():
            stop -= 1
        if stop > begin:
            spans.append((begin, stop))
        begin = match.end()
    if begin < end:
        stop = end
        while stop > begin and text[stop - 1].isspace():
            stop -= 1
        if stop > begin:
            spans.append((begin, stop))
    if any(stop - begin > MAX_SENTENCE for begin, stop in spans):
        spans = [piece for span in spans for piece in _bounded(text, *span)]
    return spans


def _bounded(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``text[start:end]`` in pieces of at most MAX_SENTENCE characters, cut at spaces.

    >>> [b - a for a, b in _bounded("x" * 4500, 0, 4500)]
    [2000, 2000, 500]
    """
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        window = limit - MAX_SENTENCE // 4
        cut = max(text.rfind(" ", window, limit), text.rfind("\n", window, limit))
        if cut <= start:
            cut = limit
        stop = cut
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        if stop > start:
            yield start, stop
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield start, end


def _next_starts_sentence(text: str, at: int) -> bool:
    """An upper-case letter (of any script), after an optional opening quote or bracket."""
    first = text[at]
    if first in "\"'„“»«([":
        first = text[at + 1] if at + 1 < len(text) else ""
    return first.isupper() or first.isdigit()


class SpanIndex:
    """Which span (paragraph, sentence) an offset falls in, by binary search."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._starts = [start for start, _ in spans]
        self._spans = spans

    def index_of(self, offset: int) -> int:
        return max(0, bisect_right(self._starts, offset) - 1)

    def span_of(self, offset: int) -> tuple[int, int]:
        return self._spans[self.index_of(offset)] if self._spans else (0, 0)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(self._spans)

    def __len__(self) -> int:
        return len(self._spans)
