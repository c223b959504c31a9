"""Filters over statements as read from the store, for `volte statements --target --stance --kind --search`.

The HTTP API filters in SQL (store/queries.py); the command line reads the store in `said` order
(`Store.iter_statements`) and keeps the statements these filters accept, with the same meanings: a target is an
entity id or part of its name, the stance is the one toward that target (or toward any target), and the search
words must all be words of the statement, folded as the full-text index folds them (a word written `memb*` is a
prefix).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from volte.errors import UsageError
from volte.model import Article, Statement, entity_id, has_voice
from volte.store.clustering import words
from volte.store.queries import search_terms

STANCES = ("favor", "against", "neutral")
KINDS = ("direct", "partial", "indirect")


def filter_statements(
    statements: Iterable[tuple[Statement, Article]],
    *,
    target: str | None = None,
    stance: str | None = None,
    kind: str | None = None,
    search: str | None = None,
    voices: Iterable[str] | None = None,
) -> Iterator[tuple[Statement, Article]]:
    """The statements (with their articles) that pass every filter given."""
    if stance is not None and stance not in STANCES:
        raise UsageError(f"unknown stance {stance!r}: use one of {', '.join(STANCES)}")
    if kind is not None and kind not in KINDS:
        raise UsageError(f"unknown kind {kind!r}: use one of {', '.join(KINDS)}")
    wanted = search_terms(search) if search else []
    if search and not wanted:
        raise UsageError(f"--search {search!r} has no words to look for")
    folded = " ".join(target.lower().split()) if target else None
    target_ids = {target, entity_id(target)} if target else set()
    for statement, article in statements:
        if kind is not None and statement.kind != kind:
            continue
        if not has_voice(statement.voice, voices):
            continue
        if folded is not None or stance is not None:
            about = [
                t for t in statement.targets
                if folded is None or t.entity.id in target_ids or folded in t.entity.name.lower()
            ]
            if not any(stance is None or t.stance == stance for t in about):
                continue
        if wanted and not _has_words(words(statement.text), wanted):
            continue
        yield statement, article


def _has_words(text_words: list[str], wanted: list[tuple[str, bool]]) -> bool:
    present = set(text_words)
    return all(
        any(w.startswith(word) for w in text_words) if prefix else word in present for word, prefix in wanted
    )
