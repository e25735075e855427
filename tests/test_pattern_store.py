"""Compiled grammar patterns kept between runs: faster loading, never different matching."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from chronist.temporal import grammar, pattern_store
from chronist.temporal.grammar import Grammar
from chronist.temporal.pattern_store import PatternStore

needs_engine = pytest.mark.skipif(
    pattern_store._ENGINE is None, reason="this Python's regular expression engine is not CPython's"
)


def _load(monkeypatch: pytest.MonkeyPatch, directory: Path | str, lang: str = "de") -> Grammar:
    monkeypatch.setenv("CHRONIST_CACHE_DIR", str(directory))
    return grammar.load_grammar.__wrapped__(lang)  # type: ignore[attr-defined, no-any-return]


def _behaviour(loaded: Grammar) -> list[tuple[str, object]]:
    """What each rule's compiled pattern is and finds in its own examples."""
    seen: list[tuple[str, object]] = []
    for rule in loaded.rules:
        regex = rule.regex
        seen.append((rule.name, (regex.pattern, regex.flags, regex.groups, regex.groupindex)))
        for example in rule.examples + rule.example_context:
            seen.append(
                (rule.name, [m.groupdict() | {"": m.span()} for m in regex.finditer(example)])
            )
    for cue in ("future", "past", "next_noun"):
        seen.append((cue, getattr(loaded.cues, cue).pattern))
    return seen


@needs_engine
@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_stored_grammar_matches_as_a_compiled_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, lang: str
) -> None:
    compiled = _load(monkeypatch, "", lang)  # the store turned off: re.compile
    first = _load(monkeypatch, tmp_path, lang)  # compiles and writes the store
    assert len(list(tmp_path.glob(f"grammar-{lang}-*.marshal"))) == 1

    def no_compiling(*_: object) -> object:
        raise AssertionError("a stored pattern was compiled again")

    monkeypatch.setattr(pattern_store, "_translate", no_compiling)
    monkeypatch.setattr(re, "compile", no_compiling)
    second = _load(monkeypatch, tmp_path, lang)  # reads every pattern from the store
    monkeypatch.undo()
    assert _behaviour(second) == _behaviour(first) == _behaviour(compiled)


@needs_engine
def test_a_changed_rule_is_compiled_afresh(tmp_path: Path) -> None:
    store = PatternStore("grammar-test", tmp_path)
    assert store.compile(r"(?P<year>[0-9]{4})").match("1953")
    store.save()
    again = PatternStore("grammar-test", tmp_path)
    changed = again.compile(r"(?P<year>[0-9]{3,4})")  # not in the store: compiled
    assert changed.match("953") and changed.groupindex == {"year": 1}


@needs_engine
def test_a_corrupt_store_is_ignored_and_rewritten(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    expected = _behaviour(_load(monkeypatch, tmp_path))
    (stored,) = tmp_path.glob("grammar-de-*.marshal")
    stored.write_bytes(b"\x00 not a store")
    assert _behaviour(_load(monkeypatch, tmp_path)) == expected
    assert stored.read_bytes()[:1] != b"\x00"  # written anew
    assert list(tmp_path.glob("*.tmp")) == []


@needs_engine
def test_programs_that_do_not_fit_the_engine_fall_back(tmp_path: Path) -> None:
    store = PatternStore("grammar-test", tmp_path)
    store._known = {r"[0-9]+": (32, [1, 2, 3], 0, {}, (None,))}  # not a valid program
    assert store.compile(r"[0-9]+").findall("a 12 b 3") == ["12", "3"]


def test_an_unwritable_cache_directory_changes_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the directory should be")
    loaded = _load(monkeypatch, blocked / "chronist")
    assert _behaviour(loaded) == _behaviour(_load(monkeypatch, ""))


def test_a_bad_pattern_raises_as_re_compile_does(tmp_path: Path) -> None:
    with pytest.raises(re.error):
        PatternStore("grammar-test", tmp_path).compile("(?P<year>[0-9]")


def test_the_cache_directory_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHRONIST_CACHE_DIR", "/somewhere/chronist")
    assert pattern_store.cache_dir() == Path("/somewhere/chronist")
    monkeypatch.setenv("CHRONIST_CACHE_DIR", "")
    assert pattern_store.cache_dir() is None
    monkeypatch.delenv("CHRONIST_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", "/cache")
    assert pattern_store.cache_dir() == Path("/cache/chronist")
