"""The accuracy gate: ingest PolNeAR's texts, export, score with the shared scorer, compare with the pinned floor.

    python scripts/eval_polnear.py [--split dev] [--data ../shared/data/polnear] [--check] [--keep DIR [--rescore]] [--by-rule]

Runs volte as a user would (`python -m volte ingest …`, `python -m volte export statements …`), then
`../shared/eval/score_polnear.py`. With --check, exits 1 when a figure is below its floor in eval_baseline.json.
With --by-rule, ingests with `--trace` and prints, for every attribution rule, how many statements it decided,
their precision (matched to a gold attribution, as the scorer matches) and their speaker accuracy (where the gold
source is a name, as the scorer counts it). Exits 3 (and says why) when the data or the scorer is absent: a user's
clone has no ../shared.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from gate import past_bounds, workdir

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "eval_baseline.json"
_FIGURES = re.compile(r"P=(?P<P>[\d.]+) R=(?P<R>[\d.]+) F1=(?P<F1>[\d.]+) direct_R=(?P<direct_R>[\d.]+) speaker=(?P<speaker>[\d.]+)")


def score(
    split: str, data: Path, scorer: Path, workdir: Path, by_rule: bool = False, rescore: bool = False
) -> dict[str, float]:
    """Ingest `data/split/text` into a fresh store in `workdir`, export and score; the scorer's figures."""
    db, out, trace = workdir / "eval.db", workdir / f"{split}.jsonl", workdir / f"{split}.trace.jsonl"
    volte = [sys.executable, "-m", "volte", "--db", str(db)]
    start = time.perf_counter()
    if not rescore:
        tracing = ["--trace", str(trace)] if by_rule else []
        subprocess.run([*volte, "ingest", str(data / split / "text"), *tracing], check=True, stdout=subprocess.DEVNULL)
        with out.open("wb") as fh:
            subprocess.run([*volte, "export", "statements", "--format", "jsonl"], check=True, stdout=fh)
    seconds = time.perf_counter() - start
    scored = subprocess.run([sys.executable, str(scorer), str(data), split, str(out)], capture_output=True, text=True)
    if scored.returncode == 0:
        report = scored.stdout
    else:
        # The shared scorer stops on the one malformed `.ann` line of the train split: the same scoring in process,
        # with that line skipped.
        print(f"the shared scorer failed ({scored.stderr.strip().splitlines()[-1]}); scoring in process", file=sys.stderr)
        report = score_in_process(data, split, scorer, out)
    print(report, end="")
    m = _FIGURES.search(report)
    if m is None:
        raise SystemExit(f"could not read the scorer's output:\n{report}")
    figures = {k: float(v) for k, v in m.groupdict().items()}
    figures["ingest_seconds"] = round(seconds, 1)
    if by_rule:
        print_rule_table(split, data, scorer, out, trace)
    return figures


def _scorer_module(scorer: Path) -> SimpleNamespace:
    """The shared scorer's own functions (its file ends by calling main(), which is left out)."""
    source = scorer.read_text()
    namespace: dict[str, Any] = {"__name__": "score_polnear"}
    exec(compile(source.rsplit("\nmain()", 1)[0], str(scorer), "exec"), namespace)  # noqa: S102
    return SimpleNamespace(**namespace)


def read_gold(data: Path, split: str) -> dict[str, list[dict[str, str]]]:
    """The gold attributions per article stem, read as the shared scorer reads them, a malformed line skipped."""
    gold: dict[str, list[dict[str, str]]] = {}
    for ann in sorted((data / split / "attributions").glob("*.ann")):
        stem = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
        if stem in gold:
            continue  # several annotators: keep the first
        text = (data / split / "text" / (stem + ".txt")).read_text()
        spans: dict[str, str] = {}
        events = []
        for line in ann.read_text().splitlines():
            fields = line.split("\t")
            if line.startswith("T") and len(fields) == 3:
                pieces = [tuple(map(int, p.split())) for p in fields[1].split(" ", 1)[1].split(";")]
                spans[fields[0]] = " ".join(text[a:b] for a, b in pieces)
            elif line.startswith("E") and len(fields) >= 2:
                events.append(dict(a.split(":") for a in fields[1].split()[1:]))
        items = []
        for e in events:
            content = " ".join(spans[v] for k, v in e.items() if k.startswith("Content") and v in spans)
            source = " ".join(spans[v] for k, v in e.items() if k.startswith("Source") and v in spans)
            if content.strip():
                items.append({"content": content, "source": source})
        gold[stem] = items
    return gold


def score_in_process(data: Path, split: str, scorer: Path, export: Path) -> str:
    """The shared scorer's report, computed here (see `judge`)."""
    gold = read_gold(data, split)
    verdicts = judge(data, split, scorer, export)
    sc = _scorer_module(scorer)
    preds = {r["id"]: r for r in map(json.loads, export.open()) if r["id"] in verdicts}
    n_gold = sum(len(items) for items in gold.values())
    tp = sum(matched for matched, _ in verdicts.values())
    named = [right for _, right in verdicts.values() if right is not None]
    # Direct recall: gold content with a quotation mark, matched.
    direct_all = sum(bool(re.search(r"[“”\"]", g["content"])) for items in gold.values() for g in items)
    direct_hit = sum(bool(re.search(r"[“”\"]", g)) for g in _matched_gold(gold, preds, sc))
    p, r = tp / max(len(verdicts), 1), tp / max(n_gold, 1)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return (
        f"articles: {len(gold)}  gold: {n_gold}  predicted: {len(verdicts)}  matched: {tp}\n"
        f"direct-quotation recall: {direct_hit}/{direct_all} = {direct_hit / max(direct_all, 1):.3f}\n"
        f"speaker accuracy (named gold sources): {sum(named)}/{len(named)} = {sum(named) / max(len(named), 1):.3f}\n"
        f"polnear {split}: P={p:.3f} R={r:.3f} F1={f:.3f} direct_R={direct_hit / max(direct_all, 1):.3f}"
        f" speaker={sum(named) / max(len(named), 1):.3f}\n"
    )


def _pairs(sc: SimpleNamespace, ps: list[dict[str, Any]], items: list[dict[str, str]]) -> list[tuple[int, int]]:
    """The scorer's one-to-one greedy matching of predictions to gold items by token F1 >= 0.5."""
    ranked = sorted(((sc.tf1(p.get("text", ""), g["content"]), i, j) for i, p in enumerate(ps) for j, g in enumerate(items)), reverse=True)
    used_p, used_g, out = set(), set(), []
    for value, i, j in ranked:
        if value < 0.5:
            break
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def _by_stem(gold: dict[str, list[dict[str, str]]], preds: Any) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in preds:
        stem = re.sub(r"_[0-9a-f]{4}$", "", Path(str(r["article"].get("source") or "")).stem)
        if stem in gold:
            out[stem].append(r)
    return out


def _matched_gold(gold: dict[str, list[dict[str, str]]], preds: dict[str, Any], sc: SimpleNamespace) -> list[str]:
    by_stem = _by_stem(gold, preds.values())
    return [gold[stem][j]["content"] for stem in gold for _, j in _pairs(sc, by_stem.get(stem, []), gold[stem])]


def judge(data: Path, split: str, scorer: Path, export: Path) -> dict[str, tuple[bool, bool | None]]:
    """Each exported statement's id -> (matched to a gold attribution, its speaker right or None when the gold
    source is no name), matched one-to-one and greedily by token F1 exactly as the shared scorer does."""
    sc = _scorer_module(scorer)
    gold = read_gold(data, split)
    preds = _by_stem(gold, map(json.loads, export.open()))
    verdicts: dict[str, tuple[bool, bool | None]] = {}
    for stem, items in gold.items():
        ps = preds.get(stem, [])
        for p in ps:
            verdicts[p["id"]] = (False, None)
        for i, j in _pairs(sc, ps, items):
            src = [t for t in sc.fold(items[j]["source"]).split() if t not in sc.TITLES]
            right: bool | None = None
            if src and not set(src) <= sc.PRONOUNS:
                name = sc.fold((ps[i].get("speaker") or {}).get("name"))
                right = bool(set(name.split()) & (set(src) - sc.PRONOUNS))
            verdicts[ps[i]["id"]] = (True, right)
    return verdicts


def print_rule_table(split: str, data: Path, scorer: Path, export: Path, trace: Path) -> None:
    """Per rule: statements it decided, their precision and speaker accuracy (see the module docstring)."""
    verdicts = judge(data, split, scorer, export)
    made: Counter[tuple[str, str]] = Counter()
    matched: Counter[tuple[str, str]] = Counter()
    named: Counter[tuple[str, str]] = Counter()
    right: Counter[tuple[str, str]] = Counter()
    for line in trace.open():
        t = json.loads(line)
        verdict = verdicts.get(t["id"])
        if verdict is None:
            continue  # an article the gold does not hold
        for stage, rule in t["rules"].items():
            key = (stage, rule)
            made[key] += 1
            matched[key] += verdict[0]
            named[key] += verdict[1] is not None
            right[key] += bool(verdict[1])
    print(f"\nrules on PolNeAR {split}: statements decided, precision, speaker accuracy (named gold sources)")
    print("| stage | rule | statements | precision | speaker |")
    print("| --- | --- | ---: | ---: | ---: |")
    for key in sorted(made, key=lambda k: (k[0], -made[k])):
        speaker = f"{right[key] / named[key]:.3f} ({right[key]}/{named[key]})" if named[key] else "–"
        print(f"| {key[0]} | {key[1]} | {made[key]} | {matched[key] / made[key]:.3f} | {speaker} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    parser.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "eval" / "score_polnear.py")
    parser.add_argument("--check", action="store_true", help="exit 1 when a figure is below its floor")
    parser.add_argument("--keep", type=Path, help="keep the store and export in this folder")
    parser.add_argument("--by-rule", action="store_true", help="print each attribution rule's figures")
    parser.add_argument("--rescore", action="store_true", help="score the export (and trace) kept in --keep again")
    args = parser.parse_args()
    if not (args.data / args.split / "text").is_dir() or not args.scorer.is_file():
        print(f"PolNeAR data or scorer not found ({args.data}, {args.scorer}): nothing to measure", file=sys.stderr)
        return 3
    with workdir(args.keep) as folder:
        figures = score(args.split, args.data, args.scorer, folder, args.by_rule, args.rescore and args.keep is not None)
    print(json.dumps(figures))
    if not args.check:
        return 0
    failed = past_bounds(figures, json.loads(BASELINE.read_text())[args.split])
    for line in failed:
        print(line, file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
