"""Subject rules: the token heading the speaker of a cue verb, read from the dependency parse.

    find_subject(verb, cues, quoted) -> (token or None, the rule that decided)

Tokens whose index is in `quoted` are quoted words, never the speaker: in `“My reaction …,” X said` the parser may
make `reaction` a subject of `said`. The order of SUBJECT_RULES is the precedence.
"""

from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Token

from volte.nlp.attribution.rules import NOBODY, Example, first, rule, stage
from volte.nlp.attribution.speech import can_speak
from volte.nlp.deps import dep_of
from volte.resources import Cues

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")


def _inverted(verb: Token, quoted: Container[int]) -> bool:
    """`"…," said X`, `« … », a dénoncé X`: the verb right after a closing quotation mark, no subject before it."""
    j, inverted = verb.i - 1, False
    # (French puts an adverb between: `« … » a ensuite précisé Febelfin`)
    between = ("AUX", "ADV") if verb.doc.lang_ == "fr" else ("AUX",)
    while j >= 0 and (verb.doc[j].pos_ in between or verb.doc[j].is_punct or verb.doc[j].is_space):
        inverted = inverted or verb.doc[j].text in ("»", "”", '"', "’", "''")
        j -= 1
    # (Not when a subject stands before the verb: `Kerry Washington, star of "Scandal," thanked Obama`.)
    return inverted and not any(dep_of(c) in _SUBJECTS and c.i < verb.i and c.i not in quoted for c in verb.children)


def _timely(tok: Token, cues: Cues) -> bool:
    return tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in cues.words["time_words"]


def _passive(verb: Token, cues: Cues) -> bool:
    """`Valcourt has long been seen as close to Moscow`: a passive, whose subject is talked about."""
    return (
        any(dep_of(c) == "nsubjpass" for c in verb.children)
        and any(dep_of(c) == "auxpass" for c in verb.children)
        and verb.lower_ not in cues.words["speaking_passives"]
    )


@rule("subject", examples=[Example("“We will not give in,” said Marguerite Valcourt on Monday.", "Marguerite Valcourt")])
def inverted_subject(verb: Token, cues: Cues, quoted: Container[int]) -> Token | None:
    """`"…," said X`: right after the quotation the subject follows the verb; the parser often calls it an object
    (or takes a later noun for the subject), so the noun right after the verb is read first."""
    if not _inverted(verb, quoted):
        return None
    for child in verb.rights:
        near = dep_of(child) in ("dobj", "nsubj", "nsubjpass", "prep") and child.i - verb.i <= 5
        if near and child.pos_ in ("PROPN", "NOUN") and child.i not in quoted and not _timely(child, cues):
            if any(dep_of(c) == "case" and c.lower_ in cues.words["addressee_cases"] for c in child.children):
                # `déclare à l'AFP Jean-Philippe Magnen`: the medium heard it; the name the parse hung on it speaks
                named = [c for c in child.children if dep_of(c) == "appos" and c.pos_ == "PROPN" and c.i not in quoted]
                if named:
                    return named[0]
                continue
            return child
    return None


@rule("subject", examples=[Example(
    "Jean Dupont a lu le rapport. Sur cette marginalité des revues de langue française retenues dans la liste, les "
    "« attendus » de la liste proposée par la section 37 précisent qu’il s’agit en fait d’un progrès : « l’ignorance "
    "de la langue française conduit les classements internationaux à prendre peu en compte les revues publiant des "
    "articles en français ».", None, words="l’ignorance", language="fr")])
def impersonal_pronoun(verb: Token, cues: Cues, quoted: Container[int]) -> object:
    """French `il s’agit`, `il faut`, `il y a` (cues `impersonal_verbs`): the `il` of an impersonal verb stands for
    no one; the verb has no speaker (not a person the article named before)."""
    lemma = verb.lemma_.lower()
    children = {c.lower_.replace("’", "'") for c in verb.children}
    for entry in cues.words["impersonal_verbs"]:
        word = entry.split()[-1].removeprefix("s'")
        needs = "y" if entry.startswith("y ") else "reflexive" if entry.startswith("s'") else None
        if lemma != word or needs == "y" and "y" not in children or needs == "reflexive" and not children & {
            "se", "s'"
        }:
            continue
        if any(c.lower_ == "il" and c.dep_ in ("nsubj", "expl:subj") and c.i < verb.i for c in verb.children):
            return NOBODY
    return None


@rule("subject", examples=[
    Example("Jean Dupont était à Lyon. « Nous aurions dû agir plus tôt », a-t-il souligné.", "Jean Dupont",
            language="fr"),
    Example("Jean Dupont a appris ce décès au volant de sa voiture. Très ému, il confie au Figaro que « Nous aurions "
            "dû plaider l'un contre l'autre cet après-midi ».", "Jean Dupont", language="fr"),
])
def expletive_pronoun(verb: Token, cues: Cues, quoted: Container[int]) -> Token | None:
    """The French parser often labels a personal subject pronoun an expletive (`expl:subj`): `a-t-il souligné`,
    `il confie au Figaro que …`; the pronoun is the subject (never `-t`, the euphony)."""
    for child in verb.children:
        word = child.lower_.lstrip("-")
        if child.dep_ == "expl:subj" and word in cues.words["persons"] and child.i not in quoted:
            return child
    return None


@rule("subject", examples=[
    Example("Le gouvernement malien, impuissant, a de son côté dénoncé « la furie destructrice » des islamistes.",
            "gouvernement malien", language="fr"),
    Example("Le déficit se creuse ; le ministre des finances, Pierre Moscovici, a pour sa part ajouté : « C'est "
            "d'une France affaiblie dont nous héritons ».", "Pierre Moscovici", language="fr"),
])
def past_aside(verb: Token, cues: Cues, quoted: Container[int]) -> Token | None:
    """`X a de son côté dénoncé …`, `X a pour sa part ajouté :` (cues `asides`): the parser hangs the verb on the
    aside; the speaker is the noun phrase before it, back to the clause's start (`;`, a quotation, a verb)."""
    aside = _aside_at(verb.head, cues) if verb.head.i != verb.i else None
    if aside is None:
        return None
    k = aside - 1
    while k >= verb.sent.start and (verb.doc[k].pos_ in ("AUX", "ADV") or verb.doc[k].is_space):
        k -= 1
    start = k
    while start > 0 and start - 1 >= verb.sent.start and verb.doc[start - 1].text not in (";", "»", "”", ":", ".") and (
        verb.doc[start - 1].pos_ not in ("VERB", "AUX")
    ):
        start -= 1
    for tok in verb.doc[start : k + 1]:
        if tok.pos_ in ("NOUN", "PROPN", "PRON") and tok.i not in quoted:
            return tok
    return None


def _aside_at(tok: Token, cues: Cues) -> int | None:
    """The first token of the aside holding `tok` (`de son côté`, `pour sa part`), or None."""
    for size in (3, 2):
        for begin in range(tok.i - size + 1, tok.i + 1):
            if 0 <= begin and begin + size <= len(tok.doc):
                words = " ".join(t.lower_ for t in tok.doc[begin : begin + size])
                if words in cues.words["asides"]:
                    return begin
    return None


@rule("subject", examples=[Example("“Debate recap,” tweeted Rubio spokesman Alex Conant.", "Alex Conant")])
def inverted_name_run(verb: Token, cues: Cues, quoted: Container[int]) -> Token | None:
    """`"Debate recap," tweeted Rubio spokesman Alex Conant.`, the name parsed as anything but the subject: the noun
    phrase right after the verb, up to its last word (`said retired neurosurgeon Ben Carson`: a participle as
    adjective belongs to the phrase)."""
    if not _inverted(verb, quoted):
        return None
    k = verb.i + 1
    while k < len(verb.doc) and k not in quoted and (
        verb.doc[k].pos_ in ("PROPN", "NOUN", "DET", "ADJ") or dep_of(verb.doc[k]) == "amod"
    ):
        k += 1
    run = [t for t in verb.doc[verb.i + 1 : k] if t.pos_ in ("PROPN", "NOUN")]
    subjectless = not any(dep_of(c) in _SUBJECTS for c in verb.children)
    if run and subjectless and run[-1].ent_type_ not in ("DATE", "TIME") and run[-1].lower_ not in cues.words["time_words"]:
        return run[-1]
    return None


@rule("subject", examples=[
    Example("L'assemblée nationale a donc voté la confiance au gouvernement, qui devient ainsi le 36e gouvernement de "
            "la République, a annoncé le président de l'Assemblée Claude Bartolone.", "Claude Bartolone", language="fr"),
    Example("Registered dietitian Trista Best joined us. But don't worry too much about vitamin overdoses if you're "
            "only taking a multivitamin, says Best.", "Best", words="vitamin overdoses"),
])
def inverted_at_end(verb: Token, cues: Cues, quoted: Container[int]) -> Token | None:
    """Reported speech with the cue last, after a comma: `…, a annoncé le président de l'Assemblée Claude
    Bartolone.`, `…, estime le ministre.`, `…, says Best.`; the noun after the verb is its subject, whatever the
    parse made of it (`dit-on` is hearsay: nobody). In English only where the parse found no subject (it finds
    most: `…, said the minister.`; `says Best` is parsed an adverb), only a verb in the present or the past, not a
    participle (`…, citing a threat to public health` has no subject after it), and not a verb whose object is
    who heard it (`object_control`: `…, founder of the center, tells Breitbart News.`); never after the verb's own
    subject opening the sentence and an aside closed by the comma (`Les riverains, excédés par le bruit, dénoncent
    l'inaction`)."""
    if verb.doc.lang_ != "fr" and (
        verb.tag_ not in ("VBZ", "VBD")
        or verb.lower_ in cues.words["object_control"]
        or any(dep_of(c) in _SUBJECTS for c in verb.children)
    ):
        return None
    k = verb.i - 1
    while k > verb.sent.start and (verb.doc[k].pos_ in ("AUX", "ADV") or verb.doc[k].text.startswith("-")):
        k -= 1
    if verb.doc[k].text != "," or k in quoted:
        return None
    # (Not after the verb's own subject and its aside: `Les riverains, excédés par le bruit, dénoncent l'inaction …`.)
    if any(
        dep_of(c) in _SUBJECTS and c.left_edge.i == verb.sent.start and c.right_edge.i >= k - 1 and c.i not in quoted
        and not any(dep_of(g) == "cop" for g in c.children)  # (`c'est un exemple de …, a déclaré X`: a clause)
        for c in verb.children
    ):
        return None
    rest = [t for t in verb.doc[verb.i + 1 : verb.sent.end] if not t.is_punct and not t.is_space]
    if not rest or len(rest) > 10 or any(t.pos_ in ("VERB", "AUX") or t.i in quoted for t in rest):
        return None
    head = next((t for t in rest if t.pos_ not in ("DET", "ADV")), None)
    # (a person the tagger found, whatever the word's tag: `commente Song Myung-Sup`, `Song` tagged X)
    person = head is not None and head.ent_iob_ == "B" and head.ent_type_ in ("PER", "PERSON")
    if head is None or head.pos_ not in ("NOUN", "PROPN") and not person or _timely(head, cues):
        return None
    return head


@rule("subject", examples=[
    Example("L'ONG Amnesty International publie un rapport accablant. Le Soudan n'ayant pas ratifiée la convention de "
            "la CPI, l'ONG a demandée au Conseil de sécurité de l'ONU d'adopter une résolution.", "Amnesty International",
            words="adopter une résolution", language="fr"),
])
def subject_after_opening_clause(verb: Token, cues: Cues, quoted: Container[int]) -> Token | None:
    """French: `La Syrie n'ayant pas ratifié la convention de la CPI, l'ONG a demandé …`: the parser hung the real
    subject, after the comma that closes an opening participle clause, on that clause's object (and may take the
    object for the verb's subject, or the clause for the root: often where the participles' agreement is off,
    `n'ayant pas ratifiée …, l'ONG a demandée`); the noun phrase between that comma and the verb speaks."""
    if verb.doc.lang_ != "fr":
        return None
    subjects = [c for c in verb.children if dep_of(c) in _SUBJECTS and c.i < verb.i and c.i not in quoted]
    if subjects and subjects[0].pos_ != "NOUN":
        return None
    opening = [c for c in verb.children if dep_of(c) == "advcl" and c.i < verb.i and c.pos_ == "VERB"]
    if dep_of(verb) == "advcl" and verb.head.i < verb.i and verb.head.pos_ == "VERB":
        opening.append(verb.head)
    if not opening or opening[0].i < verb.sent.start:
        return None
    comma = next((t for t in reversed(verb.doc[opening[0].i : verb.i]) if t.text == ","), None)
    if comma is None:
        return None
    phrase = verb.doc[comma.i + 1 : verb.i]
    heads = [t for t in phrase if not (comma.i < t.head.i < verb.i) and t.pos_ not in ("AUX", "ADV", "PART")]
    if len(heads) != 1 or heads[0].pos_ not in ("NOUN", "PROPN") or dep_of(heads[0]) not in ("nmod", "appos"):
        return None
    noun = heads[0]
    between = verb.doc[noun.right_edge.i + 1 : verb.i]
    if noun.i in quoted or any(s.i > comma.i for s in subjects):
        return None
    return noun if all(t.pos_ in ("AUX", "ADV", "PART") for t in between) else None


@rule("subject", examples=[
    Example("Jean Dupont said the plan would fail badly.", "Jean Dupont"),
    Example("Asked about major discrepancies in her 1956 autobiography, Lady Sings the Blues, which was credited to "
            "her and the writer William Dufty, Billie Holliday replied, “Shit, man, I ain’t never read that book.”",
            "Billie Holliday", words="never read that book"),
])
def parse_subject(verb: Token, cues: Cues, quoted: Container[int]) -> Token | None:
    """The verb's subject in the parse; of two, the one next to the verb (`The Latest: Trump urges supporters …`).
    Not a day parsed as the subject (`Warren Saturday said …`), not a dash the tagger took for a noun, not the
    subject of a passive; French `a-t-il dit`: `-t` is euphony, the subject is the next token."""
    if _passive(verb, cues):
        return None
    for child in sorted(verb.children, key=lambda c: (c.i > verb.i, -c.i if c.i < verb.i else c.i)):
        if not any(c.isalpha() for c in child.text):
            continue  # a dash the tagger took for a noun: `… made public ― Trump boasted`
        if child.ent_type_ in ("DATE", "TIME") and child.pos_ == "PROPN" and child.lower_ in cues.words["month_words"] or (
            child.lower_ in cues.words["time_words"] and child.ent_type_ not in ("PERSON", "PER", "ORG")  # (`Hier`, a name)
        ):
            continue  # (a name the tagger took for a date is a name: `…, Billie Holliday replied`)
        if dep_of(child) in _SUBJECTS and child.i not in quoted and child.lower_ != "-t":
            return child
        if dep_of(child) in _SUBJECTS and child.lower_ == "-t" and child.i + 1 < len(child.doc):
            return child.nbor(1)
    return None


@rule("subject", examples=[Example("The plan was said by Jean Dupont to be a failure.", "Jean Dupont", cue="said")])
def passive_agent(verb: Token, cues: Cues, quoted: Container[int]) -> Token | None:
    """`it was said by X`: the agent is the speaker."""
    for child in verb.children:
        if dep_of(child) == "agent":
            objects = [c for c in child.children if dep_of(c) == "pobj"]
            if objects:
                return objects[0]
    return None


@rule("subject", examples=[Example(
    "Membre de la coalition gouvernementale, le vice-Premier ministre et ministre de l'Intérieur Jan Hamáček (ČSSD) "
    "avait estimé plus tôt que le ministre de la Santé avait perdu toute crédibilité.", "Jan Hamáček",
    words="perdu toute crédibilité", language="fr")])
def opening_apposition(verb: Token, cues: Cues, quoted: Container[int]) -> Token | None:
    """French `Membre de la coalition, le ministre Jan Hamáček a estimé …`, `Ancienne ministre, Anne Roux juge …`:
    a noun with no article opening the sentence before a comma describes the subject after it; the parser made the
    description the subject. The first person (else organisation) named between the comma and the verb speaks."""
    if verb.doc.lang_ != "fr":
        return None
    subjects = [c for c in verb.children if dep_of(c) in _SUBJECTS and c.i < verb.i and c.i not in quoted]
    if not subjects or subjects[0].pos_ != "NOUN" or subjects[0].i != subjects[0].sent.start:
        return None
    if subjects[0].ent_type_:
        return None  # a name the tagger calls a noun: `Myriam Martinet, de la CGT, a relevé …`
    if any(dep_of(c) == "det" for c in subjects[0].children):
        return None
    comma = next((t for t in verb.doc[subjects[0].i : verb.i] if t.text == ","), None)
    if comma is None:
        return None
    for kinds in (("PER", "PERSON"), ("ORG",)):
        for t in verb.doc[comma.i + 1 : verb.i]:
            if t.pos_ == "PROPN" and t.ent_type_ in kinds and t.i not in quoted and dep_of(t) != "flat" and not any(
                dep_of(c) == "case" for c in t.children
            ):  # (not a name after a preposition: `le porte-parole de Jean Dupont`)
                return t
    return None


@rule("subject", examples=[Example("It was reported that the plan would fail.", None)])
def passive_without_agent(verb: Token, cues: Cues, quoted: Container[int]) -> object:
    """A passive with no agent names no speaker: `he is expected to run`, `it was said that …`."""
    return NOBODY if _passive(verb, cues) else None


@rule("subject", examples=[Example(
    '"Is this a serious proposal?" the opposition leader, Karin Berg, tweeted on Sunday after the vote.', "Karin Berg")])
def apposition_before_comma(verb: Token, cues: Cues, quoted: Container[int]) -> Token | None:
    """`…, Brendan Buck, a spokesman for Ryan, told POLITICO`: the parser lost the subject inside an apposition;
    the name the apposition describes stands right before the verb's comma (not a participle after the comma,
    `…, Tulsa, Oklahoma, arguing that …`: the main verb's subject does it)."""
    if not (verb.i >= 3 and verb.doc[verb.i - 1].text == "," and verb.tag_ != "VBG"):
        return None
    tok = verb.doc[verb.i - 2]
    while dep_of(tok) in ("pobj", "prep", "compound", "amod", "det", "poss", "flat", "nmod") and tok.head.i < verb.i:
        tok = tok.head
    if dep_of(tok) == "appos" and tok.head.pos_ == "PROPN" and tok.head.i < tok.i and tok.head.i not in quoted:
        return tok.head
    if dep_of(tok) == "appos" and tok.pos_ == "PROPN" and tok.i not in quoted:
        return tok  # `her senior policy adviser, Jake Sullivan, said:` -> the name in apposition
    return None


@rule("subject", examples=[Example(
    'One attendee, who like others spoke on the condition of anonymity, said the message was that "the path is long."',
    "attendee")])
def clause_before_verb(verb: Token, cues: Cues, quoted: Container[int]) -> Token | None:
    """`One attendee, who spoke on the condition of anonymity, said the message was …`: the parser made the
    speaker's relative clause a clause of its own before the verb; its subject speaks."""
    clauses = [c for c in verb.children if dep_of(c) == "ccomp"]
    if len(clauses) >= 2 and clauses[0].i < verb.i < clauses[-1].i:
        subjects = [c for c in clauses[0].children if dep_of(c) == "nsubj" and c.i not in quoted]
        if subjects and subjects[0].pos_ in ("NOUN", "PROPN"):
            return subjects[0]
    return None


@rule("subject", examples=[Example(
    "On Saturday, Donald Trump issued a statement saying that the judge was “a remarkable person and a brilliant "
    "justice.”", "Donald Trump", words="a remarkable person")])
def relative_clause_head(verb: Token, cues: Cues, quoted: Container[int]) -> Token | None:
    """`X, who said …`, `footage of Clinton asking, "…"`: the noun the clause hangs from."""
    if dep_of(verb) in ("relcl", "acl") and verb.head.pos_ in ("PROPN", "NOUN"):
        return verb.head
    return None


@rule("subject", examples=[Example("Said Ellis: “We are not done yet.”", "Ellis")])
def verb_opening_sentence(verb: Token, cues: Cues, quoted: Container[int]) -> Token | None:
    """`Said Ellis: "…"`: a sentence opening on the verb, the name right after it."""
    if verb.i == verb.sent.start and verb.i + 1 < len(verb.doc) and verb.nbor(1).pos_ == "PROPN":
        return verb.nbor(1)
    return None


@rule("subject", examples=[Example(
    "The defeat prompted Dainis Ivans to warn that a new pact between the two leaders was near.", "Dainis Ivans")])
def object_control(verb: Token, cues: Cues, quoted: Container[int]) -> Token | None:
    """`Palmieri urged Trump to stop attacking Machado`: the object of a verb of asking or making does it."""
    if dep_of(verb) == "xcomp" and verb.head.i != verb.i and verb.head.lower_ in cues.words["object_control"]:
        objects = [c for c in verb.head.children if dep_of(c) in ("dobj", "obj") and c.i < verb.i]
        if objects and objects[0].i not in quoted:
            return objects[0]
    return None


@rule("subject", examples=[Example(
    "Reinholt tweeted that Lindqvist was “disgusting” and “a con” and encouraged Americans to “check out” her old "
    "tape.", "Reinholt", words="check out")])
def conjunct_of_reported_clause(verb: Token, cues: Cues, quoted: Container[int]) -> Token | None:
    """`Trump tweeted that Machado was “disgusting” and encouraged Americans to “check out” …`: a cue verb the parser
    joined to the verb of the clause another cue reports (`that Machado was …`) is the reporting speaker's second
    act, not the reported subject's."""
    head = verb.head
    if dep_of(verb) != "conj" or any(dep_of(c) in _SUBJECTS for c in verb.children) or dep_of(head) not in (
        "ccomp", "advcl"
    ):
        return None
    outer = head.head
    that = any(c.lower_ == "that" and dep_of(c) in ("mark", "advmod") and c.i < head.i for c in head.children)
    if not that or outer.i == head.i or outer.lower_ not in cues.verb_forms or outer.i > head.i:
        return None
    subjects = [c for c in outer.children if dep_of(c) in _SUBJECTS and c.i < outer.i and c.i not in quoted]
    return subjects[0] if subjects else None


@rule("subject", examples=[Example(
    "The senator has been targeting Lindqvist since Reinholt, at the debate, cited derogatory comments he had made "
    "about her.", "Reinholt", words="derogatory comments")])
def subordinate_clause_subject(verb: Token, cues: Cues, quoted: Container[int]) -> Token | None:
    """`X has been targeting Machado since Clinton, at Monday's debate, cited derogatory comments …`: the parser took
    the subject of a clause opened by a conjunction (`subordinators` in cues_<lang>.yaml) for the object of a
    preposition and hung the verb on the main clause with no `and`; the noun after the conjunction speaks (a comma
    aside may stand between it and the verb)."""
    if any(dep_of(c) in (*_SUBJECTS, "cc") for c in verb.children) or verb.i < 3:
        return None
    doc, k = verb.doc, verb.i - 1
    if doc[k].text == ",":  # (an aside between commas: `, at Monday's debate,`)
        k -= 1
        while k > verb.sent.start and doc[k].text != "," and doc[k].pos_ not in ("VERB", "AUX", "CCONJ"):
            k -= 1
        if doc[k].text != ",":
            return None
        k -= 1
    noun = doc[k]
    joined = noun.head.i < noun.i and any(doc[j].pos_ == "CCONJ" for j in range(noun.head.i, verb.i))
    if dep_of(noun) != "pobj" or noun.head.lower_ not in cues.words["subordinators"] or joined:
        return None
    if noun.i in quoted or noun.pos_ not in ("PROPN", "PRON", "NOUN") or noun.head.i != noun.left_edge.i - 1:
        return None
    return noun


@rule("subject", examples=[Example("Valcourt smiled and said the plan would fail.", "Valcourt")])
def subject_of_head_verb(verb: Token, cues: Cues, quoted: Container[int]) -> Token | None:
    """`X smiled and said …`, `Speaking …, X said`: the subject of the verb it hangs from, up a chain of verbs
    (`Dean appeared on MSNBC and began by saying …`; `X went so far as to say …`: `say` hangs from `far`)."""
    if not (dep_of(verb) in ("conj", "xcomp", "advcl", "ccomp", "pcomp") and verb.head.i != verb.i):
        return None
    head = verb.head
    if dep_of(verb) == "pcomp" and dep_of(head) == "prep":
        head = head.head  # `X deflected questions before saying …`: the verb the preposition hangs from
    while head.pos_ not in ("VERB", "AUX") and dep_of(head) in ("advmod", "acomp") and head.head.i != head.i:
        head = head.head
    for _ in range(3):
        for child in head.children:
            if dep_of(child) in _SUBJECTS and child.i not in quoted:
                return child
        if dep_of(head) not in ("conj", "xcomp", "advcl") or head.head.i == head.i:
            break
        head = head.head
    return None


@rule("subject", examples=[
    Example("Le sénateur Paul Morel a quitté son parti. Estimant que « la loi est injuste », il a voté contre le "
            "texte.", "Paul Morel", words="la loi est injuste", language="fr"),
])
def opening_participle(verb: Token, cues: Cues, quoted: Container[int]) -> Token | None:
    """French: a cue participle opening its sentence (`Estimant que « … », il vota contre`, `Jugeant le projet
    dangereux, la maire a …`) has the subject of the clause after its comma, which the parse often hangs on it."""
    doc = verb.doc
    participle = verb.lower_.endswith("ant") and "Part" in verb.morph.get("VerbForm", [])
    if doc.lang_ != "fr" or verb.i != verb.sent.start or not participle:
        return None
    comma = next((t.i for t in doc[verb.i : verb.sent.end] if t.text == "," and t.i not in quoted), None)
    if comma is None:
        return None
    return next(
        (t for t in doc[comma + 1 : verb.sent.end] if t.dep_.startswith("nsubj") and t.i not in quoted), None
    )


@rule("subject", examples=[
    Example("Le gouvernement a dénoncé « la furie destructrice des islamistes » et a menacé les auteurs de "
            "poursuites.", "gouvernement", words="les auteurs", language="fr"),
    Example("Les syndicats réclament une hausse des salaires et indiquent leur refus de signer l'accord.",
            "syndicats", words="leur refus", language="fr"),
])
def coordinated_verb(verb: Token, cues: Cues, quoted: Container[int]) -> Token | None:
    """French: a cue verb after `et` that the parse hangs off a quotation or a noun shares the subject of its
    sentence, the first outside quotation marks: `X a dénoncé « … » et a menacé les auteurs de poursuites`, `Les
    syndicats réclament une hausse et indiquent leur refus`."""
    if verb.doc.lang_ != "fr" or dep_of(verb) != "conj":
        return None
    doc, k = verb.doc, verb.i - 1
    while k > verb.sent.start and doc[k].pos_ in ("AUX", "ADV"):
        k -= 1
    if doc[k].lower_ not in cues.words["list_joins"]:
        return None
    subjects = [
        t for t in doc[verb.sent.start : k]
        if dep_of(t) == "nsubj" and t.i not in quoted and t.pos_ in ("NOUN", "PROPN", "PRON")
    ]
    return subjects[0] if subjects else None


@rule("subject", examples=[Example(
    "Monday at the annual party conference in Boston Rep. Peter Lund (R-OH) said the tax plan would hurt farmers.",
    "Peter Lund")])
def name_before_verb(verb: Token, cues: Cues, quoted: Container[int]) -> Token | None:
    """The parse gave no subject it can use (`Monday at the … conference Rep. Peter Lund (R-OH) said …`, the day
    parsed as the subject): a name standing right before the verb, over a party label in brackets."""
    j = verb.i - 1
    while j >= 0 and verb.doc[j].pos_ in ("AUX", "ADV", "PART"):
        j -= 1
    if j >= 2 and verb.doc[j].text == ")":
        opening = next((k for k in range(j - 1, max(-1, j - 6), -1) if verb.doc[k].text == "("), None)
        j = opening - 1 if opening is not None else j
    if j >= 0 and verb.doc[j].ent_type_ in ("PER", "PERSON") and j not in quoted:
        return verb.doc[j]
    return None


@rule("subject", examples=[Example(
    "Although there is no such overlap with Sanders's team, a White House official who spoke anonymously to discuss "
    'internal strategy said Wednesday, "Certainly there are discussions between the White House and the Sanders '
    'campaign."', "White House official", words="Certainly")])
def relative_clause_before_verb(verb: Token, cues: Cues, quoted: Container[int]) -> Token | None:
    """`…, a White House official who spoke anonymously to discuss strategy said …`: the parser hung the noun
    elsewhere; a relative clause ending right before the subjectless verb describes its speaker."""
    if any(dep_of(c) in _SUBJECTS for c in verb.children) or verb.i == 0:
        return None
    clause = next((a for a in verb.doc[verb.i - 1].ancestors if dep_of(a) == "relcl"), None)
    if clause is None and dep_of(verb.doc[verb.i - 1]) == "relcl":
        clause = verb.doc[verb.i - 1]
    if clause is not None and clause.right_edge.i == verb.i - 1 and clause.head.i < clause.i:
        noun = clause.head
        if noun.i not in quoted and can_speak(noun, cues, "name", "group", "person_or_org"):
            return noun
    return None


@rule("subject", examples=[Example(
    "In a panel discussion in Washington, Marc H. Morial, the chief executive of the League, forcefully told the "
    "audience that the vote mattered.", "Marc H. Morial")])
def last_person_before_verb(verb: Token, cues: Cues, quoted: Container[int]) -> Token | None:
    """`In a panel discussion …, Marc H. Morial, the chief executive of the League, forcefully told …`: the parser
    lost a finite verb's subject in what comes before; the last person named before it, with no other verb
    between, speaks (a name opening a phrase of its own, not `at Mr. Trump's …`)."""
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or any(dep_of(c) == "aux" and c.pos_ == "AUX" for c in verb.children)
    for k in range(verb.i - 1, max(verb.sent.start, verb.i - 20) - 1, -1) if finite else ():
        tok = verb.doc[k]
        if k in quoted or tok.pos_ == "VERB" or tok.pos_ == "AUX" and tok.head.i != verb.i:
            break
        if tok.ent_type_ in ("PER", "PERSON") and tok.pos_ == "PROPN":
            start = tok.i
            while start > verb.sent.start and verb.doc[start].ent_iob_ == "I":
                start -= 1
            opens = start == verb.sent.start or verb.doc[start - 1].text in (",", ":", ";")
            owned = tok.i + 1 < len(verb.doc) and verb.doc[tok.i + 1].tag_ == "POS"
            return tok if opens and not owned else NOBODY  # type: ignore[return-value]
    return None


SUBJECT_RULES = stage("subject", (
    inverted_subject,
    inverted_name_run,
    inverted_at_end,
    subject_after_opening_clause,
    opening_apposition,
    parse_subject,
    impersonal_pronoun,
    expletive_pronoun,
    past_aside,
    passive_agent,
    passive_without_agent,
    apposition_before_comma,
    clause_before_verb,
    relative_clause_head,
    verb_opening_sentence,
    object_control,
    opening_participle,
    coordinated_verb,
    conjunct_of_reported_clause,
    subordinate_clause_subject,
    subject_of_head_verb,
    name_before_verb,
    relative_clause_before_verb,
    last_person_before_verb,
))


def find_subject(verb: Token, cues: Cues, quoted: Container[int] = ()) -> tuple[Token | None, str | None]:
    """The token heading the speaker of a speech verb and the rule that found it (see SUBJECT_RULES)."""
    found, name = first(SUBJECT_RULES, verb, cues, quoted)
    return found, name


def speaker_of(verb: Token, cues: Cues, quoted: Container[int] = ()) -> Token | None:
    """The token heading the speaker of a speech verb, or None (see SUBJECT_RULES)."""
    return find_subject(verb, cues, quoted)[0]
