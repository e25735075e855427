"""How the timeline page holds up: what is readable at load, and how long an interaction takes.

Opens pages in headless Chromium (Debian's, through Playwright) at 1440×900, 1024×768 and
390×844 and records, per page and size: the page's start-up time, the events in view at load
and how many of those are labelled or inside a "+N" badge (``window.chronist.state()``), and
the median time of a timeline redraw, of choosing an event, of a search keystroke and of a zoom
step (each measured inside the page up to the next painted frame). Nothing is asserted.

Pages: generated documents (``tests/fixtures/sample.py:synthetic_timeline``, 2,000 and 20,000
events), the WikiWarsDE articles (``../shared/data/WikiWarsDE-dev/in/*.sgm``, markup
stripped) and the German Wikipedia article on World War I (never the blind gold of
``bench/wiki_de``).

    .venv/bin/python bench/page_fluidity.py      # everything: results/page-fluidity.json
    .venv/bin/python bench/page_fluidity.py --only synthetic
"""

from __future__ import annotations

import argparse
import html
import json
import re
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from chronist.timeline.jsonio import from_json
from chronist.web.report import render_report

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from fixtures.sample import synthetic_timeline

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT.parent / "shared" / "data" / "WikiWarsDE-dev" / "in"
# a long article (1,076 events), not among the blind gold's sources (bench/wiki_de/*.tsv)
LONG_ARTICLE = ROOT.parent / "shared" / "data" / "wikipedia-de" / "wiki" / "Erster_Weltkrieg.txt"
FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]  # fmt: skip
SIZES = [(1440, 900), (1024, 768), (390, 844)]

# each interaction: the page's own work (script, then style and layout forced before the
# timer stops), after a frame has passed so nothing is pending
TIMED = """async ([what, runs]) => {
  const c = window.chronist, out = [];
  const ids = Array.from(document.querySelectorAll('#list [role=option]'))
    .map(r => r.getAttribute('data-id'));
  const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  const search = document.querySelector('input[type=search]');
  for (let k = 0; k < runs; k++) {
    await frame();
    if (what === 'search') { search.value = ['krieg', 'ab', 'e', ''][k % 4]; }
    const t0 = performance.now();
    if (what === 'redraw') c.redraw();
    else if (what === 'select') c.select(ids[(k * 7919) % ids.length]);
    else if (what === 'search') c.search(search.value);
    else if (what === 'zoom') c.zoom(k % 2 ? 1 / 0.6 : 0.6);
    document.body.offsetHeight;
    out.push(performance.now() - t0);
  }
  return out;
}"""


def _article(path: Path) -> dict[str, Any]:
    from chronist.timeline import build_timeline, to_json

    text = path.read_text(encoding="utf-8")
    if path.suffix == ".sgm":
        text = html.unescape(re.sub(r"<[^>]+>", "", text)).strip() + "\n"
    return to_json(build_timeline(text, source=path.name))


def measure(pages: dict[str, dict[str, Any]], runs: int, chromium: str) -> dict[str, Any]:
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=FLAGS)
        for name, timeline in pages.items():
            page_file = Path(folder) / f"{name}.html"
            page_file.write_text(render_report(from_json(timeline)), encoding="utf-8")
            for width, height in SIZES:
                phone = width < 500
                context = browser.new_context(
                    viewport={"width": width, "height": height}, is_mobile=phone, has_touch=phone
                )
                page = context.new_page()
                page.goto(page_file.as_uri())
                page.wait_for_selector("body[data-ready=true]", timeout=300_000)
                state = page.evaluate("() => window.chronist.state()")
                row: dict[str, Any] = {
                    "events": len(timeline["events"]),
                    "startup_ms": page.evaluate("() => window.chronist.startupMs"),
                    "in_view": state["visible"],
                    "labelled": state["labelled"],
                    "clustered": state["clustered"],
                    "labelled_share": round(state["labelled"] / max(1, state["visible"]), 3),
                    "labelled_or_clustered_share": round(
                        (state["labelled"] + state["clustered"]) / max(1, state["visible"]), 3
                    ),
                }
                for what in ("redraw", "select", "search", "zoom"):
                    times = page.evaluate(TIMED, [what, runs])
                    row[f"{what}_ms_median"] = round(statistics.median(times), 1)
                    row[f"{what}_ms_max"] = round(max(times), 1)
                results[f"{name}@{width}x{height}"] = row
                print(
                    f"{name:>18} {width}x{height}  " + "  ".join(f"{k}={v}" for k, v in row.items())
                )
                context.close()
        browser.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=["synthetic", "articles"])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "bench" / "results" / "page-fluidity.json"
    )
    args = parser.parse_args()
    pages: dict[str, dict[str, Any]] = {}
    if args.only != "articles":
        pages["synthetic-2000"] = synthetic_timeline(2000)
        pages["synthetic-20000"] = synthetic_timeline(20000)
    if args.only != "synthetic":
        for path in [*sorted(ARTICLES.glob("*.sgm")), LONG_ARTICLE]:
            pages[path.stem] = _article(path)
    results = measure(pages, args.runs, args.chromium)
    args.out.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
