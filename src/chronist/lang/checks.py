"""Reading one language file and checking its keys: one-line errors naming file and key.

>>> from chronist.lang import language_dir
>>> data = read_language_file(language_dir("de") / "clauses.toml", "clause words")
>>> sorted(word_list(data, language_dir("de") / "clauses.toml", "background"))[:2]
['da', 'obgleich']
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from chronist.errors import LanguageDataError
from chronist.lang.files import read_toml

__all__ = ["pattern", "read_grammar_file", "read_language_file", "required", "word_list"]


def read_language_file(path: Path, what: str) -> dict[str, Any]:
    """The parsed TOML of a language file; a missing or broken file is a LanguageDataError."""
    try:
        return read_toml(path)
    except FileNotFoundError:
        raise LanguageDataError(f"{path}: missing ({what})") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise LanguageDataError(f"{path}: {error}") from None


def read_grammar_file(path: Path) -> dict[str, Any]:
    """The parsed TOML of a temporal grammar's file (lexicon, rules, discourse cues); one
    that cannot be read or parsed is a LanguageDataError."""
    try:
        return read_toml(path)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise LanguageDataError(f"{path}: cannot load: {error}") from error


def required(data: dict[str, Any], path: Path, key: str, kind: type) -> Any:
    """``data[key]``, which must be there and be a ``kind``."""
    if key not in data:
        raise LanguageDataError(f"{path}: {key} is missing")
    if not isinstance(data[key], kind):
        raise LanguageDataError(f"{path}: {key} must be a {kind.__name__}")
    return data[key]


def word_list(data: dict[str, Any], path: Path, key: str, phrases: bool = False) -> list[str]:
    """A required list of single words (or of phrases), lower-cased."""
    value = required(data, path, key, list)
    if not all(isinstance(w, str) and w and (phrases or " " not in w) for w in value):
        what = "phrases" if phrases else "single words"
        raise LanguageDataError(f"{path}: {key} must be a list of {what}")
    return [str(w).lower() for w in value]


def pattern(data: dict[str, Any], path: Path, key: str) -> re.Pattern[str]:
    """A required regular expression, compiled."""
    try:
        return re.compile(required(data, path, key, str))
    except re.error as error:
        raise LanguageDataError(f"{path}: {key}: bad pattern: {error}") from None
