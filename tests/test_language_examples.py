"""The example corpus of every language folder is the test suite of its rules.

One runner for all languages: values under a stated reference, narrative
passages, the negative corpus, and the rules' own examples.
"""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from chronist import tag
from chronist.lang import available_languages, language_dir
from chronist.temporal import engine
from chronist.temporal.engine import find_candidates
from chronist.temporal.grammar import load_grammar
from chronist.temporal.mention import Timex, TimexType


def _load(lang: str, name: str) -> dict[str, Any]:
    path = language_dir(lang) / "examples" / name
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _value_cases() -> list[Any]:
    cases = []
    for lang in available_languages():
        for group in _load(lang, "values.toml").get("group", []):
            for expect in group.get("expect", []):
                for text in expect["texts"]:
                    marks = []
                    if "xfail" in expect:
                        marks.append(pytest.mark.xfail(reason=expect["xfail"], strict=True))
                    cases.append(
                        pytest.param(lang, group, expect, text, id=f"{lang}:{text}", marks=marks)
                    )
    return cases


def _said(found: list[Timex]) -> list[Timex]:
    """One timex per expression: a date counted back is its date, not also its length
    (German TimeML marks the length of ``vor drei Jahren``, the date non-consuming)."""
    dates = {t.tid for t in found if t.start == t.end and t.type is not TimexType.DURATION}
    return [t for t in found if not (t.type is TimexType.DURATION and t.begin_point in dates)]


@pytest.mark.parametrize(("lang", "group", "expect", "text"), _value_cases())
def test_value(lang: str, group: dict[str, Any], expect: dict[str, Any], text: str) -> None:
    found = _said(tag(text, lang=lang, kind=group.get("kind", "auto"), dct=group.get("dct")))
    assert [t.value for t in found] == [expect["value"]], [(t.text, t.value, t.rule) for t in found]
    timex = found[0]
    if "type" in expect:
        assert timex.type.value == expect["type"]
    if "mod" in expect:
        assert timex.mod is not None and timex.mod.value == expect["mod"]
    if "edtf" in expect:
        assert timex.edtf == expect["edtf"]


def _passages() -> list[Any]:
    cases = []
    for lang in available_languages():
        for passage in _load(lang, "narrative.toml").get("passage", []):
            for position, item in enumerate(passage["expect"]):
                marks = []
                if len(item) > 2:
                    marks.append(pytest.mark.xfail(reason=item[2], strict=True))
                case_id = f"{lang}:{passage['name']}:{item[0]}"
                cases.append(pytest.param(lang, passage, position, id=case_id, marks=marks))
    return cases


@pytest.mark.parametrize(("lang", "passage", "position"), _passages())
def test_passage(lang: str, passage: dict[str, Any], position: int) -> None:
    found = tag(passage["text"], lang=lang, kind=passage["kind"], dct=passage.get("dct"))
    # ranges are tested on their own; a date whose length TimeML marks is told by the
    # text from where it sits to the end of its length ("vor zwei Jahren"), or from the
    # start of its length to where it sits ("two days later")
    dates = {t.tid: t for t in found if t.start == t.end and t.type is not TimexType.DURATION}

    def told_as(t: Timex) -> Timex:
        date = dates.get(t.anchor.tid or "") if t.type is TimexType.DURATION else None
        if date is None:
            return t
        start, end = min(date.start, t.start), max(date.end, t.end)
        return replace(date, text=passage["text"][start:end])

    told = [told_as(t) for t in found if t.end > t.start]
    text, value = passage["expect"][position][:2]
    wanted = [(item[0]) for item in passage["expect"]]
    assert [t.text for t in told] == wanted
    assert told[position].text == text
    assert told[position].value == value, (told[position].rule, told[position].anchor)


def _negatives() -> list[Any]:
    return [
        pytest.param(lang, text, id=f"{lang}:{text[:40]}")
        for lang in available_languages()
        for text in _load(lang, "negative.toml").get("texts", [])
    ]


@pytest.mark.parametrize(("lang", "text"), _negatives())
def test_negative(lang: str, text: str) -> None:
    assert [(t.text, t.rule) for t in tag(text, lang=lang)] == []


def _rule_cases() -> list[Any]:
    return [
        pytest.param(lang, rule.name, id=f"{lang}:{rule.name}")
        for lang in available_languages()
        for rule in load_grammar(lang).rules
    ]


def _rule_matches(lang: str, rule_name: str, text: str) -> list[str]:
    """What one rule alone matches in ``text``, searching only near its trigger words."""
    grammar = load_grammar(lang)
    rule = next(r for r in grammar.rules if r.name == rule_name)
    return [candidate.text for candidate in engine.rule_candidates(text, rule, grammar)]


@pytest.mark.parametrize(("lang", "rule_name"), _rule_cases())
def test_rule_examples(lang: str, rule_name: str) -> None:
    """A rule matches each of its examples whole (or, with a context, as the span it marks)."""
    rule = next(r for r in load_grammar(lang).rules if r.name == rule_name)
    matched: set[str] = set()
    for example in rule.examples:
        matched.update(_rule_matches(lang, rule_name, example))
    for context in rule.example_context:
        found = _rule_matches(lang, rule_name, context)
        assert found, f"rule {rule_name!r} matches nothing in {context!r}"
        matched.update(found)
    assert set(rule.examples) <= matched, sorted(set(rule.examples) - matched)


@pytest.mark.parametrize("lang", available_languages())
def test_every_fragment_and_class_is_used(lang: str) -> None:
    assert load_grammar(lang).unused == frozenset()


@pytest.mark.parametrize("lang", available_languages())
def test_every_rule_wins_somewhere(lang: str) -> None:
    """Every rule produces an expression (after overlaps are settled) on some example text."""
    grammar = load_grammar(lang)
    texts = [e for rule in grammar.rules for e in rule.examples + rule.example_context]
    texts += [
        t
        for group in _load(lang, "values.toml").get("group", [])
        for e in group["expect"]
        for t in e["texts"]
    ]
    texts += [p["text"] for p in _load(lang, "narrative.toml").get("passage", [])]
    fired = {c.rule for text in texts for c in find_candidates(text, grammar)}
    assert {rule.name for rule in grammar.rules} - fired == set()


def test_language_folders_exist() -> None:
    assert "de" in available_languages()
    assert (Path(language_dir("de")) / "examples" / "values.toml").is_file()


def test_range_links_its_ends() -> None:
    found = tag("Die Belagerung dauerte von Juni 1775 bis März 1776.", kind="narrative")
    begin, end, span = found
    assert (begin.role, end.role) == ("begin", "end")
    assert (span.type.value, span.value, span.edtf) == ("DURATION", "P9M", "1775-06/1776-03")
    assert (span.begin_point, span.end_point, span.start, span.text) == (
        begin.tid,
        end.tid,
        end.end,
        "",
    )
    assert (
        span.bounds.earliest_begin is not None and span.bounds.earliest_begin.iso() == "1775-06-01"
    )
    assert span.bounds.latest_end is not None and span.bounds.latest_end.iso() == "1776-03-31"


def test_range_to_a_part_of_the_same_year_has_no_zero_length() -> None:
    # "von August bis Ende 1941": the month takes the year of the end; the length is
    # months the text does not count (PXM), never P0Y
    begin, end, span = tag("Von August bis Ende 1941 diente er an der Front.", kind="narrative")
    assert (begin.value, end.value, end.mod is not None and end.mod.value) == (
        "1941-08",
        "1941",
        "END",
    )
    assert (span.type.value, span.value) == ("DURATION", "PXM")
