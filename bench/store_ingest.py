"""Ingest throughput of the corpus store against plain extraction, both with ``--jobs N``.

Usage (from the repository root)::

    .venv/bin/python bench/store_ingest.py [--pairs 60] [--jobs 2] [--corpus DIR]

Takes the first ``--pairs`` article pairs (``wiki/X.txt`` and ``klexikon/X.txt``,
sorted by name) of ``../shared/data/wikipedia-de`` (``--pairs 0``: every
document, 5,682). Three runs, each a fresh process, timed from start to exit
and with the peak resident memory of the process *tree* (the writer and its
workers, sampled every 0.1 s from /proc):

1. **plain**: what ``chronist extract --format json`` does for each document
   (read, build the timeline, write its JSON), in ``--jobs`` spawned worker
   processes, the JSON discarded;
2. **ingest**: ``chronist ingest FILES --store fresh.duckdb --jobs N``;
3. **re-ingest**: the same command again on the unchanged files.

Each run also records its CPU time (the process and the workers it waited
for) and the load average before and after it: on a shared machine the wall
times follow the load, and the CPU ratio says what the wall ratio would be on
a machine nothing else uses. Results go to ``results/store_ingest.json`` and
``.md``. Not a test: the numbers depend on the machine and on what else runs
on it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
CORPUS = BENCH.parent.parent / "shared" / "data" / "wikipedia-de"


def _extract(path: str) -> int:
    from chronist.text.reading import read_text
    from chronist.timeline import build_timeline
    from chronist.timeline.jsonio import dumps

    return len(dumps(build_timeline(read_text(path), source=path)))


def plain(files: list[str], jobs: int) -> None:
    """Inside the subprocess: extract every file in ``jobs`` processes."""
    with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn")) as pool:
        total = sum(pool.map(_extract, files, chunksize=1))
    print(json.dumps({"documents": len(files), "json_chars": total}))


def _rss_kb(pid: int) -> int:
    total = 0
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        total += int(
            next(line for line in status.splitlines() if line.startswith("VmRSS")).split()[1]
        )
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                total += _rss_kb(int(child))
    except (OSError, StopIteration, ValueError):
        pass
    return total


def timed(command: list[str]) -> dict[str, Any]:
    """Run ``command``; its wall time, CPU time (the process and every process it
    waited for: the workers), peak tree RSS, load average, exit code and stderr's last line."""
    load_before = os.getloadavg()[0]
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_before = children.ru_utime + children.ru_stime
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _rss_kb(process.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = children.ru_utime + children.ru_stime - cpu_before
    lines = err.strip().splitlines()
    return {
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "load": [round(load_before, 1), round(os.getloadavg()[0], 1)],
        "peak_rss_mb": round(peak / 1024, 1),
        "exit": process.returncode,
        "stdout": out.strip()[-300:],
        "stderr_last": lines[-1] if lines else "",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=60)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument(
        "--keep", type=Path, help="write the store here (kept) instead of a temp dir"
    )
    parser.add_argument("--plain", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, default=BENCH / "results" / "store_ingest")
    args = parser.parse_args()
    if args.plain:
        plain(args.plain, args.jobs)
        return 0
    names = sorted(p.name for p in (args.corpus / "klexikon").glob("*.txt"))
    if args.pairs:
        names = names[: args.pairs]
    files = [str(args.corpus / side / name) for name in names for side in ("wiki", "klexikon")]
    files = [f for f in files if Path(f).exists()]
    chars = sum(len(Path(f).read_text(encoding="utf-8")) for f in files)
    python = sys.executable
    with tempfile.TemporaryDirectory() as folder:
        store = str(args.keep or Path(folder) / "bench.duckdb")
        for stale in Path(store).parent.glob(Path(store).name + "*"):
            stale.unlink()
        ingest = [python, "-m", "chronist.cli", "ingest", *files, "--store", store,
                  "--jobs", str(args.jobs), "--quiet"]  # fmt: skip
        runs = {
            "plain": timed([python, __file__, "--jobs", str(args.jobs), "--plain", *files]),
            "ingest": timed(ingest),
            "reingest": timed(ingest),
        }
        from chronist import Store

        counts = Store(store).counts()
        store_mb = Path(store).stat().st_size / 1e6
    result = {
        "documents": len(files),
        "characters": chars,
        "jobs": args.jobs,
        "runs": runs,
        "docs_per_second": {
            name: round(len(files) / run["seconds"], 2) for name, run in runs.items()
        },
        "ingest_vs_plain": round(runs["plain"]["seconds"] / runs["ingest"]["seconds"], 3),
        # the same in CPU time: what the wall ratio is on a machine nothing else loads
        "ingest_vs_plain_cpu": round(
            runs["plain"]["cpu_seconds"] / runs["ingest"]["cpu_seconds"], 3
        ),
        "reingest_vs_ingest": round(runs["reingest"]["seconds"] / runs["ingest"]["seconds"], 3),
        "store_rows": counts,
        "store_mb": round(store_mb, 1),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.with_suffix(".json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    lines = [
        f"# Store ingest: {len(files)} documents ({chars:,} characters), --jobs {args.jobs}",
        "",
        "| run | seconds | docs/s | CPU seconds | load before / after | peak RSS (tree) |",
        "|---|---|---|---|---|---|",
    ]
    for name, run in runs.items():
        rate = result["docs_per_second"][name]
        load = " / ".join(map(str, run["load"]))
        lines.append(
            f"| {name} | {run['seconds']} | {rate} | {run['cpu_seconds']} | {load} "
            f"| {run['peak_rss_mb']} MB |"
        )
    lines += [
        "",
        f"ingest throughput / plain extraction: {result['ingest_vs_plain']:.1%}"
        f" (in CPU time: {result['ingest_vs_plain_cpu']:.1%})",
        f"re-ingest time / first ingest: {result['reingest_vs_ingest']:.1%}",
        f"store file: {result['store_mb']} MB, merged events: {counts['merged_events']}",
        f"ingest said: {runs['ingest']['stderr_last']}",
    ]
    args.out.with_suffix(".md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
