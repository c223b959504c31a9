"""Who is who inside one article: the forms of a name, pronouns and descriptions resolved to a named speaker.

All forms of a name in an article are one speaker named by its fullest form (`Jean Dupont`, `Dupont`,
`Mr. Dupont`); `he` / `she` resolve to the person last named as a subject, `the newspaper` to the news medium
last named, and so on. The tables (titles, media words, group nouns) are in resources/cues_<lang>.yaml.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from volte.model import Entity, EntityType, entity_id
from volte.resources import Cues

_PERSONAL = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_PLURAL = {"they", "them", "their"}
_NEUTER = {"it", "its"}
_MALE_TITLES = {"mr", "mr.", "monsieur", "m.", "sir", "lord", "king", "prince", "father", "brother"}
_FEMALE_TITLES = {"mrs", "mrs.", "ms", "ms.", "miss", "madame", "mme", "mme.", "dame", "lady", "queen", "princess", "sister"}
_NAME_LABELS = {"PERSON", "ORG", "NORP", "GPE", "PER", "LOC", "FAC"}
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "another", "one", "some", "his", "her", "its", "their"}


@dataclass
class Mention:
    """A named mention: where it is, the canonical name it stands for, its type and whether it is a subject."""

    start: int
    end: int
    key: str  # canonical name
    type: EntityType
    subject: bool


@dataclass
class NameBook:
    """The named people and organisations of one article, with their fullest forms, in text order."""

    cues: Cues
    mentions: list[Mention] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    fullest: dict[str, str] = field(default_factory=dict)  # any form (folded) -> fullest form
    types: dict[str, EntityType] = field(default_factory=dict)  # fullest form -> type
    gender: dict[str, str] = field(default_factory=dict)  # fullest form -> "m" / "f"

    def entity(self, name: str) -> Entity:
        return Entity(entity_id(name), name, self.types.get(name, "person"))

    def canonical(self, form: str) -> str:
        return self.fullest.get(form.lower(), form)

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
            candidates = [m for m in self.before(char) if m.type == "person"][-12:]
            fits = [m for m in candidates if self.gender.get(m.key, want) == want]
            for name in reversed(prefer[-3:]):
                if any(m.key == name for m in fits[-6:]):
                    return name
            subjects = [m for m in fits if m.subject]
            pick = subjects[-1] if subjects else (fits[-1] if fits else None)
            return pick.key if pick else None
        if word in _NEUTER or word in _PLURAL:
            kinds = ("organization", "media") if word in _NEUTER else ("organization", "group", "media")
            recent = [m for m in self.before(char) if m.type in kinds and m.subject][-1:]
            return recent[0].key if recent else None
        return None

    def resolve_description(self, head: str, char: int) -> str | None:
        """`the newspaper wrote` -> the news medium last named; `the party said` -> the party last named."""
        head = head.lower()
        if head in {"newspaper", "paper", "magazine", "network", "station", "broadcaster", "outlet", "website"}:
            media = [m for m in self.before(char) if m.type == "media"]
            return media[-1].key if media else None
        if head in {"party", "campaign", "company", "ministry", "government", "committee", "agency", "group",
                    "organization", "organisation", "union", "court", "department", "council"}:
            orgs = [m for m in self.before(char) if m.type == "organization" and head in m.key.lower()]
            return orgs[-1].key if orgs else None
        return None


def strip_name(span: Span | list[Token], cues: Cues) -> tuple[str, list[str]]:
    """A name without leading titles and determiners or a possessive ending: `Mr. Jean Dupont's` -> `Jean Dupont`.

    Returns the name and the titles stripped (lower case).
    """
    tokens = [t for t in span if not t.is_space]
    titles: list[str] = []
    while len(tokens) > 1 and tokens[0].lower_.rstrip(".") in cues.titles:
        titles.append(tokens[0].lower_)
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].lower_ in {"'s", "’s", "'", "’"}):
        tokens = tokens[:-1]
    text = "".join(t.text_with_ws for t in tokens).strip()
    text = _POSSESSIVE.sub("", text).strip(" ,")
    return text, titles


def _entity_type(label: str, name: str, cues: Cues) -> EntityType:
    words = {w.strip(".").lower() for w in name.split()}
    if label in ("PERSON", "PER"):
        return "person"
    if words & cues.media:
        return "media"
    if label == "NORP":
        return "group"
    return "organization"


def build_namebook(doc: Doc, cues: Cues) -> NameBook:
    """Collect the article's named mentions and map every short form to its fullest form."""
    book = NameBook(cues)
    raw: list[tuple[Span, str, EntityType, list[str]]] = []
    for ent in doc.ents:
        if ent.label_ not in _NAME_LABELS:
            continue
        name, titles = strip_name(ent, cues)
        if not name or not any(c.isalpha() for c in name):
            continue
        raw.append((ent, name, _entity_type(ent.label_, name, cues), titles))
    # Fullest forms first: `Jean Dupont` must be known before `Dupont` is mapped to it.
    persons = sorted({name for _, name, t, _ in raw if t == "person"}, key=lambda n: -len(n.split()))
    for name in persons:
        parts = name.lower().split()
        if name.lower() in book.fullest:
            continue
        book.fullest[name.lower()] = name
        # `Dupont` and `Jean` alone are forms of `Jean Dupont` unless another full name claims them first.
        for part in (parts[-1],):
            book.fullest.setdefault(part, name)
    for ent, name, etype, titles in raw:
        key = book.fullest.get(name.lower(), name) if etype == "person" else name
        # An organisation's name may be found as a person's (`Breitbart` tagged PERSON once, ORG elsewhere).
        book.types.setdefault(key, etype)
        if titles and etype == "person":
            if set(titles) & _MALE_TITLES:
                book.gender.setdefault(key, "m")
            elif set(titles) & _FEMALE_TITLES:
                book.gender.setdefault(key, "f")
        subject = ent.root.dep_ in ("nsubj", "nsubjpass") or (
            ent.root.dep_ in ("appos", "compound") and ent.root.head.dep_ in ("nsubj", "nsubjpass")
        )
        book.mentions.append(Mention(ent.start_char, ent.end_char, key, etype, subject))
    book.starts = [m.start for m in book.mentions]
    return book


def noun_phrase(token: Token) -> Span:
    """The name-like part of the noun phrase headed by `token`: compounds, modifiers, determiners; no clauses.

    `Jean Dupont, the head of the party,` -> `Jean Dupont`; `a senior campaign official` -> the whole.
    """
    doc = token.doc
    if token.ent_iob_ != "O":
        for ent in doc.ents:
            if ent.start <= token.i < ent.end:
                return ent
    left = token.i
    for child in token.lefts:
        if child.dep_ in ("compound", "amod", "det", "poss", "nmod", "nummod", "quantmod", "case", "flat"):
            left = min(left, child.left_edge.i)
    right = token.i
    for child in token.rights:
        if child.dep_ in ("compound", "flat", "case") or (child.dep_ == "prep" and child.lower_ in ("of", "from")):
            right = max(right, child.right_edge.i)
    return doc[left : right + 1]
