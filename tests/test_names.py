"""People's names as structured values (volte/names.py)."""

from __future__ import annotations

import pytest

from volte.names import parse_person_name, person_key, repair_case


@pytest.mark.parametrize(
    ("text", "given", "surname", "suffix", "plain"),
    [
        ("Donald J. Trump", ("Donald", "J."), "Trump", "", "Donald Trump"),
        ("David A. Clarke Jr.", ("David", "A."), "Clarke", "Jr.", "David Clarke Jr."),
        ("Jean-Claude Juncker", ("Jean-Claude",), "Juncker", "", "Jean-Claude Juncker"),
        ("Charles de Gaulle", ("Charles",), "de Gaulle", "", "Charles de Gaulle"),
        ("Marine Le Pen", ("Marine",), "Le Pen", "", "Marine Le Pen"),
        ("G. K. Butterfield", ("G.", "K."), "Butterfield", "", "G. K. Butterfield"),
        ("HIllary Rodham Clinton", ("Hillary", "Rodham"), "Clinton", "", "Hillary Clinton"),
    ],
)
def test_parts_of_a_name(text: str, given: tuple[str, ...], surname: str, suffix: str, plain: str) -> None:
    name = parse_person_name(text)
    assert name is not None
    assert (name.given, name.surname, name.suffix, name.plain) == (given, surname, suffix, plain)


@pytest.mark.parametrize("text", ["Trump", "impeach Trump", "Hamptons (Abedin", "2016 Trump", "Tom 'x' Nides"])
def test_what_is_no_full_name(text: str) -> None:
    assert parse_person_name(text) is None


def test_the_forms_of_one_name_share_a_key_and_different_given_names_never_do() -> None:
    assert person_key("Donald J. Trump") == person_key("Donald Trump") == person_key("Donald John Trump")
    assert person_key("G.K. Butterfield") == person_key("G. K. Butterfield")
    assert person_key("Mike Pence") == person_key("Michael Pence")  # resources/names.yaml
    assert person_key("Bill Clinton") != person_key("Hillary Clinton")
    assert person_key("Donald Trump Jr.") != person_key("Donald Trump")
    assert person_key("Amadou Maïga") != person_key("Soumeylou Boubèye Maïga")


def test_casing_repaired_only_where_it_is_a_typo() -> None:
    assert [repair_case(w) for w in ("HIllary", "McCain", "DeSantis", "NATO", "Trump")] == [
        "Hillary", "McCain", "DeSantis", "NATO", "Trump"]


@pytest.mark.model
def test_the_name_book_keeps_names_whole_and_leaves_roles_out() -> None:
    from volte.nlp.entities import build_namebook
    from volte.nlp.pipeline import load_pipeline
    from volte.resources import cues

    nlp = load_pipeline("en")
    cases = {
        "Republican Donald Trump said he would win. Donald J. Trump added more. Trump laughed.": "Donald Trump",
        "Massachusetts Sen. Elizabeth Warren said the bank failed. Warren added more.": "Elizabeth Warren",
        "Senate Minority Leader Harry Reid (D-Nev.) said it. Reid added more.": "Harry Reid",
        "Jean-Claude Juncker said the plan failed. Juncker added more.": "Jean-Claude Juncker",
        "HIllary Clinton said no. Clinton laughed.": "Hillary Clinton",
    }
    for text, name in cases.items():
        book = build_namebook(nlp(text), cues("en"))
        surname = name.split()[-1].lower()
        assert book.fullest[surname] == name, text
        assert book.types[name] == "person", text
        assert not {"D", "Nev.", "Jean", "Claude Juncker"} & set(book.types), text


@pytest.mark.model
def test_a_surname_given_a_title_before_the_full_name_is_not_that_person() -> None:
    from volte.nlp.entities import build_namebook
    from volte.nlp.pipeline import load_pipeline
    from volte.resources import cues

    text = ("Obama Sees Insult\nPresident Obama is rolling out a plan. Obama said it. Michelle Obama said so too.\n"
            "Obama laughed.")
    book = build_namebook(load_pipeline("en")(text), cues("en"))
    assert "obama" not in book.fullest and book.fullest["michelle obama"] == "Michelle Obama"


@pytest.mark.model
def test_honours_after_a_name_and_a_description_before_it_are_not_the_name() -> None:
    from volte.nlp.entities import build_namebook
    from volte.nlp.pipeline import load_pipeline
    from volte.resources import cues

    book = build_namebook(load_pipeline("en")(
        "His Honour Judge Neil Ford QC sentenced Hartley to three years. Judge Ford said it was no accident."
    ), cues("en"))
    assert book.fullest["ford"] == "Neil Ford" and "Neil Ford QC" not in book.types
    book = build_namebook(load_pipeline("fr")(
        "Photos à l'appui, le tabloïd Blesk révèle ce vendredi que le ministre a dîné dehors."
    ), cues("fr"))
    assert "Blesk" in book.types and not any(k.startswith("tabloïd") for k in book.types)


@pytest.mark.model
def test_a_role_run_into_a_name_before_an_honorific_and_an_organisation_named_like_a_person() -> None:
    from volte.nlp.entities import build_namebook
    from volte.nlp.pipeline import load_pipeline
    from volte.resources import cues

    book = build_namebook(load_pipeline("en")(
        "Leader of Government Business Dr Amery Browne said the motion failed. The Citizens’ Independent "
        "Transportation Trust complained about the plans."
    ), cues("en"))
    assert "Amery Browne" in book.types and not any(k.startswith("Leader") for k in book.types)
    assert book.types.get("Citizens’ Independent Transportation Trust") == "organization"
    assert book.canonical("Trust") == ("Trust", False)  # (not a longer name shown to be a person's by speaking)


def test_places_from_the_iso_lists_are_places() -> None:
    from volte.countries import is_country, is_place

    assert is_place("Île-de-France") and is_place("Texas") and is_place("Antigua") and is_place("Tobago")
    assert not is_country("Texas") and is_country("Antigua and Barbuda")
    assert not is_place("Jan Mayen") and not is_place("Donald Trump") and not is_place("Mayen")


@pytest.mark.model
def test_places_the_tagger_calls_persons_and_a_person_run_into_an_organisation() -> None:
    from volte.nlp.entities import build_namebook
    from volte.nlp.pipeline import load_pipeline
    from volte.resources import cues

    book = build_namebook(load_pipeline("en")(
        "Locals from nearby Antigua had written off the island. Nelson said it was fine. Before the vote, Minister "
        "in the Ministry of Finance Brian Manning said the issue was simple. Manning said it would hold."
    ), cues("en"))
    assert book.types["Antigua"] == "country" and book.types["Nelson"] == "person"  # (`Nelson`: not after `in`)
    assert book.fullest["manning"] == "Brian Manning" and book.types["Brian Manning"] == "person"
    assert not any("Ministry of Finance Brian" in k for k in book.types)
    book = build_namebook(load_pipeline("fr")(
        "Distinguons ici deux choses, a dit le ministre. Rappelons que Simons a parlé."
    ), cues("fr"))
    assert "Distinguons" not in book.types and "Rappelons" not in book.types and book.types["Simons"] == "person"
    # (English: an abstract noun opening a sentence, which the tagger may take for a name in an article)
    from volte.nlp.entities import _opening_word

    doc = load_pipeline("en")("Immigration, his signature issue, never came up. Reinholt said so.")
    assert _opening_word(doc[0:1], cues("en")) and not _opening_word(doc[10:11], cues("en"))


@pytest.mark.model
def test_the_full_names_an_article_gives_are_those_the_tagger_calls_persons() -> None:
    from volte.nlp.entities import build_namebook, full_names
    from volte.nlp.pipeline import load_pipeline
    from volte.resources import cues

    book = build_namebook(load_pipeline("en")(
        "The commission chose NBC's Lester Holt, ABC's Martha Raddatz and Fox News' Chris Wallace. Black Voter "
        "Turnout fell. Holt said he was honoured."
    ), cues("en"))
    names = [e.name for e in full_names(book)]
    assert "Chris Wallace" in names and "Black Voter Turnout" not in names
