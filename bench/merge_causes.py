"""Why the merge misses gold links: a cause for every missed link of the DEV pairs.

Usage (from the repository root)::

    .venv/bin/python bench/merge_causes.py [--cache DIR] [--show N]

Development pairs only (``merge_pairs.tsv`` split ``dev``): the frozen pairs'
errors are never read. Each pair's documents are extracted once (cached as
pickles in ``--cache``, keyed by content hash, so a change to merging alone
re-runs in seconds) and written into a fresh store by the store's own
:class:`~chronist.store.writer.Writer`. For each gold link (two gold mentions
of one event in different documents) that the merge missed, the cause is the
first that applies, for the best scoring pair of event mentions whose evidence
sentences overlap the two gold mentions:

``no event``            a gold mention overlaps no event mention's evidence;
``hypothetical``        one is told as certain, the other not;
``word``                neither the lemma, its group nor the type agree (a veto
                        before other words could merge on the rest of the evidence);
``time excludes``       the four bounds do not overlap (``inferred``: one time
                        was inferred from the narrative, not stated);
``below threshold``     the evidence adds up to less than the threshold
                        (noted: the time missing, no shared participant or place,
                        only the type or another word in common);
``taken``               the pair scores enough but the merge gave one of them
                        another partner (one mention per document and event).

Two further counts say where the missed links stand. ``not a candidate``: of
the missed links below the threshold, those whose mentions share no block
(:func:`~chronist.store.merge._blocks`), so that a better score alone would
not merge them. ``told twice``: gold events that one document tells in two or
more mapped sentences, and how many of them the document's chains
(:func:`~chronist.store.chains.chains`) join: a pair of documents merges one
chain of each, so a gold event told twice on a side and not chained loses
links even when it merges.

Results go to ``results/merge_causes-dev.json``.
"""

from __future__ import annotations

import argparse
import csv
import json
import pickle
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from merge_eval import CORPUS, PAIRS, read_gold, score_pair, summary

BENCH = Path(__file__).resolve().parent


def extracted(path: Path, cache: Path) -> Any:
    from chronist.store.ingest import extract_source
    from chronist.store.sources import discover

    (source,) = list(discover([str(path)], "de", "auto", None))
    cached = cache / f"{source.doc}.pickle"
    if cached.exists():
        return pickle.loads(cached.read_bytes())
    result = extract_source(source)
    cache.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(pickle.dumps(result))
    return result


def merge_pair(documents: list[Any]) -> Any:
    from chronist.store.schema import connect
    from chronist.store.writer import Writer

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pair.duckdb"
        writer = Writer(path)
        with connect(path, read_only=False) as connection:
            writer.load(connection)
            for document in documents:
                writer.write(connection, document)
    return writer


def classify(writer: Any, ka: tuple[str, int], kb: tuple[str, int]) -> tuple[str, float, str]:
    """The cause a pair of mentions did not merge, its score and the evidence it had."""
    from chronist.store.matching import text_fit, time_fit, word_kind
    from chronist.store.merged_event import MergedEvent
    from chronist.store.scoring import FEATURES, features

    index = writer.index
    events = index.events
    a = events[index.where[ka]].mentions[ka]
    b = events[index.where[kb]].mentions[kb]
    if a.hypothetical != b.hypothetical:
        return "hypothetical", -9.0, ""
    if word_kind(b.lemma, b.group, b.type, {a.lemma}, {a.group} - {None}, {a.type},
                 b.generic) is None:  # fmt: skip
        return "word", -9.0, ""  # the veto of a merge before the other-word evidence
    if time_fit(a.interval, b.interval, stated=a.stated and b.stated) is None:
        return "time excludes" + ("" if a.stated and b.stated else " (inferred)"), -9.0, ""
    alone = MergedEvent(0, {ka: a})
    alone.refresh()
    spread = (max(1, len(index.spread.get((b.doc, b.word), ()))), index.told(alone, b.word))
    sentence = text_fit(b.words, a.words, index.frequency, index.mentions)
    values = features(b, alone, lambda: sentence, lambda: spread)
    if values is None:
        return "word", -9.0, ""
    total = index.model.score(values)
    detail = " ".join(f"{n} {v:.1f}" for n, v in zip(FEATURES[1:], values[1:], strict=True) if v)
    if total < index.model.threshold:
        notes = []
        if values[FEATURES.index("no_time")]:
            notes.append("no time")
        if not values[FEATURES.index("shared_entities")]:
            notes.append("no shared entity")
        if values[FEATURES.index("other_word")] or values[FEATURES.index("same_generic")]:
            notes.append("type/generic/other word only")
        return "below threshold" + (f" ({', '.join(notes)})" if notes else ""), total, detail
    return "taken", total, detail


RANK = {"taken": 5, "below threshold": 4, "time excludes": 3, "word": 2, "hypothetical": 1}


def analyse(pair: dict[str, str], gold_dir: Path, corpus: Path, cache: Path) -> dict[str, Any]:
    gold = read_gold(gold_dir / f"{pair['pair']}.tsv")
    documents = [extracted(corpus / pair[side], cache) for side in ("a", "b")]
    writer = merge_pair(documents)
    side_of = {documents[0].doc: "a", documents[1].doc: "b"}
    evidence = [
        (side_of[row[0]], (row[0], row[1]), row[3], row[4])
        for document in documents
        for row in document.rows.get("evidence", [])
    ]
    keys = [
        {k for side, k, start, end in evidence if side == g.doc and start < g.end and g.start < end}
        for g in gold
    ]
    where = writer.index.where
    scored = score_pair(gold, [(side, start, end, where[k]) for side, k, start, end in evidence])
    causes: Counter[str] = Counter()
    causes.update(_told_twice(gold, keys, where))
    examples: list[dict[str, Any]] = []
    for i, gi in enumerate(gold):
        for j, gj in enumerate(gold):
            if not (gi.event == gj.event and gi.doc == "a" and gj.doc == "b"):
                continue
            if not keys[i] or not keys[j]:
                which = "both" if not keys[i] and not keys[j] else ("a" if not keys[i] else "b")
                causes[f"no event ({which})"] += 1
                continue
            if any(where[x] == where[y] for x in keys[i] for y in keys[j]):
                causes["merged"] += 1
                continue
            found = [(classify(writer, x, y), x, y) for x in keys[i] for y in keys[j]]
            (cause, score, detail), x, y = max(
                found, key=lambda f: (RANK[f[0][0].split(" (")[0]], f[0][1])
            )
            causes[cause] += 1
            if cause.startswith("below threshold") and not _candidates(writer, keys[i], keys[j]):
                causes["(below threshold: not a candidate)"] += 1
            mx = writer.index.events[where[x]].mentions[x]
            my = writer.index.events[where[y]].mentions[y]
            examples.append(
                {
                    "detail": detail,
                    "event": gi.event,
                    "cause": cause,
                    "score": round(score, 2),
                    "a": [mx.lemma, mx.type, mx.edtf, mx.label],
                    "b": [my.lemma, my.type, my.edtf, my.label],
                }
            )
    # the merges the gold calls wrong: a merged event joining a gold mention with a
    # mention of another gold event, or with a sentence the gold does not list
    wrong: list[str] = []
    gold_of: dict[tuple[str, int], set[str]] = {}
    for number, found in enumerate(keys):
        for k in found:
            gold_of.setdefault(k, set()).add(gold[number].event)
    for merged in writer.index.events.values():
        sides = {side_of[k[0]] for k in merged.mentions}
        if len(sides) < 2:
            continue
        events = [gold_of.get(k, set()) for k in merged.mentions]
        if any(events) and not set.intersection(*[e or {"-"} for e in events]):
            wrong.append(
                " | ".join(
                    f"{side_of[k[0]]}:{m.lemma}:{m.edtf}:{sorted(gold_of.get(k, []))}:{m.label}"
                    for k, m in merged.mentions.items()
                )
            )
    return {"causes": dict(causes), "examples": examples, "counts": scored, "wrong": wrong}


def _candidates(writer: Any, first: set[Any], second: set[Any]) -> bool:
    """Whether any of the mentions share a block (the later one finds the other)."""
    from chronist.store.merge import _blocks

    index = writer.index

    def mention(key: Any) -> Any:
        return index.events[index.where[key]].mentions[key]

    return any(
        set(_blocks(mention(x))) & set(_blocks(mention(y), query=True))
        for x in first
        for y in second
    )


def _told_twice(gold: list[Any], keys: list[set[Any]], where: dict[Any, int]) -> Counter[str]:
    """Gold events a document tells in two or more mapped sentences, and how many of
    them its chains join (one merged event holds a mention of each such sentence)."""
    counts: Counter[str] = Counter()
    sides: dict[tuple[str, str], list[set[int]]] = {}
    for number, g in enumerate(gold):
        if keys[number]:
            sides.setdefault((g.event, g.doc), []).append({where[k] for k in keys[number]})
    for merged in sides.values():
        if len(merged) > 1:
            counts["(told twice on a side)"] += 1
            counts["(told twice on a side: chained)"] += int(bool(set.intersection(*merged)))
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=BENCH / "wiki_de" / "gold" / "merge")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "merge_cache")
    parser.add_argument("--show", type=int, default=0, help="print N missed links per cause")
    parser.add_argument("--out", type=Path, default=BENCH / "results" / "merge_causes-dev.json")
    args = parser.parse_args()
    with PAIRS.open(encoding="utf-8", newline="") as handle:
        pairs = [p for p in csv.DictReader(handle, delimiter="\t") if p["split"] == "dev"]
    total: Counter[str] = Counter()
    examples: list[dict[str, Any]] = []
    per_pair = {}
    counts = []
    for pair in pairs:
        if not (args.gold / f"{pair['pair']}.tsv").exists():
            continue
        result = analyse(pair, args.gold, args.corpus, args.cache)
        per_pair[pair["pair"]] = result["causes"]
        total.update(result["causes"])
        counts.append(result["counts"])
        examples += [{"pair": pair["pair"], **e} for e in result["examples"]]
        if args.show:
            for line in result["wrong"]:
                print(f"  wrong merge: {pair['pair']}: {line}")
    links = sum(n for cause, n in total.items() if not cause.startswith("("))
    print(f"{'cause':55} {'links':>6} {'share':>6}")
    for cause, n in total.most_common():
        if not cause.startswith("("):
            print(f"{cause:55} {n:6} {n / links:6.1%}")
    for cause, n in sorted(total.items()):
        if cause.startswith("("):
            print(f"{cause:55} {n:6}")
    for cause in sorted({e["cause"] for e in examples}):
        for e in [e for e in examples if e["cause"] == cause][: args.show]:
            print(
                f"  {cause}: {e['pair']} {e['event']} {e['score']} {e['detail']} "
                f"A={e['a']} B={e['b']}"
            )
    overall = summary(counts)
    print(
        f"dev: pairwise P {overall['pairwise_precision']:.3f} R {overall['pairwise_recall']:.3f} "
        f"({overall['correct_links']}/{overall['system_links']}); "
        f"B-cubed P {overall['b3_precision']:.3f} R {overall['b3_recall']:.3f}"
    )
    data = {
        "overall": overall,
        "links": links,
        "causes": dict(total.most_common()),
        "pairs": per_pair,
    }
    args.out.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
