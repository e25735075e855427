"""Dask ingestion: 1 worker against 2 workers on the same Wikipedia articles, same run.

Usage (from the repository root)::

    .venv/bin/python bench/dask_scaling.py [--documents 40] [--partition 2]

Each run ingests the subset (:mod:`corpus_subset`: seeded, none of the
evaluation articles) into a fresh store with ``--engine dask`` on a
``LocalCluster`` of 1, then 2 single-threaded worker processes, and times
(a) the extraction alone (every partition's shard written by the workers),
(b) the merge alone (the one writer, reading those shards) and (c) the whole
ingest, extraction and merge pipelined as ``chronist ingest --engine dask`` runs. Results go to
``results/dask_scaling.json`` and ``.md``. Not a test: the figures depend on
the machine and on what else runs on it (the load average is recorded).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_subset import subset

BENCH = Path(__file__).resolve().parent


def run(files: list[Path], workers: int, partition: int, folder: Path) -> dict[str, Any]:
    """Extraction on Dask (all shards written), then the merge alone, then both pipelined."""
    from distributed import Client, LocalCluster, wait

    from chronist.store.distributed import ingest_dask
    from chronist.store.shards import extract_partition, plan, shard_root

    inputs = [str(f) for f in files]
    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=":0") as cluster,
        Client(cluster) as client,
    ):
        client.run(lambda: __import__("chronist.timeline.build"))  # warm the workers' imports
        store = folder / f"w{workers}.duckdb"
        partitions, _ = plan(inputs, "de", "auto", None, partition)
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
            store, inputs, scheduler=cluster.scheduler_address, partition_size=partition
        )
        merge = time.perf_counter() - started
        assert merged.shards_reused == len(partitions), merged
        assert merged.stored == len(files), merged
        started = time.perf_counter()
        both = ingest_dask(
            folder / f"w{workers}-pipelined.duckdb", inputs,
            scheduler=cluster.scheduler_address, partition_size=partition,
        )  # fmt: skip
        pipelined = time.perf_counter() - started
    assert both.stored == len(files) and not both.failed, both
    return {
        "workers": workers,
        "documents": len(files),
        "extraction_seconds": round(extraction, 2),
        "extraction_docs_per_s": round(len(files) / extraction, 3),
        "merge_seconds": round(merge, 2),
        "merge_docs_per_s": round(len(files) / merge, 3),
        "pipelined_seconds": round(pipelined, 2),
        "pipelined_docs_per_s": round(len(files) / pipelined, 3),
        "load_before": load,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=80)
    parser.add_argument("--partition", type=int, default=2)
    args = parser.parse_args()
    files = subset(args.documents)
    chars = sum(len(f.read_text(encoding="utf-8")) for f in files)
    with tempfile.TemporaryDirectory() as temporary:
        runs = [run(files, workers, args.partition, Path(temporary)) for workers in (1, 2)]
    speedup = runs[1]["extraction_docs_per_s"] / runs[0]["extraction_docs_per_s"]
    overall = runs[1]["pipelined_docs_per_s"] / runs[0]["pipelined_docs_per_s"]
    result = {
        "documents": len(files),
        "characters": chars,
        "partition": args.partition,
        "cores": os.cpu_count(),
        "runs": runs,
        "extraction_speedup_2_over_1": round(speedup, 2),
        "pipelined_speedup_2_over_1": round(overall, 2),
        "note": "2-core machine shared with other developers' jobs during the run",
    }
    out = BENCH / "results"
    out.mkdir(exist_ok=True)
    (out / "dask_scaling.json").write_text(json.dumps(result, indent=2) + "\n")
    lines = [
        f"# Dask ingest: 1 vs 2 workers, {len(files)} wiki articles ({chars:,} characters)",
        "",
        "| workers | extraction s (docs/s) | merge s (docs/s) | pipelined s (docs/s) | load |",
        "|---|---|---|---|---|",
        *(
            f"| {r['workers']} | {r['extraction_seconds']} ({r['extraction_docs_per_s']}) "
            f"| {r['merge_seconds']} ({r['merge_docs_per_s']}) "
            f"| {r['pipelined_seconds']} ({r['pipelined_docs_per_s']}) | {r['load_before']:.1f} |"
            for r in runs
        ),
        "",
        f"Extraction speed-up 2 over 1: {speedup:.2f}x; whole ingest (pipelined): {overall:.2f}x; "
        f"{os.cpu_count()} cores shared with other jobs (load average in the last column).",
    ]
    (out / "dask_scaling.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
