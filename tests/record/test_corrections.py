"""Corrections: human fixes override the model, stay apart from it, and survive re-ingest."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest
from click.testing import CliRunner

from volte.cli import cli
from volte.errors import UsageError
from volte.model import statement_id
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


# ---- corrections anchored to content: an edited article keeps its fixes (store/anchors.py) -------------------

EDITED = (
    "By Ann Lee. Jean Dupont said: “We will not raise taxes.” Marie Curie said: “Science comes first.” "
    "The party called it “a new dawn”."
)


def _edition(make_article, make_statement, text, quotes):
    article = make_article(text, "news/dupont.txt")
    return article, [make_statement(article, words, speaker, kind=kind) for words, speaker, kind in quotes]


def _corrected(store):
    """(text, speaker name, {target: stance}) of every statement the record shows, corrections applied."""
    return sorted(
        (s.text, s.speaker.name if s.speaker else None, tuple(sorted((t.entity.name, t.stance) for t in s.targets)))
        for s, _ in store.iter_statements()
    )


def test_corrections_find_their_statements_again_after_an_edit(store, make_article, make_statement):
    quotes = [
        ("We will not raise taxes.", "Jean Dupond", "direct"),
        ("Science comes first.", "Marie Curie", "direct"),
        ("a new dawn", "party", "partial"),
    ]
    first, statements = _edition(make_article, make_statement, EDITED, quotes)
    store.write_article(first, statements)
    taxes, science, dawn = statements
    correct_speaker(store, taxes.id, "Jean Dupont")
    correct_stance(store, science.id, "Science", "favor")
    mark_not_statement(store, dawn.id)
    before = _corrected(store)
    assert ("We will not raise taxes.", "Jean Dupont", ()) in before
    assert ("Science comes first.", "Marie Curie", (("Science", "favor"),)) in before
    assert not any(text == "a new dawn" for text, _, _ in before)

    # One word changed before the quotations: every offset moves, every statement id changes.
    edited = EDITED.replace("By Ann Lee.", "By Ann B. Lee, in Paris.")
    second, new_statements = _edition(make_article, make_statement, edited, quotes)
    assert not {s.id for s in new_statements} & {s.id for s in statements}
    store.write_article(second, new_statements)

    assert _corrected(store) == before
    rows = list_corrections(store)
    assert [r["applies"] for r in rows] == [True, True, True]
    assert [r["found_again"] for r in rows] == [True, True, True]
    assert [r["statement_id"] for r in rows] == [s.id for s in new_statements]
    assert [r["made_on"] for r in rows] == [s.id for s in statements]


def test_a_quotation_reworded_a_little_keeps_its_correction_one_gone_loses_it(store, make_article, make_statement):
    quotes = [("We will not raise taxes.", "Jean Dupond", "direct"), ("Science comes first.", "Marie Curie", "direct")]
    first, (taxes, science) = _edition(make_article, make_statement, EDITED, quotes)
    store.write_article(first, [taxes, science])
    correct_speaker(store, taxes.id, "Jean Dupont")
    correct_speaker(store, science.id, "Pierre Curie")

    # The tax quotation gains a word; the science one is cut from the article.
    edited = EDITED.replace("We will not raise taxes.", "We will never raise taxes.").replace(
        " Marie Curie said: “Science comes first.”", ""
    )
    second, (taxes2,) = _edition(make_article, make_statement, edited, [("We will never raise taxes.", "Jean Dupond", "direct")])
    store.write_article(second, [taxes2])

    assert _corrected(store) == [("We will never raise taxes.", "Jean Dupont", ())]
    found, lost = list_corrections(store)
    assert found["applies"] and found["statement_id"] == taxes2.id
    assert not lost["applies"] and not lost["in_force"] and lost["current"]


def test_of_two_equal_quotations_the_correction_keeps_to_its_own(store, make_article, make_statement):
    text = "Ann said: “No.” Later Bob said: “No.” Nobody else spoke."
    article = make_article(text, "news/no.txt")
    second_no = text.rindex("No.")
    ann = make_statement(article, "No.", "Ann")
    bob = replace(ann, id=statement_id(article.id, second_no, second_no + 3), start=second_no, end=second_no + 3)
    store.write_article(article, [ann, bob])
    correct_speaker(store, bob.id, "Robert Smith")

    edited = "Update: Ann said: “No.” Later Bob said: “No.” Nobody else spoke."
    article2 = make_article(edited, "news/no.txt")
    at = [edited.index("No."), edited.rindex("No.")]
    ann2, bob2 = (
        replace(ann, id=statement_id(article2.id, a, a + 3), article_id=article2.id, start=a, end=a + 3) for a in at
    )
    store.write_article(article2, [ann2, bob2])
    (row,) = list_corrections(store)
    assert row["statement_id"] == bob2.id


def test_an_article_edited_back_finds_the_correction_where_it_was_made(store, make_article, make_statement):
    quotes = [("We will not raise taxes.", "Jean Dupond", "direct")]
    first, (taxes,) = _edition(make_article, make_statement, EDITED, quotes)
    store.write_article(first, [taxes])
    correct_speaker(store, taxes.id, "Jean Dupont")
    blank, _ = _edition(make_article, make_statement, "The page was emptied for a while.", [])
    store.write_article(blank, [])
    assert not list_corrections(store)[0]["applies"]
    store.write_article(first, [taxes])
    (row,) = list_corrections(store)
    assert row["applies"] and not row["found_again"] and row["statement_id"] == taxes.id


def test_correct_list_says_which_corrections_no_longer_apply(tmp_path, make_article, make_statement):
    from volte.store import Store

    db = str(tmp_path / "c.db")
    quotes = [("We will not raise taxes.", "Jean Dupond", "direct"), ("Science comes first.", "Marie Curie", "direct")]
    first, (taxes, science) = _edition(make_article, make_statement, EDITED, quotes)
    with Store.open(db) as store:
        store.write_article(first, [taxes, science])
        correct_speaker(store, taxes.id, "Jean Dupont")
        correct_speaker(store, science.id, "Pierre Curie")
        edited = "Breaking. " + EDITED.replace(" Marie Curie said: “Science comes first.”", "")
        second, (taxes2,) = _edition(make_article, make_statement, edited, quotes[:1])
        store.write_article(second, [taxes2])
    listed = CliRunner().invoke(cli, ["--db", db, "correct", "list"], terminal_width=200)
    assert listed.exit_code == 0, listed.output
    assert f"#2 no longer applies: its statement {science.id} is gone (article edited)" in listed.output
    assert f"#1 was made on {taxes.id}: found again after an edit" in listed.output


def test_a_store_made_before_anchors_migrates_and_anchors_its_corrections(tmp_path, make_article, make_statement):
    from volte.store import Store
    from volte.store.migrations import MIGRATIONS, MIGRATIONS_TABLE

    path = tmp_path / "old.db"
    old = sqlite3.connect(path, isolation_level=None)
    old.execute(f"CREATE TABLE {MIGRATIONS_TABLE} (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for migration in MIGRATIONS:
        if migration.name == "0008_correction_anchors":
            continue
        migration.apply(old)
        old.execute(f"INSERT INTO {MIGRATIONS_TABLE} VALUES (?, '2026-01-01')", (migration.name,))
    old.close()
    article, (taxes,) = _edition(make_article, make_statement, EDITED, [("We will not raise taxes.", "Jean Dupond", "direct")])
    with Store.open(path) as store:
        store.write_article(article, [taxes])
    # A correction written the old way: no anchor columns yet.
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("DELETE FROM _volte_migrations WHERE name = '0008_correction_anchors'")
    db.execute("DROP INDEX corrections_anchor_source")
    for column in ("made_on", "anchor_source", "anchor_text", "anchor_start", "anchor_end", "anchor_length", "anchor_state"):
        db.execute(f"ALTER TABLE corrections DROP COLUMN {column}")
    db.execute(
        "INSERT INTO corrections (statement_id, field, entity_id, entity_name, entity_type, created_at)"
        " VALUES (?, 'speaker', 'e_x', 'Jean Dupont', 'person', '2026-01-01')",
        (taxes.id,),
    )
    db.close()
    with Store.open(path) as store:
        (row,) = list_corrections(store)
        assert row["made_on"] == taxes.id and row["anchor_state"] == "made"
        second, (taxes2,) = _edition(
            make_article, make_statement, "Breaking. " + EDITED, [("We will not raise taxes.", "Jean Dupond", "direct")]
        )
        store.write_article(second, [taxes2])
        assert [s.speaker.name for s, _ in store.iter_statements() if s.speaker] == ["Jean Dupont"]
