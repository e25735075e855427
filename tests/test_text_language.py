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


def test_the_toml_cache_is_only_a_cache(tmp_path, monkeypatch) -> None:
    """A corrupt, foreign or FIFO cache entry is never read; the file is parsed again."""
    import os

    from chronist.lang import language_dir
    from chronist.lang.files import read_toml

    monkeypatch.setenv("CHRONIST_CACHE_DIR", str(tmp_path))
    path = language_dir("de") / "text.toml"
    first = read_toml(path)
    [entry] = tmp_path.iterdir()
    assert read_toml(path) == first  # from the cache
    for damage in (b"", b"garbage", entry.read_bytes()[:-5], b"chronist-toml-2\n" + b"x" * 40):
        entry.write_bytes(damage)
        assert read_toml(path) == first
    entry.unlink()
    os.mkfifo(entry)
    assert read_toml(path) == first  # a FIFO in its place does not hang
    monkeypatch.setenv("CHRONIST_CACHE_DIR", str(tmp_path / "file-not-dir"))
    (tmp_path / "file-not-dir").write_text("x")
    assert read_toml(path) == first  # an unwritable cache changes nothing
