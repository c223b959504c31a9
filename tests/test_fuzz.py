"""A bounded fuzz of the readers and the extractor (hypothesis, fixed seed): a few hundred cases in `make test`,
thousands with `pytest --long`.

What must hold for any input: a reader gives an Article or an IngestError (a `skipped …: reason`), never another
exception; a file reader never raises at all; every statement's offsets lie in the article's text and its words
are the text's own (`text == article.text[start:end]`, or the pieces of an interrupted quotation, in order).
"""

from __future__ import annotations

import json
import os
from io import BytesIO
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from volte.errors import IngestError
from volte.ingest.article import IngestFailure
from volte.ingest.content import decode_text, detect_format
from volte.ingest.files import read_file
from volte.ingest.html import extract_html
from volte.ingest.jsonl import parse_line
from volte.ingest.text import parse_text
from volte.model import Article

# Set by conftest.py for `pytest --long`, before this module is imported.
LONG = bool(os.environ.get("VOLTE_FUZZ_LONG"))


def cases(quick: int, long: int) -> settings:
    """Fixed seed (derandomize), no deadline (a busy CI machine), `quick` examples, or `long` with --long."""
    return settings(
        max_examples=long if LONG else quick,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )


# Characters that matter to the readers and the extractor: quotation marks of every kind, line breaks, dashes,
# colons, markup, YAML and JSON punctuation, a BOM, NUL, an RTL override, astral characters.
_SPECIAL = list("\"'“”‘’«»„‹›\n\r\t :;,.!?—–-#*_<>/{}[]=&\\\ufeff\x00\u202e\U0001f600é")
_WORDS = ["said", "told", "says", "according to", "Jane Roe", "Mr. Smith", "NATO", "the mayor", "---", "date:",
          "title:", "# Title", "By Ann Lee", "<p>", "</p>", "<div>", "<html>", "WARC/1.0", '{"text": ', "said:"]
texty = st.lists(st.one_of(st.sampled_from(_WORDS), st.sampled_from(_SPECIAL), st.text(max_size=8)), max_size=60).map(
    "".join
)


@given(texty)
@cases(150, 3000)
def test_parse_text_gives_an_article_or_a_reason(content: str) -> None:
    try:
        article = parse_text(content, source="f.txt")
    except IngestError as exc:
        assert str(exc)
    else:
        assert article.text and article.text == article.text.strip()


@given(st.one_of(texty, st.dictionaries(st.sampled_from(["text", "date", "title", "id", "language"]),
                                        st.one_of(texty, st.integers(), st.floats(), st.none(), st.booleans()))
                 .map(json.dumps)))
@cases(100, 2000)
def test_parse_line_gives_an_article_or_a_reason(line: str) -> None:
    try:
        parse_line(line, path="f.jsonl", number=1)
    except IngestError as exc:
        assert str(exc).startswith("line 1: ") or "characters long" in str(exc)


@given(st.binary(max_size=300))
@cases(150, 3000)
def test_bytes_are_sorted_into_a_format_or_refused(data: bytes) -> None:
    for name in ("x.txt", "x", "x.html", "x.warc.gz", "x.pdf"):
        try:
            fmt = detect_format(Path(name), data)
        except IngestError:
            continue
        assert fmt in ("text", "html", "jsonl", "warc")
    try:
        decode_text(data)
    except IngestError as exc:
        assert str(exc).startswith("not UTF-")


@given(texty)
@cases(60, 1000)
def test_html_gives_an_article_or_a_reason(markup: str) -> None:
    try:
        extract_html(f"<html><body><article>{markup}</article></body></html>", source="x.html")
    except IngestError as exc:
        assert str(exc)


def _warc_bytes() -> tuple[bytes, list[int]]:
    out = BytesIO()
    ends = []
    writer = WARCWriter(out, gzip=True)
    for i in range(2):
        body = f"<html><body><p>The mayor said on Monday that path {i} will stay closed until June.</p></body></html>"
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(f"https://example.org/{i}", "response", payload=BytesIO(body.encode()),
                                      http_headers=headers, length=len(body))
        )
        ends.append(out.tell())
    return out.getvalue(), ends


# The archive, and where each of its records ends: a cut there leaves a whole, shorter archive.
WARC, WARC_ENDS = _warc_bytes()


@given(st.integers(0, len(WARC)), st.lists(st.tuples(st.integers(0, len(WARC) - 1), st.integers(0, 255)), max_size=4))
@cases(100, 2000)
def test_a_damaged_warc_never_raises_and_never_loses_silently(tmp_path_factory, cut: int, flips) -> None:
    data = bytearray(WARC[:cut])
    for at, value in flips:
        if at < len(data):
            data[at] = value
    path = tmp_path_factory.mktemp("warc") / "f.warc.gz"
    path.write_bytes(bytes(data))
    items = list(read_file(path))  # never raises
    articles = [i for i in items if isinstance(i, Article)]
    failures = [i for i in items if isinstance(i, IngestFailure)]
    # Every page of the records the cut left whole, or a reason for what is missing.
    whole = sum(1 for end in WARC_ENDS if end <= cut)
    assert failures or len(articles) == whole
    assert all(f.reason for f in failures)


_QUOTE_TEXT = st.lists(
    st.one_of(
        st.sampled_from(['"', "“", "”", "«", "»", "‘", "’", "'", "\n\n", "\n", " — ", ": ", ", ", ". "]),
        st.sampled_from(["We will win", "said Jane Roe", "Jane Roe said", "the mayor told reporters", "NATO",
                         "According to Mr. Smith", "she said", "It is over", "He claims that taxes rise",
                         "Russia", "I was wrong"]),
    ),
    min_size=1,
    max_size=40,
).map("".join)


@pytest.mark.model
@given(_QUOTE_TEXT)
@cases(80, 1500)
def test_statement_offsets_are_exact_for_any_text(text: str) -> None:
    from volte.ingest.article import make_article
    from volte.nlp.extract import extract_statements

    try:
        article = make_article(text, source="f.txt", language="en")
    except IngestError:
        return
    for statement in extract_statements(article):
        assert 0 <= statement.start < statement.end <= len(article.text)
        pieces = statement.text.split(" … ")
        at = statement.start
        for piece in pieces:  # an interrupted quotation: its pieces, in order, inside its span
            found = article.text.find(piece, at, statement.end)
            assert found >= 0, (statement.text, article.text)
            at = found + len(piece)
        if len(pieces) == 1:
            assert statement.text == article.text[statement.start : statement.end]
        assert statement.kind in ("direct", "partial", "indirect")
