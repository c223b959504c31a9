"""The speaker counts the store keeps as it is written (migration 0020), against a recount by scan, and the
readers built on them: `Store.speakers`, `iter_statements(speaker_id=…)`, reversals one speaker at a time."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from volte.model import Article, Statement
from volte.record.clusters import read_clusters
from volte.record.corrections import correct_speaker, mark_not_statement
from volte.record.reversals import find_reversals, reversals_in
from volte.record.timeline import entries_of
from volte.store import Store
from volte.store.clustering import FUNCTION_WORD_LANGUAGES, _common_words, normalise

_CORRECTED = (
    "statements s LEFT JOIN entities e ON e.id = s.speaker_id"
    " LEFT JOIN current_corrections cs ON cs.statement_id = s.id AND cs.field = 'speaker'"
)
_NOT_HIDDEN = (
    "NOT EXISTS (SELECT 1 FROM current_corrections n WHERE n.statement_id = s.id"
    " AND n.field = 'not_statement' AND n.value = 'yes')"
)


def _kept(db: Path) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT speaker_id, statements, first_said, last_said FROM speaker_counts"
                           " ORDER BY speaker_id").fetchall()
    finally:
        con.close()


def _scanned(db: Path) -> list[tuple[Any, ...]]:
    """The model's speakers counted by a scan of every statement."""
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT speaker_id, count(*), min(said), max(said) FROM statements"
                           " WHERE speaker_id IS NOT NULL GROUP BY speaker_id ORDER BY speaker_id").fetchall()
    finally:
        con.close()


def _speakers_by_scan(db: Path) -> list[tuple[Any, ...]]:
    """`volte speakers` as it was counted before 0020: every statement scanned, corrections applied."""
    con = sqlite3.connect(db)
    try:
        return con.execute(
            "SELECT coalesce(cs.entity_id, e.id) AS sid, coalesce(cs.entity_name, e.name) AS sname,"
            " coalesce(cs.entity_type, e.type), count(*) AS n, min(s.said), max(s.said)"
            f" FROM {_CORRECTED} WHERE sid IS NOT NULL AND {_NOT_HIDDEN} GROUP BY sid ORDER BY n DESC, sname"
        ).fetchall()
    finally:
        con.close()


def _check(store: Store) -> None:
    assert _kept(store.path) == _scanned(store.path)
    assert [(s.entity.id, s.entity.name, s.entity.type, s.statements, s.first_said, s.last_said)
            for s in store.speakers()] == _speakers_by_scan(store.path)


@pytest.mark.model
def test_counts_follow_every_write(tmp_path: Path, sample_extractions: dict[str, tuple[Article, list[Statement]]]):
    items = sorted(sample_extractions.values(), key=lambda item: item[0].source)
    with Store.open(tmp_path / "v.db") as store:
        for article, statements in items:
            store.write_article(article, statements)
        _check(store)
        assert len(store.speakers()) >= 5

        # Corrections: a statement given to someone new, one given to another stored speaker, one hidden.
        counted = [s for s in store.speakers() if s.statements >= 2]
        first, second = counted[0].entity, counted[1].entity
        own = [s.id for s, _ in store.iter_statements(speaker_id=first.id)]
        correct_speaker(store, own[0], "Somebody Else Entirely")
        correct_speaker(store, own[1], second.name)
        mark_not_statement(store, own[2])
        _check(store)
        speakers = {s.entity.name: s.statements for s in store.speakers()}
        assert speakers["Somebody Else Entirely"] == 1
        assert speakers[first.name] == counted[0].statements - 3
        assert speakers[second.name] == counted[1].statements + 1
        # What the speaker's index gives is what a scan with corrections gives.
        for summary in store.speakers():
            by_id = [s.id for s, _ in store.iter_statements(speaker_id=summary.entity.id)]
            assert len(by_id) == summary.statements
            # (the same statements; two of one article starting at one offset may come in either order)
            assert sorted(by_id) == sorted(s.id for s, _ in store.iter_statements() if s.speaker == summary.entity)
        mark_not_statement(store, own[2], undo=True)
        _check(store)

        # An edited article (same source, new text) replaces the old one and its statements.
        article, statements = items[0]
        edited = dataclasses.replace(article, id="a_edited", text=article.text + "\n\nA last line.")
        store.write_article(edited, [dataclasses.replace(s, id="s_edited" + s.id[2:], article_id="a_edited")
                                     for s in statements[1:]])
        _check(store)
        # Entities merged and split re-point statements between speakers.
        store.merge_entities(second.id, first.id)
        _check(store)
        store.split_entity(second.id)
        _check(store)


def test_counts_of_hand_made_statements(store: Store, make_article, make_statement):
    text = 'Jean Dupont said: "We will not raise taxes." Marie Curie said the budget helps NATO. Jean Dupont agreed.'
    one = make_article(text, source="one.txt")
    store.write_article(one, [
        make_statement(one, "We will not raise taxes.", said="2024-03-05"),
        make_statement(one, "the budget helps NATO", "Marie Curie", kind="indirect"),
        make_statement(one, "Jean Dupont agreed", said="2023"),
    ])
    _check(store)
    assert _kept(store.path) == sorted([
        ("e_" + s.entity.id[2:], s.statements, s.first_said, s.last_said) for s in store.speakers()
    ])
    assert {s.entity.name: (s.statements, s.first_said, s.last_said) for s in store.speakers()} == {
        "Jean Dupont": (2, "2023", "2024-03-05"), "Marie Curie": (1, None, None)}
    # The source changes: its old article goes, the counts with it.
    two = make_article("Marie Curie said the plan works.", source="one.txt")
    store.write_article(two, [make_statement(two, "the plan works", "Marie Curie", said="2025-01-02")])
    _check(store)
    assert {s.entity.name: (s.statements, s.first_said) for s in store.speakers()} == {"Marie Curie": (1, "2025-01-02")}


def test_migration_counts_a_store_written_before(tmp_path: Path, make_article, make_statement):
    """A store from before 0020 gets its counts from what it holds."""
    db = tmp_path / "v.db"
    article = make_article('Jean Dupont said: "We will not raise taxes."')
    with Store.open(db) as store:
        store.write_article(article, [make_statement(article, "We will not raise taxes.", said="2024-03-05")])
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("DROP TABLE speaker_counts")
    for name in ("insert", "delete", "update"):
        con.execute(f"DROP TRIGGER speaker_counts_{name}")
    con.execute("DELETE FROM _volte_migrations WHERE name = '0020_speaker_counts'")
    con.close()
    with Store.open(db) as store:
        _check(store)
        assert [(s.entity.name, s.statements) for s in store.speakers()] == [("Jean Dupont", 1)]


def test_reversals_of_all_are_those_of_each_speaker(store: Store, make_article, make_statement):
    """Reversals read one speaker at a time are the union of each speaker's, in speaker name order."""
    said = ["2020-01-05", "2020-02-05", "2020-03-05", "2021-01-05", "2021-02-05", "2021-03-05"]
    for speaker in ("Zoe Zed", "Adam Ant"):
        for i, day in enumerate(said):
            stance = "favor" if i < 3 else "against"
            text = f"{speaker} said the plan number {i} is {stance} {speaker.split()[0].lower()}."
            article = make_article(text, source=f"{speaker}-{i}.txt")
            store.write_article(article, [make_statement(article, text[len(speaker) + 6:], speaker, said=day,
                                                         targets=(("The Plan", stance),))])
    every = find_reversals(store, voices=None)
    assert [(r.speaker.name, r.target.name, r.before.stance, r.after.stance) for r in every] == [
        ("Adam Ant", "The Plan", "favor", "against"), ("Zoe Zed", "The Plan", "favor", "against")]
    assert every == find_reversals(store, "Adam", voices=None) + find_reversals(store, "zoe", voices=None)
    # Computed from the few columns they need, they are those of the speaker's whole Statement objects.
    for reversal in every:
        whole = reversals_in(reversal.speaker, entries_of(read_clusters(store, speaker_id=reversal.speaker.id)))
        assert whole == [reversal]


def test_function_words_are_spacy_lists():
    """The function words kept as data (resources/function_words_<lang>.txt) are still spaCy's, folded."""
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.fr.stop_words import STOP_WORDS as FR

    assert FUNCTION_WORD_LANGUAGES == ("en", "fr")
    assert _common_words() == frozenset(w for word in EN | FR for w in normalise(word).split())
