"""The French accuracy gate: ingest the wikinews-fr articles, export, score with the shared scorer, compare with the
pinned floors.

    python scripts/eval_french.py [--data ../shared/data/wikinews-fr] [--check] [--keep DIR] [--verbose]

Runs volte as a user would (`python -m volte ingest …`, `python -m volte export statements …`), then
`../shared/eval/score_gold.py EXPORT gold.json` (20 real French Wikinews articles, 151 statements annotated by
hand; see that folder's README). With --check, exits 1 when a figure is below its floor in eval_baseline.json
(`wikinews_fr`; `false_attributions` is a ceiling). With --verbose, prints the scorer's misses. Exits 3 (and says
why) when the data or the scorer is absent: a user's clone has no ../shared.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

from gate import past_bounds, workdir

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "eval_baseline.json"
_FIGURE = re.compile(r"(\w+)=([\d.]+)")
_CEILINGS = {"false_attributions"}  # figures that must not rise


def score(data: Path, scorer: Path, workdir: Path, verbose: bool = False) -> dict[str, float]:
    """Ingest `data/text` into a fresh store in `workdir`, export and score; the scorer's figures."""
    db, out = workdir / "fr.db", workdir / "fr.jsonl"
    volte = [sys.executable, "-m", "volte", "--db", str(db)]
    subprocess.run([*volte, "ingest", str(data / "text")], check=True, stdout=subprocess.DEVNULL)
    with out.open("wb") as fh:
        subprocess.run([*volte, "export", "statements", "--format", "jsonl"], check=True, stdout=fh)
    flags = ["--verbose"] if verbose else []
    scored = subprocess.run(
        [sys.executable, str(scorer), str(out), str(data / "gold.json"), *flags], capture_output=True, text=True,
        check=True,
    )
    if verbose:
        print(scored.stdout, end="")
    summary = next(line for line in scored.stdout.splitlines() if line.startswith("gold:"))
    return {name: float(value) for name, value in _FIGURE.findall(summary)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "wikinews-fr")
    parser.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "eval" / "score_gold.py")
    parser.add_argument("--check", action="store_true", help="exit 1 when a figure is past its bound")
    parser.add_argument("--keep", type=Path, help="keep the store and export in this folder")
    parser.add_argument("--verbose", action="store_true", help="print the scorer's misses")
    args = parser.parse_args()
    if not (args.data / "text").is_dir() or not (args.data / "gold.json").is_file() or not args.scorer.is_file():
        print(f"wikinews-fr data or scorer not found ({args.data}, {args.scorer}): nothing to measure", file=sys.stderr)
        return 3
    with workdir(args.keep) as folder:
        figures = score(args.data, args.scorer, folder, args.verbose)
    print("wikinews-fr: " + " ".join(f"{k}={v:g}" for k, v in figures.items()))
    print(json.dumps(figures))
    if not args.check:
        return 0
    failed = past_bounds(figures, json.loads(BASELINE.read_text())["wikinews_fr"], ceilings=_CEILINGS)
    for line in failed:
        print(f"FAIL: {line}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
