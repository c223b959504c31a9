"""Plain text and Markdown articles: optional YAML front matter, or a `# Title`, byline and date lines, then the body."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from volte.errors import IngestError
from volte.ingest.article import dated_by_name, make_article, normalise_date
from volte.ingest.content import decode_text
from volte.model import Article

# YAML front matter between two "---" lines at the very top: "---\ntitle: Harbour plan\n---\nBody".
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)??(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
# Front matter keys, each with the names it goes by: "date: 2022-04-03", "published: 2022-04-03".
_FRONT_MATTER_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "author": ("author", "authors", "byline"),
    "published": ("date", "published", "pubdate", "publication_date"),
    "url": ("url", "link", "canonical_url"),
    "language": ("language", "lang"),
}

# A Markdown heading of level one: "# Harbour plan divides council".
_ATX_TITLE = re.compile(r"#[ \t]+(?P<title>.+?)(?:[ \t]+#+)?[ \t]*")
# The underline of a Setext heading: "Harbour plan\n============".
_SETEXT_UNDERLINE = re.compile(r"=+[ \t]*")
# A header line wrapped in emphasis: "*By Jane Roe*", "**Jane Roe**", "_April 3, 2022_".
_EMPHASIS = re.compile(r"(?P<mark>\*{1,2}|_{1,2})(?P<inner>\S(?:.*\S)?)(?P=mark)")

_MONTH = (
    r"(?:jan(?:uary|vier|v)?|feb(?:ruary)?|f[ée]v(?:rier|r)?|mar(?:ch|s)?|apr(?:il)?|avr(?:il)?|may|mai"
    r"|june?|juin|july?|juil(?:let)?|aug(?:ust)?|ao[uû]t|sept?(?:ember|embre)?|oct(?:ober|obre)?"
    r"|nov(?:ember|embre)?|d[ée]c(?:ember|embre)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th|er)?"
_DATE_CORE = (
    rf"{_DAY}\s+{_MONTH},?\s+\d{{4}}"  # 3 April 2022, 1er avril 2022
    rf"|{_MONTH}\s+{_DAY},?\s+\d{{4}}"  # April 3, 2022; Apr. 3 2022
    r"|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"  # 2022-04-03T09:15Z
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{4}"  # 03/04/2022, 03.04.2022
)
_WEEKDAY = (
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche),?\s+"
)
_DATE_PREFIX = (
    r"(?:(?:published|updated|last\s+updated|posted|publi[ée]|mis\s+[àa]\s+jour|modifi[ée])"
    r"(?:\s+(?:on|le))?\s*:?\s*|(?:on|le)\s+)"
)
_TIME = r"(?:,?\s*(?:at\s+|[àa]\s+)?\d{1,2}(?:[:h.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?)"
# A date line, or a date closing a byline: "Published 3 April 2022", "By Jane Roe | April 3, 2022, 9:15 a.m. EDT".
_DATE_AT_END = re.compile(
    rf"(?P<before>.*?)(?:^|\s*[|·•,—–]\s*|\s+-\s+|\s+)(?:{_DATE_PREFIX})?(?:{_WEEKDAY})?(?P<date>{_DATE_CORE}){_TIME}?\s*$",
    re.IGNORECASE,
)
# A byline: "By Jane Roe", "BY JANE ROE AND JOHN DOE", "Par Jean Dupont".
_BYLINE = re.compile(r"(?:by|par)\s+(?P<names>\S.*)", re.IGNORECASE)
# Name separators in a byline: "Jane Roe, John Doe and Ann Lee", "Jean Dupont et Marie Curie".
_NAME_SEPARATOR = re.compile(r"\s*,\s*|\s+(?:and|et)\s+|\s*&\s*", re.IGNORECASE)
# Lower-case words that belong in names: "Charles de Gaulle", "Virgil van Dijk".
_NAME_PARTICLES = frozenset("de du des da di del della der den van von le la bin ibn al y".split())
# What follows a byline after a separator is dropped: "By Jane Roe | The Gull" -> "By Jane Roe".
_BYLINE_TAIL = re.compile(r"\s+[|·•—–]\s+.*")
# Header lines are short: a body sentence that happens to start with "By" is not a byline.
_MAX_HEADER_LINE = 120


def _is_name_word(word: str) -> bool:
    """A capitalised word ("Roe", "O'Neil", "J.", "Łukasz") or a particle ("de")."""
    if word in _NAME_PARTICLES:
        return True
    return word[0].isupper() and all(ch.isalpha() or ch in "'’.-" for ch in word)


def _is_name_list(names: str, *, min_words: int) -> bool:
    """True for "Jane Roe" or "Jane Roe and John Doe"; False for "the numbers: a look back"."""
    if not names:
        return False
    for name in _NAME_SEPARATOR.split(names):
        words = name.split()
        if not min_words <= len(words) <= 5 or not all(_is_name_word(w) for w in words):
            return False
    return True


def _read_header_line(line: str) -> tuple[str | None, str | None] | None:
    """(author, date as written) of a byline or date line, or None when the line is body text.

    "By Jane Roe | April 3, 2022" -> ("Jane Roe", "April 3, 2022"); "**Jane Roe**" -> ("Jane Roe", None).
    """
    text = line.strip()
    if not text or len(text) > _MAX_HEADER_LINE:
        return None
    emphasis = _EMPHASIS.fullmatch(text)
    if emphasis:
        text = emphasis["inner"].strip()
    published = None
    match = _DATE_AT_END.fullmatch(text)
    if match:
        published = match["date"]
        # Kept as written, for make_article to read in the article's language; "03/04/2022" is tried both ways.
        if normalise_date(published) is None and normalise_date(published, language="fr") is None:
            return None
        text = match["before"].strip()
        if not text:
            return None, published
    text = _BYLINE_TAIL.sub("", text)
    byline = _BYLINE.fullmatch(text)
    if byline and _is_name_list(byline["names"].strip(), min_words=1):
        return byline["names"].strip(), published
    # A bare name is a byline only when emphasised and two words or more: "**Jane Roe**", not "**Update**".
    if emphasis and _is_name_list(text, min_words=2):
        return text, published
    return None


def _bare_byline(lines: list[str], j: int) -> str | None:
    """Names alone on a line right before a date line, a byline without `By`: "Jane Roe, John Doe" / "April 3,
    2022". Names not followed by a date line are body text."""
    text = lines[j].strip()
    if len(text) > _MAX_HEADER_LINE or not _is_name_list(text, min_words=2):
        return None
    k = next((k for k in range(j + 1, len(lines)) if lines[k].strip()), None)
    after = _read_header_line(lines[k]) if k is not None else None
    return text if after is not None and after[0] is None and after[1] is not None else None


def _plain_title(lines: list[str], i: int) -> bool:
    """Whether line `i` is a plain title: a short line without a final full stop, a header line (byline or date)
    right under it after at most one blank line. A first line of body text is followed by more body text."""
    text = lines[i].strip()
    if not text or len(text) > _MAX_HEADER_LINE or _read_header_line(text) is not None:
        return False
    if _bare_byline(lines, i) is not None:
        return False  # "Jane Roe and John Doe" over a date line: a byline, not a title
    k = i + 1
    if k < len(lines) and not lines[k].strip():
        k += 1
    if k >= len(lines):
        return False
    return _read_header_line(lines[k]) is not None or _bare_byline(lines, k) is not None


# A dateline with a full date opening the body: "LONDON, April 3, 2022 (Reuters) - The minister said …".
_DATELINE = re.compile(
    rf"[A-ZÀ-Ý][A-ZÀ-Ý .'’-]{{1,40}},\s+(?i:{_WEEKDAY})?(?P<date>(?i:{_DATE_CORE}))\s*(?:\([^)]{{1,40}}\)\s*)?[-–—]",
)


def dateline_date(text: str) -> str | None:
    """The date written in a dateline at the head of one of the body's first two paragraphs (a title line may come
    first), as written, or None."""
    for paragraph in [p for p in text.split("\n") if p.strip()][:2]:
        m = _DATELINE.match(paragraph.strip()[:160])
        if m:
            return m["date"]
    return None


def _split_header(text: str) -> tuple[dict[str, Any], str]:
    """Title, author and date from the header lines at the top, and the text without them.

    Text that opens with none of them is returned unchanged: a plain-text title line stays in the body.
    """
    lines = text.split("\n")
    meta: dict[str, Any] = {}
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i < len(lines):
        atx = _ATX_TITLE.fullmatch(lines[i])
        if atx:
            meta["title"] = atx["title"]
            i += 1
        elif i + 1 < len(lines) and lines[i].strip() and _SETEXT_UNDERLINE.fullmatch(lines[i + 1]):
            meta["title"] = lines[i].strip()
            i += 2
        elif _plain_title(lines, i):
            # A plain-text title line with a byline or a date line under it: "Minister quits" / "By Jane Roe".
            meta["title"] = lines[i].strip()
            i += 1
    while True:
        j = i
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j == len(lines):
            break
        header = _read_header_line(lines[j])
        if header is None:
            bare = _bare_byline(lines, j)
            header = (bare, None) if bare is not None else None
        if header is None:
            break
        author, published = header
        if (author and "author" in meta) or (published and "published" in meta):
            break  # a second byline or date is body text
        if author:
            meta["author"] = author
        if published:
            meta["published"] = published
        i = j + 1
    if not meta:
        return meta, text
    return meta, "\n".join(lines[i:])


def _split_front_matter(text: str) -> tuple[dict[str, Any], str] | None:
    """Fields of the YAML front matter and the text after it, or None when there is no front matter."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return None
    try:
        data = yaml.safe_load(match["yaml"] or "")
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        raise IngestError(f"front matter is not valid YAML{where}") from None
    except (ValueError, OverflowError) as exc:
        # YAML reads `date: 2022-13-45` as a timestamp and cannot build it: "month must be in 1..12".
        raise IngestError(f"front matter holds a date that is not a calendar date ({exc})") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return None  # "---\nJust a line\n---" is a rule around text, not front matter
    lowered = {str(k).lower(): v for k, v in data.items()}
    meta: dict[str, Any] = {}
    for field, keys in _FRONT_MATTER_KEYS.items():
        for key in keys:
            value = lowered.get(key)
            if isinstance(value, list):
                value = ", ".join(str(v) for v in value)
            if value is not None and value != "":
                meta[field] = value
                break
    return meta, text[match.end() :]


def parse_text(content: str, *, source: str) -> Article:
    """The article in a plain-text or Markdown document.

    YAML front matter gives the metadata; without it (or without a title in it), a `# Title` first line and
    byline and date lines under it do, and are removed from the body. Markdown in the body is kept as is.
    """
    text = content.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")
    meta: dict[str, Any] = {}
    front = _split_front_matter(text)
    if front is not None:
        meta, text = front
    published_from = "metadata" if "published" in meta else "header"
    if "title" not in meta:
        header, text = _split_header(text)
        meta = {**header, **meta}
    if "published" not in meta and dateline_date(text):
        meta["published"], published_from = dateline_date(text), "dateline"
    return make_article(
        text,
        source=source,
        title=meta.get("title"),
        author=meta.get("author"),
        published=meta.get("published"),
        url=meta.get("url"),
        language=meta.get("language"),
        published_from=published_from,
    )


def read_text(path: Path, source: str) -> Iterator[Article]:
    """The one article in a .txt or .md file."""
    text = decode_text(path.read_bytes())
    if not text.strip():
        raise IngestError("empty file")
    yield dated_by_name(parse_text(text, source=source), path.name)
