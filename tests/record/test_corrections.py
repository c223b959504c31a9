"""Corrections: human fixes override the model, stay apart from it, and survive re-ingest."""

from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

from volte.cli import cli
from volte.errors import UsageError
from volte.record.corrections import correct_speaker, correct_stance, list_corrections, mark_not_statement
from volte.record.reversals import find_reversals

TEXT = "Jean Dupont said: “We will not raise taxes.” The party called it “a new dawn”."


def test_a_corrected_speaker_replaces_the_models(store, make_article, make_statement):
    article = make_article(TEXT)
    quote = make_statement(article, "We will not raise taxes.", "Jean Dupond", said="2024")
    store.write_article(article, [quote])
    correct_speaker(store, quote.id, "Jean Dupont", note="typo in the byline")
    (read, _), = store.iter_statements()
    assert read.speaker is not None and read.speaker.name == "Jean Dupont"
    assert [s.entity.name for s in store.speakers()] == ["Jean Dupont"]
    assert [s.text for s, _ in store.iter_statements(speaker="Dupont")] == ["We will not raise taxes."]
    # The model's output is untouched: the fix lives in its own table.
    db = sqlite3.connect(store.path)
    assert db.execute("SELECT e.name FROM statements s JOIN entities e ON e.id = s.speaker_id").fetchone()[0] == "Jean Dupond"


def test_not_a_statement_leaves_the_record_and_can_be_undone(store, make_article, make_statement):
    article = make_article(TEXT)
    quote = make_statement(article, "We will not raise taxes.")
    title = make_statement(article, "a new dawn", "party", kind="partial")
    store.write_article(article, [quote, title])
    mark_not_statement(store, title.id)
    assert [s.id for s, _ in store.iter_statements()] == [quote.id]
    mark_not_statement(store, title.id, undo=True)
    assert len(list(store.iter_statements())) == 2
    assert [c["current"] for c in list_corrections(store)] == [False, True]


def test_a_corrected_stance_overrides_and_survives_reingest(story, make_article):
    store, made = story
    assert any(r.target.name == "Russia" for r in find_reversals(store))
    # Say the war speech is not about Russia, and "I was wrong about Vladimir Putin" neither.
    correct_stance(store, made["responsibility"].id, "Russia", "none")
    correct_stance(store, made["wrong"].id, "Russia", "none")
    assert not any(r.target.name == "Russia" for r in find_reversals(store))

    # The article's source changes, then comes back: statement ids are the same, the fixes still apply.
    war = made["war"]
    store.write_article(make_article("A different text for a while.", war.source), [])
    assert not store.has_statement(made["responsibility"].id)
    store.write_article(war, [made["responsibility"], made["wrong"], made["panic"]])
    assert not any(r.target.name == "Russia" for r in find_reversals(store))
    # A stance can also be set where the model found none.
    correct_stance(store, made["panic"].id, "Vladimir Putin", "against", kind="person")
    targets = {t.entity.name: t.stance for s, _ in store.iter_statements() if s.id == made["panic"].id for t in s.targets}
    assert targets == {"NATO": "against", "Vladimir Putin": "against"}


def test_corrections_check_their_input(store, make_article, make_statement):
    article = make_article(TEXT)
    quote = make_statement(article, "We will not raise taxes.")
    store.write_article(article, [quote])
    with pytest.raises(UsageError, match="no statement s_nope"):
        correct_speaker(store, "s_nope", "Anna")
    with pytest.raises(UsageError, match="unknown stance"):
        correct_stance(store, quote.id, "NATO", "pro")


def test_correct_on_the_command_line(tmp_path, make_article, make_statement):
    from volte.store import Store

    db = str(tmp_path / "c.db")
    article = make_article(TEXT)
    quote = make_statement(article, "We will not raise taxes.", "Jean Dupond")
    with Store.open(db) as store:
        store.write_article(article, [quote])
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", db, "correct", "speaker", quote.id, "Jean Dupont"])
    assert result.exit_code == 0, result.output
    assert "was said by Jean Dupont" in result.output
    result = runner.invoke(cli, ["--db", db, "correct", "stance", quote.id, "Taxes", "against", "--note", "clear"])
    assert result.exit_code == 0, result.output
    listed = runner.invoke(cli, ["--db", db, "correct", "list"])
    assert "Jean Dupont" in listed.output and "against" in listed.output
    missing = runner.invoke(cli, ["--db", db, "correct", "not-statement", "s_missing"])
    assert missing.exit_code == 2 and "no statement s_missing" in missing.output
