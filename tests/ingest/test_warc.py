from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from volte.ingest import IngestFailure, iter_articles
from volte.model import Article

PAGE = (
    "<html><head><title>Dune path closed</title></head><body><article><h1>Dune path closed</h1>"
    "<p>The coastal path through the dunes will stay closed until June, the park authority said on Friday.</p>"
    "<p>\u201cThe storms moved a lot of sand,\u201d ranger Ines Kohl said.</p></article></body></html>"
)


def write_warc(path: Path, *, gzip: bool) -> None:
    """One HTML page, one image, one 404 page, one request record and one page with no article text."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)

        def response(uri: str, status: str, content_type: str, body: bytes) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri, "response", payload=BytesIO(body), http_headers=headers, length=len(body)
            )
            writer.write_record(record)

        response("https://example.org/dunes", "200 OK", "text/html; charset=utf-8", PAGE.encode("utf-8"))
        response("https://example.org/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00")
        response("https://example.org/missing", "404 Not Found", "text/html", PAGE.encode("utf-8"))
        request = writer.create_warc_record(
            "https://example.org/dunes", "request", payload=BytesIO(b"GET / HTTP/1.1\r\n\r\n")
        )
        writer.write_record(request)
        response(
            "https://example.org/menu", "200 OK", "text/html", b"<html><body><nav>Home</nav></body></html>"
        )


@pytest.mark.parametrize("name, gzip", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_warc_html_responses_only(tmp_path: Path, name: str, gzip: bool) -> None:
    path = tmp_path / name
    write_warc(path, gzip=gzip)
    items = list(iter_articles([path]))
    assert len(items) == 2
    article, failure = items
    assert isinstance(article, Article)
    assert article.source == "https://example.org/dunes"
    assert article.url == "https://example.org/dunes"
    assert article.title == "Dune path closed"
    assert article.text == (
        "The coastal path through the dunes will stay closed until June, the park authority said on Friday.\n\n"
        "\u201cThe storms moved a lot of sand,\u201d ranger Ines Kohl said."
    )
    assert failure == IngestFailure("https://example.org/menu", "no article text found in the HTML")


def test_warc_sniffed_by_content(tmp_path: Path) -> None:
    path = tmp_path / "crawl-no-suffix"
    write_warc(path, gzip=True)
    items = list(iter_articles([path]))
    assert [type(i) for i in items] == [Article, IngestFailure]


def test_not_a_warc_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_text("This is not an archive at all.\n", encoding="utf-8")
    (item,) = iter_articles([path])
    assert isinstance(item, IngestFailure)
    assert item.source == str(path)
    assert item.reason == "not a WARC file (it does not start with 'WARC/')"


def test_warc_without_html_pages_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "images.warc.gz"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        body = b"\x89PNG\r\n\x1a\n\x00\x00"
        record = writer.create_warc_record(
            "https://example.org/logo.png",
            "response",
            payload=BytesIO(body),
            http_headers=headers,
            length=len(body),
        )
        writer.write_record(record)
    assert list(iter_articles([path])) == [
        IngestFailure(str(path), "no HTML page with status 200 in the WARC file")
    ]


@pytest.mark.parametrize("gzip", [False, True])
def test_a_warc_cut_anywhere_keeps_the_pages_before_the_cut_and_says_what_is_lost(tmp_path: Path, gzip: bool) -> None:
    full = tmp_path / "full.warc"
    ends = []  # a cut right where a record ends leaves a whole, shorter archive: nothing to tell
    with full.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        for i in range(3):
            body = PAGE.replace("Dune path", f"Dune path {i}").encode("utf-8")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    f"https://example.org/{i}", "response", payload=BytesIO(body), http_headers=headers, length=len(body)
                )
            )
            ends.append(stream.tell())
    data = full.read_bytes()
    cut = tmp_path / "cut.warc"
    for at in range(1, len(data), 23):
        if any(end - 4 <= at <= end for end in ends):
            continue
        cut.write_bytes(data[:at])
        items = list(iter_articles([cut]))
        pages = [i.source for i in items if isinstance(i, Article)]
        failures = [i for i in items if isinstance(i, IngestFailure)]
        assert pages == [f"https://example.org/{i}" for i in range(len(pages))], at
        if len(pages) < 3:
            assert len(failures) == 1, (at, failures)
            # Cut before a first page could be read, the file may not even look like a WARC: it says so.
            said = ("cut short", "damaged") if pages else ("cut short", "damaged", "not a WARC", "no HTML page")
            assert any(words in failures[0].reason for words in said), (at, failures)
