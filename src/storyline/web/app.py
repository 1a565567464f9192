"""The FastAPI application: JSON API under /api, HTML pages elsewhere, strict security headers."""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..api import Storyline
from ..errors import NotFoundError, StorylineError
from ..settings import Settings
from .api import router as api_router
from .edits import router as edits_router
from .pages import render_error
from .pages import router as pages_router
from .service import Service

HERE = Path(__file__).resolve().parent

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'; object-src 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}


class SecurityHeaders:
    """Adds the security headers to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                for name, value in SECURITY_HEADERS.items():
                    if name.encode() not in present:
                        headers.append((name.encode(), value.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


DEFAULT_HOSTS = ("127.0.0.1", "localhost", "::1")


class AllowedHosts:
    """Answers only requests whose ``Host`` names this server: a page on another site that
    points its own name at 127.0.0.1 (DNS rebinding) gets 421, not the store."""

    def __init__(self, app: ASGIApp, hosts: Iterable[str]) -> None:
        self.app = app
        self.hosts = {h.lower().strip("[]") for h in hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and host_name(scope) not in self.hosts:
            response = PlainTextResponse(
                "unknown Host header; open the address storyline serve printed, "
                "or start it with --allow-host NAME", status_code=421)
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


def host_name(scope: Scope) -> str:
    """The host of the request's ``Host`` header, without port or IPv6 brackets."""
    raw = next((v.decode("latin-1") for k, v in scope.get("headers", []) if k == b"host"), "")
    raw = raw.strip().lower()
    if raw.startswith("["):
        return raw[1:].split("]", 1)[0]
    return raw.rsplit(":", 1)[0] if raw.count(":") == 1 else raw


class HeadAsGet:
    """``HEAD`` is answered as ``GET`` without the body (FastAPI routes take GET only)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_headers_only)


def _open(source: str | Path | Storyline | Settings) -> Storyline:
    if isinstance(source, Storyline):
        return source
    if isinstance(source, Settings):
        return Storyline(settings=source, read_only=True)
    return Storyline(source, read_only=True)


def create_app(
    source: str | Path | Storyline | Settings, hosts: Iterable[str] = DEFAULT_HOSTS, edit: bool = False
) -> FastAPI:
    """A read-only web app over the storyline database ``source`` (a path, settings or
    Storyline), answering requests addressed to ``hosts`` only. With ``edit``, the edits
    table alone becomes writable, through its own connection."""
    storyline = _open(source)
    storyline.store.read_only()
    if edit:
        storyline.store.edits.open_writer()
    app = FastAPI(
        title="storyline",
        summary="A dated, source-cited storyline of a pile of news articles.",
        version="0.1.0",
        openapi_url="/api/openapi.json",
        docs_url=None,  # Swagger UI loads third-party scripts; the schema is at /api/openapi.json
        redoc_url=None,
    )
    app.state.service = Service(storyline)
    app.state.editable = edit
    app.state.csrf_secret = secrets.token_bytes(32)
    app.include_router(edits_router)
    app.include_router(api_router)
    app.include_router(pages_router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _add_error_handlers(app)
    app.add_middleware(HeadAsGet)
    app.add_middleware(AllowedHosts, hosts=hosts)
    app.add_middleware(SecurityHeaders)
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def _error(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": message, "status": status}, status_code=status, headers=headers)
    response = render_error(request, status, message)
    response.headers.update(headers or {})
    return response


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError) -> Response:
        return _error(request, 404, str(exc))

    @app.exception_handler(StorylineError)
    async def bad_request(request: Request, exc: StorylineError) -> Response:
        return _error(request, 400, str(exc))

    @app.exception_handler(sqlite3.Error)
    async def database_error(request: Request, exc: sqlite3.Error) -> Response:
        return _error(request, 400, f"the database could not answer this request: {exc}")

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if _wants_json(request):
            errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
                      for e in exc.errors()]
            return JSONResponse({"detail": errors, "status": 422}, status_code=422)
        parts = [f"{'.'.join(str(x) for x in e.get('loc', ())[1:])}: {e.get('msg', '')}"
                 for e in exc.errors()]
        return render_error(request, 422, "invalid parameter — " + "; ".join(parts))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = "not found" if exc.status_code == 404 else str(exc.detail)
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            headers["Allow"] = _allowed_methods(request)
        return _error(request, exc.status_code, message, headers)


def _allowed_methods(request: Request) -> str:
    """The methods some route answers at the request's path (HEAD with every GET)."""
    methods = [m for m in ("GET", "POST", "PUT", "PATCH", "DELETE")
               if any(route.matches({**request.scope, "method": m})[0] is Match.FULL
                      for route in request.app.router.routes)]
    if "GET" in methods:  # HEAD is answered wherever GET is (see HeadAsGet)
        methods.insert(1, "HEAD")
    return ", ".join(methods) or "GET, HEAD"
