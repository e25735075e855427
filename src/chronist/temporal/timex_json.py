"""A temporal expression as JSON: one shape wherever chronist writes one.

The ``timexes`` of the timeline schema (``timeline-1.json``) and the
``mentions`` of ``chronist tag --format json`` are both written by
:func:`timex_json` and read back by :func:`timex_from_json`; days are ISO
dates in astronomical years, the four bounds flat.
"""

from __future__ import annotations

from typing import Any

from chronist.temporal.mention import Anchor, AnchorKind, Timex, TimexType
from chronist.temporal.values import Bounds, Day, Mod

__all__ = [
    "bounds_from_json",
    "bounds_json",
    "day_from_json",
    "day_json",
    "timex_from_json",
    "timex_json",
]

Json = dict[str, Any]


def day_json(day: Day | None) -> str | None:
    return None if day is None else day.iso()


def day_from_json(value: str | None) -> Day | None:
    if value is None:
        return None
    sign = -1 if value.startswith("-") else 1
    year, month, day = value.lstrip("-").split("-")
    return Day(sign * int(year), int(month), int(day))


def bounds_json(bounds: Bounds) -> Json:
    return {
        "earliest_begin": day_json(bounds.earliest_begin),
        "latest_begin": day_json(bounds.latest_begin),
        "earliest_end": day_json(bounds.earliest_end),
        "latest_end": day_json(bounds.latest_end),
    }


def bounds_from_json(data: Json) -> Bounds:
    return Bounds(
        day_from_json(data["earliest_begin"]),
        day_from_json(data["latest_begin"]),
        day_from_json(data["earliest_end"]),
        day_from_json(data["latest_end"]),
    )


def timex_json(t: Timex) -> Json:
    """One temporal expression as JSON: the ``timexes`` items of schema 1, and the
    ``mentions`` of ``chronist tag --format json`` (one shape for both).

    >>> from chronist import tag
    >>> timex_json(tag("von 1950 bis 1953")[-1])["begin_point"]
    't1'
    """
    return {
        "tid": t.tid,
        "start": t.start,
        "end": t.end,
        "text": t.text,
        "type": t.type.value,
        "value": t.value,
        "mod": None if t.mod is None else t.mod.value,
        "edtf": t.edtf,
        **bounds_json(t.bounds),
        "rule": t.rule,
        "anchor": t.anchor.kind.value,
        "anchor_tid": t.anchor_tid,
        "role": t.role,
        "anchor_value": t.anchor.value,
        "anchored_to": t.anchor.tid,
        "begin_point": t.begin_point,
        "end_point": t.end_point,
        "quant": t.quant,
        "freq": t.freq,
        "temporal_function": t.temporal_function,
    }


def timex_from_json(data: Json) -> Timex:
    return Timex(
        tid=data["tid"],
        start=data["start"],
        end=data["end"],
        text=data["text"],
        type=TimexType(data["type"]),
        value=data["value"],
        mod=None if data["mod"] is None else Mod(data["mod"]),
        edtf=data["edtf"],
        bounds=bounds_from_json(data),
        rule=data["rule"],
        anchor=Anchor(
            AnchorKind(data["anchor"]), data.get("anchored_to"), data.get("anchor_value")
        ),
        anchor_tid=data["anchor_tid"],
        begin_point=data.get("begin_point"),
        end_point=data.get("end_point"),
        quant=data.get("quant"),
        freq=data.get("freq"),
        temporal_function=bool(data.get("temporal_function", False)),
        role=data["role"],
    )
