"""Record chronist's command-line outputs on the development corpora, to diff across a change.

    .venv/bin/python bench/snapshot.py inputs OUT_INPUTS         # once: the texts, as .txt + dct
    .venv/bin/python bench/snapshot.py run OUT_INPUTS OUT_DIR    # tag, extract, entities (JSON)
    .venv/bin/python bench/snapshot.py diff BEFORE_DIR AFTER_DIR # what changed, per command

``inputs`` writes every development text as a plain file with its creation time
and kind (``index.tsv``): WikiWarsDE dev, the German news set, KRAUTS
Dolomiten-100, TempEval-3 TBAQ (English), the demo document and 200 articles of
``../shared/data/wikipedia-de`` (drawn with a fixed seed, leaving out every
article of the blind gold in ``bench/wiki_de``). ``run`` calls the command line
in-process for each text (``tag --format json``; for German also ``extract
--format json`` and ``entities --format json``) and keeps stdout, stderr and
the exit code. ``diff`` prints, per command and corpus, how many outputs differ in
what they say (mentions, events, entities; ``--bytes`` compares the bytes) and
the facts lost and gained in a few of them.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import difflib
import io
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = 1207
WIKI_ARTICLES = 200


def _gold_articles() -> set[str]:
    names = set()
    with (ROOT / "bench/wiki_de/documents.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            names.add(Path(row["source"]).name)
    with (ROOT / "bench/wiki_de/merge_pairs.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            names.add(Path(row["a"]).name)
            names.add(Path(row["b"]).name)
    return names


def make_inputs(out: Path) -> None:
    from chronist.evaluation.corpora import load_corpus

    rows = []

    def add(corpus: str, name: str, text: str, lang: str, kind: str, dct: str | None) -> None:
        folder = out / corpus
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        rows.append((corpus, name, lang, kind, dct or ""))

    gold_corpora = [
        ("wikiwarsde", SHARED / "data/WikiWarsDE-dev", "de", "narrative"),
        ("news_de", ROOT / "bench/news_de/timeml/dev", "de", "news"),
        ("news_de", ROOT / "bench/news_de/timeml/test", "de", "news"),
        ("krauts", SHARED / "data/KRAUTS-Dolomiten-100/timeml", "de", "news"),
        ("tbaq", SHARED / "data/TempEval3-TBAQ-cleaned/TimeBank", "en", "news"),
        ("tbaq", SHARED / "data/TempEval3-TBAQ-cleaned/AQUAINT", "en", "news"),
    ]
    for corpus, path, lang, kind in gold_corpora:
        for document in load_corpus(path):
            add(corpus, document.doc_id, document.text, lang, kind, document.dct)
    seed = SHARED / "seed/koreakrieg.de.txt"
    add("demo", "koreakrieg", seed.read_text(encoding="utf-8"), "de", "narrative", None)
    excluded = _gold_articles()
    wiki = sorted(p for p in (SHARED / "data/wikipedia-de/wiki").glob("*.txt"))
    wiki = [p for p in wiki if p.name not in excluded]
    for path in random.Random(SEED).sample(wiki, WIKI_ARTICLES):
        add("wikipedia", path.stem, path.read_text(encoding="utf-8"), "de", "auto", None)
    with (out / "index.tsv").open("w", encoding="utf-8") as handle:
        handle.write("corpus\tname\tlang\tkind\tdct\n")
        for row in rows:
            handle.write("\t".join(row) + "\n")
    print(f"snapshot: {len(rows)} texts in {out}", file=sys.stderr)


def _call(argv: list[str]) -> tuple[int, str, str]:
    from chronist.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def run(inputs: Path, out: Path) -> None:
    with (inputs / "index.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    for number, row in enumerate(rows, 1):
        path = inputs / row["corpus"] / f"{row['name']}.txt"
        options = ["--lang", row["lang"], "--kind", row["kind"]]
        options += ["--dct", row["dct"]] if row["dct"] else []
        commands = {"tag": ["tag", str(path), "--format", "json", *options]}
        if row["lang"] == "de":
            commands["extract"] = ["extract", str(path), "--format", "json", *options]
            commands["entities"] = ["entities", str(path), "--format", "json"]
        for command, argv in commands.items():
            code, stdout, stderr = _call(argv)
            folder = out / command / row["corpus"]
            folder.mkdir(parents=True, exist_ok=True)
            record = {"exit": code, "stderr": stderr, "stdout": stdout}
            (folder / f"{row['name']}.json").write_text(
                json.dumps(record, ensure_ascii=False), encoding="utf-8"
            )
        if number % 50 == 0:
            print(f"snapshot: {number}/{len(rows)}", file=sys.stderr)


def _pretty(stdout: str) -> list[str]:
    lines = []
    for line in stdout.splitlines():
        try:
            lines += json.dumps(json.loads(line), ensure_ascii=False, indent=1).splitlines()
        except ValueError:
            lines.append(line)
    return lines


def _facts(command: str, stdout: str) -> list[str]:
    """What an output says, one line per fact, in a form that survives format changes
    (a new field, a renamed JSON shape): the comparison of meaning, not of bytes."""
    facts: list[str] = []
    try:
        documents = [json.loads(stdout)]
    except ValueError:
        documents = []
        for line in stdout.splitlines():
            try:
                documents.append(json.loads(line))
            except ValueError:
                facts.append(line)
    for data in documents:
        if command == "tag":
            for m in data.get("mentions", []):
                facts.append(f"{m['start']}-{m['end']} {m['type']} {m['value']} {m['mod']}")
        elif command == "extract":
            facts.append(f"kind {data['document']['kind']}")
            for t in data["timexes"]:
                facts.append(f"timex {t['start']}-{t['end']} {t['type']} {t['value']} {t['mod']}")
            for e in data["events"]:
                ev = e["evidence"]
                facts.append(
                    f"event {ev['start']} {e['trigger']['text']!r} {e['label']!r} {e['type']} "
                    f"{e['time']['edtf']} {e['time']['source']} {e['modality']}"
                )
            for n in data["entities"]:
                facts.append(f"entity {n['start']}-{n['end']} {n['type']} {n['text']!r}")
        else:
            for n in data.get("entities", []):
                facts.append(f"entity {n['start']}-{n['end']} {n['type']} {n['text']!r}")
    return facts


def semantic_diff(before: Path, after: Path, examples: int) -> None:
    """Per command and corpus: documents whose facts differ, facts lost and gained."""
    for command_dir in sorted(before.iterdir()):
        command = command_dir.name
        totals: dict[str, list[int]] = {}
        shown: dict[str, int] = {}
        for path in sorted(command_dir.rglob("*.json")):
            corpus = path.parent.name
            counts = totals.setdefault(corpus, [0, 0, 0, 0, 0])
            counts[0] += 1
            other = after / path.relative_to(before)
            old = json.loads(path.read_text(encoding="utf-8"))
            new = json.loads(other.read_text(encoding="utf-8")) if other.exists() else {}
            old_facts = _facts(command, old["stdout"])
            new_facts = _facts(command, new.get("stdout", ""))
            lost = sorted(set(old_facts) - set(new_facts))
            gained = sorted(set(new_facts) - set(old_facts))
            counts[3] += len(old_facts)
            if old.get("exit") != new.get("exit"):
                lost.append(f"exit {old.get('exit')} -> {new.get('exit')}")
            if lost or gained:
                counts[1] += 1
                counts[2] += len(lost)
                counts[4] += len(gained)
                if shown.get(corpus, 0) < examples:
                    shown[corpus] = shown.get(corpus, 0) + 1
                    print(f"  --- {path.relative_to(before)}")
                    for fact in lost[:6]:
                        print(f"  - {fact}")
                    for fact in gained[:6]:
                        print(f"  + {fact}")
        for corpus, (docs, changed, lost, facts, gained) in sorted(totals.items()):
            print(
                f"{command:9} {corpus:11} {changed:4} of {docs} documents differ; "
                f"{lost} of {facts} facts lost, {gained} gained"
            )


def diff(before: Path, after: Path, examples: int) -> None:
    for command_dir in sorted(before.iterdir()):
        by_corpus: dict[str, list[str]] = {}
        total: dict[str, int] = {}
        for path in sorted(command_dir.rglob("*.json")):
            corpus = path.parent.name
            total[corpus] = total.get(corpus, 0) + 1
            other = after / path.relative_to(before)
            old = json.loads(path.read_text(encoding="utf-8"))
            new = json.loads(other.read_text(encoding="utf-8")) if other.exists() else None
            if new != old:
                by_corpus.setdefault(corpus, []).append(str(path.relative_to(before)))
        for corpus in sorted(total):
            changed = by_corpus.get(corpus, [])
            print(f"{command_dir.name:9} {corpus:11} {len(changed):4} of {total[corpus]} differ")
            for name in changed[:examples]:
                old = json.loads((before / name).read_text(encoding="utf-8"))
                new_path = after / name
                new = json.loads(new_path.read_text(encoding="utf-8")) if new_path.exists() else {}
                delta = difflib.unified_diff(
                    _pretty(old["stdout"]), _pretty(new.get("stdout", "")), lineterm="", n=1
                )
                print(f"  --- {name}")
                for line in list(delta)[2:40]:
                    print(f"  {line}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="step", required=True)
    sub.add_parser("inputs").add_argument("out", type=Path)
    running = sub.add_parser("run")
    running.add_argument("inputs", type=Path)
    running.add_argument("out", type=Path)
    diffing = sub.add_parser("diff")
    diffing.add_argument("before", type=Path)
    diffing.add_argument("after", type=Path)
    diffing.add_argument("--examples", type=int, default=3)
    diffing.add_argument(
        "--bytes", action="store_true", help="compare outputs byte for byte, not by meaning"
    )
    args = parser.parse_args()
    if args.step == "inputs":
        make_inputs(args.out)
    elif args.step == "run":
        run(args.inputs, args.out)
    elif args.bytes:
        diff(args.before, args.after, args.examples)
    else:
        semantic_diff(args.before, args.after, args.examples)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
