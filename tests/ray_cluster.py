"""A Ray cluster of several nodes on this machine, for the Ray engine's test and scripts/check_ray.py.

    with local_cluster(nodes=2) as cluster:     # a head and one more node, one CPU each
        subprocess.run(["volte", "ingest", "--engine", "ray", "--address", cluster.head, ...], env=cluster.env)

Each node is a `ray start --block` process (small object store, no dashboard, free ports, a temp folder of its
own, token authentication with a token of this cluster's own: Ray's default file ~/.ray/auth_token is left
alone); the cluster is stopped by the pids of those processes, each taking its raylet, object store and workers
with it, and whatever of theirs is left is killed by pid.
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
from contextlib import contextmanager
from pathlib import Path

import psutil

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


class LocalCluster:
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


@contextmanager
def local_cluster(nodes: int = 2) -> Iterator[LocalCluster]:
    """A head and `nodes - 1` nodes joining it, one CPU each, on this machine, up when this yields."""
    # A short folder: Ray's socket paths in it must stay under the 107 characters a Unix socket path may have.
    temp = Path(tempfile.mkdtemp(prefix="ray", dir="/tmp"))
    cluster = LocalCluster(temp)
    try:
        cluster.start_node(
            "--head",
            f"--port={cluster.head.rsplit(':', 1)[1]}",
            "--include-dashboard=false",
            f"--temp-dir={temp}",
        )
        for _ in range(nodes - 1):
            cluster.start_node(f"--address={cluster.head}")
        cluster.wait_for_nodes(nodes)
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(temp, ignore_errors=True)
