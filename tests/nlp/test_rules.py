"""Tests generated from the attribution rule registry: every rule's example sentences, through the real pipeline.

For each example: the rule decides something while the sentence is extracted, the statement holding the example's
words has the example's speaker (or no statement holds them) and cue, and the statement records the rule in its
stage. A completeness test keeps every rule in exactly one stage, with an example and a docstring.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from volte.ingest import make_article
from volte.model import Statement
from volte.nlp.attribution import STAGES, Example, Rule, all_rules
from volte.nlp.attribution.rules import disabled, watch
from volte.nlp.extract import extract_statements

# The stage a statement records a rule under (filters leave no statement to record it on).
_STAMP = {
    "quote_cue": "cue", "report_cue": "cue", "report_finder": "cue", "subject": "subject", "quote_subject": "subject",
    "mention": "mention", "name": "name", "speaker": "speaker", "continuity": "speaker", "speaker_list": "speaker_list",
    "continuation": "continuation", "said": "said",
}


def _cases() -> list[tuple[Rule, Example]]:
    return [(r, ex) for r in all_rules().values() for ex in r.examples]


def test_every_rule_sits_in_one_stage_with_an_example_and_a_docstring() -> None:
    listed = [r.name for rules in STAGES.values() for r in rules]
    assert sorted(listed) == sorted(all_rules()), "a rule is registered but listed in no stage, or listed twice"
    assert len(listed) == len(set(listed))
    for r in all_rules().values():
        assert r.examples, f"rule {r.name} has no example sentence"
        assert r.doc, f"rule {r.name} has no docstring"


@pytest.mark.model
@pytest.mark.parametrize(("rule", "example"), _cases(), ids=lambda v: v.name if isinstance(v, Rule) else "")
def test_rule_example(rule: Rule, example: Example) -> None:
    article = make_article(
        example.text, source="example.txt", published="2022-04-08", language=example.language, title=example.title
    )
    with watch() as won:
        statements = extract_statements(article)
    assert rule.name in won, f"{rule.name} decided nothing in {example.text!r} (decided: {won})"
    hits = [s for s in statements if example.words in s.text]
    if example.targets is not None and example.speaker is None:
        # A target example that leaves the speaker unchecked (whoever the attribution gives the words to).
        assert hits, f"no statement holds {example.words!r}: {[s.text for s in statements]}"
        _assert_targets(hits[0], example.targets)
        return
    if example.speaker is None:
        if example.words:
            assert not hits or all(s.speaker is None for s in hits), [(s.text, s.speaker) for s in hits]
        return
    if rule.stage in _STAMP:
        # (Several statements may hold the words: `X said it would tell "…"` is X's report and the verb's.)
        hits = [s for s in hits if (_STAMP[rule.stage], rule.name) in s.rules]
    assert hits, f"no statement holds {example.words!r} by {rule.name}: {[(s.text, s.rules) for s in statements]}"
    statement = hits[0]
    assert statement.speaker is not None, f"no speaker for {statement.text!r}"
    assert example.speaker.lower() in statement.speaker.name.lower(), (statement.speaker.name, statement.text)
    if example.cue is not None:
        assert statement.cue == example.cue
    if rule.stage == "said":
        assert statement.said == example.said, (statement.said, statement.said_basis, statement.text)
    if example.targets is not None:
        _assert_targets(statement, example.targets)


def _assert_targets(statement: Statement, expected: str) -> None:
    targets = "; ".join(f"{t.entity.name}: {t.stance}" for t in statement.targets)
    assert targets == expected, (targets, statement.text)


@pytest.fixture
def without(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    def switch_off(names: str) -> None:
        monkeypatch.setenv("VOLTE_DISABLE_RULES", names)
        disabled.cache_clear()

    yield switch_off
    disabled.cache_clear()


@pytest.mark.model
def test_a_disabled_rule_leaves_its_slot_to_the_rules_after_it(without: Callable[[str], None]) -> None:
    text = '"Go back to your seat," Lund barked as the session ended.'
    article = make_article(text, source="example.txt", published="2022-04-08")
    before = extract_statements(article)
    assert before and before[0].speaker is not None and ("cue", "trailing_verb") in before[0].rules
    without("trailing_verb")
    after = extract_statements(article)
    assert not any(("cue", "trailing_verb") in s.rules for s in after)
    # A rule listed after it in the stage takes the slot it left.
    order = [r.name for r in STAGES["quote_cue"]]
    later = [dict(s.rules).get("cue") for s in after if "seat" in s.text]
    assert all(name is None or order.index(name) > order.index("trailing_verb") for name in later), later


def test_disabling_a_rule_that_does_not_exist_is_an_error(without: Callable[[str], None]) -> None:
    without("no_such_rule")
    with pytest.raises(ValueError, match="no_such_rule"):
        disabled()


def test_the_architecture_document_lists_every_stage_as_the_code_does() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    for name, rules in STAGES.items():
        assert f"- `{name}`: {', '.join(r.name for r in rules)}\n" in doc, f"docs/ARCHITECTURE.md: stage {name}"
