"""How fast `volte serve` answers on a big store: p50/p95 of the main API calls and pages at ~1,000,000 statements.

    .venv/bin/python scripts/bench_serve.py --source SMALL.db [--statements 1000000] [--out BIG.db] [--reuse]

The big store is made from a real ingest (`--source`, e.g. PolNeAR dev) by copying its rows in SQL, not by
re-parsing: copy k of every article, statement, target, full-text and cluster key row gets new ids (`a_k…`, `s_k…`, `c_k…`)
and new dates (the original `said` and `published` moved k days later; an undated statement of copy k is dated
by its copy's publication date, spread over 2010-2024), until the store holds `--statements` statements.
Then the store is opened with `Store.open` (migrations, 0007's indexes included), served by uvicorn on a
localhost port by `volte serve` (its own process), and each call is timed from an httpx client over HTTP: search (`q` over the full-text index,
common and rare words), a speaker's timeline on one target, one statement (API and page), and the page of the
speaker with the most statements (time and size): 50,000 of the busiest real speaker's copied statements are given
to one new speaker ("Bench Speaker"), so that is the page measured. Figures go to stdout as Markdown rows for
docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from volte.store import Store

BENCH_SPEAKER = "e_bench_speaker_50k"


def build(source: Path, out: Path, statements: int) -> None:
    """Copy `source`'s rows into `out` until it holds about `statements` statements (module docstring)."""
    out.unlink(missing_ok=True)
    for suffix in ("-wal", "-shm"):
        Path(f"{out}{suffix}").unlink(missing_ok=True)
    with Store.open(source):  # the source at the current migrations
        pass
    src = sqlite3.connect(source)
    dst = sqlite3.connect(out, isolation_level=None)
    src.backup(dst)
    src.close()
    have = dst.execute("SELECT count(*) FROM statements").fetchone()[0]
    copies = max(0, -(-(statements - have) // have))
    print(f"source: {have} statements; making {copies} copies", flush=True)
    dst.execute("PRAGMA journal_mode = WAL")
    dst.execute("PRAGMA synchronous = OFF")
    dst.execute("PRAGMA cache_size = -400000")
    dst.execute(f"ATTACH DATABASE '{source}' AS src")
    started = time.perf_counter()
    # Each copy k: its articles published k days after the original, or (undated) spread over 2010-2024.
    dst.execute("CREATE TEMP TABLE copies (k INTEGER PRIMARY KEY)")
    dst.executemany("INSERT INTO copies VALUES (?)", [(k,) for k in range(1, copies + 1)])
    new_published = (
        "CASE WHEN a.published IS NOT NULL AND length(a.published) = 10 THEN date(a.published, '+' || c.k || ' days')"
        " ELSE date('2010-01-01', '+' || ((c.k * 37 + length(a.id)) % 5400) || ' days') END"
    )
    steps: list[tuple[str, str]] = [
        ("articles",
         "INSERT INTO articles (id, source, title, author, published, url, language, text, ingested_at)"
         " SELECT 'a_' || c.k || '_' || substr(a.id, 3), a.source || '#copy' || c.k, a.title, a.author,"
         f" {new_published}, a.url, a.language, a.text, a.ingested_at FROM src.articles a, copies c"),
        ("sources",
         "INSERT INTO sources (source, article_id) SELECT a.source || '#copy' || c.k,"
         " 'a_' || c.k || '_' || substr(a.id, 3) FROM src.articles a, copies c"),
        ("statements",
         'INSERT INTO statements (id, article_id, speaker_id, kind, text, start, "end", cue, said, said_basis,'
         " cluster, quotes, text_id) SELECT 's_' || c.k || '_' || substr(s.id, 3), 'a_' || c.k || '_' || substr(s.article_id, 3),"
         ' s.speaker_id, s.kind, s.text, s.start, s."end", s.cue,'
         " CASE WHEN s.said IS NULL THEN na.published WHEN length(s.said) = 10 THEN date(s.said, '+' || c.k || ' days')"
         " ELSE s.said END, coalesce(s.said_basis, 'published'),"
         " CASE WHEN s.cluster IS NULL THEN NULL ELSE 'c_' || c.k || '_' || substr(s.cluster, 3) END, s.quotes, s.text_id"
         " FROM src.statements s, copies c"
         " JOIN articles na ON na.id = 'a_' || c.k || '_' || substr(s.article_id, 3)"),
        ("statement_targets",
         "INSERT INTO statement_targets (statement_id, entity_id, position, stance, confidence, evidence)"
         " SELECT 's_' || c.k || '_' || substr(t.statement_id, 3), t.entity_id, t.position, t.stance, t.confidence,"
         " t.evidence FROM src.statement_targets t, copies c"),
        ("statement_words",
         "INSERT INTO statement_words (statement_id, words) SELECT 's_' || c.k || '_' || substr(w.statement_id, 3),"
         " w.words FROM src.statement_words w, copies c"),
        # (The copies' texts are the source's: `texts`, its full-text index and key words, which clustering reads,
        # came with the backup. Shingles are not copied: the copies are not marked as copies of one another, and a
        # new article looks up only the shingles it shares, few with other articles.)
    ]
    for name, sql in steps:
        t = time.perf_counter()
        dst.execute("BEGIN")
        dst.execute(sql)
        dst.execute("COMMIT")
        print(f"  {name}: {time.perf_counter() - t:.0f}s", flush=True)
    dst.execute("DETACH DATABASE src")
    # The mark: a speaker with 50,000 statements. 50,000 of the busiest speaker's statements (all copies,
    # so every target and date they have) go to one new speaker, the page measured below.
    top = dst.execute("SELECT speaker_id FROM statements WHERE speaker_id IS NOT NULL GROUP BY speaker_id"
                      " ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    if dst.execute("SELECT count(*) FROM statements WHERE speaker_id = ?", (top,)).fetchone()[0] > 50_000:
        dst.execute("BEGIN")
        dst.execute("INSERT INTO entities (id, name, type) VALUES (?, ?, 'person')", (BENCH_SPEAKER, "Bench Speaker"))
        dst.execute("UPDATE statements SET speaker_id = ? WHERE rowid IN (SELECT rowid FROM statements"
                    " WHERE speaker_id = ? ORDER BY rowid LIMIT 50000)", (BENCH_SPEAKER, top))
        dst.execute("COMMIT")
    dst.execute("ANALYZE")
    dst.close()
    print(f"built {out} in {time.perf_counter() - started:.0f}s", flush=True)


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return statistics.median(ordered) * 1000, p95 * 1000, ordered[-1] * 1000


def timed(client: httpx.Client, urls: list[str], check: Callable[[httpx.Response], None] | None = None) -> list[float]:
    out = []
    for url in urls:
        t = time.perf_counter()
        response = client.get(url)
        out.append(time.perf_counter() - t)
        if response.status_code != 200:
            raise SystemExit(f"{url}: {response.status_code} {response.text[:200]}")
        if check:
            check(response)
    return out


def measure(db: Path, samples: int, seed: int) -> None:
    rng = random.Random(seed)
    con = sqlite3.connect(db)
    n = con.execute("SELECT count(*) FROM statements").fetchone()[0]
    max_rowid = con.execute("SELECT max(rowid) FROM statements").fetchone()[0]
    statement_ids = []
    while len(statement_ids) < samples:
        row = con.execute("SELECT id FROM statements WHERE rowid = ?", (rng.randint(1, max_rowid),)).fetchone()
        if row:
            statement_ids.append(row[0])
    vocab = [w for (w,) in con.execute("SELECT words FROM statement_words WHERE rowid % 97 = 0 LIMIT 2000")]
    search_words = [rng.choice(rng.choice(vocab).split() or ["nato"]) for _ in range(samples)]
    pairs = con.execute(
        "SELECT s.speaker_id, t.entity_id FROM statements s JOIN statement_targets t ON t.statement_id = s.id"
        " WHERE s.rowid % 1009 = 0 AND s.speaker_id IS NOT NULL LIMIT ?", (samples,)).fetchall()
    top_speaker, top_n = con.execute(
        "SELECT speaker_id, count(*) FROM statements WHERE speaker_id IS NOT NULL GROUP BY speaker_id"
        " ORDER BY count(*) DESC LIMIT 1").fetchone()
    top_target, top_target_n = con.execute(
        "SELECT entity_id, count(*) FROM statement_targets GROUP BY entity_id ORDER BY count(*) DESC LIMIT 1").fetchone()
    con.close()
    print(f"store: {n} statements; speaker {top_speaker} has {top_n}; target {top_target} has {top_target_n}")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    # The real command, in its own process (the client here would otherwise share the server's GIL).
    server = subprocess.Popen([sys.executable, "-m", "volte", "--db", str(db), "serve", "--port", str(port)])
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(f"{base}/static/favicon.svg", timeout=1)
            break
        except httpx.TransportError:
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("volte serve did not start") from None
            time.sleep(0.2)
    rows = []
    try:
        with httpx.Client(base_url=base, timeout=120) as client:
            cold = timed(client, [f"/speakers/{top_speaker}"])[0]
            cases = {
                "search `GET /api/statements?q=WORD` (50 a page)": [f"/api/statements?q={w}" for w in search_words],
                "search page `GET /search?q=WORD` (25 a page)": [f"/search?q={w}" for w in search_words],
                "timeline `GET /api/speakers/ID/timeline?target=ID`": [
                    f"/api/speakers/{sp}/timeline?target={t}" for sp, t in pairs],
                "one statement `GET /api/statements/ID`": [f"/api/statements/{i}" for i in statement_ids],
                "statement page `GET /statements/ID`": [f"/statements/{i}" for i in statement_ids],
                "filtered list `GET /api/statements?speaker=ID&stance=against`": [
                    f"/api/statements?speaker={sp}&stance=against" for sp, _ in pairs],
            }
            for name, urls in cases.items():
                timed(client, urls[:5])  # warm
                p50, p95, worst = percentiles(timed(client, urls))
                rows.append((name, len(urls), p50, p95, worst))
            sizes = []

            def size(response: httpx.Response) -> None:
                sizes.append(len(response.content))

            speaker_times = timed(client, [f"/speakers/{top_speaker}"] * 10, size)
            p50, p95, worst = percentiles(speaker_times)
            rows.append((f"speaker page, {top_n} statements (`GET /speakers/ID`; first, cold: {cold * 1000:.0f} ms;"
                         f" {sizes[0] / 1e6:.2f} MB)", 10, p50, p95, worst))
            target_times = timed(client, [f"/targets/{top_target}"] * 10)
            p50, p95, worst = percentiles(target_times)
            rows.append((f"target page, {top_target_n} statements (`GET /targets/ID`)", 10, p50, p95, worst))
            deep = []
            page = client.get(f"/api/statements?speaker={top_speaker}&limit=50").json()
            for _ in range(40):
                if not page["next"]:
                    break
                t = time.perf_counter()
                page = client.get(f"/api/statements?speaker={top_speaker}&limit=50&cursor={page['next']}").json()
                deep.append(time.perf_counter() - t)
            p50, p95, worst = percentiles(deep)
            rows.append((f"pages 2-{len(deep) + 1} of a speaker's statements (cursor)", len(deep), p50, p95, worst))
    finally:
        server.terminate()
        server.wait(timeout=30)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\n{time.strftime('%Y-%m-%d %H:%M')} UTC, commit {commit}, {n} statements, load average {load}\n")
    print("| call | n | p50 ms | p95 ms | max ms |")
    print("| --- | --- | --- | --- | --- |")
    for name, count, p50, p95, worst in rows:
        print(f"| {name} | {count} | {p50:.1f} | {p95:.1f} | {worst:.0f} |")


def add_corrections(db: Path, count: int, seed: int) -> None:
    """`count` corrections through volte.record.corrections, as people would make them: a third give statements of
    the busiest speaker to someone else, a third change a stance, a third mark a statement as not one."""
    from volte.record.corrections import correct_speaker, correct_stance, mark_not_statement

    rng = random.Random(seed)
    con = sqlite3.connect(db)
    top = con.execute("SELECT speaker_id FROM statements WHERE speaker_id IS NOT NULL GROUP BY speaker_id"
                      " ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    own = [r[0] for r in con.execute("SELECT id FROM statements WHERE speaker_id = ? AND rowid % 101 = 0", (top,))]
    about = con.execute("SELECT t.statement_id, e.name FROM statement_targets t JOIN entities e ON e.id = t.entity_id"
                        " WHERE t.rowid % 997 = 0 LIMIT 1000").fetchall()
    con.close()
    with Store.open(db) as store:
        for i in range(count):
            if i % 3 == 0:
                correct_speaker(store, rng.choice(own), "Bench Corrected Speaker", note="bench")
            elif i % 3 == 1:
                sid, target = rng.choice(about)
                correct_stance(store, sid, target, rng.choice(["favor", "against", "neutral", "none"]), note="bench")
            else:
                mark_not_statement(store, rng.choice(own), note="bench")
    print(f"added {count} corrections", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, required=True, help="A store made by a real `volte ingest`.")
    parser.add_argument("--out", type=Path, default=Path("/tmp/volte-bench-serve.db"))
    parser.add_argument("--statements", type=int, default=1_000_000)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--reuse", action="store_true", help="Measure --out as it is (built by an earlier run).")
    parser.add_argument("--corrections", type=int, default=0,
                        help="Then add this many corrections (speaker, stance, not a statement) and measure again.")
    args = parser.parse_args()
    if not args.reuse:
        build(args.source, args.out, args.statements)
    with Store.open(args.out):  # migrations, and the check that it is a store
        pass
    measure(args.out, args.samples, args.seed)
    if args.corrections:
        add_corrections(args.out, args.corrections, args.seed)
        measure(args.out, args.samples, args.seed)


if __name__ == "__main__":
    main()
