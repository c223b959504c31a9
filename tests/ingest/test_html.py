from __future__ import annotations

from pathlib import Path

import pytest

from volte.errors import IngestError
from volte.ingest import IngestFailure, iter_articles
from volte.ingest.html import extract_html
from volte.model import Article


def test_html_page(data: Path) -> None:
    (article,) = iter_articles([data / "page.html"])
    assert isinstance(article, Article)
    assert article.source == str(data / "page.html")
    assert article.title == "Rail strike called off"
    assert article.author == "Sam Park"
    assert article.published == "2023-02-14"
    assert article.url == "https://example.org/news/rail-strike"
    assert article.language == "en"
    assert article.text == (
        "The union representing train drivers called off Thursday's strike after a late-night agreement "
        "with the operator.\n\n"
        '"Our members have won a fair deal," said union secretary Lena Brandt, who announced the agreement '
        "at dawn.\n\n"
        "The operator said trains would run to the normal timetable from Thursday morning."
    )
    # navigation and footer are not body text
    assert "Home" not in article.text and "Copyright" not in article.text


def test_html_without_body_is_a_failure(data: Path) -> None:
    (item,) = iter_articles([data / "empty_body.html"])
    assert item == IngestFailure(str(data / "empty_body.html"), "no article text found in the HTML")


def test_extract_html_raises_on_no_body() -> None:
    with pytest.raises(IngestError, match="no article text"):
        extract_html("<html><body><nav><a href='/'>Home</a></nav></body></html>", source="x")


def test_html_bytes_in_declared_charset() -> None:
    html = (
        '<html><head><meta charset="windows-1252"><title>Caf\xe9 closes</title></head><body><article>'
        "<p>The caf\xe9 on the quay closed its doors on Sunday after thirty years, its owner said.</p>"
        "<p>Regulars gathered outside to say goodbye to the staff.</p></article></body></html>"
    ).encode("cp1252")
    article = extract_html(html, source="x.html")
    assert "The café on the quay closed" in article.text


def test_html_sniffed_without_suffix(tmp_path: Path, data: Path) -> None:
    path = tmp_path / "rail-strike"
    path.write_bytes((data / "page.html").read_bytes())
    (article,) = iter_articles([path])
    assert isinstance(article, Article)
    assert article.title == "Rail strike called off"


_BODY = (
    "The harbour council voted on Tuesday to close the old pier to boats for the whole of next summer. "
    "Its chair, Jean Dupont, said the repairs could not wait another year and would cost the town far less now. "
    "Fishermen who moor there said they would move to the north quay until the work is done in the autumn."
)


def test_captions_credits_and_related_links_are_not_body_text() -> None:
    page = (
        "<html><head><title>Pier to close</title></head><body><article><h1>Pier to close</h1>"
        f"<p>{_BODY}</p>"
        '<figure><img src="pier.jpg"><figcaption>Staff at the pier on Monday. Photo: Anna Berg</figcaption></figure>'
        '<p class="image-credit">Photograph: Harbour Press</p>'
        "<p>Video: The mayor says the pier will reopen in style (Harbour TV)</p>"
        f"<p>{_BODY.replace('Tuesday', 'Wednesday')}</p>"
        '<ul><li><a href="/a">Mayor tells critics to wait for the vote</a></li>'
        '<li><a href="/b">Storm damage closes the north quay</a></li></ul>'
        "</article></body></html>"
    )
    text = extract_html(page, source="pier.html").text
    assert "voted on Tuesday" in text and "voted on Wednesday" in text
    for furniture in ("Staff at the pier", "Harbour Press", "Video:", "will reopen in style", "Mayor tells critics",
                      "Storm damage"):
        assert furniture not in text, furniture


def test_a_list_of_points_in_the_body_stays() -> None:
    page = (
        "<html><body><article>"
        f"<p>{_BODY}</p><ul><li>The pier closes in May for all boats.</li>"
        '<li>Moorings move to the <a href="/q">north quay</a> until the autumn.</li></ul>'
        "</article></body></html>"
    )
    text = extract_html(page, source="pier.html").text
    assert "The pier closes in May" in text and "Moorings move to the north quay" in text
