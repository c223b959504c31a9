"""Exports: JSON Lines exactly as CONTRACT.md describes a statement; CSV and Parquet read back."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from volte.errors import UsageError
from volte.export import FLAT_COLUMNS, export_reversals, export_statements

TEXT = 'Le ministre Jean Dupont a déclaré : « Pas de hausse. » Marie Curie said NATO is "strong".'

STATEMENT_KEYS = {
    "id",
    "article",
    "speaker",
    "speaker_role",
    "kind",
    "voice",
    "text",
    "start",
    "end",
    "cue",
    "said",
    "said_basis",
    "targets",
    "cluster",
    "quotes",
}


@pytest.fixture
def filled(store, make_article, make_statement):
    article = make_article(
        TEXT, source="fr/budget.txt", title="Budget", published="2024-03-05", language="fr"
    )
    store.write_article(
        article,
        [
            make_statement(article, "Pas de hausse.", said="2024-03-05", cue="a déclaré", speaker_role="Le ministre"),
            make_statement(
                article, "NATO is", "Marie Curie", kind="indirect", said="2024", targets=(("NATO", "favor"),)
            ),
            make_statement(article, "strong", None, kind="partial"),
        ],
    )
    return store, article


def test_jsonl_is_the_contract(filled):
    store, article = filled
    out = io.BytesIO()

    assert export_statements(store, "jsonl", out) == 3

    raw = out.getvalue()
    assert "déclaré".encode() in raw  # UTF-8, not \\u escapes
    lines = raw.decode("utf-8").splitlines()
    objects = [json.loads(line) for line in lines]
    assert len(objects) == 3
    for obj in objects:
        assert set(obj) == STATEMENT_KEYS
        assert obj["article"] == {
            "id": article.id,
            "source": "fr/budget.txt",
            "title": "Budget",
            "published": "2024-03-05",
            "language": "fr",
            "url": None,  # CONTRACT.md: article.url and author (issue #17)
            "author": None,
            "published_from": None,  # where `published` came from (issue #12); this article was built by hand
        }
        assert obj["id"].startswith("s_") and obj["cluster"].startswith("c_")
        assert article.text[obj["start"] : obj["end"]] == obj["text"]
    # Ordered by date said: "2024" sorts before "2024-03-05"; undated last.
    first, second, third = objects
    assert first["speaker"] == {"id": first["speaker"]["id"], "name": "Marie Curie", "type": "person"}
    assert first["kind"] == "indirect" and first["said"] == "2024" and first["said_basis"] == "explicit"
    assert first["targets"] == [
        {
            "id": first["targets"][0]["id"],
            "name": "NATO",
            "stance": "favor",
            "confidence": 0.8,
            "evidence": "NATO is",
        }
    ]
    assert second["text"] == "Pas de hausse." and second["cue"] == "a déclaré" and second["targets"] == []
    assert second["speaker_role"] == "Le ministre" and first["speaker_role"] is None  # issue #13: kept, not dropped
    assert third["speaker"] is None and third["said"] is None and third["said_basis"] is None


def test_csv_reads_back(filled, tmp_path):
    store, article = filled
    path = tmp_path / "statements.csv"

    assert export_statements(store, "csv", path) == 3

    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert tuple(reader.fieldnames or ()) == FLAT_COLUMNS
    assert [row["text"] for row in rows] == ["NATO is", "Pas de hausse.", "strong"]
    assert rows[0]["speaker_name"] == "Marie Curie" and rows[0]["source"] == "fr/budget.txt"
    assert json.loads(rows[0]["targets"])[0]["name"] == "NATO"
    assert rows[1]["cue"] == "a déclaré"
    assert int(rows[1]["start"]) == article.text.index("Pas de hausse.")
    assert rows[2]["speaker_id"] == ""


def test_parquet_reads_back(filled, tmp_path):
    store, _ = filled
    path = tmp_path / "statements.parquet"

    assert export_statements(store, "parquet", path) == 3

    table = pq.read_table(path)
    assert tuple(table.column_names) == FLAT_COLUMNS
    rows = table.to_pylist()
    assert [row["text"] for row in rows] == ["NATO is", "Pas de hausse.", "strong"]
    assert isinstance(rows[0]["start"], int)
    assert rows[2]["speaker_name"] is None
    assert json.loads(rows[0]["targets"])[0]["stance"] == "favor"


def test_empty_store_exports(store, tmp_path):
    out = io.BytesIO()
    assert export_statements(store, "jsonl", out) == 0
    assert out.getvalue() == b""
    assert export_statements(store, "parquet", tmp_path / "empty.parquet") == 0
    assert pq.read_table(tmp_path / "empty.parquet").num_rows == 0


def test_reversals_of_statements_without_stances_are_none(filled, tmp_path):
    store, _ = filled
    out = io.BytesIO()
    assert export_reversals(store, out) == 0
    assert out.getvalue() == b""
    assert export_reversals(store, tmp_path / "reversals.jsonl") == 0
    assert (tmp_path / "reversals.jsonl").read_bytes() == b""


def test_unknown_format(store):
    with pytest.raises(UsageError, match="jsonl, csv, parquet"):
        export_statements(store, "xml", io.BytesIO())  # type: ignore[arg-type]


def test_a_reports_own_quotation_goes_through_the_store_and_every_format(store, make_article, make_statement, tmp_path):
    """`Statement.quotes` (a partial quotation nested in its speaker's report) is stored and exported with its
    words and offsets; a statement without one exports an empty list."""
    import dataclasses

    article = make_article(TEXT, source="quotes.txt")
    report = make_statement(article, 'NATO is "strong"', "Marie Curie", kind="indirect")
    a = TEXT.index("strong")
    store.write_article(article, [dataclasses.replace(report, quotes=((a, a + len("strong")),))])
    out = io.BytesIO()
    export_statements(store, "jsonl", out)
    (obj,) = [json.loads(line) for line in out.getvalue().decode("utf-8").splitlines()]
    assert obj["quotes"] == [{"text": "strong", "start": a, "end": a + len("strong")}]
    export_statements(store, "csv", tmp_path / "s.csv")
    (row,) = list(csv.DictReader((tmp_path / "s.csv").open(encoding="utf-8")))
    assert json.loads(row["quotes"]) == obj["quotes"]
