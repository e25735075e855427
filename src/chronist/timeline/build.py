"""Text to :class:`~chronist.timeline.model.Timeline`: tag, recognise, detect, date, merge, order.

>>> timeline = build_timeline(
...     "Am 15. September 1950 landeten die Truppen bei Incheon. Danach rückten sie vor.",
...     recognizer=lambda document: [],
... )
>>> [(e.trigger.lemma, e.time.edtf, e.time.source.value) for e in timeline.events]
[('landen', '1950-09-15', 'explicit'), ('vorrücken', '1950-09-15/1950', 'narrative')]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from chronist.entities.types import Entity, EntityType
from chronist.errors import OptionError
from chronist.events.biography import header_events
from chronist.events.detect import EventMention, detect_events
from chronist.events.lexicon import load_lexicon
from chronist.events.model import Participant, Place
from chronist.events.reference import ReferenceTable, load_reference
from chronist.temporal.grammar import load_grammar
from chronist.temporal.tagger import tagging
from chronist.text.document import Document, check_dct
from chronist.timeline.collector import collector_paused
from chronist.timeline.model import (
    AnchorUse,
    Event,
    EventTime,
    Evidence,
    Modality,
    Timeline,
    TimeSource,
    order_key,
)
from chronist.timeline.timing import Dater, flag_implausible, usable

__all__ = ["Recognizer", "annotate", "build_timeline", "merge_mentions"]

Recognizer = Callable[[Document], Sequence[Entity]]

_BY_FORM = 0.85  # detection confidence of an unlisted verb found by its form
# A repeated event noun (``der Waffenstillstand`` again) refers back this many times
# as far as another noun of its group (``[coreference]`` reach): the same word is
# the stronger cue.
REPEAT_REACH = 2


def _default_recognizer(document: Document) -> Sequence[Entity]:
    from chronist.entities import recognize

    return recognize(document)


def _undated(time: EventTime) -> bool:
    return time.source in (TimeSource.NARRATIVE, TimeSource.UNKNOWN)


def _refers_back(first: Event, later: EventMention, later_time: EventTime) -> bool:
    """A later mention without a date of its own names the event ``first``: a
    definite event noun in a clause without a verb (``Mit dem Waffenstillstand``)."""
    if first.hypothetical != (not later.modality.happened):
        return False
    return _undated(later_time) and later.noun and later.definite and later.bare


def _names_others(first: Event, later: EventMention) -> bool:
    """The later mention names participants or a place, none of them the first's
    (``die Besetzung Tennessees`` after ``die Besetzung Paducahs``): another happening.

    Recognised entities compare by entity, the rest by their words.
    """
    mine = _named(later.participants, later.place)
    return bool(mine) and not mine & _named(first.participants, first.place)


def _names_shared(first: Event, later: EventMention) -> bool:
    return bool(_named(later.participants, later.place) & _named(first.participants, first.place))


def _within_a_month(time: EventTime) -> bool:
    """A stated day or month (a year says too little to tell one happening from another)."""
    low, high = time.bounds.earliest_begin, time.bounds.latest_end
    return low is not None and high is not None and (low.year, low.month) == (high.year, high.month)


def _named(participants: Sequence[Participant], place: Place | None) -> set[int | str]:
    found: list[Participant | Place] = [*participants, *([] if place is None else [place])]
    return {p.text.lower() if p.entity is None else p.entity for p in found}


def _drop_bare_nouns(
    dated: Sequence[tuple[EventMention, EventTime, float]],
) -> list[tuple[EventMention, EventTime, float]]:
    """A verbless event noun dated by the same expression as a verb event of its
    sentence names that event ("1920 Anhwei-Krieg: Chili besiegen Anhwei")."""
    verbs = {
        (m.sentence, t.timex, m.modality.happened) for m, t, _ in dated if not m.noun and t.timex
    }
    return [
        (m, t, c)
        for m, t, c in dated
        if not (m.bare and t.timex and (m.sentence, t.timex, m.modality.happened) in verbs)
    ]


def merge_mentions(
    text: str, mentions: Sequence[tuple[EventMention, EventTime, float]], lang: str = "de"
) -> list[Event]:
    """One event per happening: a later mention joins an earlier event of the same
    concept when it states the same date, or when it brings no date of its own
    and refers back (:func:`_refers_back`: ``Mit dem Waffenstillstand``,
    ``das ursprüngliche UN-Mandat``) to the last event of its concept told at
    most :data:`REPEAT_REACH` times ``reach`` sentences before (with events), or
    of its noun group (``[coreference]``: ``die Landung bei Incheon`` ... ``die
    Invasion``) at most ``reach`` sentences before. A mention naming other
    participants or another place never joins (:func:`_names_others`).
    """
    events: list[Event] = []
    seen: list[dict[tuple[int, int], Evidence]] = []  # each event's mentions, by sentence
    lexicon = load_lexicon(lang)
    latest: dict[str, int] = {}  # concept -> the last event it named
    dated: dict[tuple[str, str | None], int] = {}  # (concept, explicit value) -> event
    by_group: dict[int, int] = {}  # coreference group -> the last event a noun of it named
    told: list[int] = []  # each event's last sentence (numbered among those with events)
    reach = lexicon.coreference_reach
    sentences = 0
    last_sentence: tuple[int, int] | None = None
    for mention, time, confidence in mentions:
        if mention.sentence != last_sentence:
            sentences, last_sentence = sentences + 1, mention.sentence
        concept = mention.concept.lower()
        group = lexicon.coreference.get(mention.concept)
        joins: int | None = None
        if _undated(time):
            earlier = [
                (latest.get(concept), REPEAT_REACH * reach),
                (by_group.get(group) if group is not None else None, reach),
            ]
            joins = next(
                (
                    known
                    for known, limit in earlier
                    if known is not None
                    and sentences - told[known] <= limit
                    and _refers_back(events[known], mention, time)
                ),
                None,
            )
        elif time.source is TimeSource.EXPLICIT:
            joins = dated.get((concept, time.value))
            if joins is not None and not (
                _within_a_month(time) or _names_shared(events[joins], mention)
            ):
                joins = None  # "1905 wurde Norwegen ..." and "1905 wurde ... vergeben"
            near = by_group.get(group) if group is not None else None
            if joins is None and near is not None and sentences - told[near] <= reach:
                first = events[near].time
                same = first.source is TimeSource.EXPLICIT and first.value == time.value
                joins = near if same else None
            if joins is not None and events[joins].hypothetical != (not mention.modality.happened):
                joins = None
        if joins is not None and (
            (mention.sentence in seen[joins] and not mention.noun)
            or _names_others(events[joins], mention)
        ):
            joins = None  # a second verb of its sentence tells a second happening
        if joins is None:
            evidence = Evidence.of(text, *mention.sentence)
            joins = len(events)
            events.append(
                Event(
                    id=f"e{joins + 1}",
                    label=mention.label,
                    type=mention.type,
                    trigger=mention.trigger,
                    participants=mention.participants,
                    place=mention.place,
                    time=time,
                    confidence=round(
                        confidence
                        * (1.0 if mention.modality is Modality.ASSERTED else 0.8)
                        * (_BY_FORM if mention.by_form else 1.0),
                        3,
                    ),
                    modality=mention.modality,
                    evidence=evidence,
                    mentions=(evidence,),
                )
            )
            seen.append({mention.sentence: evidence})
            told.append(sentences)
            if time.source is TimeSource.EXPLICIT:
                dated.setdefault((concept, time.value), joins)
        elif mention.sentence not in seen[joins]:
            seen[joins][mention.sentence] = Evidence.of(text, *mention.sentence)
        told[joins] = sentences
        latest[concept] = joins
        if mention.noun and group is not None:
            by_group[group] = joins
    return [
        replace(event, mentions=tuple(found.values())) if len(found) > 1 else event
        for event, found in zip(events, seen, strict=True)
    ]


def build_timeline(
    text: str,
    lang: str = "de",
    kind: str = "auto",
    dct: str | date | None = None,
    source: str | None = None,
    recognizer: Recognizer | None = None,
    reference: ReferenceTable | None = None,
) -> Timeline:
    """The timeline of ``text``: every event with its time, people, place and evidence.

    ``recognizer`` finds entities in the document (default
    :func:`chronist.entities.recognize`); ``reference`` is the table of named
    historical events (default: the shipped one plus ``$CHRONIST_REFERENCE_EVENTS``).
    """
    return annotate(Document(text, lang, kind, check_dct(dct), source), recognizer, reference)


def annotate(
    document: Document,
    recognizer: Recognizer | None = None,
    reference: ReferenceTable | None = None,
) -> Timeline:
    """Run every pass over one document: dates, entities, events, then the timeline.

    Each pass reads the document's paragraphs, sentences and tokens, split once,
    and what the passes before it found.
    """
    with collector_paused():
        return _annotate(document, recognizer, reference)


def _annotate(
    document: Document,
    recognizer: Recognizer | None,
    reference: ReferenceTable | None,
) -> Timeline:
    lang = document.lang
    load_grammar(lang)  # an unknown language is said as such
    try:
        markers = load_lexicon(lang).markers
    except OptionError:
        raise OptionError(
            f"timelines (events and entities) are not available for {lang!r} yet, only its "
            f"dates: 'chronist tag --lang {lang}' finds and normalises them"
        ) from None
    tagged = tagging(document)
    timexes = tuple(tagged.timexes)
    document = tagged.document
    document.add_layer("timexes", timexes)  # entity recognition skips them and reads eras
    table = reference if reference is not None else load_reference()
    references = table.find(document.text, lang)
    found = (recognizer or _default_recognizer)(document) if document.text.strip() else ()
    entities = tuple(found)
    dates = [(t.start, t.end) for t in timexes if usable(t)]
    mentions = sorted(
        [*detect_events(document, dates, entities, references), *header_events(document, dates)],
        key=lambda m: m.trigger.start,
    )
    people = [(m.start, m.end) for e in entities if e.type is EntityType.PER for m in e.mentions]
    dater = Dater(document, timexes, references, markers, people)
    dated = flag_implausible([timed for m in mentions for timed in dater.times_of(m)], dater.span)
    events = sorted(merge_mentions(document.text, _drop_bare_nouns(dated), lang), key=order_key)
    anchors = tuple(
        AnchorUse(
            r.event.id,
            r.event.names[0],
            r.start,
            r.end,
            r.text,
            r.event.bounds,
            r.event.edtf,
            r.event.source,
        )
        for r in references
    )
    return Timeline(document, tuple(events), entities, timexes, anchors)
