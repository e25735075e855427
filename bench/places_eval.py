"""Score chronist's places against the blind place gold of ``bench/wiki_de``.

    .venv/bin/python bench/places_eval.py                  # totals of all twelve splits
    .venv/bin/python bench/places_eval.py --split dev -v   # dev, with every miss
    .venv/bin/python bench/places_eval.py --split dev2 -v  # the second dev set

Twelve splits: ``dev`` and ``frozen`` are the passages of ``documents.tsv`` (43
passages, their place gold written in session 19); ``dev2`` and ``frozen2`` are
the ten place-only passages of ``places2.tsv`` (German Wikipedia history
articles none of the other gold uses, annotated blind in session 21 before
chronist was run on them; four drawn at random for ``frozen2``); ``dev3`` and
``frozen3`` the eight of ``places3.tsv`` (session 23, the same way, articles A-M;
three drawn with ``random.Random(23)`` for ``frozen3``); ``dev4`` and ``frozen4``
the eight of ``bench/wiki_de8`` (session 25, the same way, articles A-M; three
drawn with ``random.Random(25)`` for ``frozen4``); ``dev5`` and ``frozen5`` the eight
of ``bench/wiki_de12`` (session 27, the same way, articles N-Z; three drawn with
``random.Random(27)`` for ``frozen5``); ``dev6`` and ``frozen6`` the eight of
``bench/wiki_de16`` (session 27, the same way, articles E-I; three drawn with
``random.Random(28)`` for ``frozen6``).

Each passage runs through the whole timeline pass (so the dates near a place
count as evidence). A gold mention is

- ``right``: a place entity of chronist covers it and its point is within the
  tolerance of the gold point (25 km settlements and sites; 150 km islands,
  lakes and mountains; 300 km regions, rivers, historical states, seas and
  other; 500 km countries and continents);
- ``wrong pin``: covered by a place with a point outside the tolerance;
- ``unresolved``: covered by a place without a point;
- ``not found``: no place entity covers it (a person or organisation there
  counts here).

``pins without gold``: mentions of resolved chronist places that overlap no
gold mention. Gold mentions whose point is ``?`` are left out of every count.
Tune on ``dev``, ``dev2``, ``dev3``, ``dev4``, ``dev5`` and ``dev6`` only; the ``frozen`` splits
are reported as totals and never listed (``-v`` refuses them).
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

BENCH = Path(__file__).resolve().parent
HERE = BENCH / "wiki_de"
TOLERANCE_KM = {
    "settlement": 25.0,
    "site": 25.0,
    "island": 150.0,
    "lake": 150.0,
    "mountain": 150.0,
    "region": 300.0,
    "river": 300.0,
    "historical-state": 300.0,
    "sea": 300.0,
    "other": 300.0,
    "country": 500.0,
    "continent": 500.0,
}
OUTCOMES = ("right", "wrong pin", "unresolved", "not found")
SPLITS = {
    "dev": HERE / "documents.tsv",
    "frozen": HERE / "documents.tsv",
    "dev2": HERE / "places2.tsv",
    "frozen2": HERE / "places2.tsv",
    "dev3": HERE / "places3.tsv",
    "frozen3": HERE / "places3.tsv",
    "dev4": BENCH / "wiki_de8" / "documents.tsv",
    "frozen4": BENCH / "wiki_de8" / "documents.tsv",
    "dev5": BENCH / "wiki_de12" / "documents.tsv",
    "frozen5": BENCH / "wiki_de12" / "documents.tsv",
    "dev6": BENCH / "wiki_de16" / "documents.tsv",
    "frozen6": BENCH / "wiki_de16" / "documents.tsv",
}
TUNABLE = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6")


@dataclass(frozen=True, slots=True)
class GoldPlace:
    start: int
    end: int
    text: str
    name: str
    kind: str
    lat: float
    lon: float


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance.

    >>> round(distance_km(52.52, 13.40, 48.14, 11.58))
    504
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def read_gold(folder: Path, name: str) -> list[GoldPlace]:
    rows = []
    with open(folder / "gold" / "places" / f"{name}.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["lat"] == "?" or row["lon"] == "?":
                continue
            start, end, lat, lon = int(row["start"]), int(row["end"]), row["lat"], row["lon"]
            place = GoldPlace(start, end, row["text"], row["name"], row["kind"], 0.0, 0.0)
            rows.append(replace(place, lat=float(lat), lon=float(lon)))
    return rows


def documents(split: str) -> list[tuple[Path, str]]:
    """The passages of a split, each with the folder of its text and gold."""
    table = SPLITS[split]
    with open(table, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(table.parent, r["name"]) for r in rows if r["split"] == split]


def score_document(folder: Path, name: str, lines: list[str] | None = None) -> Counter[str]:
    from chronist.entities.types import EntityType
    from chronist.timeline import build_timeline

    text = (folder / "docs" / f"{name}.txt").read_text(encoding="utf-8")
    timeline = build_timeline(text)
    spans = [
        (m.start, m.end, e)
        for e in timeline.entities
        if e.type is EntityType.LOC
        for m in e.mentions
    ]
    gold = read_gold(folder, name)
    counts: Counter[str] = Counter()
    for place in gold:
        hits = [e for s, t, e in spans if s < place.end and place.start < t]
        if not hits:
            outcome, shown = "not found", ""
        else:
            entity = hits[0]
            if entity.lat is None or entity.lon is None:
                outcome, shown = "unresolved", entity.text
            else:
                km = distance_km(place.lat, place.lon, entity.lat, entity.lon)
                right = km <= TOLERANCE_KM[place.kind]
                outcome = "right" if right else "wrong pin"
                shown = f"{entity.text} {entity.gazetteer_id} {km:.0f} km"
        counts[outcome] += 1
        counts[f"{place.kind}:{outcome}"] += 1
        if lines is not None and outcome != "right":
            lines.append(f"{name}\t{outcome}\t{place.text}\t{place.name} ({place.kind})\t{shown}")
    for start, end, entity in spans:
        if entity.lat is None or any(g.start < end and start < g.end for g in gold):
            continue
        counts["pins without gold"] += 1
        if lines is not None:
            lines.append(f"{name}\tpin without gold\t{text[start:end]}\t\t{entity.gazetteer_id}")
    counts["gold"] += len(gold)
    return counts


def report(split: str, counts: Counter[str], by_kind: bool = False) -> str:
    gold = counts["gold"]
    bad = counts["wrong pin"] + counts["pins without gold"]
    parts = [f"{split}: {gold} gold mentions"]
    for outcome in OUTCOMES:
        parts.append(f"  {outcome:<18}{counts[outcome]:>5}  {counts[outcome] / gold:6.1%}")
    parts.append(f"  {'pins without gold':<18}{counts['pins without gold']:>5}")
    parts.append(f"  wrong + pins without gold, share of gold: {bad / gold:.1%}")
    if by_kind:
        kinds = sorted({k.split(":")[0] for k in counts if ":" in k})
        for kind in kinds:
            total = sum(counts[f"{kind}:{o}"] for o in OUTCOMES)
            cells = "  ".join(f"{o} {counts[f'{kind}:{o}']}" for o in OUTCOMES)
            parts.append(f"  {kind:<17}{total:>4}  {cells}")
    return "\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses (dev splits)")
    parser.add_argument("--by-kind", action="store_true", help="outcomes per kind (dev splits)")
    args = parser.parse_args()
    splits = list(SPLITS) if args.split == "all" else [args.split]
    if (args.verbose or args.by_kind) and any(s not in TUNABLE for s in splits):
        sys.exit("places_eval: -v and --by-kind are for the dev splits; frozen stays blind")
    for split in splits:
        lines: list[str] | None = [] if args.verbose else None
        total: Counter[str] = Counter()
        for folder, name in documents(split):
            total += score_document(folder, name, lines)
        if lines:
            print("\n".join(lines))
        print(report(split, total, args.by_kind))


if __name__ == "__main__":
    main()
