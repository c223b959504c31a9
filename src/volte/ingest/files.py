"""Files and folders to articles: walk the paths, pick a reader per file, turn each unreadable file into a failure."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from volte.errors import IngestError
from volte.ingest.article import IngestFailure
from volte.ingest.content import HEAD_BYTES, Format, detect_format
from volte.ingest.html import read_html
from volte.ingest.jsonl import read_jsonl
from volte.ingest.text import read_text
from volte.ingest.warc import read_warc
from volte.model import Article

Reader = Callable[[Path, str], Iterator[Article | IngestFailure]]

_READERS: dict[Format, Reader] = {
    "text": read_text,
    "html": read_html,
    "jsonl": read_jsonl,
    "warc": read_warc,
}


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
        yield IngestFailure(str(folder), f"cannot read folder: {exc.strerror or exc}")
        return
    for entry in entries:
        path = folder / entry.name
        if entry.is_dir():
            yield from _walk(path, seen)
        else:
            yield path


def read_file(path: Path, source: str | None = None) -> Iterator[Article | IngestFailure]:
    """The articles in one file; a file that cannot be read yields one IngestFailure saying why."""
    source = str(path) if source is None else source
    try:
        with path.open("rb") as stream:
            head = stream.read(HEAD_BYTES)
        fmt = detect_format(path, head)
        yield from _READERS[fmt](path, source)
    except IngestError as exc:
        yield IngestFailure(source, str(exc))
    except OSError as exc:
        yield IngestFailure(source, f"cannot read: {exc.strerror or exc}")


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
        if path.is_dir():
            for file in _walk(path, set()):
                if isinstance(file, IngestFailure):
                    yield file
                else:
                    yield from read_file(file)
        elif path.exists():
            yield from read_file(path, str(given))
        else:
            yield IngestFailure(str(given), "no such file or folder")
