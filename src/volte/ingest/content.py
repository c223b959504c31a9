"""Raw bytes of an input file: which format it holds, whether it is text at all, and its decoded text."""

from __future__ import annotations

import json
import re
import zlib
from pathlib import Path
from typing import Literal

from volte.errors import IngestError, UnsupportedFormat

Format = Literal["text", "html", "jsonl", "warc"]

# How much of a file is looked at to decide what it holds.
HEAD_BYTES = 8192

# Suffixes volte reads, longest first so ".warc.gz" wins over ".gz".
_SUFFIXES: tuple[tuple[str, Format], ...] = (
    (".warc.gz", "warc"),
    (".warc", "warc"),
    (".jsonl", "jsonl"),
    (".ndjson", "jsonl"),
    (".html", "html"),
    (".htm", "html"),
    (".xhtml", "html"),
    (".markdown", "text"),
    (".md", "text"),
    (".txt", "text"),
)
# A real file suffix is short and starts with a letter: "x.pdf" has one, "Report 3.04.2022" and "notes" do not.
_REAL_SUFFIX = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,7}")
_GZIP_MAGIC = b"\x1f\x8b"
# An HTML document opens with a doctype or an <html> tag, perhaps after a comment: "<!DOCTYPE html>".
_HTML_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)


def is_binary(head: bytes) -> bool:
    """NUL bytes do not occur in text files: "%PDF-1.7\\n...\\x00..." is binary."""
    return b"\x00" in head


def _gunzip_head(head: bytes) -> bytes:
    """The first decompressed bytes of a gzip stream, or b"" when they cannot be read."""
    try:
        return zlib.decompressobj(wbits=16 + zlib.MAX_WBITS).decompress(head, 64)
    except zlib.error:
        return b""


def _suffix_format(name: str) -> Format | None:
    lower = name.lower()
    for suffix, fmt in _SUFFIXES:
        if lower.endswith(suffix):
            return fmt
    return None


def _sniff(head: bytes) -> Format | None:
    """The format the content announces, if it announces one."""
    body = head.removeprefix(b"\xef\xbb\xbf")
    if body.startswith(_GZIP_MAGIC):
        return "warc" if _gunzip_head(body).startswith(b"WARC/") else None
    if body.lstrip().startswith(b"WARC/1."):
        return "warc"
    if _HTML_START.match(body):
        return "html"
    # A file whose first line is a JSON object is JSON Lines: '{"text": "..."}'.
    first_line = body.lstrip().split(b"\n", 1)[0]
    if first_line.startswith(b"{"):
        try:
            if isinstance(json.loads(first_line), dict):
                return "jsonl"
        except ValueError:
            pass
    return None


def detect_format(path: Path, head: bytes) -> Format:
    """The format of a file from its suffix, else from its first bytes.

    Raises IngestError for an empty or binary file and UnsupportedFormat for a suffix volte has no reader for.
    """
    if not head.strip():
        raise IngestError("empty file")
    fmt = _suffix_format(path.name)
    if fmt == "warc":
        # warcio would read some text files as old ARC records: "This is not an archive." is one.
        if _sniff(head) != "warc":
            raise IngestError("not a WARC file (it does not start with 'WARC/')")
        return fmt
    if fmt is None:
        fmt = _sniff(head)
        if fmt == "warc":
            return fmt
    if fmt is None:
        suffix = path.suffix
        if _REAL_SUFFIX.fullmatch(suffix):
            raise UnsupportedFormat(f"unknown format {suffix.lower()}")
        if head.startswith(_GZIP_MAGIC):
            raise UnsupportedFormat("unknown format (gzip file that is not a WARC)")
        fmt = "text"  # no suffix and no sign of anything else: read it as plain text
    if is_binary(head):
        raise IngestError("binary file")
    return fmt


def decode_utf8(data: bytes) -> str:
    """The text of UTF-8 bytes, without a byte order mark; IngestError("not UTF-8 text ...") otherwise."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
