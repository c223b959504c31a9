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
    decode_cursor,
    encode_cursor,
    hidden_ids,
    id_list,
    not_hidden,
    speaker_clause,
    statements_by_id,
    target_clause,
    touched_ids,
)

_STANCES = ("favor", "against", "neutral")


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
    """The speaker's targets, most statements first, each with its stance counts per month.

    Counted in SQL over the model's rows for every statement no correction names; the few that one names are
    read as corrected (store/queries.py) and counted here."""
    touched = touched_ids(db)
    untouched = f" AND s.id NOT IN (SELECT value FROM json_each({id_list(touched)}))" if touched else ""
    counts: dict[str, StanceCounts] = {}
    for eid, month, stance, n in db.execute(
        "SELECT t.entity_id, substr(s.said, 1, 7), t.stance, count(*)"
        " FROM statements s JOIN linked_targets t ON t.statement_id = s.id"
        f" WHERE s.speaker_id = :speaker{untouched} GROUP BY t.entity_id, substr(s.said, 1, 7), t.stance",
        {"speaker": speaker_id},
    ):
        counts.setdefault(eid, StanceCounts(eid, "", "")).add(month, stance, n)
    _name(db, counts)
    if touched:
        candidates = [r[0] for r in db.execute(
            f"SELECT s.id FROM statements s WHERE s.id IN (SELECT value FROM json_each({id_list(touched)}))"
            " AND s.speaker_id = :speaker UNION SELECT statement_id FROM current_corrections"
            " WHERE field = 'speaker' AND entity_id = :speaker",
            {"speaker": speaker_id},
        )]
        hidden = hidden_ids(db)
        for statement in statements_by_id(db, candidates):
            if statement["id"] in hidden or (statement["speaker"] or {}).get("id") != speaker_id:
                continue
            for t in statement["targets"]:
                if t["stance"] in _STANCES:
                    entry = counts.setdefault(t["id"], StanceCounts(t["id"], t["name"], t["type"]))
                    entry.add((statement["said"] or "")[:7] or None, t["stance"], 1)
    return _sorted(counts)


def target_speakers(db: sqlite3.Connection, target_id: str) -> tuple[list[StanceCounts], StanceCounts]:
    """Who spoke about the target (most statements first, with stance counts) and all of them per month.

    As `speaker_targets`: SQL over the untouched statements, the corrected ones read one by one."""
    touched = touched_ids(db)
    untouched = f" AND s.id NOT IN (SELECT value FROM json_each({id_list(touched)}))" if touched else ""
    counts: dict[str, StanceCounts] = {}
    overall = StanceCounts(target_id, "", "")
    for sid, month, stance, n in db.execute(
        "SELECT s.speaker_id, substr(s.said, 1, 7), t.stance, count(*)"
        " FROM linked_targets t JOIN statements s ON s.id = t.statement_id"
        f" WHERE t.entity_id = :target{untouched} GROUP BY s.speaker_id, substr(s.said, 1, 7), t.stance",
        {"target": target_id},
    ):
        overall.add(month, stance, n)
        if sid is not None:
            counts.setdefault(sid, StanceCounts(sid, "", "")).add(month, stance, n)
    _name(db, counts)
    if touched:
        candidates = [r[0] for r in db.execute(
            "SELECT statement_id FROM statement_targets WHERE entity_id = :target AND statement_id IN"
            f" (SELECT value FROM json_each({id_list(touched)})) UNION SELECT statement_id FROM corrections"
            " WHERE field = 'stance' AND entity_id = :target",
            {"target": target_id},
        )]
        hidden = hidden_ids(db)
        for statement in statements_by_id(db, candidates):
            if statement["id"] in hidden:
                continue
            speaker = statement["speaker"]
            month = (statement["said"] or "")[:7] or None
            for t in statement["targets"]:
                if t["id"] == target_id and t["stance"] in _STANCES:
                    overall.add(month, t["stance"], 1)
                    if speaker is not None:
                        entry = counts.setdefault(speaker["id"], StanceCounts(speaker["id"], speaker["name"],
                                                                              speaker["type"]))
                        entry.add(month, t["stance"], 1)
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
