"""The SQLite store, on real files in a temporary folder."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from volte.errors import StoreError, UsageError
from volte.model import Entity, entity_id
from volte.store import SpeakerSummary, Store
from volte.store.migrations import MIGRATIONS

TEXT = 'Jean Dupont said: "We will not raise taxes." Marie Curie said the budget helps NATO.'


def _all(store: Store, **filters: str) -> list[str]:
    return [statement.text for statement, _ in store.iter_statements(**filters)]


def test_roundtrip(store, make_article, make_statement):
    article = make_article(TEXT, title="Budget", author="Anna", published="2024-03-05", url="http://x/1")
    quote = make_statement(article, "We will not raise taxes.", said="2024-03-05", cue="said")
    report = make_statement(
        article,
        "the budget helps NATO",
        "Marie Curie",
        kind="indirect",
        said="2024-03-05",
        targets=(("NATO", "favor"), ("Budget Office", "neutral")),
        cluster="c_shared",
    )
    anonymous = make_statement(article, "Jean Dupont said", None)

    assert store.write_article(article, [quote, report, anonymous]) is True

    read = list(store.iter_statements())
    assert [s for s, _ in read] == [quote, report, anonymous]
    assert all(a == article for _, a in read)
    assert read[1][0].targets[1].entity == Entity(entity_id("Budget Office"), "Budget Office", "organization")
    assert store.counts() == {"articles": 1, "sources": 1, "statements": 3, "entities": 4, "speakers": 2}
    assert store.has_article(article.id)
    assert not store.has_article("a_missing")


def test_store_survives_reopening(tmp_path, make_article, make_statement):
    article = make_article(TEXT)
    statement = make_statement(article, "We will not raise taxes.")
    with Store.open(tmp_path / "v.db") as store:
        store.write_article(article, [statement])
    with Store.open(tmp_path / "v.db", create=False) as store:
        assert list(store.iter_statements()) == [(statement, article)]


def test_same_article_twice_changes_nothing(store, make_article, make_statement):
    article = make_article(TEXT)
    statements = [make_statement(article, "We will not raise taxes.")]
    store.write_article(article, statements)
    before = list(store.iter_statements())

    assert store.write_article(article, statements) is False
    # Even different statements for the same text are ignored: the article id is the text's.
    assert store.write_article(article, [make_statement(article, "Marie Curie said")]) is False

    assert list(store.iter_statements()) == before
    assert store.counts()["statements"] == 1


def test_changed_article_replaces_old_statements(store, make_article, make_statement):
    old = make_article(TEXT, source="news/budget.txt")
    store.write_article(
        old, [make_statement(old, "We will not raise taxes."), make_statement(old, "Marie Curie")]
    )
    new = make_article(TEXT.replace("taxes", "rates"), source="news/budget.txt")

    assert store.write_article(new, [make_statement(new, "We will not raise rates.", "Paul Martin")]) is True

    assert _all(store) == ["We will not raise rates."]
    assert not store.has_article(old.id)
    # Jean Dupont spoke only in the old version: he is gone with it.
    assert [s.entity.name for s in store.speakers()] == ["Paul Martin"]
    assert store.counts() == {"articles": 1, "sources": 1, "statements": 1, "entities": 1, "speakers": 1}


def test_changed_source_keeps_text_another_source_still_gives(store, make_article, make_statement):
    first = make_article(TEXT, source="a.txt")
    store.write_article(first, [make_statement(first, "We will not raise taxes.")])
    copy = make_article(TEXT, source="copy/a.txt")
    store.record_source(copy)
    changed = make_article(TEXT + " More.", source="a.txt")

    store.write_article(changed, [])

    assert store.has_article(first.id)
    assert [a.source for _, a in store.iter_statements()] == ["copy/a.txt"]
    assert _all(store, article="copy/a.txt") == ["We will not raise taxes."]
    assert _all(store, article="a.txt") == []


def test_source_changed_to_a_text_already_stored(store, make_article, make_statement):
    one = make_article(TEXT, source="a.txt")
    two = make_article("Paul Martin said no.", source="b.txt")
    store.write_article(one, [make_statement(one, "We will not raise taxes.")])
    store.write_article(two, [make_statement(two, "no.", "Paul Martin")])

    # a.txt now holds b.txt's text: the runner finds it stored and only records where it came from.
    store.record_source(make_article("Paul Martin said no.", source="a.txt"))

    assert not store.has_article(one.id)
    assert _all(store, article="a.txt") == _all(store, article="b.txt") == ["no."]
    assert store.counts() == {"articles": 1, "sources": 2, "statements": 1, "entities": 1, "speakers": 1}


def test_recording_a_source_for_an_unstored_article_fails(store, make_article):
    with pytest.raises(StoreError, match="could not record"):
        store.record_source(make_article(TEXT))


def test_failed_write_leaves_the_store_as_before(store, make_article, make_statement):
    old = make_article(TEXT, source="a.txt")
    store.write_article(old, [make_statement(old, "We will not raise taxes.")])
    before = list(store.iter_statements())
    new = make_article(TEXT + " Again.", source="a.txt")
    twice = make_statement(new, "Again.")

    # The second insert of the same statement id fails after the old article was deleted and the new one written.
    with pytest.raises(StoreError, match="could not store article"):
        store.write_article(
            new, [make_statement(new, "We will not raise taxes.", "Paul Martin"), twice, twice]
        )

    assert list(store.iter_statements()) == before
    assert not store.has_article(new.id)
    assert store.counts() == {"articles": 1, "sources": 1, "statements": 1, "entities": 1, "speakers": 1}
    assert store.write_article(new, [twice]) is True  # the store is usable afterwards


def test_statement_of_another_article_is_refused(store, make_article, make_statement):
    article = make_article(TEXT)
    other = make_article("Someone said something.")
    with pytest.raises(ValueError, match="belongs to"):
        store.write_article(article, [make_statement(other, "something")])
    assert store.counts()["articles"] == 0


def test_order_filters_and_speakers(store, make_article, make_statement):
    a = make_article("One two three four five six.", source="a.txt")
    b = make_article("Seven eight nine ten.", source="b.txt")
    store.write_article(
        a,
        [
            make_statement(a, "six", "Marie Curie", said="2023"),
            make_statement(a, "One", "Jean Dupont", said="2024-03-05"),
            make_statement(a, "three", "Jean Dupont"),
            make_statement(a, "two", "Jean Dupont", said="2024-03"),
        ],
    )
    store.write_article(b, [make_statement(b, "Seven", "Jean Dupont", said="2024-03-05")])

    # Date said first (undated last); same date: by article id, then offset.
    same_day = sorted([(a.id, "One"), (b.id, "Seven")])
    assert _all(store) == ["six", "two", *[w for _, w in same_day], "three"]
    assert _all(store, speaker="curie") == ["six"]
    assert _all(store, speaker=entity_id("Marie Curie")) == ["six"]
    assert _all(store, speaker="%") == []
    # Partial dates overlap: "2024-03" is within since=2024-03-05, "2023" is not.
    assert _all(store, since="2024-03-05") == ["two", *[w for _, w in same_day]]
    assert _all(store, until="2023-12-31") == ["six"]
    assert _all(store, since="2024", until="2024-03") == ["two", *[w for _, w in same_day]]
    assert _all(store, article="b.txt") == ["Seven"]
    assert _all(store, article=a.id, since="2024") == ["two", "One"]

    assert store.speakers() == [
        SpeakerSummary(Entity(entity_id("Jean Dupont"), "Jean Dupont"), 4, "2024-03", "2024-03-05"),
        SpeakerSummary(Entity(entity_id("Marie Curie"), "Marie Curie"), 1, "2023", "2023"),
    ]


def test_bad_date_filter(store):
    with pytest.raises(UsageError, match="YYYY, YYYY-MM or YYYY-MM-DD"):
        list(store.iter_statements(since="March 2024"))


def test_many_statements_stream_in_batches(store, make_article, make_statement):
    words = [f"w{i:04d}" for i in range(700)]
    article = make_article(" ".join(words))
    statements = [make_statement(article, w, said="2024", targets=(("NATO", "against"),)) for w in words]
    store.write_article(article, statements)

    read = [s for s, _ in store.iter_statements()]

    assert read == statements


def test_wal_mode(tmp_path):
    path = tmp_path / "v.db"
    with Store.open(path) as store:
        assert store.journal_mode == "wal"
    with sqlite3.connect(path) as other:
        assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_migrations_are_recorded_once(tmp_path):
    path = tmp_path / "v.db"
    Store.open(path).close()
    Store.open(path).close()
    with sqlite3.connect(path) as db:
        names = [row[0] for row in db.execute("SELECT name FROM _volte_migrations")]
    assert names == [m.name for m in MIGRATIONS]


def test_store_from_a_newer_volte(tmp_path):
    path = tmp_path / "v.db"
    Store.open(path).close()
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO _volte_migrations VALUES ('9999_future', '2099-01-01')")
    with pytest.raises(StoreError, match="newer volte"):
        Store.open(path)


def test_not_sqlite(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("just some notes\n")
    with pytest.raises(StoreError, match="not a volte store"):
        Store.open(path)
    assert path.read_text() == "just some notes\n"


def test_sqlite_but_not_volte(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE things (x)")
    with pytest.raises(StoreError, match="SQLite database but not a volte store"):
        Store.open(path)


def test_folder_missing_file_and_missing_parent(tmp_path):
    with pytest.raises(StoreError, match="is a folder"):
        Store.open(tmp_path)
    with pytest.raises(StoreError, match="no volte store"):
        Store.open(tmp_path / "absent.db", create=False)
    assert not (tmp_path / "absent.db").exists()
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(tmp_path / "no" / "such" / "v.db")


def test_empty_file_becomes_a_store(tmp_path):
    path = Path(tmp_path / "empty.db")
    path.touch()
    with Store.open(path) as store:
        assert store.counts()["articles"] == 0


def test_where_the_publication_date_came_from_is_stored(tmp_path):
    from volte.ingest.article import dated_by_name, make_article

    article = dated_by_name(make_article("Jean Dupont said the harbour would reopen.", source="a.txt"), "x_2016-09-12.txt")
    assert (article.published, article.published_from) == ("2016-09-12", "filename")
    with Store.open(tmp_path / "s.db") as store:
        store.write_article(article, [])
    with Store.open(tmp_path / "s.db") as store:
        stored = store.article(article.id)
    assert (stored.published, stored.published_from) == ("2016-09-12", "filename")
    assert stored.as_json()["published_from"] == "filename"
