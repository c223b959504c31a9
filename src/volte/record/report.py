"""The report: one self-contained HTML page about one speaker, to read and to check.

    stance over time (an SVG chart per target) · changes of mind (the two sides' words next to each other)
    · every statement with its source, its offsets in the article and its cluster

The page needs no network when viewed: style, script and chart are inline, the chart drawn here as SVG.
Everything that comes from articles (quotes, names, titles, sources) is untrusted and escaped.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path
from urllib.parse import quote, urlparse

from volte import __version__
from volte.model import OWN_WORDS, Article, Entity, Statement
from volte.record.clusters import Cluster, read_clusters
from volte.record.reversals import Reversal, reversals_in
from volte.record.timeline import TimelineEntry, entries_of, find_speaker
from volte.store import Store

# Chart geometry, in SVG user units (the chart scales to the page width).
_WIDTH, _HEIGHT = 960, 190
_LEFT, _RIGHT, _TOP, _BOTTOM = 78, 24, 22, 34
_LANES = {"favor": 0, "neutral": 1, "against": 2}
# Quotes longer than this are cut in the chart's tooltips (the cards and the table have them whole).
_TOOLTIP = 220
# The page stays readable, and its size bounded, for a speaker with 50,000 statements: the table lists the most
# recent reports, each side of a change of mind its first quotes, and a target with more utterances than a chart
# can show is drawn as counts per month and stance. The rest is in `volte serve`, linked from the page.
MAX_LISTED = 500
MAX_QUOTES = 5
MAX_DOTS = 400
MAX_CHARTS = 30
# Where `volte serve` answers by default (`volte serve --port`); `volte report --serve-url` changes it.
SERVE_URL = "http://127.0.0.1:8000"


def write_report(
    store: Store, speaker: str, path: str | Path, voices: Iterable[str] | None = OWN_WORDS, *,
    serve_url: str = SERVE_URL,
) -> Path:
    """Write the report on `speaker` (entity id or part of a name) to `path`; returns the path. Charts, changes of
    mind and the statements are of these `voices` (the speaker's own words by default); what the authors say of
    the speaker (`characterized`) is a section of its own when it is not among them. Links to the whole record
    go to `volte serve` at `serve_url`."""
    entity = find_speaker(store, speaker)
    clusters = read_clusters(store, speaker_id=entity.id, voices=voices)
    described: list[tuple[Statement, Article]] = []
    if voices is not None and "characterized" not in voices:
        described = [
            (s, a) for s, a in store.iter_statements(speaker_id=entity.id) if s.voice == "characterized"
        ]
    page = render_report(entity, clusters, described, serve_url=serve_url)
    out = Path(path)
    out.write_text(page, encoding="utf-8")
    return out


def render_report(
    speaker: Entity, clusters: list[Cluster], described: list[tuple[Statement, Article]] | None = None, *,
    serve_url: str = SERVE_URL,
) -> str:
    """The report page for these clusters (`speaker`'s statements) as an HTML string, with the `described`
    statements (what authors say of the speaker, each with its article as the source) apart."""
    entries = entries_of(clusters)
    reversals = reversals_in(speaker, entries)
    served = f"{serve_url.rstrip('/')}/speakers/{quote(speaker.id)}"
    listed = _listed(clusters)
    body = "\n".join(
        [
            _header(speaker, clusters),
            "<main>",
            _reversals_section(reversals, {s.id for s, _, _ in listed}, served),
            _charts_section(entries, reversals, served, {s.id for s, _, _ in listed}),
            _statements_section(clusters, listed, served),
            _described_section(speaker, described or []),
            f"<footer>Made by volte {_e(__version__)} on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC. Offsets are "
            "character offsets into each article's body text as ingested.</footer>",
            "</main>",
        ]
    )
    slots = {
        "version": _e(__version__),
        "title": _e(f"{speaker.name} — volte report"),
        "style": _resource("report.css"),
        "script": _resource("report.js"),
        "body": body,
    }
    # One pass over the template: a slot's value is never read for slots again (a speaker named `{{body}}`).
    return _SLOT.sub(lambda match: slots.get(match[1], match[0]), _resource("report.html"))


# A slot of the page template: `{{body}}`.
_SLOT = re.compile(r"\{\{(\w+)\}\}")


def _resource(name: str) -> str:
    return resources.files("volte.resources").joinpath("report", name).read_text(encoding="utf-8")


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


# ---- header ------------------------------------------------------------------------------------------------


def _header(speaker: Entity, clusters: list[Cluster]) -> str:
    statements = sum(len(c.reports) for c in clusters)
    articles = {a.id for c in clusters for _, a in c.reports}
    dated = [c.said for c in clusters if c.said]
    span = "undated" if not dated else dated[0][:4] if dated[0][:4] == dated[-1][:4] else f"{dated[0][:4]}–{dated[-1][:4]}"
    facts = [
        (str(statements), "statements"),
        (str(len(clusters)), "utterances"),
        (str(len(articles)), "articles"),
        (span, "said"),
    ]
    items = "".join(f"<div><b>{_e(value)}</b>{_e(label)}</div>" for value, label in facts)
    return (
        f'<header class="page"><div class="inner"><h1>{_e(speaker.name)}</h1>'
        f"<p>What {_e(speaker.name)} said, when, about whom — and where the position changed.</p>"
        f'<div class="facts">{items}</div></div></header>'
    )


# ---- reversal cards ----------------------------------------------------------------------------------------


def _reversals_section(reversals: list[Reversal], listed: set[str], served: str) -> str:
    parts = [
        '<section id="reversals"><h2>Changes of mind</h2>',
        '<p class="lede">A stance toward a target that went from favor to against (or back), with the speaker\'s '
        "own words on each side. Confidence grows with the number of statements and independent sources.</p>",
    ]
    if not reversals:
        parts.append('<p class="empty">No change of stance found in these statements.</p>')
    for reversal in reversals:
        percent = round(reversal.confidence * 100)
        parts.append(
            '<article class="card reversal">'
            f"<header><h3>{_e(reversal.target.name)}: {_e(reversal.before.stance)} → {_e(reversal.after.stance)}"
            f" <small>({_e(reversal.before.said)} → {_e(reversal.after.said)})</small></h3>"
            f'<div class="confidence">confidence {percent}%<div class="bar"><span style="width:{percent}%">'
            "</span></div></div></header>"
            '<div class="sides">'
            + _side("Before", reversal.before.stance, reversal.before.entries, listed, served)
            + _side("After", reversal.after.stance, reversal.after.entries, listed, served)
            + "</div></article>"
        )
    parts.append("</section>")
    return "\n".join(parts)


def _side(
    label: str, stance: str, entries: tuple[TimelineEntry, ...], listed: set[str], served: str
) -> str:
    """One side of a change of mind: its last quotes before the change (first after it), at most MAX_QUOTES."""
    shown = entries[-MAX_QUOTES:] if label == "Before" else entries[:MAX_QUOTES]
    quotes = []
    for entry in shown:
        statement = entry.cluster.statement
        sources = "; ".join(_cite(s, a, a.id in entry.cluster.copies, s.id in listed) for s, a in entry.cluster.reports)
        quotes.append(
            f'<blockquote class="{_e(stance)}"><p>{_quoted(statement)}</p>'
            f'<div class="cite">said {_e(entry.said or "undated")} · {sources}</div></blockquote>'
        )
    if len(entries) > len(shown):
        quotes.append(f'<p class="more">and {len(entries) - len(shown)} more utterances: <a href="{_e(served)}/reversals">'
                      "all of them in volte serve</a></p>")
    return (
        f'<div class="side"><h4>{_e(label)} <span class="stance {_e(stance)}">{_e(stance)}</span></h4>'
        + "".join(quotes)
        + "</div>"
    )


def _quoted(statement: Statement) -> str:
    text = _e(statement.text)
    return f"“{text}”" if statement.kind != "indirect" else f"(reported) {text}"


def _cite(statement: Statement, article: Article, copy: bool = False, listed: bool = True) -> str:
    """A report's source; linked to its row of the table when the table lists it."""
    title = _e(article.title or article.source)
    note = ", a copy of another article" if copy else ""
    return (
        (f'<a href="#{_e(statement.id)}">{title}</a>' if listed else title)
        + f" ({_e(article.published or 'no date')}, chars {statement.start}–{statement.end}{note})"
    )


# ---- charts ------------------------------------------------------------------------------------------------


def _charts_section(
    entries: list[TimelineEntry], reversals: list[Reversal], served: str, listed: set[str]
) -> str:
    parts = [
        '<section id="timelines"><h2>Stance over time</h2>',
        '<p class="lede">One chart per target; each dot is one utterance (bigger when more articles report it), '
        "placed at the date it was said. Shaded: where the stance changed. Click a dot for its statement. A target "
        f"with more than {MAX_DOTS} utterances is drawn as one dot per month and stance, bigger for more.</p>",
    ]
    by_target: dict[str, list[TimelineEntry]] = {}
    for entry in entries:
        if entry.said is not None:
            by_target.setdefault(entry.target.id, []).append(entry)
    if not by_target:
        parts.append('<p class="empty">No dated statement with a stance toward a target yet.</p>')
    # Targets with the most utterances first; past MAX_CHARTS, a line of counts each.
    ranked = sorted(by_target.values(), key=lambda p: (-len(p), p[0].target.name))
    for points in ranked[:MAX_CHARTS]:
        target = points[0].target
        changes = [r for r in reversals if r.target.id == target.id]
        parts.append(
            f'<div class="card chart" data-target="{_e(target.id)}"><h3>{_e(target.name)}</h3>'
            f'<p class="legend">{len(points)} utterance{"" if len(points) == 1 else "s"}</p>'
            f"{_chart_svg(target, points, changes, listed)}</div>"
        )
    if len(ranked) > MAX_CHARTS:
        rows = "".join(
            f"<tr><td>{_e(points[0].target.name)}</td>"
            + "".join(f"<td>{sum(1 for p in points if p.stance == stance)}</td>" for stance in _LANES)
            + "</tr>"
            for points in ranked[MAX_CHARTS:]
        )
        parts.append(
            f'<div class="card"><h3>{len(ranked) - MAX_CHARTS} more targets</h3><table><thead><tr><th>target</th>'
            + "".join(f"<th>{stance}</th>" for stance in _LANES)
            + f'</tr></thead><tbody>{rows}</tbody></table><p class="more"><a href="{_e(served)}">Every target in'
            " volte serve</a></p></div>"
        )
    parts.append("</section>")
    return "\n".join(parts)


def _year_fraction(said: str) -> float:
    """A date as a fractional year; a year or a month stands at its middle."""
    parts = [int(p) for p in said.split("-")]
    if len(parts) == 1:
        return parts[0] + 0.5
    if len(parts) == 2:
        return parts[0] + (parts[1] - 0.5) / 12
    day = date(parts[0], parts[1], parts[2])
    return parts[0] + (day.timetuple().tm_yday - 0.5) / 366


def _chart_svg(target: Entity, points: list[TimelineEntry], changes: list[Reversal], listed: set[str]) -> str:
    xs = [_year_fraction(p.said or "") for p in points]
    first, last = int(min(xs)), int(max(xs)) + 1
    span = max(last - first, 1)
    plot_w = _WIDTH - _LEFT - _RIGHT
    lane_h = (_HEIGHT - _TOP - _BOTTOM) / 2

    def x_of(value: float) -> float:
        return _LEFT + (value - first) / span * plot_w

    def y_of(stance: str) -> float:
        return _TOP + _LANES.get(stance, 1) * lane_h

    out = [
        f'<svg viewBox="0 0 {_WIDTH} {_HEIGHT}" role="img" aria-label="{_e(target.name)}: stance over time">'
    ]
    for change in changes:
        x0, x1 = x_of(_year_fraction(change.before.said)), x_of(_year_fraction(change.after.said))
        out.append(
            f'<rect class="band" x="{x0:.1f}" y="{_TOP - 12}" width="{max(x1 - x0, 3):.1f}"'
            f' height="{_HEIGHT - _TOP - _BOTTOM + 24}"><title>changed between {_e(change.before.said)} and'
            f" {_e(change.after.said)}</title></rect>"
            f'<text class="band-label" x="{(x0 + x1) / 2:.1f}" y="{_TOP - 12 + 10}" text-anchor="middle">changed</text>'
        )
    out.append('<g class="axis">')
    for stance, lane in _LANES.items():
        y = _TOP + lane * lane_h
        colour = {"favor": "var(--favor)", "against": "var(--against)"}.get(stance, "var(--neutral)")
        out.append(
            f'<line class="lane" x1="{_LEFT}" x2="{_WIDTH - _RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>'
            f'<text class="lane-label" x="{_LEFT - 10}" y="{y + 4:.1f}" text-anchor="end" fill="{colour}">{stance}</text>'
        )
    step = 1 if span <= 12 else 2 if span <= 24 else 5
    for year in range(first, last + 1, step):
        x = x_of(year)
        out.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{_HEIGHT - _BOTTOM + 6}" y2="{_HEIGHT - _BOTTOM + 10}" stroke="#b6bdca"/>'
            f'<text x="{x:.1f}" y="{_HEIGHT - 8}" text-anchor="middle">{year}</text>'
        )
    out.append("</g>")
    if len(points) > MAX_DOTS:
        out.extend(_month_dots(points, x_of, y_of))
        out.append("</svg>")
        return "".join(out)
    coords = [(x_of(x), y_of(p.stance)) for x, p in zip(xs, points, strict=True)]
    if len(coords) > 1:
        line = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        out.append(f'<polyline class="path" points="{line}"/>')
    for (x, y), point in zip(coords, points, strict=True):
        statement = point.cluster.statement
        radius = 5 + 2 * min(point.cluster.independent_sources - 1, 4)
        words = statement.text if len(statement.text) <= _TOOLTIP else statement.text[: _TOOLTIP - 1] + "…"
        tip = f"{point.said} · {point.stance} · {words} ({len(point.cluster.articles)} source(s))"
        circle = (f'<circle class="{_e(point.stance)}" cx="{x:.1f}" cy="{y:.1f}" r="{radius}"><title>{_e(tip)}</title>'
                  "</circle>")
        # (a link to the statement's row when the table lists it)
        out.append(f'<a href="#{_e(statement.id)}">{circle}</a>' if statement.id in listed else circle)
    out.append("</svg>")
    return "".join(out)


def _month_dots(
    points: list[TimelineEntry], x_of: Callable[[float], float], y_of: Callable[[str], float]
) -> Iterator[str]:
    """One dot per month and stance (a year for an utterance dated by its year alone), its area the count."""
    months: dict[tuple[str, str], int] = {}
    for point in points:
        key = ((point.said or "")[:7], point.stance)
        months[key] = months.get(key, 0) + 1
    for (month, stance), count in sorted(months.items()):
        radius = 3 + 2 * math.sqrt(min(count, 400)) / 2
        yield (
            f'<circle class="{_e(stance)}" cx="{x_of(_year_fraction(month)):.1f}" cy="{y_of(stance):.1f}"'
            f' r="{radius:.1f}"><title>{_e(month)} · {_e(stance)} · {count} utterance{"" if count == 1 else "s"}'
            "</title></circle>"
        )


# ---- statements table --------------------------------------------------------------------------------------


def _listed(clusters: list[Cluster]) -> list[tuple[Statement, Article, Cluster]]:
    """The reports the table lists, in date order: all of them, or past MAX_LISTED the most recently said."""
    rows = [
        (statement, article, cluster)
        for cluster in clusters
        for statement, article in sorted(cluster.reports, key=lambda r: (r[1].published or "", r[0].start))
    ]
    if len(rows) <= MAX_LISTED:
        return rows
    return [row for row in rows if row[2].said is not None][-MAX_LISTED:]


def _statements_section(
    clusters: list[Cluster], listed: list[tuple[Statement, Article, Cluster]], served: str
) -> str:
    reports = sum(len(c.reports) for c in clusters)
    rows = [_statement_row(statement, article, cluster, len(cluster.articles)) for statement, article, cluster in listed]
    table = (
        '<table id="statements"><thead><tr><th>said</th><th>kind</th><th>words</th><th>about</th>'
        "<th>source</th><th>offsets</th><th>cluster</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )
    heading, more = "Every statement", ""
    if len(listed) < reports:
        heading = f"The {len(listed)} most recent statements"
        more = (
            f'<p class="more">{reports} statements in all; the {len(listed)} said most recently are listed here. '
            f'Every statement, searchable, in <a href="{_e(served)}">volte serve</a> (`volte serve` on this store).</p>'
        )
    return (
        f'<section id="all-statements"><h2>{heading}</h2>'
        '<p class="lede">Each report of each utterance, with the article it is in and where in its text. Reports '
        "of the same utterance share a cluster; its date is the best-supported one (an explicit date beats a "
        "publication date).</p>" + more
        + '<div class="toolbar"><input id="filter" type="search" placeholder="Filter statements…"'
        ' aria-label="Filter statements"><span id="shown"></span></div>' + table + "</section>"
    )


def _described_section(speaker: Entity, described: list[tuple[Statement, Article]]) -> str:
    """`How others describe X`: the author's characterizations (`X backs the plan`), sourced to the article and its
    author or outlet, never counted as X's words."""
    if not described:
        return ""
    rows = "".join(
        f'<tr id="{_e(s.id)}"><td class="nowrap">{_e(a.published or "undated")}</td>'
        f'<td>{_e(s.cue or "")}</td><td class="text">{_e(s.text)}</td>'
        f"<td>{_e(a.author or 'the article')}<br>{_source(a)}</td></tr>"
        for s, a in sorted(described, key=lambda r: (r[1].published or "", r[0].start))
    )
    return (
        f'<section id="described"><h2>How others describe {_e(speaker.name)}</h2>'
        '<p class="lede">What articles say of this speaker in their own words: a position, an attitude or an act '
        "the author attributes, with no speech act or quotation of the speaker. The source is the article and its "
        "author; these are left out of the charts and the changes of mind.</p>"
        '<table><thead><tr><th>published</th><th>cue</th><th>words</th><th>source</th></tr></thead><tbody>'
        + rows
        + "</tbody></table></section>"
    )


def _statement_row(statement: Statement, article: Article, cluster: Cluster, count: int) -> str:
    targets = "".join(
        f'<span class="tag"><span class="stance {_e(t.stance)}">{_e(t.stance)}</span> {_e(t.entity.name)}</span>'
        for t in statement.targets
    )
    basis = f"<br><small>{_e(statement.said_basis)}</small>" if statement.said_basis else ""
    copy = "<br><small>a copy of another article</small>" if article.id in cluster.copies else ""
    cluster_note = (
        f"<small>{_e(cluster.id)}</small><br>{count} articles, said {_e(cluster.said or 'undated')}{copy}"
        if count > 1
        else f"<small>{_e(cluster.id)}</small>"
    )
    return (
        f'<tr id="{_e(statement.id)}"><td class="nowrap">{_e(statement.said or "undated")}{basis}</td>'
        f"<td>{_e(statement.kind)}</td><td class=\"text\">{_e(statement.text)}</td><td>{targets}</td>"
        f"<td>{_source(article)}</td><td class=\"nowrap\">{statement.start}–{statement.end}</td>"
        f"<td>{cluster_note}</td></tr>"
    )


def _source(article: Article) -> str:
    title = _e(article.title or "(untitled)")
    where = article.url or article.source
    scheme = urlparse(where).scheme
    # Only web addresses become links; anything else (a path, a javascript: URL) is shown as text.
    link = f'<a href="{_e(where)}">{_e(where)}</a>' if scheme in ("http", "https") else _e(where)
    return f"{title}<br><small>{_e(article.published or 'no date')} · {link}</small>"
