"""The API in-process: httpx's ASGITransport calls the real ASGI app over a real SQLite store (datasette style)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from serve_story import TOKEN, Client, build_serve_store
from volte.api import create_app


@pytest.fixture
def story(tmp_path: Path, make_article: Callable[..., Any], make_statement: Callable[..., Any]) -> dict[str, Any]:
    built = build_serve_store(tmp_path / "serve.db", make_article, make_statement)
    built["path"] = tmp_path / "serve.db"
    return built


@pytest.fixture
def client(story: dict[str, Any]) -> Client:
    """A server with a write token."""
    return Client(create_app(story["path"], token=TOKEN))


@pytest.fixture
def readonly(story: dict[str, Any]) -> Client:
    """A server started without a token."""
    return Client(create_app(story["path"]))
