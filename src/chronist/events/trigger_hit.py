"""A trigger word found in a sentence: its token, its lexicon entry and its text."""

from __future__ import annotations

from dataclasses import dataclass

from chronist.events.lexicon import TriggerEntry, TriggerKind

__all__ = ["TriggerHit"]


@dataclass(frozen=True, slots=True)
class TriggerHit:
    """A trigger at token ``index``; ``particle`` is the token index of a separated particle."""

    index: int
    entry: TriggerEntry
    start: int
    end: int
    text: str
    particle: int | None = None

    @property
    def lemma(self) -> str:
        return self.entry.lemma

    @property
    def kind(self) -> TriggerKind:
        return self.entry.kind

    @property
    def concept(self) -> str:
        return self.entry.concept or self.entry.lemma
