"""Entities across articles: one entity per person as the store learns them, and merges people ask for.

On write, each statement's entities go through recorded merges (`volte merge`), and a bare surname goes to the one
stored full person name it fits (`Valcourt` -> `Marguerite Valcourt`; two stored people named Valcourt: it stays
apart); a new full name takes over a stored bare surname that fits no one else. Functions over the store's
connection, called by `Store` inside its transactions.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, datetime
from typing import NamedTuple, cast

from volte.errors import UsageError
from volte.model import Entity, EntityType, Statement, TargetStance, entity_id


class EntitySummary(NamedTuple):
    """One entity of the record: statements it speaks, statements about it, names merged into it."""

    entity: Entity
    spoken: int
    about: int
    merged: tuple[str, ...]


def canonical_entities(db: sqlite3.Connection, statements: list[Statement]) -> list[Statement]:
    """Statements with their entities as the store knows them (see the module docstring)."""
    mapping: dict[str, Entity] = {}
    for statement in statements:
        for entity in ([statement.speaker] if statement.speaker else []) + [t.entity for t in statement.targets]:
            if entity.id not in mapping:
                mapping[entity.id] = _canonical_entity(db, entity)
    if all(mapping[k].id == k for k in mapping):
        return statements
    out = []
    for s in statements:
        targets: dict[str, TargetStance] = {}
        for t in s.targets:
            targets.setdefault(mapping[t.entity.id].id, replace(t, entity=mapping[t.entity.id]))
        speaker = mapping[s.speaker.id] if s.speaker else None
        out.append(replace(s, speaker=speaker, targets=tuple(targets.values())))
    return out


def _canonical_entity(db: sqlite3.Connection, entity: Entity) -> Entity:
    row = db.execute(
        "SELECT e.id, e.name, e.type FROM entity_merges m JOIN entities e ON e.id = m.entity_id WHERE m.alias_id = ?",
        (entity.id,),
    ).fetchone()
    if row is not None:
        return Entity(row[0], row[1], cast(EntityType, row[2]))
    if entity.type != "person":
        return entity
    words = entity.name.split()
    if len(words) == 1:
        fits = _persons_named(db, words[0])
        if len(fits) == 1:
            _record_merge(db, entity, fits[0], "surname")
            return fits[0]
    elif 2 <= len(words) <= 4:
        bare = Entity(entity_id(words[-1]), words[-1], "person")
        known = db.execute("SELECT type FROM entities WHERE id = ?", (bare.id,)).fetchone()
        others = [e for e in _persons_named(db, words[-1]) if e.id != entity.id]
        if known is not None and known[0] == "person" and not others:
            _insert_entity(db, entity)
            merge(db, bare, entity, "surname")
    return entity


def _persons_named(db: sqlite3.Connection, surname: str) -> list[Entity]:
    """Stored people with two to four names whose last name is `surname`."""
    escaped = surname.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = db.execute(
        "SELECT id, name, type FROM entities WHERE type = 'person' AND name LIKE ? ESCAPE '\\'"
        " AND id NOT IN (SELECT alias_id FROM entity_merges)",
        (f"% {escaped}",),
    ).fetchall()
    return [
        Entity(r[0], r[1], "person")
        for r in rows if 2 <= len(r[1].split()) <= 4 and r[1].split()[-1].lower() == surname.lower()
    ]


def _insert_entity(db: sqlite3.Connection, entity: Entity) -> None:
    db.execute(
        "INSERT INTO entities (id, name, type) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING",
        (entity.id, entity.name, entity.type),
    )


def _record_merge(db: sqlite3.Connection, alias: Entity, into: Entity, how: str) -> None:
    db.execute(
        "INSERT INTO entity_merges (alias_id, entity_id, alias_name, how, merged_at) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (alias_id) DO UPDATE SET entity_id = excluded.entity_id, how = excluded.how",
        (alias.id, into.id, alias.name, how, datetime.now(UTC).isoformat(timespec="seconds")),
    )
    # Earlier merges into the alias now lead to `into`.
    db.execute("UPDATE entity_merges SET entity_id = ? WHERE entity_id = ?", (into.id, alias.id))


def merge(db: sqlite3.Connection, alias: Entity, into: Entity, how: str) -> None:
    """Statements and targets of `alias` now name `into`, the alias entity goes, and the merge is recorded (`how`:
    `user` or `surname`). The caller holds the transaction."""
    db.execute("UPDATE statements SET speaker_id = ? WHERE speaker_id = ?", (into.id, alias.id))
    # A statement about both keeps one target: the one already naming `into`.
    db.execute(
        "DELETE FROM statement_targets WHERE entity_id = ? AND statement_id IN"
        " (SELECT statement_id FROM statement_targets WHERE entity_id = ?)",
        (alias.id, into.id),
    )
    db.execute("UPDATE statement_targets SET entity_id = ? WHERE entity_id = ?", (into.id, alias.id))
    db.execute("DELETE FROM entities WHERE id = ?", (alias.id,))
    _record_merge(db, alias, into, how)


def find_entity(db: sqlite3.Connection, name_or_id: str) -> Entity:
    """The stored entity with this id or name (case-insensitive), following merges; UsageError if none."""
    row = db.execute(
        "SELECT id, name, type FROM entities WHERE id IN (?, ?) OR lower(name) = lower(?) LIMIT 1",
        (name_or_id, entity_id(name_or_id), name_or_id),
    ).fetchone()
    if row is None:
        row = db.execute(
            "SELECT e.id, e.name, e.type FROM entity_merges m JOIN entities e ON e.id = m.entity_id"
            " WHERE m.alias_id IN (?, ?) OR lower(m.alias_name) = lower(?) LIMIT 1",
            (name_or_id, entity_id(name_or_id), name_or_id),
        ).fetchone()
        if row is None:
            raise UsageError(f"no entity {name_or_id!r} in the store: `volte entities` lists them")
    return Entity(row[0], row[1], cast(EntityType, row[2]))


def entity_summaries(db: sqlite3.Connection) -> list[EntitySummary]:
    """Every stored entity: statements it speaks, statements about it, the names merged into it."""
    merged: dict[str, list[str]] = {}
    for eid, name in db.execute("SELECT entity_id, alias_name FROM entity_merges ORDER BY alias_name"):
        merged.setdefault(eid, []).append(name)
    rows = db.execute(
        "SELECT e.id, e.name, e.type,"
        " (SELECT count(*) FROM statements s WHERE s.speaker_id = e.id) AS spoken,"
        " (SELECT count(*) FROM statement_targets t WHERE t.entity_id = e.id) AS about"
        " FROM entities e ORDER BY spoken + about DESC, e.name"
    )
    return [
        EntitySummary(Entity(eid, name, cast(EntityType, etype)), spoken, about, tuple(merged.get(eid, ())))
        for eid, name, etype, spoken, about in rows
    ]
