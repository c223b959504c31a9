"""Filters: what is nobody's statement, and which cues report nothing of their own.

- QUOTE_FILTERS drop a quotation (a title, a name, a scare quote) once its cue and speaker are known;
- QUOTE_CUE_FILTERS drop a cue candidate for a quotation (a verb inside another cue's report);
- REPORT_CUE_FILTERS drop a cue as the start of a report (a framing verb, a discourse marker, a cue that is part
  of another cue's report);
- REPORT_FILTERS drop a report once its content and speaker are known (an addressee and no content; a subject
  that cannot speak).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from volte.model import Entity
from volte.nlp.attribution.cues import Cue
from volte.nlp.attribution.frame import Frame
from volte.nlp.attribution.rules import Example, rule, stage
from volte.nlp.attribution.speakers import it_for_a_thing, plural_pronoun_description
from volte.nlp.attribution.speech import cannot_speak, noun_forms
from volte.nlp.deps import dep_of

if TYPE_CHECKING:
    from volte.nlp.attribution.quotations import QuoteView


def part_of_report(frame: Frame, verb: Token, nested_reports: bool = False) -> bool:
    """A cue inside another cue's report that is part of that report, not a statement of its own: a verb of a
    position held (or a weak cue, `think`) in a reported clause, `Berg said her party would support the bill`;
    any cue in the infinitive another cue governs, `Palmieri called on Trump to stop attacking Machado`,
    `he declined to say whether …`; with `nested_reports`, any cue in a reported clause."""
    cues = frame.cues
    lemma = cues.lemma(verb)
    # A verb of naming with a subject of its own names who said the words: `Ek said Berg had called the budget
    # "a disaster"`; a participle does not (`demanded that Lindmark pull out, calling the manoeuvres "…"`).
    named = lemma in cues.naming and any(dep_of(c) in ("nsubj", "nsubjpass") for c in verb.children)
    held = lemma in cues.held | cues.weak and not named or any(
        dep_of(c) == "aux" and c.lower_ in cues.words["modals"] for c in verb.children
    )  # `May said the country would formally declare …`: a speech act to come is part of the report
    tok, through_clause, through_infinitive = verb, False, False
    while tok.head.i != tok.i:
        through_clause = through_clause or dep_of(tok) == "ccomp"
        through_infinitive = through_infinitive or dep_of(tok) == "xcomp" or (
            dep_of(tok) == "advcl" and any(c.lower_ == "to" and c.pos_ == "PART" for c in tok.children)
        )  # `spoke on the condition of anonymity to discuss …`
        tok = tok.head
        # (a framing verb reports nothing of its own: `continues to insist that …` is the insisting's report; nor
        # does a verb of another sense: `The spot concludes with footage of …, when Clinton blasted him`)
        if tok.pos_ == "VERB" and cues.lemma(tok) and not is_discourse_marker(frame, tok) and not (
            is_other_verb(frame, tok) or is_framing(frame, tok) or is_undergone(frame, tok)
        ):
            if through_infinitive or through_clause and (held or nested_reports):
                return True
    return False


def is_discourse_marker(frame: Frame, verb: Token) -> bool:
    """`That said, Millennials say …`, `c'est-à-dire les pratiques …`: a speech verb in a link between sentences or
    words, reporting nothing (`discourse_markers` in cues_<lang>.yaml, the words up to the verb)."""
    before = " ".join(frame.text[max(0, verb.idx - 24) : verb.idx + len(verb)].lower().split())
    return verb.i > 0 and any(
        before.endswith(marker) and (len(before) == len(marker) or not before[-len(marker) - 1].isalpha())
        for marker in frame.cues.words["discourse_markers"]
    )


def is_other_verb(frame: Frame, verb: Token) -> bool:
    """`had written off the island as …`, `The spot concludes with footage …`: a cue verb with a particle or a
    preposition that makes it another verb, of no speech (cues `phrasal_not_speech` and `prepositional_not_speech`,
    lemma and word: `call in` is a particle, not the `In` of `In June, the senator called on …`)."""
    lemma, words = frame.cues.lemma(verb), frame.cues.words
    return any(
        dep_of(c) == "prt" and f"{lemma} {c.lower_}" in words["phrasal_not_speech"]
        or dep_of(c) == "prep" and c.i > verb.i and f"{lemma} {c.lower_}" in words["prepositional_not_speech"]
        for c in verb.children
    )


def is_framing(frame: Frame, verb: Token) -> bool:
    """`began`, `put`, `continue`: verbs that frame quoted words but report nothing of their own."""
    return frame.cues.lemma(verb) in frame.cues.framing


# -- a quotation's cue candidates ----------------------------------------------------------------------------


@rule("quote_cue_filter", examples=[Example(
    'Valcourt said her party supported "a strong army" in the north.', "Valcourt", words="her party", cue="said")])
def cue_inside_report(frame: Frame, cue: Cue) -> bool:
    """`X said her party supported "a strong army"`: the position verb is part of X's report; X's cue governs."""
    return part_of_report(frame, cue.token)


@rule("quote_cue_filter", examples=[Example(
    "Les Américains semblent encore aujourd’hui poursuivre un effort exceptionnel en matière de publications, via "
    "notamment leurs « presses universitaires », alors que cet effort a disparu en France.", None,
    words="presses universitaires", language="fr")])
def framing_with_object(frame: Frame, cue: Cue) -> bool:
    """`poursuivre un effort … via leurs « presses universitaires »`: a framing verb (`continue`, `poursuivre`) with
    an object of its own goes on doing something, it introduces no quotation (`« … », poursuit-il` has none)."""
    verb = cue.token
    return is_framing(frame, verb) and any(
        dep_of(c) in ("obj", "dobj") and c.pos_ in ("NOUN", "PROPN") and not frame.in_quote[c.i] for c in verb.children
    )


QUOTE_CUE_FILTERS = stage("quote_cue_filter", (cue_inside_report, framing_with_object))


# -- cues of reported speech ---------------------------------------------------------------------------------


@rule("report_cue_filter", examples=[Example(
    "Valcourt began her speech with a promise: she would lower taxes for families.", None, words="lower taxes")])
def framing_verb(frame: Frame, cue: Cue, paraphrase: bool) -> bool:
    """`began`, `put`, `continue` frame quoted words and report nothing of their own."""
    return is_framing(frame, cue.token)


@rule("report_cue_filter", examples=[Example(
    "Merrill says Machado promised to continue supporting Clinton in the fall.", "Merrill", words="Machado promised")])
def report_inside_report(frame: Frame, cue: Cue, paraphrase: bool) -> bool:
    """A paraphrase inside another's report is part of it: `Merrill says Machado promised to continue supporting
    Clinton` is Merrill's report (one holding a quotation stays a statement of its own)."""
    return part_of_report(frame, cue.token, nested_reports=paraphrase)


@rule("report_cue_filter", examples=[
    Example("That said, Millennials say they want a change of direction.", "Millennials", words="they want"),
    Example("L'idée se veut conforme aux « meilleures pratiques internationales », c'est-à-dire les pratiques "
            "anglo-saxonnes.", None, words="pratiques internationales", language="fr"),
])
def discourse_marker(frame: Frame, cue: Cue, paraphrase: bool) -> bool:
    """`That said, Millennials say …`: `That said` links sentences and reports nothing."""
    return is_discourse_marker(frame, cue.token)


@rule("report_cue_filter", examples=[
    Example("Locals from nearby Antigua had written off the island as a dying rock falling into the sea.", None,
            words="dying rock"),
    Example("The spot concludes with footage of the rally, “That makes me smart,” when the crowd cheered.", None,
            words="when the crowd cheered"),
    Example("It is not easy to get your hands on a bottle, which only adds to the intrigue.", None, words="intrigue"),
])
def phrasal_verb(frame: Frame, cue: Cue, paraphrase: bool) -> bool:
    """`had written off the island as …`, `called off the strike`, `The spot concludes with footage …`: a cue verb
    with a particle or a preposition that makes it another verb, of no speech (cues `phrasal_not_speech`, lemma and
    particle)."""
    return is_other_verb(frame, cue.token)


@rule("report_cue_filter", examples=[
    Example("While an earlier county presentation assured trust members that operations had been geared to the Gold "
            "Standard, under questioning Josenrique Cueto, the transportation department’s deputy director, "
            "acknowledged last week that the department had never talked with the body.", "Josenrique Cueto",
            words="never talked"),
])
def undergone(frame: Frame, cue: Cue, paraphrase: bool) -> bool:
    """`under questioning Cueto acknowledged …`, `under cross-examination`: a cue word governed by `under`
    (`undergoing` in cues_<lang>.yaml) is what someone underwent, not their speech act; the words it would govern
    are the next verb's (nor does it make them part of a report: part_of_report)."""
    return is_undergone(frame, cue.token)


def is_undergone(frame: Frame, verb: Token) -> bool:
    """`under questioning`: a cue word governed by a preposition of undergoing (`undergoing` in cues_<lang>.yaml)."""
    head = verb.head
    return head.i != verb.i and head.lower_ in frame.cues.words["undergoing"] and dep_of(verb) in ("pobj", "pcomp")


@rule("report_cue_filter", examples=[Example(
    "Selon l'AFP, le Conseil national syrien a appelé à ce que les auteurs des exécutions soient jugés.",
    "Conseil national syrien", words="auteurs des exécutions", language="fr")])
def news_agency_source(frame: Frame, cue: Cue, paraphrase: bool) -> bool:
    """French: `Selon l'AFP, le Conseil a appelé à …`: a news medium after `selon` tells where the news came from;
    the report in its sentence, a cue verb with a subject of its own, is that subject's statement, not the
    medium's (cues `media`)."""
    src = cue.speaker
    if frame.doc.lang_ != "fr" or not cue.phrase or src is None or not noun_forms(src) & frame.cues.media:
        return False
    sent = cue.token.sent
    return any(
        t.i > src.i and t.pos_ == "VERB" and not frame.in_quote[t.i] and frame.cues.lemma(t) is not None
        and any(c.dep_.startswith("nsubj") and c.i > src.i and not frame.in_quote[c.i] for c in t.children)
        for t in sent
    )


@rule("report_cue_filter", examples=[
    Example("Cette chute des ventes s'explique par un mauvais positionnement de la marque.", None,
            words="mauvais positionnement", language="fr"),
    Example("Les niveaux sont au nombre de quatre, auxquels s’ajoute un niveau réservé aux seules revues "
            "généralistes.", None, words="un niveau", language="fr"),
])
def not_a_speech_act(frame: Frame, cue: Cue, paraphrase: bool) -> bool:
    """French forms of a cue verb that say nothing: a pronominal verb of things (`s'explique par`, `se confirme`,
    cues `pronominal_things`; not `se félicite`, `se réjouit`) and a participle parsed as qualifying a noun (`acl`,
    no auxiliary: `une hausse ajoutée à …`)."""
    verb = cue.token
    if frame.doc.lang_ != "fr" or cue.phrase or verb.pos_ != "VERB":
        return False
    lemma = frame.cues.lemma(verb) or ""
    pronominal = lemma in frame.cues.words["pronominal_things"] and any(
        c.dep_.startswith("expl") and c.lower_ in ("se", "s'", "s’") for c in verb.children
    )
    qualifying = verb.dep_ == "acl" and "Part" in verb.morph.get("VerbForm", []) and not any(
        dep_of(c).startswith("aux") for c in verb.children
    )
    return pronominal or qualifying


@rule("report_cue_filter", examples=[
    Example("Le ministre a ajouté que le projet restait, d'après elle, la meilleure option.", "ministre",
            words="la meilleure option", language="fr"),
])
def echoed_source(frame: Frame, cue: Cue, paraphrase: bool) -> bool:
    """`Le documentaire précise que le polonium est, selon lui, une substance …`: a `selon lui` inside the words
    another cue reports names that cue's speaker again; the report is the cue's, not a second statement."""
    source = cue.speaker
    if frame.doc.lang_ != "fr" or not cue.phrase or source is None:
        return False
    if source.lower_ not in frame.cues.words["persons"] and source.lower_ not in ("lui", "eux"):
        return False
    return any(frame.cues.lemma(outer) and outer.pos_ in ("VERB", "AUX") for outer in source.ancestors)


@rule("report_cue_filter", examples=[
    Example("Puis, ils ont classifié les 25 tweets les plus partagés dans chacune des langues selon la source.", None,
            words="classifié", language="fr"),
    Example("Les tarifs de l'eau varient beaucoup selon les communes du canton.", None, words="tarifs",
            language="fr"),
    Example("Tout est référencé (selon la nomenclature du JEL) pour que les lecteurs s’y retrouvent.", None,
            words="Tout est référencé", language="fr"),
])
def sorting_criterion(frame: Frame, cue: Cue, paraphrase: bool) -> bool:
    """French `selon X` under a verb or an adjective of sorting or varying (cues `sorting`): `classifier les tweets
    selon la source`, `les prix varient selon les régions` give X as a criterion, not as a source (`a augmenté de
    3 % selon l'Insee` keeps its source). The first verb or adjective above X decides."""
    src, sorting = cue.speaker, frame.cues.words["sorting"]
    if not cue.phrase or src is None or not sorting:
        return False
    for above in src.ancestors:
        if above.pos_ in ("VERB", "ADJ"):
            return above.lemma_.lower() in sorting or above.lower_ in sorting
    return False


@rule("report_cue_filter", examples=[
    Example("L’auteur y sera jugé pour la thèse qu’il défend, sa capacité à répondre ou même à anticiper les "
            "objections.", None, words="sa capacité", language="fr"),
])
def relative_object(frame: Frame, cue: Cue, paraphrase: bool) -> bool:
    """French `la thèse qu’il défend, …`, `la réforme que le ministre a annoncée`: a cue verb whose object is the
    relative pronoun of a noun before it reports no words of its own; the noun is all it says (cues
    `relative_words`), and the words after it are the sentence's."""
    verb = cue.token
    if frame.doc.lang_ != "fr" or cue.phrase or dep_of(verb) != "relcl":
        return False
    relatives = frame.cues.words["relative_words"]
    return any(dep_of(c) in ("obj", "dobj") and c.lower_ in relatives and c.i < verb.i for c in verb.children)


@rule("report_cue_filter", examples=[
    Example("One Facebook group has garnered some 85,000 members, while another called 'Anders Tegnell Fan Club' "
            "has more than 29,000.", None, words="Anders Tegnell"),
])
def naming_participle(frame: Frame, cue: Cue, paraphrase: bool) -> bool:
    """English: `another called 'Anders Tegnell Fan Club'`, `a group called Mothers for Peace`: the participle of a
    verb of naming with no auxiliary and no object, before the name it gives, names a thing; no one says it (not
    `Trump called Clinton a liar`, with its object)."""
    verb = cue.token
    if frame.doc.lang_ != "en" or cue.phrase or verb.tag_ != "VBN" or frame.cues.lemma(verb) not in frame.cues.naming:
        return False
    deps = [dep_of(c) for c in verb.children]
    return "oprd" in deps and not any(d.startswith("aux") or d in ("dobj", "obj", "ccomp") for d in deps)


@rule("report_cue_filter", examples=[
    Example("A Facebook group called 'We support Anders Tegnell & co', referring to the epidemiologist and the public "
            "health agency, has garnered some 85,000 members, while another called 'Anders Tegnell Fan Club' has more "
            "than 29,000 members.", None, words="Fan Club"),
    Example("A Facebook group called 'We support Anders Tegnell & co' has garnered some 85,000 members.", None,
            words="Anders Tegnell"),
])
def quoted_name(frame: Frame, cue: Cue, paraphrase: bool) -> bool:
    """English: `another called 'Anders Tegnell Fan Club'`, `a group called 'We support Anders Tegnell & co'`: a verb
    of naming right before a quotation gives a thing its name — neither the naming (when the parse reads the name
    as its object) nor a cue inside the name (`support`) is anyone's statement (not `called the plan "a disaster"`,
    whose object stands between)."""
    if frame.doc.lang_ != "en" or cue.phrase:
        return False
    verb = cue.token
    if frame.cues.lemma(verb) in frame.cues.naming and verb.i + 1 < len(frame.doc):
        after = frame.doc[verb.i + 1 : verb.i + 3]
        if len(after) == 2 and after[0].is_quote and after[1].is_title:
            return True  # (not `what Trump called "a rigged system"`, his words)
    if not frame.in_quote[verb.i]:
        return False
    for q in frame.quotes:
        if q.start <= verb.idx < q.end:
            before = frame.tok(q.open_at) - 1
            return before >= 0 and frame.cues.lemma(frame.doc[before]) in frame.cues.naming
    return False


REPORT_CUE_FILTERS = stage(
    "report_cue_filter",
    (framing_verb, undergone, report_inside_report, discourse_marker, phrasal_verb, news_agency_source,
     not_a_speech_act, echoed_source, sorting_criterion, relative_object, naming_participle, quoted_name),
)


# -- reports that are nobody's statement -----------------------------------------------------------------------


@rule("report_filter", examples=[
    Example("Valcourt spoke to students at the university in Lyon on Monday.", None, words="students"),
    Example('"Antioxidants benefit eye health," she explained to The List.', None, words="to The List"),
])
def addressee_only(frame: Frame, cue: Cue, content: tuple[Token, ...], speaker: Entity | None) -> bool:
    """`spoke to students at Drexel`, `sings to Hillary Clinton`, `"…," she explained to The List`: who heard it,
    not what was said (the speaker still counts as the one talking next)."""
    verb = cue.token
    if verb.lower_ not in frame.cues.words["addressing"]:
        return False
    if verb.is_title:
        return False  # a headline, `Clinton Speaks Directly To White People`, tells what the article reports
    heard = {t.i for ch in verb.children if dep_of(ch) == "prep" and ch.lower_ == "to" for t in ch.subtree}
    # (`yelling to the officers that her husband was unarmed` says something: a clause stays a report.)
    return all(t.i in heard or t.is_punct for t in content) and not any(t.pos_ in ("VERB", "AUX") for t in content)


@rule("report_filter", examples=[
    Example("A Facebook group called 'We support Anders Tegnell & co', referring to the epidemiologist and the "
            "public health agency, has garnered some 85,000 members.", None, words="the epidemiologist"),
])
def reference_only(frame: Frame, cue: Cue, content: tuple[Token, ...], speaker: Entity | None) -> bool:
    """`referring to the epidemiologist`, `alluded to the scandal`: what the words were about, not what they said
    (the verbs are `referring_to` in cues_<lang>.yaml; `referred to the plan as a disaster` says something)."""
    verb = cue.token
    if cue.phrase or verb.lower_ not in frame.cues.words["referring_to"]:
        return False
    about = {t.i for ch in verb.children if dep_of(ch) == "prep" and ch.lower_ == "to" for t in ch.subtree}
    return all(t.i in about or t.is_punct for t in content) and not any(t.pos_ in ("VERB", "AUX") for t in content)


@rule("report_filter", examples=[
    Example("His paranoia found other points of focus, such as the hand of the devil in the town.", None,
            words="other points"),
    Example("His mother died ten years ago of brain cancer, which confirmed what he always knew.", None,
            words="what he always knew"),
    Example("This refusal is the cornerstone in creating a tyranny of political correctness that encourages people "
            "to be reluctant in reporting crimes.", None, words="reluctant"),
])
def subject_cannot_speak(frame: Frame, cue: Cue, content: tuple[Token, ...], speaker: Entity | None) -> bool:
    """Who may speak: a clause whose subject is an abstract noun, an event, a quantity or a thing reports nobody's
    words (`paranoia found …`, `1 percent see an average tax cut`, an `it` for the thing the sentence before is
    about: speakers.it_for_a_thing; a relative pronoun for such a thing, `a tyranny … that encourages …`);
    it is narration, not a statement."""
    if speaker is not None or cue.speaker is None:
        return False
    if cannot_speak(cue.speaker, frame.cues) or it_for_a_thing(frame, cue.speaker):
        return True
    antecedent = _relative_antecedent(cue.speaker)
    return antecedent is not None and cannot_speak(antecedent, frame.cues)


def _relative_antecedent(tok: Token) -> Token | None:
    """The noun a relative pronoun subject stands for, through coordinated verbs: `a tyranny of political
    correctness that encourages …` -> tyranny, `brain cancer, which confirmed …` -> cancer."""
    if tok.lower_ not in ("that", "which", "who") or dep_of(tok) not in ("nsubj", "nsubjpass"):
        return None
    verb = tok.head
    while dep_of(verb) == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.head if dep_of(verb) == "relcl" else None


@rule("report_filter", examples=[
    Example("Valcourt saw the melting ice in the north of Greenland last year.", None, words="the melting ice"),
    Example("The ministry has added a tax on luxury cars to reduce the demand for imports.", None, words="luxury cars"),
])
def bare_object(frame: Frame, cue: Cue, content: tuple[Token, ...], speaker: Entity | None) -> bool:
    """`saw the melting ice`, `added a note of caution`, `maintains a program`, `tell the truth`: a verb that reports
    only with a clause or an `as` (`sees the plan as a mistake`, `added that …`) says nothing with a bare object; it
    is narration (the verbs are `object_not_content` in cues_<lang>.yaml)."""
    verb, lemma = cue.token, frame.cues.lemma(cue.token)
    if lemma not in frame.cues.words["object_not_content"]:
        return False
    objects = {t.i for ch in verb.children if dep_of(ch) in ("dobj", "obj") for t in ch.subtree}
    purpose: set[int] = set()
    if objects and lemma not in frame.cues.weak and verb.lower_ not in frame.cues.words["object_control"]:
        # The purpose of the act is no content either: `has added VAT on luxury items to reduce the demand` (not
        # `told them to leave`, an order given, nor `felt them compelled to speak out`, a view held).
        purpose = {t.i for ch in verb.children if dep_of(ch) == "xcomp" for t in ch.subtree}
    # (An `as` or a `that` clause the parse hung inside the object still says something: `saw the comment as a
    # dig`, `told a meeting of leaders that few people understood …`; a `for` in the purpose does not: `to reduce
    # the demand for imports`.)
    says = any(
        t.i not in purpose
        and (t.lower_ in frame.cues.words["naming_preps"] or t.lower_ == "that" and dep_of(t) == "mark")
        for t in content
    )
    objects |= purpose
    return bool(objects) and not says and all(t.i in objects or t.is_punct for t in content)


@rule("report_filter", examples=[
    Example("For a buck apiece, the boycotters offered buttons and bumper stickers.", None, words="bumper stickers"),
    Example("Additionally, beauty supply stores offer only register receipts which do not meet the criteria for "
            "reimbursement.", None, words="register receipts"),
])
def thing_offered(frame: Frame, cue: Cue, content: tuple[Token, ...], speaker: Entity | None) -> bool:
    """`the boycotters offered buttons and bumper stickers`, `stores offer only register receipts`: a verb of
    offering (`offering` in cues_<lang>.yaml) reports only what is said (`offered insights`, `offered his
    condolences`, `offered to resign`: `said_offered`); a thing offered is an act, not a statement."""
    verb = cue.token
    if cue.phrase or frame.cues.lemma(verb) not in frame.cues.words["offering"]:
        return False
    objects = [ch for ch in verb.children if dep_of(ch) in ("dobj", "obj")]
    if len(objects) != 1 or objects[0].lower_ in frame.cues.words["said_offered"]:
        return False
    inside = {t.i for t in objects[0].subtree}
    # (a clause in the object says something: `offered no proof that Clinton had a role`)
    said = any(t.lower_ == "that" and dep_of(t) == "mark" for t in content)
    return not said and all(t.i in inside or t.is_punct for t in content)


@rule("report_filter", examples=[Example(
    "Some average voters would actually see their taxes go up under the governor's plan.", None,
    words="their taxes go up")])
def perceived_event(frame: Frame, cue: Cue, content: tuple[Token, ...], speaker: Entity | None) -> bool:
    """`Some Americans would see their taxes go up`, `watched the prices fall`: a verb of perception (`perception`
    in cues_<lang>.yaml) with a bare infinitive tells what happens to someone, not what they say (not `heard him
    say that …`, a speech verb in the clause; not `sees the plan as a mistake`, an `as`)."""
    verb = cue.token
    if frame.cues.lemma(verb) not in frame.cues.words["perception"]:
        return False
    clauses = [c for c in verb.children if dep_of(c) == "ccomp" and c.i > verb.i]
    if len(clauses) != 1 or clauses[0].tag_ != "VB" or clauses[0].lower_ in frame.cues.verb_forms:
        return False
    clause = clauses[0]
    inside = {t.i for t in clause.subtree}
    return not any(dep_of(c) in ("aux", "mark") for c in clause.children) and all(
        t.i in inside or t.is_punct for t in content
    )


@rule("report_filter", examples=[Example(
    "The approval rating of the mayor has declined from 58 percent to 55 percent since May.", None,
    words="55 percent")])
def no_infinitive(frame: Frame, cue: Cue, content: tuple[Token, ...], speaker: Entity | None) -> bool:
    """`has declined from 58 percent to 55 percent`, `agreed to a 30-minute interview` is a report, `declined to
    comment` too: a verb that reports an intention only by an infinitive (`infinitive_only` in cues_<lang>.yaml)
    reports nothing when its `to` leads to a number or a thing and there is no verb."""
    if frame.cues.lemma(cue.token) not in frame.cues.words["infinitive_only"]:
        return False
    moves = any(t.lower_ in ("to", "from") and dep_of(t) == "prep" and t.head.i == cue.token.i for t in content)
    return moves and not any(t.pos_ in ("VERB", "AUX") for t in content) and any(t.like_num for t in content)


@rule("report_filter", examples=[Example(
    "After forty years of failure, you might think they would change their views.", None, words="change their views")])
def reader_supposed(frame: Frame, cue: Cue, content: tuple[Token, ...], speaker: Entity | None) -> bool:
    """`you might think they would change their views`, `Why would we ever believe they could?`: the author
    supposing what the reader thinks, with a modal, is the author's own narration, not a statement."""
    verb = cue.token
    lemma = frame.cues.lemma(verb)
    if lemma not in frame.cues.weak or lemma in frame.cues.naming:
        return False  # (`you can call it whatever you want` names something)
    subjects = [c for c in verb.children if dep_of(c) in ("nsubj", "nsubjpass")]
    modal = any(dep_of(c) == "aux" and c.lower_ in frame.cues.words["modals"] for c in verb.children)
    return modal and len(subjects) == 1 and subjects[0].lower_ in frame.cues.words["readers"]


@rule("report_filter", examples=[
    Example("Ce système recèle de graves défauts. On voudrait ici insister sur un aspect insuffisamment évoqué.",
            None, words="un aspect", language="fr"),
    Example("Cette démarche pourra être complétée, mais on peut considérer avoir déjà réuni l'essentiel.", None,
            words="réuni", language="fr"),
])
def impersonal_subject(frame: Frame, cue: Cue, content: tuple[Token, ...], speaker: Entity | None) -> bool:
    """`On voudrait ici insister sur …`, `on peut considérer …`: a report whose subject is the impersonal pronoun
    (`impersonal` in cues_<lang>.yaml) is the author's own voice or a general truth, nobody's statement."""
    return cue.speaker is not None and cue.speaker.lower_ in frame.cues.words["impersonal"]


@rule("report_filter", examples=[
    Example("What type of hair did you go for? It was difficult to find a curly wig in cancer center stores.", None,
            words="a curly wig"),
    Example("We know markets are dynamic. But ask yourself this: Why would we ever trust the regulators?", None,
            words="Why would we"),
])
def borrowed_subject_unknown(frame: Frame, cue: Cue, content: tuple[Token, ...], speaker: Entity | None) -> bool:
    """`It was difficult to find a wig`, `But ask yourself this: …`: a verb with no subject of its own, whose
    borrowed subject (the head verb's, `subject_of_head_verb`) is an empty `it` or the reader (`readers`), with an
    object and no reported clause, is the author's narration or an address to the reader. (A borrowed subject
    that names someone the speaker rules could not resolve, `…, is hoping to deprive him of delegates`, stays a
    statement with its speaker unknown: PolNeAR counts those.)"""
    if speaker is not None or cue.subject_rule != "subject_of_head_verb" or cue.speaker is None:
        return False
    if cue.speaker.lower_ != "it" and cue.speaker.lower_ not in frame.cues.words["readers"]:
        return False
    verb = cue.token
    return not any(dep_of(t) in ("ccomp", "advcl") and t.head.i == verb.i for t in content)


@rule("report_filter", examples=[Example(
    "A year later, Valcourt finds herself mired in three criminal cases.", None, words="mired")])
def finds_oneself(frame: Frame, cue: Cue, content: tuple[Token, ...], speaker: Entity | None) -> bool:
    """`finds himself mired in …`: a verb whose object is its own subject (cues `reflexive_not_speech`, lemmas)
    tells where someone is, not what they said."""
    verb = cue.token
    if frame.cues.lemma(verb) not in frame.cues.words["reflexive_not_speech"]:
        return False
    # (The parse makes `herself` the object, or the subject of `mired`: the content's first word.)
    return any(dep_of(c) in ("dobj", "obj") and c.lower_ in frame.cues.words["reflexives"] for c in verb.children) or (
        bool(content) and content[0].lower_ in frame.cues.words["reflexives"]
    )


@rule("report_filter", examples=[
    Example("It is worth noting that too much vitamin C could lead to kidney stones.", None, words="kidney stones"),
    Example("It goes without saying that raising taxes on the rich is anathema to Republicans.", None,
            words="anathema"),
    Example("Healthline ran the piece in May. It helps to know what happens to your body when you take too many "
            "vitamins.", None, words="what happens"),
    Example("On the grounds of democracy promotion, it is hard to say these interventions were a success.", None,
            words="these interventions"),
])
def empty_it_frame(frame: Frame, cue: Cue, content: tuple[Token, ...], speaker: Entity | None) -> bool:
    """`It is worth noting that …`, `It goes without saying that …`, `it helps to know what …`: a cue whose borrowed
    subject is the empty `it` of such a frame (cues `empty_it_frames`) is the author's narration, whatever a
    pronoun rule made of the `it` (`But it is steering clear of criticizing Trump`, the White House's, stays)."""
    if cue.subject_rule != "subject_of_head_verb" or cue.speaker is None or cue.speaker.lower_ != "it":
        return False
    tok, framed = cue.token, False
    while tok.head.i != tok.i and tok.i != cue.speaker.head.i:
        tok = tok.head
        if frame.cues.lemma(tok):
            return False  # (a cue on the way up reports: `it said it would continue to argue …`)
        # (the frame is the verb of the `it` or an adjective on the way: not `It exists to help encourage a peace`)
        framed = framed or tok.lower_ in frame.cues.words["empty_it_frames"] and (
            tok.i == cue.speaker.head.i or tok.pos_ == "ADJ"
        )
    # (or an adjective beside the cue on the `it`'s verb: `it is hard to say …`, the parse hangs both on `is`)
    framed = framed or any(
        dep_of(c) == "acomp" and c.lower_ in frame.cues.words["empty_it_frames"] for c in cue.speaker.head.children
    )
    return framed and tok.i == cue.speaker.head.i


@rule("report_filter", examples=[Example(
    "In explaining how his algorithm works, Okwudire uses the example of a speaker in a large hall.", None,
    words="his algorithm works")])
def topic_of_gerund(frame: Frame, cue: Cue, content: tuple[Token, ...], speaker: Entity | None) -> bool:
    """`In explaining how his algorithm works, he uses the example of …`: a gerund after a preposition, whose
    content is an indirect question (cues `question_words`), names what the main clause is about; the words said
    are the main clause's (`In explaining his vote, he said that …` keeps its `said`)."""
    verb = cue.token
    if verb.tag_ != "VBG" or dep_of(verb) != "pcomp" or verb.head.pos_ != "ADP":
        return False
    words = [t for t in content if not t.is_punct]
    return bool(words) and words[0].lower_ in frame.cues.words["question_words"]


@rule("report_filter", examples=[
    Example("It would be wrong to expect the deal to hold for long.", None, words="the deal to hold"),
    Example("So if you want to take a multivitamin every day, make sure it contains vitamin D.", None,
            words="a multivitamin"),
    Example("Il faut tous nous convertir à l'économétrie, afin de satisfaire les critères qui nous seront appliqués "
            "pour juger de la qualité de notre recherche.", None, words="la qualité", language="fr"),
    Example("The solutions of the neoliberal era offer no serious ideas for how to confront the fusion of oligarchic "
            "capitalism and nationalist authoritarianism that has now captured major governments around the world—and "
            "that seeks to invade and undermine democracy from within.", None, words="undermine democracy"),
])
def characterized_unknown(frame: Frame, cue: Cue, content: tuple[Token, ...], speaker: Entity | None) -> bool:
    """`It would be wrong to expect the deal to hold`, `pour juger de la qualité de notre recherche`, `if you want to
    take …`: a position, attitude or act (a `characterized` cue, no speech act) of no subject of its own, of one
    lent by the head verb that the speaker rules could not resolve, of a `that` or `which` they left (what it
    stands for is a thing: `the fusion of … that seeks to …`; `unresolved_things`), or of the reader in a condition (`readers`
    after `conditionals` in cues_<lang>.yaml), is the author's narration, not a statement. A report of speech with
    its speaker unknown stays, and so does a subject of the cue's own that names no one known (`you know …`, `we
    know …`, an unresolved `they`): PolNeAR counts those as attributions."""
    if speaker is not None or frame.cues.voice_of(None if cue.phrase else cue.token) != "characterized":
        return False
    if cue.speaker is not None and cue.speaker.lower_ in frame.cues.words["readers"] and any(
        dep_of(c) == "mark" and c.lower_ in frame.cues.words["conditionals"] for c in cue.token.children
    ):
        return True  # (`if you want to take a multivitamin, …`: the reader supposed, as `reader_supposed` has it)
    if cue.speaker is not None and cue.speaker.lower_ in frame.cues.words["unresolved_things"]:
        return True  # (`the fusion of … capitalism … that seeks to invade …`: a `that` the speaker rules left)
    return cue.speaker is None or cue.subject_rule == "subject_of_head_verb"


@rule("report_filter", examples=[
    Example("We know those regulators failed in 2008. We know markets are dynamic and diverse.", None,
            words="markets are dynamic"),
    Example("If you take a multivitamin, it's clear that you're doing so because you want to improve your health.",
            None, words="improve your health"),
    Example("So are you a health nut? Or perhaps you were wondering what happens to your body if you start?", None,
            words="what happens to your body"),
    Example("The ideology has a variety of tactics. We might call the first the “complexity canard.”", None,
            words="complexity canard"),
])
def authors_voice(frame: Frame, cue: Cue, content: tuple[Token, ...], speaker: Entity | None) -> bool:
    """`We know markets are dynamic`, `because you want to improve your health`: a position or attitude (a
    `characterized` cue, no speech act) whose own subject is the author's `we` or the reader's `you` (`readers` in
    cues_<lang>.yaml), and no one the speaker rules know, is the author's narration, not anyone's statement; so is
    any report of the reader's outside quotation marks (`perhaps you were wondering what …`), and the author's
    `we` naming something (`We might call the first the “complexity canard”`). PolNeAR
    counts some of these as attributions (six on dev, measured in BENCHMARKS); volte records what people said."""
    if speaker is not None or cue.phrase or cue.speaker is None or frame.in_quote[cue.token.i]:
        return False
    naming = frame.cues.lemma(cue.token) in frame.cues.naming
    if cue.speaker.lower_ == "you" and not naming:
        return True  # (the reader, whatever the verb but naming — `perhaps you were wondering what happens …`)
    if naming and cue.speaker.lower_ == "we":
        return True  # (the author naming things: `We might call the first the “complexity canard.”`)
    return frame.cues.voice_of(cue.token) == "characterized" and cue.speaker.lower_ in frame.cues.words["readers"]


@rule("report_filter", examples=[
    Example("A jury found him guilty of Zoe's manslaughter by a majority verdict of 10-2.", None, words="guilty"),
    Example("In 2019 a civil court found the company liable for the spill.", None, words="liable"),
])
def verdict(frame: Frame, cue: Cue, content: tuple[Token, ...], speaker: Entity | None) -> bool:
    """`A jury found him guilty of manslaughter`: a verdict (`verdicts` in cues_<lang>.yaml, the adjective the
    finding gives someone) is an act of the court, not words anyone said (not `found that he was guilty`, a
    report)."""
    if cue.phrase or frame.cues.lemma(cue.token) != "find":
        return False
    return any(
        ch.pos_ == "ADJ" and ch.lower_ in frame.cues.words["verdicts"]
        and not any(dep_of(c) in ("mark", "aux", "cop", "auxpass") for c in ch.children)
        for ch in cue.token.children
    )


@rule("report_filter", examples=[
    Example("After the election, many Mexicans would hope that the new government keeps its word.", None,
            words="keeps its word"),
    Example("Investors might think the rally will last.", None, words="the rally will last"),
])
def supposed_attitude(frame: Frame, cue: Cue, content: tuple[Token, ...], speaker: Entity | None) -> bool:
    """`many Mexicans would hope that …`, `investors might think …`: an attitude (a `characterized` cue) under a
    modal of supposition (`supposing_modals` in cues_<lang>.yaml) of people no name gives is the author supposing
    what they feel, not a statement (not `Trump would like to …`, a named person's stated wish)."""
    if cue.phrase or frame.cues.voice_of(cue.token) != "characterized" or cue.speaker is None:
        return False
    verb = cue.token
    supposing = any(dep_of(c) == "aux" and c.lower_ in frame.cues.words["supposing_modals"] for c in verb.children)
    who = cue.speaker
    return supposing and who.pos_ in ("NOUN", "PROPN") and who.ent_type_ not in ("PERSON", "PER", "ORG")


@rule("report_filter", examples=[
    Example("It becomes harder for people to see each other as part of that same shared future.", None,
            words="each other"),
    Example("Amid the rat race, people still need to find meaning somewhere in their lives.", None,
            words="meaning somewhere"),
    Example("People take multivitamins for a wide variety of reasons: They want to get healthier, or perhaps they "
            "hope multivitamins will give them more energy.", None, words="more energy"),
])
def people_in_general(frame: Frame, cue: Cue, content: tuple[Token, ...], speaker: Entity | None) -> bool:
    """`harder for people to see each other as …`, `people still need to find meaning`: a position or attitude (a
    `characterized` cue) of people in general — a bare `people_in_general` word of cues_<lang>.yaml with nothing
    that says which people (no determiner, number, adjective or phrase) — is the author's narration about everyone,
    not a statement (not `many people believe`, `people close to him say`, `the people want`)."""
    if cue.phrase or frame.cues.voice_of(cue.token) != "characterized" or cue.speaker is None:
        return False
    who = cue.speaker
    if who.lower_ in frame.cues.words["plural_pronouns"]:
        # (`People take multivitamins for many reasons: … perhaps they hope …`: the pronoun for them)
        who = plural_pronoun_description(frame, cue, who) or who
    return who.lower_ in frame.cues.words["people_in_general"] and not any(
        dep_of(c) not in ("punct", "cc") for c in who.children
    )


@rule("report_filter", examples=[
    Example("Vitamins are popular. But what does science say about the idea?", None, words="about the idea"),
    Example("Vitamins are popular. So what does the science say about the idea?", None, words="about the idea"),
    Example("Did the senators say that the plan would work?", None, words="the plan would work"),
])
def question_asked(frame: Frame, cue: Cue, content: tuple[Token, ...], speaker: Entity | None) -> bool:
    """`What does science say about the idea?`, `Did the senators say that …?`: a report of speech, of someone the
    text names, inside a question the author asks (the sentence opens on a question word or an auxiliary and ends
    on a question mark, outside quotation marks) asks what was said; it tells no one's statement."""
    if speaker is None or frame.cues.voice_of(None if cue.phrase else cue.token) != "reported":
        return False  # (`Why would someone like Mr. Clarke want to …?`, `Do you know …?`: PolNeAR counts those)
    sent = cue.token.sent
    words = [t for t in sent if not t.is_punct and not t.is_space]
    while words and words[0].pos_ in ("CCONJ", "ADV", "INTJ") and words[0].lower_ not in frame.cues.words[
        "question_words"
    ]:
        words = words[1:]  # (`But what does science say …?`, `So what does the science say …?`)
    last = next((t for t in reversed(sent) if not t.is_space), None)
    if not words or last is None or last.text != "?" or frame.in_quote[last.i] or frame.in_quote[words[0].i]:
        return False
    opener = words[0].lower_
    return opener in frame.cues.words["question_words"] or words[0].pos_ == "AUX" and words[0].i < cue.token.i


@rule("report_filter", examples=[
    Example("Officials reacted with fury. One, who asked not to be named, said the plan had failed.", None,
            words="not to be named"),
])
def anonymity_request(frame: Frame, cue: Cue, content: tuple[Token, ...], speaker: Entity | None) -> bool:
    """`One, who asked not to be named, said …`: asking not to be named (`anonymity_requests` in cues_<lang>.yaml)
    is the condition a source speaks on, not a statement."""
    words = " ".join(t.lower_ for t in content if not t.is_punct)
    return words in frame.cues.words["anonymity_requests"]


@rule("report_filter", examples=[
    Example("With enough examples, computers learn to recognize images of cats.", None, words="recognize images"),
])
def skill_learnt(frame: Frame, cue: Cue, content: tuple[Token, ...], speaker: Entity | None) -> bool:
    """`computers learn to recognize images`, `she learned to live with it`: a verb of knowing whose infinitive
    tells a skill gained (`skill_verbs` in cues_<lang>.yaml) reports nothing; `learned that …` still does."""
    if frame.cues.lemma(cue.token) not in frame.cues.words["skill_verbs"]:
        return False
    return any(dep_of(c) == "xcomp" and c.pos_ == "VERB" and c.i > cue.token.i for c in cue.token.children)


@rule("report_filter", examples=[
    Example("Repeat observations could allow scientists to learn about the environment from which an FRB emerged.",
            None, words="the environment"),
])
def topic_learnt(frame: Frame, cue: Cue, content: tuple[Token, ...], speaker: Entity | None) -> bool:
    """`allow scientists to learn about the environment …`: what one learns about (`skill_verbs` with `about`) is a
    topic, not anything said; `learned that …` still reports."""
    if cue.phrase or frame.cues.lemma(cue.token) not in frame.cues.words["skill_verbs"]:
        return False
    words = [t for t in content if not t.is_punct]
    return bool(words) and words[0].lower_ == "about"


@rule("report_filter", examples=[
    Example("Lake Chabot Road is closed because of landslides. It is doubtful that it will ever be able to support "
            "the constant dump truck traffic.", None, words="dump truck traffic"),
])
def capability(frame: Frame, cue: Cue, content: tuple[Token, ...], speaker: Entity | None) -> bool:
    """`it will never be able to support the traffic`: a verb of a position held (`held` in cues_<lang>.yaml) under
    an adjective of capacity (`capabilities`) says what someone or something can bear or do, not a position."""
    if cue.phrase or frame.cues.lemma(cue.token) not in frame.cues.held:
        return False  # (`was able to tout his polling strength` still reports: a speech act)
    verb = cue.token
    return dep_of(verb) == "xcomp" and verb.head.lower_ in frame.cues.words["capabilities"]


def _supposed(frame: Frame, verb: Token) -> bool:
    """Whether `verb` stands under a modal of supposition (`would reveal`, `might question`; `suppositions`)."""
    return any(dep_of(c) == "aux" and c.lower_ in frame.cues.words["suppositions"] for c in verb.children)


@rule("report_filter", examples=[
    Example("The array monitors pulsars, looking for distortions that would reveal the passing of gravitational waves.",
            None, words="the passing"),
])
def hypothetical_relative(frame: Frame, cue: Cue, content: tuple[Token, ...], speaker: Entity | None) -> bool:
    """`looking for distortions that would reveal the passing of …`: a cue in a relative clause under a modal of
    supposition (`would`, `could`, `might`; `suppositions` in cues_<lang>.yaml) tells what something would do, not
    what anyone said."""
    verb = cue.token
    if dep_of(verb) != "relcl":
        return False
    return _supposed(frame, verb)


@rule("report_filter", examples=[
    Example("The article helps me understand why people might question election results.", None,
            words="election results"),
])
def supposed_in_question(frame: Frame, cue: Cue, content: tuple[Token, ...], speaker: Entity | None) -> bool:
    """`helps me understand why people might question election results`: a cue under a modal of supposition
    (`suppositions`) in an indirect question (a question word on it: `why`, `how`) tells what someone might do,
    not what anyone said."""
    verb = cue.token
    if verb.dep_ == "ROOT":
        return False  # (the author's own question, `Why would someone like Mr. Clarke want to …?`: PolNeAR counts it)
    supposed = _supposed(frame, verb)
    asked = any(c.lower_ in frame.cues.words["question_words"] and c.i < verb.i for c in verb.children)
    return supposed and asked


@rule("report_filter", examples=[
    Example("Asked about major discrepancies in her autobiography, Roe replied, “I never read the book.”", None,
            words="major discrepancies"),
])
def question_put(frame: Frame, cue: Cue, content: tuple[Token, ...], speaker: Entity | None) -> bool:
    """`Asked about major discrepancies in her autobiography, Billie Holliday replied, …`: a participle of asking
    opening the sentence, in the passive, is the question put to the speaker, not words of theirs; their answer
    is the statement (`questions_put` in cues_<lang>.yaml)."""
    verb = cue.token
    if verb.tag_ != "VBN" or verb.lower_ not in frame.cues.words["questions_put"]:
        return False
    return verb.i == verb.sent.start or verb.i - 1 == verb.sent.start and verb.nbor(-1).is_punct


REPORT_FILTERS = stage(
    "report_filter",
    (addressee_only, reference_only, subject_cannot_speak, bare_object, thing_offered, perceived_event, no_infinitive, skill_learnt,
     topic_learnt, capability, reader_supposed,
     borrowed_subject_unknown, finds_oneself, empty_it_frame, topic_of_gerund, impersonal_subject,
     characterized_unknown, authors_voice, people_in_general, supposed_attitude, verdict, question_asked, anonymity_request, hypothetical_relative, supposed_in_question,
     question_put),
)


# -- quotations that are nobody's statement ------------------------------------------------------------------


@rule("quote_filter", examples=[
    Example('Her memoir "Against the Current" sold well.', None, words="Against the Current"),
    Example('Valcourt said on "Face the Nation" that the deal was dead.', None, words="Face the Nation"),
    Example('Scientists posit in the paper titled "The importance of old forests for the conservation of carbon in '
            'the tropics" that rights matter.', None, words="The importance of old forests"),
    Example('Re. "Prop. 13 proves costly to government programs," Page A8, Jan. 13: I disagree with the notion.', None,
            words="proves costly"),
    Example('Citizens started a "Committee to Boycott Nixon’s Memoirs," a callback to the "Committee to Reelect the '
            'President."', None, words="Reelect"),
])
def title_or_name(frame: Frame, view: QuoteView, cue: Cue | None, speaker: Entity | None) -> bool:
    """A quoted title, programme, organisation name, nickname: `her memoir "Against the Current"`, `the "Open
    Borders" programme`; a one- or two-word quotation with no cue."""
    words, before = view.words, view.before
    # The word before the quotation, or the one before it after a preposition: `auteur de « … »`.
    previous = [w.lower().strip(".,") for w in before.split()[-2:]]
    if previous and previous[-1] in ("de", "du", "of", "d’", "d'") and len(previous) == 2:
        previous = previous[:1]
    prev = previous[-1] if previous else ""
    # A letter's `Re. "Prop. 13 proves costly to government programs," Page A8`: the headline it answers, whatever
    # its kind (`Re.` ends a sentence for `before`: the word right before the quotation mark, as written).
    marker = frame.text[max(0, view.q.open_at - 12) : view.q.open_at].split()[-1:] or [""]
    if marker[0].lower() in frame.cues.words["reply_markers"]:
        return True
    if view.kind != "partial":
        return False  # (`a piece entitled: "Why Electing Hillary …"` is the medium's headline: PolNeAR counts it)
    if not words:
        return True
    if prev in frame.cues.title_words and len(words) <= 8 or prev in frame.cues.words["title_markers"]:
        return True  # (`the paper titled "The importance of Indigenous Peoples' lands for …"`, whatever its length)
    content = frame.text[view.q.start : view.q.end]
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in words)
    title_case = all(t.text[:1].isupper() or t.is_stop and len(t) <= 4 for t in words)
    # A programme a speaker appeared on: `said on "Face the Nation."`, `on CNN's "State of the Union."` (a title,
    # whatever its verb and its stop).
    on_air = prev in ("on", "sur") or prev.endswith(("'s", "’s")) and previous[:1] == ["on"]
    if title_case and (on_air or not has_verb and content[-1:] not in ".!?"):
        return True
    # Every word capitalised but the small ones, a verb among them: a name, not a sentence (`a callback to the
    # "Committee to Reelect the President"`: a sentence capitalises its first word and its names only).
    if title_case and len(words) >= 3 and not all(
        t.pos_ == "PROPN" for t in words[1:] if not t.is_stop
    ) and sum(not t.is_stop for t in words) >= 3:
        return True
    return cue is None and len(words) <= 2


@rule("quote_filter", examples=[Example(
    'The new bridge is a "road to nowhere" for the town.', None, words="road to nowhere")])
def scare_quote(frame: Frame, view: QuoteView, cue: Cue | None, speaker: Entity | None) -> bool:
    """A few quoted words with nobody saying them: a scare quote."""
    return speaker is None and cue is None and view.kind == "partial" and len(view.words) < 6


@rule("quote_filter", examples=[Example(
    '"PENCE: We will win this state.\n\n"(CROSSTALK.)\n\n"PENCE: And we will win it well."', None, words="CROSSTALK")])
def stage_direction(frame: Frame, view: QuoteView, cue: Cue | None, speaker: Entity | None) -> bool:
    """`"(CROSSTALK.)`, `"[inaudible]"`: a transcript's note in brackets, inside its quotation marks, is nobody's
    words."""
    content = frame.text[view.q.start : view.q.end].strip().rstrip(".,;:")
    return content[:1] in "([" and content[-1:] in ")]" and len(content) > 2


@rule("quote_filter", examples=[Example(
    "Pierre Duchesne a ouvert le sommet mardi. D'autres thèmes seront aussi abordés tel que « la qualité de "
    "l'enseignement supérieur, la gouvernance et le financement des universités ».", None, words="la gouvernance",
    language="fr")])
def listed_example(frame: Frame, view: QuoteView, cue: Cue | None, speaker: Entity | None) -> bool:
    """Quoted words an example link introduces (`tel que « … »`, cues `example_links`) are the examples of a list
    the author gives, nobody's statement (a governing speech verb still makes them one)."""
    if view.kind != "partial" or cue is not None and cue.speaker is not None:
        return False
    before = " ".join(view.before.lower().replace("’", "'").split()[-2:])
    return before in frame.cues.words["example_links"]


@rule("quote_filter", examples=[
    Example("Réélu sans adversaire, le maire de Dijon prend peu de risque : « les sondages le donnent gagnant partout "
            "».", None, words="les sondages le donnent", language="fr"),
    Example("Candidat sortant, le sénateur du Var ne prend aucun risque : « tous les bookmakers voient en lui le "
            "vainqueur ».", None, words="bookmakers", language="fr"),
])
def described_lead_in(frame: Frame, view: QuoteView, cue: Cue | None, speaker: Entity | None) -> bool:
    """French: a quotation after a colon that closes a clause whose subject is a description (`le maire de New York
    prend peu de risque : « tous les sites de paris … »`) and which holds no speech cue (a cue verb, a report noun:
    `apporte la même conclusion`) is the author's evidence, not that person's words, unless it speaks in the first
    person (`le ministre persiste : « je ne céderai pas »`). A document speaks by any verb (`Un rapport … apporte`)."""
    if cue is None or cue.speaker is None or frame.doc.lang_ != "fr" or not frame.cues.words["lead_in_nouns"]:
        return False
    if not frame.text[: view.q.open_at].rstrip().endswith(":"):
        return False
    cues, subject, verb = frame.cues, cue.speaker, cue.token
    if verb.pos_ not in ("VERB", "AUX") or cues.lemma(verb) is not None or subject.pos_ != "NOUN":
        return False
    speech_nouns = cues.nouns | cues.report_nouns | cues.words["lead_in_nouns"]
    clause = [t for t in verb.subtree if t.i < view.q_first and not frame.in_quote[t.i]]
    if any(t.lower_ in speech_nouns or t.lemma_.lower() in speech_nouns for t in clause + [subject]):
        return False
    return not any(w.lower_ in cues.words["first_person"] for w in view.words)


@rule("quote_filter", examples=[Example(
    'It was a quiet week in the valley.\n\n"Politicking."\n\nThe fair opened on Friday.', None,
    words="Politicking")])
def unattributed_direct(frame: Frame, view: QuoteView, cue: Cue | None, speaker: Entity | None) -> bool:
    """A short quotation standing alone with no cue near it and no speaker the speakers before can lend it
    (continuity): a headline quoted, a slogan, a question put to the reader, nobody's statement. A longer passage
    (`_SHORT_LINE` words or more) is someone's speech whose speaker is unknown, and stays, and so does a quotation
    never closed (its attribution may be inside it: `“We will never give in, Valcourt said at the rally.`)."""
    short = len(view.words) < _SHORT_LINE and not view.q.unclosed
    return view.kind == "direct" and cue is None and speaker is None and short


_SHORT_LINE = 13  # words: PolNeAR train's unattributed slogans and questions have at most 12, its speeches more


@rule("quote_filter", examples=[
    Example("Dans la première version de la liste, c’est-à-dire celle datée d’octobre 2007, aucune des revues de "
            "langue française n’avait été classée en « 1* » ou en « 2 ».", None, words="1*", language="fr"),
])
def ungoverned_fragment(frame: Frame, view: QuoteView, cue: Cue | None, speaker: Entity | None) -> bool:
    """A quotation of a few words (`_FRAGMENT` or fewer) that lies outside its cue's clause: the cue verb is no
    ancestor of any of its words (`c'est-à-dire …, classée en « 1* »`). The words are
    the author's, a label or a scare quote, nobody's statement. Kept: words a cue governs (`called it "rigged"`,
    `said the vote was "rigged"`), a phrase cue's (`selon X, … « … »`), a cue's `as` clause (`opposition to "the
    collective society," as Margaret Thatcher put it`, `une « infodémie massive », comme prévenait l'OMS`), and
    words with a verb or a sentence's stop (`“With a little help,” Challenger says, “nature can recover.”`)."""
    if view.kind != "partial" or cue is None or cue.phrase or not view.words or len(view.words) > _FRAGMENT:
        return False
    if cue.token.left_edge.lower_ in frame.cues.words["as_clause"]:
        return False
    content = frame.text[view.q.start : view.q.end].rstrip(" ,;:»”\"’'")
    if content[-1:] in ".!?…" or any(t.pos_ in ("VERB", "AUX") for t in view.words):
        return False
    # A cue right before them keeps them whatever the parse made of it (`called Anna Berg "a dreamer"`, `a
    # dénoncé « la furie destructrice »`, where the parser hung the verb on a noun).
    if any(0 <= view.q_first - c.token.i <= _CUE_REACH for c in (cue, *view.candidates)):
        return False
    return not any(t.i == cue.token.i or cue.token in t.ancestors for t in view.words)


_CUE_REACH = 4  # tokens from the cue to the quotation's first


_FRAGMENT = 3  # words
_FINITE_EN = ("VBD", "VBZ", "VBP", "VBN", "MD")  # English finite verbs and past participles (Penn tags)


@rule("quote_filter", examples=[Example(
    "À cette phase de l’étude, on s’est contenté d’observer systématiquement la nationalité des « membres » des "
    "comités.", None, words="membres", language="fr")])
def impersonal_cue(frame: Frame, view: QuoteView, cue: Cue | None, speaker: Entity | None) -> bool:
    """Quoted words whose cue's subject is the impersonal pronoun (`on s'est contenté d'observer … des « membres
    »`; `impersonal` in cues_<lang>.yaml) are the author's, as its reports are (`impersonal_subject`)."""
    return cue is not None and cue.speaker is not None and cue.speaker.lower_ in frame.cues.words["impersonal"]


@rule("quote_filter", examples=[
    Example("Il faut tout d'abord noter quelques points « positifs » : les sommaires sont lisibles.", None,
            words="positifs", language="fr"),
    Example("Les domaines retenus sont au nombre de vingt, qui complètent le domaine dit « généraliste » ; les niveaux "
            "sont au nombre de quatre.", None, words="généraliste", language="fr"),
    Example("Cette « dictature de la publication » résumée par le célèbre « publish or perish » est récusée.", None,
            words="publish or perish", language="fr"),
    Example("Neoliberalism no longer has plausible solutions. As an answer to austerity, it offers more of the same "
            "or technocratic “nudges.”", None, words="nudges"),
])
def nobodys_fragment(frame: Frame, view: QuoteView, cue: Cue | None, speaker: Entity | None) -> bool:
    """A few quoted words without a verb (`_FRAGMENT` + 1 or fewer) whose cue has no speaker anyone can name: the
    author's term or scare quote, nobody's statement (`il faut noter quelques points « positifs »`, `le domaine dit
    « généraliste »`, `la mention « européenne » a été ajoutée`, `résumée par le célèbre « publish or perish »`).
    With no cue at all, `scare_quote` drops them. Kept: an English finite or past-participle cue (`which reported
    "2,521 shooting incidents"`, `was labeled "Mostly True"`, `calls them "losers"`): PolNeAR counts those as
    attributions whose source the text gives elsewhere — unless the cue's subject is a thing (`neoliberalism … it
    offers technocratic "nudges."`)."""
    if view.kind != "partial" or speaker is not None or cue is None or cue.phrase:
        return False
    if len(view.words) > _FRAGMENT + 1 or any(t.pos_ in ("VERB", "AUX") for t in view.words):
        return False
    thing = cue.speaker is not None and (cannot_speak(cue.speaker, frame.cues) or it_for_a_thing(frame, cue.speaker))
    return cue.token.tag_ not in _FINITE_EN or thing


@rule("quote_filter", examples=[
    Example("Une liste a été construite pour la section 37, dans le double but d’être une « aide à la décision et non "
            "pas un moyen de classement aveugle » [1].", None, words="aide à la décision", language="fr"),
    Example("Cela permet de se repérer dans le maquis des supports, pour identifier sans risque « ce qu’on fait de "
            "mieux » et tenter de s’y conformer.", None, words="ce qu’on fait", language="fr"),
])
def partial_of_nobody(frame: Frame, view: QuoteView, cue: Cue | None, speaker: Entity | None) -> bool:
    """Quoted words inside the author's sentence (a `partial` quotation) that no speaker rule could give to anyone,
    set off by marks the language's writing uses for the author's terms as much as for words said (`term_marks`
    in cues_<lang>.yaml: French guillemets): the author's term, scare quote or borrowed phrase (`la «
    qualification aux fonctions de maître de conférence »`), nobody's statement, whatever its length
    (`nobodys_fragment` takes the short ones with a cue). English has none: on PolNeAR dev, 8 of the 8 English
    partial quotations no rule gave a speaker are attributions of a person the text names elsewhere."""
    if view.kind != "partial" or speaker is not None:
        return False
    return frame.text[view.q.open_at : view.q.open_at + 1] in frame.cues.words["term_marks"]


@rule("quote_filter", examples=[
    Example("« Je reste », a dit Jean-Paul Delevoye mardi. Il avait déjà montré son « rapport de force » par le passé.",
            None, words="rapport de force", language="fr"),
    Example("\"We will stay,\" Roe said. The union adopted the proposal of a \"shadow committee for the reforms\" "
            "on Tuesday.", None, words="shadow committee"),
])
def term_of_narration(frame: Frame, view: QuoteView, cue: Cue | None, speaker: Entity | None) -> bool:
    """A few quoted words naming a thing (`_FRAGMENT` + 2 or fewer, no verb, adjective or adverb, no stop of a
    sentence) in a sentence with no speech cue at all, whoever the sentence is about (`Delevoye avait déjà montré
    son « rapport de force »`, `fait sienne la proposition d'un « contre-comité de suivi »`): the author's term or
    scare quote, not that person's words. (With nobody to give them to, `scare_quote` drops them; a cue keeps them: `called it a "disaster"`.)"""
    if view.kind != "partial" or cue is not None or speaker is None or not view.words:
        return False
    if len(view.words) > _FRAGMENT + 2 or any(t.pos_ in ("VERB", "AUX", "ADJ", "ADV") for t in view.words):
        return False  # (an evaluation keeps them: `going after Trump as "uniquely unacceptable and unfit"`)
    content = frame.text[view.q.start : view.q.end].rstrip(" ,;:»”\"’'")
    return content[-1:] not in ".!?…"


QUOTE_FILTERS = stage(
    "quote_filter",
    (title_or_name, scare_quote, stage_direction, listed_example, described_lead_in, unattributed_direct,
     ungoverned_fragment, impersonal_cue, nobodys_fragment, partial_of_nobody, term_of_narration),
)
