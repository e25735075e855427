"""Split TempEval-3 TBAQ (TimeBank + AQUAINT) into dev and frozen, deterministically.

A document is frozen when the first byte of the SHA-1 of its file name (e.g.
``wsj_0026.tml``) modulo 3 is 0, so about a third of each corpus is frozen,
independent of the order of the folder. ``frozen.txt`` lists them and is
committed; ``--check`` fails when the list and the rule disagree. ``--score``
tags both parts of each corpus and prints strict / relaxed / value F1 only (no
errors, so the frozen part can be scored without being read). ``--paths``
prints the gold files of one part for ``chronist eval``, which takes several
files (for the dev errors)::

    .venv/bin/python bench/tbaq/split.py --check
    .venv/bin/python bench/tbaq/split.py --score
    .venv/bin/chronist eval $(.venv/bin/python bench/tbaq/split.py --paths dev --corpus AQUAINT) \\
        --lang en --kind news
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

import chronist
from chronist.cli.eval import timex_annotation
from chronist.evaluation.corpora import read_document
from chronist.evaluation.scoring import Scores, evaluate, score_document

TBAQ = Path(__file__).resolve().parents[3] / "shared" / "data" / "TempEval3-TBAQ-cleaned"
CORPORA = ("TimeBank", "AQUAINT")
FROZEN_LIST = Path(__file__).parent / "frozen.txt"


def is_frozen(name: str) -> bool:
    """Whether the TBAQ file ``name`` belongs to the frozen part.

    >>> is_frozen("wsj_0026.tml") in (True, False)
    True
    """
    return hashlib.sha1(name.encode("utf-8")).digest()[0] % 3 == 0


def documents(root: Path, corpus: str | None) -> list[Path]:
    names = CORPORA if corpus is None else (corpus,)
    return [path for name in names for path in sorted((root / name).glob("*.tml"))]


def score(files: list[Path]) -> tuple[int, Scores]:
    """Tag ``files`` as English news with their DCTs; the number of gold TIMEX3 and the scores."""
    results = []
    for path in files:
        gold = read_document(path)
        found = chronist.tag(gold.text, lang="en", kind="news", dct=gold.dct, extents="timeml")
        system = [timex_annotation(timex) for timex in found]
        results.append(score_document(gold.doc_id, gold.timexes, system))
    result = evaluate("chronist", results)
    return result.counts.gold, result.scores


def score_table(root: Path) -> str:
    lines = [
        "| corpus | part | docs | gold | strict F1 | relaxed F1 | value F1 | type F1 |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for corpus in (*CORPORA, None):
        files = documents(root, corpus)
        for part in ("dev", "frozen"):
            chosen = [path for path in files if is_frozen(path.name) == (part == "frozen")]
            gold, s = score(chosen)
            lines.append(
                f"| {corpus or 'TBAQ'} | {part} | {len(chosen)} | {gold} | {s.strict_f1:.3f}"
                f" | {s.relaxed_f1:.3f} | {s.value_f1:.3f} | {s.type_f1:.3f} |"
            )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=TBAQ, help="the TBAQ-cleaned folder")
    parser.add_argument("--corpus", choices=CORPORA, help="one corpus only (default: both)")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--paths", choices=("dev", "frozen"), help="print the files of one part")
    group.add_argument("--write", action="store_true", help="(re)write frozen.txt")
    group.add_argument("--check", action="store_true", help="check frozen.txt against the rule")
    group.add_argument("--score", action="store_true", help="F1 of dev and frozen, no errors")
    args = parser.parse_args()
    if args.score:
        print(score_table(args.root))
        return 0
    files = documents(args.root, args.corpus)
    frozen = [f"{path.parent.name}/{path.name}" for path in files if is_frozen(path.name)]
    if args.paths:
        want = args.paths == "frozen"
        print("\n".join(str(path) for path in files if is_frozen(path.name) == want))
        return 0
    if args.write:
        FROZEN_LIST.write_text("\n".join(frozen) + "\n", encoding="utf-8")
        print(f"split: {len(files) - len(frozen)} dev, {len(frozen)} frozen")
        return 0
    listed = FROZEN_LIST.read_text(encoding="utf-8").split()
    if args.corpus is None and listed != frozen:
        print("frozen.txt differs from the rule")
        return 1
    print(f"ok: {len(files) - len(frozen)} dev, {len(frozen)} frozen")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
