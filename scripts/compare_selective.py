"""Selective parsing against the full parse, in one process: extraction CPU time and what changes in the statements.

    .venv/bin/python scripts/compare_selective.py [--texts DIR] [--limit 40] [--neighbours 1]

For each of the first N articles read from DIR (any format ingest reads; default: the PolNeAR dev texts), `extract_article` runs twice, with `$VOLTE_SELECTIVE_PARSE`
0 and 1 (and `$VOLTE_PARSE_NEIGHBOURS`), timed in CPU seconds; the statements are compared by span (the same id),
then by speaker, kind, voice, date and targets; and the parse alone (`parse_bounded`, whole or selective) is timed
too. Both modes run article by article, interleaved. Prints the totals and the first differences.
"""

from __future__ import annotations

import argparse
import os
import time
from functools import partial
from pathlib import Path

from volte.ingest import iter_articles
from volte.model import Article, Statement
from volte.nlp.extract import extract_article
from volte.nlp.pieces import parse_bounded
from volte.nlp.pipeline import load_pipeline
from volte.nlp.selective import parse_selective
from volte.resources import cues

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TEXTS = ROOT.parent / "shared" / "data" / "polnear" / "dev" / "text"


def _key(s: Statement) -> tuple[object, ...]:
    targets = tuple(sorted((t.entity.name, t.stance) for t in s.targets))
    return (s.speaker.name if s.speaker else None, s.kind, s.voice, s.said, s.cue, targets)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=Path, default=DEFAULT_TEXTS)
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--neighbours", type=int, default=1)
    parser.add_argument("--show", type=int, default=12, help="Differences printed (default 12).")
    args = parser.parse_args()
    os.environ["VOLTE_PARSE_NEIGHBOURS"] = str(args.neighbours)
    articles = [a for a in iter_articles([args.texts]) if isinstance(a, Article)][: args.limit]
    seconds = {"0": 0.0, "1": 0.0}
    parse_seconds = {"0": 0.0, "1": 0.0}
    found: dict[str, list[dict[str, Statement]]] = {"0": [], "1": []}
    for mode in ("0", "1"):
        os.environ["VOLTE_SELECTIVE_PARSE"] = mode
        extract_article(articles[0])  # (warm up)
    nlp = load_pipeline("en")
    table = cues("en")
    for k, article in enumerate(articles):
        # Interleaved, in alternating order, so a change in the machine's load falls on both modes alike.
        for mode in ("0", "1") if k % 2 == 0 else ("1", "0"):
            os.environ["VOLTE_SELECTIVE_PARSE"] = mode
            started = time.process_time()
            statements = extract_article(article).statements
            seconds[mode] += time.process_time() - started
            found[mode].append({s.id: s for s in statements})
            if article.language == "en":
                started = time.process_time()
                parse_bounded(nlp, article.text, parse=partial(parse_selective, nlp, table=table, neighbours=args.neighbours) if mode == "1" else None)
                parse_seconds[mode] += time.process_time() - started
    full = sum(len(f) for f in found["0"])
    lost = gained = changed = 0
    shown: list[str] = []
    for article, before, after in zip(articles, found["0"], found["1"], strict=True):
        for sid in before.keys() - after.keys():
            lost += 1
            shown.append(f"lost   {Path(article.source).name} {before[sid].start}: {before[sid].text[:70]!r}")
        for sid in after.keys() - before.keys():
            gained += 1
            shown.append(f"gained {Path(article.source).name} {after[sid].start}: {after[sid].text[:70]!r}")
        for sid in before.keys() & after.keys():
            if _key(before[sid]) != _key(after[sid]):
                changed += 1
                shown.append(f"changed {Path(article.source).name} {before[sid].start}: {_key(before[sid])} -> {_key(after[sid])}")
    english = sum(a.language == "en" for a in articles)
    print(f"{len(articles)} articles ({english} English); extraction CPU: full parse {seconds['0']:.2f} s, selective"
          f" (neighbours {args.neighbours}) {seconds['1']:.2f} s ({seconds['1'] / seconds['0']:.2f}x); the parse alone"
          f" {parse_seconds['0']:.2f} s -> {parse_seconds['1']:.2f} s ({parse_seconds['1'] / parse_seconds['0']:.2f}x)")
    print(f"{full} statements with the full parse: {lost} lost, {gained} gained, {changed} changed"
          " (speaker, kind, voice, date, cue or targets)")
    for line in shown[: args.show]:
        print("  " + line)


if __name__ == "__main__":
    main()
