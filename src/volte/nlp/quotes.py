"""Finding quotations in raw article text, whatever the quotation marks and however messy the text.

The scan works on characters, paragraph by paragraph, before any parsing: quotation marks are typography, and
spaCy's sentence splitter is less reliable around them than the marks themselves.

Handled:
- straight "…", curly “…”, low-high „…“, « guillemets » (with or without non-breaking spaces), mixed in one text;
- the typewriter convention of two apostrophes, ''…'' (and ``…'' ), that some newspapers' archives use;
- single quotation marks inside double ones are part of the quoted words (“He said ‘never’ to me”), and so are
  double marks inside guillemets (« Il nous avait juré “pas de robots” ») and guillemets nested in guillemets
  (« 261 cas de « réelle » fraude »: the inner `»` followed by the outer one before any new `«`);
- a quotation that runs across a line break, or across a blank line that cuts a sentence (a page break);
- a paragraph that opens a quotation and leaves it open, the next paragraph reopening it (newspaper convention):
  one quotation in several pieces, sharing a `group`;
- a quotation that is never closed: recovered at the end of its paragraph (`unclosed=True`), and the next
  paragraph starts afresh;
- markup left in a saved text, `<tweet author="@x">`: attribute values are not quotations.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_OPENERS = {"“": "”", "„": "“", "«": "»", '"': '"', "‟": "”"}
_CLOSERS = {"”", "»", '"', "“"}
_DOUBLE = set(_OPENERS) | _CLOSERS
# Characters after which a straight quote opens: `said "Yes`, `("Yes`, `—"Yes`.
_BEFORE_OPEN = set(" \t\n\u00a0([{—–-/:")
# Characters before which a straight quote closes: `yes" he`, `yes",`, `yes".`.
_AFTER_CLOSE = set(" \t\n\u00a0)]}.,;:!?—–-…'’")
_PARAGRAPH = re.compile(r"\n[ \t\u00a0]*\n\s*")
# A paragraph ending in one of these is a finished sentence; otherwise a blank line after it is a page break.
_SENTENCE_END = set(".!?:;…\"”»’)")
_SPACE = " \t\n\u00a0\u202f"


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """Quoted words at text[start:end] (marks and surrounding space excluded); marks at open_at / close_at."""

    start: int
    end: int
    open_at: int
    close_at: int  # index just past the closing mark, or the paragraph end when unclosed
    unclosed: bool = False
    group: int = -1  # pieces of one multi-paragraph quotation share a group number

    def __len__(self) -> int:
        return self.end - self.start


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: runs of text separated by blank lines."""
    spans, pos = [], 0
    for m in _PARAGRAPH.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans


def _mark_at(text: str, i: int) -> tuple[str, int]:
    """The double quotation mark at text[i] as one character, and its width: `''` reads as `"`, ``` `` ``` as `“`.

    ("", 0) where there is none.
    """
    ch = text[i]
    if ch in _DOUBLE:
        return ch, 1
    if ch in "'`" and text[i + 1 : i + 2] == ch and text[i + 2 : i + 3] != ch:
        return ('"' if ch == "'" else "“"), 2
    return "", 0


def _is_opening(text: str, i: int, in_quote: bool) -> bool:
    """Whether the double mark at text[i] opens a quotation (only asked for ambiguous marks)."""
    ch, width = _mark_at(text, i)
    if ch in ("«", "„", "‟"):
        return True
    if ch == "»":
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    opens_here = before in _BEFORE_OPEN or before in _DOUBLE or before in "‘'"
    closes_here = after in _AFTER_CLOSE or after in _DOUBLE
    if ch == "“" and not (in_quote and closes_here and not opens_here):
        return True  # `“` opens, except where a text uses it as a closing mark: `yes“ he said`
    if ch == "”" and not (not in_quote and opens_here and not closes_here):
        return False  # `”` closes, except where a text uses it as an opening mark: `said ”Yes`
    if ch in ("“", "”"):
        return ch == "”"
    if opens_here and not closes_here:
        return True
    if closes_here and not opens_here:
        return False
    return not in_quote


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _SPACE:
        start += 1
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    return start, end


def _starts_with_opener(text: str, start: int, end: int) -> bool:
    return start < end and _mark_at(text, start)[0] in _OPENERS and _is_opening(text, start, False)


def _page_break(text: str, para_end: int, next_start: int) -> bool:
    """A blank line cutting a sentence: the paragraph stops without end punctuation, the next begins in lower case.

    `… we will not be lectured by` / (blank line) / `people who have never …`
    """
    last = text[para_end - 1] if para_end > 0 else "."
    first = text[next_start] if next_start < len(text) else "A"
    return last not in _SENTENCE_END and (first.islower() or first in ",;")


def _nested(text: str, i: int, para_end: int) -> bool:
    """Guillemets opened at text[i] inside open guillemets are nested when their `»` is followed, in the paragraph,
    by another `»` before any `«`: the outer quotation closes after them (`« … de « réelle » fraude … »`)."""
    inner = text.find("»", i + 1, para_end)
    if inner == -1:
        return False
    after = [k for k in (text.find("»", inner + 1, para_end), text.find("«", inner + 1, para_end)) if k != -1]
    return bool(after) and text[min(after)] == "»"


def find_quotes(text: str) -> Iterator[QuoteSpan]:
    """Every top-level quotation in `text`, in order (see the module docstring for what is handled)."""
    paragraphs = _paragraphs(text)
    group = 0
    open_at: int | None = None  # index of the opening mark of the quotation being read
    piece_start = 0  # where the current piece's words start (differs from open_at after a page break)
    for p, (para_start, para_end) in enumerate(paragraphs):
        i = para_start
        while i < para_end:
            ch, width = _mark_at(text, i)
            if ch == '"' and open_at is None and i > 0 and text[i - 1] == "=":
                # Markup left in the text, `<tweet author="@x" timestamp="1454">`: an attribute value, not a quotation.
                close = text.find('"', i + 1, para_end)
                i = close + 1 if close > 0 else i + 1
                continue
            if width and open_at is not None and text[open_at] == "«" and ch not in "«»":
                i += width  # `« M. Vidal nous avait juré “pas de robots” »`: inside guillemets only » closes
                continue
            if width:
                opening = _is_opening(text, i, open_at is not None)
                if open_at is None and opening:
                    open_at, piece_start = i, i + width
                elif open_at is not None and not opening:
                    start, end = _trim(text, piece_start, i)
                    if end > start:
                        yield QuoteSpan(start, end, open_at, i + width, False, group)
                    group += 1
                    open_at = None
                elif open_at is not None and ch == "«" and text[open_at] == "«" and _nested(text, i, para_end):
                    i = text.find("»", i + 1, para_end) + 1  # `« … 261 cas de « réelle » fraude … »`: words inside
                    continue
                elif open_at is not None and opening and ch in ("“", "«", "„"):
                    # A second unambiguous opening mark while a quotation is open: the first was never closed.
                    # `“We will win, he said. “And soon.”` -> recover the first at the new mark.
                    start, end = _trim(text, piece_start, i)
                    if end > start:
                        yield QuoteSpan(start, end, open_at, i, True, group)
                    group += 1
                    open_at, piece_start = i, i + width
            i += max(width, 1)
        if open_at is None:
            continue
        # The paragraph ends inside a quotation.
        nxt = paragraphs[p + 1] if p + 1 < len(paragraphs) else None
        if nxt is not None and _page_break(text, para_end, nxt[0]):
            continue  # the quotation goes on in the next paragraph
        start, end = _trim(text, piece_start, para_end)
        continued = nxt is not None and _starts_with_opener(text, nxt[0], nxt[1])
        if end > start:
            yield QuoteSpan(start, end, open_at, para_end, not continued, group)
        if continued and nxt is not None:
            # The next paragraph reopens the same quotation: it is read as a new piece of this group.
            width = _mark_at(text, nxt[0])[1]
            open_at, piece_start = nxt[0], nxt[0] + width
            # Skip the reopening mark: the scan of the next paragraph must not see it as an opening.
            paragraphs[p + 1] = (nxt[0] + width, nxt[1])
        else:
            open_at = None
            group += 1
