"""The HTTP API of `volte serve`: `create_app(db, token=None)` is the ASGI application (app.py, routes.py)."""

from volte.api.app import create_app

__all__ = ["create_app"]
