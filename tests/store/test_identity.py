"""Who is who across articles: links, names and types recomputed from all articles, whatever their order."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from volte.model import Article, Entity, Statement, entity_id
from volte.store import Store

# (source, text, speaker as the article names them, their type there, a target)
_ARTICLES = [
    ("a.txt", 'Donald J. Trump said "We will win big."', "Donald J. Trump", "person", "Hillary Clinton"),
    ("b.txt", 'Donald Trump said "The polls are rigged."', "Donald Trump", "person", None),
    ("c.txt", 'Trump said "I will build it."', "Trump", "person", None),
    ("d.txt", 'Trump said "Tremendous crowds today."', "Trump", "organization", None),
    ("e.txt", 'Donald Trump said "It was a great debate."', "Donald Trump", "person", "Clinton"),
    ("f.txt", 'Michelle Obama said "When they go low, we go high."', "Michelle Obama", "person", None),
    ("g.txt", 'Barack Obama said "Yes we can."', "Barack Obama", "person", None),
    ("h.txt", 'Barack Obama said "Hope is on the ballot."', "Barack Obama", "person", None),
    ("i.txt", 'Obama said "Vote early."', "Obama", "person", None),
    ("j.txt", 'Bill Clinton said "She is ready."', "Bill Clinton", "person", None),
    ("k.txt", 'Hillary Clinton said "I am ready."', "Hillary Clinton", "person", None),
]


def _article(make_article: Callable[..., Article], make_statement: Callable[..., Statement], row: tuple) -> tuple:
    source, text, speaker, etype, target = row
    article = make_article(text, source=source)
    statement = make_statement(article, text.split('"')[1], speaker, targets=((target, "neutral"),) if target else ())
    statement = replace(statement, speaker=Entity(entity_id(speaker), speaker, etype))
    if target:
        person = Entity(entity_id(target), target, "person")
        statement = replace(statement, targets=tuple(replace(t, entity=person) for t in statement.targets))
    return article, [statement]


def _export(store: Store) -> list[str]:
    return sorted(json.dumps(s.as_json(a), sort_keys=True, default=str) for s, a in store.iter_statements())


def _ingest(path: Path, rows: list[tuple], make_article: Callable[..., Article],
            make_statement: Callable[..., Statement]) -> list[str]:
    with Store.open(path) as store:
        for row in rows:
            store.write_article(*_article(make_article, make_statement, row))
        return _export(store)


def test_forward_backward_and_two_halves_give_one_record(
    tmp_path: Path, make_article: Callable[..., Article], make_statement: Callable[..., Statement]
) -> None:
    forward = _ingest(tmp_path / "f.db", _ARTICLES, make_article, make_statement)
    backward = _ingest(tmp_path / "b.db", _ARTICLES[::-1], make_article, make_statement)
    halves = _ingest(tmp_path / "h.db", list(itertools.chain(*zip(_ARTICLES[1::2], _ARTICLES[::2], strict=False)))
                     + [_ARTICLES[-1]], make_article, make_statement)
    assert forward == backward == halves


def test_one_entity_per_person_under_the_plain_name(
    tmp_path: Path, make_article: Callable[..., Article], make_statement: Callable[..., Statement]
) -> None:
    for order in (_ARTICLES, _ARTICLES[::-1]):
        with Store.open(tmp_path / f"{len(order)}-{order[0][0]}.db") as store:
            for row in order:
                store.write_article(*_article(make_article, make_statement, row))
            speakers = {s.entity.name: (s.entity.type, s.statements) for s in store.speakers()}
            # The four Trump statements, one of them typed organisation by its article, are one person's;
            # bare `Obama` goes to Barack Obama, named in twice as many articles as Michelle Obama.
            assert speakers == {
                "Donald Trump": ("person", 5), "Barack Obama": ("person", 3), "Michelle Obama": ("person", 1),
                "Bill Clinton": ("person", 1), "Hillary Clinton": ("person", 1),
            }
            targets = {t.entity.name for s, _ in store.iter_statements() for t in s.targets}
            # Bare `Clinton` as a target: Hillary Clinton, named in two articles, Bill Clinton in one.
            assert targets == {"Hillary Clinton"}


def test_a_link_follows_the_evidence_when_it_changes(
    tmp_path: Path, make_article: Callable[..., Article], make_statement: Callable[..., Statement]
) -> None:
    with Store.open(tmp_path / "v.db") as store:
        for row in (_ARTICLES[5], _ARTICLES[8]):  # Michelle Obama, then a bare `Obama`: the one Obama named
            store.write_article(*_article(make_article, make_statement, row))
        assert {s.entity.name: s.statements for s in store.speakers()} == {"Michelle Obama": 2}
        for row in (_ARTICLES[6], _ARTICLES[7]):  # Barack Obama, in two articles: the bare `Obama` moves to him
            store.write_article(*_article(make_article, make_statement, row))
        assert {s.entity.name: s.statements for s in store.speakers()} == {"Michelle Obama": 1, "Barack Obama": 3}


def test_split_undoes_a_link_and_survives_later_ingests(
    tmp_path: Path, make_article: Callable[..., Article], make_statement: Callable[..., Statement]
) -> None:
    from click.testing import CliRunner

    from volte.cli import cli

    db = tmp_path / "v.db"
    with Store.open(db) as store:
        for row in (_ARTICLES[6], _ARTICLES[8]):  # Barack Obama, then a bare `Obama`: linked to him
            store.write_article(*_article(make_article, make_statement, row))
        assert {s.entity.name: s.statements for s in store.speakers()} == {"Barack Obama": 2}
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(db), "split", "Obama"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("split Obama")
    with Store.open(db) as store:
        assert {s.entity.name: s.statements for s in store.speakers()} == {"Barack Obama": 1, "Obama": 1}
        store.write_article(*_article(make_article, make_statement, _ARTICLES[7]))  # more evidence for Barack
        assert {s.entity.name: s.statements for s in store.speakers()} == {"Barack Obama": 2, "Obama": 1}
        store.merge_entities("Obama", "Barack Obama")  # and merged by hand again
        assert {s.entity.name: s.statements for s in store.speakers()} == {"Barack Obama": 3}
    result = runner.invoke(cli, ["--db", str(db), "split", "Barack Obama"])
    assert result.exit_code == 2 and "not merged into another entity" in result.output


def test_a_name_lookup_prefers_the_person_who_speaks_far_the_most(
    tmp_path: Path, make_article: Callable[..., Article], make_statement: Callable[..., Statement]
) -> None:
    import pytest

    from volte.errors import UsageError
    from volte.record.timeline import find_speaker

    rows = [*_ARTICLES[:3], ("o.txt", 'Trump Organization said "No comment."', "Trump Organization", "organization", None),
            _ARTICLES[9], _ARTICLES[10]]
    with Store.open(tmp_path / "v.db") as store:
        for row in rows:
            store.write_article(*_article(make_article, make_statement, row))
        assert find_speaker(store, "Trump").name == "Donald Trump"  # 3 statements against 1
        assert find_speaker(store, "Trump Organization").type == "organization"
        with pytest.raises(UsageError, match="several speakers"):
            find_speaker(store, "Clinton")  # Bill and Hillary Clinton, one statement each


def test_two_targets_one_link_joins_are_two_again_when_it_is_undone(
    tmp_path: Path, make_article: Callable[..., Article], make_statement: Callable[..., Statement]
) -> None:
    # `West` and `Cornel West` in one statement: one target while `West` links to Cornel West (named in more
    # articles), two again once other articles name Kanye West as often; the same whichever came first.
    about = make_article('Ann Berg said "West and Cornel West are wrong."', source="about.txt")
    statement = make_statement(about, "West and Cornel West are wrong.", "Ann Berg",
                               targets=(("West", "against"), ("Cornel West", "against")))
    statement = replace(statement, targets=tuple(replace(t, entity=replace(t.entity, type="person"))
                                                 for t in statement.targets))
    rows = [(about, [statement])]
    for n, name in enumerate(("Cornel West", "Kanye West", "Kanye West")):
        article = make_article(f'{name} said "It is day {n}."', source=f"{n}.txt")
        rows.append((article, [make_statement(article, f"It is day {n}.", name)]))

    def targets(order: list[tuple], db: str) -> list[list[str]]:
        seen = []
        with Store.open(tmp_path / db) as store:
            for article, statements in order:
                store.write_article(article, statements)
                seen.append([t.entity.name for s, _ in store.iter_statements() if s.id == statement.id
                             for t in s.targets])
        return seen

    assert targets(rows, "f.db")[1:] == [["Cornel West"], ["Cornel West"], ["West", "Cornel West"]]
    assert targets(rows[::-1], "b.db")[-1] == ["West", "Cornel West"]


def test_initials_join_the_person_whose_given_names_they_spell(
    tmp_path: Path, make_article: Callable[..., Article], make_statement: Callable[..., Statement]
) -> None:
    rows = [
        ("l.txt", 'Jean-Marc Ayrault said "Le redressement dans la justice."', "Jean-Marc Ayrault", "person", None),
        ("m.txt", 'J-M Ayrault said "Nous tiendrons nos engagements."', "J-M Ayrault", "person", None),
        ("n.txt", 'G.W. Bush said "Mission accomplished."', "G.W. Bush", "person", None),
        ("o.txt", 'George Walker Bush said "I am the decider."', "George Walker Bush", "person", None),
        ("p.txt", 'J. Bush said "Please clap."', "J. Bush", "person", None),
    ]
    for order in (rows, rows[::-1]):
        with Store.open(tmp_path / f"{order[0][0]}.db") as store:
            for row in order:
                store.write_article(*_article(make_article, make_statement, row))
            # `J. Bush` spells no given name of George Walker Bush: a person of their own.
            assert {s.entity.name: s.statements for s in store.speakers()} == {
                "Jean-Marc Ayrault": 2, "George Walker Bush": 2, "J. Bush": 1,
            }


def test_a_bare_surname_joins_a_full_name_another_article_gives_in_passing(
    tmp_path: Path, make_article: Callable[..., Article], make_statement: Callable[..., Statement]
) -> None:
    transcript = ("q.txt", 'WALLACE said "Will Gennifer Flowers be there?"', "Wallace", "person", None)
    listing = make_article("The debates chose NBC's Lester Holt and Fox News' Chris Wallace.", source="r.txt")
    chris = Entity(entity_id("Chris Wallace"), "Chris Wallace", "person")
    for order in ("forward", "backward"):
        with Store.open(tmp_path / f"{order}.db") as store:
            if order == "backward":
                store.write_article(listing, [], names=[chris])
            store.write_article(*_article(make_article, make_statement, transcript))
            if order == "forward":
                store.write_article(listing, [], names=[chris])
            assert {s.entity.name: s.statements for s in store.speakers()} == {"Chris Wallace": 1}
            # (a name said in passing is no entity of its own)
            assert [e.entity.name for e in store.entities()] == ["Chris Wallace"]
