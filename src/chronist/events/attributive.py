"""Events told by an attributive participle with a date of its own.

``das im Jahr 1407 gegründete Sultanat Gujarat``, ``die zum 1. Januar 2012 in
Kraft getretene Verfassung``: the participle between an article and its noun
tells an event of that noun, dated by the date inside the phrase. What such a
phrase looks like is data (``attributive_before`` and ``attributive_after`` of
``[clauses]`` in ``events.toml``); the participle's verb comes from the form
table of ``[open_verbs]``.

>>> from chronist.events.lexicon import load_lexicon
>>> from chronist.text.tokens import tokenize
>>> text = "Die Stadt kam an das im Jahr 1407 gegründete Sultanat Gujarat."
>>> start = text.index("Jahr")
>>> [(hit.lemma, label) for hit, _, label in attributive_events(
...     text, tokenize(text), [(start, start + 9)], load_lexicon("de"))]
[('gründen', 'Sultanat Gujarat gegründet')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chronist.events.lexicon import Form, Lexicon, TriggerEntry, TriggerKind
from chronist.events.trigger_hit import TriggerHit
from chronist.text.tokens import Token

__all__ = ["attributive_events"]

_INFLECTED = re.compile(r"(?P<stem>[a-zäöüß]+(?:t|en))(?:e|en|er|es|em)")
_NOUN_WORDS = 3  # words of the noun (and its name) after the participle in the label


def attributive_events(
    text: str, tokens: list[Token], dates: Sequence[tuple[int, int]], lexicon: Lexicon
) -> list[tuple[TriggerHit, tuple[int, int], str]]:
    """Each attributive participle of ``tokens`` with its own date: the trigger,
    the date's span and the label (``Sultanat Gujarat gegründet``)."""
    markers, verbs = lexicon.markers, lexicon.open_verbs
    before, after = markers.attributive_before, markers.attributive_after
    if before is None or after is None or verbs is None:
        return []
    found = []
    for start, end in dates:
        if before.search(text[max(0, start - 20) : start]) is None:
            continue
        if after.match(text[end : end + 60]) is None:
            continue
        first = next((i for i, t in enumerate(tokens) if t.start >= end), None)
        if first is None:
            continue
        for index in range(first, min(len(tokens), first + 5)):
            match = _INFLECTED.fullmatch(tokens[index].text)
            lemma = verbs.forms.get(match["stem"]) if match else None
            if match is None or lemma is None or lemma in verbs.not_events:
                continue
            entry = TriggerEntry(lemma, TriggerKind.VERB, verbs.type, Form.PARTICIPLE, past=True)
            token = tokens[index]
            hit = TriggerHit(index, entry, token.start, token.end, token.text)
            found.append((hit, (start, end), _label(tokens, first, index, match["stem"])))
            break
    return found


def _label(tokens: list[Token], first: int, index: int, stem: str) -> str:
    """The noun (after an adjective) and its name, the words before the
    participle, the participle: ``neue Verfassung in Kraft getreten``."""
    noun: list[str] = []
    for token in tokens[index + 1 : index + 1 + _NOUN_WORDS + 1]:
        if not token.is_word or (noun and not token.is_capitalised):
            break
        noun.append(token.text)
    between = [t.text for t in tokens[first:index] if t.is_word]
    return " ".join([*noun, *between, stem])
