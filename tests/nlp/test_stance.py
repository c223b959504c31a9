"""Stance toward a target: the rules on sentences written for the test, the bundled model, `volte stance`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from volte.cli import cli
from volte.errors import UsageError
from volte.nlp.stance import (
    find_continuity,
    load_model,
    rule_stance,
    stance_lines,
    stance_toward,
    word_pieces,
)

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "newsmtsc"


def _at(sentence: str, mention: str) -> tuple[str, int, int]:
    start = sentence.index(mention)
    return sentence, start, start + len(mention)


@pytest.mark.parametrize(
    ("sentence", "mention", "stance", "evidence"),
    [
        ("I want to leave NATO.", "NATO", "against", "leave NATO"),
        ("I am on the side of Ukraine against Russia.", "Ukraine", "favor", "on the side of Ukraine"),
        ("I am on the side of Ukraine against Russia.", "Russia", "against", "the side of Ukraine against Russia"),
        ("They bear total responsibility for the war.", "They", "against", "They bear total responsibility for"),
        ("We do not need NATO to tell us who our friends are.", "NATO", "against", "not need NATO"),
        ("Europe cannot be built against Russia.", "Russia", "favor", "cannot be built against Russia"),
        ("We stand with our partners and with the people of Ukraine.", "Ukraine", "favor",
         "stand with our partners and with the people of Ukraine"),
        ("Russia is our friend, and friends talk to each other.", "Russia", "favor", "Russia is our friend"),
        ("The party will vote against the treaty.", "the treaty", "against", "vote against the treaty"),
        # Political positions without sentiment words (rules_en.yaml, each rule's own sentence).
        ("The cabinet is drifting towards Beijing.", "Beijing", "against", "drifting towards Beijing"),
        ('She warned against what she called a "headlong rush" towards the Union.', "the Union", "against",
         'warned against what she called a "headlong rush" towards the Union'),
        ("Every clause was drafted to please Washington.", "Washington", "against", "drafted to please Washington"),
        ("The pact would make our ports a target.", "The pact", "against", "The pact would make our ports a target"),
        ("The treaty is an erosion of our national sovereignty.", "The treaty", "against",
         "The treaty is an erosion of our national sovereignty"),
        ("The council has outlived its usefulness.", "The council", "against", "The council has outlived its usefulness"),
        ("The charter was designed for an age that is over.", "The charter", "against",
         "The charter was designed for an age that"),
        ("Norway cut off the gas in January.", "Norway", "against", "Norway cut off the gas"),
        ("Norway has never cut off the gas.", "Norway", "favor", "Norway has never cut off the gas"),
        ("We must keep our lines to Beijing open.", "Beijing", "favor", "keep our lines to Beijing"),
        ("They voted to sever diplomatic ties with Minsk.", "Minsk", "against", "sever diplomatic ties with Minsk"),
        # A negated verb of knowing leaves the rest true.
        ("He did not realize Dupont was a liar.", "Dupont", "against", "Dupont was a liar"),
        # Joining ruled out is against the organisation, as `we will not join T` is.
        ("Joining the Union is not on the table.", "the Union", "against", "Joining the Union is not on the table"),
        ("Membership of the pact is off the agenda for now.", "the pact", "against",
         "Membership of the pact is off the agenda"),
        ("The minister ruled out joining the Union.", "the Union", "against", "ruled out joining the Union"),
        ("The minister has not ruled out joining the Union.", "the Union", "favor", "not ruled out joining the Union"),
        # Not ruled out: a `join T` beside the words of the frame stays `join T`.
        ("Joining the Union is the only option on the table.", "the Union", "favor", "Joining the Union"),
        ("Joining the Union is on the agenda again.", "the Union", "favor", "Joining the Union is on the agenda"),
        # A person called unfit or a liar, and theft said of them, alone or with others.
        ("Hillary Clinton is trigger-happy and very unstable.", "Hillary Clinton", "against",
         "Hillary Clinton is trigger-happy"),
        ("Clinton tells lies every day.", "Clinton", "against", "Clinton tells lies"),
        ("Igor Kolomoisky and Gennady Bogolyubov stole $5.5B outright.", "Igor Kolomoisky", "against",
         "Igor Kolomoisky and Gennady Bogolyubov stole"),
        ("Dupont is not a liar.", "Dupont", "favor", "Dupont is not a liar"),
    ],
)
def test_rules_take_sides(sentence: str, mention: str, stance: str, evidence: str) -> None:
    result = rule_stance(*_at(sentence, mention))
    assert result is not None
    assert (result.stance, result.evidence) == (stance, evidence)


@pytest.mark.parametrize(
    ("sentence", "mention", "evidence"),
    [
        ("Unfortunately, there are many individuals who will willingly continue to support him.", "him",
         "who will willingly continue to support him"),
        ("Those who oppose NATO have no plan.", "NATO", "who oppose NATO"),
    ],
)
def test_a_side_taken_in_a_relative_clause_is_someone_elses(sentence: str, mention: str, evidence: str) -> None:
    result = rule_stance(*_at(sentence, mention))
    assert result is not None
    assert (result.stance, result.evidence) == ("neutral", evidence)


def test_no_rule_for_a_plain_report() -> None:
    assert rule_stance(*_at("NATO ministers meet in Brussels on Monday.", "NATO")) is None


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        # `towards T` after a verb of opposing needs a movement noun: aggression towards T is not a move.
        ("He condemned the aggression towards Ukraine.", "Ukraine"),
        # T left in a state is not T left: `leave T exposed`.
        ("The floods would leave Sweden exposed to a second wave.", "Sweden"),
        # Appeasing T alone is no rule: its negation would read as favor.
        ("We will not appease the Kremlin.", "the Kremlin"),
    ],
)
def test_rules_keep_out_of_lookalikes(sentence: str, mention: str) -> None:
    assert rule_stance(*_at(sentence, mention)) is None


def test_rules_read_through_quotation_marks() -> None:
    """Quotation marks are dropped before the rules read; the evidence is the sentence's own words, marks and all."""
    sentence = 'Critics said the cabinet was "sleepwalking into Moscow\'s arms".'
    result = rule_stance(*_at(sentence, "Moscow"))
    assert result is not None and (result.stance, result.evidence) == ("against", "sleepwalking into Moscow")
    sentence = "Critics attacked the government’s “quiet pivot” towards Beijing."
    result = rule_stance(*_at(sentence, "Beijing"))
    assert result is not None and result.evidence == "attacked the government’s “quiet pivot” towards Beijing"


def test_word_pieces_keep_word_offsets() -> None:
    vocab = load_model().vocab
    pieces = word_pieces("Valcourt's reforms", vocab)
    assert pieces[0].start == 0 and pieces[-1].end == len("Valcourt's reforms")
    assert all(p.text in vocab for p in pieces)


@pytest.mark.parametrize(
    ("sentence", "mention", "stance"),
    [
        ("Critics say Dupont lied to voters and betrayed his own party.", "Dupont", "against"),
        ("Supporters praised Dupont as an honest and brilliant leader.", "Dupont", "favor"),
        ("Dupont will travel to Paris on Tuesday for the meeting.", "Dupont", "neutral"),
    ],
)
def test_model_reads_sentiment_toward_the_mention(sentence: str, mention: str, stance: str) -> None:
    result = load_model().predict(*_at(sentence, mention))
    assert result.stance == stance
    assert 0.0 <= result.confidence <= 1.0
    if stance != "neutral":
        assert result.evidence and result.evidence in sentence and mention not in result.evidence


def test_the_target_decides_not_the_sentence() -> None:
    sentence = "Dupont accused Martin of lying."
    assert stance_toward(*_at(sentence, "Martin")).stance == "against"


def test_stance_lines_and_bad_input() -> None:
    rows = list(stance_lines([json.dumps({"id": "x", "sentence": "I want to leave NATO.", "mention": "NATO",
                                          "from": 16, "to": 20})]))
    assert rows == [{"id": "x", "polarity": -1}]
    with pytest.raises(UsageError, match="line 1"):
        list(stance_lines(['{"id": "y", "sentence": "short", "from": 3, "to": 99}']))


def test_stance_command(tmp_path: Path) -> None:
    lines = [
        {"id": "1", "sentence": "I want to leave NATO.", "mention": "NATO", "from": 16, "to": 20},
        {"id": "2", "sentence": "Supporters praised Dupont as an honest and brilliant leader.", "mention": "Dupont",
         "from": 19, "to": 25},
        {"id": "3", "sentence": "Dupont will travel to Paris on Tuesday for the meeting.", "mention": "Dupont",
         "from": 0, "to": 6},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["stance", str(path)])
    assert result.exit_code == 0, result.output
    assert [json.loads(line) for line in result.output.splitlines()] == [
        {"id": "1", "polarity": -1}, {"id": "2", "polarity": 1}, {"id": "3", "polarity": 0}
    ]
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["stance", str(bad)])
    assert result.exit_code == 2 and "line 1" in result.output


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "rw-dev.jsonl").exists(), reason="NewsMTSC dev is not in ../shared/data (a fresh clone)")
def test_newsmtsc_rw_dev_floor(tmp_path: Path) -> None:
    """The issue's bar: macro-F1 >= 0.65 on NewsMTSC rw-dev through `volte stance`."""
    pred = tmp_path / "pred.jsonl"
    exe = Path(sys.executable).with_name("volte")
    with pred.open("w") as out:
        subprocess.run([str(exe), "stance", str(SHARED / "rw-dev.jsonl")], stdout=out, check=True, env=os.environ)
    gold = {r["id"]: r["polarity"] for r in map(json.loads, (SHARED / "rw-dev.jsonl").open())}
    got = {r["id"]: r["polarity"] for r in map(json.loads, pred.open())}
    f1s = []
    for c in (-1, 0, 1):
        tp = sum(1 for i, g in gold.items() if g == c and got.get(i) == c)
        fp = sum(1 for i, g in gold.items() if g != c and got.get(i) == c)
        fn = sum(1 for i, g in gold.items() if g == c and got.get(i) != c)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    assert sum(f1s) / 3 >= 0.65


def test_sanctions_against_a_state_are_not_the_speakers_side() -> None:
    """`sanctions against Russia` names a measure; whoever resists them is not against Russia."""
    assert rule_stance(*_at("We must resist pressure for sanctions against Russia.", "Russia")) is None


@pytest.mark.parametrize(
    ("text", "language", "words", "first_person"),
    [
        ("On the treaty, I have not changed my mind in years.", "en", "I have not changed my mind", True),
        ("We haven’t changed our position.", "en", "We haven’t changed our position", True),
        ("My position on the treaty has not changed.", "en", "My position on the treaty has not changed", True),
        ("Our view remains the same.", "en", "Our view remains the same", True),
        ("I still stand by what I said in March.", "en", "I still stand by what I said", True),
        ("As I have always said, the treaty is a mistake.", "en", "As I have always said", True),
        ("He said he had never changed his mind.", "en", "he had never changed his mind", False),
        ("Sur le traité, je n’ai pas changé d’avis.", "fr", "je n’ai pas changé d’avis", True),
        ("Ma position sur le traité n’a pas changé.", "fr", "Ma position sur le traité n’a pas changé", True),
        ("Comme je l’ai toujours dit, ce traité est une erreur.", "fr", "Comme je l’ai toujours dit", True),
    ],
)
def test_continuity_words(text: str, language: str, words: str, first_person: bool) -> None:
    (found,) = find_continuity(text, language)
    assert (text[found.start : found.end], found.first_person) == (words, first_person)


@pytest.mark.parametrize(
    "text",
    [
        "I have changed my mind on the treaty.",  # a change, not continuity
        "The view from my window has not changed.",  # `view` that is no position
        "I have not changed the policy.",  # no mind or position of the speaker's
        "If I had not changed my mind, I would say so.",  # a supposition
        "As the minister has always said, the treaty is a mistake.",  # somebody else's words
    ],
)
def test_no_continuity_words(text: str) -> None:
    assert list(find_continuity(text)) == []


def test_the_bundled_model_is_the_pinned_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """Start-up refuses a stance model other than the one measured, with a message saying what to do."""
    from volte.errors import ModelNotFound
    from volte.nlp import stance

    stance.check_stance_model.cache_clear()
    stance.check_stance_model()  # the file shipped in the package
    monkeypatch.setattr(stance, "MODEL_SHA256", "0" * 64)
    stance.check_stance_model.cache_clear()
    with pytest.raises(ModelNotFound, match="not the file this version was built with"):
        stance.check_stance_model()
    stance.check_stance_model.cache_clear()


def test_a_model_file_temperature_flattens_the_probabilities(tmp_path: Path) -> None:
    """A temperature in the file's meta (fitted by scripts/train_stance.py --combine) is applied: p ** (1 / T),
    normalised; the shipped file has none, so its probabilities are the heads' average unchanged."""
    import numpy as np

    from volte.nlp import stance

    bundled = stance.resources.files("volte.resources").joinpath("stance", stance.MODEL_FILE)
    with bundled.open("rb") as handle:
        data = dict(np.load(handle, allow_pickle=False))
    meta = json.loads(str(data["meta"]))
    assert "temperature" not in meta
    plain, warm = tmp_path / "plain.npz", tmp_path / "warm.npz"
    np.savez(plain, **data)
    np.savez(warm, **{**data, "meta": np.array(json.dumps({**meta, "temperature": 2.0}))})
    sentence, start, end = _at("Critics say Dupont lied to voters and betrayed his own party.", "Dupont")
    p = stance.StanceModel(str(plain)).scores(sentence, start, end)[0]
    q = stance.StanceModel(str(warm)).scores(sentence, start, end)[0]
    expected = np.sqrt(p) / np.sqrt(p).sum()
    assert np.allclose(q, expected, atol=1e-6)
    assert q.max() < p.max() and q.argmax() == p.argmax()


# French (rules_fr.yaml, lexicon_fr.tsv): sentences written for the test, not taken from the French gold.
@pytest.mark.parametrize(
    ("sentence", "mention", "stance", "evidence"),
    [
        ("Les syndicats accusent la direction de mentir.", "la direction", "against", "accusent la direction"),
        ("Le député a critiqué la réforme du gouvernement Durand.", "Durand", "against",
         "critiqué la réforme du gouvernement Durand"),
        ("La maire soutient Paul Martin.", "Paul Martin", "favor", "soutient Paul Martin"),
        ("La maire ne soutient pas Paul Martin.", "Paul Martin", "against", "soutient pas Paul Martin"),
        ("La maire n'a jamais soutenu Paul Martin.", "Paul Martin", "against", "n'a jamais soutenu Paul Martin"),
        ("Il appelle à voter pour Claire Roy dimanche.", "Claire Roy", "favor", "voter pour Claire Roy"),
        ("Les écologistes réclament une sortie du nucléaire.", "nucléaire", "against", "sortie du nucléaire"),
        ("Nous voulons quitter l'OTAN.", "OTAN", "against", "quitter l'OTAN"),
        ("L'opposition réclame la démission de Paul Martin.", "Paul Martin", "against", "démission de Paul Martin"),
        ("Il allait demander au ministre de la Santé de démissionner.", "ministre de la Santé", "against",
         "demander au ministre de la Santé de démissionner"),
        ("La Chine est une menace pour la région.", "La Chine", "against", "La Chine est une menace"),
        ("La Chine n'est pas une menace.", "La Chine", "favor", "La Chine n'est pas une menace"),
        ("Paul Martin a trahi ses électeurs.", "Paul Martin", "against", "Paul Martin a trahi"),
        ("Le ministre a rendu hommage à Claire Roy.", "Claire Roy", "favor", "rendu hommage à Claire Roy"),
        ("La France est aux côtés de l'Ukraine.", "l'Ukraine", "favor", "aux côtés de l'Ukraine"),
    ],
)
def test_french_rules_take_sides(sentence: str, mention: str, stance: str, evidence: str) -> None:
    result = rule_stance(*_at(sentence, mention), "fr")
    assert result is not None
    assert (result.stance, result.evidence) == (stance, evidence)


def test_french_rules_are_not_read_on_english_text_nor_english_rules_on_french() -> None:
    assert rule_stance(*_at("Il faut soutenir Paul Martin.", "Paul Martin"), "en") is None
    assert rule_stance(*_at("We want to leave NATO.", "NATO"), "fr") is None


@pytest.mark.parametrize(
    ("sentence", "mention", "stance", "evidence"),
    [
        # The noun after `pas les` is not negated: not sharing the blunders of X is still blaming X.
        ("Les habitants ne partagent pas les bêtises du Front uni.", "Front uni", "against", "bêtises"),
        ("Ce budget de Paul Martin est inacceptable.", "Paul Martin", "against", "inacceptable"),
        ("Pour elle, le plan de Claire Roy n'est pas très efficace.", "Claire Roy", "against",
         "n'est pas très efficace"),
        ("Le projet de Claire Roy est une filière d'avenir.", "Claire Roy", "favor", "d'avenir"),
        ("Paul Martin a reçu la ministre à Lyon mardi.", "Paul Martin", "neutral", ""),
        # Another clause's words are not about the mention.
        ("Paul Martin arrive lundi ; le climat est épouvantable.", "Paul Martin", "neutral", ""),
    ],
)
def test_the_french_lexicon_reads_the_words_around_the_mention(
    sentence: str, mention: str, stance: str, evidence: str
) -> None:
    result = stance_toward(*_at(sentence, mention), "fr")
    assert (result.stance, result.evidence) == (stance, evidence)


@pytest.mark.parametrize(
    ("sentence", "mention", "evidence"),
    [
        ("I believed that trade and conversation would turn Russia into a partner.", "Russia",
         "I believed that trade and conversation would turn Russia"),
        ("We once thought Beijing was a threat.", "Beijing", "We once thought Beijing"),
    ],
)
def test_a_belief_the_speaker_reports_as_past_takes_no_side(sentence: str, mention: str, evidence: str) -> None:
    result = stance_toward(*_at(sentence, mention))
    assert (result.stance, result.evidence) == ("neutral", evidence)


def test_a_belief_still_held_keeps_its_side() -> None:
    assert stance_toward(*_at("I still believe that Russia is our friend.", "Russia")).stance == "favor"
    assert stance_toward(*_at("As I have always believed, Russia is our friend.", "Russia")).stance == "favor"
