"""The shipped CRF tagger, opened lazily on first use and kept open."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import pycrfsuite  # type: ignore[import-untyped]

from chronist.entities.features import sentence_features
from chronist.entities.resources import data_path, lexicon
from chronist.errors import ModelError

__all__ = ["MODEL_FILE", "tag_sentences"]

MODEL_FILE = "ner-de.crfsuite"


@cache
def _tagger() -> pycrfsuite.Tagger:
    path = data_path(MODEL_FILE)
    tagger = pycrfsuite.Tagger()
    try:
        tagger.open(str(path))
    except (OSError, ValueError) as error:
        raise ModelError(f"entity model unreadable: {path}: {error}") from error
    return tagger


def tag_sentences(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """BIO labels (``B-PER``, ``I-LOC``, ``O``...) for each token of each sentence.

    >>> tag_sentences([["Truman", "traf", "Stalin", "in", "Moskau", "."]])[0]
    ['B-PER', 'O', 'B-PER', 'O', 'B-LOC', 'O']
    """
    tagger = _tagger()
    words = lexicon()
    labels: list[list[str]] = []
    for sentence in sentences:
        if not sentence:
            labels.append([])
            continue
        labels.append(list(tagger.tag(sentence_features(sentence, words))))
    return labels
