"""Reversals: a speaker whose stance toward a target went from favor to against (or back) between periods.

For each speaker and target, the speaker's own utterances (clusters, each counted once however many articles
report it) with a favor or against stance and a date are put in `said` order. The periods are the cheapest
sequence of stances that explains them (Viterbi over two states): each utterance that disagrees with its period
costs its weight, each change of period costs `SWITCH_COST`. So one stray statement inside a steady position is
absorbed (changing away and back would cost twice), while a change borne out by statements on both sides is a
reversal: at least two statements after a change, three for an excursion that comes back. A speaker who says the same thing in different words over the years stays in one period.

The weight of an utterance is its stance confidence, raised a little for each further independent source. The
confidence of a reversal grows with the weight on each side: (1 - exp(-1.5 E_before)) (1 - exp(-1.5 E_after)),
times the share of each period's weight that agrees with it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple, cast

from volte.model import OWN_WORDS, Entity, StanceLabel, effective_cluster, entity_id, has_voice
from volte.record.clusters import group_clusters
from volte.record.timeline import TimelineEntry, entries_of
from volte.store import Store
from volte.store.clustering import best_said

# The cost of a change of period; an utterance's weight is at most about 1.6 (confidence 1, four sources). Above one
# utterance's usual weight, so a single statement (or a single stance the model got wrong) never makes a change.
SWITCH_COST = 1.2
# Reversals below this confidence are not reported (one weak statement on a side).
MIN_CONFIDENCE = 0.3
# Each further independent source of an utterance adds this much to its weight, up to three more.
_SOURCE_BONUS = 0.2
_POLARITY: dict[str, int] = {"favor": 1, "against": -1}


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a reversal: the stance, when it was last (before) or first (after) said, and the evidence."""

    stance: StanceLabel
    said: str
    entries: tuple[TimelineEntry, ...]

    @property
    def statement_ids(self) -> list[str]:
        return [s.id for entry in self.entries for s in entry.statements]

    def as_json(self) -> dict[str, Any]:
        return {"stance": self.stance, "said": self.said, "statements": self.statement_ids}


@dataclass(frozen=True, slots=True)
class Reversal:
    """A change of stance of `speaker` toward `target`, with the utterances on each side."""

    speaker: Entity
    target: Entity
    before: Side
    after: Side
    confidence: float

    def as_json(self) -> dict[str, Any]:
        """The contract's reversal object (CONTRACT.md, "A reversal")."""
        return {
            "speaker": {"id": self.speaker.id, "name": self.speaker.name},
            "target": {"id": self.target.id, "name": self.target.name},
            "before": self.before.as_json(),
            "after": self.after.as_json(),
            "confidence": round(self.confidence, 3),
        }


def weight(entry: TimelineEntry) -> float:
    """How much one utterance counts: its stance confidence, more when more independent sources report it."""
    extra = min(max(entry.cluster.independent_sources - 1, 0), 3)
    return entry.confidence * (1 + _SOURCE_BONUS * extra)


def find_reversals(
    store: Store, speaker: str | None = None, *, min_confidence: float = MIN_CONFIDENCE,
    voices: Iterable[str] | None = OWN_WORDS,
) -> list[Reversal]:
    """Every reversal in the store (or of one speaker: entity id or part of a name), by speaker then date. Built
    from statements of these `voices`: by default the speaker's own words on both sides, quoted or reported, never
    what the author says of them (`X backs the plan`). See `iter_reversals`."""
    return list(iter_reversals(store, speaker, min_confidence=min_confidence, voices=voices))


def iter_reversals(
    store: Store, speaker: str | None = None, *, min_confidence: float = MIN_CONFIDENCE,
    voices: Iterable[str] | None = OWN_WORDS,
) -> Iterator[Reversal]:
    """The reversals of `find_reversals`, one speaker at a time (by name, then target and date): each speaker's
    statements are read from the speaker's index and let go before the next speaker's, so memory stays that of
    the busiest speaker, not of the store. A speaker's utterances are clusters of the speaker's own statements
    (corrections applied): the reversals of the whole store are those of each speaker in turn."""
    copies = store.article_copies()
    for entity in speakers_matching(store, speaker):
        found = _speaker_reversals(store, entity, voices, copies, min_confidence)
        found.sort(key=lambda r: (r.target.name, r.after.said))
        yield from found


class _Utterance(NamedTuple):
    """What a reversal needs of a cluster: its id, date and independent sources (as `Cluster` has them)."""

    id: str
    said: str | None
    independent_sources: int


class _Target(NamedTuple):
    id: str


class _Point(NamedTuple):
    """What a reversal needs of a timeline entry (as `TimelineEntry` has them; tuples: a million are made)."""

    target: _Target
    cluster: _Utterance
    stance: str
    confidence: float
    said: str | None


def _speaker_reversals(
    store: Store, speaker: Entity, voices: Iterable[str] | None, copies: dict[str, str], min_confidence: float
) -> list[Reversal]:
    """`reversals_in` the speaker's timeline, computed from the few columns it needs (`Store.stance_points`),
    not from a million Statement objects; only the utterances of the reversals found are then read whole, so
    each side holds the same `TimelineEntry` objects as `reversals_in(speaker, entries_of(read_clusters(…)))`."""
    rows, targets = store.stance_points(speaker.id)
    members: dict[str, list[tuple[Any, ...]]] = {}
    for row in rows:
        if has_voice(row[5], voices):
            members.setdefault(effective_cluster(row[0], row[4]), []).append(row)
    points: list[_Point] = []
    for cluster_id, reports in members.items():
        # As entries_of: for each target, the most confident report speaks for the utterance.
        best: dict[str, tuple[float, str]] = {}
        for row in reports:
            for eid, stance, confidence in targets.get(row[0], ()):
                if eid not in best or confidence > best[eid][0]:
                    best[eid] = (confidence, stance)
        if not best:
            continue
        # (one report: its own date, as best_said gives it)
        said = reports[0][2] if len(reports) == 1 else best_said([(row[2], row[3]) for row in reports])[0]
        utterance = _Utterance(cluster_id, said, len({copies.get(row[1], row[1]) for row in reports}))
        points.extend(_Point(_Target(eid), utterance, stance, confidence, said) for eid, (confidence, stance) in best.items())
    found = reversals_in(speaker, cast(list[TimelineEntry], points), min_confidence=min_confidence)
    if not found:
        return []
    # The utterances of these reversals, read whole (the same reports, so the same dates, weights and stances).
    wanted = {e.cluster.id for r in found for side in (r.before, r.after) for e in side.entries}
    ids = [row[0] for cluster_id in sorted(wanted) for row in members[cluster_id]]
    clusters = group_clusters(
        ((st, a) for st, a in store.iter_statements(speaker_id=speaker.id, ids=ids) if has_voice(st.voice, voices)),
        copies,
    )
    entries = {(e.cluster.id, e.target.id): e for e in entries_of(clusters)}

    def whole(side: Side) -> Side:
        return Side(side.stance, side.said, tuple(entries[(e.cluster.id, e.target.id)] for e in side.entries))

    return [
        Reversal(speaker, entries[(r.before.entries[0].cluster.id, r.target.id)].target, whole(r.before),
                 whole(r.after), r.confidence)
        for r in found
    ]


# ASCII letters folded as SQLite's LIKE folds them (`--speaker trump` finds Donald Trump).
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def speakers_matching(store: Store, speaker: str | None) -> list[Entity]:
    """The speakers `speaker` names (all of them when None), by name: its entity id, or every speaker whose name
    holds it (case-insensitive), as `Store.iter_statements(speaker=…)` matches them."""
    summaries = store.speakers()
    if speaker is not None:
        ids = {speaker, entity_id(speaker)}
        needle = speaker.translate(_ASCII_LOWER)
        summaries = [
            s for s in summaries if s.entity.id in ids or needle in s.entity.name.translate(_ASCII_LOWER)
        ]
    return sorted((s.entity for s in summaries), key=lambda e: (e.name, e.id))


def reversals_in(
    speaker: Entity, entries: Iterable[TimelineEntry], *, min_confidence: float = MIN_CONFIDENCE
) -> list[Reversal]:
    """The reversals in one speaker's timeline entries (any targets)."""
    by_target: dict[str, list[TimelineEntry]] = {}
    targets: dict[str, Entity] = {}
    for entry in entries:
        if entry.said is None or entry.stance not in _POLARITY:
            continue
        targets[entry.target.id] = entry.target
        by_target.setdefault(entry.target.id, []).append(entry)
    found = []
    for target_id, points in by_target.items():
        points.sort(key=lambda e: (e.said or "", e.cluster.id))
        for reversal in _changes(speaker, targets[target_id], points):
            if reversal.confidence >= min_confidence:
                found.append(reversal)
    return found


def _periods(points: list[TimelineEntry]) -> list[int]:
    """The stance (+1 / -1) of the period each point falls in: the cheapest explanation (module docstring)."""
    states = (1, -1)
    cost = {s: (0.0 if _POLARITY[points[0].stance] == s else weight(points[0])) for s in states}
    back: list[dict[int, int]] = []
    for point in points[1:]:
        step: dict[int, int] = {}
        new_cost = {}
        for s in states:
            prev = min(states, key=lambda p: cost[p] + (0.0 if p == s else SWITCH_COST))
            step[s] = prev
            miss = 0.0 if _POLARITY[point.stance] == s else weight(point)
            new_cost[s] = cost[prev] + (0.0 if prev == s else SWITCH_COST) + miss
        back.append(step)
        cost = new_cost
    state = min(states, key=lambda s: (cost[s], -s))
    path = [state]
    for step in reversed(back):
        state = step[state]
        path.append(state)
    return path[::-1]


def _runs(points: list[TimelineEntry], path: list[int]) -> Iterator[tuple[int, list[TimelineEntry]]]:
    start = 0
    for index in range(1, len(points) + 1):
        if index == len(points) or path[index] != path[start]:
            yield path[start], points[start:index]
            start = index


def _changes(speaker: Entity, target: Entity, points: list[TimelineEntry]) -> list[Reversal]:
    runs = list(_runs(points, _periods(points)))
    found = []
    for (before_state, before), (after_state, after) in zip(runs, runs[1:], strict=False):
        agree_before = [e for e in before if _POLARITY[e.stance] == before_state]
        agree_after = [e for e in after if _POLARITY[e.stance] == after_state]
        if not agree_before or not agree_after:
            continue
        confidence = _support(agree_before, before) * _support(agree_after, after)
        found.append(
            Reversal(
                speaker,
                target,
                Side(agree_before[0].stance, agree_before[-1].said or "", tuple(agree_before)),
                Side(agree_after[0].stance, agree_after[0].said or "", tuple(agree_after)),
                confidence,
            )
        )
    return found


def _support(agreeing: list[TimelineEntry], period: list[TimelineEntry]) -> float:
    evidence = sum(weight(e) for e in agreeing)
    total = sum(weight(e) for e in period)
    purity = evidence / total if total else 0.0
    return (1 - math.exp(-1.5 * evidence)) * purity
