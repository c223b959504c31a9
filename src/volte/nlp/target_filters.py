"""Target filters: the names inside a statement's words that are not what the statement is about.

    TARGET_FILTERS: stage `target_filter`; veto(TARGET_FILTERS, spot) names the first rule that drops a mention

Each rule reads one mention (a name, an alias or a pronoun the target finder took) where it stands in the parse,
and holds when the mention is no target: the speaker of the words named inside them (`…, rappelle Ana Sofia
Cardenal, …`, `"…," he says. "…"`), a name that only classifies a currency or a measure (`the TT dollar`,
`US$ 80`), a pronoun whose antecedent is a common noun of the statement itself (`the refugees … their
families`). Found by reading 40 random statements of the real pages and PolNeAR dev (docs/BENCHMARKS.md).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from spacy.tokens import Doc, Token

from volte.nlp.attribution.rules import Example, rule, stage
from volte.nlp.deps import dep_of
from volte.nlp.pipeline import doc_text as _text
from volte.resources import cues


class Spot(NamedTuple):
    """A mention doc.text[start:end] found as a target of the statement doc.text[statement_start:statement_end]."""

    doc: Doc
    start: int
    end: int
    form: str  # TargetMention.form: "name" | "alias" | "pronoun" | …
    statement_start: int
    statement_end: int
    kind: str  # the statement's kind


def _root(spot: Spot) -> Token | None:
    span = spot.doc.char_span(spot.start, spot.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


_CLOSING = "”»"
_OPENING = "“«"


def _outside_quotation(spot: Spot, at: int) -> bool:
    """Whether doc.text[at] stands between a closing and the next opening quotation mark of the statement:
    `"Universities are …," he says. "Thousands …"` (the statement spans both quotations)."""
    before = _text(spot.doc)[spot.statement_start : at]
    curly = max(before.rfind(c) for c in _CLOSING + _OPENING)
    if curly >= 0:
        return before[curly] in _CLOSING
    return before.count('"') % 2 == 1  # a straight mark: an odd count closed the first quotation


@rule("target_filter", examples=[
    Example("“Disinformation was a feature of the pandemic, recalls Ana Sofia Cardenal, a professor of political "
            "science.”", None, targets=""),
    Example("In 1974 the White House announced that Nixon had made some improvements to his properties under the "
            "rubric of “security” and then deducted them.", "White House", words="Nixon had made",
            targets="Nixon: against"),
    Example("La Société suisse de l'industrie du gaz et des eaux (SSIGE) considère que toutes les communes du "
            "Plateau sont concernées, a déclaré son porte-parole.", None, words="SSIGE", targets="Plateau: neutral",
            language="fr"),
])
def speaker_inside(spot: Spot) -> bool:
    """The subject of a speech verb that frames the statement's own words from inside them is who says them,
    not what they are about: an inverted verb after a comma (`…, recalls Ana Sofia Cardenal, …`), a verb between
    two of its quotations (`"…," he says. "…"`), or a report that holds its own verb and that verb's clause
    (`Cueto acknowledged that …` taken whole as the report)."""
    tok = _root(spot)
    if tok is None:
        return False
    while dep_of(tok) == "appos" and tok.head.i != tok.i:
        tok = tok.head  # `La Société suisse … (SSIGE) considère que …`: the acronym stands beside the subject
    table = cues(spot.doc.lang_ or "en")
    verbs = [tok.head] if dep_of(tok) in ("nsubj", "nsubjpass") else []
    # The parser may hang the verb from the name it follows: `under questioning Cueto, …, acknowledged that …`.
    verbs += [c for c in tok.children if dep_of(c) == "acl" and c.i > tok.i]
    for verb in verbs:
        if verb.pos_ not in ("VERB", "AUX") or table.lemma(verb) is None:
            continue
        if spot.form == "sentence" and verb.idx < spot.statement_start and _reports(verb, spot):
            return True  # `the White House announced that … under the rubric of “security”`: the reporter
        if not spot.statement_start <= verb.idx < spot.statement_end:
            continue
        if verb.i < tok.i and verb.i > 0 and verb.nbor(-1).text == ",":
            return True  # `…, rappelle Ana Sofia Cardenal, …`
        if spot.kind in ("direct", "partial"):
            if _outside_quotation(spot, verb.idx):
                return True
        elif any(dep_of(c) == "ccomp" and spot.statement_start <= c.idx < spot.statement_end for c in verb.children):
            return True  # `Cueto acknowledged that …` taken whole as the report
    return False


@rule("target_filter", examples=[
    Example("Dianne Austin had no idea. “My first thoughts were how ironic it was,” she shares with InStyle. “It was "
            "a huge decision for me.”", None, words="first thoughts", targets=""),
])
def addressee_inside(spot: Spot) -> bool:
    """Whom a speech verb between two of the statement's quotations addresses (`"…," she shares with InStyle.
    "…"`, `he tells Axios`) heard the words; they are not what the words are about."""
    if spot.kind not in ("direct", "partial"):
        return False
    tok = _root(spot)
    if tok is None:
        return False
    verb = tok.head
    if dep_of(tok) == "pobj" and tok.head.lower_ in _ADDRESSING:
        verb = tok.head.head
    elif dep_of(tok) not in ("dobj", "dative", "obj", "iobj"):
        return False
    # (whatever the verb: between two quotations it is the one that frames them, `shares with InStyle`)
    return (
        verb.pos_ == "VERB" and spot.statement_start <= verb.idx < spot.statement_end
        and _outside_quotation(spot, verb.idx)
    )


_ADDRESSING = {"with", "to"}  # `shares with InStyle`, `said to Reuters`


def _reports(verb: Token, spot: Spot) -> bool:
    """Whether the statement lies inside the clause that `verb` reports (its `ccomp`)."""
    for c in verb.children:
        if dep_of(c) == "ccomp":
            right = c.right_edge
            if c.left_edge.idx <= spot.statement_start and spot.statement_end <= right.idx + len(right):
                return True
    return False


# The nouns a name only classifies: currencies and measures (`the TT dollar`, `US$ 80`, `Eastern time`). Not
# every compound: `American sanctions`, `NATO headquarters` are the state's and the alliance's (the sample corpus).
_CLASSIFIED = {
    "dollar", "dollars", "$", "euro", "euros", "pound", "pounds", "peso", "pesos", "yuan", "yen", "rupee", "rupees",
    "franc", "francs", "rand", "shilling", "shillings", "ruble", "rubles", "rouble", "roubles", "cent", "cents",
    "time", "edition", "version", "dollar-denominated",
}


# Role nouns a party's name makes a title: `the Republican nominee`, `GOP presidential nominee`.
_TITLES = {"nominee", "nominees", "candidate", "candidates", "presidential", "senator", "senators", "lawmaker",
           "lawmakers", "leader", "leaders", "leadership", "congressman", "congresswoman", "governor", "chairman",
           "spokesman", "spokeswoman", "strategist", "operative", "operatives", "primary", "primaries"}


@rule("target_filter", examples=[
    Example("“I will vote for the Republican nominee, Donald Trump,” Cruz wrote.", "Cruz", words="vote",
            targets="Donald Trump: favor"),
    Example('Manning said the government would avoid "a devaluation of the TT dollar".', "Manning",
            words="devaluation", targets=""),
    Example("“Exports fell to US$ 2 billion in June,” Wallace said.", "Wallace", words="Exports", targets=""),
])
def name_as_modifier(spot: Spot) -> bool:
    """A name that only classifies a currency or a measure is not the statement's target: `the TT dollar` is
    money, not Trinidad and Tobago (`American sanctions` stay the United States'). Nor is a party in a title
    (`the Republican nominee, Donald Trump`, `GOP presidential nominee`), nor a people's adjective the article's
    names give on a common noun (`radical Islamic ideology`)."""
    if spot.form == "pronoun":
        return False
    tok = _root(spot)
    if tok is None or dep_of(tok) not in ("compound", "amod", "nmod", "nummod"):
        return tok is not None and _text(spot.doc)[spot.end : spot.end + 1] == "$"  # `US$`
    head = tok.head
    if head.i <= tok.i:
        return False
    if head.lower_ in _CLASSIFIED or head.lower_ in _TITLES:
        return True
    return spot.form == "name" and tok.ent_type_ == "NORP" and dep_of(tok) == "amod" and head.pos_ == "NOUN"


# Plural common nouns a `they` may stand for: tags of the English and French parsers (morphology for French).
_PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "ils", "elles", "leur", "leurs"}


@rule("target_filter", examples=[
    Example("Muslims worldwide will celebrate the holiday this week. “We are reminded of the millions of refugees who are spending this "
            "holiday separated from their families,” Obama said.", "Obama", words="refugees", targets=""),
    Example("In 1974 the White House announced that Nixon had made some improvements to his properties under the "
            "rubric of “security” and then deducted them.", "White House", words="Nixon had made",
            targets="Nixon: against"),
])
def pronoun_of_a_noun(spot: Spot) -> bool:
    """A plural pronoun after a plural common noun of the same sentence inside the statement stands for that
    noun, not for a group named before: `the millions of refugees … separated from their families`; so does one of
    a partial quotation's sentence after a plural noun of that sentence (`made improvements … under the rubric of
    “security” and then deducted them`)."""
    if spot.form not in ("pronoun", "sentence"):
        return False
    tok = _root(spot)
    if tok is None or tok.lower_ not in _PLURAL_PRONOUNS:
        return False
    sent = tok.sent
    lo = sent.start_char if spot.form == "sentence" else max(sent.start_char, spot.statement_start)
    return any(
        t.pos_ == "NOUN" and "Plur" in t.morph.get("Number", []) and not t.ent_type_ and t.idx >= lo
        for t in sent if t.i < tok.i
    )


# Nouns that say a name is a news medium (`newspaper GP`, `le quotidien Le Monde`): the medium reporting the words
# is not what they are about (media names are skipped already when the name book types them so).
_MEDIA_NOUNS = {"newspaper", "daily", "paper", "tabloid", "broadcaster", "magazine", "channel", "network", "radio",
                "station", "agency", "outlet", "website", "journal", "quotidien", "hebdomadaire", "chaîne", "agence",
                "site", "télévision", "mensuel"}


_ELIDED = re.compile(r"^[ld][’']")


@rule("target_filter", examples=[
    Example("Tegnell said his interview with newspaper GP on the tattoo had been a mistake.", None,
            words="newspaper GP", targets=""),
    Example("Dans un entretien pour l'hebdomadaire Respekt, Roman Prymula avait affirmé qu'il était prêt à "
            "démissionner « si le public le veut ».", "Roman Prymula", words="si le public", targets="",
            language="fr"),
])
def named_as_media(spot: Spot) -> bool:
    """A name the words just before call a news medium (`by newspaper GP`, `selon le quotidien Le Monde`) is the
    medium that asked or reported, not a target."""
    before = _text(spot.doc)[max(0, spot.start - 24) : spot.start].split()
    words = [w.strip(",.;:()").lower() for w in before[-2:]]
    # (an elided article is part of the noun as written: `pour l'hebdomadaire Respekt`; a bare `l'` stays)
    words = [_ELIDED.sub("", w) if len(w) > 2 else w for w in words]
    return bool(words) and (words[-1] in _MEDIA_NOUNS or (len(words) == 2 and words[-2] in _MEDIA_NOUNS
                                                          and words[-1] in ("the", "le", "la", "les", "l'")))


# Words of a title a people's or a country's name qualifies (`Australian Prime Minister Kevin Rudd`), and the
# prepositions of a place or a time (`At a forum in Virginia`): in a partial quotation's sentence, such a name
# says who spoke or where, not what the quoted words are about.
_SENTENCE_TITLES = {"minister", "president", "prime", "chancellor", "ambassador", "secretary", "general", "king",
                    "queen", "premier", "foreign", "defence", "defense", "envoy", "official", "officials"}
_PLACE_OR_TIME = {"in", "at", "on", "during", "from", "near", "outside", "inside", "across"}


@rule("target_filter", examples=[
    Example('In an extraordinary statement, Australian Prime Minister Kevin Rudd declared that the crash "called '
            'into question the prevailing orthodoxy".', None, words="prevailing orthodoxy", targets=""),
])
def sentence_name_aside(spot: Spot) -> bool:
    """A name of a partial quotation's sentence that only qualifies a title or places the scene (`Australian
    Prime Minister Kevin Rudd declared that the crash "called into question …"`, `at a forum in Virginia`) is
    not what the quoted words are about."""
    if spot.form != "sentence":
        return False
    tok = _root(spot)
    if tok is None:
        return False
    if dep_of(tok) in ("amod", "compound") and tok.head.i > tok.i and tok.head.lower_ in _SENTENCE_TITLES:
        return True
    return dep_of(tok) == "pobj" and tok.head.lower_ in _PLACE_OR_TIME


# Prepositions that place what is said somewhere (`the second cause of death in the United States`), and the
# nouns that make such a place what an attitude is about (`no trust in Russia`, `the war in Ukraine`).
_SCENE = {"in", "at", "across", "throughout", "within", "around", "inside", "near"}
_ABOUT_A_PLACE = {"trust", "faith", "confidence", "belief", "interest", "investment", "investments", "war", "wars",
                  "invasion", "aggression", "interference", "meddling", "intervention", "involvement", "presence",
                  "role", "troops", "attack", "attacks", "strike", "strikes", "crimes", "abuses", "stake"}


@rule("target_filter", examples=[
    Example("Cancer clocks in just behind it in the United States as the second most common cause of death, "
            "according to the CDC.", "CDC", words="second most common", targets=""),
])
def place_of_scene(spot: Spot) -> bool:
    """A place the words only set things in (`the second cause of death in the United States`, `students across
    Europe`) is where, not whom, they are about: no target (not `no trust in Russia`, `the war in Ukraine`, an
    attitude toward the place or what is done to it)."""
    if spot.form == "pronoun":
        return False
    tok = _root(spot)
    if tok is None or tok.ent_type_ not in ("GPE", "LOC", "FAC") or dep_of(tok) != "pobj":
        return False
    prep = tok.head
    return prep.lower_ in _SCENE and prep.head.lower_ not in _ABOUT_A_PLACE


# Possessives before a partial quotation that make it the speaker's own quality (`son "rapport de force"`).
_OWN = {"his", "her", "their", "its", "son", "sa", "ses", "leur", "leurs"}


@rule("target_filter", examples=[
    Example('Coming from the party Jacques Chirac founded, Delevoye had already shown his "mastery of power" in '
            'the past.', "Delevoye", words="mastery", targets=""),
])
def own_quality(spot: Spot) -> bool:
    """A partial quotation after a possessive is a quality of the person it names (`son "rapport de force"`),
    not a word about the other names of its sentence (the party, its founder)."""
    if spot.form != "sentence":
        return False
    before = _text(spot.doc)[max(0, spot.statement_start - 12) : spot.statement_start]
    words = before.replace("“", " ").replace('"', " ").replace("«", " ").split()
    return bool(words) and words[-1].lower() in _OWN


@rule("target_filter", examples=[
    Example("“There are a lot of issues, first COVID, then worker shortages, and there is something new every day,” "
            "Debra Symonette said.", "Debra Symonette", words="a lot of issues", targets=""),
])
def no_side_to_take(spot: Spot) -> bool:
    """A disease or a piece of software the tagger took for a name (`COVID` as a person, `Ryuk`) is no one a speaker
    takes a side with or against: the `not_targets` words of cues_<lang>.yaml, as written (case aside)."""
    if spot.form == "pronoun":
        return False
    return _text(spot.doc)[spot.start : spot.end].lower() in cues(spot.doc.lang_ or "en").words["not_targets"]


TARGET_FILTERS = stage(
    "target_filter",
    (speaker_inside, addressee_inside, name_as_modifier, named_as_media, pronoun_of_a_noun, own_quality,
     sentence_name_aside, place_of_scene, no_side_to_take),
)
