"""Rule tables as data: one YAML file per language and purpose, loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from spacy.tokens import Token

    from volte.model import Voice


def load_yaml(name: str) -> Any:
    """A bundled resource file, parsed."""
    return yaml.safe_load(resources.files(__name__).joinpath(name).read_text(encoding="utf-8"))


def inflect(lemma: str) -> set[str]:
    """Regular English forms of a verb: warn -> warns, warned, warning; deny -> denies, denied."""
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return {lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    if lemma.endswith("e"):
        return {lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return {lemma, lemma + "es", lemma + "ed", lemma + "ing"}
    return {lemma, lemma + "s", lemma + "ed", lemma + "ing"}


@dataclass(frozen=True)
class Cues:
    """A language's attribution vocabulary (see resources/cues_en.yaml)."""

    verb_forms: dict[str, str]  # inflected form -> lemma
    weak: frozenset[str]
    naming: frozenset[str]  # weak verbs of naming: `called the budget "a disaster"` is its subject's words
    framing: frozenset[str]  # verbs that introduce quoted words and never report content of their own
    attitudes: frozenset[str]  # verbs whose bare object is a position taken: `X endorsed Trump`
    held: frozenset[str]  # verbs of a position held, a report of their own only outside reported words
    phrases: tuple[tuple[str, ...], ...]
    nouns: frozenset[str]
    report_nouns: frozenset[str]  # nouns whose `that` clause is reported content: `X's claim that …`
    titles: frozenset[str]
    media: frozenset[str]
    groups: frozenset[str]
    title_words: frozenset[str]
    characterized: frozenset[str]  # cues (lemmas, nouns) by which the author describes a position, not a speech act
    words: dict[str, frozenset[str]]  # small word classes by name (`pronouns`, `modals`, …): resources/cues_en.yaml

    def voice_of(self, token: Token | None, quoted_words: bool = False) -> Voice:
        """The voice of a report by the cue `token` (None: a phrase such as `according to`, which reports): a cue of
        the `characterized` class, or a verb that is no cue at all (`pounding Trump as a "con artist"`), is the
        author's description, unless the report holds the speaker's quoted words; any other cue reports."""
        if token is None:
            return "reported"
        lemma = self.lemma(token) if token.pos_ in ("VERB", "AUX") else token.lower_
        described = lemma is None or lemma in self.characterized or token.lower_ in self.characterized
        return "characterized" if described and not quoted_words else "reported"

    def lemma(self, token: Token) -> str | None:
        """The cue verb `token` is a form of, or None: its own form first, then the parser's lemma (French cues
        are matched by lemma: `affirmé` -> affirmer)."""
        return self.verb_forms.get(token.lower_) or self.verb_forms.get(token.lemma_.lower())


@cache
def cues(language: str = "en") -> Cues:
    """The cue tables for `language` (English when the language has none)."""
    try:
        data = load_yaml(f"cues_{language}.yaml")
    except FileNotFoundError:
        data, language = load_yaml("cues_en.yaml"), "en"  # the English tables, read as English
    forms: dict[str, str] = {}
    irregular: dict[str, list[str]] = data.get("irregular") or {}
    for lemma in data["verbs"]:
        # English forms are generated; other languages list theirs and are matched by lemma too (find_cues).
        generated = inflect(lemma) if language == "en" else set()
        for form in generated | {lemma} | set(irregular.get(lemma, [])):
            forms[form] = lemma
    return Cues(
        verb_forms=forms,
        weak=frozenset(data.get("weak") or ()),
        naming=frozenset(data.get("naming") or ()),
        framing=frozenset(data.get("framing") or ()),
        attitudes=frozenset(data.get("attitudes") or ()),
        held=frozenset(data.get("held") or ()),
        phrases=tuple(tuple(p.split()) for p in data.get("phrases") or ()),
        nouns=frozenset(data.get("nouns") or ()),
        report_nouns=frozenset(data.get("report_nouns") or ()),
        titles=frozenset(data.get("titles") or ()),
        media=frozenset(data.get("media") or ()),
        groups=frozenset(data.get("groups") or ()),
        title_words=frozenset(data.get("title_words") or ()),
        characterized=frozenset((data.get("voices") or {}).get("characterized") or ()),
        words=_word_classes(data, language),
    )


def _word_classes(data: dict[str, Any], language: str) -> dict[str, frozenset[str]]:
    """A language's word classes (`words` in its cue table), each falling back to the English one it does not list;
    English verbs of object control with their forms (`urge` -> urges, urged, urging; `tell` -> told)."""
    classes = {**(load_yaml("cues_en.yaml")["words"] if language != "en" else {}), **data["words"]}
    irregular: dict[str, list[str]] = data.get("irregular") or {}
    out = {name: frozenset(values or ()) for name, values in classes.items()}
    if language == "en":
        out["object_control"] = frozenset(
            form for lemma in out["object_control"] for form in inflect(lemma) | set(irregular.get(lemma, []))
        )
    return out
