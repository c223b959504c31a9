"""What targets and stance cost at ingest: CPU time of the extraction with and without them.

    python scripts/bench_stance.py ../shared/data/polnear/dev/text [--runs 2]

Each article is parsed once (its CPU time printed); then `statements_from_doc` runs on the parsed documents
without targets (the step replaced by the identity) and with them, `--runs` times each. Prints CPU seconds, ms
per article, statements, targets, and the calls to the stance model (docs/BENCHMARKS.md, stance).
"""

from __future__ import annotations

import argparse
import pathlib
import time

import volte.nlp.extract as extract
import volte.nlp.stance as stance
from volte.ingest.files import read_file
from volte.model import Article
from volte.nlp.pieces import parse_bounded
from volte.nlp.pipeline import load_pipeline


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("text", type=pathlib.Path)
    ap.add_argument("--runs", type=int, default=2)
    args = ap.parse_args()
    articles = [a for f in sorted(args.text.iterdir()) for a in read_file(f) if isinstance(a, Article)]
    nlp = load_pipeline("en")
    started = time.process_time()
    docs = [(parse_bounded(nlp, a.text), a) for a in articles]
    parse = time.process_time() - started
    print(f"parsing: {parse:.2f} s CPU, {parse / len(docs) * 1000:.0f} ms per article")
    model = stance.load_model()
    calls = 0
    predict = model.predict

    def counted(sentence: str, start: int, end: int) -> stance.StanceResult:
        nonlocal calls
        calls += 1
        return predict(sentence, start, end)

    model.predict = counted  # type: ignore[method-assign]
    real = extract.with_targets
    for doc, article in docs[:5]:
        extract.statements_from_doc(doc, article)  # warm up
    for _ in range(args.runs):
        for name, step in (("without targets and stance", lambda doc, book, out: out), ("with them", real)):
            extract.with_targets = step  # type: ignore[assignment]
            calls = 0
            started = time.process_time()
            found = [extract.statements_from_doc(doc, article) for doc, article in docs]
            cpu = time.process_time() - started
            statements = sum(len(s) for s in found)
            targets = sum(len(st.targets) for s in found for st in s)
            print(f"{name}: {cpu:.2f} s CPU, {cpu / len(docs) * 1000:.0f} ms per article, {statements} statements, "
                  f"{targets} targets, {calls} model calls")
    extract.with_targets = real


if __name__ == "__main__":
    main()
