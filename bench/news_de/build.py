"""Write the German news set as TimeML, one folder per split.

Reads ``documents.tsv``, ``docs/<name>.txt`` and the hand annotation
``gold/<name>.tsv`` (see ``GUIDELINES.md``), checks every annotation against
its text, and writes ``timeml/dev/<name>.tml`` and ``timeml/test/<name>.tml``
in the TempEval-3 layout, which ``chronist eval`` scores::

    .venv/bin/python bench/news_de/build.py bench/news_de
    .venv/bin/chronist eval bench/news_de/timeml/dev --kind news

The demo document's gold (``bench/demo_de``) is built the same way from the
text in ``../shared/seed``, which is not copied into the repository::

    .venv/bin/python bench/news_de/build.py bench/demo_de --texts ../shared/seed

The Wikipedia passages keep their annotation in ``gold/timex``::

    .venv/bin/python bench/news_de/build.py bench/wiki_de --gold bench/wiki_de/gold/timex
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

from chronist.export.timeml import TimexTag, render_timeml

TYPES = ("DATE", "TIME", "DURATION", "SET")
MODS = ("", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN",
        "EQUAL_OR_LESS", "EQUAL_OR_MORE", "START", "MID", "END", "APPROX", "EXACT")  # fmt: skip
VALUE = re.compile(
    r"PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|P(?:[\dX.]+[YMWDHSQ]|[\dX]+(?:DE|CE|ML)|T[\dX.]+[HMS])+"
    r"|PT(?:[\dX.]+[HMS])+"
    r"|(?:BC)?[\dX]{1,4}(?:-(?:[\dX]{2}(?:-[\dX]{2})?|W[\dX]{2}(?:-(?:\d|WE))?|SP|SU|FA|WI|Q[1-4X]|H[12X]))?"
    r"(?:T(?:[\dX]{2}(?::[\dX]{2}){0,2}|MO|MI|AF|EV|NI|DT))?"
    r"|T[\dX]{2}(?::[\dX]{2})?"
)


class GoldError(ValueError):
    """An annotation line that does not fit its text or the guidelines."""


def read_gold(path: Path, text: str) -> list[TimexTag]:
    """The TIMEX3 tags of one annotation file, checked against ``text``."""
    tags: list[TimexTag] = []
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    previous_end = 0
    for number, row in enumerate(rows, start=2):
        where = f"{path}:{number}"
        start, end = int(row["start"]), int(row["end"])
        quoted = text[start:end].replace("\n", " ")
        if quoted != row["text"]:
            raise GoldError(f"{where}: text is {quoted!r}, the line says {row['text']!r}")
        if start < previous_end:
            raise GoldError(f"{where}: overlaps the line before")
        if row["type"] not in TYPES:
            raise GoldError(f"{where}: unknown type {row['type']!r}")
        if not VALUE.fullmatch(row["value"]):
            raise GoldError(f"{where}: value {row['value']!r} is not a TIMEX3 value")
        mod = row.get("mod") or ""
        if mod not in MODS:
            raise GoldError(f"{where}: unknown mod {mod!r}")
        attrs = [("tid", f"t{len(tags) + 1}"), ("type", row["type"]), ("value", row["value"])]
        if mod:
            attrs.append(("mod", mod))
        tags.append(TimexTag(start, end, tuple(attrs)))
        previous_end = end
    return tags


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="bench/news_de")
    parser.add_argument("--texts", type=Path, help="where the texts are (default: FOLDER/docs)")
    parser.add_argument(
        "--gold", type=Path, help="where the annotations are (default: FOLDER/gold)"
    )
    args = parser.parse_args()
    folder: Path = args.folder
    texts: Path = args.texts or folder / "docs"
    gold_dir: Path = args.gold or folder / "gold"
    with (folder / "documents.tsv").open(encoding="utf-8", newline="") as handle:
        documents = list(csv.DictReader(handle, delimiter="\t"))
    counts: dict[str, int] = {}
    for document in documents:
        name, split = document["name"], document["split"]
        # a text kept outside the repository is named in a "file" column
        text = (texts / (document.get("file") or f"{name}.txt")).read_text(encoding="utf-8")
        gold = gold_dir / f"{name}.tsv"
        if not gold.is_file():
            sys.exit(f"build: {gold} is missing")
        try:
            tags = read_gold(gold, text)
        except GoldError as error:
            sys.exit(f"build: {error}")
        out = folder / "timeml" / split
        out.mkdir(parents=True, exist_ok=True)
        timeml = render_timeml(text, tags, doc_id=name, dct=document["dct"] or None)
        (out / f"{name}.tml").write_text(timeml, encoding="utf-8")
        counts[split] = counts.get(split, 0) + len(tags)
    summary = ", ".join(f"{split}: {count} TIMEX3" for split, count in sorted(counts.items()))
    print(f"build: {len(documents)} documents written ({summary})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
