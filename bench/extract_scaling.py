"""``chronist extract`` on 1 to 10 MB of German prose: time and peak memory.

Usage (from the repository root)::

    .venv/bin/python bench/extract_scaling.py [--sizes 1,2,4,10] [--corpus DIR]

The prose is German Wikipedia (``../shared/data/wikipedia-de/wiki/*.txt``) in
name order, leaving out every article of the blind gold
(``bench/wiki_de/documents.tsv`` and ``merge_pairs.tsv``), joined with blank
lines and cut at a paragraph to the size (in MB of UTF-8). Each size runs in a
fresh subprocess that builds one timeline of the whole text (entities
included) and reports its CPU time (the ratio uses it: the wall clock of a
shared machine varies with its load), wall time and peak resident memory
(``ru_maxrss``).
Results go to ``results/extract_scaling.md`` and ``.json``.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
CORPUS = ROOT.parent / "shared" / "data" / "wikipedia-de" / "wiki"
MB = 1_000_000


def blind_articles() -> set[str]:
    """File names (``Sokrates.txt``) of every Wikipedia article in the blind gold."""
    names: set[str] = set()
    with open(BENCH / "wiki_de" / "documents.tsv", encoding="utf-8") as handle:
        names |= {Path(row["source"]).name for row in csv.DictReader(handle, delimiter="\t")}
    with open(BENCH / "wiki_de" / "merge_pairs.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            names |= {Path(row[side]).name for side in ("a", "b") if row[side].startswith("wiki/")}
    return names


def prose(size: int, corpus: Path) -> str:
    """At least ``size`` bytes of German prose, cut at a paragraph."""
    blind = blind_articles()
    parts: list[str] = []
    total = 0
    for path in sorted(corpus.glob("*.txt")):
        if path.name in blind:
            continue
        for paragraph in path.read_text(encoding="utf-8").split("\n\n"):
            if total >= size:
                return "\n\n".join(parts)
            parts.append(paragraph)
            total += len(paragraph.encode("utf-8")) + 2
    raise SystemExit(f"{corpus}: only {total:,} bytes of prose, {size:,} wanted")


def worker(path: str) -> None:
    """Inside the fresh subprocess: one timeline of the whole file."""
    text = Path(path).read_text(encoding="utf-8")
    from chronist.timeline.build import build_timeline

    build_timeline("Am 1. September 1939 begann der Krieg in Polen.")
    started, cpu = time.perf_counter(), time.process_time()
    timeline = build_timeline(text, kind="narrative")
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    result = {"seconds": seconds, "cpu": cpu, "peak_bytes": peak, "events": len(timeline.events)}
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,4,10", help="sizes in MB (default: 1,2,4,10)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker)
        return
    sizes = [float(size) for size in args.sizes.split(",")]
    work = Path(tempfile.mkdtemp(prefix="chronist-scaling-"))
    rows = []
    for size in sizes:
        text = prose(int(size * MB), args.corpus)
        path = work / f"prose-{size:g}MB.txt"
        path.write_text(text, encoding="utf-8")
        done = subprocess.run(
            [sys.executable, __file__, "--worker", str(path)],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        result = json.loads(done.stdout.strip().splitlines()[-1])
        result.update(mb=size, characters=len(text))
        rows.append(result)
        print(
            f"{size:g} MB: {result['cpu']:.1f} s CPU, {result['seconds']:.1f} s wall, "
            f"peak {result['peak_bytes'] / MB:.0f} MB, {result['events']:,} events",
            flush=True,
        )
        path.unlink(missing_ok=True)
    base = rows[0]
    lines = [
        "# `extract` on German prose: scaling and peak memory",
        "",
        "Wikipedia prose (blind-gold articles left out), one timeline of the whole",
        "text per fresh process; `bench/extract_scaling.py`.",
        "",
        "| MB | characters | CPU s | wall s | CPU time per MB vs the first | peak MB | events |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        ratio = (row["cpu"] / base["cpu"]) / (row["mb"] / base["mb"])
        lines.append(
            f"| {row['mb']:g} | {row['characters']:,} | {row['cpu']:.1f} | {row['seconds']:.1f} "
            f"| {ratio:.2f} "
            f"| {row['peak_bytes'] / MB:.0f} | {row['events']:,} |"
        )
    work.rmdir()
    (BENCH / "results" / "extract_scaling.md").write_text("\n".join(lines) + "\n")
    (BENCH / "results" / "extract_scaling.json").write_text(json.dumps(rows, indent=1) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
