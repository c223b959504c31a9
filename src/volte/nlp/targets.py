"""What a statement is about: the entities its words name or point to, each with the stance taken toward it.

    find_targets(doc, book, registry, start, end, kind, speaker) -> list[TargetMention]
    attach_targets(doc, book, registry, statement) -> Statement   (targets with stance, evidence)

Targets are the registry entities named in the statement (`NATO`, `the Atlantic alliance`, `Moscow`), the
article's own names (NameBook), and third-person pronouns inside quoted words resolved to the entity named
before (`"He takes us on the back foot"` -> the leader named before the quotation), and the words for joining an
organisation (`she would back the application` -> the organisation the article speaks of joining). A partial
quotation with no name of its own is about the names of its sentence outside other statements: `Reinholt called
NATO "a relic"` -> NATO. The speaker talking about themself is not a target (`I`, `we`, or their own name).

A statement that says its speaker's position has not changed (`On NATO, I have not changed my mind`; the phrases
are in resources/stance/rules_<language>.yaml, `continuity`) takes, toward a target named in the same sentence,
the side the speaker took toward it in their most recent earlier statement of the article that took one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

from spacy.tokens import Doc, Token

from volte.model import Entity, Kind, StanceLabel, Statement, TargetStance
from volte.nlp.attribution.rules import veto
from volte.nlp.entities import NameBook
from volte.nlp.pipeline import doc_text as _text
from volte.nlp.stance import StanceResult, cue_side, find_continuity, rule_match, rule_stance, scored_stance
from volte.nlp.target_filters import TARGET_FILTERS, Spot
from volte.registry import Registry, load_registry

# Pronouns inside quoted words that may point at a third party (first and second person are the speaker and
# the audience): `"He takes us on the back foot"`, `"It has spent twenty-five years looking for a reason"`.
# French `il` / `elle` as persons (`"Lors de la première période, il augmente les impôts"` -> the candidate named
# before); not an impersonal `il` (`il faut`, `il y a`: _impersonal_il).
_THIRD_PERSON = {"he", "him", "his", "she", "her", "it", "its", "they", "them", "their", "il", "elle"}
_PERSONAL = {"he", "him", "his", "she", "her", "il", "elle"}
_PLURAL = {"they", "them", "their"}
# Mentions of one target read by the stance model, at most: the first ones in the statement.
_MAX_MENTIONS = 3
# Names that are never a statement's target: the media reporting it.
_SKIP_TYPES = {"media"}
# Nouns that stand for joining an organisation: `she would back the application`, `membership would make us a
# target` are about the organisation the article speaks of joining (`apply to join NATO`, `NATO membership`).
_MEMBERSHIP = re.compile(r"\b(?:membership|application|accession)\b", re.IGNORECASE)
# What makes a registry organisation the one joined: the words before it (`join NATO`, `accession to the
# EU`), or after it (`NATO membership`, `NATO's application`).
_JOINING_BEFORE = re.compile(
    r"\b(?:join|joins|joined|joining|membership (?:of|in)|accession to|application (?:to|for membership of))\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_JOINING_AFTER = re.compile(r"^(?:['’]s)?\s+(?:membership|accession|application)\b", re.IGNORECASE)
# The words after which a membership noun stands for joining: determiners, possessives, conjunctions, verbs of
# taking sides (`the application`, `our membership`, `oppose membership`). After other words it is some other
# membership (`party membership`, `a visa application`).
_FREE_BEFORE = {"the", "this", "that", "its", "our", "their", "his", "her", "full", "formal", "any", "and", "but",
                "of", "on", "for", "against", "back", "support", "oppose", "reject", "approve"}


class Carry(NamedTuple):
    """What a statement that says its speaker's position has not changed carries over: where it says so
    (article offsets), and the side the speaker last took toward each entity earlier in the article."""

    spans: tuple[tuple[int, int], ...]
    stances: dict[str, TargetStance]


class TargetMention(NamedTuple):
    """A target of a statement: the entity, where it is named (article offsets) and how."""

    entity: Entity
    start: int
    end: int
    form: str  # "name" | "alias" | "metonym" | "description" | "pronoun" | "sentence"


def named_in(doc: Doc, book: NameBook, registry: Registry) -> set[str]:
    """Ids of the registry entities an article names outright (for descriptions: `the alliance` -> NATO)."""
    ids = {m.entity.id for m in registry.find(_text(doc)) if m.form != "description"}
    ids |= {registry.resolve(book.entity(m.key)).id for m in book.mentions}
    return ids


def find_targets(
    doc: Doc,
    book: NameBook,
    registry: Registry,
    start: int,
    end: int,
    kind: Kind,
    speaker: Entity | None,
    named: set[str] | None = None,
    elsewhere: Sequence[tuple[int, int]] = (),
) -> list[TargetMention]:
    """The mentions of the entities the statement at doc.text[start:end] is about, in text order.

    `elsewhere`: the spans of the article's other statements; a partial quotation is not about the names its
    sentence gives inside another statement (`X, who said his party would vote against the application, called
    her "a turncoat"`: the application is the other statement's target).
    """
    named = named_in(doc, book, registry) if named is None else named
    found: list[TargetMention] = []
    for m in registry.find(_text(doc)[start:end], named):
        found.append(TargetMention(m.entity, start + m.start, start + m.end, m.form))
    found.extend(_memberships(doc, registry, start, end, named, found))
    lo = bisect.bisect_left(book.starts, start)
    for mention in book.mentions[lo:]:
        if mention.start >= end:
            break
        if mention.end > end or mention.type in _SKIP_TYPES or not _written_as_name(doc, mention.start, mention.end):
            continue
        if any(t.start < mention.end and mention.start < t.end for t in found):
            continue  # `NATO` found as a registry name already
        found.append(TargetMention(registry.resolve(book.entity(mention.key)), mention.start, mention.end, "name"))
    if kind != "indirect":
        found.extend(_pronouns(doc, book, registry, start, end, list(found)))
    else:
        # In reported speech a subject pronoun is mostly the speaker (`Berg said she would …`); a possessive or
        # an object is someone the report speaks of: `Kamin emphasized that her proposals would simplify returns`.
        found.extend(
            t for t in _pronouns(doc, book, registry, start, end, list(found)) if _object_pronoun(doc, book, t, speaker)
        )
    # The target filters (target_filters.py) drop the mentions that are not what the words are about; the
    # speaker of the words named inside them is no target under any other form either (`it`, `she`).
    vetoed = [veto(TARGET_FILTERS, Spot(doc, t.start, t.end, t.form, start, end, kind)) for t in found]
    speakers = {t.entity.id for t, name in zip(found, vetoed, strict=True) if name == "speaker_inside"}
    named_any = bool(found)
    found = [t for t, name in zip(found, vetoed, strict=True) if name is None and t.entity.id not in speakers]
    if kind == "partial" and not named_any:
        # (only for quoted words that name no one: words that set things in a place are about no sentence name)
        sentence = _sentence_names(doc, book, registry, start, end, named, elsewhere)
        found.extend(t for t in sentence if veto(TARGET_FILTERS, Spot(doc, t.start, t.end, t.form, start, end, kind)) is None)
    seen: set[str] = set()
    if speaker is not None:
        seen.add(registry.resolve(speaker).id)
        seen.add(speaker.id)
    return sorted((t for t in found if t.entity.id not in seen), key=lambda t: t.start)


_OBJECT_PRONOUNS = {"him", "his", "her", "its", "them", "their"}


def _object_pronoun(doc: Doc, book: NameBook, target: TargetMention, speaker: Entity | None) -> bool:
    """A possessive or object pronoun (`her proposals`, `voted for him`) that cannot be the speaker's own: a
    `his` or a `her` only when the speaker is known to be of the other gender, or not a person (`In defending
    himself and his business record, Trump …`: `his` is Trump's); an `its`, `their` or `them` only when the speaker
    is a person; `her` as a clause's subject is no object."""
    word = _text(doc)[target.start : target.end].lower()
    if word not in _OBJECT_PRONOUNS:
        return False
    if word in ("him", "his", "her") and speaker is not None and speaker.type == "person":
        gender = book.gender.get(speaker.name)
        if gender is None or gender == ("f" if word == "her" else "m"):
            return False
    if word in ("its", "their", "them") and speaker is not None and speaker.type != "person":
        return False  # (`The Nazis hoped that … their eventual takeover`: the group's own, as `his` is Trump's)
    tok = doc.char_span(target.start, target.end, alignment_mode="expand")
    return tok is not None and len(tok) > 0 and tok.root.dep_ not in ("nsubj", "nsubjpass")


def _written_as_name(doc: Doc, start: int, end: int) -> bool:
    """A name has a capital letter and no bracket: `the government's "quiet march"` tagged as a person is no
    name, nor the `W]e` of a quotation's `[W]e are reminded`."""
    written = _text(doc)[start:end]
    return any(c.isupper() for c in written) and not any(c in written for c in "[]")


def _joined(doc: Doc, registry: Registry, named: set[str]) -> list[tuple[int, Entity]]:
    """Where the article speaks of joining a registry organisation, in text order (found once per doc)."""
    key = "volte.joined"
    found = doc.user_data.get(key)
    if found is None:
        text = _text(doc)
        found = [
            (m.start, m.entity)
            for m in registry.find(text, named)
            if m.entity.type == "organization"
            and (_JOINING_BEFORE.search(text[max(0, m.start - 40) : m.start])
                 or _JOINING_AFTER.match(text[m.end : m.end + 20]))
        ]
        doc.user_data[key] = found
    return list(found)


def _memberships(
    doc: Doc, registry: Registry, start: int, end: int, named: set[str], found: list[TargetMention]
) -> list[TargetMention]:
    """`the application`, `membership` in doc.text[start:end]: the organisation whose joining the article spoke
    of last before the word (else first after it). `NATO membership` is found as NATO already."""
    text = _text(doc)
    out: list[TargetMention] = []
    joined = None
    for m in _MEMBERSHIP.finditer(text, start, end):
        if any(t.start <= m.start() < t.end + 2 for t in found):
            continue  # `NATO membership`, `the application to join NATO`: the name is there
        before = re.findall(r"[\w’']+", text[max(0, m.start() - 30) : m.start()])
        if before and before[-1].lower() not in _FREE_BEFORE and not _sentence_starts(text, m.start()):
            continue  # `party membership`, `a visa application`
        if re.match(r"\s+(?:of|for|to|in)\b", text[m.end() : m.end() + 5]):
            continue  # `the application of the law`, `the application to join NATO`: named after it
        joined = _joined(doc, registry, named) if joined is None else joined
        if not joined:
            break
        earlier = [entity for at, entity in joined if at < m.start()]
        entity = earlier[-1] if earlier else joined[0][1]
        out.append(TargetMention(entity, m.start(), m.end(), "description"))
    return out


def _sentence_starts(text: str, at: int) -> bool:
    """Nothing but spaces and quotation marks between the last sentence end (or clause break) and `at`."""
    return re.search(r"(?:^|[.!?;:,(“”\"«»]\s*)$", text[max(0, at - 3) : at]) is not None


def _pronouns(
    doc: Doc, book: NameBook, registry: Registry, start: int, end: int, named: list[TargetMention]
) -> list[TargetMention]:
    out: list[TargetMention] = []
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return out
    for tok in span:
        if tok.lower_ not in _THIRD_PERSON or (doc.lang_ == "fr") != (tok.lower_ in ("il", "elle")):
            continue
        if tok.lower_ == "il" and _impersonal_il(tok):
            continue
        # A name earlier in the same quotation comes first: `"Russia is not a threat. It is a partner."`.
        kinds = ("person",) if tok.lower_ in _PERSONAL else ("organization", "party", "country", "group")
        inside = [t for t in named + out if t.end <= tok.idx and t.entity.type in kinds]
        if inside and (tok.lower_ not in _PLURAL or inside[-1].entity.type != "person"):
            entity = inside[-1].entity
        else:
            if tok.lower_ not in _PERSONAL and (_dummy_it(tok) or not _named_close(book, tok.lower_, start)):
                continue
            name = book.resolve_pronoun(tok.lower_, start, [])
            if name is None:
                continue
            entity = registry.resolve(book.entity(name))
        if entity.type in _SKIP_TYPES:
            continue
        out.append(TargetMention(entity, tok.idx, tok.idx + len(tok), "pronoun"))
    return out


# How far before a quotation an organisation or a group may be named for its `it` or `they` to stand for it
# (measured: 400 loses the sample story's Russia behind `"It has spent twenty-five years …"`, 600 keeps it).
_NEUTER_REACH = 600


def _dummy_it(tok: Token) -> bool:
    """`"It didn't make sense to bring so many students back"`: an `it` that stands for the clause after it (a
    `to` infinitive or a `that` clause of its verb) stands for nobody."""
    if tok.lower_ != "it":
        return False
    if tok.dep_ == "expl":
        return True
    head = tok.head
    return tok.dep_ == "nsubj" and any(
        c.i > tok.i and c.dep_ in ("advcl", "xcomp", "ccomp")
        and any(g.lower_ in ("to", "that") and g.dep_ in ("aux", "mark") for g in c.children)
        for c in head.children
    )


# Verbs of an impersonal `il`: `il faut`, `il s'agit`, `il semble`, `il y a`, `il est … de`.
_IMPERSONAL = {"faut", "fallait", "faudra", "faudrait", "agit", "agissait", "semble", "semblait", "paraît", "reste",
               "manque", "suffit", "importe", "convient", "vaut", "pleut", "existe"}


def _impersonal_il(tok: Token) -> bool:
    """`il faut`, `il s'agit de`, `il y a`, `il est temps de`: an `il` that stands for nobody."""
    if tok.dep_.startswith("expl"):
        return True
    after = [t.lower_ for t in tok.doc[tok.i + 1 : tok.i + 4]]
    if after[:1] == ["y"] or (after and after[0] in _IMPERSONAL) or after[:2] in (["s'", "agit"], ["s’", "agit"]):
        return True
    return bool(after) and after[0] in ("est", "était", "sera") and any(
        t.lower_ in ("de", "d'", "d’", "que", "qu'", "qu’") for t in tok.doc[tok.i + 2 : tok.i + 6]
    )


def _named_close(book: NameBook, pronoun: str, start: int) -> bool:
    """Whether an organisation, a party, a country or a group was named as a subject within `_NEUTER_REACH`
    characters before the quotation: `it` in a shopkeeper's words is not the IMF named three paragraphs up."""
    kinds = ("organization", "party", "country", "group", "media")
    return any(m.type in kinds and m.subject and start - m.start <= _NEUTER_REACH for m in book.before(start)[-12:])


def _sentence_names(
    doc: Doc,
    book: NameBook,
    registry: Registry,
    start: int,
    end: int,
    named: set[str],
    elsewhere: Sequence[tuple[int, int]] = (),
) -> list[TargetMention]:
    """`Reinholt called NATO "a relic of the Cold War"`: the names of the quotation's sentence, outside it."""
    lo, hi = _sentence(doc, start, end)

    def outside(a: int, b: int) -> bool:
        return (b <= start or a >= end) and not any(lo_ <= a and b <= hi_ for lo_, hi_ in elsewhere)

    out = []
    registered = [TargetMention(m.entity, lo + m.start, lo + m.end, m.form) for m in registry.find(_text(doc)[lo:hi], named)]
    registered.extend(_memberships(doc, registry, lo, hi, named, registered))
    # `He described the alliance as "obsolete" and said that the partnership with it had been "a surrender"`:
    # `it` is the alliance (named in the other statement, or in a sentence before), a registry entity.
    registered.extend(
        t for t in _pronouns(doc, book, registry, lo, hi, list(registered))
        if registry.entry(t.entity.id) is not None and t.entity.type != "person"
    )
    for t in sorted(registered, key=lambda t: t.start):
        if outside(t.start, t.end):
            out.append(t._replace(form="sentence"))
    if out:
        return out  # a registry entity is what such a sentence is about: `called NATO "a relic"`
    for mention in book.mentions:
        if mention.start < lo or mention.end > hi or mention.type in _SKIP_TYPES:
            continue
        if not _written_as_name(doc, mention.start, mention.end) or not outside(mention.start, mention.end):
            continue
        if start <= mention.start < end or any(t.start < mention.end and mention.start < t.end for t in out):
            continue
        out.append(TargetMention(registry.resolve(book.entity(mention.key)), mention.start, mention.end, "sentence"))
    return out


def _sentence(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character bounds of the sentences touching doc.text[start:end] (sentence bounds found once per doc)."""
    bounds = doc.user_data.get("volte.sentences")
    if bounds is None:
        sents = list(doc.sents)
        bounds = ([s.start_char for s in sents], [s.end_char for s in sents])
        doc.user_data["volte.sentences"] = bounds
    starts, ends = bounds
    if not starts:
        return 0, len(_text(doc))
    first = max(0, bisect.bisect_right(starts, start) - 1)
    last = max(first, bisect.bisect_right(starts, max(start, end - 1)) - 1)
    return starts[first], ends[last]


def stance_context(doc: Doc, statement_start: int, statement_end: int, target: TargetMention) -> tuple[str, int, int]:
    """The sentence the stance model reads for a target, and the mention's offsets in it.

    A target named in the statement is judged on the statement's sentence that names it (the quoted words,
    not the attribution around them); a target from the quotation's sentence on the whole sentence.
    """
    if target.form == "sentence":
        # `Reinholt called NATO "a relic"`: the quotation is what the speaker says the target is.
        words = _text(doc)[statement_start:statement_end].strip(" .,;:")
        sentence = f"{target.entity.name} {'est' if doc.lang_ == 'fr' else 'is'} {words}."
        return sentence, 0, len(target.entity.name)
    lo, hi = _sentence(doc, target.start, target.start + 1)
    if target.form != "sentence":
        lo, hi = max(lo, statement_start), min(max(hi, target.end), statement_end)
        lo, hi = min(lo, target.start), max(hi, target.end)
    return _text(doc)[lo:hi], target.start - lo, target.end - lo


def attach_targets(
    doc: Doc,
    book: NameBook,
    registry: Registry,
    statement: Statement,
    named: set[str] | None = None,
    elsewhere: Sequence[tuple[int, int]] = (),
    carry: Carry | None = None,
) -> Statement:
    """The statement with its targets, each with a stance, a confidence and the evidence words.

    `carry`: the statement says its speaker's position has not changed (`_carry`); a target named in the
    sentence that says so takes the speaker's earlier side toward it, unless a rule on the sentence fires.
    """
    mentions: dict[str, list[TargetMention]] = {}
    for target in find_targets(
        doc, book, registry, statement.start, statement.end, statement.kind, statement.speaker, named, elsewhere
    ):
        mentions.setdefault(target.entity.id, []).append(target)
    targets: dict[str, TargetStance] = {}
    for group in mentions.values():
        results = [_judge(doc, statement.start, statement.end, t, _carried(doc, carry, t)) for t in group[:_MAX_MENTIONS]]
        if (side := _cue_side(doc, statement, group[0])) is not None:
            results = [side]
        targets[group[0].entity.id] = TargetStance(group[0].entity, *_overall(results))
    # The speaker's own words quoted inside the report are read as the partial quotation they are (`called NATO
    # "a relic"`); a side they take beats the report's neutral reading of the same target.
    for a, b in statement.quotes:
        quoted = replace(statement, kind="partial", start=a, end=b, quotes=(), targets=())
        for t in attach_targets(doc, book, registry, quoted, named, elsewhere, carry).targets:
            known = targets.get(t.entity.id)
            if known is None and registry.entry(t.entity.id) is None and not _named_between(
                doc, book, registry, statement.start, statement.end, t.entity, statement.speaker, named
            ):
                # The report's partial quotation is about what the report names, or a registry entity of its
                # sentence (`the partnership with it had been "a slow loss"`), not the article's other names there:
                # `Moore, a senior adviser to the Clinton campaign, called Mr. Obama's remarks "a wake-up call"`.
                continue
            if known is None or (t.stance != "neutral", t.confidence) > (known.stance != "neutral", known.confidence):
                targets[t.entity.id] = t
    return replace(statement, targets=tuple(targets.values())) if targets else statement


def _cue_side(doc: Doc, statement: Statement, target: TargetMention) -> StanceResult | None:
    """`Trump attacked Clinton for her support of military action`, `praised Merkel`: a reported statement whose
    cue blames or praises (`cue_sides` in rules_<lang>.yaml) takes that side toward the object that opens it (not
    when the cue is negated: `did not attack Clinton`)."""
    if statement.cue is None or statement.kind != "indirect" or target.form == "sentence":
        return None
    side = cue_side(statement.cue, doc.lang_ or "en")
    if side is None:
        return None
    text = _text(doc)
    if text[statement.start : target.start].strip().lower() not in _OPENING_OBJECT:
        return None
    before = text[max(0, statement.start - _CUE_REACH) : statement.start]
    at = before.lower().rfind(statement.cue.lower())
    if at < 0 or _NEGATED.search(before[max(0, at - 16) : at]):
        return None
    return StanceResult(side, _CUE_CONFIDENCE, before[at:] + text[statement.start : target.end])


# What may stand between a cue and the object that opens its statement; how far before the statement the cue is
# looked for; the confidence of a cue's side (the rules' fixed confidence).
_OPENING_OBJECT = {"", "the"}
_CUE_REACH = 40
_CUE_CONFIDENCE = 0.8
_NEGATED = re.compile(r"\b(?:not|never|no longer)\b|n['’]t\b", re.IGNORECASE)


def _named_between(
    doc: Doc, book: NameBook, registry: Registry, a: int, b: int, entity: Entity, speaker: Entity | None,
    named: set[str] | None,
) -> bool:
    """Whether doc.text[a:b] names `entity` itself (a name, an alias or any third-person pronoun: `Holm said
    that the partnership with it had been "a slow loss"` names the union)."""
    return any(t.entity.id == entity.id for t in find_targets(doc, book, registry, a, b, "direct", speaker, named))


# Characters between a partial quotation and the rule words that take its side: a quotation mark and a space.
_TOUCH = 3


def _judge(
    doc: Doc, statement_start: int, statement_end: int, target: TargetMention, carried: StanceResult | None = None
) -> StanceResult:
    """The stance toward one mention (stance_context says which words are read): a rule's, else the side
    `carried` from the speaker's earlier words (`On NATO, I have not changed my mind`), else the model's.

    A target from a partial quotation's sentence is read as `T is <quoted words>`: by the rules, then by the
    rules on the sentence itself when the words they match reach the quotation (`she said Lindmark did not need
    NATO "to tell us who our friends are"`: the side is taken just outside the quoted words; not a rule's words
    in another clause), then by the model.
    """
    context = stance_context(doc, statement_start, statement_end, target)
    language = doc.lang_ or "en"
    found = rule_stance(*context, language)
    if found is not None:
        return found
    if target.form == "sentence" or language == "fr":
        lo, hi = _sentence(doc, statement_start, statement_end)
        match = rule_match(_text(doc)[lo:hi], target.start - lo, target.end - lo, language)
        if match is not None:
            a, b = lo + match[1], lo + match[2]
            if target.form == "sentence" and a <= statement_end + _TOUCH and b >= statement_start - _TOUCH:
                return match[0]
            # French reported speech whose verb takes the side (`accusent T d'être responsables`, `a critiqué la
            # suggestion de T`): the rule's words run from the verb before the statement into it.
            if target.form != "sentence" and a < statement_start < b:
                return match[0]
    return carried or scored_stance(*context, language)


def _overall(results: list[StanceResult]) -> tuple[StanceLabel, float, str]:
    """One stance from a target's mentions: a side taken beats neutral, the surest side wins.

    `"Russia is not a threat. It is a partner."` -> favor, from either sentence.
    """
    sides = [r for r in results if r.stance != "neutral"]
    best = max(sides or results, key=lambda r: r.confidence)
    return best.stance, best.confidence, best.evidence


def with_targets(doc: Doc, book: NameBook, statements: list[Statement]) -> list[Statement]:
    """Speakers mapped to registry entities (`the Kremlin` -> Russia), and every statement's targets."""
    registry = load_registry()
    named = named_in(doc, book, registry)
    out: list[Statement] = []
    for statement in statements:
        if statement.speaker is not None:
            statement = replace(statement, speaker=registry.resolve(statement.speaker))
        # The other statements it does not overlap: their names are theirs (find_targets).
        elsewhere = [(s.start, s.end) for s in statements if s.end <= statement.start or s.start >= statement.end]
        carry = _carry(doc, book, registry, statement, out)
        out.append(attach_targets(doc, book, registry, statement, named, elsewhere, carry))
    return out


def _carry(doc: Doc, book: NameBook, registry: Registry, statement: Statement, before: Sequence[Statement]) -> Carry | None:
    """The continuity words of the statement that are its speaker's, with the side the speaker took toward each
    entity in the statements `before` it (text order, so the most recent side wins); None when either is missing.

    `"On NATO, I have not changed my mind"` after the same speaker called NATO "obsolete" -> against NATO.
    """
    speaker = statement.speaker
    if speaker is None:
        return None
    words = _text(doc)[statement.start : statement.end]
    spans = tuple(
        (statement.start + c.start, statement.start + c.end)
        for c in find_continuity(words, doc.lang_ or "en")
        if c.first_person or _is_speaker(book, registry, statement, c.pronoun, statement.start + c.pronoun_at)
    )
    if not spans:
        return None
    stances: dict[str, TargetStance] = {}
    for s in before:
        if s.speaker is not None and s.speaker.id == speaker.id and s.end <= statement.start:
            stances.update((t.entity.id, t) for t in s.targets if t.stance != "neutral")
    return Carry(spans, stances) if stances else None


def _is_speaker(book: NameBook, registry: Registry, statement: Statement, pronoun: str, at: int) -> bool:
    """A third-person pronoun stands for the speaker only in reported speech, when it points back at them:
    `Holm said he had not changed his mind` (not `"She has not changed her mind," Holm said`)."""
    if statement.kind != "indirect" or statement.speaker is None:
        return False
    name = book.resolve_pronoun(pronoun, at, [statement.speaker.name])
    return name is not None and registry.resolve(book.entity(name)).id == statement.speaker.id


def _carried(doc: Doc, carry: Carry | None, target: TargetMention) -> StanceResult | None:
    """The speaker's earlier side toward the target, when continuity words share the target's sentence (`On
    NATO, I have not changed my mind`); the continuity words are the evidence."""
    if carry is None or (earlier := carry.stances.get(target.entity.id)) is None:
        return None
    lo, hi = _sentence(doc, target.start, target.end)
    for a, b in carry.spans:
        if lo <= a and b <= hi:
            return StanceResult(earlier.stance, earlier.confidence, _text(doc)[a:b])
    return None
