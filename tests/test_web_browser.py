"""The timeline page in a real browser: headless Chromium driven by Playwright.

Runs over the demo document (when the timeline pipeline is available), the
hand-made sample and a generated 2,000-event document. Screenshots go to
``bench/screenshots/`` (or ``$CHRONIST_SCREENSHOTS``), with the measured load
times in ``load-times.json`` beside them; nothing here asserts a duration.
Fails (never skips) when Playwright, Chromium or a document is missing; CI
installs both with ``.ci/setup-browser.sh``.
"""

from __future__ import annotations

import functools
import json
from typing import Any

import pytest
from playwright import sync_api

from fixtures.sample import sample_timeline, synthetic_timeline
from pagekit import SHOTS, Page, demo, launch

DOCUMENTS = {
    "demo": demo,
    "sample": sample_timeline,
    "synthetic-2000": functools.cache(lambda: synthetic_timeline(2000)),
}


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        launched = launch(playwright)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def load_times():
    times: dict[str, float] = {}
    yield times
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / "load-times.json"
    known = json.loads(path.read_text()) if path.exists() else {}
    known.update(times)
    path.write_text(json.dumps(known, indent=2, sort_keys=True) + "\n")


@pytest.fixture(params=sorted(DOCUMENTS))
def opened(request, browser, tmp_path, load_times):
    timeline = DOCUMENTS[request.param]()
    page = Page(browser, timeline, tmp_path, viewport={"width": 1400, "height": 1000})
    load_times[request.param] = round(page.load_seconds, 3)
    page.name = request.param
    yield page
    page.close()


def _selected_text(page: Any) -> str:
    return page.eval_on_selector_all(
        "#text .sel", "spans => spans.map(s => s.textContent).join('')"
    )


def test_loads_offline_without_errors_and_shows_every_event(opened):
    page, timeline = opened.page, opened.timeline
    assert opened.errors == []
    assert opened.requests == []  # nothing fetched: no CDN, no tiles, no fonts
    events = timeline["events"]
    assert page.get_attribute("#count", "data-count") == str(len(events))
    bounds = ("earliest_begin", "latest_begin", "earliest_end", "latest_end")
    dated = [e for e in events if any(e["time"][key] for key in bounds)]
    assert page.get_attribute("#tl", "data-events") == str(len(dated))
    assert page.locator("#map path.land").count() > 150
    opened.shot(f"{opened.name}-de")
    page.click("#lang-btn")
    assert page.inner_text("#list-h") == "Events"
    opened.shot(f"{opened.name}-en")
    page.click("#lang-btn")
    assert page.inner_text("#list-h") == "Ereignisse"


def test_clicking_an_event_highlights_its_sentence_and_place(opened):
    page, timeline = opened.page, opened.timeline
    assert timeline["events"], "the demo page has no events"
    event = timeline["events"][min(3, len(timeline["events"]) - 1)]
    page.evaluate("id => document.getElementById('list').scrollTop = 0", None)
    row = page.locator(f"#ev-{event['id']}")
    if row.count() == 0:
        page.evaluate("id => window.chronist.select(id)", event["id"])
    else:
        row.click()
    assert page.get_attribute(f"#ev-{event['id']}", "aria-selected") == "true"
    quote = event["evidence"]["exact"]
    assert _selected_text(page) == quote
    assert page.locator("#detail h3").inner_text() == event["label"]
    if event["place"] and event["place"].get("lat") is not None:
        assert page.locator("#map .place.on").count() == 1
    # the highlighted sentence is scrolled into the text panel's view
    visible = page.evaluate(
        """() => { const box = document.getElementById('text').getBoundingClientRect();
                   const s = document.querySelector('#text .sel').getBoundingClientRect();
                   return s.bottom > box.top && s.top < box.bottom; }"""
    )
    assert visible
    opened.shot(f"{opened.name}-selected")
    # an event far down the list: selected by the page's API, scrolled into view
    late = timeline["events"][len(timeline["events"]) * 2 // 3]
    assert page.evaluate("id => window.chronist.select(id)", late["id"])
    assert _selected_text(page) == late["evidence"]["exact"]
    assert page.get_attribute(f"#ev-{late['id']}", "aria-selected") == "true"


def test_keyboard_moves_through_events(opened):
    page, timeline = opened.page, opened.timeline
    assert len(timeline["events"]) >= 3, "the demo page has too few events"
    page.focus("#list")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    second = timeline["events"][1]
    assert page.evaluate("() => window.chronist.selected") == second["id"]
    assert _selected_text(page) == second["evidence"]["exact"]
    page.focus("#tl")
    page.keyboard.press("+")
    page.keyboard.press("ArrowLeft")
    page.select_option("#lanes", "actor")
    page.dblclick("#tl", position={"x": 400, "y": 60})
    assert opened.errors == []


def test_choosing_a_person_or_place_filters_the_timeline(opened):
    page, timeline = opened.page, opened.timeline
    button = page.locator("#idx-per button").first
    assert button.count() > 0, "the demo page lists no people"
    entity = int(button.get_attribute("data-ent"))
    expected = sum(
        1 for e in timeline["events"]
        if entity in [p["entity"] for p in e["participants"]]
        or (e["place"] or {}).get("entity") == entity
    )  # fmt: skip
    button.click()
    assert page.get_attribute("#count", "data-count") == str(expected)
    assert page.is_visible("#filter-chip")
    opened.shot(f"{opened.name}-filtered")
    page.keyboard.press("Escape")
    assert page.get_attribute("#count", "data-count") == str(len(timeline["events"]))
    place = page.locator("#map circle.place").first
    if place.count():
        place.focus()
        page.keyboard.press("Enter")
        assert int(page.get_attribute("#count", "data-count")) <= len(timeline["events"])
        assert page.is_visible("#filter-chip")


def test_english_interface_and_phone_screen(browser, tmp_path):
    page = Page(browser, sample_timeline(), tmp_path, viewport={"width": 390, "height": 844},
                device_scale_factor=2, is_mobile=True, has_touch=True)  # fmt: skip
    try:
        assert page.page.inner_text("#tl-h") == "Zeitleiste"
        page.page.click("#lang-btn")
        assert page.page.inner_text("#tl-h") == "Timeline"
        assert page.page.evaluate("() => document.documentElement.lang") == "en"
        width = page.page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 390  # nothing wider than the phone
        page.page.locator("#ev-e4").click()
        assert _selected_text(page.page).startswith("Am 15. September 1950")
        page.shot("sample-phone-en", full_page=True)
        assert page.errors == []
    finally:
        page.close()
