"""Running an ingest: which articles are read, stored, skipped and failed (which quotes are found is tests/nlp's)."""

from __future__ import annotations

from pathlib import Path

import pytest

import volte.runner
from volte.runner import IngestReport, ingest

pytestmark = pytest.mark.model


def _corpus(folder: Path, count: int) -> Path:
    folder.mkdir()
    for i in range(count):
        (folder / f"{i:02d}.txt").write_text(
            f'# Story {i}\n\n"We need {i} more schools," Mayor Anne Laurent said on Monday.\n',
            encoding="utf-8",
        )
    return folder


def test_pool_and_rerun(store, tmp_path):
    corpus = _corpus(tmp_path / "corpus", 10)
    settled: list[tuple[str, str]] = []

    report = ingest(
        [corpus], store, workers=2, progress=lambda source, outcome: settled.append((source, outcome))
    )

    assert (report.read, report.new, report.unchanged, report.failed) == (10, 10, 0, 0)
    assert report.ok and report.elapsed > 0
    assert report.statements == store.counts()["statements"]
    assert store.counts()["articles"] == 10
    assert sorted(settled) == [(str(corpus / f"{i:02d}.txt"), "new") for i in range(10)]

    again = ingest([corpus], store, workers=2)

    assert (again.read, again.new, again.unchanged, again.failed, again.statements) == (10, 0, 10, 0, 0)


def test_in_process_same_record_as_pool(tmp_path):
    from volte.store import Store

    corpus = _corpus(tmp_path / "corpus", 3)
    with Store.open(tmp_path / "one.db") as one, Store.open(tmp_path / "two.db") as two:
        ingest([corpus], one, workers=1)
        ingest([corpus], two, workers=2)
        assert list(one.iter_statements()) == list(two.iter_statements())


def test_unreadable_file_and_failed_extraction_are_reported(store, tmp_path, monkeypatch):
    corpus = _corpus(tmp_path / "corpus", 3)
    (corpus / "blob.txt").write_bytes(bytes(range(256)))
    real = volte.runner.extract_article

    # Fault injection around the real extractor: the article of 01.txt makes it crash.
    def crash_on_01(article):
        if article.source.endswith("01.txt"):
            raise RuntimeError("boom")
        return real(article)

    monkeypatch.setattr(volte.runner, "extract_article", crash_on_01)

    report = ingest([corpus], store, workers=1)

    assert (report.read, report.new, report.failed) == (3, 2, 2)
    reasons = {Path(f.source).name: f.reason for f in report.failures}
    assert set(reasons) == {"blob.txt", "01.txt"}
    assert reasons["01.txt"] == "statement extraction failed: RuntimeError: boom"
    assert store.counts()["articles"] == 2
    assert "1 failed" not in report.summary() and "2 failed" in report.summary()

    # A rerun completes what failed, and skips the rest.
    monkeypatch.setattr(volte.runner, "extract_article", real)
    rerun = ingest([corpus], store, workers=1)
    assert (rerun.new, rerun.unchanged, rerun.failed) == (1, 2, 1)
    assert store.counts()["articles"] == 3


def test_summary_line():
    report = IngestReport(read=1, new=1, statements=1, elapsed=0.04)
    assert report.summary() == "1 article: 1 new, 0 unchanged, 0 failed; 1 statement stored in 0.0s"
