"""Each language's sentence examples (`[examples]` of `lang/<xx>/text.toml`) split as written."""

from __future__ import annotations

import pytest

from chronist.lang import available_languages
from chronist.text.language import text_facts
from chronist.text.segment import sentence_spans


@pytest.mark.parametrize("lang", available_languages())
def test_sentence_examples(lang: str) -> None:
    examples = text_facts(lang).examples
    assert examples, f"lang/{lang}/text.toml has no sentence examples"
    for text, expected in examples:
        found = [text[start:end] for start, end in sentence_spans(text, lang=lang)]
        assert found == list(expected), text
