"""Files and folders to articles: walk the paths, pick a reader per file, turn each unreadable file into a failure."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from volte.errors import IngestError, LimitExceeded
from volte.ingest.article import IngestFailure, display_path
from volte.ingest.content import HEAD_BYTES, Format, detect_format
from volte.ingest.html import read_html
from volte.ingest.jsonl import read_jsonl
from volte.ingest.text import read_text
from volte.ingest.warc import read_warc
from volte.model import Article
from volte.settings import current_settings

Reader = Callable[[Path, str], Iterator[Article | IngestFailure]]

_READERS: dict[Format, Reader] = {
    "text": read_text,
    "html": read_html,
    "jsonl": read_jsonl,
    "warc": read_warc,
}

# What a file that is not a regular file is, by its mode: a named pipe would block the read forever.
_SPECIAL_FILES: tuple[tuple[Callable[[int], bool], str], ...] = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _check_file(path: Path) -> int:
    """The size of a regular file; IngestError for a named pipe, a device or a socket (never opened)."""
    mode = path.stat().st_mode
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _SPECIAL_FILES if test(mode)), "not a regular file")
        raise IngestError(f"{kind}, not a file: not read")
    return path.stat().st_size


def _check_size(fmt: Format, size: int) -> None:
    """LimitExceeded for a page or text file too big to be one article (`volte.settings`), before it is read."""
    settings = current_settings()
    if fmt == "html" and size > settings.max_page_bytes:
        raise LimitExceeded(
            f"the page is {_megabytes(size)}, over the limit of {_megabytes(settings.max_page_bytes)}"
            " ($VOLTE_MAX_PAGE_BYTES): not parsed"
        )
    # Four bytes a character at most (UTF-32); the text's own length is checked once it is read.
    if fmt == "text" and size > 4 * settings.max_article_chars + HEAD_BYTES:
        raise LimitExceeded(
            f"the file is {_megabytes(size)}, more than an article of {settings.max_article_chars:,} characters"
            " can be ($VOLTE_MAX_ARTICLE_CHARS): not read"
        )


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:,.1f} MB"


def _walk(folder: Path, seen: set[tuple[int, int]]) -> Iterator[Path | IngestFailure]:
    """Files under a folder, sorted by name at each level, hidden files and folders left out."""
    try:
        stat = folder.stat()
    except OSError:
        return
    key = (stat.st_dev, stat.st_ino)
    if key in seen:  # a symlink back up the tree: "corpus/loop -> corpus"
        return
    seen.add(key)
    try:
        with os.scandir(folder) as scan:
            entries = sorted((e for e in scan if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as exc:
        yield IngestFailure(display_path(folder), f"cannot read folder: {exc.strerror or exc}")
        return
    for entry in entries:
        path = folder / entry.name
        try:
            is_dir = entry.is_dir()
        except OSError as exc:  # a symlink to itself, or two that point at each other: ELOOP
            yield IngestFailure(display_path(path), f"cannot read: {exc.strerror or exc}")
            continue
        if is_dir:
            yield from _walk(path, seen)
        else:
            yield path


def read_file(path: Path, source: str | None = None) -> Iterator[Article | IngestFailure]:
    """The articles in one file; a file that cannot be read yields one IngestFailure saying why.

    Named pipes, devices and sockets are never opened; a file too big for the limits is not read.
    """
    source = display_path(path if source is None else source)
    try:
        size = _check_file(path)
        with path.open("rb") as stream:
            head = stream.read(HEAD_BYTES)
        fmt = detect_format(path, head)
        _check_size(fmt, size)
        yield from _READERS[fmt](path, source)
    except IngestError as exc:
        yield IngestFailure(source, str(exc))
    except OSError as exc:
        yield IngestFailure(source, f"cannot read: {exc.strerror or exc}")
    except Exception as exc:  # a reader's bug must cost this file only, never the run: said, and the run goes on
        yield IngestFailure(source, f"could not be read ({type(exc).__name__}: {exc})")


def iter_articles(paths: Iterable[str | Path]) -> Iterator[Article | IngestFailure]:
    """Every article in the given files and folders, in order, one at a time.

    Folders are read recursively in sorted order, skipping hidden files and folders. The format of each file
    comes from its suffix (.txt .md .markdown .html .htm .jsonl .warc .warc.gz) or, failing that, its content.
    A file, line or record that cannot be read yields an IngestFailure and the iteration goes on. Each
    article's source is the path as given, joined with the file's place under a folder ("data/x.txt"), or a
    line ("data/x.jsonl:3") or URL (WARC) within it.
    """
    for given in paths:
        path = Path(given)
        try:
            path.stat()
        except OSError as exc:
            if path.is_symlink() or exc.errno != 2:
                yield IngestFailure(display_path(given), f"cannot read: {exc.strerror or exc}")
                continue
        if path.is_dir():
            for file in _walk(path, set()):
                if isinstance(file, IngestFailure):
                    yield file
                else:
                    yield from read_file(file)
        elif path.exists():
            yield from read_file(path, str(given))
        else:
            yield IngestFailure(display_path(given), "no such file or folder")
