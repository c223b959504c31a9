"""Shared fixtures: an empty store in a temporary folder, and builders for articles and statements by hand."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from volte.model import Article, Entity, Statement, TargetStance, entity_id, stable_id, statement_id
from volte.store import Store

# The hand-made store of the API and page tests, and a client over it: fixtures `story` and `client`.
pytest_plugins = ["serve_story"]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "volte.db") as opened:
        yield opened


def _article(text: str, source: str = "a.txt", **meta: Any) -> Article:
    return Article(id=stable_id("a", text), source=source, text=text, **meta)


def _statement(
    article: Article,
    words: str,
    speaker: str | None = "Jean Dupont",
    *,
    said: str | None = None,
    targets: tuple[tuple[str, str], ...] = (),
    **fields: Any,
) -> Statement:
    """A statement over the first occurrence of `words` in the article; targets as (name, stance) pairs."""
    start = article.text.index(words)
    end = start + len(words)
    return Statement(
        id=statement_id(article.id, start, end),
        article_id=article.id,
        speaker=Entity(entity_id(speaker), speaker) if speaker else None,
        kind=fields.pop("kind", "direct"),
        text=words,
        start=start,
        end=end,
        said=said,
        said_basis="explicit" if said else None,
        targets=tuple(
            TargetStance(Entity(entity_id(name), name, "organization"), stance, 0.8, words)  # type: ignore[arg-type]
            for name, stance in targets
        ),
        **fields,
    )


@pytest.fixture
def make_article() -> Callable[..., Article]:
    """`make_article(text, source="a.txt", **meta)`: an Article whose id comes from its text."""
    return _article


@pytest.fixture
def make_statement() -> Callable[..., Statement]:
    """`make_statement(article, words, speaker="Jean Dupont", said=None, targets=((name, stance), ...))`."""
    return _statement


@pytest.fixture(scope="session")
def sample_extractions() -> dict[str, tuple[Article, list[Statement]]]:
    """Every bundled sample article (samples/) with its extracted statements, by source; extracted once a run."""
    from volte.ingest import iter_articles
    from volte.nlp.extract import extract_statements

    out = {}
    for item in iter_articles([Path(__file__).resolve().parent.parent / "samples"]):
        assert isinstance(item, Article), item
        out[item.source] = (item, extract_statements(item))
    return out


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--long", action="store_true", help="also run the tests marked long (docs/RELIABILITY.md)")


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--long"):
        os.environ["VOLTE_FUZZ_LONG"] = "1"  # tests/test_fuzz.py: thousands of cases instead of hundreds


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--long"):
        return
    skip = pytest.mark.skip(reason="a long reliability run: pytest --long")
    for item in items:
        if "long" in item.keywords:
            item.add_marker(skip)
