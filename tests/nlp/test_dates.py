"""find_said: when a statement was made, from the words around it.

Every expected date was counted on a calendar by hand. The anchors:
- Friday 2022-04-08 (FRIDAY): the day before is Thursday 7 April, the Friday before is 1 April, the Monday
  of that week is 4 April, the Tuesday 5 April; 1 March 2022 was a Tuesday, 3 March 2022 a Thursday.
- Thursday 2022-04-07 (THURSDAY): the Thursday before is 31 March.
- Thursday 2020-03-05: the Tuesday before it, 3 March 2020.
"""

from __future__ import annotations

import time

import pytest

from volte.nlp.dates import beside_event, event_date, find_said, scene, written_date

FRIDAY = "2022-04-08"
THURSDAY = "2022-04-07"


# --- explicit dates, English ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("context", "said"),
    [
        ("Before travelling to Moscow in 2018, Dupont told reporters:", "2018"),
        ("Back in 2014, she said", "2014"),
        ("Roe, speaking in 2014 to CNN, said", "2014"),
        ("In February 2014 the minister declared that", "2014-02"),
        ("In early March 2020, Roe said", "2020-03"),
        ("Roe said in May 2014", "2014-05"),
        (", Roe said on 3 April 2022.", "2022-04-03"),
        (", Roe said on April 3, 2022.", "2022-04-03"),
        (", Roe said on Sunday, the 3rd of April, 2022.", "2022-04-03"),
        (", Roe said Aug. 3, 2021.", "2021-08-03"),
        ("In a statement dated 2022-04-03, Roe wrote", "2022-04-03"),
        ("Roe said in a 2014 interview", "2014"),
        ("In a February 2014 interview, Roe said", "2014-02"),
        ("During the 2017 campaign, Roe said", "2017"),
        ("In his 2019 State of the Union address, Roe said", "2019"),
        ("In the fall of 2010, Roe said", "2010"),
        ("By the spring of 2014, Roe had told reporters", "2014"),
        ("In late summer 2019, Roe said", "2019"),
    ],
)
def test_explicit_dates_keep_their_precision(context: str, said: str) -> None:
    assert find_said(context, FRIDAY) == (said, "explicit")


def test_explicit_dates_need_no_publication_date() -> None:
    assert find_said("In February 2014 the minister declared that", None) == ("2014-02", "explicit")


# --- relative dates, English ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("context", "published", "said"),
    [
        (", Mr. Roe said last Friday.", FRIDAY, "2022-04-01"),
        (", Mr. Roe said this past Friday.", FRIDAY, "2022-04-01"),
        # A plain weekday may be the publication day itself; "last" never is.
        ("Speaking on Thursday, she added", FRIDAY, "2022-04-07"),
        ("Speaking on Thursday, she added", THURSDAY, "2022-04-07"),
        ("Speaking last Thursday, she added", THURSDAY, "2022-03-31"),
        ("Speaking on Friday, she added", FRIDAY, "2022-04-08"),
        (", Roe said Monday.", FRIDAY, "2022-04-04"),
        (", Roe said yesterday.", FRIDAY, "2022-04-07"),
        (", Roe said the day before yesterday.", FRIDAY, "2022-04-06"),
        (", Roe said last night.", FRIDAY, "2022-04-07"),
        (", Roe said today.", FRIDAY, "2022-04-08"),
        # A week back is given to its month: 8 April - 7 days = 1 April; 5 April - 7 days = 29 March.
        (", Roe said last week.", FRIDAY, "2022-04"),
        (", Roe said last week.", "2022-04-05", "2022-03"),
        (", Roe said last month.", FRIDAY, "2022-03"),
        (", Roe said last month.", "2022-01-05", "2021-12"),
        (", Roe said last year.", FRIDAY, "2021"),
        (", Roe said two years ago.", FRIDAY, "2020"),
        (", Roe said three years ago.", FRIDAY, "2019"),
        (", Roe said a month ago.", FRIDAY, "2022-03"),
        (", Roe said 10 days ago.", FRIDAY, "2022-03-29"),
        # A month without a year is the latest such month on or before publication.
        (", Roe said in March.", FRIDAY, "2022-03"),
        (", Roe said in April.", FRIDAY, "2022-04"),
        (", Roe said in March.", "2022-02-10", "2021-03"),
        (", Roe said in May.", FRIDAY, "2021-05"),
        (", Roe said in mid-March.", FRIDAY, "2022-03"),
        # A day without a year likewise.
        (", Roe said on March 3.", FRIDAY, "2022-03-03"),
        (", Roe said on 3 March.", FRIDAY, "2022-03-03"),
        (", Roe said on April 8.", FRIDAY, "2022-04-08"),
        (", Roe said on April 9.", FRIDAY, "2021-04-09"),
        ("On Tuesday, March 1, Roe said", FRIDAY, "2022-03-01"),
    ],
)
def test_relative_dates_resolve_against_publication(context: str, published: str, said: str) -> None:
    assert find_said(context, published) == (said, "relative")


def test_weekday_that_does_not_fit_the_day_is_not_read() -> None:
    # 3 March 2022 was a Thursday, not a Tuesday: a slip, or another year.
    assert find_said("On Tuesday, March 3, Roe said", FRIDAY) == (FRIDAY, "published")


# --- French ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("context", "published", "said", "basis"),
    [
        ("a déclaré le ministre le 14 mars 2024.", "2024-04-01", "2024-03-14", "explicit"),
        ("a déclaré le ministre le mardi 1er mars 2022.", FRIDAY, "2022-03-01", "explicit"),
        ("En 2014, le ministre a déclaré", FRIDAY, "2014", "explicit"),
        ("En février 2014, le ministre a déclaré", FRIDAY, "2014-02", "explicit"),
        ("À l'automne 2010, le ministre a déclaré", FRIDAY, "2010", "explicit"),
        ("Au printemps 2014, le ministre a déclaré", FRIDAY, "2014", "explicit"),
        ("Lors de la campagne présidentielle de 2017, il a dit", FRIDAY, "2017", "explicit"),
        ("a déclaré jeudi dernier le ministre.", FRIDAY, "2022-04-07", "relative"),
        ("a déclaré jeudi dernier le ministre.", THURSDAY, "2022-03-31", "relative"),
        ("a déclaré jeudi le ministre.", FRIDAY, "2022-04-07", "relative"),
        ("a déclaré jeudi le ministre.", THURSDAY, "2022-04-07", "relative"),
        ("a déclaré hier le ministre.", FRIDAY, "2022-04-07", "relative"),
        ("a déclaré avant-hier le ministre.", FRIDAY, "2022-04-06", "relative"),
        ("avait déclaré l'an dernier le ministre.", FRIDAY, "2021", "relative"),
        ("avait déclaré l\u2019an dernier le ministre.", FRIDAY, "2021", "relative"),
        ("avait déclaré l'année dernière le ministre.", FRIDAY, "2021", "relative"),
        ("avait déclaré le mois dernier le ministre.", FRIDAY, "2022-03", "relative"),
        ("avait déclaré il y a trois ans le ministre.", FRIDAY, "2019", "relative"),
        ("a dit le ministre en mars.", FRIDAY, "2022-03", "relative"),
        ("a dit le ministre le 3 mars.", FRIDAY, "2022-03-03", "relative"),
        ("a déclaré mardi 3 mars le ministre.", "2020-03-05", "2020-03-03", "relative"),
    ],
)
def test_french(context: str, published: str, said: str, basis: str) -> None:
    assert find_said(context, published, "fr") == (said, basis)


@pytest.mark.parametrize(
    "context",
    [
        "a dit le ministre, jeudi prochain.",  # to come
        "a dit le ministre, resté en poste jusqu'en 2014.",  # an end
        "a dit le ministre, en poste depuis 2014.",  # a start, not the words
        "a dit le ministre en 2014 personnes.",  # a number
        "a dit le ministre vendredi saint.",  # a named day
        "a déclaré le ministre au Journal du dimanche.",  # a paper
        "a déclaré le ministre à Aujourd'hui en France.",  # a paper
    ],
)
def test_french_non_dates(context: str) -> None:
    assert find_said(context, FRIDAY, "fr") == (FRIDAY, "published")


# --- what is not a date of the words -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "context",
    [
        "2014 people heard Roe say",
        "Roe, who paid $2014, said",
        "Roe said in 2014 people",
        "Roe said in 2014-15",
        "Roe said in 2014 and 2015",
        "Roe told the Sunday Times",
        "Roe told the Mail on Sunday",
        "Roe told USA Today",
        "Roe said of the 2020 election",
        "Roe has said since 2014",
        "Roe has said since February 2014",
        "Roe said until Friday",
        "Roe said after the March 3 vote",
        "Roe said he would return next Friday",
        "Roe told reporters on Good Friday",
        "Roe told BBC Radio 4's Today programme",
        "Roe, who was elected in 2014, said",
        "Roe (elected in 2014) said",
        "Roe may have said",
        "Roe said on 31 April 2021",  # no such day
    ],
)
def test_non_dates_fall_back_to_publication(context: str) -> None:
    assert find_said(context, FRIDAY) == (FRIDAY, "published")


def test_never_after_publication() -> None:
    # Dates after 2022-04-08: a full date, a month, a year.
    assert find_said(", Roe said on 3 May 2022.", FRIDAY) == (FRIDAY, "published")
    assert find_said("In May 2022, Roe said", FRIDAY) == (FRIDAY, "published")
    assert find_said("In 2023, Roe said", FRIDAY) == (FRIDAY, "published")
    # The same month or year as publication is not after it.
    assert find_said("In April 2022, Roe said", FRIDAY) == ("2022-04", "explicit")
    assert find_said("In 2022, Roe said", FRIDAY) == ("2022", "explicit")


def test_a_later_date_gives_way_to_an_earlier_one() -> None:
    # The last date, 3 May 2022, is after publication: the one before it counts.
    assert find_said("In 2019, Roe said on 3 May 2022:", FRIDAY) == ("2019", "explicit")


def test_no_publication_date() -> None:
    assert find_said(", Roe said last Friday.", None) == (None, None)
    assert find_said("Roe said", None) == (None, None)
    assert find_said("In 2014, Roe said", None) == ("2014", "explicit")


def test_no_date_words_gives_publication() -> None:
    assert find_said("Dupont told reporters:", FRIDAY) == (FRIDAY, "published")


# --- several dates: the one nearest the quotation ------------------------------------------------------------


def test_quotation_after_context_takes_the_last_date() -> None:
    # "Before ... in 2018, Dupont told reporters on Monday: <quote>" -> Monday 4 April.
    context = "Before travelling to Moscow in 2018, Dupont told reporters on Monday:"
    assert find_said(context, FRIDAY) == ("2022-04-04", "relative")


def test_quotation_before_context_takes_the_first_date() -> None:
    # "<quote>, said Roe in 2019, recalling a visit in 2014." -> 2019.
    assert find_said(", said Roe in 2019, recalling a visit in 2014.", FRIDAY) == ("2019", "explicit")


def test_side_clause_dates_are_skipped() -> None:
    assert find_said("Roe, who was elected in 2014, said on Tuesday:", FRIDAY) == ("2022-04-05", "relative")


# --- languages and input -------------------------------------------------------------------------------------


def test_language_without_tables_reads_iso_dates_only() -> None:
    assert find_said("sagte Roe am 2022-04-03.", FRIDAY, "de") == ("2022-04-03", "explicit")
    assert find_said("sagte Roe am 3. April 2022.", FRIDAY, "de") == (FRIDAY, "published")


def test_regional_language_code() -> None:
    assert find_said(", Roe said yesterday.", FRIDAY, "en-GB") == ("2022-04-07", "relative")


def test_bad_publication_date_is_an_error() -> None:
    for published in ("8 April 2022", "20220408", "2022-02-30"):
        with pytest.raises(ValueError, match="YYYY-MM-DD"):
            find_said("Roe said", published)


# --- speed -----------------------------------------------------------------------------------------------------


def test_speed_without_dates() -> None:
    contexts = [
        "Dupont told reporters:",
        ", the minister said in a statement to the press, adding that the matter was closed.",
        "According to a spokesman for the Ministry of Foreign Affairs,",
        "a déclaré le porte-parole du gouvernement devant les journalistes.",
    ]
    find_said(contexts[0], FRIDAY)
    find_said(contexts[3], FRIDAY, "fr")  # load the tables first
    start = time.perf_counter()
    for i in range(2000):
        find_said(contexts[i % 4], FRIDAY, "fr" if i % 4 == 3 else "en")
    assert time.perf_counter() - start < 0.5


def test_speed_with_dates() -> None:
    contexts = [
        "Before travelling to Moscow in 2018, Dupont told reporters:",
        ", Mr. Roe said last Friday.",
        "In February 2014 the minister declared that",
        "Roe, who was elected in 2014, said on Tuesday:",
    ]
    find_said(contexts[0], FRIDAY)
    start = time.perf_counter()
    for i in range(2000):
        find_said(contexts[i % 4], FRIDAY)
    assert time.perf_counter() - start < 2.0  # 1 ms a call at most


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # A sentence that opens on its time sets the scene for what follows in the paragraph.
        ("In a March 2016 meeting with the editors, Roe said the plan would fail.  \"", ("2016-03", "explicit")),
        ("In late September, parents sent a letter to the board. They asked for more. \"", ("2021-09", "relative")),
        ("Two years ago, Roe toured the plant. \"", ("2020", "relative")),
        ("En mai 1999, le ministre a visité l'usine. « ", ("1999-05", "explicit")),
        # A dateline is when the report was filed, no scene; a date in the head of the sentence it opens is one.
        ("8 avril 2022. - Le ministre a présenté sa réforme aux syndicats. « ", None),
        ("8 avril 2022, Lyon. - Le ministre a présenté, hier, sa réforme. « ", None),
        ("8 avril 2022. - Une lettre du ministre publiée mardi 5 avril accuse la mairie de Lyon. « ",
         ("2022-04-05", "relative")),
        # A date later in a sentence is that sentence's own.
        ("Roe bought the bridge in 2014, with a loan. \"", None),
        # The narration left the scene.
        ("In July, Roe dismissed Estonia. Meanwhile Ames continues to praise Moscow. \"", None),
        ("The plan failed. \"", None),
    ],
)
def test_scene(paragraph: str, expected: tuple[str, str] | None) -> None:
    language = "fr" if "ministre" in paragraph else "en"
    assert scene(paragraph, FRIDAY, language) == expected


def test_event_date_from_the_time_its_sentence_opens_on() -> None:
    text = "Others disagreed. In late September, a group of parents with children in the schools sent a letter to the board."
    assert event_date(text, "letter", FRIDAY) == ("2021-09", "relative")
    assert event_date("A group of parents with children in the schools sent a letter to the board.", "letter", FRIDAY) is None


def test_a_day_beside_a_dated_event() -> None:
    before = "Roe and Ames met in Monday's debate. The audience was large."
    assert beside_event("Roe complained the morning after the debate, saying", before, FRIDAY) == ("2022-04-05", "relative")
    assert beside_event("in a column the day before the debate, two writers urged", before, FRIDAY) == ("2022-04-03", "relative")
    # An event the text gave no date, or no event beside: nothing.
    assert beside_event("Roe complained the morning after the debate", "Roe and Ames debated.", FRIDAY) is None
    assert beside_event("Roe complained after the debate", before, FRIDAY) is None
    # Never after publication: a day after Friday's debate, in Friday's paper.
    assert beside_event("the day after the debate", "Friday's debate drew crowds.", FRIDAY) is None


@pytest.mark.parametrize(
    ("context", "published", "said"),
    [
        # Monday 5 September 2016 was Labor Day; the paper of Thursday 8 September.
        ("At a Labor Day cookout, Roe said", "2016-09-08", ("2016-09-05", "relative")),
        # Thanksgiving 2016: Thursday 24 November (the fourth Thursday); Memorial Day 2016: Monday 30 May (the last).
        ("Roe said on Thanksgiving", "2016-12-01", ("2016-11-24", "relative")),
        ("At a Memorial Day parade, Roe said", "2016-06-01", ("2016-05-30", "relative")),
        # Election Day: the Tuesday after the first Monday of November (8 November 2016, 6 November 2012).
        ("On Election Day, Roe said", "2016-11-10", ("2016-11-08", "relative")),
        ("On Election Day, Roe said", "2012-11-07", ("2012-11-06", "relative")),
        # Last year's Christmas, in a paper of 5 January.
        ("On Christmas Eve, Roe said", "2022-01-05", ("2021-12-24", "relative")),
        # A holiday long past is no day said ("Christmas" in a paper of May), nor one to come ("by Christmas").
        ("At Christmas, Roe said", "2022-05-01", ("2022-05-01", "published")),
        ("Roe said by Christmas", "2022-12-20", ("2022-12-20", "published")),
        # A weekly broadcast: the Sunday before Monday's paper (Monday 26 September 2016).
        ("Pence said on CNN's \"State of the Union.\"", "2016-09-26", ("2016-09-25", "relative")),
        ("In an interview on CBS's “Face the Nation,” Ryan said", "2016-09-26", ("2016-09-25", "relative")),
        # Only the show, with its capitals, after "on": not the address, not "this week".
        ("Obama said in his State of the Union address", "2016-09-26", ("2016-09-26", "published")),
        ("They agreed on this week that Roe said", "2016-09-26", ("2016-09-26", "published")),
    ],
)
def test_holidays_and_weekly_shows(context: str, published: str, said: tuple[str, str]) -> None:
    assert find_said(context, published) == said


def test_french_holiday() -> None:
    assert find_said("Le soir de Noël, Roe a déclaré", "2016-12-27", "fr") == ("2016-12-25", "relative")


def test_words_written_take_the_date_of_the_document_told_of_last() -> None:
    told = "The mayors sent a letter to Ames on Tuesday. It was short. Roe read it."
    assert written_date("wrote", told, FRIDAY) == ("2022-04-05", "relative")
    # A later mention of a document without a date gives way to the dated one before it.
    assert written_date("wrote", told + " The letter was signed by ten mayors.", FRIDAY) == ("2022-04-05", "relative")
    assert written_date("wrote", "Reporters found a 1995 story from the Times.", FRIDAY) == ("1995", "explicit")
    # Not a written cue, or no dated document: nothing.
    assert written_date("said", told, FRIDAY) is None
    assert written_date("wrote", "The mayors met Ames on Tuesday.", FRIDAY) is None
