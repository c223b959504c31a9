"""Selective parsing: the tagger and parser run only on the sentences attribution can use, NER on the whole text.

    doc = parse_selective(nlp, text, cues("en"), neighbours=1)     # doc.text == text, character for character

A cheap first pass (the pipeline's own tokenizer, its `senter` component and volte's paragraph marks) cuts the text
into sentences. A sentence is *selected* when it holds a quotation mark or a word that can start a cue: an inflected
cue verb form (`said`, `says`, `told`: the English table lists them, so no lemmatizer is needed), a report noun, the
first word of a cue phrase (`according`) or an opening source (`Sources`). The selected sentences and `neighbours`
sentences on each side are tagged and parsed by the full pipeline, one passage of consecutive sentences at a time;
the other sentences get no tags and a flat tree (every token headed by the sentence's first, label `dep`), which
keeps their sentence boundaries. NER runs over the whole text as before: the names of the article, wherever they
stand, are what speakers and pronouns resolve to. Every token is the cheap pass's token, so offsets are exact.

Only English: French cues are matched by lemma (`a déclaré` -> déclarer), which a lemma-free pass cannot see.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import cast

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, NORM, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc
from thinc.types import Ints2d

from volte.nlp.pipeline import mark_paragraphs
from volte.resources import Cues

__all__ = ["cue_words", "parse_selective", "select_sentences"]

# Quotation marks of any kind a quotation or a colon lead-in may use (quotes.py), and the doubled ASCII ones.
_QUOTE_MARKS = frozenset('"“”«»„‟')
_QUOTE_TOKENS = frozenset({"``", "''"})
# NORM first: the tokenizer's special cases set it (`don’t` -> `do` + `n’t`, normalised `not`), a Doc built from
# words would not have it, and the tagger, parser and NER read it.
_ATTRS = [NORM, TAG, POS, MORPH, LEMMA, HEAD, DEP]
_HEAD, _DEP = _ATTRS.index(HEAD), _ATTRS.index(DEP)
# Components that run over the whole text; the rest run on the selected passages only.
_WHOLE_TEXT = frozenset({"ner"})


_CUE_WORDS: dict[int, tuple[frozenset[str], tuple[tuple[str, ...], ...]]] = {}  # by the id of a language's table


def cue_words(table: Cues) -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    """The lower-case words and the phrases (`according to`, `in the words of`) that can make a cue of `table`
    (find_cues, the report finders): a sentence with neither and no quotation mark gives attribution nothing."""
    if id(table) not in _CUE_WORDS:
        forms = [*table.verb_forms, *table.nouns, *table.report_nouns, *table.words.get("opening_sources", ())]
        forms += [" ".join(p) for p in table.phrases]
        split = [tuple(f.lower().split()) for f in forms if f.strip()]
        words = frozenset(f[0] for f in split if len(f) == 1)
        phrases = tuple(sorted({f for f in split if len(f) > 1 and f[0] not in words}))
        _CUE_WORDS[id(table)] = (words, phrases)
    return _CUE_WORDS[id(table)]


def _flagged(tokens: list[str], texts: list[str], words: frozenset[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    for i, (low, text) in enumerate(zip(tokens, texts, strict=True)):
        if low in words or text in _QUOTE_TOKENS or any(c in _QUOTE_MARKS for c in text):
            return True
        if any(p[0] == low and tuple(tokens[i : i + len(p)]) == p for p in phrases):
            return True
    return False


def select_sentences(doc: Doc, table: Cues, neighbours: int) -> list[tuple[int, int, bool]]:
    """(start, end, parse) token ranges of consecutive sentences of `doc` (sentence boundaries set), grouped into
    runs that are parsed (a selected sentence or within `neighbours` of one) or not, covering the doc in order."""
    words, phrases = cue_words(table)
    sents = [(s.start, s.end) for s in doc.sents]
    flagged = [_flagged([t.lower_ for t in doc[a:b]], [t.text for t in doc[a:b]], words, phrases) for a, b in sents]
    parse = [False] * len(sents)
    for i, flag in enumerate(flagged):
        if flag:
            for k in range(max(0, i - neighbours), min(len(sents), i + neighbours + 1)):
                parse[k] = True
    runs: list[tuple[int, int, bool]] = []
    for (a, b), p in zip(sents, parse, strict=True):
        if runs and runs[-1][2] == p:
            runs[-1] = (runs[-1][0], b, p)
        else:
            runs.append((a, b, p))
    return runs


def parse_selective(nlp: Language, text: str, table: Cues, neighbours: int = 1) -> Doc:
    """`text` parsed where attribution can use it, its names found everywhere (see the module docstring)."""
    doc = nlp.make_doc(text)
    if not len(doc):
        return nlp(doc)
    doc = nlp.get_pipe("senter")(doc)
    doc = mark_paragraphs(doc)
    runs = select_sentences(doc, table, neighbours)
    parsed = [(a, b) for a, b, p in runs if p]
    strings = nlp.vocab.strings
    array = numpy.zeros((len(doc), len(_ATTRS)), dtype="int64")  # (heads are relative: negative for earlier)
    array[:, 0] = doc.to_array(NORM).view("int64")
    flat, root = strings.add("dep"), strings.add("ROOT")
    for a, b, p in runs:
        if p:
            continue
        # A flat tree per sentence of the cheap pass: the first token its root, every other token under it.
        for sent in doc[a:b].sents:
            array[sent.start, _DEP] = root
            for i in range(sent.start + 1, sent.end):
                array[i, _HEAD] = sent.start - i
                array[i, _DEP] = flat
    for (a, b), passage in zip(parsed, _parse_passages(nlp, doc, parsed), strict=True):
        array[a:b] = passage.to_array(_ATTRS).view("int64")
    out = Doc(nlp.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    out.from_array(_ATTRS, cast(Ints2d, array.view("uint64")))
    for name, proc in nlp.pipeline:
        if name in _WHOLE_TEXT:
            out = proc(out)
    return out


def _parse_passages(nlp: Language, doc: Doc, spans: list[tuple[int, int]]) -> Iterator[Doc]:
    """The full pipeline but NER over each passage `doc[a:b]`, its tokens kept as they are."""
    norms = doc.to_array([NORM])
    passages = []
    for a, b in spans:
        passage = Doc(nlp.vocab, words=[t.text for t in doc[a:b]], spaces=[bool(t.whitespace_) for t in doc[a:b]])
        passage.from_array([NORM], cast(Ints2d, norms[a:b]))
        passages.append(passage)
    for name, proc in nlp.pipeline:
        if name not in _WHOLE_TEXT:
            passages = list(proc.pipe(passages)) if hasattr(proc, "pipe") else [proc(p) for p in passages]
    yield from passages
