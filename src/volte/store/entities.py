"""Entities across articles: one entity per person, organisation or country, whatever order the articles came in.

Each article's own entities are recorded (entity_forms: the name and type it gives them, for its speakers and
targets and every other person it names in full; a person's id is their name key, names.py, so `Donald J. Trump`
and `Donald Trump` are one id). Links across articles are recomputed from
all of it whenever an article touches them: a merge asked for by hand (`volte merge`) first; a bare surname the
article could not put a full name to goes to the person of that surname the store's articles name far the most
(never when two are named about as often), and initials with a surname likewise to the person whose given names
they spell (`J-M Ayrault` -> Jean-Marc Ayrault); a new article re-points the stored statements whose link changes.
An entity's name and type are those most of its articles give, not the last one's. Functions over the store's
connection, called by `Store` inside its transactions.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, datetime
from typing import NamedTuple, cast

from volte.errors import UsageError
from volte.model import Entity, EntityType, Statement, TargetStance, entity_id
from volte.names import fold, parse_person_name, person_key


class EntitySummary(NamedTuple):
    """One entity of the record: statements it speaks, statements about it, names merged into it."""

    entity: Entity
    spoken: int
    about: int
    merged: tuple[str, ...]
    forms: tuple[tuple[str, int], ...] = ()  # the names its articles give it, with how many articles give each
    merged_how: tuple[str, ...] = ()  # per merged name: `user` (volte merge) or `surname` (the store's rule)


class Linked(NamedTuple):
    """An article's statements with their entities linked across articles, and the ids the article gave them."""

    statements: list[Statement]
    speaker_as: dict[str, str]  # statement id -> the article's own id of its speaker
    target_as: dict[tuple[str, int], str]  # (statement id, position) -> the article's own id of that target
    touched: set[str]  # ids whose links were recomputed: `forget_unused` once the statements are in
    moved: list[str]  # stored statements of other articles whose speaker changed (store/clustering.recluster)


def own_entity(entity: Entity) -> Entity:
    """The entity as the article gives it, with a person's id from their name key: `Donald J. Trump` and `Donald
    Trump` are one id (names.py)."""
    if entity.type == "person" and parse_person_name(entity.name) is not None:
        return replace(entity, id=entity_id(person_key(entity.name)))
    return entity


def link_article(
    db: sqlite3.Connection, article_id: str, statements: list[Statement], names: Iterable[Entity] = ()
) -> Linked:
    """Record what the article says about its entities (entity_forms: its speakers and targets, and the other
    people it names in full, `names`), relink the store's entities it touches, and return its statements with
    their entities linked (see the module docstring). The caller holds the transaction and inserts the
    statements, then calls `forget_unused`."""
    own: dict[str, Entity] = {}
    for statement in statements:
        for entity in ([statement.speaker] if statement.speaker else []) + [t.entity for t in statement.targets]:
            mine = own_entity(entity)
            own.setdefault(mine.id, mine)
    # A full name said in passing is evidence for a bare surname elsewhere (`Fox News' Chris Wallace` in a list, and
    # another article's transcript headed `WALLACE:`); it names no entity of its own until a statement does.
    for entity in names:
        mine = own_entity(entity)
        own.setdefault(mine.id, mine)
    db.executemany(
        "INSERT OR IGNORE INTO entity_forms (entity_as, article_id, name, type, surname) VALUES (?, ?, ?, ?, ?)",
        [(e.id, article_id, e.name, e.type, _surname_key(e)) for e in own.values()],
    )
    linked, touched, moved = relink(db, set(own))
    out, speaker_as, target_as = [], {}, {}
    for s in statements:
        speaker = None
        if s.speaker is not None:
            mine = own_entity(s.speaker)
            speaker_as[s.id] = mine.id
            speaker = linked[mine.id]
        # Every target the article gives, linked; two that link to one entity are one for readers (linked_targets,
        # migration 0013), and two again if the link is undone, whatever order the articles came in.
        targets: dict[str, TargetStance] = {}
        for t in s.targets:
            mine = own_entity(t.entity)
            if mine.id not in targets:
                target_as[(s.id, len(targets))] = mine.id
                targets[mine.id] = replace(t, entity=linked[mine.id])
        out.append(replace(s, speaker=speaker, targets=tuple(targets.values())))
    return Linked(out, speaker_as, target_as, touched, moved)


class Relinked(NamedTuple):
    entities: dict[str, Entity]  # each id asked for -> its entity across articles
    touched: set[str]  # ids whose links were recomputed: `forget_unused` once the statements are in
    moved: list[str]  # stored statements whose speaker changed: their clusters are formed again


def relink(db: sqlite3.Connection, ids: set[str]) -> Relinked:
    """Recompute, from everything stored, the links of these article ids and of the bare surnames that may stand for
    them; re-point the stored statements that change; name and type every entity linked to. Returns each id's
    entity, the ids whose links were recomputed and the stored statements whose speaker changed."""
    touched = set(ids)
    surnames = [r[0] for r in db.execute(
        f"SELECT DISTINCT surname FROM entity_forms WHERE surname IS NOT NULL AND entity_as IN ({_marks(ids)})",
        list(ids),
    )]
    if surnames:
        touched |= {r[0] for r in db.execute(
            f"SELECT DISTINCT entity_as FROM entity_forms WHERE surname IN ({_marks(surnames)})", surnames
        )}
    links = {eid: _link(db, eid) for eid in sorted(touched)}
    out: dict[str, Entity] = {}
    moved: list[str] = []
    for eid, to in sorted(links.items()):
        entity = _described(db, to)
        if entity is None:
            continue  # a bare surname no article names (any more)
        db.execute(
            "INSERT INTO entities (id, name, type) VALUES (?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type",
            (entity.id, entity.name, entity.type),
        )
        out[eid] = entity
        moved.extend(r[0] for r in db.execute(
            "SELECT id FROM statements WHERE speaker_as = ? AND speaker_id IS NOT ?", (eid, to)
        ))
        db.execute("UPDATE statements SET speaker_id = ? WHERE speaker_as = ? AND speaker_id IS NOT ?", (to, eid, to))
        # (A statement about both `Trump` and `Donald Trump` keeps both rows; readers see one: linked_targets.)
        db.execute("UPDATE statement_targets SET entity_id = ? WHERE entity_as = ? AND entity_id != ?", (to, eid, to))
        if to != eid:
            name = db.execute("SELECT name FROM entity_forms WHERE entity_as = ? LIMIT 1", (eid,)).fetchone()
            _record_merge(db, Entity(eid, name[0] if name else eid), entity, "surname", keep=True)
        else:
            db.execute("DELETE FROM entity_merges WHERE alias_id = ? AND how = 'surname'", (eid,))
    return Relinked(out, touched, moved)


def fill_surnames(db: sqlite3.Connection) -> None:
    """The surname of each recorded form that has none yet (the forms migration 0010 made of a store's entities)."""
    rows = db.execute("SELECT entity_as, article_id, name, type FROM entity_forms WHERE surname IS NULL").fetchall()
    db.executemany(
        "UPDATE entity_forms SET surname = ? WHERE entity_as = ? AND article_id = ?",
        [(s, eid, aid) for eid, aid, name, etype in rows if (s := _surname_key(Entity(eid, name, etype)))],
    )


def forget_unused(db: sqlite3.Connection, ids: set[str]) -> None:
    """Entity rows among `ids` that nothing names any more (linked into another entity, or their articles gone)."""
    db.executemany(
        "DELETE FROM entities WHERE id = ?"
        " AND NOT EXISTS (SELECT 1 FROM statements WHERE speaker_id = entities.id)"
        " AND NOT EXISTS (SELECT 1 FROM statement_targets WHERE entity_id = entities.id)",
        [(eid,) for eid in ids],
    )


def _link(db: sqlite3.Connection, eid: str) -> str:
    """The entity an article's id stands for across articles: a merge asked for by hand; else, for a bare surname
    that is a person's, the person of that surname the store's articles name in far the most articles (at least
    twice as many as the next: `Obama` -> Barack Obama, not Michelle Obama; `Lynch` of Loretta and Stephen Lynch,
    named as often, stays apart); else itself. A function of what is stored, not of the order it came in."""
    seen = {eid}
    while True:
        row = db.execute("SELECT entity_id FROM entity_merges WHERE alias_id = ? AND how != 'surname'", (eid,)).fetchone()
        if row is None or row[0] in seen:
            break
        eid = row[0]
        seen.add(eid)
    types = Counter(t for (t,) in db.execute("SELECT type FROM entity_forms WHERE entity_as = ?", (eid,)))
    name = db.execute("SELECT name FROM entity_forms WHERE entity_as = ? LIMIT 1", (eid,)).fetchone()
    if db.execute("SELECT 1 FROM entity_splits WHERE alias_id = ?", (eid,)).fetchone() is not None:
        return eid  # a link undone by hand (`volte split`)
    # (Any article taking the word for a person's will do: the tagger calls a lone `Trump` an organisation.)
    if name is None or not types["person"]:
        return eid
    if len(name[0].split()) != 1:
        return _by_initials(db, eid, name[0])
    counts = db.execute(
        "SELECT entity_as, count(*) AS n FROM entity_forms WHERE surname = ? AND type = 'person'"
        " AND instr(name, ' ') > 0 GROUP BY entity_as ORDER BY n DESC, entity_as LIMIT 2",
        (fold(name[0]),),
    ).fetchall()
    if counts and (len(counts) == 1 or counts[0][1] >= 2 * counts[1][1]):
        return cast(str, counts[0][0])
    return eid


def _by_initials(db: sqlite3.Connection, eid: str, name: str) -> str:
    """A person named by initials and surname (`J-M Ayrault`) is the person of that surname whose given names
    those initials spell (Jean-Marc Ayrault), when the store's articles name one such person far the most (as for a
    bare surname); else itself. A name with a given name written out is itself (`Donald Trump`)."""
    parsed = parse_person_name(name)
    if parsed is None or any(not _INITIALS.match(g) for g in parsed.given):
        return eid
    initials = "".join(_LETTER.findall("".join(parsed.given)))
    counts: Counter[str] = Counter()
    for other, other_name in db.execute(
        "SELECT entity_as, name FROM entity_forms WHERE surname = ? AND type = 'person' AND entity_as != ?",
        (fold(parsed.surname), eid),
    ):
        full = parse_person_name(other_name)
        if full is None or fold(full.surname) != fold(parsed.surname) or all(_INITIALS.match(g) for g in full.given):
            continue  # (another form of initials is no evidence of the given names)
        spelled = ["".join(p[:1] for p in g.split("-")) for g in full.given if not _INITIALS.match(g)]
        if initials in (spelled[0], "".join(spelled)):
            counts[other] += 1
    ranked = counts.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
        return ranked[0][0]
    return eid


_INITIALS = re.compile(r"^(?:[A-ZÀ-Ý]\.?-?)+$")
_LETTER = re.compile(r"[A-ZÀ-Ý]")


def _described(db: sqlite3.Connection, eid: str) -> Entity | None:
    """An entity named and typed from all its articles: its type the one most of them give (a person on a tie),
    its name the plain full form if one gave it (`Donald Trump` over `Donald J. Trump`), else the form most give,
    the fuller on a tie."""
    rows = db.execute("SELECT name, type FROM entity_forms WHERE entity_as = ?", (eid,)).fetchall()
    if not rows:
        row = db.execute("SELECT id, name, type FROM entities WHERE id = ?", (eid,)).fetchone()
        return Entity(row[0], row[1], cast(EntityType, row[2])) if row else None
    etype = _majority(Counter(t for _, t in rows))
    names = Counter(n for n, _ in rows)
    plain = {p.plain for p in (parse_person_name(n) for n in names) if p is not None} if etype == "person" else set()
    name = min(names, key=lambda n: (n not in plain, -names[n], -len(n.split()), n))
    return Entity(eid, name, cast(EntityType, etype))


_TYPE_ORDER = ("person", "organization", "party", "media", "country", "group")


def _majority(types: Counter[str]) -> str:
    return min(types, key=lambda t: (-types[t], _TYPE_ORDER.index(t) if t in _TYPE_ORDER else 9, t))


def _surname_key(entity: Entity) -> str | None:
    """A surname, folded: of a person's full name (`Donald J. Trump` -> `trump`), or a bare word (`Trump`)."""
    if len(entity.name.split()) == 1:
        return fold(entity.name)  # of any type: a lone `Trump` the tagger calls an organisation may be his
    parsed = parse_person_name(entity.name) if entity.type == "person" else None
    return fold(parsed.surname) if parsed is not None else None


def _marks(ids: set[str] | list[str]) -> str:
    return ", ".join("?" * len(ids))


def _record_merge(db: sqlite3.Connection, alias: Entity, into: Entity, how: str, keep: bool = False) -> None:
    if keep:  # a link recomputed: the row stays as it was when it still says the same (its date with it)
        row = db.execute("SELECT entity_id, how FROM entity_merges WHERE alias_id = ?", (alias.id,)).fetchone()
        if row is not None and (row[0] == into.id or row[1] != "surname"):
            return
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
    db.execute("DELETE FROM entity_splits WHERE alias_id = ?", (alias.id,))
    _record_merge(db, alias, into, how)


def split(db: sqlite3.Connection, name_or_id: str) -> tuple[Entity, Entity]:
    """Undo a link by hand: the article entity `name_or_id` (a name or id merged into another entity, by hand or by
    the surname rule) stands alone again, its statements back under it, and no later ingest links it. Returns (it,
    the entity it was part of). UsageError when it is not linked into another entity."""
    row = db.execute(
        "SELECT alias_id, alias_name, entity_id FROM entity_merges WHERE alias_id IN (?, ?) OR lower(alias_name) ="
        " lower(?) ORDER BY alias_id = ? DESC LIMIT 1",
        (name_or_id, entity_id(name_or_id), name_or_id, name_or_id),
    ).fetchone()
    if row is None:
        raise UsageError(f"{name_or_id!r} is not merged into another entity: `volte entities` lists the merged names")
    alias_id, alias_name, into_id = row
    into = find_entity(db, into_id)
    db.execute("DELETE FROM entity_merges WHERE alias_id = ?", (alias_id,))
    db.execute(
        "INSERT OR REPLACE INTO entity_splits (alias_id, alias_name, split_at) VALUES (?, ?, ?)",
        (alias_id, alias_name, datetime.now(UTC).isoformat(timespec="seconds")),
    )
    relinked = relink(db, {alias_id})
    forget_unused(db, relinked.touched)
    return relinked.entities.get(alias_id) or Entity(alias_id, alias_name), into


def entity_row(db: sqlite3.Connection, name_or_id: str) -> tuple[str, str, str, str | None] | None:
    """(id, name, type, the alias it was merged from) of the stored entity with this id or name (case-insensitive),
    following merges; an exact id first. None when no entity or alias has it."""
    row = db.execute(
        "SELECT id, name, type, NULL FROM entities WHERE id IN (?, ?) OR lower(name) = lower(?)"
        " ORDER BY id = ? DESC LIMIT 1",
        (name_or_id, entity_id(name_or_id), name_or_id, name_or_id),
    ).fetchone()
    if row is None:
        row = db.execute(
            "SELECT e.id, e.name, e.type, m.alias_id FROM entity_merges m JOIN entities e ON e.id = m.entity_id"
            " WHERE m.alias_id IN (?, ?) OR lower(m.alias_name) = lower(?) LIMIT 1",
            (name_or_id, entity_id(name_or_id), name_or_id),
        ).fetchone()
    return None if row is None else (row[0], row[1], row[2], row[3])


def find_entity(db: sqlite3.Connection, name_or_id: str) -> Entity:
    """The stored entity with this id or name (case-insensitive), following merges; UsageError if none."""
    row = entity_row(db, name_or_id)
    if row is None:
        raise UsageError(f"no entity {name_or_id!r} in the store: `volte entities` lists them")
    return Entity(row[0], row[1], cast(EntityType, row[2]))


def entity_summaries(db: sqlite3.Connection) -> list[EntitySummary]:
    """Every stored entity: statements it speaks, statements about it, the names merged into it (and how), the
    names its articles give it."""
    merged: dict[str, list[str]] = {}
    how: dict[str, list[str]] = {}
    for eid, name, by in db.execute("SELECT entity_id, alias_name, how FROM entity_merges ORDER BY alias_name"):
        merged.setdefault(eid, []).append(name)
        how.setdefault(eid, []).append(by)
    forms: dict[str, list[tuple[str, int]]] = {}
    for eid, name, n in db.execute(
        "SELECT entity_as, name, count(*) AS n FROM entity_forms GROUP BY entity_as, name ORDER BY n DESC, name"
    ):
        forms.setdefault(eid, []).append((name, n))
    rows = db.execute(
        "SELECT e.id, e.name, e.type,"
        " (SELECT count(*) FROM statements s WHERE s.speaker_id = e.id) AS spoken,"
        " (SELECT count(*) FROM linked_targets t WHERE t.entity_id = e.id) AS about"
        " FROM entities e ORDER BY spoken + about DESC, e.name"
    )
    return [
        EntitySummary(Entity(eid, name, cast(EntityType, etype)), spoken, about, tuple(merged.get(eid, ())),
                      tuple(forms.get(eid, ())), tuple(how.get(eid, ())))
        for eid, name, etype, spoken, about in rows
    ]
