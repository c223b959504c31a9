"""Who is who inside one article: the forms of a name, pronouns and descriptions resolved to a named speaker.

All forms of a name in an article are one speaker named by its fullest form (`Jean Dupont`, `Dupont`,
`Mr. Dupont`); `he` / `she` resolve to the person last named as a subject, `the newspaper` to the news medium
last named, and so on. The tables (titles, media words, group nouns) are in resources/cues_<lang>.yaml.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Container, Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from volte.countries import is_place
from volte.model import Entity, EntityType, entity_id
from volte.names import fold, name_tables, parse_person_name, person_key, repair_case
from volte.nlp.deps import dep_of
from volte.nlp.pipeline import doc_text
from volte.resources import Cues

_PERSONAL = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f", "il": "m", "elle": "f"}
_PLURAL = {"they", "them", "their", "ils", "elles"}
_NEUTER = {"it", "its"}
_MALE_TITLES = {"mr", "mr.", "monsieur", "m.", "m", "sir", "lord", "king", "prince", "father", "brother"}
_FEMALE_TITLES = {"mrs", "mrs.", "ms", "ms.", "miss", "madame", "mme", "mme.", "dame", "lady", "queen", "princess", "sister"}
# Titles that stand right before a person's name and nowhere else in a name: `… Business Dr Amery Browne`.
_HONORIFICS = {"mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "judge", "sir", "dame", "rev"}
_NAME_LABELS = {"PERSON", "ORG", "NORP", "GPE", "PER", "LOC", "FAC"}
_OF = {"of", "de", "du", "des", "d'", "d’"}
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_NAME_POS = {"PROPN", "PUNCT", "DET", "ADP", "NUM", "CCONJ", "PART", "NOUN", "ADJ", "SPACE"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "another", "one", "some", "his", "her", "its", "their"}


@dataclass
class Mention:
    """A named mention: where it is, the canonical name it stands for, its type and whether it is a subject."""

    start: int
    end: int
    key: str  # canonical name
    type: EntityType
    subject: bool
    quoted: bool = False  # inside quoted words: `"Mr. Reinholt is wrong," he said` — `he` is not Reinholt
    bracketed: bool = False  # inside brackets: `(Jean-François Copé déplora …)`, an aside no description refers to
    tagged: bool = False  # the tagger called it a person (PERSON, PER)
    classifier: bool = False  # it classifies a common noun: `the Berlin wine merchant` (the merchant is the subject)


# How far back, in characters, a newly introduced subject may be for a pronoun to stand for it over a recent speaker.
_NEW_SUBJECT_REACH = 600


@dataclass
class NameBook:
    """The named people and organisations of one article, with their fullest forms, in text order."""

    cues: Cues
    language: str = "en"
    mentions: list[Mention] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    fullest: dict[str, str] = field(default_factory=dict)  # any form (folded) -> fullest form
    types: dict[str, EntityType] = field(default_factory=dict)  # fullest form -> type
    gender: dict[str, str] = field(default_factory=dict)  # fullest form -> "m" / "f"
    fallback: dict[str, str] = field(default_factory=dict)  # last word -> a longer name of any type
    roles: dict[str, str] = field(default_factory=dict)  # `leader of the civic renewal party` -> the person
    # The roles, titles and labels the article gives a person beside their name, as written, in text order:
    # `FBI Director` (James Comey), `Rep., D-Mass.` (Stephen Lynch), `the leader of the party` (Valcourt).
    given_roles: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    sentences: list[int] = field(default_factory=list)  # where the article's sentences start, ascending
    # (char, description word, name): a name introduced with its description, `le syndicat SUD-PTT`, `l'ONG Human
    # Rights Watch`, `le documentaire d'Al Jazeera` (French: cues `org_descriptions`, `media_descriptions`).
    described: list[tuple[int, str, str]] = field(default_factory=list)

    def entity(self, name: str) -> Entity:
        """The entity of a name, typed as the book knows it; a name it does not hold is a person's unless its first
        word opens an organisation's name (`Office fédéral de l'environnement`, the tagger's `Office` made whole)."""
        known = self.types.get(name)
        if known is None:
            words = name.split()
            organisation = bool(words) and words[0].lower() in self.cues.words["org_first_words"] and len(words) > 1
            known = "organization" if organisation else "person"
        return Entity(entity_id(name), name, known)

    def canonical(self, form: str) -> tuple[str, bool]:
        """The fullest form of a speaker's name in this article (`Valcourt` -> `Marguerite Valcourt`), and whether
        it is a longer name of another type that this form, speaking, shows to be a person's (see `fallback`)."""
        low = form.lower()
        if low in self.fullest:
            return self.fullest[low], False
        # Words before a person's full name are not part of it: `Ministry of Finance Brian Manning` (the tagger's
        # organisation, after `Minister in the`) is `Brian Manning` when the article names him so.
        ends = [k for k in self.fullest if " " in k and low.endswith(" " + k) and self.types.get(self.fullest[k]) == "person"]
        if ends:
            return self.fullest[max(ends, key=len)], False
        if " " not in low and low in self.fallback:
            return self.fallback[low], True
        return form, False

    def learn(self, persons: Iterable[str], genders: Iterable[tuple[str, str]]) -> None:
        """Add what resolving a speaker learned: names that are persons', and the pronouns that stood for a name.
        Only the attribution runner calls this, between two attributions (rules read the book, never change it)."""
        for name in persons:
            self.types[name] = "person"
        for name, pronoun in genders:
            self.learn_gender(name, pronoun)

    def same_sentence(self, a: int, b: int) -> bool:
        """Whether the characters `a` and `b` are in one sentence (unknown sentences: no)."""
        if not self.sentences:
            return False
        return bisect.bisect_right(self.sentences, a) == bisect.bisect_right(self.sentences, b)

    def before(self, char: int) -> list[Mention]:
        """Mentions that start before `char`, nearest last."""
        return self.mentions[: bisect.bisect_left(self.starts, char)]

    def resolve_pronoun(self, word: str, char: int, prefer: list[str]) -> str | None:
        """The name a pronoun at `char` stands for, or None when it cannot be told.

        `prefer` lists recent speakers, nearest last: `"…," Valcourt said. "…," she added.` -> Valcourt.
        """
        word = word.lower()
        if word in _PERSONAL:
            want = _PERSONAL[word]
            # (French: a type learnt while attributing counts, `Jean-Philippe Magnen, le porte-parole`, tagged ORG)
            learnt = self.types if self.language == "fr" else {}
            candidates = [m for m in self.before(char) if learnt.get(m.key, m.type) == "person" and not m.quoted][-12:]
            fits = [m for m in candidates if self.gender.get(m.key, want) == want]
            subjects = [m for m in fits if m.subject]
            # The person last named as a subject close before: `Reinholt … urged restraint. He described …`; the
            # last speaker among them before a subject of their reported words: `Fitton, defending, said Hartley
            # had 20 years of experience. He said that Hartley …` -> Fitton.
            close = [m for m in subjects if char - m.start < 250]
            if close and self.same_sentence(close[-1].start, char):
                return close[-1].key  # (it doubles its sentence's subject: `Myriam Martinet, de la CGT, a elle relevé`)
            if close and prefer and any(m.key == prefer[-1] for m in close):
                return prefer[-1]
            if close:
                return close[-1].key
            # A person the text brings in, named for the first time as a subject, after the last mention of the
            # recent speaker (`Fraser Amos, a final-year student, is helping to rally support …` then `"…," he
            # says`) is the one now speaking.
            newer = [m for m in subjects if m.key not in prefer and char - m.start < _NEW_SUBJECT_REACH
                     and all(m.start > x.start for x in fits if x.key in prefer[-1:])
                     and not any(x.key == m.key and x.start < m.start for x in self.mentions)]  # (named first there)
            if newer and prefer:
                return newer[-1].key
            for name in reversed(prefer[-3:]):
                if any(m.key == name for m in fits[-6:]):
                    return name
            pick = subjects[-1] if subjects else (fits[-1] if fits else None)
            return pick.key if pick else None
        if word in _NEUTER or word in _PLURAL:
            kinds = ("organization", "party", "country", "media") if word in _NEUTER else (
                "organization", "party", "country", "group", "media")
            # (not a name that only classifies its subject: `the Berlin wine merchant said` is no `it` for Berlin)
            recent = [m for m in self.before(char) if m.type in kinds and m.subject and not m.classifier][-1:]
            return recent[0].key if recent else None
        return None

    def role(self, description: str) -> str | None:
        """The person an article named with this role: `the leader of the Civic Renewal Party` matches
        `Valcourt, the leader of the opposition Civic Renewal Party` (same head word, fewer words)."""
        key = _fold_role(description)
        if not key:
            return None
        if key in self.roles:
            return self.roles[key]
        words = key.split()
        for role, name in self.roles.items():
            parts = role.split()
            if parts[0] == words[0] and set(words) <= set(parts):
                return name
        return None

    def role_of(self, name: str, char: int) -> str | None:
        """The role the article gives the person `name` nearest before `char` (else the first it gives them)."""
        given = self.given_roles.get(name)
        if not given:
            return None
        before = [role for at, role in given if at <= char]
        return before[-1] if before else given[0][1]

    def after(self, char: int) -> list[Mention]:
        """Mentions that start at or after `char`, nearest first."""
        return self.mentions[bisect.bisect_left(self.starts, char) :]

    def named_at(self, char: int) -> Mention | None:
        """The named mention that holds the character `char`, if any."""
        held = [m for m in self.before(char + 1) if m.start <= char < m.end]
        return held[-1] if held else None

    def described_as(self, word: str, char: int) -> str | None:
        """The name last introduced before `char` with the description `word`: `le syndicat SUD-PTT` … `le
        syndicat estime` -> SUD-PTT."""
        names = [name for at, w, name in self.described if w == word and at < char]
        return names[-1] if names else None

    def learn_gender(self, name: str, pronoun: str) -> None:
        """A personal pronoun resolved to `name` tells its grammatical gender."""
        if pronoun in _PERSONAL:
            self.gender.setdefault(name, _PERSONAL[pronoun])

    def resolve_description(self, head: str, char: int) -> str | None:
        """`the newspaper wrote` -> the news medium last named; `the party said` -> the party last named."""
        head = head.lower()
        if head in MEDIUM_WORDS:
            media = [m for m in self.before(char) if m.type == "media"]
            return media[-1].key if media else None
        if self.language == "fr" and head in self.cues.titles and head not in _DETERMINERS and len(head) > 2:
            # `a ajouté la ministre`, `the senator added`: the person last named before, if the role fits no one else.
            people = [m for m in self.before(char) if m.type == "person" and not m.quoted and not m.bracketed]
            return people[-1].key if people else None
        if head in {"party", "campaign", "company", "ministry", "government", "committee", "agency", "group",
                    "organization", "organisation", "union", "court", "department", "council", *_INSTITUTIONS}:
            # (`the institution` is the university, college, school or hospital last named)
            words = _INSTITUTIONS if head == "institution" else {head}
            orgs = [m for m in self.before(char) if m.type in ("organization", "party")
                    and set(m.key.lower().split()) & words]
            return orgs[-1].key if orgs else None
        return None


# The nouns by which an article refers to a news medium (`the newspaper wrote`).
MEDIUM_WORDS = frozenset({"newspaper", "paper", "magazine", "network", "station", "broadcaster", "outlet", "website"})
# What `the institution` may stand for, and descriptions that name an organisation by one of these words.
_INSTITUTIONS = {"institution", "university", "college", "school", "hospital", "institute", "museum"}


def full_names(book: NameBook) -> tuple[Entity, ...]:
    """Every person the article names in full (given names and a surname), in text order, each once: the speakers
    and targets, and the others too (`Fox News' Chris Wallace` in a list), so that a bare `Wallace` another article
    gives alone can be linked to him (store/entities.py). Only names the tagger calls a person's somewhere in the
    article: a run of capitals it does not (`Black Voter Turnout`, `Refugee Convention`) is no one's full name."""
    tagged = {m.key for m in book.mentions if m.tagged}
    names: dict[str, Entity] = {}
    for m in book.mentions:
        if (m.key in tagged and m.key not in names and book.types.get(m.key, m.type) == "person"
                and parse_person_name(m.key) is not None):
            names[m.key] = Entity(entity_id(m.key), m.key, "person")
    return tuple(names.values())


def strip_name(span: Span | list[Token], cues: Cues) -> tuple[str, list[str]]:
    """A name without leading titles and determiners or a possessive ending: `Mr. Jean Dupont's` -> `Jean Dupont`.

    Returns the name and the titles stripped (lower case).
    """
    tokens = [t for t in span if not t.is_space]
    # A dateline run into the name: `HALBRIDGE (Norpress) - Foreign Minister Henrik Aalstad` -> after the dash.
    for k in range(len(tokens) - 1, 0, -1):
        if tokens[k].text in ("-", "—", "–", ")") and tokens[k - 1].whitespace_:
            tokens = tokens[k + 1 :] or tokens
            break
    titles: list[str] = []
    while tokens and (tokens[0].is_punct or tokens[0].is_quote):
        tokens = tokens[1:]  # `">Sanders` in a badly saved page
    # A time run into the name: `Last week Stumpf said` -> `Stumpf` (the tagger may run the date over the name too:
    # then only the words that are no proper nouns go).
    while len(tokens) > 1 and tokens[0].ent_type_ in ("DATE", "TIME") and (
        tokens[-1].ent_type_ not in ("DATE", "TIME") or tokens[0].pos_ != "PROPN" and tokens[-1].pos_ == "PROPN"
    ):
        tokens = tokens[1:]
    # (A title heading its own phrase is no title: `the leader of the party` stays that, not `of the party`.)
    # (A name whose article is part of it keeps it: `La Poste`, `la gauche`, `Le Figaro`; cues_fr.yaml.)
    while len(tokens) > 1 and tokens[0].lower_.rstrip(".") in cues.titles and tokens[1].lower_ not in _OF and not (
        article_name(tokens, cues.words["article_names"])
    ):
        titles.append(tokens[0].lower_)
        tokens = tokens[1:]
    # A role run into the name before an honorific: `Leader of Government Business Dr Amery Browne` -> `Amery Browne`.
    inside = next((k for k in range(1, len(tokens) - 2) if tokens[k].lower_.rstrip(".") in _HONORIFICS
                   and tokens[k + 1].text[:1].isupper()), None)
    if inside is not None:
        titles.extend(t.lower_ for t in tokens[: inside + 1])
        tokens = tokens[inside + 1 :]
    # A description in lower case before a name: `le tabloïd Blesk` -> `Blesk` (not a particle, `de Gaulle`; not a
    # phrase with no name in it, `band leader`; not the head of an `of` phrase, `a number of members of Congress`).
    lower = 0
    while lower < len(tokens) - 1 and tokens[lower].is_lower and tokens[lower].is_alpha and (
        fold(tokens[lower].text) not in name_tables().particles and tokens[lower].lower_ not in _OF
    ):
        lower += 1
    if lower and tokens[lower].text[:1].isupper() and not article_name(tokens, cues.words["article_names"]):
        tokens = tokens[lower:]
    while tokens and (tokens[-1].is_punct or tokens[-1].lower_ in {"'s", "’s", "'", "’"}):
        tokens = tokens[:-1]
    # A day run into the name after it (an inverted subject): `précise l'OFAG jeudi` -> `OFAG` (cues `time_words`).
    while len(tokens) > 1 and tokens[-1].is_lower and tokens[-1].lower_ in cues.words["time_words"]:
        tokens = tokens[:-1]
    # Honours and degrees after the name: `Neil Ford QC` -> `Neil Ford` (resources/names.yaml `postnominals`).
    while len(tokens) > 2 and tokens[-1].text in name_tables().postnominals:
        titles.append(tokens[-1].lower_)
        tokens = tokens[:-1]
        while len(tokens) > 1 and tokens[-1].text == ",":
            tokens = tokens[:-1]
    # (A name broken across lines, `Marguerite\nValcourt`: the line break, a token of its own, is a space.)
    text = "".join(t.text + (" " if t.whitespace_ or t.i + 1 < len(t.doc) and t.nbor(1).is_space else "") for t in tokens)
    text = _POSSESSIVE.sub("", text.strip()).strip(" ,")
    # A live blog's time stamp or a page's markup run into the name: `February 6, 2016 9:52PMBush`, `2016">.@Sanders`.
    text = _NAME_JUNK.sub("", text)
    return text, titles


def article_name(tokens: list[Token], names: Container[str]) -> bool:
    """Whether the tokens open on a name that holds its article (`La Poste`, `l'Express`: cues `article_names`)."""
    if not names:
        return False
    words = [t.lower_.replace("’", "'") for t in tokens[:4]]
    for n in range(2, len(words) + 1):
        head = words[0] if words[0].endswith("'") else words[0] + " "
        if head + " ".join(words[1:n]) in names:
            return True
    return False


# What a badly saved page glues before a name: a time stamp (`…, 2016 9:52PM`) or the end of a markup tag (`…">.`).
_NAME_JUNK = re.compile(r"^(?:.*\b\d{1,2}:\d{2}\s?[AP]M\s?|.*\">[.\s]*)(?=[A-Z@])")

_ORG_WORDS = {
    "party", "union", "council", "ministry", "committee", "association", "federation", "league", "bank", "fund",
    "institute", "university", "department", "agency", "commission", "court", "congress", "senate", "house",
    "parliament", "assembly", "government", "administration", "campaign", "company", "corporation", "inc",
    "group", "foundation", "center", "centre", "office", "organization", "organisation", "alliance", "nato",
    "un", "eu", "fbi", "cia", "police", "army", "service", "board", "coalition", "movement", "front",
}


# Words that end an organisation's name and no person's: `Citizens’ Independent Transportation Trust`, `Anders
# Tegnell Fan Club`, whatever the tagger called them.
_ORG_HEADS = {
    "club", "trust", "foundation", "fund", "institute", "university", "committee", "council", "association",
    "federation", "league", "society", "authority", "bureau", "agency", "commission", "ministry", "department",
    "corporation", "company", "coalition", "alliance", "inc", "ltd", "llc",
}


# Prepositions of place: `in Antigua`, `from nearby Antigua`, `à Fribourg`.
_PLACE_BEFORE = {"in", "from", "near", "nearby", "across", "around", "throughout", "à", "en", "au", "aux", "dans", "vers"}


def _entity_type(label: str, name: str, cues: Cues, placed: bool = False) -> EntityType:
    words = {w.strip(".").lower() for w in name.split()}
    if len(words) > 1 and name.split()[-1].strip(".").lower() in _ORG_HEADS:
        return "organization"  # (before the media words: `Independent` in a trust's name is no newspaper)
    if name.split()[0].lower() in cues.words["org_first_words"]:
        return "organization"  # (French, whatever the tagger said: `Office fédéral de l'environnement`, `AG Éducation`)
    if words & cues.media:
        return "media"
    # A place the tagger calls a person where a place's preposition comes before it: `from nearby Antigua`
    # (PERSON), `à Fribourg` (PER); not `Nelson said` (countries.py; a bare surname the article gives in full
    # stays the person's: build_namebook). (Untagged words stay persons: `l'AG Éducation Île-de-France … Elle
    # appelle` would give its `elle` to a person named further back.)
    if label in ("PERSON", "PER") and placed and is_place(name):
        return "country"
    if label in ("PERSON", "PER"):
        return "person"
    if label == "NORP":
        return "group"
    if label in ("GPE", "LOC") and is_place(name):
        return "country"  # `Germany`, `Allemagne`, `Texas` (countries.py); `the Kremlin` is the registry's
    if words & {"party", "parti"}:
        return "party"  # `the Civic Renewal Party`, `le Parti socialiste`
    if label in ("ORG", "GPE", "LOC", "FAC") or words & _ORG_WORDS:
        return "organization"
    return "person"


def _name_spans(doc: Doc) -> list[tuple[Span, str]]:
    """Named mentions: the parser's entities, plus runs of proper nouns it left out (small models miss
    unfamiliar names: `Marguerite Valcourt` tagged LOC, `Valcourt` ORG, `The Northern Ledger` nothing)."""
    spans: list[tuple[Span, str]] = []
    by_start: dict[int, Span] = {}
    for ent in doc.ents:
        if ent.label_ in _NAME_LABELS:
            by_start[ent.start] = ent
    i = 0
    while i < len(doc):
        tok = doc[i]
        if tok.pos_ != "PROPN" or tok.is_space:
            found = by_start.get(i)
            if found is not None:
                spans.append((found, found.label_))
                i = found.end
            else:
                i += 1
            continue
        j = i
        while j < len(doc) and (
            doc[j].pos_ == "PROPN" and not doc[j].is_space and "\n" not in doc[j].text_with_ws or _joining_hyphen(doc, j)
            or j > i and _name_goes_on(doc, j)
        ):
            j += 1
        if j < len(doc) and doc[j].pos_ == "PROPN" and not doc[j].is_space:
            j += 1  # the run's last token ends the line
        labels = [doc[k].ent_type_ for k in range(i, j) if doc[k].ent_type_]
        label = "PERSON" if "PERSON" in labels else (labels[0] if labels else "")
        if label in ("", *_NAME_LABELS):
            spans.append((doc[_person_start(doc, i, j) : j], label))
        i = j
    if doc.lang_ == "fr":
        spans = _joined_organisations(doc, spans)
    return spans


def _name_goes_on(doc: Doc, j: int) -> bool:
    """`Andrej Babiš`, `Babiš` tagged an adjective: a capitalised word inside the person the tagger found is the
    rest of the name, whatever part of speech the parser gave it; inside an organisation, one between two proper
    nouns (`L'AG Éducation IDF`, `Éducation` a noun; not `Hi Investment and Securities`)."""
    tok = doc[j]
    if not tok.is_title or tok.ent_iob_ != "I" or tok.is_space:
        return False
    if tok.ent_type_ == "ORG":
        return j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN" and "\n" not in tok.text_with_ws
    return tok.ent_type_ in ("PER", "PERSON")


def _joined_organisations(doc: Doc, spans: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """French: a name the tagger cut, an organisation's name right after another name with nothing between, is
    one organisation: `Europe Écologie` (tagged a place) + `Les Verts` (a name never follows another name
    without a comma or a word between them)."""
    out: list[tuple[Span, str]] = []
    for span, label in spans:
        if out and label == "ORG" and out[-1][1] in ("ORG", "LOC", "MISC", "") and out[-1][0].end == span.start and (
            "\n" not in out[-1][0].text_with_ws
        ):
            out[-1] = (doc[out[-1][0].start : span.end], label)
            continue
        out.append((span, label))
    return out


def _known_before_named(raw: list[tuple[Span, str, EntityType, list[str]]], title_end: int) -> set[str]:
    """Bare surnames (folded) the article's body gives with a title before it gives any full name ending with them:
    someone the article takes as known, not the one it names later (`President Obama is rolling out …` then
    `Michelle Obama`). The headline, the text's first line, is left out (`Obama Sees Insult` before `Barack
    Obama`), and so is a bare surname without a title (a caption's `Tegnell` before `Anders Tegnell`)."""
    first_bare: dict[str, int] = {}
    first_full: dict[str, int] = {}
    for span, name, _, titles in raw:
        if span.start_char <= title_end:
            continue
        words = name.lower().split()
        if len(words) == 1 and titles:
            first_bare.setdefault(words[0], span.start_char)
        elif (parsed := parse_person_name(name)) is not None:
            first_full.setdefault(parsed.surname.lower(), span.start_char)
    return {w for w, at in first_bare.items() if w in first_full and at < first_full[w]}


def _opening_word(span: Span, cues: Cues) -> bool:
    """A lone untagged word opening a sentence with the ending of a word that is no name (`opening_endings` in
    cues_<lang>.yaml): a French verb or adverb (`Distinguons`), an English abstract noun (`Immigration, his
    signature issue, never came up`)."""
    tok = span[0]
    endings = tuple(cues.words["opening_endings"])
    return len(span) == 1 and bool(tok.is_sent_start) and tok.lower_.endswith(endings)


def _people(span: Span, label: str, name: str) -> bool:
    """French `les Américains`, `les Suisses`: a plural common noun the tagger calls a place and that is none (no
    country) is a people, a group (not an organisation; a party is a proper noun, `les Républicains`)."""
    tok = span[0]
    return (
        span.doc.lang_ == "fr" and len(span) == 1 and label in ("LOC", "GPE") and tok.pos_ == "NOUN"
        and "Plur" in tok.morph.get("Number", []) and tok.text[:1].isupper() and not is_place(name)
    )


def _before_article(span: Span) -> bool:
    """A word the tagger took for a name, right before an article: a verb (`Distinguons les points de vue`, tagged
    a person), not a name (a name is seldom followed by a determiner)."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].pos_ == "DET" and doc[span.end].lower_ in _ARTICLES


_ARTICLES = {"le", "la", "les", "l'", "l’", "un", "une", "des", "du", "the", "a", "an"}


def _person_after_org(
    span: Span, name: str, etype: EntityType, titles: list[str], bare: Container[str]
) -> tuple[Span, str, EntityType, list[str]]:
    """A person's name the tagger ran into an organisation's before it, when the article gives the surname alone as
    a person's: `Minister in the Ministry of Finance Brian Manning` (one ORG span) and `Manning said` -> Brian
    Manning, the organisation's words kept as their role. The name is the last two words, with initials before them
    (`Department of Justice John Q. Public` -> `John Q. Public`)."""
    words = name.split()
    if etype != "organization" or len(words) < 4 or words[-1].lower() not in bare:
        return span, name, etype, titles
    if not set(w.lower() for w in words[:-2]) & (_ORG_WORDS | _OF):
        return span, name, etype, titles
    cut = len(words) - 2
    while cut > 1 and re.fullmatch(r"[A-ZÀ-Ý]\.", words[cut - 1]):
        cut -= 1
    person = " ".join(words[cut:])
    if words[cut].lower() in _ORG_WORDS | _OF or parse_person_name(person) is None:
        return span, name, etype, titles
    return span, person, "person", [*titles, " ".join(words[:cut]).lower()]


# An organisation's acronym in brackets right after its name: `Human Rights Watch (HRW)`, `Parti populaire (PP)`.
_ACRONYM_AFTER = re.compile(r"\s?\(([A-ZÀ-Ý][A-ZÀ-Ý0-9&-]{1,8})\)")


def _acronyms(raw: list[tuple[Span, str, EntityType, list[str]]], text: str) -> dict[str, tuple[str, EntityType]]:
    """An organisation the article introduces with its acronym, `L'ONG Human Rights Watch (HRW)`: one entity named
    by both forms (`Human Rights Watch (HRW)`), which the name alone and the acronym alone stand for (French)."""
    out: dict[str, tuple[str, EntityType]] = {}
    for span, name, etype, _ in raw:
        found = _ACRONYM_AFTER.match(text, span.end_char)
        if etype == "person" or found is None or name.lower() in out:
            continue
        acronym = found.group(1)
        if acronym[0].lower() == name[0].lower() and acronym.lower() != name.lower():
            out[name.lower()] = out[acronym.lower()] = (f"{name} ({acronym})", etype)
    # The acronym used alone elsewhere, spelling the name's initials: `L'ONG Human Rights Watch …`, then `HRW a
    # relevé …` (with or without the small words: `Europe Écologie Les Verts`, EELV).
    acronyms = {name for _, name, etype, _ in raw if etype != "person" and _ACRONYM.fullmatch(name)}
    for _, name, etype, _ in raw:
        words = name.split()
        if etype == "person" or len(words) < 2 or name.lower() in out:
            continue
        initials = {"".join(w[0] for w in words).upper(),
                    "".join(w[0] for w in words if w.lower() not in _SMALL_WORDS).upper()}
        for acronym in acronyms & initials:
            out[name.lower()] = out[acronym.lower()] = (f"{name} ({acronym})", etype)
    return out


_ACRONYM = re.compile(r"[A-Z]{2,6}")
_SMALL_WORDS = {"de", "des", "du", "d'", "d’", "la", "le", "les", "l'", "l’", "et", "pour", "en", "à", "au", "aux"}


def _joining_hyphen(doc: Doc, j: int) -> bool:
    """A hyphen inside a hyphenated name, which the English tokenizer cuts: `Jean-Claude Juncker`."""
    return (
        doc[j].text in ("-", "‐") and 0 < j < len(doc) - 1 and not doc[j - 1].whitespace_ and not doc[j].whitespace_
        and doc[j - 1].pos_ == "PROPN" and doc[j + 1].pos_ == "PROPN"
    )


def _person_start(doc: Doc, i: int, j: int) -> int:
    """Where the name starts in a run of proper nouns i..j: at a full person name the tagger found inside it,
    the words before being a role, a party, a place or an epithet (`Republican Donald Trump`, `Massachusetts Sen.
    Elizabeth Warren`, `Crooked Hillary Clinton`). A one-word person keeps the run (`Marguerite Valcourt` with only
    `Valcourt` tagged)."""
    for k in range(i + 1, j - 1):
        tok = doc[k]
        if tok.ent_iob_ == "B" and tok.ent_type_ in ("PERSON", "PER") and doc[k + 1].ent_iob_ == "I":
            return k
    return i


_ROLE_POS = {"PROPN", "NOUN", "ADJ"}


def _role_beside(doc: Doc, text: str, span: Span, name: str, cues: Cues) -> str | None:
    """The words before a person's name that are their role, title or label, and a party and state label after
    it, as written: `Massachusetts Sen.` (Elizabeth Warren), `Republican vice-presidential nominee Gov.` (Mike
    Pence), `Rep., D-Mass.` (Stephen Lynch (D-Mass.)). Not a determiner, a possessive or a verb: `his running mate`
    gives `running mate`."""
    first = name.split()[0]
    start = next((t.i for t in span if t.text == first or t.text.startswith(first)), span.start)
    i, taken = start, 0
    while i > 0 and taken < 6:
        tok = doc[i - 1]
        taken += not tok.is_space
        if re.fullmatch(r"[A-ZÀ-Ý]\.", tok.text):
            break  # an initial is the name's: `A. Montebourg`
        hyphen = tok.text in ("-", "‐") and not tok.whitespace_ and i > 1 and not doc[i - 2].whitespace_
        # (`of` inside a title: `Secretary of State Hillary Clinton`)
        title_of = tok.lower_ == "of" and i > 1 and doc[i - 2].lower_.rstrip(".") in cues.titles
        if not (hyphen or title_of or tok.is_space and "\n" not in tok.text or tok.pos_ in _ROLE_POS
                or tok.lower_.rstrip(".") in cues.titles) or tok.lower_ in _DETERMINERS:
            break
        i -= 1
    while i < start and (doc[i].is_punct or doc[i].is_space or doc[i].lower_ in {"and", "or"}):
        i += 1
    words = doc[i:start]
    # A role holds a noun, a title or a name (`Republican`, `FBI`), not only an epithet (`Crooked`); it ends with a
    # title, a party's or people's name or a noun for a person, not a thing said (`derogatory comments Trump had
    # made`, `a Bloomberg interview Trump gave`) or an age (`70-year-old Trump`).
    head = next((t for t in reversed(words) if not t.is_space and not t.is_punct), None)
    role = head is not None and any(
        t.pos_ == "NOUN" or t.lower_.rstrip(".") in cues.titles or t.ent_type_ for t in words
    ) and (head.lower_.rstrip(".") in cues.titles or head.ent_type_ in ("NORP", "ORG", "GPE")
           or head.pos_ in ("NOUN", "PROPN") and not _said_thing(head, cues))
    parts = [" ".join(words.text.split())] if role else []
    label = _PARTY_STATE_AFTER.match(text, span.end_char)
    if label:
        parts.append(label.group(1).strip("()"))
    return ", ".join(p for p in parts if p) or None


def _said_thing(tok: Token, cues: Cues) -> bool:
    """A noun for what is said or for a thing, not a person: `comments`, `interview`, `tweet`."""
    forms = {tok.lower_, tok.lower_.removesuffix("s")}  # (the pipeline has no lemmas)
    words = cues.report_nouns | cues.nouns | cues.words["never_speakers"]
    return bool(forms & words) or any(tok.lower_.endswith(e) for e in cues.words["abstract_endings"])


# A party and state label after a name: `Harry Reid (D-Nev.)`, `Paul Ryan (R-Wis.)`: no names in it.
_PARTY_STATE = re.compile(r"\((?:[RDI]|GOP|Dem|Rep)\s?[-–—,]\s?[A-Z][\w.]*(?: [A-Z][\w.]*)?\)")
_PARTY_STATE_AFTER = re.compile(r"\s*(" + _PARTY_STATE.pattern + ")")


def build_namebook(doc: Doc, cues: Cues, quoted: Container[int] = ()) -> NameBook:
    """Collect the article's named mentions and map every short form to its fullest form."""
    book = NameBook(cues, doc.lang_)
    text = doc_text(doc)  # (spaCy rebuilds doc.text on every access)
    raw: list[tuple[Span, str, EntityType, list[str]]] = []
    labels = [(m.start(), m.end()) for m in _PARTY_STATE.finditer(text)]
    for span, label in _name_spans(doc):
        if any(a <= span.start_char < b for a, b in labels):
            continue
        name, titles = strip_name(span, cues)
        if not name or not any(c.isalpha() for c in name) or name.isupper() and label in ("GPE", "LOC", ""):
            continue
        if not any(c.isupper() for c in name) and not any(t.pos_ in ("NOUN", "PROPN") for t in span):
            continue  # a word in lower case the tagger took for a name: `allant même jusqu’à préconiser` (not a
            # noun it calls an organisation: `the transportation department`)
        if _opening_word(span, cues) and (label == "" or _before_article(span)):
            continue  # `Distinguons ici deux choses`, `Normalement, …`, `Immigration, his signature issue, …`
        name = " ".join(repair_case(w) for w in name.split(" "))
        placed = span.start > 0 and doc[span.start - 1].lower_ in _PLACE_BEFORE
        etype = "group" if _people(span, label, name) else _entity_type(label, name, cues, placed)
        if titles and set(titles) & (_MALE_TITLES | _FEMALE_TITLES | {"dr", "dr.", "sen", "sen.", "rep", "rep."}):
            etype = "person"  # `Mr. Valcourt` is a person whatever the tagger said
        raw.append((span, name, etype, titles))
    # A short form is a person's when a fuller person name ends with it: `Valcourt` -> `Marguerite Valcourt`.
    # The forms of one name are one person under its plain form: `Donald J. Trump`, `Donald Trump` (names.py).
    # A full name the tagger took for something else is a person's when its surname alone is a person's in the
    # article: `Jean-Claude Juncker` (ORG) and `Juncker` (PERSON).
    bare = {name.lower() for _, name, t, _ in raw if t == "person" and " " not in name}
    raw = [_person_after_org(span, name, etype, titles, bare) for span, name, etype, titles in raw]
    raw = [
        (span, name, "person" if etype == "organization" and (p := parse_person_name(name)) is not None
         and p.surname.lower() in bare and not set(name.lower().split()) & _ORG_WORDS else etype, titles)
        for span, name, etype, titles in raw
    ]
    persons = [name for _, name, t, _ in raw if t == "person" and parse_person_name(name) is not None]
    # Words before a full name the article also gives alone are an epithet or a role, not given names:
    # `Crooked Hillary Clinton` in an article that names `Hillary Clinton`.
    whole = set(persons)
    cut = {n: m for n in whole for m in whole if m != n and len(m.split()) >= 2 and n.endswith(" " + m)}
    raw = [(span, cut.get(name, name), etype, titles) for span, name, etype, titles in raw]
    persons = [cut.get(name, name) for name in persons]
    forms: dict[str, list[str]] = {}
    for name in dict.fromkeys(persons):
        forms.setdefault(person_key(name), []).append(name)
    known = _known_before_named(raw, text.find("\n"))
    for name in sorted(dict.fromkeys(persons), key=lambda n: -len(n.split())):
        parsed = parse_person_name(name)
        assert parsed is not None
        same = forms[parsed.key]
        shown = next((f for f in same if f == parsed.plain), max(same, key=lambda f: (len(f.split()), f)))
        book.fullest.setdefault(name.lower(), shown)
        if parsed.surname.lower() not in known:
            book.fullest.setdefault(parsed.surname.lower(), shown)
    for longer, name in cut.items():
        book.fullest.setdefault(longer.lower(), book.fullest[name.lower()])
    # Failing a person name, any longer name that ends with the short form (the tagger may have called
    # `Marguerite Valcourt` a place): used only when the short form speaks, see `canonical`.
    for _, name, etype, _ in raw:
        if (2 <= len(name.split()) <= 4 and etype != "media" and not set(name.lower().split()) & _ORG_WORDS
                and name.split()[-1].lower() not in known | _ORG_HEADS):
            book.fallback.setdefault(name.split()[-1].lower(), name)
    acronyms = _acronyms(raw, text) if doc.lang_ == "fr" else {}
    for span, name, etype, titles in raw:
        key = book.fullest.get(name.lower(), name)
        if name.lower() in acronyms:
            key, etype = acronyms[name.lower()]
            book.fullest.setdefault(name.lower(), key)
        elif key != name:
            etype = "person"
        book.types.setdefault(key, etype)
        if titles and etype == "person":
            if set(titles) & _MALE_TITLES:
                book.gender.setdefault(key, "m")
            elif set(titles) & _FEMALE_TITLES:
                book.gender.setdefault(key, "f")
        root = span.root
        # (French: the parser often makes a name set off after its description a `conj` of it: `L'ancien
        # directeur de la banque, Michel Durand, a indiqué …`.)
        apposed = ("appos", "compound", "conj") if doc.lang_ == "fr" else ("appos", "compound")
        subject = dep_of(root) in ("nsubj", "nsubjpass") or (
            dep_of(root) in apposed and dep_of(root.head) in ("nsubj", "nsubjpass")
        )
        if doc.lang_ == "fr" and etype != "person" and dep_of(root) in apposed and (
            root.head.lower_ in cues.words["roles"] or root.head.lower_ in cues.titles
        ) and root.head.lower_ not in ("le", "la", "les", "l'", "un", "une"):
            # `L'ancien porte-parole de la mission, Timor Goksel, …` (tagged a place): a role's name is a person's.
            etype = "person"
            book.types[key] = "person"
        bracketed = text.rfind("(", 0, span.start_char) > text.rfind(")", 0, span.start_char)
        classifier = dep_of(root) == "compound" and root.head.pos_ == "NOUN" and root.head.lower_ not in cues.titles
        book.mentions.append(
            Mention(span.start_char, span.end_char, key, etype, subject, span.root.i in quoted, bracketed,
                    any(t.ent_type_ in ("PERSON", "PER") for t in span), classifier)
        )
        if etype == "person" and span.root.i not in quoted and (role := _role_beside(doc, text, span, name, cues)):
            book.given_roles.setdefault(key, []).append((span.start_char, role))
    book.starts = [m.start for m in book.mentions]
    book.sentences = [sent.start_char for sent in doc.sents] if doc.has_annotation("SENT_START") else []
    # Roles given in apposition name the person later: `Valcourt, the leader of the party, …` then
    # `the leader of the party said` -> Valcourt. Likewise `Foreign Minister Henrik Aalstad` -> `the foreign minister`.
    for ent in book.mentions:
        if ent.type != "person" or ent.quoted:
            continue
        after = _ROLE_AFTER.match(text, ent.end) or (
            _ROLE_AFTER_BARE.match(text, ent.end) if doc.lang_ == "fr" else None
        )
        # Not a clause: `the Justice Department, a former official said.` gives the department no role.
        if after and not any(w in cues.verb_forms or w in _CLAUSE_WORDS for w in after.group(1).split()):
            book.roles.setdefault(_fold_role(after.group(1)), ent.key)
            words = doc.char_span(after.start(1), after.end(1), alignment_mode="expand")
            if words is not None and not any(t.pos_ in ("VERB", "AUX") for t in words):  # `, apportait son soutien`
                book.given_roles.setdefault(ent.key, []).append((ent.start, after.group(0)[1:-1].strip()))
    descriptions = cues.words["org_descriptions"] | cues.words["media_descriptions"]
    for ent in book.mentions if descriptions else ():
        # (the description may be inside the tagger's span, stripped from the name: `le tabloïd Blesk` -> `Blesk`)
        at = max(ent.start, text.find(ent.key, ent.start, ent.end))
        if ent.type != "country" and not ent.quoted and (found := _DESCRIBED.search(text, max(0, at - 60), at)):
            # (the word before the name is an adjective, not a preposition: `un laboratoire en Suisse` is no name)
            folded = [w.lower() for w in found.groups() if w]
            word = next((w for w in folded[::-1] if w in descriptions), None)
            if word is not None and not (len(folded) == 2 and folded[1] in _PLACE_PREPOSITIONS):
                # (`le syndicat SUD-PTT` … `le syndicat SUD`: the short form is the one introduced)
                fuller = book.described_as(word, ent.start)
                key = fuller if fuller and fuller.lower().startswith(ent.key.lower()) else ent.key
                book.described.append((ent.start, word, key))
                if word in cues.words["media_descriptions"] and key == ent.key:
                    book.types[key] = "media"  # `le tabloïd Blesk`, `l'hebdomadaire Respekt`: a medium, whatever tagged
    for ent in book.mentions if doc.lang_ == "fr" else ():
        # `le Premier ministre Andrej Babiš`, no comma: the office right before the name is the person's.
        if ent.type == "person" and not ent.quoted and (
            right := _ROLE_RIGHT_BEFORE_FR.search(text, max(0, ent.start - 80), ent.start)
        ):
            book.roles.setdefault(_fold_role(right.group(1)), ent.key)
            book.given_roles.setdefault(ent.key, []).append((ent.start, right.group(1)))
    for before in (*_ROLE_BEFORE.finditer(text), *_ROLE_BEFORE_FR.finditer(text)):
        name = before.group(2)
        person = book.fullest.get(name.lower()) or book.fallback.get(name.split()[-1].lower())
        if person:
            book.roles.setdefault(_fold_role(before.group(1)), person)
            if before.re is _ROLE_BEFORE_FR:  # (English titles before a name are `_role_beside`'s)
                book.given_roles.setdefault(person, []).append((before.start(2), before.group(0).split(",")[0]))
    for given in book.given_roles.values():
        given.sort()
    return book


# `Jean Dupont, the head of the union,` / `, a senior adviser to the campaign,`
_ROLE_AFTER = re.compile(
    r",\s+(?:the|a|an)\s+([^,.;:()“”\"]{3,80}?)[,.;]"
)
# French appositions often go without a determiner: `Claire Bonnard, présidente du conseil régional,`.
_ROLE_AFTER_BARE = re.compile(r",\s+([a-zà-ÿ][^,.;:()“”\"«»]{2,80}?)[,.;]")
# `Foreign Minister Henrik Aalstad`, `Prime Minister Karin Westerlund`
_ROLE_BEFORE = re.compile(r"\b((?:[A-Z][a-z]+ )?(?:Minister|Secretary|President|Chancellor|Mayor|Governor|Senator|Ambassador|Spokesman|Spokeswoman|Chairman|Leader)) ((?:[A-Z][\w’'-]+ ?){1,3})")


# A description right before the name it introduces, with an adjective or `de` between: `le syndicat SUD-PTT`,
# `la chaîne quatarie Al Jazeera`, `le quotidien français Le Figaro`, `le documentaire d'Al Jazeera`.
_DESCRIBED = re.compile(
    r"\b([a-zà-ÿ]+)(?: ([a-zà-ÿ]+))?(?: d['’]| de la | de l['’]| du | des | de )?(?: ?(?:le |la |les |l['’]))?\s?$",
    re.IGNORECASE,
)


_PLACE_PREPOSITIONS = {"en", "à", "au", "aux", "dans", "sur", "par", "pour", "avec", "chez", "contre", "vers", "entre"}


# Words that make an apposition a clause, not a role: `, a man who …`.
_CLAUSE_WORDS = {"who", "which", "that", "whose", "qui", "que", "dont"}

_ROLE_DETERMINERS = {"the", "a", "an", "le", "la", "les", "un", "une", "du", "des", "de"}


# `la ministre des Finances, Hélène Dufresne`, `son directeur général, Marc-Antoine Vidal`
_ROLE_BEFORE_FR = re.compile(
    r"\b(?:la|le|l['’]|son|sa)\s?((?:ministre|président|présidente|maire|directeur|directrice|secrétaire|"
    r"porte-parole|chef|cheffe|patron|patronne|député|députée|sénateur|sénatrice|préfet|préfète|syndicaliste)"
    r"(?: [\wà-ÿ'’-]+){0,5}?),\s+((?:[A-ZÀ-Ý][\wà-ÿ'’-]+ ?){1,3})"
)


# The same office right before the name, no comma: `le Premier ministre Andrej Babiš`, `la ministre de la Santé
# Agnès Buzyn` (the name is a person the tagger found: the pattern ends where it starts).
_ROLE_RIGHT_BEFORE_FR = re.compile(
    r"\b(?:la|le|l['’]|son|sa|du|au)\s?((?:premier |première )?(?:ministre|président|présidente|maire|directeur|directrice|"
    r"secrétaire|porte-parole|chef|cheffe|patron|patronne|député|députée|sénateur|sénatrice|préfet|préfète)"
    r"(?: [\wà-ÿ'’-]+){0,4}?)\s+$",
    re.IGNORECASE,
)


def _fold_role(text: str) -> str:
    text = re.sub(r"\b[ld]['’]", " ", text.lower())  # French elision: `l'opposition`, `d'Etat`
    # The possessor is not the role: `Robert Wolfarth, the trust's new chairman` is no `the trust`.
    text = re.sub(r"^.*?\w['’]s\s+", "", text)
    # (nor an intensifier after it: `le Premier ministre lui-même`)
    words = [
        w for w in re.sub(r"[^\w\s-]", " ", text).split()
        if w not in _ROLE_DETERMINERS and not w.endswith(("-même", "-mêmes", "-self", "-selves"))
    ]
    return " ".join(words)


def noun_phrase(token: Token) -> Span:
    """The name-like part of the noun phrase headed by `token`: compounds, modifiers, determiners; no clauses.

    `Jean Dupont, the head of the party,` -> `Jean Dupont`; `a senior campaign official` -> the whole.
    """
    doc = token.doc
    if token.ent_iob_ in ("B", "I"):
        # The entity holding the token, found from its IOB tags (building `doc.ents` on every call is slow).
        start, end = token.i, token.i + 1
        while doc[start].ent_iob_ == "I" and start > 0:
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        ent = doc[start:end]
        # Only a name-like entity: the small model sometimes runs one over a verb (`Valcourt told The Ledger`).
        if all(t.pos_ in _NAME_POS for t in ent):
            return ent
    left = token.i
    for child in token.lefts:
        # (a left `case` is a French preposition, `Selon la chambre`: not part of the name)
        if dep_of(child) in ("compound", "amod", "det", "poss", "nmod", "nummod", "quantmod", "flat"):
            left = min(left, child.left_edge.i)
    right = token.i
    for child in token.rights:
        of_phrase = (dep_of(child) == "prep" and child.lower_ in ("of", "from")) or (
            # French `chambre de commerce et d'industrie du Nordval`
            child.dep_ == "nmod" and child.left_edge.lower_ in ("de", "du", "des", "d'", "d’")
        )
        if dep_of(child) in ("compound", "flat", "case") or of_phrase:
            right = max(right, child.right_edge.i)
        elif doc.lang_ == "fr" and token.pos_ == "NOUN" and dep_of(child) == "amod" and child.i == right + 1:
            right = child.i  # French adjectives follow the noun: `le gouvernement malien`, `le négociateur palestinien`
    return doc[left : right + 1]
