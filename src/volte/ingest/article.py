"""From raw fields to an `Article`: body text normalisation, dates, and the failure record readers yield."""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from volte.errors import IngestError, LimitExceeded
from volte.ingest.language import detect_language
from volte.model import Article, stable_id
from volte.settings import current_settings


@dataclass(frozen=True)
class IngestFailure:
    """An input that could not be read as an article: where it is, and one line saying why."""

    source: str
    reason: str


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as text that can be stored and printed: bytes of a name that is not UTF-8 shown as `\\xff`."""
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


# Trailing spaces and tabs at the end of a line: "He said so.  \n" -> "He said so.\n".
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)
# Three or more line breaks are one paragraph break: "a\n\n\n\nb" -> "a\n\nb".
_MANY_NEWLINES = re.compile(r"\n{3,}")
# An ISO date, alone or opening a datetime: "2022-04-03", "2022-04-03T09:15:00+02:00".
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d)")

_DATEPARSER_SETTINGS: dict[str, Any] = {
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "REQUIRE_PARTS": ["day", "month", "year"],  # "April 2022" is not a publication date
    "PARSERS": ["absolute-time"],  # never "yesterday" relative to the day volte runs
}


def normalise_text(text: str) -> str:
    """Unicode NFC, `\\n` line endings, no trailing spaces, at most one blank line in a row, stripped.

    Quotation marks, « guillemets » and non-breaking spaces are kept as they are.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.removeprefix("\ufeff")
    text = _TRAILING_SPACE.sub("", text)
    text = _MANY_NEWLINES.sub("\n\n", text)
    return text.strip()


def normalise_date(value: str | date | int | float | None, *, language: str | None = None) -> str | None:
    """`YYYY-MM-DD`, or None when the value is not a full calendar date.

    Accepts "3 April 2022", "April 3, 2022", "2022-04-03", ISO datetimes, "3 avril 2022", date objects and
    Unix timestamps. A numeric "03/04/2022" is read day first in French and month first otherwise.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, date):  # datetime is a date too; YAML front matter gives these
        return value.strftime("%Y-%m-%d")
    if isinstance(value, int | float):
        try:
            return datetime.fromtimestamp(value, tz=UTC).strftime("%Y-%m-%d")
        except (OverflowError, OSError, ValueError):
            return None
    value = value.strip()
    if not value:
        return None
    match = _ISO_DATE.match(value)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        except ValueError:
            return None
    import dateparser  # loaded on first use: most texts never need it

    settings = {**_DATEPARSER_SETTINGS, "DATE_ORDER": "DMY" if language == "fr" else "MDY"}
    try:
        parsed = dateparser.parse(value, languages=["en", "fr"], settings=settings)
    except (ValueError, TypeError, OverflowError):
        return None
    return parsed.strftime("%Y-%m-%d") if parsed else None


def _clean_field(value: object) -> str | None:
    """A one-line metadata field: spaces collapsed, empty means None."""
    if value is None:
        return None
    text = " ".join(unicodedata.normalize("NFC", str(value)).split())
    return text or None


def _clean_language(value: object) -> str | None:
    """A language code reduced to its primary tag: "fr-FR" -> "fr", "EN_us" -> "en"."""
    text = _clean_field(value)
    if not text:
        return None
    return re.split(r"[-_]", text.lower(), maxsplit=1)[0] or None


def make_article(
    text: str,
    *,
    source: str,
    title: str | None = None,
    author: str | None = None,
    published: str | date | int | float | None = None,
    url: str | None = None,
    language: str | None = None,
    published_from: str = "metadata",
) -> Article:
    """An `Article` with normalised body text, whose id depends on that text only.

    The same article ingested twice, or with CRLF instead of LF line endings, gets the same id. A `published`
    value that is not a readable date becomes None; `language` is detected from the text when not given.
    Raises IngestError when the body text is empty, LimitExceeded when it is over `max_article_chars`.
    """
    body = normalise_text(text)
    if not body:
        raise IngestError("no body text")
    limit = current_settings().max_article_chars
    if len(body) > limit:
        raise LimitExceeded(
            f"the text is {len(body):,} characters long, over the limit of {limit:,} for one article"
            " ($VOLTE_MAX_ARTICLE_CHARS)"
        )
    lang = _clean_language(language) or detect_language(body)
    return Article(
        id=stable_id("a", body),
        source=source,
        text=body,
        title=_clean_field(title),
        author=_clean_field(author),
        published=(day := normalise_date(published, language=lang)),
        url=_clean_field(url),
        language=lang,
        published_from=published_from if day else None,
    )


# A date in a file's name: `2016-09-08_title.txt`, `nyt_2016-09-08_…`, `story-20160908-1.html` (digits not part of
# a longer number).
_NAME_DATE = re.compile(r"(?<!\d)(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)")


def date_in_name(name: str) -> str | None:
    """The first calendar date written in a file name (`YYYY-MM-DD`, `YYYY_MM_DD`, `YYYYMMDD`), or None."""
    for m in _NAME_DATE.finditer(name):
        try:
            day = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            continue
        if 1900 <= day.year <= 2100:
            return day.isoformat()
    return None


def dated_by_name(article: Article, name: str) -> Article:
    """The article with the date in its file's name as its publication date, when it has none of its own."""
    if article.published is not None:
        return article
    day = date_in_name(name)
    return replace(article, published=day, published_from="filename") if day else article
