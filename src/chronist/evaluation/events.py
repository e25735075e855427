"""Scoring extracted events against hand-annotated gold events.

An event counts (a true positive) when the system has an event, stated as
happened, whose evidence sentence holds the gold event's words, and whose time
is right. A time is right when it overlaps the gold interval, one of the two
contains the other, and it is no wider than the gold interval or two years; a
time open on one side is right when its known bound lies in the gold interval.

* precision = true positives / system events in the annotated sections
* recall = true positives / gold events
* date accuracy = true positives / gold events whose sentence was found

Gold files are tab-separated (see ``tests/data/events/wikiwarsde-dev-gold.tsv``):
``range`` rows give the annotated sections, ``event`` rows the events, each as
the offset and length of a short quote at its trigger and the interval
``begin``–``end`` (ISO dates at the known grain).

>>> from chronist.temporal.values import Bounds, Day
>>> gold = interval("1950-06", "1950-06")
>>> time_matches(Bounds(Day(1950, 1, 1), Day(1950, 8, 31), Day(1950, 1, 1), Day(1950, 8, 31)), gold)
True
>>> time_matches(Bounds(Day(1948, 1, 1), None, Day(1948, 1, 1), None), gold)
False
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from chronist.errors import CorpusError
from chronist.temporal.values import Bounds, Day, days_in_month
from chronist.timeline.model import Event

__all__ = [
    "GENERIC_NOUNS",
    "GoldEvent",
    "GoldSection",
    "Score",
    "bad_label",
    "interval",
    "load_gold",
    "score_events",
    "time_matches",
]

_MAX_WIDTH_DAYS = 731


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Nouns that on their own say nothing about what happened: a label that is only
# one of them (``Krieg``, ``Hilfe``) is no who-did-what.
GENERIC_NOUNS = _words(
    """
    krieg kriege kriegs hilfe forderung forderungen unterstützung anschluss angriff angriffe
    kampf kämpfe schlacht schlachten tod ende beginn anfang vertrag verträge frieden
    entwicklung zerstörung eroberung gründung bau aufstand revolution wahl wahlen
    herrschaft besetzung einsatz plan pläne politik reform reformen streit konflikt
    krise niederlage sieg angebot abkommen invasion offensive teilung vereinigung
    """
)
# Words a label cannot end with: it was cut after them (``Rückzug bis hinter``).
_CUT_ENDINGS = _words(
    """
    der die das den dem des eine einen einem einer eines am im vom zum zur beim ins
    bis für gegen hinter in neben ohne seit von während wegen zwischen
    und oder sowie aber dass als wie
    """
)  # not the prepositions that are also separable particles (``griffen ... an``)


# Heads of event names: a one-word label names an event only as a compound of one
# of these with a modifier of its own (``Oktoberrevolution``, ``Kaiserkrönung``,
# ``U-Boot-Krieg``); a missing head makes the check stricter, never laxer.
_EVENT_HEADS = _words(
    """
    krieg schlacht revolution aufstand krönung gründung vertrag verträge abkommen frieden
    feldzug feldzüge belagerung eroberung teilung wahl putsch krise konflikt blockade
    besetzung invasion offensive reform epidemie pandemie ausstellung konzil synode
    kongress konferenz erklärung weihe eröffnung öffnung brand erdbeben flut pest
    reformation vereinigung turnier spiele meisterschaft hochzeit verhandlung treffen
    streik attentat anschlag mord expedition vertreibung landung angriff gesetz edikt
    dekret verbot bündnis union unglück katastrophe aufteilung annexion kapitulation
    """
)
# Units of a length of time that need a number before them: a label beginning with
# one lost it (``Jahren durch Funde nachgewiesen`` of ``vor 5000 Jahren ...``); a
# singular unit counts only before a possessive (``Tag seines Aufenthalts bat``).
_LENGTH_PLURALS = _words(
    """
    jahre jahren monate monaten wochen tage tagen stunden minuten jahrzehnte
    jahrzehnten jahrhunderte jahrhunderten jahrtausende jahrtausenden
    """
)
_LENGTH_SINGULARS = _words("jahr tag monat woche stunde jahrzehnt jahrhundert jahrtausend")
_POSSESSIVES = ("sein", "ihr", "dies")
_INFLECTIONS = ("", "s", "es", "e", "en", "n", "er", "ern")
_DETERMINERS = _words("der die das den dem des ein eine einen einem einer eines")


def _named(word: str) -> bool:
    """Whether ``word`` is a compound naming one event: an event head after a
    modifier of three letters or more."""
    lower = word.lower()
    for head in _EVENT_HEADS:
        at = lower.find(head, 3)
        while at >= 0:
            if lower[at + len(head) :] in _INFLECTIONS:
                return True
            at = lower.find(head, at + 1)
    return False


def bad_label(label: str) -> bool:
    """A label that is a lone generic noun or a cut fragment: after any article,
    one word that is not a compound naming one event (``Krieg``, ``Geburt``,
    ``Bevölkerung``), a lone verb form (``gegründet``), a label ending in an
    article, preposition, conjunction, comma or an open bracket or quote, or one
    beginning with the tail of a length of time (``Jahren durch Funde nachgewiesen``).

    >>> [bad_label(x) for x in ("Krieg", "Rückzug bis hinter", "Festung kapituliert")]
    [True, True, False]
    >>> [bad_label(x) for x in ("Der Krieg", "Heirat", "wurde", "Oktoberrevolution")]
    [True, True, True, False]
    >>> [bad_label(x) for x in ("Forschung im 19.", "Er starb 1903.")]
    [True, False]
    >>> [bad_label(x) for x in ("Jahren durch Funde nachgewiesen", "Tag seines Aufenthalts bat")]
    [True, True]
    >>> [bad_label(x) for x in ("Tag der Arbeit eingeführt", "Jahrhundertflut traf Dresden")]
    [False, False]
    """
    words = label.split()
    while len(words) > 1 and words[0].lower() in _DETERMINERS:
        words = words[1:]
    if not words:
        return True
    if len(words) > 1 and _length_tail(words[0], words[1]):
        return True
    if len(words) == 1:
        word = words[0].strip('.,;:!?"„“”»«')
        if not word[:1].isupper() or word.lower() in GENERIC_NOUNS:
            return True
        return not _named(word)
    last = words[-1]
    if last.endswith((",", "(", "„", "-")) or last.lower() in _CUT_ENDINGS:
        return True
    if len(last) <= 3 and last.endswith(".") and last[:-1].isdigit():
        return True  # an ordinal without its noun ("im 19." of "im 19. Jahrhundert")
    return label.count("(") != label.count(")")


def _length_tail(first: str, second: str) -> bool:
    """Whether a label's first words are the tail of a length of time whose number
    was cut off (``Jahren durch``, ``Tag seines``)."""
    lower = first.lower()
    if lower in _LENGTH_PLURALS:
        return True
    return lower in _LENGTH_SINGULARS and second.lower().startswith(_POSSESSIVES)


@dataclass(frozen=True, slots=True)
class GoldEvent:
    doc: str
    start: int
    end: int
    quote: str
    time: tuple[Day, Day]


@dataclass(frozen=True, slots=True)
class GoldSection:
    doc: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Score:
    """Counts and rates of one document or of a whole gold set."""

    gold: int
    system: int
    sentence_found: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def date_accuracy(self) -> float:
        return self.correct / self.sentence_found if self.sentence_found else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.gold + other.gold,
            self.system + other.system,
            self.sentence_found + other.sentence_found,
            self.correct + other.correct,
        )


def _parts(value: str) -> list[int]:
    """``1950-06`` -> [1950, 6]; a leading minus is an astronomical year (``-0043``)."""
    sign = -1 if value.startswith("-") else 1
    parts = [int(p) for p in value.lstrip("-").split("-")]
    parts[0] *= sign
    return parts


def _first_day(value: str) -> Day:
    parts = _parts(value)
    return Day(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _last_day(value: str) -> Day:
    parts = _parts(value)
    if len(parts) == 1:
        return Day(parts[0], 12, 31)
    if len(parts) == 2:
        return Day(parts[0], parts[1], days_in_month(parts[0], parts[1]))
    return Day(*parts)


def interval(begin: str, end: str) -> tuple[Day, Day]:
    """The first and last day of a gold interval given as ISO dates at any grain."""
    return _first_day(begin), _last_day(end)


def _ordinal(day: Day) -> int:
    """Day number of a proleptic Gregorian day, years before 1 included (the
    calendar repeats every 400 years, 146,097 days)."""
    cycles = max(0, (1 - day.year) // 400 + 1)
    return date(day.year + 400 * cycles, day.month, day.day).toordinal() - 146_097 * cycles


def _days(first: Day, last: Day) -> int:
    return _ordinal(last) - _ordinal(first)


def time_matches(bounds: Bounds, gold: tuple[Day, Day]) -> bool:
    """Whether a system time is right for the gold interval (see the module docstring)."""
    first = bounds.earliest_begin or bounds.latest_begin
    last = bounds.latest_end or bounds.earliest_end
    low, high = gold
    if first is None and last is None:
        return False
    if first is None or last is None:
        known = first or last
        assert known is not None
        return low <= known <= high
    if last < low or first > high:
        return False
    inside = low <= first and last <= high
    around = first <= low and high <= last
    width = _days(first, last)
    return (inside or around) and width <= max(_days(low, high), _MAX_WIDTH_DAYS)


def load_gold(path: Path) -> tuple[list[GoldSection], list[GoldEvent]]:
    """Sections and events of a gold file."""
    sections: list[GoldSection] = []
    events: list[GoldEvent] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise CorpusError(f"{path}: {error.strerror}") from None
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#") or line.startswith("kind\t"):
            continue
        fields = line.split("\t")
        try:
            kind, doc, offset, length, quote, begin, end = fields
            start = int(offset)
            stop = start + int(length)
            if kind == "range":
                sections.append(GoldSection(doc, start, stop))
            elif kind == "event":
                events.append(GoldEvent(doc, start, stop, quote, interval(begin, end)))
            else:
                raise ValueError(f"unknown kind {kind!r}")
        except ValueError as error:
            raise CorpusError(f"{path}:{number}: {error}") from None
    return sections, events


def score_events(
    text: str, sections: Iterable[GoldSection], gold: Sequence[GoldEvent], system: Sequence[Event]
) -> Score:
    """Score one document's system events (all of them; those stated as not having
    happened are left out here) against its gold events and sections."""
    spans = [(s.start, s.end) for s in sections]
    candidates = [
        e for e in system
        if not e.hypothetical and any(a <= e.trigger.start < b for a, b in spans)
    ]  # fmt: skip
    for event in gold:
        if text[event.start : event.end] != event.quote:
            raise CorpusError(f"gold quote {event.quote!r} is not at {event.start} of {event.doc}")
    taken: set[str] = set()
    found = correct = 0
    for event in gold:
        here = [
            e for e in candidates
            if e.id not in taken and e.evidence.start <= event.start < e.evidence.end
        ]  # fmt: skip
        if not here:
            continue
        found += 1
        right = [e for e in here if time_matches(e.time.bounds, event.time)]
        pool = right or here
        best = min(pool, key=lambda e: abs(e.trigger.start - event.start))
        taken.add(best.id)
        correct += bool(right)
    return Score(len(gold), len(candidates), found, correct)
