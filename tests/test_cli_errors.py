"""Wrong errors made right: an unwritable output, an unreadable registry, a template slot in a name, a control
character in a name. Each is one `error:` line and exit status 2, or output that cannot be forged."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from volte.cli import cli, printable
from volte.store import Store

TEXT = "Ann Berg said: “We will build the bridge.”"


@pytest.fixture
def db(tmp_path: Path, make_article, make_statement) -> str:
    article = make_article(TEXT, "x.txt")
    with Store.open(tmp_path / "x.db") as store:
        store.write_article(article, [make_statement(article, "We will build the bridge.", "Ann Berg", said="2020")])
    return str(tmp_path / "x.db")


def _error_line(result) -> str:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    return lines[0]


@pytest.mark.parametrize(
    "command",
    [
        ["report", "Ann Berg", "-o"],
        ["export", "statements", "-o"],
        ["export", "statements", "--format", "csv", "-o"],
        ["export", "statements", "--format", "parquet", "-o"],
        ["export", "reversals", "-o"],
    ],
)
def test_an_output_in_a_missing_folder_is_one_error_line(db, tmp_path, command):
    target = tmp_path / "no" / "such" / "folder" / "out.file"
    line = _error_line(CliRunner().invoke(cli, ["--db", db, *command, str(target)]))
    assert "No such file or directory" in line and str(target) in line


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("command", [["report", "Ann Berg", "-o"], ["export", "statements", "-o"]])
def test_a_full_disk_is_one_error_line(db, command):
    line = _error_line(CliRunner().invoke(cli, ["--db", db, *command, "/dev/full"]))
    assert "No space left on device" in line


def test_a_registry_that_is_not_utf8_is_one_error_line(tmp_path):
    registry = tmp_path / "reg.yaml"
    registry.write_bytes("- name: Caf\u00e9 Group\n  type: organization\n".encode("latin-1"))
    corpus = tmp_path / "a.txt"
    corpus.write_text(TEXT, encoding="utf-8")
    db = str(tmp_path / "new.db")
    line = _error_line(CliRunner().invoke(cli, ["--db", db, "ingest", str(corpus), "--registry", str(registry)]))
    assert "is not UTF-8 text (byte 0xe9" in line
    # Through $VOLTE_REGISTRY: the same line before any article is read, not a failure of every article.
    result = CliRunner().invoke(cli, ["--db", db, "ingest", str(corpus)], env={"VOLTE_REGISTRY": str(registry)})
    assert "is not UTF-8 text" in _error_line(result)


def test_a_bad_limit_setting_is_one_error_line(tmp_path):
    corpus = tmp_path / "a.txt"
    corpus.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["--db", str(tmp_path / "n.db"), "ingest", str(corpus)], env={"VOLTE_MAX_ARTICLE_CHARS": "lots"}
    )
    assert "$VOLTE_MAX_ARTICLE_CHARS must be a whole number" in _error_line(result)


def test_a_template_slot_in_a_speaker_name_stays_text(tmp_path, make_article, make_statement):
    name = "Mr {{body}} {{script}} Smith"
    article = make_article(f"{name} said: “We will build the bridge.”", "x.txt")
    with Store.open(tmp_path / "x.db") as store:
        store.write_article(article, [make_statement(article, "We will build the bridge.", name, said="2020")])
        from volte.record.report import write_report

        page = write_report(store, name, tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<title>Mr {{body}} {{script}} Smith — volte report</title>" in page
    assert page.count("<main>") == 1 and page.count("We will build the bridge.") == 1


@pytest.mark.parametrize(
    "raw, shown",
    [
        ("plain/name.txt", "plain/name.txt"),
        ("a\nb\x1b[31mc\r\td", "a\\nb\\x1b[31mc\\r\\td"),
        ("caf\u00e9 \u00a0ok", "caf\u00e9 \u00a0ok"),
        ("x\u202egpj.exe", "x\\u202egpj.exe"),
        ("bell\x07\x7f\x85", "bell\\x07\\x7f\\x85"),
    ],
)
def test_printable_escapes_what_could_forge_terminal_output(raw, shown):
    assert printable(raw) == shown
