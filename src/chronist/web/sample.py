"""Timelines in chronist's JSON shape for tests, benchmarks and the page's demo.

:func:`sample_timeline` is a small hand-made timeline of a German text (with a
BC event and an uncertain interval); :func:`synthetic_timeline` generates a
large document (thousands of events) that is deterministic for a given seed.
Both follow the JSON contract of issue 4 (``events``, ``entities``,
``timexes``, ``document``).
"""

from __future__ import annotations

import random
import re
from typing import Any

__all__ = ["SAMPLE_TEXT", "sample_timeline", "synthetic_timeline"]

SAMPLE_TEXT = (
    "Im Jahr 44 v. Chr. wurde Caesar in Rom ermordet.\n\n"
    "Am 25. Juni 1950 überschritten nordkoreanische Truppen den 38. Breitengrad. "
    "Noch am selben Tag rief Truman den UN-Sicherheitsrat an. "
    "Am 15. September 1950 landete Douglas MacArthur bei Incheon, westlich von Seoul. "
    "Zwischen November 1950 und April 1951 drängten chinesische Truppen die UN-Truppen bis "
    "südlich von Seoul zurück. Truman setzte Douglas MacArthur am 11. April 1951 ab. "
    'Erst am 27. Juli 1953 schwiegen in Panmunjeom die Waffen, sagte "der Präsident".\n'
)

_PLACES = {
    "Rom": (41.89193, 12.51133, "geonames:3169070"),
    "Incheon": (37.45646, 126.70515, "geonames:1843564"),
    "Seoul": (37.566, 126.9784, "geonames:1835848"),
    "Panmunjeom": (37.9558, 126.6769, "geonames:1880758"),
}


def _find(text: str, phrase: str, after: int = 0) -> tuple[int, int]:
    start = text.index(phrase, after)
    return start, start + len(phrase)


_SENTENCE_END = re.compile(r'(?<![\d ]\d)(?<! v)[.!?]"?(?=\s+[A-ZÄÖÜ"]|\s*$)')


def _sentence(text: str, phrase: str) -> tuple[int, int]:
    """The sentence around ``phrase``: ends at ``.!?`` unless after a number or ``v.``."""
    start, _ = _find(text, phrase)
    begin = 0
    for match in _SENTENCE_END.finditer(text):
        if match.end() > start:
            break
        begin = match.end()
    else:
        return begin, len(text)
    while text[begin].isspace():
        begin += 1
    return begin, match.end()


def _evidence(text: str, start: int, end: int) -> dict[str, Any]:
    return {
        "start": start,
        "end": end,
        "exact": text[start:end],
        "prefix": text[max(0, start - 32) : start],
        "suffix": text[end : end + 32],
    }


def _time(
    value: str, edtf: str, bounds: tuple[str | None, str | None, str | None, str | None], tid: str
) -> dict[str, Any]:
    keys = ("earliest_begin", "latest_begin", "earliest_end", "latest_end")
    return {"value": value, "edtf": edtf, "tid": tid, **dict(zip(keys, bounds, strict=True))}


_KEYS = ("earliest_begin", "latest_begin", "earliest_end", "latest_end")
Bounds4 = tuple[str | None, str | None, str | None, str | None]


def _timex(tid: str, start: int, text: str, value: str, edtf: str, bounds: Bounds4,
           mod: str | None = None) -> dict[str, Any]:  # fmt: skip
    return {
        "tid": tid, "start": start, "end": start + len(text), "text": text, "type": "DATE",
        "value": value, "mod": mod, "edtf": edtf, **dict(zip(_KEYS, bounds, strict=True)),
        "rule": "sample", "anchor": "none", "anchor_tid": None, "role": None,
    }  # fmt: skip


def _entity(text: str, name: str, kind: str, coords: tuple[float, float, str] | None
            ) -> dict[str, Any]:  # fmt: skip
    mentions = []
    cursor = 0
    while (found := text.find(name, cursor)) >= 0:
        mentions.append({"text": name, "start": found, "end": found + len(name)})
        cursor = found + len(name)
    item: dict[str, Any] = {
        "text": name, "type": kind, "start": mentions[0]["start"],
        "end": mentions[0]["end"], "mentions": mentions,
    }  # fmt: skip
    if kind == "LOC":
        lat, lon, gid = coords if coords else (None, None, None)
        item.update(lat=lat, lon=lon, gazetteer_id=gid)
    return item


def sample_timeline() -> dict[str, Any]:
    """A small timeline of :data:`SAMPLE_TEXT` (7 events, one BC, one uncertain).

    >>> timeline = sample_timeline()
    >>> len(timeline["events"]), timeline["events"][0]["time"]["edtf"]
    (7, '-0043-03-15')
    """
    text = SAMPLE_TEXT
    names = (
        ("Caesar", "PER"), ("Rom", "LOC"), ("Truman", "PER"), ("UN-Sicherheitsrat", "ORG"),
        ("Douglas MacArthur", "PER"), ("Incheon", "LOC"), ("Seoul", "LOC"),
        ("Panmunjeom", "LOC"),
    )  # fmt: skip
    entities = [_entity(text, name, kind, _PLACES.get(name)) for name, kind in names]
    index = {name: number for number, (name, _) in enumerate(names)}
    day = {d: (d, d, d, d) for d in ("1950-06-25", "1950-09-15", "1951-04-11", "1953-07-27")}
    timex_specs: tuple[tuple[str, str, str, Bounds4], ...] = (
        ("44 v. Chr.", "-0043", "-0043", ("-0043-01-01",) * 2 + ("-0043-12-31",) * 2),
        ("25. Juni 1950", "1950-06-25", "1950-06-25", day["1950-06-25"]),
        ("am selben Tag", "1950-06-25", "1950-06-25", day["1950-06-25"]),
        ("15. September 1950", "1950-09-15", "1950-09-15", day["1950-09-15"]),
        ("November 1950", "1950-11", "1950-11", ("1950-11-01",) * 2 + ("1950-11-30",) * 2),
        ("April 1951", "1951-04", "1951-04", ("1951-04-01",) * 2 + ("1951-04-30",) * 2),
        ("11. April 1951", "1951-04-11", "1951-04-11", day["1951-04-11"]),
        ("27. Juli 1953", "1953-07-27", "1953-07-27", day["1953-07-27"]),
    )  # fmt: skip
    timexes = []
    for number, (phrase, value, edtf, bounds) in enumerate(timex_specs, start=1):
        after = text.index("und April") if phrase == "April 1951" else 0
        timexes.append(_timex(f"t{number}", text.index(phrase, after), phrase, value, edtf, bounds))
    bc: Bounds4 = ("-0043-03-15",) * 4
    spring: Bounds4 = ("1950-11-01", "1950-11-30", "1951-04-01", "1951-04-30")
    specs: tuple[tuple[Any, ...], ...] = (
        ("Ermordung Caesars", "death", "ermordet", "ermorden", "-0043-03-15", bc, "t1",
         ("Caesar",), "Rom"),
        ("Überschreitung des 38. Breitengrads", "conflict", "überschritten", "überschreiten",
         "1950-06-25", day["1950-06-25"], "t2", (), None),
        ("Anrufung des UN-Sicherheitsrats", "diplomacy", "rief", "anrufen",
         "1950-06-25", day["1950-06-25"], "t3", ("Truman", "UN-Sicherheitsrat"), None),
        ("Landung bei Incheon", "conflict", "landete", "landen", "1950-09-15",
         day["1950-09-15"], "t4", ("Douglas MacArthur",), "Incheon"),
        ("Rückzug der UN-Truppen", "conflict", "drängten", "drängen", "1950-11/1951-04",
         spring, "t5", (), "Seoul"),
        ("Absetzung MacArthurs", "leadership", "setzte", "absetzen", "1951-04-11",
         day["1951-04-11"], "t7", ("Truman", "Douglas MacArthur"), None),
        ("Waffenstillstand", "diplomacy", "schwiegen", "schweigen", "1953-07-27",
         day["1953-07-27"], "t8", (), "Panmunjeom"),
    )  # fmt: skip
    events: list[dict[str, Any]] = []
    for number, (label, kind, trigger, lemma, edtf, bounds, tid, people, place) in enumerate(
        specs, start=1
    ):
        start, end = _sentence(text, trigger)
        t_start = text.index(trigger, start)
        timex = next(t for t in timexes if t["tid"] == tid)
        participants = []
        for role_index, name in enumerate(people):
            p_start = text.index(name, start)
            role = "agent" if role_index == 0 else "patient"
            participants.append({"text": name, "role": role, "start": p_start,
                                 "end": p_start + len(name), "entity": index[name]})  # fmt: skip
        place_json = None
        if place is not None:
            p_start = text.index(place, start)
            lat, lon, gid = _PLACES[place]
            place_json = {"text": place, "start": p_start, "end": p_start + len(place),
                          "entity": index[place], "lat": lat, "lon": lon,
                          "gazetteer_id": gid}  # fmt: skip
        evidence = _evidence(text, start, end)
        events.append({
            "id": f"e{number}", "label": label, "type": kind,
            "trigger": {"text": trigger, "lemma": lemma, "start": t_start,
                        "end": t_start + len(trigger), "particle_start": None},
            "participants": participants, "place": place_json,
            "time": {"value": edtf, "edtf": edtf, **dict(zip(_KEYS, bounds, strict=True)),
                     "source": "explicit", "timex": tid, "reference": None,
                     "text": "zwischen November 1950 und April 1951" if tid == "t5"
                     else timex["text"]},
            "confidence": 0.9, "modality": "asserted", "hypothetical": False,
            "evidence": evidence, "mentions": [evidence],
        })  # fmt: skip
    return {
        "schema_version": 1,
        "document": {
            "text": text,
            "lang": "de",
            "kind": "narrative",
            "dct": None,
            "source": "sample.de.txt",
        },
        "events": events,
        "entities": entities,
        "timexes": timexes,
        "anchors": [],
    }


_TYPES = ("conflict", "diplomacy", "leadership", "death", "economy", "culture", "science")
_VERBS = ("begann", "endete", "unterzeichnete", "eroberte", "gründete", "verließ", "traf")
_CITIES = (
    ("Berlin", 52.52, 13.405), ("Paris", 48.857, 2.352), ("Rom", 41.892, 12.511),
    ("Kairo", 30.044, 31.236), ("Peking", 39.904, 116.407), ("Delhi", 28.614, 77.209),
    ("Lima", -12.046, -77.043), ("Sydney", -33.869, 151.209), ("Moskau", 55.756, 37.617),
    ("Athen", 37.984, 23.728), ("Tokio", 35.69, 139.692), ("Mexiko-Stadt", 19.433, -99.133),
    ("Nairobi", -1.286, 36.817), ("Washington", 38.895, -77.036), ("Istanbul", 41.013, 28.955),
)  # fmt: skip
_PEOPLE = (
    "Anna Weber", "Karl Brandt", "Li Wei", "Maria Silva", "John Carter", "Olga Petrova",
    "Ahmed Nasser", "Yuki Sato", "Pierre Martin", "Sofia Rossi", "Raj Patel", "Ana López",
)  # fmt: skip
_ORGS = ("UNO", "NATO", "Hanse", "Senat", "Akademie")


def synthetic_timeline(n_events: int = 2000, seed: int = 1) -> dict[str, Any]:
    """A generated timeline with ``n_events`` events from 3000 BC to today.

    >>> timeline = synthetic_timeline(50)
    >>> len(timeline["events"]), timeline["document"]["lang"]
    (50, 'de')
    """
    rng = random.Random(seed)
    parts: list[str] = []
    cursor = 0
    drafts: list[tuple[int, int, str, str, str, str, str, str, float]] = []
    mentions: dict[tuple[str, str], list[dict[str, Any]]] = {}
    timexes: list[dict[str, Any]] = []
    for number in range(1, n_events + 1):
        year = int(rng.triangular(-3000, 2025, 1900))
        person, org = rng.choice(_PEOPLE), rng.choice(_ORGS)
        city, _, _ = rng.choice(_CITIES)
        verb, kind = rng.choice(_VERBS), rng.choice(_TYPES)
        fuzzy = rng.random() < 0.25
        era = f"{-year + 1} v. Chr." if year <= 0 else str(year)
        date_text = f"um {era}" if fuzzy else f"im Jahr {era}"
        sentence = (
            f"{date_text[0].upper()}{date_text[1:]} {verb} {person} mit der {org} in {city} etwas. "
        )
        stamp = _year(year)
        if fuzzy:
            bounds: Bounds4 = (f"{_year(year - 10)}-01-01", f"{stamp}-01-01",
                               f"{stamp}-12-31", f"{_year(year + 10)}-12-31")  # fmt: skip
            edtf, mod = f"{stamp}~", "APPROX"
        else:
            bounds = (f"{stamp}-01-01", f"{stamp}-01-01", f"{stamp}-12-31", f"{stamp}-12-31")
            edtf, mod = stamp, None
        shown = date_text[3:] if fuzzy else date_text
        d_start = cursor + len(date_text) - len(shown)
        timexes.append(_timex(f"t{number}", d_start, sentence[d_start - cursor :][: len(shown)],
                              stamp, edtf, bounds, mod))  # fmt: skip
        for name, ekind in ((person, "PER"), (org, "ORG"), (city, "LOC")):
            offset = cursor + sentence.index(name, len(date_text))
            mentions.setdefault((name, ekind), []).append(
                {"text": name, "start": offset, "end": offset + len(name)}
            )
        drafts.append((cursor, cursor + len(sentence) - 1, person, org, city, verb, kind, edtf,
                       round(rng.uniform(0.4, 1.0), 2)))  # fmt: skip
        parts.append(sentence)
        cursor += len(sentence)
        if number % 7 == 0:
            parts.append("\n\n")
            cursor += 2
    text = "".join(parts)
    coords = {name: (lat, lon) for name, lat, lon in _CITIES}
    entities: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    for (name, ekind), found in sorted(mentions.items()):
        index[name] = len(entities)
        entity: dict[str, Any] = {"text": name, "type": ekind, "start": found[0]["start"],
                                  "end": found[0]["end"], "mentions": found}  # fmt: skip
        if ekind == "LOC":
            entity.update(lat=coords[name][0], lon=coords[name][1], gazetteer_id=None)
        entities.append(entity)
    events: list[dict[str, Any]] = []
    for number, draft in enumerate(drafts, start=1):
        start, end, person, org, city, verb, kind, edtf, confidence = draft
        timex = timexes[number - 1]
        v_start = text.index(verb, start)
        spans = {name: text.index(name, v_start) for name in (person, org, city)}
        evidence = _evidence(text, start, end)
        events.append({
            "id": f"e{number}", "label": f"{person}: {verb} ({city})", "type": kind,
            "trigger": {"text": verb, "lemma": verb, "start": v_start,
                        "end": v_start + len(verb), "particle_start": None},
            "participants": [
                {"text": name, "role": role, "start": spans[name],
                 "end": spans[name] + len(name), "entity": index[name]}
                for name, role in ((person, "agent"), (org, "patient"))
            ],
            "place": {"text": city, "start": spans[city], "end": spans[city] + len(city),
                      "entity": index[city], "lat": coords[city][0], "lon": coords[city][1],
                      "gazetteer_id": None},
            "time": {"value": timex["value"], "edtf": edtf,
                     **{key: timex[key] for key in _KEYS}, "source": "explicit",
                     "timex": timex["tid"], "reference": None, "text": timex["text"]},
            "confidence": confidence, "modality": "asserted", "hypothetical": False,
            "evidence": evidence, "mentions": [evidence],
        })  # fmt: skip
    events.sort(key=lambda event: (event["time"]["earliest_begin"] is None, _sort_year(event)))
    return {
        "schema_version": 1,
        "document": {
            "text": text,
            "lang": "de",
            "kind": "narrative",
            "dct": None,
            "source": f"synthetic-{n_events}.de.txt",
        },
        "events": events,
        "entities": entities,
        "timexes": timexes,
        "anchors": [],
    }


def _year(year: int) -> str:
    return f"{'-' if year < 0 else ''}{abs(year):04d}"


def _sort_year(event: dict[str, Any]) -> tuple[int, int]:
    begin = event["time"]["earliest_begin"] or "0000-01-01"
    return int(begin[: begin.index("-", 1)]), event["evidence"]["start"]


def edge_timeline() -> dict[str, Any]:
    """:func:`sample_timeline` plus the awkward cases every exporter must survive.

    An event with no time at all, a hypothetical one, one open at its end
    (``1953/..``), one known only to end (``../1950-11``), and a label that a
    spreadsheet would run as a formula.

    >>> [e["time"]["edtf"] for e in edge_timeline()["events"][-4:]]
    [None, '1953-07-27', '1953/..', '../1950-11']
    """
    timeline = sample_timeline()
    events = timeline["events"]
    base = events[-1]

    def variant(number: int, label: str, time: dict[str, Any], **changes: Any) -> dict[str, Any]:
        return {
            **base,
            "id": f"e{number}",
            "label": label,
            "time": {**base["time"], **time},
            **changes,
        }

    none = dict.fromkeys(_KEYS)
    events += [
        variant(8, "=SUMME(A1:A9) ohne Datum", {"value": None, "edtf": None, **none,
                "source": "unknown", "timex": None, "text": None}),
        variant(9, "Angriff (nur erwogen)", {}, modality="conditional", hypothetical=True),
        variant(10, "Stationierung seit 1953", {"value": "1953", "edtf": "1953/..",
                "earliest_begin": "1953-01-01", "latest_begin": "1953-12-31",
                "earliest_end": None, "latest_end": None, "source": "bounded",
                "text": "seit 1953"}),
        variant(11, "Besetzung bis November 1950", {"value": "1950-11", "edtf": "../1950-11",
                "earliest_begin": None, "latest_begin": None, "earliest_end": "1950-11-01",
                "latest_end": "1950-11-30", "source": "bounded", "text": "bis November 1950"}),
    ]  # fmt: skip
    return timeline
