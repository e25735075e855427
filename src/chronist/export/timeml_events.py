"""TimeML with events: TIMEX3, EVENT, MAKEINSTANCE and TLINK (TempEval-3 layout).

Extends :mod:`chronist.export.timeml` (TIMEX3 only) with the events of a
timeline: an ``EVENT`` around each event's trigger word, a ``MAKEINSTANCE``
per event, and a ``TLINK`` from the event instance to the TIMEX3 its time
comes from. The text between the tags is the input, character for character
(same escaping as :mod:`chronist.export.timeml`). A trigger that overlaps a
TIMEX3 is not tagged (TimeML tags do not nest), and nor is its link.

Link types come from how the time was inferred: ``IS_INCLUDED`` for a date in
the clause or the narrative, ``BEFORE``/``AFTER`` for a time bounded only on
one side (``bis 1953``, ``nach 1953``).
"""

from __future__ import annotations

from chronist.export.timeml import escape_attr, escape_text
from chronist.export.view import EventView, TimelineView, as_view

__all__ = ["to_timeml_events"]

_POLARITY = {"negated": "NEG"}
_MODALITY = {"conditional": "would", "hypothetical": "would", "planned": "should"}
_CLASS = {"reported": "OCCURRENCE"}


def _attrs(pairs: list[tuple[str, str]]) -> str:
    return "".join(f' {key}="{escape_attr(value)}"' for key, value in pairs)


def _rel_type(event: EventView) -> str:
    time = event.time
    if time.source == "bounded":
        if time.earliest_begin is None and time.latest_end is not None:
            return "BEFORE"
        if time.latest_end is None and time.earliest_begin is not None:
            return "AFTER"
    return "IS_INCLUDED"


def _tags(view: TimelineView) -> list[tuple[int, int, str, str, str]]:
    """(start, end, open tag, name, id) for every TIMEX3 and every EVENT that fits."""
    tags: list[tuple[int, int, str, str, str]] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken) and 0 <= start < end

    for timex in sorted(view.timexes, key=lambda t: (t.start, -t.end)):
        if free(timex.start, timex.end) and timex.end <= len(view.document.text):
            taken.append((timex.start, timex.end))
            tag = f"<TIMEX3{_attrs(list(timex.attrs))}>"
            tags.append((timex.start, timex.end, tag, "TIMEX3", timex.tid))
    for event in view.events:
        start, end = event.trigger_start, event.trigger_end
        if start is None or end is None or not free(start, end):
            continue
        taken.append((start, end))
        attrs = [("eid", event.id), ("class", _CLASS.get(event.modality, "OCCURRENCE"))]
        tags.append((start, end, f"<EVENT{_attrs(attrs)}>", "EVENT", event.id))
    return sorted(tags)


def to_timeml_events(timeline: object) -> str:
    """A TimeML document with TIMEX3, EVENT, MAKEINSTANCE and TLINK.

    >>> from chronist.web.sample import sample_timeline
    >>> xml = to_timeml_events(sample_timeline())
    >>> '<EVENT eid="e1" class="OCCURRENCE">ermordet</EVENT>' in xml
    True
    >>> '<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>' in xml
    True
    """
    view = as_view(timeline)
    text = view.document.text
    tags = _tags(view)
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n']
    parts.append(f"<DOCID>{escape_text(view.document.id)}</DOCID>\n")
    if view.document.dct:
        dct = view.document.dct
        parts.append(
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{escape_attr(dct)}" temporalFunction="false"'
            f' functionInDocument="CREATION_TIME">{escape_text(dct)}</TIMEX3></DCT>\n'
        )
    parts.append("<TEXT>")
    cursor = 0
    for start, end, open_tag, name, _ in tags:
        parts.append(escape_text(text[cursor:start]))
        parts.append(f"{open_tag}{escape_text(text[start:end])}</{name}>")
        cursor = end
    parts.append(escape_text(text[cursor:]))
    parts.append("</TEXT>\n")
    tagged_events = {tag_id for *_, name, tag_id in tags if name == "EVENT"}
    tids = {tag_id for *_, name, tag_id in tags if name == "TIMEX3"}
    links = 0
    for number, event in enumerate(view.events, start=1):
        if event.id not in tagged_events:
            continue
        instance = [("eiid", f"ei{number}"), ("eventID", event.id)]
        instance += [("tense", "NONE"), ("aspect", "NONE")]
        instance.append(("polarity", _POLARITY.get(event.modality, "POS")))
        if event.modality in _MODALITY:
            instance.append(("modality", _MODALITY[event.modality]))
        parts.append(f"<MAKEINSTANCE{_attrs(instance)}/>\n")
        if event.time.tid in tids and event.time.tid is not None:
            links += 1
            link = [("lid", f"l{links}"), ("relType", _rel_type(event))]
            link += [("eventInstanceID", f"ei{number}"), ("relatedToTime", event.time.tid)]
            parts.append(f"<TLINK{_attrs(link)}/>\n")
    parts.append("</TimeML>\n")
    return "".join(parts)
