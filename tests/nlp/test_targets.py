"""Targets of statements: names, registry aliases and metonyms, pronouns inside quotations; never the speaker.

Small articles written for the test, then the sample corpus against its gold `stance:` entries.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from volte.model import Article, Statement, stable_id
from volte.nlp.extract import extract_statements

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[2]


def _statements(text: str) -> list[Statement]:
    return extract_statements(Article(id=stable_id("a", text), source="t.txt", text=text))


def _targets(statement: Statement) -> dict[str, tuple[str, str]]:
    return {t.entity.name: (t.stance, t.evidence) for t in statement.targets}


def test_registry_metonym_is_the_state_and_the_speaker_is_no_target() -> None:
    (s,) = _statements('Marguerite Valcourt spoke on Monday. "We should work with Moscow," Valcourt said.')
    assert s.speaker is not None and s.speaker.name == "Marguerite Valcourt"
    assert _targets(s) == {"Russia": ("favor", "work with Moscow")}


def test_pronoun_in_the_quotation_points_at_the_leader_named_before() -> None:
    text = (
        "Prime Minister Erik Dahlqvist announced the budget on Monday.\n\n"
        '"He takes us on the back foot every single time," Marguerite Valcourt said.'
    )
    statements = [s for s in _statements(text) if s.text.startswith("He takes")]
    assert len(statements) == 1
    assert list(_targets(statements[0])) == ["Erik Dahlqvist"]


def test_speaker_talking_about_themself_is_not_a_target() -> None:
    text = 'Jean Dupont spoke at the rally. "Dupont never gives up, and I will leave NATO," Jean Dupont said.'
    (s,) = _statements(text)
    assert s.speaker is not None and s.speaker.name == "Jean Dupont"
    assert _targets(s) == {"NATO": ("against", "leave NATO")}


def test_partial_quotation_is_about_the_names_of_its_sentence() -> None:
    (s,) = [s for s in _statements('Tomas Reinholt has called NATO "a dangerous relic of the Cold War".')
            if "relic" in s.text]
    assert list(_targets(s)) == ["NATO"]
    assert _targets(s)["NATO"][0] == "against"


def test_kremlin_speaker_is_russia() -> None:
    statements = _statements('"We will answer," the Kremlin said on Tuesday.')
    assert statements and statements[0].speaker is not None and statements[0].speaker.name == "Russia"


# -- the sample corpus: statements that clearly take a side toward a named target ------------------------------

GOLD = yaml.safe_load((ROOT / "tests" / "data" / "sample_gold.yaml").read_text(encoding="utf-8"))


def _fold(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def _gold_stances() -> list[tuple[str, str, str, str]]:
    rows = []
    for entry in GOLD:
        where = entry.get("file") or f"line {entry.get('line')}"
        for s in entry.get("statements", []):
            for t in s.get("stance") or []:
                rows.append((str(where), s["text"], t["target"], t["stance"]))
    return rows


# Gold stances volte does not get right yet (36 of 44 pass), each with the reason: the sentiment model reads
# political stance without a sentiment word as neutral or favor, and some targets are named only by a
# description no rule ties to them. Follow-ups of issue #4.
_MODEL = "no stance rule fits and the sentiment model misreads it"
_NO_TARGET = "the target is named only by a description volte does not tie to it"
_KNOWN_MISSES: dict[tuple[str, str], str] = {
    ('quiet march', "NATO"): _NO_TARGET + " (`towards NATO membership` after the quotation, tagged as a name)",
    ('Every government in this country has promised that', "NATO"): _MODEL + " (`joining … is not on the table`: sarcasm)",
    ('a target, not a safer country', "NATO"): _NO_TARGET + " (`membership` in the sentence)",
    ('Ms. Valcourt and I disagree about almost everythin', "NATO"): _MODEL + " (`I have not changed my mind`: needs the past)",
    ('a stampede', "NATO"): _NO_TARGET + " (`towards the alliance` in the previous sentence)",
    ('she and all 36 of her MPs would back the applicati', "NATO"): _NO_TARGET + " (`the application`)",
    ('to tell us who our friends are', "NATO"): _MODEL + " (the quotation's first words are outside it)",
    ('his party would vote against the application "to t', "NATO"): _NO_TARGET + " (`the application`)",
}


def _find(text: str, extracted: dict[str, tuple[Article, list[Statement]]]) -> Statement | None:
    """The extracted statement with the gold words, or failing that the one that holds them."""
    want = _fold(text)
    every = [s for _, statements in extracted.values() for s in statements]
    exact = [s for s in every if _fold(s.text) == want]
    holding = [s for s in every if want and want in _fold(s.text)]
    return (exact or holding or [None])[0]


@pytest.mark.parametrize(
    ("where", "text", "target", "stance"),
    [
        pytest.param(*row, marks=pytest.mark.xfail(strict=True, reason=_KNOWN_MISSES[(row[1][:50], row[2])]))  # noqa: E501
        if (row[1][:50], row[2]) in _KNOWN_MISSES else row
        for row in _gold_stances()
    ],
    ids=lambda v: v[:30] if isinstance(v, str) else None,
)
def test_sample_corpus_stance(
    where: str, text: str, target: str, stance: str, sample_extractions: dict[str, tuple[Article, list[Statement]]]
) -> None:
    statement = _find(text, sample_extractions)
    assert statement is not None, f"statement not extracted: {text!r}"
    targets = {t.entity.name: t for t in statement.targets}
    assert target in targets, f"{target} not among {list(targets)}"
    found = targets[target]
    assert found.stance == stance
    # Evidence a reader agrees with: words of the statement or its sentence, not the bare name.
    assert found.evidence and _fold(found.evidence) != _fold(target)


def test_user_registry_names_the_party(monkeypatch: pytest.MonkeyPatch) -> None:
    """tests/data/registry_samples.yaml (the fictional corpus's names) through $VOLTE_REGISTRY."""
    monkeypatch.setenv("VOLTE_REGISTRY", str(ROOT / "tests" / "data" / "registry_samples.yaml"))
    (s,) = _statements('Erik Dahlqvist spoke on Monday. "I will never vote with the CRP," Dahlqvist said.')
    assert list(_targets(s)) == ["Civic Renewal Party"]
