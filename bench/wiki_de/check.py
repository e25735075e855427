"""Check the German Wikipedia gold files against their texts (does not run chronist).

    python3 bench/wiki_de/check.py [NAME ...]

Checks every file under ``gold/timex``, ``gold/events``, ``gold/places`` and
``gold/merge`` (or only the named passages or pairs): columns, offsets against
the text, values and kinds; for the place-only passages of ``places2.tsv`` and ``places3.tsv`` also
that each passage is its source article's text between the stated offsets.
Prints one line per problem and exits 1 if any.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[2] / "shared" / "data" / "wikipedia-de"
TYPES = {"DATE", "TIME", "DURATION", "SET"}
MODS = {"", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN",
        "EQUAL_OR_LESS", "EQUAL_OR_MORE", "START", "MID", "END", "APPROX"}  # fmt: skip
VALUE = re.compile(
    r"PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|P(?:[\dX.]+[YMWDHSQ]|[\dX]+(?:DE|CE|ML)|T[\dX.]+[HMS])+"
    r"|PT(?:[\dX.]+[HMS])+"
    r"|(?:BC)?[\dX]{1,4}(?:-(?:[\dX]{2}(?:-[\dX]{2})?|W[\dX]{2}(?:-(?:\d|WE))?|SP|SU|FA|WI|Q[1-4X]|H[12X]))?"
    r"(?:T(?:[\dX]{2}(?::[\dX]{2}){0,2}|MO|MI|AF|EV|NI|DT))?"
)
ISO = re.compile(r"-?\d{4}(?:-\d{2}(?:-\d{2})?)?")
KINDS = {"settlement", "country", "historical-state", "region", "river", "lake", "sea",
         "mountain", "island", "site", "continent", "other"}  # fmt: skip
COLUMNS = {
    "timex": ["start", "end", "type", "value", "mod", "text"],
    "events": ["start", "end", "quote", "label", "from", "to", "importance"],
    "places": ["start", "end", "text", "name", "kind", "lat", "lon"],
    "merge": ["event", "label", "doc", "start", "end", "quote"],
}


def rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return list(reader.fieldnames or []), list(reader)


def span_problem(text: str, row: dict[str, str], column: str) -> str | None:
    try:
        start, end = int(row["start"]), int(row["end"])
    except ValueError:
        return "start/end are not integers"
    if not 0 <= start < end <= len(text):
        return f"offsets {start}-{end} outside the text"
    quoted = text[start:end].replace("\n", " ")
    if quoted != row[column]:
        return f"{column} is {row[column]!r} but the text there is {quoted!r}"
    return None


def check_layer(layer: str, path: Path, text: str | dict[str, str]) -> list[str]:
    problems = []
    header, found = rows(path)
    if header != COLUMNS[layer]:
        return [f"{path}: header is {header}, expected {COLUMNS[layer]}"]
    previous_end = -1
    for number, row in enumerate(found, start=2):
        where = f"{path}:{number}"
        if None in row.values() or None in row:
            problems.append(f"{where}: wrong number of columns")
            continue
        doc_text = text[row["doc"]] if isinstance(text, dict) else text
        if isinstance(text, dict) and row["doc"] not in text:
            problems.append(f"{where}: doc must be a or b")
            continue
        column = {"timex": "text", "events": "quote", "places": "text", "merge": "quote"}[layer]
        problem = span_problem(doc_text, row, column)
        if problem:
            problems.append(f"{where}: {problem}")
            continue
        if layer == "timex":
            if int(row["start"]) < previous_end:
                problems.append(f"{where}: overlaps the line before (sort by start)")
            previous_end = int(row["end"])
            if row["type"] not in TYPES:
                problems.append(f"{where}: type {row['type']!r}")
            if not VALUE.fullmatch(row["value"]):
                problems.append(f"{where}: value {row['value']!r} is not a TIMEX3 value")
            if row["mod"] not in MODS:
                problems.append(f"{where}: mod {row['mod']!r}")
        elif layer == "events":
            for column in ("from", "to"):
                if row[column] and not ISO.fullmatch(row[column]):
                    problems.append(f"{where}: {column} {row[column]!r} is not an ISO date")
            if bool(row["from"]) != bool(row["to"]):
                problems.append(f"{where}: give both from and to, or neither")
            if row["importance"] not in ("key", "minor"):
                problems.append(f"{where}: importance must be key or minor")
            if len(row["label"]) > 60 or not row["label"]:
                problems.append(f"{where}: label must be 1-60 characters")
        elif layer == "places":
            if row["kind"] not in KINDS:
                problems.append(f"{where}: kind {row['kind']!r}")
            if (row["lat"], row["lon"]) != ("?", "?"):
                try:
                    lat, lon = float(row["lat"]), float(row["lon"])
                    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                        raise ValueError
                except ValueError:
                    problems.append(f"{where}: lat/lon {row['lat']!r} {row['lon']!r}")
        elif layer == "merge" and not re.fullmatch(r"e\d+", row["event"]):
            problems.append(f"{where}: event id {row['event']!r} is not e1, e2, ...")
    return problems


def main() -> int:
    wanted = set(sys.argv[1:])
    with (HERE / "documents.tsv").open(encoding="utf-8") as handle:
        passages = [r["name"] for r in csv.DictReader(handle, delimiter="\t")]
    with (HERE / "merge_pairs.tsv").open(encoding="utf-8") as handle:
        pairs = list(csv.DictReader(handle, delimiter="\t"))
    places2: list[dict[str, str]] = []
    for table in ("places2.tsv", "places3.tsv"):
        with (HERE / table).open(encoding="utf-8") as handle:
            places2 += list(csv.DictReader(handle, delimiter="\t"))
    problems: list[str] = []
    checked = 0
    for row in places2:
        name = row["name"]
        if wanted and name not in wanted:
            continue
        text = (HERE / "docs" / f"{name}.txt").read_text(encoding="utf-8")
        source = (CORPUS / row["source"]).read_text(encoding="utf-8")
        if source[int(row["start"]) : int(row["end"])] != text:
            problems.append(f"docs/{name}.txt is not {row['source']}[{row['start']}:{row['end']}]")
        problems += check_layer("places", HERE / "gold" / "places" / f"{name}.tsv", text)
        checked += 1
    for name in passages:
        if wanted and name not in wanted:
            continue
        text = (HERE / "docs" / f"{name}.txt").read_text(encoding="utf-8")
        for layer in ("timex", "events", "places"):
            path = HERE / "gold" / layer / f"{name}.tsv"
            if path.exists():
                problems += check_layer(layer, path, text)
                checked += 1
    for pair in pairs:
        if wanted and pair["pair"] not in wanted:
            continue
        path = HERE / "gold" / "merge" / f"{pair['pair']}.tsv"
        if path.exists():
            texts = {side: (CORPUS / pair[side]).read_text(encoding="utf-8") for side in ("a", "b")}
            problems += check_layer("merge", path, texts)
            checked += 1
    for problem in problems:
        print(problem)
    print(f"check: {checked} files, {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
