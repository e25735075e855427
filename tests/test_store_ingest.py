"""The corpus store: round trip, idempotence, replacement, bad files, inputs (real DuckDB files)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import duckdb  # noqa: F401  (the store extra must be installed: fail, not skip)
import pytest

from chronist import Store
from chronist.cli import main
from chronist.errors import StoreError

KOREA_A = (
    "Am 25. Juni 1950 griff Nordkorea Südkorea an. Am 27. Juli 1953 unterzeichneten "
    "Nordkorea und die USA in Panmunjeom den Waffenstillstand."
)
KOREA_B = (
    "Im Juni 1950 überfiel Nordkorea Südkorea. Der Waffenstillstand wurde am 28. Juli 1953 "
    "in Panmunjeom von Nordkorea und den USA unterzeichnet. Harry S. Truman setzte am "
    "11. April 1951 Douglas MacArthur ab."
)
KOREA_C = "Präsident Truman entließ MacArthur am 11. April 1951."


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(KOREA_A, encoding="utf-8")
    (folder / "b.md").write_text(KOREA_B, encoding="utf-8")
    (folder / "c.txt").write_text(KOREA_C, encoding="utf-8")
    return folder


def _extract_json(path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    capsys.readouterr()
    assert main(["extract", str(path), "--format", "json"]) == 0
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


def test_a_stored_document_is_what_extract_gives(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store(tmp_path / "corpus.duckdb")
    report = store.ingest([str(corpus)])
    assert (report.stored, report.skipped, report.failed) == (3, 0, [])
    for name in ("a.txt", "b.md", "c.txt"):
        path = corpus / name
        assert store.timeline(str(path)) == _extract_json(path, capsys)


def test_the_seed_document_round_trips(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed = Path(__file__).resolve().parents[2] / "shared" / "seed" / "koreakrieg.de.txt"
    assert seed.is_file(), "the demo document ../shared/seed/koreakrieg.de.txt is missing"
    store = Store(tmp_path / "seed.duckdb")
    assert store.ingest([str(seed)]).stored == 1
    assert store.timeline(str(seed)) == _extract_json(seed, capsys)


def test_a_second_run_stores_nothing_twice(corpus: Path, tmp_path: Path) -> None:
    store = Store(tmp_path / "corpus.duckdb")
    store.ingest([str(corpus)])
    before = store.counts()
    events = store.events()
    report = store.ingest([str(corpus), str(corpus / "a.txt")])
    assert (report.stored, report.replaced, report.skipped) == (0, 0, 4)
    assert store.counts() == before
    assert store.events() == events


def test_a_changed_file_replaces_its_old_version(corpus: Path, tmp_path: Path) -> None:
    store = Store(tmp_path / "corpus.duckdb")
    store.ingest([str(corpus)])
    changed = "Otto von Bismarck starb am 30. Juli 1898 in Friedrichsruh."
    (corpus / "c.txt").write_text(changed, encoding="utf-8")
    report = store.ingest([str(corpus)])
    assert (report.stored, report.replaced, report.skipped) == (0, 1, 2)
    assert len(store.documents()) == 3
    assert store.timeline(str(corpus / "c.txt"))["document"]["text"] == changed
    texts = [m["exact"] for e in store.events() for m in e["mentions"]]
    assert not any("entließ" in text for text in texts)
    assert any("Bismarck" in text for text in texts)
    assert store.events(text="entließ") == []
    assert store.documents("Friedrichsruh")[0]["name"] == str(corpus / "c.txt")
    assert store.documents("entließ") == []


def test_bad_files_are_reported_and_skipped(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (corpus / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (corpus / "latin1.txt").write_bytes("Am 1. März 1950 geschah es.".encode("latin-1"))
    (corpus / "empty.txt").write_text("  \n", encoding="utf-8")
    (corpus / "records.jsonl").write_text(
        '{"id": "r1", "text": "Am 1. Mai 1950 wurde gestreikt."}\nnot json\n{"title": "no text"}\n',
        encoding="utf-8",
    )
    store = tmp_path / "corpus.duckdb"
    code = main(["ingest", str(corpus), str(tmp_path / "missing.txt"), "--store", str(store)])
    err = capsys.readouterr().err
    assert code == 1
    for bad in ("binary.txt", "latin1.txt", "records.jsonl:2", "records.jsonl:3"):
        assert bad in err
    assert "missing.txt" in err
    assert "empty.txt" not in err  # an empty file is an empty document, as for extract
    names = {d["name"] for d in Store(store).documents()}
    expected = {str(corpus / n) for n in ("a.txt", "b.md", "c.txt", "empty.txt")} | {"r1"}
    assert names == expected


def test_json_lines_html_and_globs(tmp_path: Path) -> None:
    (tmp_path / "news.jsonl").write_text(
        json.dumps({"id": "n1", "title": "Krieg", "dct": "1950-06-26", "kind": "news",
                    "text": "Gestern griff Nordkorea Südkorea an."}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    (tmp_path / "page.html").write_text(
        "<html><head><title>Mauerfall</title><style>p{}</style></head><body><nav>Menü</nav>"
        "<p>Am 9. November 1989 fiel in <a href='#'>Berlin</a> die Mauer.</p></body></html>",
        encoding="utf-8",
    )
    store = Store(tmp_path / "s.duckdb")
    report = store.ingest([str(tmp_path / "*.jsonl"), str(tmp_path / "*.htm*")])
    assert report.stored == 2 and report.ok
    documents = {d["name"]: d for d in store.documents()}
    assert documents["n1"]["title"] == "Krieg" and documents["n1"]["kind"] == "news"
    news = store.timeline("n1")
    assert news["document"]["dct"] == "1950-06-26"
    assert [e["time"]["value"] for e in news["events"]] == ["1950-06-25"]
    page = store.timeline(str(tmp_path / "page.html"))
    assert page["document"]["text"] == "Am 9. November 1989 fiel in Berlin die Mauer."
    assert documents[str(tmp_path / "page.html")]["title"] == "Mauerfall"


def test_the_same_content_under_two_names_is_stored_once(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(KOREA_C, encoding="utf-8")
    (tmp_path / "two.txt").write_text(KOREA_C, encoding="utf-8")
    report = Store(tmp_path / "s.duckdb").ingest([str(tmp_path)])
    assert (report.stored, report.skipped) == (1, 1)


def test_a_name_told_twice_in_one_commit_keeps_its_last_text(tmp_path: Path) -> None:
    # both records reach the writer in one burst: one transaction holds both
    records = [{"id": "k", "text": KOREA_C}, {"id": "k", "text": KOREA_A}]
    (tmp_path / "twice.jsonl").write_text(
        "".join(json.dumps(record) + "\n" for record in records), encoding="utf-8"
    )
    store = Store(tmp_path / "s.duckdb")
    report = store.ingest([str(tmp_path / "twice.jsonl")])
    assert (report.stored, report.replaced) == (1, 1)
    assert [d["name"] for d in store.documents()] == ["k"]
    assert store.timeline("k")["document"]["text"] == KOREA_A
    assert store.events(text="entließ") == []
    assert store.events(text="Waffenstillstand") != []


def test_a_day_older_than_the_keys_reach_is_stored_and_sorts_first(tmp_path: Path) -> None:
    text = (
        "Die Anwesenheit von Menschen der Altsteinzeit ist vor 500.000 Jahren durch Funde "
        "nachgewiesen. Um 5600 v. Chr. wanderten die ersten Bauern ein."
    )
    (tmp_path / "vorzeit.txt").write_text(text, encoding="utf-8")
    store = Store(tmp_path / "s.duckdb")
    assert store.ingest([str(tmp_path / "vorzeit.txt")]).ok
    events = store.events()
    assert [e["time"]["earliest_begin"][:7] for e in events] == ["-505599", "-5599-0"]
    assert len(store.events(end="-6000")) == 1


def test_jobs_give_the_same_store(corpus: Path, tmp_path: Path) -> None:
    one, two = Store(tmp_path / "one.duckdb"), Store(tmp_path / "two.duckdb")
    one.ingest([str(corpus)])
    assert two.ingest([str(corpus)], jobs=2).stored == 3
    assert one.events() == two.events()
    assert one.counts() == two.counts()


def test_without_duckdb_the_error_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "duckdb", None)
    with pytest.raises(StoreError, match=r"pip install 'chronist\[store\]'"):
        Store(tmp_path / "s.duckdb").ingest([str(tmp_path)])


def test_a_file_that_is_not_a_store(tmp_path: Path) -> None:
    other = tmp_path / "other.duckdb"
    other.write_text("not a database", encoding="utf-8")
    with pytest.raises(StoreError):
        Store(other).documents()
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "nothing.duckdb").events()


def test_the_writer_merges_a_burst_without_the_file(tmp_path: Path) -> None:
    # merging needs only the index in memory: staging works while the file is held
    # elsewhere, and nothing is stored until the commit
    from chronist.store.ingest import Extracted, extract_source
    from chronist.store.schema import connect
    from chronist.store.sources import Source, discover
    from chronist.store.writer import Writer

    (tmp_path / "a.txt").write_text(KOREA_C, encoding="utf-8")
    path = tmp_path / "s.duckdb"
    writer = Writer(path)
    sources = list(discover([str(tmp_path / "a.txt")], "de", "auto", None))
    results = [extract_source(s) for s in sources if isinstance(s, Source)]
    extracted = [result for result in results if isinstance(result, Extracted)]
    assert len(extracted) == 1
    with pytest.raises(StoreError, match="not loaded"):
        writer.stage_batch(extracted)
    with connect(path, read_only=False) as connection:
        writer.load(connection)
        writer.prepare(connection)
    statuses, staged = writer.stage_batch(extracted)
    assert statuses == ["stored"]
    assert Store(path).documents() == []
    with connect(path, read_only=False) as connection:
        writer.commit_batch(connection, staged)
    assert [d["name"] for d in Store(path).documents()] == [str(tmp_path / "a.txt")]
