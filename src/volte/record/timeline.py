"""Timelines: what one speaker said about each target, one entry per utterance, in the order it was said."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from volte.errors import UsageError
from volte.model import OWN_WORDS, Entity, StanceLabel, Statement, entity_id
from volte.record.clusters import Cluster, read_clusters
from volte.store import Store


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One utterance of the speaker about one target: when, which stance, how sure, and its reports."""

    target: Entity
    cluster: Cluster
    stance: StanceLabel
    confidence: float
    evidence: str

    @property
    def said(self) -> str | None:
        return self.cluster.said

    @property
    def statements(self) -> list[Statement]:
        return [statement for statement, _ in self.cluster.reports]


def find_speaker(store: Store, name: str) -> Entity:
    """The one speaker `name` means: an entity id, a full name, or part of one name (case-insensitive). Of several
    that fit, a person who speaks far the most (twice as often as the next): `Trump` -> Donald Trump, not a
    one-statement `Trump Organization`."""
    summaries = sorted(store.speakers(), key=lambda s: (s.entity.type != "person", -s.statements, s.entity.name))
    speakers = [summary.entity for summary in summaries]
    folded = " ".join(name.lower().split())
    exact = [e for e in speakers if e.id == name or e.id == entity_id(name) or e.name.lower() == folded]
    if exact:
        return exact[0]
    partial = [s for s in summaries if folded in s.entity.name.lower()]
    if len(partial) == 1 or len(partial) > 1 and partial[0].entity.type == "person" and (
        partial[0].statements >= 2 * partial[1].statements
    ):
        return partial[0].entity
    if not partial:
        raise UsageError(f"no speaker matches {name!r}: `volte speakers` lists them")
    partial_entities = [s.entity for s in partial]
    names = ", ".join(e.name for e in partial_entities[:8])
    raise UsageError(f"several speakers match {name!r} ({names}): give the full name")


def entries_of(clusters: Iterable[Cluster], target: str | None = None) -> list[TimelineEntry]:
    """Timeline entries of these clusters (all of one speaker), optionally for one target (id or name)."""
    wanted = None if target is None else " ".join(target.lower().split())
    entries = []
    for cluster in clusters:
        # Each report may carry the target with its own stance; the most confident report speaks for all.
        best: dict[str, tuple[float, StanceLabel, str, Entity]] = {}
        for statement, _ in cluster.reports:
            for item in statement.targets:
                key = item.entity.id
                if wanted is not None and wanted not in (key, item.entity.name.lower()):
                    continue
                if key not in best or item.confidence > best[key][0]:
                    best[key] = (item.confidence, item.stance, item.evidence, item.entity)
        for confidence, stance, evidence, entity in best.values():
            entries.append(TimelineEntry(entity, cluster, stance, confidence, evidence))
    entries.sort(key=lambda e: (e.said is None, e.said or "", e.target.name, e.cluster.id))
    return entries


def build_timeline(
    store: Store, speaker: str, target: str | None = None, voices: Iterable[str] | None = OWN_WORDS
) -> tuple[Entity, list[TimelineEntry]]:
    """The speaker (see `find_speaker`) and their timeline: every utterance with a stance, in `said` order, from
    statements of these `voices` (the speaker's own words, quoted or reported, by default)."""
    entity = find_speaker(store, speaker)
    return entity, entries_of(read_clusters(store, speaker_id=entity.id, voices=voices), target)
