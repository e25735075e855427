"""The NER evaluator: reading CoNLL/BIO and GermEval files, exact-match scores."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from chronist.entities.corpus import map_label, read_corpus
from chronist.entities.evaluate import evaluate_ner_file, format_ner_report
from chronist.errors import CorpusError

GERMEVAL = """#\thttp://example.org/a\t[2010-01-01]
1\tDouglas\tB-PER\tO
2\tMacArthur\tI-PER\tO
3\tlandete\tO\tO
4\tin\tO\tO
5\tIncheon\tB-LOC\tO
6\tmit\tO\tO
7\tUS-Truppen\tB-LOCpart\tO
8\t.\tO\tO

#\thttp://example.org/b\t[2010-01-01]
1\tDie\tO\tO
2\tUniversität\tB-ORG\tO
3\tHamburg\tI-ORG\tB-LOC
4\tund\tO\tO
5\tder\tO\tO
6\tKalte\tB-OTH\tO
7\tKrieg\tI-OTH\tO
8\tdeutscher\tB-LOCderiv\tO
9\tFirmen\tO\tO
"""


def _fixed(labels: list[list[str]]):  # type: ignore[no-untyped-def]
    def tagger(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        assert [len(s) for s in sentences] == [len(x) for x in labels]
        return labels

    return tagger


def test_germeval_outer_spans_per_loc_org_only(tmp_path: Path) -> None:
    path = tmp_path / "mini.tsv"
    path.write_text(GERMEVAL, encoding="utf-8")
    sentences = read_corpus(path)
    assert sentences[0].labels == ("B-PER", "I-PER", "O", "O", "B-LOC", "O", "O", "O")
    assert sentences[1].labels == ("O", "B-ORG", "I-ORG", "O", "O", "O", "O", "O", "O")


def test_known_precision_recall_f1(tmp_path: Path) -> None:
    path = tmp_path / "mini.tsv"
    path.write_text(GERMEVAL, encoding="utf-8")
    # gold: PER(0,2) LOC(4,5) | ORG(1,3).  predicted: PER(0,2) ok, LOC(4,5) as ORG,
    # LOC "US-Truppen" wrong | ORG(1,2) wrong span.
    predicted = [
        ["B-PER", "I-PER", "O", "O", "B-ORG", "O", "B-LOC", "O"],
        ["O", "B-ORG", "O", "O", "O", "O", "O", "O", "O"],
    ]
    report = evaluate_ner_file(path, _fixed(predicted))
    scores = {s.label: s for s in report.per_class}
    assert (scores["PER"].precision, scores["PER"].recall, scores["PER"].f1) == (1.0, 1.0, 1.0)
    assert (scores["LOC"].true_positives, scores["LOC"].false_positives) == (0, 1)
    assert scores["LOC"].false_negatives == 1
    assert (scores["ORG"].false_positives, scores["ORG"].false_negatives) == (2, 1)
    assert report.micro.precision == pytest.approx(1 / 4)
    assert report.micro.recall == pytest.approx(1 / 3)
    assert report.micro.f1 == pytest.approx(2 / 7)
    table = format_ner_report(report)
    assert "micro" in table and "0.286" in table


def test_conll_bio_with_iob1_and_fine_classes(tmp_path: Path) -> None:
    path = tmp_path / "mini.conll"
    path.write_text(
        "-DOCSTART- -1- O O\n\nBerlin NE I-NE I-location-city\nist VAFIN I-VA O\n"
        "Sitz NN I-NN O\nder ART I-AR O\nDeutschen NE I-NE B-organization-company\n"
        "Bahn NE I-NE I-organization-company\n",
        encoding="utf-8",
    )
    (sentence,) = read_corpus(path)
    assert sentence.labels == ("B-LOC", "O", "O", "O", "B-ORG", "I-ORG")


def test_label_mapping() -> None:
    assert map_label("B-PERpart") == "O"
    assert map_label("I-OTH") == "O"
    assert map_label("B-location-street") == "B-LOC"
    assert map_label("B-date") == "O"


def test_unreadable_corpus_is_a_corpus_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.bio"
    path.write_text("\n\n", encoding="utf-8")
    with pytest.raises(CorpusError):
        read_corpus(path)
    with pytest.raises(CorpusError):
        read_corpus(tmp_path / "missing.bio")
