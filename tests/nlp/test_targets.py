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


def _quoting(statements: list[Statement], text: str, words: str) -> Statement:
    """The statement that holds `words` as its own quotation: a partial quotation inside its speaker's report."""
    (s,) = [s for s in statements if any(text[a:b].startswith(words) for a, b in s.quotes)]
    return s


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


def test_it_standing_for_a_clause_or_named_far_before_is_no_target() -> None:
    # The university is named as a subject just before; an `it` of a clause after it stands for nobody, and one
    # with no organisation named close before (600 characters) points nowhere.
    text = (
        "Cambridge University said it would test its students every week.\n\n"
        'Levi Pay, an adviser, says: "It did not make sense to bring so many students back into the halls."\n\n'
        + "The halls stood empty in the long summer months before the term began. " * 10
        + '\n\n"It is a constant thing, one price hike after the other," Debra Symonette said.'
    )
    statements = _statements(text)
    for words in ("It did not make sense", "It is a constant thing"):
        (s,) = [s for s in statements if s.text.startswith(words)]
        assert "Cambridge University" not in _targets(s), (words, _targets(s))


def test_it_in_a_quotation_is_the_organisation_named_just_before() -> None:
    text = 'Cambridge University announced new rules. "It has never been so strict," Levi Pay said.'
    (s,) = [s for s in _statements(text) if s.text.startswith("It has never")]
    assert "Cambridge University" in _targets(s)


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


_JOIN = "The parliament votes on Friday on whether Norland should apply to join the European Union.\n\n"


@pytest.mark.parametrize(
    ("said", "stance", "evidence"),
    [
        ("Anna Berg said her party would support the application.", "favor", "support the application"),
        ("Jan Holm said his party would vote against the application.", "against", "vote against the application"),
    ],
)
def test_the_application_is_the_organisation_the_article_speaks_of_joining(said: str, stance: str, evidence: str) -> None:
    (s,) = _statements(_JOIN + said)
    assert _targets(s) == {"European Union": (stance, evidence)}


def test_membership_words_need_an_organisation_joined() -> None:
    # No joining spoken of: `the application` is nobody's.
    (s,) = _statements("Anna Berg spoke in Velden on Monday. She said her party would support the application.")
    assert s.targets == ()
    # `party membership` is some other membership, though the article speaks of joining the EU.
    (s,) = _statements(_JOIN + '"Party membership is falling everywhere," Anna Berg said.')
    assert "European Union" not in _targets(s)


def test_a_military_alliance_is_nato_where_the_article_names_nato() -> None:
    quote = '"A military alliance that spends this much will always find a war," Jan Holm said.'
    (s,) = _statements("NATO ministers met in Brussels on Monday.\n\n" + quote)
    assert list(_targets(s)) == ["NATO"]
    (s,) = _statements("Defence ministers met in Brussels on Monday.\n\n" + quote)
    assert s.targets == ()


def test_the_side_a_partial_quotation_takes_just_outside_its_marks() -> None:
    """The stance rules read the quotation's sentence when their words reach the quotation."""
    text = 'Anna Berg said on Monday that Norland did not need the European Union "to run our fisheries".'
    s = _quoting(_statements(text), text, "to run our fisheries")
    assert s.kind == "indirect" and _targets(s)["European Union"] == ("against", "not need the European Union")


def test_a_partial_quotation_is_not_about_another_statements_names() -> None:
    text = ('Jan Holm, who said on Friday that his party would vote against the application to join the European '
            'Union, called Anna Berg "a dreamer".')
    (s,) = [s for s in _statements(text) if s.text == "a dreamer"]
    assert list(_targets(s)) == ["Anna Berg"]


def test_it_in_a_partial_quotations_sentence_is_the_registry_entity_named_there() -> None:
    text = ('Jan Holm described the union as "bloated" and said that Norland\'s partnership with it had been '
            '"a slow loss of our sovereignty". The European Union did not reply.')
    s = _quoting(_statements(text), text, "a slow loss")
    assert _targets(s)["European Union"] == ("against", "European Union is a slow loss of our sovereignty")


# -- continuity: `I have not changed my mind` takes the side the speaker took earlier in the article -----------

_HOLM = "Jan Holm spoke in Velden on Monday.\n\n"
_UNCHANGED = '"On NATO, I have not changed my mind in twenty years," Holm said.'


def _unchanged(text: str) -> dict[str, tuple[str, str]]:
    """The targets of the statement that says its position has not changed."""
    (s,) = [s for s in _statements(text) if "changed" in s.text]
    return _targets(s)


@pytest.mark.parametrize(
    ("text", "target", "stance", "evidence"),
    [
        (_HOLM + '"We should leave NATO," Holm said.\n\n' + _UNCHANGED, "NATO", "against", "I have not changed my mind"),
        # The most recent side, not the first.
        (_HOLM + '"We must join NATO," Holm said in 2015.\n\n"We should leave NATO," Holm said.\n\n' + _UNCHANGED,
         "NATO", "against", "I have not changed my mind"),
        (_HOLM + '"We should leave NATO," Holm said in 2015.\n\n"We must join NATO," Holm said.\n\n' + _UNCHANGED,
         "NATO", "favor", "I have not changed my mind"),
        ('Anna Berg spoke on Monday.\n\n"We must join the European Union," Berg said.\n\n"My position on the European '
         'Union has not changed since the election," Berg said.',
         "European Union", "favor", "My position on the European Union has not changed"),
        # Reported speech: `he` is the speaker.
        ("Jan Holm said on Monday that Norland should leave NATO. On Tuesday, Holm said he had not changed his mind "
         "about NATO.", "NATO", "against", "he had not changed his mind"),
    ],
)
def test_continuity_takes_the_speakers_earlier_side(text: str, target: str, stance: str, evidence: str) -> None:
    assert _unchanged(text)[target] == (stance, evidence)


@pytest.mark.parametrize(
    ("earlier", "unchanged"),
    [
        # Another speaker's side.
        ('"We should leave NATO," Anna Berg said.\n\n', _UNCHANGED),
        # A side taken after the words, not before.
        ("", _UNCHANGED + '\n\n"We should leave NATO," Holm said.'),
        # Somebody else's mind, in the speaker's own words.
        ('"We should leave NATO," Holm said.\n\n', '"On NATO, she has not changed her mind in years," Holm said.'),
        # In reported speech, `she` is not Mr. Holm.
        ('Jan Holm said on Monday that Norland should leave NATO. ',
         "Asked about Anna Berg, Mr. Holm said she had not changed her mind about NATO."),
        # A supposition.
        ('"We should leave NATO," Holm said.\n\n', '"If I had not changed my mind on NATO, I would say so," Holm said.'),
        # The target is named in another sentence than the continuity words.
        ('"We should leave NATO," Holm said.\n\n', '"I have not changed my mind. Ask NATO what it costs," Holm said.'),
    ],
)
def test_continuity_carries_no_other_side(earlier: str, unchanged: str) -> None:
    """The earlier words change nothing: the statement reads as it does alone."""
    alone = unchanged.replace('\n\n"We should leave NATO," Holm said.', "")
    assert _unchanged(_HOLM + earlier + unchanged)["NATO"] == _unchanged(_HOLM + alone)["NATO"]


def test_a_rule_on_the_sentence_beats_continuity() -> None:
    text = _HOLM + '"We should leave NATO," Holm said.\n\n"As I have always said, we must join NATO," Holm said.'
    (s,) = [s for s in _statements(text) if "always" in s.text]
    assert _targets(s) == {"NATO": ("favor", "join NATO")}


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


# Gold stances volte does not get right yet, each with the reason (all 44 pass now). Follow-ups of issue #4.
_KNOWN_MISSES: dict[tuple[str, str], str] = {}


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


def test_the_speaker_between_two_quotations_is_no_target() -> None:
    """`"…," he says. "…"` taken as one statement (when the attribution gives it to another speaker): `he` is
    who says the words; a `he` inside the quoted words is what they are about."""
    from volte.nlp.pipeline import load_pipeline
    from volte.nlp.target_filters import Spot, speaker_inside

    text = "“Universities put rents above lives,” he says. “He says students must stay, but they cannot.”"
    doc = load_pipeline("en")(text)
    start, end = 1, len(text) - 1
    says = text.index("he says")
    inner = text.index("He says")
    assert speaker_inside(Spot(doc, says, says + 2, "pronoun", start, end, "direct"))
    assert not speaker_inside(Spot(doc, inner, inner + 2, "pronoun", start, end, "direct"))


def test_a_reports_partial_quotation_is_not_about_the_other_names_of_its_sentence() -> None:
    """The adviser's campaign is who she works for; her words are about Mr. Obama's remarks."""
    text = ('With 50 days until the election, Minyon Moore, a senior adviser to the Clinton campaign, called Mr. '
            'Obama\'s remarks on Saturday "a true wake-up call" to his coalition of supporters.')
    (s,) = [s for s in _statements(text) if "wake-up" in s.text]
    assert list(_targets(s)) == ["Obama"]


def test_a_pronoun_in_reported_speech_is_a_target_when_it_cannot_be_the_speaker() -> None:
    """`her proposals` in a man's report is the woman named before; `his` in a report by the man named is his own."""
    text = ("Hillary Clinton said she would close loopholes for the wealthy. David Kamin, a law professor, said "
            "he liked it. Mr. Kamin emphasized that her proposals would simplify returns for small businesses.")
    (s,) = [s for s in _statements(text) if "her proposals" in s.text]
    assert "Hillary Clinton" in _targets(s)
    text = "Donald Trump spoke on Monday. Trump said his plan would simplify returns for small businesses."
    (s,) = [s for s in _statements(text) if "his plan" in s.text]
    assert _targets(s) == {}
    # A group's `their` in its own report is its own: not the German people named in its words.
    text = ("The Nazis hoped that gaining control of this large German state would lead to their eventual takeover "
            "of the entire nation.")
    (s,) = [s for s in _statements(text) if "their eventual takeover" in s.text]
    assert _targets(s) == {}


def test_a_place_in_a_partial_quotations_sentence_is_no_target() -> None:
    """`At a forum in Virginia, one questioner claimed that "the forces of political correctness" …`: Virginia
    is where it was said; `described Clinton as "a lifetime politician"` is about Clinton."""
    from volte.nlp.pipeline import load_pipeline
    from volte.nlp.target_filters import Spot, sentence_name_aside

    nlp = load_pipeline("en")
    text = 'At a forum in Virginia, one questioner claimed that "the forces of political correctness" won.'
    doc, quoted = nlp(text), text.index("the forces")
    at = text.index("Virginia")
    assert sentence_name_aside(Spot(doc, at, at + 8, "sentence", quoted, quoted + 32, "partial"))
    text = 'Ham described Clinton as "a lifetime politician" on Monday.'
    doc, quoted = nlp(text), text.index("a lifetime")
    at = text.index("Clinton")
    assert not sentence_name_aside(Spot(doc, at, at + 7, "sentence", quoted, quoted + 22, "partial"))


@pytest.mark.parametrize(
    ("text", "target", "stance"),
    [
        ("Trump attacked Clinton for her support of military action in Iraq and Libya.", "Clinton", "against"),
        ("Obama praised Angela Merkel for her leadership.", "Angela Merkel", "favor"),
    ],
)
def test_a_cue_of_blame_or_praise_takes_its_side_toward_the_object_that_opens_the_report(
    text: str, target: str, stance: str
) -> None:
    (s,) = _statements(text)
    assert _targets(s)[target][0] == stance
    assert _targets(s)[target][1].startswith(("attacked", "praised"))


def test_it_is_not_a_place_that_only_classifies_a_subject() -> None:
    # `the Berlin wine merchant said`: the merchant said it; Berlin (the state's capital, a metonym) is no `it`.
    text = ('"The wine is an elegant lady," the Berlin wine merchant said as he poured a glass.\n\n'
            '"It\'s not just an elegant lady," Brigitta Stodden tells me at her cellar.')
    (s,) = [s for s in _statements(text) if s.text.startswith("It's not just")]
    assert "Germany" not in _targets(s)
