"""Harvest organisation names from unannotated German Wikipedia and Klexikon text.

Nothing here reads labels or a model: names are found by patterns whose
evidence is in the text itself, so the same text always gives the same list.

- an abbreviation defined after a long name headed by an organisation noun:
  ``Europäische Zentralbank (EZB``, ``Sozialdemokratische Partei Deutschlands (SPD)``;
- a capitalised name before a legal form: ``Deutsche Bank AG``, ``Amazon.com, Inc.``;
- a name of two or more capitalised words, one of them an organisation head
  (``org_heads.txt``): ``Europäische Zentralbank``, ``Labour Party``;
- an article title that the first sentence of its Klexikon article calls an
  organisation: ``Samsung ist ein Unternehmen``, ``Die FIFA ist der Weltverband``.

The text is CC BY-SA: only the list of names derived from it goes into the
lexicon (as flags), never the text.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

WIKI = Path("../shared/data/wikipedia-de")
HEADS_FILE = Path(__file__).resolve().parent / "org_heads.txt"

_TOKEN = re.compile(r"\w[\w&'’-]*(?:\.\w+)*|\S")
_ACRONYM = re.compile(r"^[A-ZÄÖÜ][A-ZÄÖÜ0-9&]{1,6}$")
_LINK = frozenset(
    {"der", "des", "für", "von", "vom", "und", "zur", "zum", "of", "the", "de", "for"}
)
_DETERMINERS = frozenset({"Der", "Die", "Das", "Des", "Dem", "Den", "The", "Ein", "Eine", "Im"})
_LEGAL = frozenset(
    {"AG", "GmbH", "Inc", "Inc.", "SE", "KG", "Ltd", "Ltd.", "Corporation", "Holding"}
)
_KINDS = (
    "Unternehmen|Partei|Verein|Band|Musikgruppe|Organisation|Behörde|Firma|Konzern|"
    "Fußballverein|Sportverein|Zeitung|Zeitschrift|Sender|Fernsehsender|Bank|Parlament|"
    "Gewerkschaft|Bündnis|Religionsgemeinschaft|Hilfsorganisation|Verband|Weltverband|"
    "Fußballmannschaft|Geheimdienst|Nachrichtenagentur|Automobilhersteller|Hersteller|"
    "Fluggesellschaft|Mischkonzern|Onlinedienst|Rockband|Popband"
)
_TYPED = re.compile(
    r"^(?:Der|Die|Das|The)?\s*(?P<name>[^,(]+?)\s*(?:\([^)]*\)\s*)?,?.{0,40}?\s"
    r"(?:ist|sind|war|waren)\s+(?:eine?|der|die|das)\s+(?:[\w-]+\s+){0,3}?"
    rf"(?:[\w-]*(?:{_KINDS.lower()})|{_KINDS})\b"
)


def read_heads(path: Path = HEADS_FILE) -> tuple[frozenset[str], frozenset[str]]:
    """(endings of capitalised compounds, whole words) of organisation heads."""
    endings: set[str] = set()
    whole: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("="):
            whole.add(line[1:])
        else:
            endings.add(line)
    return frozenset(endings), frozenset(whole)


def is_head(word: str, heads: tuple[frozenset[str], frozenset[str]]) -> bool:
    """Is ``word`` an organisation head (``Arbeiterpartei``, ``Party``)?

    >>> heads = (frozenset({"partei"}), frozenset({"Party"}))
    >>> is_head("Arbeiterpartei", heads), is_head("Party", heads), is_head("partei", heads)
    (True, True, False)
    """
    if word in heads[1]:
        return True
    if not word[:1].isupper():
        return False
    return word.lower().endswith(tuple(heads[0]))


def _bare_head(word: str, heads: tuple[frozenset[str], frozenset[str]]) -> bool:
    """``Partei`` or ``Union`` alone: a head, not a name (``Arbeiterpartei`` is one)."""
    return word in heads[1] or word.lower() in heads[0]


def _capitalised_runs(words: list[str]) -> list[tuple[int, int]]:
    """Runs of capitalised words, linked by lower-case function words."""
    runs: list[tuple[int, int]] = []
    start = None
    for index, word in enumerate([*words, ""]):
        if word[:1].isupper() and word not in _DETERMINERS:
            if start is None:
                start = index
            continue
        if start is not None and word in _LINK and index + 1 < len(words):
            nxt = words[index + 1]
            if nxt[:1].isupper() and nxt not in _DETERMINERS:
                continue
        if start is not None:
            end = index
            while end > start and not words[end - 1][:1].isupper():
                end -= 1
            runs.append((start, end))
            start = None
    return runs


def _segments(tokens: list[str], start: int, end: int) -> list[tuple[int, int]]:
    """A run cut at its lower-case link words (``Rat der Europäischen Union``)."""
    pieces: list[tuple[int, int]] = []
    begin = start
    for index in range(start, end + 1):
        if index == end or not tokens[index][:1].isupper():
            if index > begin:
                pieces.append((begin, index))
            begin = index + 1
    return pieces


def harvest_line(
    line: str,
    heads: tuple[frozenset[str], frozenset[str]],
    function_words: frozenset[str],
    found: Counter[str],
) -> None:
    """Count the organisation names that one line of text shows by its patterns."""
    tokens = _TOKEN.findall(line)
    for start, end in _capitalised_runs(tokens):
        while start < end and tokens[start] in function_words:
            start += 1
        if start == end:
            continue
        while end - start > 1 and tokens[end - 1] in _LEGAL:
            end -= 1
        name = tokens[start:end]
        after = [t for t in tokens[end : end + 4] if t != ":"]
        if after[:1] == ["("]:
            rest = after[1:]
            acronym = rest[1] if rest[:1] in (["kurz"], ["Abkürzung"]) and len(rest) > 1 else ""
            acronym = acronym or (rest[0] if rest else "")
            if _ACRONYM.match(acronym) and any(is_head(w, heads) for w in name):
                found[acronym] += 2
                if len(name) > 1 or not _bare_head(name[0], heads):
                    found[" ".join(name)] += 2
                continue
        if after[:1] and after[0] in _LEGAL:
            first, last = _segments(tokens, start, end)[-1]
            found[" ".join(tokens[first:last])] += 2
            continue
        for first, last in _segments(tokens, start, end):
            piece = tokens[first:last]
            if len(piece) >= 2 and any(is_head(w, heads) for w in piece[1:]):
                found[" ".join(piece)] += 1


def _function_words(paths: list[Path]) -> frozenset[str]:
    """Capitalised forms of words mostly written in lower case (``In``, ``Seine``)."""
    counts: Counter[str] = Counter()
    for path in paths:
        counts.update(path.read_text(encoding="utf-8").split())
    return frozenset(
        word for word, n in counts.items() if word[:1].isupper() and counts.get(word.lower(), 0) > n
    )


def harvest(root: Path = WIKI) -> dict[str, int]:
    """Organisation name -> its weight: a chain with a head counts 1, an
    abbreviation's long name, a name before a legal form 2, a typed Klexikon
    title 3; names under 2 are dropped."""
    heads = read_heads()
    found: Counter[str] = Counter()
    paths = sorted((root / "wiki").glob("*.txt")) + sorted((root / "klexikon").glob("*.txt"))
    function_words = _function_words(paths)
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            harvest_line(line, heads, function_words, found)
    for path in sorted((root / "klexikon").glob("*.txt")):
        text = path.read_text(encoding="utf-8").strip()
        first = text.split("\n", 1)[0]
        title = re.sub(r"\s*\(.*\)$", "", path.stem.replace("_", " "))
        match = _TYPED.match(first)
        if match and title in match.group("name"):
            found[title] += 3
    return {name: n for name, n in found.items() if n >= 2}


if __name__ == "__main__":
    names = harvest()
    ranked = sorted(names.items(), key=lambda item: (-item[1], item[0]))
    print(len(ranked))
    for name, count in ranked[:300]:
        print(count, name)
