"""What the store's writer costs per statement as the store fills: linking, clustering and the rest of a write.

    python scripts/bench_writer.py FILL.pkl PROBE.pkl [--store FILLED.db] [--keep FILLED.db]

FILL.pkl and PROBE.pkl are extractions pickled by scripts/check_arrival_order.py (`--cache`), so that only the
store is timed. The probe articles (PolNeAR dev, say) are written into an empty store, then into a store holding
the fill articles (PolNeAR train): `--store` starts from a copy of a store filled before (`--keep` saves one).
Prints, for each, CPU milliseconds per statement (this process's CPU time: SQLite runs in it; wall time on a shared
machine mostly measures the others) of the whole write, of `cluster_article` (candidate queries and
comparisons) and of entity linking (`link_article`, `recluster`), how many of them are in a cluster of two or
more, and the fill's curve per tenth.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from check_arrival_order import Extracted, from_cache

from volte.store import Store
from volte.store import sqlite as store_sqlite

_TIMED = ("cluster_article", "recluster")


def _timing(spent: dict[str, float]) -> None:
    """Wrap the writer's steps so that their time adds up in `spent`."""
    def wrap(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - start
        return timed
    for name in _TIMED:
        setattr(store_sqlite, name, wrap(name, getattr(store_sqlite, name)))
    store_sqlite.entities.link_article = wrap("link_article", store_sqlite.entities.link_article)


def write(db: Path, items: Extracted, spent: dict[str, float]) -> dict[str, float]:
    """Write the items, returning ms per statement of the write and of each timed step."""
    spent.clear()
    n = sum(len(ss) for _, ss in items) or 1
    with Store.open(db) as store:
        start = time.process_time()
        for article, statements in items:
            store.write_article(article, statements)
        total = time.process_time() - start
        ids = {s.id for _, ss in items for s in ss}
        clustered = sum(1 for s, _ in store.iter_statements() if s.id in ids and s.cluster)
    # (`clustered`: how many of the items' statements are in a cluster of two or more, to see that a faster writer
    # still finds the same pairs.)
    return {"write": 1000 * total / n, **{k: 1000 * v / n for k, v in sorted(spent.items())}, "statements": n,
            "clustered": clustered}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("fill", type=Path)
    parser.add_argument("probe", type=Path)
    parser.add_argument("--store", type=Path, help="a store filled before with FILL (copied, not changed)")
    parser.add_argument("--keep", type=Path, help="save the filled store here")
    args = parser.parse_args()
    fill, probe = from_cache(args.fill.read_bytes()), from_cache(args.probe.read_bytes())
    spent: dict[str, float] = {}
    _timing(spent)
    with tempfile.TemporaryDirectory() as tmp:
        out: dict[str, Any] = {"empty": write(Path(tmp) / "empty.db", probe, spent)}
        filled = Path(tmp) / "filled.db"
        if args.store:
            shutil.copy(args.store, filled)
        else:
            tenth = max(1, len(fill) // 10)
            out["fill"] = [write(filled, fill[i : i + tenth], spent) for i in range(0, len(fill), tenth)]
            if args.keep:
                with Store.open(filled):
                    pass  # (a checkpoint: the WAL into the file)
                shutil.copy(filled, args.keep)
        out["filled"] = write(filled, probe, spent)
    for key in ("empty", "filled"):
        print(key, json.dumps({k: round(v, 2) for k, v in out[key].items()}))
    for i, row in enumerate(out.get("fill", [])):
        print(f"fill {i + 1}/10", json.dumps({k: round(v, 2) for k, v in row.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
