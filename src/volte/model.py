"""The record's vocabulary: frozen dataclasses that flow from ingest through nlp to the store.

Offsets (`start`, `end`) are character offsets into `Article.text`, the article's normalised body text.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal["direct", "partial", "indirect"]
EntityType = Literal["person", "organization", "party", "media", "country", "group"]
SaidBasis = Literal["explicit", "relative", "published", "before"]
StanceLabel = Literal["favor", "against", "neutral"]
# Whose words a statement gives: the speaker's own in quotation marks, a speech act reported with its content, or
# the author's description of a position, an attitude or an act (`backs the plan`, `wants out`).
Voice = Literal["quoted", "reported", "characterized"]
VOICES: tuple[Voice, ...] = ("quoted", "reported", "characterized")
# The speaker's own words: what timelines, reversals and reports are built from unless asked otherwise.
OWN_WORDS: tuple[Voice, ...] = ("quoted", "reported")


def has_voice(statement_voice: str | None, voices: Iterable[str] | None) -> bool:
    """Whether a statement of this voice is among `voices` (None: any). A statement stored before voices were
    recorded (voice None) counts as its own words."""
    return voices is None or (statement_voice or "reported") in voices


def stable_id(prefix: str, *parts: str) -> str:
    """A short, stable identifier from the parts: the same parts always give the same id."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
    return f"{prefix}_{digest}"


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as ingested: body text plus what is known about it."""

    id: str
    source: str
    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD
    url: str | None = None
    language: str = "en"
    # Where `published` came from: "metadata" (front matter, a JSON Lines field, the page's metadata), "header" (a
    # date line at the top of a text), "filename" (a date in the file's name, the last resort), None when undated.
    published_from: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "published": self.published,
            "published_from": self.published_from,
            "language": self.language,
            "url": self.url,
            "author": self.author,
        }


@dataclass(frozen=True, slots=True)
class Entity:
    """A speaker or target: a person, an organisation, a group of people, or a news medium."""

    id: str
    name: str
    type: EntityType = "person"

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "type": self.type}


def entity_id(name: str) -> str:
    """Entities are identified by their canonical name, folded to lower case."""
    return stable_id("e", " ".join(name.lower().split()))


@dataclass(frozen=True, slots=True)
class TargetStance:
    """What a statement says about one entity: its stance, how sure, and the words that carry it."""

    entity: Entity
    stance: StanceLabel
    confidence: float
    evidence: str

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.entity.id,
            "name": self.entity.name,
            "stance": self.stance,
            "confidence": round(self.confidence, 3),
            "evidence": self.evidence,
        }


@dataclass(frozen=True, slots=True)
class Statement:
    """One attributed statement: who said which words, when, found at text[start:end] of the article."""

    id: str
    article_id: str
    speaker: Entity | None
    kind: Kind
    text: str
    start: int
    end: int
    cue: str | None = None
    said: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    said_basis: SaidBasis | None = None
    targets: tuple[TargetStance, ...] = field(default_factory=tuple)
    cluster: str | None = None
    # The speaker's own words quoted inside reported speech, as article spans: in `She said the plan was
    # "a disaster"` the statement is the report and `a disaster` its quotation (one utterance, one statement).
    quotes: tuple[tuple[int, int], ...] = ()
    voice: Voice | None = None  # None only for a statement stored before voices were recorded
    # The role, title or label the article gives the speaker beside their name, as written (`FBI Director`,
    # `Rep., D-Mass.`, `the leader of the party`): kept out of the name (names.py), per statement.
    speaker_role: str | None = None
    # Which attribution rule decided each part of it, (stage, rule) in order: `("cue", "governing_cue")`, … (not
    # stored; `volte ingest --trace FILE` writes them).
    rules: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    def rule_names(self) -> dict[str, str]:
        """The rule that decided each stage (the outermost, when a rule asked others: a pronoun's reporting verb)."""
        out: dict[str, str] = {}
        for stage, name in self.rules:
            out.setdefault(stage, name)
        return out

    def as_json(self, article: Article) -> dict[str, Any]:
        """The statement as the contract's JSON object (see CONTRACT.md)."""
        return {
            "id": self.id,
            "article": article.as_json(),
            "speaker": self.speaker.as_json() if self.speaker else None,
            "speaker_role": self.speaker_role,
            "kind": self.kind,
            "voice": self.voice,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "cue": self.cue,
            "said": self.said,
            "said_basis": self.said_basis,
            "targets": [t.as_json() for t in self.targets],
            "cluster": effective_cluster(self.id, self.cluster),
            "quotes": [{"text": article.text[a:b], "start": a, "end": b} for a, b in self.quotes],
        }


def effective_cluster(statement_id: str, cluster: str | None) -> str:
    """The cluster a statement is in: its own `c_` id while it is alone."""
    return cluster or statement_id.replace("s_", "c_", 1)


def statement_id(article_id: str, start: int, end: int) -> str:
    """Stable for the same article text and span."""
    return stable_id("s", article_id, str(start), str(end))
