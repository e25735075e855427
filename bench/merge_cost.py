"""What merging costs when a store is written: the writer's time over extracted documents.

Usage (from the repository root)::

    .venv/bin/python bench/merge_cost.py [--pairs 100] [--cache DIR]

Takes the first ``--pairs`` article pairs (``wiki/X.txt`` and ``klexikon/X.txt``,
sorted by name) of ``../shared/data/wikipedia-de``, extracts them once (cached
as pickles in ``--cache``, keyed by content hash) and then times only the
writer: every document merged (:meth:`Writer.assign`) and committed
(:meth:`Writer.write`) into a fresh store, in ingest order. Run it with another
checkout's ``src`` first on ``PYTHONPATH`` to compare two versions of merging
on the same documents in the same session (a peer ratio, not an absolute).
Prints one JSON line: documents, mentions, seconds writing, seconds merging.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
CORPUS = BENCH.parent.parent / "shared" / "data" / "wikipedia-de"


def documents(pairs: int, cache: Path) -> list[Any]:
    from chronist.store.ingest import extract_source
    from chronist.store.sources import discover

    names = sorted(p.name for p in (CORPUS / "klexikon").glob("*.txt"))
    names = [n for n in names if (CORPUS / "wiki" / n).exists()][:pairs]
    paths = [str(CORPUS / side / n) for n in names for side in ("wiki", "klexikon")]
    found = []
    cache.mkdir(parents=True, exist_ok=True)
    for source in discover(paths, "de", "auto", None):
        cached = cache / f"{source.doc}.pickle"  # type: ignore[union-attr]
        if cached.exists():
            found.append(pickle.loads(cached.read_bytes()))
            continue
        result = extract_source(source)  # type: ignore[arg-type]
        cached.write_bytes(pickle.dumps(result))
        found.append(result)
    return [d for d in found if hasattr(d, "rows")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=100)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "merge_cache")
    args = parser.parse_args()
    from chronist.store.merge import MergeIndex
    from chronist.store.schema import connect
    from chronist.store.writer import Writer

    docs = documents(args.pairs, args.cache)
    merging = 0.0
    add_document = MergeIndex.add_document

    def timed(self: MergeIndex, mentions: list[Any]) -> list[int]:
        nonlocal merging
        started = time.perf_counter()
        try:
            return add_document(self, mentions)
        finally:
            merging += time.perf_counter() - started

    MergeIndex.add_document = timed  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "cost.duckdb"
        writer = Writer(path)
        started = time.perf_counter()
        with connect(path, read_only=False) as connection:
            writer.load(connection)
            for document in docs:
                writer.write(connection, document)
        writing = time.perf_counter() - started
    mentions = sum(len(d.rows.get("event_mentions", [])) for d in docs)
    print(
        json.dumps(
            {
                "documents": len(docs),
                "event_mentions": mentions,
                "merged_events": len(writer.index.events),
                "writing_s": round(writing, 2),
                "merging_s": round(merging, 2),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
