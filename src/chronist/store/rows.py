"""A timeline (schema-1 JSON) as the store's rows, and back, field for field.

:func:`to_rows` flattens what ``chronist extract --format json`` writes into
one tuple per row of each document table (column order of
:data:`chronist.store.schema.TABLES`); :func:`from_rows` rebuilds the same
JSON dict from them, so a stored document round-trips exactly.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from chronist.timeline.model import SCHEMA_VERSION

__all__ = ["Json", "Row", "from_rows", "to_rows"]

Json = dict[str, Any]
Row = tuple[Any, ...]

_BOUND_NAMES = ("earliest_begin", "latest_begin", "earliest_end", "latest_end")


def _bounds(data: Json) -> tuple[Any, ...]:
    return tuple(data[name] for name in _BOUND_NAMES)


def _bounds_back(values: tuple[Any, ...]) -> Json:
    return dict(zip(_BOUND_NAMES, values, strict=True))


# The fields of a timex and of an entity that have columns of their own; every other
# field of schema 1 (those added within version 1) is kept as JSON in ``extra``.
_TIMEX_COLUMNS = frozenset({"tid", "start", "end", "text", "type", "value", "mod", "edtf",
                            *_BOUND_NAMES, "rule", "anchor", "anchor_tid", "role"})  # fmt: skip
_ENTITY_COLUMNS = frozenset(
    {"text", "type", "start", "end", "lat", "lon", "gazetteer_id", "mentions"}
)


def _extra(item: Json, columns: frozenset[str]) -> str | None:
    rest = {key: value for key, value in item.items() if key not in columns}
    return json.dumps(rest, ensure_ascii=False) if rest else None


def to_rows(doc: str, name: str, title: str | None, data: Json) -> dict[str, list[Row]]:
    """The rows of one document, by table (``entity`` and ``merged`` columns left ``None``)."""
    d = data["document"]
    rows: dict[str, list[Row]] = defaultdict(list)
    rows["documents"].append(
        (doc, name, title, d["lang"], d["kind"], d["dct"], d["source"], d["text"], len(d["text"]))
    )
    for seq, t in enumerate(data["timexes"]):
        rows["timexes"].append(
            (doc, seq, t["tid"], t["start"], t["end"], t["text"], t["type"], t["value"], t["mod"],
             t["edtf"], *_bounds(t), t["rule"], t["anchor"], t["anchor_tid"], t["role"],
             _extra(t, _TIMEX_COLUMNS))
        )  # fmt: skip
    for seq, e in enumerate(data["entities"]):
        rows["entities"].append(
            (doc, seq, e["text"], e["type"], e["start"], e["end"], e.get("lat"), e.get("lon"),
             e.get("gazetteer_id"), None, _extra(e, _ENTITY_COLUMNS))
        )  # fmt: skip
        for mseq, m in enumerate(e["mentions"]):
            rows["entity_mentions"].append((doc, seq, mseq, m["text"], m["start"], m["end"]))
    for seq, ev in enumerate(data["events"]):
        trig, place, time, evid = ev["trigger"], ev["place"], ev["time"], ev["evidence"]
        p = place or {}
        rows["event_mentions"].append(
            (doc, seq, ev["id"], ev["label"], ev["type"], trig["text"], trig["lemma"],
             trig["start"], trig["end"], trig["particle_start"], place is not None, p.get("text"),
             p.get("start"), p.get("end"), p.get("entity"), p.get("lat"), p.get("lon"),
             p.get("gazetteer_id"), time["value"], time["edtf"], *_bounds(time), time["source"],
             time["timex"], time["reference"], time["text"], ev["confidence"], ev["modality"],
             evid["start"], evid["end"], evid["exact"], evid["prefix"], evid["suffix"], None)
        )  # fmt: skip
        for pseq, part in enumerate(ev["participants"]):
            rows["participants"].append(
                (doc, seq, pseq, part["text"], part["role"], part["start"], part["end"],
                 part["entity"])
            )  # fmt: skip
        for mseq, m in enumerate(ev["mentions"]):
            rows["evidence"].append(
                (doc, seq, mseq, m["start"], m["end"], m["exact"], m["prefix"], m["suffix"], None)
            )
    for seq, a in enumerate(data["anchors"]):
        rows["anchors"].append(
            (doc, seq, a["id"], a["name"], a["start"], a["end"], a["text"], a["edtf"],
             *_bounds(a), a["source"])
        )  # fmt: skip
    return dict(rows)


def _evidence(row: Row) -> Json:
    start, end, exact, prefix, suffix = row
    return {"start": start, "end": end, "exact": exact, "prefix": prefix, "suffix": suffix}


def from_rows(rows: dict[str, list[Row]]) -> Json:
    """The schema-1 JSON dict of one document from its rows (each list ordered by ``seq``)."""
    _doc, _name, _title, lang, kind, dct, source, text, *_ = rows["documents"][0]
    mentions_of: dict[int, list[Json]] = defaultdict(list)
    for _d, entity_seq, _s, mtext, start, end in rows.get("entity_mentions", []):
        mentions_of[entity_seq].append({"text": mtext, "start": start, "end": end})
    entities = []
    for row in rows.get("entities", []):
        _d, seq, etext, etype, start, end, lat, lon, gazetteer_id, _e, extra = row
        entity: Json = {
            "text": etext,
            "type": etype,
            "start": start,
            "end": end,
            "mentions": mentions_of[seq],
        }
        if etype == "LOC":
            entity.update(lat=lat, lon=lon, gazetteer_id=gazetteer_id)
        entity.update(json.loads(extra) if extra else {})
        entities.append(entity)
    participants: dict[int, list[Json]] = defaultdict(list)
    for _d, event_seq, _s, ptext, role, start, end, ent in rows.get("participants", []):
        participants[event_seq].append(
            {"text": ptext, "role": role, "start": start, "end": end, "entity": ent}
        )
    evidence: dict[int, list[Json]] = defaultdict(list)
    for _d, event_seq, _s, *selectors, _merged in rows.get("evidence", []):
        evidence[event_seq].append(_evidence(tuple(selectors)))
    events = [
        _event(row, participants[row[1]], evidence[row[1]])
        for row in rows.get("event_mentions", [])
    ]
    timexes = []
    for row in rows.get("timexes", []):
        _d, _s, tid, start, end, ttext, ttype, value, mod, edtf, *rest = row
        timexes.append(
            {"tid": tid, "start": start, "end": end, "text": ttext, "type": ttype, "value": value,
             "mod": mod, "edtf": edtf, **_bounds_back(tuple(rest[:4])), "rule": rest[4],
             "anchor": rest[5], "anchor_tid": rest[6], "role": rest[7],
             **(json.loads(rest[8]) if rest[8] else {})}
        )  # fmt: skip
    anchors = []
    for row in rows.get("anchors", []):
        _d, _s, aid, aname, start, end, atext, edtf, *rest = row
        anchors.append(
            {"id": aid, "name": aname, "start": start, "end": end, "text": atext, "edtf": edtf,
             **_bounds_back(tuple(rest[:4])), "source": rest[4]}
        )  # fmt: skip
    return {
        "schema_version": SCHEMA_VERSION,
        "document": {"text": text, "lang": lang, "kind": kind, "dct": dct, "source": source},
        "events": events,
        "entities": entities,
        "timexes": timexes,
        "anchors": anchors,
    }


def _event(row: Row, participants: list[Json], mentions: list[Json]) -> Json:
    # fmt: off
    (_d, _s, eid, label, etype, ttext, lemma, tstart, tend, particle, has_place, ptext, pstart,
     pend, pentity, lat, lon, gazetteer_id, value, edtf, eb, lb, ee, le, source, timex,
     reference, time_text, confidence, modality, start, end, exact, prefix, suffix, _m) = row
    # fmt: on
    place = (
        {
            "text": ptext,
            "start": pstart,
            "end": pend,
            "entity": pentity,
            "lat": lat,
            "lon": lon,
            "gazetteer_id": gazetteer_id,
        }
        if has_place
        else None
    )  # fmt: skip
    return {
        "id": eid,
        "label": label,
        "type": etype,
        "trigger": {
            "text": ttext,
            "lemma": lemma,
            "start": tstart,
            "end": tend,
            "particle_start": particle,
        },
        "participants": participants,
        "place": place,
        "time": {
            "value": value,
            "edtf": edtf,
            **_bounds_back((eb, lb, ee, le)),
            "source": source,
            "timex": timex,
            "reference": reference,
            "text": time_text,
        },
        "confidence": confidence,
        "modality": modality,
        "hypothetical": modality not in ("asserted", "reported"),
        "evidence": _evidence((start, end, exact, prefix, suffix)),
        "mentions": mentions,
    }
