"""volte's settings: the limits that bound the work done for one input, each with a default and its help.

    settings = current_settings()            # the defaults, overridden by $VOLTE_<NAME> (e.g. VOLTE_MAX_ARTICLE_CHARS)
    settings.max_article_chars

The limits keep one hostile or broken input from taking the machine: a file, page or WARC record too big to be
an article is skipped with a reason while it is read; a long text is parsed in pieces cut at paragraph, line and
sentence boundaries; extraction of one article has a time budget. Worker processes read the same environment,
so a setting given to the main process holds in them too. Normal news articles stay far inside every limit.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from functools import cache

from volte.errors import UsageError

_ENV_PREFIX = "VOLTE_"


@dataclass(frozen=True, kw_only=True)
class Settings:
    """The limits of one ingest; see `SETTINGS_HELP` for what each one does."""

    max_article_chars: int = 1_000_000
    max_page_bytes: int = 5_000_000
    max_paragraph_chars: int = 20_000
    max_line_chars: int = 10_000
    max_parse_chars: int = 100_000
    article_seconds: int = 120
    selective_parse: int = 0
    parse_neighbours: int = 1


SETTINGS_HELP: dict[str, str] = {
    "max_article_chars": "An article whose body text is longer is skipped (a book, a log file, a dump).",
    "max_page_bytes": "An HTML page (file or WARC record) bigger than this is skipped while it is read, unparsed.",
    "max_paragraph_chars": "A longer paragraph is parsed in pieces cut at line breaks, else at sentence ends.",
    "max_line_chars": "A longer line is parsed in pieces cut at sentence ends, else at spaces.",
    "max_parse_chars": "A longer text is parsed in pieces of whole paragraphs at most this long.",
    "article_seconds": "Extracting one article's statements may take this long; then it is reported failed.",
    "selective_parse": "1: tag and parse only the English sentences that hold a quotation mark or a cue word (and"
    " their neighbours, `parse_neighbours`); names are still found in the whole text. 0 (default): parse all.",
    "parse_neighbours": "With `selective_parse`, the sentences on each side of a selected one parsed with it.",
}
# Switches and counts that may be 0; every other setting is a limit of at least 1.
_MAY_BE_ZERO = frozenset({"selective_parse", "parse_neighbours"})


def env_name(name: str) -> str:
    """The environment variable of a setting: max_article_chars -> VOLTE_MAX_ARTICLE_CHARS."""
    return _ENV_PREFIX + name.upper()


def read_settings(environ: dict[str, str] | os._Environ[str] | None = None) -> Settings:
    """The defaults, with each `$VOLTE_<NAME>` set in `environ` (default: os.environ) in their place.

    Raises UsageError for a value that is not a positive whole number.
    """
    environ = os.environ if environ is None else environ
    values: dict[str, int] = {}
    for item in fields(Settings):
        raw = environ.get(env_name(item.name))
        if raw is None or not raw.strip():
            continue
        try:
            value = int(raw.strip().replace("_", ""))
        except ValueError:
            value = 0
        if value < (0 if item.name in _MAY_BE_ZERO and raw.strip().isdigit() else 1):
            least = 0 if item.name in _MAY_BE_ZERO else 1
            raise UsageError(f"${env_name(item.name)} must be a whole number of at least {least}, not {raw!r}")
        values[item.name] = value
    return Settings(**values)


@cache
def _cached(items: tuple[tuple[str, str], ...]) -> Settings:
    return read_settings(dict(items))


def current_settings() -> Settings:
    """The settings of this process (read from the environment, re-read when a `$VOLTE_…` value changes)."""
    return _cached(tuple(sorted((k, v) for k, v in os.environ.items() if k.startswith(_ENV_PREFIX))))
