"""RDF Turtle in the Simple Event Model (SEM), written without an RDF library.

Each event that the text states as a fact is a ``sem:Event`` with its label,
``sem:eventType``, ``sem:hasActor`` (``sem:Actor`` with ``sem:actorType``
PER/ORG), ``sem:hasPlace`` (``sem:Place`` with WGS-84 ``geo:lat``/``geo:long``
and ``owl:sameAs`` its GeoNames IRI), ``sem:hasTime`` (a ``sem:Time`` with the
EDTF and the text's words), and the four bounds as SEM's
``sem:hasEarliestBeginTimeStamp`` ... ``sem:hasLatestEndTimeStamp``
(``xsd:date``; years are astronomical, as in XSD 1.1: ``-0043-03-15`` is 15
March 44 BC). The quote is its ``rdfs:comment``. IRIs live under ``base``
(default ``urn:chronist:<document id>/``).
"""

from __future__ import annotations

import re
from urllib.parse import quote

from chronist.events.model import Participant, Place
from chronist.export.dates import edtf_of
from chronist.export.people import entity_type
from chronist.temporal.values import Day
from chronist.timeline.model import Event, Timeline

__all__ = ["to_rdf"]

SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
EDTF_DATATYPE = "http://id.loc.gov/datatypes/edtf/EDTF"
_EDTF = f"<{EDTF_DATATYPE}>"

_PREFIXES = f"""\
@prefix sem: <{SEM}> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix geo: <http://www.w3.org/2003/01/geo/wgs84_pos#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
"""

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_SPECIAL = re.compile(r'[\\"\n\r\t]')
# A BCP 47 tag as Turtle's LANGTAG allows it; anything else is left off the literal.
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")
_GEONAMES = re.compile(r"^geonames:(\d+)$")
_STAMPS = (
    ("earliest_begin", "hasEarliestBeginTimeStamp"),
    ("latest_begin", "hasLatestBeginTimeStamp"),
    ("earliest_end", "hasEarliestEndTimeStamp"),
    ("latest_end", "hasLatestEndTimeStamp"),
)


def _literal(text: str, lang: str | None = None, datatype: str | None = None) -> str:
    """A Turtle string literal: every character that could end it is escaped.

    >>> _literal('a" . <x> <y> <z> . "', "de")
    '"a\\\\" . <x> <y> <z> . \\\\""@de'
    >>> _literal("x", "de .\\n<x> <y> <z>")
    '"x"'
    """
    escaped = _SPECIAL.sub(lambda match: _ESCAPES[match.group(0)], text)
    if datatype is not None:
        return f'"{escaped}"^^{datatype}'
    return f'"{escaped}"@{lang}' if lang and _LANGUAGE_TAG.fullmatch(lang) else f'"{escaped}"'


def _decimal(value: float | None) -> str:
    """An xsd:decimal (no exponent) of a coordinate.

    >>> _decimal(55.75204), _decimal(1e-05), _decimal(10.0)
    ('55.75204', '0.00001', '10')
    """
    return f"{float(value or 0):.7f}".rstrip("0").rstrip(".")


def _iri(value: str) -> str:
    return "<" + quote(value, safe=":/#?=&;%@+,~.-_") + ">"


def _date(day: Day) -> str:
    return f'"{day.iso()}"^^xsd:date'


def _slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text.strip().lower()).strip("-") or "x"


class _Writer:
    def __init__(self, timeline: Timeline, base: str, lang: str) -> None:
        self.timeline = timeline
        self.base = base
        self.lang = lang
        self.blocks: dict[str, list[str]] = {}

    def node(self, path: str, *statements: str) -> str:
        iri = _iri(self.base + path)
        block = self.blocks.setdefault(iri, [])
        for statement in statements:
            if statement not in block:
                block.append(statement)
        return iri

    def actor(self, participant: Participant) -> str:
        entity = participant.entity
        key = f"n{entity}" if entity is not None else "p-" + _slug(participant.text)
        statements = ["a sem:Actor", f"rdfs:label {_literal(participant.text)}"]
        kind = entity_type(self.timeline, participant)
        if kind is not None:
            statements.append(f"sem:actorType {_iri(self.base + 'actortype/' + kind.value)}")
        return self.node(f"actor/{key}", *statements)

    def place(self, place: Place) -> str:
        key = f"n{place.entity}" if place.entity is not None else "p-" + _slug(place.text)
        statements = ["a sem:Place", f"rdfs:label {_literal(place.text)}"]
        if place.located:
            statements += [
                f'geo:lat "{_decimal(place.lat)}"^^xsd:decimal',
                f'geo:long "{_decimal(place.lon)}"^^xsd:decimal',
            ]
        match = _GEONAMES.match(place.gazetteer_id or "")
        if match:
            statements.append(f"owl:sameAs <https://sws.geonames.org/{match.group(1)}/>")
        return self.node(f"place/{key}", *statements)

    def event(self, event: Event) -> None:
        statements = [
            "a sem:Event",
            f"rdfs:label {_literal(event.label, self.lang)}",
            f"sem:eventType {_iri(self.base + 'eventtype/' + quote(event.type, safe=''))}",
            f"rdfs:comment {_literal(event.evidence.exact, self.lang)}",
        ]
        statements += [f"sem:hasActor {self.actor(p)}" for p in event.participants]
        if event.place is not None:
            statements.append(f"sem:hasPlace {self.place(event.place)}")
        time = event.time
        if time.bounds.known:
            edtf = edtf_of(time)
            time_statements = ["a sem:Time"]
            if edtf:
                time_statements.append(f"dcterms:date {_literal(edtf, datatype=_EDTF)}")
            if time.text:
                time_statements.append(f"rdfs:label {_literal(time.text, self.lang)}")
            time_statements.append(
                f"sem:timeType {_iri(self.base + 'timetype/' + time.source.value)}"
            )
            statements.append(f"sem:hasTime {self.node(f'time/{event.id}', *time_statements)}")
            for field, prop in _STAMPS:
                stamp = getattr(time.bounds, field)
                if stamp is not None:
                    statements.append(f"sem:{prop} {_date(stamp)}")
        self.node(f"event/{event.id}", *statements)

    def render(self) -> str:
        parts = [_PREFIXES]
        for iri, statements in self.blocks.items():
            parts.append(f"\n{iri}\n    " + " ;\n    ".join(statements) + " .\n")
        return "".join(parts)


def to_rdf(timeline: Timeline, *, base: str | None = None) -> str:
    """The timeline's events as Turtle in the Simple Event Model.

    >>> from chronist.timeline import build_timeline
    >>> text = "Am 15. März 44 v. Chr. wurde Caesar ermordet."
    >>> turtle = to_rdf(build_timeline(text, recognizer=lambda document: []))
    >>> "<urn:chronist:document/event/e1>\\n    a sem:Event" in turtle
    True
    >>> 'sem:hasEarliestBeginTimeStamp "-0043-03-15"^^xsd:date' in turtle
    True
    """
    document = timeline.document
    writer = _Writer(
        timeline, base or f"urn:chronist:{quote(document.id, safe='')}/", document.lang
    )
    for event in timeline.events:
        if not event.hypothetical:
            writer.event(event)
    return writer.render()
