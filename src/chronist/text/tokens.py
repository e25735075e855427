"""The tokenizer: words, numbers and punctuation with code-point offsets.

It follows the conventions of the German NER corpora the entity model is
trained on: hyphenated compounds stay one token (``UN-Sicherheitsrat``),
numbers keep their inner dots and commas (``1.000``, ``3,5``), an ordinal keeps
its dot (``15.``) when a word follows, and the language's abbreviations keep
theirs (``Dr.``; ``lang/<code>/text.toml``). Every other punctuation mark is a
token of its own. Sentences are :mod:`chronist.text.segment`'s, read through
:class:`chronist.text.document.Document`.
"""

from __future__ import annotations

import re
from collections.abc import MutableSequence

from chronist.text.language import is_ordinal_number, text_facts

__all__ = ["Token", "split_tokens", "tokenize"]


class Token:
    """A token and its half-open code-point offsets in the text.

    A token is its text where it stands, so its end is ``start + len(text)``
    and is not stored: a long document holds millions of tokens.

    >>> Token("Krieg", 4, 9), Token("Krieg", 4, 9).end
    (Token(text='Krieg', start=4, end=9), 9)
    """

    __slots__ = ("start", "text")

    def __init__(self, text: str, start: int, end: int | None = None) -> None:
        if end is not None and end != start + len(text):
            raise ValueError(f"token {text!r} at {start} cannot end at {end}")
        # the slots' own setters: a third faster than object.__setattr__, and a
        # document makes a token for every word each pass reads
        _set_text(self, text)
        _set_start(self, start)

    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Token is immutable: cannot set {name}")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Token):
            return NotImplemented
        return self.start == other.start and self.text == other.text

    def __hash__(self) -> int:
        return hash((self.text, self.start))

    def __repr__(self) -> str:
        return f"Token(text={self.text!r}, start={self.start}, end={self.end})"

    def __reduce__(self) -> tuple[type[Token], tuple[str, int]]:
        return (Token, (self.text, self.start))

    @property
    def is_word(self) -> bool:
        """A word or number (not punctuation)."""
        return self.text[:1].isalnum()

    @property
    def is_capitalised(self) -> bool:
        """Written like a noun or name: a capital first letter, or a capital inside a
        word that starts in lower case (``iPod``, ``eBay``: names, never verb forms)."""
        text = self.text
        if text[:1].isupper():
            return True
        # (str methods first: this runs for every lower-case word, mostly all lower case)
        return not text.islower() and text[:1].islower() and text[1:].lower() != text[1:]


_set_text = vars(Token)["text"].__set__  # the slots' descriptors
_set_start = vars(Token)["start"].__set__

_TOKEN_RE = re.compile(
    r"""
    (?P<num>\d+(?:[.,:/]\d+)*\.?)               # 1.000  3,5  15.  12:30  1950/53
    | (?P<word>[^\W\d_](?:[\w]|[-'’](?=\w))*\.?)  # words, hyphenated compounds, abbrev. dot
    | (?P<alnum>\w+(?:-\w+)*)                     # mixed tokens such as 38er, A3-Strecke
    | (?P<punct>\S)
    """,
    re.VERBOSE,
)


def tokenize(text: str, lang: str = "de", start: int = 0, end: int | None = None) -> list[Token]:
    """Split ``text`` into tokens with half-open code-point offsets.

    >>> [t.text for t in tokenize("Am 15. September landete MacArthurs Armee.")]
    ['Am', '15.', 'September', 'landete', 'MacArthurs', 'Armee', '.']
    """
    texts: list[str] = []
    starts: list[int] = []
    split_tokens(text, texts, starts, lang, start, end)
    return [Token(word, at) for word, at in zip(texts, starts, strict=True)]


def split_tokens(
    text: str,
    texts: MutableSequence[str],
    starts: MutableSequence[int],
    lang: str = "de",
    start: int = 0,
    end: int | None = None,
) -> None:
    """Append each token's text to ``texts`` and its start to ``starts``: the
    tokens of :func:`tokenize` without one object per token (a long document
    keeps millions of them; ``starts`` may be an ``array``)."""
    facts = text_facts(lang)
    known: dict[str, str] = {}  # one string per distinct word: a long text repeats its words
    for match in _TOKEN_RE.finditer(text, start, len(text) if end is None else end):
        value = match.group()
        at = match.start()
        if value[-1] != "." or len(value) == 1:  # most tokens: no dot to keep or cut
            texts.append(known.setdefault(value, value))
            starts.append(at)
            continue
        kind = match.lastgroup
        if kind == "word":
            stem = value[:-1].lower()
            keep = (
                stem in facts.abbreviations
                or (len(stem) == 1 and value[0].isupper())
                or (facts.ordinal_dot and is_ordinal_number(value[:-1]) and _goes_on(text, match))
            )
        elif kind == "num":
            following = text[match.end() : match.end() + 40].lstrip()
            keep = facts.ordinal_dot and (
                _is_ordinal(following, facts.ordinal_heads)
                or (is_ordinal_number(value[:-1]) and _goes_on(text, match))
            )
        else:
            keep = True
        if keep:
            texts.append(known.setdefault(value, value))
            starts.append(at)
        else:  # the dot is a token of its own
            word = value[:-1]
            texts.append(known.setdefault(word, word))
            starts.append(at)
            texts.append(".")
            starts.append(at + len(word))


def _goes_on(text: str, match: re.Match[str]) -> bool:
    """The sentence goes on after the match: a word follows on the same line."""
    following = text[match.end() : match.end() + 2]
    return following[:1] == " " and following[1:2].isalnum()


def _is_ordinal(following: str, heads: frozenset[str]) -> bool:
    """Whether a number's dot before ``following`` is an ordinal's: "15. September"
    and "19. und" keep it, "im Jahr 1950. Dann" does not."""
    if not following:
        return False
    if following[0].isalnum() and not following[0].isupper():
        return True
    return following.split(" ", 1)[0].rstrip(".,;") in heads
