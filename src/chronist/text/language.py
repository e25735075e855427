"""What the text layer knows about a language, read from ``lang/<code>/text.toml``.

>>> facts = text_facts("de")
>>> "chr" in facts.abbreviations, facts.ordinal_dot
(True, True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from chronist.errors import LanguageDataError
from chronist.lang import language_dir
from chronist.lang.checks import read_language_file

__all__ = ["TEXT_FILE", "TextFacts", "is_ordinal_number", "read_text_facts", "text_facts"]

TEXT_FILE = "text.toml"


@dataclass(frozen=True, slots=True)
class TextFacts:
    """Sentence and token facts of one language."""

    abbreviations: frozenset[str]  # lower-case, without the dot
    ordinal_dot: bool  # "15." and "II." are ordinals, not sentence ends
    ordinal_heads: frozenset[str]  # words after which a number keeps its dot
    name_endings: tuple[str, ...]  # endings of an event's name in running text, longest first
    not_the_named: frozenset[str]  # a word before a name that makes it another such event
    examples: tuple[tuple[str, tuple[str, ...]], ...]  # text -> its sentences


_ROMAN = re.compile(r"[IVXLC]+")


def is_ordinal_number(word: str) -> bool:
    """A number written as an ordinal with a dot where the language does so:
    one or two digits (``15.``) or a Roman numeral (``II.``), without the dot.

    >>> is_ordinal_number("15"), is_ordinal_number("XXI"), is_ordinal_number("1950")
    (True, True, False)
    """
    return (word.isdigit() and len(word) <= 2) or _ROMAN.fullmatch(word) is not None


def _required(data: dict[str, Any], path: Path, table: str, key: str, kind: type) -> Any:
    section = data.get(table)
    if not isinstance(section, dict) or key not in section:
        raise LanguageDataError(f"{path}: [{table}] {key} is missing")
    value = section[key]
    if not isinstance(value, kind):
        raise LanguageDataError(f"{path}: [{table}] {key} must be a {kind.__name__}")
    return value


def _words(value: list[Any], path: Path, key: str) -> frozenset[str]:
    if not all(isinstance(word, str) and word and " " not in word for word in value):
        raise LanguageDataError(f"{path}: {key} must be a list of single words")
    return frozenset(value)


def read_text_facts(folder: Path) -> TextFacts:
    """The text facts of the language folder ``folder``; a LanguageDataError names
    the file and key when something required is missing or malformed."""
    path = folder / TEXT_FILE
    data = read_language_file(path, "sentence and token facts")
    abbreviations = _required(data, path, "sentences", "abbreviations", list)
    heads = _required(data, path, "tokens", "ordinal_heads", list)
    endings = _words(_required(data, path, "names", "endings", list), path, "endings")
    not_the_named = _words(
        _required(data, path, "names", "not_the_named", list), path, "not_the_named"
    )
    examples = data.get("examples", {}).get("sentences", [])
    if not all(isinstance(e, list) and len(e) >= 2 for e in examples):
        raise LanguageDataError(f"{path}: [examples] sentences: each is [text, sentence, ...]")
    return TextFacts(
        abbreviations=frozenset(w.lower() for w in _words(abbreviations, path, "abbreviations")),
        ordinal_dot=_required(data, path, "sentences", "ordinal_dot", bool),
        ordinal_heads=_words(heads, path, "ordinal_heads"),
        name_endings=tuple(sorted(endings, key=lambda ending: (-len(ending), ending))),
        not_the_named=frozenset(word.lower() for word in not_the_named),
        examples=tuple((str(e[0]), tuple(str(s) for s in e[1:])) for e in examples),
    )


@cache
def text_facts(lang: str) -> TextFacts:
    """The text facts of a shipped language (cached)."""
    return read_text_facts(language_dir(lang))
