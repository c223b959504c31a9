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


# A block that opens with one of these is a caption or a pointer to other content, not body text: `Video: Dr
# Hilary suggests … (Wales Online)`, `Photo: Reuters`, `READ MORE: …`.
_FURNITURE_LEADS = ("video:", "photo:", "image:", "picture:", "photograph:", "watch:", "related:", "read more:",
                    "see also:", "credit:", "photo credit:", "listen:", "gallery:")


def _body_text(document: trafilatura.settings.Document) -> str:
    """The body's blocks (paragraphs, headings, quotes, lists) as text, separated by blank lines; captions and
    pointers to other content (`Video: …`) left out."""
    body = document.body
    if body is None or not len(body):
        return document.text or ""
    blocks = (xmltotxt(block, include_formatting=False).strip() for block in body)
    return "\n\n".join(block for block in blocks if block and not block.lower().startswith(_FURNITURE_LEADS))


# Words in a class or id that mark page furniture around an article's text: photo captions and credits, bylines,
# links to related articles, promotions (`image-caption`, `photo-credit`, `related-stories`).
_FURNITURE = ("caption", "credit", "byline", "related", "promo", "newsletter", "recommend", "read-more", "readmore")
# Furniture is short; a longer element with such a class is a container (`article has-captions`), left alone.
_FURNITURE_CHARS = 600


def drop_furniture(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The page without what is not the article's body text for attribution: captions (`<figcaption>` and
    elements whose class or id says caption, credit, byline), lists of links to other articles (`- Piers Morgan
    tells viewers … Wales Online`, every item a link) and promotions. Changes `tree` in place and returns it."""
    doomed = list(tree.iter("figcaption"))
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("html", "body", "article", "main"):
            continue
        marks = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
        if any(word in marks for word in _FURNITURE) and len(el.text_content()) <= _FURNITURE_CHARS:
            doomed.append(el)
        elif el.tag == "li":
            text = " ".join(el.text_content().split())
            links = " ".join(" ".join(a.text_content().split()) for a in el.iter("a"))
            if text and len(links) >= 0.9 * len(text):
                doomed.append(el)  # an item that is all link: a list of other articles
    for el in doomed:
        parent = el.getparent()
        if parent is not None:
            el.drop_tree()
    return tree


def _extract(html: str | bytes | lxml.html.HtmlElement, url: str | None) -> trafilatura.settings.Document | None:
    if not isinstance(html, lxml.html.HtmlElement):
        tree = _tree(html)
        html = drop_furniture(tree) if tree is not None else html
    else:
        html = drop_furniture(html)
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


def _tree(html: str | bytes) -> lxml.html.HtmlElement | None:
    """The page parsed as trafilatura would parse it (None when lxml cannot)."""
    try:
        return trafilatura.utils.load_html(html)
    except Exception:  # lxml raises many kinds of error on broken markup
        return None


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
