"""When each statement was said: the date phrases of dates.py that the `said` stage reads, and the stage itself.

The stage's rules are also tested through their registered examples (test_rules.py); these tests pin the pieces
the rules are made of: time words pointing back, the perfect tense, the page with the statements blanked.
"""

from __future__ import annotations

import pytest

from volte.ingest import make_article
from volte.nlp import dates
from volte.nlp.extract import extract_statements
from volte.nlp.when import Dated, Page, Utterance, page_of, said_dates

FRIDAY = "2022-04-08"


@pytest.mark.parametrize(
    ("context", "days"),
    [
        (", Cruz said at the time.", 0),
        (", the senator said then, ", 0),
        ("At a breakfast the following morning, Cruz said", 1),
        (", a-t-il déclaré à l'époque.", 0),
        ("She then urges her husband", None),  # a sequence, not a time
        ("Why then, would someone like him", None),
        ("Since then, Roe has said", None),
        (", Roe said.", None),
    ],
)
def test_time_words_pointing_back(context: str, days: int | None) -> None:
    language = "fr" if "a-t-il" in context else "en"
    assert dates.anaphor(context, language) == days


@pytest.mark.parametrize(
    ("context", "cue", "perfect"),
    [
        ("Roe has said", "said", True),
        ("Roe has long argued", "argued", True),
        ("”, researchers have said. Researchers have also spotted", "said", True),  # the cue after the quotation
        ("under wraps, The Post has learned.", "learned", False),  # the news of today
        ("The family have been demanding", "demanding", False),  # an ongoing activity
        ("he has yet to explain", "explain", False),
        ("Roe said", "said", False),
        ("Clinton had told police", "told", False),  # a past perfect: the story's own sequence
        ("il avait déclaré", "déclaré", False),  # French news tells the story's days in the plus-que-parfait
        ("il a déclaré", "déclaré", False),  # the passé composé is the French news past
    ],
)
def test_perfect_tense(context: str, cue: str, perfect: bool) -> None:
    language = "fr" if context.startswith("il ") else "en"
    assert dates.is_perfect(context, cue, language) is perfect


def test_occasions_dated_by_a_year_or_a_month_alone() -> None:
    assert dates.find_date("a 1995 story from the Times hailed", FRIDAY) == ("1995", "explicit")
    assert dates.find_date("In an August speech, Trump attacked", FRIDAY) == ("2021-08", "relative")
    assert dates.find_date("the agency said in a June report", FRIDAY) == ("2021-06", "relative")


def test_a_compound_number_counts_back_whole() -> None:
    assert dates.find_date("Twenty-two years ago, a Times article hailed", FRIDAY) == ("2000", "relative")
    assert dates.find_date("Roe said two years ago", FRIDAY) == ("2020", "relative")


def test_the_page_blanks_what_was_said_and_finds_the_paragraphs() -> None:
    text = 'Roe spoke in July.\n\n"We won in 2014," Roe said.'
    start = text.index("We won")
    page = page_of(text, [(start, start + len("We won in 2014,"))], FRIDAY, "en")
    assert "2014" not in page.narrative and "July" in page.narrative
    assert page.paragraphs == (0, text.index('"We'))
    assert page.paragraph_of(start) == 1


def _stage(text: str, *spans: tuple[str, str | None, str]) -> list[Dated]:
    """Run the stage over statements given as (their words, speaker id, context)."""
    marks = [(text.index(w), text.index(w) + len(w), speaker, ctx) for w, speaker, ctx in spans]
    page: Page = page_of(text, [(a, b) for a, b, _, _ in marks], FRIDAY, "en")
    return said_dates([Utterance(a, b, speaker, "said", ctx) for a, b, speaker, ctx in marks], page)


def test_a_time_word_takes_the_last_time_the_text_gave_and_moves_by_its_days() -> None:
    text = "The vote was on Tuesday.\n\nThe following morning, Roe said the vote was a disgrace."
    [d] = _stage(text, ("the vote was a disgrace", "e_roe", "The following morning, Roe said"))
    assert (d.said, d.basis, d.rule) == ("2022-04-06", "relative", "time_anaphor")


def test_a_time_word_with_nothing_to_point_to_is_earlier_and_undated() -> None:
    [d] = _stage('"We will not back down," Roe said at the time.', ("We will not back down", "e_roe", ", Roe said at the time."))
    assert (d.said, d.basis, d.rule) == (None, "before", "time_anaphor")


def test_the_passage_carries_a_day_not_a_year_and_stops_at_another_speakers_dated_turn() -> None:
    text = "Roe said on Tuesday it was over. Ames said in 2014 it was not. Roe said it was done."
    first, second, third = _stage(
        text,
        ("it was over", "e_roe", "Roe said on Tuesday"),
        ("it was not", "e_ames", "Ames said in 2014"),
        ("it was done", "e_roe", "Roe said"),
    )
    assert first.said == "2022-04-05" and second.said == "2014"
    assert (third.said, third.rule) == (FRIDAY, "publication_date")  # Ames's dated turn came between
    text = "Roe said in 2014 it was over. Roe said it was done."
    _, later = _stage(text, ("it was over", "e_roe", "Roe said in 2014"), ("it was done", "e_roe", "Roe said"))
    assert (later.said, later.rule) == (FRIDAY, "publication_date")  # a year recalled does not carry


@pytest.mark.model
def test_a_date_inside_the_quotation_is_never_the_utterance_date() -> None:
    article = make_article('"I will visit Mexico in 2017," Roe said.', source="x.txt", published=FRIDAY)
    [s] = extract_statements(article)
    assert (s.said, s.said_basis) == (FRIDAY, "published")


@pytest.mark.model
def test_a_past_perfect_in_a_dated_scene_is_earlier_and_undated() -> None:
    text = ('In 2016, as Roe rose to power, Ames disavowed the book. "I regret it," he told reporters. Roe\'s first '
            "wife, Lee, had claimed that her husband kept a copy of the speeches at his bedside.")
    statements = extract_statements(make_article(text, source="a.txt", published=FRIDAY))
    assert [(s.said, s.said_basis) for s in statements] == [("2016", "explicit"), (None, "before")]


def test_a_date_before_an_aside_cue_is_the_contents() -> None:
    # `In December 2020, he said, Government "approved …"`: the approval's date, not the saying's.
    article = make_article('In December 2020, Roe said, the city "closed the plant for good."', source="a.txt",
                           published=FRIDAY)
    assert [(s.said, s.said_basis) for s in extract_statements(article)] == [(FRIDAY, "published")]
    article = make_article('In December 2020, Roe said the city "closed the plant for good."', source="a.txt",
                           published=FRIDAY)
    assert [(s.said, s.said_basis) for s in extract_statements(article)] == [("2020-12", "explicit")]


def test_a_position_held_in_the_perfect_is_not_an_earlier_speech_act() -> None:
    article = make_article("Both candidates have opposed the new trade deal with Asia.", source="x.txt", published=FRIDAY)
    assert [(s.said, s.said_basis) for s in extract_statements(article)] == [(FRIDAY, "published")]


@pytest.mark.parametrize(
    ("context", "event"),
    [
        ("Clinton told the debate audience that .", "debate"),
        ("City Attorney Brad Holm said in the letter that .", "letter"),
        ("At his cookout, the band leader called", "cookout"),
        ("Since the debate, he said", None),  # after it, not at it
        ("The transcript of the debate shows", None),  # the event named, not said at
        ("Pence won the debate, Barabak noted", None),
    ],
)
def test_an_event_named_again_as_where_it_was_said(context: str, event: str | None) -> None:
    assert dates.event_named(context, "en") == event


def test_an_event_takes_the_date_nearest_its_word_at_its_last_dated_mention() -> None:
    text = "The rivals met in Monday's debate in New York. The debate was long."
    assert dates.event_date(text, "debate", "2016-09-29") == ("2016-09-26", "relative")
    assert dates.event_date("The debate was long.", "debate", "2016-09-29") is None


def test_only_the_sentences_that_hold_the_cue_date_a_statement() -> None:
    context = "Lors du procès, le 27 février 2009, il avait lancé lors d'une envolée : « ». Mais déjà en mai 1999, il était"
    assert dates.find_date(context, "2012-10-17", "fr", cue="lancé") == ("2009-02-27", "explicit")
    # Initials, titles and times are no sentence ends: "Michael M. Grynbaum in July".
    context = "As Ms. Simonyan put it in a statement to my colleague Michael M. Grynbaum in July, RT is"
    assert dates.find_date(context, FRIDAY, cue="put") == ("2021-07", "relative")


def test_the_aside_that_holds_the_cue_is_read() -> None:
    context = "(Jean-François Copé déplora mardi un discours « » et manquant « »)"
    assert dates.find_date(context, "2012-07-04", "fr", cue="déplora") == ("2012-07-03", "relative")
    assert dates.find_date("Roe (who spoke on Tuesday) said", FRIDAY, cue="said") is None


def test_a_french_day_after_du() -> None:
    assert dates.find_date("lors de la session extraordinaire du 19 juin", "2012-08-22", "fr") == ("2012-06-19", "relative")


def test_another_clause_s_time_is_not_the_statement_s() -> None:
    context = "Reinholt has opposed  , and his party voted against the partnership agreement in 1994."
    assert dates.find_date(context, "2015-06-18", cue="opposed") is None
    assert dates.find_date(", Roe said on Tuesday, and added", FRIDAY, cue="said") == ("2022-04-05", "relative")
    context = "But Fowler said   — and he noted that any change would come later than the switch in 1972."
    assert dates.find_date(context, "2016-09-12", cue="said") is None  # a dash before `and` parts clauses too


def test_a_scene_dates_what_follows_in_the_past_not_what_is_said_now() -> None:
    scene = "In August, the telescope detected hundreds of bursts. "
    for after, said in (("Li said the bursts were too faint to see.", "2021-08"),
                        ("The bursts were too faint to see, says Li.", FRIDAY)):  # said now, to the reporter
        article = make_article(scene + after, source="t.txt", published=FRIDAY, language="en")
        [statement] = extract_statements(article)
        assert statement.said == said, after


def test_a_scene_does_not_date_words_that_tell_of_a_later_day() -> None:
    # The scene is February's; the words said name the 2nd of April as past: they were said after it.
    scene = "En février, un incendie a détruit l'entrepôt de Vénissieux. "
    for after, said in (("Le syndicat a rappelé que « l'expertise n'a commencé que le 2 avril dernier ».", FRIDAY),
                        ("Le syndicat a rappelé que « l'entrepôt n'avait aucune alarme ».", "2022-02")):
        article = make_article(scene + after, source="t.txt", published=FRIDAY, language="fr")
        [statement] = [s for s in extract_statements(article) if "entrepôt" in s.text or "expertise" in s.text]
        assert statement.said == said, after


def test_the_sentence_after_a_quotation_that_ends_one_does_not_date_it() -> None:
    # The quotation's own stop ends its sentence: "Today" opens the next one, and the year before the cue stands.
    text = (
        "The Old Order.\n\nIn 1982, as the curtain was rising, Governor Richard Lamm remarked that \u201cthe world of "
        "the 1930s has changed and a new set of responses is appropriate.\u201d Today, people everywhere agree.\n"
    )
    art = make_article(text, source="lamm.txt", title="The Old Order.", published="2019-12-23", language="en")
    [s] = [s for s in extract_statements(art) if "1930s" in s.text]
    assert (s.said, s.said_basis) == ("1982", "explicit")
    # A quotation that goes on after a comma is no sentence end: "On Tuesday" still dates the cue after it.
    text = "Roe spoke.\n\nOn Tuesday, \u201cwe will win, and soon,\u201d Roe said to the crowd in Ohio and to reporters.\n"
    art = make_article(text, source="roe.txt", title="Roe spoke.", published=FRIDAY, language="en")
    [s] = [s for s in extract_statements(art) if "we will win" in s.text]
    assert s.said == "2022-04-05"
