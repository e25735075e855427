"""Event mentions of a text: one per clause head, with modality, label and arguments.

In each clause segment every full verb trigger is an event; a clause without
one is headed by its first event noun (``Die Erlaubnis ... folgte``). Nouns
beside a verb are its arguments (``forderte den Einsatz``), unless a date
follows them directly (``Tod Stalins im März 1953``). A relative clause on an
event noun describes that event (``Bombenkrieg, der ... bis 1953 ...
verwüstete``) and lends it its clause. Times are assigned later, by
:mod:`chronist.timeline.timing`.

>>> text = "Truman lehnte die Pläne ab. Falls sie angegriffen würden, wäre dies ein Krieg."
>>> [(m.trigger.lemma, m.modality.value) for m in detect_events(text)]
[('ablehnen', 'asserted'), ('angreifen', 'conditional'), ('Krieg', 'conditional')]
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from chronist.entities.types import Entity
from chronist.events.arguments import EntityMention, entity_mentions, link_arguments
from chronist.events.clauses import Segment, SegmentKind, segments
from chronist.events.lexicon import Lexicon, Markers, TriggerKind, load_lexicon
from chronist.events.model import Modality, Participant, Place, Trigger
from chronist.events.reference import ReferenceMention
from chronist.events.triggers import TriggerHit, find_triggers
from chronist.text.document import Document
from chronist.text.tokens import Token

__all__ = ["EventMention", "detect_events"]

# A date this close after an event noun belongs to it ("Tod Stalins im März 1953").
_OWN_DATE_DISTANCE = 40
_LABEL_WORDS = 10


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


def _sentence_modality(tokens: list[Token], markers: Markers) -> Modality | None:
    words = {t.text.lower() for t in tokens}
    if words & markers.conditional:
        return Modality.CONDITIONAL
    if words & markers.hypothetical:
        return Modality.HYPOTHETICAL
    return None


def _segment_modality(
    tokens: list[Token], segment: Segment, previous: list[Token], markers: Markers
) -> Modality:
    words = [t.text.lower() for t in tokens[segment.first : segment.last]]
    if segment.kind is SegmentKind.NEGATED:
        return Modality.NEGATED
    for position, word in enumerate(words):
        following = words[position + 1] if position + 1 < len(words) else ""
        if word in ("nicht", "nie", "niemals") and following not in markers.not_negating_after:
            return Modality.NEGATED
    if set(words) & markers.reported and set(words) & markers.reported_with:
        return Modality.REPORTED
    if set(words) & markers.planned:
        return Modality.PLANNED
    if (
        words
        and words[0] == "dass"
        and {t.text.lower() for t in previous} & {w.lower() for w in markers.opinion}
    ):
        return Modality.HYPOTHETICAL
    return Modality.ASSERTED


def _noun_negated(tokens: list[Token], index: int, markers: Markers) -> bool:
    before = [t.text.lower() for t in tokens[max(0, index - 2) : index]]
    return any(w.startswith("kein") for w in before) and bool(set(before) & markers.negated)


def _inside(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _dated_tokens(tokens: list[Token], dates: Sequence[tuple[int, int]]) -> frozenset[int]:
    """Indices of the tokens that lie inside one of the (sorted) date spans."""
    starts = [start for start, _ in dates]
    inside = set()
    for index, token in enumerate(tokens):
        at = bisect_right(starts, token.start) - 1
        if at >= 0 and token.end <= dates[at][1]:
            inside.add(index)
    return frozenset(inside)


def _word(tokens: list[Token], index: int) -> str:
    """A label word: the token, with the dot that directly follows it when the
    sentence goes on ("6." of "der 6. Infanteriedivision")."""
    token = tokens[index]
    after = index + 1
    if (
        after + 1 < len(tokens)
        and tokens[after].text == "."
        and tokens[after].start == token.end
        and token.text[:1].isdigit()
    ):
        return token.text + "."
    return token.text


def _noun_label(
    tokens: list[Token], hit: TriggerHit, dated: frozenset[int], markers: Markers
) -> str:
    words = [hit.text]
    for index in range(hit.index + 1, min(len(tokens), hit.index + 6)):
        token = tokens[index]
        if not token.is_word or index in dated:
            break
        lower = token.text.lower()
        if lower in markers.label_followers or token.is_capitalised or words[-1].lower() in (
            "des", "der", "eines", "einer", "dem", "den", "die",
        ):  # fmt: skip
            words.append(token.text)
        else:
            break
    while len(words) > 1 and words[-1].lower() in markers.label_followers:
        words.pop()
    return " ".join(words)


def _verb_label(
    tokens: list[Token],
    hit: TriggerHit,
    span: tuple[int, int],
    dated: frozenset[int],
    markers: Markers,
) -> str:
    first, last = (
        max(span[0], hit.index - 3 * _LABEL_WORDS),
        min(span[1], hit.index + 3 * _LABEL_WORDS),
    )
    kept = [i for i in range(first, last) if tokens[i].is_word and i not in dated]
    kept = [
        i
        for i in kept
        if not (
            tokens[i].text.lower() in markers.date_introducers
            and _introduces_date(tokens, i + 1, dated, markers)
        )
    ]
    while kept and tokens[kept[0]].text.lower() in markers.leading_noise and kept[0] != hit.index:
        kept.pop(0)
    if hit.index in kept and len(kept) > _LABEL_WORDS:
        at = kept.index(hit.index)
        window = kept[max(0, at - 3) : max(0, at - 3) + _LABEL_WORDS]
        if hit.particle is not None and hit.particle not in window:
            window.append(hit.particle)
        kept = window
    words = [_word(tokens, i) for i in kept]
    return " ".join(words).strip('"„“”»« ') or hit.text


def _introduces_date(
    tokens: list[Token], index: int, dated: frozenset[int], markers: Markers
) -> bool:
    for position in range(index, min(len(tokens), index + 3)):
        if position in dated:
            return True
        if tokens[position].text.lower() not in markers.date_introducers:
            return False
    return False


@dataclass(frozen=True, slots=True)
class _Context:
    document: Document
    text: str
    lexicon: Lexicon
    dates: Sequence[tuple[int, int]]
    references: Sequence[ReferenceMention]
    entities: Sequence[EntityMention]
    date_starts: Sequence[int]
    reference_starts: Sequence[int] = ()


def _own_date(
    text: str, hit: TriggerHit, dates: Sequence[tuple[int, int]]
) -> tuple[int, int] | None:
    for start, end in dates:
        gap = text[hit.end : start].rstrip()
        if gap.endswith("("):  # "Annexion Bosniens (1908)"
            gap = gap[:-1]
        if 0 <= start - hit.end <= _OWN_DATE_DISTANCE and not any(c in gap for c in ",;:()–"):
            return start, end
    return None


def _local(context: _Context, sentence: tuple[int, int]) -> _Context:
    """The context cut down to one sentence's dates and names (they are sorted)."""
    start, end = sentence
    dates = context.dates[
        bisect_left(context.date_starts, start) : bisect_left(context.date_starts, end)
    ]
    references = context.references[
        bisect_left(context.reference_starts, start) : bisect_left(context.reference_starts, end)
    ]
    return replace(context, dates=dates, references=references, date_starts=[])


def _heading(text: str, sentence: tuple[int, int], hits: list[TriggerHit]) -> bool:
    """A title or heading: no closing punctuation and no verb."""
    closed = text[sentence[0] : sentence[1]].rstrip()[-1:] in '.!?:;"“”»«)'
    return not closed and all(h.kind is TriggerKind.NOUN for h in hits)


def _argument(tokens: list[Token], noun: TriggerHit, markers: Markers) -> bool:
    """An event noun as the goal or topic of something else (``für einen Krieg``,
    ``zur Verteidigung``), not a statement that it happened."""
    before = [t.text.lower() for t in tokens[max(0, noun.index - 3) : noun.index]]
    return any(word in markers.argument_prepositions for word in before)


def _sentence_events(context: _Context, sentence: tuple[int, int]) -> list[EventMention]:
    context = _local(context, sentence)
    text, lexicon, markers = context.text, context.lexicon, context.lexicon.markers
    tokens = context.document.tokens_in(*sentence)
    if not tokens:
        return []
    pieces = segments(text, tokens, markers)
    hits = find_triggers(text, tokens, lexicon)
    if _heading(text, sentence, hits):
        return []
    dated = _dated_tokens(tokens, context.dates)
    forced = _sentence_modality(tokens, markers)
    found: list[EventMention] = []
    antecedent: dict[int, int] = {}  # token index of an event noun -> index in found
    for number, segment in enumerate(pieces):
        if segment.kind in (SegmentKind.COMPARISON, SegmentKind.NEGATED):
            continue
        inside = [h for h in hits if segment.first <= h.index < segment.last]
        previous = tokens[pieces[number - 1].first : segment.first] if number else []
        base = _segment_modality(tokens, segment, previous, markers)
        if any(h.kind is TriggerKind.NEGATING for h in inside):
            base = Modality.NEGATED
        verbs = [h for h in inside if h.kind is TriggerKind.VERB]
        nouns = [h for h in inside if h.kind is TriggerKind.NOUN]
        lights = [h for h in inside if h.kind is TriggerKind.LIGHT]
        clause_end = segment.end
        merged = False
        if segment.kind is SegmentKind.RELATIVE and number and segment.first >= 2:
            target = antecedent.get(segment.first - 2)
            if target is not None:
                owner = found[target]
                found[target] = _with_clause(owner, owner.clause[0], segment.end)
                verbs = []
                merged = True
        heads: list[TriggerHit] = list(verbs)
        for noun in nouns:
            own = _own_date(text, noun, context.dates)
            in_reference = _inside(
                noun.start, noun.end, [(r.start, r.end) for r in context.references]
            )
            has_date = any(segment.start <= s < clause_end for s, _ in context.dates)
            if in_reference and not (own or has_date):
                continue
            if own is None and not verbs and not lights and _argument(tokens, noun, markers):
                continue
            if own is not None or (not heads and not merged):
                heads.append(noun)
        for hit in sorted(heads, key=lambda h: h.index):
            end = clause_end
            if hit.particle is not None:
                end = max(end, tokens[hit.particle].end)
            modality = forced or base
            if hit.kind is TriggerKind.NOUN and _noun_negated(tokens, hit.index, markers):
                modality = forced or Modality.NEGATED
            if hit.kind is TriggerKind.NOUN:
                antecedent[hit.index] = len(found)
            mention = _mention(
                context, tokens, segment, hit, sentence, (segment.start, end), modality, dated
            )
            found.append(replace(mention, bare=mention.noun and not (verbs or lights)))
    return found


def _with_clause(mention: EventMention, start: int, end: int) -> EventMention:
    return replace(mention, clause=(start, end))


def _mention(
    context: _Context,
    tokens: list[Token],
    segment: Segment,
    hit: TriggerHit,
    sentence: tuple[int, int],
    clause: tuple[int, int],
    modality: Modality,
    dated: frozenset[int],
) -> EventMention:
    markers = context.lexicon.markers
    noun = hit.kind is TriggerKind.NOUN
    last = segment.last if hit.particle is None else max(segment.last, hit.particle + 1)
    label = (
        _noun_label(tokens, hit, dated, markers)
        if noun
        else _verb_label(tokens, hit, (segment.first, last), dated, markers)
    )
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
        definite=noun and (before in markers.definite or before in ("zum", "zur", "beim", "vom")),
        label=label,
        modality=modality,
        sentence=sentence,
        clause=clause,
        kind=segment.kind,
        own_date=_own_date(context.text, hit, context.dates) if noun else None,
        in_reference=_inside(hit.start, hit.end, [(r.start, r.end) for r in context.references]),
        past=hit.entry.past,
        bare=False,
        participants=participants,
        place=place,
    )


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
    context = _Context(
        document, document.text, load_lexicon(document.lang), ordered, named,
        entity_mentions(entities), [start for start, _ in ordered],
        [reference.start for reference in named],
    )  # fmt: skip
    found: list[EventMention] = []
    for sentence in document.lines:
        found.extend(_sentence_events(context, sentence))
    return found
