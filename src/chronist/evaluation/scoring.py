"""TempEval-3 style scoring of temporal expressions.

- **strict**: a system expression matches a gold one with identical offsets.
- **relaxed**: they overlap. Matching is one-to-one; the pairs with the largest
  overlap are taken first (ties: the smaller difference of the two spans, then
  text order), so one long system span cannot match two gold ones.
- **value/type accuracy**: the share of relaxed matches whose value (after
  :func:`normalise_value`) or type agrees; **value/type F1** is that accuracy
  times relaxed F1, the TempEval-3 definition. It equals the F1 of precision
  ``correct/system`` and recall ``correct/gold``. A gold expression without a
  value (WikiWarsDE has one) is matched, but its value only counts as right
  if the system gives none either.
- ``mod`` is not part of value accuracy (TempEval-3 compares the value only);
  disagreements are listed as ``mod`` errors.

Counts are summed over documents before rates are computed (micro average).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, fields
from enum import Enum

from chronist.evaluation.corpora import GoldTimex
from chronist.evaluation.valueshape import normalise_value, value_shape


class ErrorKind(Enum):
    MISSED = "missed"  # a gold expression no system expression overlaps
    SPURIOUS = "spurious"  # a system expression no gold expression overlaps
    EXTENT = "extent"  # matched, right value, different offsets
    VALUE = "value"  # matched, wrong value (whatever the offsets)
    TYPE = "type"  # matched, wrong type
    MOD = "mod"  # matched, the mod differs


@dataclass(frozen=True, slots=True)
class ErrorEntry:
    """One disagreement, with the category of the gold value (system's if spurious)."""

    kind: ErrorKind
    category: str
    doc_id: str
    gold: GoldTimex | None
    system: GoldTimex | None


@dataclass(frozen=True, slots=True)
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))


@dataclass(frozen=True, slots=True)
class Scores:
    strict_precision: float
    strict_recall: float
    strict_f1: float
    relaxed_precision: float
    relaxed_recall: float
    relaxed_f1: float
    value_accuracy: float
    value_f1: float
    type_accuracy: float
    type_f1: float

    @staticmethod
    def of(counts: Counts) -> Scores:
        """Rates from counts.

        >>> Scores.of(Counts(gold=4, system=2, strict=1, relaxed=2, value=1, type=2)).value_f1
        0.3333333333333333
        """
        strict_p, strict_r, strict_f = _prf(counts.strict, counts.system, counts.gold)
        relaxed_p, relaxed_r, relaxed_f = _prf(counts.relaxed, counts.system, counts.gold)
        value_accuracy = _ratio(counts.value, counts.relaxed)
        type_accuracy = _ratio(counts.type, counts.relaxed)
        return Scores(
            strict_p,
            strict_r,
            strict_f,
            relaxed_p,
            relaxed_r,
            relaxed_f,
            value_accuracy,
            value_accuracy * relaxed_f,
            type_accuracy,
            type_accuracy * relaxed_f,
        )


@dataclass(frozen=True, slots=True)
class DocumentResult:
    doc_id: str
    counts: Counts
    errors: tuple[ErrorEntry, ...]
    note: str = ""  # e.g. that a peer's text had to be aligned to the gold text


@dataclass(frozen=True, slots=True)
class EvaluationResult:
    system: str
    counts: Counts
    scores: Scores
    documents: tuple[DocumentResult, ...]

    @property
    def errors(self) -> tuple[ErrorEntry, ...]:
        return tuple(error for document in self.documents for error in document.errors)


def match_relaxed(gold: Sequence[GoldTimex], system: Sequence[GoldTimex]) -> list[tuple[int, int]]:
    """One-to-one pairs ``(gold index, system index)`` of overlapping spans.

    >>> g = [GoldTimex(0, 10, "", None, None, None), GoldTimex(12, 20, "", None, None, None)]
    >>> s = [GoldTimex(5, 15, "", None, None, None)]
    >>> match_relaxed(g, s)
    [(0, 0)]
    """
    order = sorted(range(len(system)), key=lambda i: system[i].start)
    starts = [system[i].start for i in order]
    longest = max((t.end - t.start for t in system), default=0)
    candidates: list[tuple[int, int, int, int]] = []
    for g_index, g in enumerate(gold):
        first = bisect_left(starts, g.start - longest)
        for position in range(first, len(order)):
            s = system[order[position]]
            if s.start >= g.end:
                break
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > 0:
                difference = abs(g.start - s.start) + abs(g.end - s.end)
                candidates.append((-overlap, difference, g_index, order[position]))
    candidates.sort()
    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, _, g_index, s_index in candidates:
        if g_index not in used_gold and s_index not in used_system:
            used_gold.add(g_index)
            used_system.add(s_index)
            pairs.append((g_index, s_index))
    return sorted(pairs)


def score_document(
    doc_id: str,
    gold: Sequence[GoldTimex],
    system: Sequence[GoldTimex],
    *,
    note: str = "",
) -> DocumentResult:
    """Count matches and list the errors of one document.

    >>> g = [GoldTimex(3, 7, "1950", "DATE", "1950", None)]
    >>> s = [GoldTimex(0, 7, "Im 1950", "DATE", "1950", None)]
    >>> result = score_document("d", g, s)
    >>> result.counts.strict, result.counts.relaxed, [e.kind.value for e in result.errors]
    (0, 1, ['extent'])
    """
    # non-consuming TIMEX3 (a range's DURATION) cover no text: like the TempEval-3
    # scorer, which compares text extents, leave them out on both sides
    gold = [t for t in gold if t.end > t.start]
    system = [t for t in system if t.end > t.start]
    spans = Counter((t.start, t.end) for t in gold) & Counter((t.start, t.end) for t in system)
    pairs = match_relaxed(gold, system)
    errors: list[ErrorEntry] = []
    value_correct = type_correct = 0
    for g_index, s_index in pairs:
        g, s = gold[g_index], system[s_index]
        category = _category(g)
        value_ok = normalise_value(g.value) == normalise_value(s.value)
        type_ok = (g.type or "") == (s.type or "")
        value_correct += value_ok
        type_correct += type_ok
        if not value_ok:
            errors.append(ErrorEntry(ErrorKind.VALUE, category, doc_id, g, s))
        elif (g.start, g.end) != (s.start, s.end):
            errors.append(ErrorEntry(ErrorKind.EXTENT, category, doc_id, g, s))
        if not type_ok:
            errors.append(ErrorEntry(ErrorKind.TYPE, category, doc_id, g, s))
        if (g.mod or None) != (s.mod or None):
            errors.append(ErrorEntry(ErrorKind.MOD, category, doc_id, g, s))
    matched_gold = {g_index for g_index, _ in pairs}
    matched_system = {s_index for _, s_index in pairs}
    for index, g in enumerate(gold):
        if index not in matched_gold:
            errors.append(ErrorEntry(ErrorKind.MISSED, _category(g), doc_id, g, None))
    for index, s in enumerate(system):
        if index not in matched_system:
            errors.append(ErrorEntry(ErrorKind.SPURIOUS, _category(s), doc_id, None, s))
    counts = Counts(
        gold=len(gold),
        system=len(system),
        strict=sum(spans.values()),
        relaxed=len(pairs),
        value=value_correct,
        type=type_correct,
    )
    return DocumentResult(doc_id, counts, tuple(errors), note)


def evaluate(system: str, documents: Sequence[DocumentResult]) -> EvaluationResult:
    """Sum document results into corpus scores (micro average).

    >>> result = evaluate("x", [score_document("d", [], [])])
    >>> result.scores.relaxed_f1
    0.0
    """
    total = Counts()
    for document in documents:
        total = total + document.counts
    return EvaluationResult(system, total, Scores.of(total), tuple(documents))


def _category(timex: GoldTimex) -> str:
    shape = value_shape(timex.value, timex.type)
    return f"{shape} +mod" if timex.mod else shape


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _prf(correct: int, system: int, gold: int) -> tuple[float, float, float]:
    precision = _ratio(correct, system)
    recall = _ratio(correct, gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
