"""Can this token speak? One test, used by every rule, each rule naming the kinds of speaker it accepts.

    can_speak(tok, cues)                      # a name, a named entity, a personal pronoun, a group noun
    can_speak(tok, cues, "name", "pronoun")   # only a name or a pronoun
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from volte.resources import Cues


def noun_forms(token: Token) -> set[str]:
    """A noun as the word lists may hold it: as written, its lemma (French; the English pipeline runs without a
    lemmatizer) and without a plural `s`: `leaders` -> {leaders, leader}."""
    low = token.lower_
    return {low, token.lemma_.lower(), low[:-1] if low.endswith("s") else low}


def pronoun_form(token: Token) -> str:
    """A subject pronoun as a word: French inversion writes `a-t-il`, `a-t-elle`, tokenised `-t` `-elle` or `-t-elle`."""
    low = re.sub(r"^-?(?:t-)?-?", "", token.lower_)
    if not low and token.i + 1 < len(token.doc):
        low = re.sub(r"^-?(?:t-)?-?", "", token.nbor(1).lower_)
    return low


def _is_kind(tok: Token, cues: Cues, kind: str) -> bool:
    if kind == "name":
        return tok.pos_ == "PROPN"  # `Valcourt`, `the F.B.I.`
    if kind == "entity":
        return tok.ent_type_ in ("PERSON", "PER", "ORG", "NORP", "GPE")  # a person, an organisation, a people, a state
    if kind == "person_or_org":
        return tok.ent_type_ in ("PERSON", "PER", "ORG")
    if kind == "tagged":
        return bool(tok.ent_type_)  # any named entity the tagger found
    if kind == "pronoun":
        return tok.lower_ in cues.words["pronouns"]  # `he`, `it`, `who`: someone named elsewhere
    if kind == "person_pronoun":
        return pronoun_form(tok) in cues.words["persons"]  # `he`, `she`, `they`, `a-t-il`
    if kind == "group":
        return bool(noun_forms(tok) & cues.groups)  # `officials`, `the campaign`, `a statement`
    raise ValueError(f"no speaker kind {kind}")


SPEAKERLIKE = ("name", "entity", "person_pronoun", "group")


# Parts of speech that never head a speaker's phrase.
_DEBRIS = frozenset({"ADP", "VERB", "AUX", "ADV", "SCONJ", "CCONJ", "PART", "PUNCT", "SYM", "INTJ", "X"})


def cannot_speak(tok: Token, cues: Cues) -> bool:
    """A common noun that names no one who can speak: an abstract noun, an event, a period, a quantity or a thing
    (`paranoia found …`, `the day sends a message`, `1 percent see …`), or sentence debris (a preposition, a verb, a
    letter); a name, a named entity, a pronoun or a noun of the `groups` list always can. The classes are `never_speakers` and `abstract_endings` in cues_<lang>.yaml."""
    if tok.ent_type_ in ("PERSON", "PER", "ORG", "NORP", "GPE"):
        return False
    if tok.lower_ in cues.words["thing_pronouns"]:
        return True  # `c'est ainsi qu'il a qualifié …, estimant que …`: `c'` stands for no one
    if can_speak(tok, cues, "group", "pronoun", "person_pronoun"):
        return False
    if tok.pos_ in _DEBRIS or len(tok.text.strip("-")) < 2:
        return True  # sentence debris the parse made a subject: `on`, `required`, `looking`, `c`
    if tok.pos_ not in ("NOUN", "NUM", "ADJ"):  # (an adjective the parse made the head: `les mêmes attendus`)
        return False
    forms = noun_forms(tok)
    return bool(forms & cues.words["never_speakers"]) or any(
        f.endswith(ending) for f in forms for ending in cues.words["abstract_endings"]
    )
def can_speak(tok: Token, cues: Cues, *kinds: str) -> bool:
    """Whether `tok` heads a speaker of one of `kinds` (default: a name, a named entity, a personal pronoun or a
    noun for people, a group or a document: someone who can say things)."""
    return any(_is_kind(tok, cues, kind) for kind in kinds or SPEAKERLIKE)
