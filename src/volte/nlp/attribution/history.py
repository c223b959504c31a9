"""The attribution record, and what the runner has attributed so far in an article (the only earlier results
any rule reads)."""

from __future__ import annotations

from dataclasses import dataclass, field

from volte.model import Entity, Kind, Voice
from volte.nlp.quotes import QuoteSpan


@dataclass
class History:
    """Kept by the runner (run.py) alone; rules receive it as an argument and only read it."""

    speakers: list[tuple[int, str]] = field(default_factory=list)  # (char, name) of every speaker so far, in order
    # The first speaker (and cue) met for each quotation group: the pieces of one quotation across paragraphs
    # share a group number (quotes.py).
    groups: dict[int, tuple[Entity, str | None]] = field(default_factory=dict)


@dataclass(frozen=True)
class Attribution:
    """A statement found, before its id and date: its kind and span, who speaks, by which cue, and the rules that
    decided each (stage -> rule name: `cue`, `subject`, `mention`, `name`, `speaker`, …)."""

    kind: Kind
    start: int
    end: int
    speaker: Entity | None
    cue: str | None
    context: str  # the words around it that may say when it was said
    pieces: tuple[tuple[int, int], ...] = ()  # a quotation interrupted by its attribution: each piece's span
    cue_at: int = -1  # the cue token's index, -1 when none
    quote: QuoteSpan | None = None
    quotes: tuple[tuple[int, int], ...] = ()  # partial quotations nested in this report
    rules: tuple[tuple[str, str], ...] = ()
    voice: Voice = "reported"  # (model.Voice) set by the runner from the kind and the cue's class (cues.voice_of)
    denied_cue: str | None = None  # the cue with its negation as written, when denied: `doesn't plan`, `never said`
