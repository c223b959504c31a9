"""`volte serve` as a user runs it: the real command in its own process, uvicorn on localhost, then HTTP."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            httpx.get(f"{base}/static/favicon.svg", timeout=1)
            return
        except httpx.TransportError:
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "volte serve did not start"
            time.sleep(0.2)


def test_volte_serve_answers_on_localhost_and_guards_writes(story: dict[str, Any], tmp_path: Path) -> None:
    port = _free_port()
    env_token = "from-the-environment"
    process = subprocess.Popen(
        [sys.executable, "-m", "volte", "--db", str(story["path"]), "serve", "--port", str(port)],
        env={"PATH": "/usr/bin:/bin", "VOLTE_TOKEN": env_token}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base, process)
        speakers = httpx.get(f"{base}/api/speakers").json()["items"]
        assert [s["name"] for s in speakers][:2] == ["Marguerite Valcourt", "Tomas Reinholt"]
        assert "text/html" in httpx.get(f"{base}/").headers["content-type"]
        relic = story["statements"]["relic"].id
        body = {"field": "speaker", "name": "Petra Lind"}
        assert httpx.post(f"{base}/api/statements/{relic}/corrections", json=body).status_code == 401
        done = httpx.post(f"{base}/api/statements/{relic}/corrections", json=body,
                          headers={"Authorization": f"Bearer {env_token}"})
        assert done.status_code == 201
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=30)
    assert f"serving {story['path']} at http://127.0.0.1:{port}/" in stderr.decode()


def test_volte_serve_refuses_a_missing_store(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "volte", "--db", str(tmp_path / "none.db"), "serve"], capture_output=True, text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "no volte store at" in result.stderr
    assert not (tmp_path / "none.db").exists()
