"""The German event-trigger lexicon: forms built from principal parts, compounds, checks."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from chronist.errors import LanguageDataError, OptionError
from chronist.events import lexicon as lexicon_module
from chronist.events.lexicon import Form, TriggerKind, event_types, load_lexicon

LEXICON = load_lexicon("de")


def readings(word: str) -> list[tuple[str, str, str | None]]:
    return [(e.lemma, e.form.value, e.particle) for e in LEXICON.lookup(word)]


@pytest.mark.parametrize(
    ("word", "lemma", "form", "particle"),
    [
        ("rief", "anrufen", "finite", "an"),  # "rief ... an": the particle comes later
        ("anrief", "anrufen", "finite", None),  # joined in a subordinate clause
        ("angerufen", "anrufen", "participle", None),
        ("anzurufen", "anrufen", "zu-infinitive", None),
        ("überrannte", "überrennen", "finite", None),  # inseparable prefix: no particle
        ("überrannten", "überrennen", "finite", None),  # past plural built from the past
        ("lehnte", "ablehnen", "finite", "ab"),
        ("machte", "deutlich machen", "finite", "deutlich"),  # an idiom of two words
        ("schwiegen", "schweigen", "finite", None),
    ],
)
def test_verb_forms(word: str, lemma: str, form: str, particle: str | None) -> None:
    assert (lemma, form, particle) in readings(word)


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("Invasion", "Invasion"),
        ("Todes", "Tod"),
        ("Kämpfe", "Kampf"),  # an umlaut plural written in the data
        ("Waffenstillstandssondierungen", "Waffenstillstandssondierung"),  # compound head
        ("Bombenkrieg", "Bombenkrieg"),
        ("Koreakrieg", "Koreakrieg"),
    ],
)
def test_noun_forms_and_compounds(word: str, lemma: str) -> None:
    found = LEXICON.lookup(word)
    assert found and found[0].kind is TriggerKind.NOUN and found[0].lemma == lemma


def test_compound_keeps_its_head_as_concept() -> None:
    (entry,) = LEXICON.lookup("UN-Mandat")
    assert entry.lemma == "UN-mandat" and entry.concept == "Mandat"


@pytest.mark.parametrize("word", ["Grundsatz", "Staaten", "Auffassung", "38.", "Maier"])
def test_ordinary_words_are_no_triggers(word: str) -> None:
    assert LEXICON.lookup(word) == ()


def test_past_forms_are_marked() -> None:
    assert any(e.past for e in LEXICON.lookup("rief"))
    assert not any(e.past for e in LEXICON.lookup("ruft"))
    assert LEXICON.lookup("einzugreifen")[0].form is Form.ZU_INFINITIVE


def test_every_type_in_the_data_is_in_the_ontology() -> None:
    path = Path(lexicon_module.__file__).parents[1] / "lang" / "de" / "events.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    used = {spec["type"] for spec in data["verbs"].values()}
    used |= {s if isinstance(s, str) else s["type"] for s in data["nouns"].values()}
    assert used <= event_types()
    assert {"conflict", "diplomacy", "leadership", "death", "economy"} <= used


_INFLECTION = {"noun_endings": ["s"], "past_plural": [["", "en"]], "zu_infix": "zu"}


def test_bad_type_fails_when_the_data_loads(tmp_path: Path) -> None:
    data = {
        "inflection": _INFLECTION,
        "verbs": {"gehen": {"type": "walking", "parts": "geht ging gegangen"}},
    }
    with pytest.raises(LanguageDataError, match="walking"):
        lexicon_module._build("xx", data, tmp_path / "events.toml")


def test_bad_parts_fail_with_the_entry_named(tmp_path: Path) -> None:
    data = {
        "inflection": _INFLECTION,
        "verbs": {"gehen": {"type": "movement", "parts": "geht ging"}},
    }
    with pytest.raises(LanguageDataError, match="gehen"):
        lexicon_module._build("xx", data, tmp_path / "events.toml")


def test_missing_inflection_names_the_file_and_table(tmp_path: Path) -> None:
    with pytest.raises(LanguageDataError, match=r"events.toml: \[inflection\] needs"):
        lexicon_module._build("xx", {}, tmp_path / "events.toml")


def test_unknown_language() -> None:
    with pytest.raises(OptionError, match="xx"):
        load_lexicon("xx")
