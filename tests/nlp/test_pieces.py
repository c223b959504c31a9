"""Long texts parsed in pieces (nlp/pieces.py): the pieces cover the text exactly, stay within the limits, and the
joined Doc gives statements whose offsets are exact."""

from __future__ import annotations

import time

import pytest

from volte.errors import LimitExceeded
from volte.ingest.article import make_article
from volte.nlp.pieces import cut_pieces
from volte.settings import Settings, read_settings
from volte.watchdog import time_budget

SMALL = Settings(max_parse_chars=400, max_paragraph_chars=200, max_line_chars=100)
QUOTE = '"We will never give up on this town," said Mayor Jane Roe. '


def _check_cover(text: str, settings: Settings) -> list[tuple[int, int]]:
    pieces = list(cut_pieces(text, settings))
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a < b for a, b in pieces)
    assert all(b == c for (_, b), (c, _) in zip(pieces, pieces[1:], strict=False))
    return pieces


def test_a_text_inside_the_limits_is_one_piece():
    text = "A short paragraph.\n\nAnother one, with a line\nbreak in it."
    assert list(cut_pieces(text, SMALL)) == [(0, len(text))]


def test_paragraphs_are_grouped_and_a_long_line_is_cut_at_sentence_ends():
    paragraphs = [f"Short paragraph number {i} is here." for i in range(20)]
    line = QUOTE * 6  # one line of 360 characters
    text = "\n\n".join(paragraphs[:10] + [line] + paragraphs[10:])
    pieces = _check_cover(text, SMALL)
    assert max(b - a for a, b in pieces) <= SMALL.max_parse_chars
    line_start = text.index(line)
    inside = [(a, b) for a, b in pieces if line_start <= a < line_start + len(line)]
    assert inside and all(b - a <= SMALL.max_line_chars for a, b in inside)
    # Cuts inside the line fall after a sentence's final mark and its space: `Roe. ` | `"We`.
    assert all(text[a] == '"' for a, _ in inside[1:])
    # Paragraph pieces end after the blank line, never inside a paragraph.
    assert all(text[b - 2 : b] == "\n\n" or b == len(text) for a, b in pieces if b <= line_start)


def test_a_run_without_spaces_is_cut_at_the_limit():
    text = "x" * 1050
    pieces = _check_cover(text, SMALL)
    assert [b - a for a, b in pieces] == [100] * 10 + [50]


def test_settings_come_from_the_environment_and_bad_values_are_refused():
    assert read_settings({}) == Settings()
    assert read_settings({"VOLTE_MAX_LINE_CHARS": "5_000"}).max_line_chars == 5000
    for bad in ("0", "-3", "ten"):
        with pytest.raises(Exception, match="VOLTE_ARTICLE_SECONDS must be a whole number"):
            read_settings({"VOLTE_ARTICLE_SECONDS": bad})


def test_an_article_over_the_limit_is_refused_with_the_reason(monkeypatch):
    monkeypatch.setenv("VOLTE_MAX_ARTICLE_CHARS", "1000")
    make_article("x " * 500, source="ok.txt", language="en")
    with pytest.raises(LimitExceeded, match="1,001 characters long, over the limit of 1,000"):
        make_article("x " * 500 + "y", source="long.txt", language="en")


def test_the_time_budget_stops_a_block_that_runs_too_long():
    started = time.monotonic()
    with pytest.raises(LimitExceeded, match="took longer than 0.2s"), time_budget(0.2):
        while True:
            sum(range(1000))
    assert time.monotonic() - started < 2
    with time_budget(5):  # a block that ends in time is left alone, and the alarm is off afterwards
        pass
    time.sleep(0.01)


@pytest.mark.model
def test_a_text_over_spacys_limit_is_parsed_in_pieces_with_exact_offsets(monkeypatch):
    from volte.nlp.extract import extract_statements
    from volte.nlp.pipeline import load_pipeline

    nlp = load_pipeline("en")
    text = ("The council met on Monday.\n\n" + QUOTE * 8 + "\n\n") * 6
    article = make_article(text, source="long.txt", language="en")
    monkeypatch.setattr(nlp, "max_length", 1500)
    with pytest.raises(ValueError, match="max_length"):  # what spaCy itself says about it
        nlp(article.text)
    monkeypatch.setenv("VOLTE_MAX_LINE_CHARS", "300")
    statements = extract_statements(article)
    assert len(statements) == 48
    for statement in statements:
        assert statement.text == article.text[statement.start : statement.end]
    assert {s.speaker.name for s in statements if s.speaker} == {"Jane Roe"}


@pytest.mark.model
def test_normal_articles_are_parsed_whole(sample_extractions):
    settings = Settings()
    for article, _ in sample_extractions.values():
        assert list(cut_pieces(article.text, settings)) == [(0, len(article.text))]
