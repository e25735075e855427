"""Tag a list of documents in this process and print the timings as JSON.

``throughput.py`` starts this script in a fresh interpreter, pinned to one
core, so that its wall time is chronist's end-to-end time: interpreter
start-up, ``import chronist``, loading the grammar and tagging. It imports
nothing else of the benchmark::

    python bench/chronist_worker.py DOCUMENTS.json --lang de --kind narrative

DOCUMENTS.json is a list of ``{"text": ..., "dct": ...}``.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path
from typing import Any


def measure(documents_file: Path, lang: str, kind: str) -> dict[str, Any]:
    """Import chronist, tag every document, and time each step."""
    documents = json.loads(documents_file.read_text(encoding="utf-8"))
    started = time.perf_counter()
    import chronist

    imported = time.perf_counter()
    chronist.tag("Am 1. September 1939.", lang=lang, kind=kind)  # loads the language data
    warm = time.perf_counter()
    per_document = []
    found = 0
    for document in documents:
        begin = time.perf_counter()
        found += len(chronist.tag(document["text"], lang=lang, kind=kind, dct=document["dct"]))
        per_document.append(time.perf_counter() - begin)
    return {
        "import_seconds": imported - started,
        "first_call_seconds": warm - imported,
        "processing_seconds": sum(per_document),
        "per_document_seconds": per_document,
        "expressions": found,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> int:
    arguments = sys.argv[1:]
    if len(arguments) != 5 or arguments[1] != "--lang" or arguments[3] != "--kind":
        sys.exit("usage: chronist_worker.py DOCUMENTS.json --lang LANG --kind KIND")
    print(json.dumps(measure(Path(arguments[0]), arguments[2], arguments[4])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
