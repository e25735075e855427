"""``tag``: find, anchor and describe every temporal expression of a text."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from chronist.errors import OptionError
from chronist.temporal.ago import split_ago
from chronist.temporal.anchoring import AnchoredValue, Anchorer, Kind, policy_for
from chronist.temporal.chunking import find_all, paragraph_blocks, sentences_between
from chronist.temporal.day_spans import bounds_of
from chronist.temporal.discourse import written_date
from chronist.temporal.discourse_cues import DiscourseCues
from chronist.temporal.engine import Candidate
from chronist.temporal.extents import grammar_for, markable, story_markable, timex2_values
from chronist.temporal.lexicon import Lexicon
from chronist.temporal.meaning import Deictic, Explicit, Shift
from chronist.temporal.mention import Timex, TimexType
from chronist.temporal.ranges import add_ranges
from chronist.temporal.render import edtf_value, timex3_value
from chronist.temporal.values import Bounds, CalendarPoint, Day, Recurrence, RefPoint
from chronist.text.document import Document, check_dct, check_kind
from chronist.text.segment import SpanIndex

# A narrative is a text whose stated years lie this far before its DCT.
_HISTORY_GAP_YEARS = 5


def parse_dct(dct: str | date | None) -> Day | None:
    """``"1950-06-25"`` -> Day; ``None`` stays ``None``; anything else is an OptionError."""
    checked = check_dct(dct)
    if checked is None:
        return None
    year, month, day = (int(part) for part in checked.split("-"))
    return Day(year, month, day)


def parse_kind(kind: str) -> Kind | None:
    return check_kind(kind)


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


def reads_like_news(candidates: list[Candidate]) -> bool:
    """Whether a text without a DCT counts its dates from the time of writing: at least
    two expressions such as ``gestern``, ``vor drei Jahren``, ``am Mittwoch`` (a weekday
    alone), and no fewer of them than stated years. ``heute`` and ``jetzt`` do not count
    (a history says them too: ``bis heute``)."""
    deictic = years = 0
    for candidate in candidates:
        meaning = candidate.meaning
        if isinstance(meaning, Deictic):
            deictic += meaning.amount != 0
        elif isinstance(meaning, Explicit):
            point = meaning.point
            if point.weekday is not None and point.day is None and point.month is None:
                deictic += 1
            elif point.year is not None and meaning.fill is None:
                years += 1
    return deictic >= 2 and deictic >= years


def tag(
    text: str | Document,
    lang: str = "de",
    kind: str = "auto",
    dct: str | date | None = None,
    *,
    extents: str = "timeml",
) -> list[Timex]:
    """Every temporal expression in ``text``, normalised and anchored.

    ``kind`` is ``narrative`` (history: a moving reference time), ``news``
    (relative to the document creation time ``dct``) or ``auto``. ``extents``
    is the annotation standard the extents follow: ``timeml`` (KRAUTS: the
    article of the expression's noun is in it, ``dem 20. Mai 1941``) or
    ``timex2`` (WikiWarsDE: it is not, ``20. Mai 1941``).

    >>> text = "Am 11. April 1951 setzte Truman MacArthur ab; einen Monat später ..."
    >>> [t.value for t in tag(text)]
    ['1951-04-11', '1951-05']
    """
    return list(iter_tag(text, lang, kind, dct, extents=extents))


def iter_tag(
    text: str | Document,
    lang: str = "de",
    kind: str = "auto",
    dct: str | date | None = None,
    *,
    extents: str = "timeml",
) -> Iterator[Timex]:
    """``tag``, block by block: memory stays bounded on very long texts.

    A block is a run of whole paragraphs of about a million characters; the
    story's reference time carries over from one block to the next.
    """
    return tagging(text, lang, kind, dct, extents=extents).timexes


@dataclass(frozen=True, slots=True)
class Tagging:
    """A text being tagged: the kind chosen for it, and its expressions as they come.

    ``document`` is the input with that kind; later passes read it.
    """

    kind: str  # "narrative" or "news", as given or as ``auto`` chose
    timexes: Iterator[Timex]
    document: Document
    # one line each on what the input lacks (a news text without a DCT)
    notes: tuple[str, ...] = ()


def tagging(
    text: str | Document,
    lang: str = "de",
    kind: str = "auto",
    dct: str | date | None = None,
    *,
    extents: str = "timeml",
) -> Tagging:
    """Start tagging ``text`` (or a :class:`~chronist.text.document.Document`, whose own
    language, kind and DCT then count): options are checked and the kind chosen at once.

    >>> started = tagging("Am 11. April 1951 setzte Truman MacArthur ab.", dct="2011-02-16")
    >>> started.kind, [t.value for t in started.timexes]
    ('narrative', ['1951-04-11'])
    """
    if isinstance(text, Document):
        document = text
    elif isinstance(text, str):
        document = Document(text, lang, kind, check_dct(dct))
    else:
        raise OptionError("tag() takes the text as a str")
    grammar = grammar_for(document.lang, extents)
    day = parse_dct(document.dct)
    chosen = parse_kind(document.kind)
    text = document.text
    paragraphs = document.paragraphs
    blocks = iter(paragraph_blocks(paragraphs))
    first = next(blocks, [])
    first_candidates = markable(text, find_all(document, grammar, first), grammar, extents)
    document_kind = chosen or guess_kind(first_candidates, day)
    if document_kind is Kind.NEWS and day is not None:
        written = written_date(text, first_candidates, day, grammar.cues)
        day = day if written is None else written[1]
    spans = document.paragraph_index
    # German TimeML: the length of "vor fünf Jahren" is the TIMEX3, the date non-consuming
    counted_back = extents == "timeml" and grammar.lexicon.value("convention", "ago") == "length"
    # English TimeML: the length of "three days later", "a year after he was killed" is the
    # TIMEX3, "later"/"after" its signal, the date non-consuming
    stepped = extents == "timeml" and grammar.lexicon.value("convention", "shift") == "length"

    def run() -> Iterator[Timex]:
        carried: Anchorer | None = None
        numbered = 0
        block, candidates = first, first_candidates
        while block:
            if document_kind is Kind.NARRATIVE and extents == "timeml":
                candidates = story_markable(candidates, grammar.lexicon)
            start, end = block[0][0], block[-1][1]
            sentences = SpanIndex(sentences_between(document, start, end) if candidates else [])
            anchorer = policy_for(document_kind)(
                text, candidates, day, spans, sentences, grammar.cues, carried
            )
            anchored = anchorer.resolve_all()
            if extents == "timex2":
                candidates, anchored = timex2_values(candidates, anchored)
            tids = [f"t{numbered + i + 1}" for i in range(len(candidates))]
            timexes = [
                _timex(c, a, tids[i], tids, _role(text, c, grammar.cues))
                for i, (c, a) in enumerate(zip(candidates, anchored, strict=True))
            ]
            next_tid = numbered + len(candidates) + 1
            if counted_back or stepped:
                lengths = _lengths(candidates, tids, grammar.lexicon, counted_back, stepped)
                timexes = split_ago(text, timexes, lengths, next_tid)
                next_tid += len(lengths)
            ranged = add_ranges(text, timexes, grammar.cues.range_join, first_tid=next_tid)
            numbered += len(ranged)
            carried = anchorer
            yield from ranged
            block = next(blocks, [])
            candidates = markable(text, find_all(document, grammar, block), grammar, extents)

    notes: tuple[str, ...] = ()
    auto_news = chosen is None and reads_like_news(first_candidates)
    if day is None and (document_kind is Kind.NEWS or auto_news):
        notes = (_NO_DCT,) if chosen is Kind.NEWS else (_NEWS_WITHOUT_DCT,)
    return Tagging(document_kind.value, run(), document.with_kind(document_kind.value), notes)


def _lengths(
    candidates: list[Candidate],
    tids: list[str],
    lexicon: Lexicon,
    counted_back: bool,
    stepped: bool,
) -> dict[str, tuple[Deictic | Shift, tuple[int, int]]]:
    """The dates whose length TimeML marks, by tid: their meaning and length.

    ``counted_back``: a date counted back from the time of writing (``vor fünf Jahren``);
    ``stepped``: a counted step from another time (``three days later``), unless the
    language keeps the phrase a date (``a year earlier`` of an earnings report: the
    period compared, [shift_date]).
    """
    found: dict[str, tuple[Deictic | Shift, tuple[int, int]]] = {}
    for c, tid in zip(candidates, tids, strict=True):
        if c.length is None:
            continue
        meaning = c.meaning
        back = counted_back and isinstance(meaning, Deictic)
        step = (
            stepped
            and isinstance(meaning, Shift)
            and meaning.counted
            and lexicon.value("shift_date", " ".join(c.text.lower().split())) is None
        )
        if back or step:
            assert isinstance(meaning, (Deictic, Shift))
            found[tid] = (meaning, c.length)
    return found


_NO_DCT = (
    "a news text without --dct: dates relative to the time of writing "
    "(yesterday, on Wednesday, last week) stay unresolved; give --dct YYYY-MM-DD"
)
_NEWS_WITHOUT_DCT = (
    "this reads like news (yesterday, on Wednesday, three years ago) but has no --dct: "
    "such dates stay unresolved; give --dct YYYY-MM-DD (--kind narrative to keep the story's "
    "time)"
)


_BEFORE_REACH = 14  # characters before a date read for its role


def _role(text: str, candidate: Candidate, cues: DiscourseCues) -> str | None:
    """What the date is to the events told with it: ``end`` (``bis 1953``), ``begin``
    (``seit 1950``), ``bound`` and the like from the rule, or ``None`` (a date)."""
    role = {"until": "end", "since": "begin", "from": "begin"}.get(
        candidate.bound or "", candidate.bound
    )
    before = text[max(0, candidate.start - _BEFORE_REACH) : candidate.start]
    if (
        role == "begin"
        and cues.dated_before.search(before)
        and cues.range_end.match(text, candidate.end) is None
    ):
        return None  # "ein Ultimatum vom 23. Juli": a date, not the start of a range
    if role is None and cues.until_before.search(before):
        return "end"
    if role is None and cues.since_before.search(before):
        return "begin"
    return role


def _timex(
    candidate: Candidate, anchored: AnchoredValue, tid: str, tids: list[str], role: str | None
) -> Timex:
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
    # a vague reference is a DATE whatever the expression's shape ("die nächsten Jahre"),
    # a date with a clock time a TIME ("zwei Stunden später" after "um 23 Uhr")
    kind = candidate.type
    if isinstance(value, RefPoint):
        kind = TimexType.DATE
    elif isinstance(value, CalendarPoint) and value.hour is not None and kind is TimexType.DATE:
        kind = TimexType.TIME
    bounds = bounds_of(value, mod)
    quant = freq = None
    if isinstance(value, Recurrence):
        quant, freq = value.quant, value.freq
    return Timex(
        tid=tid,
        start=candidate.start,
        end=candidate.end,
        text=candidate.text,
        type=kind,
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
    "guess_kind",
    "iter_tag",
    "parse_dct",
    "parse_kind",
    "reads_like_news",
    "tag",
    "tagging",
]
