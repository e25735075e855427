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

``--peer SRC`` also runs every size with another checkout's ``src`` folder
first on the import path (an earlier commit: ``git worktree add`` or
``git archive``), right after this one's run of the same size, so that both are
measured under the same load: the table then gives the peer's figures and the
ratios (throughput in characters per CPU second, peak memory).
Results go to ``results/extract_scaling.md`` and ``.json``, with the load average.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
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


def run_worker(path: Path, src: Path | None) -> dict[str, float]:
    """One fresh process on ``path``: this checkout's code, or ``src``'s."""
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(src), env.get("PYTHONPATH")]))
    done = subprocess.run(
        [sys.executable, __file__, "--worker", str(path)],
        check=True, capture_output=True, text=True, env=env,
    )  # fmt: skip
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _show(label: str, size: float, result: dict[str, float]) -> None:
    print(
        f"{label}{size:g} MB: {result['cpu']:.1f} s CPU, {result['seconds']:.1f} s wall, "
        f"peak {result['peak_bytes'] / MB:.0f} MB, {result['events']:,} events",
        flush=True,
    )


def table(rows: list[dict[str, float]]) -> list[str]:
    """The Markdown table of one series of runs (this code's, or the peer's)."""
    base = rows[0]
    lines = [
        "| MB | characters | CPU s | wall s | CPU time per MB vs the first | characters per CPU s "
        "| peak MB | events |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        ratio = (row["cpu"] / base["cpu"]) / (row["mb"] / base["mb"])
        lines.append(
            f"| {row['mb']:g} | {row['characters']:,} | {row['cpu']:.1f} | {row['seconds']:.1f} "
            f"| {ratio:.2f} | {row['characters'] / row['cpu']:,.0f} "
            f"| {row['peak_bytes'] / MB:.0f} | {row['events']:,} |"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,4,10", help="sizes in MB (default: 1,2,4,10)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--peer", type=Path, help="src folder of an earlier checkout to compare")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker)
        return
    sizes = [float(size) for size in args.sizes.split(",")]
    work = Path(tempfile.mkdtemp(prefix="chronist-scaling-"))
    rows, peers = [], []
    for size in sizes:
        text = prose(int(size * MB), args.corpus)
        path = work / f"prose-{size:g}MB.txt"
        path.write_text(text, encoding="utf-8")
        result = run_worker(path, None)
        result.update(mb=size, characters=len(text))
        rows.append(result)
        _show("", size, result)
        if args.peer is not None:
            peer = run_worker(path, args.peer)
            peer.update(mb=size, characters=len(text))
            peers.append(peer)
            _show("peer ", size, peer)
        path.unlink(missing_ok=True)
    work.rmdir()
    load = os.getloadavg()
    lines = [
        "# `extract` on German prose: scaling and peak memory",
        "",
        "Wikipedia prose (blind-gold articles left out), one timeline of the whole",
        "text per fresh process; `bench/extract_scaling.py`. Load average at the end "
        f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1 / 5 / 15 min) on "
        f"{os.cpu_count()} cores: wall times are the shared machine's, the ratios use CPU time.",
        "",
        *table(rows),
    ]
    if peers:
        lines += [
            "",
            f"Peer: `{args.peer}`, each size run right after this code's.",
            "",
            *table(peers),
            "",
            "| MB | characters per CPU s, this / peer | peak memory, this / peer | same events |",
            "|---:|---:|---:|---|",
        ]
        for row, peer in zip(rows, peers, strict=True):
            lines.append(
                f"| {row['mb']:g} | {peer['cpu'] / row['cpu']:.2f} "
                f"| {row['peak_bytes'] / peer['peak_bytes']:.2f} "
                f"| {'yes' if row['events'] == peer['events'] else 'no'} |"
            )
    (BENCH / "results" / "extract_scaling.md").write_text("\n".join(lines) + "\n")
    record = {"load_average": load, "rows": rows, "peer": str(args.peer) if peers else None}
    if peers:
        record["peer_rows"] = peers
    (BENCH / "results" / "extract_scaling.json").write_text(json.dumps(record, indent=1) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
