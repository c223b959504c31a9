"""Cue rules for a quotation: which cue introduces it, in precedence order (QUOTE_CUE_RULES).

Each rule reads the frame and the quotation's view and returns a Cue (the cue word and the token of its speaker)
or None to pass. A cue in a table of speech verbs comes first (governing, then nearest); then the layout, when the
verb is in no table: `X: "…"`, `Kasich resisted: "…"`, `"…," Trump barked`.
"""

from __future__ import annotations

from spacy.tokens import Token

from volte.nlp.attribution.cues import Cue, is_weak
from volte.nlp.attribution.filters import is_framing
from volte.nlp.attribution.frame import Frame
from volte.nlp.attribution.quotations import QuoteView
from volte.nlp.attribution.rules import Example, first, rule, rules_of, stage
from volte.nlp.attribution.speech import can_speak
from volte.nlp.attribution.subjects import find_subject
from volte.nlp.deps import dep_of
from volte.nlp.entities import noun_phrase
from volte.nlp.quotes import QuoteSpan

_DASHES = ("-", "—", "–", "--")


def _distance(c: Cue, q: QuoteSpan) -> int:
    if c.token.idx >= q.close_at:
        return c.token.idx - q.close_at
    return max(0, q.open_at - c.token.idx)


def _nearest(cues: list[Cue], q: QuoteSpan) -> Cue:
    """The nearest cue with a speaker, else the nearest one."""
    return min(cues, key=lambda c: (c.speaker is None, _distance(c, q)))


def _opens_after_colon(frame: Frame, q: QuoteSpan) -> bool:
    return frame.text[: q.open_at].rstrip().endswith(":")


@rule("quote_cue", examples=[Example(
    "When Trump suggested that Cuba would sue the U.S. for reneging on the deal, Rubio fired back forcefully: “If "
    "they sue us in a court in Miami, they’re going to lose.”", "Rubio", words="sue us")])
def colon_verb(frame: Frame, view: QuoteView) -> Cue | None:
    """`She said that …, to which O'Malley interjected: "…"`: the verb the colon closes, with a speaker of its own,
    introduces the quotation rather than a cue further back (not a verb of what that cue reports: `Another said
    he hoped that Trump wins: "…"`)."""
    if not _opens_after_colon(frame, view.q):
        return None
    base, _ = first(rules_of(cue_right_after, governing_cue, nearest_strong_cue), frame, view)
    if base is None or base.token.i >= view.q_first:
        return None
    lead, _ = first(rules_of(colon_label, lead_in_verb, copula_lead_in), frame, view)
    if lead is None or lead.token.i <= base.token.i or lead.speaker is None:
        return None
    tok, reported = lead.token, False
    while tok.head.i != tok.i and tok.i != base.token.i:
        reported = reported or dep_of(tok) in ("ccomp", "xcomp", "advcl", "acl")
        tok = tok.head
    return None if reported and tok.i == base.token.i else lead


@rule("quote_cue", examples=[Example(
    '"We will win," Mr. Trump said, after CNBC\'s Becky Quick said the race was close.', "Trump", words="We will win")])
def cue_right_after(frame: Frame, view: QuoteView) -> Cue | None:
    """`"…," Mr. Trump said, after CNBC's Becky Quick said …`: the cue right after the quotation, with its speaker
    standing between, is the attribution whatever the parser hangs the quotation from."""
    q = view.q
    if frame.text[q.start : q.end][-1:] not in ",!?":
        return None
    close_tok = frame.tok(q.close_at - 1)
    for c in view.candidates:
        if c.speaker is None or not 0 < c.token.i - close_tok <= 6:
            continue
        speaker_words = {t.i for t in c.speaker.subtree}
        if all(t.is_punct or t.i in speaker_words for t in frame.doc[close_tok + 1 : c.token.i]):
            return c
    return None


@rule("quote_cue", examples=[Example(
    "Tomas Reinholt called the treaty “a historic mistake” in a speech to farmers.", "Tomas Reinholt",
    words="historic mistake", cue="called")])
def governing_cue(frame: Frame, view: QuoteView) -> Cue | None:
    """The cue the quoted words hang from in the parse; of several, the nearest (`X said A, adding "B"` ->
    `adding`), not a relative clause below another (`told a young woman who suggested that "…"`)."""
    doc = frame.doc
    roots = {doc[i].head.i for i in range(view.q_first, view.q_last + 1) if not view.q_first <= doc[i].head.i <= view.q_last}
    governing = []
    for c in view.candidates:
        for r in roots:
            if r == c.token.i or any(a.i == c.token.i for a in doc[r].ancestors):
                governing.append(c)
                break
    if len(governing) > 1:
        ids = {c.token.i for c in governing}
        governing = [
            c for c in governing
            if not (dep_of(c.token) in ("relcl", "acl") and any(a.i in ids for a in c.token.ancestors))
        ] or governing
    return _nearest(governing, view.q) if governing else None


@rule("quote_cue", examples=[Example(
    "The spot concludes with footage of Reinholt saying during the debate last week, “That makes me smart,” to cheers.",
    "Reinholt", words="That makes me smart")])
def open_participle(frame: Frame, view: QuoteView) -> Cue | None:
    """`The spot concludes with footage of Trump saying during the debate last week, “That makes me smart,”`: a
    speech participle with no words of its own before the quotation, only a phrase of time or place and a comma
    between (`time_place_preps` in cues_<lang>.yaml; not `talking about`, `speaking out against`), introduces it,
    though the parse hangs the quotation on the sentence's main verb."""
    doc = frame.doc
    for c in sorted(view.candidates, key=lambda c: -c.token.i):
        verb = c.token
        if verb.i >= view.q_first or verb.tag_ != "VBG" or c.phrase:
            continue
        between = [t for t in doc[verb.i + 1 : view.q_first] if not (t.is_space or t.is_quote)]
        if not between or between[-1].text != "," or any(
            t.pos_ in ("VERB", "AUX") or frame.in_quote[t.i] for t in between
        ) or len(between) > 8:
            return None
        own = [ch for ch in verb.children if ch.i > verb.i and not ch.is_punct]
        if not all(dep_of(ch) == "prep" and ch.lower_ in frame.cues.words["time_place_preps"] for ch in own):
            return None
        return c
    return None


@rule("quote_cue", examples=[Example(
    '« Nous ne céderons pas », a lancé Étienne Marchal devant les élus.', "Étienne Marchal", language="fr")])
def nearest_strong_cue(frame: Frame, view: QuoteView) -> Cue | None:
    """The nearest strong cue in the frame: a verb that reports speech whatever it governs; a weak one (`believe`,
    `call`) right after the quotation (`« … », a lancé X`) or in an `as` clause (`As X put it in a statement, RT is
    "providing a perspective …"`)."""
    q = view.q
    strong = [
        c for c in view.candidates
        if not is_weak(c, frame.cues) or 0 <= c.token.idx - q.close_at <= 6
        or any(dep_of(m) == "mark" and m.lower_ == "as" for m in c.token.children)
    ]
    return _nearest(strong, q) if strong else None


@rule("quote_cue", examples=[Example(
    "The debate went on for hours.\n\nAsh continued:\n\n“You look at the numbers and you see a country in trouble.”",
    "Ash", words="You look at")])
def lead_in_subject(frame: Frame, view: QuoteView) -> Cue | None:
    """`Ash continued:` / quotation, `X released the following statement:` / quotation: the lead-in sentence's
    subject speaks."""
    if not view.lead_in:
        return None
    root = frame.doc[view.frame_start].sent.root
    subject, _ = find_subject(root, frame.cues, frame.quoted)
    if subject is not None and can_speak(subject, frame.cues, "name", "pronoun"):
        return Cue(root, root.text, subject, subject_rule="lead_in_subject")
    return None


def _pre(frame: Frame, q: QuoteSpan) -> list[Token]:
    """The words before the quotation in its sentence, when they end on a colon or comma after the last quotation."""
    open_tok = frame.tok(q.open_at)
    sent = frame.doc[open_tok].sent
    pre = [t for t in frame.doc[sent.start : open_tok] if not frame.in_quote[t.i] and not t.is_space]
    if len(pre) >= 2 and pre[-1].text in (":", ",") and pre[-1].idx >= frame.prev_close(q):
        return pre
    return []


@rule("quote_cue", examples=[
    Example('Former secretary of state Hillary Rodham Clinton:"We have to do better."', "Hillary Rodham Clinton"),
    Example('Rep. Trey Gowdy (R-S.C.):"I have not heard anyone other than you ever cite that figure."', "Trey Gowdy"),
])
def colon_label(frame: Frame, view: QuoteView) -> Cue | None:
    """A label before a colon: `Former secretary of state Hillary Clinton:`, `Rep. Trey Gowdy (R-S.C.):` (its party
    label left out), `RED STATES OUTNUMBER BLUE STATES - Jeffrey M. Jones:` (after a headline and a spaced dash).
    The label must be a noun phrase ending on a name, and nothing else."""
    pre = _pre(frame, view.q)
    if not pre or pre[-1].text != ":":
        return None
    label = pre[:-1]
    dashes = [k for k, t in enumerate(label) if t.text in _DASHES and t.whitespace_]
    depth, words = 0, []
    for t in label[dashes[-1] + 1 :] if dashes else label:
        depth += (t.text == "(") - (t.text == ")")
        if depth == 0 and not t.is_punct:
            words.append(t)
    if words and len(words) <= 8 and words[-1].pos_ == "PROPN" and all(
        t.pos_ in ("PROPN", "NOUN", "ADJ", "DET", "ADP") or t.lower_.rstrip(".") in frame.cues.titles for t in words
    ):
        return Cue(pre[-1], ":", words[-1], subject_rule="colon_label")
    return None


def _climb_to_verb(pre: list[Token], open_tok: int) -> Token:
    """`McConnell delivered a blunt message to Trump:` -> up the parse from the last word to its verb."""
    tok = pre[-2]
    while tok.pos_ != "VERB" and tok.head.i != tok.i and pre[0].i <= tok.head.i < open_tok:
        tok = tok.head
    return tok


@rule("quote_cue", examples=[
    Example('Kasich resisted: "I am not going to do that."', "Kasich"),
    Example("The vote ended late. Party leaders shot back, “This result will not stand.”", "Party leaders"),
])
def lead_in_verb(frame: Frame, view: QuoteView) -> Cue | None:
    """`Kasich resisted: "…"`, `Sanders shot back, "…"`, `As X put it, "…"`: the verb before the colon or comma,
    whatever it is, when its subject can speak; from a clause with no such subject up to the one above (`Clinton
    has since apologized for what happened: "…"`)."""
    q = view.q
    pre = _pre(frame, q)
    if not pre:
        return None
    open_tok = frame.tok(q.open_at)
    verb = pre[-2] if pre[-2].pos_ == "VERB" else None
    if verb is None and dep_of(pre[-2]) in ("prt", "dobj", "advmod") and pre[-2].head.i < pre[-2].i:
        verb = pre[-2].head
    if pre[-1].text == ":":
        tok = _climb_to_verb(pre, open_tok)
        verb = tok if tok.pos_ == "VERB" else None
    sent_start = frame.doc[open_tok].sent.start
    while verb is not None and verb.pos_ in ("VERB", "AUX") and sent_start <= verb.i < open_tok:
        before, subject_rule = find_subject(verb, frame.cues, frame.quoted)
        if before is not None and before.i < verb.i and can_speak(before, frame.cues):
            return Cue(verb, verb.text, before, subject_rule=subject_rule)
        if pre[-1].text != ":":
            break
        verb = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return None


@rule("quote_cue", examples=[Example('Clinton\'s response was: "We will not back down."', "Clinton")])
def copula_lead_in(frame: Frame, view: QuoteView) -> Cue | None:
    """`Clinton's response was: "…"`, `the Board was conclusive in its findings: "…"`: no verb before the colon
    but a copula; its subject, or the owner of a subject that names what was said."""
    pre = _pre(frame, view.q)
    if not pre or pre[-1].text != ":":
        return None
    open_tok = frame.tok(view.q.open_at)
    root = _climb_to_verb(pre, open_tok)
    if root.pos_ == "VERB" or root.i >= open_tok or root.pos_ != "AUX":
        return None
    subjects = [c for c in root.children if dep_of(c) == "nsubj" and c.i < root.i]
    if not subjects:
        return None
    subject, cues = subjects[0], frame.cues
    owners = [c for c in subject.children if dep_of(c) == "poss"]
    if owners and subject.lower_ in cues.nouns | cues.report_nouns | cues.words["answer_nouns"]:
        subject = owners[0]
    return Cue(root, root.text, subject, subject_rule="copula_lead_in") if can_speak(subject, cues) else None


@rule("quote_cue", examples=[
    Example('"Go back to your seat," Lund barked as the session ended.', "Lund"),
    Example('"You are fired!" blared the front page of the Herald.', "Herald"),
])
def trailing_verb(frame: Frame, view: QuoteView) -> Cue | None:
    """`"…," Trump barked`, `"…!" blared the front page of the Herald`: a verb in no table right after a quotation
    that ends on `,`, `!` or `?`, with a subject that can speak or holds a name."""
    doc, q = frame.doc, view.q
    close_tok = frame.tok(q.close_at - 1)
    if frame.text[q.start : q.end][-1:] not in ",!?" or q.unclosed:
        return None
    for tok in doc[close_tok + 1 : min(len(doc), close_tok + 15)]:
        if frame.in_quote[tok.i] or tok.is_quote or tok.text in (".", ";", ":") or tok.is_space:
            return None
        if tok.pos_ != "VERB":
            continue
        subject = _trailing_subject(frame, tok, close_tok)
        if subject is not None and (can_speak(subject, frame.cues) or any(t.pos_ == "PROPN" for t in noun_phrase(subject))):
            return Cue(tok, tok.text, subject, subject_rule="trailing_verb")
        return None
    return None


def _trailing_subject(frame: Frame, tok: Token, close_tok: int) -> Token | None:
    doc = frame.doc
    if tok.i == close_tok + 1 or doc[close_tok + 1].is_punct and tok.i == close_tok + 2:
        subject, _ = find_subject(tok, frame.cues, frame.quoted)  # `blared the front page of the Herald`
        return subject if subject is not None and subject.i > tok.i else None
    subjects = [c for c in tok.children if dep_of(c) in ("nsubj", "nsubjpass") and c.i > close_tok]
    if not subjects and dep_of(tok) in ("acl", "relcl") and close_tok < tok.head.i < tok.i:
        subjects = [tok.head]  # `the nominee, Donald Trump, tweeted` parsed as a clause of `nominee`
    between = [t for t in doc[close_tok + 1 : tok.i] if not t.is_punct]
    if not subjects and between and all(t.pos_ in ("PROPN", "NOUN", "DET", "ADJ") for t in between):
        subjects = [between[-1]]  # `Trump barked` parsed as one noun phrase
    return subjects[0] if subjects else None


def governing_verb(frame: Frame, q: QuoteSpan) -> Token | None:
    """The nearest verb outside the quotation that the quoted words hang from, or None."""
    first_tok, last_tok = frame.tok(q.start), frame.tok(q.end - 1)
    for i in range(first_tok, last_tok + 1):
        head = frame.doc[i].head
        if first_tok <= head.i <= last_tok:
            continue
        for tok in (head, *head.ancestors):
            if tok.pos_ in ("VERB", "AUX") and not frame.in_quote[tok.i]:
                return tok if tok.pos_ == "VERB" else None
        return None
    return None


def governing_any_cue(frame: Frame, q: QuoteSpan) -> Cue | None:
    """The verb, listed as a cue or not, that the quoted words hang from, with its subject as the parse gives it
    (None when there is no such verb or it only frames the words): `Washington thanked Obama for "taking these steps"`."""
    verb = governing_verb(frame, q)
    if verb is None or is_framing(frame, verb):
        return None
    subject, subject_rule = find_subject(verb, frame.cues, frame.quoted)
    return Cue(verb, verb.text, subject, subject_rule=subject_rule)


def names_by_quote(frame: Frame, cue: Cue, q: QuoteSpan) -> bool:
    """Whether the verb of `cue` calls something by the quoted words, `rated claims as "entirely true"`, or is one of
    referring, `referenced "political tensions"`: not a verb of having or doing, `has "big plans" for the campaign`,
    `sent its "national enterprise reporter"` (the words are someone else's, or a scare quote)."""
    opens = frame.doc[frame.tok(q.start)]
    named_as = any(
        dep_of(a) == "prep" and a.lower_ in frame.cues.words["naming_preps"] and a.head.i == cue.token.i
        for a in (opens, *opens.ancestors)
    )
    return named_as or cue.token.lower_ in frame.cues.words["referring"]


@rule("quote_cue", examples=[Example(
    'The senators rated the bill as "a disaster for farmers" last week.', "senators", words="a disaster")])
def governing_verb_with_speaker(frame: Frame, view: QuoteView) -> Cue | None:
    """The governing verb of a quotation with no cue of its own, when its subject can speak and it calls something by
    the quoted words (names_by_quote): `The senators rated the bill as "a disaster for farmers"` (not a signature's
    dash the tagger took for a verb)."""
    cue = governing_any_cue(frame, view.q)
    if cue is None or not cue.token.is_alpha or not names_by_quote(frame, cue, view.q):
        return None
    return cue if cue.speaker is not None and can_speak(cue.speaker, frame.cues) else None


QUOTE_CUE_RULES = stage("quote_cue", (
    colon_verb,
    cue_right_after,
    open_participle,
    governing_cue,
    nearest_strong_cue,
    lead_in_subject,
    colon_label,
    lead_in_verb,
    copula_lead_in,
    trailing_verb,
    governing_verb_with_speaker,
))


@rule("quote_subject", examples=[Example(
    "“Very good reporter,” Trump, the GOP frontrunner nationally and current polling leader in Ohio, said.", "Trump",
    words="Very good reporter")])
def name_between_quote_and_cue(frame: Frame, view: QuoteView, cue: Cue) -> Cue | None:
    """`"…," Trump, the 2016 GOP frontrunner …, said when …`: the cue after the quotation has no subject in the
    parse; a name opening the words between the quotation and the cue is its speaker (`Texas delegate Bill
    Eastland` -> its last name, the run's last proper noun)."""
    q = view.q
    if cue.speaker is not None or cue.token.idx <= q.close_at:
        return None
    k = frame.tok(q.close_at - 1) + 1
    while k < cue.token.i and (frame.doc[k].is_punct or frame.doc[k].is_space):
        k += 1
    run = []
    for tok in frame.doc[k : min(cue.token.i, k + 6)]:
        if tok.pos_ not in ("PROPN", "NOUN", "ADJ") or frame.in_quote[tok.i]:
            break
        run.append(tok)
    names = [t for t in run if t.pos_ == "PROPN"]
    if not names or len(run) > 4 and run[0].pos_ != "PROPN":
        return None
    return Cue(cue.token, cue.text, names[-1], cue.phrase, "name_between_quote_and_cue")


QUOTE_SUBJECT_RULES = stage("quote_subject", (name_between_quote_and_cue,))
