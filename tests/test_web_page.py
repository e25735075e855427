"""The page on a real article (WikiWarsDE, World War I: 355 events) in Chromium at three sizes.

The targets of issue 16: readable at load, the wheel scrolls the page, search narrows the list,
choosing an event brings its quote into view and sets the permalink; no console error and no
network request; and of issue 17: a crafted saved timeline runs no script.
"""

from __future__ import annotations

import copy
import json

import pytest
from playwright import sync_api

from chronist.errors import InputError
from chronist.timeline.jsonio import loads
from chronist.web.report import render_report
from fixtures.sample import edge_timeline, sample_timeline
from pagekit import SIZES, Page, article, launch


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        launched = launch(playwright)
        yield launched
        launched.close()


def _context(size: str) -> dict:
    width, height = SIZES[size]
    phone = size == "phone"
    return {
        "viewport": {"width": width, "height": height},
        "is_mobile": phone,
        "has_touch": phone,
        "device_scale_factor": 2 if phone else 1,
    }


@pytest.fixture(params=sorted(SIZES))
def at_size(request, browser, tmp_path):
    page = Page(browser, article(), tmp_path, **_context(request.param))
    page.size = request.param
    yield page
    assert page.errors == []
    assert page.requests == []
    page.close()


def _dated(timeline: dict) -> int:
    bounds = ("earliest_begin", "latest_begin", "earliest_end", "latest_end")
    return sum(1 for e in timeline["events"] if e["time"] and any(e["time"][b] for b in bounds))


def test_opens_readable_on_where_the_events_are(at_size):
    state = at_size.state()
    assert set(state) >= {
        "from",
        "to",
        "visible",
        "labelled",
        "clustered",
        "selected",
        "quoteInViewport",
    }
    # open on where the events are, not on the outliers' extent
    assert state["visible"] >= 0.8 * _dated(at_size.timeline)
    assert state["from"] >= "1900" and state["to"] <= "1935"
    assert state["labelled"] + state["clustered"] >= 0.9 * state["visible"]
    assert state["labelled"] >= 25
    assert state["selected"] is None
    assert at_size.page.evaluate("() => +document.getElementById('tl').dataset.ticks") >= 3
    # one scroll container: nothing wider than the screen, the timeline does not scroll inside
    page = at_size.page
    assert page.evaluate("() => document.documentElement.scrollWidth") <= SIZES[at_size.size][0]
    wrap = page.evaluate(
        "() => { const w = document.getElementById('tl-wrap');"
        " return w.scrollHeight - w.clientHeight; }"
    )
    assert wrap <= 8
    hint = page.inner_text("#tl-hint")
    assert ("Wischen" in hint) == (at_size.size == "phone")
    at_size.shot(f"article-{at_size.size}")


def test_zoom_stops_at_the_data_and_the_edge_indicator_shows_the_rest(browser, tmp_path):
    page = Page(browser, article(), tmp_path, **_context("desktop"))
    try:
        p = page.page
        state = page.state()
        assert state["before"] + state["after"] > 0  # the outliers are announced, not shown
        for _ in range(12):
            p.click("#zoom-out")
        p.wait_for_timeout(100)
        widest = page.state()
        assert widest["before"] == widest["after"] == 0
        for _ in range(3):
            p.click("#zoom-out")
        p.wait_for_timeout(100)
        assert (page.state()["from"], page.state()["to"]) == (widest["from"], widest["to"])
        p.keyboard.press("Home")  # back to where the events are: the canvas has no focus yet
        p.focus("#tl")
        p.keyboard.press("Home")
        home = page.settled(lambda now: now["from"] == state["from"] and now["before"] > 0)
        assert home["from"] == state["from"]
        assert home["before"] > 0
        # the "◀ N" indicator shows everything when clicked
        box = p.locator("#tl").bounding_box()
        p.mouse.click(box["x"] + 12, box["y"] + 15)
        assert page.settled(lambda now: now["before"] == 0)["before"] == 0
        assert page.errors == []
    finally:
        page.close()


def test_the_wheel_scrolls_the_page_and_ctrl_wheel_zooms(at_size):
    page = at_size.page
    # a vertical swipe belongs to the page, sideways and pinch to the timeline
    assert (
        page.evaluate("() => getComputedStyle(document.getElementById('tl')).touchAction")
        == "pan-y"
    )
    if at_size.size == "phone":
        return
    box = page.locator("#tl").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + 80)
    before = at_size.state()
    page.mouse.wheel(0, 400)
    page.wait_for_function("() => window.scrollY > 0")
    after = at_size.state()
    assert (after["from"], after["to"]) == (before["from"], before["to"])
    page.evaluate("() => window.scrollTo(0, 0)")
    box = page.locator("#tl").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + 80)
    page.keyboard.down("Control")
    page.mouse.wheel(0, -300)
    page.keyboard.up("Control")
    page.wait_for_function(f"() => window.chronist.state().from > {json.dumps(before['from'])}")
    assert page.evaluate("() => window.scrollY") == 0


def test_search_narrows_the_list(at_size):
    page = at_size.page
    options = "#list [role=option]:not([hidden])"
    total = page.locator(options).count()
    assert total == len(at_size.timeline["events"])
    assert page.locator("#list[role=listbox]").count() == 1
    page.fill("input[type=search]", "Verdun")
    page.wait_for_function(f"() => document.querySelectorAll('{options}').length < {total}")
    shown = page.locator(options).count()
    assert 0 < shown < total
    assert page.get_attribute("#count", "data-count") == str(shown)
    assert at_size.state()["visible"] <= shown
    page.fill("input[type=search]", "")
    page.wait_for_function(f"() => document.querySelectorAll('{options}').length === {total}")


@pytest.mark.parametrize("nth", [5, 180, 340])
def test_choosing_an_event_shows_its_quote_and_sets_the_permalink(at_size, nth):
    page, event = at_size.page, at_size.timeline["events"][nth]
    row = page.locator(f"#ev-{event['id']}")
    row.scroll_into_view_if_needed()
    row.click()
    state = at_size.state()
    assert state["selected"] == event["id"]
    assert state["quoteInViewport"]
    assert page.evaluate("() => location.hash") == f"#event={event['id']}"
    assert page.locator("#detail .quote").inner_text() == event["evidence"]["exact"]
    assert page.locator("#detail").is_visible()
    # the sentence is highlighted and scrolled into the text panel's own view
    # (paragraphs far down lay out when they come near the view: the panel settles in frames)
    page.wait_for_function(
        """() => { const box = document.getElementById('text').getBoundingClientRect();
                   const s = document.querySelector('#text .sel').getBoundingClientRect();
                   return s.bottom > box.top && s.top < box.bottom; }""",
        timeout=3000,
    )
    # "show in text" brings the sentence itself into the browser's viewport
    page.click("#detail-text")
    in_view = page.evaluate(
        """() => { const s = document.querySelector('#text .sel').getBoundingClientRect();
                   return s.bottom > 0 && s.top < innerHeight; }"""
    )
    assert in_view
    if nth == 180:
        at_size.shot(f"article-{at_size.size}-selected")


def test_a_cluster_badge_opens_on_click_and_its_event_can_be_chosen(at_size):
    page = at_size.page
    badge = page.evaluate(
        """() => { const b = window.chronist.badges()[0]; return b ? b : null; }"""
    )
    assert badge is not None
    box = page.locator("#tl").bounding_box()
    page.mouse.click(box["x"] + badge["x"], box["y"] + badge["y"])
    assert page.locator("#cluster-pop").is_visible()
    items = page.locator("#cluster-pop li button")
    assert items.count() == badge["n"] or items.count() == 200
    items.first.click()
    state = at_size.state()
    assert state["selected"] is not None and state["quoteInViewport"]
    assert page.locator("#cluster-pop").is_hidden()


def test_the_permalink_restores_event_and_language(browser, tmp_path):
    timeline = article()
    event = timeline["events"][200]
    page = Page(browser, timeline, tmp_path, fragment=f"#event={event['id']}&lang=en",
                **_context("tablet"))  # fmt: skip
    try:
        assert page.state()["selected"] == event["id"]
        assert page.page.inner_text("#list-h") == "Events"
        assert page.page.get_attribute(f"#ev-{event['id']}", "aria-selected") == "true"
        assert page.state()["quoteInViewport"]
        assert page.errors == [] and page.requests == []
    finally:
        page.close()


def test_filters_agree_with_each_other(browser, tmp_path):
    page = Page(browser, article(), tmp_path, **_context("desktop"))
    try:
        p = page.page
        total = len(page.timeline["events"])
        chip = p.locator("#legend button[data-type]").first
        kind = chip.get_attribute("data-type")
        per_type = sum(1 for e in page.timeline["events"] if e["type"] == kind)
        assert chip.locator(".n").inner_text() == str(per_type)
        chip.click()
        assert chip.get_attribute("aria-pressed") == "false"
        assert p.get_attribute("#count", "data-count") == str(total - per_type)
        chip.click()
        # the index counts the events now shown
        person = p.locator("#idx-loc button").first
        count = int(person.locator(".n").inner_text())
        person.click()
        assert p.get_attribute("#count", "data-count") == str(count)
        p.keyboard.press("Escape")
        # a range brushed on the overview strip filters the list and moves the view there
        p.locator("#overview").scroll_into_view_if_needed()
        box = p.locator("#overview").bounding_box()
        y = box["y"] + box["height"] / 2
        p.mouse.move(box["x"] + p.evaluate("() => window.chronist.overviewX(1915.0)"), y)
        p.mouse.down()
        p.mouse.move(box["x"] + p.evaluate("() => window.chronist.overviewX(1916.0)"), y, steps=5)
        p.mouse.up()
        shown = int(p.get_attribute("#count", "data-count"))
        assert 0 < shown < total
        assert p.locator("#range-chip").is_visible()
        state = page.state()
        assert state["visible"] <= shown
        p.click("#reset-all")
        assert p.get_attribute("#count", "data-count") == str(total)
        assert page.errors == []
    finally:
        page.close()


def test_doubt_is_shown(browser, tmp_path):
    timeline = copy.deepcopy(sample_timeline())
    first = timeline["events"][1]
    first["time"].update(
        {"edtf": "1848/2007", "earliest_begin": "1848-01-01", "latest_begin": "1848-12-31",
         "earliest_end": "2007-01-01", "latest_end": "2007-12-31", "source": "narrative"}
    )  # fmt: skip
    page = Page(browser, timeline, tmp_path, **_context("desktop"))
    try:
        p = page.page
        row = p.locator(f"#ev-{first['id']}")
        assert "⚠" in row.inner_text()
        assert (
            "inferred from the narrative" in row.inner_text() or "Erzählfluss" in row.inner_text()
        )
        row.click()
        assert p.locator("#detail .warn").count() == 1
        assert p.locator("#detail .d-how").inner_text()
        # the places: unresolved ones listed apart; the circles' sizes never shrink in drawing order
        radii = p.eval_on_selector_all(
            "#map circle.place", "cs => cs.map(c => +c.getAttribute('r'))"
        )
        assert radii == sorted(radii)
    finally:
        page.close()


def test_article_map_opens_on_its_places(browser, tmp_path):
    page = Page(browser, article(), tmp_path, **_context("desktop"))
    try:
        p = page.page
        width = p.evaluate(
            "() => +document.getElementById('map').getAttribute('viewBox').split(' ')[2]"
        )
        assert width < 3600 * 0.6  # not the whole world
        assert p.locator("#unresolved").is_visible()
        assert p.locator("#unresolved-list button").count() > 0
        # roving tabindex: one circle and one entry per index list in the tab order
        assert p.locator("#map circle.place[tabindex='0']").count() == 1
        for ul in ("#idx-per", "#idx-loc", "#idx-org"):
            if p.locator(f"{ul} button").count():
                assert p.locator(f"{ul} button[tabindex='0']").count() == 1
        p.locator("#idx-loc button[tabindex='0']").focus()
        p.keyboard.press("ArrowDown")
        assert p.evaluate("() => document.activeElement.closest('#idx-loc') !== null")
        assert p.locator("#idx-loc button[tabindex='0']").count() == 1
    finally:
        page.close()


def _contrast(a: list[float], b: list[float]) -> float:
    def lum(rgb: list[float]) -> float:
        out = []
        for c in rgb[:3]:
            c = c / 255
            out.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
        return 0.2126 * out[0] + 0.7152 * out[1] + 0.0722 * out[2]

    high, low = sorted((lum(a), lum(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


RGB = """(css) => { const c = document.createElement('canvas').getContext('2d');
  c.fillStyle = css; c.fillRect(0, 0, 1, 1);
  return Array.from(c.getImageData(0, 0, 1, 1).data); }"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_contrast_and_names(browser, tmp_path, scheme):
    page = Page(browser, article(), tmp_path, color_scheme=scheme, **_context("desktop"))
    try:
        p = page.page
        var = "(name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim()"
        rgb = lambda css: p.evaluate(RGB, css)  # noqa: E731
        panel, sel = rgb(p.evaluate(var, "--panel")), rgb(p.evaluate(var, "--sel"))
        for name in ("--per", "--loc", "--org", "--ink", "--muted"):
            colour = rgb(p.evaluate(var, name))
            assert _contrast(colour, panel) >= 4.5, name
            if name != "--muted":
                assert _contrast(colour, sel) >= 4.5, name
        for lane in ("--lane0", "--lane1", "--panel"):
            back = rgb(p.evaluate(var, lane))
            for colour in p.evaluate("() => window.chronist.colours()"):
                assert _contrast(rgb(colour), back) >= 3, (colour, lane)
        # the two sets of zoom buttons have different names
        names = [p.get_attribute(f"#{b}", "aria-label") for b in
                 ("zoom-in", "zoom-out", "zoom-fit", "map-in", "map-out", "map-home")]  # fmt: skip
        assert len(set(names)) == 6 and all(names)
        # the timeline shows a focus ring
        p.focus("#tl")
        outline = p.evaluate("() => getComputedStyle(document.getElementById('tl')).outlineWidth")
        assert float(outline.replace("px", "")) >= 2
        page.shot(f"article-{scheme}")
        assert page.errors == []
    finally:
        page.close()


def test_downloads_and_print(browser, tmp_path):
    page = Page(browser, article(), tmp_path, **_context("desktop"))
    try:
        p = page.page
        events = page.timeline["events"]
        with p.expect_download() as info:
            p.click("#downloads button[data-format=csv]")
        assert info.value.suggested_filename.endswith(".csv")
        csv = p.evaluate("() => window.chronist.download('csv')")
        assert csv.splitlines()[0].startswith("id,label,type,edtf,earliest_begin")
        assert csv.count("\r\n") > len(events)
        data = json.loads(p.evaluate("() => window.chronist.download('json')"))
        assert [e["id"] for e in data["events"]] == [e["id"] for e in events]
        geo = json.loads(p.evaluate("() => window.chronist.download('geojson')"))
        assert geo["type"] == "FeatureCollection" and geo["features"]
        lon, lat = geo["features"][0]["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        tjs = json.loads(p.evaluate("() => window.chronist.download('timelinejs')"))
        assert tjs["events"] and "year" in tjs["events"][0]["start_date"]
        ics = p.evaluate("() => window.chronist.download('ics')")
        assert ics.startswith("BEGIN:VCALENDAR\r\n") and ics.count("BEGIN:VEVENT") > 20
        assert all(len(line) <= 75 for line in ics.split("\r\n"))
        # title block
        assert "chronist" in p.inner_text("#provenance") and "02_WW1" in p.inner_text("#provenance")
        # print: the full list with quotes
        p.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
        p.emulate_media(media="print")
        assert p.locator("#print-list li").count() == len(events)
        assert p.locator("#print-list").is_visible() and p.locator("#tl").is_hidden()
        assert page.requests == [] and page.errors == []
    finally:
        page.close()


PAYLOADS = [
    '"><img src=x onerror="window.top.pwned=1;alert(1)">',
    "</script><script>window.pwned=1;alert(2)</script>",
    "javascript:alert(3)",
    "' onmouseover='alert(4)' x='",
    "<svg onload=alert(5)>",
]


def _poison(value: object, counter: list[int]) -> object:
    """Every string field of a timeline replaced by, or extended with, a script payload."""
    if isinstance(value, dict):
        return {k: _poison(v, counter) for k, v in value.items()}
    if isinstance(value, list):
        return [_poison(v, counter) for v in value]
    if isinstance(value, str):
        counter[0] += 1
        return PAYLOADS[counter[0] % len(PAYLOADS)]
    return value


def _free_text_poisoned() -> dict:
    """The sample timeline with a payload in every free-text field the schema allows."""
    timeline = copy.deepcopy(sample_timeline())
    counter = [0]

    def payload() -> str:
        counter[0] += 1
        return PAYLOADS[counter[0] % len(PAYLOADS)]

    for event in timeline["events"]:
        event["label"], event["type"] = payload(), payload()
        event["trigger"]["text"], event["trigger"]["lemma"] = payload(), payload()
        event["evidence"]["exact"] = payload()
        event["evidence"]["prefix"], event["evidence"]["suffix"] = payload(), payload()
        event["time"]["text"] = payload()
        for participant in event["participants"]:
            participant["text"] = payload()
        if event["place"] is not None:
            event["place"]["text"] = payload()
    for entity in timeline["entities"]:
        entity["text"] = payload()
        for mention in entity["mentions"]:
            mention["text"] = payload()
    timeline["document"]["source"] = PAYLOADS[1]
    timeline["document"]["text"] += "\n" + " ".join(PAYLOADS)
    return timeline


def test_a_crafted_saved_timeline_is_refused_or_runs_no_script(browser, tmp_path):
    # payloads in every string field, the checked ones too: refused, with one line
    timeline = copy.deepcopy(sample_timeline())
    counter = [0]
    for key in ("events", "entities"):
        timeline[key] = _poison(timeline[key], counter)
    timeline["document"]["lang"] = 'de" onload="alert(6)'
    with pytest.raises(InputError) as refused:
        loads(json.dumps(timeline))
    assert "\n" not in str(refused.value)
    # payloads in every free-text field: accepted, and rendered inert
    timeline = _free_text_poisoned()
    html = render_report(loads(json.dumps(timeline)))
    csp = html.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
    script_src = csp.split("script-src", 1)[1].split(";", 1)[0]
    assert "unsafe-inline" not in script_src and "sha256-" in script_src
    page = Page(browser, timeline, tmp_path, **_context("desktop"))
    try:
        p = page.page
        for row in p.locator("#list [role=option]").all()[:6]:
            row.click()
            row.hover()
        p.click("#lang-btn")
        p.fill("input[type=search]", "img")
        p.fill("input[type=search]", "")
        for button in p.locator("#index button").all()[:6]:
            button.click()
        p.mouse.move(300, 300)
        for text in p.locator("#text span").all()[:20]:
            text.hover()
        # a link someone slipped into the page is inert: it navigates nowhere
        p.evaluate(
            """() => { const a = document.createElement('a'); a.href = 'https://example.org/?leak';
                       a.id = 'planted'; a.textContent = 'x'; document.body.prepend(a); }"""
        )
        p.click("#planted")
        p.wait_for_timeout(300)
        assert page.dialogs == []
        assert page.navigations == []
        assert page.requests == []
        assert p.evaluate("() => window.pwned === undefined && window.top.pwned === undefined")
        assert p.locator("img, iframe, object, embed, #text script, #list script").count() == 0
    finally:
        page.close()


def test_forced_colours_are_honoured(browser, tmp_path):
    page = Page(browser, article(), tmp_path, forced_colors="active", **_context("tablet"))
    try:
        assert page.page.evaluate("() => window.chronist.colours()")[0] == "CanvasText"
        assert page.state()["labelled"] > 0
        page.shot("article-forced-colours")
        assert page.errors == [] and page.requests == []
    finally:
        page.close()


def test_a_vertical_swipe_on_the_timeline_scrolls_a_phone_page(browser, tmp_path):
    page = Page(browser, article(), tmp_path, **_context("phone"))
    try:
        p = page.page
        before = page.state()
        box = p.locator("#tl").bounding_box()
        x, y = box["x"] + box["width"] / 2, box["y"] + 120
        cdp = page.context.new_cdp_session(p)
        cdp.send(
            "Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]}
        )
        for step in range(1, 11):
            point = {"x": x, "y": y - step * 30}
            cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [point]})
        cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
        p.wait_for_function("() => window.scrollY > 100")
        after = page.state()
        assert (after["from"], after["to"]) == (before["from"], before["to"])
        assert page.errors == []
    finally:
        page.close()


@pytest.mark.parametrize("name", ["edge", "empty"])
def test_odd_timelines_open_cleanly(browser, tmp_path, name):
    timeline = edge_timeline()
    if name == "empty":
        from chronist.timeline import Document, Timeline, to_json

        timeline = to_json(Timeline(Document("Nichts."), (), (), ()))
    page = Page(browser, timeline, tmp_path, **_context("tablet"))
    try:
        state = page.state()
        assert state["labelled"] + state["clustered"] == state["visible"]
        assert page.page.evaluate("() => window.chronist.download('ics')").startswith("BEGIN")
        assert page.errors == [] and page.requests == []
    finally:
        page.close()


@pytest.mark.parametrize("width", [320, 600, 1900])
def test_at_least_three_ticks_at_any_width(browser, tmp_path, width):
    page = Page(browser, sample_timeline(), tmp_path, viewport={"width": width, "height": 800})
    try:
        p = page.page
        for view in ([-60, 2000], [1950.3, 1950.5], [1950, 1950.02], [1914, 1919]):
            p.evaluate("v => window.chronist.view(v[0], v[1])", view)
            assert page.state()["ticks"] >= 3, view
        assert page.errors == []
    finally:
        page.close()


def test_pinch_zooms_the_timeline_on_a_phone(browser, tmp_path):
    page = Page(browser, article(), tmp_path, **_context("phone"))
    try:
        p = page.page
        before = page.state()
        box = p.locator("#tl").bounding_box()
        cx, y = box["x"] + box["width"] / 2, box["y"] + 100
        cdp = page.context.new_cdp_session(p)

        def touch(kind: str, spread: float) -> None:
            points = [{"x": cx - spread, "y": y, "id": 1}, {"x": cx + spread, "y": y, "id": 2}]
            cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

        touch("touchStart", 20)
        for spread in range(30, 130, 10):
            touch("touchMove", spread)
        cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
        p.wait_for_timeout(100)
        after = page.state()
        assert after["from"] > before["from"] and after["to"] < before["to"]
        assert page.errors == []
    finally:
        page.close()


def test_map_circles_move_with_the_arrow_keys(browser, tmp_path):
    page = Page(browser, article(), tmp_path, **_context("desktop"))
    try:
        p = page.page
        first = p.locator("#map circle.place[tabindex='0']")
        name = first.get_attribute("data-ent")
        first.focus()
        p.keyboard.press("ArrowRight")
        focused = p.evaluate("() => document.activeElement.getAttribute('data-ent')")
        assert focused is not None and focused != name
        assert p.locator("#map circle.place[tabindex='0']").count() == 1
        p.keyboard.press("Enter")
        assert p.locator("#filter-chip").is_visible()
    finally:
        page.close()
