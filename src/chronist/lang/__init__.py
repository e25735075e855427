"""Per-language data: one folder per language (``de/``, ``en/``).

A language folder holds ``lexicon.toml`` (word forms with their values),
``rules.toml`` (the temporal grammar) and ``examples/`` (the example corpus
that is the test suite). Adding a language is adding a folder.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from chronist.errors import OptionError


def language_dir(code: str) -> Path:
    """The data folder of a language, or an OptionError naming those available."""
    root = Path(str(resources.files("chronist.lang")))
    folder = root / code
    if not code.isalpha() or not (folder / "rules.toml").is_file():
        raise OptionError(
            f"unknown language {code!r}; available: {', '.join(available_languages())}"
        )
    return folder


def available_languages() -> list[str]:
    root = Path(str(resources.files("chronist.lang")))
    return sorted(p.name for p in root.iterdir() if (p / "rules.toml").is_file())
