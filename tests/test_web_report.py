"""The page as a file: self-contained, offline, safe with any text, data in step with the input."""

from __future__ import annotations

import json
import re

from chronist.timeline.jsonio import from_json
from chronist.web.report import page_data, render_report, script_hash
from fixtures.sample import edge_timeline, sample_timeline, synthetic_timeline


def _data(page: str, element_id: str) -> dict:
    match = re.search(rf'<script type="application/json" id="{element_id}">(.*?)</script>', page)
    assert match is not None
    return json.loads(match.group(1))


def test_one_self_contained_file():
    page = render_report(from_json(sample_timeline()))
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=|@import|url\(", page)
    assert not re.search(r"(src|href)=\"(https?:)?//", page)
    assert "@@" not in page  # every placeholder filled
    assert '<meta name="viewport"' in page
    assert len(_data(page, "chronist-basemap")["countries"]) > 150


def test_text_cannot_break_out_of_the_data_block():
    timeline = sample_timeline()
    evil = "</script><script>alert(1)</script> \u2028 <!--"
    timeline["document"]["text"] += evil
    page = render_report(from_json(timeline))
    assert page.count("</script>") == 3  # data, basemap, the page's own script
    assert _data(page, "chronist-data")["text"].endswith(evil)


def test_page_data_follows_the_timeline():
    timeline = edge_timeline()
    data = page_data(from_json(timeline))
    assert [e["id"] for e in data["events"]] == [e["id"] for e in timeline["events"]]
    assert data["lang"] == "de" and data["text"] == timeline["document"]["text"]
    by_id = {e["id"]: e for e in data["events"]}
    assert by_id["e8"]["b"] == [None, None, None, None]
    assert by_id["e9"]["hyp"] is True
    assert by_id["e10"]["b"][3] is None and by_id["e10"]["fuzzy"]
    assert by_id["e1"]["b"][0] < 0  # 44 BC
    assert by_id["e4"]["place"] == 5 and by_id["e6"]["people"] == [2, 4]
    assert not by_id["e4"]["fuzzy"] and by_id["e5"]["fuzzy"]
    assert data["types"][0] == "diplomacy"  # most frequent first


def test_html_in_titles_is_escaped():
    timeline = sample_timeline()
    timeline["document"]["source"] = "a<i>&amp;.de.txt"
    page = render_report(from_json(timeline))
    assert "<title>a&lt;i&gt;&amp;amp; – chronist</title>" in page


def test_large_documents_stay_compact():
    page = render_report(from_json(synthetic_timeline(2000)))
    assert len(page.encode("utf-8")) < 1_500_000


def test_the_one_script_is_allowed_by_its_hash_and_nothing_else():
    page = render_report(from_json(sample_timeline()))
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp is not None
    directives = dict(part.strip().split(" ", 1) for part in csp.group(1).split(";"))
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 1
    assert directives["script-src"] == f"'{script_hash(scripts[0])}'"
    assert "unsafe-inline" not in directives["script-src"]
    assert directives["default-src"] == "'none'" and directives["base-uri"] == "'none'"


def test_page_data_adds_the_title_block_and_download_dates():
    timeline = sample_timeline()
    timeline["document"]["source"] = "/home/someone/texts/koreakrieg.de.txt"
    data = page_data(from_json(timeline))
    assert data["source"] == "koreakrieg.de.txt"  # not the folders of the machine that made it
    assert data["version"] and re.fullmatch(r"\d{4}-\d\d-\d\d", data["generated"])
    first = data["events"][0]
    assert first["d"][0] == timeline["events"][0]["time"]["earliest_begin"]
    assert first["n"] >= 1 and "tt" in first
    assert all("conf" in entity for entity in data["entities"])
