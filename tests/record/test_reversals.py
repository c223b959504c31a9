"""Reversals: a change of stance between periods, borne out by the speaker's own words on each side."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from volte.export import export_reversals
from volte.model import Entity, entity_id
from volte.record.clusters import Cluster
from volte.record.reversals import find_reversals, reversals_in
from volte.record.timeline import TimelineEntry, build_timeline

SPEAKER = Entity(entity_id("Ann Berg"), "Ann Berg")
TARGET = Entity(entity_id("NATO"), "NATO", "organization")


def _entries(*points: tuple[str, str], confidence: float = 0.8) -> list[TimelineEntry]:
    """Timeline entries for (said, stance) pairs, one source each."""
    return [
        TimelineEntry(TARGET, Cluster(f"c_{i}", (), said, "explicit", 1), stance, confidence, "")  # type: ignore[arg-type]
        for i, (said, stance) in enumerate(points)
    ]


def test_the_planted_change_of_mind_is_found(story):
    store, made = story
    found = {(r.speaker.name, r.target.name): r for r in find_reversals(store)}
    russia = found[("Marguerite Valcourt", "Russia")]
    assert (russia.before.stance, russia.after.stance) == ("favor", "against")
    # The change happened between her last warm words (June 2021) and the war speech (March 2022).
    assert (russia.before.said, russia.after.said) == ("2021-06-09", "2022-03-03")
    assert set(russia.after.statement_ids) == {made["responsibility"].id, made["wrong"].id}
    # Both reports of the "work with Moscow" quote are evidence on the favor side.
    assert {made["moscow_ledger"].id, made["moscow_norpress"].id} <= set(russia.before.statement_ids)
    nato = found[("Marguerite Valcourt", "NATO")]
    assert (nato.before.stance, nato.before.said, nato.after.stance, nato.after.said) == (
        "against",
        "2019-05-02",
        "favor",
        "2023-04-01",
    )
    assert 0.5 < nato.confidence < russia.confidence <= 1


def test_a_steady_position_in_different_words_is_not_flagged(story):
    store, _ = story
    assert all(r.speaker.name != "Tomas Reinholt" for r in find_reversals(store))
    _, timeline = build_timeline(store, "Reinholt", target="NATO")
    assert [e.said[:4] for e in timeline] == ["2014", "2016", "2019", "2022", "2023"]
    assert {e.stance for e in timeline} == {"against"}


def test_one_stray_statement_in_a_steady_position_is_absorbed():
    entries = _entries(("2014", "against"), ("2016", "against"), ("2018", "favor"), ("2020", "against"), ("2022", "against"))
    assert reversals_in(SPEAKER, entries) == []


def test_confidence_grows_with_the_evidence():
    two_each = reversals_in(SPEAKER, _entries(("2014", "favor"), ("2015", "favor"), ("2022", "against"), ("2023", "against")))
    three_each = reversals_in(
        SPEAKER,
        _entries(("2014", "favor"), ("2015", "favor"), ("2016", "favor"), ("2022", "against"), ("2023", "against"), ("2024", "against")),
    )
    assert len(two_each) == len(three_each) == 1
    assert two_each[0].confidence < three_each[0].confidence
    # A single statement on a side is not a change of mind, however sure the stance: one stray quote (or one
    # stance the model got wrong) must not make a reversal.
    assert reversals_in(SPEAKER, _entries(("2014", "favor"), ("2022", "against"))) == []


def test_neutral_and_undated_statements_are_no_evidence():
    entries = _entries(("2014", "favor"), ("2015", "favor"), ("2018", "neutral"), ("2019", "neutral"))
    entries += [TimelineEntry(TARGET, Cluster("c_x", (), None, None, 1), "against", 1.0, "")]
    assert reversals_in(SPEAKER, entries) == []


def test_a_change_and_back_is_two_reversals():
    entries = _entries(
        ("2010", "favor"), ("2011", "favor"), ("2014", "against"), ("2015", "against"), ("2016", "against"),
        ("2020", "favor"), ("2021", "favor"),
    )
    found = reversals_in(SPEAKER, entries)
    assert [(r.before.stance, r.before.said, r.after.stance, r.after.said) for r in found] == [
        ("favor", "2011", "against", "2014"),
        ("against", "2016", "favor", "2020"),
    ]
    # Two statements away and back are absorbed: changing twice costs more than they weigh.
    assert reversals_in(SPEAKER, _entries(("2010", "favor"), ("2011", "favor"), ("2014", "against"),
                                          ("2015", "against"), ("2020", "favor"), ("2021", "favor"))) == []


def test_export_writes_the_contract_objects(story_db: Path):
    from volte.store import Store

    out = io.BytesIO()
    with Store.open(story_db) as store:
        assert export_reversals(store, out) == 2
    lines = [json.loads(line) for line in out.getvalue().decode().splitlines()]
    assert len(lines) == 2
    for obj in lines:
        assert set(obj) == {"speaker", "target", "before", "after", "confidence"}
        assert set(obj["speaker"]) == set(obj["target"]) == {"id", "name"}
        for side in (obj["before"], obj["after"]):
            assert set(side) == {"stance", "said", "statements"}
            assert side["stance"] in ("favor", "against")
            assert all(s.startswith("s_") for s in side["statements"])
        assert 0 <= obj["confidence"] <= 1
    russia = next(o for o in lines if o["target"]["name"] == "Russia")
    # The syndicated copy's report is listed too (it is the same utterance), counted once for confidence.
    # friend, work with Moscow x3 (Ledger, wire, copy), "built with Russia", the gas tap.
    assert len(russia["before"]["statements"]) == 6


@pytest.mark.model
def test_sample_corpus_valcourt_reverses_on_russia_and_reinholt_stays(sample_store):
    assert sample_store.ingest_failures == []
    found = {(r.speaker.name, r.target.name, r.before.stance, r.after.stance) for r in find_reversals(sample_store)}
    assert ("Marguerite Valcourt", "Russia", "favor", "against") in found
    assert not [f for f in found if f[0] == "Tomas Reinholt"]
