"""Draw the German news evaluation set from the SmartData corpus.

SmartData v1 (DFKI, CC BY 4.0; ``../shared/data/ner-de/SmartData``) holds
German news excerpts with the time each was crawled and the date, time and
duration mentions its annotators marked. This script draws a fixed sample of
its news documents and writes, for each, the text, its creation time and the
SmartData mentions (as hints for the TIMEX3 annotation in ``gold/``)::

    python bench/news_de/extract.py ../shared/data/ner-de/SmartData bench/news_de

The sample is drawn with a fixed seed from the v1 *test* split, so the same
command always writes the same files.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

SAMPLE_SIZE = 120
SEED = 20261127
TEMPORAL_TYPES = ("date", "time", "duration", "set")
BERLIN = ZoneInfo("Europe/Berlin")


def read_documents(path: Path) -> list[dict[str, object]]:
    """Every JSON document of a SmartData ``.json.gz`` stream."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        stream = handle.read()
    decoder = json.JSONDecoder()
    documents: list[dict[str, object]] = []
    position = 0
    while True:
        while position < len(stream) and stream[position].isspace():
            position += 1
        if position >= len(stream):
            return documents
        document, position = decoder.raw_decode(stream, position)
        documents.append(document)


def creation_date(document: dict[str, object]) -> str:
    """The crawl time of a document as a Berlin calendar date."""
    stamp = document["date"]["string"]  # type: ignore[index]
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return moment.astimezone(BERLIN).date().isoformat()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("smartdata", type=Path, help="the SmartData folder")
    parser.add_argument("out", type=Path, help="where docs/ and the tables go")
    arguments = parser.parse_args()
    source = arguments.smartdata / "v1_20180119" / "test.json.gz"
    news = [
        document
        for document in read_documents(source)
        if document["refids"]["map"]["source"] == "news"  # type: ignore[index]
    ]
    news.sort(key=lambda document: str(document["id"]))
    sample = random.Random(SEED).sample(news, SAMPLE_SIZE)
    docs = arguments.out / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    meta_rows = ["name\tdct\tsplit\tsource_id"]
    hint_rows = ["name\tstart\tend\ttype\ttext"]
    for number, document in enumerate(sample, start=1):
        name = f"news{number:03d}"
        text = document["text"]["string"]  # type: ignore[index]
        (docs / f"{name}.txt").write_text(text, encoding="utf-8")
        split = "dev" if number % 2 else "test"
        meta_rows.append(f"{name}\t{creation_date(document)}\t{split}\t{document['id']}")
        mentions = document["conceptMentions"]["array"]  # type: ignore[index]
        for mention in sorted(mentions, key=lambda m: m["span"]["start"]):
            if mention["type"] in TEMPORAL_TYPES:
                start, end = mention["span"]["start"], mention["span"]["end"]
                quoted = text[start:end].replace("\n", " ")
                hint_rows.append(f"{name}\t{start}\t{end}\t{mention['type']}\t{quoted}")
    for table, rows in (("documents.tsv", meta_rows), ("smartdata_hints.tsv", hint_rows)):
        (arguments.out / table).write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{SAMPLE_SIZE} documents written to {docs}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
