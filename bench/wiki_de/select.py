"""Draw the development passages of the German Wikipedia gold from ../shared/data/wikipedia-de.

Reproducible: a fixed seed, the corpus as shipped. A passage is a run of whole
paragraphs of one section, 1,800-3,500 characters of a history-like section (the lead, or a heading
naming history, a life, an era, a war), rich in dates; passages are
spread over eras by the median year they mention (BC, 1-999, 1000-1499,
1500-1799, 1800-1913, 1914-1945, 1946-), six per era and a few Klexikon
twins, one passage per article. Every third passage of each era (by draw
order) goes to the frozen split, which is never used for tuning. The merge
gold takes whole Klexikon articles with their Wikipedia twins; none of those
articles is in the passage gold.

    python bench/wiki_de/select.py ../shared/data/wikipedia-de bench/wiki_de

writes ``documents.tsv`` and ``docs/`` (the passages) and ``merge_pairs.tsv``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
from pathlib import Path

SEED = 20261207
PER_ERA = 6
KLEXIKON_PASSAGES = 4
MERGE_PAIRS = 14
# Wikipedia articles that tell the same history at two scales (a war and its battle, a
# movement and its leader): merge pairs of their own, kept out of the passages too.
OVERLAPS = [
    ("Zweiter_Weltkrieg", "Schlacht_von_Stalingrad"),
    ("Reformation", "Martin_Luther"),
    ("Amerikanischer_Bürgerkrieg", "Abraham_Lincoln"),
]
ERAS = [
    ("bc", -10_000, 0),
    ("0001-0999", 1, 999),
    ("1000-1499", 1000, 1499),
    ("1500-1799", 1500, 1799),
    ("1800-1913", 1800, 1913),
    ("1914-1945", 1914, 1945),
    ("1946-", 1946, 2100),
]
_YEAR = re.compile(r"(?<![\d.,])(\d{1,4})(?:\s*(v\.\s*Chr\.|n\.\s*Chr\.))?(?![\d.,]\d)")
_DATEY = re.compile(
    r"\b(?:\d{1,2}\.\s*(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|"
    r"November|Dezember)|Jahrhundert|Jahrhunderts|Jahrzehnt|v\.\s*Chr\.|n\.\s*Chr\.|"
    r"\d{3,4})\b"
)


_HISTORY_HEADING = re.compile(
    r"Geschichte|Leben|Biogra|Herrschaft|Krieg|Antike|Mittelalter|Neuzeit|Jahrhundert|"
    r"Gründung|Entstehung|Regierung|Karriere|Jugend|Ursprung|Herkunft|Zeit|Reich|Epoche"
)


def sections(text: str) -> list[list[tuple[int, int]]]:
    """Paragraph spans of the history-like sections (the lead, or a ``== Heading`` line
    naming history, a life, an era, a war ...), grouped by section."""
    groups: list[list[tuple[int, int]]] = [[]]
    keep = [True]
    for match in re.finditer(r"(?:[^\n]+\n?)+", text):
        start, end = match.start(), match.end()
        while end > start and text[end - 1] == "\n":
            end -= 1
        if text[start:end].startswith("="):
            groups.append([])
            keep.append(bool(_HISTORY_HEADING.search(text[start:end])))
            continue
        groups[-1].append((start, end))
    return [g for g, k in zip(groups, keep, strict=True) if g and k]


def years(text: str) -> list[int]:
    found = []
    for match in _YEAR.finditer(text):
        number, era = int(match.group(1)), match.group(2)
        if era and era.startswith("v"):
            found.append(1 - number)
        elif era or (len(match.group(1)) == 4 and 1000 <= number <= 2030):
            found.append(number)
    return found


def era_of(found: list[int]) -> str:
    median = statistics.median(found)
    for name, low, high in ERAS:
        if low <= median <= high:
            return name
    return ERAS[-1][0]


def best_passages(text: str) -> dict[str, tuple[int, int, float]]:
    """The date-richest passage of each era the article has one in."""
    best: dict[str, tuple[int, int, float]] = {}
    for group in sections(text):
        for i in range(len(group)):
            for j in range(i, len(group)):
                start, end = group[i][0], group[j][1]
                length = end - start
                if length > 3500:
                    break
                if length < 1800:
                    continue
                piece = text[start:end]
                found = years(piece)
                if len(found) < 4:
                    continue
                score = len(_DATEY.findall(piece)) / length * 1000
                era = era_of(found)
                if era not in best or score > best[era][2]:
                    best[era] = (start, end, score)
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    rng = random.Random(SEED)
    names = sorted(p.name for p in (args.corpus / "wiki").glob("*.txt"))
    rng.shuffle(names)
    merge = []
    for name in names:
        klexikon = args.corpus / "klexikon" / name
        if len(merge) < MERGE_PAIRS and klexikon.exists():
            kl = klexikon.read_text(encoding="utf-8")
            if len(years(kl)) >= 8 and 1500 <= len(kl) <= 6000:
                merge.append(name)
    by_era: dict[str, list[dict[str, object]]] = {name: [] for name, _, _ in ERAS}
    candidates = []
    for name in names:
        if name in merge or name[:-4] in {a for pair in OVERLAPS for a in pair}:
            continue
        text = (args.corpus / "wiki" / name).read_text(encoding="utf-8")
        candidates.append((name, best_passages(text)))
    used: set[str] = set()
    # the rarest eras choose first, so that old history is not crowded out
    for era, _, _ in sorted(ERAS, key=lambda e: sum(e[0] in c for _, c in candidates)):
        for name, found in candidates:
            if len(by_era[era]) >= PER_ERA:
                break
            floor = 4 if era in ("bc", "0001-0999") else 8  # old history names fewer dates
            if name in used or era not in found or found[era][2] < floor:
                continue
            start, end, score = found[era]
            used.add(name)
            by_era[era].append(
                {
                    "source": f"wiki/{name}",
                    "start": start,
                    "end": end,
                    "era": era,
                    "score": round(score, 1),
                }
            )
    klex: list[dict[str, object]] = []
    chosen = used
    for name in names:
        if len(klex) >= KLEXIKON_PASSAGES:
            break
        path = args.corpus / "klexikon" / name
        if name in merge or name in chosen or not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        for era, (start, end, score) in best_passages(text).items():
            if score >= 8:
                klex.append(
                    {
                        "source": f"klexikon/{name}",
                        "start": start,
                        "end": end,
                        "era": era,
                        "score": round(score, 1),
                    }
                )
                break
    passages = []
    for items in by_era.values():
        for k, item in enumerate(items):
            item["split"] = "frozen" if k % 3 == 2 else "dev"
            passages.append(item)
    for k, item in enumerate(klex):
        item["split"] = "frozen" if k % 3 == 2 else "dev"
        passages.append(item)
    texts = args.out / "docs"
    texts.mkdir(parents=True, exist_ok=True)
    rows = ["name\tdct\tsplit\tsource\tstart\tend\tera"]
    for n, item in enumerate(passages, 1):
        source = str(item["source"])
        text = (args.corpus / source).read_text(encoding="utf-8")
        piece = text[int(item["start"]) : int(item["end"])]  # type: ignore[call-overload]
        stem = f"p{n:02d}_" + re.sub(r"\W+", "_", Path(source).stem)[:40]
        (texts / f"{stem}.txt").write_text(piece, encoding="utf-8")
        rows.append(
            f"{stem}\t\t{item['split']}\t{source}\t{item['start']}\t{item['end']}\t{item['era']}"
        )
    (args.out / "documents.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    pair_rows = ["pair\tsplit\ta\tb"] + [
        f"{name[:-4]}\t{'frozen' if k % 3 == 2 else 'dev'}\twiki/{name}\tklexikon/{name}"
        for k, name in enumerate(merge)
    ]
    pair_rows += [
        f"{a}+{b}\t{'frozen' if k == 1 else 'dev'}\twiki/{a}.txt\twiki/{b}.txt"
        for k, (a, b) in enumerate(OVERLAPS)
    ]
    (args.out / "merge_pairs.tsv").write_text("\n".join(pair_rows) + "\n", encoding="utf-8")
    print(json.dumps({era: len(v) for era, v in by_era.items()}), len(klex), len(merge))


if __name__ == "__main__":
    main()
