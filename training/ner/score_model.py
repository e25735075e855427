"""Score a model with the whole tagger (CRF, recall boost, lexical passes) on the
tuning sets: the held-out fifth of GermEval dev (for a ``--holdout`` model),
UNER German-PUD and ZEFYS test. Never the GermEval 2014 test file.

    .venv/bin/python training/ner/score_model.py /tmp/exp/ner-de.crfsuite [--holdout]

An experimental model's lexicon and noun list are read from beside it (as
``train.py --out`` writes them).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))

import corpora  # noqa: E402

from chronist.entities import gazetteer_pass, model, resources  # noqa: E402
from chronist.entities.evaluate import format_ner_report, score_sentences  # noqa: E402


def use_model(path: Path) -> None:
    """Point the tagger at an experimental model, its lexicon and its noun list."""
    shipped = resources.data_path
    files = {
        model.MODEL_FILE: path,
        resources.LEXICON_FILE: path.with_suffix(".lexicon.tsv.gz"),
        gazetteer_pass.NOUNS_FILE: path.parent / gazetteer_pass.NOUNS_FILE,
    }

    def data_path(name: str) -> Path:
        return files.get(name) or shipped(name)

    for module in (resources, model, gazetteer_pass):
        module.data_path = data_path  # type: ignore[attr-defined]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("model", type=Path, nargs="?", help="experimental model (default: shipped)")
    parser.add_argument("--holdout", action="store_true", help="also GermEval dev's last fifth")
    parser.add_argument(
        "--threshold", type=float, nargs="*", help="recall-boost thresholds to compare"
    )
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/ner-de")
    args = parser.parse_args()
    if args.model is not None:
        use_model(args.model.resolve())
    sets = {}
    if args.holdout:
        dev = corpora.load("germeval-dev", corpora.TRAIN_FILES, args.data)
        sets["germeval-dev-holdout"] = dev[len(dev) * 4 // 5 :]
    for name in corpora.DEV_FILES:
        sets[name] = corpora.load(name, corpora.DEV_FILES, args.data)
    for threshold in args.threshold or [model.RECALL_THRESHOLD]:
        model.RECALL_THRESHOLD = threshold
        for name, gold in sets.items():
            predicted = model.tag_sentences([s.tokens for s in gold])
            report = score_sentences(gold, predicted, f"{name} (recall boost {threshold})")
            print(format_ner_report(report))


if __name__ == "__main__":
    main()
