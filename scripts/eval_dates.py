"""The date gate: when each PolNeAR dev attribution was said, scored with the shared scorer, against pinned floors.

    python scripts/eval_dates.py [--data ../shared/data/polnear-dates] [--check] [--keep DIR] [--verbose]

Runs volte as a user would (`python -m volte ingest dev-articles.jsonl`, which carries each article's publication
date, then `python -m volte export statements`), then `../shared/eval/score_dates.py`. Figures: `dated` (explicit
or relative gold dates found at the gold's granularity), `explicit`, `relative`, `kept` (undated reported speech left
at the publication date), `before`, and `after_publication` (statements dated after their article: must stay 0).
With --check, exits 1 when a figure is below its floor in eval_baseline.json (`dates_dev`; `after_publication` is a
ceiling). Exits 3 (and says why) when the data or the scorer is absent: a user's clone has no ../shared.
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
_FIGURES = re.compile(
    r"dated=(?P<dated>[\d.]+) \(\d+/\d+\) explicit=(?P<explicit>[\d.]+) relative=(?P<relative>[\d.]+)"
    r" kept=(?P<kept>[\d.]+) before=(?P<before>[\d.]+) after_publication=(?P<after_publication>\d+)"
)


def score(data: Path, scorer: Path, workdir: Path, verbose: bool) -> dict[str, float]:
    """Ingest the dated dev articles into a fresh store in `workdir`, export and score; the scorer's figures."""
    db, out = workdir / "dates.db", workdir / "dates.jsonl"
    volte = [sys.executable, "-m", "volte", "--db", str(db)]
    trace = ["--trace", str(workdir / "trace.jsonl")]  # the rules that decided each statement, its date's too
    subprocess.run([*volte, "ingest", *trace, str(data / "dev-articles.jsonl")], check=True, stdout=subprocess.DEVNULL)
    with out.open("wb") as fh:
        subprocess.run([*volte, "export", "statements", "--format", "jsonl"], check=True, stdout=fh)
    flags = ["--verbose"] if verbose else []
    report = subprocess.run(
        [sys.executable, str(scorer), str(data / "dev.jsonl"), str(out), *flags], check=True, capture_output=True, text=True
    ).stdout
    print(report, end="")
    m = _FIGURES.search(report)
    if m is None:
        raise SystemExit(f"could not read the scorer's output:\n{report}")
    return {k: float(v) for k, v in m.groupdict().items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "polnear-dates")
    parser.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "eval" / "score_dates.py")
    parser.add_argument("--check", action="store_true", help="exit 1 when a figure is below its floor")
    parser.add_argument("--keep", type=Path, help="keep the store and export in this folder")
    parser.add_argument("--verbose", action="store_true", help="print every miss (the scorer's --verbose)")
    args = parser.parse_args()
    if not (args.data / "dev-articles.jsonl").is_file() or not args.scorer.is_file():
        print(f"polnear-dates data or scorer not found ({args.data}, {args.scorer}): nothing to measure", file=sys.stderr)
        return 3
    with workdir(args.keep) as folder:
        figures = score(args.data, args.scorer, folder, args.verbose)
    print(json.dumps(figures))
    if not args.check:
        return 0
    failed = past_bounds(figures, json.loads(BASELINE.read_text())["dates_dev"], ceilings=("after_publication",))
    for line in failed:
        print(line, file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
