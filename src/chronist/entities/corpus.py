"""Readers for labelled NER corpora: CoNLL/BIO columns and GermEval 2014 TSV.

Labels are reduced to the three classes chronist tags, PER, LOC and ORG, as
BIO tags. GermEval 2014 has two annotation levels; only the *outer* level
(column 3) is read, and of its twelve classes only ``PER``, ``LOC`` and ``ORG``
are kept: ``OTH`` and the sub-types ``*deriv`` (``deutsche``) and ``*part``
(``US-Truppen``) become ``O``. An entity nested inside an outer span (the LOC in
``[Universität [Hamburg]]``) is not read. Other corpora's fine classes are
mapped by :func:`map_label` (``person`` -> PER, ``location-city`` -> LOC, ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from chronist.errors import CorpusError, InputError

__all__ = ["LabelledSentence", "map_label", "read_corpus", "spans_of"]

_CLASS_MAP = {
    "PER": "PER",
    "PERSON": "PER",
    "LOC": "LOC",
    "LOCATION": "LOC",
    "LOCATION-CITY": "LOC",
    "LOCATION-STREET": "LOC",
    "LOCATION-STOP": "LOC",
    "GPE": "LOC",
    "ORG": "ORG",
    "ORGANIZATION": "ORG",
    "ORGANISATION": "ORG",
    "ORGANIZATION-COMPANY": "ORG",
}


@dataclass(frozen=True, slots=True)
class LabelledSentence:
    """Tokens with one BIO label each (``B-PER``, ``I-LOC``, ``O``)."""

    tokens: tuple[str, ...]
    labels: tuple[str, ...]


def map_label(label: str) -> str:
    """Map a corpus label to ``B-X``/``I-X`` with X in PER/LOC/ORG, or ``O``.

    >>> map_label("B-LOCderiv"), map_label("I-person"), map_label("S-ORG")
    ('O', 'I-PER', 'B-ORG')
    """
    label = label.strip()
    if len(label) < 3 or label[1] not in "-_":
        return "O"
    prefix, name = label[0].upper(), label[2:].upper()
    mapped = _CLASS_MAP.get(name)
    if mapped is None:
        return "O"
    prefix = {"S": "B", "E": "I", "L": "I", "U": "B"}.get(prefix, prefix)
    if prefix not in "BI":
        return "O"
    return f"{prefix}-{mapped}"


def _repair(labels: list[str]) -> tuple[str, ...]:
    """Turn IOB1-style ``I-X`` after ``O`` or another class into ``B-X``."""
    fixed: list[str] = []
    previous = "O"
    for label in labels:
        if label.startswith("I-") and previous[2:] != label[2:]:
            label = "B-" + label[2:]
        fixed.append(label)
        previous = label
    return tuple(fixed)


def spans_of(labels: tuple[str, ...] | list[str]) -> set[tuple[int, int, str]]:
    """Half-open token spans ``(start, end, class)`` of a BIO label sequence.

    >>> sorted(spans_of(["B-PER", "I-PER", "O", "B-LOC"]))
    [(0, 2, 'PER'), (3, 4, 'LOC')]
    """
    spans: set[tuple[int, int, str]] = set()
    start: int | None = None
    kind = ""
    for index, label in enumerate([*labels, "O"]):
        if start is not None and not (label.startswith("I-") and label[2:] == kind):
            spans.add((start, index, kind))
            start = None
        if label.startswith("B-") or (label.startswith("I-") and start is None):
            start, kind = index, label[2:]
    return spans


def _is_germeval(lines: list[str]) -> bool:
    for line in lines[:50]:
        parts = line.split("\t")
        if line.startswith("#") or not line.strip():
            continue
        return len(parts) == 4 and parts[0].isdigit()
    return False


_BIO = re.compile(r"^(O|[BIESLU][-_]\S+)$")


def _columns(lines: list[str]) -> tuple[int, int]:
    """The token and label columns of a CoNLL-like file: the label column is
    the last one holding only BIO tags (UNER puts an annotator after it), the
    token column is the first, or the second after a numeric id column."""
    rows = [
        (line.split("\t") if "\t" in line else line.split())
        for line in lines[:2000]
        if line.strip() and not line.startswith(("#", "-DOCSTART-"))
    ]
    width = min((len(r) for r in rows), default=2)
    label = width - 1
    for column in range(width - 1, 0, -1):
        if all(_BIO.match(r[column]) for r in rows):
            label = column
            break
    token = 1 if width >= 3 and label > 1 and all(r[0].isdigit() for r in rows) else 0
    return token, label


def _is_comment(parts: list[str], germeval: bool) -> bool:
    """``#`` starts a comment line, unless the line is a token ``#`` with its tag."""
    return germeval or len(parts) < 2 or not _BIO.match(parts[-1]) or parts[0] != "#"


def _bio(label: str, path: Path, number: int) -> str:
    """``label`` if it is a BIO tag; otherwise the file is not a labelled corpus."""
    if not _BIO.match(label.strip()):
        raise CorpusError(
            f"{path}:{number}: {label[:20]!r} is not a BIO label "
            "(expected a CoNLL/BIO file or a GermEval TSV)"
        )
    return label


def read_corpus(path: Path) -> list[LabelledSentence]:
    """Read a CoNLL/BIO file (token first, label column found by its BIO tags)
    or a GermEval 2014 TSV.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.bio"
    >>> _ = p.write_text("Truman B-PER\\nlehnte O\\nab O\\n", encoding="utf-8")
    >>> read_corpus(p)[0].labels
    ('B-PER', 'O', 'O')
    """
    from chronist.text.reading import read_text

    try:
        text = read_text(path)  # a pipe, a device or a huge file is checked, never waited on
    except InputError as error:
        raise CorpusError(f"cannot read corpus {error}") from error
    lines = text.splitlines()
    germeval = _is_germeval(lines)
    token_column, label_column = _columns(lines)
    sentences: list[LabelledSentence] = []
    tokens: list[str] = []
    labels: list[str] = []

    def flush() -> None:
        if tokens:
            sentences.append(LabelledSentence(tuple(tokens), _repair(labels)))
        tokens.clear()
        labels.clear()

    for number, line in enumerate(lines, 1):
        if not line.strip():
            flush()
            continue
        parts = line.split("\t") if "\t" in line else line.split()
        if line.startswith("-DOCSTART-") or (line.startswith("#") and _is_comment(parts, germeval)):
            if germeval:
                flush()
            continue
        if germeval:
            if len(parts) < 3:
                raise CorpusError(f"{path}:{number}: expected 4 tab-separated columns")
            tokens.append(parts[1])
            labels.append(map_label(_bio(parts[2], path, number)))
        else:
            if len(parts) < 2:
                if len(parts) == 1:
                    tokens.append(parts[0])
                    labels.append("O")
                    continue
                raise CorpusError(f"{path}:{number}: expected a token and a label")
            tokens.append(parts[token_column] if len(parts) > token_column else parts[0])
            label = parts[min(label_column, len(parts) - 1)]
            labels.append(map_label(_bio(label, path, number)))
    flush()
    if not sentences:
        raise CorpusError(f"no labelled tokens in {path}")
    return sentences
