"""The entity registry: aliases, acronyms and metonyms to one entity; user files; merges across articles."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from volte.errors import UsageError
from volte.model import Article, Entity, Statement, entity_id
from volte.registry import RegistryEntry, build_registry, read_registry_file
from volte.store import Store


def test_aliases_and_metonyms_name_one_entity() -> None:
    registry = build_registry()
    nato = registry.lookup("NATO")
    assert nato is not None and nato.id == entity_id("NATO")
    assert registry.lookup("the Atlantic alliance") == nato
    assert registry.lookup("North Atlantic Treaty Organization") == nato
    assert registry.resolve(Entity(entity_id("Kremlin"), "Kremlin", "organization")).name == "Russia"
    assert registry.lookup("Washington") == registry.lookup("United States")
    assert registry.lookup("Marguerite Valcourt") is None


def test_find_in_text_respects_case_place_and_context() -> None:
    registry = build_registry()
    found = [(m.entity.name, m.form) for m in registry.find("The Kremlin and the Russians told us in US terms.")]
    assert found == [("Russia", "metonym"), ("Russia", "alias"), ("United States", "alias")]
    # `us` is not the US; a trip to Moscow is a place, not the state.
    assert [m.entity.name for m in registry.find("Give us a trip to Moscow.")] == []
    # `the alliance` is NATO only where the article names NATO.
    assert [m.entity.name for m in registry.find("The alliance needs enemies.")] == []
    nato = entity_id("NATO")
    assert [m.entity.name for m in registry.find("The alliance needs enemies.", {nato})] == ["NATO"]


def test_an_alias_is_found_as_it_is_capitalised() -> None:
    """`Atlantic alliance` has a lower-case head; `the kremlin` in lower case is no name."""
    registry = build_registry()
    assert [m.entity.name for m in registry.find("a stampede towards the Atlantic alliance, which")] == ["NATO"]
    assert [m.entity.name for m in registry.find("the Atlantic Alliance")] == ["NATO"]
    assert [m.entity.name for m in registry.find("the atlantic alliance and the kremlin")] == []


def test_user_file_adds_entities_and_aliases(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "- name: Civic Renewal Party\n  type: organization\n  aliases: [CRP, Parti du renouveau civique]\n"
        "- name: NATO\n  aliases: [the Atlantic pact]\n",
        encoding="utf-8",
    )
    registry = build_registry(read_registry_file(path))
    assert registry.lookup("CRP") == registry.lookup("Parti du renouveau civique")
    assert registry.lookup("CRP").name == "Civic Renewal Party"  # type: ignore[union-attr]
    assert registry.lookup("the Atlantic pact") == registry.lookup("NATO")


def test_csv_registry_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("name,type,aliases,wikidata\nPeople's Left,organization,PL|Gauche populaire,\n", encoding="utf-8")
    entries = read_registry_file(path)
    assert entries == [RegistryEntry("People's Left", "organization", ("PL", "Gauche populaire"))]


def test_bad_registry_file_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("- name: X\n  type: planet\n", encoding="utf-8")
    with pytest.raises(UsageError, match="planet"):
        read_registry_file(path)


def _said(make_article: Callable[..., Article], make_statement: Callable[..., Statement], text: str, speaker: str,
          source: str) -> tuple[Article, list[Statement]]:
    article = make_article(text, source=source)
    statement = make_statement(article, text.split('"')[1], speaker)
    person = Entity(entity_id(speaker), speaker, "person")
    from dataclasses import replace

    return article, [replace(statement, speaker=person)]


def test_bare_surname_joins_the_one_full_name(
    store: Store, make_article: Callable[..., Article], make_statement: Callable[..., Statement]
) -> None:
    store.write_article(*_said(make_article, make_statement, 'Marguerite Valcourt said "We will win."', "Marguerite Valcourt", "a.txt"))
    store.write_article(*_said(make_article, make_statement, 'Valcourt said "We will win again."', "Valcourt", "b.txt"))
    speakers = {s.entity.name: s.statements for s in store.speakers()}
    assert speakers == {"Marguerite Valcourt": 2}


def test_two_people_sharing_a_surname_stay_apart(
    store: Store, make_article: Callable[..., Article], make_statement: Callable[..., Statement]
) -> None:
    store.write_article(*_said(make_article, make_statement, 'Anna Lind said "Yes."', "Anna Lind", "a.txt"))
    store.write_article(*_said(make_article, make_statement, 'Petra Lind said "No."', "Petra Lind", "b.txt"))
    store.write_article(*_said(make_article, make_statement, 'Lind said "Maybe so."', "Lind", "c.txt"))
    assert sorted(s.entity.name for s in store.speakers()) == ["Anna Lind", "Lind", "Petra Lind"]


def test_merge_repoints_statements_and_later_ingests(
    store: Store, make_article: Callable[..., Article], make_statement: Callable[..., Statement]
) -> None:
    store.write_article(*_said(make_article, make_statement, 'Red Tomas said "No to all."', "Red Tomas", "a.txt"))
    store.write_article(*_said(make_article, make_statement, 'Tomas Reinholt said "Never."', "Tomas Reinholt", "b.txt"))
    alias, into = store.merge_entities("Red Tomas", "Tomas Reinholt")
    assert (alias.name, into.name) == ("Red Tomas", "Tomas Reinholt")
    store.write_article(*_said(make_article, make_statement, 'Red Tomas said "Not now."', "Red Tomas", "c.txt"))
    assert {s.entity.name: s.statements for s in store.speakers()} == {"Tomas Reinholt": 3}
    summary = next(e for e in store.entities() if e.entity.name == "Tomas Reinholt")
    assert summary.merged == ("Red Tomas",) and summary.spoken == 3
    with pytest.raises(UsageError):
        store.merge_entities("Nobody Here", "Tomas Reinholt")


def test_entities_and_merge_commands(
    tmp_path: Path, make_article: Callable[..., Article], make_statement: Callable[..., Statement]
) -> None:
    from click.testing import CliRunner

    from volte.cli import cli

    db = tmp_path / "v.db"
    with Store.open(db) as store:
        store.write_article(*_said(make_article, make_statement, 'Red Tomas said "No to all."', "Red Tomas", "a.txt"))
        store.write_article(*_said(make_article, make_statement, 'Tomas Reinholt said "Never."', "Tomas Reinholt", "b.txt"))
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(db), "merge", "Red Tomas", "Tomas Reinholt"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("merged Red Tomas")
    result = runner.invoke(cli, ["--db", str(db), "entities"])
    assert result.exit_code == 0 and "Tomas Reinholt" in result.output and "Red Tomas" in result.output
    result = runner.invoke(cli, ["--db", str(db), "merge", "Nobody", "Tomas Reinholt"])
    assert result.exit_code == 2 and "no entity 'Nobody'" in result.output
    bad = tmp_path / "bad.yaml"
    bad.write_text("- type: person\n", encoding="utf-8")
    result = runner.invoke(cli, ["--db", str(db), "ingest", "--registry", str(bad), str(tmp_path)])
    assert result.exit_code == 2 and "needs a name" in result.output
