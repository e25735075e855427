"""Distributional word clusters for the NER lexicon (``training/ner/build_clusters.py``)
and the lexicon format that carries them (32-bit indices past 65,535 feature sets)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "training" / "ner"))

import build_clusters
import build_lexicon

from chronist.entities.resources import read_lexicon


def _corpus() -> list[str]:
    towns = ["Berlin", "Paris", "Rom", "Wien", "Prag"]
    people = ["Peter", "Anna", "Karl", "Maria", "Otto"]
    lines = []
    for round_ in range(6):
        for offset, town in enumerate(towns):
            person = people[(offset + round_) % len(people)]
            lines.append(f"Er wohnte lange in {town} .")
            lines.append(f"Sie reiste nach {town} und blieb .")
            lines.append(f"Dann sagte {person} laut , dass es regnet .")
            lines.append(f"Gestern lachte {person} sehr .")
    lines.append("Einmal kam Zacharias .")  # too rare for a cluster
    return lines


def test_words_used_alike_share_a_cluster() -> None:
    table = build_clusters.build(
        _corpus(), min_count=5, context_words=20, dimensions=6, grains=(("k1", 5),)
    )
    towns = {table[w] for w in ("Berlin", "Paris", "Rom", "Wien", "Prag")}
    people = {table[w] for w in ("Peter", "Anna", "Karl", "Maria", "Otto")}
    assert len(towns) == 1 and len(people) == 1
    assert towns != people
    assert "Zacharias" not in table


def test_the_same_text_gives_the_same_clusters() -> None:
    options = {"min_count": 5, "context_words": 20, "dimensions": 6, "grains": (("k1", 3),)}
    assert build_clusters.build(_corpus(), **options) == build_clusters.build(_corpus(), **options)


def test_a_lexicon_of_many_feature_sets_round_trips(tmp_path: Path) -> None:
    features = {f"Wort{n}": f"k2={n} lc1" for n in range(70_000)}
    features["Berlin"] = "c=12 gn"
    out = tmp_path / "lexicon.tsv.gz"
    build_lexicon.write_lexicon(features, out)
    table = read_lexicon(out)
    assert table["Wort69999"] == ("k2=69999", "lc1")
    assert table["Berlin"] == ("c=12", "gn")
    assert len(table) == 70_001
