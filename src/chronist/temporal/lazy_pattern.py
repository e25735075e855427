"""A regular expression compiled the first time it is used.

A language's grammar has about a hundred rule patterns, and compiling them all
is most of chronist's start-up. Most texts need only a few of them (a rule runs
only near the words it searches for), so each rule's pattern is compiled when
the engine first runs it, with :func:`re.compile` and Python's own cache; a
pattern that does not compile is reported as bad language data naming its file
and rule. :meth:`LazyPattern.compiled` compiles at once (the test suite checks
every shipped rule this way).

>>> pattern = LazyPattern(r"(?P<year>[0-9]{4})", "rules.toml: rule 'year'")
>>> pattern.search("im Jahr 1953").group("year")
'1953'
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from chronist.errors import LanguageDataError

__all__ = ["LazyPattern"]


class LazyPattern:
    """The pattern ``source`` of the rule at ``where``, compiled on first use."""

    __slots__ = ("_compiled", "source", "where")

    def __init__(self, source: str, where: str) -> None:
        self.source = source
        self.where = where
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            try:
                self._compiled = re.compile(self.source)
            except re.error as error:
                raise LanguageDataError(f"{self.where}: bad pattern: {error}") from None
        return self._compiled

    @property
    def groupindex(self) -> dict[str, int]:
        return dict(self.compiled().groupindex)

    def search(self, text: str, pos: int = 0, endpos: int = 2**63 - 1) -> re.Match[str] | None:
        return self.compiled().search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = 2**63 - 1) -> re.Match[str] | None:
        return self.compiled().match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = 2**63 - 1) -> re.Match[str] | None:
        return self.compiled().fullmatch(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = 2**63 - 1) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(text, pos, endpos)
