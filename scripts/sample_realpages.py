"""Draw statements at random from the real pages, for checking by hand (issue #14).

    python scripts/sample_realpages.py [--pages ../shared/data/realpages/pages] [--n 40] [--seed 14] [--keep DIR] [-o FILE]

Ingests the saved pages into a fresh store (`volte ingest`), exports every statement, and draws `n` of them with a
fixed seed, the same ones for the same code and pages. Prints each with its article, speaker, voice, cue, date,
targets and the words around it (the statement in [[ ]]), to be checked against the page (docs/BENCHMARKS.md holds the last check).
Exits 3 when the pages are absent (a user's clone has no ../shared).
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from gate import workdir

ROOT = Path(__file__).resolve().parent.parent


def draw(pages: Path, n: int, seed: int, workdir: Path) -> list[dict[str, Any]]:
    """`n` statements of the pages' export, drawn with `seed` (all of them when there are fewer)."""
    db, out = workdir / "pages.db", workdir / "pages.jsonl"
    volte = [sys.executable, "-m", "volte", "--db", str(db)]
    ingested = subprocess.run([*volte, "ingest", str(pages)], stdout=subprocess.DEVNULL)
    if ingested.returncode not in (0, 1):  # 1: a page it could not read, reported and skipped
        raise SystemExit(f"volte ingest failed ({ingested.returncode})")
    with out.open("wb") as fh:
        subprocess.run([*volte, "export", "statements", "--format", "jsonl"], check=True, stdout=fh)
    statements = [json.loads(line) for line in out.open(encoding="utf-8")]
    statements.sort(key=lambda s: str(s["id"]))  # the export's order is the store's: fix it before drawing
    drawn = random.Random(seed).sample(statements, min(n, len(statements)))
    with sqlite3.connect(db) as store:
        texts = dict(store.execute("SELECT id, text FROM articles"))
    for s in drawn:
        text, start, end = texts.get(str(s["article"]["id"]), ""), int(s["start"]), int(s["end"])
        s["around"] = f"{text[max(0, start - 300) : start]}[[{text[start:end]}]]{text[end : end + 150]}"
    return drawn


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=ROOT.parent / "shared" / "data" / "realpages" / "pages")
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--keep", type=Path, help="keep the store and the export in this folder")
    parser.add_argument("-o", "--output", type=Path, help="also write the drawn statements as JSON Lines")
    args = parser.parse_args()
    if not args.pages.is_dir():
        print(f"no pages at {args.pages}", file=sys.stderr)
        return 3
    with workdir(args.keep) as folder:
        drawn = draw(args.pages, args.n, args.seed, folder)
    for k, s in enumerate(drawn, 1):
        speaker = (s.get("speaker") or {}).get("name")
        article = s["article"]
        targets = ", ".join(f"{t['name']}:{t['stance']}" for t in s["targets"])
        print(f"{k:2}. {Path(str(article['source'])).name} [{s['start']}:{s['end']}]")
        print(f"    speaker={speaker!r} voice={s.get('voice')} kind={s['kind']} cue={s['cue']!r} said={s['said']}")
        print(f"    targets: {targets or '-'}")
        print(f"    text: {s['text']}")
        print(f"    around: {' / '.join(s['around'].split(chr(10)))}")
    if args.output:
        with args.output.open("w", encoding="utf-8") as fh:
            for s in drawn:
                fh.write(json.dumps(s, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
