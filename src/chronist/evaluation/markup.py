"""A small, tolerant reader of inline markup (ACE SGML, TIMEX2 key files, TimeML).

The corpora are not all well-formed XML: the WikiWarsDE key files and their
``.sgm`` sources contain bare ``&`` (``Wilmington & Weldon``), and HeidelTime
writes its input text into TimeML without escaping it. So this reader does not
use an XML parser. It scans tags with a regular expression, decodes character
references and the five predefined entities, and keeps an ``&`` that starts no
valid reference as a literal character. Offsets of elements are half-open and
count code points of the decoded plain text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from chronist.errors import CorpusError

_TAG = re.compile(
    r"<(?P<close>/?)(?P<name>[A-Za-z_][\w.:-]*)"
    r"(?P<attrs>(?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)"
    r"\s*(?P<empty>/?)>"
)
_ATTR = re.compile(r"([A-Za-z_][\w.:-]*)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_SKIPPED = re.compile(r"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", re.DOTALL)
_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|amp|lt|gt|quot|apos);")


@dataclass(frozen=True, slots=True)
class Element:
    """One element of the markup: its name, attributes and span in the plain text."""

    name: str
    attrs: tuple[tuple[str, str], ...]
    start: int
    end: int
    depth: int  # number of enclosing elements

    def attr(self, key: str) -> str | None:
        return dict(self.attrs).get(key)


def unescape(text: str) -> str:
    """Decode character references and predefined entities; keep a bare ``&``.

    >>> unescape("A &amp; B & C &#13;")
    'A & B & C \\r'
    """
    return _REFERENCE.sub(lambda match: html.unescape(match.group(0)), text)


def parse_inline(markup: str, *, source: str = "<string>") -> tuple[str, list[Element]]:
    """Strip the tags of ``markup``; return the plain text and the elements in it.

    Elements come in document order of their start tags. Unbalanced tags raise
    :class:`~chronist.errors.CorpusError` naming ``source``.

    >>> text, elements = parse_inline('In <T v="1950">1950</T>.')
    >>> text, [(e.name, e.start, e.end) for e in elements]
    ('In 1950.', [('T', 3, 7)])
    """
    pieces: list[str] = []
    length = 0
    open_stack: list[tuple[str, tuple[tuple[str, str], ...], int, int]] = []
    finished: list[tuple[int, Element]] = []
    order = 0
    cursor = 0
    markup = _blank_out(markup)
    for match in _TAG.finditer(markup):
        chunk = unescape(markup[cursor : match.start()].replace("\0", ""))
        pieces.append(chunk)
        length += len(chunk)
        cursor = match.end()
        name = match.group("name")
        if match.group("close"):
            if not open_stack or open_stack[-1][0] != name:
                expected = open_stack[-1][0] if open_stack else "nothing"
                raise CorpusError(
                    f"{source}: closing tag </{name}> where </{expected}> was expected"
                )
            _, attrs, start, index = open_stack.pop()
            finished.append((index, Element(name, attrs, start, length, len(open_stack))))
            continue
        attrs = tuple(
            (key, unescape(double if double else single))
            for key, double, single in _ATTR.findall(match.group("attrs"))
        )
        if match.group("empty"):
            finished.append((order, Element(name, attrs, length, length, len(open_stack))))
        else:
            open_stack.append((name, attrs, length, order))
        order += 1
    if open_stack:
        raise CorpusError(f"{source}: tag <{open_stack[-1][0]}> is never closed")
    pieces.append(unescape(markup[cursor:].replace("\0", "")))
    finished.sort(key=lambda pair: pair[0])
    return "".join(pieces), [element for _, element in finished]


def _blank_out(markup: str) -> str:
    # Declarations and comments carry no text; NUL marks them (NUL never occurs
    # in XML text) so that the tag regex cannot match inside them.
    return _SKIPPED.sub(lambda match: "\0" * len(match.group(0)), markup)
