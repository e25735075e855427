"""Distributional word clusters from unannotated German Wikipedia and Klexikon text.

Each word form seen at least ``MIN_COUNT`` times gets two cluster ids (a coarse
and a fine one) from the words around it: counts of the ``CONTEXTS`` most
frequent word forms one to the left and one to the right, weighted by positive
pointwise mutual information, reduced to ``DIMENSIONS`` by an eigen-decomposition
of the context covariance, and grouped by spherical k-means. Like Brown clusters,
words used alike fall together: surnames with surnames, towns with towns,
organisation heads with organisation heads, whether or not a name list knows them.

Everything is deterministic (sorted vocabulary, fixed seeds, float64), so the same
text gives the same clusters. Only the word -> cluster ids table goes into the
lexicon: aggregate counts of which words stand next to which, no text.

    .venv/bin/python training/ner/build_clusters.py   # prints the size and a sample
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np

WIKI = Path("../shared/data/wikipedia-de")
MIN_COUNT = 5
CONTEXTS = 1000
DIMENSIONS = 120
GRAINS = (("k1", 128), ("k2", 768))
SEED = 20261207
_TOKEN = re.compile(r"\w+(?:[-.'’&]\w+)*|\S")


def _tokens(lines: Iterable[str]) -> list[str]:
    """Every line's tokens, each line opened by ``<s>``."""
    tokens: list[str] = []
    for line in lines:
        if line.strip():
            tokens.append("<s>")
            tokens.extend(_TOKEN.findall(line))
    tokens.append("<s>")
    return tokens


def _lines(root: Path) -> Iterator[str]:
    paths = sorted((root / "wiki").glob("*.txt")) + sorted((root / "klexikon").glob("*.txt"))
    for path in paths:
        yield from path.read_text(encoding="utf-8").splitlines()


def _kmeans(points: np.ndarray, k: int, rng: np.random.Generator, rounds: int = 25) -> np.ndarray:
    """Spherical k-means (points are unit rows); returns each point's cluster."""
    centres = points[rng.choice(len(points), size=k, replace=False)].copy()
    assigned = np.zeros(len(points), dtype=np.int64)
    for _ in range(rounds):
        assigned = np.concatenate(
            [np.argmax(chunk @ centres.T, axis=1) for chunk in np.array_split(points, 32)]
        )
        sums = np.zeros_like(centres)
        np.add.at(sums, assigned, points)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        empty = norms[:, 0] == 0
        centres = np.where(empty[:, None], centres, sums / np.maximum(norms, 1e-12))
    return assigned


def build(
    lines: Iterable[str],
    *,
    min_count: int = MIN_COUNT,
    context_words: int = CONTEXTS,
    dimensions: int = DIMENSIONS,
    grains: tuple[tuple[str, int], ...] = GRAINS,
) -> dict[str, tuple[str, ...]]:
    """Word form -> its cluster features (``k1=17``, ``k2=402``), one per grain."""
    tokens = _tokens(lines)
    counts = Counter(tokens)
    del counts["<s>"]
    vocabulary = sorted(w for w, n in counts.items() if n >= min_count)
    index = {w: i for i, w in enumerate(vocabulary)}
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    contexts = {w: i for i, (w, _) in enumerate(ranked[:context_words])}
    contexts["<s>"] = len(contexts)
    width = len(contexts)
    ids = np.array([index.get(t, -1) for t in tokens], dtype=np.int64)
    cids = np.array([contexts.get(t, -1) for t in tokens], dtype=np.int64)
    matrix = np.empty((len(vocabulary), 2 * width), dtype=np.float32)
    for offset, side in ((-1, 0), (1, width)):
        target = ids[1:] if offset == -1 else ids[:-1]
        context = cids[:-1] if offset == -1 else cids[1:]
        keep = (target >= 0) & (context >= 0)
        counted = np.bincount(
            target[keep] * width + context[keep], minlength=len(vocabulary) * width
        )
        matrix[:, side : side + width] = counted.reshape(len(vocabulary), width)
        del counted
    # positive pointwise mutual information, context counts smoothed (^0.75)
    present = matrix > 0
    rows = matrix.sum(axis=1, keepdims=True)
    cols = matrix.sum(axis=0, keepdims=True) ** 0.75
    matrix *= np.float32(cols.sum())
    matrix /= np.maximum(rows, 1.0)
    matrix /= np.maximum(cols, 1e-6)
    np.log(matrix, out=matrix, where=present)
    np.maximum(matrix, 0.0, out=matrix)
    matrix[~present] = 0.0
    del present
    _, vectors = np.linalg.eigh((matrix.T @ matrix).astype(np.float64))
    reduced = (matrix @ vectors[:, -dimensions:].astype(np.float32)).astype(np.float64)
    del matrix
    reduced /= np.maximum(np.linalg.norm(reduced, axis=1, keepdims=True), 1e-12)
    features: dict[str, list[str]] = {w: [] for w in vocabulary}
    for name, k in grains:
        assigned = _kmeans(reduced, k, np.random.default_rng(SEED + k))
        for word, cluster in zip(vocabulary, assigned.tolist(), strict=True):
            features[word].append(f"{name}={cluster}")
    return {w: tuple(f) for w, f in features.items()}


def cached(root: Path, cache: Path | None) -> dict[str, tuple[str, ...]]:
    """The clusters of ``root``, read from ``cache`` if it exists (else built and saved)."""
    if cache is not None and cache.is_file():
        lines = cache.read_text(encoding="utf-8").splitlines()
        return {w: tuple(f.split(" ")) for w, f in (line.split("\t") for line in lines)}
    table = build(_lines(root))
    if cache is not None:
        cache.write_text("".join(f"{w}\t{' '.join(f)}\n" for w, f in table.items()), "utf-8")
    return table


if __name__ == "__main__":
    table = build(_lines(WIKI))
    print(len(table))
    groups: dict[str, list[str]] = {}
    for word, feats in table.items():
        groups.setdefault(feats[-1], []).append(word)
    for cluster in sorted(groups)[:40]:
        print(cluster, " ".join(groups[cluster][:15]))
