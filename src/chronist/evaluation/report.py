"""Printing evaluation results: systems side by side, then their errors by category."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from chronist.evaluation.corpora import GoldTimex
from chronist.evaluation.scoring import ErrorEntry, ErrorKind, EvaluationResult, Scores

_MEASURES = (
    ("strict P", "strict_precision"),
    ("strict R", "strict_recall"),
    ("strict F1", "strict_f1"),
    ("relaxed P", "relaxed_precision"),
    ("relaxed R", "relaxed_recall"),
    ("relaxed F1", "relaxed_f1"),
    ("value accuracy", "value_accuracy"),
    ("value F1", "value_f1"),
    ("type accuracy", "type_accuracy"),
    ("type F1", "type_f1"),
)


def format_text(results: Sequence[EvaluationResult], *, corpus: str, examples: int = 5) -> str:
    """A plain-text report: the score table, per-document F1, errors by category.

    >>> from chronist.evaluation.scoring import evaluate, score_document
    >>> print(format_text([evaluate("x", [score_document("d", [], [])])], corpus="c", examples=0))
    ... # doctest: +ELLIPSIS
    corpus: c (1 documents, 0 gold expressions)
    ...
    """
    gold_total = results[0].counts.gold if results else 0
    documents = len(results[0].documents) if results else 0
    lines = [f"corpus: {corpus} ({documents} documents, {gold_total} gold expressions)", ""]
    width = max([12, *(len(r.system) + 2 for r in results)])
    lines.append("measure".ljust(16) + "".join(r.system.rjust(width) for r in results))
    for label, attribute in (("gold", "gold"), ("system", "system")):
        row = "".join(str(getattr(r.counts, attribute)).rjust(width) for r in results)
        lines.append(label.ljust(16) + row)
    for label, attribute in _MEASURES:
        row = "".join(f"{getattr(r.scores, attribute):.3f}".rjust(width) for r in results)
        lines.append(label.ljust(16) + row)
    for result in results:
        lines.extend(["", f"== {result.system}: per document (strict F1 / relaxed F1 / value F1)"])
        for document in result.documents:
            scores = Scores.of(document.counts)
            note = f"  [{document.note}]" if document.note else ""
            lines.append(
                f"  {document.doc_id:<28}{scores.strict_f1:7.3f}{scores.relaxed_f1:7.3f}"
                f"{scores.value_f1:7.3f}{note}"
            )
        lines.extend(_error_section(result, examples))
    return "\n".join(lines) + "\n"


def format_json(results: Sequence[EvaluationResult], *, corpus: str, examples: int = 5) -> str:
    """The same report as JSON: counts, scores, documents and error examples per system.

    >>> from chronist.evaluation.scoring import evaluate, score_document
    >>> report = format_json([evaluate("x", [score_document("d", [], [])])], corpus="c")
    >>> json.loads(report)["corpus"]
    'c'
    """
    systems: dict[str, Any] = {}
    for result in results:
        grouped = _grouped(result.errors)
        systems[result.system] = {
            "counts": asdict(result.counts),
            "scores": asdict(result.scores),
            "documents": [
                {"doc_id": d.doc_id, "counts": asdict(d.counts), "note": d.note}
                for d in result.documents
            ],
            "errors": [
                {
                    "kind": kind.value,
                    "category": category,
                    "count": len(entries),
                    "examples": [_error_json(entry) for entry in entries[:examples]],
                }
                for (kind, category), entries in grouped
            ],
        }
    return json.dumps({"corpus": corpus, "systems": systems}, ensure_ascii=False, indent=2) + "\n"


def _grouped(
    errors: Sequence[ErrorEntry],
) -> list[tuple[tuple[ErrorKind, str], list[ErrorEntry]]]:
    groups: dict[tuple[ErrorKind, str], list[ErrorEntry]] = defaultdict(list)
    for error in errors:
        groups[(error.kind, error.category)].append(error)
    kinds = list(ErrorKind)
    return sorted(groups.items(), key=lambda item: (kinds.index(item[0][0]), -len(item[1])))


def _error_section(result: EvaluationResult, examples: int) -> list[str]:
    counts = Counter((error.category, error.kind) for error in result.errors)
    if not counts:
        return ["", f"== {result.system}: no errors"]
    categories = sorted({category for category, _ in counts})
    kinds = list(ErrorKind)
    lines = ["", f"== {result.system}: errors by gold value category"]
    lines.append("  " + "category".ljust(22) + "".join(k.value.rjust(10) for k in kinds))
    for category in categories:
        row = "".join(str(counts[(category, kind)] or ".").rjust(10) for kind in kinds)
        lines.append("  " + category.ljust(22) + row)
    if examples <= 0:
        return lines
    for (kind, category), entries in _grouped(result.errors):
        lines.append(f"  -- {kind.value} / {category} ({len(entries)})")
        lines.extend(f"     {_error_line(entry)}" for entry in entries[:examples])
    return lines


def _error_line(entry: ErrorEntry) -> str:
    parts = [entry.doc_id]
    if entry.gold is not None:
        parts.append(f"gold {_describe(entry.gold)}")
    if entry.system is not None:
        parts.append(f"system {_describe(entry.system)}")
    return "  ".join(parts)


def _describe(timex: GoldTimex) -> str:
    text = " ".join(timex.text.split())
    mod = f" mod={timex.mod}" if timex.mod else ""
    return f"{timex.start}:{text!r} {timex.type or '-'} {timex.value or '-'}{mod}"


def _error_json(entry: ErrorEntry) -> dict[str, Any]:
    def timex(t: GoldTimex | None) -> dict[str, Any] | None:
        if t is None:
            return None
        return {"start": t.start, "end": t.end, "text": t.text, "type": t.type,
                "value": t.value, "mod": t.mod}  # fmt: skip

    return {"doc_id": entry.doc_id, "gold": timex(entry.gold), "system": timex(entry.system)}
