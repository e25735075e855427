"""Cutting a text into pieces the tagger reads one at a time.

A *chunk* (about 20,000 characters) is what the pattern engine searches at once:
whole paragraphs, a longer one cut at sentence ends, so a text without blank
lines still runs in linear time and bounded memory; matches never cross a
paragraph break. A *block* (about a million characters) is what one anchorer
resolves; the story's reference time carries over from block to block.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from chronist.temporal.engine import Candidate, find_candidates
from chronist.temporal.grammar import Grammar
from chronist.text.document import Document

__all__ = ["find_all", "paragraph_blocks", "sentences_between"]

# Paragraphs longer than this are tagged in pieces cut at sentence ends, so that
# a text without blank lines still runs in linear time and bounded memory.
_CHUNK = 20_000


def _chunks(document: Document, paragraphs: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Runs of whole paragraphs up to a chunk long; a longer paragraph is cut at sentence
    ends (or, inside an endless sentence, at spaces). Matches never cross a paragraph break."""
    run_start = run_end = -1
    for start, end in paragraphs:
        if run_start >= 0 and end - run_start > _CHUNK:
            yield run_start, run_end
            run_start = -1
        if end - start <= _CHUNK:
            run_start = start if run_start < 0 else run_start
            run_end = end
            continue
        if run_start >= 0:
            yield run_start, run_end
            run_start = -1
        yield from _long_paragraph(document, start, end)
    if run_start >= 0:
        yield run_start, run_end


def _long_paragraph(document: Document, start: int, end: int) -> Iterator[tuple[int, int]]:
    text = document.text
    piece_start = start
    for _, sentence_end in sentences_between(document, start, end):
        if sentence_end - piece_start >= _CHUNK:
            yield piece_start, sentence_end
            piece_start = sentence_end
    # a sentence longer than a chunk is cut at a space, never inside a word
    while end - piece_start > 4 * _CHUNK:
        cut = text.rfind(" ", piece_start, piece_start + 4 * _CHUNK)
        cut = cut if cut > piece_start else piece_start + 4 * _CHUNK
        yield piece_start, cut
        piece_start = cut
    if piece_start < end:
        yield piece_start, end


def sentences_between(document: Document, start: int, end: int) -> list[tuple[int, int]]:
    sentences = document.sentences
    first = bisect_left(sentences, (start, -1))
    last = bisect_left(sentences, (end, -1), first)
    return sentences[first:last]


def find_all(
    document: Document, grammar: Grammar, paragraphs: list[tuple[int, int]] | None = None
) -> list[Candidate]:
    """The candidates of the given paragraphs (all of them by default), in text order."""
    found: list[Candidate] = []
    spans = document.paragraphs if paragraphs is None else paragraphs
    for chunk_start, chunk_end in _chunks(document, spans):
        found.extend(find_candidates(document.text, grammar, chunk_start, chunk_end))
    return found


_BLOCK = 1_000_000


def paragraph_blocks(paragraphs: list[tuple[int, int]]) -> Iterator[list[tuple[int, int]]]:
    """Runs of whole paragraphs of about ``_BLOCK`` characters."""
    block: list[tuple[int, int]] = []
    for paragraph in paragraphs:
        block.append(paragraph)
        if block[-1][1] - block[0][0] >= _BLOCK:
            yield block
            block = []
    if block:
        yield block
