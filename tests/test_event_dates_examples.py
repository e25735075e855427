"""The event date example corpus of each language (``lang/<xx>/examples/event_dates.toml``)."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest

from chronist.lang import language_dir
from chronist.timeline import build_timeline


def _examples(lang: str) -> list[dict[str, Any]]:
    path = language_dir(lang) / "examples" / "event_dates.toml"
    examples: list[dict[str, Any]] = tomllib.loads(path.read_text(encoding="utf-8"))["dated"]
    return examples


def no_entities(document: object) -> list[object]:
    return []


@pytest.mark.parametrize("example", _examples("de"), ids=lambda e: f"{e['lemma']}:{e['text'][:40]}")
def test_event_date_example(example: dict[str, Any]) -> None:
    timeline = build_timeline(example["text"], recognizer=no_entities)
    events = [e for e in timeline.events if e.trigger.lemma == example["lemma"]]
    assert events, f"no event {example['lemma']!r}"
    assert (events[0].time.edtf or "") == example["edtf"]  # "": no date
