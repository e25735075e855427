"""What guards every request before it reaches an endpoint: the bearer token and the size limit.

Both are plain ASGI middleware, so they hold for every path (``/openapi.json``
included) and answer with the API's JSON error body, ``{"error": ..., "code": ...}``.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

__all__ = ["BearerToken", "BodyLimit", "error_body"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]


def error_body(message: str, code: str) -> dict[str, str]:
    """The JSON body of every error answer: the CLI's one-line message and its code."""
    return {"error": message, "code": code}


async def _answer(
    send: Send, status: int, message: str, code: str, headers: tuple[tuple[bytes, bytes], ...] = ()
) -> None:
    body = json.dumps(error_body(message, code)).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class BearerToken:
    """Every request must carry ``Authorization: Bearer <token>`` (401 otherwise)."""

    def __init__(self, app: App, token: str) -> None:
        self.app = app
        self.expected = f"Bearer {token}".encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = dict(scope["headers"]).get(b"authorization", b"")
        if not hmac.compare_digest(given, self.expected):
            await _answer(
                send, 401, "missing or wrong bearer token", "E401",
                ((b"www-authenticate", b"Bearer"),),
            )  # fmt: skip
            return
        await self.app(scope, receive, send)


class _TooLarge(Exception):
    pass


class BodyLimit:
    """Request bodies above ``limit`` bytes get a 413, whether announced or streamed."""

    def __init__(self, app: App, limit: int) -> None:
        self.app = app
        self.limit = limit

    def _message(self) -> str:
        return f"request body above the limit of {self.limit:,} bytes"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await _answer(send, 413, self._message(), "E413")
            return
        seen = 0
        too_large = False

        async def counting_receive() -> Message:
            nonlocal seen, too_large
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    too_large = True
                    raise _TooLarge
            return message

        replaced = False

        async def guarded_send(message: Message) -> None:
            # the app may catch _TooLarge (as a body it cannot parse): its answer becomes the 413
            nonlocal replaced
            if not too_large:
                await send(message)
            elif not replaced:
                replaced = True
                await _answer(send, 413, self._message(), "E413")

        try:
            await self.app(scope, counting_receive, guarded_send)
        except _TooLarge:
            if not replaced:
                await _answer(send, 413, self._message(), "E413")
