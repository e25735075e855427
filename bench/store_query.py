"""Query latency of a corpus store: 100 varied queries, medians per kind.

Usage (from the repository root)::

    .venv/bin/python bench/store_query.py STORE [--seed 7] [--limit 50]

The queries are drawn from the store itself (seeded): 30 people and 25 places
(the entities found in most documents, searched by their last word, as a
user types them), 25 periods (a year or a decade between 1500 and 2020) and
20 full-text searches (one or two words from event labels). Each query runs
through :class:`chronist.Store` as ``chronist events`` does it (the file
opened, queried and closed), once returning every matching event with all
its mentions and once only the first ``--limit`` (a page, as an API returns
it). Results go to ``results/store_query.json`` and ``.md``; not a test.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent


def queries(store: Any, seed: int) -> list[tuple[str, dict[str, Any]]]:
    rng = random.Random(seed)
    people = [e["text"].split()[-1] for e in store.entities(type="PER")[:30]]
    places = [e["text"].split()[-1] for e in store.entities(type="LOC")[:25]]
    found: list[tuple[str, dict[str, Any]]] = [("person", {"person": p}) for p in people]
    found += [("place", {"place": p}) for p in places]
    for _ in range(25):
        year = rng.randrange(1500, 2020)
        if rng.random() < 0.5:
            found.append(("period", {"start": str(year), "end": str(year)}))
        else:
            decade = year - year % 10
            found.append(("period", {"start": str(decade), "end": str(decade + 9)}))
    labels = [e["label"] for e in store.events(limit=2000)]
    words = sorted({w for label in labels for w in re.findall(r"\b[A-ZÄÖÜ][a-zäöüß]{5,}\b", label)})
    for _ in range(20):
        chosen = rng.sample(words, 2 if rng.random() < 0.3 else 1)
        found.append(("fulltext", {"text": " ".join(chosen)}))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--limit", type=int, default=50)
    parser.add_argument("--out", type=Path, default=BENCH / "results" / "store_query")
    args = parser.parse_args()
    from chronist import Store

    store = Store(args.store)
    counts = store.counts()
    plan = queries(store, args.seed)
    timings: dict[str, dict[str, list[float]]] = {}
    sizes: dict[str, list[int]] = {}
    for kind, filters in plan:
        for mode, extra in (("all", {}), ("page", {"limit": args.limit})):
            started = time.perf_counter()
            events = store.events(**filters, **extra)
            elapsed = (time.perf_counter() - started) * 1000
            timings.setdefault(kind, {}).setdefault(mode, []).append(elapsed)
            if mode == "all":
                sizes.setdefault(kind, []).append(len(events))
    result: dict[str, Any] = {
        "store": str(args.store),
        "documents": counts["documents"],
        "merged_events": counts["merged_events"],
        "event_mentions": counts["event_mentions"],
        "queries": len(plan),
        "kinds": {},
    }
    lines = [
        f"# Store queries: {len(plan)} queries on {counts['documents']} documents, "
        f"{counts['merged_events']} merged events",
        "",
        f"| kind | n | median ms (all results) | p90 ms | median ms (first {args.limit}) "
        "| median results |",
        "|---|---|---|---|---|---|",
    ]
    for kind, modes in timings.items():
        every, page = modes["all"], modes["page"]
        p90 = statistics.quantiles(every, n=10)[-1] if len(every) > 1 else every[0]
        numbers = {
            "n": len(every),
            "median_ms_all": round(statistics.median(every), 1),
            "p90_ms_all": round(p90, 1),
            "median_ms_page": round(statistics.median(page), 1),
            "median_results": statistics.median(sizes[kind]),
        }
        result["kinds"][kind] = numbers
        lines.append(
            f"| {kind} | {numbers['n']} | {numbers['median_ms_all']} | {numbers['p90_ms_all']} "
            f"| {numbers['median_ms_page']} | {numbers['median_results']} |"
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.with_suffix(".json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    args.out.with_suffix(".md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
