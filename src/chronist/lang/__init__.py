"""Per-language data: one folder per language (``de/``, ``en/``).

A language folder holds ``lexicon.toml`` (word forms with their values),
``rules.toml`` (the temporal grammar) and ``examples/`` (the example corpus
that is the test suite). Adding a language is adding a folder.
"""

from __future__ import annotations

from pathlib import Path

from chronist.errors import OptionError

_ROOT = Path(__file__).resolve().parent  # the package's data lies beside its code


def language_dir(code: str) -> Path:
    """The data folder of a language, or an OptionError naming those available."""
    folder = _ROOT / code
    if not code.isalpha() or not (folder / "rules.toml").is_file():
        raise OptionError(
            f"unknown language {code!r}; available: {', '.join(available_languages())}"
        )
    return folder


def available_languages() -> list[str]:
    return sorted(p.name for p in _ROOT.iterdir() if (p / "rules.toml").is_file())
