"""One event mention: the record a clause head becomes, and how it is built.

:func:`mention_of` turns a trigger of a clause into an :class:`EventMention`
with its label (the noun's phrase, or the verb's clause when the noun alone
says nothing), participants, place and the date right after an event noun
(``Tod Stalins im März 1953``); :class:`Context` holds what every sentence of
a document is read against (its dates, named events and entity mentions).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from chronist.events.arguments import EntityMention, link_arguments
from chronist.events.heads import lone
from chronist.events.labels import noun_label, verb_label
from chronist.events.lexicon import Lexicon, TriggerKind
from chronist.events.model import Modality, Participant, Place, Trigger
from chronist.events.reference import ReferenceMention
from chronist.events.trigger_hit import TriggerHit
from chronist.text.clauses import Segment, SegmentKind
from chronist.text.document import Document
from chronist.text.tokens import Token

__all__ = ["Context", "EventMention", "dated_tokens", "local", "mention_of", "own_date", "within"]

# A date this close after an event noun belongs to it ("Tod Stalins im März 1953").
_OWN_DATE_DISTANCE = 40


@dataclass(frozen=True, slots=True)
class EventMention:
    """One statement of an event, before times are assigned and mentions merged."""

    trigger: Trigger
    type: str
    concept: str  # merge key: the noun (or the noun an idiom stands for)
    noun: bool
    definite: bool  # an event noun with a definite article: may refer back
    label: str
    modality: Modality
    sentence: tuple[int, int]
    clause: tuple[int, int]
    kind: SegmentKind
    own_date: tuple[int, int] | None
    in_reference: bool
    past: bool  # the trigger is a past-tense verb form
    bare: bool  # an event noun in a clause without any verb ("1920 Anhwei-Krieg:")
    participants: tuple[Participant, ...]
    place: Place | None
    by_form: bool = False  # an unlisted verb, found by its form alone: less certain
    # the conjunct of a coordination holding the trigger ("1348 ... besetzt | und
    # später ... eingegliedert"), where its own date is looked for first
    conjunct: tuple[int, int] | None = None
    # an event noun framing its clause after "nach" without a date of its own: it
    # happened before the clause's event, dated up to that event's date
    earlier: bool = False


def within(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def dated_tokens(tokens: list[Token], dates: Sequence[tuple[int, int]]) -> frozenset[int]:
    """Indices of the tokens that lie inside one of the (sorted) date spans."""
    starts = [start for start, _ in dates]
    inside = set()
    for index, token in enumerate(tokens):
        at = bisect_right(starts, token.start) - 1
        if at >= 0 and token.end <= dates[at][1]:
            inside.add(index)
    return frozenset(inside)


@dataclass(frozen=True, slots=True)
class Context:
    document: Document
    text: str
    lexicon: Lexicon
    dates: Sequence[tuple[int, int]]
    references: Sequence[ReferenceMention]
    entities: Sequence[EntityMention]
    date_starts: Sequence[int]
    reference_starts: Sequence[int] = ()
    verb_starts: Sequence[int] = ()  # the sentence's verb triggers (set per sentence)


def own_date(
    text: str,
    hit: TriggerHit,
    dates: Sequence[tuple[int, int]],
    verbs: Sequence[int] = (),
) -> tuple[int, int] | None:
    """The date right after an event noun (``Tod Stalins im März 1953``); not one
    after a verb of the clause (``Niederlage des Heeres starb Otto am 7. Dezember``:
    the clause's date), given the verbs' start offsets ``verbs``."""
    for start, end in dates:
        if any(hit.end <= verb < start for verb in verbs):
            continue
        gap = text[hit.end : start].rstrip()
        if gap.endswith("("):  # "Annexion Bosniens (1908)"
            gap = gap[:-1]
        if 0 <= start - hit.end <= _OWN_DATE_DISTANCE and not any(c in gap for c in ",;:()–"):
            return start, end
    return None


def local(context: Context, sentence: tuple[int, int]) -> Context:
    """The context cut down to one sentence's dates and names (they are sorted)."""
    start, end = sentence
    dates = context.dates[
        bisect_left(context.date_starts, start) : bisect_left(context.date_starts, end)
    ]
    references = context.references[
        bisect_left(context.reference_starts, start) : bisect_left(context.reference_starts, end)
    ]
    return replace(context, dates=dates, references=references, date_starts=[])


def mention_of(
    context: Context,
    tokens: list[Token],
    segment: Segment,
    hit: TriggerHit,
    sentence: tuple[int, int],
    clause: tuple[int, int],
    modality: Modality,
    dated: frozenset[int],
    verbs: frozenset[int] = frozenset(),
) -> EventMention:
    markers = context.lexicon.markers
    noun = hit.kind is TriggerKind.NOUN
    last = segment.last if hit.particle is None else max(segment.last, hit.particle + 1)
    label = (
        noun_label(tokens, hit, dated, markers)
        if noun
        else verb_label(tokens, hit, (segment.first, last), dated, markers, verbs)
    )
    if noun and lone(label, markers):
        # "Krieg", "Heirat" alone say nothing: the clause's words around it tell what of it
        label = verb_label(tokens, hit, (segment.first, last), dated, markers, verbs)
    if lone(label, markers):
        # alone in its segment ("..., ermordet", "Die Erlaubnis, ..., folgte"): the
        # sentence's words around it
        label = verb_label(tokens, hit, (0, len(tokens)), dated, markers)
    before = tokens[hit.index - 1].text.lower() if hit.index else ""
    particle_start = tokens[hit.particle].start if hit.particle is not None else None
    participants, place = link_arguments(
        context.text, tokens, hit, clause, context.entities, markers
    )
    assert hit.entry.type is not None
    return EventMention(
        trigger=Trigger(hit.text, hit.lemma, hit.start, hit.end, particle_start),
        type=hit.entry.type,
        concept=hit.concept,
        noun=noun,
        definite=noun and (before in markers.definite or before in markers.definite_contractions),
        label=label,
        modality=modality,
        sentence=sentence,
        clause=clause,
        kind=segment.kind,
        own_date=own_date(context.text, hit, context.dates, context.verb_starts) if noun else None,
        in_reference=within(hit.start, hit.end, [(r.start, r.end) for r in context.references]),
        past=hit.entry.past,
        bare=False,
        participants=participants,
        place=place,
        by_form=hit.entry.open,
    )
