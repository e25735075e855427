"""A small German tokenizer with code-point offsets, and a sentence splitter.

The tokenizer follows the conventions of the German NER corpora the model is
trained on: hyphenated compounds stay one token (``UN-Sicherheitsrat``),
numbers keep their inner dots and commas (``1.000``, ``3,5``), an ordinal keeps
its dot (``15.``) when a word follows, and known abbreviations keep theirs
(``Dr.``). Every other punctuation mark is a token of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Token", "split_sentences", "tokenize"]


@dataclass(frozen=True, slots=True)
class Token:
    """A token and its half-open code-point offsets in the text."""

    text: str
    start: int
    end: int


# fmt: off
_ABBREVIATIONS = frozenset((
    "abb", "abs", "abt", "allg", "anm", "art", "bd", "bzw", "ca", "chr", "co", "dr", "dt",
    "ebd", "etc", "evtl", "gebr", "gegr", "ggf", "hl", "hr", "hrsg", "inc", "jh", "jhd", "jr",
    "kap", "kl", "lt", "ltd", "max", "min", "mio", "mrd", "nr", "nachf", "pfd", "pkt", "prof",
    "röm", "s", "sog", "st", "str", "tel", "u", "usw", "v", "verf", "vgl", "vol", "z", "zb",
    "zit", "ca", "gen", "gest", "geb", "jan", "feb", "febr", "mär", "apr", "jun", "jul", "aug",
    "sep", "sept", "okt", "nov", "dez",
))
# fmt: on

_TOKEN_RE = re.compile(
    r"""
    (?P<num>\d+(?:[.,:/]\d+)*\.?)               # 1.000  3,5  15.  12:30  1950/53
    | (?P<word>[^\W\d_](?:[\w]|[-'’](?=\w))*\.?)  # words, hyphenated compounds, abbrev. dot
    | (?P<alnum>\w+(?:-\w+)*)                     # mixed tokens such as 38er, A3-Strecke
    | (?P<punct>\S)
    """,
    re.VERBOSE,
)


def _split_trailing_dot(text: str, start: int, keep: bool) -> list[Token]:
    if keep or not text.endswith(".") or len(text) == 1:
        return [Token(text, start, start + len(text))]
    end = start + len(text)
    return [Token(text[:-1], start, end - 1), Token(".", end - 1, end)]


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens with half-open code-point offsets.

    >>> [t.text for t in tokenize("Am 15. September landete MacArthurs Armee.")]
    ['Am', '15.', 'September', 'landete', 'MacArthurs', 'Armee', '.']
    """
    tokens: list[Token] = []
    for match in _TOKEN_RE.finditer(text):
        value = match.group()
        start = match.start()
        kind = match.lastgroup
        if kind == "word":
            stem = value[:-1].lower()
            keep = value.endswith(".") and (
                stem in _ABBREVIATIONS or (len(stem) == 1 and value[0].isupper())
            )
            tokens.extend(_split_trailing_dot(value, start, keep))
        elif kind == "num":
            keep = _is_ordinal(text[match.end() : match.end() + 40].lstrip())
            tokens.extend(_split_trailing_dot(value, start, keep))
        else:
            tokens.append(Token(value, start, match.end()))
    return tokens


# fmt: off
_ORDINAL_HEADS = frozenset((
    "Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
    "September", "Oktober", "November", "Dezember", "Jahrhundert", "Jahrhunderts",
    "Jahrhunderte", "Jh", "Breitengrad", "Breitengrades", "Armee", "Division", "Bundestag",
    "Kongress", "Mal", "Platz", "Stock",
))
# fmt: on


def _is_ordinal(following: str) -> bool:
    """Whether a number's dot before ``following`` is an ordinal's: "15. September"
    and "19. und" keep it, "im Jahr 1950. Dann" does not."""
    if not following:
        return False
    if following[0].isalnum() and not following[0].isupper():
        return True
    return following.split(" ", 1)[0].rstrip(".,;") in _ORDINAL_HEADS


_SENTENCE_END = frozenset(".!?")
_CLOSERS = frozenset("\"'“”»«)]’")


def split_sentences(text: str, tokens: list[Token]) -> list[list[Token]]:
    """Group ``tokens`` into sentences: after ``.``/``!``/``?`` (and closing
    quotes) when the next token starts upper-case, and at blank lines.

    >>> s = "Truman zögerte. Dann kam Mao."
    >>> [[t.text for t in x] for x in split_sentences(s, tokenize(s))]
    [['Truman', 'zögerte', '.'], ['Dann', 'kam', 'Mao', '.']]
    """
    sentences: list[list[Token]] = []
    current: list[Token] = []
    count = len(tokens)
    for index, token in enumerate(tokens):
        if current and "\n\n" in text[current[-1].end : token.start].replace("\r", ""):
            sentences.append(current)
            current = []
        current.append(token)
        if token.text in _SENTENCE_END or (token.text in _CLOSERS and _ends_after_closer(current)):
            nxt = tokens[index + 1] if index + 1 < count else None
            if nxt is None:
                continue
            if nxt.text in _CLOSERS:
                continue
            if nxt.text[:1].isupper() or nxt.text[:1].isdigit() or nxt.text[:1] in '"„“»(':
                sentences.append(current)
                current = []
    if current:
        sentences.append(current)
    return sentences


def _ends_after_closer(current: list[Token]) -> bool:
    return len(current) >= 2 and current[-2].text in _SENTENCE_END
