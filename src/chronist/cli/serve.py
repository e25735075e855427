"""``chronist serve``: the HTTP API over a corpus store (:mod:`chronist.api`), on uvicorn.

Wired into :mod:`chronist.cli` like the store's other commands (a ``_PLUGINS``
entry naming this module). Example::

    $ chronist serve --store corpus.duckdb
    $ curl 'http://127.0.0.1:8000/events?person=Truman&from=1950&to=1953'
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys
from pathlib import Path
from typing import Any

__all__ = ["is_loopback", "register", "run"]

_EPILOG = """\
examples:
  chronist serve --store corpus.duckdb
  curl 'http://127.0.0.1:8000/events?person=Truman&from=1950&to=1953'
  curl -X POST http://127.0.0.1:8000/extract -H 'Content-Type: application/json' \\
       -d '{"text": "Am 27. Juli 1953 endete der Koreakrieg."}'
  CHRONIST_TOKEN=s3cret chronist serve --store corpus.duckdb --host 0.0.0.0

Binding to anything but a loopback address needs a token (--token or the
CHRONIST_TOKEN environment variable); every request then carries
'Authorization: Bearer <token>'. The store is only read: an ingest may write
to it meanwhile. The OpenAPI document is at /openapi.json, its viewer at /docs.
"""


def is_loopback(host: str) -> bool:
    """``127.0.0.1``, ``::1`` and ``localhost`` are; ``0.0.0.0`` and the rest are not.

    >>> is_loopback("127.0.0.1"), is_loopback("0.0.0.0"), is_loopback("localhost")
    (True, False, True)
    """
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add ``chronist serve``."""
    from chronist.api.app import DEFAULT_MAX_BODY, DEFAULT_MAX_TEXT

    parser = subparsers.add_parser(
        "serve", help="serve a corpus store over HTTP (read-only)",
        description="The HTTP API over a corpus store: extraction, events, documents, pages.",
        epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    parser.add_argument(
        "--store", metavar="FILE", required=True, type=Path,
        help="the corpus store (a DuckDB file, e.g. corpus.duckdb)",
    )  # fmt: skip
    parser.add_argument("--host", default="127.0.0.1", help="address (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    parser.add_argument(
        "--token", default=os.environ.get("CHRONIST_TOKEN"),
        help="bearer token every request must carry (default: $CHRONIST_TOKEN)",
    )  # fmt: skip
    parser.add_argument(
        "--cors", metavar="ORIGIN", action="append",
        help="allow browser requests from ORIGIN (repeatable; none by default)",
    )  # fmt: skip
    parser.add_argument(
        "--max-body", type=int, metavar="BYTES", default=DEFAULT_MAX_BODY,
        help=f"largest request body (default: {DEFAULT_MAX_BODY:,})",
    )  # fmt: skip
    parser.add_argument(
        "--max-text", type=int, metavar="CHARS", default=DEFAULT_MAX_TEXT,
        help=f"longest text for /extract (default: {DEFAULT_MAX_TEXT:,})",
    )  # fmt: skip
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Check the options, then serve until interrupted."""
    from chronist.errors import OptionError, StoreError

    if not is_loopback(args.host) and not args.token:
        raise OptionError(
            f"--host {args.host} is reachable from other machines; give --token "
            "(or CHRONIST_TOKEN) so that every request must carry it"
        )
    if not 0 <= args.port <= 65535:
        raise OptionError(f"--port {args.port}: not a port number")
    if args.max_body < 1 or args.max_text < 1:
        raise OptionError("--max-body and --max-text must be positive")
    if not args.store.exists():
        raise StoreError(
            f"{args.store}: no such store; create it with 'chronist ingest ... --store'"
        )
    try:
        import uvicorn

        from chronist.api import create_app
    except ImportError:
        raise OptionError(
            "chronist serve needs the API extra: pip install 'chronist[api]'"
        ) from None
    app = create_app(
        args.store, token=args.token, cors=args.cors, max_body=args.max_body,
        max_text=args.max_text,
    )  # fmt: skip
    print(f"chronist: serving {args.store} on http://{args.host}:{args.port}", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", server_header=False)
    return 0
