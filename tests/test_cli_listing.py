"""The listing commands' conveniences (issue #17): ids in `statements`, its new filters, `--format`, piped width."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from volte.cli import cli
from volte.model import statement_id
from volte.store import Store


@pytest.fixture(autouse=True)
def _no_volte_db(monkeypatch):
    monkeypatch.delenv("VOLTE_DB", raising=False)
    monkeypatch.delenv("COLUMNS", raising=False)


@pytest.fixture
def db(tmp_path, make_article, make_statement) -> tuple[Path, dict[str, str]]:
    text = ("Jean Dupont said NATO membership is a mistake. Marie Curie said NATO keeps us safe. "
            "Jean Dupont said taxes will not rise this year, whatever the cost to the treasury and its lenders.")
    article = make_article(text, source="x.txt", title="X", url="https://x.example/a", author="Ann Byline")
    statements = {
        "mistake": make_statement(article, "NATO membership is a mistake", said="2023-01-02", kind="indirect",
                                  targets=(("NATO", "against"),)),
        "safe": make_statement(article, "NATO keeps us safe", "Marie Curie", said="2023-02-03",
                               targets=(("NATO", "favor"),)),
        "taxes": make_statement(article, "taxes will not rise this year, whatever the cost to the treasury and its"
                                " lenders", said="2024-05-06"),
    }
    path = tmp_path / "listing.db"
    with Store.open(path) as store:
        store.write_article(article, list(statements.values()))
    return path, {k: v.id for k, v in statements.items()}


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_statements_table_shows_ids(db):
    path, ids = db
    result = run("--db", path, "statements")
    assert result.exit_code == 0, result.output
    for sid in ids.values():
        assert sid in result.stdout
    # Piped (CliRunner is not a terminal): 160 columns wide, so a row is not wrapped at 80.
    row = next(line for line in result.stdout.splitlines() if ids["safe"] in line)
    assert "NATO keeps us safe" in row and "x.txt" in row and len(row) > 80


def test_statements_new_filters(db):
    path, ids = db

    def listed(*args: str) -> set[str]:
        result = run("--db", path, "statements", "--format", "json", *args)
        assert result.exit_code == 0, result.output
        return {json.loads(line)["id"] for line in result.stdout.splitlines()}

    assert listed("--target", "nato") == {ids["mistake"], ids["safe"]}
    assert listed("--target", "NATO", "--stance", "favor") == {ids["safe"]}
    assert listed("--stance", "against") == {ids["mistake"]}
    assert listed("--kind", "indirect") == {ids["mistake"]}
    assert listed("--search", "treasury lend*") == {ids["taxes"]}
    assert listed("--search", "treasury lend") == set()
    assert listed("--search", "nato", "--speaker", "Curie") == {ids["safe"]}
    assert listed("--target", "Russia") == set()
    assert run("--db", path, "statements", "--search", "!!").exit_code == 2


def test_statements_json_and_csv_carry_url_and_author(db):
    path, ids = db
    obj = json.loads(run("--db", path, "statements", "--format", "json", "--limit", "1").stdout.splitlines()[0])
    assert obj["id"] == ids["mistake"]
    assert obj["article"]["url"] == "https://x.example/a" and obj["article"]["author"] == "Ann Byline"
    rows = list(csv.DictReader(io.StringIO(run("--db", path, "statements", "--format", "csv").stdout)))
    assert [r["id"] for r in rows] == [ids["mistake"], ids["safe"], ids["taxes"]]
    assert rows[0]["url"] == "https://x.example/a" and rows[0]["author"] == "Ann Byline"
    exported = list(csv.DictReader(io.StringIO(run("--db", path, "export", "statements", "--format", "csv").stdout)))
    assert exported[0]["author"] == "Ann Byline"
    # --limit's note goes to stderr when the output is for programs.
    limited = run("--db", path, "statements", "--format", "json", "--limit", "2")
    assert len(limited.stdout.splitlines()) == 2 and "first 2 shown" in limited.stderr


def test_other_listings_take_format(db):
    path, ids = db
    speakers = [json.loads(line) for line in run("--db", path, "speakers", "--format", "json").stdout.splitlines()]
    assert [(s["speaker"], s["statements"]) for s in speakers] == [("Jean Dupont", 2), ("Marie Curie", 1)]
    entities = list(csv.DictReader(io.StringIO(run("--db", path, "entities", "--format", "csv").stdout)))
    assert {e["entity"] for e in entities} == {"Jean Dupont", "Marie Curie", "NATO"}
    timeline = run("--db", path, "timeline", "Jean Dupont", "--format", "json").stdout.splitlines()
    assert [json.loads(line)["statements"] for line in timeline] == [[ids["mistake"]]]
    assert run("--db", path, "reversals", "--format", "json").stdout == ""
    assert run("--db", path, "correct", "speaker", ids["safe"], "Jean Dupont").exit_code == 0
    (correction,) = [json.loads(line) for line in run("--db", path, "correct", "list", "--format", "json").stdout.splitlines()]
    assert correction["statement_id"] == ids["safe"] and correction["current"] is True


def test_statement_ids_are_the_stable_ids(db):
    path, ids = db
    with Store.open(path) as store:
        statement, article = next(iter(store.iter_statements()))
    assert statement.id == statement_id(article.id, statement.start, statement.end) == ids["mistake"]
