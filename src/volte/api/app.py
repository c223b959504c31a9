"""The ASGI application of `volte serve`: the JSON API under /api/, the pages, their static files.

`create_app(db, token=None)` opens (and migrates) the store once, then reads it through one read-only
connection per worker thread. Without a token the server is read-only; with one, writes (corrections, merges)
need it, compared in constant time (`secrets.compare_digest`). Every response carries a Content-Security-Policy
that allows scripts, styles and images from the server itself only (no inline script, no CDN).
Errors are JSON under /api/ (`{"error": {"status", "message"}}`) and a small page elsewhere.
"""

from __future__ import annotations

import secrets
import sqlite3
import threading
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from volte import __version__
from volte.errors import UsageError, VolteError
from volte.store import Store
from volte.store.queries import NotFound, connect_reader

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self';"
    " form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
_STATIC = Path(__file__).resolve().parent.parent / "web" / "static"


class Forbidden(VolteError):
    """A write without the right token (HTTP 401), or on a read-only server (HTTP 403)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class ServeContext:
    """What the routes share: the store's path, the write token, one reader connection per thread."""

    def __init__(self, db: str | Path, token: str | None) -> None:
        self.path = Path(db)
        # Opening checks the file is a store and applies its migrations (0007 adds the indexes read here).
        Store.open(self.path, create=False).close()
        self.token = token or None
        self._local = threading.local()

    def reader(self) -> sqlite3.Connection:
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            db = connect_reader(self.path)
            self._local.db = db
        return db

    def writer(self) -> Store:
        """A store to write one change through (corrections, merges); the caller closes it."""
        return Store.open(self.path, create=False)

    def check_token(self, given: str | None) -> None:
        if self.token is None:
            raise Forbidden(
                "this server is read-only: start it with --write-token TOKEN (or $VOLTE_TOKEN) to allow writes", 403
            )
        if not given or not secrets.compare_digest(given.encode("utf-8"), self.token.encode("utf-8")):
            raise Forbidden("a write needs the server's token: header `Authorization: Bearer TOKEN`", 401)

    def fingerprint(self) -> tuple[Any, ...]:
        """Changes whenever what the record shows can change (cached reversals are keyed by it)."""
        row = self.reader().execute(
            "SELECT (SELECT max(rowid) FROM statements), (SELECT max(rowid) FROM articles),"
            " (SELECT max(id) FROM corrections), (SELECT count(*) FROM entity_merges)"
        ).fetchone()
        return tuple(row)


def _status(exc: Exception) -> int:
    if isinstance(exc, Forbidden):
        return exc.status
    if isinstance(exc, NotFound):
        return 404
    if isinstance(exc, UsageError):
        return 400
    return 500


def _error_response(request: Request, status: int, message: str) -> Response:
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)
    from volte.web.pages import render_error

    return HTMLResponse(render_error(status, message), status_code=status)


def create_app(db: str | Path, *, token: str | None = None) -> FastAPI:
    """The ASGI app serving the store at `db`; writes need `token` (no token: read-only)."""
    from volte.api.routes import router as api_router
    from volte.web.pages import router as web_router

    app = FastAPI(
        title="volte",
        version=__version__,
        description="Who said what, when, about whom: the attributed statements of a volte store. Lists are "
        "paginated with cursors: pass a page's `next` as `cursor` to get the next one. Writes need the server's "
        "token as `Authorization: Bearer TOKEN`.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.volte = ServeContext(db, token)

    @app.exception_handler(VolteError)
    async def volte_error(request: Request, exc: VolteError) -> Response:
        return _error_response(request, _status(exc), str(exc))

    @app.exception_handler(RequestValidationError)
    async def bad_parameters(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for error in exc.errors():
            where = ".".join(str(part) for part in error.get("loc", ()) if part not in ("query", "path", "body"))
            problems.append(f"{where or 'request'}: {error.get('msg', 'invalid')}")
        return _error_response(request, 400, "bad parameters: " + "; ".join(problems))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no page at {request.url.path}"
        return _error_response(request, exc.status_code, message)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    app.include_router(api_router)
    app.include_router(web_router)
    app.mount("/static", StaticFiles(directory=_STATIC), name="static")
    return app
