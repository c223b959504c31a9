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


# Byte order marks, the four-byte ones first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xef\xbb\xbf", "utf-8"),
)


def sniff_encoding(head: bytes) -> str:
    """The encoding of a text file from its first bytes: a byte order mark, else the place of its NUL bytes.

    Text in UTF-16 or UTF-32 without a mark is mostly Latin letters, so the high bytes of its code units are NUL:
    "H\x00i\x00" is UTF-16 LE, "\x00\x00\x00H" UTF-32 BE. Anything else is taken for UTF-8.
    """
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    sample = head[: len(head) - len(head) % 4][:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return "utf-8"

    def nul_share(offset: int, step: int) -> float:
        column = sample[offset::step]
        return column.count(0) / len(column)

    if all(nul_share(i, 4) > 0.95 for i in (1, 2, 3)) and nul_share(0, 4) < 0.5:
        return "utf-32-le"
    if all(nul_share(i, 4) > 0.95 for i in (0, 1, 2)) and nul_share(3, 4) < 0.5:
        return "utf-32-be"
    if nul_share(1, 2) > 0.6 and nul_share(0, 2) < 0.1:
        return "utf-16-le"
    if nul_share(0, 2) > 0.6 and nul_share(1, 2) < 0.1:
        return "utf-16-be"
    return "utf-8"


def utf8_head(head: bytes) -> bytes:
    """The first bytes of a file as UTF-8: UTF-16 and UTF-32 are transcoded, so they are not taken for binary."""
    encoding = sniff_encoding(head)
    if encoding == "utf-8":
        return head
    return head.decode(encoding, errors="ignore").encode("utf-8")


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
    head = utf8_head(head)
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


def decode_text(data: bytes) -> str:
    """The text of UTF-8, UTF-16 or UTF-32 bytes (see `sniff_encoding`), without a byte order mark.

    Raises IngestError("not UTF-8 text ...") (or UTF-16, UTF-32) when the bytes are not text in that encoding.
    """
    encoding = sniff_encoding(data[:HEAD_BYTES])
    if encoding == "utf-8":
        return decode_utf8(data)
    try:
        return data.decode(encoding).removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        name = encoding.upper().replace("-LE", " LE").replace("-BE", " BE")
        raise IngestError(f"not {name} text (bad code unit at offset {exc.start})") from None


def decode_utf8(data: bytes) -> str:
    """The text of UTF-8 bytes, without a byte order mark; IngestError("not UTF-8 text ...") otherwise."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
