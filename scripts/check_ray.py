"""Does the Ray engine give the local engine's record? Ingest one corpus with both, on a two-node Ray cluster
started on this machine, and compare the exports byte for byte (issue #19: PolNeAR dev).

    python scripts/check_ray.py [ARTICLES] [--workers N] [--nodes N] [--keep DIR]

ARTICLES defaults to ../shared/data/polnear-dates/dev-articles.jsonl (the 84 PolNeAR dev articles with their
dates). The local engine runs `volte ingest --workers N`; the Ray engine `volte ingest --engine ray --address HEAD
--workers N` on a cluster of `--nodes` nodes of one CPU each (tests/ray_cluster.py). Prints each ingest's summary
and time, the statement and reversal counts and the exports' SHA-256; exits 1 when an export differs (and
prints the first differing line) or an ingest failed.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from ray_cluster import local_cluster  # noqa: E402

VOLTE = [sys.executable, "-m", "volte"]
DEFAULT = ROOT.parent / "shared" / "data" / "polnear-dates" / "dev-articles.jsonl"


def _volte(db: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*VOLTE, "--db", str(db), *args], capture_output=True, text=True, env=env)


def _ingest(name: str, db: Path, articles: Path, *args: str, env: dict[str, str] | None = None) -> bool:
    started = time.monotonic()
    done = _volte(db, "ingest", *args, str(articles), env=env)
    seconds = time.monotonic() - started
    last = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "(nothing on stderr)"
    print(f"{name}: {last} (wall {seconds:.1f}s, exit {done.returncode})", flush=True)
    if done.returncode != 0:
        print(done.stderr[-3000:], file=sys.stderr)
    return done.returncode == 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("articles", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--workers", type=int, default=2, help="articles extracted at once, in both engines")
    parser.add_argument("--nodes", type=int, default=2, help="nodes of the local Ray cluster, one CPU each")
    parser.add_argument("--keep", type=Path, help="keep the two stores and their exports in this folder")
    args = parser.parse_args()
    if not args.articles.exists():
        print(f"no {args.articles}: give the articles to ingest", file=sys.stderr)
        return 2
    out = args.keep or Path(tempfile.mkdtemp(prefix="check-ray-"))
    out.mkdir(parents=True, exist_ok=True)
    local, on_ray = out / "local.db", out / "ray.db"
    for db in (local, on_ray):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)

    ok = _ingest("local", local, args.articles, "--workers", str(args.workers))
    with local_cluster(nodes=args.nodes) as cluster:
        print(f"ray cluster: {args.nodes} nodes, head {cluster.head}", flush=True)
        engine = ("--engine", "ray", "--address", cluster.head, "--workers", str(args.workers))
        ok = _ingest("ray", on_ray, args.articles, *engine, env=cluster.env) and ok

    same = True
    for what in ("statements", "reversals"):
        texts = {}
        for name, db in (("local", local), ("ray", on_ray)):
            done = _volte(db, "export", what)
            if done.returncode != 0:
                print(f"{name}: export {what} failed: {done.stderr.strip()}", file=sys.stderr)
                return 1
            texts[name] = done.stdout
            (out / f"{name}-{what}.jsonl").write_text(done.stdout, encoding="utf-8")
        digests = {
            name: hashlib.sha256(text.encode("utf-8")).hexdigest()[:16] for name, text in texts.items()
        }
        lines = {name: text.splitlines() for name, text in texts.items()}
        verdict = "identical" if texts["local"] == texts["ray"] else "DIFFERENT"
        print(
            f"{what}: local {len(lines['local'])} ({digests['local']}), ray {len(lines['ray'])} ({digests['ray']}):"
            f" {verdict}"
        )
        if texts["local"] != texts["ray"]:
            same = False
            for number, (a, b) in enumerate(zip(lines["local"], lines["ray"], strict=False), 1):
                if a != b:
                    print(f"  first difference, line {number}:\n  local {a[:300]}\n  ray   {b[:300]}")
                    break
    if args.keep is None:
        print(f"(stores and exports in {out})")
    return 0 if ok and same else 1


if __name__ == "__main__":
    sys.exit(main())
