from __future__ import annotations

from pathlib import Path

import pytest

from volte.ingest import IngestFailure, iter_articles
from volte.ingest.article import date_in_name
from volte.ingest.text import parse_text
from volte.model import Article


def only_article(path: Path) -> Article:
    items = list(iter_articles([path]))
    assert len(items) == 1
    assert isinstance(items[0], Article), items[0]
    return items[0]


def test_markdown_title_byline_and_date(data: Path) -> None:
    article = only_article(data / "harbour.md")
    assert article.source == str(data / "harbour.md")
    assert article.title == "Harbour plan divides council"
    assert article.author == "Jane Roe"
    assert article.published == "2022-04-03"
    assert article.language == "en"
    assert article.text.startswith("The harbour redevelopment plan split")
    assert article.text.endswith("*We have waited ten years*, he told reporters.")  # emphasis kept
    assert "By Jane Roe" not in article.text


def test_front_matter(data: Path) -> None:
    article = only_article(data / "lighthouse.md")
    assert article.title == "Lighthouse keeper retires after forty years"
    assert article.author == "Ann Lee, Tom Ward"
    assert article.published == "2021-11-05"
    assert article.url == "https://example.org/news/lighthouse"
    assert article.language == "en"
    # the front matter gives the title, so the heading below it is body text
    assert article.text.startswith("# A heading inside the body\n\nPieter Vos switched off")
    assert "---" not in article.text


def test_plain_text_title_line_stays_in_body(data: Path) -> None:
    path = data / "polnear_like.txt"
    article = only_article(path)
    assert article.title is None and article.author is None and article.published is None
    assert article.text == path.read_text(encoding="utf-8").strip()
    assert article.text.startswith("Senator Vale says bridge vote will go ahead.\n\nThe vote")
    assert Path(article.source).stem == "polnear_like"


def test_french_text_detected(data: Path) -> None:
    article = only_article(data / "conseil.txt")
    assert article.language == "fr"
    assert "« C'est un budget de responsabilité »" in article.text


BODY = "The mayor said the bridge would reopen in May."


@pytest.mark.parametrize(
    "header, title, author, published",
    [
        ("# Bridge to reopen\n\n", "Bridge to reopen", None, None),
        ("# Bridge to reopen\n**Jane Roe**\n\n", "Bridge to reopen", "Jane Roe", None),
        ("# Bridge to reopen\n\n*By Jane Roe*\n\n", "Bridge to reopen", "Jane Roe", None),
        (
            "# Bridge to reopen\nBy Jane Roe and John Doe\n\n",
            "Bridge to reopen",
            "Jane Roe and John Doe",
            None,
        ),
        ("# Bridge to reopen\nBy Jane Roe\n3 April 2022\n\n", "Bridge to reopen", "Jane Roe", "2022-04-03"),
        ("# Bridge to reopen\nBy Jane Roe\nApril 3, 2022\n\n", "Bridge to reopen", "Jane Roe", "2022-04-03"),
        ("# Bridge to reopen\n2022-04-03\n\n", "Bridge to reopen", None, "2022-04-03"),
        ("# Bridge to reopen\nPublished 3 April 2022\n\n", "Bridge to reopen", None, "2022-04-03"),
        ("# Bridge to reopen\nBy Jane Roe | April 3, 2022\n\n", "Bridge to reopen", "Jane Roe", "2022-04-03"),
        (
            "# Bridge to reopen\nBy Jane Roe, April 3, 2022, 9:15 a.m. EDT\n\n",
            "Bridge to reopen",
            "Jane Roe",
            "2022-04-03",
        ),
        (
            "# Bridge to reopen\n_Published: Monday, April 4, 2022_\n\n",
            "Bridge to reopen",
            None,
            "2022-04-04",
        ),
        ("Bridge to reopen\n================\n\nBy Jane Roe\n\n", "Bridge to reopen", "Jane Roe", None),
        ("By Jane Roe\n\n", None, "Jane Roe", None),  # a byline with no title
        ("# Bridge to reopen\nBy Jane Roe | The Gull\n\n", "Bridge to reopen", "Jane Roe", None),
        ("# Bridge to reopen\nBy Łukasz Nowak\n\n", "Bridge to reopen", "Łukasz Nowak", None),
        # Names alone before a date line: a byline without `By`.
        ("# Bridge to reopen\n\nJane Roe, John Doe\n\nApril 3, 2022\n\n", "Bridge to reopen", "Jane Roe, John Doe",
         "2022-04-03"),
        ("Jane Roe and John Doe\nUpdated April 3, 2022, 9:15 a.m.\n\n", None, "Jane Roe and John Doe", "2022-04-03"),
        (
            "# Le pont rouvre\nPar Jean de la Fontaine\nPublié le 1er avril 2022\n\n",
            "Le pont rouvre",
            "Jean de la Fontaine",
            "2022-04-01",
        ),
    ],
)
def test_header_variants(header: str, title: str | None, author: str | None, published: str | None) -> None:
    article = parse_text(header + BODY + "\n", source="x.md")
    assert (article.title, article.author, article.published) == (title, author, published)
    assert article.text == BODY


@pytest.mark.parametrize(
    "first_line",
    [
        "**Update**",  # bold, but one word: not a name
        "By the numbers: how the vote went",  # "By" opening a sentence
        "The council met on April 3, 2022 to vote.",  # a date inside a sentence
        "By Jane Roe | April 31, 2022",  # no such day: the line is not a header
        "Jane Roe, John Doe",  # names alone with no date line after them
    ],
)
def test_lines_that_are_not_headers_stay(first_line: str) -> None:
    text = f"# Bridge to reopen\n{first_line}\n\n{BODY}"
    article = parse_text(text, source="x.md")
    assert article.author is None and article.published is None
    assert article.text == f"{first_line}\n\n{BODY}"


def test_second_byline_is_body() -> None:
    article = parse_text(f"# T\nBy Jane Roe\nBy John Doe\n\n{BODY}", source="x.md")
    assert article.author == "Jane Roe"
    assert article.text == f"By John Doe\n\n{BODY}"


def test_header_date_read_in_article_language() -> None:
    text = "# Le pont rouvre\nPar Jean Dupont | 03/04/2022\n\nLe maire a déclaré que le pont de la ville sera rouvert en mai."
    article = parse_text(text, source="x.md")
    assert (article.author, article.published, article.language) == ("Jean Dupont", "2022-04-03", "fr")


def test_front_matter_not_yaml_mapping_is_body() -> None:
    text = f"---\nJust a rule around a line\n---\n{BODY}"
    article = parse_text(text, source="x.md")
    assert article.text == text


def test_invalid_front_matter_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_text('---\ntitle: "unclosed\nauthor: [a\n---\nBody text here.\n', encoding="utf-8")
    (item,) = iter_articles([path])
    assert isinstance(item, IngestFailure)
    assert item.source == str(path)
    assert item.reason.startswith("front matter is not valid YAML")


def test_header_only_file_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "title_only.md"
    path.write_text("# Just a title\nBy Jane Roe\n", encoding="utf-8")
    (item,) = iter_articles([path])
    assert item == IngestFailure(str(path), "no body text")


@pytest.mark.parametrize(
    ("name", "day"),
    [
        ("nyt_2016-09-08_new-emails-raise-queries.txt", "2016-09-08"),
        ("2016_09_08 story.md", "2016-09-08"),
        ("story-20160908-1.html", "2016-09-08"),
        ("2016-13-45-not-a-date.txt", None),  # no such month
        ("id-120160908.txt", None),  # part of a longer number
        ("notes.txt", None),
    ],
)
def test_date_in_a_file_name(name: str, day: str | None) -> None:
    assert date_in_name(name) == day


def test_the_publication_date_and_where_it_came_from(tmp_path: Path) -> None:
    body = "Jean Dupont said the harbour would reopen in May, after the repairs.\n"
    files = {
        "politico_2016-09-12_harbour.txt": body,  # nothing in the text: the file name dates it
        "2016-09-12-header.md": "# Harbour\n\nBy Jane Roe\n\n14 September 2016\n\n" + body,
        "2016-09-12-front.md": "---\ntitle: Harbour\ndate: 2016-09-15\n---\n" + body,
        "undated.txt": body + "Nobody dated this one.\n",
        "page-20160916.html": f"<html><body><article><p>{body * 3}</p></article></body></html>",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    got = {Path(a.source).name: (a.published, a.published_from) for a in iter_articles([tmp_path]) if isinstance(a, Article)}
    assert got == {
        "politico_2016-09-12_harbour.txt": ("2016-09-12", "filename"),
        "2016-09-12-header.md": ("2016-09-14", "header"),
        "2016-09-12-front.md": ("2016-09-15", "metadata"),
        "undated.txt": (None, None),
        "page-20160916.html": ("2016-09-16", "filename"),
    }


@pytest.mark.parametrize(
    ("text", "title", "author", "published"),
    [
        # A plain title line, then a byline and an "Updated" date line.
        ("Minister quits\n\nBy Jane Roe and John Doe\nUpdated March 3, 2022, 10:15 a.m. ET\n\n", "Minister quits",
         "Jane Roe and John Doe", "2022-03-03"),
        # A plain title line, then names alone before a date line.
        ("Minister quits\n\nJane Roe, John Doe\nApril 3, 2022\n\n", "Minister quits", "Jane Roe, John Doe", "2022-04-03"),
    ],
)
def test_a_plain_title_line_over_header_lines(text: str, title: str, author: str, published: str) -> None:
    article = parse_text(text + BODY + "\n", source="x.txt")
    assert (article.title, article.author, article.published, article.published_from) == (
        title, author, published, "header"
    )
    assert article.text == BODY


def test_a_plain_first_line_of_body_text_stays() -> None:
    article = parse_text(f"Minister quits\n\n{BODY}\n", source="x.txt")
    assert article.title is None and article.text.startswith("Minister quits")


def test_a_dateline_with_a_full_date_dates_the_article() -> None:
    text = "Minister quits\n\nLONDON, April 3, 2022 (Reuters) - The minister said on Tuesday she would go.\n"
    article = parse_text(text, source="x.txt")
    assert (article.published, article.published_from) == ("2022-04-03", "dateline")
    assert article.text.startswith("Minister quits")  # the dateline stays in the body, as attribution reads it
    # Without a year the dateline dates nothing (the file name or nothing does).
    assert parse_text("PARIS, 3 avril (AFP) - Le ministre a déclaré mardi qu'il partait.\n", source="x.txt").published is None
