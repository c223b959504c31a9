"""Pages over the hand-made store (tests/serve_story.py), in-process and behind a real uvicorn server."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from serve_story import TOKEN, Client, build_serve_store
from volte.api import create_app


@pytest.fixture
def story(tmp_path: Path, make_article: Callable[..., Any], make_statement: Callable[..., Any]) -> dict[str, Any]:
    built = build_serve_store(tmp_path / "serve.db", make_article, make_statement)
    built["path"] = tmp_path / "serve.db"
    return built


@pytest.fixture
def client(story: dict[str, Any]) -> Client:
    return Client(create_app(story["path"], token=TOKEN))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def live_server(story: dict[str, Any]) -> Iterator[str]:
    """`volte serve`'s app behind a real uvicorn on a free localhost port; yields its base URL."""
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(story["path"], token=TOKEN), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
