"""The HTTP API (chronist serve) against a real uvicorn server on loopback, with httpx."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb  # noqa: F401  (the store and API extras must be installed: fail, not skip)
import fastapi  # noqa: F401
import httpx
import jsonschema
import pytest

from api_server import free_port, running
from chronist import Store
from chronist.api import create_app
from chronist.cli import main
from chronist.store import SCHEMA_VERSION
from chronist.timeline import schema
from test_store_ingest import KOREA_A, KOREA_B, KOREA_C


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for name, text in (("a.txt", KOREA_A), ("b.md", KOREA_B), ("c.txt", KOREA_C)):
        (folder / name).write_text(text, encoding="utf-8")
    path = folder / "corpus.duckdb"
    Store(path).ingest([str(folder / n) for n in ("a.txt", "b.md", "c.txt")])
    return path


@pytest.fixture(scope="module")
def base(store_path: Path) -> Iterator[str]:
    with running(create_app(store_path, max_body=200_000, max_text=50_000)) as url:
        yield url


def test_health_and_openapi(base: str) -> None:
    health = httpx.get(f"{base}/health").json()
    assert health["status"] == "ok" and health["schema_version"] == SCHEMA_VERSION  # the store's
    paths = httpx.get(f"{base}/openapi.json").json()["paths"]
    expected = {"/extract", "/events", "/events/{event_id}", "/documents", "/entities", "/report"}
    assert expected | {"/health", "/documents/{document}"} <= set(paths)


def test_extract_gives_the_timeline_of_schema_1(base: str) -> None:
    answer = httpx.post(f"{base}/extract", json={"text": KOREA_A, "dct": "2020-01-01"})
    assert answer.status_code == 200
    data = answer.json()
    jsonschema.validate(data, schema())
    assert {e["time"]["value"] for e in data["events"]} >= {"1950-06-25", "1953-07-27"}
    assert data["document"]["dct"] == "2020-01-01"


def test_events_filtered_and_paged_as_the_cli_gives_them(base: str, store_path: Path) -> None:
    everything = Store(store_path).events()
    page = httpx.get(f"{base}/events", params={"limit": 2, "offset": 1}).json()
    assert page["total"] == len(everything) and page["events"] == everything[1:3]
    truman = httpx.get(f"{base}/events", params={"person": "Truman", "from": "1951"}).json()
    assert truman["events"] == Store(store_path).events(person="Truman", start="1951")
    assert truman["total"] >= 1
    one = truman["events"][0]
    period = {"from": "1950", "to": "1950"}
    for overlapping in (False, True):
        found = httpx.get(f"{base}/events", params={**period, "overlapping": overlapping}).json()
        wanted = Store(store_path).events(start="1950", end="1950", overlapping=overlapping)
        assert found["events"] == wanted
    assert httpx.get(f"{base}/events/{one['id']}").json() == one
    signed = httpx.get(f"{base}/events", params={"text": "Waffenstillstand"}).json()
    assert signed["events"] == Store(store_path).events(text="Waffenstillstand")
    assert max(e["sources"] for e in signed["events"]) == 2


def test_documents_entities_and_report(base: str, store_path: Path) -> None:
    listed = httpx.get(f"{base}/documents").json()
    assert listed["total"] == 3
    first = listed["documents"][0]
    by_id = httpx.get(f"{base}/documents/{first['id']}").json()
    by_name = httpx.get(f"{base}/documents/{first['name']}").json()  # names are paths
    assert by_name == by_id
    assert by_id["timeline"] == Store(store_path).timeline(first["id"])
    assert by_id["timeline"]["document"]["text"] and by_id["timeline"]["events"]
    people = httpx.get(f"{base}/entities", params={"type": "PER"}).json()
    assert "Truman" in {e["text"].split()[-1] for e in people["entities"]}
    page = httpx.get(f"{base}/report", params={"person": "MacArthur"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "MacArthur" in page.text and 'id="chronist-data"' in page.text


@pytest.mark.parametrize(
    ("method", "path", "payload", "status", "message"),
    [
        ("GET", "/events?from=gestern", None, 400, "not a date: 'gestern'"),
        ("GET", "/events?limit=0", None, 422, "limit"),
        ("GET", "/events/999999", None, 404, "no event 999999"),
        ("GET", "/documents/nothing.txt", None, 404, "no document 'nothing.txt'"),
        ("GET", "/entities?type=XYZ", None, 422, "type"),
        ("POST", "/extract", {"text": "   "}, 400, "empty text"),
        ("POST", "/extract", {"text": "x", "lang": "tlh"}, 400, "tlh"),
        ("POST", "/extract", {"text": "x", "dct": "1950-13-01"}, 422, "dct"),
        ("POST", "/extract", {"text": "x", "dct": 1.5}, 422, "dct"),
        ("POST", "/extract", {"lang": "de"}, 422, "text: Field required"),
        ("POST", "/extract", {"text": "x" * 50_001}, 413, "limit is 50,000"),
        ("POST", "/extract", {"text": "x" * 200_001}, 413, "above the limit of 200,000 bytes"),
        ("GET", "/nowhere", None, 404, "Not Found"),
    ],
)
def test_malformed_requests_get_one_line_json_errors(
    base: str, method: str, path: str, payload: object, status: int, message: str
) -> None:
    answer = httpx.request(method, f"{base}{path}", json=payload)
    assert answer.status_code == status, answer.text
    body = answer.json()
    assert message in body["error"] and body["code"].startswith("E")
    assert "Traceback" not in answer.text and "\n" not in body["error"]


def test_a_body_that_is_not_json_is_a_422(base: str) -> None:
    answer = httpx.post(
        f"{base}/extract", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert answer.status_code == 422 and "error" in answer.json()


def test_a_streamed_body_above_the_limit_is_a_413(base: str) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(30):
            yield b"x" * 10_000
        yield b'"}'

    answer = httpx.post(
        f"{base}/extract", content=chunks(), headers={"content-type": "application/json"}
    )
    assert answer.status_code == 413


def test_no_cors_unless_asked(base: str, store_path: Path) -> None:
    origin = {"Origin": "https://example.org"}
    assert "access-control-allow-origin" not in httpx.get(f"{base}/health", headers=origin).headers
    with running(create_app(store_path, cors=["https://example.org"])) as url:
        allowed = httpx.get(f"{url}/health", headers=origin).headers
        assert allowed["access-control-allow-origin"] == "https://example.org"


def test_a_token_guards_every_request(store_path: Path) -> None:
    with running(create_app(store_path, token="s3cret")) as url:
        for path in ("/health", "/openapi.json", "/events"):
            refused = httpx.get(f"{url}{path}")
            assert refused.status_code == 401 and refused.json()["code"] == "E401"
            wrong = httpx.get(f"{url}{path}", headers={"Authorization": "Bearer nope"})
            assert wrong.status_code == 401
            good = httpx.get(f"{url}{path}", headers={"Authorization": "Bearer s3cret"})
            assert good.status_code == 200


def test_serve_refuses_other_addresses_without_a_token(
    store_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CHRONIST_TOKEN", raising=False)
    assert main(["serve", "--store", str(store_path), "--host", "0.0.0.0"]) == 2
    assert (
        "--host 0.0.0.0 is reachable from other machines; give --token" in capsys.readouterr().err
    )
    assert main(["serve", "--store", str(store_path.with_name("none.duckdb"))]) == 1
    assert "no such store" in capsys.readouterr().err


def test_chronist_serve_answers_curl_like_requests(store_path: Path) -> None:
    port = free_port()
    command = [sys.executable, "-m", "chronist.cli", "serve", "--store", str(store_path)]
    server = subprocess.Popen([*command, "--port", str(port)], stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/events", params={"person": "Truman"})
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and server.poll() is None
                time.sleep(0.2)
        assert answer.status_code == 200 and answer.json()["total"] >= 1
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_api_answers_while_an_ingest_writes(tmp_path: Path) -> None:
    from test_store_process import _corpus

    folder = tmp_path / "corpus"
    _corpus(folder, 12)
    path = tmp_path / "corpus.duckdb"
    Store(path).ingest([str(next(iter(sorted(folder.iterdir()))))])  # the store exists
    command = [sys.executable, "-m", "chronist.cli", "ingest", str(folder), "--store", str(path)]
    ingest = subprocess.Popen(
        [*command, "--quiet", "--jobs", "2"], stderr=subprocess.PIPE, text=True
    )
    seen: list[int] = []
    with running(create_app(path)) as url, httpx.Client(base_url=url, timeout=60) as client:
        while ingest.poll() is None:
            listed = client.get("/documents", params={"limit": 1})
            found = client.get("/events", params={"text": "Waffenstillstand"})
            assert listed.status_code == 200 and found.status_code == 200, found.text
            assert found.json()["total"] >= 1
            seen.append(listed.json()["total"])
            time.sleep(0.05)
        _out, err = ingest.communicate()
        assert ingest.returncode == 0, err
        final = client.get("/documents").json()["total"]
    assert seen == sorted(seen) and len(seen) >= 3
    assert final == 12 and seen[0] < 12
    assert json.dumps(seen)  # documents only ever appear while the API reads
    assert os.path.exists(path)
