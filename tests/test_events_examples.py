"""The event example corpus of each language (``lang/<xx>/examples/events.toml``)."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest

from chronist.events.detect import detect_events
from chronist.lang import language_dir


def _examples(lang: str) -> dict[str, Any]:
    path = language_dir(lang) / "examples" / "events.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


EXAMPLES = _examples("de")


@pytest.mark.parametrize("example", EXAMPLES["event"], ids=lambda e: e["text"][:40])
def test_event_example(example: dict[str, Any]) -> None:
    text = example["text"]
    dates = [(text.index(d), text.index(d) + len(d)) for d in example.get("dates", [])]
    found = detect_events(text, dates=dates)
    assert [m.trigger.lemma for m in found] == example["lemmas"]
    if "label" in example:
        assert found[0].label == example["label"]
    if "modality" in example:
        assert found[0].modality.value == example["modality"]


@pytest.mark.parametrize("text", EXAMPLES["none"])
def test_no_event_example(text: str) -> None:
    assert detect_events(text) == []
