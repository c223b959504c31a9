"""Where one process's ingest time goes, stage by stage, and how many sentences a cheap pass would select.

    .venv/bin/python scripts/profile_ingest.py [--texts DIR] [--limit 40]

Over the first N articles (default: 40 PolNeAR dev texts), in this process, CPU time (`time.process_time`):
1. the pipeline as ingest loads it (`load_pipeline("en")`: no lemmatizer, volte's paragraph marks), run component
   by component by hand (`nlp.make_doc`, then each `(name, proc)` of `nlp.pipeline`), so each has its own share;
2. volte's stages after the parse, timed by wrapping the functions `extraction_from_doc` calls (this script's
   wrappers only, nothing in src/ changes): attribution (`attribute`), the date stage (`page_of` + `said_dates`),
   targets (`with_targets`) with the stance scorer inside it (`scored_stance`, `rule_stance`) counted apart;
3. the writer: `Store.write_article` of each extraction into one fresh store;
4. the bare pipeline as `make bench` runs it (every component, `nlp.pipe`, batch 16), for the ratio.
Then a cheap pass (tokenizer plus the `senter` component) counts the sentences that hold a quotation mark, a cue
form (the English cue table's inflected verb forms, report nouns and phrases), and those next to one.
"""

from __future__ import annotations

import argparse
import importlib
import re
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import volte.nlp.extract as extract_module
import volte.nlp.targets as targets_module
from volte.ingest import make_article
from volte.nlp.pipeline import load_pipeline, pipeline_name
from volte.resources import cues
from volte.store.sqlite import Store

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TEXTS = ROOT.parent / "shared" / "data" / "polnear" / "dev" / "text"
_QUOTE = re.compile(r"[\"“”«»„]|''|``")

spent: Counter[str] = Counter()


def _timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[name] += time.process_time() - started

    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=Path, default=DEFAULT_TEXTS)
    parser.add_argument("--limit", type=int, default=40)
    args = parser.parse_args()
    paths = sorted(args.texts.glob("*.txt"))[: args.limit]
    articles = [make_article(p.read_text(encoding="utf-8"), source=str(p)) for p in paths]
    nlp = load_pipeline("en")
    for article in articles[:3]:
        extract_module.extraction_from_doc(nlp(article.text), article)  # (warm up: tables, the stance model)

    extract_module.attribute = _timed("attribution", extract_module.attribute)  # type: ignore[assignment]
    extract_module.page_of = _timed("dates", extract_module.page_of)  # type: ignore[assignment]
    extract_module.said_dates = _timed("dates", extract_module.said_dates)  # type: ignore[assignment]
    extract_module.with_targets = _timed("targets (with stance)", extract_module.with_targets)  # type: ignore[assignment]
    targets_module.scored_stance = _timed("stance", targets_module.scored_stance)  # type: ignore[assignment]
    targets_module.rule_stance = _timed("stance", targets_module.rule_stance)  # type: ignore[assignment]

    statements = 0
    with tempfile.TemporaryDirectory(prefix="volte-profile-") as tmp, Store.open(Path(tmp) / "p.db", create=True) as store:
        for article in articles:
            started = time.process_time()
            doc = nlp.make_doc(article.text)
            spent["spaCy: tokenizer"] += time.process_time() - started
            for name, proc in nlp.pipeline:
                started = time.process_time()
                doc = proc(doc)
                spent[f"spaCy: {name}"] += time.process_time() - started
            started = time.process_time()
            extraction = extract_module.extraction_from_doc(doc, article)
            spent["extraction after the parse"] += time.process_time() - started
            statements += len(extraction.statements)
            started = time.process_time()
            store.write_article(article, extraction.statements, names=extraction.names)
            spent["writer"] += time.process_time() - started

    parse = sum(v for k, v in spent.items() if k.startswith("spaCy"))
    total = parse + spent["extraction after the parse"] + spent["writer"]
    spent["targets (without stance)"] = spent.pop("targets (with stance)") - spent["stance"]
    after = spent.pop("extraction after the parse")
    spent["other extraction (orchestration, ids)"] = after - sum(
        spent[k] for k in ("attribution", "dates", "targets (without stance)", "stance")
    )
    words = sum(len(a.text.split()) for a in articles)
    print(f"{len(articles)} articles, {words:,} words, {statements} statements; CPU {total:.1f} s"
          f" (parse {parse:.1f} s, {parse / total:.0%})")
    print("| stage | CPU s | share of ingest | of the parse |")
    print("| --- | ---: | ---: | ---: |")
    for name, seconds in spent.items():
        of_parse = f"{seconds / parse:.0%}" if name.startswith("spaCy") else ""
        print(f"| {name} | {seconds:.2f} | {seconds / total:.1%} | {of_parse} |")

    module = importlib.import_module(pipeline_name("en"))
    bare = module.load()
    for _doc in bare.pipe([a.text for a in articles[:3]]):
        pass
    started = time.process_time()
    for _doc in bare.pipe([a.text for a in articles], batch_size=16):
        pass
    bare_seconds = time.process_time() - started
    print(f"\nbare pipeline (every component, `nlp.pipe`, batch 16, as `make bench`): {bare_seconds:.2f} s CPU;"
          f" ingest / bare {total / bare_seconds:.2f}x; 1.5x the bare throughput is {bare_seconds / 1.5:.2f} s")

    table = cues("en")
    forms = set(table.verb_forms) | set(table.nouns) | set(table.report_nouns)
    phrases = [" ".join(p).lower() for p in table.phrases]
    cheap = module.load(exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"])
    cheap.enable_pipe("senter")
    started = time.process_time()
    docs = [cheap(a.text) for a in articles]
    cheap_seconds = time.process_time() - started
    total_sents = quoted = cued = flagged = near = 0
    chars = flagged_chars = near_chars = 0
    for doc in docs:
        flags = []
        sents = list(doc.sents)
        for sent in sents:
            has_quote = bool(_QUOTE.search(sent.text))
            low = sent.text.lower()
            has_cue = any(t.lower_ in forms for t in sent) or any(p in low for p in phrases)
            quoted += has_quote
            cued += has_cue
            flags.append(has_quote or has_cue)
        for i, (sent, flag) in enumerate(zip(sents, flags, strict=True)):
            beside = flag or (i > 0 and flags[i - 1]) or (i + 1 < len(flags) and flags[i + 1])
            near += beside
            chars += len(sent.text)
            flagged_chars += len(sent.text) if flag else 0
            near_chars += len(sent.text) if beside else 0
        total_sents += len(sents)
        flagged += sum(flags)
    print(f"\ncheap pass (tokenizer + senter): {cheap_seconds:.2f} s CPU ({cheap_seconds / parse:.0%} of the parse)")
    print(f"{total_sents} sentences: quotation mark {quoted / total_sents:.0%}, cue form or phrase"
          f" {cued / total_sents:.0%}, either {flagged / total_sents:.0%} ({flagged_chars / chars:.0%} of the"
          f" characters), with neighbours {near / total_sents:.0%} ({near_chars / chars:.0%} of the characters)")


if __name__ == "__main__":
    main()
