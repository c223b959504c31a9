"""One vocabulary of dependency labels across languages.

spaCy's English pipelines use ClearNLP labels (`nsubjpass`, `dobj`, `relcl`); the French ones use Universal
Dependencies with subtypes (`nsubj:pass`, `obj`, `acl:relcl`, `flat:name`). The rules speak the English labels;
`dep_of` maps a French token's label onto them.
"""

from __future__ import annotations

from spacy.tokens import Token

_UD_TO_CLEAR = {
    "nsubj:pass": "nsubjpass",
    "obj": "dobj",
    "iobj": "dative",
    "flat:name": "flat",
    "flat:foreign": "flat",
    "acl:relcl": "relcl",
    "obl": "prep",
    "obl:mod": "prep",
    "obl:arg": "prep",
    "obl:agent": "agent",
    "expl:subj": "expl",
    "expl:pass": "expl",
    "aux:tense": "aux",
    "aux:pass": "auxpass",
    "csubj:pass": "csubjpass",
}


def dep_of(token: Token) -> str:
    """The token's dependency label in the English (ClearNLP) vocabulary."""
    label: str = token.dep_
    return _UD_TO_CLEAR.get(label, label)
