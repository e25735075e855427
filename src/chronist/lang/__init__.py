"""Per-language data: one folder per language (``de/``, ``en/``).

A language folder holds ``text.toml`` (sentence and token facts),
``tense.toml`` (auxiliaries and tense cues, :mod:`chronist.text.verbs`),
``clauses.toml`` (clause words, :mod:`chronist.text.clauses`), ``lexicon.toml``
(word forms with their values), ``rules.toml`` (the temporal grammar),
``discourse.toml`` (the cues anchoring reads), and, for timelines,
``events.toml`` (event triggers and modality words) and optionally
``names.toml`` (people, places and organisations for a language without an
entity model); ``examples/`` holds the example corpus that is the test suite.
Adding a language is adding a folder: here, or in a directory named by
``$CHRONIST_LANG_PATH`` (several separated by the path separator), which is
searched first.
"""

from __future__ import annotations

import os
from pathlib import Path

from chronist.errors import OptionError

__all__ = ["ENV_VARIABLE", "available_languages", "language_dir"]

ENV_VARIABLE = "CHRONIST_LANG_PATH"
_ROOT = Path(__file__).resolve().parent  # the package's data lies beside its code


def _roots() -> list[Path]:
    extra = [Path(p) for p in os.environ.get(ENV_VARIABLE, "").split(os.pathsep) if p]
    return [*extra, _ROOT]


# folders found, by language and $CHRONIST_LANG_PATH: the passes ask for them per
# sentence, and a look at the file system each time cost a tenth of the extraction
_FOUND: dict[tuple[str, str], Path] = {}


def language_dir(code: str) -> Path:
    """The data folder of a language, or an OptionError naming those available."""
    key = (code, os.environ.get(ENV_VARIABLE, ""))
    found = _FOUND.get(key)
    if found is not None:
        return found
    if code.isalpha():
        for root in _roots():
            folder = root / code
            if (folder / "rules.toml").is_file():
                _FOUND[key] = folder
                return folder
    raise OptionError(f"unknown language {code!r}; available: {', '.join(available_languages())}")


def available_languages() -> list[str]:
    found = {
        p.name
        for root in _roots()
        if root.is_dir()
        for p in root.iterdir()
        if p.name.isalpha() and (p / "rules.toml").is_file()
    }
    return sorted(found)
