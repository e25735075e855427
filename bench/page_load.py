"""How long the timeline page takes to open, for generated documents of N events.

Renders ``tests/fixtures/sample.py:synthetic_timeline`` pages, opens each from a
local file in headless Chromium (Debian's, through Playwright) several times,
and prints the median time from navigation until the page says it is ready
(``body[data-ready]``), with the page's own start-up time (parsing the data,
building the text, map and timeline). Nothing is asserted.

    .venv/bin/python bench/page_load.py            # 100, 500, 2000, 5000 events
    .venv/bin/python bench/page_load.py 2000 --runs 9
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from chronist.timeline.jsonio import from_json
from chronist.web.report import render_report

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from fixtures.sample import synthetic_timeline

FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def measure(sizes: list[int], runs: int, chromium: str) -> dict[str, dict[str, float]]:
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=FLAGS)
        for size in sizes:
            page_file = Path(folder) / f"events-{size}.html"
            page = render_report(from_json(synthetic_timeline(size)))
            page_file.write_text(page, encoding="utf-8")
            loads, startups = [], []
            for _ in range(runs):
                context = browser.new_context(viewport={"width": 1400, "height": 1000})
                page = context.new_page()
                started = time.perf_counter()
                page.goto(page_file.as_uri())
                page.wait_for_selector("body[data-ready=true]", timeout=120_000)
                loads.append(time.perf_counter() - started)
                startups.append(page.evaluate("() => window.chronist.startupMs") / 1000)
                context.close()
            results[str(size)] = {
                "bytes": page_file.stat().st_size,
                "load_s_median": round(statistics.median(loads), 3),
                "startup_s_median": round(statistics.median(startups), 3),
            }
            print(f"{size:>6} events  {page_file.stat().st_size / 1e6:5.2f} MB  "
                  f"load {results[str(size)]['load_s_median']:.3f} s  "
                  f"script {results[str(size)]['startup_s_median']:.3f} s")  # fmt: skip
        browser.close()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 500, 2000, 5000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--out", type=Path, default=Path("bench/results/page-load.json"))
    args = parser.parse_args()
    results = measure(args.sizes, args.runs, args.chromium)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
