"""Real processes, real signals: kill -9 of a running ingest (main process, then a worker), and the time budget.

After each kill the store is intact (`PRAGMA integrity_check`), holds no partial article (every stored article has
all the statements a clean run gives it), the main process's workers are gone, and a rerun completes to the same
record as a run that was never interrupted.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

pytestmark = [pytest.mark.model, pytest.mark.slow]

VOLTE = [sys.executable, "-m", "volte"]
SPEAKERS = ("Mayor Anne Laurent", "Councillor Tom Berg", "Jane Roe, the harbour master,", "The union")


def _corpus(folder: Path, count: int) -> Path:
    folder.mkdir()
    for i in range(count):
        who = SPEAKERS[i % len(SPEAKERS)]
        (folder / f"{i:02d}.txt").write_text(
            f"# Story {i}\n\n"
            f'"We need {i} more schools," {who} said on Monday. The council will vote on it in {i + 2} weeks.\n\n'
            f"Critics said the plan for district {i} would cost too much. \"It is a waste,\" one of them said.\n",
            encoding="utf-8",
        )
    return folder


def _ingest(db: Path, corpus: Path, *extra: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*VOLTE, "--db", str(db), "ingest", str(corpus), *extra], capture_output=True, text=True, timeout=300, env=env
    )


def _record(db: Path) -> list[tuple[str, str, str | None, int, int]]:
    out = subprocess.run([*VOLTE, "--db", str(db), "export", "statements"], capture_output=True, text=True, check=True)
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    return sorted((r["id"], r["text"], (r["speaker"] or {}).get("name"), r["start"], r["end"]) for r in rows)


def _per_article(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return dict(
            conn.execute(
                "SELECT a.source, count(s.id) FROM articles a LEFT JOIN statements s ON s.article_id = a.id GROUP BY a.id"
            ).fetchall()
        )


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def _wait_for(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A corpus and the store a clean, uninterrupted run makes of it."""
    root = tmp_path_factory.mktemp("kill")
    # Enough articles that a kill after the second one is stored lands mid-run: each takes some 20 ms to extract,
    # and with ten the last eight were sometimes stored before the kill arrived.
    corpus = _corpus(root / "corpus", 60)
    db = root / "reference.db"
    run = _ingest(db, corpus, "--workers", "1")
    assert run.returncode == 0, run.stderr
    return corpus, db


def _check_after_kill(db: Path, reference_db: Path) -> None:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    expected = _per_article(reference_db)
    stored = _per_article(db)
    assert 0 < len(stored) < len(expected), "the kill came too late or too early to test anything"
    for source, count in stored.items():
        assert count == expected[source], f"{source}: a partial article ({count} of {expected[source]} statements)"


def test_kill_9_of_the_main_process_ends_its_workers_and_a_rerun_completes(reference, tmp_path):
    corpus, reference_db = reference
    db = tmp_path / "killed.db"
    main = subprocess.Popen(
        [*VOLTE, "--db", str(db), "ingest", str(corpus), "--workers", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        assert _wait_for(lambda: _stored(db) >= 2, 240), "no article stored in time"
        workers = psutil.Process(main.pid).children(recursive=True)
        assert len(workers) >= 2
        main.send_signal(signal.SIGKILL)
        main.wait(10)
        # Every child of the killed process ends on its own, within seconds.
        _, alive = psutil.wait_procs(workers, timeout=15)
        assert not alive, [p.cmdline() for p in alive]
    finally:
        main.kill()
    _check_after_kill(db, reference_db)
    rerun = _ingest(db, corpus, "--workers", "1")
    assert rerun.returncode == 0, rerun.stderr
    assert "0 failed" in rerun.stderr
    assert _record(db) == _record(reference_db)


def test_kill_9_of_a_worker_fails_its_articles_only_and_a_rerun_completes(reference, tmp_path):
    corpus, reference_db = reference
    db = tmp_path / "worker.db"
    main = subprocess.Popen(
        [*VOLTE, "--db", str(db), "ingest", str(corpus), "--workers", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert _wait_for(lambda: _stored(db) >= 2, 240), "no article stored in time"
        workers = [p for p in psutil.Process(main.pid).children() if "resource_tracker" not in " ".join(p.cmdline())]
        os.kill(workers[0].pid, signal.SIGKILL)
        _, stderr = main.communicate(timeout=240)
    finally:
        main.kill()
    assert main.returncode == 1, stderr
    assert "the worker process extracting it stopped unexpectedly" in stderr
    assert "Traceback" not in stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    expected = _per_article(reference_db)
    for source, count in _per_article(db).items():
        assert count == expected[source]
    rerun = _ingest(db, corpus, "--workers", "1")
    assert rerun.returncode == 0, rerun.stderr
    assert _record(db) == _record(reference_db)


def test_an_article_over_the_time_budget_fails_and_the_pool_carries_on(tmp_path):
    corpus = _corpus(tmp_path / "corpus", 3)
    # One long article of quotations: parsing and reading it takes far more than five seconds.
    (corpus / "01-long.txt").write_text(
        '"We will never give up on this town," said Mayor Jane Roe. ' * 1500, encoding="utf-8"
    )
    env = {**os.environ, "VOLTE_ARTICLE_SECONDS": "5"}
    run = _ingest(tmp_path / "t.db", corpus, "--workers", "2", env=env)
    assert run.returncode == 1, run.stderr
    assert f"skipped {corpus}/01-long.txt: extracting its statements took longer than 5s" in run.stderr
    assert set(_per_article(tmp_path / "t.db")) == {str(corpus / f"{i:02d}.txt") for i in range(3)}


def test_a_worker_whose_parent_died_while_it_started_ends_at_once():
    # The parent the worker was given is not its parent any more (it died during the worker's imports; the worker
    # now hangs under another process): following it ends the worker at once, not after its first article.
    code = "import time; from volte.watchdog import follow_parent; follow_parent(1); time.sleep(30)"
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", code], timeout=25, capture_output=True, text=True)
    assert (done.returncode, done.stderr) == (1, "") and time.monotonic() - started < 20  # (ended, not crashed)
    # Given its real parent, it runs on.
    code = f"import time; from volte.watchdog import follow_parent; follow_parent({os.getpid()}); time.sleep(0.5)"
    assert subprocess.run([sys.executable, "-c", code], timeout=25).returncode == 0
