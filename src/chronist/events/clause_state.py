"""What one sentence's reading keeps while its clause segments are read
(:mod:`chronist.events.clause_events`): the sentence's state, and per segment its
event nouns, the dated nouns framing it and what has been decided of it."""

from __future__ import annotations

from dataclasses import dataclass, field

from chronist.events.lexicon import Lexicon, Markers
from chronist.events.mention import Context, EventMention
from chronist.events.model import Modality
from chronist.events.trigger_hit import TriggerHit
from chronist.text.clauses import Segment
from chronist.text.tokens import Token

__all__ = ["Clause", "Frames", "Nouns", "SentenceState", "Span"]

Span = tuple[int, int]


@dataclass(slots=True)
class SentenceState:
    """One sentence as its segments are read: what was found so far, and which
    event noun (by token index) each found mention stands at."""

    context: Context
    sentence: Span
    tokens: list[Token]
    pieces: list[Segment]
    aside: frozenset[int]  # tokens a parenthesis sets into its clause
    dated: frozenset[int]  # tokens of a date
    hits: list[TriggerHit]
    verb_at: frozenset[int]  # verb forms, events or not
    forced: Modality | None  # the whole sentence's modality (a condition, ...)
    found: list[EventMention] = field(default_factory=list)
    antecedent: dict[int, int] = field(default_factory=dict)  # noun index -> index in found

    @property
    def markers(self) -> Markers:
        return self.context.lexicon.markers

    @property
    def lexicon(self) -> Lexicon:
        return self.context.lexicon


@dataclass(slots=True)
class Nouns:
    """The event nouns that may head a clause's events."""

    hits: list[TriggerHit]
    shared: dict[int, Span]  # noun index -> the date it shares with its partner
    partner: dict[int, int]  # noun index -> the event noun it is joined to


@dataclass(slots=True)
class Frames:
    """Dated event nouns framing a clause (``Nach dem Tod X 1961 folgte ...``)."""

    phrases: dict[int, Span] = field(default_factory=dict)  # noun index -> phrase, date included
    dates: dict[int, Span] = field(default_factory=dict)  # noun index -> the phrase's date
    opened: dict[int, int] = field(default_factory=dict)  # noun index -> its preposition


@dataclass(slots=True)
class Clause:
    """What one segment's reading has decided so far."""

    number: int
    segment: Segment
    inside: list[TriggerHit]
    base: Modality
    negating: list[TriggerHit]
    failed: list[TriggerHit]  # "scheiterte": a failed attempt still happened
    verbs: list[TriggerHit]
    told: list[TriggerHit]  # the open verbs found: what the clause says of its nouns
    lights: list[TriggerHit]
    nouns: Nouns
    frames: Frames
    merged: bool = False  # a relative clause merged into the noun it describes
    earlier: set[int] = field(default_factory=set)  # frame nouns told as before the clause
