"""Reading articles from files: plain text and Markdown, HTML, JSON Lines and WARC archives.

`iter_articles(paths)` streams an `Article` for every article found and an `IngestFailure` for every file,
line or record that could not be read. `make_article` builds an article from text and metadata, with the
normalised text that its id and every statement offset refer to.
"""

from __future__ import annotations

from volte.ingest.article import IngestFailure, make_article
from volte.ingest.files import iter_articles
from volte.ingest.language import detect_language

__all__ = ["IngestFailure", "detect_language", "iter_articles", "make_article"]
