"""The runner: every quotation and every report cue of a document, in text order, through the rule stages.

    attribute(doc, cues) -> Attributions(found, dropped, book)

For a quotation: QUOTE_CUE_RULES pick its cue, QUOTE_SUBJECT_RULES fill the cue's speaker token when the parse
gave none, the speaker rules (speakers.py) resolve it, CONTINUITY_RULES fill a speaker still missing, and
QUOTE_FILTERS drop what is nobody's statement; a direct quotation CONTINUATION_RULES join to the one before is
one statement. For a report cue (reports.py): its content, then its speaker. The runner alone keeps the History
(speakers so far, quotation groups) and adds what resolution learned to the name book, between two attributions.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc

from volte.nlp.attribution.continuity import CONTINUATION_RULES, CONTINUITY_RULES, Borrowed
from volte.nlp.attribution.cues import Cue
from volte.nlp.attribution.filters import QUOTE_FILTERS, REPORT_FILTERS
from volte.nlp.attribution.frame import Frame, build_frame
from volte.nlp.attribution.history import Attribution, History
from volte.nlp.attribution.posts import POST_FINDERS
from volte.nlp.attribution.quotations import view_quote
from volte.nlp.attribution.quote_cues import QUOTE_CUE_RULES, QUOTE_SUBJECT_RULES
from volte.nlp.attribution.reports import find_report_cues, report_content
from volte.nlp.attribution.rules import disabled, first, veto
from volte.nlp.attribution.speakers import Resolution, resolve_speaker
from volte.nlp.deps import dep_of
from volte.nlp.entities import NameBook
from volte.nlp.quotes import QuoteSpan
from volte.resources import Cues

_STRIP = " \t\n\u00a0,;:—–-"


@dataclass(frozen=True)
class Attributions:
    found: list[Attribution]  # in the order found
    dropped: list[tuple[str, int, int]]  # (the filter rule, start, end) of quotations that are nobody's statement
    book: NameBook  # the article's names, with what resolution learned


def attribute(doc: Doc, table: Cues) -> Attributions:
    """Every attribution in `doc` (see the module docstring)."""
    frame = build_frame(doc, table)
    history = History()
    found: list[Attribution] = []
    dropped: list[tuple[str, int, int]] = []
    # Posts the page embeds (posts.py) are statements whole: what lies inside one is no statement of its own.
    posts = [p for finder in POST_FINDERS if finder.name not in disabled() for p in finder.fn(frame)]
    events: list[tuple[int, int, QuoteSpan | tuple[Cue, str]]] = sorted(
        [e for e in [(q.open_at, 0, q) for q in frame.quotes] + [(c.token.idx, 1, (c, r)) for c, r in
         find_report_cues(frame)] if not any(p.start <= e[0] < p.end for p in posts)],
        key=lambda e: (e[0], e[1]),
    )
    last: Attribution | None = None  # the last quotation, still open to a continuation
    for _, _, item in events:
        if isinstance(item, QuoteSpan):
            f = _quote(frame, item, history, dropped)
            if f is None:
                continue
            joined, join_rule = first(CONTINUATION_RULES, frame, last, f) if last is not None else (None, None)
            if last is not None and joined and join_rule:
                pieces = (*(last.pieces or ((last.start, last.end),)), (f.start, f.end))
                last = replace(last, pieces=pieces, end=f.end, rules=(*last.rules, ("continuation", join_rule)))
                continue
            if last is not None:
                found.append(last)
            last = f  # open to the next piece: a quotation interrupted by its attribution, a list of quoted words
        else:
            report = _report(frame, *item, history)
            if report is not None:
                found.append(report)
    if last is not None:
        found.append(last)
    return Attributions(sorted(found + posts, key=lambda f: f.start) if posts else found, dropped, frame.book)


def _learn(frame: Frame, resolution: Resolution | None) -> None:
    if resolution is not None and (resolution.persons or resolution.genders):
        frame.book.learn(resolution.persons, resolution.genders)


def _quote(frame: Frame, q: QuoteSpan, history: History, dropped: list[tuple[str, int, int]]) -> Attribution | None:
    view = view_quote(frame, q)
    cue, cue_rule = first(QUOTE_CUE_RULES, frame, view)
    if cue is not None:
        cue = first(QUOTE_SUBJECT_RULES, frame, view, cue)[0] or cue
    resolution = resolve_speaker(frame, cue, history) if cue is not None else None
    speaker = resolution.entity if resolution is not None else None
    cue_text = cue.text.lower() if cue is not None else None
    rules: list[tuple[str, str]] = [("cue", cue_rule)] if cue is not None and cue_rule else []
    if cue is not None and cue.subject_rule:
        rules.append(("subject", cue.subject_rule))
    if resolution is not None:
        rules += resolution.rules
    if speaker is None:
        continued, rule_name = first(CONTINUITY_RULES, frame, view, cue, history)
        if continued is not None and rule_name:
            rules.append(("speaker", rule_name))
        if isinstance(continued, Borrowed):
            speaker, cue_text = continued.entity, continued.cue
        elif continued is not None:
            resolution, speaker = continued, continued.entity
            rules += continued.rules
    dropped_by = veto(QUOTE_FILTERS, frame, view, cue, speaker)
    if dropped_by is not None:
        dropped.append((dropped_by, q.start, q.end))
        return None
    _learn(frame, resolution)
    if speaker is not None:
        history.groups.setdefault(q.group, (speaker, cue_text))
        history.speakers.append((q.open_at, speaker.name))
    start, end = q.start, q.end
    while end > start and frame.text[end - 1] in ",;:":
        end -= 1  # `"We will win," she said` -> `We will win`
    context = frame.context(view.frame_start, view.frame_end)
    cue_at = cue.token.i if cue is not None and cue_text is not None else -1
    return Attribution(
        view.kind, start, end, speaker, cue_text, context, cue_at=cue_at, quote=q, rules=tuple(rules), voice="quoted"
    )


def _report(frame: Frame, cue: Cue, cue_rule: str, history: History) -> Attribution | None:
    content = report_content(frame, cue)
    if content is None:
        return None
    resolution = resolve_speaker(frame, cue, history)
    _learn(frame, resolution)
    speaker = resolution.entity if resolution is not None else None
    if speaker is None and cue.speaker is None:
        return None
    tokens, aside = content.tokens, content.aside
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    main_clause = (
        cue.phrase
        or cue.label
        or aside is not None  # `The plan, X said, will fail`: the aside speaks for the main clause
        or cue.token.dep_ == "ROOT"
        or dep_of(cue.token) == "conj" and cue.token.head.dep_ == "ROOT"
    )
    if speaker is not None and main_clause:
        # Only a main clause's speaker is the one talking next: not `after news outlets declared him the
        # victor`, not `emails in which staff members suggested …`.
        history.speakers.append((cue.token.idx, speaker.name))
    if veto(REPORT_FILTERS, frame, cue, tokens, speaker) is not None:
        return None
    pieces: tuple[tuple[int, int], ...] = ()
    if aside is not None:
        # The attribution set off inside the content is left out of its text: `The plan … will fail`.
        _, left, right = aside
        cut_from, cut_to = frame.doc[left].idx, frame.doc[right].idx + len(frame.doc[right])
        if start < cut_from and cut_to < end:
            before, after = frame.text[start:cut_from], frame.text[cut_to:end]
            pieces = ((start, start + len(before.rstrip(_STRIP))), (end - len(after.lstrip(_STRIP)), end))
    rules = [("cue", cue_rule)] + ([("subject", cue.subject_rule)] if cue.subject_rule else [])
    rules += resolution.rules if resolution is not None else []
    sent = cue.token.sent
    context = frame.context(sent.start, sent.end, list(tokens))
    voice = frame.cues.voice_of(None if cue.phrase or cue.label else cue.token)
    return Attribution(
        "indirect", start, end, speaker, cue.text.lower(), context, pieces=pieces, rules=tuple(rules), voice=voice,
        denied_cue=_denied(frame, cue),
    )


def _denied(frame: Frame, cue: Cue) -> str | None:
    """The cue with its negation, as written, when the cue is denied (`He doesn't plan to go back`, `She did not
    say that …`, `never wanted`): the record shows `doesn't plan`, not a `plan` the text denies."""
    if cue.phrase or cue.label:
        return None
    negs = [c for c in cue.token.children if dep_of(c) == "neg" and c.i < cue.token.i]
    if not negs:
        return None
    first = negs[0]
    if first.i > 0 and frame.doc[first.i - 1].dep_ == "aux" and frame.doc[first.i - 1].head.i == cue.token.i:
        first = frame.doc[first.i - 1]  # (`does` of `doesn't`, `did` of `did not`)
    end = cue.token.idx + len(cue.token)
    return " ".join(frame.text[first.idx : end].split()).lower()
