"""What the words around a verb form say of it, for listed and open verbs alike.

A form inside a zu-infinitive (``regieren zu können``) or between an article
and a noun (``die besetzten Gebiete``) is no event of its own; an entry that
requires a word needs it in the sentence; a zu-infinitive after a verb of
success (``gelang es, ... niederzuschlagen``) tells what happened.
"""

from __future__ import annotations

from chronist.events.lexicon import Lexicon, TriggerEntry
from chronist.text.tokens import Token

__all__ = ["adjectival", "before_zu", "requirement_met", "succeeded"]

# A required noun this long also counts as the head of a compound ("Minderheitsregierung").
_MIN_HEAD = 5


def before_zu(tokens: list[Token], index: int, zu: str) -> bool:
    """An infinitive before ``zu`` and another verb's infinitive (``regieren zu können``,
    ``gebaut zu werden``): part of a zu-infinitive, a purpose or complement."""
    if index + 2 >= len(tokens) or tokens[index + 1].text != zu:
        return False
    after = tokens[index + 2]
    return after.is_word and not after.is_capitalised


def adjectival(tokens: list[Token], index: int, articles: frozenset[str]) -> bool:
    # "die besetzten Gebiete": a participle or past form between article and noun
    if index == 0 or index + 1 >= len(tokens):
        return False
    return tokens[index - 1].text.lower() in articles and tokens[index + 1].is_capitalised


def requirement_met(tokens: list[Token], entry: TriggerEntry) -> bool:
    """One of the words the entry requires is in the sentence, alone or as the head
    of a compound noun (``Minderheitsregierung`` for ``Regierung``)."""
    if not entry.requires:
        return True
    words = {t.text for t in tokens}
    if any(w in words or w + "n" in words for w in entry.requires):
        return True
    heads = tuple(w.lower() for w in entry.requires if len(w) >= _MIN_HEAD and w[0].isupper())
    return bool(heads) and any(t.is_capitalised and t.text.lower().endswith(heads) for t in tokens)


def succeeded(tokens: list[Token], index: int, lexicon: Lexicon) -> bool:
    """A zu-infinitive after a verb of success (``gelang es, den Aufstand
    niederzuschlagen``) tells what happened."""
    success = lexicon.markers.success_verbs
    before = tokens[:index]
    # "ließ den Bau mit dem Ziel beginnen, die größte Kirche ... zu errichten": the
    # zu-infinitive tells the goal a noun before it names, not what began
    if any(t.text in lexicon.markers.goal_nouns for t in before):
        return False
    return any(e.lemma in success for t in before for e in lexicon.words.get(t.text.lower(), ()))
