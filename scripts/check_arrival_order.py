"""Does the record depend on the order articles arrive in? Store one folder's articles forward, backward and as two
halves written at once by two processes, and compare the exports field by field.

    python scripts/check_arrival_order.py DIR [--limit N] [--cache FILE] [--keep OUT]

Each article is extracted once (`--cache` keeps the extractions, a pickle, for the next run), so the stores differ
only by the order the store saw the articles in, not by the extraction's time budget on a busy machine. Prints, for
each order against forward, how many statements differ in their speaker (id, name, type), targets (ids, names),
cluster id and cluster membership; exits 1 when any differs.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import pickle
import sys
import tempfile
from dataclasses import fields
from pathlib import Path
from typing import Any

from volte.ingest import IngestFailure, iter_articles
from volte.model import Article, Entity, Statement
from volte.nlp.extract import extract_article
from volte.store import Store

Extracted = list[tuple[Article, list[Statement], tuple[Entity, ...]]]  # an article, its statements, its full names
_FIELDS = ("speaker", "targets", "cluster")


def extract(folder: Path, limit: int | None) -> Extracted:
    articles = sorted((a for a in iter_articles([folder]) if not isinstance(a, IngestFailure)), key=lambda a: a.source)
    return [(a, *extract_article(a)) for a in articles[:limit]]


def to_cache(items: Extracted) -> bytes:
    """The extractions by field name, so that a cache outlives a field added to Statement."""
    return pickle.dumps([(a, [{f.name: getattr(s, f.name) for f in fields(s)} for s in ss], n) for a, ss, n in items])


def from_cache(data: bytes) -> Extracted:
    keep = {f.name for f in fields(Statement)}
    # (a cache written before the full names were kept has none)
    return [(a, [Statement(**{k: v for k, v in s.items() if k in keep}) for s in ss], n[0] if n else ())
            for a, ss, *n in pickle.loads(data)]


def write(db: Path, items: Extracted) -> None:
    with Store.open(db) as store:
        for article, statements, names in items:
            store.write_article(article, statements, names=names)


def export(db: Path) -> dict[str, dict[str, Any]]:
    out = {}
    with Store.open(db, create=False) as store:
        for statement, article in store.iter_statements():
            row = statement.as_json(article)
            speaker = row.get("speaker") or {}
            out[row["id"]] = {
                "speaker": (speaker.get("id"), speaker.get("name"), speaker.get("type")),
                "targets": tuple((t["id"], t["name"], t.get("type")) for t in row.get("targets", [])),
                "cluster": row.get("cluster"),
            }
    return out


def differences(a: dict[str, dict[str, Any]], b: dict[str, dict[str, Any]]) -> dict[str, int]:
    diff = {f: sum(1 for k in a if k in b and a[k][f] != b[k][f]) for f in _FIELDS}
    diff["statements"] = len(set(a) ^ set(b))

    def parts(d: dict[str, dict[str, Any]]) -> dict[str, frozenset[str]]:
        groups: dict[str, set[str]] = {}
        for k, v in d.items():
            groups.setdefault(v["cluster"], set()).add(k)
        return {k: frozenset(groups[v["cluster"]]) for k, v in d.items()}

    pa, pb = parts(a), parts(b)
    diff["membership"] = sum(1 for k in pa if k in pb and pa[k] != pb[k])
    return diff


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--cache", type=Path, help="the extractions, pickled: read when present, else written")
    parser.add_argument("--keep", type=Path, help="keep the stores in this folder")
    args = parser.parse_args()
    items: Extracted
    if args.cache and args.cache.is_file():
        items = from_cache(args.cache.read_bytes())[: args.limit]
    else:
        items = extract(args.folder, args.limit)
        if args.cache:
            args.cache.write_bytes(to_cache(items))
    with tempfile.TemporaryDirectory() as tmp:
        where = args.keep or Path(tmp)
        where.mkdir(parents=True, exist_ok=True)
        stores = {name: where / f"{name}.db" for name in ("forward", "backward", "halves")}
        for db in stores.values():
            for f in db.parent.glob(db.name + "*"):
                f.unlink()
        write(stores["forward"], items)
        write(stores["backward"], items[::-1])
        # Two processes writing at once, each its half, in an order of its own (one forward, one backward).
        Store.open(stores["halves"]).close()
        half = len(items) // 2
        context = multiprocessing.get_context("spawn")
        workers = [context.Process(target=write, args=(stores["halves"], part))
                   for part in (items[:half], items[half:][::-1])]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        exports = {name: export(db) for name, db in stores.items()}
    report = {name: differences(exports["forward"], exports[name]) for name in ("backward", "halves")}
    n = len(exports["forward"])
    print(json.dumps({"articles": len(items), "statements": n, **report}))
    return 1 if any(v for r in report.values() for v in r.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
