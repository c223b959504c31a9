"""What the date rules of `when.py` read: each statement as an `Utterance`, its date as a `Dated`, and the article
as a `Page` (its text with every statement's own words blanked, its paragraph starts, publication date and headline),
read once by `page_of` and shared by every rule."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import pairwise

from volte.model import SaidBasis


@dataclass(frozen=True)
class Utterance:
    """One statement as the date rules see it: its span, speaker, cue and the words around it."""

    start: int
    end: int
    speaker: str | None  # the speaker entity's id
    cue: str | None
    context: str  # the words around the statement that may say when it was said, its own words removed
    position: bool = False  # the cue takes a position rather than reports words: `backed`, `opposed`
    speaker_name: str | None = None  # a person's name, when the speaker is a person (else None)
    speaker_words: str | None = None  # the speaker's name whatever its type (`the poll`, `Reuters`)
    present: bool = False  # the cue is in the present (`says`): said now, to the reporter, not in a scene recounted


@dataclass(frozen=True)
class Dated:
    """A statement's date and the rule that found it."""

    utterance: Utterance
    said: str | None
    basis: SaidBasis | None
    rule: str | None


@dataclass(frozen=True)
class Page:
    """What the rules read of the article: its text with every statement's own words blanked, its paragraph
    starts, its publication date and language."""

    narrative: str
    paragraphs: tuple[int, ...]  # offsets where paragraphs begin, ascending, the first 0
    published: str | None
    language: str
    headline_end: int = 0  # where the headline ends when the text opens with the article's title, else 0
    text: str = ""  # the article's text as written (`narrative` with the statements' words)

    def paragraph_of(self, offset: int) -> int:
        return bisect_right(self.paragraphs, offset) - 1


def page_of(
    text: str, spans: list[tuple[int, int]], published: str | None, language: str, title: str | None = None
) -> Page:
    """The page of an article `text` whose statements cover `spans`; `title` the article's, if it has one."""
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    starts = [0]
    i = text.find("\n", 0)
    while i != -1:
        j = i
        while j < len(text) and text[j] in "\n \t\r":
            j += 1
        if j < len(text) and j != starts[-1]:
            starts.append(j)
        i = text.find("\n", j)
    first_line = text.split("\n", 1)[0]
    opens_with_title = bool(title) and len(starts) > 1 and _folded(first_line).startswith(_folded(title or "")[:40])
    headline_end = len(first_line) if opens_with_title else 0
    if opens_with_title:
        # (A deck under the title is part of the headline: "Lawmaker urges retaliation on Russia;" then "Member
        # of House panel says U.S. has to keep Moscow out of elections.", short lines before the running text.)
        # Only short lines that running text follows: a short article is no deck.
        paragraphs = list(pairwise([*starts, len(text)]))[1:]
        deck = 0
        while deck < min(DECK_LINES, len(paragraphs) - 1) and len(text[slice(*paragraphs[deck])].split()) < LEAD_WORDS:
            deck += 1
        if deck and len(text[slice(*paragraphs[deck])].split()) >= LEAD_WORDS:
            headline_end = len(text[: paragraphs[deck - 1][1]].rstrip())
    return Page("".join(chars), tuple(starts), published, language, headline_end, text)


def _folded(line: str) -> str:
    return " ".join(line.lower().strip(" .").split())


Found = tuple[str | None, SaidBasis | None]


# Words in quotation marks: what a time word of the narration cannot point back to.
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»")


def unquoted(text: str) -> str:
    """`text` with the words inside quotation marks blanked (offsets kept)."""
    return _QUOTED.sub(lambda m: " " * len(m.group()), text)


# The lead: up to the second paragraph of running text (one of at least this many words), within the first few.
LEAD_PARAGRAPHS, LEAD_WORDS = 2, 20


LEAD_MOST = 4  # paragraphs after the headline, at most


DECK_LINES = 2  # short lines under the title that are its deck, at most


# How many years before the article a paragraph's years must all be for it to recount the past.
PAST_YEARS = 10
