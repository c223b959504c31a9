"""Clusters: the same utterance reported by several articles, joined as articles come and go."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from volte.record.clusters import read_clusters
from volte.store import Store
from volte.store.clustering import best_said, dates_agree, normalise, same_utterance, similarity

WORK_LEDGER = (
    "We should work with Moscow, not against it. American sanctions will only push Russia further away from "
    "Europe, and that helps nobody in this country."
)
WORK_WIRE = "We should work with Moscow, not against it. US sanctions will only push Russia further away from Europe,"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (WORK_LEDGER, WORK_WIRE),  # a translation's word, and cut at a different point
        ("I came to Halbridge to listen.", "I have come to Halbridge to listen"),
        ("Russia is our friend, and friends talk to each other.", "Russia is our friend, and friends talk to each other"),
        ("“We’re not leaving,” she said", '"We are not leaving," she said'),
        ("Russia is our friend, and friends talk to each other.", "our friend"),  # a partial quote of it
    ],
)
def test_same_words_in_other_forms_are_one_utterance(a, b):
    assert same_utterance(a, b, ("2014-03-12", "published"), ("2014-03-12", "relative"))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("We do not need NATO to tell us who our friends are", "Russia is our friend, and friends talk"),
        ("our friend", "We do not need NATO to tell us who our friends are"),  # "friend" is not "friends"
        (
            "Russia bears total responsibility for this war. There is no history that excuses it.",
            "I would tell them what I told the Assembly last year: Russia bears total responsibility for this war.",
        ),
        ("NATO was built for a world that no longer exists", "The alliance needs enemies, because enemies justify budgets"),
    ],
)
def test_different_words_are_different_utterances(a, b):
    assert not same_utterance(a, b, ("2014", "explicit"), ("2014", "explicit"))


def test_the_same_words_years_apart_are_two_utterances():
    words = "We were against membership when it was easy to be against it"
    assert similarity(normalise(words), normalise(words)) == 100
    assert not same_utterance(words, words, ("2016-10-09", "published"), ("2023-04-03", "published"))
    # An explicit year recalled in a later article agrees with the day it was first reported.
    assert dates_agree(("2014", "explicit"), ("2014-03-12", "published"))
    # A publication date means "said that day or in the weeks before".
    assert dates_agree(("2014-03-12", "relative"), ("2014-03-20", "published"))
    assert not dates_agree(("2014-03-20", "relative"), ("2014-03-12", "published"))
    # A publication date is weak: a later article's undated report of words another report dates agrees with it.
    assert dates_agree(("2014-03-12", "relative"), ("2022-03-04", "published"))
    assert dates_agree(("2022-03-04", "published"), ("2016", "explicit"))
    # Two publication dates years apart stay apart: nothing says they are one utterance.
    assert not dates_agree(("2016-10-09", "published"), ("2023-04-03", "published"))


def test_best_said_prefers_an_explicit_date_and_refines_it():
    assert best_said([("2022-03-04", "published"), ("2014", "explicit")]) == ("2014", "explicit")
    assert best_said([("2014-03-12", "published"), ("2014", "explicit"), ("2022-03-04", "published")]) == (
        "2014-03-12",
        "published",
    )
    assert best_said([("2014-03-13", "published"), ("2014-03-12", "relative")]) == ("2014-03-12", "relative")
    assert best_said([(None, None)]) == (None, None)


def _cluster_of(store: Store, statement_id: str):
    return next(c for c in read_clusters(store) if statement_id in {s.id for s, _ in c.reports})


def test_a_quote_reported_by_two_articles_is_one_cluster_with_two_sources(story):
    store, made = story
    cluster = _cluster_of(store, made["moscow_ledger"].id)
    assert {s.id for s, _ in cluster.reports} == {made["moscow_ledger"].id, made["moscow_norpress"].id}
    assert [a.source for a in cluster.articles] == ["samples/ledger.md", "samples/norpress.txt"]
    assert cluster.independent_sources == 2
    # The wire dates it itself ("on Wednesday"), which beats the Ledger's publication date.
    assert (cluster.said, cluster.said_basis) == ("2014-03-12", "explicit")
    # Both statements carry the cluster in the contract's JSON.
    exported = {s.id: s.as_json(a)["cluster"] for s, a in store.iter_statements(speaker="Valcourt")}
    assert exported[made["moscow_ledger"].id] == exported[made["moscow_norpress"].id] == cluster.id
    # Statements said once stay alone, each in its own cluster.
    assert len(_cluster_of(store, made["tap"].id).reports) == 1
    assert exported[made["tap"].id] == made["tap"].id.replace("s_", "c_")


def test_a_syndicated_copy_is_recognised_and_not_counted_twice(story_db):
    with Store.open(story_db) as store:
        copies = store.article_copies()
        cluster = next(c for c in read_clusters(store) if len(c.reports) > 1)
    assert len(copies) == 1
    assert len(cluster.articles) == 3
    assert cluster.independent_sources == 2
    assert set(copies) == {a.id for a in cluster.articles if a.source == "samples/evening-post.txt"}
    assert cluster.copies == frozenset(copies)


def test_a_new_article_joins_the_existing_cluster(store, make_article, make_statement):
    ledger = make_article(f"She said: “{WORK_LEDGER}”", "ledger.md", published="2014-03-12")
    wire = make_article(f'"{WORK_WIRE}" she told the Ledger.', "wire.txt", published="2014-03-13")
    late = make_article(f"Earlier she said “{WORK_LEDGER}”", "late.txt", published="2014-03-20")
    first = make_statement(ledger, WORK_LEDGER, "Marguerite Valcourt", said="2014-03-12")
    store.write_article(ledger, [first])
    assert next(store.iter_statements())[0].cluster is None  # alone so far

    second = make_statement(wire, WORK_WIRE, "Marguerite Valcourt", said="2014-03-12")
    store.write_article(wire, [second])
    # A cluster is named by its smallest member, whatever order the articles came in (issue #13).
    assert {s.cluster for s, _ in store.iter_statements()} == {min(first.id, second.id).replace("s_", "c_")}

    # A third report (from an unknown speaker) joins the same cluster.
    third = replace(make_statement(late, WORK_LEDGER, None, said="2014-03-20"), said_basis="published")
    store.write_article(late, [third])
    assert {s.cluster for s, _ in store.iter_statements()} == {min(first.id, second.id, third.id).replace("s_", "c_")}


def test_a_publication_date_does_not_keep_a_recalled_quotation_apart(store, make_article, make_statement):
    # The Ledger dates the words in its text (2014); an article eight years later quotes them with no date, so it
    # carries only its publication date: one utterance, dated by the report that gives its date.
    ledger = make_article(f"In March 2014 she said: “{WORK_LEDGER}”", "ledger.md", published="2014-03-12")
    late = make_article(f"She once said “{WORK_LEDGER}”", "late.txt", published="2022-03-04")
    first = make_statement(ledger, WORK_LEDGER, "Marguerite Valcourt", said="2014-03")
    again = make_statement(late, WORK_LEDGER, "Marguerite Valcourt", said="2022-03-04")
    store.write_article(ledger, [replace(first, said_basis="explicit")])
    store.write_article(late, [replace(again, said_basis="published")])
    [cluster] = [c for c in read_clusters(store) if len(c.reports) > 1]
    assert len(cluster.reports) == 2 and (cluster.said, cluster.said_basis) == ("2014-03", "explicit")


def test_a_cluster_splits_when_the_article_linking_it_goes(store, make_article, make_statement):
    speaker = "Marguerite Valcourt"
    ledger = make_article(f"She said: “{WORK_LEDGER}”", "ledger.md")
    wire = make_article(f'"{WORK_WIRE}" she said.', "wire.txt")
    store.write_article(ledger, [make_statement(ledger, WORK_LEDGER, speaker, said="2014-03-12")])
    store.write_article(wire, [make_statement(wire, WORK_WIRE, speaker, said="2014-03-12")])
    assert len(read_clusters(store)) == 1
    # wire.txt now gives another text: its old article and statement go, and the cluster with them.
    changed = make_article("Nothing quoted today.", "wire.txt")
    store.write_article(changed, [])
    assert [len(c.reports) for c in read_clusters(store)] == [1]
    assert next(store.iter_statements())[0].cluster is None


@pytest.mark.parametrize("order", ["long first", "short first"])
def test_a_pair_is_found_whichever_came_first(tmp_path, make_article, make_statement, order):
    # The long report's longest words are none of the short one's, but the short one is inside it: found from
    # either side (its key words, `text_keys`), so the cluster does not depend on arrival order (issue #13).
    long_words = "Unquestionably, extraordinarily complicated negotiations notwithstanding, we will build the wall"
    short_words = "we will build the wall"
    one, two = make_article(f"He said “{long_words}”", "one.txt"), make_article(f"He said “{short_words}”", "two.txt")
    pairs = [(one, make_statement(one, long_words, "Ann Berg", said="2020")),
             (two, make_statement(two, short_words, "Ann Berg", said="2020"))]
    with Store.open(tmp_path / "volte.db") as store:
        for article, statement in pairs if order == "long first" else pairs[::-1]:
            store.write_article(article, [statement])
        clusters = {s.cluster for s, _ in store.iter_statements()}
    assert clusters == {min(s.id for _, s in pairs).replace("s_", "c_")}


def test_a_word_statement_finds_only_statements_about_as_long(store, make_article, make_statement):
    # `Clinton` as a statement's words is the same words only as another `Clinton`, not a long quote naming her.
    long_words = "Clinton will lose Ohio and Florida, and then the race"
    one, two, three = (make_article(t, f"{n}.txt") for n, t in enumerate(("A: Clinton.", "B: Clinton.", long_words)))
    store.write_article(one, [make_statement(one, "Clinton", None, said="2020")])
    store.write_article(three, [make_statement(three, long_words, None, said="2020")])
    store.write_article(two, [make_statement(two, "Clinton", None, said="2020")])
    assert sorted(len(c.reports) for c in read_clusters(store)) == [1, 2]


def _texts(store: Store) -> list[str]:
    return [row[0] for row in store._db.execute("SELECT words FROM texts ORDER BY words")]


def test_a_reprinted_quotation_is_one_text_and_its_dates_still_count_per_report(store, make_article, make_statement):
    # Issue #19: the candidates are distinct texts, so a quotation reprinted by many outlets is compared once; which
    # of its reports join is still decided per report, by speaker and date.
    words = "Nobody in this city will pay for the stadium."
    reprints = [make_article(f"Outlet {n}: “{words}”", f"r{n}.txt") for n in range(4)]
    dates = ["2019-05-02", "2019-05-02", "2019-05-03", "2023-01-10"]
    for article, said in zip(reprints, dates, strict=True):
        store.write_article(article, [make_statement(article, words, "Ann Berg", said=said)])
    assert _texts(store) == [normalise(words)]
    assert sorted(len(c.reports) for c in read_clusters(store)) == [1, 3]  # 2023 is another occasion
    # The text stays while one report of it is stored, and goes with the last.
    for n, article in enumerate(reprints):
        store.write_article(make_article(f"Nothing quoted in {n}.", article.source), [])
        assert _texts(store) == ([normalise(words)] if n < 3 else [])
    assert store._db.execute("SELECT count(*) FROM text_words WHERE text_words MATCH 'stadium'").fetchone()[0] == 0
    assert store._db.execute("SELECT count(*) FROM text_keys").fetchone()[0] == 0


def test_a_store_from_before_distinct_texts_gets_them_and_clusters_on(tmp_path, make_article, make_statement):
    # Migration 0022 fills `texts` from what is stored: a report written after it finds the one written before.
    import sqlite3

    words = "Nobody in this city will pay for the stadium."
    one, two = make_article(f"A: “{words}”", "one.txt"), make_article(f"B: “{words}”", "two.txt")
    path = tmp_path / "volte.db"
    with Store.open(path) as store:
        store.write_article(one, [make_statement(one, words, "Ann Berg", said="2019-05-02")])
    with sqlite3.connect(path) as db:  # the store as volte left it before 0022
        db.executescript(
            "DROP TABLE text_words; DROP TABLE text_keys; DROP TABLE texts; DROP INDEX statements_text;"
            " ALTER TABLE statements DROP COLUMN text_id;"
            " CREATE TABLE statement_keys (word TEXT, statement_id TEXT, need INTEGER, reach INTEGER);"
            " DELETE FROM _volte_migrations WHERE name = '0022_distinct_texts';"
        )
    with Store.open(path) as store:
        assert _texts(store) == [normalise(words)]
        store.write_article(two, [make_statement(two, words, "Ann Berg", said="2019-05-02")])
        assert [len(c.reports) for c in read_clusters(store)] == [2]


def test_different_speakers_never_share_a_cluster(store, make_article, make_statement):
    one = make_article("A: “We will win.”", "one.txt")
    two = make_article("B: “We will win.”", "two.txt")
    store.write_article(one, [make_statement(one, "We will win.", "Ann Berg", said="2020")])
    store.write_article(two, [make_statement(two, "We will win.", "Bo Lund", said="2020")])
    assert len(read_clusters(store)) == 2


@pytest.mark.model
def test_sample_corpus_work_with_moscow_is_one_cluster_with_two_sources(sample_store):
    assert sample_store.ingest_failures == []
    clusters = [
        c for c in read_clusters(sample_store, speaker="Valcourt")
        if any(s.text.startswith("We should work with Moscow") for s, _ in c.reports)
    ]
    assert len(clusters) == 1
    sources = sorted(Path(a.source).name for a in clusters[0].articles)
    assert sources == ["2014-03-12-valcourt-moscow.md", "2014-03-13-norpress-valcourt-sanctions.txt"]
    assert clusters[0].independent_sources == 2
    assert clusters[0].said == "2014-03-12"


def test_function_words_are_no_key_words_and_do_not_keep_a_pair_apart(store, make_article, make_statement):
    # Key words are judged by a fixed list of function words, not by how often the store holds them (issue #13:
    # `the` was the key word of thousands of short statements, looked up by every new one).
    from volte.store.clustering import key_words, words

    assert key_words(words("It is what it is, and that is about it")) == []
    assert key_words(words("We will build the wall, because we must")) == ["build", "wall"]
    one, two = make_article("A: “We will build the wall.”", "one.txt"), make_article("B: “we will build the wall”", "two.txt")
    store.write_article(one, [make_statement(one, "We will build the wall.", "Ann Berg", said="2020")])
    store.write_article(two, [make_statement(two, "we will build the wall", "Ann Berg", said="2020")])
    assert [len(c.reports) for c in read_clusters(store)] == [2]
