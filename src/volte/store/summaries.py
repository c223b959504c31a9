"""Aggregates for `volte serve`: a speaker's targets, a target's speakers, stance over time, clusters, timelines.

Counted in SQL over the indexes of migration 0007, so a speaker with 50,000 statements costs one grouped
query, not 50,000 objects. Corrections are applied as in store/queries.py. Months are `YYYY-MM`; a statement
dated only by its year counts in `YYYY`, which the charts put in January.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from volte.store.queries import (
    DEFAULT_LIMIT,
    Page,
    check_limit,
    corrected,
    decode_cursor,
    encode_cursor,
    not_hidden,
    speaker_clause,
    statements_by_id,
    target_clause,
)

_STANCES = ("favor", "against", "neutral")


def _stance(db: sqlite3.Connection) -> str:
    """The stance as corrected for this target of this statement, else the model's (`t`: statement_targets)."""
    if not corrected(db, "stance"):
        return "t.stance"
    return (
        "coalesce((SELECT c.value FROM current_corrections c WHERE c.statement_id = t.statement_id"
        " AND c.field = 'stance' AND c.entity_id = t.entity_id), t.stance)"
    )


@dataclass(slots=True)
class StanceCounts:
    """Statements about one entity (a speaker's target, or a target's speaker): totals and per month."""

    id: str
    name: str
    type: str
    favor: int = 0
    against: int = 0
    neutral: int = 0
    months: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.favor + self.against + self.neutral

    def add(self, month: str | None, stance: str, n: int) -> None:
        if stance not in _STANCES:
            return
        setattr(self, stance, getattr(self, stance) + n)
        if month:
            bucket = self.months.setdefault(month, {"favor": 0, "against": 0, "neutral": 0})
            bucket[stance] += n

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "type": self.type, "statements": self.total,
            "favor": self.favor, "against": self.against, "neutral": self.neutral,
            "months": dict(sorted(self.months.items())),
        }


def _sorted(counts: dict[str, StanceCounts]) -> list[StanceCounts]:
    return sorted(counts.values(), key=lambda c: (-c.total, c.name))


def speaker_summary(db: sqlite3.Connection, speaker_id: str) -> dict[str, Any]:
    """How many statements the speaker made, first and last said (from the speaker's covering index)."""
    clause = f"{speaker_clause(db, speaker_id)} AND {not_hidden(db)}"
    row = db.execute(
        f"SELECT count(*), min(nullif(s.said, '')), max(s.said) FROM statements s WHERE {clause}",
        {"speaker": speaker_id},
    ).fetchone()
    return {"statements": row[0], "first_said": row[1], "last_said": row[2]}


def speaker_targets(db: sqlite3.Connection, speaker_id: str) -> list[StanceCounts]:
    """The speaker's targets, most statements first, each with its stance counts per month."""
    counts: dict[str, StanceCounts] = {}
    for eid, month, stance, n in db.execute(
        f"SELECT t.entity_id, substr(s.said, 1, 7), {_stance(db)} AS st, count(*)"
        " FROM statements s JOIN statement_targets t ON t.statement_id = s.id"
        f" WHERE {speaker_clause(db, speaker_id)} AND {not_hidden(db)}"
        " GROUP BY t.entity_id, substr(s.said, 1, 7), st",
        {"speaker": speaker_id},
    ):
        if stance in _STANCES:  # "none": a correction says it is not about this target
            counts.setdefault(eid, StanceCounts(eid, "", "")).add(month, stance, n)
    _name(db, counts)
    # Targets added by a correction only.
    for eid, name, etype, month, stance, n in db.execute(
        "SELECT c.entity_id, c.entity_name, c.entity_type, substr(s.said, 1, 7), c.value, count(*)"
        " FROM current_corrections c JOIN statements s ON s.id = c.statement_id"
        f" WHERE c.field = 'stance' AND {speaker_clause(db, speaker_id)} AND {not_hidden(db)}"
        " AND NOT EXISTS (SELECT 1 FROM statement_targets t WHERE t.statement_id = c.statement_id"
        " AND t.entity_id = c.entity_id) GROUP BY 1, 4, 5",
        {"speaker": speaker_id},
    ):
        if stance in _STANCES:
            counts.setdefault(eid, StanceCounts(eid, name, etype)).add(month, stance, n)
    return _sorted(counts)


def target_speakers(db: sqlite3.Connection, target_id: str) -> tuple[list[StanceCounts], StanceCounts]:
    """Who spoke about the target (most statements first, with stance counts) and all of them per month."""
    counts: dict[str, StanceCounts] = {}
    overall = StanceCounts(target_id, "", "")
    speaker = "s.speaker_id"
    if corrected(db, "speaker"):
        speaker = (
            "coalesce((SELECT cs.entity_id FROM current_corrections cs WHERE cs.statement_id = s.id"
            " AND cs.field = 'speaker'), s.speaker_id)"
        )
    for sid, month, stance, n in db.execute(
        f"SELECT {speaker} AS sp, substr(s.said, 1, 7), {_stance(db)} AS st, count(*)"
        " FROM statement_targets t JOIN statements s ON s.id = t.statement_id"
        f" WHERE t.entity_id = :target AND {not_hidden(db)} GROUP BY sp, substr(s.said, 1, 7), st",
        {"target": target_id},
    ):
        overall.add(month, stance, n)
        if sid is not None and stance in _STANCES:
            counts.setdefault(sid, StanceCounts(sid, "", "")).add(month, stance, n)
    _name(db, counts)
    return _sorted(counts), overall


def _name(db: sqlite3.Connection, counts: dict[str, StanceCounts]) -> None:
    """Fill in the names and types of the entities counted (entities, else the name a correction gave)."""
    ids = list(counts)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        for eid, name, etype in db.execute(
            f"SELECT id, name, type FROM entities WHERE id IN ({marks})"
            f" UNION ALL SELECT entity_id, entity_name, entity_type FROM corrections WHERE entity_id IN ({marks})",
            chunk + chunk,
        ):
            if not counts[eid].name:
                counts[eid].name, counts[eid].type = name, etype


def timeline(
    db: sqlite3.Connection, speaker_id: str, target_id: str, *, limit: int = DEFAULT_LIMIT,
    cursor: str | None = None, oldest_first: bool = False,
) -> Page:
    """The speaker's statements about the target in the order said (newest first unless `oldest_first`), each
    with its stance toward the target: {"said", "stance", "confidence", "evidence", "statement"}."""
    check_limit(limit)
    op, order = (">", "ASC") if oldest_first else ("<", "DESC")
    where = [speaker_clause(db, speaker_id), not_hidden(db), target_clause(db, True, False)]
    params: dict[str, Any] = {"speaker": speaker_id, "target": target_id, "stance": None, "limit": limit + 1}
    if cursor:
        params["after_said"], params["after_rowid"] = decode_cursor(cursor, 2)
        where.append(f"(coalesce(s.said, ''), s.rowid) {op} (:after_said, :after_rowid)")
    rows = db.execute(
        f"SELECT s.id, coalesce(s.said, ''), s.rowid FROM statements s WHERE {' AND '.join(where)}"
        f" ORDER BY coalesce(s.said, '') {order}, s.rowid {order} LIMIT :limit",
        params,
    ).fetchall()
    more = len(rows) > limit
    rows = rows[:limit]
    items = []
    for statement in statements_by_id(db, [r[0] for r in rows]):
        target = next((t for t in statement["targets"] if t["id"] == target_id), None)
        if target is None:
            continue
        items.append(
            {"said": statement["said"], "stance": target["stance"], "confidence": target["confidence"],
             "evidence": target["evidence"], "statement": statement}
        )
    return Page(items, encode_cursor([rows[-1][1], rows[-1][2]]) if more else None)


def cluster_sources(db: sqlite3.Connection, cluster_id: str) -> list[dict[str, Any]]:
    """The reports of one utterance: each statement with its article, in date order of the articles."""
    solo = cluster_id.replace("c_", "s_", 1)
    ids = [
        r[0]
        for r in db.execute(
            "SELECT s.id FROM statements s JOIN articles a ON a.id = s.article_id"
            f" WHERE (s.cluster = ? OR (s.id = ? AND s.cluster IS NULL)) AND {not_hidden(db)}"
            " ORDER BY coalesce(a.published, ''), a.source",
            (cluster_id, solo),
        )
    ]
    return statements_by_id(db, ids)


def list_clusters(
    db: sqlite3.Connection, *, min_sources: int = 2, limit: int = DEFAULT_LIMIT, cursor: str | None = None
) -> Page:
    """Clusters reported by at least `min_sources` articles, by id, each with its sources (article ids)."""
    params: dict[str, Any] = {"limit": check_limit(limit) + 1, "min": min_sources, "after": ""}
    if cursor:
        (params["after"],) = decode_cursor(cursor, 1)
    rows = db.execute(
        "SELECT s.cluster, count(DISTINCT s.article_id) AS n, group_concat(DISTINCT s.article_id), min(s.said)"
        " FROM statements s WHERE s.cluster IS NOT NULL AND s.cluster > :after"
        " GROUP BY s.cluster HAVING n >= :min ORDER BY s.cluster LIMIT :limit",
        params,
    ).fetchall()
    more = len(rows) > limit
    rows = rows[:limit]
    items = [{"id": c, "sources": n, "articles": (a or "").split(","), "said": said} for c, n, a, said in rows]
    return Page(items, encode_cursor([rows[-1][0]]) if more else None)
