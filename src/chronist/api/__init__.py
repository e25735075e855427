"""The HTTP API over a corpus store (FastAPI): ``chronist serve --store corpus.duckdb``.

>>> from chronist.api import create_app  # doctest: +SKIP
>>> app = create_app("corpus.duckdb")  # doctest: +SKIP

See :mod:`chronist.api.app` for the endpoints and the safety defaults.
"""

from __future__ import annotations

from chronist.api.app import DEFAULT_MAX_BODY, DEFAULT_MAX_TEXT, create_app

__all__ = ["DEFAULT_MAX_BODY", "DEFAULT_MAX_TEXT", "create_app"]
