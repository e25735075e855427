"""Event mentions of a text: one per clause head, with modality, label and arguments.

In each clause segment every full verb trigger is an event; a clause without
one is headed by its first event noun (``Die Erlaubnis ... folgte``). Nouns
beside a verb are its arguments (``forderte den Einsatz``), unless a date
follows them directly (``Tod Stalins im März 1953``). A relative clause on an
event noun describes that event (``Bombenkrieg, der ... bis 1953 ...
verwüstete``) and lends it its clause. Times are assigned later, by
:mod:`chronist.timeline.timing`.

>>> text = "Truman lehnte ab. Falls sie angegriffen würden, wäre dies ein Krieg gegen China."
>>> [(m.trigger.lemma, m.modality.value) for m in detect_events(text)]
[('ablehnen', 'asserted'), ('angreifen', 'conditional'), ('Krieg', 'conditional')]
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from chronist.entities.types import Entity
from chronist.events.arguments import EntityMention, entity_mentions, link_arguments
from chronist.events.labels import noun_label, verb_label
from chronist.events.lexicon import Form, Lexicon, Markers, TriggerKind, load_lexicon
from chronist.events.model import Modality, Participant, Place, Trigger
from chronist.events.reference import ReferenceMention
from chronist.events.triggers import TriggerHit, find_triggers
from chronist.text.clauses import Segment, SegmentKind, clause_facts, segments
from chronist.text.document import Document
from chronist.text.tokens import Token

__all__ = ["EventMention", "detect_events"]

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
        if word in markers.clause_negation and following not in markers.not_negating_after:
            return Modality.NEGATED
    if set(words) & markers.expected:
        return Modality.HYPOTHETICAL
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


def _negated_conjunct(tokens: list[Token], segment: Segment, index: int, markers: Markers) -> bool:
    """Whether a negation word stands in the conjunct of token ``index``: the
    words between the ``und``/``aber`` before it and the one after it
    (``konnte die Stadt nicht halten und zog ab``: ``abziehen`` is not negated)."""
    low, high = segment.first, segment.last
    for position in range(index - 1, segment.first - 1, -1):
        if tokens[position].text.lower() in markers.coordination:
            low = position + 1
            break
    for position in range(index + 1, segment.last):
        if tokens[position].text.lower() in markers.coordination:
            high = position
            break
    words = [t.text.lower() for t in tokens[low:high]]
    return any(
        word in markers.clause_negation
        and (words[at + 1] if at + 1 < len(words) else "") not in markers.not_negating_after
        for at, word in enumerate(words)
    )


def _noun_negated(tokens: list[Token], index: int, markers: Markers) -> bool:
    """``kein Atomwaffeneinsatz``: a negating determiner right before the event noun."""
    before = {t.text.lower() for t in tokens[max(0, index - 2) : index]}
    return bool(before & markers.noun_negation)


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


def _open_verbs_kept(
    verbs: list[TriggerHit],
    segment: Segment,
    tokens: list[Token],
    markers: Markers,
    dated: frozenset[int] = frozenset(),
) -> list[TriggerHit]:
    """A clause's listed verbs; in each conjunct of a main clause without one
    (``präsentierte ... und aktualisierte ...``), its first verb found by form
    alone (one event per conjunct). A relative clause with an unlisted verb
    describes rather than tells, unless it has a date of its own (``..., der
    1525 der Stadt zufiel``)."""
    listed = [h for h in verbs if not h.entry.open]
    own_date = any(segment.first <= i < segment.last for i in dated)
    if segment.kind is SegmentKind.RELATIVE and own_date:
        return listed or [h for h in verbs if h.entry.open][:1]
    if segment.kind is not SegmentKind.MAIN:
        return listed
    joins = [
        i
        for i in range(segment.first, segment.last)
        if tokens[i].text.lower() in markers.coordination
    ]

    def conjunct(index: int) -> int:
        return bisect_right(joins, index)

    taken = {conjunct(h.index) for h in listed}
    kept = list(listed)
    for hit in verbs:
        part = conjunct(hit.index)
        # beside another verb, not an infinitive-shaped form ("war Nordkorea überlegen")
        bare = bool(kept) and hit.entry.form is Form.PARTICIPLE and hit.particle is None
        if hit.entry.open and part not in taken and not bare:
            taken.add(part)
            kept.append(hit)
    return sorted(kept, key=lambda h: h.index)


def _light_alone(
    tokens: list[Token], lights: list[TriggerHit], segment: Segment, lexicon: Lexicon
) -> list[TriggerHit]:
    """A light verb in the past with no event noun in its clause tells the
    event itself: ``wurde Kenia unabhängig``, ``kamen die Juden``, ``begann das
    archaische Zeitalter`` (not the states of ``[open_verbs] not_events``, but
    ``becoming``: ``wurde`` without a participle is a change of state)."""
    open_verbs = lexicon.open_verbs
    if segment.kind is not SegmentKind.MAIN or open_verbs is None:
        return []
    if not any(t.is_capitalised for t in tokens[segment.first + 1 : segment.last]):
        return []  # nobody and nothing named: "Danach kam es."
    joins = [
        i
        for i in range(segment.first, segment.last)
        if tokens[i].text.lower() in lexicon.markers.coordination
    ]
    told: dict[int, TriggerHit] = {}  # one per conjunct: "wurde Kenia unabhängig und ..."
    for hit in lights:
        allowed = hit.lemma not in open_verbs.not_events or hit.lemma in open_verbs.becoming
        if hit.entry.past and hit.entry.form is Form.FINITE and allowed:
            event = replace(hit, entry=replace(hit.entry, type=open_verbs.type, open=True))
            told.setdefault(bisect_right(joins, hit.index), event)
    return list(told.values())


def _waiting(noun: TriggerHit, hits: list[TriggerHit], pieces: list[Segment]) -> bool:
    """A listed event noun that a light verb of another clause may tell of: in
    the same clause, or in one with no verb of its own (``Die Erlaubnis, ...,
    folgte``; not ``kam es zur Clubgründung, Kontinentaleuropa startete``)."""
    if noun.kind is not TriggerKind.NOUN or noun.entry.open:
        return False
    own = next((p for p in pieces if p.first <= noun.index < p.last), None)
    if own is None:
        return True
    return not any(h.kind is not TriggerKind.NOUN and own.first <= h.index < own.last for h in hits)


def _lone_generic(
    tokens: list[Token],
    noun: TriggerHit,
    own: tuple[int, int] | None,
    lights: list[TriggerHit],
    markers: Markers,
) -> bool:
    """A generic event noun (``Krieg``, ``Hilfe``) that the sentence says nothing
    more of: no date of its own, no light verb making it happen (``der Krieg
    begann``), no genitive or name after it (``Krieg gegen Serbien``)."""
    if noun.lemma not in markers.generic_nouns or own is not None or lights:
        return False
    following = tokens[noun.index + 1] if noun.index + 1 < len(tokens) else None
    return following is None or not (
        following.is_capitalised
        or following.text.lower() in markers.genitive_articles
        or following.text.lower() in markers.label_followers
    )


def _sentence_events(context: _Context, sentence: tuple[int, int]) -> list[EventMention]:
    context = _local(context, sentence)
    text, lexicon, markers = context.text, context.lexicon, context.lexicon.markers
    tokens = context.document.tokens_in(*sentence)
    if not tokens:
        return []
    pieces = segments(tokens, clause_facts(context.document.lang))
    dated = _dated_tokens(tokens, context.dates)
    hits = find_triggers(text, tokens, lexicon, dated)
    if _heading(text, sentence, hits):
        return []
    verb_at = frozenset(h.index for h in hits if h.kind is not TriggerKind.NOUN) | _verb_forms(
        tokens, lexicon
    )
    forced = _sentence_modality(tokens, markers)
    found: list[EventMention] = []
    antecedent: dict[int, int] = {}  # token index of an event noun -> index in found
    for number, segment in enumerate(pieces):
        if segment.kind in (SegmentKind.COMPARISON, SegmentKind.NEGATED):
            continue
        inside = [h for h in hits if segment.first <= h.index < segment.last]
        previous = tokens[pieces[number - 1].first : segment.first] if number else []
        base = _segment_modality(tokens, segment, previous, markers)
        negating = [h for h in inside if h.kind is TriggerKind.NEGATING]
        # "scheiterte (mit dem Putsch)": a failed attempt still happened
        failed = [h for h in negating if h.lemma in markers.failure_verbs]
        if len(failed) < len(negating):
            base = Modality.NEGATED
        verbs = _open_verbs_kept(
            [h for h in inside if h.kind is TriggerKind.VERB], segment, tokens, markers, dated
        )
        # a deverbal noun found by its form is an event only with a date of its own
        nouns = [
            h
            for h in inside
            if h.kind is TriggerKind.NOUN
            and (not h.entry.open or _own_date(text, h, context.dates) is not None)
        ]
        told = [h for h in verbs if h.entry.open]  # what the clause says of its nouns
        if nouns and all(h.entry.open for h in verbs):
            verbs = []  # "Der Tod Stalins ... änderte alles": the noun is the event
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
        if (
            not heads
            and not merged
            and not any(
                h.kind is TriggerKind.NOUN
                and not h.entry.open
                and not _inside(h.start, h.end, [(r.start, r.end) for r in context.references])
                for h in inside
            )
            and not any(_waiting(h, hits, pieces) for h in hits)
        ):
            heads = _light_alone(tokens, lights, segment, context.lexicon)
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
            if _lone_generic(tokens, noun, own, [*lights, *told], markers):
                continue
            if own is not None or (not heads and not merged):
                heads.append(noun)
        for hit in sorted(heads, key=lambda h: h.index):
            end = clause_end
            if hit.particle is not None:
                end = max(end, tokens[hit.particle].end)
            modality = forced or base
            # "nicht" negates the verb of its own conjunct only
            if (
                modality is Modality.NEGATED
                and not negating
                and segment.kind is SegmentKind.MAIN
                and not _negated_conjunct(tokens, segment, hit.index, markers)
            ):
                modality = Modality.ASSERTED
            if hit.kind is TriggerKind.NOUN and _noun_negated(tokens, hit.index, markers):
                modality = forced or Modality.NEGATED
            if hit.kind is TriggerKind.NOUN:
                antecedent[hit.index] = len(found)
            clause = (segment.start, end)
            mention = _mention(
                context, tokens, segment, hit, sentence, clause, modality, dated, verb_at
            )
            mention = replace(mention, conjunct=_conjunct(tokens, segment, hit.index, markers))
            if failed and hit.kind is TriggerKind.NOUN:
                named = noun_label(tokens, hit, dated, markers)
                outcome = f"{named} {failed[0].text}"  # "Putsch scheiterte"
                mention = replace(mention, label=outcome if len(outcome) <= 60 else mention.label)
            found.append(replace(mention, bare=mention.noun and not (verbs or lights)))
    return found


def _lone(label: str, markers: Markers) -> bool:
    """A label of one word, perhaps after an article (``Die Erlaubnis``)."""
    words = label.split()
    while len(words) > 1 and words[0].lower() in markers.definite | markers.indefinite:
        words = words[1:]
    return len(words) <= 1


def _conjunct(
    tokens: list[Token], segment: Segment, index: int, markers: Markers
) -> tuple[int, int] | None:
    """The offsets of the conjunct of token ``index``: between the ``und``/``aber``
    before and after it in its clause (``None`` when the clause has none)."""
    joins = [
        i
        for i in range(segment.first, segment.last)
        if tokens[i].text.lower() in markers.coordination
    ]
    if not joins:
        return None
    at = bisect_right(joins, index)
    low = joins[at - 1] + 1 if at else segment.first
    high = joins[at] if at < len(joins) else segment.last
    if low >= high:
        return None
    return tokens[low].start, tokens[high - 1].end


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
    if noun and _lone(label, markers):
        # "Krieg", "Heirat" alone say nothing: the clause's words around it tell what of it
        label = verb_label(tokens, hit, (segment.first, last), dated, markers, verbs)
    if _lone(label, markers):
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
        own_date=_own_date(context.text, hit, context.dates) if noun else None,
        in_reference=_inside(hit.start, hit.end, [(r.start, r.end) for r in context.references]),
        past=hit.entry.past,
        bare=False,
        participants=participants,
        place=place,
        by_form=hit.entry.open,
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
