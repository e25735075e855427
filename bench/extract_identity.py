"""Check that a speed change leaves ``chronist extract --format json`` byte for byte as it was.

    .venv/bin/python bench/extract_identity.py record OUT_DIR [--articles 40]
    .venv/bin/python bench/extract_identity.py check OUT_DIR [--articles 40]
    .venv/bin/python bench/extract_identity.py time - [--articles 40]

Runs ``extract --format json`` in-process (one Python process, as a batch
would) on the demo document and on ``--articles`` articles of
``../shared/data/wikipedia-de`` drawn with a fixed seed (the articles of the
blind gold in ``bench/wiki_de`` left out, as in ``snapshot.py``). ``record``
writes each stdout to ``OUT_DIR``; ``check`` compares each with the recorded
bytes and names the documents that differ (exit 1 if any); ``time`` only
measures. Each prints the CPU
time (user + sys, of this process) of the extractions and the peak RSS, the
measures of a shared machine.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import random
import resource
import sys
import time
from pathlib import Path

import snapshot

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = 1225


def inputs(articles: int) -> list[Path]:
    """The demo document and the drawn articles, in a fixed order."""
    excluded = snapshot._gold_articles()
    wiki = sorted(p for p in (SHARED / "data/wikipedia-de/wiki").glob("*.txt"))
    wiki = [p for p in wiki if p.name not in excluded]
    return [SHARED / "seed/koreakrieg.de.txt", *random.Random(SEED).sample(wiki, articles)]


def extract(path: Path) -> tuple[str, float]:
    """stdout of ``extract PATH --format json`` and the CPU seconds it took."""
    from chronist.cli import main

    out, err = io.StringIO(), io.StringIO()
    begin = time.process_time()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["extract", str(path), "--format", "json"])
    spent = time.process_time() - begin
    return f"exit {code}\n{err.getvalue()}\n{out.getvalue()}", spent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("step", choices=("record", "check", "time"))
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=40)
    args = parser.parse_args()
    paths = inputs(args.articles)
    extract(paths[0])  # warm-up: models and grammar loaded outside the timing
    if args.step != "time":
        args.out.mkdir(parents=True, exist_ok=True)
    differ, cpu, characters = [], 0.0, 0
    for path in paths:
        output, spent = extract(path)
        cpu += spent
        characters += len(path.read_text(encoding="utf-8"))
        target = args.out / f"{path.stem}.out"
        if args.step == "record":
            target.write_text(output, encoding="utf-8")
        elif args.step == "check" and target.read_text(encoding="utf-8") != output:
            differ.append(path.stem)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"extract_identity: {len(paths)} documents, {characters:,} characters, "
        f"CPU {cpu:.2f} s, peak RSS {peak:.0f} MB"
    )
    if args.step == "check":
        print(f"extract_identity: {len(differ)} of {len(paths)} differ: {', '.join(differ)}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
