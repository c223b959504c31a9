"""Cues: the words that introduce a quotation or a report (speech verbs, `according to`, `selon`), each with the
token heading its speaker as the subject rules (subjects.py) find it in the parse.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from volte.nlp.attribution.speech import noun_forms
from volte.nlp.attribution.subjects import find_subject
from volte.nlp.deps import dep_of
from volte.resources import Cues


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue word and, when the parse gives one, the token heading its speaker's noun phrase."""

    token: Token  # the verb, or `according` in `according to`
    text: str  # the cue as shown: `said`, `according to`
    speaker: Token | None
    phrase: bool = False  # a fixed phrase (`according to`, `selon`), not a verb
    subject_rule: str | None = None  # the rule that found `speaker`
    label: bool = False  # a label before a colon, its line's words reported (a headline's `Pence: …`)


def _phrase_cue(token: Token, cues: Cues) -> Cue | None:
    """`according to X` -> Cue(according, X); `in the words of X` likewise."""
    doc = token.doc
    for phrase in cues.phrases:
        end = token.i + len(phrase)
        if end > len(doc) or tuple(t.lower_ for t in doc[token.i : end]) != phrase:
            continue
        last = doc[end - 1]
        if dep_of(last) == "case" and last.head.i >= end:
            return Cue(token, " ".join(phrase), last.head, True, "according_to")  # French `selon X`: `selon` hangs from X
        if len(phrase) > 1 and dep_of(token) == "case" and dep_of(last) == "fixed" and token.head.i >= end:
            return Cue(token, " ".join(phrase), token.head, True, "according_to")  # `D'après X`: `D'` hangs from X
        objects = [c for c in last.children if dep_of(c) == "pobj"]
        if not objects and end < len(doc):
            objects = [doc[end]] if doc[end].pos_ in ("PROPN", "NOUN", "PRON") else []
        source = objects[0] if objects else None
        if source is not None and source.pos_ == "NOUN":
            # `according to interviews with party leaders`, `a tally by the Associated Press`: who gave the interviews
            # or made the tally is the source (not `a survey of voters`: those asked).
            # A piece in a medium is the medium's: `according to an article in Healthline`.
            links = cues.words["source_links"]
            if noun_forms(source) & cues.words["pieces"]:
                links = links | cues.words["published_in"]
            givers = [
                g for p in source.rights if dep_of(p) == "prep" and p.lower_ in links
                for g in p.children if dep_of(g) == "pobj" and (g.pos_ == "PROPN" or g.ent_type_ or noun_forms(g) & cues.groups)
            ]
            source = givers[0] if givers else source
        return Cue(token, " ".join(phrase), source, True, "according_to")
    return None


def _opening_source(token: Token, cues: Cues) -> Cue | None:
    """French `Pour X, …` opening a sentence (cues `opening_sources`): X's view, when X can speak (a person or an
    organisation named, an office, a group) and a comma closes X's phrase: `Pour le procureur fédéral, plus de 3
    millions d'euros auraient été volés`, `Mais pour Obama, « … »`; not `Pour sa part,`, `Pour la première fois,`."""
    doc, source = token.doc, token.head
    start = token.sent.start
    opening = token.i == start or token.i == start + 1 and doc[start].pos_ == "CCONJ"
    if not opening or dep_of(token) != "case" or source.i <= token.i:
        return None
    # (the comma closes X's phrase a few words on, whatever the parse hangs after it)
    # (a participle may describe X: `Pour l'organisation militant pour les droits de l'homme, …`)
    comma = next((t.i for t in doc[source.i : source.i + 10] if t.text == ","), None)
    describing = {t.i for c in source.children if dep_of(c) == "acl" for t in c.subtree}
    if comma is None or any(t.pos_ in ("VERB", "AUX") and t.i not in describing for t in doc[source.i : comma]):
        return None
    named = source.pos_ == "PROPN" and source.ent_type_ in ("PER", "PERSON", "ORG")
    described = source.pos_ == "NOUN" and source.lower_ in (
        cues.words["roles"] | cues.words["org_descriptions"] | cues.groups
    )
    # `Pour l'économiste Thomas Piketty, …`: a person named beside any description of them
    named = named or source.pos_ == "NOUN" and any(
        t.ent_type_ in ("PER", "PERSON") and t.pos_ == "PROPN" and t.head.i == source.i for t in doc[source.i : comma]
    )
    return Cue(token, token.text, source, True, "according_to") if named or described else None


def find_cues(
    doc: Doc, tokens: Iterable[Token], cues: Cues, strong_only: bool = False, quoted: Container[int] = ()
) -> list[Cue]:
    """The cues among `tokens`, in text order; `quoted` as in `find_subject`."""
    found = []
    heads = {p[0] for p in cues.phrases}
    for tok in tokens:
        verb = tok.pos_ in ("VERB", "AUX")  # (first: the cue table is read for verbs only)
        lemma = cues.lemma(tok) if verb else None
        if lemma is not None and not (strong_only and lemma in cues.weak):
            subject, subject_rule = find_subject(tok, cues, quoted)
            found.append(Cue(tok, tok.text, subject, subject_rule=subject_rule))
        elif tok.lower_ in heads:
            cue = _phrase_cue(tok, cues)
            if cue is not None:
                found.append(cue)
        elif tok.lower_ in cues.words["opening_sources"] and (cue := _opening_source(tok, cues)) is not None:
            found.append(cue)
    return found


def is_weak(cue: Cue, cues: Cues) -> bool:
    """Cues that report speech only when they govern the quotation: `believe`, `call`, `find` …"""
    tok = cue.token
    return cues.lemma(tok) in cues.weak
