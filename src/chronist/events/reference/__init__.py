"""Named historical events and periods as time anchors.

The shipped table ``historical_events.tsv`` (more than 300 rows, 1500 to
today, each with its source) gives the interval of names like ``Blockade
Berlins``, ``Ersten Weltkrieges`` or ``Kalter Krieg``. Names match in any
inflected form: each word is compared without its German inflection ending.

To add your own events, write a file in the same tab-separated layout (``id``,
``begin``, ``end``, German names, English names, ``source``; names separated by
``|``; dates ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; end ``..`` when open) and
pass it as ``load_reference([path])``, or list it in the environment variable
``CHRONIST_REFERENCE_EVENTS`` (paths separated by ``os.pathsep``). A row with an
id already known replaces the shipped one.

>>> [(m.event.id, m.text) for m in find_references("während der Blockade Berlins")]
[('berlin-blockade', 'Blockade Berlins')]
>>> find_references("die erstarrten Fronten des Ersten Weltkrieges")[0].event.bounds.latest_end
Day(year=1918, month=11, day=11)
"""

from __future__ import annotations

import os
import re
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from chronist.errors import InputError, LanguageDataError
from chronist.lang import available_languages
from chronist.temporal.values import Bounds, Day, days_in_month
from chronist.text.language import text_facts
from chronist.text.reading import read_text

__all__ = [
    "ENV_VARIABLE",
    "ReferenceEvent",
    "ReferenceMention",
    "ReferenceTable",
    "find_references",
    "load_reference",
    "parse_table",
]

ENV_VARIABLE = "CHRONIST_REFERENCE_EVENTS"
TABLE_FILE = "historical_events.tsv"
_COLUMNS = ("id", "begin", "end", "de", "en", "source")
_DATE = re.compile(r"^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_WORD = re.compile(r"[^\W_](?:[\w'’.]*[^\W_])?\.?|\d+\.?")
# Endings cut off when names are matched: those of every language the table names events in.
_ENDINGS = tuple(
    sorted(
        {ending for lang in available_languages() for ending in text_facts(lang).name_endings},
        key=lambda ending: (-len(ending), ending),
    )
)


@dataclass(frozen=True, slots=True)
class ReferenceEvent:
    """One row of the table."""

    id: str
    names: tuple[str, ...]
    bounds: Bounds
    edtf: str
    source: str


@dataclass(frozen=True, slots=True)
class ReferenceMention:
    """A name of a reference event found in a text (half-open offsets)."""

    event: ReferenceEvent
    start: int
    end: int
    text: str


@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    lower = word.lower().rstrip(".")
    for ending in _ENDINGS:
        if lower.endswith(ending) and len(lower) - len(ending) >= 4:
            return lower[: -len(ending)]
    return lower


def _day_span(value: str, where: str) -> tuple[Day, Day, str]:
    match = _DATE.match(value)
    if match is None:
        raise LanguageDataError(f"{where}: not a date {value!r} (YYYY, YYYY-MM or YYYY-MM-DD)")
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    if month is not None and not 1 <= month <= 12:
        raise LanguageDataError(f"{where}: no month {month} in {value!r}")
    if month is None:
        return Day(year, 1, 1), Day(year, 12, 31), value
    if day is None:
        return Day(year, month, 1), Day(year, month, days_in_month(year, month)), value
    if not 1 <= day <= days_in_month(year, month):
        raise LanguageDataError(f"{where}: no day {day} in {value!r}")
    return Day(year, month, day), Day(year, month, day), value


def _row(fields: list[str], where: str) -> ReferenceEvent:
    if len(fields) != len(_COLUMNS):
        raise LanguageDataError(f"{where}: expected {len(_COLUMNS)} tab-separated columns")
    ident, begin, end, german, english, source = (f.strip() for f in fields)
    first, latest_begin, begin_text = _day_span(begin, where)
    if end == "..":
        bounds, edtf = Bounds(first, latest_begin, None, None), f"{begin_text}/.."
    else:
        earliest_end, last, end_text = _day_span(end, where)
        if last < first:
            raise LanguageDataError(f"{where}: ends before it begins")
        bounds = Bounds(first, latest_begin, earliest_end, last)
        edtf = begin_text if begin_text == end_text else f"{begin_text}/{end_text}"
    names = tuple(n.strip() for n in f"{german}|{english}".split("|") if n.strip())
    if not names or not source:
        raise LanguageDataError(f"{where}: every row needs a name and a source")
    return ReferenceEvent(ident, names, bounds, edtf, source)


def parse_table(text: str, origin: str = "<table>") -> list[ReferenceEvent]:
    """Rows of a reference table in the documented layout (``#`` comments and
    the header line are skipped)."""
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("id\t"):
            continue
        rows.append(_row(line.split("\t"), f"{origin}:{number}"))
    return rows


class ReferenceTable:
    """Reference events indexed by the stems of their names' first words."""

    def __init__(self, events: Iterable[ReferenceEvent]) -> None:
        by_id = {e.id: e for e in events}
        self.events: tuple[ReferenceEvent, ...] = tuple(by_id.values())
        self._index: dict[str, list[tuple[tuple[str, ...], ReferenceEvent]]] = {}
        for event in self.events:
            for name in event.names:
                stems = tuple(_stem(w) for w in _WORD.findall(name))
                if stems:
                    self._index.setdefault(stems[0], []).append((stems, event))
        for entries in self._index.values():
            entries.sort(key=lambda entry: len(entry[0]), reverse=True)
        self._longest = max((len(e[0][0]) for e in self._index.values()), default=1)

    def __len__(self) -> int:
        return len(self.events)

    def find(self, text: str, lang: str = "de") -> list[ReferenceMention]:
        """Every name of the table in ``text``, longest first, not overlapping; a name
        after a word that makes it another event of that kind (``einen neuen
        Koreakrieg``, in the language's ``text.toml``) is not one."""
        not_the_named = text_facts(lang).not_the_named
        # the words after a possible start, read as the scan goes: never more than
        # the longest name's words are held, however long the text; most words
        # begin no name and are passed over without more
        matches = _WORD.finditer(text)
        ahead: deque[tuple[int, int, str]] = deque()
        found: list[ReferenceMention] = []
        while True:
            if ahead:
                word = ahead.popleft()
            else:
                read = next(matches, None)
                if read is None:
                    return found
                stem = _stem(read.group())
                if stem not in self._index:
                    continue
                word = (read.start(), read.end(), stem)
            if word[2] not in self._index:
                continue
            while len(ahead) + 1 < self._longest and (read := next(matches, None)) is not None:
                ahead.append((read.start(), read.end(), _stem(read.group())))
            window = [word, *ahead]
            match = self._match_at(window)
            if match is None:
                continue
            size, event = match
            start, end = word[0], window[size - 1][1]
            before = text[max(0, start - 30) : start].split()
            if not before or before[-1].lower() not in not_the_named:
                found.append(ReferenceMention(event, start, end, text[start:end].rstrip(".")))
            for _ in range(size - 1):
                ahead.popleft()

    def _match_at(self, words: Sequence[tuple[int, int, str]]) -> tuple[int, ReferenceEvent] | None:
        """The longest name that the first of ``words`` begins, and its size in words."""
        for stems, event in self._index.get(words[0][2], ()):
            size = len(stems)
            if size <= len(words) and all(words[k][2] == stems[k] for k in range(size)):
                return size, event
        return None


def _shipped() -> str:
    path = resources.files("chronist.events.reference") / TABLE_FILE
    return path.read_text(encoding="utf-8")


@cache
def _load(paths: tuple[str, ...]) -> ReferenceTable:
    events = parse_table(_shipped(), TABLE_FILE)
    for path in paths:
        try:
            text = read_text(path)
        except InputError as error:
            raise LanguageDataError(f"reference events {error}") from None
        events += parse_table(text, path)
    return ReferenceTable(events)


def load_reference(paths: Sequence[str | Path] = ()) -> ReferenceTable:
    """The shipped table plus the files in ``paths`` and in ``$CHRONIST_REFERENCE_EVENTS``."""
    extra = [p for p in os.environ.get(ENV_VARIABLE, "").split(os.pathsep) if p]
    return _load(tuple(str(p) for p in [*extra, *paths]))


def find_references(
    text: str, table: ReferenceTable | None = None, lang: str = "de"
) -> list[ReferenceMention]:
    """Names of reference events in ``text`` (see the module docstring)."""
    return (table or load_reference()).find(text, lang)
