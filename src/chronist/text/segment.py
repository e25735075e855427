"""Paragraph and sentence boundaries as half-open code-point offsets.

Sentences end at ``.``, ``!`` or ``?`` followed by space and an upper-case
letter, a digit or a quote, except after abbreviations and after one- or
two-digit numbers (``am 15. September``); the abbreviations are German and
English ones.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*|\r\n[ \t]*\r\n\s*")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'“”»«)]*\s+(?=[\"'„“»«(]?[A-ZÄÖÜ0-9])")
_NO_BREAK_BEFORE = re.compile(
    r"(?:\b(?:[0-9]{1,2}|[IVX]+|Chr|Jh|Jhs|ca|Nr|S|bzw|usw|vgl|z\.B|d\.h|u\.a|etc|St|Dr|Prof|"
    r"Gen|Hl|v|n|u|Mio|Mrd|Tsd|Jan|Feb|Febr|Mär|Apr|Jun|Jul|Aug|Sep|Sept|Okt|Nov|Dez|Abs|Art|"
    # English
    r"Mr|Mrs|Ms|Lt|Col|Sgt|Capt|Adm|Gov|Sen|Rep|Jr|Sr|Gens|Maj|Brig|Cmdr|Mt|Ft|vs|e\.g|i\.e|"
    r"a\.m|p\.m|Inc|Corp|Co|No|Oct|Dec|Mar|"
    r"[A-ZÄÖÜ])\.)$"
)


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


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]``, with offsets into ``text``.

    >>> sentence_spans("Am 15. September landeten sie. Danach kam es anders.")
    [(0, 30), (31, 52)]
    """
    end = len(text) if end is None else end
    spans = []
    begin = start
    for match in _SENTENCE_END.finditer(text, start, end):
        head = text[max(begin, match.start() - 12) : match.start() + 1]
        if _NO_BREAK_BEFORE.search(head):
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
    return spans


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
