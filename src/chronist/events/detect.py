"""Event mentions of a text: one per clause head, with modality, label and arguments.

In each clause segment every full verb trigger is an event; a clause without
one is headed by its first event noun (``Die Erlaubnis ... folgte``). Nouns
beside a verb are its arguments (``forderte den Einsatz``), unless a date
follows them directly (``Tod Stalins im März 1953``). A relative clause on an
event noun describes that event (``Bombenkrieg, der ... bis 1953 ...
verwüstete``) and lends it its clause. A dated event noun in a framing phrase
(``Nach dem Tod Muhammads V. 1961 folgte ihm sein Sohn``) leaves the clause's
verb an event of its own; a conjunct without a verb but with its own date and
participant repeats the verb (:mod:`chronist.events.gapping`); a clause a
parenthesis interrupts is one clause. Times are assigned later, by
:mod:`chronist.timeline.timing`.

>>> text = "Truman lehnte ab. Falls sie angegriffen würden, wäre dies ein Krieg gegen China."
>>> [(m.trigger.lemma, m.modality.value) for m in detect_events(text)]
[('ablehnen', 'asserted'), ('angreifen', 'conditional'), ('Krieg', 'conditional')]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from chronist.entities.types import Entity
from chronist.events.arguments import entity_mentions
from chronist.events.attributive import attributive_events
from chronist.events.clause_events import SentenceState, segment_events
from chronist.events.lexicon import Lexicon, TriggerKind, load_lexicon
from chronist.events.mention import Context, EventMention, dated_tokens, local, mention_of
from chronist.events.modality import segment_modality, sentence_modality
from chronist.events.reference import ReferenceMention
from chronist.events.trigger_hit import TriggerHit
from chronist.events.triggers import find_triggers
from chronist.text.clauses import SegmentKind, clause_facts, resumed, segments
from chronist.text.document import Document
from chronist.text.tokens import Token

__all__ = ["EventMention", "detect_events"]


def _verb_forms(tokens: list[Token], lexicon: Lexicon) -> frozenset[int]:
    """Indices of lower-case words that are verb forms, events or not (``halten``):
    they mark where one verb phrase of a coordination ends."""
    open_verbs = lexicon.open_verbs
    if open_verbs is None:
        return frozenset()
    return frozenset(
        i
        for i, t in enumerate(tokens)
        if t.is_word
        and not t.is_capitalised
        and (t.text in open_verbs.forms or t.text in open_verbs.infinitives)
    )


def _heading(text: str, sentence: tuple[int, int], hits: list[TriggerHit]) -> bool:
    """A title or heading: no closing punctuation and no verb."""
    closed = text[sentence[0] : sentence[1]].rstrip()[-1:] in '.!?:;"“”»«)'
    return not closed and all(h.kind is TriggerKind.NOUN for h in hits)


def _sentence_events(context: Context, sentence: tuple[int, int]) -> list[EventMention]:
    state = _sentence_state(local(context, sentence), sentence)
    if state is None:
        return []
    for number in range(len(state.pieces)):
        segment_events(state, number)
    _add_attributive(state)
    return sorted(state.found, key=lambda m: m.trigger.start)


def _sentence_state(context: Context, sentence: tuple[int, int]) -> SentenceState | None:
    """The sentence's tokens, clause segments, dates and triggers; None for an
    empty sentence or a heading."""
    text, lexicon = context.text, context.lexicon
    tokens = context.document.tokens_in(*sentence)
    if not tokens:
        return None
    facts = clause_facts(context.document.lang)
    pieces, aside = resumed(tokens, segments(tokens, facts), facts)
    dated = dated_tokens(tokens, context.dates)
    hits = find_triggers(text, tokens, lexicon, dated)
    if _heading(text, sentence, hits):
        return None
    verbs = [h for h in hits if h.kind is not TriggerKind.NOUN]
    verb_at = frozenset(h.index for h in verbs) | _verb_forms(tokens, lexicon)
    context = replace(context, verb_starts=[h.start for h in verbs])
    forced = sentence_modality(tokens, lexicon.markers)
    return SentenceState(context, sentence, tokens, pieces, aside, dated, hits, verb_at, forced)


def _add_attributive(state: SentenceState) -> None:
    """ "das im Jahr 1407 gegründete Sultanat": the participle's own event and date."""
    context, tokens, markers = state.context, state.tokens, state.markers
    taken = {m.trigger.start for m in state.found}
    for hit, own, label in attributive_events(context.text, tokens, context.dates, state.lexicon):
        piece = next((p for p in state.pieces if p.first <= hit.index < p.last), None)
        if piece is None or hit.start in taken or piece.kind is SegmentKind.COMPARISON:
            continue
        modality = state.forced or segment_modality(tokens, piece, [], markers)
        clause = (piece.start, piece.end)
        mention = mention_of(
            context, tokens, piece, hit, state.sentence, clause, modality, state.dated,
            state.verb_at,
        )  # fmt: skip
        state.found.append(replace(mention, label=label, own_date=own))


def detect_events(
    document: Document | str,
    dates: Sequence[tuple[int, int]] = (),
    entities: Sequence[Entity] = (),
    references: Sequence[ReferenceMention] = (),
) -> list[EventMention]:
    """Every event mention of the document (or of a German text) in text order.

    ``dates`` are the spans of usable temporal expressions (they are kept out
    of labels and tie a date to the noun before it); ``entities`` give the
    participants and places; ``references`` the names of known historical
    events (a bare mention of one, without a date, is not an event).
    """
    if isinstance(document, str):
        document = Document(document)
    ordered = sorted(dates)
    named = sorted(references, key=lambda reference: reference.start)
    context = Context(
        document, document.text, load_lexicon(document.lang), ordered, named,
        entity_mentions(entities), [start for start, _ in ordered],
        [reference.start for reference in named],
    )  # fmt: skip
    found: list[EventMention] = []
    for sentence in document.lines:
        found.extend(_sentence_events(context, sentence))
    return found
