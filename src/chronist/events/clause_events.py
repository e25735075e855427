"""The events of one clause segment (:func:`segment_events`) of a sentence read once
(:class:`SentenceState`): its triggers and modality, its event nouns and the dated
nouns framing it, a relative clause merged into the noun it describes, the heads,
and one mention per head (:func:`_emit`)."""

from __future__ import annotations

from dataclasses import replace

from chronist.events.clause_state import Clause, Frames, Nouns, SentenceState
from chronist.events.gapping import comma_conjuncts, gapped_conjuncts, gapped_label
from chronist.events.heads import (
    argument,
    conjunct,
    coordinated_noun,
    frame_date,
    framing,
    idiom,
    light_alone,
    lone_generic,
    onset,
    open_verbs_kept,
    same_conjunct,
    tokens_of,
    waiting,
    zu_complement,
)
from chronist.events.labels import noun_label, verb_label
from chronist.events.lexicon import TriggerKind
from chronist.events.listed import listed_events, used_for
from chronist.events.mention import mention_of, own_date, within
from chronist.events.modality import (
    habitual,
    negated_conjunct,
    noun_negated,
    segment_modality,
)
from chronist.events.model import Modality
from chronist.events.trigger_hit import TriggerHit
from chronist.text.clauses import Segment, SegmentKind
from chronist.text.tokens import Token

__all__ = ["SentenceState", "segment_events"]


def segment_events(state: SentenceState, number: int) -> None:
    """Add the events of the sentence's ``number``-th segment to ``state.found``."""
    segment = state.pieces[number]
    if segment.kind is SegmentKind.NEGATED:
        return
    opening = state.tokens[segment.first].text.lower()
    if segment.first > 0 and opening in state.markers.manner_openers:
        return  # "..., indem er sie hinaustragen ließ": how the main clause's event went
    if habitual(state.tokens, segment, state.markers):
        return  # "wird jährlich mit einer Feier begangen": a habit
    clause = _clause(state, number, segment)
    heads = _heads(state, clause)
    open_verbs = state.lexicon.open_verbs
    if not heads and clause.failed and segment.kind is SegmentKind.MAIN and open_verbs:
        # "scheiterte der Versuch, ...": with no event noun to fail, the failure happened
        failure = clause.failed[0]
        entry = replace(failure.entry, kind=TriggerKind.VERB, type=open_verbs.type)
        heads = [replace(failure, entry=entry)]
    if segment.kind is SegmentKind.COMPARISON:
        # "wie eine Vermessung im Oktober 1991 ergab": an event noun with a date, told
        # in the past (not "wie die Überlieferung des 6. Jahrhunderts nahelegt")
        context, words = state.context, range(segment.first, segment.last)
        past = any(state.tokens[i].text.lower() in state.markers.past for i in words) or any(
            h.index in words and h.kind is not TriggerKind.NOUN and h.entry.past for h in state.hits
        )
        heads = [
            h
            for h in clause.nouns.hits
            if past and own_date(context.text, h, context.dates, context.verb_starts) is not None
        ]
    for hit in sorted(heads, key=lambda h: h.index):
        _emit(state, clause, hit)


def _inside(state: SentenceState, segment: Segment) -> list[TriggerHit]:
    """The segment's triggers (not those set into a main clause: they are their own)."""
    # a segment set into a clause (a relative clause between commas) tells its own events
    hole = all(i in state.aside for i in range(segment.first, segment.last))
    inside = [
        h
        for h in state.hits
        if segment.first <= h.index < segment.last
        and (segment.kind is SegmentKind.BACKGROUND or h.index not in state.aside or hole)
    ]
    if zu_complement(state.tokens, segment, inside, state.lexicon):
        # "versuchte, einen Friedensvertrag auszuhandeln": a goal, not a happening
        inside = [h for h in inside if h.kind is not TriggerKind.NOUN]
    return inside


def _clause(state: SentenceState, number: int, segment: Segment) -> Clause:
    tokens, markers = state.tokens, state.markers
    inside = _inside(state, segment)
    previous = tokens[state.pieces[number - 1].first : segment.first] if number else []
    base = segment_modality(tokens, segment, previous, markers, state.aside)
    negating = [h for h in inside if h.kind is TriggerKind.NEGATING]
    # "scheiterte (mit dem Putsch)": a failed attempt still happened
    failed = [h for h in negating if h.lemma in markers.failure_verbs]
    if len(failed) < len(negating):
        base = Modality.NEGATED
    verbs = open_verbs_kept(
        [h for h in inside if h.kind is TriggerKind.VERB], segment, tokens, markers, state.dated
    )
    nouns = _event_nouns(state, inside)
    frames = _frames(state, nouns)
    clause = Clause(
        number, segment, inside, base, negating, failed, verbs,
        [h for h in verbs if h.entry.open],
        [h for h in inside if h.kind is TriggerKind.LIGHT], nouns, frames,
    )  # fmt: skip
    if _subject_nouns(state, clause) and all(h.entry.open for h in verbs):
        clause.verbs = []
    if _merged_relative(state, clause):
        clause.verbs = []
        clause.merged = True
    return clause


def _event_nouns(state: SentenceState, inside: list[TriggerHit]) -> Nouns:
    """A deverbal noun found by its form is an event only with a date of its own,
    or joined by "und" to an event noun that has one ("nach der Überführung der
    Kronjuwelen nach Wien im Jahr 1783 und der Verlegung der Verwaltung")."""
    context, tokens = state.context, state.tokens
    nouns = Nouns([], {}, {})
    for h in inside:
        if h.kind is not TriggerKind.NOUN or _truncated(tokens, h.index):
            continue  # "für Bau-, Stadt- und Raumforschung": part of a compound
        joined = None
        if nouns.hits and coordinated_noun(tokens, nouns.hits[-1], h, state.markers):
            nouns.partner[h.index] = nouns.hits[-1].index
            joined = own_date(context.text, nouns.hits[-1], context.dates, context.verb_starts)
        if joined is not None:
            nouns.shared[h.index] = joined
        if (
            not h.entry.open
            or own_date(context.text, h, context.dates, context.verb_starts) is not None
            or joined
        ):
            nouns.hits.append(h)
    return nouns


def _truncated(tokens: list[Token], index: int) -> bool:
    """A word with a hyphen right after it is the first part of a compound told once
    for two (``Bau-, Stadt- und Raumforschung``), no noun of its own."""
    after = tokens[index + 1] if index + 1 < len(tokens) else None
    return after is not None and after.text == "-" and after.start == tokens[index].end


def _frames(state: SentenceState, nouns: Nouns) -> Frames:
    """ "Nach dem Tod X 1961 folgte ihm sein Sohn": a dated noun framing the
    clause leaves the clause's verb its own event."""
    tokens, markers = state.tokens, state.markers
    frames = Frames()
    for noun in nouns.hits:
        at = framing(tokens, noun, markers)
        if at is None and nouns.partner.get(noun.index) in frames.phrases:
            # "Nach der Belagerung und der Schlacht ... 1683": the second noun too
            at = frames.opened[nouns.partner[noun.index]]
        own = (
            frame_date(tokens, noun, state.context.dates, state.verb_at) if at is not None else None
        )
        if at is not None and own is not None:
            frames.phrases[noun.index] = (tokens[at].start, own[1])
            frames.dates[noun.index] = own
            frames.opened[noun.index] = at
    return frames


def _subject_nouns(state: SentenceState, clause: Clause) -> list[TriggerHit]:
    """ "Der Tod Stalins ... änderte alles": the noun is the event, unless it is in
    a prepositional phrase of a main clause ("zog ... mit der Unterstützung ...")."""
    main = clause.segment.kind is SegmentKind.MAIN
    markers = state.markers
    return [
        h
        for h in clause.nouns.hits
        if h.index not in clause.frames.phrases
        and not (main and framing(state.tokens, h, markers, markers.prepositions) is not None)
    ]


def _merged_relative(state: SentenceState, clause: Clause) -> bool:
    """A relative clause on an event noun describes that event and lends it its
    clause (``Bombenkrieg, der ... bis 1953 ... verwüstete``)."""
    segment = clause.segment
    if not (segment.kind is SegmentKind.RELATIVE and clause.number and segment.first >= 2):
        return False
    target = state.antecedent.get(segment.first - 2)
    # not a noun right after a bare preposition ("gab den Bau ... in Auftrag,
    # der 1460 vollendet wurde"): an idiom, the relative clause tells of another
    if target is not None and idiom(state.tokens, segment.first - 2, state.markers):
        target = None
    if target is None:
        return False
    owner = state.found[target]
    state.found[target] = replace(owner, clause=(owner.clause[0], segment.end))
    return True


def _heads(state: SentenceState, clause: Clause) -> list[TriggerHit]:
    """The triggers that head the clause's events: its verbs, light verbs alone in
    their conjunct, event nouns, or else the onset of a verb the lexicon lacks."""
    heads: list[TriggerHit] = list(clause.verbs)
    if not heads and not clause.merged and not _noun_heads_it(state, clause):
        heads = _lights_alone(state, clause)
    elif heads and not clause.merged:
        heads += _lights_beside(state, clause)
    _add_noun_heads(state, clause, heads)
    if not heads and not clause.merged and not clause.nouns.hits and not clause.lights:
        start = onset(state.tokens, clause.segment, state.lexicon, state.dated)
        heads = [start] if start is not None else []
    return heads


def _noun_heads_it(state: SentenceState, clause: Clause) -> bool:
    """An event noun of the lexicon heads the clause, or a noun waits for a verb
    in a later segment: no light verb alone then."""
    references = [(r.start, r.end) for r in state.context.references]
    frames = clause.frames.phrases
    return any(
        h.kind is TriggerKind.NOUN
        and not h.entry.open
        and h.index not in frames
        and not within(h.start, h.end, references)
        for h in clause.inside
    ) or any(waiting(h, state.hits, state.pieces) for h in state.hits if h.index not in frames)


def _lights_alone(state: SentenceState, clause: Clause) -> list[TriggerHit]:
    s = state
    return light_alone(s.tokens, clause.lights, clause.segment, s.lexicon, s.verb_at, s.dated)


def _lights_beside(state: SentenceState, clause: Clause) -> list[TriggerHit]:
    """ "verbannten ihn ... und setzten seinen Onkel ... ein": a light verb alone
    in its conjunct, with no event noun there, tells its own event (not "wurde",
    which may be the auxiliary of a participle further on, unless that participle
    has an auxiliary of its own in another conjunct: "wurde 1766 der erste
    Golfclub und 1768 wurde ... eröffnet")."""
    tokens, segment, markers = state.tokens, clause.segment, state.markers

    def own_conjunct(light: TriggerHit) -> bool:
        if light.text.lower() in markers.passive and not any(
            tokens[i].text.lower() in markers.passive
            and not same_conjunct(tokens, segment, light.index, i, markers)
            for i in range(segment.first, segment.last)
        ):
            return False
        return not any(
            same_conjunct(tokens, segment, light.index, h.index, markers)
            for h in clause.inside
            if h.kind is not TriggerKind.LIGHT and h.index not in clause.frames.phrases
        )

    return [light for light in _lights_alone(state, clause) if own_conjunct(light)]


def _add_noun_heads(state: SentenceState, clause: Clause, heads: list[TriggerHit]) -> None:
    """Add the event nouns that head events of their own to ``heads``."""
    context, tokens, markers = state.context, state.tokens, state.markers
    segment, nouns, frames = clause.segment, clause.nouns, clause.frames
    references = [(r.start, r.end) for r in context.references]
    for noun in nouns.hits:
        own = (
            frames.dates.get(noun.index)
            or own_date(context.text, noun, context.dates, context.verb_starts)
            or nouns.shared.get(noun.index)
        )
        in_reference = within(noun.start, noun.end, references)
        has_date = any(segment.start <= s < segment.end for s, _ in context.dates)
        if in_reference and not (own or has_date):
            continue
        if (
            own is None
            and not clause.verbs
            and not clause.lights
            and argument(tokens, noun, markers)
            and not used_for(state, segment)
        ):
            continue
        if lone_generic(tokens, noun, own, [*clause.lights, *clause.told], markers):
            continue
        # "das Jahr seines Prozesses und Todes": told of both nouns
        beside = nouns.partner.get(noun.index)
        # a dated noun framing the clause is no head of it: the clause still
        # tells its own event ("Nach einem Aufruhr (1528) kam es zu Revolten")
        headless = not any(h.index not in frames.phrases for h in heads)
        if (
            own is not None
            or (headless and not clause.merged)
            or any(h.index == beside for h in heads if h.kind is TriggerKind.NOUN)
        ):
            heads.append(noun)
        elif (
            clause.verbs
            and not in_reference
            and framing(tokens, noun, markers, markers.before_frames) is not None
            # "Nach dem Krieg heiratete er": a generic noun with nothing said of it
            # only dates the clause (not "Nach seinem Tod": whose death is said)
            and not (
                lone_generic(tokens, noun, own, [], markers)
                and tokens[noun.index - 1].text.lower() in markers.definite
            )
        ):
            # "Nach der Niederlage des Heeres starb Otto II. ...": the defeat too
            heads.append(noun)
            clause.earlier.add(noun.index)


def _modality(state: SentenceState, clause: Clause, hit: TriggerHit) -> Modality:
    modality = state.forced or clause.base
    # "nicht" negates the verb of its own conjunct only
    if (
        modality is Modality.NEGATED
        and not clause.negating
        and clause.segment.kind is SegmentKind.MAIN
        and not negated_conjunct(state.tokens, clause.segment, hit.index, state.markers)
    ):
        modality = Modality.ASSERTED
    if hit.kind is TriggerKind.NOUN and noun_negated(state.tokens, hit.index, state.markers):
        modality = state.forced or Modality.NEGATED
    return modality


def _emit(state: SentenceState, clause: Clause, hit: TriggerHit) -> None:
    """The mention of one head (and of the conjuncts its verb is gapped into)."""
    tokens, segment, frames = state.tokens, clause.segment, clause.frames
    end = segment.end
    if hit.particle is not None:
        end = max(end, tokens[hit.particle].end)
    modality = _modality(state, clause, hit)
    if hit.kind is TriggerKind.NOUN:
        state.antecedent[hit.index] = len(state.found)
    # a verb's label leaves out the phrase of a noun framing it
    framed = tokens_of(tokens, frames.phrases) if hit.kind is not TriggerKind.NOUN else frozenset()
    # nor what a parenthesis sets into its clause (unless the event is in it)
    aside = state.aside if hit.index not in state.aside else frozenset()
    unlabelled = state.dated | framed | aside
    mention = mention_of(
        state.context, tokens, segment, hit, state.sentence, (segment.start, end), modality,
        unlabelled, state.verb_at,
    )  # fmt: skip
    mention = replace(mention, conjunct=conjunct(tokens, segment, hit.index, state.markers))
    if hit.index in frames.dates:
        mention = replace(mention, own_date=frames.dates[hit.index])
    if hit.index in clause.earlier:
        mention = replace(mention, earlier=True)
    if clause.failed and hit.kind is TriggerKind.NOUN:
        named = noun_label(tokens, hit, state.dated, state.markers)
        outcome = f"{named} {clause.failed[0].text}"  # "Putsch scheiterte"
        mention = replace(mention, label=outcome if len(outcome) <= 60 else mention.label)
    state.found.append(replace(mention, bare=mention.noun and not (clause.verbs or clause.lights)))
    if hit.kind is not TriggerKind.NOUN and segment.kind is SegmentKind.MAIN:
        _gapped(state, clause.number, hit, unlabelled)
    if hit.kind is TriggerKind.NOUN:
        listed_events(state, clause, hit)


def _gapped(state: SentenceState, number: int, hit: TriggerHit, unlabelled: frozenset[int]) -> None:
    """ "... unterzeichnet und am 14. Oktober 1809 der Friede" (or ", am 14. Oktober
    1809 der Friede"): the verb again, for each conjunct with its own date and
    participant but no verb."""
    tokens, markers, segment = state.tokens, state.markers, state.pieces[number]
    span = (segment.first, segment.last)
    # (a date in parentheses belongs to a list item, not to a gapped clause)
    gapped = gapped_conjuncts(tokens, span, hit, state.dated - state.aside, state.verb_at, markers)
    if gapped:  # the verb's own label without them
        apart = unlabelled | {i for a, b in gapped for i in range(a - 1, b)}
        alone = verb_label(tokens, hit, span, frozenset(apart), markers, state.verb_at)
        state.found[-1] = replace(state.found[-1], label=alone)
    again = state.found[-1]
    for first, last in gapped:
        where = (tokens[first].start, tokens[last - 1].end)
        label = gapped_label(tokens, hit, (first, last), state.dated, markers)
        state.found.append(replace(again, clause=where, conjunct=where, label=label))
    dated = state.dated - state.aside
    for (first, last), named in comma_conjuncts(
        tokens, state.pieces, number, hit, dated, state.verb_at, markers
    ):
        where = (tokens[first].start, tokens[last - 1].end)
        label = gapped_label(tokens, hit, named, state.dated, markers)
        state.found.append(replace(again, clause=where, conjunct=where, label=label))
