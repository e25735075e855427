"""A new language is a folder: the template language runs tag, entities and extract.

``tests/data/template_lang/xx`` is the smallest language folder chronist
accepts. It is copied to a temporary directory named by ``$CHRONIST_LANG_PATH``
and every command runs on it end to end; a folder with a key missing fails
with a one-line error naming the file and key.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from chronist.cli import main
from chronist.events.lexicon import load_lexicon
from chronist.lang import ENV_VARIABLE, available_languages
from chronist.temporal.grammar import load_grammar
from chronist.text.clauses import clause_facts
from chronist.text.language import text_facts
from chronist.text.verbs import tense_facts

TEMPLATE = Path(__file__).resolve().parent / "data" / "template_lang" / "xx"
TEXT = (
    "In May 1863 Gen. Lee won at Chancellorsville. In July 1863 Lee fell back from "
    "Gettysburg.\n\nThe Union Army did not sign a treaty. Grant took Richmond in April 1865."
)


def _clear_caches() -> None:
    for cached in (load_grammar, load_lexicon, text_facts, tense_facts, clause_facts):
        cached.cache_clear()
    from chronist.entities import names

    names._names.cache_clear()


@pytest.fixture
def language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The template copied to a languages folder of its own, as a user would add one."""
    folder = tmp_path / "languages" / "xx"
    shutil.copytree(TEMPLATE, folder)
    monkeypatch.setenv(ENV_VARIABLE, str(folder.parent))
    _clear_caches()
    yield folder
    _clear_caches()


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_folder_is_a_language(language: Path) -> None:
    assert "xx" in available_languages()


def test_tag_entities_and_extract_run_on_it(
    language: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "text.txt"
    path.write_text(TEXT, encoding="utf-8")

    code, out, err = _run(capsys, "tag", str(path), "--lang", "xx", "--format", "json")
    assert (code, err) == (0, "")
    values = [m["value"] for m in json.loads(out)["mentions"]]
    assert values == ["1863-05", "1863-07", "1865-04"]

    code, out, err = _run(capsys, "entities", str(path), "--lang", "xx", "--format", "json")
    assert (code, err) == (0, "")
    found = {(e["text"], e["type"]) for e in json.loads(out)["entities"]}
    assert {("Lee", "PER"), ("Gettysburg", "LOC"), ("Union Army", "ORG")} <= found

    code, out, err = _run(capsys, "extract", str(path), "--lang", "xx", "--format", "json")
    assert (code, err) == (0, "")
    timeline = json.loads(out)
    events = {e["trigger"]["lemma"]: e for e in timeline["events"]}
    assert events["win"]["time"]["edtf"] == "1863-05"
    assert events["fall"]["time"]["edtf"] == "1863-07"
    assert events["sign"]["modality"] == "negated"
    assert timeline["document"]["lang"] == "xx"


@pytest.mark.parametrize(
    ("file", "key", "message"),
    [
        ("text.toml", "ordinal_dot", r"text.toml: \[sentences\] ordinal_dot is missing"),
        ("discourse.toml", "range_join", r"discourse.toml: 'range_join' is missing"),
        ("lexicon.toml", "[bound]", r"lexicon.toml: class \[bound\] is missing"),
        ("events.toml", "[inflection]", r"events.toml: \[inflection\] needs"),
        ("tense.toml", "perfect_auxiliaries", r"tense.toml: perfect_auxiliaries is missing"),
        ("clauses.toml", "relative", r"clauses.toml: relative is missing"),
    ],
)
def test_a_missing_key_is_one_line_naming_file_and_key(
    language: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    file: str,
    key: str,
    message: str,
) -> None:
    path = language / file
    lines = path.read_text(encoding="utf-8").splitlines()
    if key.startswith("["):  # drop the whole table
        start = lines.index(key)
        end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("[")), None)
        lines = lines[:start] + (lines[end:] if end is not None else [])
    else:
        lines = [line for line in lines if not line.startswith(f"{key} ")]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    text = tmp_path / "text.txt"
    text.write_text(TEXT, encoding="utf-8")
    command = "tag" if file != "events.toml" else "extract"
    code, out, err = _run(capsys, command, str(text), "--lang", "xx")
    assert code != 0 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert __import__("re").search(message, err), err
