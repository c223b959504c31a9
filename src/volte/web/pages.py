"""The pages of `volte serve`, rendered on the server with Jinja2 (autoescaped: quote text is untrusted input).

Every page reads without JavaScript; `static/volte.js` only adds conveniences (scroll to the highlighted
words, copy a link). URLs are stable and carry ids: /statements/s_…, /speakers/e_…, /targets/e_…,
/articles/a_…, /clusters/c_…; a search is its query string. A name merged into another entity redirects to it.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.concurrency import run_in_threadpool

from volte.api.app import ServeContext
from volte.api.routes import CorrectionIn, apply_correction, cached_reversals
from volte.errors import UsageError
from volte.store import queries, summaries
from volte.store.clustering import words
from volte.store.queries import NotFound, StatementFilters
from volte.web.charts import common_span, stance_chart

router = APIRouter(include_in_schema=False)

# Targets drawn with a chart on a speaker page; the rest are folded into a table.
CHARTED_TARGETS = 8
# Reversals are found from a speaker's whole timeline (volte.record.reversals): inline up to this many statements,
# on their own page beyond (where they are computed once, then cached until the store changes).
REVERSALS_INLINE = 5000
PAGE_SIZE = 25

_env = Environment(
    loader=FileSystemLoader(Path(__file__).resolve().parent / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def _url(path: str, **params: Any) -> str:
    kept = {k: v for k, v in params.items() if v not in (None, "")}
    return path + ("?" + urlencode(kept) if kept else "")


_env.globals["url"] = _url
_env.globals["stance_chart"] = stance_chart


def render(template: str, **context: Any) -> HTMLResponse:
    return HTMLResponse(_env.get_template(template).render(**context))


def render_error(status: int, message: str) -> str:
    return _env.get_template("error.html").render(status=status, message=message)


def highlight(text: str, q: str | None) -> list[tuple[str, bool]]:
    """`text` cut into (segment, is_match) for the words of a search, matched at word starts, any case."""
    terms = sorted(set(words(q or "")), key=len, reverse=True)
    if not terms:
        return [(text, False)]
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(t) for t in terms) + r")\w*", re.IGNORECASE)
    out: list[tuple[str, bool]] = []
    last = 0
    for m in pattern.finditer(text):
        if m.start() > last:
            out.append((text[last : m.start()], False))
        out.append((m.group(0), True))
        last = m.end()
    if last < len(text):
        out.append((text[last:], False))
    return out


_env.globals["highlight"] = highlight


def _ctx(request: Request) -> ServeContext:
    ctx: ServeContext = request.app.state.volte
    return ctx


def _entity_or_redirect(db: sqlite3.Connection, value: str, prefix: str) -> dict[str, Any] | Response:
    entity = queries.find_entity(db, value)
    if entity["id"] != value:
        return RedirectResponse(f"{prefix}/{entity['id']}", status_code=301)
    return entity


# ---- search ----------------------------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request) -> Response:
    ctx = _ctx(request)
    db = ctx.reader()
    form = {k: request.query_params.get(k, "").strip() for k in
            ("q", "speaker", "target", "stance", "kind", "said_from", "said_to", "source", "cluster")}
    cursor = request.query_params.get("cursor") or None
    error = None
    page = None
    names: dict[str, dict[str, Any]] = {}
    try:
        for key in ("speaker", "target"):
            if form[key]:
                names[key] = queries.find_entity(db, form[key])
        filters = StatementFilters(
            q=form["q"] or None,
            speaker=names["speaker"]["id"] if "speaker" in names else None,
            target=names["target"]["id"] if "target" in names else None,
            stance=form["stance"] or None, kind=form["kind"] or None,
            said_from=form["said_from"] or None, said_to=form["said_to"] or None,
            source=form["source"] or None, cluster=form["cluster"] or None,
        )
        page = queries.list_statements(db, filters, limit=PAGE_SIZE, cursor=cursor)
    except UsageError as exc:
        error = str(exc)
    next_url = _url("/search", **form, cursor=page.next) if page and page.next else None
    return render("search.html", form=form, page=page, error=error, names=names, next_url=next_url,
                  searched=any(form.values()))


# ---- speakers and targets ----------------------------------------------------------------------------------------


@router.get("/speakers", response_class=HTMLResponse)
def speakers_page(request: Request) -> Response:
    db = _ctx(request).reader()
    q = request.query_params.get("q", "").strip()
    page = queries.list_speakers(db, q=q or None, limit=100, cursor=request.query_params.get("cursor") or None)
    next_url = _url("/speakers", q=q, cursor=page.next) if page.next else None
    return render("speakers.html", page=page, q=q, next_url=next_url)


@router.get("/speakers/{speaker}", response_class=HTMLResponse)
def speaker_page(request: Request, speaker: str) -> Response:
    ctx = _ctx(request)
    db = ctx.reader()
    entity = _entity_or_redirect(db, speaker, "/speakers")
    if isinstance(entity, Response):
        return entity
    summary = summaries.speaker_summary(db, entity["id"])
    targets = summaries.speaker_targets(db, entity["id"])
    reversals = None
    if summary["statements"] <= REVERSALS_INLINE:
        reversals = reversal_cards(ctx, entity["id"])
    recent = queries.list_statements(db, StatementFilters(speaker=entity["id"]), limit=10)
    return render(
        "speaker.html", entity=entity, summary=summary, charted=targets[:CHARTED_TARGETS],
        span=common_span([t.months for t in targets[:CHARTED_TARGETS]]),
        folded=targets[CHARTED_TARGETS:], reversals=reversals, recent=recent,
        more_url=_url("/search", speaker=entity["id"]),
    )


@router.get("/speakers/{speaker}/reversals", response_class=HTMLResponse)
def reversals_page(request: Request, speaker: str) -> Response:
    ctx = _ctx(request)
    entity = _entity_or_redirect(ctx.reader(), speaker, "/speakers")
    if isinstance(entity, Response):
        return RedirectResponse(entity.headers["location"] + "/reversals", status_code=301)
    return render("reversals.html", entity=entity, reversals=reversal_cards(ctx, entity["id"]))


def reversal_cards(ctx: ServeContext, speaker_id: str) -> list[dict[str, Any]]:
    """The speaker's reversals with the statements of each side, for the cards."""
    found = cached_reversals(ctx, speaker_id, 0.3)
    db = ctx.reader()
    cards = []
    for reversal in found:
        sides = {}
        for side in ("before", "after"):
            ids = reversal[side]["statements"]
            sides[side] = {**reversal[side], "shown": queries.statements_by_id(db, ids[-3:] if side == "before" else ids[:3])}
        cards.append({**reversal, **sides})
    return cards


@router.get("/targets/{target}", response_class=HTMLResponse)
def target_page(request: Request, target: str) -> Response:
    db = _ctx(request).reader()
    entity = _entity_or_redirect(db, target, "/targets")
    if isinstance(entity, Response):
        return entity
    speakers, overall = summaries.target_speakers(db, entity["id"])
    recent = queries.list_statements(db, StatementFilters(target=entity["id"]), limit=10)
    return render("target.html", entity=entity, overall=overall, charted=speakers[:CHARTED_TARGETS],
                  span=common_span([overall.months]),
                  speakers=speakers, recent=recent)


# ---- statements, articles, clusters --------------------------------------------------------------------------


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph (between blank-or-line breaks) that holds text[start:end]."""
    before = text.rfind("\n", 0, start)
    after = text.find("\n", end)
    return before + 1, len(text) if after < 0 else after


@router.get("/statements/{statement_id}", response_class=HTMLResponse)
def statement_page(request: Request, statement_id: str) -> Response:
    db = _ctx(request).reader()
    statement = queries.get_statement(db, statement_id)
    article = queries.get_article(db, statement["article"]["id"])
    text: str = article["text"]
    start, end = statement["start"], statement["end"]
    p_start, p_end = _paragraph(text, start, end)
    reports = [r for r in summaries.cluster_sources(db, statement["cluster"]) if r["id"] != statement_id]
    return render(
        "statement.html", s=statement, article=article,
        before=text[:start], words_=text[start:end], after=text[end:],
        context=(text[p_start:start], text[start:end], text[end:p_end]),
        reports=reports, corrected=request.query_params.get("corrected"),
        writable=_ctx(request).token is not None,
    )


@router.post("/statements/{statement_id}/correct")
async def correct_statement(request: Request, statement_id: str) -> Response:
    """The correction form: the same write as POST /api/statements/{id}/corrections, token in the form."""
    ctx = _ctx(request)
    form = {k: v[0] for k, v in parse_qs((await request.body()).decode("utf-8"), keep_blank_values=True).items()}
    ctx.check_token(form.get("token"))
    try:
        body = CorrectionIn(
            field=form.get("field", "speaker"),  # type: ignore[arg-type]
            name=form.get("name") or None, type=form.get("type") or None, target=form.get("target") or None,
            stance=form.get("stance") or None,  # type: ignore[arg-type]
            note=form.get("note") or None, who=form.get("who") or None, undo=False,
        )
    except ValueError as exc:
        raise UsageError(f"the correction form is not complete: {exc}") from exc
    number = await run_in_threadpool(apply_correction, ctx, statement_id, body)
    return RedirectResponse(_url(f"/statements/{statement_id}", corrected=number), status_code=303)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> Response:
    db = _ctx(request).reader()
    article = queries.get_article(db, article_id)
    text: str = article["text"]
    segments: list[tuple[str, dict[str, Any] | None]] = []
    last = 0
    for item in article["statements"]:
        if item["start"] < last:
            continue  # overlapping spans: the first one is marked
        segments.append((text[last : item["start"]], None))
        segments.append((text[item["start"] : item["end"]], item))
        last = item["end"]
    segments.append((text[last:], None))
    return render("article.html", article=article, segments=segments)


@router.get("/clusters/{cluster_id}", response_class=HTMLResponse)
def cluster_page(request: Request, cluster_id: str) -> Response:
    reports = summaries.cluster_sources(_ctx(request).reader(), cluster_id)
    if not reports:
        raise NotFound(f"no cluster {cluster_id!r} in the store")
    return render("cluster.html", cluster_id=cluster_id, reports=reports)


