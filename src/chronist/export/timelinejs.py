"""TimelineJS3 JSON: one slide per event that has a time, lanes by ``group``.

Dates follow TimelineJS's date objects, ``{"year", "month", "day"}`` filled
only down to the grain the text gives (``1950-08`` has no ``day``). Years
before 1 AD are negative as TimelineJS expects them, counted the historical
way (44 BC is ``-44``; the model's astronomical year is ``-43``), and such
slides also carry a ``display_date`` (``44 v. Chr.``). Dates that are not one
exact day, month or year (intervals of uncertainty, decades, approximate or
open dates) start at the earliest and end at the latest bound (or at the
interval's exact ends), with ``display_date`` saying it in words
(``November 1950 – April 1951``, ``ab 1953``, ``um 1520``). Events with no
time at all and events the text does not state as facts (conditionals,
hypotheticals) are left out.
"""

from __future__ import annotations

import html
import json
from typing import Any

from chronist.export.dates import edtf_of, parse_edtf_date, year_label
from chronist.export.people import people
from chronist.temporal.values import Day
from chronist.timeline.model import Event, EventTime, Timeline

__all__ = ["human_date", "timelinejs_dict", "to_timelinejs"]

_MONTHS = {
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}  # fmt: skip


def _historical(year: int) -> int:
    return year if year > 0 else year - 1


def _date(year: int, month: int | None = None, day: int | None = None) -> dict[str, Any]:
    date: dict[str, Any] = {"year": _historical(year)}
    if month is not None:
        date["month"] = month
        if day is not None:
            date["day"] = day
    return date


def _stamp_date(day: Day, grain: str) -> dict[str, Any]:
    if grain == "day":
        return _date(day.year, day.month, day.day)
    return _date(day.year, day.month) if grain == "month" else _date(day.year)


def _label(year: int, month: int | None, day: int | None, lang: str) -> str:
    months = _MONTHS.get(lang, _MONTHS["en"])
    text = year_label(year, lang)
    if month is not None:
        text = f"{months[month - 1]} {text}"
        if day is not None:
            text = f"{day}. {text}" if lang == "de" else f"{text.replace(' ', f' {day}, ', 1)}"
    return text


_WORDS = {
    "de": {"from": "ab {}", "until": "bis {}", "approx": "um {}", "decade": "{}0er"},
    "en": {"from": "from {}", "until": "until {}", "approx": "c. {}", "decade": "{}0s"},
}


def human_date(edtf: str, lang: str = "de") -> str:
    """An EDTF value as readers write it.

    >>> human_date("1950-11/1951-04"), human_date("1953/..", "en"), human_date("195X")
    ('November 1950 – April 1951', 'from 1953', '1950er')
    """
    words = _WORDS.get(lang, _WORDS["en"])
    plain = parse_edtf_date(edtf)
    if plain is not None:
        return _label(*plain, lang)
    if "/" in edtf:
        left, right = edtf.split("/", 1)
        if left in ("", ".."):
            return words["until"].format(human_date(right, lang))
        if right in ("", ".."):
            return words["from"].format(human_date(left, lang))
        return f"{human_date(left, lang)} – {human_date(right, lang)}"
    if edtf.endswith(("~", "%")):
        return words["approx"].format(human_date(edtf[:-1], lang))
    if edtf.endswith("?"):
        return human_date(edtf[:-1], lang) + "?"
    if len(edtf) == 4 and edtf.endswith("X") and edtf[:3].isdigit():
        return words["decade"].format(edtf[:3])
    return edtf


def _dates(time: EventTime, lang: str) -> dict[str, Any] | None:
    edtf = edtf_of(time) or ""
    parts = parse_edtf_date(edtf)
    if parts is not None:
        year, month, day = parts
        slide: dict[str, Any] = {"start_date": _date(year, month, day)}
        if year <= 0:
            slide["display_date"] = _label(year, month, day, lang)
            slide["start_date"]["display_date"] = slide["display_date"]
        return slide
    first, last = time.bounds.first(), time.bounds.last()
    if first is None or last is None:
        return None
    # the EDTF in words: the document's own words ("am selben Tag") mean nothing out of context
    display = human_date(edtf, lang) if edtf else time.text or f"{first.iso()} – {last.iso()}"
    left, _, right = edtf.partition("/")
    begin, end = parse_edtf_date(left), parse_edtf_date(right)
    exact = begin if begin is not None else end
    if exact is not None:
        # an interval with at least one exact side (the other exact or open)
        slide = {"start_date": _date(*exact), "display_date": display}
        if begin is not None and end is not None:
            slide["end_date"] = _date(*end)
    else:
        grain = (
            "day" if (first.month, first.day, last.month, last.day) != (1, 1, 12, 31) else "year"
        )
        slide = {"start_date": _stamp_date(first, grain), "display_date": display}
        if last != first and _stamp_date(last, grain) != slide["start_date"]:
            slide["end_date"] = _stamp_date(last, grain)
    slide["start_date"]["display_date"] = display
    return slide


def _text(timeline: Timeline, event: Event) -> str:
    lines = [f"<blockquote>{html.escape(event.evidence.exact)}</blockquote>"]
    names = people(timeline, event)
    if names:
        lines.append(f"<p>{html.escape(', '.join(names))}</p>")
    if event.place is not None:
        lines.append(f"<p>{html.escape(event.place.text)}</p>")
    return "".join(lines)


def timelinejs_dict(timeline: Timeline, *, group_by: str = "type") -> dict[str, Any]:
    """The TimelineJS3 data as a dict (``title`` and ``events``).

    >>> from chronist.timeline import build_timeline
    >>> text = "Am 15. März 44 v. Chr. wurde Caesar ermordet."
    >>> data = timelinejs_dict(build_timeline(text, recognizer=lambda document: []))
    >>> data["events"][0]["start_date"]
    {'year': -44, 'month': 3, 'day': 15, 'display_date': '15. März 44 v. Chr.'}
    """
    lang = timeline.document.lang
    slides = []
    for event in timeline.events:
        if event.hypothetical:
            continue
        dates = _dates(event.time, lang)
        if dates is None:
            continue
        group = event.type
        if group_by == "actor":
            group = (people(timeline, event) or ("–",))[0]
        slides.append(
            {
                **dates,
                "text": {"headline": html.escape(event.label), "text": _text(timeline, event)},
                "group": group,
                "unique_id": event.id,
            }
        )
    title = timeline.document.title
    return {
        "title": {"text": {"headline": html.escape(title), "text": ""}},
        "events": slides,
    }


def to_timelinejs(timeline: Timeline, *, group_by: str = "type") -> str:
    """TimelineJS3 JSON text for the timeline (see :func:`timelinejs_dict`).

    >>> from chronist.timeline import build_timeline
    >>> timeline = build_timeline("Am 27. Juli 1953 schwiegen die Waffen.", recognizer=lambda d: [])
    >>> '"year": 1953' in to_timelinejs(timeline)
    True
    """
    data = timelinejs_dict(timeline, group_by=group_by)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
