"""What a trigger word can be: its kind, its form and one reading of it.

>>> TriggerEntry("anrufen", TriggerKind.VERB, "statement", Form.FINITE, particle="an").particle
'an'
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

__all__ = ["Form", "TriggerEntry", "TriggerKind"]


class TriggerKind(Enum):
    VERB = "verb"  # states an event by itself
    LIGHT = "light"  # carries an event noun ("der Krieg begann")
    NEGATING = "negating"  # says the events of its clause did not happen
    NOUN = "noun"  # a nominalised event ("Invasion", "Tod")


class Form(Enum):
    FINITE = "finite"  # ruft, rief, riefen (may need a separated particle)
    INFINITIVE = "infinitive"  # rufen, anrufen (also the present plural)
    ZU_INFINITIVE = "zu-infinitive"  # anzurufen: a complement, not an event
    PARTICIPLE = "participle"  # angerufen (perfect and passive)
    NOUN = "noun"


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    """One reading of a word form."""

    lemma: str
    kind: TriggerKind
    type: str | None
    form: Form
    particle: str | None = None  # needed later in the clause ("an" of "rief ... an")
    requires: tuple[str, ...] = ()  # one of these words must be in the clause
    concept: str | None = None  # the noun an idiom stands for, for merging
    past: bool = False  # a past-tense form (rief, riefen)
    open: bool = False  # found by its form alone (``[open_verbs]``), not listed
