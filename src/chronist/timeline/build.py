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

from chronist.entities.types import Entity
from chronist.errors import OptionError
from chronist.events.biography import header_events
from chronist.events.detect import EventMention, detect_events
from chronist.events.lexicon import load_lexicon
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


def _default_recognizer(document: Document) -> Sequence[Entity]:
    from chronist.entities import recognize

    return recognize(document)


def _same_event(first: Event, later: EventMention, later_time: EventTime) -> bool:
    if first.hypothetical != (not later.modality.happened):
        return False
    if later_time.source in (TimeSource.NARRATIVE, TimeSource.UNKNOWN):
        return later.noun and later.definite and later.bare
    if first.time.source is TimeSource.EXPLICIT and later_time.source is TimeSource.EXPLICIT:
        return first.time.value == later_time.value
    return False


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
    """One event per happening: a later mention of the same concept (``Mit dem
    Waffenstillstand``, ``das ursprüngliche UN-Mandat``) joins the first one
    when it brings no date of its own, or the same date."""
    events: list[Event] = []
    seen: list[dict[tuple[int, int], Evidence]] = []  # each event's mentions, by sentence
    by_concept: dict[str, int] = {}
    lexicon = load_lexicon(lang)
    by_group: dict[int, tuple[int, int]] = {}  # coreference group -> (event, sentence number)
    sentences = 0
    last_sentence: tuple[int, int] | None = None
    for mention, time, confidence in mentions:
        if mention.sentence != last_sentence:
            sentences, last_sentence = sentences + 1, mention.sentence
        known = by_concept.get(mention.concept.lower())
        group = lexicon.coreference.get(mention.concept)
        if known is None and group is not None and group in by_group:
            target, at = by_group[group]
            if sentences - at <= lexicon.coreference_reach:
                known = target  # "die Landung bei Incheon" ... "die Invasion"
        joins = known if known is not None and _same_event(events[known], mention, time) else None
        if mention.noun and group is not None:
            # the event this noun names: its concept's, else the one it joins, else its own
            own = by_concept.get(mention.concept.lower())
            named = own if own is not None else joins if joins is not None else len(events)
            by_group[group] = (named, sentences)
        if joins is not None:
            if mention.sentence not in seen[joins]:
                seen[joins][mention.sentence] = Evidence.of(text, *mention.sentence)
            continue
        evidence = Evidence.of(text, *mention.sentence)
        event = Event(
            id=f"e{len(events) + 1}",
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
        by_concept.setdefault(mention.concept.lower(), len(events))
        events.append(event)
        seen.append({mention.sentence: evidence})
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
    dater = Dater(document, timexes, references, markers)
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
