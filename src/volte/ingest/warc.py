"""WARC web archives (.warc, .warc.gz): each HTML response with status 200 is an article, read as html.py reads pages."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from volte.errors import IngestError
from volte.ingest.article import IngestFailure
from volte.ingest.html import extract_html
from volte.model import Article

# Content types of pages: "text/html; charset=utf-8", "application/xhtml+xml".
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: Path, source: str) -> Iterator[Article | IngestFailure]:
    """The articles of a WARC file, one record at a time; records that are not HTML pages are skipped.

    Each article's source is its record's WARC-Target-URI; a page with no article text yields a failure, and
    so does a file with no HTML page at all.
    """
    pages = 0
    with path.open("rb") as stream:
        try:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                if record.http_headers.get_statuscode() != "200":
                    continue
                content_type = (record.http_headers.get_header("Content-Type") or "").lower()
                if not content_type.startswith(_HTML_TYPES):
                    continue
                uri = (
                    record.rec_headers.get_header("WARC-Target-URI")
                    or f"{source}@{record.rec_headers.get_header('WARC-Record-ID')}"
                )
                html = record.content_stream().read()
                pages += 1
                try:
                    yield extract_html(html, source=uri, url=uri)
                except IngestError as exc:
                    yield IngestFailure(uri, str(exc))
        except (ArchiveLoadFailed, zlib.error, EOFError, ValueError) as exc:
            raise IngestError(f"damaged or not a WARC file ({exc})") from None
    # A file that gave nothing at all is reported: a crawl of images only, or a truncated first record.
    if not pages:
        raise IngestError("no HTML page with status 200 in the WARC file")
