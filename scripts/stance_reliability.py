"""Reliability of volte's stance confidence on NewsMTSC-style files: how often a stance given at confidence c is right.

    python scripts/stance_reliability.py ../shared/data/newsmtsc/rw-dev.jsonl ../shared/data/newsmtsc/mt-dev.jsonl

Runs `stance_toward` (what ingest and `volte stance` run) on every line and prints, per confidence bin, the number
of predictions, their mean confidence and the share that are right, then the expected calibration error (the
bins' |accuracy - confidence| weighted by their size) and macro-F1. The table in docs/BENCHMARKS.md comes from it.
"""

from __future__ import annotations

import argparse
import json
import pathlib

from volte.nlp.stance import POLARITY, stance_toward

EDGES = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", type=pathlib.Path, nargs="+")
    args = ap.parse_args()
    pairs: list[tuple[float, bool]] = []
    gold: list[int] = []
    pred: list[int] = []
    for path in args.files:
        for line in path.open(encoding="utf-8"):
            if not line.strip():
                continue
            row = json.loads(line)
            result = stance_toward(row["sentence"], row["from"], row["to"])
            pairs.append((result.confidence, POLARITY[result.stance] == row["polarity"]))
            gold.append(row["polarity"])
            pred.append(POLARITY[result.stance])
    print(f"{', '.join(p.name for p in args.files)}: {len(pairs)} predictions")
    print("| confidence | predictions | mean confidence | right |")
    print("| --- | --- | --- | --- |")
    ece = 0.0
    for lo, hi in zip(EDGES, EDGES[1:], strict=False):
        inside = [(c, ok) for c, ok in pairs if lo <= c < hi]
        if not inside:
            continue
        mean = sum(c for c, _ in inside) / len(inside)
        right = sum(ok for _, ok in inside) / len(inside)
        ece += len(inside) / len(pairs) * abs(right - mean)
        print(f"| {lo:.1f}-{min(hi, 1.0):.1f} | {len(inside)} | {mean:.3f} | {right:.3f} |")
    f1s = []
    for c in (-1, 0, 1):
        tp = sum(g == c and p == c for g, p in zip(gold, pred, strict=True))
        wrong = sum((g == c) != (p == c) for g, p in zip(gold, pred, strict=True))
        f1s.append(2 * tp / (2 * tp + wrong) if tp else 0.0)
    print(f"ECE {ece:.3f}; accuracy {sum(ok for _, ok in pairs) / len(pairs):.3f}; macro-F1 {sum(f1s) / 3:.3f}")


if __name__ == "__main__":
    main()
