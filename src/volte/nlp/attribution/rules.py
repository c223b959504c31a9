"""The rule registry: every attribution rule, its stage, its example sentences, and the runner that applies them.

A stage is one ordered tuple of small named functions (precision order). The runner tries them in order and the
first that finds something fills the slot; the record keeps which rule filled it (Stanford CoreNLP's quote
attribution sieves, Muzny et al. 2017). A rule returns what it found, or None to pass; a rule may also return
`NOBODY`, which decides the slot empty (`it was said that …` names no speaker) and stops the stage.

    @rule("subject", examples=[Example("Mr. Dupont said the plan would fail.", "Dupont")])
    def parse_subject(verb, cues, quoted): ...

    SUBJECT_RULES = stage("subject", (inverted_subject, …, parse_subject, …))

`VOLTE_DISABLE_RULES=a,b` runs without the rules named (an ablation); the stage goes on as if they passed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import Any, Final, TypeVar


@dataclass(frozen=True)
class Example:
    """A sentence a rule serves, and what it gives: the statement whose text contains `words` has this speaker
    (None: no statement holds them), for a cue rule this cue, for a date rule (stage `said`) this date."""

    text: str
    speaker: str | None
    words: str = ""  # a piece of the statement's text, to tell which statement is meant ("" = the first one)
    cue: str | None = None
    language: str = "en"
    said: str | None = None  # for a date rule: the statement's `said` (articles of Friday 2022-04-08)
    title: str | None = None  # the article's title, when the example needs one (a headline)
    # For a target rule: the statement's targets as `Name: stance`, joined by `; ` in text order ("" = none);
    # with `speaker` None the speaker is not checked.
    targets: str | None = None


@dataclass(frozen=True)
class Rule:
    name: str
    stage: str
    doc: str
    examples: tuple[Example, ...]
    fn: Callable[..., Any]


class _Nobody:
    """A rule's decision that the slot stays empty."""

    def __repr__(self) -> str:
        return "NOBODY"


NOBODY: Final = _Nobody()

F = TypeVar("F", bound=Callable[..., Any])
_RULES: dict[str, Rule] = {}  # name -> rule, filled by @rule
STAGES: dict[str, tuple[Rule, ...]] = {}  # stage -> its rules in order, filled by stage()


def rule(stage_name: str, *, examples: Iterable[Example]) -> Callable[[F], F]:
    """Register a function as a rule of `stage_name`, with the sentences it serves."""

    def register(fn: F) -> F:
        name = fn.__name__.lstrip("_")
        if name in _RULES:
            raise ValueError(f"two rules named {name}")
        _RULES[name] = Rule(name, stage_name, (fn.__doc__ or "").strip(), tuple(examples), fn)
        fn.rule_name = name  # type: ignore[attr-defined]
        return fn

    return register


def stage(stage_name: str, fns: tuple[Callable[..., Any], ...]) -> tuple[Rule, ...]:
    """The ordered rules of a stage, as one visible list."""
    rules = tuple(_RULES[getattr(fn, "rule_name", "")] for fn in fns)
    for r in rules:
        if r.stage != stage_name:
            raise ValueError(f"rule {r.name} is a {r.stage} rule, listed in {stage_name}")
    if stage_name in STAGES:
        raise ValueError(f"stage {stage_name} listed twice")
    STAGES[stage_name] = rules
    return rules


def all_rules() -> dict[str, Rule]:
    """Every registered rule by name (whether or not a stage lists it: see the completeness test)."""
    return dict(_RULES)


@cache
def disabled() -> frozenset[str]:
    """The rules switched off by `$VOLTE_DISABLE_RULES` (comma-separated names)."""
    names = frozenset(n.strip() for n in os.environ.get("VOLTE_DISABLE_RULES", "").split(",") if n.strip())
    unknown = names - _RULES.keys()
    if unknown:
        raise ValueError(f"VOLTE_DISABLE_RULES names no rule: {', '.join(sorted(unknown))}")
    return names


_watching: list[list[str]] = []  # while watch() runs: the names of the rules that decided, in order


@contextmanager
def watch() -> Iterator[list[str]]:
    """Collect the name of every rule that decides something while the block runs (for tests and debugging)."""
    won: list[str] = []
    _watching.append(won)
    try:
        yield won
    finally:
        _watching.remove(won)


def note(name: str) -> None:
    """Record that a rule run outside `first` and `veto` (a finder) decided something."""
    if _watching:
        _won(name)


def _won(name: str) -> None:
    for won in _watching:
        won.append(name)


def first(rules: tuple[Rule, ...], *args: Any) -> tuple[Any, str | None]:
    """The first rule's finding and its name; (None, None) when every rule passes, (None, name) on NOBODY."""
    off = disabled()
    for r in rules:
        if r.name in off:
            continue
        found = r.fn(*args)
        if found is NOBODY:
            if _watching:
                _won(r.name)
            return None, r.name
        if found is not None and found is not False:
            if _watching:
                _won(r.name)
            return found, r.name
    return None, None


def veto(rules: tuple[Rule, ...], *args: Any) -> str | None:
    """The name of the first filter rule that holds for `args`, or None."""
    off = disabled()
    for r in rules:
        if r.name not in off and r.fn(*args):
            if _watching:
                _won(r.name)
            return r.name
    return None


def rules_of(*fns: Callable[..., Any]) -> tuple[Rule, ...]:
    """The registered rules of these functions, for a rule that asks what other rules would find."""
    return tuple(_RULES[getattr(fn, "rule_name", "")] for fn in fns)
