"""The one document every pass reads: text, language, kind, creation time, and its parts.

A :class:`Document` is made once per input. Its paragraphs, sentences and
tokens are split the first time a pass asks for them and kept; every later
pass reads the same ones. The passes (temporal tagging, entities, events, the
timeline) add their own typed layers beside it and hand them on.

>>> doc = Document("Am 15. September 1950 landeten sie.\\n\\nDanach kam es anders. Mao griff ein.")
>>> len(doc.paragraphs), len(doc.sentences)
(2, 3)
>>> doc.sentence_of(40), [t.text for t in doc.tokens_in(*doc.sentences[0])][:3]
((37, 58), ['Am', '15.', 'September'])
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from enum import Enum
from typing import Any, overload

from chronist.errors import OptionError
from chronist.text.segment import SpanIndex, paragraph_spans, sentence_spans
from chronist.text.tokens import Token, split_tokens

__all__ = ["Document", "DocumentKind", "Tokens", "check_dct", "check_kind"]


class DocumentKind(Enum):
    """How a document tells time: a story with its own clock, or news told from its date."""

    NARRATIVE = "narrative"
    NEWS = "news"


def check_kind(kind: str) -> DocumentKind | None:
    """``narrative``/``news`` as the enum, ``auto`` as ``None``; anything else an OptionError."""
    if kind == "auto":
        return None
    try:
        return DocumentKind(kind)
    except ValueError:
        raise OptionError(f"invalid kind {kind!r}: expected narrative, news or auto") from None


def check_dct(dct: str | date | None) -> str | None:
    """A creation time as ``YYYY-MM-DD`` (a real calendar day), or an OptionError.

    >>> check_dct("1950-06-25"), check_dct(None)
    ('1950-06-25', None)
    """
    if dct is None:
        return None
    if isinstance(dct, date):
        return dct.isoformat()
    value = dct.strip()[:10] if isinstance(dct, str) else ""
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise OptionError(f"invalid --dct {dct!r}: expected a calendar day as YYYY-MM-DD") from None
    return day.isoformat()


class Tokens(Sequence[Token]):
    """A document's tokens in text order, each made when it is read.

    >>> tokens = Document("Truman traf Stalin.").tokens
    >>> len(tokens), tokens[2], [t.text for t in tokens[-2:]], tokens.texts[1]
    (4, Token(text='Stalin', start=12, end=18), ['Stalin', '.'], 'traf')
    """

    __slots__ = ("_starts", "_texts")

    def __init__(self, texts: list[str], starts: array[int]) -> None:
        self._texts, self._starts = texts, starts

    def __len__(self) -> int:
        return len(self._texts)

    @overload
    def __getitem__(self, index: int) -> Token: ...

    @overload
    def __getitem__(self, index: slice) -> list[Token]: ...

    def __getitem__(self, index: int | slice) -> Token | list[Token]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return Token(self._texts[index], self._starts[index])

    def __iter__(self) -> Iterator[Token]:
        return map(Token, self._texts, self._starts)

    @property
    def texts(self) -> Sequence[str]:
        """Each token's text, by index: a pass that tests the words first makes a
        :class:`Token` only for those it keeps (``tokens[i]``)."""
        return self._texts


@dataclass(frozen=True)
class Document:
    """An input text and what is known about it before any pass runs.

    ``kind`` is ``narrative``, ``news`` or ``auto`` (the temporal pass decides
    and the timeline records its choice); ``dct`` the creation time as
    ``YYYY-MM-DD``; ``source`` the file name or URL. Offsets everywhere are
    half-open code points of ``text``.
    """

    text: str
    lang: str = "de"
    kind: str = "narrative"
    dct: str | None = None
    source: str | None = None
    _parts: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def with_kind(self, kind: str) -> Document:
        """The same document (sharing its parts) with the kind the temporal pass chose."""
        return replace(self, kind=kind, _parts=self._parts)

    # --- layers that passes add for later passes ------------------------------------

    def add_layer(self, name: str, value: Any) -> None:
        """Keep what a pass found (``timexes``) for the passes after it to read."""
        self._parts[f"layer:{name}"] = value

    def layer(self, name: str) -> Any:
        """A layer an earlier pass added, or ``None``.

        >>> document = Document("Am 3. Mai.")
        >>> document.add_layer("timexes", [])
        >>> document.layer("timexes"), document.layer("events")
        ([], None)
        """
        return self._parts.get(f"layer:{name}")

    # --- parts, split once -------------------------------------------------------

    @property
    def paragraphs(self) -> list[tuple[int, int]]:
        """Paragraph spans (separated by blank lines)."""
        if "paragraphs" not in self._parts:
            self._parts["paragraphs"] = paragraph_spans(self.text)
        found: list[tuple[int, int]] = self._parts["paragraphs"]
        return found

    @property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentence spans, inside paragraphs, in text order."""
        if "sentences" not in self._parts:
            self._parts["sentences"] = _within_paragraphs(
                self.text, sentence_spans(self.text, 0, len(self.text), self.lang), self.paragraphs
            )
        found: list[tuple[int, int]] = self._parts["sentences"]
        return found

    @property
    def lines(self) -> list[tuple[int, int]]:
        """Sentences also cut at line breaks (a heading or list item ends without a period).

        A sentence broken after a period the sentence splitter kept is joined
        again where the break cannot end it: when the next line goes on in lower
        case (``als Karl VII.`` / ``gesalbt``) or either side is one word alone
        (``wurde 7 n.`` / ``Chr.`` / ``Publius Varus ernannt``).
        """
        if "lines" not in self._parts:
            pieces: list[tuple[int, int]] = []
            for start, end in self.sentences:
                begin = start
                at = start
                while (cut := self.text.find("\n", at, end)) != -1:
                    at = cut + 1
                    if self._joined(begin, cut, end):
                        continue
                    if self.text[begin:cut].strip():
                        pieces.append((begin, cut))
                    begin = cut + 1
                if self.text[begin:end].strip():
                    pieces.append((begin, end))
            self._parts["lines"] = pieces
        found: list[tuple[int, int]] = self._parts["lines"]
        return found

    def _joined(self, begin: int, cut: int, end: int) -> bool:
        """Whether the line break at ``cut`` is inside one sentence (see :attr:`lines`)."""
        before = self.text[self.text.rfind("\n", begin, cut) + 1 : cut].strip()
        if not before.endswith("."):
            return False
        stop = self.text.find("\n", cut + 1, end)
        after = self.text[cut + 1 : end if stop == -1 else stop].strip()
        if not after:
            return False
        return after[0].islower() or " " not in before or " " not in after

    @property
    def tokens(self) -> Tokens:
        """Every token of the text (see :mod:`chronist.text.tokens`), in text order."""
        return Tokens(*self._token_table())

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The tokens that lie inside ``[start, end)``."""
        texts, starts = self._token_table()
        first = bisect_left(starts, start)
        last = bisect_left(starts, end, first)
        while last > first and starts[last - 1] + len(texts[last - 1]) > end:
            last -= 1
        return list(map(Token, texts[first:last], starts[first:last]))

    def _token_table(self) -> tuple[list[str], array[int]]:
        """Each token's text (one string per distinct word) and start, split once.

        A token object is made only when a pass asks for it: a long document
        has millions of tokens, and two slots per token is all it keeps.
        """
        if "tokens" not in self._parts:
            texts: list[str] = []
            starts = array("q")
            split_tokens(self.text, texts, starts, self.lang)
            self._parts["tokens"] = (texts, starts)
        table: tuple[list[str], array[int]] = self._parts["tokens"]
        return table

    def _index(self, name: str) -> SpanIndex:
        key = f"{name}_index"
        if key not in self._parts:
            self._parts[key] = SpanIndex(getattr(self, name))
        index: SpanIndex = self._parts[key]
        return index

    def paragraph_of(self, offset: int) -> tuple[int, int]:
        return self._index("paragraphs").span_of(offset)

    def sentence_of(self, offset: int) -> tuple[int, int]:
        return self._index("sentences").span_of(offset)

    @property
    def paragraph_index(self) -> SpanIndex:
        return self._index("paragraphs")

    @property
    def sentence_index(self) -> SpanIndex:
        return self._index("sentences")

    # --- names for people --------------------------------------------------------

    @property
    def id(self) -> str:
        """A short identifier: the source's file stem, else ``document``."""
        return _stem(self.source) or "document"

    @property
    def title(self) -> str:
        """The source's file stem, else the start of the first line."""
        return _stem(self.source) or _first_words(self.text) or self.id


def _within_paragraphs(
    text: str, sentences: list[tuple[int, int]], paragraphs: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The sentences cut where a paragraph ends (a heading has no full stop)."""
    cut: list[tuple[int, int]] = []
    at = 0
    for start, end in sentences:
        while at < len(paragraphs) and paragraphs[at][1] <= start:
            at += 1
        k = at
        while k < len(paragraphs) and paragraphs[k][0] < end:
            first, last = max(start, paragraphs[k][0]), min(end, paragraphs[k][1])
            while last > first and text[last - 1].isspace():
                last -= 1
            if last > first:
                cut.append((first, last))
            k += 1
    return cut


def _stem(path: str | None) -> str:
    if not path:
        return ""
    name = str(path).replace("\\", "/").rsplit("/", 1)[-1]
    return name.split(".", 1)[0] or name


def _first_words(text: str, limit: int = 60) -> str:
    line = text.strip().split("\n", 1)[0]
    if len(line) <= limit:
        return line
    return line[:limit].rsplit(" ", 1)[0] + " …"
