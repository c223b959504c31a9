"""From one article to its statements: the pure function the pipeline runs in every worker.

    extract_statements(article) -> list[Statement]
    extract_article(article) -> Extraction(statements, names)   # and every person the article names in full

Orchestration only: the attribution rules (attribution/) find the statements and who made them; here a partial
quotation inside its speaker's report becomes part of that report, a span found twice is one statement (the first
found), and each gets its id, its date (when.py) and its targets with their stance (targets.py).
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import NamedTuple

from spacy.tokens import Doc

from volte.model import Article, Entity, Statement, statement_id
from volte.nlp.attribution import Attribution, attribute
from volte.nlp.entities import full_names
from volte.nlp.pipeline import load_pipeline, parse_bounded
from volte.nlp.selective import parse_selective
from volte.nlp.targets import with_targets
from volte.nlp.when import Utterance, page_of, said_dates
from volte.resources import cues
from volte.settings import current_settings

_END_PUNCT = ".,;:!?…\"”’» "


class Extraction(NamedTuple):
    """What one article gives the store: its statements, and every person it names in full, speaker or not (a bare
    surname elsewhere may stand for one of them: store/entities.py)."""

    statements: list[Statement]
    names: tuple[Entity, ...] = ()


def extract_statements(article: Article) -> list[Statement]:
    """Every attributed statement in `article`, in text order. Pure: same article in, same statements out."""
    return extract_article(article).statements


def extract_article(article: Article) -> Extraction:
    """The statements of `article` and the people it names in full (see `Extraction`). Pure."""
    nlp = load_pipeline(article.language)
    settings = current_settings()
    parse = None
    if settings.selective_parse and nlp.lang == "en":
        # Tagger and parser only where a quotation mark or a cue word is, and beside it (selective.py).
        parse = partial(parse_selective, nlp, table=cues(article.language), neighbours=settings.parse_neighbours)
    return extraction_from_doc(parse_bounded(nlp, article.text, settings, parse=parse), article)


def statements_from_doc(doc: Doc, article: Article) -> list[Statement]:
    """The statements of an article already parsed into `doc` (whose text is `article.text`)."""
    return extraction_from_doc(doc, article).statements


def extraction_from_doc(doc: Doc, article: Article) -> Extraction:
    """`extract_article` of an article already parsed into `doc`."""
    doc.user_data.setdefault("volte.text", article.text)  # (doc_text: the same characters, not joined again)
    found = attribute(doc, cues(article.language))
    nested = nest_quotations(sorted(found.found, key=lambda f: (f.start, f.end)), article.text)
    kept: list[Attribution] = []
    seen: set[tuple[int, int]] = set()
    for f in nested:
        if (f.start, f.end) in seen or f.end <= f.start:
            continue  # the same span found by a quotation and by a report: the first found stands
        seen.add((f.start, f.end))
        kept.append(f)
    # When each was said (when.py): the words around the statements, theirs blanked, in text order.
    page = page_of(article.text, [(f.start, f.end) for f in kept], article.published, article.language, article.title)
    lexicon = cues(article.language)
    positions = lexicon.attitudes | lexicon.held  # `have opposed the deal`: a position, not an earlier speech act
    utterances = [
        Utterance(
            f.start, f.end, f.speaker.id if f.speaker else None, f.cue, f.context,
            position=lexicon.verb_forms.get(" ".join((f.cue or "").split()[:1]).lower(), "") in positions,
            speaker_name=f.speaker.name if f.speaker and f.speaker.type == "person" else None,
            speaker_words=f.speaker.name if f.speaker else None,
            present=_present(lexicon.verb_forms, f.cue, article.language),
        )
        for f in kept
    ]
    out = [
        Statement(
            id=statement_id(article.id, f.start, f.end),
            article_id=article.id,
            speaker=f.speaker,
            speaker_role=found.book.role_of(f.speaker.name, f.start) if f.speaker else None,
            kind=f.kind,
            text=" … ".join(article.text[a:b] for a, b in f.pieces) if f.pieces else article.text[f.start : f.end],
            start=f.start,
            end=f.end,
            cue=f.denied_cue or f.cue,
            said=d.said,
            said_basis=d.basis,
            quotes=f.quotes,
            voice=f.voice,
            rules=(*f.rules, ("said", d.rule)) if d.rule else f.rules,
        )
        for f, d in zip(kept, said_dates(utterances, page), strict=True)
    ]
    # Speakers as registry entities, and each statement's targets with their stance (targets.py).
    return Extraction(with_targets(doc, found.book, out), full_names(found.book))


def nest_quotations(found: list[Attribution], text: str) -> list[Attribution]:
    """A partial quotation inside the same speaker's reported speech is part of that one utterance.

    `She said the plan was "a disaster"`: one statement, the report, whose `quotes` hold `a disaster` (the
    speaker's own words with their offsets), not a second statement for the same words. A quotation of someone
    else inside a report (`X said Y had called it "a disaster"`) stays a statement of its own.
    """
    reports = [i for i, f in enumerate(found) if f.kind == "indirect"]
    out: list[Attribution] = []
    hosted: dict[int, list[tuple[int, int]]] = {}  # a report's index in `out` -> the quotations nested in it
    index_in_out: dict[int, int] = {}
    for i, f in enumerate(found):
        host = None
        if f.kind == "partial":
            # (The report's content stops before a final `.` the quotation keeps: `said that "it is long."`)
            host = next(
                (
                    r for r in reports
                    if found[r].start <= f.start and not text[found[r].end : f.end].strip(_END_PUNCT)
                    and f.speaker in (None, found[r].speaker)
                ),
                None,
            )
        if host is None:
            index_in_out[i] = len(out)
            out.append(f)
        else:
            hosted.setdefault(host, []).append((f.start, f.end))
    for host, spans in hosted.items():
        k = index_in_out.get(host)
        if k is not None:
            # A description that holds the speaker's own quoted words reports them: `denounced the plan as a
            # "betrayal"` is no longer the author's word alone.
            voice = "reported" if out[k].voice == "characterized" else out[k].voice
            out[k] = replace(out[k], quotes=(*out[k].quotes, *spans), voice=voice)
    return out


def _present(forms: dict[str, str], cue: str | None, language: str) -> bool:
    """Whether an English cue is a present-tense form of its verb (`says`, `tells`, `carries`), from the cue table."""
    word = (cue or "").split()[0].lower() if cue and cue.split() else ""
    lemma = forms.get(word)
    if language != "en" or not lemma or word == lemma:
        return False
    return word in (lemma + "s", lemma + "es", lemma[:-1] + "ies")
