"""JSON Lines: one article per line, `text` required; `title`, `author`, `date`, `url`, `language`, `id` optional."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from volte.errors import IngestError
from volte.ingest.article import IngestFailure, make_article
from volte.ingest.content import sniff_encoding
from volte.model import Article
from volte.settings import current_settings


def parse_line(line: str, *, path: str, number: int) -> Article:
    """The article on line `number` of a JSON Lines file; IngestError("line 3: ...") when it has none.

    Its source is "path#id" when the line has an `id`, else "path:number".
    """
    try:
        record = json.loads(line)
    except ValueError as exc:
        raise IngestError(f"line {number}: invalid JSON ({getattr(exc, 'msg', exc)})") from None
    if not isinstance(record, dict):
        raise IngestError(f"line {number}: not a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise IngestError(f"line {number}: no 'text' field")
    line_id = record.get("id")
    has_id = line_id is not None and not isinstance(line_id, bool) and str(line_id).strip() != ""
    source = f"{path}#{str(line_id).strip()}" if has_id else f"{path}:{number}"
    published = record.get("date", record.get("published"))
    if not isinstance(published, str | int | float):
        published = None
    return make_article(
        text,
        source=source,
        title=record.get("title") if isinstance(record.get("title"), str) else None,
        author=record.get("author") if isinstance(record.get("author"), str) else None,
        published=published,
        url=record.get("url") if isinstance(record.get("url"), str) else None,
        language=record.get("language") if isinstance(record.get("language"), str) else None,
    )


def read_jsonl(path: Path, source: str) -> Iterator[Article | IngestFailure]:
    """The articles of a .jsonl file, one line at a time; a bad line yields a failure and the next goes on. UTF-8,
    or UTF-16 / UTF-32 with or without a byte order mark (read as text in that encoding)."""
    seen_any = False
    # A line may hold an article of `max_article_chars`, escaped (`\u00e9` is six bytes a character), and no more.
    limit = 6 * current_settings().max_article_chars + 4096
    with path.open("rb") as stream:
        encoding = sniff_encoding(stream.read(4096))
        stream.seek(0)
        lines = _utf8_lines(stream, limit, source) if encoding == "utf-8" else _wide_lines(stream, encoding, limit, source)
        for number, line in lines:
            if isinstance(line, str) and not line.strip():
                continue
            seen_any = True
            if isinstance(line, IngestFailure):
                yield line
                continue
            try:
                yield parse_line(line, path=source, number=number)
            except IngestError as exc:
                yield IngestFailure(f"{source}:{number}", str(exc))
    if not seen_any:
        raise IngestError("empty file")


def _utf8_lines(stream: BinaryIO, limit: int, source: str) -> Iterator[tuple[int, str | IngestFailure]]:
    for number, raw in enumerate(iter(lambda: stream.readline(limit), b""), start=1):
        if len(raw) == limit and not raw.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass  # the rest of the line, read past and dropped
            reason = f"line {number}: longer than {limit:,} bytes ($VOLTE_MAX_ARTICLE_CHARS): not read"
            yield number, IngestFailure(f"{source}:{number}", reason)
            continue
        try:
            yield number, raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            yield number, IngestFailure(f"{source}:{number}", f"line {number}: not UTF-8 text")


def _wide_lines(stream: BinaryIO, encoding: str, limit: int, source: str) -> Iterator[tuple[int, str | IngestFailure]]:
    """Lines of a UTF-16 or UTF-32 file, decoded as they are read (a byte order mark dropped)."""
    text = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="")
    for number, line in enumerate(iter(lambda: text.readline(limit), ""), start=1):
        if len(line) == limit and not line.endswith("\n"):
            while (rest := text.readline(1 << 20)) and not rest.endswith("\n"):
                pass
            reason = f"line {number}: longer than {limit:,} characters ($VOLTE_MAX_ARTICLE_CHARS): not read"
            yield number, IngestFailure(f"{source}:{number}", reason)
            continue
        yield number, line.lstrip("\ufeff") if number == 1 else line
