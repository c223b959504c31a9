"""Continuity rules: a quotation whose cue gave no speaker takes one from the layout or from what came before.

CONTINUITY_RULES fill the speaker of a quotation still without one (a signature, a transcript label, the speaker of
the same quotation's earlier piece, a speaker the text announced, the previous speaker); CONTINUATION_RULES join
a quotation interrupted by its attribution into one statement (`"A," she said. "B."`). These are the only rules
that read earlier results, from the History they are given.
"""

from __future__ import annotations

from dataclasses import dataclass

from volte.model import Entity
from volte.nlp.attribution.cues import Cue
from volte.nlp.attribution.frame import Frame
from volte.nlp.attribution.history import Attribution, History
from volte.nlp.attribution.quotations import QuoteView
from volte.nlp.attribution.rules import Example, rule, stage
from volte.nlp.attribution.speakers import Resolution, named, resolve_speaker
from volte.nlp.attribution.speech import can_speak
from volte.nlp.attribution.subjects import find_subject


@dataclass(frozen=True)
class Borrowed:
    """The speaker and cue of an earlier quotation, taken over."""

    entity: Entity
    cue: str | None


@rule("continuity", examples=[Example('"Love trumps hate."\n― Karen Bobadilla', "Karen Bobadilla")])
def signature(frame: Frame, view: QuoteView, cue: Cue | None, history: History) -> Resolution | None:
    """A name signing the quotation after a dash: `“…” ― Karen Bobadilla`, on its line or the next one."""
    name = frame.signatures[frame.index(view.q)]
    return named(frame, name) if name is not None else None


@rule("continuity", examples=[Example('"PENCE: Well, the question is what we do next."', "Pence")])
def transcript_label(frame: Frame, view: QuoteView, cue: Cue | None, history: History) -> Resolution | None:
    """A transcript's label opening the quoted words: `"PENCE: Well, …"`."""
    name = frame.transcript_labels[frame.index(view.q)]
    return named(frame, name) if name is not None else None


@rule("continuity", examples=[Example(
    "Valcourt said: “We will not give in. We will fight for every vote in every town.\n\n“And we will win in the "
    "end, whatever the polls say.”", "Valcourt", words="whatever the polls")])
def same_quotation(frame: Frame, view: QuoteView, cue: Cue | None, history: History) -> Borrowed | None:
    """A piece of a quotation that runs over several paragraphs has the speaker (and cue) of its first piece."""
    group = view.q.group
    return Borrowed(*history.groups[group]) if group >= 0 and group in history.groups else None


def announced(frame: Frame, view: QuoteView, history: History, mid_paragraph: bool) -> Resolution | None:
    """The speaker a sentence before the quotation announces (see the two rules that use it)."""
    q, doc = view.q, frame.doc
    para = frame.paragraph(q.open_at)
    before = frame.text[frame.paragraph_starts[para] : q.open_at].rstrip()
    if mid_paragraph:
        if not before.endswith((".", "!", "?")):
            return None
        k = frame.tok(len(before) + frame.paragraph_starts[para] - 1)
    else:
        if para == 0 or before.strip():
            return None
        k = frame.tok(frame.paragraph_starts[para] - 1)
    while k > 0 and (doc[k].is_space or doc[k].is_punct):
        k -= 1
    sent = doc[k].sent
    if any(frame.in_quote[t.i] for t in sent) or mid_paragraph and not frame.cues.lemma(sent.root):
        return None
    subject, subject_rule = find_subject(sent.root, frame.cues, frame.quoted)
    if subject is None or not can_speak(subject, frame.cues, "name", "person_pronoun"):
        return None
    return resolve_speaker(frame, Cue(sent.root, sent.root.text, subject, subject_rule=subject_rule), history)


@rule("continuity", examples=[Example(
    'Sen. Ted Cruz tweeted a warning. "Missouri: remember who stood with you this year."', "Ted Cruz")])
def announced_in_paragraph(frame: Frame, view: QuoteView, cue: Cue | None, history: History) -> Resolution | None:
    """A quotation with no cue opening a sentence whose sentence before has a speech verb as its main verb: `Sen.
    Ted Cruz tweeted a warning. "Missouri: remember …"` -> Ted Cruz."""
    return announced(frame, view, history, mid_paragraph=True) if cue is None else None


@rule("continuity", examples=[Example(
    "“The harbour needs money,” Valcourt said.\n\n“And it needs it now.”", "Valcourt", words="needs it now")])
def previous_speaker(frame: Frame, view: QuoteView, cue: Cue | None, history: History) -> Resolution | None:
    """A quotation with no cue, right after another speaker's words (in the same or the next paragraph), continues
    them: `"…," X said. "…"`."""
    if cue is not None or not history.speakers:
        return None
    char, name = history.speakers[-1]
    if frame.paragraph(view.q.open_at) - frame.paragraph(char) <= 1:
        return Resolution(frame.book.entity(name))
    return None


@rule("continuity", examples=[Example(
    'The vote was close.\n\nHoward continued his scathing remarks.\n\n"Eight years ago we were told the same story."',
    "Howard", words="Eight years")])
def announced_by_paragraph(frame: Frame, view: QuoteView, cue: Cue | None, history: History) -> Resolution | None:
    """A quotation opening a paragraph, announced by the last sentence of the paragraph before: `Howard continued
    his scathing remarks.` / `"Eight years ago …"` -> Howard."""
    return announced(frame, view, history, mid_paragraph=False) if cue is None else None


@rule("continuity", examples=[
    Example("« Nous sommes satisfaits », a déclaré l'avocat Paul Roux. Le verdict a convaincu la mère de la victime, "
            "Nadia Benali, de faire appel : « Je veux que toute la vérité "
            "soit dite sur la mort de mon fils ».", "Nadia Benali", words="toute la vérité", language="fr"),
])
def person_before_colon(frame: Frame, view: QuoteView, cue: Cue | None, history: History) -> Resolution | None:
    """French: a quotation in the first person with no cue, after a colon ending a sentence that names one person
    (`Le reportage a convaincu la veuve, Souha Arafat, de demander … : « Je veux … »`): that person speaks, not the
    one who spoke before."""
    lead = frame.text[: view.q.open_at].rstrip()
    if cue is not None or frame.doc.lang_ != "fr" or not lead.endswith(":"):
        return None
    if not view.words or view.words[0].lower_ not in frame.cues.words["first_person"]:
        return None
    colon = frame.doc.char_span(len(lead) - 1, len(lead), alignment_mode="expand")
    if colon is None:
        return None
    sent_start = colon[0].sent.start_char
    people = {m.key for m in frame.book.before(view.q.open_at)
              if m.start >= sent_start and not m.quoted and frame.book.types.get(m.key, m.type) == "person"}
    return Resolution(frame.book.entity(people.pop())) if len(people) == 1 else None


CONTINUITY_RULES = stage("continuity", (
    signature,
    transcript_label,
    same_quotation,
    announced_in_paragraph,
    person_before_colon,
    previous_speaker,
    announced_by_paragraph,
))


@rule("continuation", examples=[
    Example("“We will win,” Jean Dupont said. “And we will win soon.”", "Jean Dupont", words="And we will win soon"),
    Example("“My hope,” Jean Dupont said, “is that the plan will pass this year.”", "Jean Dupont", words="My hope"),
])
def interrupted_quotation(frame: Frame, first: Attribution, second: Attribution) -> bool:
    """`"A," she said. "B."`: one quotation interrupted by its attribution, in one paragraph. The second piece has
    no cue of its own (or shares the first one's), the same speaker, and only the attribution stands between. A
    sentence cut mid-way, `"My hope," he said, "is that …"`, goes on in a second piece that reads as partial."""
    if first.kind != "direct" or first.speaker is None or second.speaker != first.speaker:
        return False
    a, b = first.quote, second.quote
    if a is None or b is None or frame.paragraph(a.open_at) != frame.paragraph(b.open_at):
        return False
    if second.kind != "direct" and not (
        frame.text[a.start : a.end].rstrip().endswith(",") and frame.text[a.close_at : b.open_at].rstrip().endswith(",")
    ):
        return False
    if second.cue_at not in (-1, first.cue_at) or first.cue_at == -1:
        return False
    gap = frame.text[a.close_at : b.open_at]
    cue_tok = frame.doc[first.cue_at]
    return len(gap.split()) <= 14 and a.close_at <= cue_tok.idx < b.open_at


@rule("continuation", examples=[
    Example("Valcourt called Dupont “utterly amoral,” “a liar” and “a bully.”", "Valcourt", words="a bully"),
    Example("Claire Roux, directrice du site, a promis « de ne fermer aucune ligne », et de « recruter vingt "
            "techniciens ».", "Claire Roux", words="recruter vingt techniciens", language="fr"),
])
def quoted_list(frame: Frame, first: Attribution, second: Attribution) -> bool:
    """`called him a "pathological liar," "utterly amoral" and a "bully"`: quoted words listed under one cue, in one
    sentence, are one statement of one speaker (a list's commas and `and a` between them, nothing else; in French
    a repeated preposition too: `a indiqué « vouloir … », et à « embaucher … »`)."""
    if first.kind != "partial" or second.kind != "partial" or first.cue_at == -1 or second.cue_at != first.cue_at:
        return False
    a, b = first.quote, second.quote
    if a is None or b is None or first.speaker != second.speaker:
        return False
    if frame.doc[frame.tok(a.start)].sent.start != frame.doc[frame.tok(b.start)].sent.start:
        return False
    # (From the end of the words joined so far: the list may be three long.)
    gap = frame.text[first.end : b.open_at].strip(" ,;.\"'”’»")
    return all(w.lower().strip("\"'“”‘’,") in frame.cues.words["list_links"] for w in gap.split())


@rule("continuation", examples=[
    Example("Le ministre Arnaud Montebourg a parlé dimanche.\n\n« Avec une augmentation continue de la consommation, "
            "même en maintenant notre parc actuel », la question est de savoir « si nous allons continuer à investir » "
            "affirme-t-il.", "Arnaud Montebourg", words="si nous allons continuer à investir", language="fr"),
])
def bridged_quotation(frame: Frame, first: Attribution, second: Attribution) -> bool:
    """`« A », la question est de savoir « B » affirme-t-il`: two quotations of one sentence under the one cue that
    follows them both, with a few words of the author's between (`_BRIDGE` or fewer, no cue among them), are one
    statement: the speaker's words with the author's bridge."""
    if first.cue_at == -1 or second.cue_at != first.cue_at or first.speaker is None or second.speaker != first.speaker:
        return False
    a, b = first.quote, second.quote
    if a is None or b is None or frame.doc[frame.tok(a.start)].sent.start != frame.doc[frame.tok(b.start)].sent.start:
        return False
    if frame.doc[first.cue_at].idx < b.close_at:
        return False  # (the cue between them: `interrupted_quotation`; before them both: `quoted_list`)
    gap = frame.doc[frame.tok(a.close_at) : frame.tok(b.open_at)]
    words = [t for t in gap if not t.is_punct]
    return 0 < len(words) <= _BRIDGE and not any(frame.cues.lemma(t) for t in words if t.pos_ in ("VERB", "AUX"))


_BRIDGE = 8  # words


CONTINUATION_RULES = stage("continuation", (interrupted_quotation, quoted_list, bridged_quotation))
