"""A quotation as the rules see it: the sentences around it (its frame), the words before and after it in its
sentence, its cue candidates, and whether it is direct (a sentence of its own) or partial."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from volte.model import Kind
from volte.nlp.attribution.cues import Cue, find_cues
from volte.nlp.attribution.filters import QUOTE_CUE_FILTERS
from volte.nlp.attribution.frame import Frame
from volte.nlp.attribution.rules import veto
from volte.nlp.quotes import QuoteSpan

_STRIP = " \t\n\u00a0,;:—–-"
# Where a sentence ends inside the text before a quotation.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+")


@dataclass(frozen=True)
class QuoteView:
    q: QuoteSpan
    frame_start: int  # the first token of the sentences it touches (or of the lead-in ending with a colon)
    frame_end: int
    lead_in: bool  # `X said:` as the sentence before the quotation
    q_first: int  # its first and last token
    q_last: int
    candidates: tuple[Cue, ...]  # the cues in its frame, outside quotations, left by QUOTE_CUE_FILTERS
    before: str  # the words before it in the sentence it opens in
    after: str
    words: tuple[Token, ...]  # its words, punctuation aside
    kind: Kind


def view_quote(frame: Frame, q: QuoteSpan) -> QuoteView:
    """The quotation `q` with its frame (see QuoteView)."""
    doc, text = frame.doc, frame.text
    sents = frame.sentences(q.open_at, q.close_at)
    frame_start, frame_end = sents[0].start, sents[-1].end
    # `"…," she said.` split off as its own short sentence: part of the frame.
    if frame_end < len(doc):
        nxt = doc[frame_end].sent
        # (not past a full stop after the closing mark, `« … ». La fédération en appelle …`: a sentence of its own)
        ended = any(ch in ".!?" for ch in text[q.close_at : doc[nxt.start].idx])
        if ended:
            pass
        elif len(nxt) <= 12 and not any(frame.in_quote[i] for i in range(nxt.start, nxt.end)):
            if doc[nxt.start].idx - q.close_at <= 3 or doc[nxt.start].is_lower:
                frame_end = nxt.end
        elif doc[nxt.start].idx - q.close_at <= 3:
            # `"…?" Trump told ITV in an interview aired on Monday when asked …`: the parser ends the sentence
            # at the mark; the attribution is the next sentence's first words.
            head = range(nxt.start, min(nxt.end, nxt.start + 8))
            if not any(frame.in_quote[i] for i in head):
                frame_end = head.stop
    # `X said:` as the sentence (or paragraph) before the quotation.
    lead_in = False
    if frame_start > 0:
        prev = doc[frame_start - 1].sent
        last = doc[prev.end - 1] if not doc[prev.end - 1].is_space else doc[max(prev.start, prev.end - 2)]
        if last.text == ":" and not frame.in_quote[prev.start]:
            frame_start, lead_in = prev.start, True
    q_first, q_last = frame.tok(q.start), frame.tok(q.end - 1)
    # The attribution of a quotation is in its own paragraph, or in a lead-in ending with a colon.
    first_para = frame.paragraph(doc[frame_start].idx) if lead_in else frame.paragraph(q.open_at)
    last_para = frame.paragraph(max(q.open_at, q.close_at - 1))
    tokens = [
        doc[i] for i in range(frame_start, frame_end)
        if not frame.in_quote[i] and first_para <= frame.paragraph(doc[i].idx) <= last_para
    ]
    candidates = tuple(
        c for c in find_cues(doc, tokens, frame.cues, quoted=frame.quoted) if veto(QUOTE_CUE_FILTERS, frame, c) is None
    )
    para_start = frame.paragraph_starts[frame.paragraph(q.open_at)]
    before = text[max(doc[frame_start].idx, frame.prev_close(q), 0 if lead_in else para_start) : q.open_at]
    # Only the sentence the quotation opens in: `…, a déclaré X devant les élus. « B »` -> before B is empty.
    before = _SENTENCE_BREAK.split(before)[-1].strip(_STRIP.replace(":", "").replace(",", ""))
    after = text[q.close_at : min(doc[frame_end - 1].idx + len(doc[frame_end - 1]), frame.next_open(q))].strip()
    words = tuple(t for t in doc[q_first : q_last + 1] if not t.is_punct and not t.is_space)
    kind = _kind(frame, q, before, after, lead_in)
    return QuoteView(q, frame_start, frame_end, lead_in, q_first, q_last, candidates, before, after, words, kind)


def _kind(frame: Frame, q: QuoteSpan, before: str, after: str, lead_in: bool) -> Kind:
    """Direct when the quotation is a sentence of its own with at most an attribution around it.

    `"We will win," she said.` / `She said: "We will win."` -> direct;
    `He calls the alliance "useless" and wants out.` -> partial.
    """
    content = frame.text[q.start : q.end]
    ends_sentence = content[-1:] in ".,!?…;:" or q.unclosed or q.group >= 0 and content[-1:] == "—"
    starts_upper = content[:1].isupper() or not content[:1].isalpha()
    if lead_in or not before or before.endswith((":", ",")) and starts_upper:
        if ends_sentence or not after or after[:1] in ".!?)—–,":
            return "direct"
    if not before and starts_upper:
        return "direct"
    return "partial"
