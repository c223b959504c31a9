"""The identity gate: who is who across PolNeAR dev's 84 articles in one store, scored with the shared scorer.

    python scripts/eval_identity.py [--split dev] [--data ../shared/data/polnear] [--export FILE] [--check] [--verbose]

Ingests the split's texts into ONE fresh store and exports it as a user would (scripts/eval_polnear.py does the
same: `--export` scores the export it kept with `--keep`, without ingesting again), then runs
`../shared/eval/score_identity.py`: `split` (share of a person's statements outside their main entity), `merged`
(statements under another person's entity), `named` (main entity under the proper name), `ents` (entities per
person). With --check, exits 1 when `split` or `merged` is above its ceiling or `named` below its floor in
eval_baseline.json (`identity_dev`). Exits 3 (and says why) when the data or the scorer is absent.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "eval_baseline.json"
_FIGURES = re.compile(r"split=(?P<split>[\d.]+) merged=(?P<merged>[\d.]+) named=(?P<named>[\d.]+) ents=(?P<ents>[\d.]+)")
_CEILINGS = ("split", "merged", "ents")  # lower is better


def export(split: str, data: Path, workdir: Path) -> Path:
    db, out = workdir / "identity.db", workdir / f"{split}.jsonl"
    volte = [sys.executable, "-m", "volte", "--db", str(db)]
    subprocess.run([*volte, "ingest", str(data / split / "text")], check=True, stdout=subprocess.DEVNULL)
    with out.open("wb") as fh:
        subprocess.run([*volte, "export", "statements", "--format", "jsonl"], check=True, stdout=fh)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    parser.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "eval" / "score_identity.py")
    parser.add_argument("--export", type=Path, help="score this export of the whole split instead of ingesting")
    parser.add_argument("--check", action="store_true", help="exit 1 when a figure is past its pinned bound")
    parser.add_argument("--verbose", action="store_true", help="print every person's entities")
    args = parser.parse_args()
    if not (args.data / args.split / "text").is_dir() or not args.scorer.is_file():
        print(f"PolNeAR data or scorer not found ({args.data}, {args.scorer}): nothing to measure", file=sys.stderr)
        return 3
    with tempfile.TemporaryDirectory() as tmp:
        out = args.export or export(args.split, args.data, Path(tmp))
        flags = ["--verbose"] if args.verbose else []
        report = subprocess.run(
            [sys.executable, str(args.scorer), str(args.data), args.split, str(out), *flags],
            check=True, capture_output=True, text=True,
        ).stdout
    print(report, end="")
    m = _FIGURES.search(report)
    if m is None:
        raise SystemExit(f"could not read the scorer's output:\n{report}")
    figures = {k: float(v) for k, v in m.groupdict().items()}
    print(json.dumps(figures))
    if not args.check:
        return 0
    bounds = json.loads(BASELINE.read_text())[f"identity_{args.split}"]
    bad = {k: (figures[k], b) for k, b in bounds.items() if (figures[k] > b if k in _CEILINGS else figures[k] < b)}
    for k, (got, bound) in bad.items():
        print(f"past the pinned bound: {k} = {got:.3f} ({'ceiling' if k in _CEILINGS else 'floor'} {bound:.3f})",
              file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
