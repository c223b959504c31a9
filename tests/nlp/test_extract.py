"""Statements, speakers, kinds and dates from small articles written for the test, through the real pipeline."""

from __future__ import annotations

import pytest

from volte.ingest import make_article
from volte.model import Statement
from volte.nlp.entities import strip_name
from volte.nlp.extract import extract_statements
from volte.nlp.pipeline import load_pipeline
from volte.resources import cues

pytestmark = pytest.mark.model


def extract(text: str, published: str | None = "2022-04-08") -> list[Statement]:
    return extract_statements(make_article(text, source="test.txt", published=published))


def by_text(statements: list[Statement], words: str) -> Statement:
    hits = [s for s in statements if words in s.text]
    assert hits, f"no statement contains {words!r}: {[s.text for s in statements]}"
    return hits[0]


def speaker(statements: list[Statement], words: str) -> str | None:
    s = by_text(statements, words)
    return s.speaker.name if s.speaker else None


def test_speech_verb_after_and_before_the_quotation() -> None:
    text = (
        "Marguerite Valcourt spoke in Lyon on Monday.\n\n"
        "“We will not leave the alliance,” Valcourt said.\n\n"
        "Tomas Reinholt replied: “The alliance has failed us.”\n\n"
        "“It is time to go,” said Reinholt."
    )
    st = extract(text)
    assert speaker(st, "We will not leave") == "Marguerite Valcourt"
    assert speaker(st, "The alliance has failed us") == "Tomas Reinholt"
    assert speaker(st, "It is time to go") == "Tomas Reinholt"
    assert by_text(st, "We will not leave").kind == "direct"
    assert by_text(st, "We will not leave").cue == "said"


def test_offsets_point_at_the_words_in_the_article() -> None:
    text = "Jean Dupont arrived late.\n\n“The budget is a disgrace,” Dupont said."
    article = make_article(text, source="t.txt")
    statements = extract_statements(article)
    assert statements
    for s in statements:
        assert article.text[s.start : s.end] == s.text


def test_quotation_interrupted_by_its_attribution_is_one_statement() -> None:
    text = "“We will win,” Jean Dupont said. “And we will win soon.”\n\nThe crowd cheered."
    article = make_article(text, source="t.txt")
    [s] = [s for s in extract_statements(article) if s.kind == "direct"]
    assert s.text == "We will win … And we will win soon."
    assert s.speaker is not None and s.speaker.name == "Jean Dupont"
    assert (s.start, s.end) == (1, text.index("”\n"))  # from the first word to the last


def test_pronoun_and_follow_on_quotation_resolve_to_the_named_person() -> None:
    text = (
        "Marguerite Valcourt, the leader of the Civic Renewal Party, visited the port.\n\n"
        "“The harbour needs money,” she said.\n\n"
        "“And it needs it now.”"
    )
    st = extract(text)
    assert speaker(st, "The harbour needs money") == "Marguerite Valcourt"
    assert speaker(st, "And it needs it now") == "Marguerite Valcourt"


def test_apposition_gives_the_name_not_the_description() -> None:
    st = extract("Jean Dupont, the head of the dockers' union, said: “We will strike on Monday.”")
    assert speaker(st, "We will strike") == "Jean Dupont"


def test_according_to_and_newspaper_description() -> None:
    text = (
        "The Northern Ledger published the letter on Tuesday.\n\n"
        "“The minister knew everything,” the newspaper wrote.\n\n"
        "According to Tomas Reinholt, the deal was signed in secret."
    )
    st = extract(text)
    assert speaker(st, "The minister knew everything") == "Northern Ledger"
    reported = by_text(st, "the deal was signed in secret")
    assert reported.kind == "indirect"
    assert reported.speaker is not None and reported.speaker.name == "Tomas Reinholt"


def test_partial_quotation_inside_the_authors_sentence() -> None:
    st = extract("Tomas Reinholt called the treaty “a historic mistake” in a speech to farmers.")
    partial = next(s for s in st if s.text == "a historic mistake")
    assert partial.kind == "partial"
    assert partial.speaker is not None and partial.speaker.name == "Tomas Reinholt"


def test_titles_programmes_and_scare_quotes_are_not_statements() -> None:
    text = (
        "Marguerite Valcourt wrote her memoir “Against the Current” in 2019.\n\n"
        "The so-called “reform” passed. The “Open Borders” programme was closed.\n\n"
        "“We were right,” Valcourt said."
    )
    texts = [s.text for s in extract(text)]
    assert "Against the Current" not in texts
    assert "reform" not in texts
    assert "Open Borders" not in texts
    assert any("We were right" in t for t in texts)


def test_author_claims_about_a_person_are_not_her_statements() -> None:
    st = extract("Valcourt has long been seen as close to Moscow. Her critics call her naive.")
    assert all("close to Moscow" not in s.text for s in st)


def test_quotation_dated_by_the_sentence_that_introduces_it() -> None:
    text = (
        "Marguerite Valcourt now condemns the war.\n\n"
        "In February 2014, Valcourt told the Ledger: “Russia is our friend.”\n\n"
        "“Russia bears total responsibility for this war,” she said last Friday.\n\n"
        "“We must help Ukraine,” Valcourt added."
    )
    st = extract(text, published="2022-04-08")
    assert (by_text(st, "Russia is our friend").said, by_text(st, "Russia is our friend").said_basis) == (
        "2014-02",
        "explicit",
    )
    assert by_text(st, "total responsibility").said == "2022-04-01"  # 8 April 2022 was a Friday
    assert by_text(st, "total responsibility").said_basis == "relative"
    # What she added has no date of its own: it is dated by the day set for her statement before it (issue #12:
    # the follow-on quotations of one occasion), not the publication date.
    assert by_text(st, "We must help Ukraine").said == "2022-04-01"
    assert by_text(st, "We must help Ukraine").said_basis == "relative"


def test_unclosed_quotation_does_not_derail_the_article() -> None:
    text = (
        "“We will never give in, Valcourt said at the rally.\n\n"
        "Tomas Reinholt disagreed. “This is a fantasy,” Reinholt said."
    )
    st = extract(text)
    assert speaker(st, "This is a fantasy") == "Tomas Reinholt"
    assert any("We will never give in" in s.text for s in st)


def test_same_article_gives_the_same_statement_ids() -> None:
    text = "“We will win,” Jean Dupont said."
    assert [s.id for s in extract(text)] == [s.id for s in extract(text)]


def test_a_dateline_is_not_the_speaker() -> None:
    st = extract(
        "HALBRIDGE — Marguerite Valcourt, the leader of the opposition, has urged the government to resist "
        "pressure for sanctions against Russia."
    )
    reported = by_text(st, "resist pressure for sanctions")
    assert reported.speaker is not None and reported.speaker.name == "Marguerite Valcourt"


def test_attribution_by_layout_when_the_verb_is_in_no_cue_list() -> None:
    """A colon or comma lead-in, a bare name and colon, an inverted or trailing verb right after the quotation."""
    text = (
        "Senator Anna Holm, the chair of the finance committee, delivered a blunt message to the minister: "
        "\"It is time to stop blaming your predecessors.\"\n\n"
        "Peter Lund: \"We will table the bill in June.\"\n\n"
        "\"Go back to your seat,\" Lund barked as the session ended.\n\n"
        "''Shame!'' blared the front page of The Morning Ledger.\n\n"
        "\"Is this a serious proposal?\" the opposition leader, Karin Berg, tweeted on Sunday after the vote."
    )
    st = extract(text)
    assert speaker(st, "stop blaming") == "Anna Holm"
    assert speaker(st, "table the bill") == "Peter Lund"
    assert speaker(st, "Go back to your seat") == "Peter Lund"
    assert speaker(st, "Shame") is not None and "Ledger" in (speaker(st, "Shame") or "")
    assert speaker(st, "serious proposal") == "Karin Berg"
    # The lead-in's own words are not a statement of their own.
    assert not [s for s in st if "blunt message" in s.text]


def test_a_quotation_without_any_attribution_stays_unattributed() -> None:
    """The layout rules need a speaker-like subject: `Here is the thing:` names nobody."""
    st = extract("Here is the thing: \"A long quotation that nobody in this article says,\" and more.")
    assert all(s.speaker is None for s in st if "nobody in this article" in s.text)


def test_the_cue_right_after_the_quotation_wins_over_a_later_one() -> None:
    text = (
        "\"I never said that. I never said that,\" Trump said, after CNBC host Becky Quick said the billionaire "
        "had referred to Rubio."
    )
    assert speaker(extract(text), "I never said that") == "Trump"


def test_speakers_the_parser_loses_in_appositions_and_prepositions() -> None:
    text = (
        "And it wasn’t a one-off or an accident — Karl Stenberg, a spokesman for Holm, told the Ledger that the "
        "speaker gave the minister a heads up about his decision.\n\n"
        "Mitch McConnell deflected questions about the nominee before saying, \"It is time to get on message.\"\n\n"
        "\"There will not be a path for him,\" said one of those advisers, who spoke on the condition of anonymity."
    )
    st = extract(text)
    assert speaker(st, "gave the minister") == "Karl Stenberg"
    assert speaker(st, "get on message") == "Mitch McConnell"
    assert speaker(st, "not be a path") == "advisers"


def test_a_signature_on_the_line_after_the_quotation() -> None:
    text = 'Sanders voted for it.\n\n"I will look into it. I do not know the status."\n\n- Hillary Clinton.\n\nMore.'
    assert speaker(extract(text), "look into it") == "Hillary Clinton"


def test_an_apposition_that_is_a_clause_gives_no_role() -> None:
    """`the Justice Department, a former official said` does not make the department `a former official`."""
    text = "The request would be reviewed by the FBI and the Justice Department, a former official said."
    st = extract(text)
    assert speaker(st, "reviewed by the FBI") != "Department"


def test_nominal_reports() -> None:
    text = (
        "Marguerite Valcourt's warning that the alliance would drag the country into war was ignored.\n\n"
        "The senator made the promise that taxes would not rise next year.\n\n"
        "The idea that anyone could win was absurd."
    )
    st = extract(text)
    warning = by_text(st, "drag the country into war")
    assert warning.kind == "indirect" and warning.cue == "warning" and speaker(st, "drag the country") == (
        "Marguerite Valcourt"
    )
    assert by_text(st, "taxes would not rise").cue == "promise"
    assert not [s for s in st if "anyone could win" in s.text]  # an idea is nobody's statement


def test_aspectual_verbs_report_nothing_of_their_own() -> None:
    st = extract("Russia began its own bombing operation in October. The plan would put thousands out of work.")
    assert not [s for s in st if s.cue in ("began", "put")]


def test_attitudes_are_reports_and_a_bare_object_is_their_content() -> None:
    text = (
        "Senator Anna Holm endorsed Peter Lund on Tuesday.\n\n"
        "Karin Berg wants to leave the coalition before the summer.\n\n"
        "Jan Ek said his party would support the application."
    )
    st = extract(text)
    endorsed = by_text(st, "Peter Lund")
    assert endorsed.cue == "endorsed" and speaker(st, "Peter Lund") == "Anna Holm"
    assert speaker(st, "to leave the coalition") == "Karin Berg"
    # Inside Ek's reported words the party's support is part of what Ek said, not a statement of its own.
    assert [s.cue for s in st if "application" in s.text] == ["said"]


def test_a_passive_without_agent_names_no_speaker() -> None:
    st = extract("Berg was told that the vote would be delayed. The plan is expected to pass by a wide margin.")
    assert all(s.speaker is None or s.speaker.name != "Berg" for s in st)


def test_a_name_after_an_inverted_verb_whatever_the_parse() -> None:
    st = extract('"Debate recap," tweeted Rubio spokesman Alex Conant.')
    assert speaker(st, "Debate recap") == "Alex Conant"


def test_a_cue_in_another_cues_infinitive_is_part_of_that_report() -> None:
    st = extract("Anna Holm called on Peter Lund to stop attacking the mayor. Lund declined to say whether he would.")
    assert not [s for s in st if s.cue in ("attacking", "say")]
    assert speaker(st, "stop attacking the mayor") == "Anna Holm"


def test_an_indefinite_role_is_not_the_person_the_article_named() -> None:
    text = (
        "Jessica Lind, a spokeswoman for the party, spoke on Monday.\n\n"
        "A spokeswoman for the mayor says the budget will not change."
    )
    assert speaker(extract(text), "budget will not change") != "Jessica Lind"


def test_said_opening_the_sentence_is_followed_by_its_speaker() -> None:
    st = extract('The code would get more complicated. Said Ellis: "I do not think she cares about tax reform."')
    assert speaker(st, "tax reform") == "Ellis"


def test_a_speech_act_to_come_inside_a_report_is_part_of_it() -> None:
    st = extract("Prime Minister Karin Berg said this week that the country would formally declare its intention to leave.")
    assert [s.cue for s in st] == ["said"] and speaker(st, "formally declare") == "Karin Berg"


def test_an_as_clause_names_who_is_quoted() -> None:
    st = extract('As Karin Berg put it in a statement on Monday, the plan is "a gift to the lobbyists."')
    assert speaker(st, "a gift to the lobbyists") == "Karin Berg"


def test_whose_claim_it_is() -> None:
    text = (
        "The video contradicts the city police’s earlier claim that the driver had refused to stop.\n\n"
        "Karin Berg contradicted the claim that the budget was balanced. Jan Ek made the claim that taxes were too high."
    )
    st = extract(text)
    assert speaker(st, "refused to stop") == "city police"
    assert not [s for s in st if "budget was balanced" in s.text]  # contradicting a claim does not make it hers
    assert speaker(st, "taxes were too high") == "Jan Ek"


def test_a_dash_the_tagger_takes_for_a_noun_is_not_the_speaker() -> None:
    st = extract("His returns were made public ― Trump boasted, “That makes me smart.”")
    assert speaker(st, "makes me smart") == "Trump"


def test_a_quotation_mark_glued_to_the_word_before_it() -> None:
    st = extract("Anna Holm said,“Look, these images have no place in a campaign.”")
    assert speaker(st, "no place in a campaign") == "Anna Holm"


def test_a_copula_lead_in_names_the_owner_of_the_answer() -> None:
    text = (
        "Karin Berg’s response was: “Is the report about Lund or about the budget?”\n\n"
        "The Election Board was conclusive in its findings: “Further discussion on this issue is unnecessary.”"
    )
    st = extract(text)
    assert speaker(st, "Is the report about Lund") == "Karin Berg"
    assert speaker(st, "Further discussion") == "Election Board"


def test_speakers_in_news_formulas_the_parser_splits() -> None:
    text = (
        "In a statement to the Ledger, her senior policy adviser, Jan Ek, said: “Karin Berg believes that the "
        "coalition will hold.”\n\n"
        "One attendee, who like others spoke on the condition of anonymity to discuss the private meeting, said "
        "the message was that \"the path is long.\""
    )
    st = extract(text)
    assert speaker(st, "coalition will hold") == "Jan Ek"
    report = by_text(st, "the message was")
    assert speaker(st, "the message was") == "attendee"
    # The quotation keeps its final period, the report stops before it: still the report's own quotation.
    assert [text[a:b] for a, b in report.quotes] == ["the path is long."]
    assert not [s for s in st if s.cue == "discuss"]  # the anonymity formula's purpose clause reports nothing


def test_a_that_clause_the_parser_calls_adverbial_is_the_content() -> None:
    st = extract("Karin Berg wrote in the early morning hours that the mayor was “a disgrace” to the city.")
    report = by_text(st, "the mayor was")
    assert report.cue == "wrote" and speaker(st, "the mayor was") == "Karin Berg"


def test_people_counted_not_named_are_a_group_speaker() -> None:
    text = (
        "The poll was taken in May.\n\n"
        "Some argue that the plan will fail within a year.\n\n"
        "One in four voters said the party should choose a new leader.\n\n"
        "Most of those surveyed said the tax was too high for families."
    )
    st = extract(text)
    assert speaker(st, "the plan will fail") == "Some"
    assert speaker(st, "choose a new leader") == "One in four voters"
    assert by_text(st, "choose a new leader").speaker.type == "group"  # type: ignore[union-attr]
    # A pronoun that counts is never a person resolved from elsewhere.
    assert speaker(st, "the tax was too high") not in (None, "Karin Berg")


def test_a_report_inside_a_report_is_the_outer_speakers_words() -> None:
    text = (
        "Clinton spokesman Nick Merrill says Alicia Machado promised to continue supporting Clinton and said she "
        "would stand up to the attacks.\n\n"
        "The Ledger reported that Karin Berg had called the budget “a disgrace to the city.”"
    )
    st = extract(text)
    report = by_text(st, "promised to continue supporting Clinton")
    assert report.speaker is not None and report.speaker.name == "Nick Merrill"
    # Machado's promise is Merrill's report of it, not a statement of her own.
    assert not [s for s in st if s.speaker is not None and "Machado" in s.speaker.name]
    # A quotation inside a report stays the words of who said them: two statements, two speakers.
    [quoted] = [s for s in st if s.kind == "partial"]
    assert quoted.text == "a disgrace to the city." and quoted.speaker is not None
    assert quoted.speaker.name == "Karin Berg"
    assert speaker(st, "had called the budget") == "Ledger"


def test_verbs_of_talking_about_comparing_and_reminding_are_cues() -> None:
    text = (
        "Karin Berg talked about the wall she wants to build along the border.\n\n"
        "Jan Ek compared the new tax to the poll tax of the 1980s.\n\n"
        "Lena Holm reminded voters that the party had kept every promise."
    )
    st = extract(text)
    assert speaker(st, "the wall she wants to build") == "Karin Berg"
    assert speaker(st, "the poll tax") == "Jan Ek"
    assert speaker(st, "kept every promise") == "Lena Holm"


def test_of_two_subjects_the_one_next_to_the_verb_speaks() -> None:
    st = extract("The Latest: Trump urges supporters to monitor polling places.\n\nWASHINGTON (AP) — More later.")
    assert speaker(st, "monitor polling places") == "Trump"


def test_a_line_label_names_who_says_i() -> None:
    text = (
        "Rubio: I Still Believe Trump Can’t Be Trusted with the Nuclear Codes\n\n"
        "FALLIN: I think he is trying to campaign as a healer."
    )
    st = extract(text)
    assert speaker(st, "Trusted with the Nuclear Codes") == "Rubio"
    assert speaker(st, "trying to campaign as a healer") == "FALLIN"


def test_a_verb_in_no_list_that_governs_a_quotation_names_its_subject() -> None:
    text = (
        "Amy Schumer praised the plan on Monday.\n\n"
        "Kerry Washington, star of television’s “Scandal,” thanked Obama for “taking these steps to make us ALL "
        "safer.”"
    )
    st = extract(text)
    # Not the speaker before (Schumer), and not the object right after a quotation mark (Obama).
    assert speaker(st, "taking these steps") == "Kerry Washington"


def test_a_name_after_the_quotation_speaks_when_the_parse_loses_the_subject() -> None:
    text = (
        "“Very good reporter, very good reporter this guy,” Trump, the 2016 GOP presidential frontrunner nationally "
        "and current polling leader in South Carolina by a wide margin after winning the New Hampshire primaries, "
        "said when Boyle asked him a question.\n\n"
        "“We’ve had more successful conventions than this one,” Texas delegate Bill Eastland, wearing a cowboy hat "
        "and “Ted Cruz” campaign pins, said matter-of-factly as confetti fluttered down."
    )
    st = extract(text)
    assert speaker(st, "very good reporter this guy") == "Trump"
    assert speaker(st, "more successful conventions") == "Bill Eastland"


def test_a_day_is_not_a_subject_but_a_name_like_a_french_day_is() -> None:
    text = (
        "Elizabeth Warren Saturday said Donald Trump was a “proven failure” in business.\n\n"
        "Rabbi Marvin Hier, the founder of the Simon Wiesenthal Center, has said that while he fears comparing any "
        "event to the Holocaust, “I've never seen anything like ISIS since the Holocaust.”"
    )
    st = extract(text)
    assert speaker(st, "proven failure") == "Elizabeth Warren"
    assert speaker(st, "never seen anything like ISIS") == "Marvin Hier"


def test_a_participle_hung_on_a_thing_takes_the_subject_above() -> None:
    st = extract(
        "Karin Berg argued that a register would keep people from crossing the border unlawfully, saying it’s “all "
        "about management.”"
    )
    assert {s.speaker.name for s in st if s.speaker is not None} == {"Karin Berg"}  # never `register`


def test_a_subject_the_parser_lost_is_the_last_person_opening_a_phrase_before_the_verb() -> None:
    text = (
        "In a panel discussion this weekend in Lund, Marc H. Morial, the chief executive of the Urban League, "
        "forcefully told a young woman that “this is not the first generation to be frustrated.”\n\n"
        "On his way out of the campaign, Mr. Bush - in a line that seemed squarely directed at Mr. Trump's divisive "
        "brand of politics - declared that a president must tend to all corners of the country."
    )
    st = extract(text)
    assert speaker(st, "first generation to be frustrated") == "Marc H. Morial"
    # A name inside another phrase (`at Mr. Trump's brand`) is not the lost subject.
    assert not [s for s in st if s.speaker is not None and s.speaker.name.endswith("Trump")]


def test_a_double_hyphen_dateline_is_not_the_speaker() -> None:
    st = extract(
        "WASHINGTON -- President Obama, dedicating the museum on Saturday, said it would tell an American story, "
        "one of “suffering and delight, one of fear, but also of hope.”"
    )
    assert speaker(st, "suffering and delight") == "Obama"


def test_a_short_capitalised_name_is_a_speaker_not_a_dateline() -> None:
    st = extract(
        "RT and its defenders say the network is no more biased than any other news organization.\n\n"
        "MOSCOW (AP) — The ministry said the talks would resume on Monday."
    )
    assert speaker(st, "no more biased") == "RT and its defenders"  # a list of speakers, see below
    assert speaker(st, "talks would resume") == "ministry"


def test_a_dateline_with_date_and_agency_is_stepped_over() -> None:
    st = extract(
        "PHILADELPHIA, July 29 (UPI) — Fans of the actor have taken to social media to complain about him attending "
        "the convention on Wednesday in Philadelphia."
    )
    assert speaker(st, "attending the convention") == "Fans of actor"


def test_a_dateline_with_an_agency_and_a_title_heading_its_phrase() -> None:
    text = (
        "HALBRIDGE (Norpress) - Foreign Minister Henrik Aalstad on Thursday accused opposition leader Marguerite "
        "Valcourt of \"repeating the Kremlin's talking points\".\n\n"
        "The leader of the Civic Renewal Party called Russia \"our friend\"."
    )
    st = extract(text)
    assert speaker(st, "talking points") == "Henrik Aalstad"
    # A description, not a title before a name: never `of Civic Renewal Party`.
    assert speaker(st, "our friend") == "leader of Civic Renewal Party"


def test_a_naming_participle_inside_a_report_is_part_of_it() -> None:
    st = extract(
        "Tomas Reinholt has demanded that Lindmark pull its two frigates out of the exercise, calling the manoeuvres "
        "\"a provocation dressed up as reassurance\"."
    )
    assert {s.speaker.name for s in st if s.speaker is not None} == {"Tomas Reinholt"}


def test_a_dateline_before_a_role_and_a_name_gives_the_name() -> None:
    st = extract(
        "SUNDVIK - The opposition leader Marguerite Valcourt on Wednesday defended Lindmark's growing reliance on "
        "Russian gas."
    )
    assert speaker(st, "growing reliance") == "Marguerite Valcourt"


def test_a_surname_the_tagger_misreads_is_still_the_name_it_is_elsewhere() -> None:
    # `Skelly` alone reads as an adverb (-ly), `Hannity` at a sentence's start as a common noun.
    text = (
        "Bill Skelly, a longtime data operative, vouched for the team. Sean Hannity, the host, asked the questions.\n\n"
        "“Having access to the file and two people who understand it is valuable,” said Skelly.\n\n"
        "Hannity interjected: “So you are saying there will be some flexibility?”"
    )
    st = extract(text)
    assert speaker(st, "Having access to the file") == "Bill Skelly"
    assert speaker(st, "some flexibility") == "Sean Hannity"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The plan, Ash said, will fail within a year.", "The plan … will fail within a year"),
        ("The border, Ash argued in an interview on Tuesday, is secure.", "The border … is secure"),
    ],
)
def test_an_attribution_set_off_by_commas_reports_the_clause_it_interrupts(text: str, content: str) -> None:
    st = extract("Daniel Ash spoke in Ohio.\n\n" + text)
    s = by_text(st, content)
    assert (s.kind, s.speaker.name if s.speaker else None) == ("indirect", "Daniel Ash")
    assert "said" not in s.text and "argued" not in s.text


def test_a_clause_after_if_is_not_an_aside() -> None:
    st = extract("Daniel Ash spoke in Ohio.\n\nIf Ash said so, the plan will fail within a year.")
    assert not [s for s in st if "will fail" in s.text]


def test_a_quotation_opening_a_paragraph_is_the_one_the_paragraph_before_announced() -> None:
    text = (
        "“I believe she is bitter,” Howard said recently.\n\n"
        "Critics of the senator agree with him.\n\n"
        "Howard continued his scathing remarks.\n\n"
        "“Eight years ago she was the presumed nominee, and a fellow came along and beat her.”"
    )
    assert speaker(extract(text), "Eight years ago") == "Howard"


def test_a_participle_on_an_issued_statement_is_the_issuers() -> None:
    text = "On Saturday, Donald Trump issued a statement saying that the judge was “a remarkable person and a brilliant justice.”"
    assert speaker(extract(text), "a remarkable person") == "Donald Trump"


def test_an_upper_case_name_inside_a_sentence_is_not_a_dateline() -> None:
    text = "All those reviews came back clear, and the F.B.I. has said it had no incriminating information about them."
    assert speaker(extract(text), "no incriminating information") == "F.B.I."


def test_a_second_verb_of_a_relative_clause_is_the_named_persons() -> None:
    text = "Sanders, who endorsed Canova in May and said he would probably campaign with him, did not show up."
    assert speaker(extract(text), "would probably campaign") == "Sanders"


def test_a_participle_before_an_inverted_speakers_name_is_part_of_the_phrase() -> None:
    text = "“I am not going to say it is a mistake, so forget about it,” said retired neurosurgeon Ben Carson, asked about his claims."
    assert speaker(extract(text), "forget about it") == "Ben Carson"


def test_a_text_with_a_paragraph_on_each_line_breaks_paragraphs_at_single_line_breaks() -> None:
    text = (
        "Jeb Bush criticized Marco Rubio for opposing legal abortion in cases of rape.\n"
        '"I\'m pro-life, but I believe there should be exceptions," Bush said. "And so that belief makes me, I think, '
        'poised to be in the right place."\n'
        "Rubio said he does support making an exception if the life of the mother is in danger.\n"
        "Christie spoke next."
    )
    assert speaker(extract(text), "And so that belief") == "Jeb Bush"


def test_hard_wrapped_text_keeps_its_speaker_and_a_name_broken_across_lines_is_one_name() -> None:
    text = (
        "Tomas Reinholt, the leader of the opposition, spoke to the press\n"
        "on Monday in Lyon. Nobody expected the government to answer\n"
        "him so soon, but it did.\n\n"
        "“We will not leave the alliance,” the foreign minister\n"
        "Marguerite Valcourt told reporters gathered outside the ministry on\n"
        "a cold morning after the vote."
    )
    assert speaker(extract(text), "We will not leave") == "Marguerite Valcourt"


def test_a_name_broken_across_lines_keeps_its_space() -> None:
    doc = load_pipeline("en")("The minister Marguerite\nValcourt spoke.")
    assert strip_name(doc[2:5], cues("en"))[0] == "Marguerite Valcourt"


@pytest.mark.parametrize(
    ("text", "words", "who"),
    [
        ("John Bolton and Sebastian Gorka said that the party has failed.", "party has failed", "John Bolton and Sebastian Gorka"),
        (
            "The Council failed as the United States, Britain and France supported some opposition groups.",
            "some opposition groups",
            "United States, Britain and France",
        ),
        (
            "Hillary Clinton spoke on Monday. She and her aides have vowed to win back the public trust.",
            "win back the public trust",
            "Hillary Clinton and her aides",
        ),
    ],
)
def test_a_list_of_speakers_is_the_speaker(text: str, words: str, who: str) -> None:
    s = by_text(extract(text), words)
    assert s.speaker is not None and (s.speaker.name, s.speaker.type) == (who, "group")


def test_a_noun_joined_inside_an_apposition_is_no_second_speaker() -> None:
    text = "“Very good reporter,” Trump, the GOP frontrunner nationally and current polling leader in Ohio, said."
    assert speaker(extract(text), "Very good reporter") == "Trump"


def test_a_verb_hung_on_an_adverb_takes_the_subject_of_the_verb_above() -> None:
    text = "The Slate technology columnist David Auerbach went so far as to say: “Twitter as we know it is over.”"
    assert speaker(extract(text), "Twitter as we know it") == "David Auerbach"


def test_a_relative_clause_before_a_subjectless_verb_describes_its_speaker() -> None:
    text = (
        "Although there is no such overlap with Sanders's team, a White House official who spoke anonymously to discuss "
        'internal strategy said Wednesday, "Certainly there are discussions between the White House and the Sanders '
        'campaign."'
    )
    assert speaker(extract(text), "Certainly there are discussions") == "White House official"


def test_a_quotation_after_a_sentence_whose_main_verb_is_a_speech_verb_is_that_speakers() -> None:
    text = (
        "“We won the state,” said Craig Robinson, an editor in Des Moines.\n\n"
        "Iowa State University's Dianne Bystrom agreed. "
        "“Mainstream Republicans are running out of time to find an alternative to Trump.”"
    )
    assert speaker(extract(text), "running out of time") == "Dianne Bystrom"


def test_a_colon_lead_in_climbs_from_a_clause_with_no_speaker_to_the_one_above() -> None:
    text = (
        "Investigators have said the probe is a security review.\n\n"
        'Clinton has since apologized for what happened: "Yes, I should have used two email addresses, one for '
        'personal matters and one for my work at the State Department."'
    )
    assert speaker(extract(text), "two email addresses") == "Clinton"


def test_a_person_named_right_before_a_participle_speaks_not_the_thing_the_parse_makes_its_subject() -> None:
    text = "A new ad from the campaign is out. The ad uses footage of Jane Doe asking, “Why aren’t we fifty points ahead, you might ask?”"
    assert speaker(extract(text), "fifty points ahead") == "Jane Doe"


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("As of Wednesday, Clinton had 2,205 delegates, according to a tally by the Associated Press.", "Associated Press"),
        ("Most voters want change, according to a survey of voters in Ohio.", "survey of voters"),
    ],
)
def test_according_to_a_document_by_someone_is_theirs_not_those_it_is_about(text: str, who: str) -> None:
    s = extract(text)[0]
    assert (s.cue, s.speaker.name if s.speaker else None) == ("according to", who)


def test_a_plural_group_noun_not_in_the_list_can_speak() -> None:
    # `leader` is listed, `leaders` is not: the English pipeline runs without a lemmatizer.
    text = "The vote ended late. Party leaders shot back, “This result will not stand.”"
    assert speaker(extract(text), "will not stand") == "Party leaders"


def test_a_headline_a_dash_and_a_name_before_a_colon_name_the_speaker() -> None:
    text = (
        "Gallup finds states shifting.\n\n"
        "RED STATES OUTNUMBER BLUE STATES FOR THE FIRST TIME - Jeffrey M. Jones: “Gallup’s analysis of party "
        "affiliation at the state level in 2015 finds that 20 states are solidly Republican.”"
    )
    assert speaker(extract(text), "20 states are solidly Republican") == "Jeffrey M. Jones"


def test_an_aside_speaker_is_the_one_a_quotation_in_the_next_paragraph_continues() -> None:
    text = (
        "“Major changes now are dangerous,” Ryder wrote.\n\n"
        "If anything, Ash argued in his email, the incident is an illustration of why the convention should adopt "
        "new rules of order.\n\n"
        "“In light of this serious breach, is it prudent for the committee to continue to give such power?”"
    )
    assert speaker(extract(text), "In light of this serious breach") == "Ash"


def test_a_name_with_a_party_label_or_a_title_phrase_before_a_glued_colon_and_quotation_speaks() -> None:
    text = (
        "Clinton claims 90 percent of her e-mails were in the system.\n\n"
        'Rep. Trey Gowdy (R-S.C.):"I have not heard anyone other than you ever cite that figure."\n\n'
        'Former secretary of state Hillary Rodham Clinton:"We learned that from the State Department."'
    )
    st = extract(text)
    assert speaker(st, "ever cite that figure") == "Trey Gowdy"
    assert speaker(st, "We learned that") == "Hillary Rodham Clinton"


def test_a_straight_quotation_mark_glued_after_a_colon_is_a_token_of_its_own() -> None:
    doc = load_pipeline("en")('She said:"Yes, we will."')
    assert [t.text for t in doc[:5]] == ["She", "said", ":", '"', "Yes"]


def test_that_said_links_sentences_and_reports_nothing() -> None:
    text = (
        "Asian Americans are a bit less upbeat, at 26%.\n\n"
        "That said, Millennials say they believe success will require a lifetime of effort on their parts."
    )
    st = extract(text)
    assert [(s.cue, s.speaker.name if s.speaker else None) for s in st] == [("say", "Millennials")]


@pytest.mark.parametrize(
    "text",
    [
        "All this has led the Latvian journalist Dainis Ivans to fear a new pact between the two leaders.",
        "The defeat prompted Dainis Ivans to warn that a new pact between the two leaders was near.",
    ],
)
def test_the_object_of_a_verb_of_leading_or_prompting_does_what_the_infinitive_says(text: str) -> None:
    assert speaker(extract(text), "new pact") == "Dainis Ivans"


def test_a_relative_clause_on_a_comment_someone_made_is_theirs() -> None:
    text = "The 1994 law prompted Hillary Clinton to make a controversial comment that described young men as dangerous."
    assert speaker(extract(text), "young men as dangerous") == "Hillary Clinton"


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("February 6, 2016 9:52PMBush says", "Bush"),
        ('2016">.@BernieSanders promises', "@BernieSanders"),
        ("3M says", "3M"),
        ("Last week Stumpf appeared", "Stumpf"),  # the tagger runs the date over the name
    ],
)
def test_a_time_stamp_or_markup_glued_before_a_name_is_not_part_of_it(raw: str, name: str) -> None:
    doc = load_pipeline("en")(raw)
    assert strip_name(doc[: len(doc) - 1], cues("en"))[0] == name


def test_the_verb_a_colon_closes_introduces_the_quotation_not_a_cue_further_back() -> None:
    text = (
        "When Trump suggested that Cuba would sue the U.S. for reneging on the deal, Rubio fired back forcefully: "
        "“If they sue us in a court in Miami, they’re going to lose.”"
    )
    assert speaker(extract(text), "going to lose") == "Rubio"


def test_a_verb_inside_what_the_cue_reports_does_not_take_the_quotation_from_it() -> None:
    text = (
        "Other users enjoyed the show. Another said he hoped with his whole heart that Trump wins the election: "
        "“That way I can watch the comedy for several years.”"
    )
    assert speaker(extract(text), "watch the comedy") != "Trump"


def test_a_day_the_text_sets_for_a_speaker_dates_the_rest_of_that_speakers_passage() -> None:
    text = (
        "Dedicating the new harbour museum on Saturday, Marguerite Valcourt spoke of the town's past.\n\n"
        "“This building tells the story of everyone who worked on these docks,” Valcourt said.\n\n"
        "Valcourt added that the museum would stay free for children.\n\n"
        "Tomas Reinholt said the museum had cost too much."
    )
    st = extract(text, published="2022-04-12")  # a Tuesday: the Saturday before is 2022-04-09
    first = by_text(st, "This building tells the story")
    assert (first.said, first.said_basis) == ("2022-04-09", "relative")
    later = by_text(st, "stay free for children")
    assert (later.said, later.said_basis) == ("2022-04-09", "relative")
    # Another speaker's statement is not in Valcourt's passage; the lead dates the event it answers, that day.
    other = by_text(st, "cost too much")
    assert (other.said, other.said_basis, dict(other.rules)["said"]) == ("2022-04-09", "relative", "lead_event")


def test_an_article_whose_lead_gives_no_day_leaves_undated_statements_at_the_publication_date() -> None:
    text = (
        "The harbour museum opened to the public after years of delay, drawing crowds from across the region.\n\n"
        "Tomas Reinholt said the museum had cost too much.\n\n"
        "Marguerite Valcourt said on Saturday that it would stay free for children."
    )
    st = extract(text, published="2022-04-12")
    other = by_text(st, "cost too much")
    assert (other.said, other.said_basis) == ("2022-04-12", "published")


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("FBI Director James Comey said the inquiry was closed.", "James Comey", "FBI Director"),
        ("Rep. Stephen Lynch (D-Mass.) said the law was clear.", "Stephen Lynch", "Rep., D-Mass."),
        ("Marguerite Valcourt, the leader of the opposition, said the plan would fail.", "Marguerite Valcourt",
         "the leader of the opposition"),
        ("Crooked Hillary Clinton said the plan would fail.", "Hillary Clinton", None),  # an epithet is no role
    ],
)
def test_the_role_a_name_is_stripped_of_is_the_statements_speaker_role(text: str, name: str, role: str | None) -> None:
    [statement] = extract(text)
    assert statement.speaker is not None and statement.speaker.name == name
    assert statement.speaker_role == role


def test_a_clause_joined_after_according_to_is_the_authors_again() -> None:
    text = (
        "Plant-based diets are becoming increasingly popular, according to Forbes, but with that can come some "
        "nutrition issues."
    )
    s = extract(text)[0]
    assert (s.cue, s.speaker.name if s.speaker else None) == ("according to", "Forbes")
    assert s.text == "Plant-based diets are becoming increasingly popular"


def test_a_new_document_is_not_the_medium_named_before() -> None:
    # A photo credit names a medium; `A new research paper … suggests` introduces a document of its own.
    text = (
        "Courtesy of Forests News\n\n"
        "A new research paper published in the journal suggests that rights recognition is crucial for forests."
    )
    assert speaker(extract(text), "rights recognition") == "new research paper"


def test_an_empty_it_framing_the_authors_remark_is_no_statement_but_an_it_that_stands_for_a_speaker_is() -> None:
    text = (
        "Healthline ran the piece in May. It is worth noting that too much vitamin C could lead to kidney stones.\n\n"
        "The White House said the revelations show the need for reform. But it is steering clear of criticizing "
        "Trump for taking advantage of legal tax deductions."
    )
    st = extract(text)
    assert not [s for s in st if "kidney stones" in s.text]
    assert speaker(st, "taking advantage") == "White House"


def test_a_few_quoted_words_in_a_cues_as_clause_stay_the_speakers() -> None:
    # filters.ungoverned_fragment drops a few quoted words outside their cue's clause, but not an `as` clause's.
    statements = extract("The neoliberal embrace of individualism and opposition to “the collective society,” as "
                         "Margaret Thatcher put it, also had consequences.")
    assert by_text(statements, "collective society").speaker.name == "Margaret Thatcher"


def test_titles_before_a_person_s_full_name_are_neither_the_name_nor_another_speaker() -> None:
    # (newsday.co.tt and thenassauguardian.com, 2022: the tagger made the ministry and the name one organisation;
    # the parse made the two titles a list of subjects)
    st = extract(
        "Brian Manning spoke first in the Senate on Tuesday. Before the vote, Minister in the Ministry of Finance "
        "Brian Manning said, \"The issue is a simple one.\"\n\n"
        "There is no end in sight for rising prices, President and Chief Financial Officer of Super Value Debra "
        "Symonette said yesterday, adding that the chain is doing its best."
    )
    assert speaker(st, "The issue is a simple one.") == "Brian Manning"
    assert speaker(st, "no end in sight") == "Debra Symonette"


def test_a_description_by_office_is_the_one_person_titled_so_whose_labels_fit() -> None:
    # speakers.titled_named_before: `the New York senator` is the senator labelled `N.Y.`; of two senators, `the
    # senator` is neither.
    text = (
        "Sen. Maria Lindqvist (R-S.C.) and Sen. Tomas Reinholt (D-N.Y.) met on Monday. Later the New York senator "
        "said the bill would fail in committee.\n\nThe senator said the vote would be close."
    )
    st = extract(text)
    assert speaker(st, "fail in committee") == "Tomas Reinholt"
    assert speaker(st, "vote would be close") not in ("Maria Lindqvist", "Tomas Reinholt")


def test_a_denied_cue_is_recorded_with_its_negation() -> None:
    # `He doesn't plan to go back` recorded under the cue `plan` would say the opposite of the text.
    [(cue, text)] = [
        (s.cue, s.text) for s in extract_statements(make_article(
            "Dan Roe has just returned home after a week in halls. He doesn't plan to go back.", source="a.txt"))
    ]
    assert (cue, text) == ("doesn't plan", "to go back")
    [said] = extract_statements(make_article("Roe did not say that the plan would fail.", source="b.txt"))
    assert said.cue == "did not say"
    [plain] = extract_statements(make_article("Roe said that the plan would fail.", source="c.txt"))
    assert plain.cue == "said"


def test_a_habit_of_speech_the_author_ascribes_is_a_characterization() -> None:
    [habit] = extract_statements(make_article(
        "Technocrats like to say that entire sectors of public policy are very complicated.", source="a.txt"))
    assert (habit.speaker.name if habit.speaker else None, habit.voice) == ("Technocrats", "characterized")
    [said] = extract_statements(make_article("Technocrats said that the sector is very complicated.", source="b.txt"))
    assert said.voice == "reported"


def test_he_after_a_person_brought_in_as_subject_is_that_person_not_the_last_speaker() -> None:
    text = ('Levi Pay, a student, said halls were full. "It is a need," he says.\n\nFraser Amos, a final-year student '
            "at Warwick University, is helping to rally support for a rent strike in the halls, a movement that is "
            'growing across the country.\n\n"Universities are putting rents above student lives," he says.')
    statements = extract_statements(make_article(text, source="a.txt"))
    assert by_text(statements, "rents above").speaker.name == "Fraser Amos"
    assert by_text(statements, "It is a need").speaker.name == "Levi Pay"


def test_a_persons_surname_the_tagger_took_for_a_gerund_is_the_name() -> None:
    # `Manning reminded senators`: `Manning` tagged VBG; the article names Brian Manning.
    text = ('Brian Manning spoke on Tuesday. "What we would like to do is target some of the less productive sectors '
            'of our economy." Manning reminded senators that the ministry has added a tax on luxury food items.')
    statements = extract_statements(make_article(text, source="a.txt"))
    assert by_text(statements, "less productive sectors").speaker.name == "Brian Manning"


def test_a_lower_case_organisation_the_tagger_finds_is_still_the_description_s_name() -> None:
    # (miamitodaynews.com: `The department, however, said` is the `transportation department` named before; a word
    # in lower case is no name only when it is no noun, French `jusqu’`)
    st = extract_statements(make_article(
        "The trust said the transportation department had kept it in the dark about operating plans for the South "
        "Dade corridor.\n\nThe trust in July was to discuss answers to 28 questions it sent to the transportation "
        "department in June. The department, however, said it couldn’t answer anything until September.",
        source="en.md", published="2023-03-16"))
    hits = [s for s in st if "answer anything" in s.text]
    assert hits and hits[0].speaker is not None and hits[0].speaker.name == "transportation department"
