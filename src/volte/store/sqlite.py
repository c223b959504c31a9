"""The embedded store: one SQLite file, in WAL mode, holding articles, entities and their statements.

Only one process writes (the main process of `volte ingest`); readers may come and go meanwhile (WAL).
Each article is written in one transaction, so an interrupted run leaves the store as it was before the article
being written, and a rerun completes it.

The `sources` table remembers which article each source (path or URL) last gave: when a source comes back with
changed text, its new article replaces the old one and the old one's statements, unless another source still
gives the old text.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple, cast

from volte.errors import StoreError, UsageError
from volte.model import Article, Entity, EntityType, Statement, TargetStance, entity_id
from volte.store.migrations import MIGRATIONS_TABLE, migrate

_SQLITE_HEADER = b"SQLite format 3\x00"
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
# Statements are read in batches: one targets query per batch, never the whole corpus in memory.
_BATCH = 256
# Statements come ordered by date, so their articles interleave; keep the recently used ones at hand.
_ARTICLE_CACHE = 128

_STATEMENT_COLUMNS = """
    s.id, s.article_id, s.kind, s.text, s.start, s."end", s.cue, s.said, s.said_basis, s.cluster,
    e.id, e.name, e.type
"""


class SpeakerSummary(NamedTuple):
    """One speaker of the record: how many statements, the first and last dates they were said."""

    entity: Entity
    statements: int
    first_said: str | None
    last_said: str | None


class Store:
    """A volte store in one SQLite file. Open with `Store.open(path)`; use as a context manager or `close()`."""

    def __init__(self, path: str | os.PathLike[str], *, create: bool = True) -> None:
        self.path = Path(path)
        _check_file(self.path, create=create)
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the store {self.path}: {exc}") from exc
        try:
            self._configure()
            migrate(self._db)
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise StoreError(f"cannot open the store {self.path}: {exc}") from exc
        except BaseException:
            self._db.close()
            raise
        self._articles: OrderedDict[str, Article] = OrderedDict()

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, create: bool = True) -> Store:
        """Open the store at `path`, creating and migrating it as needed.

        With `create=False` a missing file is a StoreError (for commands that only read).
        """
        return cls(path, create=create)

    def _configure(self) -> None:
        tables = {row[0] for row in self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if tables and MIGRATIONS_TABLE not in tables:
            raise StoreError(f"{self.path} is an SQLite database but not a volte store")
        self._db.execute("PRAGMA busy_timeout = 5000")
        self._db.execute("PRAGMA foreign_keys = ON")
        self._db.execute("PRAGMA journal_mode = WAL")
        # In WAL mode NORMAL cannot corrupt the file; a power cut may only lose the last transactions.
        self._db.execute("PRAGMA synchronous = NORMAL")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @property
    def journal_mode(self) -> str:
        return str(self._db.execute("PRAGMA journal_mode").fetchone()[0])

    # ---- writing -------------------------------------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def has_article(self, article_id: str) -> bool:
        return self._db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def write_article(self, article: Article, statements: Iterable[Statement]) -> bool:
        """Store the article and its statements in one transaction; True when something new was written.

        When the article id is already stored this writes no statements (the same text gives the same statements),
        only notes `article.source` as giving it. When `article.source` gave another article before, that article
        and its statements are removed, unless another source still gives it.
        """
        statements = list(statements)
        for statement in statements:
            if statement.article_id != article.id:
                raise ValueError(
                    f"statement {statement.id} belongs to {statement.article_id}, not {article.id}"
                )
        try:
            with self._transaction():
                if self.has_article(article.id):
                    self._point_source(article.source, article.id)
                    return False
                self._insert_article(article)
                self._point_source(article.source, article.id)
                self._insert_statements(statements)
        except sqlite3.Error as exc:
            raise StoreError(f"could not store article {article.id} from {article.source}: {exc}") from exc
        return True

    def record_source(self, article: Article) -> None:
        """Note that `article.source` now gives this stored article (for articles skipped as unchanged)."""
        row = self._db.execute(
            "SELECT article_id FROM sources WHERE source = ?", (article.source,)
        ).fetchone()
        if row is not None and row[0] == article.id:
            return
        try:
            with self._transaction():
                self._point_source(article.source, article.id)
        except sqlite3.Error as exc:
            raise StoreError(f"could not record the source {article.source}: {exc}") from exc

    def _insert_article(self, article: Article) -> None:
        self._db.execute(
            "INSERT INTO articles (id, source, title, author, published, url, language, text, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id,
                article.source,
                article.title,
                article.author,
                article.published,
                article.url,
                article.language,
                article.text,
                datetime.now(UTC).isoformat(timespec="seconds"),
            ),
        )

    def _insert_statements(self, statements: Sequence[Statement]) -> None:
        entities: dict[str, Entity] = {}
        for statement in statements:
            if statement.speaker is not None:
                entities[statement.speaker.id] = statement.speaker
            for target in statement.targets:
                entities[target.entity.id] = target.entity
        self._db.executemany(
            "INSERT INTO entities (id, name, type) VALUES (?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type",
            [(e.id, e.name, e.type) for e in entities.values()],
        )
        self._db.executemany(
            'INSERT INTO statements (id, article_id, speaker_id, kind, text, start, "end", cue, said, said_basis,'
            " cluster) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    s.id,
                    s.article_id,
                    s.speaker.id if s.speaker else None,
                    s.kind,
                    s.text,
                    s.start,
                    s.end,
                    s.cue,
                    s.said,
                    s.said_basis,
                    s.cluster,
                )
                for s in statements
            ],
        )
        self._db.executemany(
            "INSERT INTO statement_targets (statement_id, entity_id, position, stance, confidence, evidence)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (s.id, t.entity.id, position, t.stance, t.confidence, t.evidence)
                for s in statements
                for position, t in enumerate(s.targets)
            ],
        )

    def _point_source(self, source: str, article_id: str) -> None:
        """Make `source` give `article_id`; drop the article it gave before if no other source gives it."""
        row = self._db.execute("SELECT article_id FROM sources WHERE source = ?", (source,)).fetchone()
        if row is not None and row[0] == article_id:
            return
        self._db.execute(
            "INSERT INTO sources (source, article_id) VALUES (?, ?)"
            " ON CONFLICT (source) DO UPDATE SET article_id = excluded.article_id",
            (source, article_id),
        )
        if row is not None:
            self._drop_if_unsourced(row[0], moved=source)

    def _drop_if_unsourced(self, article_id: str, *, moved: str) -> None:
        other = self._db.execute(
            "SELECT min(source) FROM sources WHERE article_id = ?", (article_id,)
        ).fetchone()[0]
        if other is not None:
            # Two files had the same text and one of them changed: the old text stays, shown under the other file.
            self._db.execute(
                "UPDATE articles SET source = ? WHERE id = ? AND source = ?", (other, article_id, moved)
            )
            return
        entity_ids = [
            row[0]
            for row in self._db.execute(
                "SELECT speaker_id FROM statements WHERE article_id = ? AND speaker_id IS NOT NULL"
                " UNION SELECT t.entity_id FROM statement_targets t JOIN statements s ON s.id = t.statement_id"
                " WHERE s.article_id = ?",
                (article_id, article_id),
            )
        ]
        # Statements and their targets go with the article (ON DELETE CASCADE).
        self._db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        self._articles.pop(article_id, None)
        self._db.executemany(
            "DELETE FROM entities WHERE id = ?"
            " AND NOT EXISTS (SELECT 1 FROM statements WHERE speaker_id = entities.id)"
            " AND NOT EXISTS (SELECT 1 FROM statement_targets WHERE entity_id = entities.id)",
            [(eid,) for eid in entity_ids],
        )

    # ---- reading -------------------------------------------------------------------------------------------

    def article(self, article_id: str) -> Article:
        """The stored article with this id; KeyError when there is none."""
        cached = self._articles.get(article_id)
        if cached is not None:
            self._articles.move_to_end(article_id)
            return cached
        row = self._db.execute(
            "SELECT id, source, text, title, author, published, url, language FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            raise KeyError(article_id)
        article = Article(*row)
        self._articles[article_id] = article
        if len(self._articles) > _ARTICLE_CACHE:
            self._articles.popitem(last=False)
        return article

    def iter_statements(
        self,
        speaker: str | None = None,
        since: str | None = None,
        until: str | None = None,
        article: str | None = None,
    ) -> Iterator[tuple[Statement, Article]]:
        """Stored statements with their articles, ordered by date said (undated last), article, offset.

        `speaker` is an entity id or part of a name (case-insensitive); `since` and `until` are dates
        (YYYY, YYYY-MM or YYYY-MM-DD) compared at the precision both sides have, so "2020" is within
        since="2020-06-01"; undated statements are left out when either is given. `article` is an
        article id or a source as ingested. Statements are read in batches, never all at once.
        """
        where: list[str] = []
        params: dict[str, Any] = {}
        if speaker is not None:
            where.append("(e.id IN (:speaker, :speaker_id) OR e.name LIKE :speaker_like ESCAPE '\\')")
            escaped = speaker.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            params.update(speaker=speaker, speaker_id=entity_id(speaker), speaker_like=f"%{escaped}%")
        if since is not None:
            where.append("s.said >= substr(:since, 1, length(s.said))")
            params["since"] = _check_date(since, "since")
        if until is not None:
            where.append("substr(s.said, 1, length(:until)) <= :until")
            params["until"] = _check_date(until, "until")
        if article is not None:
            where.append(
                "s.article_id IN (SELECT :article UNION SELECT article_id FROM sources WHERE source = :article"
                " UNION SELECT id FROM articles WHERE source = :article)"
            )
            params["article"] = article
        # Dated statements first in date order, then the undated ones; each half can follow an index.
        for said_clause, order in (
            ("s.said IS NOT NULL", "s.said, s.article_id, s.start"),
            ("s.said IS NULL", "s.article_id, s.start"),
        ):
            sql = (
                f"SELECT {_STATEMENT_COLUMNS} FROM statements s LEFT JOIN entities e ON e.id = s.speaker_id"
                f" WHERE {' AND '.join([said_clause, *where])} ORDER BY {order}"
            )
            cursor = self._db.execute(sql, params)
            while rows := cursor.fetchmany(_BATCH):
                targets = self._targets([row[0] for row in rows])
                for row in rows:
                    statement = _statement(row, targets.get(row[0], ()))
                    yield statement, self.article(statement.article_id)

    def _targets(self, statement_ids: list[str]) -> dict[str, tuple[TargetStance, ...]]:
        marks = ", ".join("?" * len(statement_ids))
        found: dict[str, list[TargetStance]] = {}
        for statement_id, eid, name, etype, stance, confidence, evidence in self._db.execute(
            "SELECT t.statement_id, e.id, e.name, e.type, t.stance, t.confidence, t.evidence"
            " FROM statement_targets t JOIN entities e ON e.id = t.entity_id"
            f" WHERE t.statement_id IN ({marks}) ORDER BY t.statement_id, t.position",
            statement_ids,
        ):
            found.setdefault(statement_id, []).append(
                TargetStance(Entity(eid, name, etype), stance, confidence, evidence)
            )
        return {key: tuple(value) for key, value in found.items()}

    def speakers(self) -> list[SpeakerSummary]:
        """Every speaker with statements: most statements first, then by name."""
        rows = self._db.execute(
            "SELECT e.id, e.name, e.type, count(*) AS n, min(s.said), max(s.said)"
            " FROM statements s JOIN entities e ON e.id = s.speaker_id"
            " GROUP BY e.id ORDER BY n DESC, e.name"
        )
        return [
            SpeakerSummary(Entity(eid, name, cast(EntityType, etype)), n, first, last)
            for eid, name, etype, n, first, last in rows
        ]

    def counts(self) -> dict[str, int]:
        """How many articles, sources, statements, entities and speakers the store holds."""
        one = self._db.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM sources),"
            " (SELECT count(*) FROM statements), (SELECT count(*) FROM entities),"
            " (SELECT count(DISTINCT speaker_id) FROM statements)"
        ).fetchone()
        return dict(zip(("articles", "sources", "statements", "entities", "speakers"), one, strict=True))


def _check_file(path: Path, *, create: bool) -> None:
    """Clear errors for the files SQLite would reject with an obscure message, or silently create."""
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a volte store file")
    if path.exists():
        try:
            with path.open("rb") as handle:
                header = handle.read(len(_SQLITE_HEADER))
        except OSError as exc:
            raise StoreError(f"cannot read the store {path}: {exc.strerror}") from exc
        # An empty file is a new store; anything else must be SQLite.
        if header and header != _SQLITE_HEADER:
            raise StoreError(f"{path} is not a volte store (not an SQLite database)")
        return
    if not create:
        raise StoreError(f"no volte store at {path}: `volte ingest` creates one")
    if not path.parent.is_dir():
        raise StoreError(f"cannot create the store {path}: the folder {path.parent} does not exist")


def _check_date(value: str, name: str) -> str:
    if not _DATE.fullmatch(value):
        raise UsageError(f"{name} must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    return value


def _statement(row: Sequence[Any], targets: tuple[TargetStance, ...]) -> Statement:
    sid, article_id, kind, text, start, end, cue, said, said_basis, cluster, eid, name, etype = row
    speaker = Entity(eid, name, etype) if eid is not None else None
    return Statement(
        sid, article_id, speaker, kind, text, start, end, cue, said, said_basis, targets, cluster
    )
