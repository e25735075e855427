"""The endpoints of ``chronist serve``: extraction, and the corpus store read-only.

============================  =====================================================
``POST /extract``             text and options -> the timeline JSON of schema 1
``GET /events``               merged events; the filters of ``chronist events``, paged
``GET /events/{id}``          one merged event
``GET /documents``            stored documents (``text``: every word), paged
``GET /documents/{document}`` one document (id or name): its text and annotations
``GET /entities``             people, places, organisations across documents, paged
``GET /report``               the HTML page for a query (as ``chronist report --store``)
``GET /health``               liveness and the store's path
============================  =====================================================

Safe by default: the store is only read (each request opens it read-only and
closes it, so an ingest can write between requests; a request waits for its
turn up to ``timeout`` seconds, then gets a 503); request bodies above
``max_body`` bytes and texts above ``max_text`` characters get a 413; every
error is JSON ``{"error": <the CLI's one-line message>, "code": <its code>}``,
never a traceback. The token and CORS are set by :func:`create_app`'s caller.
"""

from __future__ import annotations

import datetime
import logging
import os
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, Field, field_validator
from starlette.exceptions import HTTPException as StarletteHTTPException

from chronist.api.guard import BearerToken, BodyLimit, error_body
from chronist.errors import ChronistError, InputError, InputTooLargeError, OptionError, StoreError
from chronist.store import EventFilter

__all__ = ["DEFAULT_MAX_BODY", "DEFAULT_MAX_TEXT", "create_app"]

DEFAULT_MAX_BODY = 4_000_000  # bytes of a request body
DEFAULT_MAX_TEXT = 1_000_000  # characters of a text to extract
_LOG = logging.getLogger("chronist.api")


class ErrorBody(BaseModel):
    error: str = Field(description="the one-line message the CLI would print")
    code: str = Field(description="a stable code (chronist.errors), or E4xx for HTTP errors")


class ExtractRequest(BaseModel):
    text: str = Field(description="the document's text")
    lang: str = Field("de", description="language of the text: de or en")
    kind: Literal["auto", "narrative", "news"] = "auto"
    dct: str | None = Field(
        None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="publication date (news), YYYY-MM-DD"
    )
    source: str | None = Field(None, description="a name for the document in the timeline")

    @field_validator("dct")
    @classmethod
    def _a_real_day(cls, value: str | None) -> str | None:
        """A JSON string naming a real day (a number is not read as a timestamp)."""
        if value is not None:
            datetime.date.fromisoformat(value)  # ValueError: 422 naming dct
        return value


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    events: list[dict[str, Any]]


class DocumentPage(BaseModel):
    total: int
    limit: int
    offset: int
    documents: list[dict[str, Any]]


class EntityPage(BaseModel):
    total: int
    limit: int
    offset: int
    entities: list[dict[str, Any]]


class Health(BaseModel):
    status: str
    store: str
    schema_version: int


_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": text}
    for status, text in (
        (400, "malformed option or text"),
        (401, "missing or wrong bearer token (when the server has one)"),
        (404, "no such event or document"),
        (413, "request body or text above the limit"),
        (422, "malformed request"),
        (503, "the store is busy or missing"),
    )
}

# /report answers HTML, its errors JSON
_JSON_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {
        "description": answer["description"],
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}},
    }
    for status, answer in _ERRORS.items()
}

Limit = Annotated[int, Query(ge=1, le=1000, description="at most this many")]
Offset = Annotated[int, Query(ge=0, le=2**31 - 1, description="skip this many first")]
Filter = Annotated[str | None, Query(max_length=500)]


def _event_filters(
    person: Filter = None,
    place: Filter = None,
    org: Filter = None,
    start: Annotated[str | None, Query(alias="from", max_length=20)] = None,
    end: Annotated[str | None, Query(alias="to", max_length=20)] = None,
    type: Filter = None,
    text: Filter = None,
    overlapping: Annotated[
        bool, Query(description="from/to: also events whose time only overlaps them")
    ] = False,
) -> EventFilter:
    """The filters of ``chronist events`` as query parameters (``/events``, ``/report``)."""

    def cleaned(value: str | None) -> str | None:
        return _clean(value, "filter") if value else None

    return EventFilter(
        person=cleaned(person), place=cleaned(place), org=cleaned(org), start=start, end=end,
        type=type, text=cleaned(text), overlapping=overlapping,
    )  # fmt: skip


EventFilters = Annotated[EventFilter, Depends(_event_filters)]


def _status(error: ChronistError) -> int:
    if isinstance(error, InputTooLargeError):
        return 413
    if isinstance(error, OptionError | InputError):
        return 400
    if isinstance(error, StoreError):
        return 503
    return 400


def _clean(text: str, what: str) -> str:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise OptionError(f"{what}: not valid Unicode (lone surrogate)") from None
    return text


def create_app(
    store: str | os.PathLike[str],
    *,
    token: str | None = None,
    cors: list[str] | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    max_text: int = DEFAULT_MAX_TEXT,
    timeout: float = 30.0,
) -> FastAPI:
    """The ASGI app over the store at ``store`` (opened read-only, per request)."""
    from chronist.store import Store

    corpus = Store(Path(store), timeout=timeout)
    app = FastAPI(
        title="chronist",
        version=_version(),
        description="Timelines from historical prose, and a corpus store of them (read-only).",
        responses=_ERRORS,
    )

    @app.exception_handler(ChronistError)
    async def chronist_error(request: Request, error: ChronistError) -> JSONResponse:
        return JSONResponse(error_body(str(error), error.code), status_code=_status(error))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        first = error.errors()[0] if error.errors() else {}
        where = ".".join(str(part) for part in first.get("loc", ()) if part != "body")
        message = f"{where}: {first.get('msg', 'invalid')}" if where else "malformed request"
        return JSONResponse(error_body(message, OptionError.code), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        return JSONResponse(
            error_body(str(error.detail), f"E{error.status_code}"),
            status_code=error.status_code,
            headers=getattr(error, "headers", None),
        )

    @app.exception_handler(Exception)
    async def internal(request: Request, error: Exception) -> JSONResponse:
        _LOG.exception("internal error on %s", request.url.path)
        message = f"internal error: {type(error).__name__}; please report it"
        return JSONResponse(error_body(message, "E000"), status_code=500)

    @app.get("/health", response_model=Health, tags=["service"])
    def health() -> Health:
        from chronist.store import SCHEMA_VERSION

        return Health(status="ok", store=str(corpus.path), schema_version=SCHEMA_VERSION)

    @app.post("/extract", tags=["extract"])
    def extract(request: ExtractRequest) -> dict[str, Any]:
        """The timeline of one text (schema 1, as ``chronist extract --format json``)."""
        from chronist.timeline import build_timeline, to_json

        if len(request.text) > max_text:
            raise InputTooLargeError(
                f"text of {len(request.text):,} characters; the limit is {max_text:,}"
            )
        text = _clean(request.text, "text")
        if not text.strip():
            from chronist.errors import EmptyInputError

            raise EmptyInputError("empty text")
        source = None if request.source is None else _clean(request.source, "source")
        dct = request.dct
        timeline = build_timeline(
            text, lang=request.lang, kind=request.kind, dct=dct, source=source
        )
        result: dict[str, Any] = to_json(timeline)
        return result

    @app.get("/events", response_model=EventPage, tags=["store"])
    def events(filters: EventFilters, limit: Limit = 100, offset: Offset = 0) -> EventPage:
        """Merged events in time order; the filters of ``chronist events`` (all must hold)."""
        query = replace(filters, limit=limit, offset=offset)
        total, found = corpus.event_page(query)
        return EventPage(total=total, limit=limit, offset=offset, events=found)

    @app.get("/events/{event_id}", tags=["store"])
    def event(event_id: Annotated[int, PathParam(ge=0, le=2**31 - 1)]) -> dict[str, Any]:
        """One merged event with its mentions (and readings when sources differ)."""
        found = corpus.event(event_id)
        if found is None:
            raise StarletteHTTPException(404, f"{corpus.path}: no event {event_id}")
        return found

    @app.get("/documents", response_model=DocumentPage, tags=["store"])
    def documents(text: Filter = None, limit: Limit = 100, offset: Offset = 0) -> DocumentPage:
        """The stored documents by name (without their text); ``text``: every word in them."""
        found = corpus.documents(_clean(text, "text") if text else None)
        page = found[offset : offset + limit]
        return DocumentPage(total=len(found), limit=limit, offset=offset, documents=page)

    @app.get("/documents/{document:path}", tags=["store"])
    def document(document: str) -> dict[str, Any]:
        """One document by id or name: its fields, and ``timeline`` (text and annotations)."""
        name = _clean(document, "document")
        found = corpus.document(name)
        if found is None:
            raise StarletteHTTPException(404, f"{corpus.path}: no document {name!r}")
        return {**found, "timeline": corpus.timeline(found["id"])}

    @app.get("/entities", response_model=EntityPage, tags=["store"])
    def entities(
        type: Annotated[Literal["PER", "LOC", "ORG"] | None, Query()] = None,
        name: Filter = None,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> EntityPage:
        """People, places and organisations across documents, most documents first."""
        found = corpus.entities(type, _clean(name, "name") if name else None)
        page = found[offset : offset + limit]
        return EntityPage(total=len(found), limit=limit, offset=offset, entities=page)

    @app.get("/report", response_class=HTMLResponse, tags=["store"], responses=_JSON_ERRORS)
    def report(
        filters: EventFilters, limit: Limit = 1000, lang: Literal["de", "en"] = "de"
    ) -> HTMLResponse:
        """The self-contained page of the matching events (``chronist report --store``)."""
        from chronist.store.report import collection_page

        query = replace(filters, limit=limit, offset=0)
        _total, found = corpus.event_page(query)
        page = collection_page(corpus, found, title=corpus.path.name, lang=lang)
        return HTMLResponse(page)

    if cors:
        from starlette.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware,
            allow_origins=cors,
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.add_middleware(BodyLimit, limit=max_body)
    if token:  # added last: the outermost, so every path needs it
        app.add_middleware(BearerToken, token=token)
    return app


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("chronist")
    except PackageNotFoundError:
        return "0"
