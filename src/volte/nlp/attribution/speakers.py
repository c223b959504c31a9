"""From a cue's subject to the entity who speaks, in three rule stages and a list step:

1. MENTION_RULES: which phrase speaks (`Smith, who said` -> Smith; `X issued a statement saying` -> X);
2. NAME_RULES: which word of it names the speaker (`the party's leader, Jean Dupont,` -> Dupont; past a dateline);
3. SPEAKER_RULES: the entity it stands for (a name in the article's name book, a pronoun's antecedent, a role, a
   description, a group the article counts but does not name);
4. SPEAKER_LIST: a list of subjects speaks as one group named by its members (`China and Russia support …`).

Resolution reads the frame and the history of speakers so far (see continuity.History) and returns what it
learned (a name shown to be a person's, a pronoun's gender) with the entity; it never changes the name book.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from volte.model import Entity, EntityType, entity_id
from volte.nlp.attribution.cues import Cue
from volte.nlp.attribution.frame import Frame
from volte.nlp.attribution.history import History
from volte.nlp.attribution.rules import NOBODY, Example, first, rule, stage
from volte.nlp.attribution.speech import can_speak, cannot_speak, noun_forms, pronoun_form
from volte.nlp.attribution.subjects import find_subject
from volte.nlp.deps import dep_of
from volte.nlp.entities import MEDIUM_WORDS, article_name, noun_phrase, strip_name


@dataclass(frozen=True)
class Resolution:
    """Who speaks, what resolving them taught about the article's names, and the rules that decided."""

    entity: Entity
    persons: tuple[str, ...] = ()  # names this showed to be persons' (a short form speaking: `Valcourt said`)
    genders: tuple[tuple[str, str], ...] = ()  # (name, pronoun): `a-t-il dit` about Lefèvre
    rules: tuple[tuple[str, str], ...] = ()  # (stage, rule)

    def stamped(self, *rules: tuple[str, str | None]) -> Resolution:
        return Resolution(self.entity, self.persons, self.genders, (*((s, r) for s, r in rules if r), *self.rules))


def named(frame: Frame, form: str) -> Resolution:
    """The article's entity for a name as written: its fullest form in the name book."""
    key, person = frame.book.canonical(form)
    if person:
        return Resolution(Entity(entity_id(key), key, "person"), persons=(key,))
    return Resolution(frame.book.entity(key))


# -- 1. which phrase speaks ----------------------------------------------------------------------------------


@rule("mention", examples=[
    Example(
        "On Saturday, Donald Trump issued a statement saying that the judge was “a remarkable person and a brilliant "
        "justice.”", "Donald Trump", words="a remarkable person"),
    Example(
        "The 1994 law prompted Hillary Clinton to make a controversial comment that described young men as dangerous.",
        "Hillary Clinton", words="young men"),
])
def document_issuer(frame: Frame, cue: Cue, tok: Token) -> Token | None:
    """`Black Lives Matter issued a statement saying …`, `she made a comment that described …`: who issued the
    statement speaks."""
    noun = cue.token.head
    if dep_of(cue.token) not in ("acl", "relcl") or dep_of(noun) not in ("dobj", "obj"):
        return None
    if tok.i != noun.i and not (tok.lower_ in frame.cues.words["relative"] and dep_of(cue.token) == "relcl"):
        return None
    if not noun_forms(noun) & (frame.cues.nouns | frame.cues.report_nouns):
        return None
    issuer, _ = find_subject(noun.head, frame.cues, frame.quoted)
    return issuer if issuer is not None and can_speak(issuer, frame.cues) else None


@rule("mention", examples=[
    Example("The landscapes can store more carbon than any other forest, according to the paper published by Fa and "
            "his associates.", "Fa", words="store more carbon"),
])
def published_by(frame: Frame, cue: Cue, tok: Token) -> Token | None:
    """`according to the paper published by Fa and his associates`, `a report written by the committee found …`:
    a document that speaks says what its issuer wrote; the agent of the participle that issued it (`issuing` in
    cues_<lang>.yaml) speaks, when it can."""
    if tok.pos_ != "NOUN":
        return None
    for part in tok.children:
        if dep_of(part) != "acl" or part.lower_ not in frame.cues.words["issuing"]:
            continue
        for agent in (c for c in part.children if c.dep_ == "agent"):
            issuer = next((c for c in agent.children if dep_of(c) == "pobj"), None)
            if issuer is not None and can_speak(issuer, frame.cues, "name", "entity", "group"):
                return issuer
    return None


@rule("mention", examples=[Example(
    "Jean Dupont has delivered an impassioned defense of “family values,” saying the town embodied the “heart and "
    "soul of the region.”", "Jean Dupont", words="heart and soul")])
def participle_on_thing(frame: Frame, cue: Cue, tok: Token) -> Token | None:
    """`Jean Dupont has delivered an impassioned defense of “family values,” saying …`: a participle the parser hung
    on a thing, not on someone; the first subject above it that can speak."""
    tok = _antecedent(frame, cue, tok)  # (`Gene Sperling, a policy maker who is now advising …`)
    if cue.token.tag_ != "VBG" or cue.phrase or tok.pos_ != "NOUN" or can_speak(tok, frame.cues):
        return None
    for outer in cue.token.ancestors:
        if outer.pos_ in ("VERB", "AUX"):
            subject, _ = find_subject(outer, frame.cues, frame.quoted)
            if subject is not None and can_speak(subject, frame.cues):
                return subject
    return None


@rule("mention", examples=[Example('The ad uses footage of Jane Doe asking, "Where is the money?"', "Jane Doe")])
def person_before_participle(frame: Frame, cue: Cue, tok: Token) -> Token | None:
    """`The ad uses footage of Jane Doe asking, "…"`: a person named right before the participle speaks, not the
    thing the parse makes its subject."""
    tok = _antecedent(frame, cue, tok)
    if cue.token.tag_ != "VBG" or cue.phrase or tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "PER"):
        return None
    if can_speak(tok, frame.cues, "person_pronoun") or cue.token.i == 0:
        return None
    prev = frame.doc[cue.token.i - 1]
    if prev.pos_ == "PROPN" and prev.ent_type_ in ("PERSON", "PER") and not frame.in_quote[prev.i]:
        return prev
    return None


def _antecedent(frame: Frame, cue: Cue, tok: Token) -> Token:
    """The noun a relative pronoun subject stands for (`Smith, who said …` -> Smith), else the token itself."""
    clause = cue.token
    while dep_of(clause) == "conj" and clause.head.i != clause.i:
        clause = clause.head  # `Sanders, who endorsed Canova and said …`: `said` belongs to the relative clause
    if tok.lower_ in frame.cues.words["relative"] and dep_of(clause) == "relcl":
        return clause.head
    return tok


@rule("mention", examples=[Example(
    "En revanche, l'affaire prend une tournure différente chez nous avec \"le tweet du ministre français\", détaille "
    "Mme Cardenal, qui développe : \"Lutter contre les fausses informations est très difficile, surtout si elles "
    "viennent d'une source crédible\".", "Cardenal", words="Lutter contre", language="fr")])
def relative_on_verb(frame: Frame, cue: Cue, tok: Token) -> Token | None:
    """`…, détaille Mme Cardenal, qui développe : « … »`: a relative clause the parse hangs on a verb, not on a noun,
    stands for that verb's subject when the subject ends right before it (only commas between)."""
    if tok.lower_ not in frame.cues.words["relative"] or dep_of(cue.token) != "relcl":
        return None
    verb = cue.token.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i == cue.token.i:
        return None
    subject, _ = find_subject(verb, frame.cues, frame.quoted)
    if subject is None or subject.i > tok.i or frame.in_quote[subject.i]:
        return None
    end = max(t.i for t in subject.subtree)
    if end >= tok.i or not all(t.is_punct for t in frame.doc[end + 1 : tok.i]):
        return None
    return subject if can_speak(subject, frame.cues) else None


@rule("mention", examples=[Example("Sanders, who endorsed Canova and said the race was close, spoke first.", "Sanders")])
def relative_pronoun(frame: Frame, cue: Cue, tok: Token) -> Token | None:
    """`Smith, who said …` -> Smith; `Sanders, who endorsed Canova and said …`: `said` belongs to the relative clause."""
    about = _antecedent(frame, cue, tok)
    return about if about is not tok else None


@rule("mention", examples=[
    Example("Des économistes jugent la hausse des taux inévitable. Ils estiment que l'inflation restera forte en "
            "2025.", "économistes", words="l'inflation restera forte", language="fr"),
    Example("Plusieurs centaines de riverains ont manifesté samedi devant la mairie. Ils réclament la fermeture de "
            "l'usine.", "riverains", words="la fermeture", language="fr"),
    Example("More than 100,000 Iraqis are dead. Foreign policymakers largely assumed that all good things would go "
            "together, and so they thought opening China to trade would lead to democracy. They were wrong. They "
            "thought Russia would become liberal.", "policymakers", words="Russia would become liberal"),
])
def plural_pronoun_description(frame: Frame, cue: Cue, tok: Token) -> Token | None:
    """`Ils estiment que …` after a sentence whose subject is people described, not named (`Des analystes jugent …`,
    `Environ 2 000 manifestants ont défilé …`), `Foreign policymakers assumed …, and so they thought …`: the plural
    pronoun (`plural_pronouns` in cues_<lang>.yaml) stands for that subject — in its own sentence before it, or in
    the sentences before in its paragraph, read back through those whose subject is the same pronoun (`They were
    wrong. They thought …`)."""
    if tok.lower_ not in frame.cues.words["plural_pronouns"] or dep_of(tok) != "nsubj":
        return None
    sent = tok.sent
    own = [t for t in frame.doc[sent.start : tok.i] if dep_of(t) == "nsubj" and not frame.in_quote[t.i]]
    if own:  # (the subject of its own sentence's main verb, before it: not `things` of `that all good things …`)
        main = [t for t in own if t.head == sent.root]
        if main and main[0].lower_ == tok.lower_:
            # (the same pronoun is the main verb's: the first subject of the sentence, `People take … for many
            # reasons: They want …, they want …, or perhaps they hope …`)
            main = [own[0]]
        return _described_people(frame, main[0], sent) if main else None
    for _ in range(_PRONOUN_REACH):
        if sent.start == 0 or "\n" in frame.text[frame.doc[sent.start - 1].idx : frame.doc[sent.start].idx]:
            return None  # (the sentences before, in the same paragraph)
        sent = frame.doc[sent.start - 1].sent
        subjects = [t for t in sent if dep_of(t) == "nsubj" and t.head.dep_ == "ROOT" and not frame.in_quote[t.i]]
        if not subjects:
            return None
        if subjects[0].lower_ != tok.lower_:
            return _described_people(frame, subjects[0], sent)
    return None


# Sentences read back through the same plural pronoun (`They were wrong. They thought …`).
_PRONOUN_REACH = 4


def _described_people(frame: Frame, subject: Token, sent: Span) -> Token | None:
    """The subject when it is people described, not named: a plural common noun that can speak, opening its
    sentence (not a noun deep in a long phrase the parse cut)."""
    span = noun_phrase(subject)
    plural = "Plur" in subject.morph.get("Number", [])
    named = any(t.ent_type_ for t in span) or subject.pos_ != "NOUN"
    if span.start - sent.start > 3:
        return None
    return subject if plural and not named and not cannot_speak(subject, frame.cues) else None


MENTION_RULES = stage("mention", (document_issuer, published_by, participle_on_thing, person_before_participle,
                                  relative_on_verb, relative_pronoun, plural_pronoun_description))


# -- 2. which word names it ----------------------------------------------------------------------------------


@rule("name", examples=[
    Example("The party's leader, Jean Dupont, said the vote would be held in May.", "Jean Dupont"),
    Example("« Il faut agir », a prévenu la ministre des Transports, Nadia Ferrand.", "Nadia Ferrand", language="fr"),
    Example("One company, Avigilon, sells these tools to schools. Another, Pelco, announced last April that it will "
            "provide schools with a new version.", "Pelco", words="provide schools"),
])
def apposed_name(frame: Frame, cue: Cue, tok: Token) -> Token | None:
    """`the party's leader, Jean Dupont, said` / `a prévenu la ministre des Transports, Nadia Ferrand` / `Another,
    Pelco, announced` (the parse hangs the name as an adverbial between its commas) -> the name."""
    if tok.pos_ == "PROPN":
        return None
    for child in tok.children:
        between_commas = 0 < child.i < len(frame.doc) - 1 and child.nbor(-1).text == "," and child.nbor(1).text == ","
        apposed = dep_of(child) == "appos" or (
            dep_of(child) == "conj" and child.ent_type_ in ("PER", "PERSON") and child.nbor(-1).text == ","
        ) or (dep_of(child) == "npadvmod" and between_commas)
        if apposed and child.pos_ == "PROPN":
            return child
    return None


@rule("name", examples=[Example(
    "SUNDVIK - The opposition leader Marguerite Valcourt on Wednesday defended Lindmark's growing reliance on Russian "
    "gas.",
    "Marguerite Valcourt")])
def past_dateline(frame: Frame, cue: Cue, tok: Token) -> Token | None:
    """A dateline parsed as the subject (`HALBRIDGE — Marguerite Valcourt, the leader of …, has urged`): the name
    after it (see frame.datelines)."""
    after = frame.datelines.get(tok.i)
    return frame.doc[after] if after is not None else None


@rule("name", examples=[Example("One of those advisers said the plan would never pass the Senate.", "advisers")])
def one_of(frame: Frame, cue: Cue, tok: Token) -> Token | None:
    """`said one of those advisers` -> the advisers."""
    if pronoun_form(tok) != "one":
        return None
    of = [c for c in tok.children if dep_of(c) == "prep" and c.lower_ == "of"]
    of_what = [c for c in of[0].children if dep_of(c) == "pobj"] if of else []
    return of_what[0] if of_what else None


@rule("name", examples=[Example(
    "University leaders reacted with fury this week. One, who asked not to be named, said: “The government looked "
    "to universities to sort out the mess.”", "University leaders", words="sort out the mess")])
def one_of_those_before(frame: Frame, cue: Cue, tok: Token) -> Token | None:
    """`Vice-chancellors reacted with fury. One, who asked not to be named, said: …`, `Trust members asked … Some
    questioned whether …`: a bare `one`, `some` (`partitives` in cues_<lang>.yaml) opening its sentence is one of
    the people the sentence before has for its subject, a plural noun."""
    if tok.lower_ not in frame.cues.words["partitives"] or tok.i != tok.sent.start or any(
        dep_of(c) == "prep" for c in tok.children
    ):
        return None
    if tok.sent.start == 0:
        return None
    before = frame.doc[tok.sent.start - 1].sent
    if "\n\n" in frame.text[before.start_char : tok.idx]:
        return None  # (a paragraph between: the group is no longer the one in view)
    subjects = [t for t in before.root.children if dep_of(t) == "nsubj"]  # (`Vice` `-` `chancellors`: the last)
    if not subjects or subjects[-1].tag_ not in ("NNS", "NNPS") or frame.in_quote[subjects[-1].i]:
        return None
    return subjects[-1]


@rule("name", examples=[Example(
    "Why, then, would someone like Mr. Lindqvist want to take over a failing mine?", "Lindqvist", words="take over")])
def someone_like(frame: Frame, cue: Cue, tok: Token) -> Token | None:
    """`would someone like Mr. Clarke want to …` -> Clarke: the person the article holds up as the example of the
    unnamed `someone` (`someone_like` in cues_<lang>.yaml)."""
    if tok.lower_ not in frame.cues.words["someone_like"]:
        return None
    like = [c for c in tok.children if dep_of(c) == "prep" and c.lower_ == "like"]
    whom = [c for c in like[0].children if dep_of(c) == "pobj" and c.pos_ == "PROPN"] if like else []
    return whom[0] if whom and not frame.in_quote[whom[0].i] and whom[0].ent_type_ in ("PERSON", "") else None


@rule("name", examples=[
    Example("La procureure de la Cour pénale internationale, Mme Fatou Bensouda, a déclaré : « Arrêtez la "
            "destruction ».", "Fatou Bensouda", language="fr"),
    Example("Selon la fédération des banques, Febelfin, « le montant est plutôt de 700 000 euros ».", "Febelfin",
            language="fr"),
])
def name_after_comma(frame: Frame, cue: Cue, tok: Token) -> Token | None:
    """French: a description, then a comma and the name it describes, which the parse hangs elsewhere (`La
    procureure de la Cour pénale internationale, Mme Fatou Bensouda, a déclaré`, `selon la fédération des banques,
    Febelfin, « … »`): the name (a person or an organisation, past its title)."""
    if frame.doc.lang_ != "fr" or tok.pos_ != "NOUN" or frame.in_quote[tok.i]:
        return None
    doc = frame.doc
    for k in range(tok.i + 1, min(len(doc) - 1, tok.i + 9)):
        if doc[k].pos_ in ("VERB", "AUX") or frame.in_quote[k]:
            return None
        if doc[k].text == ",":
            j = k + 1
            while j < len(doc) - 1 and doc[j].lower_.rstrip(".") in frame.cues.titles and doc[j].pos_ != "PROPN" or (
                j < len(doc) - 1 and doc[j].lower_ in ("m.", "mme", "mme.")
            ):
                j += 1
            after = doc[j]
            named_thing = after.text[:1].isupper() and (
                after.pos_ == "PROPN" and after.ent_type_ in ("PER", "PERSON", "ORG", "") or after.ent_type_ in ("PER", "ORG")
            )
            return after if named_thing and not frame.in_quote[after.i] else None
    return None


NAME_RULES = stage("name", (apposed_name, name_after_comma, past_dateline, one_of, one_of_those_before, someone_like))


# -- 3. the entity it stands for -----------------------------------------------------------------------------


class Mention:
    """The token that names the speaker, with its word form and (read when a rule asks) its noun phrase and that
    phrase as a name, titles stripped."""

    def __init__(self, frame: Frame, tok: Token) -> None:
        self.frame, self.tok, self.low = frame, tok, pronoun_form(tok)

    @cached_property
    def span(self) -> Span:
        return hyphen_joined(whole_person(noun_phrase(self.tok), self.tok))

    @cached_property
    def name(self) -> str:
        return strip_name(self.span, self.frame.cues)[0]


def _joins(doc: Doc, k: int) -> bool:
    """A hyphen at `k` with no space on either side between two proper nouns: `al-Rahman`."""
    return (
        0 < k < len(doc) - 1 and doc[k].text in ("-", "‐") and not doc[k - 1].whitespace_ and not doc[k].whitespace_
        and doc[k - 1].pos_ == "PROPN" and doc[k + 1].pos_ == "PROPN"
    )


def whole_person(span: Span, tok: Token) -> Span:
    """The whole person name the tagger found from `tok` on, whatever the parse and the tags of its words: `commente
    Song Myung-Sup` (`Song` tagged X, the rest hung elsewhere)."""
    doc = tok.doc
    # (French only: an English headline's `Obama Says` is one PERSON entity to the tagger)
    if doc.lang_ != "fr" or tok.ent_iob_ != "B" or tok.ent_type_ not in ("PER", "PERSON") or span.start != tok.i:
        return span
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[span.start : end] if end > span.end else span


def hyphen_joined(span: Span) -> Span:
    """A name the tagger cut at a hyphen, made whole: `Rami Abd al` or `Rahman` -> `Rami Abd al-Rahman`."""
    doc, start, end = span.doc, span.start, span.end
    if not len(span) or doc.lang_ != "fr":
        return span  # (French: the English tokenizer's hyphens are read when the name book is built)
    while end < len(doc) - 1 and _joins(doc, end):
        end += 2
    if end < len(doc) and _joins(doc, end - 1) and end - 1 > start:
        end += 1  # (the entity ran to the hyphen: `Rami Abd al -`)
    if start >= 2 and _joins(doc, start - 1):
        start -= 2
        # (the words before, capitalised, whatever their tags: `Rami` tagged a noun at a sentence's start)
        while start > doc[start].sent.start and doc[start - 1].is_title and doc[start - 1].whitespace_:
            start -= 1
    return doc[start:end]


_FR_ARTICLES = {"le", "la", "les", "l'", "l’", "un", "une"}  # (not `de`: `De nombreux habitants` as written)


def unnamed_group(frame: Frame, tok: Token) -> Resolution:
    """People counted, not named: `Some`, `another`, `those surveyed`, `About one in five`, as the article says."""
    span = noun_phrase(tok)
    left, right = span.start, span.end
    for child in tok.rights:
        if dep_of(child) == "acl" and child.i == right and child.tag_ == "VBN":
            right = child.i + 1  # `those surveyed`, `those polled`
        elif dep_of(child) == "prep" and child.lower_ == "in" and child.i == right:
            objects = [c for c in child.children if dep_of(c) == "pobj"]
            right = noun_phrase(objects[0]).end if objects else right  # `one in four voters`
    name = " ".join(t.text for t in frame.doc[left:right] if not t.is_punct)
    name = name[:1].upper() + name[1:]
    return Resolution(Entity(frame.book.entity(name).id, name, "group"))


@rule("speaker", examples=[Example(
    "The poll was taken in May.\n\nSome argue that the plan will fail within a year.\n\nOne in four voters said the "
    "party should choose a new leader.", "One in four voters", words="choose a new leader")])
def share_of_group(frame: Frame, cue: Cue, m: Mention, history: History) -> Resolution | None:
    """`One in four voters said …`: a share of those asked."""
    if m.low == "one" and any(dep_of(c) == "prep" and c.lower_ == "in" for c in m.tok.children):
        return unnamed_group(frame, m.tok)
    return None


@rule("speaker", examples=[Example("Rubio: I Still Believe Trump Can't Be Trusted With Nuclear Codes", "Rubio")])
def first_person_label(frame: Frame, cue: Cue, m: Mention, history: History) -> Resolution | None:
    """`Rubio: I Still Believe Trump Can't Be Trusted`, `FALLIN: I think he is …`: a headline's or a transcript's
    label names who says `I`."""
    if m.low not in frame.cues.words["first_person"]:
        return None
    label = frame.line_labels.get(frame.text.rfind("\n", 0, m.tok.idx) + 1)
    return named(frame, label[0]) if label is not None and label[1] <= m.tok.idx else None


@rule("speaker", examples=[
    Example('The embassy said it had called the ruling "a victory for the law" in its note.', "embassy",
            words="the ruling"),
])
def pronoun_of_reporting_verb(frame: Frame, cue: Cue, m: Mention, history: History) -> object:
    """`The Russian embassy said it welcomed "…"`: the reporting verb's named subject speaks (not in an aside,
    `Voters, she said, want change`: `she` is not the voters; nor, for a pronoun that only stands for a person,
    `person_only` in cues_<lang>.yaml, a subject that is no person)."""
    if m.low not in frame.cues.words["pronouns"] or dep_of(cue.token) == "parataxis":
        return None
    for outer in cue.token.ancestors:
        if frame.cues.lemma(outer) and outer.pos_ in ("VERB", "AUX"):
            subject, subject_rule = find_subject(outer, frame.cues, frame.quoted)
            if subject is not None and subject.lower_ not in frame.cues.words["pronouns"]:
                outer_cue = Cue(outer, outer.text, subject, subject_rule=subject_rule)
                found = resolve_speaker(frame, outer_cue, history)
                if found is not None and m.low in frame.cues.words["person_only"] and found.entity.type != "person":
                    return None  # (`he tells Axios` after `(Broward County says …)`: he is no county)
                return found or NOBODY
            return None
    return None


@rule("speaker", examples=[
    Example("L'ONG Greenpeace vient de sortir une étude dans laquelle elle affirme que les forêts reculent.", "Greenpeace",
            words="les forêts reculent", language="fr"),
    Example("L’AG Éducation IDF organise une conférence de presse mercredi à la Bourse du Travail, en salle Louise "
            "Michel.\n\nElle appelle à y participer nombreux.", "AG Éducation IDF", words="y participer",
            language="fr"),
])
def pronoun_for_organisation(frame: Frame, cue: Cue, m: Mention, history: History) -> Resolution | None:
    """French `il` / `elle` for the organisation that is its sentence's subject, no person named between: `L'ONG
    Human Rights Watch vient de publier un rapport dans lequel elle dévoile que …` (`elle` is the ONG); opening its
    sentence, for the organisation that was the subject of the sentence before."""
    if frame.doc.lang_ != "fr" or m.low not in ("il", "elle"):
        return None
    sent = m.tok.sent
    for tok in frame.doc[sent.start : m.tok.i]:
        held = frame.book.named_at(tok.idx)
        if held is None or held.quoted:
            continue
        if frame.book.types.get(held.key, held.type) == "person":
            return None
        # (the name or the description it stands beside is the subject: `L'ONG Human Rights Watch vient de …`)
        if held.type in ("organization", "party", "media") and "nsubj" in (dep_of(tok), dep_of(tok.head)):
            return Resolution(frame.book.entity(held.key))
    if any(not t.is_punct for t in frame.doc[sent.start : m.tok.i]) or sent.start == 0:
        return None
    # A sentence that opens on the pronoun continues the sentence before, whose subject it takes when that is an
    # organisation (`L'AG Éducation IDF organise une conférence … en salle Louise Michel. ¶ Elle appelle à …`).
    previous = frame.doc[sent.start - 1].sent
    for tok in previous:
        if dep_of(tok) != "nsubj" or frame.in_quote[tok.i]:
            continue
        held = frame.book.named_at(tok.idx)
        if held is None or held.type not in ("organization", "party", "media"):
            return None  # (the sentence before speaks of a person or a thing: `elle` is not for this rule)
        # (the subject's name as its own sentence gives it: `AG Éducation IDF`, not the book's short `AG`)
        found = resolve_speaker(frame, Cue(tok.head, tok.head.text, tok, subject_rule="parse_subject"), history)
        return found
    return None


@rule("speaker", examples=[
    Example("L’AG Éducation IDF organise une conférence de presse mercredi.\n\nElle appelle à y participer nombreux, "
            "afin de démentir les affirmations de Blanquer.\n\nL’AG Éducation Île-de-France inter-degrés appelle à "
            "rejoindre la grève.\n\nElle appelle à tenir des AG dans les établissements.", "AG Éducation IDF",
            words="tenir des AG", language="fr"),
])
def pronoun_for_last_organisation(frame: Frame, cue: Cue, m: Mention, history: History) -> Resolution | None:
    """French `il` / `elle` opening its sentence, when the last speaker is an organisation and no person has been
    named as a subject since its words: that organisation goes on speaking (`Elle appelle … ¶ Elle appelle …`), not
    a person named only in passing (`les affirmations de Blanquer`)."""
    if frame.doc.lang_ != "fr" or m.low not in ("il", "elle") or not history.speakers:
        return None
    if m.tok.i != m.tok.sent.start:
        return None
    at, name = history.speakers[-1]
    if frame.book.types.get(name) not in ("organization", "party", "media"):
        return None
    between = [x for x in frame.book.before(m.tok.idx) if x.start > at]
    if any(x.subject and frame.book.types.get(x.key, x.type) == "person" for x in between):
        return None
    return Resolution(frame.book.entity(name))


@rule("speaker", examples=[
    Example("Labour had to change. With the world in crisis, neoliberalism no longer has plausible solutions. As an "
            "answer to austerity, it offers more of the same or technocratic “nudges.”", None, words="nudges"),
])
def it_of_a_thing(frame: Frame, cue: Cue, m: Mention, history: History) -> object:
    """English `it` whose sentence follows one, in its paragraph, whose subject is a thing that cannot speak
    (`neoliberalism no longer has solutions. … it offers …`): `it` is that thing, nobody — not the organisation
    named last (`Labour`). A thing's `it` after a speaker's sentence is left to pronoun_antecedent."""
    return NOBODY if it_for_a_thing(frame, m.tok) else None


def it_for_a_thing(frame: Frame, tok: Token) -> bool:
    """Whether `tok` is an English subject `it` standing for the thing the sentence before had as its subject."""
    if frame.doc.lang_ != "en" or tok.lower_ != "it" or dep_of(tok) not in ("nsubj", "nsubjpass"):
        return False
    sent = tok.sent
    if any(dep_of(t) in ("nsubj", "nsubjpass") for t in frame.doc[sent.start : tok.i]):
        return False  # (a subject nearer, in its own sentence)
    if sent.start == 0 or "\n" in frame.text[frame.doc[sent.start - 1].idx : frame.doc[sent.start].idx]:
        return False
    before = frame.doc[sent.start - 1].sent
    subjects = [t for t in before if dep_of(t) in ("nsubj", "nsubjpass") and t.head == before.root]
    return bool(subjects) and cannot_speak(subjects[0], frame.cues)


@rule("speaker", examples=[
    Example("Anna Berg spoke in Velden on Monday. She said her party would support the application.", "Anna Berg",
            words="her party"),
    # (a `he` is a person: not the county of the aside the parse joined to his sentence: pronoun_of_reporting_verb leaves it)
    Example('Kenneth Preston, a student, says he supports cameras. (Broward County says it is not installing them.)\n'
            '- But technology should be an "absolute last precaution," he tells Axios.', "Kenneth Preston",
            words="absolute last precaution"),
])
def pronoun_antecedent(frame: Frame, cue: Cue, m: Mention, history: History) -> object:
    """`he`, `she`, `they`, `it`: the name it stands for (the person last named as a subject, a recent speaker);
    nobody when it cannot be told."""
    if m.low not in frame.cues.words["pronouns"]:
        return None
    name = frame.book.resolve_pronoun(m.low, m.tok.idx, [n for _, n in history.speakers])
    if name is None:
        return NOBODY
    return Resolution(frame.book.entity(name), genders=((name, m.low),))


@rule("speaker", examples=[Example("WASHINGTON (AP) — said the plan would fail.", None, words="the plan would fail")])
def dateline_is_nobody(frame: Frame, cue: Cue, m: Mention, history: History) -> object:
    """A dateline, `WASHINGTON (AP) —`, is not a speaker (`RT and its defenders say` is; `the F.B.I. has said`,
    inside a sentence, is no dateline); nor a phrase with no name left once titles are stripped."""
    if not m.name:
        return NOBODY
    tok = m.tok
    next_word = tok.nbor(1).text if tok.i + 1 < len(tok.doc) else ""
    start = m.span[0] if len(m.span) else tok
    opening = start.i == start.sent.start or start.nbor(-1).is_space
    dateline = tok.ent_type_ in ("GPE", "LOC") and m.name.isupper() and (len(m.name) > 3 or next_word in ("(", "—", "–", "-", "--"))
    return NOBODY if opening and dateline else None


_INTRODUCED_BY = re.compile(r"(\w{4,})\s+(?:de |du |des |d['’])$")


def _same_quality(noun: str, adjective: str) -> bool:
    """`islamistes` and `islamique`, `écologistes` and `écologiste`: one stem of six letters or more."""
    k = 0
    while k < min(len(noun), len(adjective)) and noun[k] == adjective[k]:
        k += 1
    return k >= 6


@rule("speaker", examples=[
    Example("Les militants écologistes de Greenpeace ont bloqué le port. La CGT a appelé à la grève. L'organisation "
            "écologiste dénonce « un scandale sanitaire ».", "Greenpeace", words="scandale sanitaire", language="fr"),
])
def described_by_quality(frame: Frame, cue: Cue, m: Mention, history: History) -> Resolution | None:
    """French: a description of an organisation with a quality after it (`l'organisation islamique`, `le parti
    écologiste`) is the group the article introduced with a noun of that quality before its name (`les islamistes
    d'Ansar Eddine`, `les écologistes d'EELV`), not the last organisation that spoke."""
    if frame.doc.lang_ != "fr" or m.tok.lower_ not in frame.cues.words["org_descriptions"] or m.tok.pos_ != "NOUN":
        return None
    if m.span[0].lower_ in frame.cues.words["indefinite"] or frame.book.named_at(m.tok.idx) is not None:
        return None
    qualities = [c.lower_ for c in m.tok.children if dep_of(c) == "amod" and c.pos_ == "ADJ" and c.i > m.tok.i]
    if not qualities:
        return None
    for x in reversed(frame.book.before(m.tok.idx)):
        if x.quoted or x.type == "country":  # (the tagger may call the group a person: `d'Ansar Eddine`)
            continue
        found = _INTRODUCED_BY.search(frame.text, max(0, x.start - 40), x.start)
        if found and any(_same_quality(found.group(1).lower(), q) for q in qualities):
            return Resolution(frame.book.entity(x.key))
    return None


@rule("speaker", examples=[
    Example("C'est le syndicat SUD-PTT qui a révélé ce décès. Le syndicat estime que la direction a menti.",
            "SUD-PTT", words="la direction a menti", language="fr"),
    Example("Le syndicat SUD-PTT a réagi mardi. Le syndicat SUD estime que la direction a menti.",
            "SUD-PTT", words="la direction a menti", language="fr"),
    Example("L'ONG Human Rights Watch a publié un rapport mardi. L'organisation dénonce des actes de torture.",
            "Human Rights Watch", words="actes de torture", language="fr"),
    Example("Le quotidien français Le Figaro a publié une enquête. Le quotidien affirme que le tir venait des rebelles.",
            "Le Figaro", words="le tir venait", language="fr"),
    Example("Earlier this month, Super Value revealed that supply chain issues still exist. Still, the grocery giant "
            "said it has about six months supply of hard goods.", "Super Value", words="six months"),
])
def described_entity(frame: Frame, cue: Cue, m: Mention, history: History) -> Resolution | None:
    """Descriptions of an organisation or a medium the article names (`le syndicat`, `l'ONG`, `la direction`, `le
    quotidien`, `the grocery giant`, cues `org_descriptions`, `media_descriptions`): a name in the phrase (`le syndicat
    SUD` -> the SUD-PTT introduced earlier), else the name introduced with that word (`le syndicat SUD-PTT`), else
    the last organisation (medium) that spoke, else the last one named; `un groupe de salariés` is nobody named."""
    org, media = frame.cues.words["org_descriptions"], frame.cues.words["media_descriptions"]
    word = m.tok.lower_
    if m.tok.pos_ not in ("NOUN", "PROPN") or word not in org | media:
        return None
    held = frame.book.named_at(m.tok.idx)
    if held is not None and held.key.lower() != word:
        return None  # the word begins a name: `L'Association des leaders religieux du Mali`
    introduced = frame.book.described_as(word, m.tok.idx)
    inner = None
    # the name right after the word, an adjective or `de`: `le quotidien français Le Figaro`, `d'Al Jazeera`
    for t in m.tok.doc[m.tok.i + 1 : m.tok.i + 4]:
        if t.pos_ == "PROPN" and not frame.in_quote[t.i]:
            inner = t
        if t.pos_ not in ("ADP", "DET", "ADJ"):
            break
    if inner is not None:
        name = strip_name(noun_phrase(inner), frame.cues)[0]
        if introduced is not None and introduced.lower().startswith(name.lower()):
            return Resolution(frame.book.entity(introduced))
        return named(frame, name)
    if m.span[0].lower_ in frame.cues.words["indefinite"]:
        return None
    if introduced is not None:
        return Resolution(frame.book.entity(introduced))
    kinds = ("media", "organization") if word in media else ("organization", "party")
    spoke = [name for _, name in history.speakers if frame.book.types.get(name) in kinds]
    if spoke:
        return Resolution(frame.book.entity(spoke[-1]))
    last = [x.key for x in frame.book.before(m.tok.idx) if x.type in kinds and not x.quoted]
    return Resolution(frame.book.entity(last[-1])) if last else None


@rule("speaker", examples=[
    Example("La CGT dénonce les suppressions d'emplois. Chez Renault, la direction a confirmé mardi un plan de "
            "départs de 2 000 postes.", "Renault", words="plan de départs", language="fr"),
])
def described_at_name(frame: Frame, cue: Cue, m: Mention, history: History) -> Resolution | None:
    """French: a description of an organisation in a sentence opened by `Chez X,` (cues `org_places`) is X's: `Chez
    Bouygues Telecom, la direction a confirmé un plan de départs` (not the last organisation that spoke)."""
    if m.tok.lower_ not in frame.cues.words["org_descriptions"] or not frame.cues.words["org_places"]:
        return None
    sent = m.tok.sent
    opening = sent[0] if sent[0].lower_ in frame.cues.words["org_places"] else None
    if opening is None or opening.i + 1 >= m.tok.i:
        return None
    comma = next((t.i for t in sent if t.text == ","), None)
    if comma is None or comma > m.tok.i:
        return None
    names = [t for t in frame.doc[opening.i + 1 : comma] if t.pos_ == "PROPN" and not frame.in_quote[t.i]]
    if not names:
        return None
    return named(frame, strip_name(hyphen_joined(noun_phrase(names[0])), frame.cues)[0])


_POSSESSIVES = {"son", "sa", "ses", "leur", "leurs"}


@rule("speaker", examples=[
    Example("La Société suisse de l'industrie du gaz et des eaux (SSIGE) considère que toutes les communes sont "
            "concernées, a déclaré son porte-parole à Keystone-ATS.", "porte-parole de SSIGE", words="La Société",
            language="fr"),
    Example("Renault a annoncé la fermeture de l'usine. Son directeur a précisé que les salariés seraient reclassés.",
            "directeur de Renault", words="seraient reclassés", language="fr"),
])
def owned_description(frame: Frame, cue: Cue, m: Mention, history: History) -> Resolution | None:
    """French `son porte-parole`, `sa directrice`, `leur avocat` (an office or a group noun with a possessive):
    someone speaking for the organisation named last before it in its sentence, else for the organisation that is
    the subject of the sentence before, named with it (`porte-parole de SSIGE`), not the person last named (a place
    the tagger took for one); no organisation there, and it passes."""
    if frame.doc.lang_ != "fr" or m.tok.pos_ != "NOUN" or m.tok.lower_ not in (
        frame.cues.words["roles"] | frame.cues.groups
    ):
        return None
    if not any(dep_of(c) == "det" and c.lower_ in _POSSESSIVES and c.i < m.tok.i for c in m.tok.children):
        return None
    sent_start = m.tok.sent.start_char
    orgs = [x.key for x in frame.book.before(m.tok.idx) if x.start >= sent_start and not x.quoted
            and frame.book.types.get(x.key, x.type) in ("organization", "party", "media")]
    if not orgs and m.tok.sent.start > 0:
        before = frame.doc[m.tok.sent.start - 1].sent
        held = [frame.book.named_at(t.idx) for t in before if dep_of(t) == "nsubj" and not frame.in_quote[t.i]]
        orgs = [x.key for x in held[:1] if x is not None
                and frame.book.types.get(x.key, x.type) in ("organization", "party", "media")]
    if not orgs:
        return None
    name = f"{m.tok.text} de {orgs[-1]}"
    return Resolution(Entity(frame.book.entity(name).id, name, "group"))


@rule("speaker", examples=[
    Example("Le ministre du Redressement productif a déclaré dimanche que « le nucléaire est une filière d'avenir ». "
            "Arnaud Montebourg reconnaît qu'il faut le rééquilibrer.", "Arnaud Montebourg", words="filière",
            language="fr"),
    Example("Barack Obama parlait dans l'Ohio. « Il veut mettre fin à Medicare » dénonce le Président-candidat.",
            "Barack Obama", words="Medicare", language="fr"),
])
def described_person(frame: Frame, cue: Cue, m: Mention, history: History) -> Resolution | None:
    """French: a person known by an office (cues `roles`), even where the tagger took the office for a name (`le
    ministre du Redressement productif`, `le Président-candidat`): the person the article gives that role, else
    the person last named before, else, in a lead that gives the office first, the next person its paragraph
    names; `un ministre` is nobody named."""
    words = [w for w in re.split(r"[\s-]+", m.name.lower()) if w]
    if not words or words[0] not in frame.cues.words["roles"] or m.tok.pos_ not in ("NOUN", "PROPN"):
        return None
    if m.span[0].lower_ in frame.cues.words["indefinite"]:
        return None
    for t in m.tok.subtree:  # the person named in the phrase: `le président de l'Assemblée Claude Bartolone`
        if t.ent_type_ in ("PER", "PERSON") and t.pos_ == "PROPN" and not frame.in_quote[t.i]:
            return named(frame, strip_name(noun_phrase(t), frame.cues)[0])
    role = frame.book.role(frame.text[m.span.start_char : m.span.end_char])
    if role is not None:
        return Resolution(frame.book.entity(role))
    people = [x.key for x in frame.book.before(m.tok.idx) if x.type == "person" and not x.quoted and not x.bracketed]
    if people:
        return Resolution(frame.book.entity(people[-1]))
    paragraph = frame.paragraph(m.tok.idx)
    later = (x for x in frame.book.after(m.span.end_char) if x.type == "person" and not x.quoted)
    nxt = next(later, None)
    if nxt is not None and frame.paragraph(nxt.start) == paragraph:
        return Resolution(frame.book.entity(nxt.key))
    return None


@rule("speaker", examples=[
    Example("« Nous ne signerons pas » déclare à l'AFP Jean-Marc Vallier, le porte-parole du collectif. « La réforme "
            "est injuste » a-t-il ajouté.", "Jean-Marc Vallier", words="Nous ne signerons", language="fr"),
])
def name_with_role(frame: Frame, cue: Cue, m: Mention, history: History) -> Resolution | None:
    """A name followed by a comma and an office (cues `roles`: `Jean-Philippe Magnen, le porte-parole du parti`) is
    a person's, whatever type the tagger gave it, so that the `il` after it is that person."""
    if not frame.cues.words["roles"] or not (m.tok.pos_ == "PROPN" or m.tok.ent_type_) or not len(m.span):
        return None
    after = frame.doc[m.span.end : m.span.end + 3]
    if len(after) < 2 or after[0].text != "," or not any(t.lower_ in frame.cues.words["roles"] for t in after[1:]):
        return None
    key, _ = frame.book.canonical(m.name)
    return Resolution(Entity(entity_id(key), key, "person"), persons=(key,))


@rule("speaker", examples=[
    Example("Valcourt said the government had lied about the deal.", "Valcourt"),
    # (a name whose article is part of it, cues `article_names`: not `Poste`)
    Example("Un postier a été retrouvé mort. La Poste a nié toute responsabilité en affirmant que son geste était lié "
            "à des problèmes d'ordre privé.", "La Poste", words="problèmes", language="fr"),
])
def proper_name(frame: Frame, cue: Cue, m: Mention, history: History) -> Resolution | None:
    """A name: the fullest form the article gives it (`Valcourt` -> `Marguerite Valcourt`)."""
    return named(frame, m.name) if m.tok.pos_ == "PROPN" or m.tok.ent_type_ else None


@rule("speaker", examples=[
    Example("“We are finished,” the weather seemed to say.", None, words="We are finished"),
    Example("Concrètement, cela a consisté à analyser le dernier numéro disponible de chaque revue.", None,
            words="le dernier numéro", language="fr"),
])
def thing_cannot_speak(frame: Frame, cue: Cue, m: Mention, history: History) -> object:
    """Who may speak: an abstract noun, an event, a period, a quantity or a thing is nobody (`the day seemed to
    say`, `paranoia found …`), and so is a pronoun for things (`cela a consisté à analyser …`, `thing_pronouns`
    in cues_<lang>.yaml); a name, a group, a noun for people can (speech.cannot_speak)."""
    return NOBODY if cannot_speak(m.tok, frame.cues) else None


@rule("speaker", examples=[Example(
    "Marguerite Valcourt, the leader of the Civic Renewal Party, spoke first. The leader of the party said the "
    "vote was rigged.", "Marguerite Valcourt", words="the vote")])
def role_named_before(frame: Frame, cue: Cue, m: Mention, history: History) -> Resolution | None:
    """`the spokeswoman` is the one the article named with that role; `a spokeswoman for Clinton` is someone it
    did not."""
    if m.span[0].lower_ in frame.cues.words["indefinite"]:
        return None
    role = frame.book.role(frame.text[m.span.start_char : m.span.end_char])
    if role is None and m.tok.pos_ != "PROPN":
        role = frame.book.role(" ".join(t.text for t in m.tok.subtree if not frame.in_quote[t.i]))
    return Resolution(frame.book.entity(role)) if role is not None else None


def _label_fits(words: str, part: str) -> bool:
    """A description's capitalised words fit a label's part: `South Carolina` and `S.C.`, `Wisconsin` and `Wis.`,
    `Republican` and `R` (the part's letters in order in the words, from the same first letter), or as written."""
    letters, abbreviation = re.sub(r"[^a-z]", "", words.lower()), re.sub(r"[^a-z]", "", part.lower())
    if not abbreviation or not letters or letters[0] != abbreviation[0]:
        return False
    rest = iter(letters)
    return letters == abbreviation or len(abbreviation) < len(letters) and all(c in rest for c in abbreviation)


@rule("speaker", examples=[Example(
    "Sen. Maria Lindqvist (R-S.C.) spoke first. In June, the South Carolina senator called on her colleagues to "
    "reject the bill.", "Maria Lindqvist", words="reject the bill")])
def titled_named_before(frame: Frame, cue: Cue, m: Mention, history: History) -> Resolution | None:
    """`the South Carolina senator` after `Sen. Lindsey Graham (R-S.C.)`: a definite description headed by an office
    (`offices` in cues_<lang>.yaml) is the one person named before with that title (`Sen.`) whose titles and labels
    fit its capitalised words (a state, a party) and its rank (`vice`: `Vice President Joe Biden` is no `the
    president`, cues `office_ranks`); two such people, or none, and it is no one the article named. Only a person
    named in the last few paragraphs (`_DESCRIBED_WITHIN`): the article's other governor, named once far back, is
    not the one it calls `the governor` now."""
    if m.tok.pos_ != "NOUN" or m.tok.lower_ not in frame.cues.words["offices"] or m.span[0].lower_ != "the":
        return None
    ranks = frame.cues.words["office_ranks"]
    rank = {t.lower_ for t in m.span if t.lower_ in ranks}
    groups: list[list[str]] = []
    prev = -2
    for t in m.span[1:]:
        if t.i == m.tok.i or t.is_space:
            continue
        if not t.text[:1].isupper():
            continue  # (`the veteran senator`: an epithet, no label)
        if groups and t.i - 1 == prev:
            groups[-1].append(t.text)
        else:
            groups.append([t.text])
        prev = t.i
    found = set()
    here = frame.paragraph(m.tok.idx)
    for name, given in frame.book.given_roles.items():
        named = [x.start for x in frame.book.before(m.tok.idx) if x.key == name and not x.quoted]
        if not named or here - frame.paragraph(named[-1]) > _DESCRIBED_WITHIN:
            continue
        for at, role in given:
            parts = [p for p in re.split(r"[\s,()-]+", role) if p]
            titled = any(
                len(p.rstrip(".")) >= 3 and m.tok.lower_.startswith(p.rstrip(".").lower()) for p in parts
            )
            ranked = {p.lower().rstrip(".") for p in parts} & ranks == rank
            fits = all(any(_label_fits(" ".join(g), p) for p in parts) for g in groups)
            if at < m.tok.idx and titled and ranked and fits:
                found.add(name)
    return Resolution(frame.book.entity(found.pop())) if len(found) == 1 else None


_DESCRIBED_WITHIN = 3  # paragraphs between a person's last mention and a description by office that stands for them


@rule("speaker", examples=[Example(
    "Ivanka Trump, the nominee's eldest daughter, noted the rule in the interview. When pressed on why the plan "
    "leaves out dads, the 34-year-old mother of three replied, “It's meant to benefit the mother.”",
    "Ivanka Trump", words="meant to benefit")])
def age_epithet(frame: Frame, cue: Cue, m: Mention, history: History) -> Resolution | None:
    """`the 34-year-old mother of three replied` after `Ivanka Trump … noted`: a definite description by age
    introduces no one; news writes it for the person its passage is about, the last person named as a subject in
    this paragraph or the one before (none: no one the article named)."""
    words = [t.lower_ for t in m.span if not t.is_space]
    if len(words) < 5 or words[0] != "the" or not _AGE.match("".join(words[1:])):
        return None
    here = frame.paragraph(m.tok.idx)
    subjects = [
        x for x in frame.book.before(m.tok.idx)
        if x.subject and not x.quoted and x.type == "person" and here - frame.paragraph(x.start) <= 1
    ]
    if not subjects:
        return None
    last = subjects[-1].key
    return Resolution(frame.book.entity(last))


_AGE = re.compile(r"(?:\d+|[a-z]+(?:-[a-z]+)?)-year-old")


@rule("speaker", examples=[Example(
    "The Northern Ledger published the letter on Tuesday.\n\nStudents raised worries about cameras, according to "
    "the university's student newspaper.", "student newspaper", words="raised worries")])
def medium_of_its_own(frame: Frame, cue: Cue, m: Mention, history: History) -> Resolution | None:
    """`according to the university's student newspaper`, `the school paper said`: a medium described with an
    owner or a kind of its own is not the medium the article named last (`description`), but one it does not
    name; it speaks under its description, as written."""
    if m.tok.lower_ not in MEDIUM_WORDS:
        return None
    own = [c for c in m.tok.children if dep_of(c) == "poss" or dep_of(c) == "compound" and c.pos_ == "NOUN"]
    return described_group(frame, cue, m, history) if own else None


@rule("speaker", examples=[
    Example("The Northern Ledger published the letter on Tuesday.\n\n“The minister knew everything,” the newspaper "
            "wrote.", "Northern Ledger", words="minister knew"),
    Example("Students at Coventry University halls sparked fury with what the institution called an “outrageous” "
            "illegal party.", "Coventry University", words="illegal party"),
])
def description(frame: Frame, cue: Cue, m: Mention, history: History) -> Resolution | None:
    """`the newspaper said` -> the news medium last named; `the party said` -> the party last named; `the
    institution called` -> the university, college, school or hospital last named (`a new research paper
    suggests` is a document the article introduces there, not the medium it named before)."""
    if m.span[0].lower_ in frame.cues.words["indefinite"]:
        return None
    resolved = frame.book.resolve_description(m.tok.lower_, m.tok.idx)
    return Resolution(frame.book.entity(resolved)) if resolved else None


@rule("speaker", examples=[Example(
    "According to a speech Mrs. Clinton delivered in May, the plan would cost billions.", "Clinton")])
def person_in_phrase(frame: Frame, cue: Cue, m: Mention, history: History) -> Resolution | None:
    """`according to a speech Mrs. Clinton delivered` -> Clinton (`the box labeled` -> nobody)."""
    if m.tok.lower_ in frame.cues.groups:
        return None
    for t in m.tok.subtree:
        if t.ent_type_ == "PERSON" and not frame.in_quote[t.i]:
            return named(frame, strip_name(noun_phrase(t), frame.cues)[0])
    return None


@rule("speaker", examples=[Example(
    "Jean Dupont and Anna Berg met on Monday. The two said the plan would be ready by May.",
    "Jean Dupont and Anna Berg", words="the plan")])
def the_two(frame: Frame, cue: Cue, m: Mention, history: History) -> Resolution | None:
    """`the two said …`: the two people last named before it (`Mr. Obama and Hillary Clinton … the two learned`)."""
    det = [c for c in m.tok.children if dep_of(c) == "det"]
    if m.tok.lower_ != "two" or not det or det[0].lower_ != "the":
        return None
    names: list[str] = []
    for mention in reversed(frame.book.before(m.tok.idx)):
        if m.tok.idx - mention.start > 600 or len(names) == 2:
            break
        if mention.type == "person" and not mention.quoted and mention.key not in names:
            names.append(mention.key)
    if len(names) < 2:
        return None
    name = f"{names[1]} and {names[0]}"
    return Resolution(Entity(frame.book.entity(name).id, name, "group"))


@rule("speaker", examples=[Example("Some argue that the plan will never work in practice.", "Some")])
def counted_group(frame: Frame, cue: Cue, m: Mention, history: History) -> Resolution | None:
    """`Some argue …`, `another says …`, `those surveyed said …`: people the article does not name, a group known
    by the word that counts them."""
    if [w for w in m.name.split() if w.lower() not in frame.cues.words["determiners"]]:
        return None
    return unnamed_group(frame, m.tok)


@rule("speaker", examples=[Example(
    "A spokesperson for OpenAI questioned the calculation, noting that it makes several assumptions.",
    "spokesperson for OpenAI", words="several assumptions")])
def speaks_for(frame: Frame, cue: Cue, m: Mention, history: History) -> Resolution | None:
    """`a spokesperson for OpenAI`, `a lawyer for the family`: someone known only by whom they speak for, named
    with them (`spokesperson` alone names no one; cues `speaks_for`)."""
    if m.tok.pos_ != "NOUN" or not noun_forms(m.tok) & frame.cues.words["speaks_for"]:
        return None
    for prep in m.tok.rights:
        if dep_of(prep) != "prep" or prep.lower_ not in ("for", "of"):
            continue
        whom = [
            c for c in prep.children
            if dep_of(c) == "pobj" and any(t.pos_ == "PROPN" or t.ent_type_ for t in c.subtree)
        ]  # (`a spokesman for the Clinton campaign`)
        if whom and not frame.in_quote[whom[0].i]:
            phrase = [t.text for t in noun_phrase(whom[0]) if not t.is_space]
            if phrase and phrase[0].lower() in frame.cues.words["determiners"]:
                phrase = phrase[1:]
            name = f"{m.tok.text} {prep.text} {' '.join(phrase)}"
            return Resolution(Entity(frame.book.entity(name).id, name, "group"))
    return None


@rule("speaker", examples=[
    Example("Renault a confirmé la fermeture de l'usine de Flins. Renault emploie 2 000 salariés, selon la CGT. Un "
            "porte-parole du constructeur a précisé que les salariés seraient reclassés.", "porte-parole de Renault", words="seraient reclassés",
            language="fr"),
])
def for_described_organisation(frame: Frame, cue: Cue, m: Mention, history: History) -> Resolution | None:
    """French `un représentant du groupe`, `le porte-parole de l'entreprise`: someone speaking for an organisation
    the article names, by a description of it (cues `org_descriptions`), named with that organisation."""
    if frame.doc.lang_ != "fr" or m.tok.pos_ != "NOUN" or m.tok.lower_ not in (
        frame.cues.words["roles"] | frame.cues.groups | {"représentant", "représentante"}
    ):
        return None
    for whom in m.tok.children:
        if dep_of(whom) != "nmod" or whom.lower_ not in frame.cues.words["org_descriptions"] or whom.i < m.tok.i:
            continue
        if not any(dep_of(c) == "case" and c.lower_ in ("du", "de") for c in whom.children):
            continue
        # the organisation introduced with that word, else the one the article names most (its subject: `le
        # groupe` in an article on Samsung), not merely the last one named (an analyst's bank)
        org = frame.book.described_as(whom.lower_, whom.idx)
        if org is None:
            named_orgs = [x.key for x in frame.book.before(whom.idx) if x.type == "organization" and not x.quoted]
            org = max(reversed(named_orgs), key=named_orgs.count) if named_orgs else None
        if org is not None:
            name = f"{m.tok.text} de {org}"
            return Resolution(Entity(frame.book.entity(name).id, name, "group"))
    return None


def _owned_description(frame: Frame, m: Mention) -> str | None:
    """`Libertarian presidential candidate Gary Johnson’s doctor` -> `Gary Johnson’s doctor`: a description owned by
    a person, under the person's name as the article gives it in full, without the role before it."""
    owners = [c for c in m.tok.children if dep_of(c) == "poss" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON"]
    if not owners or frame.in_quote[owners[0].i]:
        return None
    owner = owners[0]
    mark = next((c for c in owner.children if dep_of(c) == "case" and c.tag_ == "POS"), None)
    if mark is None or m.span.end <= mark.i + 1:
        return None
    person, _ = frame.book.canonical(strip_name(noun_phrase(owner), frame.cues)[0])
    rest = "".join(t.text_with_ws for t in frame.doc[mark.i + 1 : m.span.end]).strip()
    return f"{person}{mark.text} {rest}" if person and rest else None


_KEEP_PREPOSITIONS = {"de", "du", "des", "d'", "d’", "à", "au", "aux", "chez"}  # (`un chercheur à l'Inserm`)


def _before_clause(words: list[Token], head: Token, relatives: frozenset[str]) -> list[Token]:
    """A French description without the clause it runs into: `un ténor de la droite sur l'influence qu'a pu obtenir
    X` -> `ténor de la droite`, `un habitant interrogé par l'AFP` -> `habitant`: it ends before the first
    preposition (other than `de`, `à`, `chez`) ahead of a verb or a relative pronoun, else before that word."""
    clause = next((t for t in words if t.i > head.i and (t.pos_ in ("VERB", "AUX") or t.lower_ in relatives)), None)
    if clause is None:
        return words
    preps = [t for t in words if head.i < t.i < clause.i and t.pos_ == "ADP" and t.lower_ not in _KEEP_PREPOSITIONS]
    cut = preps[0].i if preps else clause.i
    return [t for t in words if t.i < cut]


@rule("speaker", examples=[
    Example("Senior officials said the talks had stalled over the border.", "Senior officials"),
    Example("Libertarian presidential candidate Gary Johnson’s doctor is calling the candidate “extremely fit.”",
            "Gary Johnson’s doctor", words="extremely fit"),
    Example("\"Chirac l'a tout de même soutenu en 1999\", a ajouté un ténor de la droite sur l'influence qu'a pu "
            "obtenir Jean-Paul Delevoye.", "ténor de la droite", words="Chirac l'a", language="fr"),
])
def described_group(frame: Frame, cue: Cue, m: Mention, history: History) -> Resolution:
    """Anyone else the article describes but does not name: `senior officials`, `the newspaper`, as written; one a
    person owns under that person's name, the role before it left out (`Gary Johnson’s doctor`)."""
    name = " ".join(w for w in m.name.split() if w.lower() not in frame.cues.words["determiners"])
    if frame.doc.lang_ == "en":
        name = _owned_description(frame, m) or name
    if frame.doc.lang_ == "fr" and m.tok.pos_ == "NOUN":
        # French descriptions keep their adjectives, which strip_name takes for titles: `un ancien guide touristique`
        words = [t for t in m.span if not t.is_space]
        while words and (words[0].lower_ in _FR_ARTICLES and not article_name(words, frame.cues.words["article_names"])
                         or words[0].is_punct):
            words = words[1:]
        words = _before_clause(words, m.tok, frame.cues.words["relative_words"])
        name = "".join(t.text_with_ws for t in words).strip(" ,") or name
    etype: EntityType = "media" if m.tok.lower_ in ("newspaper", "paper", "magazine") else "group"
    return Resolution(Entity(frame.book.entity(name).id, name, etype))


SPEAKER_RULES = stage("speaker", (
    share_of_group,
    first_person_label,
    pronoun_for_organisation,
    pronoun_of_reporting_verb,
    pronoun_for_last_organisation,
    it_of_a_thing,
    pronoun_antecedent,
    dateline_is_nobody,
    the_two,
    described_at_name,
    described_by_quality,
    described_entity,
    owned_description,
    described_person,
    name_with_role,
    proper_name,
    thing_cannot_speak,
    role_named_before,
    titled_named_before,
    age_epithet,
    medium_of_its_own,
    description,
    person_in_phrase,
    counted_group,
    speaks_for,
    for_described_organisation,
    described_group,
))


def resolve_one(frame: Frame, cue: Cue, history: History) -> Resolution | None:
    """The entity who speaks through `cue`'s subject, through the mention, name and speaker rules."""
    tok = cue.speaker
    if tok is None or frame.in_quote[tok.i]:
        return None
    mention, mention_rule = first(MENTION_RULES, frame, cue, tok)
    tok = mention or tok
    word, name_rule = first(NAME_RULES, frame, cue, tok)
    tok = word or tok
    found, speaker_rule = first(SPEAKER_RULES, frame, cue, Mention(frame, tok), history)
    if found is None:
        return None
    return found.stamped(("mention", mention_rule), ("name", name_rule), ("speaker", speaker_rule))


@rule("speaker_list", examples=[
    Example("China and Russia support the plan to end the war in the region.", "China and Russia"),
])
def list_of_speakers(frame: Frame, cue: Cue, one: Resolution, history: History) -> Resolution | None:
    """A list of subjects (`China and Russia support …`, `She and her aides have vowed …`) speaks as one group named
    by its members; each member's phrase follows the one before with only a comma or the joining word between
    (not `Trump, the frontrunner and polling leader`, where the second noun is part of an apposition)."""
    tok = cue.speaker
    if tok is None or frame.in_quote[tok.i]:
        return None
    others, end = [], noun_phrase(tok).end
    for member in sorted(tok.conjuncts, key=lambda t: t.i):
        if member.i < tok.i:
            continue
        phrase = noun_phrase(member)
        between = frame.doc[end : phrase.start]
        if frame.in_quote[member.i] or member.pos_ not in ("PROPN", "NOUN", "PRON") or any(
            not (t.is_punct or dep_of(t) == "cc" or t.is_space) for t in between
        ):
            break
        if member.pos_ == "PROPN" and not any(t.ent_type_ for t in phrase):
            break  # a title, not a member: `President and Chief Financial Officer of Super Value Debra Symonette`
        others.append(member)
        end = phrase.end
    joins = frame.cues.words["list_joins"]
    joined = {t.lower_ for c in (tok, *others) for t in c.children if dep_of(t) == "cc"} & joins
    if not others or not joined:
        return None
    names, persons, genders = [one.entity.name], list(one.persons), list(one.genders)
    for other in others:
        resolved = resolve_one(frame, Cue(cue.token, cue.text, other), history)
        if resolved is not None and resolved.entity.name not in names:
            names.append(resolved.entity.name)
            persons += resolved.persons
            genders += resolved.genders
    if len(names) < 2:
        return None
    name = f"{', '.join(names[:-1])} {next(iter(joined))} {names[-1]}"
    group = Entity(frame.book.entity(name).id, name, "group")
    return Resolution(group, tuple(persons), tuple(genders), one.rules)


SPEAKER_LIST_RULES = stage("speaker_list", (list_of_speakers,))


def resolve_speaker(frame: Frame, cue: Cue, history: History) -> Resolution | None:
    """The entity who speaks through `cue` (see the module docstring), or None."""
    one = resolve_one(frame, cue, history)
    if one is None:
        return None
    group, list_rule = first(SPEAKER_LIST_RULES, frame, cue, one, history)
    return group.stamped(("speaker_list", list_rule)) if group is not None else one
