"""The JSON API: every endpoint under /api/, listed with its parameters in /openapi.json.

Statements are the contract's objects (CONTRACT.md, "A statement"), with `article.url`, `article.author` and
`voice` when the store has them. Lists return `{"items": [...], "next": cursor | null}`. Entity parameters
(`speaker`, `target`) take an entity id or an exact name; a merged name leads to the entity it is part of.
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, Path, Query, Request
from pydantic import BaseModel, Field

from volte.api.app import ServeContext
from volte.errors import UsageError
from volte.record.corrections import correct_speaker, correct_stance, mark_not_statement
from volte.record.reversals import MIN_CONFIDENCE, find_reversals
from volte.store import queries, summaries
from volte.store.queries import DEFAULT_LIMIT, MAX_LIMIT, NotFound, StatementFilters

router = APIRouter(prefix="/api")

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")]
Cursor = Annotated[str | None, Query(description="The `next` of the previous page.")]
Date = Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="YYYY[-MM[-DD]]")]
Stance = Literal["favor", "against", "neutral"]
Kind = Literal["direct", "partial", "indirect"]


def context(request: Request) -> ServeContext:
    ctx: ServeContext = request.app.state.volte
    return ctx


def reader(request: Request) -> sqlite3.Connection:
    return context(request).reader()


Reader = Annotated[sqlite3.Connection, Depends(reader)]
Context = Annotated[ServeContext, Depends(context)]


def entity_ref(db: sqlite3.Connection, value: str | None) -> str | None:
    """The entity id a `speaker` or `target` parameter means (id or exact name; merges followed)."""
    if value is None or value == "":
        return None
    return str(queries.find_entity(db, value)["id"])


def token_of(authorization: str | None, x_volte_token: str | None) -> str | None:
    if authorization and authorization.lower().startswith("bearer "):
        return authorization[7:].strip()
    return x_volte_token


def require_token(
    request: Request,
    authorization: Annotated[str | None, Header(description="Bearer TOKEN (the server's --write-token)")] = None,
    x_volte_token: Annotated[str | None, Header(description="The token, as an alternative header")] = None,
) -> ServeContext:
    """The write guard, checked before the body is read: no token configured, 403; a wrong one, 401."""
    ctx = context(request)
    ctx.check_token(token_of(authorization, x_volte_token))
    return ctx


Writer = Annotated[ServeContext, Depends(require_token)]


# ---- statements -------------------------------------------------------------------------------------------------


def statement_filters(
    db: sqlite3.Connection,
    *,
    q: str | None = None,
    speaker: str | None = None,
    target: str | None = None,
    stance: str | None = None,
    kind: str | None = None,
    voice: str | None = None,
    said_from: str | None = None,
    said_to: str | None = None,
    published_from: str | None = None,
    published_to: str | None = None,
    source: str | None = None,
    article: str | None = None,
    cluster: str | None = None,
) -> StatementFilters:
    return StatementFilters(
        q=q or None, speaker=entity_ref(db, speaker), target=entity_ref(db, target), stance=stance or None,
        kind=kind or None, voice=voice or None, said_from=said_from or None, said_to=said_to or None,
        published_from=published_from or None, published_to=published_to or None, source=source or None,
        article=article or None, cluster=cluster or None,
    )


@router.get("/statements", summary="Search and filter statements")
def list_statements(
    db: Reader,
    q: Annotated[str | None, Query(description="Words of the statement (full-text; the last word as a prefix).")] = None,
    speaker: Annotated[str | None, Query(description="Speaker: entity id or exact name.")] = None,
    target: Annotated[str | None, Query(description="Target: entity id or exact name.")] = None,
    stance: Annotated[Stance | None, Query(description="Stance toward the target (or any target).")] = None,
    kind: Kind | None = None,
    voice: Annotated[str | None, Query(description="quoted | reported | characterized (stores that have it).")] = None,
    said_from: Date = None,
    said_to: Date = None,
    published_from: Date = None,
    published_to: Date = None,
    source: Annotated[str | None, Query(description="The article's source as ingested (path or URL).")] = None,
    article: Annotated[str | None, Query(description="An article id.")] = None,
    cluster: Annotated[str | None, Query(description="A cluster id (c_…): the reports of one utterance.")] = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """Statements newest said first (undated last); with `q`, most recently stored first."""
    filters = statement_filters(
        db, q=q, speaker=speaker, target=target, stance=stance, kind=kind, voice=voice, said_from=said_from,
        said_to=said_to, published_from=published_from, published_to=published_to, source=source,
        article=article, cluster=cluster,
    )
    return queries.list_statements(db, filters, limit=limit, cursor=cursor).as_json()


@router.get("/statements/{statement_id}", summary="One statement, with its corrections")
def get_statement(db: Reader, statement_id: Annotated[str, Path(description="s_…")]) -> dict[str, Any]:
    return queries.get_statement(db, statement_id)


class CorrectionIn(BaseModel):
    field: Literal["speaker", "stance", "not_statement"] = Field(description="What is corrected.")
    name: str | None = Field(None, description="speaker: who really spoke.")
    type: str | None = Field(None, description="speaker: person | organization | party | media | country | group (default person);"
                             " stance: the target's type (default organization).")
    target: str | None = Field(None, description="stance: the target's name.")
    stance: Literal["favor", "against", "neutral", "none"] | None = Field(None, description="stance: the stance.")
    undo: bool = Field(False, description="not_statement: take back an earlier one.")
    note: str | None = Field(None, description="Why; kept with the correction.")
    who: str | None = Field(None, description="Who corrects (kept in the correction's note).")


def _note(who: str | None, note: str | None) -> str:
    author = " ".join((who or "").split()) or "anonymous"
    return f"[by {author} via volte serve]" + (f" {note}" if note else "")


@router.post("/statements/{statement_id}/corrections", status_code=201, summary="Correct a statement (token)")
def post_correction(ctx: Writer, statement_id: str, body: CorrectionIn) -> dict[str, Any]:
    """Record a correction (speaker, stance or not-a-statement) in the store's corrections table."""
    number = apply_correction(ctx, statement_id, body)
    return {"correction": number, "statement": queries.get_statement(ctx.reader(), statement_id)}


def apply_correction(ctx: ServeContext, statement_id: str, body: CorrectionIn) -> int:
    """Write one correction through volte.record.corrections (the same functions as `volte correct`)."""
    note = _note(body.who, body.note)
    with ctx.writer() as store:
        if not store.has_statement(statement_id):
            raise NotFound(f"no statement {statement_id!r} in the store")
        if body.field == "speaker":
            if not body.name:
                raise UsageError("a speaker correction needs `name`")
            return correct_speaker(store, statement_id, body.name, kind=body.type or "person", note=note)
        if body.field == "stance":
            if not body.target or not body.stance:
                raise UsageError("a stance correction needs `target` and `stance`")
            return correct_stance(
                store, statement_id, body.target, body.stance, kind=body.type or "organization", note=note
            )
        return mark_not_statement(store, statement_id, undo=body.undo, note=note)


# ---- speakers, entities, targets ---------------------------------------------------------------------------------


@router.get("/speakers", summary="Speakers, most statements first")
def list_speakers(
    db: Reader,
    q: Annotated[str | None, Query(description="Part of the name.")] = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> dict[str, Any]:
    return queries.list_speakers(db, q=q, limit=limit, cursor=cursor).as_json()


@router.get("/speakers/{speaker}", summary="One speaker: counts and targets with stance over time")
def get_speaker(db: Reader, speaker: Annotated[str, Path(description="Entity id or exact name.")]) -> dict[str, Any]:
    entity = queries.find_entity(db, speaker)
    return {
        **entity,
        **summaries.speaker_summary(db, entity["id"]),
        "targets": [t.as_json() for t in summaries.speaker_targets(db, entity["id"])],
    }


@router.get("/speakers/{speaker}/timeline", summary="A speaker's statements about one target, in date order")
def get_timeline(
    db: Reader,
    speaker: Annotated[str, Path(description="Entity id or exact name.")],
    target: Annotated[str, Query(description="Target: entity id or exact name.")],
    order: Annotated[Literal["newest", "oldest"], Query(description="newest first (default) or oldest first")] = "newest",
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> dict[str, Any]:
    speaker_id, target_id = entity_ref(db, speaker), entity_ref(db, target)
    assert speaker_id is not None and target_id is not None
    page = summaries.timeline(db, speaker_id, target_id, limit=limit, cursor=cursor, oldest_first=order == "oldest")
    return {"speaker": speaker_id, "target": target_id, **page.as_json()}


@router.get("/entities", summary="Entities (speakers and targets), with the names merged into them")
def list_entities(
    db: Reader,
    q: Annotated[str | None, Query(description="Part of the name.")] = None,
    type: Annotated[str | None, Query(description="person | organization | party | media | country | group")] = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> dict[str, Any]:
    return queries.list_entities(db, q=q, type_=type, limit=limit, cursor=cursor).as_json()


@router.get("/entities/{entity}", summary="One entity with its aliases")
def get_entity(db: Reader, entity: Annotated[str, Path(description="Entity id or exact name.")]) -> dict[str, Any]:
    return queries.find_entity(db, entity)


class MergeIn(BaseModel):
    alias: str = Field(description="The entity (id or name) that is another name of `into`.")
    into: str = Field(description="The entity (id or name) it is part of.")


@router.post("/entities/merge", status_code=201, summary="Merge one entity into another (token)")
def post_merge(ctx: Writer, body: MergeIn) -> dict[str, Any]:
    """Merge `alias` into `into` (as `volte merge`): statements move, later ingests follow, recorded with when."""
    with ctx.writer() as store:
        alias, into = store.merge_entities(body.alias, body.into)
    return {"alias": alias.as_json(), "into": queries.find_entity(ctx.reader(), into.id)}


@router.get("/targets/{target}", summary="Who spoke about a target, for and against, over time")
def get_target(db: Reader, target: Annotated[str, Path(description="Entity id or exact name.")]) -> dict[str, Any]:
    entity = queries.find_entity(db, target)
    speakers, overall = summaries.target_speakers(db, entity["id"])
    return {**entity, "overall": overall.as_json(), "speakers": [s.as_json() for s in speakers]}


# ---- reversals, clusters, articles ---------------------------------------------------------------------------


_REVERSALS: OrderedDict[tuple[Any, ...], list[dict[str, Any]]] = OrderedDict()


def cached_reversals(ctx: ServeContext, speaker_id: str | None, min_confidence: float) -> list[dict[str, Any]]:
    """find_reversals (volte.record.reversals) for one speaker or all, kept until the store changes."""
    key = (str(ctx.path), speaker_id, min_confidence, ctx.fingerprint())
    if key not in _REVERSALS:
        with ctx.writer() as store:
            _REVERSALS[key] = [r.as_json() for r in find_reversals(store, speaker_id, min_confidence=min_confidence)]
        while len(_REVERSALS) > 64:
            _REVERSALS.popitem(last=False)
    return _REVERSALS[key]


@router.get("/reversals", summary="Changes of stance (CONTRACT.md, \"A reversal\")")
def list_reversals(
    ctx: Context,
    speaker: Annotated[str | None, Query(description="Speaker: entity id or exact name.")] = None,
    target: Annotated[str | None, Query(description="Target: entity id or exact name.")] = None,
    min_confidence: Annotated[float, Query(ge=0, le=1)] = MIN_CONFIDENCE,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> dict[str, Any]:
    db = ctx.reader()
    speaker_id, target_id = entity_ref(db, speaker), entity_ref(db, target)
    found = [r for r in cached_reversals(ctx, speaker_id, min_confidence) if target_id in (None, r["target"]["id"])]
    start = int(queries.decode_cursor(cursor, 1)[0]) if cursor else 0
    page = found[start : start + limit]
    more = start + limit < len(found)
    return {"items": page, "next": queries.encode_cursor([start + limit]) if more else None}


@router.get("/clusters", summary="Utterances reported by several articles")
def list_clusters(
    db: Reader,
    min_sources: Annotated[int, Query(ge=1, description="At least this many articles.")] = 2,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> dict[str, Any]:
    return summaries.list_clusters(db, min_sources=min_sources, limit=limit, cursor=cursor).as_json()


@router.get("/clusters/{cluster_id}", summary="One utterance with every report of it and its sources")
def get_cluster(db: Reader, cluster_id: Annotated[str, Path(description="c_…")]) -> dict[str, Any]:
    reports = summaries.cluster_sources(db, cluster_id)
    if not reports:
        raise NotFound(f"no cluster {cluster_id!r} in the store")
    sources = list(dict.fromkeys(r["article"]["source"] for r in reports))
    return {"id": cluster_id, "sources": sources, "statements": reports}


@router.get("/articles", summary="Articles, newest published first")
def list_articles(
    db: Reader,
    source: Annotated[str | None, Query(description="Part of the source (path or URL).")] = None,
    published_from: Date = None,
    published_to: Date = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> dict[str, Any]:
    return queries.list_articles(
        db, source=source, published_from=published_from, published_to=published_to, limit=limit, cursor=cursor
    ).as_json()


@router.get("/articles/{article_id}", summary="One article: its text and the offsets of its statements")
def get_article(db: Reader, article_id: Annotated[str, Path(description="a_… (or a source as ingested)")]) -> dict[str, Any]:
    return queries.get_article(db, article_id)
