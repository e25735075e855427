"""W3C Web Annotation JSON-LD: one annotation per fact, anchored by both selectors.

The result is an ``AnnotationCollection`` whose one page holds an
``Annotation`` for every event (``motivation: "describing"``, bodies with the
label, the event type and the EDTF date), every temporal expression
(``"tagging"``, body the TIMEX3 value and EDTF) and every entity mention
(``"identifying"``, body the entity's name, type and GeoNames IRI for places).
Each target is the document with a ``TextPositionSelector`` (code point
offsets) and a ``TextQuoteSelector`` (``exact``, ``prefix``, ``suffix``), so a
fact is found again after the source is edited.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import quote

from chronist.events.model import Evidence
from chronist.export.dates import edtf_of
from chronist.timeline.model import Timeline

__all__ = ["to_webannotation", "webannotation_dict"]

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
_GEONAMES = re.compile(r"^geonames:(\d+)$")


def _target(timeline: Timeline, source: str, start: int, end: int) -> dict[str, Any]:
    said = Evidence.of(timeline.document.text, start, end)
    return {
        "source": source,
        "selector": [
            {"type": "TextPositionSelector", "start": start, "end": end},
            {
                "type": "TextQuoteSelector",
                "exact": said.exact,
                "prefix": said.prefix,
                "suffix": said.suffix,
            },
        ],
    }


def _body(value: str, purpose: str, lang: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"type": "TextualBody", "value": value, "purpose": purpose}
    if lang:
        body["language"] = lang
    return body


def webannotation_dict(timeline: Timeline, *, source: str | None = None) -> dict[str, Any]:
    """The annotations as a JSON-LD dict (an ``AnnotationCollection``).

    >>> from chronist.timeline import build_timeline
    >>> text = "Am 15. März 44 v. Chr. wurde Caesar ermordet."
    >>> data = webannotation_dict(build_timeline(text, recognizer=lambda document: []))
    >>> first = data["first"]["items"][0]
    >>> first["type"], first["motivation"], first["target"]["selector"][0]["type"]
    ('Annotation', 'describing', 'TextPositionSelector')
    """
    doc = source or f"urn:chronist:{quote(timeline.document.id, safe='')}"
    lang = timeline.document.lang
    items: list[dict[str, Any]] = []

    def add(motivation: str, bodies: list[dict[str, Any]], start: int, end: int) -> None:
        items.append(
            {
                "id": f"{doc}#anno-{len(items) + 1}",
                "type": "Annotation",
                "motivation": motivation,
                "body": bodies,
                "target": _target(timeline, doc, start, end),
            }
        )

    for event in timeline.events:
        bodies = [_body(event.label, "describing", lang), _body(event.type, "classifying")]
        edtf = edtf_of(event.time)
        if edtf:
            bodies.append(_body(edtf, "tagging"))
        if event.hypothetical:
            bodies.append(_body(event.modality.value, "assessing"))
        add("describing", bodies, event.evidence.start, event.evidence.end)
    for timex in timeline.timexes:
        bodies = [_body(timex.value, "tagging")]
        if timex.edtf:
            bodies.append(_body(timex.edtf, "describing"))
        add("tagging", bodies, timex.start, timex.end)
    for entity in timeline.entities:
        bodies = [_body(entity.text, "identifying"), _body(entity.type.value, "classifying")]
        match = _GEONAMES.match(entity.gazetteer_id or "")
        if match:
            bodies.append(
                {"id": f"https://sws.geonames.org/{match.group(1)}/", "purpose": "identifying"}
            )
        for mention in entity.mentions:
            add("identifying", bodies, mention.start, mention.end)
    return {
        "@context": CONTEXT,
        "id": f"{doc}#annotations",
        "type": "AnnotationCollection",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def to_webannotation(timeline: Timeline, *, source: str | None = None) -> str:
    """Web Annotation JSON-LD text (see :func:`webannotation_dict`).

    >>> from chronist.timeline import build_timeline
    >>> timeline = build_timeline("Am 27. Juli 1953 schwiegen die Waffen.", recognizer=lambda d: [])
    >>> '"type": "TextQuoteSelector"' in to_webannotation(timeline)
    True
    """
    return (
        json.dumps(webannotation_dict(timeline, source=source), ensure_ascii=False, indent=1) + "\n"
    )
