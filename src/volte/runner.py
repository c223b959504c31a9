"""Running an ingest: read articles, find their statements in worker processes, store them from this process.

    paths --iter_articles--> Article --(already stored? skip)--> worker: extract_statements --> Store.write_article

Only the main process writes to the store, one transaction per article, as results come back; at most
`workers * 4` articles wait in flight, so a corpus of any size streams through. Workers are started with
"spawn" (the functions they run live at module level) and load the spaCy pipeline once each.
An article that cannot be read or whose extraction fails is reported and the run goes on; an interrupted run
leaves every finished article stored, and a rerun skips them and completes the rest.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TextIO

from volte.errors import StoreError, VolteError
from volte.ingest import IngestFailure, iter_articles
from volte.model import Article
from volte.nlp.extract import Extraction, extract_article
from volte.nlp.pipeline import load_pipeline, pipeline_name
from volte.nlp.stance import check_stance_model
from volte.registry import check_user_registry
from volte.settings import current_settings
from volte.store import Store
from volte.watchdog import follow_parent, time_budget

Outcome = Literal["new", "unchanged", "failed"]
ProgressCallback = Callable[[str, Outcome], None]
"""Called once per article or unreadable file, with its source and what became of it."""

# Articles submitted ahead per worker: enough to keep workers busy, few enough to keep memory flat.
_AHEAD_PER_WORKER = 4


@dataclass
class IngestReport:
    """What an ingest did: articles read, new, unchanged; failures; statements written; seconds taken."""

    read: int = 0
    new: int = 0
    unchanged: int = 0
    failed: int = 0
    statements: int = 0
    failures: list[IngestFailure] = field(default_factory=list)
    elapsed: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failures

    def summary(self) -> str:
        """One line for people: `12 articles: 10 new, 2 unchanged, 1 failed; 57 statements stored in 3.2s`."""
        return (
            f"{self.read} article{'' if self.read == 1 else 's'}: {self.new} new, {self.unchanged} unchanged,"
            f" {self.failed} failed; {self.statements} statement{'' if self.statements == 1 else 's'} stored"
            f" in {self.elapsed:.1f}s"
        )


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    *,
    workers: int | None = None,
    progress: ProgressCallback | None = None,
    trace: TextIO | None = None,
) -> IngestReport:
    """Ingest files and folders into `store`; see the module docstring. `workers=1` runs in this process. With
    `trace`, each new statement's attribution rules are written there, one JSON object per line (`--trace`).

    Raises ModelNotFound before reading anything when the English pipeline or the stance model is not installed
    (or not the pinned stance model), and UsageError when a setting (`volte.settings`) or the user registry
    (`$VOLTE_REGISTRY`) cannot be read: every article would fail.
    """
    started = time.monotonic()
    workers = workers or os.cpu_count() or 1
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    pipeline_name("en")
    check_stance_model()
    current_settings()
    check_user_registry()
    run = _Run(store, IngestReport(), progress, trace)
    try:
        articles = run.articles_to_extract(paths)
        if workers == 1:
            run.extract_here(articles)
        else:
            run.extract_in_pool(articles, workers)
    finally:
        run.report.elapsed = time.monotonic() - started
    return run.report


def _start_worker(parent: int) -> None:
    """Worker initializer: end with the main process (`parent`, its pid); Ctrl-C is its business; load the
    pipeline once, up front."""
    follow_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    load_pipeline("en")


def _extract(article: Article) -> Extraction:
    """What a worker runs for one article (module level, so "spawn" can find it), within the time budget."""
    with time_budget(current_settings().article_seconds):
        return extract_article(article)


@dataclass
class _Run:
    store: Store
    report: IngestReport
    progress: ProgressCallback | None
    trace: TextIO | None = None
    pool_broken: bool = False

    def _settle(self, source: str, outcome: Outcome) -> None:
        if self.progress is not None:
            self.progress(source, outcome)

    def _fail(self, source: str, reason: str) -> None:
        self.report.failed += 1
        self.report.failures.append(IngestFailure(source, reason))
        self._settle(source, "failed")

    def articles_to_extract(self, paths: Iterable[str | Path]) -> Iterator[Article]:
        """The articles read from `paths` that are not stored yet; counts the rest as they pass."""
        # The store's own files are not articles: `volte ingest .` in the folder that holds volte.db.
        own = {self.store.path.resolve()} | {
            self.store.path.resolve().with_name(self.store.path.name + suffix) for suffix in ("-wal", "-shm", "-journal")
        }
        for item in iter_articles(paths):
            # realpath, not resolve: a failure's source may be a symlink loop (resolve raises on one).
            if isinstance(item, IngestFailure) and Path(os.path.realpath(item.source)) in own:
                continue
            if isinstance(item, IngestFailure):
                self.report.failed += 1
                self.report.failures.append(item)
                self._settle(item.source, "failed")
                continue
            self.report.read += 1
            if self.store.has_article(item.id):
                self.store.record_source(item)
                self.report.unchanged += 1
                self._settle(item.source, "unchanged")
                continue
            yield item

    def _store(self, article: Article, extraction: Extraction) -> None:
        statements = extraction.statements
        try:
            written = self.store.write_article(article, statements, names=extraction.names)
        except StoreError as exc:
            self._fail(article.source, str(exc))
            return
        if written and self.trace is not None:
            for s in statements:
                line = {"id": s.id, "article": article.id, "source": article.source, "kind": s.kind, "rules": s.rule_names()}
                self.trace.write(json.dumps(line, ensure_ascii=False) + "\n")
        if written:
            self.report.new += 1
            self.report.statements += len(statements)
            self._settle(article.source, "new")
        else:
            # The same text came from two sources in this run: the first one stored it.
            self.report.unchanged += 1
            self._settle(article.source, "unchanged")

    def _finish(self, article: Article, future: Future[Extraction]) -> None:
        try:
            extraction = future.result()
        except BrokenProcessPool:
            # A worker died (out of memory, a crash in native code): every article in flight is lost with it.
            self.pool_broken = True
            self._fail(article.source, "the worker process extracting it stopped unexpectedly")
        except Exception as exc:
            self._fail(article.source, _reason(exc))
        else:
            self._store(article, extraction)

    def extract_here(self, articles: Iterator[Article]) -> None:
        for article in articles:
            try:
                extraction = _extract(article)
            except Exception as exc:
                self._fail(article.source, _reason(exc))
                continue
            self._store(article, extraction)

    def extract_in_pool(self, articles: Iterator[Article], workers: int) -> None:
        pool: ProcessPoolExecutor | None = None
        in_flight: dict[Future[Extraction], Article] = {}
        try:
            for article in articles:
                # No pool until an article needs one: a rerun over a stored corpus starts no workers.
                if pool is None or self.pool_broken:
                    pool = _renew_pool(pool, workers)
                    self.pool_broken = False
                try:
                    future = pool.submit(_extract, article)
                except BrokenProcessPool:
                    pool = _renew_pool(pool, workers)
                    future = pool.submit(_extract, article)
                in_flight[future] = article
                if len(in_flight) >= workers * _AHEAD_PER_WORKER:
                    done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                    for future in done:
                        self._finish(in_flight.pop(future), future)
            while in_flight:
                done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                for future in done:
                    self._finish(in_flight.pop(future), future)
        except BaseException:
            if pool is not None:
                pool.shutdown(wait=False, cancel_futures=True)
            raise
        if pool is not None:
            pool.shutdown(wait=True)


def _renew_pool(pool: ProcessPoolExecutor | None, workers: int) -> ProcessPoolExecutor:
    """A fresh pool, the broken one (if any) let go."""
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context("spawn"), initializer=_start_worker,
        initargs=(os.getpid(),),
    )


def _reason(exc: Exception) -> str:
    if isinstance(exc, VolteError):
        return str(exc)
    return f"statement extraction failed: {type(exc).__name__}: {exc}"
