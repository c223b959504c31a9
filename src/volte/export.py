"""Writing the record out: statements as JSON Lines (the contract's objects), CSV or Parquet; reversals.

Everything streams from the store: statements are read and written in batches, never the whole corpus at once.
CSV and Parquet hold the same objects flattened to one row each (`FLAT_COLUMNS`), with `targets` as a JSON string.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from itertools import islice
from pathlib import Path
from typing import IO, Any, BinaryIO, Literal, cast

from volte.errors import UsageError
from volte.model import Article, Statement
from volte.record.reversals import iter_reversals
from volte.store import Store

Format = Literal["jsonl", "csv", "parquet"]
FORMATS: tuple[Format, ...] = ("jsonl", "csv", "parquet")

FLAT_COLUMNS: tuple[str, ...] = (
    "id",
    "article_id",
    "source",
    "title",
    "published",
    "language",
    "speaker_id",
    "speaker_name",
    "speaker_type",
    "speaker_role",
    "kind",
    "voice",
    "text",
    "start",
    "end",
    "cue",
    "said",
    "said_basis",
    "cluster",
    "targets",
    "quotes",
    "url",
    "author",
)

# Rows per Parquet row group and per CSV write.
_BATCH = 2048

Output = str | Path | IO[bytes]


def export_statements(store: Store, fmt: Format, out: Output) -> int:
    """Write every statement of `store` to `out` (a path or a binary stream) as `fmt`; returns how many."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    statements = store.iter_statements()
    if fmt == "parquet":
        return _write_parquet(statements, out)
    with _text_output(out) as text:
        if fmt == "jsonl":
            return _write_jsonl(statements, text)
        return _write_csv(statements, text)


def export_reversals(store: Store, out: Output) -> int:
    """Write every detected change of stance as one JSON object per line (CONTRACT.md, "A reversal"); returns
    how many. Detection is volte.record.reversals.find_reversals, corrections applied, one speaker at a time."""
    count = 0
    with _text_output(out) as text:
        for reversal in iter_reversals(store):
            text.write(json.dumps(reversal.as_json(), ensure_ascii=False))
            text.write("\n")
            count += 1
    return count


def flatten_statement(statement: Statement, article: Article) -> dict[str, Any]:
    """One statement as a flat row of `FLAT_COLUMNS`, built from the contract's JSON object."""
    obj = statement.as_json(article)
    speaker = obj["speaker"] or {}
    return {
        "id": obj["id"],
        "article_id": obj["article"]["id"],
        "source": obj["article"]["source"],
        "title": obj["article"]["title"],
        "published": obj["article"]["published"],
        "language": obj["article"]["language"],
        "speaker_id": speaker.get("id"),
        "speaker_name": speaker.get("name"),
        "speaker_type": speaker.get("type"),
        "speaker_role": obj.get("speaker_role"),
        "kind": obj["kind"],
        "voice": obj.get("voice"),
        "text": obj["text"],
        "start": obj["start"],
        "end": obj["end"],
        "cue": obj["cue"],
        "said": obj["said"],
        "said_basis": obj["said_basis"],
        "cluster": obj["cluster"],
        "targets": json.dumps(obj["targets"], ensure_ascii=False),
        "quotes": json.dumps(obj["quotes"], ensure_ascii=False),
        "url": obj["article"]["url"],
        "author": obj["article"]["author"],
    }


@contextmanager
def _text_output(out: Output) -> Iterator[IO[str]]:
    """A UTF-8 text stream over a path or a binary stream; a stream given by the caller is left open."""
    with ExitStack() as stack:
        binary = stack.enter_context(open(out, "wb")) if isinstance(out, str | Path) else out
        text = io.TextIOWrapper(cast(BinaryIO, binary), encoding="utf-8", newline="")
        try:
            yield text
        finally:
            text.flush()
            text.detach()


def _write_jsonl(statements: Iterator[tuple[Statement, Article]], text: IO[str]) -> int:
    count = 0
    for statement, article in statements:
        text.write(json.dumps(statement.as_json(article), ensure_ascii=False))
        text.write("\n")
        count += 1
    return count


def _write_csv(statements: Iterator[tuple[Statement, Article]], text: IO[str]) -> int:
    writer = csv.DictWriter(text, fieldnames=FLAT_COLUMNS)
    writer.writeheader()
    count = 0
    while batch := list(islice(statements, _BATCH)):
        writer.writerows(flatten_statement(s, a) for s, a in batch)
        count += len(batch)
    return count


def _write_parquet(statements: Iterator[tuple[Statement, Article]], out: Output) -> int:
    # (pyarrow is imported here, not with the module: it costs every command's start a third of a second)
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(name, pa.int64() if name in ("start", "end") else pa.string()) for name in FLAT_COLUMNS])
    count = 0
    sink: Any = str(out) if isinstance(out, str | Path) else out
    with pq.ParquetWriter(sink, schema) as writer:
        while batch := list(islice(statements, _BATCH)):
            rows = [flatten_statement(s, a) for s, a in batch]
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            count += len(rows)
    return count
