"""The store at scale, from the command line: each reading command's wall time and peak memory on a store of
~1,000,000 statements, and what writing 20 real articles into it costs against an empty store.

    .venv/bin/python scripts/bench_store.py [--source SMALL.db] [--out BIG.db] [--reuse] [--statements 1000000]
        [--articles DIR] [--limit 20] [--commands-only | --ingest-only]

The big store is built as `scripts/bench_serve.py` builds it (copies of a real ingest's rows, made in SQL; see its
docstring), from `--source`: a store made by `volte ingest`; without it, `volte ingest` of the PolNeAR dev texts
(../shared/data/polnear/dev/text) into a temporary store, made first (a minute or two). `--reuse` measures an
`--out` built before. `make bench` runs this after scripts/bench.py.

Each command runs as the user runs it, `.venv/bin/volte --db BIG.db …` in its own process, output to /dev/null:
`speakers`, `timeline` and `reversals --speaker` of the busiest real speaker and of a speaker with about 500
statements, all `reversals`, and `report` on the busiest speaker. Wall time is the child's, from start to exit;
peak RSS is the child's `ru_maxrss` (os.wait4), CPU its user + system time.

Ingest: the first `--limit` articles (by file name) of `--articles` (PolNeAR train: none of them is in the store)
with `volte ingest --workers 1`, into an empty store and into a copy of the big store: wall and CPU of the child.
Then the writer alone, in this process (extraction done once, before): CPU milliseconds per statement of
`Store.write_article` into an empty store and into a copy of the big one (the measure of bench_writer.py).
Prints Markdown rows for docs/BENCHMARKS.md, with the commit and the load average.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_serve import build  # noqa: E402  (a script beside this one)

REPO = Path(__file__).resolve().parent.parent
VOLTE = str(REPO / ".venv" / "bin" / "volte")
DEFAULT_ARTICLES = REPO.parent / "shared" / "data" / "polnear" / "train" / "text"
DEFAULT_SOURCE_TEXTS = REPO.parent / "shared" / "data" / "polnear" / "dev" / "text"


def run(args: list[str]) -> tuple[float, float, float]:
    """Run `volte ARGS` to completion: (wall seconds, CPU seconds, peak RSS in MB) of that process."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        child = subprocess.Popen([VOLTE, *args], stdout=null, stderr=subprocess.PIPE)
        assert child.stderr is not None
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        err = child.stderr.read().decode(errors="replace")
        child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"volte {' '.join(args)} failed ({child.returncode}): {err[-500:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def speakers_to_measure(db: Path) -> list[tuple[str, str, int]]:
    """(label, entity id, statements): the busiest speaker with a name (not the bench's own), and one with about
    500 statements."""
    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT speaker_id, count(*) AS n FROM statements WHERE speaker_id IS NOT NULL"
        " AND speaker_id != 'e_bench_speaker_50k' GROUP BY speaker_id ORDER BY n DESC").fetchall()
    con.close()
    busiest = rows[0]
    typical = min(rows, key=lambda r: (abs(r[1] - 500), r[0]))
    return [("busiest", busiest[0], busiest[1]), ("typical", typical[0], typical[1])]


def bench_commands(db: Path) -> list[tuple[str, float, float, float]]:
    out = []
    report = Path(tempfile.gettempdir()) / "bench-store-report.html"
    cases: list[tuple[str, list[str]]] = [("`speakers`", ["speakers", "--format", "json"])]
    for label, sid, n in speakers_to_measure(db):
        cases += [
            (f"`timeline` ({label} speaker, {n:,} statements)", ["timeline", sid, "--format", "json"]),
            (f"`reversals --speaker` ({label} speaker, {n:,} statements)",
             ["reversals", "--speaker", sid, "--format", "json"]),
        ]
        if label == "busiest":
            busiest = (sid, n)
    cases.append(("`reversals` (all)", ["reversals", "--format", "json"]))
    cases.append((f"`report` (busiest speaker, {busiest[1]:,} statements)", ["report", busiest[0], "-o", str(report)]))
    run(["--db", str(db), "speakers"])  # warm the page cache
    for name, args in cases:
        wall, cpu, rss = run(["--db", str(db), *args])
        if args[0] == "report":
            name += f"; page {report.stat().st_size / 1e6:.2f} MB"
        print(f"| {name} | {wall:.2f} | {cpu:.2f} | {rss:.0f} |", flush=True)
        out.append((name, wall, cpu, rss))
    return out


def _copy_store(db: Path, to: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{to}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(db, to)


def bench_ingest(db: Path, articles: Path, limit: int) -> None:
    files = sorted(p for p in articles.iterdir() if p.is_file())[:limit]
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "in"
        inputs.mkdir()
        for f in files:
            shutil.copy(f, inputs / f.name)
        empty, big = Path(tmp) / "empty.db", Path(tmp) / "big.db"
        _copy_store(db, big)
        rows = {}
        for name, target in (("empty store", empty), ("the big store", big)):
            wall, cpu, rss = run(["--db", str(target), "ingest", "--workers", "1", str(inputs)])
            rows[name] = (wall, cpu)
            print(f"| `ingest --workers 1` of {len(files)} articles into {name} | {wall:.2f} | {cpu:.2f} | {rss:.0f} |",
                  flush=True)
        print(f"\ningest into the big store / into an empty one: wall {rows['the big store'][0] / rows['empty store'][0]:.2f}x,"
              f" CPU {rows['the big store'][1] / rows['empty store'][1]:.2f}x", flush=True)
        bench_writer(db, inputs, Path(tmp))


def bench_writer(db: Path, inputs: Path, tmp: Path) -> None:
    """CPU ms per statement of `Store.write_article` alone, into an empty store and into a copy of the big one."""
    from volte.ingest import IngestFailure, iter_articles
    from volte.nlp.extract import extract_statements
    from volte.store import Store

    articles = sorted((a for a in iter_articles([inputs]) if not isinstance(a, IngestFailure)), key=lambda a: a.source)
    items = [(a, extract_statements(a)) for a in articles]
    n = sum(len(ss) for _, ss in items) or 1
    figures = {}
    for name in ("empty", "big"):
        target = tmp / f"writer-{name}.db"
        if name == "big":
            _copy_store(db, target)
        with Store.open(target) as store:
            start = time.process_time()
            for article, statements in items:
                store.write_article(article, statements)
            figures[name] = (time.process_time() - start) * 1000 / n
        print(f"writer, CPU ms per statement into {'an empty store' if name == 'empty' else 'the big store'}:"
              f" {figures[name]:.2f} ({n} statements)", flush=True)
    print(f"writer ratio big / empty: {figures['big'] / figures['empty']:.2f}x", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, help="A store made by a real `volte ingest` (default: one of PolNeAR dev,"
                        " made first).")
    parser.add_argument("--out", type=Path, default=Path("/tmp/volte-bench-store.db"))
    parser.add_argument("--statements", type=int, default=1_000_000)
    parser.add_argument("--reuse", action="store_true", help="Measure --out as it is (built by an earlier run).")
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--limit", type=int, default=20)
    only = parser.add_mutually_exclusive_group()
    only.add_argument("--commands-only", action="store_true")
    only.add_argument("--ingest-only", action="store_true")
    args = parser.parse_args()
    for folder in ([] if args.reuse or args.source else [DEFAULT_SOURCE_TEXTS]) + [args.articles]:
        if not folder.is_dir():
            print(f"bench_store: no texts at {folder} (the PolNeAR texts are expected in ../shared/data/polnear"
                  " beside the repository); give --source and --articles", file=sys.stderr)
            raise SystemExit(2)
    if not args.reuse:
        with tempfile.TemporaryDirectory() as tmp:
            source = args.source
            if source is None:
                source = Path(tmp) / "source.db"
                print(f"source: volte ingest of {DEFAULT_SOURCE_TEXTS}", flush=True)
                run(["--db", str(source), "ingest", str(DEFAULT_SOURCE_TEXTS)])
            build(source, args.out, args.statements)
        # Measured from a fresh process: a child's peak RSS (ru_maxrss) counts what its parent held when it forked,
        # and the build held the source's pages.
        again = [sys.executable, __file__, "--reuse", "--out", str(args.out), "--articles", str(args.articles),
                 "--limit", str(args.limit)]
        again += ["--commands-only"] if args.commands_only else ["--ingest-only"] if args.ingest_only else []
        os.execv(sys.executable, again)
    run(["--db", str(args.out), "speakers"])  # the store at this code's migrations before anything is timed
    con = sqlite3.connect(args.out)
    n = con.execute("SELECT count(*) FROM statements").fetchone()[0]
    con.close()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                            cwd=REPO).stdout.strip()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\n{time.strftime('%Y-%m-%d %H:%M')} UTC, commit {commit}, {n:,} statements, load average {load}\n")
    print("| command | wall s | CPU s | peak RSS MB |")
    print("| --- | ---: | ---: | ---: |")
    if not args.ingest_only:
        bench_commands(args.out)
    if not args.commands_only:
        bench_ingest(args.out, args.articles, args.limit)
    print(f"\nload average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
