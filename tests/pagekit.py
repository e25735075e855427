"""Shared by the browser tests: Chromium with no network, a page with what it logged, documents.

Nothing here skips: a missing Playwright, Chromium or article is a failure, with what to install.
"""

from __future__ import annotations

import functools
import html
import os
import re
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from chronist.timeline.jsonio import from_json
from chronist.web.report import render_report

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "koreakrieg.de.txt"
# a 355-event article (WikiWarsDE, World War I): the size the page is made for
ARTICLE = SHARED / "data" / "WikiWarsDE-dev" / "in" / "02_WW1.sgm"
SHOTS = Path(os.environ.get("CHRONIST_SCREENSHOTS", ROOT / "bench" / "screenshots"))
CHROMIUM = os.environ.get("CHRONIST_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# Chromium on this kind of machine: no sandbox as root, no background network at all.
FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]  # fmt: skip
SIZES = {"desktop": (1440, 900), "tablet": (1024, 768), "phone": (390, 844)}


def launch(playwright: Any) -> Any:
    """Headless Chromium; fails (does not skip) with what to install when it is missing."""
    if not Path(CHROMIUM).exists():
        raise AssertionError(f"Chromium not found at {CHROMIUM}: run .ci/setup-browser.sh")
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)


def sgm_text(path: Path) -> str:
    """The text of a WikiWars ``.sgm`` file: its markup stripped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8"))).strip() + "\n"


@functools.cache
def timeline_of(path: Path) -> dict[str, Any]:
    from chronist.timeline import build_timeline, to_json

    if not path.exists():
        raise AssertionError(f"test document {path} is missing (the shared data folder)")
    text = sgm_text(path) if path.suffix == ".sgm" else path.read_text(encoding="utf-8")
    return to_json(build_timeline(text, source=path.name))


def article() -> dict[str, Any]:
    return timeline_of(ARTICLE)


def demo() -> dict[str, Any]:
    return timeline_of(SEED)


class Page:
    """A report page open in the browser, with what it logged."""

    def __init__(
        self,
        browser: Any,
        timeline: dict[str, Any],
        tmp_path: Path,
        *,
        fragment: str = "",
        **context: Any,
    ):
        self.timeline = timeline
        self.file = tmp_path / "timeline.html"
        self.file.write_text(render_report(from_json(timeline)), encoding="utf-8")
        self.context = browser.new_context(**context)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.navigations: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))
        self.page.on("dialog", self._dialog)
        self.page.on("framenavigated", self._navigated)
        self.page.route("**/*", self._route)
        started = time.perf_counter()
        self.page.goto(self.file.as_uri() + fragment)
        self.page.wait_for_selector("body[data-ready=true]", timeout=60_000)
        self.load_seconds = time.perf_counter() - started

    def _console(self, message: Any) -> None:
        if message.type in ("error", "warning"):
            self.errors.append(f"console {message.type}: {message.text}")

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _navigated(self, frame: Any) -> None:
        url = frame.url.split("#", 1)[0]
        if url != self.file.as_uri():
            self.navigations.append(frame.url)

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:", "about:")):
            route.continue_()
        else:
            self.requests.append(url)
            route.abort()

    def state(self) -> dict[str, Any]:
        return dict(self.page.evaluate("() => window.chronist.state()"))

    def settled(
        self, ready: Callable[[dict[str, Any]], bool], seconds: float = 10.0
    ) -> dict[str, Any]:
        """The page's state once ``ready`` holds for it (the view moves on a later
        frame, which a busy machine delays), or the last state after ``seconds``."""
        deadline = time.monotonic() + seconds
        current = self.state()
        while not ready(current) and time.monotonic() < deadline:
            self.page.wait_for_timeout(50)
            current = self.state()
        return current

    def shot(self, name: str, *, full_page: bool = False) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)

    def close(self) -> None:
        self.context.close()
