"""The Ray engine of an ingest: the same per-article function as the local engine, run in Ray workers.

    paths --iter_articles--> Article --(stored? skip)--> chunk --ray.data.from_items--> map_batches(_extract_batch)
          --iter_rows, in input order--> Store.write_article (this process only)

`volte ingest --engine ray [--address ADDR]`. This process (the driver) reads the inputs, skips the articles
already stored, and hands the rest to Ray Data in chunks of `_CHUNK` articles, each a dataset of one article per
block; Ray workers, on any node of the cluster, run `runner._extract` on each (the function the local engine's
worker processes run, with its time budget) and send back the Extraction or the reason it failed. Results come
back in input order, so the store is written in the order the local engine writes it and gets the same
statements, ids and clusters; only this process writes, one transaction per article, as results arrive. A worker
process keeps its spaCy pipeline from one task to the next (`load_pipeline` loads once per process).

Ray is an optional extra (`pip install 'volte[ray]'`): without it `RayMissing` says so. Reports, skips,
failures, progress and `--trace` are the local engine's (`runner._Run`).
"""

from __future__ import annotations

import logging
import os
import pickle
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from volte.errors import RayMissing, UsageError
from volte.model import Article
from volte.nlp.extract import Extraction
from volte.nlp.pipeline import pipeline_name
from volte.nlp.stance import check_stance_model
from volte.registry import check_user_registry
from volte.runner import IngestReport, ProgressCallback, _extract, _reason, _Run
from volte.settings import current_settings
from volte.store import Store

if TYPE_CHECKING:
    import pyarrow as pa

# Articles handed to Ray Data at a time: enough to keep a cluster's workers busy between two chunks (the tail of
# a chunk waits for its slowest article), few enough that the driver holds a bounded number of texts.
_CHUNK = 512
# Environment variables the workers need as the driver has them: volte's settings and the user registry.
_ENV_PREFIXES = ("VOLTE_",)

INSTALL_HINT = "pip install 'volte[ray]'"


@dataclass
class RayIngestReport(IngestReport):
    """An IngestReport that also knows on which Ray nodes the articles were extracted."""

    nodes: set[str] = field(default_factory=set)

    def summary(self) -> str:
        """The local engine's line, then ` on 2 Ray nodes` when Ray extracted anything."""
        if not self.nodes:
            return super().summary()
        return f"{super().summary()} on {len(self.nodes)} Ray node{'' if len(self.nodes) == 1 else 's'}"


def ingest_ray(
    paths: Iterable[str | Path],
    store: Store,
    *,
    address: str | None = None,
    workers: int | None = None,
    progress: ProgressCallback | None = None,
    trace: TextIO | None = None,
    chunk: int = _CHUNK,
) -> RayIngestReport:
    """`runner.ingest` with the extraction done by Ray workers. `address`: the cluster (`HOST:PORT` of its head,
    `ray://…`, or `auto`); without it `$RAY_ADDRESS`, else a cluster started on this machine by `ray start`, else
    a one-machine Ray started for this run. `workers`: at most this many articles extracted at once (default: as
    many as the cluster has CPUs). `chunk`: articles handed to Ray Data at a time.

    Raises RayMissing when ray is not installed, and what `runner.ingest` raises before reading anything.
    """
    started = time.monotonic()
    if workers is not None and workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    if chunk < 1:
        raise ValueError(f"chunk must be at least 1, not {chunk}")
    ray = require_ray()
    pipeline_name("en")
    check_stance_model()
    current_settings()
    check_user_registry()
    report = RayIngestReport()
    run = _Run(store, report, progress, trace)
    connected = False
    try:
        articles = run.articles_to_extract(paths)
        while part := list(islice(articles, chunk)):
            # No cluster until an article needs one: a rerun over a stored corpus connects to none.
            if not connected:
                _connect(ray, address)
                connected = True
            _extract_chunk(run, part, workers, report.nodes)
    finally:
        if connected:
            ray.shutdown()
        report.elapsed = time.monotonic() - started
    return report


def require_ray() -> Any:
    """The ray module; RayMissing, saying how to install it, when ray (with Ray Data) cannot be imported."""
    try:
        import ray
        import ray.data  # noqa: F401  (the extra: ray[data])
    except ImportError as exc:
        raise RayMissing(f"--engine ray needs Ray, which is not installed: {INSTALL_HINT} ({exc})") from exc
    return ray


def _connect(ray: Any, address: str | None) -> None:
    env = {name: value for name, value in os.environ.items() if name.startswith(_ENV_PREFIXES)}
    try:
        ray.init(
            address=address,
            runtime_env={"env_vars": env} if env else None,
            logging_level=logging.ERROR,
            log_to_driver=False,
            configure_logging=True,
        )
    except ConnectionError as exc:
        raise UsageError(f"could not reach the Ray cluster at {address or '$RAY_ADDRESS'}: {exc}") from exc
    context = ray.data.DataContext.get_current()
    # The store is written in input order, as the local engine writes it.
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False  # volte's own progress bar counts the articles
    context.print_on_execution_start = False
    logging.getLogger("ray.data").setLevel(logging.ERROR)


def _extract_chunk(run: _Run, chunk: list[Article], workers: int | None, nodes: set[str]) -> None:
    import ray.data
    from ray.data import TaskPoolStrategy

    rows = [{"seq": seq, "article": pickle.dumps(article, protocol=5)} for seq, article in enumerate(chunk)]
    dataset = ray.data.from_items(rows, override_num_blocks=len(rows)).map_batches(
        _extract_batch,
        batch_size=None,
        batch_format="pyarrow",
        compute=TaskPoolStrategy(size=workers),
        num_cpus=1,
    )
    done = 0
    try:
        for row in dataset.iter_rows():
            seq = int(row["seq"])
            if seq != done:  # preserve_order says this cannot happen; an article must never be stored twice
                raise RuntimeError(f"Ray returned article {seq} of a chunk where {done} was expected")
            article = chunk[seq]
            nodes.add(row["node"])
            outcome, value = pickle.loads(row["result"])
            if outcome == "ok":
                run._store(article, value)
            else:
                run._fail(article.source, value)
            done += 1
    except Exception as exc:
        # A worker or node lost for good (Ray retries a task first): the chunk's unsettled articles are reported.
        reason = f"the Ray job extracting it failed: {type(exc).__name__}: {_first_line(exc)}"
        for article in chunk[done:]:
            run._fail(article.source, reason)


def _extract_batch(batch: pa.Table) -> pa.Table:
    """What a Ray worker runs on a block of articles: `runner._extract` on each, the Extraction or the reason it
    failed pickled in `result`, and the node it ran on (module level, so the workers import it from volte)."""
    import pyarrow as pa
    import ray

    results: list[bytes] = []
    for blob in batch.column("article").to_pylist():
        article: Article = pickle.loads(blob)
        result: tuple[str, Extraction | str]
        try:
            result = ("ok", _extract(article))
        except Exception as exc:
            result = ("failed", _reason(exc))
        results.append(pickle.dumps(result, protocol=5))
    node = ray.get_runtime_context().get_node_id()
    return pa.table(
        {
            "seq": batch.column("seq"),
            "result": pa.array(results, type=pa.binary()),
            "node": pa.array([node] * len(results), type=pa.string()),
        }
    )


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else "no message"
