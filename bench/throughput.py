"""Throughput and peak memory of chronist and HeidelTime on the same documents, in one run.

Usage (from the repository root; HeidelTime needs ``bench/setup_heideltime.sh``)::

    .venv/bin/python bench/throughput.py [INPUT] [--heideltime batch|per-document|both|none]

INPUT defaults to the WikiWarsDE dev texts (taken from the gold files). Each
system runs in a fresh subprocess: chronist in one Python process pinned to one
core (``taskset -c 0`` where available), ``--runs`` times (default 5; a run
takes about a second, so one run is at the mercy of the shared machine's
moment, and the median counts), HeidelTime once through ``heideltime_run.py``
(a minute or more, which averages over the machine's moments by itself).
Reported per system: characters/s and documents/s *steady state* (tagging
only: no interpreter/JVM start-up, no resource loading) and *end to end* (wall
time of the whole process, start-up included), and the peak resident memory
(RSS high-water mark) of the measuring process or its children. The fair
comparison is steady state against HeidelTime in one JVM (``batch``): it does
not charge HeidelTime for JVM start-up per document.
Results go to ``bench/results/throughput.json`` and ``.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import heideltime_run

BENCH = Path(__file__).resolve().parent
DEFAULT_INPUT = BENCH.parent.parent / "shared" / "data" / "WikiWarsDE-dev"


def precompile_chronist(lang: str = "de") -> None:
    """Write chronist's bytecode (``__pycache__``) before timing it.

    An installed package has its bytecode compiled by pip, as HeidelTime's jar
    holds compiled classes; an editable checkout under PYTHONDONTWRITEBYTECODE
    (set on some machines) would otherwise compile every module on each start.
    The grammar's patterns are compiled in every run, when first used.
    """
    import chronist

    package = Path(chronist.__file__).resolve().parent
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)


def run_worker(
    documents: list[heideltime_run.Document],
    before: list[str],
    after: list[str],
    runs: int = 1,
    lang: str = "de",
) -> dict[str, Any]:
    """Run a chronist worker script on ``documents`` in fresh interpreters pinned to one core.

    The command is ``python *before DOCUMENTS.json *after``, run ``runs``
    times. Returns the worker's JSON with the process's wall time; with several
    runs, every timing is the median over the runs (each run is listed under
    ``runs``), so that one run slowed by the shared machine does not decide.
    """
    precompile_chronist(lang)
    measured_runs: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="chronist-bench-") as temporary:
        listing = Path(temporary) / "documents.json"
        payload = [{"text": d.text, "dct": d.dct} for d in documents]
        listing.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        command = [sys.executable, *before, str(listing), *after]
        if shutil.which("taskset"):
            command = ["taskset", "-c", "0", *command]
        for _ in range(runs):
            started = time.perf_counter()
            result = subprocess.run(command, capture_output=True, text=True)
            wall = time.perf_counter() - started
            if result.returncode != 0:
                return {"error": (result.stderr.strip().splitlines() or ["failed"])[-1]}
            measured: dict[str, Any] = json.loads(result.stdout)
            measured["wall_seconds"] = wall
            measured_runs.append(measured)
    if runs == 1:
        return measured_runs[0]
    summary = dict(measured_runs[0])
    for key in ("wall_seconds", "import_seconds", "first_call_seconds", "processing_seconds"):
        summary[key] = statistics.median(run[key] for run in measured_runs)
    summary["peak_rss_mb"] = max(run["peak_rss_mb"] for run in measured_runs)
    summary.pop("per_document_seconds", None)
    summary["runs"] = [
        {key: run[key] for key in ("wall_seconds", "processing_seconds")} for run in measured_runs
    ]
    return summary


def run_chronist(
    documents: list[heideltime_run.Document], args: argparse.Namespace
) -> dict[str, Any]:
    worker = str(BENCH / "chronist_worker.py")
    options = ["--lang", args.lang, "--kind", args.kind]
    return run_worker(documents, [worker], options, args.runs, args.lang)


def run_heideltime(input_path: Path, jvm: str, args: argparse.Namespace) -> dict[str, Any]:
    heideltime_run.ensure_compiled(heideltime_run.heideltime_home())
    output = BENCH / "results" / ("heideltime" if jvm == "batch" else f"heideltime-{jvm}")
    command = [sys.executable, str(BENCH / "heideltime_run.py"), str(input_path), str(output),
               "--jvm", jvm, "--language", args.heideltime_language,
               "--type", args.heideltime_type]  # fmt: skip
    subprocess.run(command, check=True)
    timing: dict[str, Any] = json.loads((output / "timing.json").read_text())
    return timing


def rates(measured: dict[str, Any], characters: int, documents: int) -> dict[str, float]:
    steady = measured["processing_seconds"]
    wall = measured["wall_seconds"]
    return {
        "steady_chars_per_second": characters / steady if steady else 0.0,
        "steady_docs_per_second": documents / steady if steady else 0.0,
        "end_to_end_chars_per_second": characters / wall if wall else 0.0,
        "end_to_end_docs_per_second": documents / wall if wall else 0.0,
        "peak_rss_mb": measured["peak_rss_mb"],
    }


def markdown(report: dict[str, Any], title: str = "Throughput") -> str:
    """The report as a Markdown table and the ratios (also used by extract_throughput.py)."""
    lines = [
        f"# {title} on {report['input']}",
        "",
        f"{report['documents']} documents, {report['characters']:,} characters; "
        f"{report['machine']}.",
        "",
        "| system | steady chars/s | steady docs/s | end-to-end chars/s | peak RSS MB |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, system in report["systems"].items():
        if "error" in system:
            lines.append(f"| {name} | {system['error']} | | | |")
            continue
        r = system["rates"]
        docs = r.get("steady_docs_per_second")
        lines.append(
            f"| {name} | {r['steady_chars_per_second']:,.0f} "
            f"| {'' if docs is None else f'{docs:.2f}'} "
            f"| {r['end_to_end_chars_per_second']:,.0f} | {r['peak_rss_mb']:.0f} |"
        )
    lines.append("")
    for name, system in report["systems"].items():
        runs = system.get("runs")
        if runs:
            walls = ", ".join(f"{run['wall_seconds']:.2f}" for run in runs)
            tagging = ", ".join(f"{run['processing_seconds']:.2f}" for run in runs)
            lines.append(
                f"- {name}: {len(runs)} fresh processes, medians above; "
                f"wall s: {walls}; tagging s: {tagging}"
            )
    for label, ratio in report["ratios"].items():
        lines.append(f"- {label}: **{ratio:.1f}×**")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("input", nargs="?", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--lang", default="de")
    parser.add_argument("--kind", default="narrative")
    parser.add_argument("--heideltime", choices=("batch", "per-document", "both", "none"),
                        default="batch")  # fmt: skip
    parser.add_argument("--runs", type=int, default=5,
                        help="fresh chronist processes; the median counts")  # fmt: skip
    parser.add_argument("--heideltime-language", default="german")
    parser.add_argument("--heideltime-type", choices=("narratives", "news"), default="narratives")
    args = parser.parse_args()
    documents = heideltime_run.read_inputs(args.input, None)
    characters = sum(len(d.text) for d in documents)
    systems: dict[str, dict[str, Any]] = {}
    print(f"throughput: chronist on {len(documents)} documents", file=sys.stderr)
    systems["chronist"] = run_chronist(documents, args)
    jvms = {"both": ["batch", "per-document"], "none": []}.get(args.heideltime, [args.heideltime])
    for jvm in jvms:
        print(f"throughput: HeidelTime ({jvm} JVM)", file=sys.stderr)
        systems[f"heideltime-{jvm}"] = run_heideltime(args.input, jvm, args)
    for system in systems.values():
        if "error" not in system:
            system["rates"] = rates(system, characters, len(documents))
    ratios = {}
    chronist = systems["chronist"].get("rates")
    for name, system in systems.items():
        if name != "chronist" and chronist and "rates" in system:
            peer = system["rates"]
            ratios[f"chronist / {name}, steady state"] = (
                chronist["steady_chars_per_second"] / peer["steady_chars_per_second"]
            )
            ratios[f"chronist / {name}, end to end"] = (
                chronist["end_to_end_chars_per_second"] / peer["end_to_end_chars_per_second"]
            )
    write_report(args.input, documents, characters, systems, ratios, "throughput", "Throughput")
    return 0


def write_report(
    source: Path,
    documents: list[Any],
    characters: int,
    systems: dict[str, Any],
    ratios: dict[str, float],
    stem: str,
    title: str,
) -> None:
    """Write ``bench/results/<stem>.json`` and ``.md`` and print the table."""
    report = {
        "input": str(source),
        "documents": len(documents),
        "characters": characters,
        "machine": f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, "
        f"load average {os.getloadavg()[0]:.1f} at the end",
        "systems": systems,
        "ratios": ratios,
    }
    results = BENCH / "results"
    results.mkdir(exist_ok=True)
    (results / f"{stem}.json").write_text(json.dumps(report, indent=2) + "\n")
    table = markdown(report, title)
    (results / f"{stem}.md").write_text(table)
    print(table)


if __name__ == "__main__":
    sys.exit(main())
