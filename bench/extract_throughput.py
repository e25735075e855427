"""Throughput of the full ``chronist extract`` against HeidelTime's temporal tagging alone.

Usage (from the repository root)::

    .venv/bin/python bench/extract_throughput.py [INPUT] [--heideltime recorded|batch|none]
                                                 [--no-entities] [--repeat N]

INPUT defaults to the WikiWarsDE dev texts (taken from the gold files, with
their DCT). chronist runs in a fresh subprocess pinned to one core, as in
``throughput.py``: one process builds the timeline of every document (temporal
tagging, entity recognition, events, dating, merging, ordering), and its
steady-state time (no interpreter start-up, no model loading) is compared with
HeidelTime's steady-state tagging time in one JVM. ``--heideltime recorded``
(default) reuses ``results/heideltime/timing.json`` written by
``throughput.py``/``heideltime_run.py`` on the same documents; ``batch`` runs
HeidelTime again (about 2.5 minutes, needs ``setup_heideltime.sh``). Results go to
``results/extract_throughput.json`` and ``.md``.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

import heideltime_run
import throughput

BENCH = Path(__file__).resolve().parent
RECORDED = BENCH / "results" / "heideltime" / "timing.json"


def worker(documents_file: Path, entities: bool, repeat: int) -> dict[str, Any]:
    """Inside the fresh subprocess: import chronist, warm up, extract every document."""
    documents = json.loads(documents_file.read_text(encoding="utf-8"))
    started = time.perf_counter()
    from chronist.timeline.build import build_timeline

    imported = time.perf_counter()
    recognizer = None if entities else (lambda _text, _lang: [])
    build_timeline("Am 1. September 1939 begann der Krieg in Polen.", recognizer=recognizer)
    warm = time.perf_counter()
    best: list[float] | None = None
    events = 0
    passes = []
    for _ in range(repeat):
        per_document = []
        events = 0
        for document in documents:
            begin = time.perf_counter()
            timeline = build_timeline(
                document["text"], kind="narrative", dct=document["dct"], recognizer=recognizer
            )
            per_document.append(time.perf_counter() - begin)
            events += len(timeline.events)
        passes.append(sum(per_document))
        if best is None or sum(per_document) < sum(best):
            best = per_document
    assert best is not None
    return {
        "import_seconds": imported - started,
        "first_call_seconds": warm - imported,
        "processing_seconds": sum(best),
        "per_document_seconds": best,
        "events": events,
        "entities": entities,
        "repeat": repeat,
        "extra_pass_seconds": sum(passes) - sum(best),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def run_chronist(
    documents: list[heideltime_run.Document], entities: bool, repeat: int
) -> dict[str, Any]:
    options = ["--repeat", str(repeat)] + ([] if entities else ["--no-entities"])
    measured = throughput.run_worker(documents, [__file__, "--worker"], options)
    if "error" not in measured:
        # end to end counts one pass: start-up, loading and the fastest pass
        measured["wall_seconds"] -= measured.get("extra_pass_seconds", 0.0)
    return measured


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("input", nargs="?", type=Path, default=throughput.DEFAULT_INPUT)
    parser.add_argument("--heideltime", choices=("recorded", "batch", "none"), default="recorded")
    parser.add_argument("--no-entities", action="store_true", help="extract without NER")
    parser.add_argument("--repeat", type=int, default=1, help="passes; the fastest counts")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--heideltime-language", default="german", help=argparse.SUPPRESS)
    parser.add_argument("--heideltime-type", default="narratives", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker is not None:
        print(json.dumps(worker(args.worker, not args.no_entities, args.repeat)))
        return 0
    documents = heideltime_run.read_inputs(args.input, None)
    characters = sum(len(d.text) for d in documents)
    systems: dict[str, dict[str, Any]] = {}
    label = "chronist extract" + (" (no entities)" if args.no_entities else "")
    print(f"extract_throughput: {label} on {len(documents)} documents", file=sys.stderr)
    systems[label] = run_chronist(documents, not args.no_entities, args.repeat)
    if args.heideltime == "batch":
        systems["heideltime-batch"] = throughput.run_heideltime(args.input, "batch", args)
    elif args.heideltime == "recorded" and RECORDED.is_file():
        recorded = json.loads(RECORDED.read_text())
        if recorded.get("characters") not in (None, characters):
            print(
                "extract_throughput: recorded HeidelTime run is on other documents", file=sys.stderr
            )
        else:
            systems["heideltime-batch (recorded)"] = recorded
    for system in systems.values():
        if "error" not in system:
            system["rates"] = throughput.rates(system, characters, len(documents))
    ratios = {}
    ours = systems[label].get("rates")
    for name, system in systems.items():
        if name != label and ours and "rates" in system:
            peer = system["rates"]
            for kind in ("steady", "end_to_end"):
                key = f"{kind}_chars_per_second"
                ratios[f"{label} / {name}, {kind.replace('_', ' ')}"] = ours[key] / peer[key]
    throughput.write_report(
        args.input, documents, characters, systems, ratios,
        "extract_throughput", "Full extract vs HeidelTime tagging",
    )  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
