"""Who said it: the cue (speech verb or phrase) that introduces a quotation or a report, and its speaker.

Works over the dependency parse of a spaCy `Doc`:
- the subject of a speech verb before or after the quotation (`"…," X said`, `"…," said X`, `X said: "…"`,
  `X told the newspaper Y: "…"`, `X states bluntly: "…"`);
- `according to X`;
- a participial opener (`Speaking on Radio Z, X said …`): the main verb's subject;
- an apposition (`X, the head of Y, said …`): the name, not the description;
- a passive (`it was said by X`): the agent, and no one when there is none (`X is seen as …` is not X speaking);
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from volte.nlp.deps import dep_of
from volte.resources import Cues

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue word and, when the parse gives one, the token heading its speaker's noun phrase."""

    token: Token  # the verb, or `according` in `according to`
    text: str  # the cue as shown: `said`, `according to`
    speaker: Token | None
    phrase: bool = False  # a fixed phrase (`according to`, `selon`), not a verb


def noun_forms(token: Token) -> set[str]:
    """A noun as the word lists may hold it: as written, its lemma (French; the English pipeline runs without a
    lemmatizer) and without a plural `s`: `leaders` -> {leaders, leader}."""
    low = token.lower_
    return {low, token.lemma_.lower(), low[:-1] if low.endswith("s") else low}


def _phrase_cue(token: Token, cues: Cues) -> Cue | None:
    """`according to X` -> Cue(according, X); `in the words of X` likewise."""
    doc = token.doc
    for phrase in cues.phrases:
        end = token.i + len(phrase)
        if end > len(doc) or tuple(t.lower_ for t in doc[token.i : end]) != phrase:
            continue
        last = doc[end - 1]
        if dep_of(last) == "case" and last.head.i >= end:
            return Cue(token, " ".join(phrase), last.head, True)  # French `selon X`: `selon` hangs from X
        objects = [c for c in last.children if dep_of(c) == "pobj"]
        if not objects and end < len(doc):
            objects = [doc[end]] if doc[end].pos_ in ("PROPN", "NOUN", "PRON") else []
        source = objects[0] if objects else None
        if source is not None and source.pos_ == "NOUN":
            # `according to interviews with party leaders`, `a tally by the Associated Press`: who gave the interviews
            # or made the tally is the source (not `a survey of voters`: those asked).
            givers = [
                g for p in source.rights if dep_of(p) == "prep" and p.lower_ in cues.words["source_links"]
                for g in p.children if dep_of(g) == "pobj" and (g.pos_ == "PROPN" or g.ent_type_ or noun_forms(g) & cues.groups)
            ]
            source = givers[0] if givers else source
        return Cue(token, " ".join(phrase), source, True)
    return None


def speaker_of(verb: Token, cues: Cues, quoted: Container[int] = ()) -> Token | None:
    """The token heading the speaker of a speech verb, following the parse (see the module docstring).

    Tokens whose index is in `quoted` are quoted words, never the speaker: in `“My reaction …,” X said` the
    parser may make `reaction` a subject of `said`.
    """
    # `« … », a dénoncé Étienne Marchal` / `"…," said X`: right after the quotation, the verb's subject follows
    # it; the parser often calls it an object (or takes a later noun for the subject), so it is read first.
    j, inverted = verb.i - 1, False
    while j >= 0 and (verb.doc[j].pos_ == "AUX" or verb.doc[j].is_punct or verb.doc[j].is_space):
        inverted = inverted or verb.doc[j].text in ("»", "”", '"', "’", "''")
        j -= 1
    # (Not when a subject stands before the verb: `Kerry Washington, star of "Scandal," thanked Obama`.)
    if inverted and not any(dep_of(c) in _SUBJECTS and c.i < verb.i and c.i not in quoted for c in verb.children):
        for child in verb.rights:
            timely = child.ent_type_ in ("DATE", "TIME") or child.lower_ in cues.words["time_words"]
            near = dep_of(child) in ("dobj", "nsubj", "nsubjpass", "prep") and child.i - verb.i <= 5
            if near and child.pos_ in ("PROPN", "NOUN") and child.i not in quoted and not timely:
                return child
        # `"Debate recap," tweeted Rubio spokesman Alex Conant.`, the name parsed as anything but the subject:
        # the noun phrase right after the verb, up to its last word.
        k = verb.i + 1
        # (`said retired neurosurgeon Ben Carson`: a participle as adjective belongs to the phrase.)
        while k < len(verb.doc) and k not in quoted and (
            verb.doc[k].pos_ in ("PROPN", "NOUN", "DET", "ADJ") or dep_of(verb.doc[k]) == "amod"
        ):
            k += 1
        run = [t for t in verb.doc[verb.i + 1 : k] if t.pos_ in ("PROPN", "NOUN")]
        subjectless = not any(dep_of(c) in _SUBJECTS for c in verb.children)
        if run and subjectless and run[-1].ent_type_ not in ("DATE", "TIME") and run[-1].lower_ not in cues.words["time_words"]:
            return run[-1]
    passive = (
        any(dep_of(c) == "nsubjpass" for c in verb.children)
        and any(dep_of(c) == "auxpass" for c in verb.children)
        and verb.lower_ not in cues.words["speaking_passives"]
    )
    # `The Latest: Trump urges supporters …`: of two subjects the parser gives, the one next to the verb.
    for child in sorted(verb.children, key=lambda c: (c.i > verb.i, -c.i if c.i < verb.i else c.i)):
        if passive:
            break  # `Valcourt has long been seen as close to Moscow`: the passive's subject is talked about
        if not any(c.isalpha() for c in child.text):
            continue  # a dash the tagger took for a noun: `… made public ― Trump boasted`
        if child.ent_type_ in ("DATE", "TIME") and child.pos_ == "PROPN" or (
            child.lower_ in cues.words["time_words"] and child.ent_type_ not in ("PERSON", "PER", "ORG")  # (`Hier`, a name)
        ):
            continue  # `Warren Saturday said …`, the day parsed as the subject
        # `a-t-il dit`: `-t` is only euphony; the subject is the next token.
        if dep_of(child) in _SUBJECTS and child.i not in quoted and child.lower_ != "-t":
            return child
        if dep_of(child) in _SUBJECTS and child.lower_ == "-t" and child.i + 1 < len(child.doc):
            return child.nbor(1)
    for child in verb.children:
        # `it was said by X`: the agent is the speaker.
        if dep_of(child) == "agent":
            objects = [c for c in child.children if dep_of(c) == "pobj"]
            if objects:
                return objects[0]
    if passive:
        return None  # a passive with no agent names no speaker: `he is expected to run`, `it was said that …`
    # `…, Brendan Buck, a spokesman for Ryan, told POLITICO`: the parser lost the subject inside an apposition;
    # the name the apposition describes stands right before the verb's comma.
    # (Not a participle after the comma, `…, Tulsa, Oklahoma, arguing that …`: the main verb's subject does it.)
    if verb.i >= 3 and verb.doc[verb.i - 1].text == "," and verb.tag_ != "VBG":
        tok = verb.doc[verb.i - 2]
        while dep_of(tok) in ("pobj", "prep", "compound", "amod", "det", "poss", "flat", "nmod") and tok.head.i < verb.i:
            tok = tok.head
        if dep_of(tok) == "appos" and tok.head.pos_ == "PROPN" and tok.head.i < tok.i and tok.head.i not in quoted:
            return tok.head
        if dep_of(tok) == "appos" and tok.pos_ == "PROPN" and tok.i not in quoted:
            return tok  # `her senior policy adviser, Jake Sullivan, said:` -> the name in apposition
    # `One attendee, who spoke on the condition of anonymity, said the message was …`: the parser made the
    # speaker's relative clause a clause of its own before the verb; its subject speaks.
    clauses = [c for c in verb.children if dep_of(c) == "ccomp"]
    if len(clauses) >= 2 and clauses[0].i < verb.i < clauses[-1].i:
        subjects = [c for c in clauses[0].children if dep_of(c) == "nsubj" and c.i not in quoted]
        if subjects and subjects[0].pos_ in ("NOUN", "PROPN"):
            return subjects[0]
    # `X, who said …`, `footage of Clinton asking, "…"`: the noun the clause hangs from.
    if dep_of(verb) in ("relcl", "acl") and verb.head.pos_ in ("PROPN", "NOUN"):
        return verb.head
    # `Said Ellis: "…"`: a sentence opening on the verb, the name right after it.
    if verb.i == verb.sent.start and verb.i + 1 < len(verb.doc) and verb.nbor(1).pos_ == "PROPN":
        return verb.nbor(1)
    # `Palmieri urged Trump to stop attacking Machado`: the object of a verb of asking or making does it.
    if dep_of(verb) == "xcomp" and verb.head.i != verb.i and verb.head.lower_ in cues.words["object_control"]:
        objects = [c for c in verb.head.children if dep_of(c) in ("dobj", "obj") and c.i < verb.i]
        if objects and objects[0].i not in quoted:
            return objects[0]
    # `X smiled and said …`, `Speaking …, X said`: the subject of the verb it hangs from.
    if dep_of(verb) in ("conj", "xcomp", "advcl", "ccomp", "pcomp") and verb.head.i != verb.i:
        head = verb.head
        if dep_of(verb) == "pcomp" and dep_of(head) == "prep":
            head = head.head  # `X deflected questions before saying …`: the verb the preposition hangs from
        while head.pos_ not in ("VERB", "AUX") and dep_of(head) in ("advmod", "acomp") and head.head.i != head.i:
            head = head.head  # `X went so far as to say …`: `say` hangs from `far`
        for _ in range(3):  # `Dean appeared on MSNBC and began by saying …`: up a chain of verbs to a subject
            for child in head.children:
                if dep_of(child) in _SUBJECTS and child.i not in quoted:
                    return child
            if dep_of(head) not in ("conj", "xcomp", "advcl") or head.head.i == head.i:
                break
            head = head.head
    # The parse gave no subject at all: a name standing right before the verb, `M. Le Goff a déclaré :`.
    j = verb.i - 1
    while j >= 0 and verb.doc[j].pos_ in ("AUX", "ADV", "PART"):
        j -= 1
    if j >= 2 and verb.doc[j].text == ")":
        # `Rep. Paul Ryan (R-WI) said`: over a party label in brackets.
        opening = next((k for k in range(j - 1, max(-1, j - 6), -1) if verb.doc[k].text == "("), None)
        j = opening - 1 if opening is not None else j
    if j >= 0 and verb.doc[j].ent_type_ in ("PER", "PERSON") and j not in quoted:
        return verb.doc[j]
    # `…, a White House official who spoke anonymously to discuss strategy said …`: the parser hung the noun
    # elsewhere; a relative clause ending right before the verb describes its speaker.
    if not any(dep_of(c) in _SUBJECTS for c in verb.children) and verb.i > 0:
        clause = next((a for a in verb.doc[verb.i - 1].ancestors if dep_of(a) == "relcl"), None)
        if clause is None and dep_of(verb.doc[verb.i - 1]) == "relcl":
            clause = verb.doc[verb.i - 1]
        if clause is not None and clause.right_edge.i == verb.i - 1 and clause.head.i < clause.i:
            noun = clause.head
            if noun.i not in quoted and (noun.pos_ == "PROPN" or noun_forms(noun) & cues.groups or noun.ent_type_ in ("PERSON", "PER", "ORG")):
                return noun
    # `In a panel discussion in Washington, Marc H. Morial, the chief executive of the League, forcefully told …`:
    # the parser lost a finite verb's subject in what comes before; the last person named before it, with no
    # other verb between, speaks.
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or any(dep_of(c) == "aux" and c.pos_ == "AUX" for c in verb.children)
    for k in range(verb.i - 1, max(verb.sent.start, verb.i - 20) - 1, -1) if finite else ():
        tok = verb.doc[k]
        if k in quoted or tok.pos_ == "VERB" or tok.pos_ == "AUX" and tok.head.i != verb.i:
            break
        if tok.ent_type_ in ("PER", "PERSON") and tok.pos_ == "PROPN":
            # A name opening a phrase of its own (after a comma, or the sentence's start), not `at Mr. Trump's …`.
            first = tok.i
            while first > verb.sent.start and verb.doc[first].ent_iob_ == "I":
                first -= 1
            opens = first == verb.sent.start or verb.doc[first - 1].text in (",", ":", ";")
            owned = tok.i + 1 < len(verb.doc) and verb.doc[tok.i + 1].tag_ == "POS"
            return tok if opens and not owned else None
    return None


def find_cues(
    doc: Doc, tokens: Iterable[Token], cues: Cues, strong_only: bool = False, quoted: Container[int] = ()
) -> list[Cue]:
    """The cues among `tokens`, in text order; `quoted` as in `speaker_of`."""
    found = []
    for tok in tokens:
        lemma = cues.lemma(tok)
        if lemma is not None and tok.pos_ in ("VERB", "AUX") and not (strong_only and lemma in cues.weak):
            found.append(Cue(tok, tok.text, speaker_of(tok, cues, quoted)))
        elif any(tok.lower_ == p[0] for p in cues.phrases):
            cue = _phrase_cue(tok, cues)
            if cue is not None:
                found.append(cue)
    return found


def is_weak(cue: Cue, cues: Cues) -> bool:
    """Cues that report speech only when they govern the quotation: `believe`, `call`, `find` …"""
    tok = cue.token
    return cues.lemma(tok) in cues.weak
