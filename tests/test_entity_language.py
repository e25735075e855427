"""The example corpus of ``lang/<xx>/entities.toml``: names that must (not) be entities."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronist.entities import recognize
from chronist.entities.language import entity_facts, read_entity_facts
from chronist.errors import LanguageDataError

EXAMPLES = [(text, expected) for text, expected in entity_facts("de").examples]


@pytest.mark.parametrize(("text", "expected"), EXAMPLES)
def test_entity_examples(text: str, expected: tuple[str, ...]) -> None:
    found = [f"{m.text}:{e.type.value}" for e in recognize(text) for m in e.mentions]
    assert found == ([] if expected == ("-",) else list(expected))


def test_bad_cue_kind_fails_at_load(tmp_path: Path) -> None:
    source = Path(__file__).resolve().parents[1] / "src/chronist/lang/de/entities.toml"
    bad = tmp_path / "entities.toml"
    bad.write_text(
        source.read_text(encoding="utf-8").replace('"am" = ["river"', '"am" = ["stream"'),
        encoding="utf-8",
    )
    with pytest.raises(LanguageDataError, match="unknown kinds"):
        read_entity_facts(bad)


def test_the_facts_are_read_once_per_language_folder() -> None:
    # recognition asks for them for every sentence: reading the TOML each time made
    # extract twenty times slower on long documents
    assert entity_facts("de") is entity_facts("de")
