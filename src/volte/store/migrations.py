"""Named migrations of the store, each recorded in `_volte_migrations` when it runs (sqlite-utils style).

A migration is applied once, inside the same transaction that records it, so a store is always at a known step.
Add a migration by appending to `MIGRATIONS`; never rename or reorder the ones already released.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from importlib import resources
from typing import NamedTuple

from volte.errors import StoreError

MIGRATIONS_TABLE = "_volte_migrations"


class Migration(NamedTuple):
    name: str
    apply: Callable[[sqlite3.Connection], None]


def _sql_statements(script: str) -> Iterator[str]:
    """The statements of an SQL script, split where SQLite itself says a statement is complete."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending.strip()
            pending = ""
    if pending.strip() and not pending.strip().startswith("--"):
        yield pending.strip()


def _run_sql_file(filename: str) -> Callable[[sqlite3.Connection], None]:
    def apply(connection: sqlite3.Connection) -> None:
        script = resources.files("volte.store").joinpath(filename).read_text(encoding="utf-8")
        for statement in _sql_statements(script):
            connection.execute(statement)

    return apply


def _clusters_corrections(connection: sqlite3.Connection) -> None:
    """0003: the tables for clusters, copies and corrections; then index and cluster what is stored already."""
    from volte.store.clustering import backfill

    _run_sql_file("0003_clusters_corrections.sql")(connection)
    backfill(connection)


def _entity_forms(connection: sqlite3.Connection) -> None:
    """0010: what each article says of its entities; the surnames of what is stored already (store/entities.py)."""
    from volte.store.entities import fill_surnames

    _run_sql_file("0010_entity_forms.sql")(connection)
    fill_surnames(connection)


def _identity(connection: sqlite3.Connection) -> None:
    """0013: the speaker's role; a table of each statement's key words for clustering (filled by 0022, which keeps
    them per distinct text)."""
    _run_sql_file("0013_identity.sql")(connection)


def _key_words(connection: sqlite3.Connection) -> None:
    """0015 refilled 0013's key words without the function words; 0022 now derives them for what is stored."""


def _distinct_texts(connection: sqlite3.Connection) -> None:
    """0022: clustering's candidates by distinct text (store/clustering.py), filled for what is stored already."""
    from volte.store.clustering import fill_texts

    _run_sql_file("0022_distinct_texts.sql")(connection)
    fill_texts(connection)


MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_initial", _run_sql_file("schema.sql")),
    Migration("0003_clusters_corrections", _clusters_corrections),
    Migration("0004_entity_merges", _run_sql_file("0004_entity_merges.sql")),
    Migration("0005_statement_quotes", _run_sql_file("0005_statement_quotes.sql")),
    Migration("0007_serve_indexes", _run_sql_file("0007_serve_indexes.sql")),
    Migration("0008_correction_anchors", _run_sql_file("0008_correction_anchors.sql")),
    Migration("0009_article_published_from", _run_sql_file("0009_article_published_from.sql")),
    Migration("0010_entity_forms", _entity_forms),
    Migration("0011_statement_voice", _run_sql_file("0011_statement_voice.sql")),
    Migration("0013_identity", _identity),
    Migration("0015_key_words", _key_words),
    Migration("0020_speaker_counts", _run_sql_file("0020_speaker_counts.sql")),
    Migration("0021_article_copies", _run_sql_file("0021_article_copies.sql")),
    Migration("0022_distinct_texts", _distinct_texts),
)


def applied_migrations(connection: sqlite3.Connection) -> list[str]:
    """Names of the migrations this store has recorded, oldest first."""
    rows = connection.execute(f"SELECT name FROM {MIGRATIONS_TABLE} ORDER BY applied_at, name").fetchall()
    return [row[0] for row in rows]


def migrate(connection: sqlite3.Connection) -> list[str]:
    """Apply the migrations this store has not seen yet; returns their names.

    The connection must be in autocommit mode (isolation_level=None): each migration runs in its own
    BEGIN IMMEDIATE ... COMMIT together with the row that records it.
    """
    connection.execute(
        f"CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    done = set(applied_migrations(connection))
    unknown = done - {m.name for m in MIGRATIONS}
    if unknown:
        raise StoreError(
            f"the store was written by a newer volte (migrations {', '.join(sorted(unknown))}); upgrade volte"
        )
    ran = []
    for migration in MIGRATIONS:
        if migration.name in done:
            continue
        connection.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated between our read and our lock.
            if connection.execute(
                f"SELECT 1 FROM {MIGRATIONS_TABLE} WHERE name = ?", (migration.name,)
            ).fetchone():
                connection.execute("ROLLBACK")
                continue
            migration.apply(connection)
            connection.execute(
                f"INSERT INTO {MIGRATIONS_TABLE} (name, applied_at) VALUES (?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
                (migration.name,),
            )
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        ran.append(migration.name)
    return ran
