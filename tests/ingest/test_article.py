from __future__ import annotations

from datetime import date

import pytest

from volte.errors import IngestError
from volte.ingest import detect_language, make_article
from volte.ingest.article import normalise_date, normalise_text
from volte.model import stable_id


def test_id_comes_from_normalised_text_only() -> None:
    a = make_article("The mayor said no.", source="a.txt", title="One")
    b = make_article("The mayor said no.", source="elsewhere/b.md", title="Another", published="2020-01-01")
    assert a.id == b.id == stable_id("a", "The mayor said no.")


def test_changed_text_changes_id() -> None:
    a = make_article("The mayor said no.", source="a.txt")
    b = make_article("The mayor said yes.", source="a.txt")
    assert a.id != b.id


def test_crlf_and_lf_give_same_text_and_id() -> None:
    lf = make_article("Line one.\n\nLine two.\n", source="a.txt")
    crlf = make_article("Line one.\r\n\r\nLine two.\r\n", source="a.txt")
    cr = make_article("Line one.\r\rLine two.\r", source="a.txt")
    assert lf.text == crlf.text == cr.text == "Line one.\n\nLine two."
    assert lf.id == crlf.id == cr.id


def test_normalise_text_rules() -> None:
    # trailing spaces go, 3+ newlines become 2, outer whitespace goes
    assert normalise_text("  \n A b.  \t\nC d.\n\n\n\nE f.\n\n  ") == "A b.\nC d.\n\nE f."
    # NFC: "e" + combining acute becomes one "é"
    assert normalise_text("cafe\u0301") == "caf\u00e9"
    # byte order mark at the start is dropped
    assert normalise_text("\ufeffHello") == "Hello"


def test_french_typography_and_quotes_kept() -> None:
    text = "« C'est\u00a0un budget », a-t-elle dit. \u201cFine\u201d, he said, 'ok' and \"so\"."
    assert make_article(text, source="x").text == text


def test_empty_text_is_an_error() -> None:
    with pytest.raises(IngestError, match="no body text"):
        make_article(" \n\t\n ", source="x")


@pytest.mark.parametrize(
    "value, expected",
    [
        ("3 April 2022", "2022-04-03"),
        ("April 3, 2022", "2022-04-03"),
        ("2022-04-03", "2022-04-03"),
        ("2022-04-03T23:30:00-05:00", "2022-04-03"),  # the date as written, not moved to UTC
        ("2022-04-03 09:15", "2022-04-03"),
        ("3 avril 2022", "2022-04-03"),
        ("03/04/2022", "2022-03-04"),  # month first outside French
        (date(2021, 11, 5), "2021-11-05"),
        (1648944000, "2022-04-03"),  # 2022-04-03T00:00:00Z
        ("April 2022", None),  # no day: not a publication date
        ("yesterday", None),
        ("not a date", None),
        ("2022-13-45", None),
        ("", None),
        (None, None),
    ],
)
def test_normalise_date(value: str | date | int | None, expected: str | None) -> None:
    assert normalise_date(value) == expected


def test_numeric_date_is_day_first_in_french() -> None:
    assert normalise_date("03/04/2022", language="fr") == "2022-04-03"
    assert make_article("Le maire a dit non.", source="x", published="03/04/2022").published == "2022-04-03"


def test_unparseable_published_becomes_none() -> None:
    article = make_article("The mayor said no.", source="x", published="sometime soon")
    assert article.published is None


def test_metadata_fields_cleaned() -> None:
    article = make_article(
        "Body.", source="x", title="  A   title\n", author="", url=" https://e.org/a ", language="FR-fr"
    )
    assert (article.title, article.author, article.url, article.language) == (
        "A title",
        None,
        "https://e.org/a",
        "fr",
    )


def test_detect_language() -> None:
    fr = "Le conseil municipal a adopté mardi le budget de la ville, a déclaré la maire dans un communiqué."
    en = "The council approved the city budget on Tuesday, the mayor said in a statement."
    assert detect_language(fr) == "fr"
    assert detect_language(en) == "en"
    assert detect_language("") == "en"
    assert make_article(fr, source="x").language == "fr"
    assert make_article(fr, source="x", language="en").language == "en"  # a given language wins
