"""TimeML (TempEval-3 layout): TIMEX3 and EVENT inline in the text, exactly as given.

The one TimeML writer: ``chronist tag --format timeml`` (timexes) and
``chronist extract --format timeml`` (timexes, events, instances, links) both
write through :func:`to_timeml`, so both keep every TIMEX3 the tagger found.

The text between the tags is the input, character for character: unescaping
the markup gives the input back. ``&``, ``<`` and ``>`` are escaped, and so is
the carriage return (``&#13;``), which XML parsers would otherwise turn into a
line feed. Characters that XML 1.0 does not allow at all (C0 controls other
than tab, line feed and carriage return; lone surrogates; U+FFFE, U+FFFF) are
written as U+FFFD, one for one, so every offset stays valid; every legal text
round-trips exactly.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from chronist.events.model import Modality
from chronist.temporal.mention import Timex
from chronist.timeline.model import Event, TimeSource

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_TEXT_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}
_ATTR_ESCAPES = {**_TEXT_ESCAPES, '"': "&quot;", "\t": "&#9;", "\n": "&#10;"}
_TEXT_SPECIAL = re.compile("[&<>\r]")
_ATTR_SPECIAL = re.compile('[&<>\r"\t\n]')


@dataclass(frozen=True, slots=True)
class TimexTag:
    """A tag to write (TIMEX3 unless named otherwise): half-open code point offsets
    and attributes in order."""

    start: int
    end: int
    attrs: tuple[tuple[str, str], ...]
    name: str = "TIMEX3"


def escape_text(text: str) -> str:
    """XML character data for ``text`` (see the module docstring).

    >>> escape_text('a < b & "c"\\r\\n')
    'a &lt; b &amp; "c"&#13;\\n'
    """
    text = _ILLEGAL.sub("\ufffd", text)
    return _TEXT_SPECIAL.sub(lambda match: _TEXT_ESCAPES[match.group(0)], text)


def escape_attr(value: str) -> str:
    """An attribute value for double quotes.

    >>> escape_attr('say "hi"')
    'say &quot;hi&quot;'
    """
    value = _ILLEGAL.sub("\ufffd", value)
    return _ATTR_SPECIAL.sub(lambda match: _ATTR_ESCAPES[match.group(0)], value)


def timex_attrs(timex: Timex) -> tuple[tuple[str, str], ...]:
    """The TIMEX3 attributes of a :class:`Timex`, in TimeML order, absent ones left out.

    >>> from chronist.temporal.mention import Anchor, AnchorKind, TimexType
    >>> from chronist.temporal.values import Bounds
    >>> t = Timex("t1", 0, 4, "1950", TimexType.DATE, "1950", None, "1950",
    ...           Bounds.unknown(), "year", Anchor(AnchorKind.NONE))
    >>> timex_attrs(t)
    (('tid', 't1'), ('type', 'DATE'), ('value', '1950'), ('temporalFunction', 'false'))
    """
    candidates = (
        ("tid", timex.tid),
        ("type", timex.type.value),
        ("value", timex.value),
        ("mod", timex.mod.value if timex.mod else None),
        ("anchorTimeID", timex.anchor_tid),
        ("beginPoint", timex.begin_point),
        ("endPoint", timex.end_point),
        ("quant", timex.quant),
        ("freq", timex.freq),
        ("temporalFunction", "true" if timex.temporal_function else "false"),
    )
    return tuple((key, value) for key, value in candidates if value is not None)


def to_timeml(
    text: str,
    timexes: Sequence[Timex],
    *,
    doc_id: str = "",
    dct: str | None = None,
    events: Sequence[Event] = (),
) -> str:
    """A TempEval-3 TimeML document with the timexes (and events) inline in ``text``.

    Every TIMEX3 attribute the tagger gives is written (a range's non-consuming
    DURATION with its ``beginPoint``/``endPoint``, a set's ``quant``). Each event
    gets an ``EVENT`` around its trigger word, a ``MAKEINSTANCE``, and a ``TLINK``
    to the TIMEX3 its time comes from: ``IS_INCLUDED`` for a date in the clause or
    the narrative, ``BEFORE``/``AFTER`` for a time bounded on one side only. A
    trigger that overlaps a TIMEX3 is not tagged (TimeML tags do not nest).

    >>> from chronist.temporal.mention import Anchor, AnchorKind, TimexType
    >>> from chronist.temporal.values import Bounds
    >>> t = Timex("t1", 3, 7, "1950", TimexType.DATE, "1950", None, "1950",
    ...           Bounds.unknown(), "year", Anchor(AnchorKind.NONE))
    >>> xml = to_timeml("Im 1950 & so", [t], doc_id="d1")
    >>> '<TEXT>Im <TIMEX3 tid="t1" type="DATE" value="1950"' in xml
    True
    >>> xml.endswith('>1950</TIMEX3> &amp; so</TEXT></TimeML>\\n')
    True
    """
    tags = [TimexTag(t.start, t.end, timex_attrs(t)) for t in timexes]
    taken = [(t.start, t.end) for t in timexes if t.end > t.start]
    tagged: list[tuple[Event, int]] = []
    for event in events:
        start, end = event.trigger.start, event.trigger.end
        if start < end <= len(text) and all(end <= s or start >= e for s, e in taken):
            taken.append((start, end))
            tagged.append((event, len(tagged) + 1))
            attrs = (("eid", event.id), ("class", "OCCURRENCE"))
            tags.append(TimexTag(start, end, attrs, name="EVENT"))
    tids = {t.tid for t in timexes}
    links: list[str] = []
    for event, number in tagged:
        instance = [("eiid", f"ei{number}"), ("eventID", event.id)]
        instance += [("tense", "NONE"), ("aspect", "NONE")]
        instance.append(("polarity", _POLARITY.get(event.modality, "POS")))
        if event.modality in _MODALITY:
            instance.append(("modality", _MODALITY[event.modality]))
        links.append(f"<MAKEINSTANCE{_attrs(instance)}/>\n")
        if event.time.timex is not None and event.time.timex in tids:
            link = [("lid", f"l{sum(1 for x in links if x.startswith('<TLINK')) + 1}")]
            link += [("relType", _rel_type(event)), ("eventInstanceID", f"ei{number}")]
            link.append(("relatedToTime", event.time.timex))
            links.append(f"<TLINK{_attrs(link)}/>\n")
    return render_timeml(text, tags, doc_id=doc_id, dct=dct, after_text="".join(links))


_POLARITY = {Modality.NEGATED: "NEG"}
_MODALITY = {
    Modality.CONDITIONAL: "would",
    Modality.HYPOTHETICAL: "would",
    Modality.PLANNED: "should",
}


def _attrs(pairs: Sequence[tuple[str, str]]) -> str:
    return "".join(f' {key}="{escape_attr(value)}"' for key, value in pairs)


def _rel_type(event: Event) -> str:
    time = event.time
    if time.source is TimeSource.BOUNDED:
        bounds = time.bounds
        if bounds.earliest_begin is None and bounds.latest_end is not None:
            return "BEFORE"
        if bounds.latest_end is None and bounds.earliest_begin is not None:
            return "AFTER"
    return "IS_INCLUDED"


def render_timeml(
    text: str,
    tags: Sequence[TimexTag],
    *,
    doc_id: str = "",
    dct: str | None = None,
    after_text: str = "",
) -> str:
    """The TimeML document for ``text`` with ``tags`` (which must not overlap; a
    zero-width TIMEX3 is a non-consuming one) and ``after_text`` (instances and
    links) after the text.

    >>> render_timeml("x", [TimexTag(0, 1, (("tid", "t1"),))]).splitlines()[-1]
    '<TEXT><TIMEX3 tid="t1">x</TIMEX3></TEXT></TimeML>'
    """
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n']
    parts.append(f"<DOCID>{escape_text(doc_id)}</DOCID>\n")
    if dct is not None:
        parts.append(
            '<DCT><TIMEX3 tid="t0" type="DATE" value="'
            + escape_attr(dct)
            + '" temporalFunction="false" functionInDocument="CREATION_TIME">'
            + escape_text(dct)
            + "</TIMEX3></DCT>\n"
        )
    parts.append("<TEXT>")
    cursor = 0
    for tag in sorted(tags, key=lambda t: (t.start, t.end)):
        if tag.start < cursor or tag.end < tag.start or tag.end > len(text):
            raise ValueError(f"{tag.name} span {tag.start}-{tag.end} overlaps or leaves the text")
        parts.append(escape_text(text[cursor : tag.start]))
        parts.append(
            f"<{tag.name}{_attrs(tag.attrs)}>{escape_text(text[tag.start : tag.end])}</{tag.name}>"
        )
        cursor = tag.end
    parts.append(escape_text(text[cursor:]))
    if after_text:
        parts.append("</TEXT>\n" + after_text + "</TimeML>\n")
    else:
        parts.append("</TEXT></TimeML>\n")
    return "".join(parts)
