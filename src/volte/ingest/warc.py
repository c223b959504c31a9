"""WARC web archives (.warc, .warc.gz): each HTML response with status 200 is an article, read as html.py reads pages."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from volte.errors import IngestError
from volte.ingest.article import IngestFailure, display_path
from volte.ingest.html import extract_html
from volte.model import Article
from volte.settings import current_settings

# Content types of pages: "text/html; charset=utf-8", "application/xhtml+xml".
_HTML_TYPES = ("text/html", "application/xhtml+xml")
# The record types of WARC 1.0 and 1.1.
_RECORD_TYPES = frozenset(
    "warcinfo response resource request metadata revisit conversion continuation".split()
)
# Records are read this many bytes at a time.
_CHUNK = 1 << 16
# Bytes after the last record that are not a loss: the blank lines closing it (none in a gzipped file, where they
# are inside the record's member: a byte after it is the start of the next record, cut).
_SLACK = 4


def _read_page(record: ArcWarcRecord, limit: int) -> bytes | None:
    """The record's page, or None when it is over `limit` bytes (read no further than that: memory stays flat)."""
    stream = record.content_stream()
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = stream.read(min(_CHUNK, limit + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    return None


def _cut_short(record: ArcWarcRecord) -> bool:
    """Read what is left of the record's block; True when the file ends before its Content-Length does."""
    raw = record.raw_stream
    while raw.read(_CHUNK):
        pass
    return getattr(raw, "limit", 0) > 0


def read_warc(path: Path, source: str) -> Iterator[Article | IngestFailure]:
    """The articles of a WARC file, one record at a time; records that are not HTML pages are skipped.

    Each article's source is its record's WARC-Target-URI; a page with no article text yields a failure, and
    so does a page over `max_page_bytes` (`volte.settings`, skipped while it is read, never held whole) and a
    file with no HTML page at all. A file cut short (a truncated download) yields the pages before the cut and a
    failure saying where the cut is and that what followed is lost.
    """
    limit = current_settings().max_page_bytes
    pages = records = 0
    last_uri = source
    with path.open("rb") as stream:
        slack = 0 if stream.read(2) == b"\x1f\x8b" else _SLACK
        stream.seek(0)
        archive = ArchiveIterator(stream)
        try:
            for record in archive:
                records += 1
                uri = display_path(
                    record.rec_headers.get_header("WARC-Target-URI")
                    or f"{source}@{record.rec_headers.get_header('WARC-Record-ID')}"
                )
                last_uri = uri
                if not _whole_headers(record):  # headers cut off part way: "WARC-Type: res"
                    raise _Truncated(records, uri)
                page = _page_of(record)
                html = _read_page(record, limit) if page else None
                if _cut_short(record):
                    raise _Truncated(records, uri)
                if not page:
                    continue
                pages += 1
                if html is None:
                    yield IngestFailure(
                        uri,
                        f"the page is over the limit of {limit / 1_000_000:,.1f} MB ($VOLTE_MAX_PAGE_BYTES): not parsed",
                    )
                    continue
                try:
                    yield extract_html(html, source=uri, url=uri)
                except IngestError as exc:
                    yield IngestFailure(uri, str(exc))
        except _Truncated as cut:
            yield IngestFailure(
                source,
                f"the file is cut short inside record {cut.number} ({cut.uri}): that record and whatever followed"
                f" it are lost; {pages} page{'' if pages == 1 else 's'} before it read",
            )
            return
        # warcio itself trips over headers cut short (`uri.startswith` on a URI that never came): AttributeError.
        except (ArchiveLoadFailed, zlib.error, EOFError, ValueError, AttributeError, TypeError) as exc:
            if records:
                yield IngestFailure(
                    source,
                    f"damaged after record {records} ({last_uri}): the rest of the file is lost; {pages}"
                    f" page{'' if pages == 1 else 's'} before it read ({exc})",
                )
                return
            raise IngestError(f"damaged or not a WARC file ({exc})") from None
        # warcio stops without a word at a record whose headers were cut off (what is left over was lost), and
        # reads a gzip member cut after its content as whole.
        end = archive.get_record_offset() + archive.get_record_length() if records else 0
        left = path.stat().st_size - end
        if left <= slack and records and not _last_member_whole(path, archive.get_record_offset()):
            yield IngestFailure(
                source,
                f"the file is cut short inside record {records} ({last_uri}): its compressed data ends early, so"
                f" whatever followed it is lost; {pages} page{'' if pages == 1 else 's'} read",
            )
            return
        if left > slack and not records:
            raise IngestError("the file is cut short inside its first record: nothing in it could be read")
        if left > slack:
            yield IngestFailure(
                source,
                f"the file is cut short: its last {left:,} bytes, after record {records}, are not a whole record"
                f" and are lost; {pages} page{'' if pages == 1 else 's'} before them read",
            )
            return
    # A file that gave nothing at all is reported: a crawl of images only, or a truncated first record.
    if not pages:
        raise IngestError("no HTML page with status 200 in the WARC file")


def _last_member_whole(path: Path, offset: int) -> bool:
    """True unless the file is gzipped and its last member, from `offset`, ends before its end-of-stream mark.

    warcio reads a record whose gzip member is cut after its last bytes of content as whole, and stops.
    """
    decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    with path.open("rb") as stream:
        if stream.read(2) != b"\x1f\x8b":
            return True
        stream.seek(offset)
        try:
            while not decompressor.eof:
                chunk = stream.read(8192)  # at most ~8 MB when inflated: memory stays flat
                if not chunk:
                    return False
                decompressor.decompress(chunk)
        except zlib.error:
            return False
    return True


def _whole_headers(record: ArcWarcRecord) -> bool:
    """True when the record's headers name a known record type and give its length (ARC records: always)."""
    if (record.format or "").startswith("arc"):
        return True
    length = record.rec_headers.get_header("Content-Length") or ""
    return record.rec_type in _RECORD_TYPES and length.strip().isdigit()


def _page_of(record: ArcWarcRecord) -> bool:
    """True for an HTML response with status 200."""
    if record.rec_type != "response" or record.http_headers is None:
        return False
    if record.http_headers.get_statuscode() != "200":
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return content_type.startswith(_HTML_TYPES)


class _Truncated(Exception):
    def __init__(self, number: int, uri: str) -> None:
        super().__init__(number, uri)
        self.number = number
        self.uri = uri
