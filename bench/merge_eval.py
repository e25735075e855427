"""Merge quality of the corpus store against the blind gold of ``wiki_de/gold/merge``.

Usage (from the repository root)::

    .venv/bin/python bench/merge_eval.py [--gold DIR] [--split dev|frozen|all] [--jobs 1]

For each pair of ``wiki_de/merge_pairs.tsv`` whose gold file exists, both
documents are ingested into a fresh store (so only that pair can merge) and
the store's merged events are scored against the gold (format:
``wiki_de/GUIDELINES.md`` section 4).

**Mapping.** A system mention is a sentence of evidence of a document's event
(``evidence`` table); it maps to every gold mention whose quote it overlaps.
**Pairwise** (over cross-document pairs of mentions): a gold link joins two
gold mentions of one event in different documents; a system link joins two
gold mentions in different documents whose system mentions share a merged
event, or a gold mention with an unmapped system mention of the other
document in its merged event (a merge the gold says is wrong: the gold lists
every mention of a shared event). **B-cubed** over the gold mentions: a
mention's system cluster is every gold mention its merged events reach (and
the unmapped system mentions in them); its gold cluster is its event's
mentions. Also reported: pairwise precision over links between gold mentions
only (a merge with a sentence the gold does not list is left out), and how
many gold mentions any system mention reaches at all (``mapped``: the
extraction's recall, a ceiling for the merge's). Frozen pairs are reported
separately and must never be tuned on.

Results go to ``results/merge_eval-<split>.json``.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
CORPUS = BENCH.parent.parent / "shared" / "data" / "wikipedia-de"
PAIRS = BENCH / "wiki_de" / "merge_pairs.tsv"


@dataclass(frozen=True, slots=True)
class GoldMention:
    event: str
    doc: str  # "a" or "b"
    start: int
    end: int


def read_gold(path: Path) -> list[GoldMention]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [GoldMention(r["event"], r["doc"], int(r["start"]), int(r["end"])) for r in rows]


def system_mentions(store: Any, names: dict[str, str]) -> list[tuple[str, int, int, int]]:
    """(side, sentence start, end, merged event) for every evidence sentence of the pair."""
    import duckdb

    connection = duckdb.connect(str(store.path), read_only=True)
    try:
        rows = connection.execute(
            'SELECT d.name, v.start, v."end", e.merged FROM evidence v '
            "JOIN event_mentions e ON e.doc = v.doc AND e.seq = v.event_seq "
            "JOIN documents d ON d.doc = v.doc"
        ).fetchall()
    finally:
        connection.close()
    side = {name: key for key, name in names.items()}
    return [(side[name], start, end, merged) for name, start, end, merged in rows]


def score_pair(gold: list[GoldMention], system: list[tuple[str, int, int, int]]) -> dict[str, Any]:
    """Pairwise and B-cubed counts for one pair."""
    merged_of: dict[int, set[int]] = defaultdict(set)  # gold mention index -> merged events
    members: dict[int, set[tuple[str, Any]]] = defaultdict(set)  # merged event -> units
    for number, (side, start, end, merged) in enumerate(system):
        hits = [i for i, g in enumerate(gold) if g.doc == side and start < g.end and g.start < end]
        for i in hits:
            merged_of[i].add(merged)
            members[merged].add(("g", i))
        if not hits:
            members[merged].add(("s", (side, number)))

    def side_of(unit: tuple[str, Any]) -> str:
        return gold[unit[1]].doc if unit[0] == "g" else str(unit[1][0])

    gold_links = {
        (i, j)
        for i, gi in enumerate(gold)
        for j, gj in enumerate(gold)
        if i < j and gi.event == gj.event and gi.doc != gj.doc
    }
    system_links: set[tuple[Any, Any]] = set()
    for units in members.values():
        for u in units:
            for v in units:
                if u[0] == "g" and side_of(u) == "a" and side_of(v) == "b":
                    if v[0] == "g":
                        system_links.add(tuple(sorted((u[1], v[1]))))
                    else:
                        system_links.add((("g", u[1]), v))
                elif u[0] == "s" and side_of(u) == "a" and v[0] == "g" and side_of(v) == "b":
                    system_links.add((("g", v[1]), u))
    correct = len(system_links & gold_links)
    between_gold = {link for link in system_links if isinstance(link[1], int)}
    precision_sum = recall_sum = 0.0
    for i, g in enumerate(gold):
        cluster: set[tuple[str, Any]] = {("g", i)}
        for merged in merged_of[i]:
            cluster |= members[merged]
        truth = {("g", j) for j, h in enumerate(gold) if h.event == g.event}
        overlap = len(cluster & truth)
        precision_sum += overlap / len(cluster)
        recall_sum += overlap / len(truth)
    mapped = sum(1 for i in range(len(gold)) if merged_of[i])
    return {
        "gold_mentions": len(gold),
        "mapped": mapped,
        "gold_links": len(gold_links),
        "system_links": len(system_links),
        "system_links_between_gold": len(between_gold),
        "correct_links": correct,
        "b3_precision_sum": precision_sum,
        "b3_recall_sum": recall_sum,
    }


def _ratio(a: float, b: float) -> float:
    return round(a / b, 3) if b else 0.0


def summary(counts: list[dict[str, Any]]) -> dict[str, Any]:
    total = {key: sum(c[key] for c in counts) for key in counts[0]} if counts else {}
    if not total:
        return {}
    precision = _ratio(total["correct_links"], total["system_links"])
    # the same, counting only links whose both mentions are in the gold
    precision_gold_only = _ratio(total["correct_links"], total["system_links_between_gold"])
    recall = _ratio(total["correct_links"], total["gold_links"])
    b3p = _ratio(total["b3_precision_sum"], total["gold_mentions"])
    b3r = _ratio(total["b3_recall_sum"], total["gold_mentions"])
    return {
        "pairs": len(counts),
        **{k: round(v, 3) if isinstance(v, float) else v for k, v in total.items()},
        "pairwise_precision": precision,
        "pairwise_recall": recall,
        "pairwise_precision_gold_only": precision_gold_only,
        "b3_precision": b3p,
        "b3_recall": b3r,
        "b3_f1": _ratio(2 * b3p * b3r, b3p + b3r),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=BENCH / "wiki_de" / "gold" / "merge")
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--split", choices=("dev", "frozen", "all"), default="dev")
    parser.add_argument("--out", type=Path, default=BENCH / "results" / "merge_eval")
    args = parser.parse_args()
    from chronist import Store

    with args.pairs.open(encoding="utf-8", newline="") as handle:
        pairs = list(csv.DictReader(handle, delimiter="\t"))
    results: dict[str, list[dict[str, Any]]] = defaultdict(list)
    per_pair = {}
    for pair in pairs:
        if args.split != "all" and pair["split"] != args.split:
            continue
        gold_file = args.gold / f"{pair['pair']}.tsv"
        if not gold_file.exists():
            continue
        gold = read_gold(gold_file)
        names = {"a": str(args.corpus / pair["a"]), "b": str(args.corpus / pair["b"])}
        with tempfile.TemporaryDirectory() as folder:
            store = Store(Path(folder) / "pair.duckdb")
            report = store.ingest([names["a"], names["b"]])
            if not report.ok:
                print(f"{pair['pair']}: {report.failed}", file=sys.stderr)
                continue
            counts = score_pair(gold, system_mentions(store, names))
        per_pair[pair["pair"]] = {"split": pair["split"], **summary([counts])}
        results[pair["split"]].append(counts)
        line = per_pair[pair["pair"]]
        print(
            f"{pair['split']:6} {pair['pair']:45} P {line['pairwise_precision']:.2f} "
            f"R {line['pairwise_recall']:.2f}  B3 P {line['b3_precision']:.2f} "
            f"R {line['b3_recall']:.2f}  ({line['correct_links']}/{line['system_links']} sys, "
            f"{line['gold_links']} gold links, {line['mapped']}/{line['gold_mentions']} mapped)"
        )
    overall = {split: summary(counts) for split, counts in sorted(results.items())}
    for split, numbers in overall.items():
        print(
            f"{split}: {numbers['pairs']} pairs, pairwise P {numbers['pairwise_precision']:.3f} "
            f"(between gold mentions only: {numbers['pairwise_precision_gold_only']:.3f}) "
            f"R {numbers['pairwise_recall']:.3f}; B-cubed P {numbers['b3_precision']:.3f} "
            f"R {numbers['b3_recall']:.3f} F1 {numbers['b3_f1']:.3f}"
        )
    out = args.out.with_name(f"{args.out.name}-{args.split}")
    out.parent.mkdir(parents=True, exist_ok=True)
    data = {"overall": overall, "pairs": per_pair}
    out.with_suffix(".json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
