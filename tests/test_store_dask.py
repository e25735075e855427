"""Ingesting on Dask: the same store as the local engine, a killed worker, a resumed run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import distributed  # noqa: F401
import duckdb  # noqa: F401  (the store extra must be installed: fail, not skip)
import pytest
from distributed import Client, LocalCluster

from chronist import Store
from chronist.store import query
from chronist.store.distributed import ingest_dask
from chronist.store.schema import TABLES, connect
from chronist.store.shards import plan, shard_root
from test_store_ingest import KOREA_A, KOREA_B, KOREA_C
from test_store_process import _corpus


def _small(folder: Path) -> list[str]:
    """Five documents: text, Markdown, HTML, JSON Lines (with a bad line), and a copy."""
    folder.mkdir()
    (folder / "a.txt").write_text(KOREA_A, encoding="utf-8")
    (folder / "b.md").write_text(KOREA_B, encoding="utf-8")
    (folder / "c.html").write_text(f"<title>C</title><p>{KOREA_C}</p>", encoding="utf-8")
    records = [
        {"id": "r1", "text": "Am 9. November 1989 fiel in Berlin die Mauer."},
        {"id": "r2", "text": KOREA_C, "title": "Truman"},
        "not json",
        {"id": "r3", "text": "Am 3. Oktober 1990 wurde Deutschland wiedervereinigt."},
    ]
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    (folder / "d.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "e.txt").write_text(KOREA_A, encoding="utf-8")  # the same content again
    return [str(folder)]


def _snapshot(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table of a store, sorted; only the commit timestamps left out."""
    found = {}
    with connect(path, read_only=True) as connection:
        for table in TABLES:
            rows = connection.execute(f"SELECT * FROM {table}").fetchall()
            if table == "documents":
                rows = [row[:9] + row[10:] for row in rows]  # without ingested_at
            found[table] = sorted(rows, key=repr)
    return found


@pytest.fixture(scope="module")
def cluster() -> Any:
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as local:
        yield local


def test_dask_gives_the_same_store_as_the_local_engine(tmp_path: Path, cluster: Any) -> None:
    inputs = _small(tmp_path / "corpus")
    local = Store(tmp_path / "local.duckdb")
    expected = local.ingest(inputs)
    report = ingest_dask(
        tmp_path / "dask.duckdb", inputs, scheduler=cluster.scheduler_address, partition_size=2
    )
    assert (report.stored, report.skipped) == (expected.stored, expected.skipped) == (6, 1)
    assert [f.message for f in report.failed] == [f.message for f in expected.failed]
    assert report.shards_written == 4 and report.dashboard
    assert _snapshot(tmp_path / "dask.duckdb") == _snapshot(tmp_path / "local.duckdb")
    dask_store = Store(tmp_path / "dask.duckdb")
    assert dask_store.events() == local.events()  # merged events, readings, sources
    with dask_store._read_events() as (connection, copy):  # read from the read copy
        assert copy is not None
        ids = [int(str(e["id"])) for e in local.events()]
        assert query.events(connection, ids, copy) == query.events(connection, ids)
    assert dask_store.entities() == local.entities()
    assert not shard_root(tmp_path / "dask.duckdb").exists()  # merged, then removed
    again = ingest_dask(tmp_path / "dask.duckdb", inputs, scheduler=cluster.scheduler_address)
    assert (again.stored, again.skipped) == (0, 7)


def test_replaced_documents_give_the_same_store_as_the_local_engine(
    tmp_path: Path, cluster: Any
) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(KOREA_A, encoding="utf-8")
    (folder / "b.txt").write_text(KOREA_B, encoding="utf-8")
    records = [  # one name twice in one shard: the second record replaces the first
        {"id": "r1", "text": "Am 9. November 1989 fiel in Berlin die Mauer."},
        {"id": "r1", "text": KOREA_C},
    ]
    lines = "\n".join(json.dumps(r) for r in records) + "\n"
    (folder / "c.jsonl").write_text(lines, encoding="utf-8")
    local, dask = tmp_path / "local.duckdb", tmp_path / "dask.duckdb"
    address = cluster.scheduler_address
    expected = Store(local).ingest([str(folder)])
    report = ingest_dask(dask, [str(folder)], scheduler=address, partition_chars=10**6)
    assert (report.stored, report.replaced) == (expected.stored, expected.replaced) == (3, 1)
    # a changed file, in a run whose shards hold one document each
    (folder / "a.txt").write_text(KOREA_A + "\nAm 3. Oktober 1990 wurde Deutschland geeint.\n")
    (folder / "c.jsonl").write_text(json.dumps(records[1]) + "\n", encoding="utf-8")
    expected = Store(local).ingest([str(folder)])
    report = ingest_dask(dask, [str(folder)], scheduler=address, partition_size=1)
    assert (report.stored, report.replaced) == (expected.stored, expected.replaced) == (0, 1)
    assert _snapshot(dask) == _snapshot(local)
    assert Store(dask).events() == Store(local).events()
    for words, count in (("Mauer", 0), ("geeint", 1), ("Truman", 2)):  # old entries gone
        found = [d["id"] for d in Store(dask).documents(words)]
        assert found == [d["id"] for d in Store(local).documents(words)]
        assert len(found) == count, words
        assert Store(dask).events(text=words) == Store(local).events(text=words)


def test_a_killed_worker_costs_a_retry_not_a_document(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    _corpus(folder, 12)
    path = tmp_path / "dask.duckdb"
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
        as local,
        Client(local) as client,
    ):  # fmt: skip
        result: dict[str, Any] = {}

        def run() -> None:
            result["report"] = ingest_dask(
                path, [str(folder)], scheduler=local.scheduler_address, partition_size=1
            )

        thread = threading.Thread(target=run)
        thread.start()
        deadline = time.monotonic() + 120
        while not client.processing() or not any(client.processing().values()):
            assert time.monotonic() < deadline
            time.sleep(0.05)
        busy = next(worker for worker, keys in client.processing().items() if keys)
        pid = client.run(os.getpid, workers=[busy])[busy]
        os.kill(pid, signal.SIGKILL)
        thread.join(timeout=300)
    report = result["report"]
    assert (report.stored, report.skipped, report.failed) == (12, 0, [])
    fresh = Store(tmp_path / "local.duckdb")
    fresh.ingest([str(folder)])
    assert _snapshot(path) == _snapshot(tmp_path / "local.duckdb")


def test_an_interrupted_run_resumes_from_its_shards(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    _corpus(folder, 10)
    path = tmp_path / "dask.duckdb"
    command = [sys.executable, "-m", "chronist.cli", "ingest", str(folder), "--store", str(path)]
    process = subprocess.Popen(
        [*command, "--engine", "dask", "--jobs", "2", "--partition", "2", "--quiet"],
        stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip
    root = shard_root(path)
    deadline = time.monotonic() + 180
    while not (root.is_dir() and any(p for p in root.iterdir() if not p.name.startswith("."))):
        assert process.poll() is None and time.monotonic() < deadline, process.stderr
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)  # the ingest and its cluster
    process.wait()
    partitions, _ = plan([str(folder)], "de", "auto", None, 2)
    written = {p.name for p in root.iterdir() if not p.name.startswith(".")}
    assert 1 <= len(written) < len(partitions) == 5
    report = ingest_dask(path, [str(folder)], workers=1, partition_size=2)
    assert report.shards_reused == len(written)
    assert report.shards_written == len(partitions) - len(written)
    assert report.stored + report.skipped == 10 and not report.failed
    fresh = Store(tmp_path / "local.duckdb")
    fresh.ingest([str(folder)])
    assert _snapshot(path) == _snapshot(tmp_path / "local.duckdb")


def test_the_command_shows_the_dashboard_and_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from chronist.cli import main

    inputs = _small(tmp_path / "corpus")
    store = str(tmp_path / "corpus.duckdb")
    assert main(["ingest", *inputs, "--store", store, "--engine", "dask", "--jobs", "2"]) == 1
    err = capsys.readouterr().err
    assert "chronist: Dask dashboard: http" in err
    assert "6 stored, 0 replaced, 1 already stored, 1 failed" in err
    assert "d.jsonl:3: not JSON" in err
    assert main(["ingest", *inputs, "--store", store, "--scheduler", "tcp://x:1"]) == 2
    assert "--scheduler needs --engine dask" in capsys.readouterr().err
    unreachable = ["--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"]
    assert main(["ingest", *inputs, "--store", store, *unreachable]) == 1
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in capsys.readouterr().err


def test_fsspec_urls_are_read_by_the_workers(tmp_path: Path, cluster: Any) -> None:
    folder = tmp_path / "corpus"
    _small(folder)
    local = Store(tmp_path / "local.duckdb")
    local.ingest([str(folder)])
    url = f"file://{folder}/"
    report = ingest_dask(
        tmp_path / "dask.duckdb", [url], scheduler=cluster.scheduler_address, partition_size=2
    )
    assert (report.stored, report.skipped, len(report.failed)) == (6, 1, 1)
    stored = Store(tmp_path / "dask.duckdb")
    for name in ("a.txt", "b.md", "c.html"):
        from_url = stored.timeline(f"file://{folder / name}")
        from_path = local.timeline(str(folder / name))
        from_url["document"]["source"] = from_path["document"]["source"]
        assert from_url == from_path
    assert stored.timeline("r3") == local.timeline("r3")
    missing = ingest_dask(
        tmp_path / "dask.duckdb", [f"file://{folder}/*.none"], scheduler=cluster.scheduler_address
    )
    assert [f.message for f in missing.failed] == [f"file://{folder}/*.none: no file matches"]


def test_partitions_are_balanced_by_characters(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a-long.txt").write_text("Wort " * 16_000, encoding="utf-8")  # 80,000 characters
    for number in range(30):
        (folder / f"b{number:02d}.txt").write_text("Wort " * 1_000, encoding="utf-8")
    records = [json.dumps({"id": f"r{n}", "text": "Wort " * 2_000}) for n in range(10)]
    (folder / "c.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    partitions, failures = plan([str(folder)], "de", "auto", None, None, 40_000)
    assert not failures
    assert sum(p.documents for p in partitions) == 41
    sizes = [sum(_chars(name, first, last) for name, first, last in p.items) for p in partitions]
    assert sizes[0] == 80_000 and partitions[0].documents == 1  # a long file is a task alone
    assert partitions[1].documents == 8  # short ones together, up to 40,000 characters
    assert all(size >= 10_000 for size in sizes[:-1])  # never below a quarter, but the rest
    assert sizes[-3] < 40_000  # the last ones smaller: the workers finish together
    jsonl = [p for p in partitions if any(name.endswith(".jsonl") for name, _f, _l in p.items)]
    ranges = [[item[1:] for item in p.items if item[0].endswith(".jsonl")] for p in jsonl]
    assert ranges == [[(1, 1)], [(2, 4)], [(5, 6)], [(7, 7)], [(8, 8)], [(9, 9)], [(10, 10)]]
    capped, _ = plan([str(folder)], "de", "auto", None, 3, 40_000)
    assert max(p.documents for p in capped) == 3


def _chars(name: str, first: int, last: int) -> int:
    text = Path(name).read_text(encoding="utf-8")
    if not first:
        return len(text)
    return sum(len(line) for line in text.splitlines()[first - 1 : last])
