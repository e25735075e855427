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
from chronist.events.gapping import gapped_conjuncts, gapped_label
from chronist.events.heads import (
    argument,
    conjunct,
    coordinated_noun,
    frame_date,
    framing,
    light_alone,
    lone_generic,
    onset,
    open_verbs_kept,
    same_conjunct,
    tokens_of,
    waiting,
)
from chronist.events.labels import noun_label, verb_label
from chronist.events.lexicon import Lexicon, Markers, TriggerKind, load_lexicon
from chronist.events.mention import (
    Context,
    EventMention,
    dated_tokens,
    local,
    mention_of,
    own_date,
    within,
)
from chronist.events.modality import (
    negated_conjunct,
    noun_negated,
    segment_modality,
    sentence_modality,
)
from chronist.events.model import Modality
from chronist.events.reference import ReferenceMention
from chronist.events.trigger_hit import TriggerHit
from chronist.events.triggers import find_triggers
from chronist.text.clauses import Segment, SegmentKind, clause_facts, resumed, segments
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
    context = local(context, sentence)
    text, lexicon, markers = context.text, context.lexicon, context.lexicon.markers
    tokens = context.document.tokens_in(*sentence)
    if not tokens:
        return []
    facts = clause_facts(context.document.lang)
    pieces, aside = resumed(tokens, segments(tokens, facts), facts)
    dated = dated_tokens(tokens, context.dates)
    hits = find_triggers(text, tokens, lexicon, dated)
    if _heading(text, sentence, hits):
        return []
    verb_at = frozenset(h.index for h in hits if h.kind is not TriggerKind.NOUN) | _verb_forms(
        tokens, lexicon
    )
    context = replace(
        context, verb_starts=[h.start for h in hits if h.kind is not TriggerKind.NOUN]
    )
    forced = sentence_modality(tokens, markers)
    found: list[EventMention] = []
    antecedent: dict[int, int] = {}  # token index of an event noun -> index in found
    for number, segment in enumerate(pieces):
        if segment.kind in (SegmentKind.COMPARISON, SegmentKind.NEGATED):
            continue
        inside = [
            h
            for h in hits
            if segment.first <= h.index < segment.last
            and (segment.kind is SegmentKind.BACKGROUND or h.index not in aside)
        ]
        if _zu_complement(tokens, segment, inside, lexicon):
            # "versuchte, einen Friedensvertrag auszuhandeln": a goal, not a happening
            inside = [h for h in inside if h.kind is not TriggerKind.NOUN]
        previous = tokens[pieces[number - 1].first : segment.first] if number else []
        base = segment_modality(tokens, segment, previous, markers)
        negating = [h for h in inside if h.kind is TriggerKind.NEGATING]
        # "scheiterte (mit dem Putsch)": a failed attempt still happened
        failed = [h for h in negating if h.lemma in markers.failure_verbs]
        if len(failed) < len(negating):
            base = Modality.NEGATED
        verbs = open_verbs_kept(
            [h for h in inside if h.kind is TriggerKind.VERB], segment, tokens, markers, dated
        )
        # a deverbal noun found by its form is an event only with a date of its own,
        # or joined by "und" to an event noun that has one ("nach der Überführung der
        # Kronjuwelen nach Wien im Jahr 1783 und der Verlegung der Verwaltung")
        nouns: list[TriggerHit] = []
        shared: dict[int, tuple[int, int]] = {}  # noun index -> the date it shares
        partner: dict[int, int] = {}  # noun index -> the event noun it is joined to
        for h in inside:
            if h.kind is not TriggerKind.NOUN:
                continue
            joined = None
            if nouns and coordinated_noun(tokens, nouns[-1], h, markers):
                partner[h.index] = nouns[-1].index
                joined = own_date(text, nouns[-1], context.dates, context.verb_starts)
            if joined is not None:
                shared[h.index] = joined
            if (
                not h.entry.open
                or own_date(text, h, context.dates, context.verb_starts) is not None
                or joined
            ):
                nouns.append(h)
        told = [h for h in verbs if h.entry.open]  # what the clause says of its nouns
        # "Nach dem Tod X 1961 folgte ihm sein Sohn": a dated noun framing the
        # clause leaves the clause's verb its own event
        frames: dict[int, tuple[int, int]] = {}  # noun index -> its phrase, date included
        frame_dates: dict[int, tuple[int, int]] = {}  # noun index -> the phrase's date
        opened: dict[int, int] = {}  # noun index -> its framing preposition's index
        for noun in nouns:
            at = framing(tokens, noun, markers)
            if at is None and partner.get(noun.index) in frames:
                # "Nach der Belagerung und der Schlacht ... 1683": the second noun too
                at = opened[partner[noun.index]]
            own = frame_date(tokens, noun, context.dates, verb_at) if at is not None else None
            if at is not None and own is not None:
                frames[noun.index] = (tokens[at].start, own[1])
                frame_dates[noun.index] = own
                opened[noun.index] = at
        # "Der Tod Stalins ... änderte alles": the noun is the event, unless it is in
        # a prepositional phrase of a main clause ("zog ... mit der Unterstützung ...")
        main = segment.kind is SegmentKind.MAIN
        subjects = [
            h
            for h in nouns
            if h.index not in frames
            and not (main and framing(tokens, h, markers, markers.prepositions) is not None)
        ]
        if subjects and all(h.entry.open for h in verbs):
            verbs = []
        lights = [h for h in inside if h.kind is TriggerKind.LIGHT]
        earlier: set[int] = set()  # frame nouns told as happened before the clause's event
        clause_end = segment.end
        merged = False
        if segment.kind is SegmentKind.RELATIVE and number and segment.first >= 2:
            target = antecedent.get(segment.first - 2)
            # not a noun right after a bare preposition ("gab den Bau ... in Auftrag,
            # der 1460 vollendet wurde"): an idiom, the relative clause tells of another
            if target is not None and _idiom(tokens, segment.first - 2, markers):
                target = None
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
                and h.index not in frames
                and not within(h.start, h.end, [(r.start, r.end) for r in context.references])
                for h in inside
            )
            and not any(waiting(h, hits, pieces) for h in hits if h.index not in frames)
        ):
            heads = light_alone(tokens, lights, segment, context.lexicon, verb_at, dated)
        elif heads and not merged:
            # "verbannten ihn ... und setzten seinen Onkel ... ein": a light verb
            # alone in its conjunct, with no event noun there, tells its own event
            # (not "wurde", which may be the auxiliary of a participle further on, unless
            # that participle has an auxiliary of its own in another conjunct: "wurde
            # 1766 der erste Golfclub und 1768 wurde ... eröffnet")
            heads += [
                light
                for light in light_alone(tokens, lights, segment, context.lexicon, verb_at, dated)
                if (
                    light.text.lower() not in markers.passive
                    or any(
                        tokens[i].text.lower() in markers.passive
                        and not same_conjunct(tokens, segment, light.index, i, markers)
                        for i in range(segment.first, segment.last)
                    )
                )
                and not any(
                    same_conjunct(tokens, segment, light.index, h.index, markers)
                    for h in inside
                    if h.kind is not TriggerKind.LIGHT and h.index not in frames
                )
            ]
        for noun in nouns:
            own = (
                frame_dates.get(noun.index)
                or own_date(text, noun, context.dates, context.verb_starts)
                or shared.get(noun.index)
            )
            in_reference = within(
                noun.start, noun.end, [(r.start, r.end) for r in context.references]
            )
            has_date = any(segment.start <= s < clause_end for s, _ in context.dates)
            if in_reference and not (own or has_date):
                continue
            if own is None and not verbs and not lights and argument(tokens, noun, markers):
                continue
            if lone_generic(tokens, noun, own, [*lights, *told], markers):
                continue
            # "das Jahr seines Prozesses und Todes": told of both nouns
            beside = partner.get(noun.index)
            # a dated noun framing the clause is no head of it: the clause still
            # tells its own event ("Nach einem Aufruhr (1528) kam es zu Revolten")
            headless = not any(h.index not in frames for h in heads)
            if (
                own is not None
                or (headless and not merged)
                or any(h.index == beside for h in heads if h.kind is TriggerKind.NOUN)
            ):
                heads.append(noun)
            elif (
                verbs
                and not in_reference
                and framing(tokens, noun, markers, markers.before_frames) is not None
            ):
                # "Nach der Niederlage des Heeres starb Otto II. ...": the defeat too
                heads.append(noun)
                earlier.add(noun.index)
        if not heads and not merged and not nouns and not lights:
            start = onset(tokens, segment, lexicon, dated)
            heads = [start] if start is not None else []
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
                and not negated_conjunct(tokens, segment, hit.index, markers)
            ):
                modality = Modality.ASSERTED
            if hit.kind is TriggerKind.NOUN and noun_negated(tokens, hit.index, markers):
                modality = forced or Modality.NEGATED
            if hit.kind is TriggerKind.NOUN:
                antecedent[hit.index] = len(found)
            clause = (segment.start, end)
            # a verb's label leaves out the phrase of a noun framing it
            framed = tokens_of(tokens, frames) if hit.kind is not TriggerKind.NOUN else frozenset()
            # nor what a parenthesis sets into its clause (unless the event is in it)
            unlabelled = dated | framed | (aside if hit.index not in aside else frozenset())
            mention = mention_of(
                context, tokens, segment, hit, sentence, clause, modality, unlabelled, verb_at
            )
            mention = replace(mention, conjunct=conjunct(tokens, segment, hit.index, markers))
            if hit.index in frame_dates:
                mention = replace(mention, own_date=frame_dates[hit.index])
            if hit.index in earlier:
                mention = replace(mention, earlier=True)
            if failed and hit.kind is TriggerKind.NOUN:
                named = noun_label(tokens, hit, dated, markers)
                outcome = f"{named} {failed[0].text}"  # "Putsch scheiterte"
                mention = replace(mention, label=outcome if len(outcome) <= 60 else mention.label)
            found.append(replace(mention, bare=mention.noun and not (verbs or lights)))
            if hit.kind is not TriggerKind.NOUN and segment.kind is SegmentKind.MAIN:
                # "... unterzeichnet und am 14. Oktober 1809 der Friede": the verb again
                span = (segment.first, segment.last)
                # (a date in parentheses belongs to a list item, not to a gapped clause)
                gapped = gapped_conjuncts(tokens, span, hit, dated - aside, verb_at, markers)
                if gapped:  # the verb's own label without them
                    apart = unlabelled | {i for a, b in gapped for i in range(a - 1, b)}
                    alone = verb_label(tokens, hit, span, frozenset(apart), markers, verb_at)
                    found[-1] = replace(found[-1], label=alone)
                again = found[-1]
                for first, last in gapped:
                    where = (tokens[first].start, tokens[last - 1].end)
                    label = gapped_label(tokens, hit, (first, last), dated, markers)
                    found.append(replace(again, clause=where, conjunct=where, label=label))
    taken = {m.trigger.start for m in found}
    for hit, own, label in attributive_events(text, tokens, context.dates, lexicon):
        # "das im Jahr 1407 gegründete Sultanat": the participle's own event and date
        piece = next((p for p in pieces if p.first <= hit.index < p.last), None)
        if piece is None or hit.start in taken or piece.kind is SegmentKind.COMPARISON:
            continue
        modality = forced or segment_modality(tokens, piece, [], markers)
        clause = (piece.start, piece.end)
        mention = mention_of(
            context, tokens, piece, hit, sentence, clause, modality, dated, verb_at
        )
        found.append(replace(mention, label=label, own_date=own))
    return sorted(found, key=lambda m: m.trigger.start)


def _zu_complement(
    tokens: list[Token], segment: Segment, inside: list[TriggerHit], lexicon: Lexicon
) -> bool:
    """A segment that ends in a zu-infinitive that tells no event (``um ... zu
    erobern``, ``einen Friedensvertrag auszuhandeln``): a goal or complement."""
    open_verbs = lexicon.open_verbs
    words = [i for i in range(segment.first, segment.last) if tokens[i].is_word]
    if open_verbs is None or not words or any(h.kind is not TriggerKind.NOUN for h in inside):
        return False
    last = words[-1]
    lower, zu = tokens[last].text.lower(), lexicon.markers.zu
    if last > segment.first and tokens[last - 1].text == zu:
        return lower in open_verbs.infinitives
    at = lower.find(zu, 1)
    return at > 0 and lower[:at] + lower[at + len(zu) :] in open_verbs.infinitives


def _idiom(tokens: list[Token], index: int, markers: Markers) -> bool:
    """An event noun right after a preposition without an article (``in Auftrag``)."""
    before = tokens[index - 1].text.lower() if index else ""
    prepositions = markers.prepositions - markers.definite_contractions
    return before in prepositions


def _with_clause(mention: EventMention, start: int, end: int) -> EventMention:
    return replace(mention, clause=(start, end))


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
