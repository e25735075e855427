"""A language's temporal lexicon: word classes, their forms with values, and patterns.

``lang/<xx>/lexicon.toml`` holds one table per class (``[month]``, ``[unit]`` ...)
of form = value. A class expands in a rule's pattern (``@month``) to an
alternation of its forms, longest first; the compiled pattern uses the same
language written as a prefix tree. A lookup folds the first letter's case unless
the class says ``case = "exact"``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from chronist.errors import LanguageDataError
from chronist.lang.checks import read_grammar_file
from chronist.temporal.lexicon_values import REQUIRED_CLASSES, LexValue, read_value

__all__ = ["LexClass", "Lexicon", "load_lexicon"]


@dataclass(frozen=True, slots=True)
class LexClass:
    name: str
    exact_case: bool
    values: dict[str, LexValue]  # form -> value; lookups fold the first letter

    def lookup(self, form: str) -> LexValue | None:
        normal = " ".join(form.split())
        if normal in self.values:
            return self.values[normal]
        if self.exact_case or not normal:
            return None
        for candidate in (normal[0].upper() + normal[1:], normal[0].lower() + normal[1:]):
            if candidate in self.values:
                return self.values[candidate]
        return None

    def alternation(self) -> str:
        """Every form, longest first: the readable pattern, from which search words are read.

        >>> LexClass("unit", False, {"Jahr": "Y", "Jahre": "Y"}).alternation()
        '(?:[Jj]ahre|[Jj]ahr)'
        """
        forms = sorted(self.values, key=lambda form: (-len(form), form))
        return "(?:" + "|".join(_form_pattern(form, self.exact_case) for form in forms) + ")"

    def compact_alternation(self) -> str:
        """The language of :meth:`alternation` as a prefix tree: faster to compile and run.

        Forms that share a beginning share its pattern; a longer form is still
        tried before its prefix, so a match is the same as with the plain
        alternation.

        >>> forms = {"Jahr": "Y", "Jahre": "Y", "Jahren": "Y"}
        >>> LexClass("unit", False, forms).compact_alternation()
        '(?:[Jj]ahr(?:en?)?)'
        """
        root: _Trie = {}
        for form in self.values:
            node = root
            for token in _form_tokens(form, self.exact_case):
                node = node.setdefault(token, {})
            node[_END] = {}
        return "(?:" + _trie_pattern(root) + ")"


_Trie = dict[str, "_Trie"]


_END = ""  # the key marking that a form ends at a node


def _form_tokens(form: str, exact_case: bool) -> list[str]:
    """A form as pattern pieces: one per character, ``\\s+`` between words."""
    tokens: list[str] = []
    for number, word in enumerate(form.split()):
        if number:
            tokens.append(r"\s+")
        tokens.extend(re.escape(char) for char in word)
    first = form.strip()[0]
    if not exact_case and first.isalpha() and first.lower() != first.upper():
        tokens[0] = f"[{first.upper()}{first.lower()}]"
    return tokens


def _trie_pattern(node: _Trie) -> str:
    branches = [token + _trie_pattern(child) for token, child in sorted(node.items()) if token]
    if _END in node:
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and len(branches[0]) == 1 else None
        return (body or "(?:" + "|".join(branches) + ")") + "?"
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def _form_pattern(form: str, exact_case: bool) -> str:
    parts = [re.escape(word) for word in form.split()]
    pattern = r"\s+".join(parts)
    first = form[0]
    if exact_case or not first.isalpha() or first.lower() == first.upper():
        return pattern
    return f"[{first.upper()}{first.lower()}]" + pattern[1:]


@dataclass(frozen=True, slots=True)
class Lexicon:
    classes: dict[str, LexClass]

    def value(self, class_name: str, form: str) -> LexValue | None:
        lex_class = self.classes.get(class_name)
        return None if lex_class is None else lex_class.lookup(form)


def load_lexicon(path: Path) -> Lexicon:
    data = read_grammar_file(path)
    classes: dict[str, LexClass] = {}
    for name, table in data.items():
        if not isinstance(table, dict):
            raise LanguageDataError(f"{path}: [{name}] must be a table of form = value")
        exact = table.get("case") == "exact"
        values: dict[str, LexValue] = {}
        for form, value in table.items():
            if form == "case":
                continue
            if not form.strip():
                raise LanguageDataError(f"{path}: [{name}]: an empty word form")
            values[form] = read_value(name, value, f"{path} [{name}] {form!r}")
        classes[name] = LexClass(name, exact, values)
    missing = sorted(REQUIRED_CLASSES - set(classes))
    if missing:
        raise LanguageDataError(f"{path}: class [{missing[0]}] is missing (the engine reads it)")
    return Lexicon(classes)
