"""Train the merge model (``src/chronist/store/merge_model.toml``) on the DEV merge pairs.

Usage (from the repository root)::

    .venv/bin/python bench/merge_train.py [--cv] [--write] [--threshold T] [--cache DIR]

Development pairs only (``merge_pairs.tsv`` split ``dev``; the frozen pairs are
never read). Each pair's documents are extracted once (cached as in
``merge_causes.py``) and written into a fresh store by the store's own writer;
then every pair of event mentions of the two documents that the words and the
stated times do not rule out is a training example: its
:func:`~chronist.store.scoring.features` (the later document's mention against
the earlier one's, as the writer merges), labelled by the blind gold — one
event when their evidence sentences overlap mentions of one gold event, two
when they overlap mentions of different events or only one of them overlaps a
gold mention (the gold lists every mention of a shared event). Pairs whose
sentences overlap no gold mention are left out. A logistic regression (L2,
Newton's method) is fitted to them.

``--cv``: leave one pair out: for each dev pair, the model fitted on the
other eleven merges it, at each of several thresholds (log-odds); the merged
pairs are scored as ``merge_eval.py`` does. This is the honest dev figure of a
model trained on dev. ``--write``: fit on all dev pairs and write the model
with ``--threshold``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from merge_causes import extracted
from merge_eval import CORPUS, PAIRS, read_gold, score_pair, summary

BENCH = Path(__file__).resolve().parent
GOLD = BENCH / "wiki_de" / "gold" / "merge"
THRESHOLDS = (-2.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0)
L2 = 1.0
REACH = 20  # characters around a gold quote where a mention's trigger may stand
UNKNOWN = "?"  # a mention whose sentence overlaps a gold mention, its trigger not


def dev_pairs() -> list[dict[str, str]]:
    import csv

    with PAIRS.open(encoding="utf-8", newline="") as handle:
        rows = [p for p in csv.DictReader(handle, delimiter="\t") if p["split"] == "dev"]
    return [p for p in rows if (GOLD / f"{p['pair']}.tsv").exists()]


def merged_writer(documents: list[Any], model: Any = None) -> Any:
    from chronist.store.schema import connect
    from chronist.store.writer import Writer

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pair.duckdb"
        writer = Writer(path)
        if model is not None:
            writer.index.model = model
        with connect(path, read_only=False) as connection:
            writer.load(connection)
            for document in documents:
                writer.write(connection, document)
    return writer


def evidence(documents: list[Any]) -> list[tuple[str, tuple[str, int], int, int]]:
    side_of = {documents[0].doc: "a", documents[1].doc: "b"}
    return [
        (side_of[row[0]], (row[0], row[1]), row[3], row[4])
        for document in documents
        for row in document.rows.get("evidence", [])
    ]


def examples(pair: dict[str, str], cache: Path) -> tuple[list[tuple[float, ...]], list[int]]:
    """Features and labels of one dev pair's candidate mention pairs."""
    from chronist.store.chains import chains
    from chronist.store.matching import text_fit
    from chronist.store.merged_event import MergedEvent
    from chronist.store.schema import columns
    from chronist.store.scoring import features

    gold = read_gold(GOLD / f"{pair['pair']}.tsv")
    documents = [extracted(CORPUS / pair[side], cache) for side in ("a", "b")]
    writer = merged_writer(documents)
    index = writer.index
    events_of: dict[tuple[str, int], set[str]] = {}
    for side, key, start, end in evidence(documents):
        hits = {g.event for g in gold if g.doc == side and start < g.end and g.start < end}
        events_of.setdefault(key, set()).update(hits)
    # a mention whose sentence overlaps a gold mention is that event when its trigger
    # stands in the gold quote (give or take REACH characters); else it is unknown
    side_of = {documents[0].doc: "a", documents[1].doc: "b"}
    at = {name: i for i, name in enumerate(columns("event_mentions"))}
    for document in documents:
        for row in document.rows.get("event_mentions", []):
            key = (row[0], row[1])
            if not events_of.get(key):
                continue
            trigger = row[at["trigger_start"]]
            side = side_of[row[0]]
            events_of[key] = {
                g.event for g in gold
                if g.doc == side and g.start - REACH <= trigger < g.end + REACH
            } or {UNKNOWN}  # fmt: skip
    mentions = {k: m for merged in index.events.values() for k, m in merged.mentions.items()}
    firsts = sorted((m for k, m in mentions.items() if k[0] == documents[0].doc), key=_seq)
    seconds = [m for k, m in mentions.items() if k[0] == documents[1].doc]
    rows: list[tuple[float, ...]] = []
    labels: list[int] = []
    # the first document's chains, as the writer holds them when the second arrives
    for members in chains(firsts, index.frequency, index.mentions):
        told = MergedEvent(0, {(firsts[i].doc, firsts[i].seq): firsts[i] for i in members})
        told.refresh()
        gold_a = set().union(*(events_of.get((firsts[i].doc, firsts[i].seq), set())
                               for i in members))  # fmt: skip
        for b in seconds:
            gold_b = events_of.get((b.doc, b.seq), set())
            if UNKNOWN in gold_a or UNKNOWN in gold_b:
                continue
            if (not gold_a and not gold_b) or told.head.hypothetical != b.hypothetical:  # type: ignore[union-attr]
                continue
            spread = (max(1, len(index.spread.get((b.doc, b.word), ()))), index.told(told, b.word))
            sentence = text_fit(b.words, told.words, index.frequency, index.mentions)
            values = features(b, told, _given(sentence), _given(spread))
            if values is not None:
                rows.append(values)
                labels.append(int(bool(gold_a & gold_b)))
    return rows, labels


def _given(value: Any) -> Any:
    """A function giving ``value`` (what :func:`features` asks for lazily)."""
    return lambda: value


def _seq(mention: Any) -> int:
    return int(mention.seq)


def fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Logistic regression by Newton's method, L2 on all weights but the bias."""
    weights = np.zeros(x.shape[1])
    penalty = L2 * np.eye(x.shape[1])
    penalty[0, 0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(x @ weights)))
        gradient = x.T @ (p - y) + penalty @ weights
        hessian = (x * (p * (1 - p))[:, None]).T @ x + penalty
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if np.abs(step).max() < 1e-8:
            break
    return weights


def model_of(weights: np.ndarray, threshold: float) -> Any:
    from chronist.store.scoring import FEATURES, Model

    return Model(FEATURES, tuple(round(float(w), 3) for w in weights), threshold)


def cross_validate(pairs: list[dict[str, str]], data: dict[str, Any], cache: Path) -> None:
    counts: dict[float, list[dict[str, Any]]] = {t: [] for t in THRESHOLDS}
    for pair in pairs:
        rest = [p["pair"] for p in pairs if p["pair"] != pair["pair"]]
        x = np.array([row for name in rest for row in data[name][0]])
        y = np.array([label for name in rest for label in data[name][1]], dtype=float)
        weights = fit(x, y)
        gold = read_gold(GOLD / f"{pair['pair']}.tsv")
        documents = [extracted(CORPUS / pair[side], cache) for side in ("a", "b")]
        for threshold in THRESHOLDS:
            writer = merged_writer(documents, model_of(weights, threshold))
            where = writer.index.where
            system = [(s, start, end, where[k]) for s, k, start, end in evidence(documents)]
            counts[threshold].append(score_pair(gold, system))
    for threshold in THRESHOLDS:
        total = summary(counts[threshold])
        print(
            f"threshold {threshold:+.1f}: pairwise P {total['pairwise_precision']:.3f} "
            f"R {total['pairwise_recall']:.3f} ({total['correct_links']}/{total['system_links']})"
            f"; B-cubed P {total['b3_precision']:.3f} R {total['b3_recall']:.3f} "
            f"F1 {total['b3_f1']:.3f}"
        )


def write(weights: np.ndarray, threshold: float, examples_: int, positives: int) -> None:
    from chronist.store.scoring import FEATURES, MODEL_FILE

    lines = [
        "# The merge model of chronist.store.scoring: a logistic regression over the",
        "# features of a candidate pair (an event mention, a merged event of other",
        "# documents). Written by bench/merge_train.py --write from the DEV merge pairs",
        f"# of bench/wiki_de ({examples_} candidate pairs, {positives} of one event);",
        "# never trained on the frozen pairs. A pair merges when the weighted sum",
        "# (log-odds) reaches the threshold, chosen by leave-one-pair-out on dev.",
        f"threshold = {threshold}",
        "",
        "[weights]",
        *(f"{name} = {round(float(w), 3)}" for name, w in zip(FEATURES, weights, strict=True)),
    ]
    MODEL_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "merge_cache")
    parser.add_argument("--cv", action="store_true", help="leave one pair out")
    parser.add_argument("--write", action="store_true", help="write merge_model.toml")
    parser.add_argument("--threshold", type=float, default=0.0)
    args = parser.parse_args()
    pairs = dev_pairs()
    data = {pair["pair"]: examples(pair, args.cache) for pair in pairs}
    x = np.array([row for rows, _ in data.values() for row in rows])
    y = np.array([label for _, labels in data.values() for label in labels], dtype=float)
    weights = fit(x, y)
    from chronist.store.scoring import FEATURES

    print(f"{len(y)} candidate pairs, {int(y.sum())} of one event")
    print(" ".join(f"{n}={w:+.2f}" for n, w in zip(FEATURES, weights, strict=True)))
    if args.cv:
        cross_validate(pairs, data, args.cache)
    if args.write:
        write(weights, args.threshold, len(y), int(y.sum()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
