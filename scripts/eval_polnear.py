"""The accuracy gate: ingest PolNeAR's texts, export, score with the shared scorer, compare with the pinned floor.

    python scripts/eval_polnear.py [--split dev] [--data ../shared/data/polnear] [--check] [--keep DIR]

Runs volte as a user would (`python -m volte ingest …`, `python -m volte export statements …`), then
`../shared/eval/score_polnear.py`. With --check, exits 1 when a figure is below its floor in eval_baseline.json.
Exits 3 (and says why) when the data or the scorer is absent: a user's clone has no ../shared.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "eval_baseline.json"
_FIGURES = re.compile(r"P=(?P<P>[\d.]+) R=(?P<R>[\d.]+) F1=(?P<F1>[\d.]+) direct_R=(?P<direct_R>[\d.]+) speaker=(?P<speaker>[\d.]+)")


def score(split: str, data: Path, scorer: Path, workdir: Path) -> dict[str, float]:
    """Ingest `data/split/text` into a fresh store in `workdir`, export and score; the scorer's figures."""
    db, out = workdir / "eval.db", workdir / f"{split}.jsonl"
    volte = [sys.executable, "-m", "volte", "--db", str(db)]
    start = time.perf_counter()
    subprocess.run([*volte, "ingest", str(data / split / "text")], check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    with out.open("wb") as fh:
        subprocess.run([*volte, "export", "statements", "--format", "jsonl"], check=True, stdout=fh)
    report = subprocess.run(
        [sys.executable, str(scorer), str(data), split, str(out)], check=True, capture_output=True, text=True
    ).stdout
    print(report, end="")
    m = _FIGURES.search(report)
    if m is None:
        raise SystemExit(f"could not read the scorer's output:\n{report}")
    figures = {k: float(v) for k, v in m.groupdict().items()}
    figures["ingest_seconds"] = round(seconds, 1)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    parser.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "eval" / "score_polnear.py")
    parser.add_argument("--check", action="store_true", help="exit 1 when a figure is below its floor")
    parser.add_argument("--keep", type=Path, help="keep the store and export in this folder")
    args = parser.parse_args()
    if not (args.data / args.split / "text").is_dir() or not args.scorer.is_file():
        print(f"PolNeAR data or scorer not found ({args.data}, {args.scorer}): nothing to measure", file=sys.stderr)
        return 3
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        figures = score(args.split, args.data, args.scorer, args.keep)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            figures = score(args.split, args.data, args.scorer, Path(tmp))
    print(json.dumps(figures))
    if not args.check:
        return 0
    floors = json.loads(BASELINE.read_text())[args.split]
    low = {k: (figures[k], floor) for k, floor in floors.items() if figures[k] < floor}
    for k, (got, floor) in low.items():
        print(f"below the floor: {k} = {got:.3f} < {floor:.3f}", file=sys.stderr)
    return 1 if low else 0


if __name__ == "__main__":
    raise SystemExit(main())
