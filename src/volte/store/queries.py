"""Read queries for `volte serve`: statements by filters, one page at a time, as the contract's JSON objects.

Every listing is keyset-paginated: a page is the next `limit` rows of an index after an opaque cursor, so page
1,000 costs what page 1 costs, whatever the size of the store. Without a keyword, statements run newest first
on `(coalesce(said, ''), rowid)` (undated last; migration 0007 indexes that order); with a keyword (`q`, matched
against the full-text index `statement_words` that clustering keeps: whole words, or a prefix written `memb*`),
most recently stored first.

Corrections are applied as everywhere else (store/sqlite.py): a corrected speaker replaces the model's, a
corrected stance replaces the model's for that target (or removes it, or adds a target), a statement marked
"not a statement" is left out. The functions take a plain sqlite3 connection (`connect_reader`): the server
keeps one per thread and never writes through it.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from volte.errors import UsageError
from volte.model import effective_cluster, entity_id
from volte.store.clustering import words
from volte.store.entities import entity_row

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
KINDS = ("direct", "partial", "indirect")
STANCES = ("favor", "against", "neutral")
# A prefix of fewer letters expands to so many words of the index that it costs 100 ms at 1M statements.
_MIN_PREFIX = 3
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_SAID_KEY = "coalesce(s.said, '')"


def corrected(db: sqlite3.Connection, field: str) -> bool:
    """Whether any correction of this field (speaker, stance, not_statement) is recorded: most stores have few
    or none, and the queries leave out what corrections would change when there are none to apply."""
    return db.execute("SELECT 1 FROM corrections WHERE field = ? LIMIT 1", (field,)).fetchone() is not None


def not_hidden(db: sqlite3.Connection) -> str:
    """SQL for "not marked as not a statement" over `statements s` (the hidden ids are read once, as a list)."""
    hidden = sorted(hidden_ids(db))
    return f"s.id NOT IN (SELECT value FROM json_each({id_list(hidden)}))" if hidden else "1"


def id_list(ids: Sequence[str]) -> str:
    """A JSON list of ids as an SQL string literal (for `json_each`)."""
    return "'" + json.dumps(list(ids)).replace("'", "''") + "'"


class NotFound(UsageError):
    """A statement, article, entity or cluster the store does not hold (HTTP 404)."""


def connect_reader(path: str | Path) -> sqlite3.Connection:
    """A connection for reading a store that `Store.open` has already migrated; it refuses to write."""
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA busy_timeout = 5000")
    db.execute("PRAGMA query_only = ON")
    return db


def has_column(db: sqlite3.Connection, table: str, column: str) -> bool:
    return any(row[1] == column for row in db.execute(f"PRAGMA table_info({table})"))


# ---- cursors ---------------------------------------------------------------------------------------------------


def encode_cursor(key: Sequence[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(key)).encode()).decode().rstrip("=")


def decode_cursor(cursor: str, size: int) -> list[Any]:
    """The key a cursor carries; UsageError for one this server did not hand out."""
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError) as exc:
        raise UsageError(f"bad cursor {cursor!r}: pass back the `next` value of a previous page") from exc
    if not isinstance(key, list) or len(key) != size or not all(isinstance(k, str | int) for k in key):
        raise UsageError(f"bad cursor {cursor!r}: pass back the `next` value of a previous page")
    return key


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a listing: the items and the cursor of the next page (None on the last one)."""

    items: list[dict[str, Any]]
    next: str | None

    def as_json(self) -> dict[str, Any]:
        return {"items": self.items, "next": self.next}


def check_limit(limit: int) -> int:
    if not 1 <= limit <= MAX_LIMIT:
        raise UsageError(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
    return limit


def check_date(value: str | None, name: str) -> str | None:
    if value is not None and not _DATE.fullmatch(value):
        raise UsageError(f"{name} must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    return value


# ---- entities ----------------------------------------------------------------------------------------------------


def find_entity(db: sqlite3.Connection, name_or_id: str) -> dict[str, Any]:
    """The entity with this id or name (case-insensitive), through merges: {"id", "name", "type", "merged_from"}.

    `merged_from` is the alias asked for when it was merged into another entity (its old URLs lead here)."""
    row: Sequence[Any] | None = entity_row(db, name_or_id)
    if row is None:
        # A name given by a correction only (`volte correct speaker s_… "New Name"`).
        row = db.execute(
            "SELECT entity_id, entity_name, entity_type, NULL FROM corrections WHERE entity_id IN (?, ?)"
            " OR lower(entity_name) = lower(?) ORDER BY id DESC LIMIT 1",
            (name_or_id, entity_id(name_or_id), name_or_id),
        ).fetchone()
    if row is None:
        raise NotFound(f"no entity {name_or_id!r} in the store: /api/entities lists them")
    merged_from = row[3]
    aliases = [
        {"id": a, "name": n, "how": how}
        for a, n, how in db.execute(
            "SELECT alias_id, alias_name, how FROM entity_merges WHERE entity_id = ? ORDER BY alias_name", (row[0],)
        )
    ]
    return {"id": row[0], "name": row[1], "type": row[2], "aliases": aliases, "merged_from": merged_from}


def list_entities(
    db: sqlite3.Connection, *, q: str | None = None, type_: str | None = None, limit: int = DEFAULT_LIMIT,
    cursor: str | None = None,
) -> Page:
    """Entities by name (then id), with the names merged into them; `q` is part of the name."""
    where: list[str] = ["1"]
    params: dict[str, Any] = {"limit": check_limit(limit) + 1}
    if q:
        where.append("e.name LIKE :q ESCAPE '\\'")
        params["q"] = f"%{_escape_like(q)}%"
    if type_:
        where.append("e.type = :type")
        params["type"] = type_
    if cursor:
        params["after_name"], params["after_id"] = decode_cursor(cursor, 2)
        where.append("(e.name, e.id) > (:after_name, :after_id)")
    rows = db.execute(
        f"SELECT e.id, e.name, e.type FROM entities e WHERE {' AND '.join(where)} ORDER BY e.name, e.id LIMIT :limit",
        params,
    ).fetchall()
    more = len(rows) > limit
    rows = rows[:limit]
    aliases: dict[str, list[dict[str, str]]] = {}
    if rows:
        marks = ", ".join("?" * len(rows))
        for eid, alias_id, name, how in db.execute(
            f"SELECT entity_id, alias_id, alias_name, how FROM entity_merges WHERE entity_id IN ({marks})"
            " ORDER BY alias_name",
            [r[0] for r in rows],
        ):
            aliases.setdefault(eid, []).append({"id": alias_id, "name": name, "how": how})
    items = [{"id": i, "name": n, "type": t, "aliases": aliases.get(i, [])} for i, n, t in rows]
    return Page(items, encode_cursor([rows[-1][1], rows[-1][0]]) if more else None)


def list_speakers(
    db: sqlite3.Connection, *, q: str | None = None, limit: int = DEFAULT_LIMIT, cursor: str | None = None
) -> Page:
    """Speakers by how many statements they made (model speakers; see the speaker page for corrected counts)."""
    where: list[str] = ["s.speaker_id IS NOT NULL"]
    params: dict[str, Any] = {"limit": check_limit(limit) + 1}
    if q:
        where.append("s.speaker_id IN (SELECT id FROM entities WHERE name LIKE :q ESCAPE '\\')")
        params["q"] = f"%{_escape_like(q)}%"
    having = ""
    if cursor:
        params["after_n"], params["after_id"] = decode_cursor(cursor, 2)
        having = "HAVING (count(*) < :after_n OR (count(*) = :after_n AND s.speaker_id > :after_id))"
    rows = db.execute(
        "SELECT s.speaker_id, e.name, e.type, count(*) AS n, min(nullif(s.said, '')), max(s.said)"
        f" FROM statements s JOIN entities e ON e.id = s.speaker_id WHERE {' AND '.join(where)}"
        f" GROUP BY s.speaker_id {having} ORDER BY n DESC, s.speaker_id LIMIT :limit",
        params,
    ).fetchall()
    more = len(rows) > limit
    rows = rows[:limit]
    items = [
        {"id": i, "name": n, "type": t, "statements": c, "first_said": a, "last_said": b}
        for i, n, t, c, a, b in rows
    ]
    return Page(items, encode_cursor([rows[-1][3], rows[-1][0]]) if more else None)


# ---- statements --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StatementFilters:
    """What `list_statements` filters on; entity filters are entity ids (see `find_entity` for names)."""

    q: str | None = None
    speaker: str | None = None
    target: str | None = None
    stance: str | None = None
    kind: str | None = None
    voice: str | None = None
    said_from: str | None = None
    said_to: str | None = None
    published_from: str | None = None
    published_to: str | None = None
    source: str | None = None
    article: str | None = None
    cluster: str | None = None


def list_statements(
    db: sqlite3.Connection, filters: StatementFilters, *, limit: int = DEFAULT_LIMIT, cursor: str | None = None
) -> Page:
    """One page of statements matching `filters` (module docstring: order and cursors)."""
    check_limit(limit)
    where, params = _statement_where(db, filters)
    params["limit"] = limit + 1
    if filters.q:
        match = _fts_query(filters.q)
        if match is None:
            return Page([], None)
        params["match"] = match
        if cursor:
            (params["after"],) = decode_cursor(cursor, 1)
            where.append("w.rowid < :after")
        sql = (
            "SELECT s.id, w.rowid FROM statement_words w JOIN statements s ON s.id = w.statement_id"
            f" WHERE statement_words MATCH :match AND {' AND '.join(where)} ORDER BY w.rowid DESC LIMIT :limit"
        )
        rows = db.execute(sql, params).fetchall()
        keys = [[r[1]] for r in rows]
    else:
        if cursor:
            params["after_said"], params["after_rowid"] = decode_cursor(cursor, 2)
            where.append(f"({_SAID_KEY}, s.rowid) < (:after_said, :after_rowid)")
        sql = (
            f"SELECT s.id, {_SAID_KEY}, s.rowid FROM statements s WHERE {' AND '.join(where)}"
            f" ORDER BY {_SAID_KEY} DESC, s.rowid DESC LIMIT :limit"
        )
        rows = db.execute(sql, params).fetchall()
        keys = [[r[1], r[2]] for r in rows]
    more = len(rows) > limit
    ids = [r[0] for r in rows[:limit]]
    return Page(statements_by_id(db, ids), encode_cursor(keys[limit - 1]) if more else None)


def _statement_where(db: sqlite3.Connection, f: StatementFilters) -> tuple[list[str], dict[str, Any]]:
    where: list[str] = [not_hidden(db)]
    params: dict[str, Any] = {}
    if f.speaker is not None:
        where.append(speaker_clause(db, f.speaker))
        params["speaker"] = f.speaker
    if f.target is not None or f.stance is not None:
        if f.stance is not None and f.stance not in STANCES:
            raise UsageError(f"unknown stance {f.stance!r}: use one of {', '.join(STANCES)}")
        where.append(target_clause(db, f.target is not None, f.stance is not None))
        params.update(target=f.target, stance=f.stance)
    if f.kind is not None:
        if f.kind not in KINDS:
            raise UsageError(f"unknown kind {f.kind!r}: use one of {', '.join(KINDS)}")
        where.append("s.kind = :kind")
        params["kind"] = f.kind
    if f.voice is not None:
        # Seam: statements.voice arrives with the issue that builds it (CONTRACT.md); until then, a clear error.
        if not has_column(db, "statements", "voice"):
            raise UsageError("this store has no statement voice yet: the voice filter needs a newer ingest")
        where.append("s.voice = :voice")
        params["voice"] = f.voice
    if f.said_from is not None:
        where.append("s.said >= substr(:said_from, 1, length(s.said))")
        params["said_from"] = check_date(f.said_from, "said_from")
    if f.said_to is not None:
        where.append("substr(s.said, 1, length(:said_to)) <= :said_to")
        params["said_to"] = check_date(f.said_to, "said_to")
    if f.published_from is not None or f.published_to is not None:
        where.append(
            "s.article_id IN (SELECT id FROM articles WHERE published >= coalesce(:published_from, '')"
            " AND substr(published, 1, length(coalesce(:published_to, published))) <= coalesce(:published_to, published))"
        )
        params["published_from"] = check_date(f.published_from, "published_from")
        params["published_to"] = check_date(f.published_to, "published_to")
    if f.source is not None:
        where.append(
            "s.article_id IN (SELECT article_id FROM sources WHERE source = :source"
            " UNION SELECT id FROM articles WHERE source = :source)"
        )
        params["source"] = f.source
    if f.article is not None:
        where.append("s.article_id = :article")
        params["article"] = f.article
    if f.cluster is not None:
        # A statement alone has no stored cluster: its cluster is `c_` + its id (model.effective_cluster).
        where.append("(s.cluster = :cluster OR (s.id = :solo AND s.cluster IS NULL))")
        params.update(cluster=f.cluster, solo=f.cluster.replace("c_", "s_", 1))
    return where, params


def speaker_clause(db: sqlite3.Connection, speaker_id: str) -> str:
    """SQL for "said by :speaker, corrections applied" over `statements s`.

    Corrections of speakers are few: the statements given to the speaker by hand, and those taken from them, are
    read first as lists. With none given to them the clause keeps to `s.speaker_id = :speaker`, which walks the
    speaker's index in date order."""
    moved_in, moved_out = [], []
    for sid, eid, original in db.execute(
        "SELECT c.statement_id, c.entity_id, s.speaker_id FROM current_corrections c"
        " LEFT JOIN statements s ON s.id = c.statement_id WHERE c.field = 'speaker'"
        " AND (c.entity_id = :sp OR s.speaker_id = :sp)",
        {"sp": speaker_id},
    ):
        if eid == speaker_id and original != speaker_id:
            moved_in.append(sid)
        elif original == speaker_id and eid != speaker_id:
            moved_out.append(sid)
    clause = "s.speaker_id = :speaker"
    if moved_out:
        clause += f" AND s.id NOT IN (SELECT value FROM json_each({id_list(moved_out)}))"
    if moved_in:
        clause = f"({clause} OR s.id IN (SELECT value FROM json_each({id_list(moved_in)})))"
    return clause


def target_clause(db: sqlite3.Connection, target: bool, stance: bool) -> str:
    """SQL for "about :target (with :stance)", the stance as corrected when someone corrected it.

    Only the few statements with a stance correction (read once, as a list) pay for looking corrections up;
    every other statement is checked on its model targets alone."""
    model_target = "t.entity_id = :target AND " if target else ""
    fixed_target = "c.entity_id = :target AND " if target else ""
    wanted = "= :stance" if stance else "!= 'none'"
    model = f"EXISTS (SELECT 1 FROM statement_targets t WHERE t.statement_id = s.id AND {model_target}t.stance {wanted})"
    fixed_ids = [r[0] for r in db.execute("SELECT DISTINCT statement_id FROM corrections WHERE field = 'stance'")]
    if not fixed_ids:
        return model
    fixed = f"(SELECT value FROM json_each({id_list(fixed_ids)}))"
    return (
        f"((s.id NOT IN {fixed} AND {model}) OR (s.id IN {fixed} AND"
        f" (EXISTS (SELECT 1 FROM statement_targets t WHERE t.statement_id = s.id AND {model_target}"
        " coalesce((SELECT c.value FROM current_corrections c WHERE c.statement_id = s.id AND c.field = 'stance'"
        f" AND c.entity_id = t.entity_id), t.stance) {wanted})"
        " OR EXISTS (SELECT 1 FROM current_corrections c WHERE c.statement_id = s.id AND c.field = 'stance'"
        f" AND {fixed_target}c.value {wanted}))))"
    )


def touched_ids(db: sqlite3.Connection) -> list[str]:
    """Every statement some correction names (any field): few, whatever the size of the store."""
    return [r[0] for r in db.execute("SELECT DISTINCT statement_id FROM corrections")]


def hidden_ids(db: sqlite3.Connection) -> set[str]:
    """The statements marked as not statements (the correction in force)."""
    if not corrected(db, "not_statement"):
        return set()
    return {r[0] for r in db.execute(
        "SELECT statement_id FROM current_corrections WHERE field = 'not_statement' AND value = 'yes'")}


def search_terms(q: str) -> list[tuple[str, bool]]:
    """The words of a search, folded as the full-text index folds them, each with whether it is a prefix (a
    word written with a final `*`: `memb*` finds "membership")."""
    terms: list[tuple[str, bool]] = []
    for token in q.split():
        found = words(token)
        for index, word in enumerate(found):
            terms.append((word, token.endswith("*") and index == len(found) - 1 and len(word) >= _MIN_PREFIX))
    return terms


def _fts_query(q: str) -> str | None:
    """The full-text query for the user's words: all of them (whole words, or prefixes written `memb*`)."""
    terms = search_terms(q)
    if not terms:
        return None
    return " ".join(f'"{word}"' + ("*" if prefix else "") for word, prefix in terms)


def statements_by_id(db: sqlite3.Connection, ids: Sequence[str]) -> list[dict[str, Any]]:
    """The statements with these ids as the contract's JSON objects, in the order given (missing ids left out)."""
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    voice = ", s.voice" if has_column(db, "statements", "voice") else ", NULL"
    voice += ", s.speaker_role" if has_column(db, "statements", "speaker_role") else ", NULL"
    rows = db.execute(
        "SELECT s.id, s.kind, s.text, s.start, s.\"end\", s.cue, s.said, s.said_basis, s.cluster, s.quotes,"
        " coalesce(cs.entity_id, e.id), coalesce(cs.entity_name, e.name), coalesce(cs.entity_type, e.type),"
        " a.id, a.source, a.title, a.published, a.language, a.url, a.author, a.published_from, a.copy_of,"
        " CASE WHEN s.quotes IS NOT NULL THEN a.text END"
        f"{voice} FROM statements s JOIN articles a ON a.id = s.article_id"
        " LEFT JOIN entities e ON e.id = s.speaker_id"
        " LEFT JOIN current_corrections cs ON cs.statement_id = s.id AND cs.field = 'speaker'"
        f" WHERE s.id IN ({marks})",
        list(ids),
    ).fetchall()
    targets = targets_of(db, list(ids))
    by_id: dict[str, dict[str, Any]] = {}
    for row in rows:
        (sid, kind, text, start, end, cue, said, basis, cluster, quotes, eid, ename, etype,
         aid, source, title, published, language, url, author, published_from, copy_of, article_text, voice_value,
         role) = row
        quote_spans = json.loads(quotes) if quotes else []
        item: dict[str, Any] = {
            "id": sid,
            "article": {"id": aid, "source": source, "title": title, "published": published,
                        "language": language, "url": url, "author": author, "published_from": published_from,
                        "copy_of": copy_of},
            "speaker": {"id": eid, "name": ename, "type": etype} if eid is not None else None,
            "speaker_role": role,
            "kind": kind,
            "text": text,
            "start": start,
            "end": end,
            "cue": cue,
            "said": said,
            "said_basis": basis,
            "targets": targets.get(sid, []),
            "cluster": effective_cluster(sid, cluster),
            "quotes": [{"text": article_text[a:b], "start": a, "end": b} for a, b in quote_spans],
        }
        item["voice"] = voice_value
        by_id[sid] = item
    return [by_id[i] for i in ids if i in by_id]


def targets_of(db: sqlite3.Connection, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """The targets of these statements, corrections applied (as Store._targets does)."""
    marks = ", ".join("?" * len(ids))
    found: dict[str, list[dict[str, Any]]] = {}
    for sid, eid, name, etype, stance, confidence, evidence in db.execute(
        "SELECT t.statement_id, e.id, e.name, e.type, t.stance, t.confidence, t.evidence"
        " FROM linked_targets t JOIN entities e ON e.id = t.entity_id"
        f" WHERE t.statement_id IN ({marks}) ORDER BY t.statement_id, t.position",
        ids,
    ):
        found.setdefault(sid, []).append(
            {"id": eid, "name": name, "type": etype, "stance": stance, "confidence": round(confidence, 3),
             "evidence": evidence}
        )
    for sid, eid, name, etype, value in db.execute(
        "SELECT statement_id, entity_id, entity_name, entity_type, value FROM current_corrections"
        f" WHERE field = 'stance' AND statement_id IN ({marks}) ORDER BY id",
        ids,
    ):
        targets = found.setdefault(sid, [])
        index = next((i for i, t in enumerate(targets) if t["id"] == eid), None)
        evidence = targets[index]["evidence"] if index is not None else ""
        fixed = {"id": eid, "name": name, "type": etype, "stance": value, "confidence": 1.0, "evidence": evidence,
                 "corrected": True}
        if value == "none":
            if index is not None:
                del targets[index]
        elif index is None:
            targets.append(fixed)
        else:
            targets[index] = fixed
    return found


def get_statement(db: sqlite3.Connection, statement_id: str) -> dict[str, Any]:
    found = statements_by_id(db, [statement_id])
    if not found:
        raise NotFound(f"no statement {statement_id!r} in the store")
    item = found[0]
    item["corrections"] = [
        dict(zip(("id", "field", "entity_name", "value", "note", "created_at"), row, strict=True))
        for row in db.execute(
            "SELECT id, field, entity_name, value, note, created_at FROM corrections WHERE statement_id = ?"
            " ORDER BY id",
            (statement_id,),
        )
    ]
    item["hidden"] = any(c["field"] == "not_statement" for c in item["corrections"]) and db.execute(
        "SELECT value FROM current_corrections WHERE statement_id = ? AND field = 'not_statement'", (statement_id,)
    ).fetchone() == ("yes",)
    return item


# ---- articles ------------------------------------------------------------------------------------------------


def get_article(db: sqlite3.Connection, article_id: str, *, with_text: bool = True) -> dict[str, Any]:
    """An article with its text and the offsets of its statements (corrected speakers, hidden ones left out)."""
    row = db.execute(
        "SELECT id, source, title, author, published, published_from, url, language, copy_of, text FROM articles"
        " WHERE id = ?"
        " OR id = (SELECT article_id FROM sources WHERE source = ?)",
        (article_id, article_id),
    ).fetchone()
    if row is None:
        raise NotFound(f"no article {article_id!r} in the store")
    keys = ("id", "source", "title", "author", "published", "published_from", "url", "language", "copy_of", "text")
    article = dict(zip(keys, row, strict=True))
    if not with_text:
        del article["text"]
    article["statements"] = [
        {"id": sid, "start": start, "end": end, "kind": kind, "speaker": name}
        for sid, start, end, kind, name in db.execute(
            "SELECT s.id, s.start, s.\"end\", s.kind, coalesce(cs.entity_name, e.name) FROM statements s"
            " LEFT JOIN entities e ON e.id = s.speaker_id"
            " LEFT JOIN current_corrections cs ON cs.statement_id = s.id AND cs.field = 'speaker'"
            f" WHERE s.article_id = ? AND {not_hidden(db)} ORDER BY s.start",
            (row[0],),
        )
    ]
    return article


def list_articles(
    db: sqlite3.Connection, *, source: str | None = None, published_from: str | None = None,
    published_to: str | None = None, limit: int = DEFAULT_LIMIT, cursor: str | None = None,
) -> Page:
    """Articles newest published first (then by id), without their text; `source` is part of the source."""
    where: list[str] = ["1"]
    params: dict[str, Any] = {"limit": check_limit(limit) + 1}
    if source:
        where.append("source LIKE :source ESCAPE '\\'")
        params["source"] = f"%{_escape_like(source)}%"
    if published_from:
        where.append("published >= :pf")
        params["pf"] = check_date(published_from, "published_from")
    if published_to:
        where.append("substr(published, 1, length(:pt)) <= :pt")
        params["pt"] = check_date(published_to, "published_to")
    if cursor:
        params["after_p"], params["after_id"] = decode_cursor(cursor, 2)
        where.append("(coalesce(published, ''), id) < (:after_p, :after_id)")
    rows = db.execute(
        "SELECT id, source, title, author, published, url, language, published_from,"
        " (SELECT count(*) FROM statements s WHERE s.article_id = articles.id)"
        f" FROM articles WHERE {' AND '.join(where)} ORDER BY coalesce(published, '') DESC, id DESC LIMIT :limit",
        params,
    ).fetchall()
    more = len(rows) > limit
    rows = rows[:limit]
    keys = ("id", "source", "title", "author", "published", "url", "language", "published_from", "statements")
    items = [dict(zip(keys, r, strict=True)) for r in rows]
    return Page(items, encode_cursor([rows[-1][4] or "", rows[-1][0]]) if more else None)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
