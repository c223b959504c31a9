"""What selective parsing could save: where the parse's time goes, and how many sentences a cheap pass would flag.

    .venv/bin/python scripts/parse_shares.py [--texts DIR] [--limit N]

1. The English pipeline as ingest runs it (no lemmatizer), its components switched off one at a time from the last
   (`select_pipes`): the CPU time of each over the texts.
2. A cheap pass (tokenizer and the `senter` component): the share of sentences that hold a quotation mark, a cue
   form or a cue phrase of `cues_en.yaml`, alone and with their neighbours; and of those with a capitalised word
   past the first (a name NER would be needed for).
"""

from __future__ import annotations

import argparse
import importlib
import re
import time
from pathlib import Path

from volte.nlp.pipeline import pipeline_name
from volte.resources import cues

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TEXTS = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"
_QUOTE = re.compile(r"[\"“”«»]|''|``")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=Path, default=DEFAULT_TEXTS)
    parser.add_argument("--limit", type=int, default=60)
    args = parser.parse_args()
    texts = [p.read_text() for p in sorted(args.texts.iterdir())[: args.limit]]
    module = importlib.import_module(pipeline_name("en"))

    nlp = module.load(disable=["lemmatizer"])
    for text in texts[:5]:
        nlp(text)  # (warm up: the first calls allocate)
    steps = [[], ["ner"], ["ner", "attribute_ruler", "parser"], ["ner", "attribute_ruler", "parser", "tagger"],
             ["ner", "attribute_ruler", "parser", "tagger", "tok2vec"]]
    times = []
    for off in steps:
        with nlp.select_pipes(disable=off):
            started = time.process_time()
            for text in texts:
                nlp(text)
            times.append(time.process_time() - started)
    names = ["ner", "parser and attribute ruler", "tagger", "tok2vec", "tokenizer"]
    shares = [a - b for a, b in zip(times, times[1:], strict=False)] + [times[-1]]
    print(f"{len(texts)} articles, full pipeline {times[0]:.1f} s CPU:")
    for name, share in zip(names, shares, strict=True):
        print(f"  {name}: {share:.1f} s ({share / times[0]:.0%})")

    table = cues("en")
    words = set(table.verb_forms) | set(table.nouns) | set(table.report_nouns)
    phrases = [" ".join(p).lower() for p in table.phrases]
    cheap = module.load(exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"])
    cheap.enable_pipe("senter")
    started = time.process_time()
    docs = [cheap(text) for text in texts]
    cheap_time = time.process_time() - started
    total = flagged = near = named = 0
    for doc in docs:
        flags = []
        for sent in doc.sents:
            low = sent.text.lower()
            flags.append(bool(_QUOTE.search(sent.text)) or any(t.lower_ in words for t in sent)
                         or any(p in low for p in phrases))
            named += any(t.is_title and not t.is_sent_start for t in sent)
        total += len(flags)
        flagged += sum(flags)
        near += sum(f or (i > 0 and flags[i - 1]) or (i + 1 < len(flags) and flags[i + 1]) for i, f in enumerate(flags))
    print(f"cheap pass (tokenizer + senter): {cheap_time:.1f} s CPU ({cheap_time / times[0]:.0%} of the pipeline)")
    print(f"{total} sentences: flagged {flagged / total:.0%}, with neighbours {near / total:.0%}, "
          f"with a capitalised word past the first {named / total:.0%}")


if __name__ == "__main__":
    main()
