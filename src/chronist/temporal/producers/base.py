"""What producers share: the match's named groups with lexicon lookups, and the result type."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from chronist.temporal.lexicon import Lexicon
from chronist.temporal.lexicon_values import LexValue
from chronist.temporal.meaning import Meaning
from chronist.temporal.mention import TimexType
from chronist.temporal.values import Mod, Unit

T = TypeVar("T")


# digits grouped by thousands with a dot, as German writes them ("100.000")
_GROUPED_THOUSANDS = re.compile(r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+")


@dataclass(frozen=True, slots=True)
class Produced:
    type: TimexType
    meaning: Meaning
    mod: Mod | None = None


class Groups:
    """The named groups of one match, with lexicon lookups."""

    def __init__(self, match: re.Match[str], lexicon: Lexicon) -> None:
        self._values = {k: v for k, v in match.groupdict().items() if v is not None}
        self._lexicon = lexicon

    def convention(self, name: str) -> LexValue | None:
        """A writing convention the language declares in its ``[convention]`` class."""
        return self._lexicon.value("convention", name)

    def __contains__(self, name: str) -> bool:
        return name in self._values

    def text(self, name: str) -> str | None:
        return self._values.get(name)

    def lex(self, name: str, class_name: str | None = None) -> LexValue | None:
        form = self._values.get(name)
        return None if form is None else self._lexicon.value(class_name or name, form)

    def lex_as(self, kind: type[T], name: str, class_name: str | None = None) -> T | None:
        """The typed lexicon value of a group (:mod:`chronist.temporal.lexicon_values`)."""
        value = self.lex(name, class_name)
        return value if isinstance(value, kind) else None

    def lex_int(self, name: str, class_name: str | None = None) -> int | None:
        """A lexicon value that is a whole number (a month, a step), else ``None``."""
        value = self.lex(name, class_name)
        return int(value) if isinstance(value, int | float) else None

    def lex_str(self, name: str, class_name: str | None = None) -> str | None:
        value = self.lex(name, class_name)
        return None if value is None else str(value)

    def number(self, name: str) -> float | None:
        """Digits (``15``, ``2,5``) or a number word (``zwei``, ``einer halben``)."""
        form = self._values.get(name)
        if form is None:
            return None
        form = form.rstrip("-")
        if _GROUPED_THOUSANDS.fullmatch(form):
            return float(form.replace(".", ""))  # "100.000 Jahre"
        if form[:1].isdigit():
            return float(form.replace(",", "."))
        words = form.split()
        value = self._lexicon.value("number_word", words[-1])
        return float(value) if isinstance(value, int | float) else None


@dataclass(frozen=True, slots=True)
class Producer:
    groups: frozenset[str]
    run: Callable[[Groups], Produced | None]


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_to_int(numeral: str) -> int | None:
    """``XIV`` -> 14; ``None`` for a malformed numeral.

    >>> roman_to_int("XIV")
    14
    """
    total = 0
    previous = 0
    for char in reversed(numeral):
        value = _ROMAN.get(char)
        if value is None:
            return None
        total += -value if value < previous else value
        previous = max(previous, value)
    return total if total > 0 and int_to_roman(total) == numeral else None


def int_to_roman(number: int) -> str:
    parts = []
    for value, letters in (
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while number >= value:
            parts.append(letters)
            number -= value
    return "".join(parts)


def mod_named(name: str | None) -> Mod | None:
    return None if name is None else Mod(name)


def unit_in(groups: Groups, name: str, class_name: str) -> Unit | None:
    value = groups.lex_str(name, class_name)
    return None if value is None else Unit[value]
