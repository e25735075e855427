"""Loaders for the German NER training corpora under ``../shared/data/ner-de``.

Each returns :class:`LabelledSentence` objects with BIO labels over PER/LOC/ORG.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

from chronist.entities.corpus import LabelledSentence, _repair, map_label, read_corpus
from chronist.text.document import Document

DATA = Path("../shared/data/ner-de")

_END = frozenset(".!?")


def _chunk(tokens: list[str], labels: list[str], limit: int = 60) -> Iterator[LabelledSentence]:
    """Split a long token run into sentences at . ! ? (or every ``limit`` tokens)."""
    start = 0
    for index, token in enumerate(tokens):
        inside = index + 1 < len(labels) and labels[index + 1].startswith("I-")
        if (token in _END or index + 1 - start >= limit * 2) and not inside:
            if index + 1 - start > 0:
                yield LabelledSentence(
                    tuple(tokens[start : index + 1]), _repair(labels[start : index + 1])
                )
            start = index + 1
    if start < len(tokens):
        yield LabelledSentence(tuple(tokens[start:]), _repair(labels[start:]))


def two_column(path: Path) -> list[LabelledSentence]:
    """``token<TAB/SPACE>tag`` files with blank lines between pages (ZEFYS, Europeana)."""
    sentences: list[LabelledSentence] = []
    tokens: list[str] = []
    labels: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# ") or not line.strip():
            sentences.extend(_chunk(tokens, labels))
            tokens, labels = [], []
            continue
        parts = line.split("\t") if "\t" in line else line.split(" ")
        tokens.append(parts[0])
        labels.append(map_label(parts[1]) if len(parts) > 1 else "O")
    sentences.extend(_chunk(tokens, labels))
    return [s for s in sentences if s.tokens]


def hipe(path: Path) -> list[LabelledSentence]:
    """HIPE-2022 TSV: column 2 is the coarse literal tag; MISC marks sentence ends."""
    sentences: list[LabelledSentence] = []
    tokens: list[str] = []
    labels: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("TOKEN\t") or not line.strip():
            continue
        parts = line.split("\t")
        tokens.append(parts[0])
        labels.append(map_label(parts[1]))
        if "EndOfSentence" in parts[-1]:
            sentences.extend(_chunk(tokens, labels))
            tokens, labels = [], []
    sentences.extend(_chunk(tokens, labels))
    return sentences


def uner(path: Path) -> list[LabelledSentence]:
    """UNER IOB2: ``id token tag - annotator`` with ``#`` comments."""
    sentences: list[LabelledSentence] = []
    tokens: list[str] = []
    labels: list[str] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("#"):
            continue
        if not line.strip():
            if tokens:
                sentences.append(LabelledSentence(tuple(tokens), _repair(labels)))
            tokens, labels = [], []
            continue
        parts = line.split("\t")
        tokens.append(parts[1])
        labels.append(map_label(parts[2]))
    return sentences


def _json_stream(path: Path) -> Iterator[dict[str, object]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        text = handle.read()
    decoder = json.JSONDecoder()
    index = 0
    while True:
        while index < len(text) and text[index].isspace():
            index += 1
        if index >= len(text):
            return
        obj, index = decoder.raw_decode(text, index)
        yield obj


def smartdata(path: Path, sources: frozenset[str] = frozenset({"news"})) -> list[LabelledSentence]:
    """SmartData v1 JSON: tokenise the text ourselves and project character spans."""
    sentences: list[LabelledSentence] = []
    for doc in _json_stream(path):
        refids = doc.get("refids") or {}
        source = refids.get("map", {}).get("source", "") if isinstance(refids, dict) else ""
        if source not in sources:
            continue
        text = doc["text"]["string"]  # type: ignore[index]
        mentions = []
        for mention in doc["conceptMentions"]["array"]:  # type: ignore[index]
            kind = map_label("B-" + mention["type"])
            if kind != "O":
                mentions.append((mention["span"]["start"], mention["span"]["end"], kind[2:]))
        document = Document(text)
        for span in document.sentences:
            sentence = document.tokens_in(*span)
            labels = ["O"] * len(sentence)
            for start, end, kind in mentions:
                inside = [i for i, t in enumerate(sentence) if t.start >= start and t.end <= end]
                for position, i in enumerate(inside):
                    labels[i] = ("B-" if position == 0 else "I-") + kind
            sentences.append(LabelledSentence(tuple(t.text for t in sentence), tuple(labels)))
    return sentences


def germeval(path: Path) -> list[LabelledSentence]:
    return read_corpus(path)


# name -> (loader, relative path); the training set, in a fixed order.
TRAIN_FILES: dict[str, tuple[str, str]] = {
    "germeval-dev": ("germeval", "GermEval2014-NER/NER-de-dev.tsv"),
    "zefys-train": ("two_column", "ZEFYS/train.tsv"),
    "zefys-dev": ("two_column", "ZEFYS/dev.tsv"),
    "europeana-lft": ("two_column", "EuropeanaNewspapers-NER-de/enp_DE.lft.bio"),
    "europeana-onb": ("two_column", "EuropeanaNewspapers-NER-de/enp_DE.onb.bio"),
    "newseye-dev": ("hipe", "HIPE-2022-newseye-de/HIPE-2022-v2.1-newseye-dev-de.tsv"),
    "newseye-dev2": ("hipe", "HIPE-2022-newseye-de/HIPE-2022-v2.1-newseye-dev2-de.tsv"),
    "newseye-test": ("hipe", "HIPE-2022-newseye-de/HIPE-2022-v2.1-newseye-test-de.tsv"),
    "smartdata-train": ("smartdata", "SmartData/v1_20180119/train.json.gz"),
    "smartdata-test": ("smartdata", "SmartData/v1_20180119/test.json.gz"),
}

# Held out, never trained on: a modern dev set and a historical one.
DEV_FILES: dict[str, tuple[str, str]] = {
    "uner-pud": ("uner", "UNER_German-PUD/de_pud-ud-test.iob2"),
    "zefys-test": ("two_column", "ZEFYS/test.tsv"),
}

LOADERS = {
    "germeval": germeval,
    "two_column": two_column,
    "hipe": hipe,
    "uner": uner,
    "smartdata": smartdata,
}


def load(name: str, table: dict[str, tuple[str, str]], root: Path = DATA) -> list[LabelledSentence]:
    loader, relative = table[name]
    return LOADERS[loader](root / relative)
