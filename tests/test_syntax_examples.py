"""The tense and clause examples of every language (``lang/<code>/examples``):
``tense.toml`` for :mod:`chronist.text.verbs`, ``clauses.toml`` for
:mod:`chronist.text.clauses`."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from chronist.errors import LanguageDataError
from chronist.lang import available_languages, language_dir
from chronist.text.clauses import clause_facts, read_clause_facts, segments
from chronist.text.tokens import tokenize
from chronist.text.verbs import read_tense_facts, read_verbs, tense_facts


def _examples(name: str, table: str) -> list[tuple[str, dict[str, Any]]]:
    found = []
    for lang in available_languages():
        path = language_dir(lang) / "examples" / name
        if path.exists():
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            found += [(lang, case) for case in data[table]]
    return found


def test_both_shipped_languages_have_examples() -> None:
    assert {lang for lang, _ in _examples("tense.toml", "tense")} >= {"de", "en"}
    assert {lang for lang, _ in _examples("clauses.toml", "clauses")} >= {"de", "en"}


@pytest.mark.parametrize(
    ("lang", "case"), _examples("tense.toml", "tense"), ids=lambda v: str(v)[:50]
)
def test_tense(lang: str, case: dict[str, Any]) -> None:
    group = read_verbs(case["text"], tense_facts(lang))
    assert group.tense.value == case["tense"], group
    for key in ("passive", "perfect", "scheduled", "stated_present", "pluperfect"):
        if key in case:
            assert getattr(group, key) is case[key], (key, group)


@pytest.mark.parametrize(
    ("lang", "case"), _examples("clauses.toml", "clauses"), ids=lambda v: str(v)[:50]
)
def test_clauses(lang: str, case: dict[str, Any]) -> None:
    text = case["text"]
    found = segments(tokenize(text, lang), clause_facts(lang))
    assert [[text[s.start : s.end], s.kind.value] for s in found] == case["segments"]


def test_a_missing_or_bad_key_names_file_and_key(tmp_path: Path) -> None:
    for name, read in (("tense.toml", read_tense_facts), ("clauses.toml", read_clause_facts)):
        source = (language_dir("de") / name).read_text(encoding="utf-8")
        lines = [line for line in source.splitlines() if not line.startswith("participle ")]
        lines = [line for line in lines if not line.startswith("relative ")]
        (tmp_path / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        key = "participle" if name == "tense.toml" else "relative"
        with pytest.raises(LanguageDataError, match=f"{re.escape(name)}: {key} is missing"):
            read(tmp_path)
    (tmp_path / "tense.toml").write_text(source_with(language_dir("de") / "tense.toml"), "utf-8")
    with pytest.raises(LanguageDataError, match=r"tense\.toml: complement must be"):
        read_tense_facts(tmp_path)


def source_with(path: Path) -> str:
    return path.read_text(encoding="utf-8").replace('complement = "last"', 'complement = "first"')
