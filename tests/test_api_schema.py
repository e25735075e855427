"""Schemathesis over the API's OpenAPI document: every endpoint, generated inputs, real server.

Checks: no 5xx, status codes, content types and bodies as the document declares,
malformed inputs refused with a 4xx. Not checked: that every input the schema
allows gets a 2xx ("positive data acceptance"): a date the schema lets through
as a string (``from=1950-13``) is refused with a 400 and the CLI's message.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb  # noqa: F401  (the store and API extras must be installed: fail, not skip)
import fastapi  # noqa: F401
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from api_server import running
from chronist import Store
from chronist.api import create_app
from test_store_ingest import KOREA_A, KOREA_B, KOREA_C


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    folder = tmp_path_factory.mktemp("schema")
    for name, text in (("a.txt", KOREA_A), ("b.md", KOREA_B), ("c.txt", KOREA_C)):
        (folder / name).write_text(text, encoding="utf-8")
    path = folder / "corpus.duckdb"
    Store(path).ingest([str(folder / n) for n in ("a.txt", "b.md", "c.txt")])
    with running(create_app(Path(path), max_text=20_000)) as url:
        yield schemathesis.openapi.from_url(f"{url}/openapi.json")


def test_every_endpoint_keeps_its_contract(api_schema: Any) -> None:
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) == 8  # every endpoint but the OpenAPI document itself
    for operation, mode in itertools.product(operations, GenerationMode):

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=60,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        def keeps_contract(case: Any) -> None:
            case.call_and_validate(excluded_checks=[positive_data_acceptance])

        try:
            keeps_contract()
        except Unsatisfiable:  # nothing to break: no parameters, or any string goes
            assert mode is GenerationMode.NEGATIVE
            assert operation.path in ("/health", "/documents/{document}")
