"""Dask ingestion: 1 worker against 2 workers on the same Wikipedia articles, same run.

Usage (from the repository root)::

    .venv/bin/python bench/dask_scaling.py [--documents 160] [--partition-chars 100000] [--rounds 1]

Each run ingests the subset (:mod:`corpus_subset`: seeded, none of the
evaluation articles) into a fresh store with ``--engine dask`` on a
``LocalCluster`` of 1, then 2 single-threaded worker processes, and times
(a) the extraction alone (every partition's shard written by the workers),
(b) the merge alone (the one writer, building a store from those shards) and
(c) **the whole ingest**, extraction and merge pipelined as ``chronist ingest
--engine dask`` runs (the figure the scaling target is about), with the CPU
seconds this process used in it: the writer, and the Dask scheduler and client,
which a ``LocalCluster`` runs in the same process (as ``chronist ingest`` does).
With ``--rounds N`` the pair is run N times, alternating which goes first, and
the speed-ups are the medians.
Results go to ``results/dask_scaling.json`` and ``.md``. Not a test: the
figures depend on the machine and on what else runs on it (the load average
before and after each run is recorded).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_subset import subset

BENCH = Path(__file__).resolve().parent


def run(files: list[Path], workers: int, chars: int, folder: Path) -> dict[str, Any]:
    """Extraction on Dask (all shards written), then the merge alone, then both pipelined."""
    from distributed import Client, LocalCluster, wait

    from chronist.store.distributed import ingest_dask
    from chronist.store.shards import extract_partition, plan, shard_root

    inputs = [str(f) for f in files]
    tag = f"w{workers}-{time.monotonic_ns()}"
    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=":0") as cluster,
        Client(cluster) as client,
    ):
        client.run(lambda: __import__("chronist.timeline.build"))  # warm the workers' imports
        store = folder / f"{tag}.duckdb"
        partitions, _ = plan(inputs, "de", "auto", None, None, chars)
        root = str(shard_root(store))
        load = os.getloadavg()[0]
        started = time.perf_counter()
        futures = [
            client.submit(extract_partition, p, root, "de", "auto", None, frozenset())
            for p in partitions
        ]
        wait(futures)
        extraction = time.perf_counter() - started
        started = time.perf_counter()
        merged = ingest_dask(
            store, inputs, scheduler=cluster.scheduler_address, partition_chars=chars
        )
        merge = time.perf_counter() - started
        assert merged.shards_reused == len(partitions), merged
        assert merged.stored == len(files), merged
        started, cpu = time.perf_counter(), time.process_time()
        workers_cpu = client.run(time.process_time)
        both = ingest_dask(
            folder / f"{tag}-pipelined.duckdb", inputs,
            scheduler=cluster.scheduler_address, partition_chars=chars,
        )  # fmt: skip
        pipelined = time.perf_counter() - started
        writer_cpu = time.process_time() - cpu
        after = client.run(time.process_time)
        worker_cpu = sum(after[w] - workers_cpu[w] for w in after)
    assert both.stored == len(files) and not both.failed, both
    n = len(files)
    return {
        "workers": workers,
        "documents": n,
        "partitions": len(partitions),
        "extraction_seconds": round(extraction, 2),
        "extraction_docs_per_s": round(n / extraction, 3),
        "merge_seconds": round(merge, 2),
        "merge_docs_per_s": round(n / merge, 3),
        "pipelined_seconds": round(pipelined, 2),
        "pipelined_docs_per_s": round(n / pipelined, 3),
        "writer_cpu_seconds": round(writer_cpu, 2),
        "worker_cpu_seconds": round(worker_cpu, 2),
        "load_before": round(load, 2),
        "load_after": round(os.getloadavg()[0], 2),
    }


def _ratio(runs: list[dict[str, Any]], metric: str) -> float:
    """The median over rounds of (2 workers' rate / 1 worker's rate)."""
    ones = [r[metric] for r in runs if r["workers"] == 1]
    twos = [r[metric] for r in runs if r["workers"] == 2]
    return round(statistics.median(b / a for a, b in zip(ones, twos, strict=True)), 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=160)
    parser.add_argument("--partition-chars", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    files = subset(args.documents)
    chars = sum(len(f.read_text(encoding="utf-8")) for f in files)
    runs = []
    with tempfile.TemporaryDirectory() as temporary:
        for round_ in range(args.rounds):
            for workers in (1, 2) if round_ % 2 == 0 else (2, 1):
                found = run(files, workers, args.partition_chars, Path(temporary))
                runs.append({"round": round_ + 1, **found})
                print(json.dumps(runs[-1]), file=sys.stderr)
    runs.sort(key=lambda r: (r["round"], r["workers"]))
    # CPU-bound projection for two otherwise idle cores: one worker takes the worker
    # CPU time E (the writer, W, runs beside it on the other core); two workers and
    # the writer share both cores, (E + W) / 2. Ignores start-up and the last task.
    pairs = [(r["worker_cpu_seconds"], r["writer_cpu_seconds"]) for r in runs if r["workers"] == 2]
    projected = statistics.median(2 * e / (e + w) for e, w in pairs)
    speedups = {
        "extraction": _ratio(runs, "extraction_docs_per_s"),
        "merge": _ratio(runs, "merge_docs_per_s"),
        "whole_ingest": _ratio(runs, "pipelined_docs_per_s"),
    }
    result = {
        "documents": len(files),
        "characters": chars,
        "partition_chars": args.partition_chars,
        "cores": os.cpu_count(),
        "rounds": args.rounds,
        "runs": runs,
        "speedup_2_over_1": speedups,
        "projected_idle_speedup_2_over_1": round(projected, 2),
        "note": "load average before/after each run; other jobs may share the cores",
    }
    out = BENCH / "results"
    out.mkdir(exist_ok=True)
    (out / "dask_scaling.json").write_text(json.dumps(result, indent=2) + "\n")
    lines = [
        f"# Dask ingest: 1 vs 2 workers, {len(files)} wiki articles ({chars:,} characters), "
        f"partitions of {args.partition_chars:,} characters",
        "",
        "| round | workers | tasks | extraction s (docs/s) | merge alone s (docs/s) "
        "| whole ingest s (docs/s) | worker CPU s | writer + scheduler CPU s | load before/after |",
        "|---|---|---|---|---|---|---|---|---|",
        *(
            f"| {r['round']} | {r['workers']} | {r['partitions']} "
            f"| {r['extraction_seconds']} ({r['extraction_docs_per_s']}) "
            f"| {r['merge_seconds']} ({r['merge_docs_per_s']}) "
            f"| {r['pipelined_seconds']} ({r['pipelined_docs_per_s']}) "
            f"| {r['worker_cpu_seconds']} | {r['writer_cpu_seconds']} "
            f"| {r['load_before']:.1f} / {r['load_after']:.1f} |"
            for r in runs
        ),
        "",
        f"Speed-up of 2 workers over 1 (median over {args.rounds} round(s)): "
        f"**whole ingest {speedups['whole_ingest']:.2f}x**, extraction alone "
        f"{speedups['extraction']:.2f}x. {os.cpu_count()} cores; the load average includes "
        "the run's own processes and anything else running on the machine.",
        "",
        f"CPU-bound projection for two otherwise idle cores, from the 2-worker whole ingest's "
        f"CPU times (worker E, writer + scheduler W): 2E / (E + W) = {projected:.2f}x "
        "(not a measurement: it leaves out start-up and the wait for the last task).",
    ]
    (out / "dask_scaling.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
