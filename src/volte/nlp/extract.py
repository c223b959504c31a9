"""From one article to its statements: the pure function the pipeline runs in every worker.

    extract_statements(article) -> list[Statement]

Quotations are found on the raw text (quotes.py), then placed in the parse: each gets a frame (the sentences it
touches, minus quoted words), the cue in that frame that governs it or stands nearest, and that cue's speaker,
resolved to a name (entities.py). Reported speech (`X said that …`, `according to X, …`) comes from cue verbs
with a content clause. A quotation with no cue of its own that follows another speaker's quotation continues it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from volte.model import Article, Entity, EntityType, Kind, Statement, statement_id
from volte.nlp import dates
from volte.nlp.attribution import Cue, find_cues, is_weak, noun_forms, speaker_of
from volte.nlp.deps import dep_of
from volte.nlp.entities import NameBook, build_namebook, noun_phrase, strip_name
from volte.nlp.pipeline import load_pipeline, parse_bounded
from volte.nlp.quotes import QuoteSpan, find_quotes
from volte.nlp.targets import with_targets
from volte.resources import Cues, cues

_END_PUNCT = ".,;:!?…\"”’» "
_STRIP = " \t\n\u00a0,;:—–-"
# Where a sentence ends inside the text before a quotation.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+")
# `“…” ― Karen Bobadilla`: a dash and a capitalised name after the quotation sign it.
_DASH_NAME = re.compile(r"^[―—–-]\s*((?:[A-Z][\w.'’-]*\s?){1,4})(?:[.,\n]|$)")
# `Rubio: I still believe …`, `OK Gov Fallin: I think …`: a line opening on a name and a colon.
_LINE_LABEL = re.compile(r"([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):[ \t]")
# `"PENCE: Well, the question …"`: a transcript's speaker label opening the quoted words.
_LABEL = re.compile(r"^([A-Z][A-Z'’-]{2,}(?: [A-Z][A-Z'’-]+)?):\s")
# Reported content shorter than this many tokens is too thin to be a statement: `he said so`.
_MIN_CONTENT = 3


@dataclass
class _Found:
    """A statement in the making, before its id and date."""

    kind: Kind
    start: int
    end: int
    speaker: Entity | None
    cue: str | None
    context: str  # the words around it that may say when it was said
    pieces: tuple[tuple[int, int], ...] = ()  # a quotation interrupted by its attribution: each piece's span
    cue_at: int = -1  # the cue token's index, -1 when none
    quote: QuoteSpan | None = None
    quotes: tuple[tuple[int, int], ...] = ()  # partial quotations nested in this report (see `_nest_quotations`)


def extract_statements(article: Article) -> list[Statement]:
    """Every attributed statement in `article`, in text order. Pure: same article in, same statements out."""
    nlp = load_pipeline(article.language)
    return statements_from_doc(parse_bounded(nlp, article.text), article)


def statements_from_doc(doc: Doc, article: Article) -> list[Statement]:
    """The statements of an article already parsed into `doc` (whose text is `article.text`)."""
    extractor = _Extractor(doc, cues(article.language))
    found = _nest_quotations(sorted(extractor.run(), key=lambda f: (f.start, f.end)), article.text)
    out: list[Statement] = []
    seen: set[tuple[int, int]] = set()
    for f in found:
        if (f.start, f.end) in seen or f.end <= f.start:
            continue
        seen.add((f.start, f.end))
        said, basis = dates.find_said(f.context, article.published, article.language)
        out.append(
            Statement(
                id=statement_id(article.id, f.start, f.end),
                article_id=article.id,
                speaker=f.speaker,
                kind=f.kind,
                text=" … ".join(article.text[a:b] for a, b in f.pieces) if f.pieces else article.text[f.start : f.end],
                start=f.start,
                end=f.end,
                cue=f.cue,
                said=said,
                said_basis=basis,
                quotes=f.quotes,
            )
        )
    # Speakers as registry entities, and each statement's targets with their stance (issue #4: targets.py).
    return with_targets(doc, extractor.book, out)


def _nest_quotations(found: list[_Found], text: str) -> list[_Found]:
    """A partial quotation inside the same speaker's reported speech is part of that one utterance.

    `She said the plan was "a disaster"`: one statement, the report, whose `quotes` hold `a disaster` (the
    speaker's own words with their offsets), not a second statement for the same words. A quotation of someone
    else inside a report (`X said Y had called it "a disaster"`) stays a statement of its own.
    """
    reports = [f for f in found if f.kind == "indirect"]
    out = []
    for f in found:
        host = None
        if f.kind == "partial":
            # (The report's content stops before a final `.` the quotation keeps: `said that "it is long."`)
            host = next(
                (
                    r for r in reports
                    if r.start <= f.start and not text[r.end : f.end].strip(_END_PUNCT) and f.speaker in (None, r.speaker)
                ),
                None,
            )
        if host is None:
            out.append(f)
        else:
            host.quotes = (*host.quotes, (f.start, f.end))
    return out


def _paragraph_break(text: str) -> str:
    """What separates paragraphs in this text: a blank line, or one line break where the text puts each paragraph
    on a line of its own (most of its single breaks follow a sentence's end; hard-wrapped text breaks mid-sentence)."""
    singles = re.findall(r"(?<!\n)(.)\n(?!\n)", text)
    if len(singles) <= text.count("\n\n"):
        return "\n\n"
    ends = sum(c in ".!?:\"”’»)]" for c in singles)
    return "\n+" if ends > len(singles) / 2 else "\n\n"


def _pronoun_form(token: Token) -> str:
    """A subject pronoun as a word: French inversion writes `a-t-il`, `a-t-elle`, tokenised `-t` `-elle` or `-t-elle`."""
    low = re.sub(r"^-?(?:t-)?-?", "", token.lower_)
    if not low and token.i + 1 < len(token.doc):
        low = re.sub(r"^-?(?:t-)?-?", "", token.nbor(1).lower_)
    return low


class _Extractor:
    """The per-article state: the parse, its quotations, the names, and the speakers met so far."""

    def __init__(self, doc: Doc, table: Cues) -> None:
        self.doc = doc
        self.text = doc.text
        self.cues = table
        self.quotes = list(find_quotes(self.text))
        self.token_starts = [t.idx for t in doc]
        # in_quote[i]: token i is inside quoted words.
        self.in_quote = [False] * len(doc)
        for q in self.quotes:
            for i in range(self._tok(q.start), self._tok(q.end - 1) + 1):
                self.in_quote[i] = True
        self.quoted = {i for i, inside in enumerate(self.in_quote) if inside}
        self.book: NameBook = build_namebook(doc, table, self.quoted)
        self._tag_known_names()
        self.paragraph_starts = [0] + [m.end() for m in re.finditer(_paragraph_break(self.text), self.text)]
        self.speakers_so_far: list[tuple[int, str]] = []  # (char, name) of every attributed speaker

    def _tag_known_names(self) -> None:
        """A word the article uses as a person's name is a proper noun wherever it is capitalised: the tagger,
        seeing `said Skelly` or `Hannity interjected:` alone, takes `Skelly` for an adverb (-ly) and `Hannity`
        for a common noun, and the attribution rules then pass the speaker by."""
        for tok in self.doc:
            if (
                tok.pos_ in ("NOUN", "ADV", "ADJ", "X", "INTJ")
                and tok.text[:1].isupper()
                and not tok.is_stop
                and self.book.types.get(self.book.fullest.get(tok.lower_, tok.text), "") == "person"
            ):
                tok.pos_ = "PROPN"

    # -- positions -------------------------------------------------------------------------------------------

    def _tok(self, char: int) -> int:
        """Index of the token that holds character `char` (or the nearest before it)."""
        return max(0, bisect.bisect_right(self.token_starts, char) - 1)

    def _paragraph(self, char: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, char) - 1

    def _sentences(self, start: int, end: int) -> list[Span]:
        """The sentences touching text[start:end]."""
        first, last = self.doc[self._tok(start)].sent, self.doc[self._tok(max(start, end - 1))].sent
        sents, sent = [first], first
        while sent.end < last.end and sent.end < len(self.doc):
            sent = self.doc[sent.end].sent
            sents.append(sent)
        return sents

    # -- the run ---------------------------------------------------------------------------------------------

    def run(self) -> Iterator[_Found]:
        group_speaker: dict[int, tuple[Entity | None, str | None]] = {}
        events = sorted(
            [(q.open_at, 0, q) for q in self.quotes] + [(c.token.idx, 1, c) for c in self._report_cues()],
            key=lambda e: (e[0], e[1]),
        )
        last: _Found | None = None  # the last direct quotation, still open to a continuation
        for _, kind, item in events:
            if kind == 0:
                assert isinstance(item, QuoteSpan)
                f = self._quote(item, group_speaker)
                if f is None:
                    continue
                if last is not None and self._continues(last, f):
                    last.pieces = (*(last.pieces or ((last.start, last.end),)), (f.start, f.end))
                    last.end = f.end
                    continue
                if last is not None:
                    yield last
                last = f if f.kind == "direct" else None
                if last is None:
                    yield f
            else:
                assert isinstance(item, Cue)
                yield from self._report(item)
        if last is not None:
            yield last

    def _continues(self, first: _Found, second: _Found) -> bool:
        """`"A," she said. "B."`: one quotation interrupted by its attribution, in one paragraph.

        The second piece has no cue of its own (or shares the first one's), the same speaker, and only the
        attribution stands between them.
        """
        if second.kind != "direct" or first.speaker is None or second.speaker != first.speaker:
            return False
        a, b = first.quote, second.quote
        if a is None or b is None or self._paragraph(a.open_at) != self._paragraph(b.open_at):
            return False
        if second.cue_at not in (-1, first.cue_at) or first.cue_at == -1:
            return False
        gap = self.text[a.close_at : b.open_at]
        cue_tok = self.doc[first.cue_at]
        return len(gap.split()) <= 14 and a.close_at <= cue_tok.idx < b.open_at

    # -- quotations ------------------------------------------------------------------------------------------

    def _quote(self, q: QuoteSpan, group_speaker: dict[int, tuple[Entity | None, str | None]]) -> _Found | None:
        doc, text = self.doc, self.text
        sents = self._sentences(q.open_at, q.close_at)
        frame_start, frame_end = sents[0].start, sents[-1].end
        # `"…," she said.` split off as its own short sentence: part of the frame.
        if frame_end < len(doc):
            nxt = doc[frame_end].sent
            if len(nxt) <= 12 and not any(self.in_quote[i] for i in range(nxt.start, nxt.end)):
                if doc[nxt.start].idx - q.close_at <= 3 or doc[nxt.start].is_lower:
                    frame_end = nxt.end
            elif doc[nxt.start].idx - q.close_at <= 3:
                # `"…?" Trump told ITV in an interview aired on Monday when asked …`: the parser ends the sentence
                # at the mark; the attribution is the next sentence's first words.
                head = range(nxt.start, min(nxt.end, nxt.start + 8))
                if not any(self.in_quote[i] for i in head):
                    frame_end = head.stop
        # `X said:` as the sentence (or paragraph) before the quotation.
        lead_in = False
        if frame_start > 0:
            prev = doc[frame_start - 1].sent
            last = doc[prev.end - 1] if not doc[prev.end - 1].is_space else doc[max(prev.start, prev.end - 2)]
            if last.text == ":" and not self.in_quote[prev.start]:
                frame_start, lead_in = prev.start, True
        q_first, q_last = self._tok(q.start), self._tok(q.end - 1)
        # The attribution of a quotation is in its own paragraph, or in a lead-in ending with a colon.
        first_para = self._paragraph(doc[frame_start].idx) if lead_in else self._paragraph(q.open_at)
        last_para = self._paragraph(max(q.open_at, q.close_at - 1))
        frame = [
            doc[i] for i in range(frame_start, frame_end)
            if not self.in_quote[i] and first_para <= self._paragraph(doc[i].idx) <= last_para
        ]
        # Leave out words that belong to a neighbouring quotation's own attribution in the same sentence.
        found_cues = find_cues(doc, frame, self.cues, quoted=self.quoted)
        cue = self._choose_cue(found_cues, q_first, q_last, q)
        if cue is not None and self.text[: q.open_at].rstrip().endswith(":") and cue.token.i < q_first:
            # `She said that …, to which O'Malley interjected: "…"`: the verb the colon closes, with a speaker of its
            # own, introduces the quotation, not a cue further back.
            lead = self._lead_in_cue(q)
            if lead is not None and lead.token.i > cue.token.i and lead.speaker is not None:
                # (Not a verb of what the cue reports: `Another said he hoped that Trump wins: "…"`.)
                tok, reported = lead.token, False
                while tok.head.i != tok.i and tok.i != cue.token.i:
                    reported = reported or dep_of(tok) in ("ccomp", "xcomp", "advcl", "acl")
                    tok = tok.head
                if not (reported and tok.i == cue.token.i):
                    cue = lead
        if cue is not None and cue.speaker is None and cue.token.idx > q.close_at:
            cue = self._name_after(q, cue)
        if cue is None and lead_in:
            # `Sanders made the following comment:` / quotation: the lead-in's subject speaks.
            root = doc[frame_start].sent.root
            subject = speaker_of(root, self.cues, self.quoted)
            if subject is not None and (subject.pos_ == "PROPN" or subject.lower_ in self.cues.words["pronouns"]):
                cue = Cue(root, root.text, subject)
        if cue is None:
            cue = self._unlisted_cue(q) or self._governing_speaker_cue(q)
        para_start = self.paragraph_starts[self._paragraph(q.open_at)]
        before = text[max(doc[frame_start].idx, self._prev_close(q), 0 if lead_in else para_start) : q.open_at]
        # Only the sentence the quotation opens in: `…, a déclaré X devant les élus. « B »` -> before B is empty.
        before = _SENTENCE_BREAK.split(before)[-1].strip(_STRIP.replace(":", "").replace(",", ""))
        after = text[q.close_at : min(doc[frame_end - 1].idx + len(doc[frame_end - 1]), self._next_open(q))].strip()
        words = [t for t in doc[q_first : q_last + 1] if not t.is_punct and not t.is_space]
        kind = self._kind(q, before, after, lead_in)
        if kind == "partial" and self._is_name_or_title(q, words, cue, before):
            return None
        speaker: Entity | None = None
        cue_text: str | None = None
        if cue is not None:
            speaker = self._speaker(cue)
            cue_text = cue.text.lower()
        if speaker is None:
            speaker = self._label_or_dash(q)
        if speaker is None and q.group in group_speaker:
            speaker, cue_text = group_speaker[q.group]
        if speaker is None and cue is None:
            speaker = self._follow_on(q)
            if speaker is None and kind == "partial" and len(words) < 6:
                return None  # a few quoted words with nobody saying them: a scare quote
        if speaker is not None:
            group_speaker.setdefault(q.group, (speaker, cue_text))
            self.speakers_so_far.append((q.open_at, speaker.name))
        start, end = q.start, q.end
        while end > start and text[end - 1] in ",;:":
            end -= 1  # `"We will win," she said` -> `We will win`
        context = self._context(frame_start, frame_end)
        cue_at = cue.token.i if cue is not None and cue_text is not None else -1
        return _Found(kind, start, end, speaker, cue_text, context, cue_at=cue_at, quote=q)

    def _unlisted_cue(self, q: QuoteSpan) -> Cue | None:
        """An attribution whose verb is in no cue list, where the layout leaves no doubt that it is one.

        Before the quotation, in its sentence: `Kasich resisted: "…"`, `Sanders shot back, "…"`, a bare name
        `Donald Trump: "…"`. Right after it: `"…," Trump barked`, `"…!" blared the front page of the Herald`.
        The speaker must look like one (a name, a personal pronoun, a group or role noun).
        """
        return self._lead_in_cue(q) or self._trailing_cue(q)

    def _lead_in_cue(self, q: QuoteSpan) -> Cue | None:
        """`Kasich resisted: "…"`, `Sanders shot back, "…"`, `Donald Trump: "…"` (see `_unlisted_cue`)."""
        doc = self.doc
        open_tok = self._tok(q.open_at)
        sent = doc[open_tok].sent
        pre = [t for t in doc[sent.start : open_tok] if not self.in_quote[t.i] and not t.is_space]
        if len(pre) >= 2 and pre[-1].text in (":", ",") and pre[-1].idx >= self._prev_close(q):
            name = self._label_name(pre[:-1]) if pre[-1].text == ":" else None
            if name is not None:
                return Cue(pre[-1], ":", name)
            # `Sanders shot back, "…"`, `As X put it, "…"`: the verb, or the verb of the word before the comma.
            verb = pre[-2] if pre[-2].pos_ == "VERB" else None
            if verb is None and dep_of(pre[-2]) in ("prt", "dobj", "advmod") and pre[-2].head.i < pre[-2].i:
                verb = pre[-2].head
            if pre[-1].text == ":":
                # `McConnell delivered a blunt message to Trump:` -> up the parse from the last word to its verb.
                tok = pre[-2]
                while tok.pos_ != "VERB" and tok.head.i != tok.i and pre[0].i <= tok.head.i < open_tok:
                    tok = tok.head
                verb = tok if tok.pos_ == "VERB" else None
                if verb is None:
                    return self._copula_lead_in(tok, open_tok)
            # `Clinton has since apologized for what happened: "…"`: up from a clause without a speaker-like subject.
            while verb is not None and verb.pos_ in ("VERB", "AUX") and sent.start <= verb.i < open_tok:
                before = speaker_of(verb, self.cues, self.quoted)
                if before is not None and before.i < verb.i and self._speakerlike(before):
                    return Cue(verb, verb.text, before)
                if pre[-1].text != ":":
                    break
                verb = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")), None)
        return None

    def _label_name(self, label: list[Token]) -> Token | None:
        """The name a label before a colon gives, or None: `Former secretary of state Hillary Clinton`, `Rep. Trey
        Gowdy (R-S.C.)` (its party label left out), `RED STATES OUTNUMBER BLUE STATES - Jeffrey M. Jones` (after a
        headline and a spaced dash). The label must be a noun phrase ending on a name, and nothing else."""
        dashes = [k for k, t in enumerate(label) if t.text in ("-", "—", "–", "--") and t.whitespace_]
        depth, words = 0, []
        for t in label[dashes[-1] + 1 :] if dashes else label:
            depth += (t.text == "(") - (t.text == ")")
            if depth == 0 and not t.is_punct:
                words.append(t)
        if words and len(words) <= 8 and words[-1].pos_ == "PROPN" and all(
            t.pos_ in ("PROPN", "NOUN", "ADJ", "DET", "ADP") or t.lower_.rstrip(".") in self.cues.titles for t in words
        ):
            return words[-1]
        return None

    def _name_after(self, q: QuoteSpan, cue: Cue) -> Cue:
        """`"…," Trump, the 2016 GOP frontrunner …, said when …`: the cue after the quotation has no subject in the
        parse; a name opening the words between the quotation and the cue is its speaker."""
        k = self._tok(q.close_at - 1) + 1
        while k < cue.token.i and (self.doc[k].is_punct or self.doc[k].is_space):
            k += 1
        # `Texas delegate Bill Eastland` -> its last name, the run's last proper noun.
        run = []
        for tok in self.doc[k : min(cue.token.i, k + 6)]:
            if tok.pos_ not in ("PROPN", "NOUN", "ADJ") or self.in_quote[tok.i]:
                break
            run.append(tok)
        names = [t for t in run if t.pos_ == "PROPN"]
        if not names or len(run) > 4 and run[0].pos_ != "PROPN":
            return cue
        return Cue(cue.token, cue.text, names[-1], cue.phrase)

    def _governing_cue(self, q: QuoteSpan) -> Cue | None:
        """The verb, listed as a cue or not, that the quoted words hang from, with its subject as the parse gives it
        (None when there is no such verb): `Washington thanked Obama for "taking these steps"`."""
        verb = self._governing_verb(q)
        if verb is None or self._framing(verb):
            return None
        return Cue(verb, verb.text, speaker_of(verb, self.cues, self.quoted))

    def _governing_speaker_cue(self, q: QuoteSpan) -> Cue | None:
        """The governing verb of a quotation with no cue of its own, when its subject can speak: `Collins published
        an op-ed hammering his "unsuitability for office"`."""
        cue = self._governing_cue(q)
        if cue is None or not cue.token.is_alpha:
            return None  # (a signature's dash the tagger took for a verb: `"…" ― Karen Bobadilla`)
        return cue if cue.speaker is not None and self._speakerlike(cue.speaker) else None

    def _copula_lead_in(self, root: Token, open_tok: int) -> Cue | None:
        """`Clinton's response was: "…"`, `the Board was conclusive in its findings: "…"`: the subject, or the
        owner of a subject that names what was said."""
        if root.i >= open_tok or root.pos_ not in ("AUX", "VERB"):
            return None
        subjects = [c for c in root.children if dep_of(c) == "nsubj" and c.i < root.i]
        if not subjects:
            return None
        subject = subjects[0]
        owners = [c for c in subject.children if dep_of(c) == "poss"]
        if owners and subject.lower_ in self.cues.nouns | self.cues.report_nouns | self.cues.words["answer_nouns"]:
            subject = owners[0]
        return Cue(root, root.text, subject) if self._speakerlike(subject) else None

    def _trailing_cue(self, q: QuoteSpan) -> Cue | None:
        """`"…," Trump barked`, `"…!" blared the front page of the Herald` (see `_unlisted_cue`)."""
        doc = self.doc
        close_tok = self._tok(q.close_at - 1)
        content = self.text[q.start : q.end]
        if content[-1:] not in ",!?" or q.unclosed:
            return None
        for tok in doc[close_tok + 1 : min(len(doc), close_tok + 15)]:
            if self.in_quote[tok.i] or tok.is_quote or tok.text in (".", ";", ":") or tok.is_space:
                return None
            if tok.pos_ != "VERB":
                continue
            subject: Token | None
            if tok.i == close_tok + 1 or doc[close_tok + 1].is_punct and tok.i == close_tok + 2:
                subject = speaker_of(tok, self.cues, self.quoted)  # `blared the front page of the Herald`
                subject = subject if subject is not None and subject.i > tok.i else None
            else:
                subjects = [c for c in tok.children if dep_of(c) in ("nsubj", "nsubjpass") and c.i > close_tok]
                if not subjects and dep_of(tok) in ("acl", "relcl") and close_tok < tok.head.i < tok.i:
                    subjects = [tok.head]  # `the nominee, Donald Trump, tweeted` parsed as a clause of `nominee`
                between = [t for t in doc[close_tok + 1 : tok.i] if not t.is_punct]
                if not subjects and between and all(t.pos_ in ("PROPN", "NOUN", "DET", "ADJ") for t in between):
                    subjects = [between[-1]]  # `Trump barked` parsed as one noun phrase
                subject = subjects[0] if subjects else None
            if subject is not None and (
                self._speakerlike(subject) or any(t.pos_ == "PROPN" for t in noun_phrase(subject))
            ):
                return Cue(tok, tok.text, subject)
            return None
        return None

    def _speakerlike(self, tok: Token) -> bool:
        """A name, a personal pronoun, or a noun for people, a group or a document: someone who can say things."""
        return (
            tok.pos_ == "PROPN"
            or tok.ent_type_ in ("PERSON", "PER", "ORG", "NORP", "GPE")
            or _pronoun_form(tok) in self.cues.words["persons"]
            or bool(noun_forms(tok) & self.cues.groups)
        )

    def _prev_close(self, q: QuoteSpan) -> int:
        i = self.quotes.index(q)
        return self.quotes[i - 1].close_at if i > 0 else 0

    def _next_open(self, q: QuoteSpan) -> int:
        i = self.quotes.index(q)
        return self.quotes[i + 1].open_at if i + 1 < len(self.quotes) else len(self.text)

    def _choose_cue(self, found: list[Cue], q_first: int, q_last: int, q: QuoteSpan) -> Cue | None:
        """The cue that governs the quotation in the parse, else the nearest strong one (with a speaker first)."""
        # `X said her party supported "a strong army"`: the position verb is part of X's report; X's cue governs.
        found = [c for c in found if not self._part_of_report(c.token)]
        if not found:
            return None
        # `"…," Mr. Trump said, after CNBC's Becky Quick said …`: the cue right after the quotation, with its
        # speaker standing between, is the attribution whatever the parser hangs the quotation from.
        close_tok = self._tok(q.close_at - 1)
        if self.text[q.start : q.end][-1:] in ",!?":
            for c in found:
                if c.speaker is None or not 0 < c.token.i - close_tok <= 6:
                    continue
                speaker_words = {t.i for t in c.speaker.subtree}
                if all(t.is_punct or t.i in speaker_words for t in self.doc[close_tok + 1 : c.token.i]):
                    return c
        governing = []
        roots = {self.doc[i].head.i for i in range(q_first, q_last + 1) if not q_first <= self.doc[i].head.i <= q_last}
        for c in found:
            for r in roots:
                tok = self.doc[r]
                if tok.i == c.token.i or any(a.i == c.token.i for a in tok.ancestors):
                    governing.append(c)
                    break
        # The nearest governing cue: for `X said A, adding "B"`, `adding` rather than `said`.
        if len(governing) > 1:
            # `told a young woman who suggested that "…"`: the relative clause is not the attribution.
            ids = {c.token.i for c in governing}
            governing = [
                c for c in governing
                if not (dep_of(c.token) in ("relcl", "acl") and any(a.i in ids for a in c.token.ancestors))
            ] or governing
        if governing:
            return min(governing, key=lambda c: self._distance(c, q) - (1000 if c.speaker is not None else 0))
        # `« … », a lancé X`: right after a quotation, any cue verb introduces it.
        # `As X put it in a statement, RT is "providing a perspective …"`: an `as` clause names who is quoted.
        strong = [
            c for c in found
            if not is_weak(c, self.cues) or 0 <= c.token.idx - q.close_at <= 6
            or any(dep_of(m) == "mark" and m.lower_ == "as" for m in c.token.children)
        ]
        if not strong:
            return None
        return min(strong, key=lambda c: self._distance(c, q) - (1000 if c.speaker is not None else 0))

    @staticmethod
    def _distance(c: Cue, q: QuoteSpan) -> int:
        if c.token.idx >= q.close_at:
            return c.token.idx - q.close_at
        return max(0, q.open_at - c.token.idx)

    def _kind(self, q: QuoteSpan, before: str, after: str, lead_in: bool) -> Kind:
        """Direct when the quotation is a sentence of its own with at most an attribution around it.

        `"We will win," she said.` / `She said: "We will win."` -> direct;
        `He calls the alliance "useless" and wants out.` -> partial.
        """
        content = self.text[q.start : q.end]
        ends_sentence = content[-1:] in ".,!?…;:" or q.unclosed or q.group >= 0 and content[-1:] == "—"
        starts_upper = content[:1].isupper() or not content[:1].isalpha()
        if lead_in or not before or before.endswith((":", ",")) and starts_upper:
            if ends_sentence or not after or after[:1] in ".!?)—–,":
                return "direct"
        if not before and starts_upper:
            return "direct"
        return "partial"

    def _is_name_or_title(self, q: QuoteSpan, words: list[Token], cue: Cue | None, before: str) -> bool:
        """A quoted title, programme, organisation name, nickname or scare quote: `her memoir "Against the Current"`."""
        if not words:
            return True
        # The word before the quotation, or the one before it after a preposition: `auteur de « … »`.
        previous = [w.lower().strip(".,") for w in before.split()[-2:]]
        if previous and previous[-1] in ("de", "du", "of", "d’", "d'") and len(previous) == 2:
            previous = previous[:1]
        prev = previous[-1] if previous else ""
        if prev in self.cues.title_words and len(words) <= 8:
            return True
        content = self.text[q.start : q.end]
        has_verb = any(t.pos_ in ("VERB", "AUX") for t in words)
        title_case = all(t.text[:1].isupper() or t.is_stop and len(t) <= 4 for t in words)
        if title_case and not has_verb and content[-1:] not in ".!?":
            return True  # `the "Open Borders" programme`, `Clinton's "Stronger Together" slogan`
        return cue is None and len(words) <= 2

    def _label_or_dash(self, q: QuoteSpan) -> Entity | None:
        """A name signing the quotation: `“…” ― Karen Bobadilla`, or a transcript label: `"PENCE: Well, …"`."""
        line_end = self.text.find("\n", q.close_at)
        rest = self.text[q.close_at : line_end if line_end >= 0 else len(self.text)].strip()
        if not rest.strip(".") and line_end >= 0:
            # The quotation ends its line: the signature may be the next line, `"…"` / `- Hillary Clinton.`
            rest = self.text[line_end : line_end + 120].strip().split("\n", 1)[0]
        m = _DASH_NAME.match(rest)
        if m:
            return self.book.entity(self.book.canonical(m.group(1).strip().rstrip(".")))
        m = _LABEL.match(self.text[q.start : q.end])
        if m:
            return self.book.entity(self.book.canonical(m.group(1).title()))
        return None

    def _follow_on(self, q: QuoteSpan) -> Entity | None:
        """A quotation with no cue, right after another speaker's words, continues them: `"…," X said. "…"`; or one
        the sentence before announces (see `_announced`)."""
        announced = self._announced(q, mid_paragraph=True)
        if announced is not None:
            return announced
        if self.speakers_so_far:
            char, name = self.speakers_so_far[-1]
            if self._paragraph(q.open_at) - self._paragraph(char) <= 1:
                return self.book.entity(name)
        return self._announced(q)

    def _announced(self, q: QuoteSpan, mid_paragraph: bool = False) -> Entity | None:
        """A quotation opening a paragraph, announced by the last sentence of the paragraph before: `Howard
        continued his scathing remarks.` / `"Eight years ago …"` -> Howard. With `mid_paragraph`, a quotation
        opening a sentence inside a paragraph, whose sentence before has a speech verb as its main verb: `Sen. Ted
        Cruz tweeted a warning. "Missouri: remember …"` -> Ted Cruz."""
        para = self._paragraph(q.open_at)
        before = self.text[self.paragraph_starts[para] : q.open_at].rstrip()
        if mid_paragraph:
            if not before.endswith((".", "!", "?")):
                return None
            k = self._tok(len(before) + self.paragraph_starts[para] - 1)
        else:
            if para == 0 or before.strip():
                return None
            k = self._tok(self.paragraph_starts[para] - 1)
        while k > 0 and (self.doc[k].is_space or self.doc[k].is_punct):
            k -= 1
        sent = self.doc[k].sent
        if any(self.in_quote[t.i] for t in sent) or mid_paragraph and not self.cues.lemma(sent.root):
            return None
        subject = speaker_of(sent.root, self.cues, self.quoted)
        if subject is None or not (subject.pos_ == "PROPN" or _pronoun_form(subject) in self.cues.words["persons"]):
            return None
        return self._speaker(Cue(sent.root, sent.root.text, subject))

    # -- speakers --------------------------------------------------------------------------------------------

    def _speaker(self, cue: Cue) -> Entity | None:
        """The entity who speaks through `cue`; for a list of subjects (`China and Russia support …`, `She and her
        aides have vowed …`), the list itself, as a group named by its members."""
        first = self._one_speaker(cue)
        tok = cue.speaker
        if first is None or tok is None or self.in_quote[tok.i]:
            return first
        # A list: each member's phrase follows the one before with only a comma or the joining word between
        # (not `Trump, the frontrunner and polling leader`, where the second noun is part of an apposition).
        others, end = [], noun_phrase(tok).end
        for member in sorted(tok.conjuncts, key=lambda t: t.i):
            if member.i < tok.i:
                continue
            phrase = noun_phrase(member)
            between = self.doc[end : phrase.start]
            if self.in_quote[member.i] or member.pos_ not in ("PROPN", "NOUN", "PRON") or any(
                not (t.is_punct or dep_of(t) == "cc" or t.is_space) for t in between
            ):
                break
            others.append(member)
            end = phrase.end
        joined = {t.lower_ for c in (tok, *others) for t in c.children if dep_of(t) == "cc"}
        if not others or not joined & self.cues.words["list_joins"]:
            return first
        names = [first.name]
        for other in others:
            person = self._one_speaker(Cue(cue.token, cue.text, other))
            if person is not None and person.name not in names:
                names.append(person.name)
        if len(names) < 2:
            return first
        join = next(iter(joined & self.cues.words["list_joins"]))
        name = f"{', '.join(names[:-1])} {join} {names[-1]}"
        return Entity(self.book.entity(name).id, name, "group")

    def _one_speaker(self, cue: Cue) -> Entity | None:
        tok = cue.speaker
        if tok is None or self.in_quote[tok.i]:
            return None
        clause = cue.token
        while dep_of(clause) == "conj" and clause.head.i != clause.i:
            clause = clause.head  # `Sanders, who endorsed Canova and said …`: `said` belongs to the relative clause
        if tok.lower_ in self.cues.words["relative"] and dep_of(clause) == "relcl":
            tok = clause.head  # `Smith, who said …` -> Smith
        if cue.token.tag_ == "VBG" and not cue.phrase and tok.pos_ == "NOUN" and not self._speakerlike(tok):
            # `Trump spoke at a rally in the city on Tuesday, saying "…"`: a participle the parser hung on a
            # thing, not on someone; the subject of a clause above it speaks.
            tok = self._subject_above(cue.token) or tok
        if cue.token.tag_ == "VBG" and not cue.phrase and tok.pos_ != "PROPN" and tok.ent_type_ not in ("PERSON", "PER") and (
            _pronoun_form(tok) not in self.cues.words["persons"]
        ):
            # `The ad uses footage of Jane Doe asking, "…"`: a person named right before the participle speaks,
            # not the thing the parse makes its subject.
            prev = self.doc[cue.token.i - 1] if cue.token.i > 0 else tok
            if prev.pos_ == "PROPN" and prev.ent_type_ in ("PERSON", "PER") and not self.in_quote[prev.i]:
                tok = prev
        if dep_of(cue.token) in ("acl", "relcl") and tok.i == cue.token.head.i and dep_of(tok) in ("dobj", "obj"):
            # `Black Lives Matter issued a statement saying …`, `she made a comment that described …`: who issued
            # the statement speaks.
            if noun_forms(tok) & (self.cues.nouns | self.cues.report_nouns):
                issuer = speaker_of(tok.head, self.cues, self.quoted)
                tok = issuer if issuer is not None and self._speakerlike(issuer) else tok
        # `the party's leader, Jean Dupont, said` / `a prévenu la ministre des Transports, Nadia Ferrand` -> the name.
        for child in tok.children:
            apposed = dep_of(child) == "appos" or (
                dep_of(child) == "conj" and child.ent_type_ in ("PER", "PERSON") and child.nbor(-1).text == ","
            )
            if apposed and child.pos_ == "PROPN" and tok.pos_ != "PROPN":
                tok = child
                break
        tok = self._past_dateline(tok)
        low = _pronoun_form(tok)
        if low == "one" and any(dep_of(c) == "prep" and c.lower_ == "in" for c in tok.children):
            return self._unnamed_group(tok)  # `One in four voters said …`: a share of those asked
        of = [c for c in tok.children if dep_of(c) == "prep" and c.lower_ == "of"] if low == "one" else []
        of_what = [c for c in of[0].children if dep_of(c) == "pobj"] if of else []
        if of_what:
            tok, low = of_what[0], of_what[0].lower_  # `said one of those advisers` -> the advisers
        if low in self.cues.words["first_person"]:
            # `Rubio: I Still Believe Trump Can't Be Trusted`, `FALLIN: I think he is …`: a headline's or a
            # transcript's label names who says `I`.
            line_start = self.text.rfind("\n", 0, tok.idx) + 1
            m = _LINE_LABEL.match(self.text, line_start)
            if m and m.end() <= tok.idx:
                return self.book.entity(self.book.canonical(m.group(1)))
        if low in self.cues.words["pronouns"]:
            # `The Russian embassy said it welcomed "…"`: the reporting verb's named subject speaks.
            # (Not an aside, `Voters, she said, want change`: `she` is not the voters.)
            for outer in cue.token.ancestors if dep_of(cue.token) != "parataxis" else ():
                if self.cues.lemma(outer) and outer.pos_ in ("VERB", "AUX"):
                    subject = speaker_of(outer, self.cues, self.quoted)
                    if subject is not None and subject.lower_ not in self.cues.words["pronouns"]:
                        return self._speaker(Cue(outer, outer.text, subject))
                    break
            prefer = [name for _, name in self.speakers_so_far]
            name = self.book.resolve_pronoun(low, tok.idx, prefer)
            if name is None:
                return None
            self.book.learn_gender(name, low)  # `a-t-il dit` about Lefèvre: Lefèvre is not a later `elle`
            return self.book.entity(name)
        span = noun_phrase(tok)
        name, _ = strip_name(span, self.cues)
        if not name:
            return None
        next_word = tok.nbor(1).text if tok.i + 1 < len(tok.doc) else ""
        first = span[0] if len(span) else tok
        opening = first.i == first.sent.start or first.nbor(-1).is_space  # datelines open a line, `the F.B.I.` does not
        if opening and tok.ent_type_ in ("GPE", "LOC") and name.isupper() and (len(name) > 3 or next_word in ("(", "—", "–", "-", "--")):
            return None  # a dateline, `WASHINGTON (AP) —`, is not a speaker (`RT and its defenders say` is)
        if tok.pos_ == "PROPN" or tok.ent_type_:
            key = self.book.canonical(name)
            if key not in self.book.types and tok.ent_type_ in ("", "PERSON"):
                self.book.types[key] = "person"
            return self.book.entity(key)
        # `the spokeswoman` is the one the article named; `a spokeswoman for Clinton` is someone it did not.
        indefinite = span[0].lower_ in self.cues.words["indefinite"]
        role = None if indefinite else self.book.role(self.text[span.start_char : span.end_char])
        if role is None and tok.pos_ != "PROPN" and not indefinite:
            role = self.book.role(" ".join(t.text for t in tok.subtree if not self.in_quote[t.i]))
        if role is not None:
            return self.book.entity(role)
        resolved = self.book.resolve_description(tok.lower_, tok.idx)
        if resolved:
            return self.book.entity(resolved)
        if tok.lower_ not in self.cues.groups:
            # `according to a speech Mrs. Clinton delivered` -> Clinton; `the box labeled` -> nobody.
            for t in tok.subtree:
                if t.ent_type_ == "PERSON" and not self.in_quote[t.i]:
                    return self.book.entity(self.book.canonical(strip_name(noun_phrase(t), self.cues)[0]))
        words = [w for w in name.split() if w.lower() not in self.cues.words["determiners"]]
        if not words:
            # `Some argue …`, `another says …`, `those surveyed said …`: people the article does not name, a
            # group known by the word that counts them.
            return self._unnamed_group(tok)
        name = " ".join(words)
        etype: EntityType = "media" if tok.lower_ in ("newspaper", "paper", "magazine") else "group"
        return Entity(self.book.entity(name).id, name, etype)

    def _past_dateline(self, tok: Token) -> Token:
        """A dateline parsed as the subject: `HALBRIDGE — Marguerite Valcourt, the leader of …, has urged` -> the
        name after the dash; `PHILADELPHIA, July 29 (UPI) — Fans of the actor complain …` -> the words after the
        date, the agency's brackets and the dash. Any other token is itself."""
        dash = next(
            (t.i for t in tok.doc[tok.i + 1 : tok.i + 9] if t.text in ("—", "–", "-", "--")), None
        ) if tok.text.isupper() and len(tok.text) > 2 else None
        if dash is not None and dash + 1 < len(tok.doc) and all(
            t.text in (",", "(", ")") or t.text.isupper() or t.ent_type_ == "DATE" or t.like_num or t.nbor(-1).text == "("
            for t in tok.doc[tok.i + 1 : dash]
        ):
            after = tok.doc[dash + 1]
            while dep_of(after) in ("compound", "flat", "amod", "det") and after.head.pos_ in ("PROPN", "NOUN") and after.head.i > after.i:
                after = after.head  # `Marguerite` -> `Valcourt`, the head of the name
            names = after.i
            while after.pos_ == "NOUN" and names + 1 < len(tok.doc) and tok.doc[names + 1].pos_ == "PROPN":
                names += 1  # `SUNDVIK - The opposition leader Marguerite Valcourt` -> the name after the role
            if after.pos_ in ("PROPN", "NOUN"):
                return tok.doc[names]
        return tok

    def _subject_above(self, verb: Token) -> Token | None:
        """The first speaker-like subject of a verb above `verb` in the parse, or None."""
        for outer in verb.ancestors:
            if outer.pos_ in ("VERB", "AUX"):
                subject = speaker_of(outer, self.cues, self.quoted)
                if subject is not None and self._speakerlike(subject):
                    return subject
        return None

    def _unnamed_group(self, tok: Token) -> Entity:
        """People counted, not named: `Some`, `another`, `those surveyed`, `About one in five`, as the article says."""
        span = noun_phrase(tok)
        left, right = span.start, span.end
        for child in tok.rights:
            if dep_of(child) == "acl" and child.i == right and child.tag_ == "VBN":
                right = child.i + 1  # `those surveyed`, `those polled`
            elif dep_of(child) == "prep" and child.lower_ == "in" and child.i == right:
                objects = [c for c in child.children if dep_of(c) == "pobj"]
                right = noun_phrase(objects[0]).end if objects else right  # `one in four voters`
        name = " ".join(t.text for t in self.doc[left:right] if not t.is_punct)
        name = name[:1].upper() + name[1:]
        return Entity(self.book.entity(name).id, name, "group")

    # -- reported speech -------------------------------------------------------------------------------------

    def _report_cues(self) -> list[Cue]:
        """Cues outside quotations that introduce reported content: `X said that …`, `according to X, …`,
        and attitude verbs whose object holds a quoted fragment: `X called the plan "a disaster"`."""
        out = []
        for c in find_cues(self.doc, (t for t in self.doc if not self.in_quote[t.i]), self.cues, quoted=self.quoted):
            # A paraphrase inside another's report is part of it: `Merrill says Machado promised to continue
            # supporting Clinton` is Merrill's report (one holding a quotation stays a statement of its own).
            paraphrase = not any(self.in_quote[t.i] for t in c.token.subtree)
            if self._framing(c.token) or self._part_of_report(c.token, nested_reports=paraphrase):
                continue
            if self._discourse_marker(c.token):
                continue
            if c.phrase:
                out.append(c)
            elif any(dep_of(ch) == "ccomp" for ch in c.token.children):
                out.append(c)
            elif self._complements(c.token) or self._parenthetical(c.token) is not None:
                # `X denounced the plan as a betrayal`, `X called for new elections`: what the verb reports;
                # `The plan, X said, will fail`: the clause the attribution interrupts.
                out.append(c)
        out.extend(self._nominal_cues())
        # Any verb whose complement holds a quoted fragment reports its subject's words, cue verb or not:
        # `Reid has been pounding Trump as a “con artist”`.
        verbs = {c.token.i for c in out}
        for q in self.quotes:
            if self.text[: q.open_at].rstrip().endswith(":"):
                continue  # `X delivered a blunt message: "…"`: a lead-in to a direct quotation, not a report
            cue = self._governing_cue(q)
            subject = cue.speaker if cue is not None and cue.token.i not in verbs else None
            if cue is not None and subject is not None and (
                subject.pos_ == "PROPN" or subject.ent_type_ or subject.lower_ in self.cues.words["pronouns"]
            ):
                verbs.add(cue.token.i)
                out.append(cue)
        return out

    def _nominal_cues(self) -> list[Cue]:
        """Nominal reports: `Trump's claim that …`, `his warning that …`, `she repeated her promise that …`.

        The cue is the noun; its speaker the possessor, or the subject of the verb the noun is the object of.
        """
        out = []
        for noun in self.doc:
            if noun.pos_ != "NOUN" or self.in_quote[noun.i] or noun.lower_ not in self.cues.report_nouns:
                continue
            if self._that_clause(noun) is None:
                continue
            if dep_of(noun) in ("dobj", "obj") and self.cues.lemma(noun.head):
                continue  # `repeated his claim that …`: the cue verb reports it already
            owner = [c for c in noun.children if dep_of(c) == "poss"]
            k = noun.i - 1
            while k > 0 and self.doc[k].pos_ == "ADJ":
                k -= 1
            if not owner and k > 0 and self.doc[k].lower_ in ("'s", "’s") and self.doc[k - 1].pos_ in ("NOUN", "PROPN"):
                owner = [self.doc[k - 1]]  # `Tulsa police’s earlier claim`, the possessive parsed as a verb
            speaker = owner[0] if owner else None
            if speaker is None and dep_of(noun) in ("dobj", "obj") and noun.head.lower_ in self.cues.words["light_verbs"]:
                speaker = speaker_of(noun.head, self.cues, self.quoted)  # `made the claim that`, not `rejected the claim that`
            if speaker is not None and self._speakerlike(speaker):
                out.append(Cue(noun, noun.text, speaker))
        return out

    @staticmethod
    def _that_clause(noun: Token) -> Token | None:
        """The clause a report noun introduces with `that` / `que`: `the claim [that there were thousands]`."""
        for child in noun.rights:
            if dep_of(child) in ("acl", "ccomp", "relcl") and child.left_edge.lower_ in ("that", "que", "qu'", "qu’"):
                mark = child.left_edge
                if dep_of(mark) == "mark" or (dep_of(child) == "acl" and mark.i == noun.i + 1):
                    return child
        return None

    def _part_of_report(self, verb: Token, nested_reports: bool = False) -> bool:
        """A cue inside another cue's report that is part of that report, not a statement of its own: a verb of a
        position held (or a weak cue, `think`) in a reported clause, `Berg said her party would support the bill`;
        any cue in the infinitive another cue governs, `Palmieri called on Trump to stop attacking Machado`,
        `he declined to say whether …`; with `nested_reports`, any cue in a reported clause."""
        lemma = self.cues.lemma(verb)
        # A verb of naming with a subject of its own names who said the words: `Ek said Berg had called the budget
        # "a disaster"`; a participle does not (`demanded that Lindmark pull out, calling the manoeuvres "…"`).
        named = lemma in self.cues.naming and any(dep_of(c) in ("nsubj", "nsubjpass") for c in verb.children)
        held = lemma in self.cues.held | self.cues.weak and not named or any(
            dep_of(c) == "aux" and c.lower_ in self.cues.words["modals"] for c in verb.children
        )  # `May said the country would formally declare …`: a speech act to come is part of the report
        tok, through_clause, through_infinitive = verb, False, False
        while tok.head.i != tok.i:
            through_clause = through_clause or dep_of(tok) == "ccomp"
            through_infinitive = through_infinitive or dep_of(tok) == "xcomp" or (
                dep_of(tok) == "advcl" and any(c.lower_ == "to" and c.pos_ == "PART" for c in tok.children)
            )  # `spoke on the condition of anonymity to discuss …`
            tok = tok.head
            if tok.pos_ == "VERB" and self.cues.lemma(tok) and not self._discourse_marker(tok):
                if through_infinitive or through_clause and (held or nested_reports):
                    return True
        return False

    def _discourse_marker(self, verb: Token) -> bool:
        """`That said, Millennials say …`: a speech verb in a link between sentences, reporting nothing."""
        return verb.i > 0 and f"{verb.nbor(-1).lower_} {verb.lower_}" in self.cues.words["discourse_markers"]

    def _framing(self, verb: Token) -> bool:
        """`began`, `put`, `continue`: verbs that frame quoted words but report nothing of their own."""
        return self.cues.lemma(verb) in self.cues.framing

    def _governing_verb(self, q: QuoteSpan) -> Token | None:
        """The nearest verb outside the quotation that the quoted words hang from, or None."""
        first, last = self._tok(q.start), self._tok(q.end - 1)
        for i in range(first, last + 1):
            head = self.doc[i].head
            if first <= head.i <= last:
                continue
            for tok in (head, *head.ancestors):
                if tok.pos_ in ("VERB", "AUX") and not self.in_quote[tok.i]:
                    return tok if tok.pos_ == "VERB" else None
            return None
        return None

    def _parenthetical(self, verb: Token) -> tuple[Token, int, int] | None:
        """An attribution set off by commas inside the clause it reports, as (the clause's verb, the aside's first
        and last token), or None: `The plan, X said, will fail`, `If anything, Ash argued in his email, the
        incident shows …`."""
        head = verb.head
        if dep_of(verb) not in ("parataxis", "advcl") or head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
            return None
        if any(dep_of(c) in ("mark", "ccomp", "dobj", "obj", "xcomp") for c in verb.children):
            return None  # `if X said so`, `X said it`: not an aside
        # The subject next to the verb speaks; the parser may hang the clause's own subject on the verb too.
        subjects = [c for c in verb.children if dep_of(c) in ("nsubj", "nsubj:pass") and c.i < verb.i]
        if not subjects:
            return None
        left = subjects[-1].left_edge.i
        right = max(t.i for t in verb.subtree if not t.is_punct)
        set_off = left > 0 and self.doc[left - 1].text == "," and right + 1 < len(self.doc) and self.doc[right + 1].text == ","
        return (head, left, right) if set_off and head.i > right else None

    @staticmethod
    def _complements(verb: Token) -> list[Token]:
        """What a verb says about its object: `described [Clinton as a "disgrace"]`, `urged [voters to …]`."""
        clauses = [
            ch for ch in verb.children
            if dep_of(ch) == "ccomp"
            # `tweeted in the early hours that Machado was …`, the clause parsed as an adverbial one
            or dep_of(ch) == "advcl" and ch.i > verb.i and ch.left_edge.lower_ in ("that", "que", "qu'", "qu’")
        ]
        if clauses:
            # `… an accident — X told the Ledger that …`: the clause after the verb when there is one.
            after = [ch for ch in clauses if ch.i > verb.i]
            return list((after or clauses)[0].subtree)
        parts = [
            ch for ch in verb.rights
            if dep_of(ch) in ("dobj", "oprd", "attr", "xcomp", "acomp")
            or (dep_of(ch) == "prep" and ch.lower_ in ("as", "of", "for", "about", "to"))
            # French `qualifié le projet de « fiasco »`, `décrit comme …`: the oblique with de / comme.
            or (dep_of(ch) == "prep" and any(c.lower_ in ("de", "d'", "comme") and dep_of(c) == "case" for c in ch.children))
        ]
        return [t for ch in parts for t in ch.subtree]

    def _report(self, cue: Cue) -> Iterator[_Found]:
        """The reported content of a cue, unless it is a quotation already (direct speech)."""
        aside: tuple[Token, int, int] | None = None
        if cue.phrase:
            # `according to X, …` (X hangs from `to`) / `selon X, …` (`selon` hangs from X).
            anchor = cue.speaker if dep_of(cue.token) == "case" and cue.speaker is not None else cue.token
            heads = ("VERB", "AUX") if anchor is cue.token else ("VERB", "AUX", "ADJ", "NOUN")
            sent = cue.token.sent
            if anchor.head.pos_ in heads and anchor.head.i != anchor.i:
                skip = {t.i for t in anchor.subtree}
                content = [t for t in sent if t.i not in skip]
            elif cue.token.i == sent.start and cue.speaker is not None:
                # `According to X, the move reeks of "fear"` parsed with `According` as the root: what follows
                # the comma after X.
                comma = next((t.i for t in self.doc[cue.speaker.i : sent.end] if t.text == ","), sent.end)
                content = list(self.doc[comma + 1 : sent.end])
            else:
                return
        else:
            clause = self._that_clause(cue.token) if cue.token.pos_ == "NOUN" else None
            content = list(clause.subtree) if clause is not None else self._complements(cue.token)
            aside = self._parenthetical(cue.token) if not content else None
            if aside is not None:
                clause, left, right = aside
                content = sorted(
                    {t for t in (*clause.subtree, *cue.token.subtree) if not left - 1 <= t.i <= right + 1}, key=lambda t: t.i
                )
            if cue.speaker is not None:
                # `« … », a assuré la présidente`: the inverted subject is not what was said.
                speaker_words = {t.i for t in cue.speaker.subtree}
                content = [t for t in content if t.i not in speaker_words]
        # Reported content stays in the cue's paragraph, whatever the parse says across a blank line.
        para = self._paragraph(cue.token.idx)
        content = [t for t in content if not t.is_space and self._paragraph(t.idx) == para]
        while content and (content[0].is_punct or content[0].lower_ in self.cues.words["leading_links"]):
            content = content[1:]
        while content and content[-1].is_punct and content[-1].text not in ("”", '"', "’"):
            content = content[:-1]
        lemma = self.cues.lemma(cue.token)
        if len(content) < (1 if lemma in self.cues.attitudes else _MIN_CONTENT):
            return
        # The content is a quotation (a direct statement already) when little but punctuation is left outside it;
        # `said there remains a "significant difference …"` keeps its own words and is reported speech.
        outside = [t for t in content if not self.in_quote[t.i] and not t.is_punct]
        quoting = any(self.in_quote[t.i] for t in content)
        if quoting and (len(outside) <= 2 or len(outside) / len(content) < 0.25):
            return
        speaker = self._speaker(cue)
        if speaker is None and cue.speaker is None:
            return
        start, end = content[0].idx, content[-1].idx + len(content[-1])
        main_clause = (
            cue.phrase
            or aside is not None  # `The plan, X said, will fail`: the aside speaks for the main clause
            or cue.token.dep_ == "ROOT"
            or dep_of(cue.token) == "conj" and cue.token.head.dep_ == "ROOT"
        )
        if speaker is not None and main_clause:
            # Only a main clause's speaker is the one talking next: not `after news outlets declared him the
            # victor`, not `emails in which staff members suggested …`.
            self.speakers_so_far.append((cue.token.idx, speaker.name))
        sent = cue.token.sent
        pieces: tuple[tuple[int, int], ...] = ()
        if aside is not None:
            # The attribution set off inside the content is left out of its text: `The plan … will fail`.
            _, left, right = aside
            cut_from, cut_to = self.doc[left].idx, self.doc[right].idx + len(self.doc[right])
            if start < cut_from and cut_to < end:
                before, after = self.text[start:cut_from], self.text[cut_to:end]
                pieces = ((start, start + len(before.rstrip(_STRIP))), (end - len(after.lstrip(_STRIP)), end))
        yield _Found(
            "indirect", start, end, speaker, cue.text.lower(), self._context(sent.start, sent.end, content), pieces=pieces
        )

    def _context(self, start: int, end: int, exclude: list[Token] | None = None) -> str:
        """The frame's words outside quotations (and outside `exclude`): where a date for the utterance may be."""
        skip = {t.i for t in exclude} if exclude else set()
        return "".join(
            t.text_with_ws for t in self.doc[start:end] if not self.in_quote[t.i] and t.i not in skip
        )
