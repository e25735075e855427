"""Query latency of a corpus store: 100 varied queries, medians per kind, against a peer.

Usage (from the repository root)::

    .venv/bin/python bench/store_query.py STORE [--seed 7] [--limit 50]
        [--peer-src OTHER/src --peer-store OTHER.duckdb] [--rounds 2]

The queries are drawn from the store itself (seeded): 30 people and 25 places
(the entities found in most documents, searched by their last word, as a
user types them), 25 periods (a year or a decade between 1500 and 2020: the
events within it), 20 full-text searches (one or two words from event labels),
and the 25 periods again with ``overlapping`` (every event whose time overlaps). Each query runs
through :class:`chronist.Store` as ``chronist events`` does it (the file
opened, queried and closed), once returning every matching event with all
its mentions and once only the first ``--limit`` (a page, as an API returns
it).

With ``--peer-src`` the same queries also run with another checkout's code
(e.g. ``git archive main src | tar -x -C /tmp/main``) on ``--peer-store``
(that code's store of the same documents), each side in its own process,
in rounds ``peer, this, this, peer, ...`` so that both see the same load
(CPU ms: the process's CPU time, all DuckDB threads, less sensitive to it);
the report gives the ratio this/peer per kind, the load average, and
whether both returned the same events for every query. Results go to
``results/store_query.json`` and ``.md``; not a test.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
SRC = BENCH.parent / "src"


def queries(store: Any, seed: int) -> list[tuple[str, dict[str, Any]]]:
    rng = random.Random(seed)
    people = [e["text"].split()[-1] for e in store.entities(type="PER")[:30]]
    places = [e["text"].split()[-1] for e in store.entities(type="LOC")[:25]]
    found: list[tuple[str, dict[str, Any]]] = [("person", {"person": p}) for p in people]
    found += [("place", {"place": p}) for p in places]
    periods = []
    for _ in range(25):
        year = rng.randrange(1500, 2020)
        if rng.random() < 0.5:
            periods.append({"start": str(year), "end": str(year)})
        else:
            decade = year - year % 10
            periods.append({"start": str(decade), "end": str(decade + 9)})
    found += [("period", period) for period in periods]
    labels = [e["label"] for e in store.events(limit=2000)]
    words = sorted({w for label in labels for w in re.findall(r"\b[A-ZÄÖÜ][a-zäöüß]{5,}\b", label)})
    for _ in range(20):
        chosen = rng.sample(words, 2 if rng.random() < 0.3 else 1)
        found.append(("fulltext", {"text": " ".join(chosen)}))
    # the same periods, every event whose time overlaps them (the only reading of
    # chronist before December 2026: a peer of that age runs these without the option)
    found += [("period-overlapping", {**period, "overlapping": True}) for period in periods]
    return found


# what both sides give of an event (a newer side may add fields, such as ``confidence``)
_COMPARED = ("id", "label", "type", "time", "sources", "participants", "place", "mentions")


def _digest(events: list[Any]) -> str:
    shown = [{name: event.get(name) for name in _COMPARED} for event in events]
    return hashlib.sha256(json.dumps(shown, sort_keys=True, default=str).encode()).hexdigest()


def measure(path: Path, seed: int, limit: int) -> dict[str, Any]:
    """Every query of the plan, timed (ms) in both modes, with a digest of its results."""
    from chronist import Store
    from chronist.store import EventFilter

    store = Store(path)
    counts = store.counts()
    plan = queries(store, seed)
    runs = []
    overlapping_known = "overlapping" in EventFilter.__dataclass_fields__
    for kind, filters in plan:
        run: dict[str, Any] = {"kind": kind, "filters": filters}
        if not overlapping_known:
            if kind == "period":  # an older peer: every period query overlaps
                runs.append({**run, "all": None})
                continue
            filters = {k: v for k, v in filters.items() if k != "overlapping"}
        for mode, extra in (("all", {}), ("page", {"limit": limit})):
            started, cpu = time.perf_counter(), time.process_time()
            events = store.events(**filters, **extra)
            run[mode] = (time.perf_counter() - started) * 1000
            run[mode + "_cpu"] = (time.process_time() - cpu) * 1000
            if mode == "all":
                run["results"] = len(events)
                run["digest"] = _digest(events)
        runs.append(run)
    return {"counts": counts, "runs": runs}


def _side(path: Path, src: Path, args: argparse.Namespace) -> dict[str, Any]:
    """One measurement in a fresh process running the code in ``src``."""
    before = os.getloadavg()[0]
    command = [sys.executable, __file__, str(path), "--raw", "--seed", str(args.seed)]
    command += ["--limit", str(args.limit)]
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout)
    result["load"] = [before, os.getloadavg()[0]]
    return result


def _summary(sides: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    every: dict[str, dict[str, list[float]]] = {}
    for side in sides:
        for run in side["runs"]:
            if run["all"] is None:
                continue  # a query the side cannot run
            kind = every.setdefault(run["kind"], {"all": [], "cpu": [], "page": [], "results": []})
            kind["all"].append(run["all"])
            kind["cpu"].append(run["all_cpu"])
            kind["page"].append(run["page"])
            kind["results"].append(run["results"])
    summary = {}
    for kind, values in every.items():
        p90 = statistics.quantiles(values["all"], n=10)[-1]
        summary[kind] = {
            "n": len(values["all"]) // len(sides),
            "median_ms_all": round(statistics.median(values["all"]), 1),
            "p90_ms_all": round(p90, 1),
            "median_cpu_ms_all": round(statistics.median(values["cpu"]), 1),
            "median_ms_page": round(statistics.median(values["page"]), 1),
            "median_results": statistics.median(values["results"]),
        }
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--limit", type=int, default=50)
    parser.add_argument("--peer-src", type=Path, help="the peer's src/ (another checkout)")
    parser.add_argument("--peer-store", type=Path, help="the peer's store (default: STORE)")
    parser.add_argument("--rounds", type=int, default=2, help="runs of each side")
    parser.add_argument("--raw", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, default=BENCH / "results" / "store_query")
    args = parser.parse_args()
    if args.raw:
        print(json.dumps(measure(args.store, args.seed, args.limit)))
        return 0
    ours: list[dict[str, Any]] = []
    peers: list[dict[str, Any]] = []
    for round_ in range(args.rounds):
        order = ["peer", "ours"] if round_ % 2 == 0 else ["ours", "peer"]
        for side in order:
            if side == "ours":
                ours.append(_side(args.store, SRC, args))
            elif args.peer_src is not None:
                peers.append(_side(args.peer_store or args.store, args.peer_src, args))
    counts = ours[0]["counts"]
    mine = _summary(ours)
    result: dict[str, Any] = {
        "store": str(args.store),
        "documents": counts["documents"],
        "merged_events": counts["merged_events"],
        "event_mentions": counts["event_mentions"],
        "queries": len(ours[0]["runs"]),
        "rounds": args.rounds,
        "load_average": [round(x, 2) for side in ours + peers for x in side["load"]],
        "kinds": mine,
    }
    lines = [
        f"# Store queries: {result['queries']} queries on {counts['documents']} documents, "
        f"{counts['merged_events']} merged events",
        "",
        f"{args.rounds} runs of every query, each in a fresh process; load average "
        f"{min(result['load_average']):.1f} to {max(result['load_average']):.1f} "
        "(2 cores, shared).",
        "",
    ]
    if peers:
        theirs = _summary(peers)
        pairs = [
            (a, b)
            for a, b in zip(ours[0]["runs"], peers[0]["runs"], strict=True)
            if b["all"] is not None
        ]
        same = sum(a["digest"] == b["digest"] for a, b in pairs)
        result["peer"] = {"src": str(args.peer_src), "store": str(args.peer_store or args.store)}
        result["peer_kinds"] = theirs
        result["same_results"] = same
        lines += [
            f"Peer: the code in `{args.peer_src}` on its own store, in the same run. Same "
            f"events as the peer for {same} of the {len(pairs)} queries both can run "
            "(a peer older than `--overlapping` reads every period as overlapping).",
            "",
            f"| kind | n | median ms (all results) | peer | ratio | p90 ms | peer p90 "
            f"| CPU ms | peer | median ms (first {args.limit}) | peer | median results |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for kind, numbers in mine.items():
            peer = theirs.get(kind, {})
            ratio = f"{numbers['median_ms_all'] / peer['median_ms_all']:.2f}" if peer else "–"
            lines.append(
                f"| {kind} | {numbers['n']} | {numbers['median_ms_all']} "
                f"| {peer.get('median_ms_all', '–')} | {ratio} | {numbers['p90_ms_all']} "
                f"| {peer.get('p90_ms_all', '–')} | {numbers['median_cpu_ms_all']} "
                f"| {peer.get('median_cpu_ms_all', '–')} | {numbers['median_ms_page']} "
                f"| {peer.get('median_ms_page', '–')} | {numbers['median_results']} |"
            )
    else:
        lines += [
            "| kind | n | median ms (all results) | p90 ms | CPU ms "
            f"| median ms (first {args.limit}) "
            "| median results |",
            "|---|---|---|---|---|---|---|",
        ]
        for kind, numbers in mine.items():
            lines.append(
                f"| {kind} | {numbers['n']} | {numbers['median_ms_all']} "
                f"| {numbers['p90_ms_all']} | {numbers['median_cpu_ms_all']} "
                f"| {numbers['median_ms_page']} | {numbers['median_results']} |"
            )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.with_suffix(".json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    args.out.with_suffix(".md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
