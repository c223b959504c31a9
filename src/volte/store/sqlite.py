"""The embedded store: one SQLite file, in WAL mode, holding articles, entities and their statements.

Only one process writes (the main process of `volte ingest`); readers may come and go meanwhile (WAL).
Each article is written in one transaction, so an interrupted run leaves the store as it was before the article
being written, and a rerun completes it.

The `sources` table remembers which article each source (path or URL) last gave: when a source comes back with
changed text, its new article replaces the old one and the old one's statements, unless another source still
gives the old text.
"""

from __future__ import annotations

import json
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
from volte.store import entities
from volte.store.anchors import anchor_correction, reanchor_corrections
from volte.store.clustering import cluster_article, forget_article, index_texts, recluster, split_clusters
from volte.store.entities import EntitySummary
from volte.store.migrations import MIGRATIONS_TABLE, migrate
from volte.store.queries import id_list, speaker_clause

_SQLITE_HEADER = b"SQLite format 3\x00"
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
# Statements are read in batches: one targets query per batch, never the whole corpus in memory.
_BATCH = 256
# Statements come ordered by date, so their articles interleave; keep the recently used ones at hand.
_ARTICLE_CACHE = 128

_STATEMENT_COLUMNS = """
    s.id, s.article_id, s.kind, s.text, s.start, s."end", s.cue, s.said, s.said_basis, s.cluster, s.quotes, s.voice,
    s.speaker_role, coalesce(cs.entity_id, e.id), coalesce(cs.entity_name, e.name), coalesce(cs.entity_type, e.type)
"""
# Statements as people corrected them (the corrections table, migration 0003): a corrected speaker replaces
# the model's, a statement marked "not a statement" is left out.
_CORRECTED_STATEMENTS = """
    statements s LEFT JOIN entities e ON e.id = s.speaker_id
    LEFT JOIN current_corrections cs ON cs.statement_id = s.id AND cs.field = 'speaker'
"""
_NOT_HIDDEN = (
    "NOT EXISTS (SELECT 1 FROM current_corrections n WHERE n.statement_id = s.id"
    " AND n.field = 'not_statement' AND n.value = 'yes')"
)


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
        # Another writer may hold the store for seconds (one article of a large store on a busy machine).
        self._db.execute("PRAGMA busy_timeout = 30000")
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

    def write_article(self, article: Article, statements: Iterable[Statement], names: Iterable[Entity] = ()) -> bool:
        """Store the article and its statements in one transaction; True when something new was written. `names`:
        the people the article names in full beside its speakers and targets (extract_article), which a bare
        surname in another article may stand for (store/entities.py).

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
                # Entities linked across articles, whatever order the articles come in (store/entities.py).
                linked = entities.link_article(self._db, article.id, statements, names)
                statements = linked.statements
                texts = index_texts(self._db, statements)  # (each text's id, stored with its statement)
                self._insert_statements(linked, [tid for tid, _ in texts])
                entities.forget_unused(self._db, linked.touched)
                # Same utterance in other articles, copies of this article (store/clustering.py).
                cluster_article(self._db, article.id, article.text, statements, texts)
                recluster(self._db, linked.moved)  # statements of other articles whose speaker was relinked
                reanchor_corrections(self._db, article)  # corrections follow an edit (store/anchors.py)
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
            "INSERT INTO articles (id, source, title, author, published, url, language, published_from, text, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id,
                article.source,
                article.title,
                article.author,
                article.published,
                article.url,
                article.language,
                article.published_from,
                article.text,
                datetime.now(UTC).isoformat(timespec="seconds"),
            ),
        )

    def _insert_statements(self, linked: entities.Linked, text_ids: list[int]) -> None:
        statements = linked.statements  # (their entities are stored already, named and typed from all articles)
        self._db.executemany(
            'INSERT INTO statements (id, article_id, speaker_id, kind, text, start, "end", cue, said, said_basis,'
            " cluster, quotes, voice, speaker_as, speaker_role, text_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                    json.dumps(s.quotes) if s.quotes else None,
                    s.voice,
                    linked.speaker_as.get(s.id),
                    s.speaker_role,
                    text_id,
                )
                for s, text_id in zip(statements, text_ids, strict=True)
            ],
        )
        self._db.executemany(
            "INSERT INTO statement_targets (statement_id, entity_id, position, stance, confidence, evidence, entity_as)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (s.id, t.entity.id, position, t.stance, t.confidence, t.evidence,
                 linked.target_as.get((s.id, position), t.entity.id))
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
        own_ids = {row[0] for row in self._db.execute(
            "SELECT entity_as FROM entity_forms WHERE article_id = ?", (article_id,)
        )}
        clusters = forget_article(self._db, article_id)
        # Statements and their targets go with the article (ON DELETE CASCADE).
        self._db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        split_clusters(self._db, clusters)
        self._articles.pop(article_id, None)
        self._db.executemany(
            "DELETE FROM entities WHERE id = ?"
            " AND NOT EXISTS (SELECT 1 FROM statements WHERE speaker_id = entities.id)"
            " AND NOT EXISTS (SELECT 1 FROM statement_targets WHERE entity_id = entities.id)",
            [(eid,) for eid in entity_ids],
        )
        # What is left of them is named, typed and linked from the articles still stored.
        relinked = entities.relink(self._db, own_ids | set(entity_ids))
        entities.forget_unused(self._db, relinked.touched)
        recluster(self._db, relinked.moved)

    # ---- reading -------------------------------------------------------------------------------------------

    def article(self, article_id: str) -> Article:
        """The stored article with this id; KeyError when there is none."""
        cached = self._articles.get(article_id)
        if cached is not None:
            self._articles.move_to_end(article_id)
            return cached
        row = self._db.execute(
            "SELECT id, source, text, title, author, published, url, language, published_from FROM articles WHERE id = ?",
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
        *,
        speaker_id: str | None = None,
        ids: Sequence[str] | None = None,
    ) -> Iterator[tuple[Statement, Article]]:
        """Stored statements with their articles, ordered by date said (undated last), article, offset.

        `speaker` is an entity id or part of a name (case-insensitive); `speaker_id` is exactly one speaker's id
        (corrections applied), read from the speaker's index whatever the size of the store; `ids` only these statements;
        `since` and `until` are dates
        (YYYY, YYYY-MM or YYYY-MM-DD) compared at the precision both sides have, so "2020" is within
        since="2020-06-01"; undated statements are left out when either is given. `article` is an
        article id or a source as ingested. Statements are read in batches, never all at once.
        """
        where: list[str] = []
        params: dict[str, Any] = {}
        if speaker is not None:
            where.append(
                "(coalesce(cs.entity_id, e.id) IN (:speaker, :speaker_id)"
                " OR coalesce(cs.entity_name, e.name) LIKE :speaker_like ESCAPE '\\')"
            )
            escaped = speaker.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            params.update(speaker=speaker, speaker_id=entity_id(speaker), speaker_like=f"%{escaped}%")
        if speaker_id is not None:
            where.append(f"{speaker_clause(self._db, speaker_id)} AND coalesce(cs.entity_id, e.id) = :speaker")
            params["speaker"] = speaker_id
        if ids is not None:
            where.append("s.id IN (SELECT value FROM json_each(:ids))")
            params["ids"] = json.dumps(list(ids))
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
        where.append(_NOT_HIDDEN)
        for said_clause, order in (
            ("s.said IS NOT NULL", "s.said, s.article_id, s.start"),
            ("s.said IS NULL", "s.article_id, s.start"),
        ):
            sql = (
                f"SELECT {_STATEMENT_COLUMNS} FROM {_CORRECTED_STATEMENTS}"
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
            " FROM linked_targets t JOIN entities e ON e.id = t.entity_id"
            f" WHERE t.statement_id IN ({marks}) ORDER BY t.statement_id, t.position",
            statement_ids,
        ):
            found.setdefault(statement_id, []).append(
                TargetStance(Entity(eid, name, etype), stance, confidence, evidence)
            )
        # A stance set by hand replaces the model's for that target ("none": not about it), or adds the target.
        for statement_id, eid, name, etype, value in self._db.execute(
            "SELECT statement_id, entity_id, entity_name, entity_type, value FROM current_corrections"
            f" WHERE field = 'stance' AND statement_id IN ({marks}) ORDER BY id",
            statement_ids,
        ):
            targets = found.setdefault(statement_id, [])
            index = next((i for i, t in enumerate(targets) if t.entity.id == eid), None)
            evidence = targets[index].evidence if index is not None else ""
            fixed = TargetStance(Entity(eid, name, etype), value, 1.0, evidence)
            if value == "none":
                if index is not None:
                    del targets[index]
            elif index is None:
                targets.append(fixed)
            else:
                targets[index] = fixed
        return {key: tuple(value) for key, value in found.items() if value}

    def stance_points(self, speaker_id: str) -> tuple[list[tuple[Any, ...]], dict[str, list[tuple[str, str, float]]]]:
        """What reversals need of one speaker's statements (corrections applied), without building them: (id,
        article_id, said, said_basis, cluster, voice) in `iter_statements` order, and each one's targets as
        (entity id, stance, confidence) in their order."""
        clause = f"{speaker_clause(self._db, speaker_id)} AND {_NOT_HIDDEN}"
        rows = self._db.execute(
            "SELECT s.id, s.article_id, s.said, s.said_basis, s.cluster, s.voice FROM statements s"
            f" WHERE {clause} ORDER BY s.said IS NULL, s.said, s.article_id, s.start",
            {"speaker": speaker_id},
        ).fetchall()
        targets: dict[str, list[tuple[str, str, float]]] = {}
        for sid, eid, stance, confidence in self._db.execute(
            "SELECT t.statement_id, t.entity_id, t.stance, t.confidence FROM statements s"
            f" JOIN linked_targets t ON t.statement_id = s.id WHERE {clause} ORDER BY t.statement_id, t.position",
            {"speaker": speaker_id},
        ):
            targets.setdefault(sid, []).append((eid, stance, confidence))
        # A stance corrected by hand: those few statements' targets as `_targets` reads them.
        fixed = [r[0] for r in self._db.execute("SELECT DISTINCT statement_id FROM corrections WHERE field = 'stance'")]
        own = {row[0] for row in rows}
        fixed = [sid for sid in fixed if sid in own]
        if fixed:
            corrected = self._targets(fixed)
            for sid in fixed:
                targets[sid] = [(t.entity.id, t.stance, t.confidence) for t in corrected.get(sid, ())]
        return rows, targets

    def speakers(self) -> list[SpeakerSummary]:
        """Every speaker with statements: most statements first, then by name, corrections applied.

        Read from the counts the store keeps as statements are written (`speaker_counts`, migration 0020), not
        by counting a million statements; the few speakers a correction gives statements to or takes them from
        (a corrected speaker, a statement marked as none) are counted again from their own statements."""
        recount = {
            eid for row in self._db.execute(
                "SELECT c.entity_id, s.speaker_id FROM current_corrections c JOIN statements s ON s.id = c.statement_id"
                " WHERE c.field = 'speaker' OR (c.field = 'not_statement' AND c.value = 'yes')"
            ) for eid in row if eid is not None
        }
        found = [
            SpeakerSummary(Entity(eid, name, cast(EntityType, etype)), n, first, last)
            for eid, name, etype, n, first, last in self._db.execute(
                "SELECT e.id, e.name, e.type, c.statements, c.first_said, c.last_said"
                " FROM speaker_counts c JOIN entities e ON e.id = c.speaker_id"
                f" WHERE c.speaker_id NOT IN (SELECT value FROM json_each({id_list(sorted(recount))}))"
            )
        ]
        for speaker_id in sorted(recount):
            found.extend(
                SpeakerSummary(Entity(eid, name, cast(EntityType, etype)), n, first, last)
                for eid, name, etype, n, first, last in self._db.execute(
                    "SELECT coalesce(cs.entity_id, e.id) AS sid, coalesce(cs.entity_name, e.name),"
                    " coalesce(cs.entity_type, e.type), count(*), min(s.said), max(s.said)"
                    f" FROM {_CORRECTED_STATEMENTS} WHERE {speaker_clause(self._db, speaker_id)} AND {_NOT_HIDDEN}"
                    " AND sid = :speaker GROUP BY sid",
                    {"speaker": speaker_id},
                )
            )
        found.sort(key=lambda s: (-s.statements, s.entity.name))
        return found

    def has_statement(self, statement_id: str) -> bool:
        return self._db.execute("SELECT 1 FROM statements WHERE id = ?", (statement_id,)).fetchone() is not None

    def add_correction(
        self,
        statement_id: str,
        field: str,
        *,
        entity: Entity | None = None,
        value: str | None = None,
        note: str | None = None,
    ) -> int:
        """Record a fix made by a person (kept apart from model output; see volte.record.corrections)."""
        try:
            with self._transaction():
                cursor = self._db.execute(
                    "INSERT INTO corrections (statement_id, field, entity_id, entity_name, entity_type, value,"
                    " note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        statement_id,
                        field,
                        entity.id if entity else None,
                        entity.name if entity else None,
                        entity.type if entity else None,
                        value,
                        note,
                        datetime.now(UTC).isoformat(timespec="seconds"),
                    ),
                )
                anchor_correction(self._db, int(cursor.lastrowid or 0))
        except sqlite3.Error as exc:
            raise StoreError(f"could not record the correction of {statement_id}: {exc}") from exc
        return int(cursor.lastrowid or 0)

    def corrections(self) -> list[dict[str, Any]]:
        """Every correction recorded, oldest first, with whether it is the one in force."""
        columns = ("id", "statement_id", "field", "entity_id", "entity_name", "entity_type", "value", "note",
                   "created_at", "made_on", "anchor_state")
        current = {row[0] for row in self._db.execute("SELECT id FROM current_corrections")}
        return [
            {**dict(zip(columns, row, strict=True)), "current": row[0] in current}
            for row in self._db.execute(f"SELECT {', '.join(columns)} FROM corrections ORDER BY id")
        ]

    def article_copies(self) -> dict[str, str]:
        """Articles recognised as copies of another (syndication): copy id -> original id."""
        return dict(self._db.execute("SELECT id, copy_of FROM articles WHERE copy_of IS NOT NULL").fetchall())

    # ---- entities across articles: store/entities.py --------------------------------------------------------

    def find_entity(self, name_or_id: str) -> Entity:
        """The stored entity with this id or name (case-insensitive), following merges; UsageError if none."""
        return entities.find_entity(self._db, name_or_id)

    def merge_entities(self, alias: str, into: str) -> tuple[Entity, Entity]:
        """Merge entity `alias` into `into` (ids or names): its statements and targets re-pointed, the merge
        recorded so later ingests map it too. Returns (alias, into)."""
        a, b = self.find_entity(alias), self.find_entity(into)
        if a.id == b.id:
            raise UsageError(f"{a.name!r} and {b.name!r} are the same entity already")
        try:
            with self._transaction():
                entities.merge(self._db, a, b, "user")
        except sqlite3.Error as exc:
            raise StoreError(f"could not merge {a.name} into {b.name}: {exc}") from exc
        return a, b

    def split_entity(self, alias: str) -> tuple[Entity, Entity]:
        """Undo the link of `alias` (a name or id merged into another entity): it stands alone again and later
        ingests leave it so. Returns (alias, the entity it was part of)."""
        try:
            with self._transaction():
                alone, into = entities.split(self._db, alias)
                recluster(self._db, [r[0] for r in self._db.execute(
                    "SELECT id FROM statements WHERE speaker_id = ?", (alone.id,)
                )])
        except sqlite3.Error as exc:
            raise StoreError(f"could not split {alias}: {exc}") from exc
        return alone, into

    def entities(self) -> list[EntitySummary]:
        """Every stored entity: statements it speaks, statements about it, the names merged into it."""
        return entities.entity_summaries(self._db)

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
    sid, article_id, kind, text, start, end, cue, said, said_basis, cluster, quotes, voice, role, eid, name, etype = row
    speaker = Entity(eid, name, etype) if eid is not None else None
    spans = tuple((int(a), int(b)) for a, b in json.loads(quotes)) if quotes else ()
    return Statement(
        sid, article_id, speaker, kind, text, start, end, cue, said, said_basis, targets, cluster, spans, voice,
        speaker_role=role,
    )
