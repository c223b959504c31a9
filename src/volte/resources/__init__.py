"""Rule tables as data: one YAML file per language and purpose, loaded once."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from spacy.tokens import Token

    from volte.model import Voice


class _WordsLoader(yaml.SafeLoader):
    """YAML as the tables mean it: `on`, `off`, `yes`, `no` are words (YAML 1.1 reads them as booleans, so the
    French pronoun `on` and the English `on Tuesday` opener were `True`); `true` and `false` stay booleans."""


_WordsLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_WordsLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                   list("tTfF"))


def load_yaml(name: str) -> Any:
    """A bundled resource file, parsed (`_WordsLoader`)."""
    return yaml.load(resources.files(__name__).joinpath(name).read_text(encoding="utf-8"), Loader=_WordsLoader)


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
    # verb lemma -> the cue phrases it heads, as (phrase, words before the verb, words after it): `faire état de`
    verb_phrases: dict[str, tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]] = field(default_factory=dict)
    # English: the forms of the phrases' verbs that are no cue alone (`made` of `make clear`) -> lemma
    phrase_forms: dict[str, str] = field(default_factory=dict)
    # the forms of verbs of habit whose infinitive cue describes rather than reports: `like to say`
    habits: frozenset[str] = frozenset()

    def voice_of(self, token: Token | None, quoted_words: bool = False) -> Voice:
        """The voice of a report by the cue `token` (None: a phrase such as `according to`, which reports): a cue of
        the `characterized` class, or a verb that is no cue at all (`pounding Trump as a "con artist"`), is the
        author's description, unless the report holds the speaker's quoted words; any other cue reports."""
        if token is None:
            return "reported"
        lemma = self.lemma(token) if token.pos_ in ("VERB", "AUX") else token.lower_
        described = lemma is None or lemma in self.characterized or token.lower_ in self.characterized
        # A habit the author ascribes (`Technocrats like to say that …`): no one act of speech, a description.
        described = described or token.dep_ == "xcomp" and token.head.lower_ in self.habits
        return "characterized" if described and not quoted_words else "reported"

    def lemma(self, token: Token) -> str | None:
        """The cue verb `token` is a form of, or None: its own form first, then the parser's lemma (French cues
        are matched by lemma: `affirmé` -> affirmer)."""
        phrase = self.verb_phrase(token)
        if phrase is not None:
            return phrase[0]
        return self.verb_forms.get(token.lower_) or self.verb_forms.get(token.lemma_.lower())

    def verb_phrase(self, token: Token) -> tuple[str, tuple[int, ...]] | None:
        """The cue phrase `token` heads, with the indices of its other words, or None: `a fait état de`, `met
        également en cause` (adverbs may stand inside), `en appelle à` (French `verb_phrases`)."""
        doc = token.doc
        if not self.verb_phrases:
            return None
        # (English is read without its lemmatizer: the verb's lemma is its form's in the cue table)
        lemma = token.lemma_.lower() or self.verb_forms.get(token.lower_) or self.phrase_forms.get(token.lower_, "")
        for name, before, after in self.verb_phrases.get(lemma, ()):
            start = token.i - len(before)
            if start < 0 or tuple(_plain(t) for t in doc[start : token.i]) != before:
                continue
            words, k = list(range(start, token.i)), token.i + 1
            for word in after:
                # (adverbs and days may stand inside: `faisait part dimanche soir de son étonnement`)
                while k < len(doc) and _plain(doc[k]) != word and (
                    doc[k].pos_ == "ADV" or doc[k].lower_ in self.words.get("time_words", ())
                ):
                    k += 1
                if k >= len(doc) or _plain(doc[k]) != word:
                    break
                words.append(k)
                k += 1
            else:
                if any(doc[w].pos_ == "VERB" and token.head.i == w for w in words) and not _has_subject(token):
                    return None  # the parse heads the phrase by its second verb, with the subject (below)
                return name, tuple(words)
        # `a fait savoir que …` parsed with `savoir` as the head and the subject: the phrase is that verb's.
        k = token.i - 1
        while k > 0 and doc[k].pos_ == "ADV":
            k -= 1
        for name, before, after in self.verb_phrases.get(doc[k].lemma_.lower(), ()) if k >= 0 else ():
            if not before and after == (_plain(token),) and doc[k].head.i == token.i and not _has_subject(doc[k]):
                return name, (k,)
        return None


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
        habits=frozenset((data.get("voices") or {}).get("habits") or ()),
        words=_word_classes(data, language),
        verb_phrases=(phrases := _verb_phrases(data.get("verb_phrases") or ())),
        phrase_forms={
            form: lemma for lemma in phrases if language == "en"
            for form in inflect(lemma) | set(irregular.get(lemma, []))
        },
    )


def _verb_phrases(phrases: Iterable[str]) -> dict[str, tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]]:
    """Cue phrases by the lemma of their verb, the first word that is no clitic: `en appeler à` -> appeler, with
    `en` before it and `à` after it."""
    out: dict[str, list[tuple[str, tuple[str, ...], tuple[str, ...]]]] = {}
    for phrase in phrases:
        words = phrase.replace("'", "' ").split()
        at = next(i for i, w in enumerate(words) if w not in _CLITICS)
        out.setdefault(words[at], []).append((phrase, tuple(words[:at]), tuple(words[at + 1 :])))
    return {lemma: tuple(found) for lemma, found in out.items()}


_CLITICS = frozenset({"en", "y", "s'", "se"})


def _has_subject(verb: Token) -> bool:
    return any(c.dep_.startswith("nsubj") for c in verb.children)


def _plain(token: Token) -> str:
    """A token's lower-case form with a straight apostrophe (`l’` -> `l'`), `de` elided or not (`état d'une`)."""
    form = token.lower_.replace("’", "'")
    return "de" if form == "d'" else form


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
