"""Which verb a separated particle belongs to (``wanderten ... in das Land ein``).

A particle closes its clause and belongs to the verb of that clause: not to a verb
in a clause a subordinating word or relative pronoun opened (there the particle is
joined to its verb), not across a semicolon, and not past a comma or ``und`` and
another finite verb of a main clause, which takes it.

>>> from chronist.events.lexicon import load_lexicon
>>> from chronist.text.tokens import tokenize
>>> markers = load_lexicon("de").markers
>>> tokens = tokenize("Katharina rückte nach Peterhof, wo Peter sich aufhielt, vor.")
>>> [closing_particle(tokens, i, frozenset({"vor"}), markers.coordination, markers=markers)
...  for i in (1, 8)]
[10, None]
"""

from __future__ import annotations

from collections.abc import Container

from chronist.events.markers import Markers
from chronist.text.tokens import Token

__all__ = ["CLAUSE_END", "CONJUNCT_END", "closing_particle"]

CLAUSE_END = frozenset(',.;:!?)–—"“”»«')
CONJUNCT_END = frozenset(",.;:!?()–—")
# A separated particle stands this many tokens after its verb at most.
_PARTICLE_REACH = 60


def closing_particle(
    tokens: list[Token],
    index: int,
    particles: frozenset[str],
    coordination: frozenset[str],
    verb_forms: Container[str] = frozenset(),
    markers: Markers | None = None,
) -> int | None:
    """The first later token that is one of ``particles`` (a separated particle) and
    closes its clause: followed by punctuation, a coordination or the sentence end.
    Not past a coordination and a finite verb of ``verb_forms``: the particle of
    ``verbannten ... und setzten ... ein`` is the second verb's; nor past a comma and
    a verb form that goes on (``flüchtete nach Kronstadt, kehrte ... zurück``), nor past
    a semicolon, nor inside parentheses. A verb in a clause a subordinating word or a
    relative pronoun opened
    (``..., wo Peter sich aufhielt, vor``) has none: its particle is joined to it."""
    if markers is not None and _in_verb_final_clause(tokens, index, markers):
        return None
    joined = False
    depth = 0  # inside parentheses opened after the verb: not its clause
    for position in range(index + 1, min(len(tokens), index + _PARTICLE_REACH)):
        text = tokens[position].text
        if text == ";":
            return None
        depth = max(0, depth + (text == "(") - (text == ")"))
        if text.lower() in coordination or text == ",":
            joined = True
        elif joined and _claims(tokens, position, verb_forms, markers):
            return None
        if text not in particles or depth:
            continue
        following = tokens[position + 1] if position + 1 < len(tokens) else None
        if (
            following is None
            or following.text in CLAUSE_END
            or following.text == "("  # "ging in Flammen auf (...)"
            or following.text.lower() in coordination
        ):
            return position
    return None


def _claims(
    tokens: list[Token], index: int, verb_forms: Container[str], markers: Markers | None
) -> bool:
    """Whether token ``index`` is a finite verb of a clause of its own that a particle
    after it belongs to (``..., kehrte ... zurück``; ``..., war ... frei``), not a verb
    ending a subordinate clause (``..., wo Peter sich aufhielt, vor``)."""
    word = tokens[index].text
    finite = markers is not None and (
        word.lower() in markers.copula or word.lower() in markers.passive
    )
    if word not in verb_forms and not finite:
        return False
    return markers is None or not _in_verb_final_clause(tokens, index, markers)


def _in_verb_final_clause(tokens: list[Token], index: int, markers: Markers) -> bool:
    """Whether the verb at ``index`` stands in a clause opened after a comma by one of
    the verb-final openers (``indem sie ein Kreuz küsste,``, ``nachdem der König
    gestorben war,``), perhaps behind ``und``; an article before a noun opens none."""
    openers = markers.verb_final_openers
    at = index - 1
    while at >= 0 and tokens[at].text not in CONJUNCT_END:
        at -= 1
    if at < 0:
        return False  # the sentence's first clause: a main clause or its own opener
    first = at + 1
    if first < index and tokens[first].text.lower() == "und":
        first += 1
    if first >= index or tokens[first].text.lower() not in openers:
        return False
    word = tokens[first].text.lower()
    return not (word in markers.openers_also_articles and tokens[first + 1].is_capitalised)
