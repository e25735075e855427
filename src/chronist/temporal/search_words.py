"""The words a rule's matches hold: the engine runs a rule only near one of them.

A rule declares its search (``search = ["@month", "digits"]``) or it is read from
the rule's pattern: every word it spells out, less the words too common to look
for (the function words and the forms of qualifier classes in ``[search]`` of
``rules.toml``).
"""

from __future__ import annotations

import re
from typing import Any

from chronist.errors import LanguageDataError
from chronist.temporal.lexicon import Lexicon

__all__ = ["literal_words", "search_words", "searches_digits", "stop_words"]


# "[Jj]" or "[Éé]": a first letter in either case, as LexClass.alternation writes it
_CASE_PAIR = re.compile(r"\[([^\W\d_])([^\W\d_])\]")


_GROUP_NAME = re.compile(r"\(\?P<\w+>|\(\?P=\w+\)|\\[a-zA-Z]")


_WORD = re.compile(r"[^\W\d_]{2,}")


_NEGATIVE_LOOK = re.compile(r"\(\?<?!(?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)")


_CHAR_CLASS = re.compile(r"\[[^\]]*\]")


def stop_words(lexicon: Lexicon, data: dict[str, Any]) -> frozenset[str]:
    """Words too common to look for: the forms of qualifier classes and the declared function words.

    Every expression also holds a time word, a unit or a digit, which is looked for instead.
    """
    words = {str(word).lower() for word in data.get("search", {}).get("function_words", [])}
    for name in data.get("search", {}).get("qualifier_classes", []):
        lex_class = lexicon.classes.get(str(name))
        if lex_class is None:
            raise LanguageDataError(f"[search] names unknown lexicon class {name!r}")
        for form in lex_class.values:
            words.update(word.lower() for word in _WORD.findall(form))
    return frozenset(words)


def search_words(search: Any, lexicon: Lexicon, where: str) -> frozenset[str]:
    """A rule's declared search: lexicon classes and words every match holds one of."""
    if search is None:
        return frozenset()
    words: set[str] = set()
    for item in search:
        name = str(item)
        if name == "digits" or name.startswith("~"):
            continue
        if name.startswith("@"):
            lex_class = lexicon.classes.get(name[1:])
            if lex_class is None:
                raise LanguageDataError(f"{where}: search names unknown lexicon class {name}")
            for form in lex_class.values:
                found = _WORD.findall(form)  # the longest word of a form is enough
                if found:
                    words.add(max(found, key=len).lower())
        else:
            words.add(name.lower())
    return frozenset(words)


def searches_digits(search: Any, examples: tuple[str, ...]) -> bool:
    if search is not None:
        return "digits" in search
    return any(char.isdigit() for example in examples for char in example)


def literal_words(body: str) -> frozenset[str]:
    """Every word a compiled pattern spells out, lower-cased: its possible trigger words."""
    plain = _CASE_PAIR.sub(
        lambda m: m.group(2) if m.group(1).lower() == m.group(2) else m.group(0), body
    )
    plain = _NEGATIVE_LOOK.sub(" ", _GROUP_NAME.sub(" ", plain))
    plain = _CHAR_CLASS.sub(" ", plain)
    return frozenset(word.lower() for word in _WORD.findall(plain))
