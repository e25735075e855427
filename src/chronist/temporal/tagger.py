"""``tag``: find, anchor and describe every temporal expression of a text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from chronist.errors import OptionError
from chronist.temporal.anchoring import AnchoredValue, Anchorer, Kind
from chronist.temporal.discourse import written_date
from chronist.temporal.engine import Candidate, find_candidates
from chronist.temporal.grammar import Grammar, load_grammar
from chronist.temporal.meaning import Explicit
from chronist.temporal.mention import Timex, TimexType
from chronist.temporal.ranges import add_ranges
from chronist.temporal.render import edtf_value, timex3_value
from chronist.temporal.values import Bounds, Day, Recurrence, bounds_of
from chronist.text.segment import SpanIndex, paragraph_spans, sentence_spans

# Paragraphs longer than this are tagged in pieces cut at sentence ends, so that
# a text without blank lines still runs in linear time and bounded memory.
_CHUNK = 20_000
_DCT = re.compile(r"^(-?[0-9]{4})-([0-9]{2})-([0-9]{2})$")
# A narrative is a text whose stated years lie this far before its DCT.
_HISTORY_GAP_YEARS = 5


def parse_dct(dct: str | date | None) -> Day | None:
    """``"1950-06-25"`` -> Day; ``None`` stays ``None``; anything else is an OptionError."""
    if dct is None:
        return None
    if isinstance(dct, date):
        return Day(dct.year, dct.month, dct.day)
    match = _DCT.match(dct.strip()[:10]) if isinstance(dct, str) else None
    if match is None:
        raise OptionError(f"invalid --dct {dct!r}: expected a date as YYYY-MM-DD")
    year, month, day = (int(part) for part in match.groups())
    try:
        date(2000, month, 1)
        if not 1 <= day <= 31 or (year > 0 and date(year, month, day) is None):
            raise ValueError
    except ValueError:
        raise OptionError(f"invalid --dct {dct!r}: no such day") from None
    return Day(year, month, day)


def parse_kind(kind: str) -> Kind | None:
    if kind == "auto":
        return None
    try:
        return Kind(kind)
    except ValueError:
        raise OptionError(f"invalid kind {kind!r}: expected narrative, news or auto") from None


def _chunks(text: str, paragraphs: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
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
        yield from _long_paragraph(text, start, end)
    if run_start >= 0:
        yield run_start, run_end


def _long_paragraph(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    piece_start = start
    for _, sentence_end in sentence_spans(text, start, end):
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


def find_all(
    text: str, grammar: Grammar, paragraphs: list[tuple[int, int]] | None = None
) -> list[Candidate]:
    """The candidates of the given paragraphs (all of them by default), in text order."""
    found: list[Candidate] = []
    spans = paragraph_spans(text) if paragraphs is None else paragraphs
    for chunk_start, chunk_end in _chunks(text, spans):
        found.extend(find_candidates(text, grammar, chunk_start, chunk_end))
    return found


def guess_kind(candidates: list[Candidate], dct: Day | None) -> Kind:
    """News when a DCT is given and the stated years cluster around it; else narrative."""
    if dct is None:
        return Kind.NARRATIVE
    years = sorted(
        c.meaning.point.year
        for c in candidates
        if isinstance(c.meaning, Explicit)
        and c.meaning.point.year is not None
        and c.meaning.fill is None
        and not c.meaning.two_digit  # "02.02.16" names no century
    )
    if not years:
        return Kind.NEWS
    median = years[len(years) // 2]
    return Kind.NARRATIVE if median < dct.year - _HISTORY_GAP_YEARS else Kind.NEWS


def tag(
    text: str, lang: str = "de", kind: str = "auto", dct: str | date | None = None
) -> list[Timex]:
    """Every temporal expression in ``text``, normalised and anchored.

    ``kind`` is ``narrative`` (history: a moving reference time), ``news``
    (relative to the document creation time ``dct``) or ``auto``.

    >>> text = "Am 11. April 1951 setzte Truman MacArthur ab; einen Monat später ..."
    >>> [t.value for t in tag(text)]
    ['1951-04-11', '1951-05']
    """
    return list(iter_tag(text, lang, kind, dct))


def iter_tag(
    text: str, lang: str = "de", kind: str = "auto", dct: str | date | None = None
) -> Iterator[Timex]:
    """``tag``, block by block: memory stays bounded on very long texts.

    A block is a run of whole paragraphs of about a million characters; the
    story's reference time carries over from one block to the next.
    """
    return tagging(text, lang, kind, dct).timexes


@dataclass(frozen=True, slots=True)
class Tagging:
    """A text being tagged: the kind chosen for it, and its expressions as they come."""

    kind: str  # "narrative" or "news", as given or as ``auto`` chose
    timexes: Iterator[Timex]


def tagging(
    text: str, lang: str = "de", kind: str = "auto", dct: str | date | None = None
) -> Tagging:
    """Start tagging ``text``: options are checked and the kind chosen at once.

    >>> started = tagging("Am 11. April 1951 setzte Truman MacArthur ab.", dct="2011-02-16")
    >>> started.kind, [t.value for t in started.timexes]
    ('narrative', ['1951-04-11'])
    """
    if not isinstance(text, str):
        raise OptionError("tag() takes the text as a str")
    grammar = load_grammar(lang)
    day = parse_dct(dct)
    chosen = parse_kind(kind)
    paragraphs = paragraph_spans(text)
    blocks = iter(_blocks(paragraphs))
    first = next(blocks, [])
    first_candidates = find_all(text, grammar, first) if first else []
    document_kind = chosen or guess_kind(first_candidates, day)
    if document_kind is Kind.NEWS and day is not None:
        written = written_date(text, first_candidates, day, grammar.cues)
        day = day if written is None else written[1]
    spans = SpanIndex(paragraphs)

    def run() -> Iterator[Timex]:
        carried: Anchorer | None = None
        numbered = 0
        block, candidates = first, first_candidates
        while block:
            start, end = block[0][0], block[-1][1]
            sentences = SpanIndex(sentence_spans(text, start, end) if candidates else [])
            anchorer = Anchorer(
                text, candidates, document_kind, day, spans, sentences, grammar.cues, carried
            )
            anchored = anchorer.resolve_all()
            tids = [f"t{numbered + i + 1}" for i in range(len(candidates))]
            timexes = [
                _timex(c, a, tids[i], tids)
                for i, (c, a) in enumerate(zip(candidates, anchored, strict=True))
            ]
            ranged = add_ranges(
                text, timexes, grammar.cues.range_join, first_tid=numbered + len(candidates) + 1
            )
            numbered += len(ranged)
            carried = anchorer
            yield from ranged
            block = next(blocks, [])
            candidates = find_all(text, grammar, block) if block else []

    return Tagging(document_kind.value, run())


_BLOCK = 1_000_000


def _blocks(paragraphs: list[tuple[int, int]]) -> Iterator[list[tuple[int, int]]]:
    """Runs of whole paragraphs of about ``_BLOCK`` characters."""
    block: list[tuple[int, int]] = []
    for paragraph in paragraphs:
        block.append(paragraph)
        if block[-1][1] - block[0][0] >= _BLOCK:
            yield block
            block = []
    if block:
        yield block


def _timex(candidate: Candidate, anchored: AnchoredValue, tid: str, tids: list[str]) -> Timex:
    value = anchored.value
    mod = candidate.mod
    if value is None:
        return Timex(
            tid,
            candidate.start,
            candidate.end,
            candidate.text,
            candidate.type,
            "XXXX",
            mod,
            None,
            Bounds.unknown(),
            candidate.rule,
            anchored.anchor,
        )
    bounds = bounds_of(value, mod)
    quant = freq = None
    if isinstance(value, Recurrence):
        quant, freq = value.quant, value.freq
    role = {"until": "end", "since": "begin", "from": "begin"}.get(
        candidate.bound or "", candidate.bound
    )
    return Timex(
        tid=tid,
        start=candidate.start,
        end=candidate.end,
        text=candidate.text,
        type=candidate.type,
        value=timex3_value(value),
        mod=mod,
        edtf=edtf_value(value, mod, bounds),
        bounds=bounds,
        rule=candidate.rule,
        anchor=anchored.anchor,
        resolved=value,
        anchor_tid=None if anchored.anchor_index is None else tids[anchored.anchor_index],
        quant=quant,
        freq=freq,
        temporal_function=anchored.anchor.kind.value != "none",
        role=role,
    )


__all__ = [
    "Tagging",
    "TimexType",
    "find_all",
    "guess_kind",
    "iter_tag",
    "parse_dct",
    "parse_kind",
    "tag",
    "tagging",
]
