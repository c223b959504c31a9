"""HTML pages: the article's body and metadata, extracted by trafilatura from the page as given (never fetched)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import lxml.etree
import lxml.html
import trafilatura
from trafilatura.xml import xmltotxt

from volte.errors import IngestError
from volte.ingest.article import dated_by_name, make_article
from volte.ingest.content import HEAD_BYTES, decode_text, sniff_encoding
from volte.model import Article

# Fewer non-space characters than this is navigation debris, not an article: a lone "Home" link.
_MIN_BODY_CHARS = 20


def _body_text(document: trafilatura.settings.Document) -> str:
    """The body's blocks (paragraphs, headings, quotes, lists) as text, separated by blank lines."""
    body = document.body
    if body is None or not len(body):
        return document.text or ""
    blocks = (xmltotxt(block, include_formatting=False).strip() for block in body)
    return "\n\n".join(block for block in blocks if block)


def _extract(html: str | bytes | lxml.html.HtmlElement, url: str | None) -> trafilatura.settings.Document | None:
    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
        )
    except Exception as exc:  # lxml and trafilatura raise many kinds of error on broken markup
        raise IngestError(f"HTML could not be parsed ({type(exc).__name__})") from None
    return document if isinstance(document, trafilatura.settings.Document) else None


def _deep_tree(html: str | bytes) -> lxml.html.HtmlElement | None:
    """The page parsed with libxml2's "huge" option: elements nested past 255 levels are kept, not dropped."""
    try:
        return lxml.html.fromstring(html, parser=lxml.html.HTMLParser(huge_tree=True))
    except (lxml.etree.LxmlError, ValueError):
        return None


def extract_html(html: str | bytes, *, source: str, url: str | None = None) -> Article:
    """The article in an HTML page: body text, title, author, date, URL and language.

    Bytes are decoded by trafilatura from the page's declared charset. Nothing is downloaded: trafilatura
    only parses what it is given. Raises IngestError when the page holds no article text.
    """
    document = _extract(html, url)
    text = _body_text(document) if document is not None else ""
    if sum(1 for ch in text if not ch.isspace()) < _MIN_BODY_CHARS:
        # libxml2 drops what is nested deeper than 255 elements: `<div>` x 300 around the article. Parsed again
        # with its "huge" option, then given to trafilatura as a tree (only pages that gave nothing pay for it).
        tree = _deep_tree(html)
        document = _extract(tree, url) if tree is not None else None
        text = _body_text(document) if document is not None else ""
    if document is None or sum(1 for ch in text if not ch.isspace()) < _MIN_BODY_CHARS:
        raise IngestError("no article text found in the HTML")
    title = document.title
    # The page's <h1> usually repeats the title: "Harbour plan\n\nThe harbour ..." keeps only the body.
    first, _, rest = text.partition("\n\n")
    if title and rest and " ".join(first.split()) == " ".join(title.split()):
        text = rest
    return make_article(
        text,
        source=source,
        title=title,
        author=document.author,
        published=document.date,
        url=url or document.url,
        language=document.language,
    )


def read_html(path: Path, source: str) -> Iterator[Article]:
    """The one article in an .html file (UTF-16 and UTF-32 pages decoded here, the others by trafilatura)."""
    data = path.read_bytes()
    if sniff_encoding(data[:HEAD_BYTES]) != "utf-8":
        article = extract_html(decode_text(data), source=source)
    else:
        article = extract_html(data, source=source)
    yield dated_by_name(article, path.name)
