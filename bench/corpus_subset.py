"""A reproducible subset of ``../shared/data/wikipedia-de/wiki`` kept apart from the gold sets.

The articles named in ``wiki_de/documents.tsv``, ``wiki_de/places2.tsv``,
``wiki_de/places3.tsv`` and
``wiki_de/merge_pairs.tsv`` (the development and frozen evaluation sets) are never
used for measuring speed.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

BENCH = Path(__file__).resolve().parent
WIKI = BENCH.parent.parent / "shared" / "data" / "wikipedia-de" / "wiki"


def reserved() -> set[str]:
    """The article file names used by the evaluation sets."""
    names = set()
    tables = (
        ("documents.tsv", ("source",)),
        ("places2.tsv", ("source",)),
        ("places3.tsv", ("source",)),
        ("merge_pairs.tsv", ("a", "b")),
    )
    for table, columns in tables:
        with (BENCH / "wiki_de" / table).open(encoding="utf-8") as stream:
            for row in csv.DictReader(stream, delimiter="\t"):
                names.update(Path(row[c]).name for c in columns if row.get(c))
    return names


def subset(count: int, seed: int = 15, max_bytes: int = 20_000) -> list[Path]:
    """``count`` articles of at most ``max_bytes`` (seeded choice), none of the reserved ones."""
    skip = reserved()
    articles = sorted(p for p in WIKI.glob("*.txt") if p.name not in skip)
    articles = [p for p in articles if p.stat().st_size <= max_bytes]
    return sorted(random.Random(seed).sample(articles, count))
