"""The Ray engine on a real two-node Ray cluster started on this machine: the same export as the local engine.

The cluster (tests/ray_cluster.py) is two `ray start --block` processes, a head and a second node joining it, one
CPU each, stopped by their pids at the end. Skipped, saying why, when ray is not installed (`make install-dev`
installs it: the dev extra brings the ray extra).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ray_cluster import LocalCluster, local_cluster

VOLTE = [sys.executable, "-m", "volte"]
SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture(scope="module")
def ray_cluster() -> Iterator[LocalCluster]:
    """A head and a second node, one CPU each, on this machine (tests/ray_cluster.py)."""
    try:
        import ray  # noqa: F401
        import ray.data  # noqa: F401
    except ImportError as exc:
        pytest.skip(
            f"ray is not installed ({exc}): pip install -e '.[ray]' (make install-dev does) to run this test"
        )
    with local_cluster(nodes=2) as cluster:
        yield cluster


def _volte(db: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*VOLTE, "--db", str(db), *args], capture_output=True, text=True, timeout=600, env=env
    )


@pytest.mark.model
@pytest.mark.slow
def test_ray_engine_on_two_nodes_gives_the_local_engine_s_export(
    ray_cluster: LocalCluster, tmp_path: Path
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
