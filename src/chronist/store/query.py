"""Reading the store: merged events with filters, documents, entities, a document's timeline.

Every function takes an open (read-only) DuckDB connection; :class:`chronist.Store`
opens one per call. A merged event as JSON::

    {"id": 12, "label": "...", "type": "conflict", "time": {...schema 1...},
     "sources": 2, "confidence": 0.9, "mentions": [{"document": "wiki/Koreakrieg.txt", "start": 10,
     "end": 80, "exact": "..."}], "readings": [...],   # when sources differ
     "dates_disagree": true,  # with readings: two of them cannot both be right
     "participants": [{"entity": 3, "text": "Truman", "type": "PER"}],
     "place": {"entity": 5, "text": "Seoul", "lat": ..., "lon": ..., "gazetteer_id": ...}}
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from chronist.errors import OptionError
from chronist.store.mirror import HEAD, HEAD_OF, SAID, SAID_OF
from chronist.store.rows import Json, from_rows
from chronist.store.schema import DOCUMENT_TABLES

__all__ = ["EventFilter", "documents", "entities", "events", "period_key", "timeline_of"]

_PERIOD = re.compile(r"^(-?\d{1,6})(?:-(\d\d))?(?:-(\d\d))?$")
_BOUNDS = ("earliest_begin", "latest_begin", "earliest_end", "latest_end")


def period_key(value: str, *, end: bool) -> int:
    """A ``--from``/``--to`` value (``1950``, ``1950-06``, ``1950-06-25``, ``-43``) as a day key.

    >>> period_key("1950", end=False), period_key("1950-06", end=True)
    (19500101, 19500631)
    """
    match = _PERIOD.match(value.strip())
    if match is None:
        raise OptionError(f"not a date: {value!r}; use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    month_n = int(month) if month else (12 if end else 1)
    day_n = int(day) if day else (31 if end else 1)
    if not (1 <= month_n <= 12 and 1 <= day_n <= 31):
        raise OptionError(f"not a date: {value!r}")
    sign = -1 if year.startswith("-") else 1
    return sign * int(year.lstrip("-")) * 10000 + month_n * 100 + day_n


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What ``chronist events`` asks for; every given field must hold."""

    person: str | None = None
    place: str | None = None
    org: str | None = None
    start: str | None = None  # --from
    end: str | None = None  # --to
    # False: the event lies within --from/--to (it began no earlier and ended no later);
    # True: its time may fall in them (overlaps them, however vague it is)
    overlapping: bool = False
    type: str | None = None
    text: str | None = None
    limit: int | None = None
    offset: int = 0


def _entity_clause(kind: str, name: str, where: list[str], params: list[Any]) -> None:
    # a merged entity's name is one of its documents' names: searching those is enough
    where.append(
        "m.merged IN (SELECT l.merged FROM merged_event_entities l WHERE l.entity IN "
        "(SELECT entity FROM entities WHERE type = ? AND text ILIKE ?))"
    )
    params.extend([kind, f"%{name}%"])


def merged_ids(
    connection: Any, query: EventFilter, matches: list[tuple[str, int]] | None
) -> list[int]:
    """The ids of the merged events the filter selects, in time order."""
    where: list[str] = []
    params: list[Any] = []
    if query.type:
        where.append("m.type = ?")
        params.append(query.type)
    if query.start:
        where.append("m.end_key >= ?" if query.overlapping else "m.begin_key >= ?")
        params.append(period_key(query.start, end=False))
    if query.end:
        where.append("m.begin_key <= ?" if query.overlapping else "m.end_key <= ?")
        params.append(period_key(query.end, end=True))
    for kind, name in (("PER", query.person), ("LOC", query.place), ("ORG", query.org)):
        if name:
            _entity_clause(kind, name, where, params)
    if matches is not None:
        if not matches:
            return []
        where.append(
            "m.merged IN (SELECT e.merged FROM event_mentions e JOIN "
            "(SELECT unnest(?) AS doc, unnest(?) AS seq) q ON e.doc = q.doc AND e.seq = q.seq)"
        )
        params.extend([[doc for doc, _ in matches], [seq for _, seq in matches]])
    sql = "SELECT m.merged FROM merged_events m"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY m.begin_key NULLS LAST, m.end_key NULLS LAST, m.merged"
    if query.limit is not None:
        sql += f" LIMIT {int(query.limit)} OFFSET {int(query.offset)}"
    return [int(row[0]) for row in connection.execute(sql, params).fetchall()]


def _time(row: Any) -> Json:
    value, edtf, eb, lb, ee, le, source, text = row
    return {
        "value": value, "edtf": edtf, "earliest_begin": eb, "latest_begin": lb,
        "earliest_end": ee, "latest_end": le, "source": source, "timex": None,
        "reference": None, "text": text,
    }  # fmt: skip


def _span(time: Json) -> tuple[str, str] | None:
    known = [time[name] for name in _BOUNDS if time[name] is not None]
    return None if not known else (_key(known[0]), _key(known[-1]))


def _key(iso: str) -> str:
    # sortable: BC years before AD ones, and among BC years the lower first
    return f"0{9999 - int(iso[1:5]):04d}{iso[5:]}" if iso.startswith("-") else "1" + iso


def _disagree(times: list[Json]) -> bool:
    """True when two readings cannot both be right (their spans do not overlap)."""
    spans = [span for span in map(_span, times) if span is not None]
    return any(a[0] > b[1] or b[0] > a[1] for i, a in enumerate(spans) for b in spans[i + 1 :])


def _rows_from_store(connection: Any, ids: list[int]) -> tuple[list[Any], list[Any], list[Any]]:
    """A merged event's rows read from DuckDB (each step by merged id, no whole-table join)."""
    head = connection.execute(HEAD_OF, [ids]).fetchall()
    said = connection.execute(SAID_OF, [ids]).fetchall()
    linked = connection.execute(
        "SELECT l.merged, l.entity, l.role, n.type, n.name, n.gazetteer_id, n.lat, n.lon "
        "FROM merged_event_entities l JOIN merged_entities n USING (entity) "
        "WHERE l.merged IN (SELECT unnest(?)) ORDER BY l.merged, l.entity",
        [ids],
    ).fetchall()
    return head, said, linked


def _rows_from_copy(copy: Any, ids: list[int]) -> tuple[list[Any], list[Any], list[Any]]:
    """The same rows from the read copy (:mod:`chronist.store.mirror`): B-tree lookups."""
    wanted = json.dumps(ids)
    head = [
        (*row[:-1], None if row[-1] is None else bool(row[-1]))
        for row in copy.execute(
            f"SELECT {HEAD} FROM head WHERE merged IN (SELECT value FROM json_each(?))",
            (wanted,),
        ).fetchall()
    ]
    said = copy.execute(
        f"SELECT {SAID} FROM said WHERE merged IN (SELECT value FROM json_each(?))", (wanted,)
    ).fetchall()
    linked = copy.execute(
        "SELECT l.merged, l.entity, l.role, n.type, n.name, n.gazetteer_id, n.lat, n.lon "
        "FROM link l JOIN ent n USING (entity) "
        "WHERE l.merged IN (SELECT value FROM json_each(?)) ORDER BY l.merged, l.entity",
        (wanted,),
    ).fetchall()
    return head, said, linked


def events(connection: Any, ids: list[int], copy: Any = None) -> list[Json]:
    """The merged events ``ids`` as JSON, in the order given; their rows come from the
    read copy ``copy`` (a SQLite connection) when given, else from the store."""
    if not ids:
        return []
    rows = _rows_from_copy(copy, ids) if copy is not None else _rows_from_store(connection, ids)
    head_rows, said, linked_rows = rows
    head = {row[0]: row for row in head_rows}
    said = sorted(said, key=lambda row: (row[9], row[4], row[3]))  # name, start, seq
    mentions: dict[int, list[Json]] = defaultdict(list)
    readings: dict[int, dict[Any, Json]] = defaultdict(dict)
    confidence: dict[int, float] = {}
    for merged, doc, _event_seq, _seq, start, end, exact, prefix, suffix, name, *rest in said:
        *time, certainty = rest
        if certainty is not None:
            confidence[merged] = max(confidence.get(merged, 0.0), certainty)
        mentions[merged].append(
            {"document": name, "doc": doc, "start": start, "end": end, "exact": exact,
             "prefix": prefix, "suffix": suffix}
        )  # fmt: skip
        known = readings[merged]
        reading = known.get(time[1])
        if reading is None:
            reading = known[time[1]] = {"time": time, "sources": []}
        if name not in reading["sources"]:
            reading["sources"].append(name)
    linked: dict[int, list[Json]] = defaultdict(list)
    places: dict[int, Json] = {}
    for merged, entity, role, etype, name, gazetteer_id, lat, lon in linked_rows:
        if role == "place":
            places.setdefault(
                merged,
                {"entity": entity, "text": name, "lat": lat, "lon": lon,
                 "gazetteer_id": gazetteer_id},
            )  # fmt: skip
        else:
            linked[merged].append({"entity": entity, "text": name, "type": etype})
    result = []
    for merged in ids:
        row = head[merged]
        event: Json = {
            "id": merged,
            "label": row[1],
            "type": row[2],
            "lemma": row[3],
            "time": _time(row[4:12]),
            "sources": row[12],
            "hypothetical": row[13],
            # the confidence of its best told mention (how it was detected and dated)
            "confidence": confidence.get(merged),
            "participants": linked.get(merged, []),
            "place": places.get(merged),
            "mentions": mentions.get(merged, []),
        }
        given = list(readings.get(merged, {}).values())
        if len(given) > 1:  # the time of each reading as JSON only here (most have one)
            given.sort(key=lambda r: (-len(r["sources"]), r["time"][1] != row[5]))
            times = [_time(r["time"]) for r in given]
            event["readings"] = [
                {**time, "sources": r["sources"], "agreement": len(r["sources"])}
                for time, r in zip(times, given, strict=True)
            ]
            event["dates_disagree"] = _disagree(times)
        result.append(event)
    return result


def documents(connection: Any, ids: list[str] | None = None) -> list[Json]:
    """The stored documents (without their text), by name; ``ids`` keeps only those."""
    sql = (
        "SELECT d.doc, d.name, d.title, d.lang, d.kind, d.dct, d.chars, d.ingested_at, "
        "(SELECT count(*) FROM event_mentions e WHERE e.doc = d.doc), "
        "(SELECT count(*) FROM entities e WHERE e.doc = d.doc) FROM documents d"
    )
    params: list[Any] = []
    if ids is not None:
        sql += " WHERE d.doc IN (SELECT unnest(?))"
        params.append(ids)
    sql += " ORDER BY d.name"
    return [
        {"id": doc, "name": name, "title": title, "lang": lang, "kind": kind, "dct": dct,
         "chars": chars, "ingested_at": str(at), "events": n_events, "entities": n_entities}
        for doc, name, title, lang, kind, dct, chars, at, n_events, n_entities
        in connection.execute(sql, params).fetchall()
    ]  # fmt: skip


def entities(connection: Any, type_: str | None = None, name: str | None = None) -> list[Json]:
    """People, places and organisations across documents, most documents first."""
    where, params = [], []
    if type_:
        where.append("n.type = ?")
        params.append(type_)
    if name:
        where.append(
            "n.entity IN (SELECT entity FROM entities WHERE text ILIKE ?"
            " UNION SELECT entity FROM merged_entities WHERE name ILIKE ?)"
        )
        params.extend([f"%{name}%", f"%{name}%"])
    sql = (
        "SELECT n.entity, n.type, n.name, n.gazetteer_id, n.lat, n.lon, "
        "count(DISTINCT e.doc) AS docs, list(DISTINCT e.text ORDER BY e.text) "
        "FROM merged_entities n JOIN entities e USING (entity)"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " GROUP BY ALL ORDER BY docs DESC, n.name"
    return [
        {"id": entity, "type": etype, "text": ename, "gazetteer_id": gid, "lat": lat, "lon": lon,
         "documents": docs, "variants": variants}
        for entity, etype, ename, gid, lat, lon, docs, variants
        in connection.execute(sql, params).fetchall()
    ]  # fmt: skip


def timeline_of(connection: Any, document: str) -> Json | None:
    """A document's timeline in schema 1 (by name or id), exactly as extracted; or ``None``."""
    found = connection.execute(
        "SELECT doc FROM documents WHERE name = ? OR doc = ? ORDER BY name = ? DESC LIMIT 1",
        [document, document, document],
    ).fetchone()
    if found is None:
        return None
    doc = found[0]
    rows = {}
    for table in DOCUMENT_TABLES:
        order = _ORDER.get(table, "seq")
        rows[table] = connection.execute(
            f"SELECT * FROM {table} WHERE doc = ? ORDER BY {order}", [doc]
        ).fetchall()
    return from_rows(rows)


_ORDER = {
    "documents": "doc",
    "participants": "event_seq, seq",
    "evidence": "event_seq, seq",
    "entity_mentions": "entity_seq, seq",
}
