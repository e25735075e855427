"""Exact span-and-type NER scores on a CoNLL/BIO or GermEval 2014 file.

The gold file's own tokens are tagged (one sentence at a time), so only the
labels are compared. A predicted entity counts as correct when its token span
and its class both equal a gold entity's. Classes are PER, LOC and ORG; for
GermEval 2014 the outer level is read and ``OTH``/``*deriv``/``*part`` are not
entities (see :mod:`chronist.entities.corpus`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from chronist.entities.corpus import LabelledSentence, read_corpus, spans_of

__all__ = ["ClassScore", "NerReport", "evaluate_ner_file", "format_ner_report", "score_sentences"]

CLASSES = ("PER", "LOC", "ORG")
Tagger = Callable[[Sequence[Sequence[str]]], list[list[str]]]


@dataclass(frozen=True, slots=True)
class ClassScore:
    """Counts and scores for one class (or ``micro`` over all)."""

    label: str
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        gold = self.true_positives + self.false_negatives
        return self.true_positives / gold if gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class NerReport:
    """Per-class and micro-averaged exact-match scores for one file."""

    path: str
    sentences: int
    tokens: int
    per_class: tuple[ClassScore, ...]
    micro: ClassScore


def score_sentences(
    gold: Sequence[LabelledSentence], predicted: Sequence[Sequence[str]], path: str = ""
) -> NerReport:
    """Compare predicted BIO labels with the gold ones.

    >>> gold = [LabelledSentence(("Truman", "in", "Seoul"), ("B-PER", "O", "B-LOC"))]
    >>> r = score_sentences(gold, [["B-PER", "O", "B-ORG"]])
    >>> r.micro.precision, r.micro.recall
    (0.5, 0.5)
    """
    counts = {label: [0, 0, 0] for label in CLASSES}
    for sentence, labels in zip(gold, predicted, strict=True):
        truth, guess = spans_of(sentence.labels), spans_of(list(labels))
        for span in guess:
            counts[span[2]][0 if span in truth else 1] += 1
        for span in truth - guess:
            counts[span[2]][2] += 1
    per_class = tuple(ClassScore(label, *counts[label]) for label in CLASSES)
    micro = ClassScore(
        "micro",
        sum(c.true_positives for c in per_class),
        sum(c.false_positives for c in per_class),
        sum(c.false_negatives for c in per_class),
    )
    return NerReport(path, len(gold), sum(len(s.tokens) for s in gold), per_class, micro)


def evaluate_ner_file(path: Path, tagger: Tagger | None = None) -> NerReport:
    """Tag the tokens of a labelled file with chronist's model (or ``tagger``)
    and score the result.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "gold.bio"
    >>> _ = p.write_text("Truman B-PER\\nlehnte O\\nab O\\n", encoding="utf-8")
    >>> evaluate_ner_file(p, lambda s: [["B-PER", "O", "O"]]).micro.f1
    1.0
    """
    gold = read_corpus(path)
    if tagger is None:
        from chronist.entities.model import tag_sentences

        tagger = tag_sentences
    predicted = tagger([s.tokens for s in gold])
    return score_sentences(gold, predicted, str(path))


def format_ner_report(report: NerReport) -> str:
    """A small fixed-width table of the report.

    >>> print(format_ner_report(score_sentences([], [])).splitlines()[1])
    class    precision  recall      f1   gold  found
    """
    lines = [
        f"NER {report.path}: {report.sentences} sentences, {report.tokens} tokens "
        "(exact span and type)",
        f"{'class':<8} {'precision':>9} {'recall':>7} {'f1':>7} {'gold':>6} {'found':>6}",
    ]
    for score in (*report.per_class, report.micro):
        gold = score.true_positives + score.false_negatives
        found = score.true_positives + score.false_positives
        lines.append(
            f"{score.label:<8} {score.precision:>9.3f} {score.recall:>7.3f} {score.f1:>7.3f} "
            f"{gold:>6} {found:>6}"
        )
    return "\n".join(lines)
