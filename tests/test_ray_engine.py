"""The Ray engine on a real two-node Ray cluster started on this machine: the same export as the local engine.

The cluster is two `ray start --block` processes (a head and a second node joining it, one CPU each, small object
stores, no dashboard, free ports, their own temp folder); they are stopped by their pids, and each takes its
raylet, object store and workers with it. Skipped, saying why, when ray is not installed (`make install-dev`
installs it: the dev extra brings the ray extra).
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

VOLTE = [sys.executable, "-m", "volte"]
SAMPLES = Path(__file__).resolve().parent.parent / "samples"
RAY = Path(sys.executable).with_name("ray")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _node_ports() -> list[str]:
    """Each port a node listens on, free now: two nodes on one machine must not both take Ray's defaults."""
    names = (
        "node-manager-port",
        "object-manager-port",
        "dashboard-agent-listen-port",
        "dashboard-agent-grpc-port",
        "runtime-env-agent-port",
        "metrics-export-port",
    )
    return [f"--{name}={_free_port()}" for name in names]


class _Cluster:
    def __init__(self, temp: Path) -> None:
        self.temp = temp
        self.head = f"127.0.0.1:{_free_port()}"
        # Token authentication, with a token of this cluster's own (Ray's default file, ~/.ray/auth_token, untouched).
        self.env = {
            **os.environ,
            "RAY_AUTH_MODE": "token",
            "RAY_AUTH_TOKEN": secrets.token_hex(32),
            "RAY_USAGE_STATS_ENABLED": "0",
            "RAY_GRACEFUL_SHUTDOWN_DRAIN_TIMEOUT_S": "0",
        }
        self.nodes: list[subprocess.Popen[bytes]] = []

    def start_node(self, *args: str) -> None:
        log = self.temp / f"node{len(self.nodes)}.log"
        command = [
            str(RAY),
            "start",
            "--block",
            "--num-cpus=1",
            "--object-store-memory=100000000",
            "--disable-usage-stats",
            *_node_ports(),
            *args,
        ]
        with open(log, "wb") as out:
            node = subprocess.Popen(
                command, stdout=out, stderr=subprocess.STDOUT, env=self.env, start_new_session=True
            )
        self.nodes.append(node)
        deadline = time.monotonic() + 120
        while "Ray runtime started" not in log.read_text(errors="replace"):
            if node.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"ray start failed:\n{log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.5)

    def wait_for_nodes(self, count: int) -> None:
        deadline = time.monotonic() + 120
        while True:
            status = subprocess.run(
                [str(RAY), "status", f"--address={self.head}"], capture_output=True, text=True, env=self.env
            )
            alive = len(re.findall(r"^\s*1 node_", status.stdout, flags=re.MULTILINE))
            if alive >= count:
                return
            if time.monotonic() > deadline:
                raise RuntimeError(f"{alive} of {count} Ray nodes up:\n{status.stdout}\n{status.stderr}")
            time.sleep(1)

    def stop(self) -> None:
        """SIGTERM to each `ray start` we started (it stops the processes it started), then SIGKILL to whatever
        of theirs is left, all by pid."""
        for node in reversed(self.nodes):
            if node.poll() is not None:
                continue
            try:
                family = psutil.Process(node.pid).children(recursive=True)
            except psutil.NoSuchProcess:
                family = []
            node.send_signal(signal.SIGTERM)
            try:
                node.wait(timeout=60)
            except subprocess.TimeoutExpired:
                node.kill()
                node.wait()
            _gone, alive = psutil.wait_procs(family, timeout=30)
            for process in alive:
                try:
                    process.send_signal(signal.SIGKILL)
                except psutil.NoSuchProcess:
                    pass


@pytest.fixture(scope="module")
def ray_cluster() -> Iterator[_Cluster]:
    """A head and a second node, one CPU each, on this machine; yields the cluster (its `head` address)."""
    try:
        import ray  # noqa: F401
        import ray.data  # noqa: F401
    except ImportError as exc:
        pytest.skip(
            f"ray is not installed ({exc}): pip install -e '.[ray]' (make install-dev does) to run this test"
        )
    # A short folder: Ray's socket paths in it must stay under the 107 characters a Unix socket path may have.
    temp = Path(tempfile.mkdtemp(prefix="ray", dir="/tmp"))
    cluster = _Cluster(temp)
    try:
        cluster.start_node(
            "--head",
            f"--port={cluster.head.rsplit(':', 1)[1]}",
            "--include-dashboard=false",
            f"--temp-dir={temp}",
        )
        cluster.start_node(f"--address={cluster.head}")
        cluster.wait_for_nodes(2)
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(temp, ignore_errors=True)


def _volte(db: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*VOLTE, "--db", str(db), *args], capture_output=True, text=True, timeout=600, env=env
    )


@pytest.mark.model
@pytest.mark.slow
def test_ray_engine_on_two_nodes_gives_the_local_engine_s_export(
    ray_cluster: _Cluster, tmp_path: Path
) -> None:
    local, on_ray = tmp_path / "local.db", tmp_path / "ray.db"
    done = _volte(local, "ingest", "--workers", "2", str(SAMPLES))
    assert done.returncode == 0, done.stderr
    done = _volte(
        on_ray,
        "ingest",
        "--engine",
        "ray",
        "--address",
        ray_cluster.head,
        "--workers",
        "2",
        str(SAMPLES),
        env=ray_cluster.env,
    )
    assert done.returncode == 0, done.stderr
    # Both nodes extracted articles (one CPU each, two at once), and the summary says so.
    assert re.search(
        r"13 articles: 13 new, 0 unchanged, 0 failed; \d+ statements stored in [\d.]+s on 2 Ray nodes",
        done.stderr,
    ), done.stderr
    exports = {}
    for db in (local, on_ray):
        for what in ("statements", "reversals"):
            out = _volte(db, "export", what)
            assert out.returncode == 0, out.stderr
            exports[db, what] = out.stdout
    assert exports[local, "statements"].count("\n") > 100
    assert exports[on_ray, "statements"] == exports[local, "statements"]
    assert exports[on_ray, "reversals"] == exports[local, "reversals"]

    # A rerun over the stored corpus connects to no cluster and stores nothing.
    again = _volte(on_ray, "ingest", "--engine", "ray", "--address", "127.0.0.1:1", str(SAMPLES))
    assert again.returncode == 0, again.stderr
    assert "13 articles: 0 new, 13 unchanged, 0 failed; 0 statements" in again.stderr


def test_ray_missing_is_one_line_saying_how_to_install_it(tmp_path: Path) -> None:
    # A `ray` package that cannot be imported, first on the path: what a machine without the extra sees.
    shadow = tmp_path / "shadow" / "ray"
    shadow.mkdir(parents=True)
    (shadow / "__init__.py").write_text("raise ImportError(\"No module named 'ray'\")\n", encoding="utf-8")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(shadow.parent), os.environ.get("PYTHONPATH", "")]),
    }
    done = _volte(tmp_path / "x.db", "ingest", "--engine", "ray", str(SAMPLES), env=env)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "error: --engine ray needs Ray, which is not installed: pip install 'volte[ray]' (No module named 'ray')"
    ]
    assert done.stdout == ""
    assert not (tmp_path / "x.db").exists()


def test_address_needs_the_ray_engine(tmp_path: Path) -> None:
    done = _volte(tmp_path / "x.db", "ingest", "--address", "127.0.0.1:6379", str(SAMPLES))
    assert done.returncode == 2
    assert done.stderr.strip() == "error: --address is the Ray cluster's: it needs --engine ray"
    assert not (tmp_path / "x.db").exists()
