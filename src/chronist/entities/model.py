"""The shipped CRF tagger, opened lazily on first use and kept open."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import cache

import pycrfsuite  # type: ignore[import-untyped]

from chronist.entities.features import forget_words, sentence_features
from chronist.entities.gazetteer_pass import apply_lexical_passes
from chronist.entities.hyphen_names import join_hyphen_compounds
from chronist.entities.resources import data_path, lexicon
from chronist.errors import ModelError

__all__ = ["MODEL_FILE", "tag_each", "tag_sentences"]

MODEL_FILE = "ner-de.crfsuite"

# A capitalised token the best path leaves outside any name becomes a name when
# the model gives names at least this much probability. Recall is the weak side
# of the CRF; chosen on held-out GermEval dev (20%): 0.25-0.45 compared in
# December 2026 (session 24), 0.35 best there and on ZEFYS test, UNER level.
RECALL_THRESHOLD = 0.35


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
    """BIO labels (``B-PER``, ``I-LOC``, ``O``...) for each token of each sentence:
    the CRF's best path, then the recall boost, then the gazetteer pass.

    >>> tag_sentences([["Truman", "traf", "Stalin", "in", "Moskau", "."]])[0]
    ['B-PER', 'O', 'B-PER', 'O', 'B-LOC', 'O']
    """
    return list(tag_each(sentences))


def tag_each(
    sentences: Iterable[Sequence[str]], *, hyphens_split: bool = True
) -> Iterator[list[str]]:
    """The labels of :func:`tag_sentences`, one sentence at a time: a long
    document's sentences need not all be held at once. ``hyphens_split``: the
    tokenizer splits hyphenated compounds (``Berlin``, ``-``, ``Wilmersdorf``, as
    in the HIPE and Universal Dependencies corpora), so a hyphen token between two
    names of one type joins them; chronist's own tokenizer keeps such a compound
    one token, and a hyphen token there is a dash between two names."""
    tagger = _tagger()
    words = lexicon()
    try:
        for sentence in sentences:
            if not sentence:
                yield []
                continue
            best = list(tagger.tag(sentence_features(sentence, words)))
            labels = apply_lexical_passes(sentence, _boost_recall(tagger, sentence, best))
            yield join_hyphen_compounds(sentence, labels) if hyphens_split else labels
    finally:
        forget_words()


def _boost_recall(tagger: pycrfsuite.Tagger, words: Sequence[str], best: list[str]) -> list[str]:
    """Relabel capitalised ``O`` tokens whose name probability (from the CRF's
    marginals of the sequence just tagged) reaches :data:`RECALL_THRESHOLD`."""
    names: list[str] | None = None
    for index, label in enumerate(best):
        if label != "O" or not words[index][:1].isupper():
            continue
        if 1.0 - tagger.marginal("O", index) < RECALL_THRESHOLD:
            continue
        if names is None:
            names = [name for name in tagger.labels() if name != "O"]
        choice = max(names, key=lambda name: tagger.marginal(name, index))
        kind = choice[2:]
        inside = index > 0 and best[index - 1][2:] == kind
        best[index] = ("I-" if inside else "B-") + kind
    return best
