"""Load on ``chronist serve``: concurrent clients on loopback, queries mixed with /extract.

Usage (from the repository root)::

    .venv/bin/python bench/api_load.py [--clients 20] [--seconds 30] [--documents 20]

Ingests ``--documents`` Wikipedia articles (:mod:`corpus_subset`, none of the
evaluation articles) into a fresh store, starts ``chronist serve`` on a free
loopback port (its own process), then runs ``--clients`` concurrent httpx
clients for ``--seconds``; each picks at random: events by person, by place,
by period, by full text, one event, the documents, the people, one document,
or (one request in ten) ``POST /extract`` of a paragraph. Any answer but a
200, and any transport error, is an error. Latency p50/p95/max and requests/s
go to ``results/api_load.json`` and ``.md``. Not a test: the figures depend on
the machine and on what else runs on it (the load average is recorded).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_subset import subset

BENCH = Path(__file__).resolve().parent
PARAGRAPH = (
    "Am 25. Juni 1950 griff Nordkorea Südkorea an. Am 27. Juli 1953 unterzeichneten "
    "Nordkorea und die USA in Panmunjeom den Waffenstillstand. Harry S. Truman setzte am "
    "11. April 1951 Douglas MacArthur ab."
)


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _requests(store: Path) -> tuple[list[tuple[str, str, dict[str, Any]]], dict[str, int]]:
    """The GET requests to draw from, built from what the store holds."""
    from chronist import Store

    corpus = Store(store)
    people = [e["text"] for e in corpus.entities("PER")][:30] or ["Müller"]
    places = [e["text"] for e in corpus.entities("LOC")][:30] or ["Berlin"]
    events = [e["id"] for e in corpus.events(limit=200)]
    documents = [d["id"] for d in corpus.documents()]
    words = ["Krieg", "Gründung", "Geburt", "Stadt", "König", "Jahr"]
    gets: list[tuple[str, str, dict[str, Any]]] = []
    for _ in range(300):
        start = random.randint(1000, 2000)
        gets += [
            ("events-person", "/events", {"person": random.choice(people), "limit": 50}),
            ("events-place", "/events", {"place": random.choice(places), "limit": 50}),
            ("events-period", "/events", {"from": str(start), "to": str(start + 50)}),
            ("events-text", "/events", {"text": random.choice(words), "limit": 50}),
            ("event", f"/events/{random.choice(events)}", {}),
            ("documents", "/documents", {"limit": 20}),
            ("entities", "/entities", {"type": "PER", "limit": 50}),
            ("document", f"/documents/{random.choice(documents)}", {}),
        ]
    return gets, {"events": len(events), "documents": len(documents)}


async def _client(
    base: str, gets: list[tuple[str, str, dict[str, Any]]], until: float, seen: list[Any]
) -> None:
    import httpx

    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        while time.perf_counter() < until:
            if random.random() < 0.1:
                kind, call = "extract", client.post("/extract", json={"text": PARAGRAPH})
            else:
                kind, path, params = random.choice(gets)
                call = client.get(path, params=params)
            started = time.perf_counter()
            try:
                answer = await call
                status = answer.status_code
            except httpx.HTTPError as error:
                status = f"{type(error).__name__}"
            seen.append((kind, time.perf_counter() - started, status))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--documents", type=int, default=20)
    args = parser.parse_args()
    random.seed(15)
    import httpx

    from chronist import Store

    with tempfile.TemporaryDirectory() as temporary:
        store = Path(temporary) / "corpus.duckdb"
        Store(store).ingest([str(p) for p in subset(args.documents, seed=7)], jobs=2)
        gets, sizes = _requests(store)
        port = _port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [sys.executable, "-m", "chronist.cli", "serve", "--store", str(store),
             "--port", str(port)],
        )  # fmt: skip
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    httpx.get(f"{base}/health").raise_for_status()
                    break
                except httpx.HTTPError:
                    assert time.monotonic() < deadline and server.poll() is None
                    time.sleep(0.2)
            httpx.post(f"{base}/extract", json={"text": PARAGRAPH}, timeout=60)  # warm
            load = os.getloadavg()[0]
            seen: list[Any] = []
            started = time.perf_counter()
            until = started + args.seconds

            async def everyone() -> None:
                await asyncio.gather(
                    *(_client(base, gets, until, seen) for _ in range(args.clients))
                )

            asyncio.run(everyone())
            elapsed = time.perf_counter() - started
        finally:
            server.terminate()
            server.wait(timeout=30)
    latencies = sorted(s for _, s, _ in seen)
    errors = [(kind, status) for kind, _, status in seen if status != 200]

    def quantile(values: list[float], q: float) -> float:
        return round(1000 * values[min(len(values) - 1, int(q * len(values)))], 1)

    per_kind = {}
    for kind in sorted({k for k, _, _ in seen}):
        mine = sorted(s for k, s, _ in seen if k == kind)
        per_kind[kind] = {"requests": len(mine), "p50_ms": quantile(mine, 0.5),
                          "p95_ms": quantile(mine, 0.95)}  # fmt: skip
    result = {
        "clients": args.clients,
        "seconds": round(elapsed, 1),
        "store": {"documents": sizes["documents"], "events_sampled": sizes["events"]},
        "requests": len(seen),
        "errors": len(errors),
        "error_kinds": sorted({f"{k}: {s}" for k, s in errors}),
        "requests_per_s": round(len(seen) / elapsed, 1),
        "p50_ms": quantile(latencies, 0.5),
        "p95_ms": quantile(latencies, 0.95),
        "max_ms": round(1000 * latencies[-1], 1),
        "mean_ms": round(1000 * statistics.fmean(latencies), 1),
        "by_kind": per_kind,
        "cores": os.cpu_count(),
        "load_avg_before": load,
        "note": "server and clients on one 2-core machine shared with other developers' jobs",
    }
    out = BENCH / "results"
    out.mkdir(exist_ok=True)
    (out / "api_load.json").write_text(json.dumps(result, indent=2) + "\n")
    lines = [
        f"# API load: {args.clients} clients, {elapsed:.0f} s on loopback",
        "",
        f"{len(seen)} requests, {len(errors)} errors, {result['requests_per_s']} requests/s; "
        f"latency p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, max {result['max_ms']} ms "
        f"(store of {sizes['documents']} documents; load average {load:.1f} on "
        f"{os.cpu_count()} cores shared with other jobs).",
        "",
        "| request | count | p50 ms | p95 ms |",
        "|---|---|---|---|",
        *(
            f"| {k} | {v['requests']} | {v['p50_ms']} | {v['p95_ms']} |"
            for k, v in per_kind.items()
        ),
    ]
    (out / "api_load.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
