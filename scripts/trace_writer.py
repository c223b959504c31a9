"""Where ingest time goes as the store fills: per article, the CPU time of extraction and of the store's write.

    .venv/bin/python scripts/trace_writer.py [--texts DIR] [--limit N] OUT.tsv

Reads the texts in file order (PolNeAR train by default), extracts each article's statements in this process and
writes them into one fresh store in a temporary folder, timing each step with `time.process_time` (the store's
SQLite runs in this process, so its work is counted). Writes one row per article to OUT.tsv (`i`, `statements`,
`extract`, `write`, seconds) and prints the writer's cost per statement by stretches of the run. To compare two
commits, run it on both at the same time (the machine's speed varies by the hour): with another checkout's
`src` first on `PYTHONPATH`.
"""

from __future__ import annotations

import argparse
import csv
import tempfile
import time
from itertools import pairwise
from pathlib import Path

from volte.ingest import IngestFailure, iter_articles
from volte.nlp.extract import extract_statements
from volte.nlp.pipeline import load_pipeline
from volte.store import Store

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TEXTS = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"
_STRETCHES = (100, 300, 500, 700)  # the articles after which the printed cost per statement is cut


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--texts", type=Path, default=DEFAULT_TEXTS)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    paths = sorted(args.texts.iterdir())[: args.limit]
    load_pipeline("en")
    with tempfile.TemporaryDirectory() as tmp, args.out.open("w", newline="") as fh:
        store = Store(Path(tmp) / "volte.db")
        out = csv.writer(fh, delimiter="\t")
        out.writerow(["i", "statements", "extract", "write"])
        rows: list[tuple[int, float, float]] = []
        for i, article in enumerate(iter_articles(paths)):
            if isinstance(article, IngestFailure):
                continue
            started = time.process_time()
            statements = extract_statements(article)
            extracted = time.process_time()
            store.write_article(article, statements)
            written = time.process_time()
            rows.append((len(statements), extracted - started, written - extracted))
            out.writerow([i, len(statements), f"{extracted - started:.4f}", f"{written - extracted:.4f}"])
            fh.flush()
    cuts = [0, *(c for c in _STRETCHES if c < len(rows)), len(rows)]
    for a, b in pairwise(cuts):
        count = sum(n for n, _, _ in rows[a:b]) or 1
        print(f"articles {a + 1}-{b}: extraction {1000 * sum(e for _, e, _ in rows[a:b]) / count:.1f} ms, "
              f"writer {1000 * sum(w for _, _, w in rows[a:b]) / count:.2f} ms per statement")
    print(f"in all: extraction {sum(e for _, e, _ in rows):.1f} s, writer {sum(w for _, _, w in rows):.1f} s CPU")


if __name__ == "__main__":
    main()
