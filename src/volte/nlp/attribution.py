"""Who said it: the cue (speech verb or phrase) that introduces a quotation or a report, and its speaker.

Works over the dependency parse of a spaCy `Doc`:
- the subject of a speech verb before or after the quotation (`"…," X said`, `"…," said X`, `X said: "…"`,
  `X told the newspaper Y: "…"`, `X states bluntly: "…"`);
- `according to X`;
- a participial opener (`Speaking on Radio Z, X said …`): the main verb's subject;
- an apposition (`X, the head of Y, said …`): the name, not the description;
- a passive (`it was said by X`): the agent.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from volte.resources import Cues

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue word and, when the parse gives one, the token heading its speaker's noun phrase."""

    token: Token  # the verb, or `according` in `according to`
    text: str  # the cue as shown: `said`, `according to`
    speaker: Token | None


def _phrase_cue(token: Token, cues: Cues) -> Cue | None:
    """`according to X` -> Cue(according, X); `in the words of X` likewise."""
    doc = token.doc
    for phrase in cues.phrases:
        end = token.i + len(phrase)
        if end > len(doc) or tuple(t.lower_ for t in doc[token.i : end]) != phrase:
            continue
        last = doc[end - 1]
        objects = [c for c in last.children if c.dep_ == "pobj"]
        if not objects and end < len(doc):
            objects = [doc[end]] if doc[end].pos_ in ("PROPN", "NOUN", "PRON") else []
        return Cue(token, " ".join(phrase), objects[0] if objects else None)
    return None


def speaker_of(verb: Token, quoted: Container[int] = ()) -> Token | None:
    """The token heading the speaker of a speech verb, following the parse (see the module docstring).

    Tokens whose index is in `quoted` are quoted words, never the speaker: in `“My reaction …,” X said` the
    parser may make `reaction` a subject of `said`.
    """
    for child in verb.children:
        if child.dep_ in _SUBJECTS and child.i not in quoted:
            return child
    for child in verb.children:
        # `it was said by X`: the agent is the speaker.
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    # `X, who said …`, `footage of Clinton asking, "…"`: the noun the clause hangs from.
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("PROPN", "NOUN"):
        return verb.head
    # `X smiled and said …`, `Speaking …, X said`: the subject of the verb it hangs from.
    if verb.dep_ in ("conj", "xcomp", "advcl", "ccomp") and verb.head is not verb:
        head = verb.head
        for child in head.children:
            if child.dep_ in _SUBJECTS and child.i not in quoted:
                return child
    return None


def find_cues(
    doc: Doc, tokens: Iterable[Token], cues: Cues, strong_only: bool = False, quoted: Container[int] = ()
) -> list[Cue]:
    """The cues among `tokens`, in text order; `quoted` as in `speaker_of`."""
    found = []
    for tok in tokens:
        lemma = cues.verb_forms.get(tok.lower_)
        if lemma is not None and tok.pos_ in ("VERB", "AUX") and not (strong_only and lemma in cues.weak):
            found.append(Cue(tok, tok.text, speaker_of(tok, quoted)))
        elif tok.lower_ in ("according", "in"):
            cue = _phrase_cue(tok, cues)
            if cue is not None:
                found.append(cue)
    return found


def is_weak(cue: Cue, cues: Cues) -> bool:
    """Cues that report speech only when they govern the quotation: `believe`, `call`, `find` …"""
    return cues.verb_forms.get(cue.token.lower_) in cues.weak
