"""Corrections: fixes people make to the record, kept apart from what the model found.

A correction names a statement by its id and says who really spoke, which stance it really takes toward a
target (or that it is not about that target), or that it is not a statement at all. The store keeps them in
their own table, with no link the re-ingest of an article could cut, and applies them whenever the record is
read (statements, exports, clusters, timelines, reversals, reports): they override the model, and survive
re-ingest and re-analysis because statement ids are stable for the same article text and span. When an article is
edited (its source gives other text), each correction finds its statement again by its words and place
(`volte.store.anchors`), or is marked as no longer applying.
The latest correction of a statement's field is the one in force; older ones stay as history.
"""

from __future__ import annotations

from typing import Any

from volte.errors import UsageError
from volte.model import Entity, EntityType, entity_id
from volte.store import Store

STANCES = ("favor", "against", "neutral", "none")
ENTITY_TYPES: tuple[EntityType, ...] = ("person", "organization", "party", "media", "country", "group")


def _check_statement(store: Store, statement_id: str) -> None:
    if not store.has_statement(statement_id):
        raise UsageError(f"no statement {statement_id} in the store: `volte export statements` shows the ids")


def _entity(name: str, kind: EntityType | str) -> Entity:
    name = " ".join(name.split())
    if not name:
        raise UsageError("the name must not be empty")
    if kind not in ENTITY_TYPES:
        raise UsageError(f"unknown entity type {kind!r}: use one of {', '.join(ENTITY_TYPES)}")
    return Entity(entity_id(name), name, kind)


def correct_speaker(
    store: Store, statement_id: str, name: str, *, kind: str = "person", note: str | None = None
) -> int:
    """Say who really made the statement; returns the correction's number."""
    _check_statement(store, statement_id)
    return store.add_correction(statement_id, "speaker", entity=_entity(name, kind), note=note)


def correct_stance(
    store: Store,
    statement_id: str,
    target: str,
    stance: str,
    *,
    kind: str = "organization",
    note: str | None = None,
) -> int:
    """Set the statement's stance toward `target` (favor, against, neutral; "none": not about it)."""
    _check_statement(store, statement_id)
    if stance not in STANCES:
        raise UsageError(f"unknown stance {stance!r}: use one of {', '.join(STANCES)}")
    return store.add_correction(statement_id, "stance", entity=_entity(target, kind), value=stance, note=note)


def mark_not_statement(store: Store, statement_id: str, *, undo: bool = False, note: str | None = None) -> int:
    """Say the quoted words are not a statement (a title, a scare quote); `undo=True` takes that back."""
    _check_statement(store, statement_id)
    return store.add_correction(statement_id, "not_statement", value="no" if undo else "yes", note=note)


def list_corrections(store: Store) -> list[dict[str, Any]]:
    """Every correction made, oldest first.

    Each has `current` (the latest of its statement's field), `applies` (its statement is in the record: the one
    it was made on, or the one with its words after an edit), `found_again` (moved after an edit: `made_on` is
    the id it was made on, `statement_id` the one it applies to) and `in_force` (current and applying).
    """
    rows = store.corrections()
    for row in rows:
        row["applies"] = row["anchor_state"] != "lost" and store.has_statement(row["statement_id"])
        row["found_again"] = row["applies"] and row["made_on"] not in (None, row["statement_id"])
        row["in_force"] = row["current"] and row["applies"]
    return rows
