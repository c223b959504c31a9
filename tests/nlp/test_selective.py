"""Selective parsing (nlp/selective.py, `$VOLTE_SELECTIVE_PARSE=1`): which sentences the cheap pass selects, and a
joined Doc whose text, tokens and names are the full pipeline's, parsed where attribution reads it."""

from __future__ import annotations

from functools import partial

import pytest

from volte.errors import UsageError
from volte.ingest.article import make_article
from volte.nlp.extract import extract_statements
from volte.nlp.pieces import parse_bounded
from volte.nlp.selective import cue_words, parse_selective, select_sentences
from volte.resources import cues
from volte.settings import Settings, read_settings

# Sentences 0-2 and 6-8 hold no quotation mark and no cue; 4 has a quotation, 5 the cue `told`.
TEXT = (
    "The weather was fine. It was sunny in Lyon. The river ran high.\n\n"
    "Cats sleep. \"We will win,\" Smith said on Monday. Mary Jones told reporters she was happy.\n\n"
    "Dogs bark in Berlin. Birds fly. The bridge in Paris is old."
)


def test_cue_words_are_inflected_forms_and_phrases_from_the_cue_table():
    words, phrases = cue_words(cues("en"))
    assert {"said", "says", "told", "claim"} <= words
    assert "in" not in words  # (only as the start of the phrase `in the words of`)
    assert {("according", "to"), ("in", "the", "words", "of")} <= set(phrases)
    assert cues("en").verb_forms["told"] == "tell"


def test_selective_parse_is_a_setting_off_by_default():
    assert Settings().selective_parse == 0
    assert read_settings({"VOLTE_SELECTIVE_PARSE": "1", "VOLTE_PARSE_NEIGHBOURS": "0"}).parse_neighbours == 0
    for bad in ("-1", "yes"):
        with pytest.raises(UsageError, match="at least 0"):
            read_settings({"VOLTE_SELECTIVE_PARSE": bad})
    with pytest.raises(UsageError, match="at least 1"):
        read_settings({"VOLTE_MAX_LINE_CHARS": "0"})  # a limit still may not be 0


@pytest.mark.model
@pytest.mark.parametrize(("neighbours", "parsed"), [(0, [4, 5]), (1, [3, 4, 5, 6])])
def test_the_cheap_pass_selects_quotations_cues_and_their_neighbours(neighbours, parsed):
    from volte.nlp.pipeline import load_pipeline, mark_paragraphs

    nlp = load_pipeline("en")
    doc = mark_paragraphs(nlp.get_pipe("senter")(nlp.make_doc(TEXT)))
    starts = [s.start for s in doc.sents]
    assert len(starts) == 9
    runs = select_sentences(doc, cues("en"), neighbours)
    assert runs[0][0] == 0 and runs[-1][1] == len(doc)
    chosen = [i for i, start in enumerate(starts) if any(a <= start < b and p for a, b, p in runs)]
    assert chosen == parsed


@pytest.mark.model
def test_the_joined_doc_keeps_text_tokens_sentences_and_every_name():
    from volte.nlp.pipeline import load_pipeline

    nlp = load_pipeline("en")
    full = nlp(TEXT)
    doc = parse_selective(nlp, TEXT, cues("en"), neighbours=0)
    assert doc.text == TEXT
    assert [t.idx for t in doc] == [t.idx for t in full]
    assert [s.text.strip() for s in doc.sents][:3] == ["The weather was fine.", "It was sunny in Lyon.", "The river ran high."]
    # Names everywhere, the unparsed sentences' too (`Lyon`, `Berlin`, `Paris`): NER ran on the whole text.
    assert [(e.text, e.label_) for e in doc.ents] == [(e.text, e.label_) for e in full.ents]
    assert {"Lyon", "Berlin", "Paris", "Mary Jones"} <= {e.text for e in doc.ents}
    told = next(t for t in doc if t.text == "told")
    assert told.pos_ == "VERB" and told.dep_ == "ROOT" and told.head.i == told.i
    assert [c.text for c in told.lefts] == ["Jones"]
    bark = next(t for t in doc if t.text == "bark")  # unparsed: no tag, under its sentence's first word
    assert bark.pos_ == "" and bark.dep_ == "dep" and bark.head.text == "Dogs"


@pytest.mark.model
def test_the_tokenizers_norms_reach_the_parser():
    from volte.nlp.pipeline import load_pipeline

    # `don’t` is `do` + `n’t`, normalised `not` by the tokenizer's special cases: a parse without the norm took
    # `n’t` for the subject of `want` (a speaker `n’t`, seen on a real page).
    text = "Fans don’t want a rematch, the promoter said. Cats sleep."
    nlp = load_pipeline("en")
    doc = parse_selective(nlp, text, cues("en"), neighbours=0)
    full = nlp(text)
    assert [t.norm_ for t in doc] == [t.norm_ for t in full]
    assert [(t.dep_, t.head.i) for t in doc[:9]] == [(t.dep_, t.head.i) for t in full[:9]]
    assert next(t for t in doc if t.text == "n’t").dep_ == "neg"


@pytest.mark.model
def test_a_long_text_in_pieces_is_parsed_selectively_with_exact_offsets():
    from volte.nlp.pipeline import load_pipeline

    nlp = load_pipeline("en")
    text = "\n\n".join([TEXT] * 6)
    small = Settings(max_parse_chars=400, max_paragraph_chars=200, max_line_chars=100)
    doc = parse_bounded(nlp, text, small, parse=partial(parse_selective, nlp, table=cues("en"), neighbours=1))
    assert doc.text == text
    assert [e.text for e in doc.ents].count("Mary Jones") == 6


@pytest.mark.model
def test_statements_are_the_same_with_selective_parsing(monkeypatch):
    article = make_article(TEXT, source="selective.txt", published="2024-05-02")
    whole = extract_statements(article)
    monkeypatch.setenv("VOLTE_SELECTIVE_PARSE", "1")
    selective = extract_statements(article)
    assert [(s.id, s.speaker and s.speaker.name, s.kind) for s in whole] == [
        (s.id, s.speaker and s.speaker.name, s.kind) for s in selective
    ]
    assert [(s.text, s.speaker and s.speaker.name) for s in selective] == [
        ("We will win", "Smith"), ("she was happy", "Mary Jones")
    ]


@pytest.mark.model
def test_the_docs_text_is_read_once_and_shared():
    from volte.nlp.extract import statements_from_doc
    from volte.nlp.pipeline import doc_text, load_pipeline

    # spaCy joins every token again on each `doc.text`; every target mention used to (quadratic in the length).
    doc = load_pipeline("en")(TEXT)
    assert "volte.text" not in doc.user_data
    assert doc_text(doc) == TEXT and doc_text(doc) is doc.user_data["volte.text"]
    other = load_pipeline("en")(TEXT)
    statements = statements_from_doc(other, make_article(TEXT, source="once.txt", published="2024-05-02"))
    assert len(statements) == 2 and other.user_data["volte.text"] == TEXT
