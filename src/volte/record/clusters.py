"""Clusters as read from the store: the reports of one utterance, its best-supported date and its sources.

The store forms clusters as articles are written (volte.store.clustering); this module groups what it reads.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from volte.model import Article, Statement, effective_cluster, has_voice
from volte.store import Store
from volte.store.clustering import best_said

# Which report of an utterance to show first: the speaker's own words before a reported paraphrase.
_KIND_RANK = {"direct": 2, "partial": 1, "indirect": 0}


@dataclass(frozen=True, slots=True)
class Cluster:
    """One utterance as reported by one or more articles."""

    id: str
    reports: tuple[tuple[Statement, Article], ...]
    said: str | None
    said_basis: str | None
    independent_sources: int  # articles, a syndicated copy counted with its original
    copies: frozenset[str] = frozenset()  # ids of the articles here that copy another article

    @property
    def statement(self) -> Statement:
        """The report to show: direct words first, then the longest."""
        return max(self.reports, key=lambda r: (_KIND_RANK[r[0].kind], len(r[0].text)))[0]

    @property
    def articles(self) -> list[Article]:
        """Every article reporting it, in date order (copies included)."""
        seen: dict[str, Article] = {}
        for _, article in self.reports:
            seen.setdefault(article.id, article)
        return sorted(seen.values(), key=lambda a: (a.published or "", a.source))


def group_clusters(
    reports: Iterable[tuple[Statement, Article]], copies: dict[str, str] | None = None
) -> list[Cluster]:
    """Group statements by cluster; `copies` (Store.article_copies) keeps syndicated copies from counting twice."""
    copies = copies or {}
    grouped: dict[str, list[tuple[Statement, Article]]] = {}
    for statement, article in reports:
        grouped.setdefault(effective_cluster(statement.id, statement.cluster), []).append((statement, article))
    clusters = []
    for cluster_id, members in grouped.items():
        said, basis = best_said([(s.said, s.said_basis) for s, _ in members])
        originals = {copies.get(a.id, a.id) for _, a in members}
        copied = frozenset(a.id for _, a in members if a.id in copies)
        clusters.append(Cluster(cluster_id, tuple(members), said, basis, len(originals), copied))
    clusters.sort(key=lambda c: (c.said is None, c.said or "", c.id))
    return clusters


def read_clusters(
    store: Store, speaker: str | None = None, voices: Iterable[str] | None = None, *, speaker_id: str | None = None,
    copies: dict[str, str] | None = None,
) -> list[Cluster]:
    """Every cluster of the store (or of the speaker: an entity id or part of a name; or of exactly the speaker
    `speaker_id`, read from its index), in `said` order; only statements of these `voices` (model.VOICES; None:
    all). `copies` is Store.article_copies, when the caller read it already."""
    statements = (
        (s, a) for s, a in store.iter_statements(speaker=speaker, speaker_id=speaker_id) if has_voice(s.voice, voices)
    )
    return group_clusters(statements, store.article_copies() if copies is None else copies)
