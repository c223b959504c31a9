"""Long texts parsed in pieces: cut at paragraph, line and sentence boundaries, parsed one by one, joined again.

    doc = parse_bounded(nlp, article.text)      # doc.text == article.text, character for character

spaCy's memory grows with the length of the text it parses at once (a 1 MB line took it past 4 GB). A text inside
every limit (`volte.settings`: `max_parse_chars`, `max_paragraph_chars`, `max_line_chars`) is parsed whole, as
before; a longer one is cut into pieces, each parsed alone, and the pieces' Docs are joined with
`Doc.from_docs`, so every character offset into the text stays exact. Each piece starts a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from volte.settings import Settings, current_settings

# Where a paragraph ends: after the blank line(s) that follow it ("…end.\n\nNext" cuts before "Next").
_PARAGRAPH_END = re.compile(r"\n[ \t]*\n\s*")
# Where a line ends: after its line break.
_LINE_END = re.compile(r"\n\s*")
# Where a sentence ends: after its final mark, closing quotation marks or brackets and the spaces after them
# (`… he said. "We` cuts before `"We`; `… it.” Then` before `Then`).
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’»)\]]*\s+")
# Spaces between words, the last resort before a hard cut.
_SPACE = re.compile(r"\s+")


def parse_bounded(
    nlp: Language, text: str, settings: Settings | None = None, parse: Callable[[str], Doc] | None = None
) -> Doc:
    """The parsed Doc of `text`, parsed whole when it is inside the limits and in pieces when it is not; `parse`
    (default: `nlp` itself) parses one piece (selective.py's `parse_selective`)."""
    settings = settings or current_settings()
    parse = parse or nlp
    spans = list(cut_pieces(text, settings, max_length=nlp.max_length))
    if len(spans) == 1:
        return parse(text)
    doc = Doc.from_docs([parse(text[start:end]) for start, end in spans], ensure_whitespace=False)
    if doc.text != text:  # the pieces cover the text exactly; this would be a bug in cut_pieces
        raise AssertionError("the parsed pieces do not join to the article text")
    return doc


def cut_pieces(text: str, settings: Settings, *, max_length: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of consecutive pieces covering `text`: the whole text when it is inside the limits.

    Whole paragraphs are grouped into pieces of at most `max_parse_chars`. A paragraph over `max_paragraph_chars`,
    or holding a line over `max_line_chars`, is cut into pieces of at most `max_line_chars`: groups of its whole
    lines, else of a line's sentences, else a sentence's words, else (no space at all) at the limit itself.
    """
    parse_cap = min(settings.max_parse_chars, max_length or settings.max_parse_chars)
    paragraph_cap = min(settings.max_paragraph_chars, parse_cap)
    line_cap = min(settings.max_line_chars, paragraph_cap)
    if len(text) <= parse_cap and _longest(text, "\n\n") <= paragraph_cap and _longest(text, "\n") <= line_cap:
        yield 0, len(text)
        return

    def sentences(start: int, end: int) -> Iterator[tuple[int, int]]:
        for a, b, whole in _units(text, start, end, _SENTENCE_END, line_cap):
            if whole:
                yield a, b
                continue
            for c, d, _ in _units(text, a, b, _SPACE, line_cap):
                yield from ((i, min(i + line_cap, d)) for i in range(c, d, line_cap))

    def lines(start: int, end: int) -> Iterator[tuple[int, int]]:
        for a, b, whole in _units(text, start, end, _LINE_END, line_cap):
            if whole:
                yield a, b
            else:
                yield from sentences(a, b)

    for a, b, whole in _units(text, 0, len(text), _PARAGRAPH_END, parse_cap, small=paragraph_cap):
        if whole and _longest(text[a:b], "\n") <= line_cap:
            yield a, b
        else:
            yield from lines(a, b)


def _longest(text: str, separator: str) -> int:
    return max(map(len, text.split(separator)))


def _units(
    text: str, start: int, end: int, boundary: re.Pattern[str], cap: int, *, small: int | None = None
) -> Iterator[tuple[int, int, bool]]:
    """Consecutive runs of `text[start:end]` cut after matches of `boundary`, as (start, end, whole).

    Units of at most `small` characters (default: `cap`) are joined while the run stays within `cap` (whole is
    True); a longer unit comes alone, whole False, for the caller to cut finer.
    """
    small = cap if small is None else small
    run: tuple[int, int] | None = None
    for a, b in _cuts(text, start, end, boundary):
        if b - a > small:
            if run is not None:
                yield run[0], run[1], True
                run = None
            yield a, b, False
        elif run is not None and b - run[0] <= cap:
            run = (run[0], b)
        else:
            if run is not None:
                yield run[0], run[1], True
            run = (a, b)
    if run is not None:
        yield run[0], run[1], True


def _cuts(text: str, start: int, end: int, boundary: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """Consecutive (start, end) of `text[start:end]`, each ending after a match of `boundary`."""
    at = start
    for match in boundary.finditer(text, start, end):
        if match.end() > at and match.end() < end:
            yield at, match.end()
            at = match.end()
    yield at, end
