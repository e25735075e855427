"""Check a saved timeline against the shipped schema before it is read back.

A saved timeline is untrusted input: it may have been edited by hand or made
by another program. :func:`check_timeline` walks it against the JSON Schema
shipped with the package (``schema/timeline-1.json``: the keywords that schema
uses — ``type``, ``enum``, ``const``, ``required``, ``properties``, ``items``,
``$ref``, ``oneOf``, ``if``/``then``, ``pattern``, ``minimum``/``maximum``,
``minItems``), then checks what a schema cannot say: every offset lies inside
the document's text and every day exists. The first problem is raised as one
:class:`~chronist.errors.InputError` naming where it is.

>>> check_timeline({"schema_version": 2}, {"const": 1, "type": "object"})
Traceback (most recent call last):
...
chronist.errors.InputError: not a chronist timeline: (top level): expected 1, got ...
"""

from __future__ import annotations

import math
import re
from functools import cache
from typing import Any

from chronist.errors import InputError

__all__ = ["check_timeline"]

Json = dict[str, Any]
_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "number": (int, float),
    "integer": (int,),
    "boolean": (bool,),
    "null": (type(None),),
}
_MAX_DEPTH = 32
_DATED = frozenset({"day", "edtf", "timex_value"})  # $defs whose days must exist
# a day in an EDTF (astronomical year, "-0001" is 2 BC) or TIMEX3 value ("BC0001" is 1 BC)
_DAY_IN = re.compile(r"(?<![0-9])(?:BC|-)?[0-9]{4,}-[0-9]{2}-[0-9]{2}(?![0-9])")
_SURROGATE = re.compile("[\ud800-\udfff]")


@cache
def _pattern(pattern: str) -> re.Pattern[str]:
    # "$" in Python also matches before a final newline; JSON Schema's does not
    return re.compile(pattern[:-1] + r"\Z" if pattern.endswith("$") else pattern)


class _Invalid(Exception):
    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where or '(top level)'}: {message}")


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _is(value: Any, kind: str) -> bool:
    if isinstance(value, bool) and kind in ("number", "integer"):
        return False
    if kind == "number" and isinstance(value, float) and not math.isfinite(value):
        return False
    return isinstance(value, _TYPES[kind])


def _walk(value: Any, rule: Json, root: Json, where: str, depth: int) -> None:
    if depth > _MAX_DEPTH:
        raise _Invalid(where, "nested too deeply")
    if "$ref" in rule:
        target: Any = root
        for part in rule["$ref"].lstrip("#/").split("/"):
            target = target[part]
        _walk(value, target, root, where, depth + 1)
        if isinstance(value, str) and rule["$ref"].rsplit("/", 1)[-1] in _DATED:
            for day in _DAY_IN.finditer(value):
                _check_day(day.group(0), where)
    if "oneOf" in rule:
        matched = 0
        for option in rule["oneOf"]:
            try:
                _walk(value, option, root, where, depth + 1)
                matched += 1
            except _Invalid:
                pass
        if matched != 1:
            raise _Invalid(where, f"{_short(value)} fits none of the allowed shapes")
    if "const" in rule and not (value == rule["const"] and type(value) is type(rule["const"])):
        raise _Invalid(where, f"expected {rule['const']!r}, got {_short(value)}")
    if "enum" in rule and value not in rule["enum"]:
        raise _Invalid(where, f"{_short(value)} is not one of {', '.join(map(str, rule['enum']))}")
    kinds = rule.get("type")
    if kinds is not None:
        kinds = [kinds] if isinstance(kinds, str) else kinds
        if not any(_is(value, kind) for kind in kinds):
            raise _Invalid(where, f"expected {' or '.join(kinds)}, got {_short(value)}")
    if isinstance(value, str):
        if "pattern" in rule and not _pattern(rule["pattern"]).search(value):
            raise _Invalid(where, f"{_short(value)} is not in the expected form")
        if len(value) < rule.get("minLength", 0):
            raise _Invalid(where, "must not be empty")
        if _SURROGATE.search(value):
            raise _Invalid(where, "holds a lone surrogate, not text")
    if _is(value, "number"):
        if "minimum" in rule and value < rule["minimum"]:
            raise _Invalid(where, f"{value} is below {rule['minimum']}")
        if "maximum" in rule and value > rule["maximum"]:
            raise _Invalid(where, f"{value} is above {rule['maximum']}")
    if isinstance(value, dict):
        for key in rule.get("required", ()):
            if key not in value:
                raise _Invalid(where, f"'{key}' is missing")
        for key, sub in rule.get("properties", {}).items():
            if key in value:
                _walk(value[key], sub, root, f"{where}.{key}" if where else key, depth + 1)
        if "if" in rule:
            try:
                _walk(value, rule["if"], root, where, depth + 1)
            except _Invalid:
                pass
            else:
                _walk(value, rule.get("then", {}), root, where, depth + 1)
    if isinstance(value, list):
        if len(value) < rule.get("minItems", 0):
            raise _Invalid(where, f"needs at least {rule['minItems']} item(s)")
        if "items" in rule:
            for index, item in enumerate(value):
                _walk(item, rule["items"], root, f"{where}[{index}]", depth + 1)


def _spans(data: Json) -> list[tuple[str, Json]]:
    """Every object with ``start``/``end`` offsets into the text, with where it is."""
    found: list[tuple[str, Json]] = []
    for i, event in enumerate(data.get("events", [])):
        found.append((f"events[{i}].evidence", event["evidence"]))
        found += [(f"events[{i}].mentions[{j}]", m) for j, m in enumerate(event["mentions"])]
        found.append((f"events[{i}].trigger", event["trigger"]))
        found += [
            (f"events[{i}].participants[{j}]", p) for j, p in enumerate(event["participants"])
        ]
        if event.get("place") is not None:
            found.append((f"events[{i}].place", event["place"]))
    for i, entity in enumerate(data.get("entities", [])):
        found.append((f"entities[{i}]", entity))
        found += [(f"entities[{i}].mentions[{j}]", m) for j, m in enumerate(entity["mentions"])]
    found += [(f"timexes[{i}]", t) for i, t in enumerate(data.get("timexes", []))]
    found += [(f"anchors[{i}]", a) for i, a in enumerate(data.get("anchors", []))]
    return found


def _day_key(value: str) -> tuple[int, int, int]:
    """``(astronomical year, month, day)``: ``BC0001`` (TIMEX3) is the year 0."""
    if value.startswith("BC"):
        year, month, day = value[2:].split("-")[:3]
        return 1 - int(year), int(month), int(day)
    negative = value.startswith("-")
    year, month, day = value.lstrip("-").split("-")[:3]
    return (-int(year) if negative else int(year)), int(month), int(day)


def _check_day(value: Any, where: str) -> None:
    """A day that exists in the proleptic Gregorian calendar (astronomical years)."""
    if not isinstance(value, str):
        return
    year, month, day = _day_key(value)
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    days = (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    if not (1 <= month <= 12 and 1 <= day <= days[month - 1]):
        raise _Invalid(where, f"{value} is not a day of the calendar")


def _check_order(bounds: Json, where: str) -> None:
    """A begin no later than its latest begin, an end no later than its latest end, and
    the earliest begin no later than the latest end."""
    pairs = (
        ("earliest_begin", "latest_begin"),
        ("earliest_end", "latest_end"),
        ("earliest_begin", "latest_end"),
    )
    for early, late in pairs:
        first, last = bounds.get(early), bounds.get(late)
        if isinstance(first, str) and isinstance(last, str) and _day_key(first) > _day_key(last):
            raise _Invalid(where, f"{early} {first} is after {late} {last}")


def _semantics(data: Json) -> None:
    length = len(data["document"]["text"])
    for where, item in _spans(data):
        start, end = item["start"], item["end"]
        if not 0 <= start <= end <= length:
            raise _Invalid(where, f"offsets {start}-{end} leave the text ({length} characters)")
    bound_names = ("earliest_begin", "latest_begin", "earliest_end", "latest_end")
    times = [(f"events[{i}].time", e["time"]) for i, e in enumerate(data.get("events", []))]
    times += [(f"timexes[{i}]", t) for i, t in enumerate(data.get("timexes", []))]
    times += [(f"anchors[{i}]", a) for i, a in enumerate(data.get("anchors", []))]
    for where, time in times:
        for name in bound_names:
            _check_day(time.get(name), f"{where}.{name}")
        _check_order(time, where)


def check_timeline(data: Any, schema: Json) -> None:
    """Raise an InputError naming the first place where ``data`` is not a valid timeline."""
    try:
        _walk(data, schema, schema, "", 0)
        _semantics(data)
    except _Invalid as problem:
        raise InputError(f"not a chronist timeline: {problem}") from None
