"""The API in-process: httpx's ASGITransport calls the real ASGI app over a real SQLite store (datasette style)."""

from __future__ import annotations

from typing import Any

import pytest

from serve_story import Client
from volte.api import create_app


@pytest.fixture
def readonly(story: dict[str, Any]) -> Client:
    """A server started without a token."""
    return Client(create_app(story["path"]))
