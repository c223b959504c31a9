"""Reported speech: which cues introduce reported content (REPORT_CUE_RULES for cue words, REPORT_FINDERS for
nominal reports and verbs of quoted fragments), and the content each reports.

`X said that …`, `according to X, …`, `X denounced the plan as a betrayal`, `The plan, X said, will fail`,
`Trump's claim that …`, `Reid has been pounding Trump as a “con artist”`.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from volte.nlp.attribution.cues import Cue, find_cues
from volte.nlp.attribution.filters import REPORT_CUE_FILTERS
from volte.nlp.attribution.frame import Frame
from volte.nlp.attribution.quote_cues import governing_any_cue, names_by_quote
from volte.nlp.attribution.rules import Example, disabled, first, note, rule, stage, veto
from volte.nlp.attribution.speech import can_speak
from volte.nlp.attribution.subjects import find_subject
from volte.nlp.deps import dep_of
from volte.resources import cues as cue_tables

_THAT = ("that", "que", "qu'", "qu’")
_QUOTE_MARKS = ('"', "“", "”", "«", "»")
# Reported content shorter than this many tokens is too thin to be a statement: `he said so`.
_MIN_CONTENT = 3


def that_clause(noun: Token) -> Token | None:
    """The clause a report noun introduces with `that` / `que`: `the claim [that there were thousands]`."""
    for child in noun.rights:
        if dep_of(child) in ("acl", "ccomp", "relcl") and child.left_edge.lower_ in _THAT:
            mark = child.left_edge
            if dep_of(mark) == "mark" or (dep_of(child) == "acl" and mark.i == noun.i + 1):
                return child
    return None


def parenthetical(frame: Frame, verb: Token) -> tuple[Token, int, int] | None:
    """An attribution set off by commas inside the clause it reports, as (the clause's verb, the aside's first and
    last token), or None: `The plan, X said, will fail`, `If anything, Ash argued in his email, the incident
    shows …`, `Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt` (the clause's verb before the
    aside, its clause going on after it)."""
    head = verb.head
    if dep_of(verb) not in ("parataxis", "advcl") or head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
        return None
    if any(dep_of(c) in ("mark", "ccomp", "dobj", "obj", "xcomp") for c in verb.children):
        return None  # `if X said so`, `X said it`: not an aside
    # The subject next to the verb speaks; the parser may hang the clause's own subject on the verb too.
    subjects = [c for c in verb.children if dep_of(c) in ("nsubj", "nsubj:pass") and c.i < verb.i]
    if not subjects:
        return None
    left = subjects[-1].left_edge.i
    right = max(t.i for t in verb.subtree if not t.is_punct)
    doc = frame.doc
    set_off = left > 0 and doc[left - 1].text == "," and right + 1 < len(doc) and doc[right + 1].text == ","
    if not set_off:
        return None
    if head.i > right:
        return head, left, right
    # The verb before the aside: its clause must go on after it (`…, Graham said, since …`), not end there.
    goes_on = any(t.i > right + 1 and not t.is_punct for t in head.subtree)
    return (head, left, right) if head.i < left and goes_on else None


def trailing_inversion(frame: Frame, cue: Cue) -> int | None:
    """French reported speech with the cue after it, inverted (`Le vote est acquis, a annoncé le président de
    l'Assemblée.`, `…, a-t-il précisé.`, `…, estime le ministre.`): the comma before the cue, else None."""
    verb = cue.token
    if frame.doc.lang_ != "fr" or cue.phrase or cue.speaker is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    if not (cue.speaker.i > verb.i or cue.speaker.text.startswith("-")) or cue.speaker.lower_ in ("-on", "on"):
        return None  # (`…, dit-on.` is hearsay)
    k = verb.i - 1
    while k > verb.sent.start and (verb.doc[k].pos_ in ("AUX", "ADV") or verb.doc[k].text.startswith("-")):
        k -= 1
    if verb.doc[k].text != "," or k <= verb.sent.start or frame.in_quote[k - 1]:
        return None
    # (a sentence that opens with a quotation is the quotation's: `« … », y compris le montant …, commente X`)
    if any(frame.in_quote[i] for i in range(verb.sent.start, min(k, verb.sent.start + 2))):
        return None
    return k


# French dependents of a verb that are not what it reports: its subject, its auxiliaries, a coordinated verb.
_NOT_OBJECT_ONWARD = frozenset({"punct", "conj", "cc", "parataxis", "nsubj", "nsubjpass", "expl", "aux", "auxpass"})


def object_onward(verb: Token) -> list[Token]:
    """French: what a verb reports by its object runs to the end of its clause, the obliques after the object
    included: `ont annoncé [le boycott des instances au sein de La Poste à l'exception des CHSCT]`, `estime [à 75 000
    le nombre d'emplois menacés]`, `a fait état [de l'exécution, jeudi, par les rebelles, de 28 soldats]` (the
    words of a cue phrase are the cue's, not the content). Empty without an object or an argument oblique."""
    table = cue_tables(verb.doc.lang_)
    k = verb.i - 1
    while k > 0 and (verb.doc[k].pos_ in ("AUX", "ADV") or verb.doc[k].text == ","):
        k -= 1
    if verb.doc[k].text in ("»", "”", '"'):
        return []  # `« … » déclare à l'AFP X`: the quotation is what it reports, the rest is who and to whom
    own = set(_phrase_words(verb))
    # `réclament quant à elles la gratuité`: an aside is nobody's content
    own |= _aside_words(verb, table.words["asides"])
    kids: list[Token] = []
    promoted: set[int] = set()
    for ch in verb.rights:
        if ch.i in own:
            # (the parse may hang the object on a word of the phrase or the aside: `quant à elles la gratuité`)
            inner = [c for c in ch.rights if c.i not in own and dep_of(c) not in _NOT_OBJECT_ONWARD]
            kids.extend(inner)
            promoted.update(c.i for c in inner)
        elif dep_of(ch) not in _NOT_OBJECT_ONWARD:
            kids.append(ch)
    start = next(
        (k for k, ch in enumerate(kids) if ch.dep_ in ("obj", "obl:arg", "iobj") or ch.i in promoted), None
    )
    if start is None:
        return []
    # A second cue verb the parse hangs inside the object is a report of its own (`réclament la gratuité et
    # indiquent leur peu d'intérêt`): the content stops before its `et`.
    content = [t for ch in kids[start:] for t in ch.subtree if t.i not in own]
    second = next(
        (t for t in content if dep_of(t) == "conj" and t.pos_ == "VERB" and table.lemma(t) is not None), None
    )
    if second is not None:
        cut = min((c.i for c in second.children if dep_of(c) == "cc"), default=second.i)
        content = [t for t in content if t.i < cut]
    return content


def _aside_words(verb: Token, asides: frozenset[str]) -> set[int]:
    """The words of an aside (`quant à elles`, `pour sa part`) in the clause after `verb`."""
    doc, out = verb.doc, set()
    for k in range(verb.i + 1, min(verb.i + 6, len(doc))):
        for n in (2, 3, 4):
            if " ".join(t.lower_ for t in doc[k : k + n]).replace("’", "'") in asides:
                out |= set(range(k, k + n))
    return out


def _verbs_of_phrase(verb: Token) -> list[Token]:
    """The cue verb and the verbs of its cue phrase, which the parse may head (`a fait savoir qu'…`, the clause
    hung on `savoir`)."""
    return [verb, *(verb.doc[i] for i in _phrase_words(verb) if verb.doc[i].pos_ == "VERB")]


def _phrase_words(verb: Token) -> tuple[int, ...]:
    """The other words of the cue phrase `verb` heads (`état`, `de` of `a fait état de`), or none."""
    found = cue_tables(verb.doc.lang_).verb_phrase(verb)
    return found[1] if found is not None else ()


def complements(verb: Token) -> list[Token]:
    """What a verb says about its object: `described [Clinton as a "disgrace"]`, `urged [voters to …]`."""
    own = set(_phrase_words(verb))
    # (`made it clear that …`: the clause may hang from the phrase's adjective, which is the cue's, not content)
    heads = (*_verbs_of_phrase(verb), *(verb.doc[i] for i in own if verb.doc[i].pos_ == "ADJ"))
    clauses = [
        ch for head in heads for ch in head.children
        if ch.i not in own and (
            dep_of(ch) == "ccomp"
            # `tweeted in the early hours that Machado was …`, the clause parsed as an adverbial one
            or dep_of(ch) == "advcl" and ch.i > verb.i and ch.left_edge.lower_ in _THAT
        )
    ]
    if clauses:
        # `… an accident — X told the Ledger that …`: the clause after the verb when there is one.
        after = [ch for ch in clauses if ch.i > verb.i]
        return [t for t in _joined_clause(verb, (after or clauses)[0]) if t.i not in own]
    if verb.doc.lang_ == "fr" and (onward := object_onward(verb)):
        return onward
    parts = [
        ch for ch in verb.rights
        if dep_of(ch) in ("dobj", "oprd", "attr", "xcomp", "acomp")
        or (dep_of(ch) == "prep" and ch.lower_ in ("as", "of", "for", "about", "to"))
        # `railed against the special-interest provisions` (not `spoke against the bronze backdrop`)
        or (dep_of(ch) == "prep" and ch.lower_ == "against" and cue_tables(verb.doc.lang_).lemma(verb) in
            cue_tables(verb.doc.lang_).words["against_content"])
        # French `qualifié le projet de « fiasco »`, `décrit comme …`: the oblique with de / comme.
        or (dep_of(ch) == "prep" and any(c.lower_ in ("de", "d'", "comme") and dep_of(c) == "case" for c in ch.children))
    ]
    return _before_object_aside(_joined_noun([t for ch in parts for t in ch.subtree], verb))


def _joined_noun(words: list[Token], verb: Token) -> list[Token]:
    """The words, and a noun the parse coordinated with the verb right after them — a verb is not coordinated with
    a noun, so it is the last object's conjunct: `appelle à envoyer [les témoignages (petits ou grands)] [et les
    bilans de rentrée …]`."""
    for ch in verb.rights:
        if not words:
            break
        if dep_of(ch) == "conj" and ch.pos_ == "NOUN" and ch.left_edge.i == words[-1].i + 1:
            words = [*words, *ch.subtree]
    return words


def _joined_clause(verb: Token, clause: Token) -> list[Token]:
    """The clause's words, and those of what the parse split from it: a later clause of the verb that starts
    right where the clause ends, with no subordinator or punctuation of its own, is the clause's predicate
    (`considère que [les politiques qui détruisent l'Éducation] [sont les mêmes que …]`, `considère que [toutes les
    communes du Plateau qui exploitent] [leurs sources … sont concernées]`: the subject and its verb hung apart)."""
    words = list(clause.subtree)
    for ch in verb.rights:
        if ch.i <= clause.i:
            continue
        left = ch.left_edge
        if dep_of(ch) not in ("ccomp", "advcl") or left.i != words[-1].i + 1 or left.is_punct:
            break
        if dep_of(left) == "mark" or left.lower_ in _THAT:
            break
        words.extend(ch.subtree)
    return words


def _before_object_aside(tokens: list[Token]) -> list[Token]:
    """A bare object's content ends before a comma that opens the author's aside on it (`object_asides` in
    cues_<lang>.yaml): `questioned the wisdom of committing to Scott, who has never faced a competitive race`,
    `cited criticism of NBC's Matt Lauer, who took heat for …` -> up to the comma (not when the aside holds quoted
    words, the speaker's own)."""
    if not tokens:
        return tokens
    asides = cue_tables(tokens[0].doc.lang_).words["object_asides"]
    for k in range(1, len(tokens) - 1):
        if tokens[k].text == "," and tokens[k + 1].lower_ in asides and tokens[k + 1].i == tokens[k].i + 1:
            quoted = any(c in t.text for t in tokens[k:] for c in _QUOTE_MARKS)
            return tokens if quoted else tokens[:k]
    return tokens


# -- which cue words introduce a report ----------------------------------------------------------------------


@rule("report_cue", examples=[
    Example("According to Jean Dupont, the plan would cost the city millions.", "Jean Dupont", cue="according to"),
    Example("That's unlike vitamin C, according to an article in Healthline.", "Healthline", words="That's unlike",
            cue="according to"),
    Example("A Bloomberg poll was out.\n\nClinton beats Trump by 46 percent to 42 percent, according to the poll. "
            "Twelve percent indicated that they were not sure.", "poll", words="46 percent", cue="according to"),
    Example("Le parquet a ouvert une enquête. Pour le procureur fédéral Jean Dupont, plus de 3 millions d'euros "
            "auraient été volés dans les banques.", "Jean Dupont", words="3 millions", cue="pour", language="fr"),
    Example("L'ONG Oxfam a publié son rapport annuel. Pour l'organisation luttant contre la pauvreté, les "
            "inégalités se sont creusées.", "Oxfam", words="inégalités se sont creusées", cue="pour", language="fr"),
    Example("Pour l'économiste Thomas Piketty, les inégalités de patrimoine continuent de se creuser.",
            "Thomas Piketty", words="inégalités de patrimoine", cue="pour", language="fr"),
])
def according_to(frame: Frame, cue: Cue) -> bool:
    """`according to X, …`, `selon X, …`: a fixed phrase names its source."""
    return cue.phrase


@rule("report_cue", examples=[
    Example("Jean Dupont était à la tribune. L'assemblée a donc voté la confiance au gouvernement, a annoncé le "
            "président de l'Assemblée Claude Bartolone.", "Claude Bartolone", words="voté la confiance", language="fr"),
    Example("Claude Bartolone présidait la séance. Sur 544 votants, il y a eu 302 voix pour et 225 contre, a-t-il "
            "précisé.", "Claude Bartolone", words="302 voix", language="fr"),
])
def inverted_after(frame: Frame, cue: Cue) -> bool:
    """French: `…, a annoncé le président de l'Assemblée Claude Bartolone.`, `…, a-t-il précisé.`: an inverted cue
    after the clause it reports (see trailing_inversion)."""
    return trailing_inversion(frame, cue) is not None


@rule("report_cue", examples=[
    Example("Valcourt said that the government had lied about the deal.", "Valcourt"),
    # (in the infinitive of a framing verb, which reports nothing of its own: filters.part_of_report)
    Example("The Republican nominee continues to insist that he wants to release his taxes.", "Republican nominee",
            words="release his taxes"),
    # (a present the tagger took for a plural noun, with a subject and a clause: frame._tag_cue_nouns_with_clauses)
    Example("But Trump claims that he should be the exception.", "Trump", words="exception"),
])
def content_clause(frame: Frame, cue: Cue) -> bool:
    """`X said (that) …`: a cue verb with a clause of content."""
    return any(dep_of(ch) == "ccomp" for verb in _verbs_of_phrase(cue.token) for ch in verb.children)


@rule("report_cue", examples=[
    Example("Valcourt denounced the agreement as a betrayal of the voters.", "Valcourt", cue="denounced"),
    # French: the object and the obliques after it (object_onward), a cue phrase of several words
    # (a bare object ends before the author's aside on it: _before_object_aside)
    Example("Some Democrats question the wisdom of committing to Scott, who has never faced a competitive race.",
            "Democrats", words="wisdom of committing to Scott"),
    Example("La Fédération des pêcheurs estime à 3 000 le nombre d'emplois menacés dans les ports bretons.",
            "Fédération des pêcheurs", words="ports bretons", language="fr"),
    Example("Le Secours populaire a fait état d'une hausse des demandes d'aide alimentaire depuis l'été.",
            "Secours populaire", words="hausse des demandes", language="fr"),
])
def complement(frame: Frame, cue: Cue) -> bool:
    """`X denounced the plan as a betrayal`, `X called for new elections`: what the verb says of its object."""
    return bool(complements(cue.token))


@rule("report_cue", examples=[Example("The plan, Ash said, will fail within a year.", "Ash", words="will fail")])
def aside(frame: Frame, cue: Cue) -> bool:
    """`The plan, X said, will fail`: the clause the attribution interrupts."""
    found = parenthetical(frame, cue.token)
    return found is not None and found[0].i > found[2]


@rule("report_cue", examples=[
    Example("Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt in 1999.", "Clarke", words="juggernaut"),
    Example("Taxes have hurt the party with young voters, Graham said, since most of them rent.", "Graham",
            words="since most of them rent"),
])
def aside_after_verb(frame: Frame, cue: Cue) -> bool:
    """`Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt`: an aside after the verb of the clause it
    reports, the clause going on after it (`…, he said.` at the end is the clause's report by content_clause or
    a quotation's cue)."""
    found = parenthetical(frame, cue.token)
    return found is not None and found[0].i < found[1]


REPORT_CUE_RULES = stage("report_cue", (according_to, inverted_after, content_clause, complement, aside, aside_after_verb))


@rule("report_finder", examples=[Example(
    "The senator made the promise that taxes would not rise next year.", "senator", words="taxes", cue="promise")])
def nominal_report(frame: Frame) -> list[Cue]:
    """Nominal reports: `Trump's claim that …`, `his warning that …`, `made the claim that` (not `rejected the
    claim that`); the speaker is the possessor, or the subject of a light verb the noun is the object of."""
    out, doc, cues = [], frame.doc, frame.cues
    for noun in doc:
        if noun.pos_ != "NOUN" or frame.in_quote[noun.i] or noun.lower_ not in cues.report_nouns:
            continue
        if that_clause(noun) is None or dep_of(noun) in ("dobj", "obj") and cues.lemma(noun.head):
            continue  # `repeated his claim that …`: the cue verb reports it already
        owner = [c for c in noun.children if dep_of(c) == "poss"]
        k = noun.i - 1
        while k > 0 and doc[k].pos_ == "ADJ":
            k -= 1
        if not owner and k > 0 and doc[k].lower_ in ("'s", "’s") and doc[k - 1].pos_ in ("NOUN", "PROPN"):
            owner = [doc[k - 1]]  # `Tulsa police’s earlier claim`, the possessive parsed as a verb
        speaker, subject_rule = (owner[0], "nominal_report") if owner else (None, None)
        if speaker is None and dep_of(noun) in ("dobj", "obj") and noun.head.lower_ in cues.words["light_verbs"]:
            speaker, subject_rule = find_subject(noun.head, cues, frame.quoted)
        if speaker is not None and can_speak(speaker, cues):
            out.append(Cue(noun, noun.text, speaker, subject_rule=subject_rule))
    return out


@rule("report_finder", examples=[
    Example("Reid has been pounding Trump as a “con artist” for weeks.", "Reid", words="con artist", cue="pounding"),
])
def quoted_fragment(frame: Frame) -> list[Cue]:
    """A verb that calls something by quoted words reports its subject's words, cue verb or not: `Reid has been
    pounding Trump as a “con artist”`, `referenced "political tensions"` (not a lead-in to a direct quotation, `X
    delivered a message: "…"`, nor a verb of having or doing, `has "big plans"`)."""
    out: list[Cue] = []
    for q in frame.quotes:
        if frame.text[: q.open_at].rstrip().endswith(":"):
            continue
        cue = governing_any_cue(frame, q)
        if cue is None or cue.speaker is None or not can_speak(cue.speaker, frame.cues, "name", "tagged", "pronoun"):
            continue
        if names_by_quote(frame, cue, q):
            out.append(cue)
    return out


_NAMED = ("PERSON", "PER", "ORG", "NORP")


@rule("report_finder", examples=[
    Example("Pence: Flowers Won't Be at Debate, Trump Was Mocking Clinton Camp.\n\nOn Sunday, Gov. Mike Pence "
            "spoke on Fox News.", "Pence", words="Trump Was Mocking", cue=":"),
    Example("Poll: Clinton and Trump in Dead Heat Heading Into First Debate.\n\nThe race is tied.", "Poll",
            words="Dead Heat", cue=":"),
])
def headline_label(frame: Frame) -> list[Cue]:
    """`Pence: Gennifer Flowers Won't Be at Debate`, `Poll: Clinton and Trump in dead heat`: a headline opening on
    a name (a person or an organisation) or a document or group noun (`groups` in cues_<lang>.yaml) and a colon
    says what they said (not a rubric, `The Latest:`, `Breaking:`, `BOOM:`; a quoted headline, `Reid: "…"`, is
    the quotation's, quote_cues.colon_label)."""
    label = frame.line_labels.get(0)
    doc = frame.doc
    if label is None or len(frame.paragraph_starts) < 2 or "\n" in frame.text[: frame.paragraph_starts[1]].strip():
        return []  # not a headline: the first paragraph is one line, with the body after it
    colon = doc[frame.tok(label[1] - 2)]
    words = [t for t in doc[: colon.i] if not t.is_punct]
    end = frame.text.find("\n")
    if colon.text != ":" or not words or frame.in_quote[colon.i] or label[0].isupper():
        return []
    if frame.text[:end].rstrip(" .").endswith("?"):
        return []  # `Ted Cruz: Constitutional conservative or another typical career politician?` asks about them
    head = words[-1]
    # (the tagger takes a headline's first word for a common noun, `Sanders:`: a name the body uses is a name)
    named = head.pos_ == "PROPN" and head.ent_type_ in _NAMED or head.lower_ in frame.book.fullest
    if not named and head.lower_ not in frame.cues.groups:
        return []
    return [Cue(colon, ":", head, subject_rule="headline_label", label=True)]


# Finders each find cues of their own; all of them run (a verb of a quoted fragment only where no cue word did).
REPORT_FINDERS = stage("report_finder", (nominal_report, quoted_fragment, headline_label))


def find_report_cues(frame: Frame) -> list[tuple[Cue, str]]:
    """Every cue outside quotations that introduces reported content, with the rule that found it."""
    out: list[tuple[Cue, str]] = []
    for c in find_cues(frame.doc, (t for t in frame.doc if not frame.in_quote[t.i]), frame.cues, quoted=frame.quoted):
        paraphrase = not any(frame.in_quote[t.i] for t in c.token.subtree)
        if veto(REPORT_CUE_FILTERS, frame, c, paraphrase) is not None:
            continue
        found, name = first(REPORT_CUE_RULES, frame, c)
        if found and name is not None:
            out.append((c, name))
    verbs = {c.token.i for c, _ in out}
    for finder in REPORT_FINDERS:
        if finder.name in disabled():
            continue
        for c in finder.fn(frame):
            if finder.name == "quoted_fragment" and c.token.i in verbs:
                continue
            verbs.add(c.token.i)
            out.append((c, finder.name))
            note(finder.name)
    return out


# -- what a cue reports ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Content:
    tokens: tuple[Token, ...]
    aside: tuple[Token, int, int] | None  # (the clause's verb, the aside's first and last token)


def _phrase_content(frame: Frame, cue: Cue) -> list[Token] | None:
    """`according to X, …` (X hangs from `to`) / `selon X, …` (`selon` hangs from X)."""
    anchor = cue.speaker if dep_of(cue.token) == "case" and cue.speaker is not None else cue.token
    heads = ("VERB", "AUX") if anchor is cue.token else ("VERB", "AUX", "ADJ", "NOUN")
    sent = cue.token.sent
    if anchor.head.pos_ in heads and anchor.head.i != anchor.i:
        skip = {t.i for t in anchor.subtree}
        if anchor is not cue.token:
            # `Pour le procureur fédéral, plus de 3 millions …`: the source's phrase ends at its comma, whatever
            # the parse hangs on it after
            comma = next((t.i for t in frame.doc[anchor.i : anchor.i + 7] if t.text == ","), None)
            skip = {i for i in skip if comma is None or i <= comma}
        head = anchor.head
        if anchor.i > head.i:
            # A clause joined after the source is the author's again: `Plant-based diets are becoming popular,
            # according to Forbes, but with that can come some nutrition issues` -> up to Forbes.
            for c in head.children:
                if c.i > anchor.i and (dep_of(c) == "conj" and c.pos_ in ("VERB", "AUX") or dep_of(c) == "cc"):
                    skip |= {t.i for t in c.subtree} if dep_of(c) == "conj" else {c.i}
        return [t for t in sent if t.i not in skip]
    if cue.token.i == sent.start and cue.speaker is not None:
        # `According to X, the move reeks of "fear"` parsed with `According` as the root: after the comma after X.
        comma = next((t.i for t in frame.doc[cue.speaker.i : sent.end] if t.text == ","), sent.end)
        return list(frame.doc[comma + 1 : sent.end])
    if cue.speaker is not None and cue.token.i > sent.start and frame.doc[cue.token.i - 1].text == ",":
        # `Clinton beats Trump by 46 percent to 42 percent, according to the poll.` parsed with no verb to hang
        # `according` on: the sentence before the comma, when the source's words end the sentence.
        last = max(t.i for t in cue.speaker.subtree)
        if all(t.is_punct for t in frame.doc[last + 1 : sent.end]):
            return list(frame.doc[sent.start : cue.token.i - 1])
    return None


def _past_colon(frame: Frame, content: list[Token], para: int) -> list[Token]:
    """Reported content that ends on a colon goes on after it, to the end of that sentence in the paragraph: `notes
    that three things are happening at once: home values are rising, …` (the parser ends the sentence at the
    colon)."""
    if not content or content[-1].i + 2 >= len(frame.doc):
        return content
    colon = frame.doc[content[-1].i + 1]
    if colon.text != ":" or frame.in_quote[colon.i]:
        return content
    after = frame.doc[colon.i + 1]
    rest = [t for t in after.sent if t.i > colon.i and not t.is_space and frame.paragraph(t.idx) == para]
    if not rest or any(frame.in_quote[t.i] for t in rest):
        return content  # `X said: "…"` is a quotation of its own
    return [*content, colon, *_without_final_punct(rest)]


def _past_broken_sentence(frame: Frame, content: list[Token], para: int) -> list[Token]:
    """Reported content that runs to its sentence's end, where the parser ended the sentence at a comma and the
    words after it go on in lower case in the same paragraph, goes on to the end of those words' sentence: `note
    que le ministre … en sortant du restaurant qui, selon les mesures sanitaires en vigueur, [devrait être
    fermé.]` (the parser's sentence ends at the comma before the verb)."""
    if not content or (sent := content[-1].sent).end >= len(frame.doc):
        return content
    gap = [t for t in frame.doc[content[-1].i + 1 : sent.end] if not t.is_space]
    rest = [t for t in frame.doc[sent.end].sent if not t.is_space and frame.paragraph(t.idx) == para]
    while rest and rest[0].is_punct and len(gap) < 2:
        gap, rest = [*gap, rest[0]], rest[1:]
    if [t.text for t in gap] != [","] or not rest or not rest[0].is_lower or not _more_of_it(frame, rest):
        return content
    return [*content, *gap, *_without_final_punct(rest)]


def _past_relative_pronoun(frame: Frame, content: list[Token], para: int) -> list[Token]:
    """Reported content cut at a relative pronoun (`relative_words` in cues_<lang>.yaml), whose verb the parser
    hung on the sentence's main verb, goes on to the sentence's end: `note que le ministre … en sortant du
    restaurant qui, [selon les mesures …, devrait être fermé]` (`devrait` parsed as a second verb of `note`)."""
    if not content or content[-1].lower_ not in frame.cues.words["relative_words"]:
        return content
    last = content[-1]
    rest = [t for t in frame.doc[last.i + 1 : last.sent.end] if not t.is_space and frame.paragraph(t.idx) == para]
    return [*content, *_without_final_punct(rest)] if _more_of_it(frame, rest) else content


def _more_of_it(frame: Frame, rest: list[Token]) -> bool:
    """Whether words the parse cut from a report's content may be more of it: no quotation (a statement of its
    own) and no cue verb (`…, a déclaré le ministre`: the attribution, not more of what was said)."""
    return not any(frame.in_quote[t.i] or frame.cues.verb_forms.get(t.lower_) for t in rest)


def _without_final_punct(words: list[Token]) -> list[Token]:
    while words and words[-1].is_punct and not _closes_bracket(words):
        words = words[:-1]
    return words


def _closes_bracket(words: list[Token]) -> bool:
    """Whether the last word closes a bracket the words opened: `les témoignages (petits ou grands)` keeps its `)`."""
    last = words[-1].text
    if last not in _BRACKETS:
        return False
    opening = _BRACKETS[last]
    opened = sum(t.text == opening for t in words) - sum(t.text == last for t in words[:-1])
    return opened > 0


_BRACKETS = {")": "(", "]": "["}


def report_content(frame: Frame, cue: Cue) -> Content | None:
    """The words `cue` reports, or None when they are too few or a quotation already (direct speech)."""
    aside = None
    if cue.label:
        # `Pence: Flowers Won't Be at Debate, Trump Was 'Mocking' Clinton Camp.`: the rest of the line
        end = frame.text.find("\n", cue.token.idx)
        content = [t for t in frame.doc[cue.token.i + 1 :] if end < 0 or t.idx < end]
    elif cue.phrase:
        phrase = _phrase_content(frame, cue)
        if phrase is None:
            return None
        content = phrase
    elif (comma := trailing_inversion(frame, cue)) is not None:
        content = list(frame.doc[cue.token.sent.start : comma])
    else:
        clause = that_clause(cue.token) if cue.token.pos_ == "NOUN" else None
        content = list(clause.subtree) if clause is not None else complements(cue.token)
        aside = parenthetical(frame, cue.token) if not content else None
        if aside is not None:
            verb, left, right = aside
            around = (*verb.subtree, *cue.token.subtree)
            content = sorted({t for t in around if not left - 1 <= t.i <= right + 1}, key=lambda t: t.i)
        if cue.speaker is not None:
            # `« … », a assuré la présidente`: the inverted subject is not what was said.
            speaker_words = {t.i for t in cue.speaker.subtree}
            if cue.subject_rule == "apposition_before_comma":
                # (not the cue's own words, which the parse hung under the name: `Cueto, the deputy director,
                # acknowledged that …` read as a participle on it; a participle's own stay out: `leaders opposing …`)
                speaker_words -= {t.i for t in cue.token.subtree}
            content = [t for t in content if t.i not in speaker_words]
    # Reported content stays in the cue's paragraph, whatever the parse says across a blank line.
    para = frame.paragraph(cue.token.idx)
    content = [t for t in content if not t.is_space and frame.paragraph(t.idx) == para]
    while content and (content[0].is_punct or content[0].lower_ in frame.cues.words["leading_links"]):
        if dep_of(content[0]) in ("nsubj", "nsubjpass"):
            break  # `That's unlike vitamin C, according to Healthline`: a subject `that` is the content's own word
        content = content[1:]
    while content and content[-1].is_punct and content[-1].text not in ("”", '"', "’") and not _closes_bracket(content):
        content = content[:-1]
    content = _past_colon(frame, content, para)
    content = _past_broken_sentence(frame, _past_relative_pronoun(frame, content, para), para)
    if len(content) < (1 if frame.cues.lemma(cue.token) in frame.cues.attitudes else _MIN_CONTENT):
        return None
    # The content is a quotation (a direct statement already) when little but punctuation is left outside it;
    # `said there remains a "significant difference …"` keeps its own words and is reported speech.
    outside = [t for t in content if not frame.in_quote[t.i] and not t.is_punct]
    if any(frame.in_quote[t.i] for t in content) and (len(outside) <= 2 or len(outside) / len(content) < 0.25):
        return None
    return Content(tuple(content), aside)
