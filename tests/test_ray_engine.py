"""The Ray engine on a real two-node Ray cluster started on this machine: the same export as the local engine.

The cluster (tests/ray_cluster.py) is two `ray start --block` processes, a head and a second node joining it, one
CPU each, stopped by their pids at the end. Skipped, saying why, when ray is not installed (`make install-dev`
installs it: the dev extra brings the ray extra).
"""

from __future__ import annotations

import json
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


@pytest.fixture(scope="module")
def local_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The local engine's record of samples/: its exports, and its trace: the order statements were written in,
    input order in one process (with more, the order articles finish in; the record does not depend on it)."""
    folder = tmp_path_factory.mktemp("local")
    db, trace = folder / "local.db", folder / "trace.jsonl"
    done = _volte(db, "ingest", "--workers", "1", "--trace", str(trace), str(SAMPLES))
    assert done.returncode == 0, done.stderr
    return {**_exports(db), "trace": trace.read_text(encoding="utf-8")}


def _exports(db: Path) -> dict[str, str]:
    out = {}
    for what in ("statements", "reversals"):
        done = _volte(db, "export", what)
        assert done.returncode == 0, done.stderr
        out[what] = done.stdout
    return out


@pytest.mark.model
@pytest.mark.slow
def test_ray_engine_on_two_nodes_gives_the_local_engine_s_export(
    ray_cluster: LocalCluster, local_run: dict[str, str], tmp_path: Path
) -> None:
    db, trace = tmp_path / "ray.db", tmp_path / "trace.jsonl"
    engine = ("--engine", "ray", "--address", ray_cluster.head, "--workers", "2", "--trace", str(trace))
    done = _volte(db, "ingest", *engine, str(SAMPLES), env=ray_cluster.env)
    assert done.returncode == 0, done.stderr
    # Both nodes extracted articles (one CPU each, two at once), and the summary says so.
    assert re.search(
        r"13 articles: 13 new, 0 unchanged, 0 failed; \d+ statements stored in [\d.]+s on 2 Ray nodes",
        done.stderr,
    ), done.stderr
    assert local_run["statements"].count("\n") > 100
    assert _exports(db) == {"statements": local_run["statements"], "reversals": local_run["reversals"]}
    assert trace.read_text(encoding="utf-8") == local_run["trace"]  # written in input order

    # A rerun over the stored corpus connects to no cluster (there is none at that address) and stores nothing.
    again = _volte(db, "ingest", "--engine", "ray", "--address", "127.0.0.1:1", str(SAMPLES))
    assert again.returncode == 0, again.stderr
    assert "13 articles: 0 new, 13 unchanged, 0 failed; 0 statements" in again.stderr


# A driver of its own, calling the library: 13 articles in chunks of 4, four Ray datasets one after the other.
_CHUNKED = """
import json, sys
from volte.ray_engine import ingest_ray
from volte.store import Store
settled = []
with Store.open(sys.argv[1], create=True) as store, open(sys.argv[2], "w", encoding="utf-8") as trace:
    report = ingest_ray([sys.argv[3]], store, address=sys.argv[4], chunk=4, trace=trace,
                        progress=lambda source, outcome: settled.append(outcome))
print(json.dumps({"read": report.read, "new": report.new, "failed": report.failed, "nodes": len(report.nodes),
                  "settled": settled, "summary": report.summary()}))
"""


@pytest.mark.model
@pytest.mark.slow
def test_ray_engine_in_small_chunks_from_python(
    ray_cluster: LocalCluster, local_run: dict[str, str], tmp_path: Path
) -> None:
    db, trace = tmp_path / "ray.db", tmp_path / "trace.jsonl"
    done = subprocess.run(
        [sys.executable, "-c", _CHUNKED, str(db), str(trace), str(SAMPLES), ray_cluster.head],
        capture_output=True,
        text=True,
        timeout=600,
        env=ray_cluster.env,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert (report["read"], report["new"], report["failed"], report["nodes"]) == (13, 13, 0, 2), report
    assert report["settled"] == ["new"] * 13
    assert report["summary"].endswith(" on 2 Ray nodes")
    assert _exports(db) == {"statements": local_run["statements"], "reversals": local_run["reversals"]}
    assert trace.read_text(encoding="utf-8") == local_run["trace"]


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
