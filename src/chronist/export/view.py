"""A typed, read-only view of a timeline in its JSON form, shared by the exporters.

Every exporter takes a timeline as the JSON document that ``chronist extract
--format json`` writes (top level ``events``, ``entities``, ``timexes`` and
``document``), or anything with a ``to_json()``/``to_dict()`` method returning
it, and reads it through :func:`as_view`. Only the names that issue 4 fixes are
required; everything else is optional, so a saved file from an older or newer
minor version still exports.

Dates are astronomical (year 0 = 1 BC) ISO strings, ``-0043-03-15`` for 15
March 44 BC; :class:`DayStamp` keeps them exact, whatever the year.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from chronist.errors import InputError

__all__ = [
    "DayStamp",
    "DocumentView",
    "EntityView",
    "EventView",
    "Evidence",
    "Participant",
    "PlaceRef",
    "TimeView",
    "TimelineError",
    "TimelineView",
    "TimexView",
    "as_mapping",
    "as_view",
]

_ISO_DAY = re.compile(r"^([+-]?\d{1,9})(?:-(\d\d)(?:-(\d\d))?)?")


class TimelineError(InputError):
    """A saved timeline that is not in chronist's JSON shape (what is wrong, where)."""


@dataclass(frozen=True, slots=True, order=True)
class DayStamp:
    """A calendar day with an astronomical year.

    >>> DayStamp.parse("-0043-03-15")
    DayStamp(year=-43, month=3, day=15)
    >>> DayStamp(-43, 3, 15).iso()
    '-0043-03-15'
    """

    year: int
    month: int
    day: int

    @classmethod
    def parse(cls, value: object) -> DayStamp | None:
        """The day in an ISO date string (``None`` for ``None`` or the empty string)."""
        if value is None or value == "":
            return None
        match = _ISO_DAY.match(str(value))
        if match is None:
            raise TimelineError(f"not an ISO date: {value!r}")
        year, month, day = match.groups()
        return cls(int(year), int(month or 1), int(day or 1))

    def iso(self) -> str:
        sign = "-" if self.year < 0 else ""
        return f"{sign}{abs(self.year):04d}-{self.month:02d}-{self.day:02d}"

    def fractional_year(self) -> float:
        """The day as a year number with a fraction, for drawing and sorting."""
        return self.year + (self.month - 1) / 12 + (self.day - 1) / 365.25


@dataclass(frozen=True, slots=True)
class TimeView:
    """When an event happened: TIMEX3 value, EDTF and the four bounds."""

    value: str | None = None
    edtf: str | None = None
    earliest_begin: DayStamp | None = None
    latest_begin: DayStamp | None = None
    earliest_end: DayStamp | None = None
    latest_end: DayStamp | None = None
    text: str | None = None
    tid: str | None = None
    mod: str | None = None
    source: str | None = None

    @property
    def known(self) -> bool:
        """Whether any bound is known."""
        return any(self.bounds())

    def bounds(self) -> tuple[DayStamp | None, DayStamp | None, DayStamp | None, DayStamp | None]:
        return (self.earliest_begin, self.latest_begin, self.earliest_end, self.latest_end)

    def first(self) -> DayStamp | None:
        """The earliest known bound."""
        known = [stamp for stamp in self.bounds() if stamp is not None]
        return min(known) if known else None

    def last(self) -> DayStamp | None:
        """The latest known bound."""
        known = [stamp for stamp in self.bounds() if stamp is not None]
        return max(known) if known else None


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact is said: position and quote selectors."""

    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True, slots=True)
class Participant:
    text: str
    role: str | None = None
    type: str | None = None
    entity: str | None = None


@dataclass(frozen=True, slots=True)
class PlaceRef:
    text: str
    lat: float | None = None
    lon: float | None = None
    entity: str | None = None
    gazetteer_id: str | None = None

    @property
    def located(self) -> bool:
        return (
            self.lat is not None
            and self.lon is not None
            and -90 <= self.lat <= 90
            and -180 <= self.lon <= 180
        )


@dataclass(frozen=True, slots=True)
class EventView:
    id: str
    label: str
    type: str
    time: TimeView
    evidence: Evidence
    participants: tuple[Participant, ...] = ()
    place: PlaceRef | None = None
    trigger: str | None = None
    trigger_start: int | None = None
    trigger_end: int | None = None
    lemma: str | None = None
    confidence: float | None = None
    modality: str = "asserted"
    hypothetical: bool = False

    def people(self) -> tuple[str, ...]:
        """Participants that are people (or of unknown type), in order, once each."""
        names = (p.text for p in self.participants if p.type in (None, "PER"))
        return tuple(dict.fromkeys(names))


@dataclass(frozen=True, slots=True)
class EntityView:
    id: str
    text: str
    type: str
    start: int
    end: int
    mentions: tuple[tuple[int, int, str], ...] = ()
    lat: float | None = None
    lon: float | None = None
    gazetteer_id: str | None = None


@dataclass(frozen=True, slots=True)
class TimexView:
    tid: str
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    edtf: str | None = None
    attrs: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class DocumentView:
    text: str
    lang: str = "de"
    id: str = "document"
    title: str = ""
    dct: str | None = None


@dataclass(frozen=True, slots=True)
class TimelineView:
    document: DocumentView
    events: tuple[EventView, ...]
    entities: tuple[EntityView, ...]
    timexes: tuple[TimexView, ...]

    def entity(self, entity_id: str | None) -> EntityView | None:
        if entity_id is None:
            return None
        return next((e for e in self.entities if e.id == entity_id), None)


def as_view(timeline: object) -> TimelineView:
    """Read a timeline (its JSON dict, or an object with ``to_json``/``to_dict``).

    >>> view = as_view({"document": {"text": "1950 Krieg."}, "events": [], "entities": [],
    ...                 "timexes": []})
    >>> view.document.text, view.events
    ('1950 Krieg.', ())
    """
    if isinstance(timeline, TimelineView):
        return timeline
    data = as_mapping(timeline)
    document = _mapping(data.get("document"), "document")
    text = document.get("text")
    if not isinstance(text, str):
        raise TimelineError("document.text is missing: export needs the source text")
    doc = DocumentView(
        text=text,
        lang=str(document.get("lang") or "de"),
        id=str(document.get("id") or _stem(document.get("source")) or "document"),
        title=str(document.get("title") or _stem(document.get("source")) or _first_words(text)),
        dct=_opt_str(document.get("dct")),
    )
    entities = tuple(
        _entity(item, index) for index, item in enumerate(_list(data.get("entities"), "entities"))
    )
    by_id = {entity.id: entity for entity in entities}
    events = tuple(
        _event(item, index, text, by_id)
        for index, item in enumerate(_list(data.get("events"), "events"))
    )
    timexes = tuple(
        _timex(item, index) for index, item in enumerate(_list(data.get("timexes"), "timexes"))
    )
    return TimelineView(doc, events, entities, timexes)


def as_mapping(timeline: object) -> Mapping[str, Any]:
    """The JSON dict of a timeline (itself when it is one)."""
    if isinstance(timeline, Mapping):
        return timeline
    # Imported here: the timeline package builds on the exporters' neighbours.
    from chronist.timeline.jsonio import to_json
    from chronist.timeline.model import Timeline

    if isinstance(timeline, Timeline):
        return to_json(timeline)
    raise TimelineError(f"not a timeline: {type(timeline).__name__}")


def _first_words(text: str, limit: int = 60) -> str:
    """The start of the first line, cut at a word, as a title for a text with no name."""
    line = text.strip().split("\n", 1)[0]
    if len(line) <= limit:
        return line
    return line[:limit].rsplit(" ", 1)[0] + " …"


def _stem(path: object) -> str:
    if not path:
        return ""
    name = str(path).replace("\\", "/").rsplit("/", 1)[-1]
    return name.split(".", 1)[0] or name


def _mapping(value: object, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise TimelineError(f"{where}: expected an object, got {type(value).__name__}")
    return value


def _list(value: object, where: str) -> Sequence[Any]:
    if value is None:
        return ()
    if not isinstance(value, list | tuple):
        raise TimelineError(f"{where}: expected a list, got {type(value).__name__}")
    return value


def _opt_str(value: object) -> str | None:
    return None if value is None or value == "" else str(value)


def _opt_float(value: object) -> float | None:
    if value is None or value == "":
        return None
    try:
        return float(str(value))
    except ValueError as error:
        raise TimelineError(f"not a number: {value!r}") from error


def _int(value: object, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise TimelineError(f"{where}: expected an integer offset, got {value!r}")
    try:
        return int(value)
    except ValueError as error:
        raise TimelineError(f"{where}: expected an integer offset, got {value!r}") from error


def _time(value: object, where: str) -> TimeView:
    if value is None:
        return TimeView()
    data = _mapping(value, where)
    bounds = data.get("bounds")
    source = _mapping(bounds, f"{where}.bounds") if isinstance(bounds, Mapping) else data
    timex = data.get("timex")
    timex_data = timex if isinstance(timex, Mapping) else {}
    inferred = data.get("source") or data.get("inference") or data.get("how")
    return TimeView(
        value=_opt_str(data.get("value")),
        edtf=_opt_str(data.get("edtf")),
        earliest_begin=DayStamp.parse(source.get("earliest_begin")),
        latest_begin=DayStamp.parse(source.get("latest_begin")),
        earliest_end=DayStamp.parse(source.get("earliest_end")),
        latest_end=DayStamp.parse(source.get("latest_end")),
        text=_opt_str(data.get("text") or timex_data.get("text")),
        tid=_opt_str(data.get("tid") or timex_data.get("tid") or _str_or_none(timex)),
        mod=_opt_str(data.get("mod")),
        source=_opt_str(inferred),
    )


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _evidence(value: object, where: str, text: str) -> Evidence:
    data = _mapping(value, where)
    selector = data
    for key in ("selector", "position"):
        if isinstance(data.get(key), Mapping):
            selector = data[key]
    start = _int(selector.get("start", data.get("start")), f"{where}.start")
    end = _int(selector.get("end", data.get("end")), f"{where}.end")
    if not 0 <= start <= end <= len(text):
        raise TimelineError(f"{where}: offsets {start}-{end} leave the text")
    quote: Mapping[str, Any] = data["quote"] if isinstance(data.get("quote"), Mapping) else data
    exact = quote.get("exact")
    exact = text[start:end] if exact is None else str(exact)
    prefix = quote.get("prefix")
    suffix = quote.get("suffix")
    return Evidence(
        start,
        end,
        exact,
        text[max(0, start - 32) : start] if prefix is None else str(prefix),
        text[end : end + 32] if suffix is None else str(suffix),
    )


def _ref(value: object) -> str | None:
    """An entity reference: an index into ``entities`` (the schema) or an id string."""
    if value is None or isinstance(value, bool):
        return None
    return f"n{value}" if isinstance(value, int) else str(value)


def _participant(value: object, entities: Mapping[str, EntityView]) -> Participant:
    if isinstance(value, str):
        entity = entities.get(value)
        if entity is not None:
            return Participant(entity.text, None, entity.type, entity.id)
        return Participant(value)
    data = _mapping(value, "participant")
    entity_id = _ref(data.get("entity"))
    entity = entities.get(entity_id) if entity_id else None
    text = data.get("text") or data.get("name") or (entity.text if entity else "")
    kind = data.get("type") or (entity.type if entity else None)
    return Participant(str(text), _opt_str(data.get("role")), _opt_str(kind), entity_id)


def _place(value: object, entities: Mapping[str, EntityView]) -> PlaceRef | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        entity = entities.get(value)
        if entity is None:
            return PlaceRef(value)
        return PlaceRef(entity.text, entity.lat, entity.lon, entity.id, entity.gazetteer_id)
    data = _mapping(value, "place")
    entity_id = _ref(data.get("entity"))
    entity = entities.get(entity_id) if entity_id else None
    lat = _opt_float(data.get("lat"))
    lon = _opt_float(data.get("lon"))
    if entity is not None and (lat is None or lon is None):
        lat, lon = entity.lat, entity.lon
    gazetteer = data.get("gazetteer_id") or (entity.gazetteer_id if entity else None)
    text = data.get("text") or data.get("name") or (entity.text if entity else "")
    return PlaceRef(str(text), lat, lon, entity_id, _opt_str(gazetteer))


def _event(value: object, index: int, text: str, entities: Mapping[str, EntityView]) -> EventView:
    where = f"events[{index}]"
    data = _mapping(value, where)
    for key in ("label", "type", "evidence"):
        if key not in data:
            raise TimelineError(f"{where}: '{key}' is missing")
    trigger = data.get("trigger")
    trigger_data: Mapping[str, Any] = trigger if isinstance(trigger, Mapping) else {}
    participants = tuple(
        _participant(item, entities)
        for item in _list(data.get("participants"), f"{where}.participants")
    )
    trigger_start = trigger_data.get("start")
    trigger_end = trigger_data.get("end")
    return EventView(
        id=str(data.get("id") or f"e{index + 1}"),
        label=str(data["label"]),
        type=str(data["type"] or "event"),
        time=_time(data.get("time"), f"{where}.time"),
        evidence=_evidence(data["evidence"], f"{where}.evidence", text),
        participants=participants,
        place=_place(data.get("place"), entities),
        trigger=_opt_str(trigger_data.get("text") if trigger_data else trigger),
        trigger_start=None if trigger_start is None else _int(trigger_start, where),
        trigger_end=None if trigger_end is None else _int(trigger_end, where),
        lemma=_opt_str(trigger_data.get("lemma") or data.get("lemma")),
        confidence=_opt_float(data.get("confidence")),
        modality=str(data.get("modality") or "asserted"),
        hypothetical=bool(data.get("hypothetical", False)),
    )


def _entity(value: object, index: int) -> EntityView:
    where = f"entities[{index}]"
    data = _mapping(value, where)
    for key in ("text", "type"):
        if key not in data:
            raise TimelineError(f"{where}: '{key}' is missing")
    mentions = []
    for item in _list(data.get("mentions"), f"{where}.mentions"):
        mention = _mapping(item, f"{where}.mentions")
        mentions.append(
            (
                _int(mention.get("start"), f"{where}.mentions.start"),
                _int(mention.get("end"), f"{where}.mentions.end"),
                str(mention.get("text", "")),
            )
        )
    start = _int(data.get("start", mentions[0][0] if mentions else 0), f"{where}.start")
    end = _int(data.get("end", mentions[0][1] if mentions else 0), f"{where}.end")
    if not mentions:
        mentions.append((start, end, str(data["text"])))
    return EntityView(
        id=str(data.get("id") or f"n{index}"),
        text=str(data["text"]),
        type=str(data["type"]),
        start=start,
        end=end,
        mentions=tuple(mentions),
        lat=_opt_float(data.get("lat")),
        lon=_opt_float(data.get("lon")),
        gazetteer_id=_opt_str(data.get("gazetteer_id") or data.get("gazetteer")),
    )


_TIMEX_ATTRS = (
    ("tid", "tid"),
    ("type", "type"),
    ("value", "value"),
    ("mod", "mod"),
    ("anchorTimeID", "anchor_tid"),
    ("beginPoint", "begin_point"),
    ("endPoint", "end_point"),
    ("quant", "quant"),
    ("freq", "freq"),
)


def _timex(value: object, index: int) -> TimexView:
    where = f"timexes[{index}]"
    data = _mapping(value, where)
    attrs = [
        (name, str(data[key])) for name, key in _TIMEX_ATTRS if data.get(key) not in (None, "")
    ]
    if "temporal_function" in data:
        attrs.append(("temporalFunction", "true" if data["temporal_function"] else "false"))
    return TimexView(
        tid=str(data.get("tid") or f"t{index + 1}"),
        start=_int(data.get("start"), f"{where}.start"),
        end=_int(data.get("end"), f"{where}.end"),
        text=str(data.get("text", "")),
        type=str(data.get("type") or "DATE"),
        value=str(data.get("value") or ""),
        mod=_opt_str(data.get("mod")),
        edtf=_opt_str(data.get("edtf")),
        attrs=tuple(attrs),
    )
