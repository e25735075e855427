"""The learned evidence that an event mention tells a merged event: a linear model.

:func:`features` describes a candidate pair (a mention of one document, a
merged event of others) by what :mod:`chronist.store.matching` measures: how
their words agree (the same lemma, a group of ``lang/<xx>/merge.toml``, only
the type), how their times fit (stated or inferred, by the wider span's
grain), the participants and places they share, the sentences' shared words,
and how many different happenings each document tells with that word
(``spread``: a club's history tells forty wins, a biography one birth; the same
word says less the more happenings of it a document tells). A pair that the
words or the stated times rule out has no features (``None``): it never merges.

:class:`Model` weighs the features: a logistic regression trained by
``bench/merge_train.py`` on candidate pairs of the development pairs of
``bench/wiki_de`` (each pair labelled by the blind gold; never the frozen
pairs), stored in ``merge_model.toml`` next to this module. A pair merges when
its score (the log-odds) reaches the model's threshold.

>>> model = load_model()
>>> model.names == FEATURES
True
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from functools import cache
from operator import mul
from pathlib import Path
from typing import TYPE_CHECKING

from chronist.errors import LanguageDataError
from chronist.store.matching import SHARED_WORDS, time_fit, word_kind

if TYPE_CHECKING:
    from collections.abc import Callable

    from chronist.store.mention_info import MentionInfo
    from chronist.store.merged_event import MergedEvent

__all__ = ["FEATURES", "MODEL_FILE", "Model", "features", "load_model"]

MODEL_FILE = Path(__file__).with_name("merge_model.toml")
# The features of a candidate pair, in the order of :func:`features`
FEATURES = (
    "bias",
    "same_lemma",  # the same lemma, not a generic one
    "same_generic",  # the same generic lemma (``werden``)
    "same_group",  # lemmas of one group of merge.toml
    "other_word",  # only the type, or a generic lemma against another word
    "same_type",
    "time_stated",  # time_fit's evidence, both times stated in their clauses
    "time_inferred",  # the same, one of them inferred (may be negative: excluding)
    "no_time",
    "shared_entities",  # shared participants and places, at most MAX_SHARED
    "shared_topic",  # only the documents' topic shared
    "disjoint_entities",  # both name participants or places, none in common
    "sentence",  # text_fit of the sentences' content words
    "spread",  # ln(happenings told with the word in each document), same word only
    "shared_participants",  # of shared_entities, those both extracted as arguments
)
MAX_SHARED = 2
_SENTENCE = FEATURES.index("sentence")


def _nothing() -> float:
    return 0.0


_NOTHING = _nothing


@dataclass(frozen=True, slots=True)
class Model:
    """A linear model of merge evidence: weights by feature, and the threshold."""

    names: tuple[str, ...]
    weights: tuple[float, ...]
    threshold: float

    def score(self, values: tuple[float, ...]) -> float:
        total: float = sum(map(mul, self.weights, values))
        return total

    def judge(
        self,
        mention: MentionInfo,
        merged: MergedEvent,
        sentence: Callable[[], float],
        spread: Callable[[], tuple[int, int]],
    ) -> float | None:
        """The score of a pair if it reaches the threshold (else ``None``); the
        sentences are compared only when their words could still lift it there."""
        values = features(mention, merged, _NOTHING, spread)
        if values is None:
            return None
        total = self.score(values)
        weight = self.weights[_SENTENCE]
        if total + max(weight, 0.0) * SHARED_WORDS < self.threshold:
            return None
        total += weight * sentence()
        return total if total >= self.threshold else None


@cache
def load_model(path: Path = MODEL_FILE) -> Model:
    """The merge model of ``merge_model.toml`` (cached)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        weights = data["weights"]
        model = Model(
            FEATURES, tuple(float(weights[n]) for n in FEATURES), float(data["threshold"])
        )
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise LanguageDataError(f"{path}: {error}") from None
    except (KeyError, TypeError, ValueError):
        raise LanguageDataError(
            f"{path}: needs threshold and a weight for each of {', '.join(FEATURES)}"
        ) from None
    return model


def features(
    mention: MentionInfo,
    merged: MergedEvent,
    sentence: Callable[[], float],
    spread: Callable[[], tuple[int, int]],
) -> tuple[float, ...] | None:
    """What tells that ``mention`` and ``merged`` are one happening, as :data:`FEATURES`
    (``None``: never). ``sentence`` gives their :func:`~chronist.store.matching.text_fit`,
    ``spread`` the happenings each side's document tells with the mention's word
    (called only for a pair that the words and times do not rule out).
    """
    head = merged.head
    if head is None:
        return None
    kind = word_kind(
        mention.lemma, mention.group, mention.type,
        merged.lemmas, merged.groups, merged.types, mention.generic,
        only_generic=merged.generic, only_grouped=merged.grouped,
    )  # fmt: skip
    if kind is None:
        return None
    stated = head.stated and mention.stated
    time = time_fit(head.interval, mention.interval, stated=stated)
    if time is None:
        return None
    no_time = head.interval is None or mention.interval is None
    shared = len(mention.explicit & merged.explicit)
    topic = not shared and bool(mention.topic & merged.entities or mention.context & merged.topics)
    disjoint = not shared and bool(mention.explicit) and bool(merged.explicit)
    extracted = mention.entities | mention.places
    one_word = kind in ("lemma", "group")
    told = spread() if one_word else (1, 1)
    return (
        1.0,
        float(kind == "lemma"),
        float(kind == "generic"),
        float(kind == "group"),
        float(kind == "other"),
        float(mention.type in merged.types),
        0.0 if no_time or not stated else time,
        0.0 if no_time or stated else time,
        float(no_time),
        float(min(shared, MAX_SHARED)),
        float(topic),
        float(disjoint),
        sentence(),
        math.log(told[0]) + math.log(told[1]),
        float(min(len(extracted & merged.participants), MAX_SHARED)),
    )
