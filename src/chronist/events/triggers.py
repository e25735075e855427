"""Trigger words of one sentence: verbs (separable particles joined) and event nouns.

Words of the trigger list are read by their entries (a listed verb's form, its
separated particle, the word it requires); other verbs by their form
(:mod:`chronist.events.open_triggers`).

>>> from chronist.text.tokens import tokenize
>>> from chronist.events.lexicon import load_lexicon
>>> text = "Ohne zu warten, rief Truman den Sicherheitsrat an."
>>> [(h.lemma, h.text) for h in find_triggers(text, tokenize(text), load_lexicon("de"))]
[('anrufen', 'rief ... an')]
"""

from __future__ import annotations

from chronist.events.lexicon import Form, Lexicon, TriggerEntry, TriggerKind
from chronist.events.open_triggers import open_verb
from chronist.events.particles import closing_particle as _closing_particle
from chronist.events.trigger_hit import TriggerHit
from chronist.events.verb_context import adjectival, before_zu, requirement_met, succeeded
from chronist.text.tokens import Token

__all__ = ["find_triggers"]


def _verb_reading(
    tokens: list[Token], index: int, entries: tuple[TriggerEntry, ...], lexicon: Lexicon
) -> TriggerHit | None:
    token = tokens[index]
    markers = lexicon.markers
    joined: TriggerHit | None = None
    for entry in entries:
        if entry.form is Form.ZU_INFINITIVE:
            if succeeded(tokens, index, lexicon):
                return TriggerHit(index, entry, token.start, token.end, token.text)
            return None
        if entry.form is Form.INFINITIVE and (
            (index > 0 and tokens[index - 1].text == markers.zu)
            or before_zu(tokens, index, markers.zu)
        ):
            return None
        if entry.form in (Form.FINITE, Form.PARTICIPLE) and adjectival(
            tokens, index, markers.definite | markers.indefinite
        ):
            continue
        if not requirement_met(tokens, entry):
            continue
        if entry.particle is not None:
            particle = frozenset({entry.particle})
            position = _closing_particle(
                tokens, index, particle, markers.coordination, markers=markers
            )
            if position is None:
                continue
            text = f"{token.text} ... {tokens[position].text}"
            return TriggerHit(index, entry, token.start, token.end, text, position)
        if joined is None:
            joined = TriggerHit(index, entry, token.start, token.end, token.text)
    return joined


def _time_compound(word: str, lexicon: Lexicon) -> tuple[TriggerEntry, ...]:
    """``Gründungsjahr``, ``Geburtsjahr``: an event noun before a time head names
    that event (its date is the year or day the sentence gives)."""
    lower = word.lower()
    for head in lexicon.markers.time_heads:
        if lower.endswith(head) and len(lower) > len(head) + 2:
            first = word[: len(word) - len(head)]
            for stem in (first, first[:-1] if first.endswith("s") else first):
                found = [e for e in lexicon.words.get(stem, ()) if e.kind is TriggerKind.NOUN]
                if found:
                    return (found[0],)
    return ()


_READINGS_KEPT = 100_000  # words whose readings are remembered: the memory stays bounded


def _readings(word: str, lexicon: Lexicon) -> tuple[TriggerEntry, ...]:
    """The word's readings of the lexicon, or as a time compound, read once per word."""
    found = lexicon.readings.get(word)
    if found is None:
        if len(lexicon.readings) >= _READINGS_KEPT:
            lexicon.readings.clear()
        found = lexicon.lookup(word) or _time_compound(word, lexicon)
        lexicon.readings[word] = found
    return found


def find_triggers(
    text: str, tokens: list[Token], lexicon: Lexicon, dated: frozenset[int] = frozenset()
) -> list[TriggerHit]:
    """The triggers among one sentence's ``tokens``, in text order; ``dated``
    are the indices of the tokens inside a date."""
    hits: list[TriggerHit] = []
    for index, token in enumerate(tokens):
        if not token.is_word or token.text[0].isdigit():
            continue
        entries = _readings(token.text, lexicon)
        if not entries and token.is_capitalised and index > 0 and lexicon.open_verbs:
            noun = lexicon.open_verbs.deverbal(token.text)
            if noun is not None:
                hits.append(TriggerHit(index, noun, token.start, token.end, token.text))
            continue
        if not entries:
            hit = open_verb(tokens, index, lexicon, dated)
            if hit is not None:
                hits.append(hit)
            continue
        nouns = [e for e in entries if e.kind is TriggerKind.NOUN]
        if nouns and token.is_capitalised and (index > 0 or len(entries) == len(nouns)):
            hits.append(TriggerHit(index, nouns[0], token.start, token.end, token.text))
            continue
        verbs = tuple(e for e in entries if e.kind is not TriggerKind.NOUN)
        if verbs and token.is_capitalised and index > 0 and tokens[index - 1].text not in '"„“»«':
            continue  # a capitalised word inside a sentence is a noun ("die Verbündeten")
        if verbs:
            hit = _verb_reading(tokens, index, verbs, lexicon)
            if hit is not None and hit.particle is None:
                # "gab ... frei", "fielen an Frankreich zurück": a particle verb of a
                # listed verb is a verb of its own
                particled = open_verb(tokens, index, lexicon, dated)
                hit = particled if particled is not None and particled.particle else hit
            if hit is None:  # "wanderten ... ein", not "aus"
                hit = open_verb(tokens, index, lexicon, dated)
                if hit is not None and hit.particle is None and any(e.requires for e in verbs):
                    hit = None  # the list says when this verb alone is an event ("schweigen")
            if hit is not None:
                hits.append(hit)
    return hits
