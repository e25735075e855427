"""Measure the shipped model: load time, resident memory, tokens per second.

    .venv/bin/python training/ner/benchmark.py ../shared/seed/koreakrieg.de.txt

Times are CPU time of this process (the machine is shared, wall-clock is not a
fair measure); one process, one core. Memory is the growth of the resident set
while the data loads.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path


def _rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[1]) * resource.getpagesize() / 1e6


def main() -> None:
    paths = [Path(p) for p in sys.argv[1:]] or [Path("../shared/seed/koreakrieg.de.txt")]
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in paths)
    from chronist.entities import gazetteer_pass, language, model, places, resources
    from chronist.entities.recognition import find_mentions, recognize
    from chronist.text.document import Document
    from chronist.text.tokens import tokenize

    before = _rss_mb()
    started = time.process_time()
    resources.lexicon()
    model._tagger()
    loaded = time.process_time() - started
    model_mb = _rss_mb() - before
    started = time.process_time()
    places.gazetteer()
    language.entity_facts("de")
    gazetteer_pass.common_nouns()
    gazetteer_pass._noun_clusters()
    gazetteer_s = time.process_time() - started
    total_mb = _rss_mb() - before

    words = len(tokenize(text))
    started = time.process_time()
    find_mentions(Document(text))  # cold: every word form's features computed afresh
    cold = time.process_time() - started
    rounds = max(1, 100_000 // words)
    started = time.process_time()
    for _ in range(rounds):
        find_mentions(Document(text))
    elapsed = time.process_time() - started
    started = time.process_time()
    for _ in range(rounds):
        recognize(Document(text))  # with grouping and place resolution
    resolved = time.process_time() - started
    peak_mb = _rss_mb() - before
    print(f"model + lexicon: loaded in {loaded:.2f}s, {model_mb:.0f} MB resident")
    print(f"gazetteer + noun list: loaded in {gazetteer_s:.2f}s; all data {total_mb:.0f} MB")
    print(f"recognition, first pass: {words / cold:,.0f} tokens/s ({words} tokens, one core)")
    print(
        f"recognition, warm: {words * rounds / elapsed:,.0f} tokens/s "
        f"({words} tokens x {rounds} rounds, one core)"
    )
    print(f"recognize (entities, places resolved): {words * rounds / resolved:,.0f} tokens/s")
    print(f"entity step resident growth after the runs: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
