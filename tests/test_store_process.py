"""The store across processes: kill -9 in the middle of an ingest, readers while it writes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb  # noqa: F401  (the store extra must be installed: fail, not skip)

from chronist import Store
from chronist.errors import StoreError
from test_store_ingest import KOREA_A, KOREA_B, KOREA_C

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "koreakrieg.de.txt"


def _corpus(folder: Path, count: int) -> list[Path]:
    """``count`` different documents, each as long to extract as the seed (or three short ones)."""
    base = SEED.read_text(encoding="utf-8") if SEED.exists() else (KOREA_A + KOREA_B + KOREA_C)
    folder.mkdir()
    paths = []
    for number in range(count):
        path = folder / f"doc{number:03d}.txt"
        path.write_text(f"{base}\n\nDokument {number}: Im Jahr {1900 + number} geschah es.\n")
        paths.append(path)
    return paths


def _ingest(folder: Path, store: Path, *extra: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "chronist.cli", "ingest", str(folder), "--store", str(store)]
    return subprocess.Popen(
        [*command, "--quiet", *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _children(pid: int) -> list[int]:
    """The worker processes of an ingest (Linux /proc; empty elsewhere)."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def _stored(store: Store) -> int:
    try:
        return len(store.documents())
    except StoreError:  # not created yet
        return 0


def test_kill_9_loses_nothing_committed_and_the_next_run_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    _corpus(folder, 40)
    path = tmp_path / "corpus.duckdb"
    store = Store(path, timeout=30)
    process = _ingest(folder, path, "--jobs", "2", "--commit-every", "0.2")
    deadline = time.monotonic() + 120
    while _stored(store) < 1 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.2)
    assert process.poll() is None, "the ingest ended before it could be killed"
    workers = _children(process.pid)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()]  # they die with it
    kept = store.documents()
    assert 1 <= len(kept) < 40
    for document in kept:  # every committed document is whole
        timeline = store.timeline(document["name"])
        assert timeline["events"] and len(timeline["events"]) == document["events"]
    resumed = _ingest(folder, path)
    _out, err = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, err
    assert f"{40 - len(kept)} stored, 0 replaced, {len(kept)} already stored" in err
    assert len(store.documents()) == 40
    # the same store as an ingest that was never interrupted
    fresh = Store(tmp_path / "fresh.duckdb")
    fresh.ingest([str(folder)], jobs=2)
    assert store.counts() == fresh.counts()
    assert store.events() == fresh.events()


def test_readers_answer_while_an_ingest_writes(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    _corpus(folder, 160)  # an ingest of several seconds even on an idle machine
    path = tmp_path / "corpus.duckdb"
    store = Store(path, timeout=30)
    process = _ingest(folder, path, "--jobs", "2", "--commit-every", "0.2")
    seen: list[int] = []
    reads = 0
    while process.poll() is None:
        count = _stored(store)
        if count:
            events = store.events(text="Waffenstillstand")
            assert events and all(e["mentions"] for e in events)
            assert store.events(start="1950", end="1953")
            reads += 1
        seen.append(count)
        time.sleep(0.05)
    _out, err = process.communicate()
    assert process.returncode == 0, err
    assert seen == sorted(seen)  # documents only ever appear
    assert reads >= 3 and max(seen) > 0
    assert _stored(store) == 160


def test_one_ingest_at_a_time(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    _corpus(folder, 30)
    path = tmp_path / "corpus.duckdb"
    first = _ingest(folder, path)
    deadline = time.monotonic() + 60
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    second = _ingest(folder, path)
    _out, err = second.communicate(timeout=120)
    first.communicate(timeout=300)
    assert second.returncode == 1
    assert f"another ingest is writing to this store [{StoreError.code}]" in err
