"""TimelineJS3 JSON: slides with dates at the known grain, display_date, groups, BC."""

from __future__ import annotations

import json

from chronist.export.timelinejs import timelinejs_dict, to_timelinejs
from chronist.timeline.jsonio import from_json
from fixtures.sample import edge_timeline, sample_timeline, synthetic_timeline

_DATE_KEYS = {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date"}
_SLIDE_KEYS = {"start_date", "end_date", "text", "media", "group", "display_date", "background",
               "autolink", "unique_id"}  # fmt: skip


def _slides(timeline: object) -> dict[str, dict]:
    return {slide["unique_id"]: slide for slide in timelinejs_dict(from_json(timeline))["events"]}


def _check_date(date: dict) -> None:
    assert set(date) <= _DATE_KEYS
    assert isinstance(date["year"], int) and date["year"] != 0  # no year 0 in TimelineJS
    if "day" in date:
        assert "month" in date
    if "month" in date:
        assert 1 <= date["month"] <= 12


def test_structure_follows_timelinejs3():
    for timeline in (sample_timeline(), edge_timeline(), synthetic_timeline(300)):
        data = json.loads(to_timelinejs(from_json(timeline)))
        assert set(data) == {"title", "events"}
        assert data["title"]["text"]["headline"]
        for slide in data["events"]:
            assert set(slide) <= _SLIDE_KEYS
            assert slide["text"]["headline"] and slide["group"]
            _check_date(slide["start_date"])
            if "end_date" in slide:
                _check_date(slide["end_date"])


def test_dates_at_the_known_grain():
    slides = _slides(sample_timeline())
    assert slides["e4"]["start_date"] == {"year": 1950, "month": 9, "day": 15}
    assert "end_date" not in slides["e4"] and "display_date" not in slides["e4"]
    assert slides["e5"]["start_date"]["year"] == 1950 and slides["e5"]["start_date"]["month"] == 11
    assert "day" not in slides["e5"]["start_date"]
    assert slides["e5"]["end_date"] == {"year": 1951, "month": 4}


def test_fuzzy_dates_use_display_date():
    slides = _slides(edge_timeline())
    assert slides["e5"]["display_date"] == "November 1950 – April 1951"
    assert slides["e10"]["display_date"] == "ab 1953"
    assert slides["e10"]["start_date"] == {"year": 1953, "display_date": "ab 1953"}
    assert "end_date" not in slides["e10"]
    assert slides["e11"]["display_date"] == "bis November 1950"
    english_data = {**edge_timeline(), "document": {**edge_timeline()["document"], "lang": "en"}}
    english = {s["unique_id"]: s for s in timelinejs_dict(from_json(english_data))["events"]}
    assert english["e10"]["display_date"] == "from 1953"
    approx = _slides(synthetic_timeline(60))
    fuzzy = [s for s in approx.values() if "display_date" in s and s["start_date"]["year"] > 0]
    assert fuzzy and all("end_date" in s for s in fuzzy)


def test_bc_years_are_negative():
    slide = _slides(sample_timeline())["e1"]
    assert slide["start_date"]["year"] == -44  # 44 BC, astronomical -43
    assert slide["display_date"] == "15. März 44 v. Chr."


def test_lanes_use_group_and_facts_only():
    slides = _slides(edge_timeline())
    assert slides["e1"]["group"] == "death" and slides["e2"]["group"] == "conflict"
    assert "e8" not in slides  # no time
    assert "e9" not in slides  # conditional, not a fact
    by_actor = timelinejs_dict(from_json(sample_timeline()), group_by="actor")["events"]
    assert by_actor[0]["group"] == "Caesar"


def test_text_is_escaped_html():
    timeline = sample_timeline()
    timeline["events"][0]["label"] = "<b>Caesar</b> & Co"
    slide = _slides(timeline)["e1"]
    assert slide["text"]["headline"] == "&lt;b&gt;Caesar&lt;/b&gt; &amp; Co"
    assert slide["text"]["text"].startswith("<blockquote>Im Jahr 44 v. Chr.")
