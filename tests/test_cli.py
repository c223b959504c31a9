"""The `volte` command through click's CliRunner, and once as the installed script."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner, Result

from volte.cli import cli
from volte.store import Store

ARTICLES = {
    "budget.txt": (
        "# Minister defends budget\n\n2024-03-05\n\n"
        '"We will not raise taxes this year," Finance Minister Jean Dupont said on Tuesday.\n'
    ),
    "news/strike.md": (
        "# Strike goes on\n\n"
        'Union leader Paul Martin said the strike would continue. "We are not going back," he said.\n'
    ),
}


@pytest.fixture(autouse=True)
def _no_volte_db(monkeypatch):
    monkeypatch.delenv("VOLTE_DB", raising=False)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    for name, text in ARTICLES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def filled_db(tmp_path, make_article, make_statement) -> Path:
    """A store written by hand: two statements by Jean Dupont, one by Marie Curie."""
    path = tmp_path / "filled.db"
    article = make_article(
        "Jean Dupont said yes. Jean Dupont said no. Marie Curie said maybe.", source="x.txt", title="X"
    )
    with Store.open(path) as store:
        store.write_article(
            article,
            [
                make_statement(article, "yes", said="2023-01-02"),
                make_statement(article, "no", said="2024-05-06"),
                make_statement(article, "maybe", "Marie Curie"),
            ],
        )
    return path


def run(*args: str | Path, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], env=env)


def _commands(
    group: click.Group, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    for name, command in group.commands.items():
        yield (*path, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*path, name))


# ---- without the language model --------------------------------------------------------------------------


def test_help_on_every_command():
    commands = list(_commands(cli))
    assert {" ".join(p) for p, _ in commands} >= {
        "ingest",
        "export",
        "export statements",
        "export reversals",
        "statements",
        "speakers",
    }
    for path, command in [((), cli), *commands]:
        result = run(*path, "--help")
        assert result.exit_code == 0, path
        assert result.output.startswith("Usage: "), path
        assert command.get_short_help_str().strip(), path
        assert "--db FILE" in result.output, path


def test_installed_script_help_and_python_m():
    script = Path(sys.executable).parent / "volte"
    result = subprocess.run([script, "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert "Usage: volte" in result.stdout and "ingest" in result.stdout
    result = subprocess.run([sys.executable, "-m", "volte", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and "volte, version" in result.stdout


def test_db_before_or_after_the_command_or_from_the_environment(filled_db, tmp_path, monkeypatch):
    for result in (
        run("--db", filled_db, "speakers"),
        run("speakers", "--db", filled_db),
        run("--db", tmp_path / "elsewhere.db", "speakers", "--db", filled_db),
        run("speakers", env={"VOLTE_DB": str(filled_db)}),
    ):
        assert result.exit_code == 0, result.output
        assert "Jean Dupont" in result.stdout and "Marie Curie" in result.stdout
    monkeypatch.chdir(filled_db.parent)
    filled_db.rename("volte.db")
    result = run("speakers")
    assert result.exit_code == 0 and "Jean Dupont" in result.stdout


def test_speakers_table(filled_db):
    result = run("--db", filled_db, "speakers")
    lines = [line for line in result.stdout.splitlines() if "Jean Dupont" in line or "Marie Curie" in line]
    assert "Jean Dupont" in lines[0] and "2023-01-02" in lines[0] and "2024-05-06" in lines[0]
    assert " 2 " in lines[0] and " 1 " in lines[1]


def test_statements_filters_and_limit(filled_db):
    result = run("--db", filled_db, "statements", "--speaker", "dupont", "--since", "2024")
    assert result.exit_code == 0
    assert "│ no " in result.stdout and "│ yes " not in result.stdout and "maybe" not in result.stdout
    result = run("--db", filled_db, "statements", "--limit", "1")
    assert "│ yes " in result.stdout and "│ no " not in result.stdout
    assert "first 1 shown" in result.stdout
    result = run("--db", filled_db, "statements", "--article", "x.txt")
    assert all(word in result.stdout for word in ("yes", "no", "maybe"))


def test_export_statements_formats(filled_db, tmp_path):
    result = run("--db", filled_db, "export", "statements")
    assert result.exit_code == 0
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["text"] for o in objects] == ["yes", "no", "maybe"]
    assert objects[0]["article"]["source"] == "x.txt"

    result = run("export", "statements", "--db", filled_db, "--format", "csv", "-o", tmp_path / "s.csv")
    assert result.exit_code == 0
    assert (tmp_path / "s.csv").read_text(encoding="utf-8").startswith("id,article_id,source,")

    result = run(
        "--db", filled_db, "export", "statements", "--format", "parquet", "-o", tmp_path / "s.parquet"
    )
    assert result.exit_code == 0
    assert pq.read_table(tmp_path / "s.parquet").num_rows == 3


def test_export_parquet_needs_a_file(filled_db):
    result = run("--db", filled_db, "export", "statements", "--format", "parquet")
    assert result.exit_code == 2
    assert result.stderr == "error: parquet is a binary format: give a file with -o FILE\n"


def test_export_reversals_without_any_stance_is_empty(filled_db):
    result = run("--db", filled_db, "export", "reversals")
    assert result.exit_code == 0 and result.stdout == ""


@pytest.mark.parametrize(
    ("make_db", "message"),
    [
        (lambda tmp: tmp, "is a folder, not a volte store file"),
        (lambda tmp: _write(tmp / "notes.db", "hello\n"), "is not a volte store (not an SQLite database)"),
        (lambda tmp: tmp / "missing.db", "no volte store at"),
    ],
)
def test_bad_db_is_one_error_line(tmp_path, make_db, message):
    db = make_db(tmp_path)
    for args in (("statements",), ("speakers",), ("export", "statements")):
        result = run("--db", db, *args)
        assert result.exit_code == 2, args
        assert result.stderr.startswith("error: ") and message in result.stderr
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.output
        assert result.stdout == ""


def test_bad_date_is_one_error_line(filled_db):
    result = run("--db", filled_db, "statements", "--since", "last week")
    assert result.exit_code == 2
    assert result.stderr == "error: since must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not 'last week'\n"


def _write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


# ---- with the language model ------------------------------------------------------------------------------


@pytest.mark.model
def test_ingest_skips_a_binary_file_and_stores_the_rest(corpus, tmp_path):
    (corpus / "photo.txt").write_bytes(bytes(range(256)) * 4)
    db = tmp_path / "v.db"

    result = run("--db", db, "ingest", corpus)

    assert result.exit_code == 1
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped ")]
    assert len(skipped) == 1 and skipped[0].startswith(f"skipped {corpus / 'photo.txt'}: ")
    assert "2 articles: 2 new, 0 unchanged, 1 failed" in result.stderr
    with Store.open(db) as store:
        assert store.counts()["articles"] == 2
        assert {article.title for _, article in store.iter_statements()} <= {
            "Minister defends budget",
            "Strike goes on",
        }


@pytest.mark.model
def test_ingest_of_the_folder_that_holds_the_store_skips_the_store_itself(corpus):
    db = corpus / "volte.db"
    first = run("--db", db, "ingest", corpus)
    assert first.exit_code == 0, first.stderr
    # The second run meets volte.db (and its -wal/-shm files) in the folder: they are not articles, nor failures.
    second = run("--db", db, "ingest", corpus)
    assert second.exit_code == 0, second.stderr
    assert "skipped" not in second.stderr
    assert "2 articles: 0 new, 2 unchanged, 0 failed" in second.stderr


@pytest.mark.model
def test_ingest_twice_changes_nothing_and_a_changed_file_replaces(corpus, tmp_path):
    db = tmp_path / "v.db"
    first = run("--db", db, "ingest", corpus, "--workers", "2")
    assert first.exit_code == 0, first.output
    exported = run("--db", db, "export", "statements").stdout

    second = run("ingest", corpus, "--db", db, "--workers", "1")

    assert second.exit_code == 0
    assert "2 articles: 0 new, 2 unchanged, 0 failed; 0 statements stored" in second.stderr
    assert run("--db", db, "export", "statements").stdout == exported

    budget = corpus / "budget.txt"
    budget.write_text(budget.read_text().replace("this year", "next year"), encoding="utf-8")
    third = run("--db", db, "ingest", corpus, "--workers", "1")
    assert "2 articles: 1 new, 1 unchanged, 0 failed" in third.stderr
    with Store.open(db) as store:
        assert store.counts()["articles"] == 2
        texts = [article.text for _, article in store.iter_statements(article=str(budget))]
    assert texts and all("next year" in text for text in texts)


@pytest.mark.model
def test_ingest_trace_writes_each_new_statements_rules(corpus, tmp_path):
    db, trace = tmp_path / "t.db", tmp_path / "trace.jsonl"
    result = run("--db", db, "ingest", corpus, "--workers", "1", "--trace", trace)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in trace.read_text(encoding="utf-8").splitlines()]
    with Store.open(db) as store:
        stored = {s.id for s, _ in store.iter_statements()}
    assert {line["id"] for line in lines} == stored and stored
    dupont = next(line for line in lines if line["source"].endswith("budget.txt"))
    # `"…," Finance Minister Jean Dupont said`: the cue right after the quotation, its subject, a proper name.
    assert dupont["rules"] == {
        "cue": "cue_right_after", "subject": "parse_subject", "speaker": "proper_name", "said": "own_clause"
    }
    # Ingesting the same files again stores nothing new, and traces nothing.
    run("--db", db, "ingest", corpus, "--workers", "1", "--trace", trace)
    assert trace.read_text(encoding="utf-8") == ""
